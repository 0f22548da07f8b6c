import torch
import torch.nn as nn

torch.manual_seed(0)
w = torch.empty(4, 6)
nn.init.sparse_(w, sparsity=0.5, std=0.02)
print(w)
print((w == 0).sum(dim=0))
t = torch.empty(3, 4)
nn.init.kaiming_uniform_(t, a=5 ** 0.5)
print(t)
nn.init.xavier_uniform_(t, gain=2.0)
print(t)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print('ValueError:', e)
try:
    nn.init.calculate_gain('foo')
except ValueError as e:
    print('ValueError:', e)
print(nn.init._calculate_fan_in_and_fan_out(torch.empty(3, 4, 5, 5)))

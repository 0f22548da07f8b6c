import torch
import torch.nn as nn
m = nn.Linear(2, 2)
m.weight.requires_grad = False
m.bias.requires_grad = False
try:
    opt = torch.optim.Adam([p for p in m.parameters() if p.requires_grad])
except ValueError as e:
    print(e)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
opt.step()
print(m.weight._version)
m2 = nn.Sequential()
m2.add_module('fc', nn.Linear(1, 1))
m2.add_module('0', nn.ReLU())
print(m2, [n for n, _ in m2.named_children()])
try:
    m2.add_module('a.b', nn.ReLU())
except KeyError as e:
    print('KeyError', e)
try:
    torch.optim.SGD([{'params': m.weight, 'lr': 0.1}, {'params': m.bias}])
except TypeError as e:
    print(e)

import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(42)
d = nn.Dropout(0.5)
x = torch.ones(3, 5)
print(d(x))
d.eval()
print(d(x))
d.train()
x.requires_grad_()
y = d(x)
print(y.grad_fn)
y.sum().backward()
print(x.grad)
print(F.dropout(torch.ones(6), 0.3))
print(F.dropout(torch.ones(6), 0.3, training=False))
a = torch.ones(2, 4)
F.dropout(a, 0.5, inplace=True)
print(a, a._version)
print(nn.Dropout(p=1.0)(torch.ones(3)))
try:
    nn.Dropout(1.5)
except ValueError as e:
    print(e)
print(nn.Dropout2d(0.5)(torch.ones(1, 4, 2, 2)))

import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
h = x * 1.0
a = nn.LeakyReLU(0.1, inplace=True)(h)
print(a is h, h._version, a.grad_fn)
a.sum().backward()
print(x.grad)
s = torch.sigmoid(x)
try:
    nn.ReLU(inplace=True)(s).sum().backward()
except RuntimeError as e:
    print(e)
try:
    nn.ReLU(inplace=True)(x)
except RuntimeError as e:
    print(e)
t = torch.tanh(x)
e = nn.ELU(inplace=True)(t)
try:
    e.sum().backward()
except RuntimeError as err:
    print(err)
y = x.exp()
nn.Hardtanh(inplace=True)(y)
try:
    y.sum().backward()
except RuntimeError as err:
    print(err)

import torch
import torch.nn as nn
torch.manual_seed(0)
conv = nn.Conv2d(1, 2, 3, padding=1)
x = torch.randn(2, 1, 4, 4, requires_grad=True)
y = conv(x)
print(y.shape, y.grad_fn)
print(conv.weight.shape, conv.bias)
y.mean().backward()
print(conv.bias.grad)
print(x.grad[0, 0])
pool = nn.MaxPool2d(2)
p = pool(y)
print(p.grad_fn, p.shape)
print(nn.AvgPool2d(2)(y).grad_fn)
c1 = nn.Conv1d(3, 2, 2, stride=2)
s = torch.randn(1, 3, 6)
print(c1(s))
try:
    conv(torch.randn(2, 3, 4, 4))
except RuntimeError as e:
    print(e)
print(nn.Flatten()(p).shape)

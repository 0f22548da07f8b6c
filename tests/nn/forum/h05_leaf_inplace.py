import torch
import torch.nn as nn
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
try:
    w += 1
except RuntimeError as e:
    print(e)
try:
    w.zero_()
except RuntimeError as e:
    print(e)
lin = nn.Linear(3, 2)
try:
    lin.weight.mul_(2)
except RuntimeError as e:
    print(e)
x = torch.randn(2, 3)
h = lin(x)
h2 = h.relu()
h2.add_(1)
h2.sum().backward()
print(lin.bias.grad)
y = lin(x).sigmoid()
y += 1
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)

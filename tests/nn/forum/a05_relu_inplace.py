import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 3), nn.Sigmoid(), nn.ReLU(inplace=True))
print(model)
x = torch.randn(2, 3)
y = model(x)
print(y.grad_fn, y._version)
try:
    y.sum().backward()
except RuntimeError as e:
    print("error:", e)
m2 = nn.Sequential(nn.Linear(3, 3), nn.ReLU(inplace=True), nn.Linear(3, 1))
out = m2(x)
out.sum().backward()
print(m2[0].weight.grad)
a = torch.randn(4, requires_grad=True)
b = a * 2
c = torch.nn.functional.relu(b, inplace=True)
print(c is b, b._version, c.grad_fn)
c.sum().backward()
print(a.grad)

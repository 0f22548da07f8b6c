import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Linear(3, 1)
x = torch.randn(4, 3)
loss = m(x).pow(2).mean()
loss.backward()
lr = 0.1
for p in m.parameters():
    p.data.add_(p.grad.data, alpha=-lr)
print(m.weight, m.weight._version)
for p in m.parameters():
    p.data.sub_(lr * p.grad)
print(m.bias, m.bias._version)
with torch.no_grad():
    m.weight.copy_(torch.ones(1, 3))
    m.bias.fill_(0.5)
print(m(x), m.weight._version)
m.weight.data = torch.zeros(1, 3)
print(m.weight, m.weight.requires_grad, m.weight.grad)
try:
    m.weight += 1
except RuntimeError as e:
    print(e)
m.weight.grad.zero_()
print(m.weight.grad, m.weight.grad._version)

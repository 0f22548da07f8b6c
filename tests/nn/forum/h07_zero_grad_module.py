import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
m(torch.ones(3, 2)).sum().backward()
g = m[0].weight.grad
print(g, g._version)
m.zero_grad(set_to_none=False)
print(m[0].weight.grad, g._version, m[0].weight.grad is g)
m(torch.ones(3, 2)).sum().backward()
print(m[1].bias.grad, g._version)
m.zero_grad()
print(m[0].weight.grad, m[1].bias.grad)
m.requires_grad_(False)
out = m(torch.ones(1, 2))
print(out.requires_grad, out.grad_fn)
try:
    out.sum().backward()
except RuntimeError as e:
    print(e)

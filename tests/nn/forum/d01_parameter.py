import torch
import torch.nn as nn
p = nn.Parameter(torch.tensor([1., 2., 3.]))
print(p)
print(repr(p), p.requires_grad, p.is_leaf, isinstance(p, nn.Parameter), isinstance(p, torch.Tensor), type(p))
q = nn.Parameter(torch.ones(2), requires_grad=False)
print(q, q.requires_grad)
y = p * 2
print(y, type(y))
print(p.data, type(p.data))
p.data = torch.zeros(3)
print(p, p._version)
d = p.detach()
print(type(d), d.requires_grad)
print(nn.Parameter(torch.arange(3)) if False else 'skip')
try:
    nn.Parameter(torch.arange(3))
except RuntimeError as e:
    print(e)
e = nn.Parameter()
print(e)
c = p.clone()
print(type(c), c.grad_fn)
with torch.no_grad():
    p.add_(1)
print(p, p._version)
print(p + 0)

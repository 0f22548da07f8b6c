import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential
torch.manual_seed(0)
drop = nn.Dropout(0.5)
def g(x):
    return drop(x) * 2
x = torch.ones(8, requires_grad=True)
y = checkpoint(g, x, use_reentrant=False)
print(y)
y.sum().backward()
print(x.grad, torch.rand(2))
x.grad = None
y = checkpoint(g, x, use_reentrant=True, preserve_rng_state=True)
y.sum().backward()
print(y, x.grad, torch.rand(2))
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 4), nn.Tanh(), nn.Linear(4, 1))
inp = torch.randn(5, 3, requires_grad=True)
out = checkpoint_sequential(model, 2, inp, use_reentrant=False)
print(out.grad_fn.name())
out.sum().backward()
print(inp.grad.sum(), model[0].weight.grad.sum())
out = checkpoint_sequential(model, 3, inp)
print(out.grad_fn.name())
a = torch.randn(3, requires_grad=True)
b = a * 2
y = checkpoint(lambda t: t.sin(), b, use_reentrant=False)
b.add_(1)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)
with torch.no_grad():
    q = checkpoint(lambda t: t.sin(), a, use_reentrant=False)
print(q.requires_grad)

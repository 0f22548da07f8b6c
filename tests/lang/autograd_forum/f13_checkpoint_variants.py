import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential
torch.manual_seed(0)
def f(x, w):
    print("run f", torch.is_grad_enabled())
    h = torch.sin(x * w)
    print("after sin")
    return h.exp().sum(1)
x = torch.randn(2, 3, requires_grad=True)
w = torch.randn(3, requires_grad=True)
y = checkpoint(f, x, w)
print(y.grad_fn.name(), y.requires_grad)
y.sum().backward()
print(x.grad, w.grad)
x.grad = None
y = checkpoint(f, x, w, use_reentrant=False)
print(y.grad_fn.name())
y.sum().backward(retain_graph=True)
print("second")
y.sum().backward()
print(x.grad)
try:
    checkpoint(f, x, w, use_reentrant=True, foo=1)
except ValueError as e:
    print("ValueError:", e)
z = checkpoint(f, torch.ones(1, 3), torch.ones(3), use_reentrant=True)
print(z.requires_grad)
y = checkpoint(f, x, w, use_reentrant=True)
try:
    torch.autograd.grad(y.sum(), x)
except RuntimeError as e:
    print(e)
y = checkpoint(f, x, w, use_reentrant=False)
print(torch.autograd.grad(y.sum(), x))

import torch
import torch.nn.functional as F
x = torch.arange(12.).reshape(1, 2, 6)
print(F.pad(x, (2, 1), mode='reflect'))
print(F.pad(x, (2, 3), mode='replicate'))
print(F.pad(x, (1, 2), mode='circular'))
print(F.pad(x, (1, 1), value=-1.))
y = torch.arange(16.).reshape(1, 1, 4, 4).requires_grad_()
z = F.pad(y, (1, 1, 2, 0), mode='reflect')
print(z, z.grad_fn)
z.sum().backward()
print(y.grad)
w = F.pad(y, (1, 1, 1, 1), mode='replicate')
print(w.grad_fn)
c = F.pad(y, (1, 1, 1, 1), mode='circular')
print(c.grad_fn)
try:
    F.pad(x, (6, 0), mode='reflect')
except RuntimeError as e:
    print(e)
try:
    F.pad(torch.ones(3), (1, 1), mode='reflect')
except Exception as e:
    print(type(e).__name__, e)

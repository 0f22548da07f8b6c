import torch
x = torch.ones(3, requires_grad=True)
print(x.grad_fn)
print(x.data.requires_grad)
x.data = torch.tensor([5., 6., 7.])
print(x)
try:
    x.data = torch.tensor([1, 2, 3])
except RuntimeError as e:
    print(e)
print(x)
y = x * 2
z = y.data
z += 1
print(y, y._version, z._version)
y.sum().backward()
print(x.grad)
x.grad.data.zero_()
print(x.grad)
x.grad = torch.ones(3)
print(x.grad)
try:
    x.grad = torch.ones(4)
except RuntimeError as e:
    print(e)
try:
    x.grad = torch.ones(3, dtype=torch.float64)
except RuntimeError as e:
    print(e)
x = torch.ones(3, requires_grad=True)
(x * 2).sum().backward()
print(x.grad)
x.data = torch.arange(4, dtype=torch.float64)
print(x, x.grad)
(x * 3).sum().backward()
print(x.grad)
y = torch.ones(2)
y.data = torch.tensor([1, 2])
print(y, y.dtype, y.requires_grad)
z = torch.ones(2, requires_grad=True)
w = z * 2
w.data = torch.tensor([5, 6])
print(w)
try:
    w.sum().backward()
except RuntimeError as e:
    print(e)
p = torch.nn.Parameter(torch.ones(2))
p.data = p.data.half()
print(p, p.dtype)
try:
    p.data = 3
except TypeError as e:
    print(e)

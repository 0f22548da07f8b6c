import torch
x = torch.zeros(5)
idx = torch.tensor([0, 2])
x[idx][0] = 5
print(x)
x[idx] = 5
print(x)
mask = x > 0
y = x[mask]
y += 1
print(x, y)
x[mask] += 1
print(x)
dup = torch.tensor([1, 1, 1])
z = torch.zeros(3)
z[dup] += 1
print(z)
z.index_add_(0, dup, torch.ones(3))
print(z)
z.index_put_((dup,), torch.tensor([1., 2., 3.]), accumulate=True)
print(z)
w = torch.arange(12).view(3, 4)
print(w[[0, 2]], w[[0, 2]]._base is None)
print(w[:, [1, 3]])
print(w[w % 2 == 0])
print(w[torch.tensor([True, False, True])])
print(torch.where(w > 5, w, -w))
m = w.clone()
m.masked_fill_(m < 4, 0)
print(m)
try:
    w[torch.tensor([True, False])]
except IndexError as e:
    print(e)
try:
    w[3]
except IndexError as e:
    print(e)
x = torch.zeros(3)
print(x.index_put_((torch.tensor([0, 0]),), torch.tensor(1.), accumulate=True), x._version)
try:
    x.index_put_((torch.tensor([0, 0]),), 1.)
except TypeError as e:
    print(e)
print(torch.index_put(x, (torch.tensor([1]),), torch.tensor([5.]), True), x)
print(x.index_put((torch.tensor([1, 1]),), torch.tensor([5., 6.])))
print(x.index_put((torch.tensor([1, 1]),), torch.tensor([5., 6.]), accumulate=True))
w = torch.ones(3, requires_grad=True)
v = torch.tensor([1., 2.], requires_grad=True)
z = w * 1
z.index_put_((torch.tensor([0, 0]),), v, accumulate=True)
print(z, z.grad_fn.name())
(z * torch.tensor([1., 2., 3.])).sum().backward()
print(w.grad, v.grad)
w.grad = None; v.grad = None
z = w.index_put((torch.tensor([2, 0]),), v)
print(z)
(z * torch.tensor([1., 2., 3.])).sum().backward()
print(w.grad, v.grad)
m = torch.zeros(2, 3)
m.index_put_((torch.tensor([0, 1, 0]), torch.tensor([2, 2, 2])), torch.tensor([1., 2., 3.]), accumulate=True)
print(m)
m.index_put_((torch.tensor([True, False]),), torch.tensor([1., 1., 1.]), accumulate=True)
print(m)
i = torch.zeros(4, dtype=torch.int64)
i.index_put_((torch.tensor([3, 3, 3]),), torch.tensor(2), accumulate=True)
print(i)
h = torch.zeros(2, dtype=torch.float16)
h.index_put_((torch.tensor([0] * 5),), torch.tensor(0.1, dtype=torch.float16), accumulate=True)
print(h)
w = torch.arange(12).view(3, 4)
for k in [lambda: w[torch.tensor([True, False])], lambda: w[:, torch.tensor([True, False])],
          lambda: w[torch.ones(3, 3, dtype=torch.bool)], lambda: w[torch.tensor([1, 0], dtype=torch.uint8)],
          lambda: w[..., torch.tensor([True, False, True])], lambda: w[torch.tensor([True, False, True]), 1:],
          lambda: w[1, torch.tensor([True, False, True, True])], lambda: w[None, torch.tensor([True, True, False])]]:
    try:
        print(k())
    except IndexError as e:
        print(type(e).__name__, e)
try:
    w[torch.tensor([True, False])] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    w.index_put_((torch.tensor([True, False]),), torch.tensor(1))
except IndexError as e:
    print(type(e).__name__, e)
w[torch.tensor([True, False, True])] = 0
print(w)
x = torch.arange(6.).view(3, 2)
m = torch.tensor([1, 0, 2], dtype=torch.uint8)
print(x[m])
try:
    x[m] = -1.
except RuntimeError as e:
    print(e)
print(x)
y = torch.ones(3, requires_grad=True)
z = y[m] * 2
z.sum().backward()
print(y.grad, z.grad_fn.name())
for i in range(2):
    print(x[m].sum())
print(x.index_put((m,), torch.tensor(7.)))
y2 = torch.zeros(3)
try:
    y2[m] = torch.tensor(1.)
except RuntimeError as e:
    print(e)
y2[m] = torch.tensor([4., 5.])
print(y2)
y2.index_put_((m,), torch.tensor(1.), accumulate=True)
print(y2)

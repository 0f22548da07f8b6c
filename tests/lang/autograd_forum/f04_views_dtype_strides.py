import torch
x = torch.arange(6.).view(2, 3)
xt = x.t()
c = xt.clone()
print(c.stride(), c.is_contiguous(), xt.contiguous().stride())
print(x.contiguous() is x, xt.contiguous() is xt)
print(c.clone(memory_format=torch.contiguous_format).stride())
f = x.flatten()
print(f._base is x, f.data_ptr() == x.data_ptr())
one = torch.arange(4.)
print(one.flatten() is one, one.view(-1) is one, one.reshape(4)._base is one)
iv = one.view(torch.int32)
print(iv, iv.dtype, iv.data_ptr() == one.data_ptr())
bv = torch.tensor([1.0]).view(torch.uint8)
print(bv)
try:
    torch.arange(3.).view(torch.float64)
except RuntimeError as e:
    print(e)
e = torch.tensor([1., 2.]).expand(3, 2)
print(e.stride(), e.is_contiguous(), e.contiguous().stride())
r = torch.tensor([1., 2.]).repeat(3, 1)
print(r.stride(), r)
s = torch.arange(10.).as_strided((3, 3), (3, 1), 1)
print(s)
u = torch.arange(8.).unfold(0, 3, 2)
print(u, u.stride())
n = x.narrow(1, 1, 2)
print(n, n.storage_offset(), n._base is x)
print(x[1:][0:].storage_offset(), x.select(1, 2).stride())
x = torch.arange(8.)
cases = [lambda: x.view(torch.float64), lambda: x[1:7].view(torch.float64), lambda: x[::2].view(torch.float64),
         lambda: x.view(2, 4).t().view(torch.float64), lambda: x.view(2,4)[:, :2].view(torch.float64),
         lambda: x.view(2, 4)[:, ::2].view(torch.int16), lambda: torch.tensor(1.).view(torch.int16),
         lambda: torch.tensor(1.).view(torch.int32), lambda: x[:3].view(torch.float64),
         lambda: x.view(torch.int64), lambda: x.view(torch.bool), lambda: x.view(torch.float16),
         lambda: x.view(torch.float32), lambda: x.view(torch.int8),
         lambda: torch.arange(6).view(3, 2).t().view(torch.int8)]
for c in cases:
    try:
        r = c()
        print(r, r.shape, r.stride(), r.storage_offset(), r._base is x)
    except RuntimeError as e:
        print("E", e)
y = torch.tensor([1., 2.], requires_grad=True)
v = y.view(torch.int32)
print(v.requires_grad, v.grad_fn, v._base is y, v.is_leaf)
w = y * 2
vw = w.view(torch.float32)
print(vw is w)
vw2 = w.view(torch.int32)
print(vw2.requires_grad, vw2._base is w, vw2._version)
with torch.no_grad():
    y.view(torch.int32).add_(1)
print(y, y._version)
z = torch.zeros(2)
z.view(torch.int32).fill_(1065353216)
print(z, z._version)
h = torch.tensor([1.0, -2.0], dtype=torch.float16)
print(h.view(torch.int16), h.view(torch.uint8))
b = torch.tensor([0, 1, 2], dtype=torch.uint8)
print(b.view(torch.bool), b.view(torch.int8))
print(torch.tensor([True, False]).view(torch.uint8))
print(torch.tensor([1.5], dtype=torch.float64).view(torch.int64), torch.tensor([1, 2], dtype=torch.int32).view(torch.float32))
print(torch.ones(2).view(dtype=torch.int32), torch.ones(2, 2).view(torch.int8).shape)
a = torch.zeros(4)
a.view(torch.int32)[1] = 1
print(a, a._version)

import torch
from torch.autograd.functional import jacobian, hessian, vjp, jvp, hvp, vhp

def f(x):
    return x ** 2 + 3 * x

x = torch.tensor([1.0, 2.0, 3.0])
print(jacobian(f, x))
def g(x):
    return (x ** 3).sum()
print(hessian(g, x))
out, v = vjp(f, x, torch.ones(3))
print(out, v)
out, j = jvp(f, x, torch.tensor([1.0, 0.0, 0.0]))
print(out, j)
print(hvp(g, x, torch.ones(3)))
def two(a, b):
    return a * b
print(jacobian(two, (torch.tensor([1., 2.]), torch.tensor([3., 4.]))))
def g(x):
    return (x ** 3).sum()
def g2(x, y):
    return (x ** 2 * y).sum()
x = torch.tensor([1.0, 2.0, 3.0])
print(hvp(g, x, torch.ones(3)))
print(vhp(g, x, torch.tensor([1., 0., 2.])))
a, b = torch.tensor([1., 2.]), torch.tensor([3., 4.])
print(hvp(g2, (a, b), (torch.ones(2), torch.ones(2))))
print(vhp(g2, (a, b), (torch.ones(2), torch.zeros(2))))
o, r = hvp(g, x, torch.ones(3), create_graph=True)
print(o, r)
print(hvp(lambda t: t.sin().sum() * 0 + t.sum(), x, torch.ones(3)))
for bad in [lambda: hvp(g, x), lambda: hvp(g, x, torch.ones(2)), lambda: vhp(g2, (a, b), (torch.ones(2),)),
            lambda: hvp(lambda t: t * 2, x, torch.ones(3)), lambda: vhp(lambda t: (t, t), x, torch.ones(3)),
            lambda: vhp(g2, (a, b), (torch.ones(2), torch.ones(3))), lambda: vjp(lambda t: t * 2, x, torch.ones(2)),
            lambda: jvp(lambda t: t * 2, x, torch.ones(2))]:
    try:
        print(bad())
    except RuntimeError as e:
        print(e)
with torch.no_grad():
    print(hvp(g, x, torch.ones(3)))
y = torch.tensor(2.0, requires_grad=True)
print(hvp(lambda t: t ** 4, y))

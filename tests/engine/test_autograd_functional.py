"""torch.autograd.functional (jacobian, hessian, vjp, jvp) and torch.func.grad of small functions, as torch
computes them."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
    "jacobian": '''
F = torch.autograd.functional
x = torch.tensor([1., 2., 3.])
print(F.jacobian(lambda t: t ** 2, x))
print(F.jacobian(lambda t: t.exp().sum(), x))
a, b = torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, -1.])
print(F.jacobian(lambda a, b: a @ b, (a, b)))
print(F.jacobian(lambda t: (t * 2, t.sin()), x))
print(F.jacobian(lambda t: t * 2, x, create_graph=True))
''',
    "hessian": '''
F = torch.autograd.functional
x = torch.tensor([1., 2., 3.])
print(F.hessian(lambda t: (t ** 3).sum(), x))
a, b = torch.tensor([1., 2.]), torch.tensor([3., 4.])
print(F.hessian(lambda a, b: (a * b).sum(), (a, b)))
''',
    "vjp_jvp": '''
F = torch.autograd.functional
x = torch.tensor([1., 2., 3.])
print(F.vjp(lambda t: t ** 2, x, torch.ones(3)))
print(F.vjp(lambda t: (t ** 2).sum(), x))
print(F.jvp(lambda t: t ** 2, x, torch.tensor([1., 0., 1.])))
a, b = torch.tensor([1., 2.]), torch.tensor([3., 4.])
print(F.vjp(lambda a, b: a * b, (a, b), torch.ones(2)))
print(F.jvp(lambda a, b: a * b, (a, b), (torch.ones(2), torch.zeros(2))))
''',
    "torch_func_grad": '''
def tryit(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
x = torch.tensor([1., 2., 3.])
print(torch.func.grad(lambda t: (t ** 3).sum())(x))
print(torch.func.grad(torch.func.grad(lambda t: (t ** 3).sum()))(torch.tensor(2.)))
print(torch.func.grad(lambda a, b: (a * b).sum(), argnums=1)(x, x * 2))
print(torch.func.grad(lambda a, b: (a * b).sum(), argnums=(0, 1))(x, x * 2))
print(torch.func.grad(lambda t: ((t ** 2).sum(), t.sum()), has_aux=True)(x))
tryit(lambda: torch.func.grad(lambda t: t ** 2)(x))
w = torch.tensor([1., 2., 3.], requires_grad=True)
g = torch.func.grad(lambda t: (t ** 2).sum())(w)
print(g, g.requires_grad)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

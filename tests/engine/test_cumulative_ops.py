"""Cumprod (zero-safe and create_graph backward), cummax, cummin, logcumsumexp: each program prints, raises and warns in tensorsh exactly what it does in torch
(values, dtypes, grad_fn names, gradients, messages)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"cumulative_ops": """
x = torch.tensor([[1., 0., 2.], [3., 0., 0.]], requires_grad=True)
y = x.cumprod(1); print(y, y.grad_fn)
y.backward(torch.tensor([[1., 2., 3.], [4., 5., 6.]])); print(x.grad)
x2 = torch.tensor([2., 0., 3., 0., 5.], requires_grad=True)
x2.cumprod(0).sum().backward(create_graph=True); print(x2.grad)
x3 = torch.tensor([2., 1.5, 3., -1., 5.], requires_grad=True)
x3.cumprod(0).sum().backward(create_graph=True); print(x3.grad)
x4 = torch.tensor([[0.3, 0., 1.7], [0., 0., 2.1], [1.1, 0.9, 0.]], requires_grad=True)
x4.cumprod(0).sum().backward(); print(x4.grad)
x4.grad = None
x4.cumprod(1).pow(2).sum().backward(); print(x4.grad)
print(torch.tensor([1,2,3]).cumprod(0), torch.tensor([True,False]).cumprod(0), torch.tensor([1,2],dtype=torch.int32).cumprod(0), torch.tensor([1,2],dtype=torch.uint8).cumprod(0))
print(torch.tensor([1,2,3]).cumprod(0, dtype=torch.float32))
print(torch.tensor(3.).cumprod(0))
try: torch.tensor([1.,2]).cumprod(1)
except Exception as e: print(type(e).__name__, e)
z = torch.tensor([1.,2,3]); z.cumprod_(0); print(z, z._version)
w = torch.tensor([1.,2,3], requires_grad=True).clone(); w.cumprod_(0); print(w)
w.sum().backward()
a = torch.tensor([[1., 3.], [2., 0.5]], requires_grad=True)
v, i = a.cummax(0); print(v, i)
v.sum().backward(); print(a.grad)
print(torch.cummin(a, 1))
print(torch.tensor([3,1,3]).cummax(0), torch.tensor([True,False]).cummax(0), torch.tensor([3,1,1]).cummin(0))
print(torch.tensor([1.,float('nan'),2]).cummax(0))
a.grad = None
l = a.logcumsumexp(0); print(l)
l.sum().backward(); print(a.grad)
try: torch.tensor([1,2]).logcumsumexp(0)
except Exception as e: print(type(e).__name__, e)
print(torch.tensor(2.).cummax(0))
print(torch.zeros(0).cumprod(0), torch.zeros(0,3).cummax(1))
torch.manual_seed(0)
r = torch.randn(4, 5)
print(r.cumprod(1).tolist(), r.logcumsumexp(1).tolist(), r.double().logcumsumexp(0).tolist())
print(torch.tensor([float('inf'), -float('inf'), 1.]).logcumsumexp(0))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

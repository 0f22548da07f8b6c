"""Erf, erfc, erfinv, lgamma, digamma, copysign, float_power, logaddexp(2), dist, nansum, nanmean: each program prints, raises and warns in tensorsh exactly what it does in torch
(values, dtypes, grad_fn names, gradients, messages)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"special_ops": """
x = torch.tensor([1.5, -2.0, 0.0, -0.0], requires_grad=True)
y = torch.tensor([-1.0, 2.0, -3.0, 1.0], requires_grad=True)
for name in ["copysign", "float_power", "logaddexp", "logaddexp2", "dist", "xlogy", "hypot"]:
    try:
        r = getattr(torch, name)(x, y); print(name, r, r.dtype)
        r.sum().backward(); print(x.grad, y.grad); x.grad = None; y.grad = None
    except Exception as e: print(name, type(e).__name__, e)
for name in ["erf", "erfc", "erfinv", "lgamma", "digamma", "nansum", "nanmean"]:
    z = torch.tensor([0.5, -0.25, 0.0, 2.0, float('nan')], requires_grad=True)
    try:
        r = getattr(torch, name)(z); print(name, r, r.dtype)
        r.sum().backward(); print(z.grad)
    except Exception as e: print(name, type(e).__name__, e)
    for t in [torch.tensor([1, 2, 0]), torch.tensor([True, False]), torch.tensor([1.5], dtype=torch.float16), torch.tensor([1.5], dtype=torch.float64)]:
        try: print(name, getattr(torch, name)(t))
        except Exception as e: print(name, type(e).__name__, e)
    pass
i = torch.tensor([1, -2, 3])
for name in ["copysign", "float_power", "logaddexp", "logaddexp2", "dist"]:
    for o in [i, 2, 2.5, torch.tensor([True, False, True]), torch.tensor(2.)]:
        try: print(name, getattr(torch, name)(i, o))
        except Exception as e: print(name, type(e).__name__, e)
    try: print(name, getattr(i, name)(3))
    except Exception as e: print(name, type(e).__name__, e)
    pass
print(torch.float_power(2, i))
try: torch.tensor([1.,2]).float_power_(2)
except Exception as e: print(type(e).__name__, e)
x = torch.tensor([[1., float('nan')], [3., 4.]], requires_grad=True)
print(x.nansum(), x.nansum(0), x.nanmean(1, keepdim=True), torch.nansum(x, dtype=torch.float64))
print(x.nansum().grad_fn, x.nanmean().grad_fn, x.nansum(0).grad_fn)
x.nanmean().backward(); print(x.grad)
x.grad=None; x.nansum(1).sum().backward(); print(x.grad)
print(torch.tensor([1, 2]).nansum(), torch.tensor([True, True]).nansum())
try: print(torch.tensor([1, 2]).nanmean())
except Exception as e: print(type(e).__name__, e)
a = torch.tensor([[1., 2.], [3., 5.]], requires_grad=True)
for p in [2, 1, 0, float('inf'), 3, -float('inf')]:
    d = torch.dist(a, torch.zeros(2, 2), p); print(p, d, d.grad_fn); d.backward(); print(a.grad); a.grad = None
print(torch.dist(a, torch.tensor([1., 1.])))
c = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
e = c * 1
e.copysign_(torch.tensor([-1., 1., -1.]))
print(e, e.grad_fn)
e.sum().backward(); print(c.grad)
q = torch.tensor([1, -2]); q.copysign_(-1.)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""torch.pow with a number base (integer powers with negative exponents), bool abs, and the in-place remainder_,
fmod_, floor_divide_: each program prints and raises in tensorsh exactly what it does in torch."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"pow_number_base_and_inplace_division": """
i = torch.tensor([2, -1, 0, 3])
f = torch.tensor([1.5, -2., 0.5], requires_grad=True)
def tr(s):
    try: r = eval(s); print(s, "->", r)
    except Exception as e: print(s, "!!", type(e).__name__, e)
for s in ["torch.pow(2, i)", "torch.pow(2., i)", "2 ** i", "2 ** torch.tensor([-1, -2])", "1 ** torch.tensor([-1, -2])", "(-1) ** torch.tensor([-1, -2, -3])", "i ** -1", "i ** -2", "i.pow(-1)", "torch.pow(i, -1)", "i ** torch.tensor(-1)", "torch.tensor([2, 1, -1, 0]) ** torch.tensor([-1, -1, -1, -1])",
          "torch.pow(2, f)", "torch.pow(2.5, f)", "torch.pow(True, i)", "torch.pow(0, i)", "torch.pow(2, torch.tensor([True, False]))", "torch.pow(i, 2)", "torch.pow(2, 3)", "torch.pow(-2, torch.tensor([0.5]))",
          "torch.tensor([True, False]).abs()", "abs(torch.tensor([True, False]))", "torch.abs(torch.tensor([True]))", "torch.tensor([True]).abs_()",
          "i.remainder_(2)", "i.fmod_(2)", "i.floor_divide_(2)", "i.remainder_(1.5)", "i.fmod_(torch.tensor(1.5))", "torch.tensor([5., -3.]).fmod_(2)", "torch.tensor([5., -3.]).remainder_(-2)", "torch.tensor([5., -3.]).floor_divide_(2)", "i.remainder_(0)", "i.fmod_(0)", "torch.tensor([5., -3.]).fmod_(0)"]:
    tr(s)
g = f * 1
g.fmod_(1.); print(g, g.grad_fn); g.sum().backward(); print(f.grad); f.grad = None
g = f * 1
g.remainder_(torch.tensor([1., 2., 0.3])); print(g, g.grad_fn); g.sum().backward(); print(f.grad); f.grad = None
g = f * 1
g.fmod_(torch.tensor([1., 2., 0.3])); print(g, g.grad_fn); g.sum().backward(); print(f.grad); f.grad = None
r = torch.pow(2, f); print(r, r.grad_fn); r.sum().backward(); print(f.grad)
g = f * 1
tr("g.floor_divide_(2)")
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

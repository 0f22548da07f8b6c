"""atleast_1d/2d/3d, flipud, fliplr, argwhere, take_along_dim, rad2deg, deg2rad, fmax, fmin: values, grad_fn names,
gradients and messages the same as torch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"composite_ops": """
x = torch.tensor([[1., -2., 3.], [0.5, float('nan'), -1.]], requires_grad=True)
y = torch.tensor([[2., 1., float('nan')], [0.5, 3., -4.]], requires_grad=True)
def tr(s):
    try:
        r = eval(s)
        print(s, "->", r, [t.grad_fn if isinstance(t, torch.Tensor) else None for t in (r if isinstance(r, tuple) else (r,))])
    except Exception as e: print(s, "!!", type(e).__name__, e)
for s in ["torch.atleast_1d(torch.tensor(1.))", "torch.atleast_2d(x[0])", "torch.atleast_3d(x)", "torch.atleast_2d(torch.tensor(1.), x[0])", "torch.atleast_1d([x[0], torch.tensor(2.)])",
          "x.flipud()", "torch.fliplr(x)", "x[0].fliplr()", "x.rad2deg()", "torch.deg2rad(x)", "torch.tensor([1, 2]).rad2deg()",
          "torch.fmax(x, y)", "x.fmin(y)", "torch.fmax(torch.tensor([1, 5]), torch.tensor([3, 2]))"
          "x.argwhere()", "torch.argwhere(torch.tensor([0, 1, 2]))",
          "torch.take_along_dim(x, torch.tensor([[0], [2]]), dim=1)", "x.take_along_dim(torch.tensor([0, 5]))"]:
    tr(s)
r = torch.fmax(x, y); r.sum().backward(); print(x.grad, y.grad)
x.grad = None
(x.rad2deg().sum() + torch.fmin(x, 2.).sum() + x.take_along_dim(torch.tensor([[1], [0]]), 1).sum()).backward(); print(x.grad)
print(torch.fmax(x, torch.tensor(1, dtype=torch.int64)), torch.fmin(torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1.5])))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

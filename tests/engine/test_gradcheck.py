"""torch.autograd.gradcheck / gradgradcheck: the same verdicts, warnings and failure reports as torch."""
import pytest

from same_as_torch import same_as_torch
from test_custom_function import SQUARE

PRELUDE = SQUARE + '''
torch.manual_seed(0)
def tryit(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
class BadSquare(Square):
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return x * g
x = torch.tensor([1., 2., 3.], dtype=torch.float64, requires_grad=True)
'''

PROGRAMS = {
    "passes": '''
print(torch.autograd.gradcheck(Square.apply, (x,)), torch.autograd.gradcheck(Square.apply, x))
print(x._version, x.grad)
a = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.5, -1.], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, b: (a @ b).exp(), (a, b)))
print(torch.autograd.gradcheck(lambda a, k: (a * k).sigmoid(), (a, 3.)))
''',
    "fails": '''
print(torch.autograd.gradcheck(BadSquare.apply, (x,), raise_exception=False))
tryit(lambda: torch.autograd.gradcheck(BadSquare.apply, (x,)))
tryit(lambda: torch.autograd.gradcheck(lambda t: t.detach() * 1, (x,)))
''',
    "float32_and_errors": '''
xf = torch.tensor([1., 2.], requires_grad=True)
print(torch.autograd.gradcheck(Square.apply, (xf,), eps=1e-3, atol=1e-2))
tryit(lambda: torch.autograd.gradcheck(Square.apply, (torch.tensor([1., 2.]),)))
tryit(lambda: torch.autograd.gradcheck(Square.apply, (torch.ones(1, dtype=torch.float64).expand(3).requires_grad_(),)))
''',
    "gradgradcheck": '''
a = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.5, -1.], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradgradcheck(lambda a, b: (a @ b).exp(), (a, b)))
print(torch.autograd.gradgradcheck(Square.apply, (x,)))
class Once(Square):
    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
tryit(lambda: torch.autograd.gradgradcheck(Once.apply, (x,)))
print(torch.rand(2))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])

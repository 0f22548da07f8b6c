import torch
from torch.autograd import gradcheck

class Square(torch.autograd.Function):
    factor = 2  # (BadSquare's backward gets it wrong)

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @classmethod
    def backward(cls, ctx, g):
        x, = ctx.saved_tensors
        return cls.factor * x * g

class BadSquare(Square):
    factor = 3

inp = torch.randn(4, dtype=torch.double, requires_grad=True)
print(gradcheck(Square.apply, (inp,), eps=1e-6, atol=1e-4))
print(gradcheck(BadSquare.apply, (inp,), raise_exception=False))
try:
    gradcheck(Square.apply, (torch.randn(3, requires_grad=True),))
except Exception as e:
    print(type(e).__name__)
Sq = BadSquare
try:
    gradcheck(Sq.apply, (torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True),))
except Exception as e:
    print(type(e).__name__, type(e).__module__ if False else "", isinstance(e, RuntimeError))
    print(e)
try:
    gradcheck(Sq.apply, (torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True),))
except RuntimeError as e:
    print(type(e))
try:
    raise torch.autograd.gradcheck.GradcheckError("x")
except Exception as e:
    print(repr(e), type(e).__name__)
try:
    torch.linalg.inv(torch.zeros(2, 2))
except RuntimeError as e:
    print(type(e).__name__, type(e), isinstance(e, torch.linalg.LinAlgError))
try:
    torch.linalg.cholesky(-torch.eye(2))
except torch.linalg.LinAlgError as e:
    print("caught", type(e).__name__, e)
print(torch.linalg.LinAlgError)
from torch.autograd.gradcheck import GradcheckError
print(GradcheckError, issubclass(GradcheckError, RuntimeError))
try:
    try:
        torch.linalg.inv(torch.zeros(3, 3))
    except ValueError:
        print("no")
except Exception as e:
    print("outer", type(e).__name__, e is not None)
def f():
    try:
        torch.linalg.inv(torch.zeros(3, 3))
    except RuntimeError as e:
        raise e
f()

"""torch.linalg's inverse, determinant and solve: values, grad_fn names, gradients (double backward included),
batches, empty matrices, the vector case and left=False, and PyTorch's errors; determinants bit for bit."""
import pytest

from same_as_torch import same_as_torch

VALUES = """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
print(torch.linalg.inv(x), torch.inverse(x), x.inverse())
torch.linalg.inv(x).sum().backward()
print(x.grad)
x.grad = None
d = torch.linalg.det(x)
print(d, x.det(), torch.det(x))
d.backward()
print(x.grad)
x.grad = None
s = torch.linalg.slogdet(x)
print(s, torch.slogdet(x), x.slogdet().sign)
s.logabsdet.backward()
print(x.grad)
print(torch.logdet(x), torch.logdet(x @ x.T))
torch.logdet(x @ x.T).backward()
print(x.grad)
x.grad = None
b = torch.tensor([1.0, -1.0], requires_grad=True)
y = torch.linalg.solve(x, b)
print(y)
y.sum().backward()
print(x.grad, b.grad)
x.grad = None
B = torch.tensor([[1.0, 0.5], [2.0, -1.0]], requires_grad=True)
Y = torch.linalg.solve(x, B, left=False)
print(Y)
(Y * Y).sum().backward()
print(x.grad, B.grad)
print(torch.linalg.inv_ex(x), torch.linalg.solve_ex(x, b))
A = torch.tensor([[[2., 1.], [1., 3.]], [[1., 0.], [0., 4.]]], requires_grad=True)
print(torch.linalg.det(A), torch.linalg.inv(A), torch.linalg.solve(A, torch.ones(2)))
g, = torch.autograd.grad(torch.linalg.det(A).sum(), A, create_graph=True)
print(g)
print(torch.linalg.det(torch.zeros(0, 0)), torch.linalg.det(torch.tensor([[1., 2.], [2., 4.]])))
print(torch.linalg.inv(torch.eye(3, dtype=torch.float64) * 2))
print(torch.linalg.det(torch.zeros(3, 0, 0)), torch.linalg.inv(torch.zeros(2, 0, 0)), torch.linalg.slogdet(torch.zeros(0, 0)))
print(torch.linalg.solve(torch.tensor([[2., 1.], [1., 3.]]), torch.tensor([[1., 2.], [3., 4.]]), left=False))
"""

DETERMINANTS = """
torch.manual_seed(0)
for n in (2, 3, 4, 5, 8):
    for dt in (torch.float32, torch.float64):
        for _ in range(10):
            a = torch.randn(n, n, dtype=dt)
            print(torch.linalg.det(a).item(), torch.linalg.det(a.T).item(), torch.linalg.lu_factor(a)[0].sum().item()
                  if False else "")
print(torch.linalg.inv(torch.randn(2, 2)).tolist(), torch.linalg.solve(torch.randn(2, 2), torch.randn(2)).tolist())
"""

ERRORS = [
    "torch.linalg.inv(torch.ones(2, 3))",
    "torch.linalg.inv(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))",
    "torch.linalg.inv(torch.zeros(3, 3))",
    "torch.linalg.inv(torch.ones(3))",
    "torch.inverse(torch.tensor([[[1., 0.], [0., 1.]], [[1., 2.], [2., 4.]]]))",
    "torch.linalg.inv_ex(torch.zeros(2, 2), check_errors=True)",
    "torch.linalg.det(torch.ones(2, 3))",
    "torch.det(torch.ones(3))",
    "torch.linalg.slogdet(torch.ones(2, 2, dtype=torch.int32))",
    "torch.linalg.solve(torch.ones(2, 2), torch.ones(3))",
    "torch.linalg.solve(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2))",
    "torch.linalg.solve(torch.eye(2), torch.ones(2, dtype=torch.float64))",
    "torch.linalg.solve(torch.eye(2), torch.ones(2), left=False)",
]


def test_inverse_determinant_and_solve_as_torch():
    same_as_torch(VALUES)


def test_determinants_and_small_solves_are_torchs_to_the_last_bit():
    same_as_torch(DETERMINANTS)


@pytest.mark.parametrize("call", ERRORS)
def test_linalg_errors_as_torch(call):
    same_as_torch(call)

"""Classes of difference found by the twenty-fifth round's held-out programs on training small models (held25c,
issue 16), one differential program each, run in torch and in the engine. Both are MKL's float64 BLAS orders as
measured on AMD CPUs (listed in tests/measured_on_amd.txt)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float64_dot_products_add_as_mkls_ddot": """
torch.manual_seed(0)
for n in [0, 1, 2, 3, 5, 7, 8, 9, 12, 15, 16, 17, 20, 23, 33, 64, 100, 257]:
    a = torch.randn(n, dtype=torch.float64)
    b = torch.randn(n, dtype=torch.float64)
    c = torch.randn(2 * n, dtype=torch.float64)[::2]
    print(n, a.dot(b).item(), (a @ b).item(), torch.vdot(a, b).item(), torch.inner(a, b).item(), a.dot(c).item(),
          c.dot(c).item())
print(-torch.zeros(9, dtype=torch.float64).dot(torch.ones(9, dtype=torch.float64)))
w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
x = torch.linspace(-1, 1, 20, dtype=torch.float64).reshape(20, 1) * torch.tensor([1., 2., 3.], dtype=torch.float64)
y = x @ torch.tensor([1.5, -2., .5], dtype=torch.float64) + .1
opt = torch.optim.LBFGS([w], lr=1, max_iter=5, history_size=3)
def closure():
    opt.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    return loss
for i in range(3):
    print(opt.step(closure).item())
""",
"float64_column_major_matrix_vector_products_add_in_column_order": """
torch.manual_seed(0)
for m, k in [(3, 11), (1, 20), (5, 7), (50, 10), (10, 50), (2, 300), (7, 1)]:
    a = torch.randn(k, m, dtype=torch.float64).t()
    v = torch.randn(k, dtype=torch.float64)
    print(m, k, (a @ v).tolist(), torch.mv(a, v).tolist(), torch.mm(a, v[:, None]).flatten().tolist())
feats = torch.randn(11, 3, dtype=torch.float64)
w = torch.zeros(3, 1, dtype=torch.float64, requires_grad=True)
y = feats @ torch.tensor([[3.], [-1.], [.5]], dtype=torch.float64)
for i in range(3):
    loss = ((feats @ w - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= .3 * w.grad
    print(loss.item(), w.grad.flatten().tolist())
    w.grad = None
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

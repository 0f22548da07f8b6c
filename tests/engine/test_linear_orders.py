"""float32 nn.Linear forwards (a row-major input times a transposed weight, with and without the bias) add their
products in MKL's order: same bits as PyTorch's, printed with .tolist() (every float32 in full)."""
import pytest

from same_as_torch import same_as_torch

PROGRAM = """
torch.manual_seed({seed})
for k in {ks}:
    for m, n in [(2, 2), (2, 4), (3, 3), (2, 12), (3, 17), (5, 5), (4, 7), (8, 8), (6, 11), (17, 4), (9, 6), (64, 3)]:
        x = torch.randn(m, k); w = torch.randn(n, k); b = torch.randn(n)
        print(k, m, n, (x @ w.t()).tolist())
        print(torch.addmm(b, x, w.t()).tolist())
        print(torch.nn.functional.linear(x, w, b).tolist())
        print(x.mm(w.t()).tolist() == torch.mm(x, w.T).tolist())
lin = torch.nn.Linear(16, 5)
y = lin(torch.randn(64, 16))
print(y.tolist(), y.grad_fn.name())
"""


@pytest.mark.parametrize("seed, ks", [(0, (8, 12, 16)), (1, (20, 32, 36)), (2, (64, 128, 260))])
def test_linear_forward_takes_mkls_lane_order(seed, ks):
    same_as_torch(PROGRAM.format(seed=seed, ks=ks))

"""Classes of difference the thirty-second round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float64_cholesky_of_orders_up_to_16_is_mkls_avx512_potrf_fused_steps": '''
torch.manual_seed(1)
torch.set_printoptions(precision=17)
A = torch.randn(5, 5, dtype=torch.float64)
A = A @ A.T + 5 * torch.eye(5, dtype=torch.float64)
L = torch.linalg.cholesky(A)
print(L)
print(torch.dist(L @ L.T, A))
for n in range(2, 17):
    for upper in (False, True):
        m = torch.randn(3, n, n, dtype=torch.float64)
        a = m @ m.mT + n * torch.eye(n, dtype=torch.float64)
        a = a.tril() + a.tril(-1).mT
        if upper and n > 9:
            continue
        L = torch.linalg.cholesky(a, upper=upper)
        print(n, upper, L.flatten().tolist() == torch.linalg.cholesky_ex(a, upper=upper).L.flatten().tolist(),
              L.sum().item(), L.diagonal(dim1=-2, dim2=-1).prod().item())
b = torch.tensor([[4., 2., 1.], [2., 1., 3.], [1., 3., 2.]], dtype=torch.float64)
print(torch.linalg.cholesky_ex(b))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

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
"solves_of_orders_3_to_8_are_mkls_avx512_getrs_kernels_their_sums_in_its_orders": '''
torch.manual_seed(2)
for dt in (torch.float32, torch.float64):
    for n in range(2, 9):
        A = torch.randn(3, n, n, dtype=dt)
        B = torch.randn(3, n, 3, dtype=dt)
        LU, piv = torch.linalg.lu_factor(A)
        print(n, torch.linalg.solve(A, B).sum().item(), torch.linalg.solve(A, B[..., 0]).sum().item(),
              torch.linalg.inv(A).sum().item(), torch.linalg.lu_solve(LU, piv, B).sum().item(),
              torch.linalg.solve(A, B[..., :2]).flatten().tolist() == torch.linalg.lu_solve(LU, piv, B[..., :2]).flatten().tolist())
A = torch.tensor([[2., 1., 1.], [1., 3., 2.], [1., 0., 0.]])
print(A @ torch.linalg.inv(A))
print(torch.linalg.inv(A) @ A - torch.eye(3))
''',
"transposed_solves_are_getrs_t_on_the_matrixs_own_lu_right_solves_and_gradients_included": '''
torch.manual_seed(3)
for dt in (torch.float32, torch.float64):
    for n in range(2, 9):
        A = torch.randn(2, n, n, dtype=dt)
        B = torch.randn(2, n, 2, dtype=dt, requires_grad=True)
        LU, piv = torch.linalg.lu_factor(A)
        X = torch.linalg.solve(A, B)
        X.backward(torch.ones_like(X))
        print(n, torch.linalg.lu_solve(LU, piv, B.detach(), adjoint=True).sum().item(),
              torch.linalg.lu_solve(LU, piv, B.detach().mT, left=False).sum().item(),
              torch.linalg.solve(A, B.detach().mT, left=False).sum().item(), B.grad.sum().item())
        C = torch.randn(2, 3, n, dtype=dt, requires_grad=True)
        torch.linalg.solve(A, C, left=False).pow(2).sum().backward()
        print(C.grad.sum().item())
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

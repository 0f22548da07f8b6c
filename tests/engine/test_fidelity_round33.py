"""Classes of difference the thirty-third round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"solve_triangular_is_mkls_avx512_trsm_by_layout_side_and_count_of_right_hand_sides": '''
torch.manual_seed(4)
def digest(x):
    return hash(tuple(x.flatten().tolist()))
for dt in (torch.float32, torch.float64):
    for n in (2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 20, 23) + ((31, 32) if dt is torch.float32 else ()):
        for upper in (False, True):
            A = torch.randn(2, n, n, dtype=dt)
            A = (A.triu() if upper else A.tril()) + 3 * torch.eye(n, dtype=dt)
            row = []
            for m in (1, 2, 5):
                B = torch.randn(2, n, m, dtype=dt)
                for layout in (A, A.mT.contiguous().mT, torch.cat([A, A], -1)[..., :n], A[:1].expand(3, n, n)):
                    row.append(digest(torch.linalg.solve_triangular(layout, B[:1] if layout.shape[0] == 3 else B,
                                                                    upper=upper)))
                row.append(digest(torch.linalg.solve_triangular(A, B.mT, upper=upper, left=False)))
                row.append(digest(torch.linalg.solve_triangular(A.mT.contiguous().mT, B.mT, upper=upper, left=False)))
                row.append(digest(torch.linalg.solve_triangular(A, B, upper=upper, unitriangular=True)))
            print(dt, n, upper, row)
L = torch.tensor([[2., 0., 0.], [1., 3., 0.], [4., 5., 6.]])
b = torch.tensor([[1.], [2.], [3.]])
x = torch.linalg.solve_triangular(L, b, upper=False)
print(x, L @ x - b)
''',
"triangular_solve_and_cholesky_solve_are_the_same_trsm_on_a_column_major_clone": '''
torch.manual_seed(5)
def digest(x):
    return hash(tuple(x.flatten().tolist()))
for dt in (torch.float32, torch.float64):
    for n in (2, 3, 5, 8, 11, 16, 20):
        M = torch.randn(n, n, dtype=dt)
        for upper in (False, True):
            T = M.triu() + 3 * torch.eye(n, dtype=dt) if upper else M.tril() + 3 * torch.eye(n, dtype=dt)
            F = T.mT.contiguous().mT
            row = []
            for m in (1, 3):
                B = torch.randn(n, m, dtype=dt)
                row.append(digest(torch.cholesky_solve(B, F, upper=upper)))
                row.append(digest(torch.cholesky_solve(B, T, upper=upper)))
                for transpose in (False, True):
                    row.append(digest(torch.triangular_solve(B, T, upper=upper, transpose=transpose).solution))
            print(dt, n, upper, row)
A = torch.tensor([[4., 2.], [2., 3.]], dtype=torch.float64)
L = torch.linalg.cholesky(A)
b = torch.tensor([[1.], [2.]], dtype=torch.float64)
x = torch.cholesky_solve(b, L)
torch.set_printoptions(precision=17)
print(x, A @ x - b)
''',
"float32_cholesky_scales_columns_by_the_cpus_rsqrt14_estimate_and_one_newton_step": '''
torch.manual_seed(6)
def digest(x):
    return hash(tuple(x.flatten().tolist()))
for n in range(2, 10):
    for upper in (False, True):
        m = torch.randn(3, n, n)
        a = m @ m.mT + n * torch.eye(n)
        a = a.tril() + a.tril(-1).mT
        L = torch.linalg.cholesky(a, upper=upper)
        print(n, upper, digest(L), digest(torch.linalg.cholesky_ex(a, upper=upper).L), digest(torch.cholesky(a, upper)))
        print(digest(torch.cholesky_solve(torch.ones(3, n, 2), L, upper=upper)))
A = torch.tensor([[4., 2., 0.6], [2., 5., 1.], [0.6, 1., 3.]])
L = torch.linalg.cholesky(A)
torch.set_printoptions(precision=10)
print(L, L @ L.T - A)
''',
"solves_of_orders_9_to_16_are_mkls_getrs_as_two_trsm_calls_n_and_t": '''
torch.manual_seed(7)
def digest(x):
    return hash(tuple(x.flatten().tolist()))
for dt in (torch.float32, torch.float64):
    for n in (9, 11, 13, 16):
        A = torch.randn(2, n, n, dtype=dt)
        B = torch.randn(2, n, 4, dtype=dt)
        LU, piv = torch.linalg.lu_factor(A)
        print(n, digest(torch.linalg.solve(A, B)), digest(torch.linalg.solve(A, B[..., 0])), digest(torch.linalg.inv(A)),
              digest(torch.linalg.lu_solve(LU, piv, B, adjoint=True)), digest(torch.linalg.lu_solve(LU, piv, B[..., :1], adjoint=True)),
              digest(torch.linalg.solve(A, B.mT, left=False)))
A = torch.eye(10) + 0.1 * torch.arange(100.).reshape(10, 10).sin()
print(A @ torch.linalg.inv(A) - torch.eye(10))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirty-first round's held-out programs on torch.linalg, torch.fft and complex
tensors (held31g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"intel_mkl_getrf_fuses_its_rank_one_updates_and_getrs_divides_at_order_8": """
torch.manual_seed(0)
print(torch.linalg.lu(torch.tensor([[4., 3.], [6., 3.]])).U)
for dt in (torch.float32, torch.float64):
    for n in (2, 3, 4, 6, 8, 12):
        A = torch.randn(2, n, n, dtype=dt)
        print(dt, n, torch.linalg.lu_factor(A).LU.tolist())
        print(torch.linalg.det(A).tolist(), torch.linalg.lu(A[0]).U.tolist())
    for m, n in ((3, 5), (5, 3)):
        print(torch.linalg.lu_factor(torch.randn(m, n, dtype=dt)).LU.tolist())
    for n in (2, 8):
        A = torch.randn(n, n, dtype=dt)
        print(torch.linalg.solve(A, torch.randn(n, dtype=dt)).tolist(), torch.linalg.inv(A).tolist())
    A = torch.randn(12, 12, dtype=dt)
    print(torch.linalg.solve(A, torch.randn(12, dtype=dt)).tolist())
""",
"symmetric_2x2_eigh_is_laev2s_rotation_in_the_dtype_and_sorted_columns": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for t in range(12):
        A = torch.randn(2, 2, dtype=dt) if t % 3 else torch.randint(-3, 4, (2, 2)).to(dt)
        S = A + A.T
        w, V = torch.linalg.eigh(S)
        print(w.tolist(), V.tolist(), torch.linalg.eigvalsh(S).tolist(), torch.linalg.eigh(A, UPLO='U')[1].tolist())
    print(torch.linalg.eigh(torch.diag(torch.tensor([3., -1.], dtype=dt)))[1].tolist())
    A = torch.tensor([[2., 1.], [1., 3.]], dtype=dt, requires_grad=True)
    w, V = torch.linalg.eigh(A)
    w.sum().backward()
    print(w, A.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

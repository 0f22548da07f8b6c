"""Classes of difference found by the twenty-fifth round's held-out programs on torch.linalg, torch.fft and complex
tensors (held25g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"lu_solve_checks_lu_floating_then_one_dtype_then_the_pivots_and_linalg_lu_names_itself": """
LU, piv = torch.linalg.lu_factor(torch.tensor([[1., 2.], [3., 4.]]))
for a, p, b in [(LU, piv, LU.double()), (LU, piv.long(), LU.double()), (LU.int(), piv, LU.double()),
                (LU[0], piv, LU.double()), (LU, piv, torch.ones(3, 2, dtype=torch.float64)), (LU.half(), piv, LU.half()),
                (LU.to(torch.complex64), piv, LU), (LU, piv.long(), LU)]:
    try:
        print(torch.linalg.lu_solve(a, p, b))
    except Exception as e:
        print(type(e).__name__, e)
for A in [torch.ones(3), torch.tensor(1.)]:
    for f in [torch.linalg.lu, torch.linalg.lu_factor, torch.linalg.lu_factor_ex]:
        try:
            print(f(A))
        except Exception as e:
            print(type(e).__name__, e)
""",
"solve_triangular_returns_As_dtype_and_triangular_solve_checks_one_dtype_first": """
A = torch.tensor([[1., 2.], [0., 4.]])
for a, b in [(A, A.double()), (A.double(), A), (A, A.to(torch.complex64)), (A, A.int())]:
    for left in [True, False]:
        r = torch.linalg.solve_triangular(a, b, upper=True, left=left)
        print(a.dtype, b.dtype, left, r)
a = A.clone().requires_grad_(); b = A.double().requires_grad_()
r = torch.linalg.solve_triangular(a, b, upper=True, left=False)
r.sum().backward()
print(r.dtype, a.grad, b.grad)
for b, a in [(A.double(), A), (A, A.to(torch.complex64)), (A.double(), torch.ones(2, 3)), (A, A)]:
    try:
        print(torch.triangular_solve(b, a))
    except Exception as e:
        print(type(e).__name__, e)
""",
"complex_pow_of_one_half_is_sqrts_kernel": """
for dt in [torch.complex64, torch.complex128]:
    z = torch.tensor([-1+0j, 4+0j, 1+1j, -3-4j, 0j, 2j, 0.5-0.25j, 1e-3+7j], dtype=dt)
    print(z ** 0.5)
    print(torch.pow(z, 0.5 + 0j))
    print(z.clone().pow_(0.5))
    w = z.clone().requires_grad_()
    (w[1:] ** 0.5).abs().sum().backward()
    print(w.grad)
""",
"ldl_factor_is_sytrfs_bunch_kaufman_lower_factor_and_ldl_solve_its_sytrs": """
torch.manual_seed(0)
Ms = [torch.tensor([[4., 2.], [2., 3.]], dtype=torch.float64), torch.tensor([[0., 1.], [1., 0.]], dtype=torch.float64),
      torch.tensor([[1., 2., 3.], [2., 1., 4.], [3., 4., 1.]], dtype=torch.float64), torch.zeros(2, 2, dtype=torch.float64)]
for _ in range(3):
    m = torch.randn(4, 4, dtype=torch.float64)
    Ms.append(m + m.T)
for M in Ms:
    LD, piv, info = torch.linalg.ldl_factor_ex(M)
    print(LD, piv, info)
    print(torch.linalg.ldl_solve(LD, piv, torch.ones(M.shape[0], 1, dtype=M.dtype)))
for f in [lambda: torch.linalg.ldl_factor(torch.zeros(2, 2)), lambda: torch.linalg.ldl_factor(torch.ones(3)),
          lambda: torch.linalg.ldl_factor(torch.ones(2, 2, dtype=torch.int64)), lambda: torch.linalg.ldl_factor(torch.ones(2, 3)),
          lambda: torch.linalg.ldl_factor(torch.eye(2, dtype=torch.complex128), hermitian=True),
          lambda: torch.linalg.ldl_factor(torch.eye(2, dtype=torch.float16)),
          lambda: torch.linalg.ldl_factor_ex(torch.zeros(2, 2), check_errors=True),
          lambda: torch.linalg.ldl_solve(*torch.linalg.ldl_factor(torch.eye(2)), torch.ones(2)),
          lambda: torch.linalg.ldl_solve(*torch.linalg.ldl_factor(torch.eye(2)), torch.ones(2, 2, dtype=torch.float64)),
          lambda: torch.linalg.ldl_solve(*torch.linalg.ldl_factor(torch.eye(2)), torch.ones(3, 2)),
          lambda: torch.linalg.ldl_factor(input=torch.eye(2), out=(torch.empty(0), torch.empty(0, dtype=torch.int32))),
          lambda: torch.linalg.ldl_factor(torch.zeros(0, 0))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = torch.eye(2, requires_grad=True)
LD, piv = torch.linalg.ldl_factor(x * 2)
print(LD.grad_fn.name(), LD.requires_grad)
try:
    LD.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
""",
"eigh_reads_uplo_through_toupper": """
A = torch.tensor([[2., 1.], [5., 3.]], dtype=torch.float64)
for u in ['L', 'U', 'l', 'u', 'x', 'LL', '', 'lower']:
    for f in [torch.linalg.eigh, torch.linalg.eigvalsh]:
        try:
            print(u, f(A, UPLO=u))
        except Exception as e:
            print(u, type(e).__name__, e)
""",
"svd_refuses_a_driver_on_the_cpu_after_its_checks_and_before_its_kernel": """
A = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64)
for a in [A, A.int(), A[0], A.half(), torch.zeros(0, 2, dtype=torch.float64), torch.zeros(2, 0, 3, dtype=torch.float16)]:
    for d in [None, 'gesvd', 'bogus']:
        for f in [torch.linalg.svd, torch.linalg.svdvals]:
            try:
                print(f(a, driver=d)[0] if f is torch.linalg.svd else f(a, driver=d))
            except Exception as e:
                print(type(e).__name__, e)
""",
"householder_product_has_householder_product_backward": """
torch.manual_seed(0)
for shape, k in [((3, 3), 3), ((4, 2), 2), ((4, 3), 1), ((2, 4, 3), 2), ((5, 3), 0), ((1, 1), 1)]:
    A = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
    tau = torch.rand(*shape[:-2], k, dtype=torch.float64, requires_grad=True)
    Q = torch.linalg.householder_product(A, tau)
    W = torch.randn(Q.shape, dtype=torch.float64)
    (Q * W).sum().backward()
    print(shape, k, Q.grad_fn.name(), A.grad, tau.grad)
A = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
tau = torch.rand(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(torch.linalg.householder_product, (A, tau)))
print(torch.autograd.gradgradcheck(torch.linalg.householder_product, (A, tau)))
Q = torch.orgqr(A, tau.detach())
print(Q.grad_fn.name(), Q.grad_fn._saved_tau.shape, Q.grad_fn._saved_result.shape)
Q.sum().backward()
print(tau.grad, A.grad)
""",
"cond_fills_the_saved_inverse_in_place_so_its_backward_finds_a_new_version": """
A = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
for p in [None, 'fro', 'nuc', 1, -1, float('inf'), float('-inf'), 2]:
    A.grad = None
    c = torch.linalg.cond(A, p)
    print(p, c, c.grad_fn.name(), c.grad_fn.next_functions[0][0].name())
    try:
        c.backward()
        print(A.grad)
    except Exception as e:
        print(type(e).__name__, e)
with torch.no_grad():
    print(torch.linalg.cond(A, 1))
print(torch.linalg.cond(torch.tensor([[1., 2.], [2., 4.]], dtype=torch.float64, requires_grad=True), 1))
""",
"lstsq_checks_dims_then_dtype_then_bs_dims_then_sizes_then_the_driver": """
A = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64)
for a, b, d in [(A, torch.ones(3, 2, 1, dtype=torch.float64), None), (A, torch.tensor(1., dtype=torch.float64), None),
                (A.expand(2, 2, 2), torch.ones(2, dtype=torch.float64), None), (A, torch.ones(3, 2, 1), None),
                (A, torch.ones(3, 2, 1, dtype=torch.float64), 'bad'), (A, torch.tensor(1.), None),
                (A[0], torch.tensor(1.), 'bad'), (A.expand(3, 2, 2), torch.ones(3, 2, dtype=torch.float64), None),
                (A.int(), torch.ones(3, 2, 1, dtype=torch.int32), None), (A, torch.ones(2, 1), 'bad'),
                (A, torch.ones(3, 1, dtype=torch.float64), 'bad'), (A.int(), torch.ones(2, 1, dtype=torch.int32), 'bad'),
                (A.int(), torch.ones(2, 1, dtype=torch.int32), None)]:
    try:
        print(torch.linalg.lstsq(a, b, driver=d).solution.shape)
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

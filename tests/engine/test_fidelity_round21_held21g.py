"""Classes of difference found in round 21 by held21g (torch.linalg, torch.fft and complex tensors), one
differential program each, run in torch and in the engine. Values are printed rounded: the last bits of MKL's
complex LAPACK are not modelled."""
import pytest

from same_as_torch import same_as_torch

ROUNDED = """
def show(t):
    t = t.detach().resolve_conj()
    print(t.dtype, tuple(t.shape), (torch.view_as_real(t) if t.is_complex() else t).round(decimals=4) + 0.)
"""

PROGRAMS = {
"complex_det_slogdet_logdet_inv_solve_and_their_gradients": ROUNDED + """
M = torch.tensor([[2+1j, 1], [1j, 3-1j]], dtype=torch.complex128, requires_grad=True)
for f in [torch.linalg.det, torch.det, torch.logdet, torch.linalg.inv, torch.inverse,
          lambda A: torch.linalg.slogdet(A).sign, lambda A: torch.linalg.slogdet(A).logabsdet,
          lambda A: torch.linalg.solve(A, torch.tensor([1+1j, 2], dtype=torch.complex128)),
          lambda A: torch.linalg.solve(A, torch.eye(2, dtype=torch.complex128), left=False),
          lambda A: torch.linalg.matrix_power(A, -2)]:
    y = f(M)
    show(y)
    print(type(y.grad_fn).__name__)
    M.grad = None
    (y.real.sum() + 2 * y.imag.sum()).backward()
    show(M.grad)
print(torch.linalg.inv_ex(torch.stack([M.detach(), torch.zeros(2, 2, dtype=torch.complex128)])).info)
S = torch.tensor([[1+1j, 2+2j], [1, 2]], requires_grad=True)
print(torch.linalg.det(S), torch.logdet(S), torch.linalg.slogdet(S))
torch.linalg.det(S).real.backward()
show(S.grad)
for f in [lambda: torch.linalg.inv(S), lambda: torch.linalg.solve(M, torch.ones(2)), lambda: torch.linalg.det(torch.zeros(0, 0, dtype=torch.cfloat)),
          lambda: torch.linalg.slogdet(torch.zeros(2, 0, 0, dtype=torch.cdouble)), lambda: torch.linalg.det(torch.eye(20, dtype=torch.cdouble) * 1j)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"complex_hermitian_eigh_and_eigvalsh_and_their_gradients": ROUNDED + """
H = torch.tensor([[2, 1j], [-1j, 3]], dtype=torch.complex128, requires_grad=True)
w, V = torch.linalg.eigh(H)
show(w); print(V.dtype, V.shape, V.stride(), type(w.grad_fn).__name__)
show(V @ torch.diag(w).to(V.dtype) @ V.mH)
(w * torch.tensor([1., 3.], dtype=torch.float64)).sum().backward()
show(H.grad)
H.grad = None
w, V = torch.linalg.eigh(H, UPLO='U')
((V.abs() ** 2) * torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64)).sum().backward()
show(H.grad)
H.grad = None
w, V = torch.linalg.eigh(H)
(w.sum() + (V.abs() ** 2)[0, 0]).backward()
show(H.grad)
try:
    torch.linalg.eigh(H)[1].real.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
H.grad = None
L = torch.linalg.eigvalsh(H)
show(L)
(L ** 2).sum().backward()
show(H.grad)
print(torch.linalg.eigvalsh(torch.zeros(0, 0, dtype=torch.cfloat)).dtype, torch.linalg.eigh(torch.zeros(2, 0, 0, dtype=torch.cdouble)))
print(torch.linalg.eigvalsh(torch.eye(3, dtype=torch.cfloat) * 2))
""",
"cholesky_upper_factors_the_upper_triangle_and_complex_matrices": ROUNDED + """
for dt in [torch.float32, torch.float64]:
    A = torch.tensor([[4., 100.], [2., 3.]], dtype=dt)
    print(torch.linalg.cholesky_ex(A, upper=True), torch.linalg.cholesky_ex(A))
    try: torch.linalg.cholesky(A, upper=True)
    except Exception as e: print(e)  # (the plain-Python engine names the class by its dotted name)
A = torch.tensor([[4, 2+1j, 1j], [2-1j, 5, 1], [-1j, 1, 3]], dtype=torch.complex128)
print(torch.linalg.cholesky(A), torch.linalg.cholesky(A, upper=True))
print(torch.linalg.cholesky_ex(A.to(torch.complex64)), torch.linalg.cholesky(torch.eye(4, dtype=torch.cfloat) * 4 + 1))
print(torch.linalg.cholesky_ex(torch.tensor([[1, 2j], [-2j, 1]])), torch.linalg.cholesky_ex(torch.tensor([[4, 2+1j], [100+7j, 5]]), upper=True))
try: torch.linalg.cholesky(torch.tensor([[1, 2j], [-2j, 1]]))
except Exception as e: print(e)  # (the plain-Python engine names the class by its dotted name)
A.requires_grad_()
for upper in [False, True]:
    A.grad = None
    L = torch.linalg.cholesky(A, upper=upper)
    print(type(L.grad_fn).__name__)
    (L.real.sum() + 3 * L.imag.sum()).backward()
    show(A.grad)
U = torch.tensor([[2+1j, 1], [0, 1j]], requires_grad=True)
B = torch.tensor([[1+0j], [2j]], requires_grad=True)
X = torch.linalg.solve_triangular(U, B, upper=True)
show(X)
X.abs().sum().backward()
show(U.grad); show(B.grad)
""",
"complex_svd_svdvals_norms_rank_pinv_and_svd_backward": ROUNDED + """
M = torch.tensor([[1+1j, 2], [3j, 1-1j], [0, 2+2j]], dtype=torch.complex128)
U, S, Vh = torch.linalg.svd(M)
print(U.shape, S, S.dtype, Vh.shape, U.dtype, U.stride(), Vh.stride())
print(torch.linalg.svdvals(M), torch.linalg.svdvals(M.to(torch.complex64)))
print(torch.linalg.matrix_norm(M, 'nuc'), torch.linalg.matrix_norm(M, 2), torch.linalg.matrix_norm(M, -2), torch.linalg.norm(M, 2))
print(torch.linalg.matrix_rank(M), torch.linalg.matrix_rank(torch.ones(3, 3, dtype=torch.cfloat)), torch.linalg.matrix_rank(M.mH @ M, hermitian=True))
show(torch.linalg.pinv(M[:2])); show(torch.linalg.pinv(M.mH @ M, hermitian=True)); show(torch.linalg.cond(M[:2]))
print(torch.linalg.svd(torch.zeros(0, 2, dtype=torch.cfloat)), torch.svd(M).V.is_conj())
for shape in [(3, 2), (2, 3), (2, 2)]:
    torch.manual_seed(0)
    A = torch.randn(*shape, dtype=torch.complex128, requires_grad=True)
    losses = [lambda U, S, Vh: torch.outer(U[:, 0], Vh[0, :]).real.sum() + (S * torch.arange(1., S.shape[0] + 1)).sum(),
              lambda U, S, Vh: ((U.abs() ** 2) * torch.arange(U.numel()).reshape(U.shape)).sum(),
              lambda U, S, Vh: ((Vh.abs() ** 2) * torch.arange(Vh.numel()).reshape(Vh.shape)).sum(),
              lambda U, S, Vh: U.real.sum()]
    for loss in losses:
        A.grad = None
        try:
            loss(*torch.linalg.svd(A, full_matrices=False)).backward()
            show(A.grad)
        except Exception as e:
            print(type(e).__name__, e)
    A.grad = None
    U, S, V = torch.svd(A)
    (U @ torch.diag(S).to(U.dtype) @ V.mH).abs().sum().backward()
    show(A.grad)
    A.grad = None
    P = torch.linalg.pinv(A)
    (P.real.sum() + P.imag.sum() + torch.linalg.matrix_norm(A, 'nuc')).backward()
    show(A.grad)
""",
"complex_qr_and_its_backward_tall_square_and_wide": ROUNDED + """
M = torch.tensor([[1+1j, 2], [3j, 1-1j], [0, 2+2j]], dtype=torch.complex128)
for mode in ['reduced', 'complete', 'r']:
    Q, R = torch.linalg.qr(M, mode=mode)
    print(mode, Q.shape, R.shape, Q.dtype, Q.stride(), R.stride())
    show(Q); show(R)
print(torch.linalg.qr(torch.zeros(0, 2, dtype=torch.cfloat)), torch.linalg.qr(M.mT, mode='r').R.shape)
for shape in [(3, 2), (2, 3), (2, 2)]:
    torch.manual_seed(0)
    A = torch.randn(*shape, dtype=torch.complex128, requires_grad=True)
    for loss in [lambda Q, R: (Q.real * torch.arange(Q.numel()).reshape(Q.shape)).sum() + (R.imag * torch.arange(R.numel()).reshape(R.shape)).sum(),
                 lambda Q, R: (Q.abs() ** 2 * torch.arange(Q.numel()).reshape(Q.shape)).sum(),
                 lambda Q, R: (R.real + 2 * R.imag).sum()]:
        A.grad = None
        loss(*torch.linalg.qr(A)).backward()
        show(A.grad)
""",
"complex_lu_family_and_cholesky_solve_inverse": ROUNDED + """
M = torch.tensor([[1+1j, 2, 0.5], [3j, 1-1j, 1], [0, 2+2j, -1j]], dtype=torch.complex128)
LU, piv = torch.linalg.lu_factor(M)
show(LU); print(piv)
P, L, U = torch.linalg.lu(M)
print(P.dtype); show(L); show(U)
print(torch.linalg.lu_factor_ex(M[:2]).pivots); show(torch.linalg.lu(M[:, :2]).U); show(torch.lu_unpack(LU, piv).L)
B = torch.tensor([[1+1j, 0], [2, 1j], [0, 3]], dtype=torch.complex128)
for left in [True, False]:
    for adj in [False, True]:
        show(torch.linalg.lu_solve(LU, piv, B if left else B.mT, left=left, adjoint=adj))
        LUg = LU.clone().requires_grad_(); Bg = B.clone().requires_grad_()
        X = torch.linalg.lu_solve(LUg, piv, Bg if left else Bg.mT, left=left, adjoint=adj)
        (X.real.sum() + 3 * X.imag.sum()).backward()
        show(LUg.grad); show(Bg.grad)
for shape in [(3, 3), (2, 3), (3, 2)]:
    torch.manual_seed(0)
    A = torch.randn(*shape, dtype=torch.complex128, requires_grad=True)
    P, L, U = torch.linalg.lu(A)
    (L.real.sum() + 2 * U.imag.sum() + (U.abs() ** 2).sum()).backward()
    show(A.grad)
    A.grad = None
    LU2, piv2 = torch.linalg.lu_factor(A)
    (LU2 * LU2).real.sum().backward()
    show(A.grad)
H = torch.tensor([[4, 2+1j, 1j], [2-1j, 5, 1], [-1j, 1, 3]], dtype=torch.complex128)
L = torch.linalg.cholesky(H)
show(torch.cholesky_solve(B, L)); show(torch.cholesky_solve(B, L.mH, upper=True))
show(torch.cholesky_inverse(L)); show(torch.cholesky_inverse(L.mH, upper=True)); show(torch.cholesky(H, upper=True))
Lg = L.clone().requires_grad_(); Bg = B.clone().requires_grad_()
X = torch.cholesky_solve(Bg, Lg)
(X.real.sum() + 2 * X.imag.sum()).backward()
show(Lg.grad); show(Bg.grad)
Lg.grad = None
(torch.cholesky_inverse(Lg).abs() ** 2).sum().backward()
show(Lg.grad)
Hg = H.clone().requires_grad_()
torch.cholesky(Hg).abs().sum().backward()
show(Hg.grad)
""",
"complex_matrix_exp_and_lstsq_with_gradients": ROUNDED + """
G = torch.tensor([[0, -1], [1, 0]], dtype=torch.complex128) * 1j
print(torch.linalg.matrix_exp(G), torch.linalg.matrix_exp(torch.tensor([[1j * torch.pi]])))
for scale in [0.01, 0.3, 1.0, 3.0, 20.0]:
    torch.manual_seed(0)
    show(torch.linalg.matrix_exp(torch.randn(3, 3, dtype=torch.complex128) * scale) / 10 ** int(scale))
torch.manual_seed(0)
A = (torch.randn(2, 2, dtype=torch.complex128) * 0.5).requires_grad_()
E = torch.linalg.matrix_exp(A)
print(type(E.grad_fn).__name__)
(E.real.sum() + 2 * E.imag.sum()).backward()
show(A.grad)
print(torch.matrix_exp(torch.zeros(0, 0, dtype=torch.cfloat)), torch.linalg.matrix_exp(torch.zeros(2, 2, 2, dtype=torch.cfloat)))
A = torch.tensor([[1+1j, 1], [1, 2j], [1, 3+1j]], dtype=torch.complex128)
B = torch.tensor([[1.], [2j], [2]], dtype=torch.complex128)
for driver in [None, 'gelsd', 'gelss', 'gels']:
    res = torch.linalg.lstsq(A, B, driver=driver)
    show(res.solution); show(res.residuals); print(res.rank); show(res.singular_values)
print(torch.linalg.lstsq(A.to(torch.complex64), B.to(torch.complex64), driver='gelsd').singular_values.dtype)
show(torch.linalg.lstsq(A.mT, B[:2]).solution)
Ag = A.clone().requires_grad_(); Bg = B.clone().requires_grad_()
X = torch.linalg.lstsq(Ag, Bg).solution
(X.real.sum() + 2 * X.imag.sum()).backward()
show(Ag.grad); show(Bg.grad)
Bv = B[:, 0].clone().requires_grad_()
torch.linalg.lstsq(Ag, Bv).solution.abs().sum().backward()
show(Bv.grad)
try: torch.linalg.lstsq(A, B.real)
except Exception as e: print(type(e).__name__, e)
""",
"complex_matrix_products_have_no_negative_zero_parts": """
A = torch.tensor([[-1., 0], [0, -1]]).to(torch.complex64)
print(A @ A, torch.mm(A, A), torch.bmm(A[None], A[None]), torch.linalg.matrix_power(A * 1j, 4), A @ A[0], torch.dot(A[0], A[1]))
z = torch.tensor([[complex(-0.0, -0.0), complex(-0.0, 0)]])
print(torch.view_as_real(z @ torch.ones(2, 1, dtype=torch.complex64)).tolist(), torch.view_as_real(torch.outer(z[0], z[0])).tolist())
print(torch.view_as_real(torch.matmul(z[None], torch.ones(3, 2, 1, dtype=torch.complex64))).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

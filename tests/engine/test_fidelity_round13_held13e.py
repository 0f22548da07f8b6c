"""Classes of difference found by round 13's held-out programs on linalg and matrix math (held13e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"addmm_with_beta_zero_does_not_read_input": """
torch.manual_seed(4)
M = torch.full((2, 2), float('nan'))
a = torch.randn(2, 3); b = torch.randn(3, 2)
print(torch.addmm(M, a, b, beta=0), torch.addmm(M, a, b, beta=0, alpha=2), M.addmm(a, b, beta=0))
print(torch.addmm(torch.full((2,), float('inf')), a, b, beta=0.0))
M2 = M.clone(); M2.addmm_(a, b, beta=0); print(M2)
print(torch.addmm(M.double(), a.double(), b.double(), beta=0), torch.addmm(M.half(), a.half(), b.half(), beta=0))
i = torch.ones(2, 2, dtype=torch.int64)
print(torch.addmm(i, i, i, beta=0), torch.addmv(torch.full((2,), float('nan')), a, torch.ones(3), beta=0))
x = torch.full((2, 2), float('nan'), requires_grad=True)
y = torch.addmm(x, a, b, beta=0); y.sum().backward(); print(x.grad, y.grad_fn.name())
""",
"solve_ex_reports_singular_matrices_in_info": """
C = torch.tensor([[1., 2.], [2., 4.]])
print(torch.linalg.solve_ex(C, torch.ones(2)), torch.linalg.solve_ex(C, torch.ones(2, 3)))
print(torch.linalg.solve_ex(torch.zeros(2, 2, 2), torch.ones(2, 2)))
for f in [lambda: torch.linalg.solve_ex(C, torch.ones(2), check_errors=True),
          lambda: torch.linalg.solve_ex(torch.zeros(3, 2, 2), torch.ones(2), check_errors=True),
          lambda: torch.linalg.solve(torch.zeros(3, 2, 2), torch.ones(2)), lambda: torch.linalg.solve(C, torch.ones(2))]:
    try:
        print(f())
    except Exception as e:
        print(e)
x = torch.linalg.solve_ex(C.requires_grad_(), torch.ones(2)); print(x.result.grad_fn.name(), x.info)
""",
"det_gradient_at_singular_matrices": """
C = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
d = torch.linalg.det(C)
print(d.grad_fn._saved_LU, d.grad_fn._saved_LU.stride(), d.grad_fn._saved_pivots)
d.backward(); print(d, C.grad)
Z = torch.zeros(3, 3, requires_grad=True); torch.det(Z).backward(); print(Z.grad)
C3 = torch.tensor([[1., 2, 3], [4, 5, 6], [7, 8, 9]], requires_grad=True)
d = torch.det(C3); print(d); d.backward(); print(C3.grad)
A = torch.tensor([[1., 2, 3], [4, 5, 6], [7, 8, 10]]).T.requires_grad_()
d = torch.det(A); print(d.grad_fn._saved_LU, d.grad_fn._saved_pivots); d.backward(); print(A.grad)
M = torch.stack([torch.eye(2), torch.ones(2, 2)]).requires_grad_()
g, = torch.autograd.grad(torch.det(M).sum(), M, create_graph=True); print(g)
M2 = torch.stack([torch.eye(2), torch.eye(2) * 2]).requires_grad_()
g, = torch.autograd.grad(torch.det(M2).sum(), M2, create_graph=True); print(g)
S = torch.ones(2, 2, requires_grad=True)
g, = torch.autograd.grad(torch.det(S), S, create_graph=True); print(g)
E = torch.empty(0, 0, requires_grad=True); torch.det(E).backward(); print(E.grad)
E = torch.empty(2, 0, 0, requires_grad=True); torch.det(E).sum().backward(); print(E.grad.shape)
""",
"low_precision_dtypes_refused_by_inv_det_solve": """
h = torch.eye(2, dtype=torch.half)
for f in [lambda: torch.linalg.inv(h), lambda: torch.linalg.inv_ex(h.bfloat16()), lambda: torch.inverse(h),
          lambda: torch.det(h), lambda: h.det(), lambda: torch.linalg.slogdet(h), lambda: torch.logdet(h.bfloat16()),
          lambda: torch.linalg.solve(h, h), lambda: torch.linalg.solve_ex(h, h), lambda: torch.linalg.solve(h, torch.ones(2)),
          lambda: torch.linalg.solve(h, torch.ones(3, dtype=torch.half)), lambda: torch.det(torch.ones(2, 3, dtype=torch.half)),
          lambda: torch.linalg.inv(torch.ones(2, 3, dtype=torch.half)), lambda: torch.linalg.det(torch.ones(3, dtype=torch.half))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.linalg.matrix_exp(torch.zeros(3, 3).half()))
""",
"inv_and_solve_results_are_column_major": """
torch.manual_seed(0)
A = torch.randn(3, 3)
print(torch.linalg.solve(A, torch.randn(3, 2)).stride(), torch.linalg.solve(A, torch.randn(3)).stride())
print(torch.linalg.solve(torch.randn(2, 3, 3), torch.randn(2, 3, 2)).stride(), torch.linalg.solve(torch.randn(2, 3, 3), torch.randn(2, 3)).stride())
print(torch.linalg.solve(A, torch.randn(2, 3), left=False).stride(), torch.linalg.solve_ex(A, torch.randn(3, 4)).result.stride())
print(torch.linalg.inv(A).stride(), torch.linalg.inv(A.T).stride(), torch.inverse(A).is_contiguous(), A.inverse().stride())
print(torch.linalg.inv_ex(A).inverse.stride(), torch.linalg.matrix_power(A, -1).stride(), torch.linalg.matrix_power(A, -2).stride())
Y = torch.randn(3, 3, requires_grad=True)
Z = torch.linalg.inv(Y); print(Z.grad_fn._saved_inverse.stride()); Z.backward(torch.ones(3, 3)); print(Y.grad.stride())
try:
    torch.linalg.inv(A).view(9)
except Exception as e:
    print(type(e).__name__, e)
""",
"vector_norm_without_identity_on_empty_tensors": """
E = torch.empty(0, 3)
for f in [lambda: torch.linalg.vector_norm(E, ord=float('inf')), lambda: torch.linalg.vector_norm(E, ord=-float('inf')),
          lambda: torch.linalg.vector_norm(E, ord=float('inf'), dim=1), lambda: torch.linalg.vector_norm(E, ord=float('inf'), dim=0),
          lambda: torch.linalg.vector_norm(E, ord=0), lambda: torch.linalg.vector_norm(E, ord=-1), lambda: torch.linalg.vector_norm(E, -1, dim=1),
          lambda: torch.norm(E, p=float('inf')), lambda: E.norm(float('inf')), lambda: torch.linalg.vector_norm(E, float('inf'), dim=-2),
          lambda: torch.linalg.vector_norm(E, -3, dim=(1, 0)), lambda: torch.linalg.vector_norm(E, -1e20), lambda: torch.linalg.vector_norm(E, -0.5, dim=0),
          lambda: torch.linalg.vector_norm(E.half(), float('inf')), lambda: torch.linalg.vector_norm(E.long(), float('inf')),
          lambda: torch.linalg.matrix_norm(E, ord=float('inf')), lambda: torch.linalg.matrix_norm(E, ord=1), lambda: torch.linalg.matrix_norm(E, ord=2),
          lambda: torch.linalg.matrix_norm(E, ord=-2), lambda: torch.linalg.matrix_norm(torch.empty(2, 0, 0), ord=-1),
          lambda: torch.linalg.matrix_norm(E, float('inf'), keepdim=True), lambda: torch.linalg.matrix_norm(torch.empty(2, 0, 3), 2, dim=(0, 1)),
          lambda: torch.linalg.cond(torch.empty(0, 0)), lambda: torch.linalg.cond(torch.empty(2, 0, 0)), lambda: torch.linalg.cond(torch.empty(3, 0)),
          lambda: torch.linalg.matrix_norm(torch.empty(0, 3, requires_grad=True), 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"lstsq_outputs_by_driver": """
torch.manual_seed(0)
A = torch.randn(5, 3); B = torch.randn(5, 2)
for d in ['gels', 'gelsy', 'gelsd', 'gelss', None]:
    r = torch.linalg.lstsq(A, B, driver=d)
    print(d, r.residuals, r.rank, r.singular_values, r.solution.stride(), r.solution.untyped_storage().nbytes())
    r = torch.linalg.lstsq(A.double(), B.double(), driver=d); print(r.residuals, r.rank, r.singular_values)
    r = torch.linalg.lstsq(A, B[:, 0], driver=d); print(r.solution.stride(), r.residuals, r.rank.shape)
    r = torch.linalg.lstsq(A[:2], B[:2], driver=d); print(r.solution.stride(), r.residuals, r.singular_values)
r = torch.linalg.lstsq(A.requires_grad_(), B, driver='gelsd')
print(r.residuals.grad_fn.name(), r.singular_values.grad_fn, r.solution.grad_fn.name())
r = torch.linalg.lstsq(torch.randn(2, 5, 3), torch.randn(2, 5, 2), driver='gelsd'); print(r.residuals.shape, r.rank, r.solution.stride())
r = torch.linalg.lstsq(torch.ones(4, 2), torch.randn(4, 1), driver='gelsd'); print(r.residuals, r.rank)
r = torch.linalg.lstsq(torch.randn(4, 2), torch.randn(4, 1), driver='gels'); print(r.residuals, r.rank, r.singular_values)
""",
"geqrf_householder_product_and_orthogonal_init": """
torch.manual_seed(19)
for dt in [torch.float32, torch.float64]:
    A = torch.randn(4, 3, dtype=dt)
    h, tau = torch.geqrf(A)
    print(h, tau, h.stride(), torch.linalg.householder_product(h, tau), torch.orgqr(h, tau).stride())
    print(torch.linalg.householder_product(h, tau[:2]), h.orgqr(input2=tau).shape, A.geqrf().tau.shape)
w = torch.empty(3, 5); torch.manual_seed(0); torch.nn.init.orthogonal_(w); print(w, w @ w.T)
w = torch.empty(5, 3); torch.manual_seed(0); torch.nn.init.orthogonal_(w); print(w, w.T @ w)
A = torch.randn(4, 3, requires_grad=True)
r = torch.geqrf(A); print(r.a.grad_fn.name(), r.tau.grad_fn is r.a.grad_fn, type(r))  # (the language reads __name__ as "geqrf")
try:
    r.a.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
h, tau = torch.geqrf(A.detach())
for f in [lambda: torch.geqrf(torch.ones(3)), lambda: torch.geqrf(torch.ones(2, 2, dtype=torch.int64)),
          lambda: torch.linalg.householder_product(h, torch.ones(4)), lambda: torch.linalg.householder_product(h.T, tau),
          lambda: torch.linalg.householder_product(h, tau.double()), lambda: torch.linalg.householder_product(torch.ones(3), tau),
          lambda: torch.linalg.householder_product(h, torch.ones(2, 3)), lambda: torch.geqrf(torch.empty(0, 3)),
          lambda: torch.linalg.householder_product(torch.randn(2, 4, 3), torch.randn(3, 2)), lambda: torch.orgqr(h)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"float32_qr_is_mkls_householder_steps": """
torch.manual_seed(5)
for shape in [(2, 2), (3, 3), (4, 3), (3, 4), (5, 5), (8, 4), (2, 3, 3)]:
    for mode in ['reduced', 'complete', 'r']:
        A = torch.randn(*shape)
        Q, R = torch.linalg.qr(A, mode=mode)
        print(Q, R)
A = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])
Q, R = torch.linalg.qr(A)
print(Q.tolist(), R.tolist(), (Q @ Q.T).tolist())
""",
"float32_singular_values_of_rank_deficient_matrices": """
for A in [torch.ones(2, 2), torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2, 3), torch.ones(3, 2), torch.ones(4, 2)]:
    print(torch.linalg.svdvals(A), torch.linalg.cond(A), torch.linalg.matrix_rank(A), torch.linalg.matrix_norm(A, -2))
print(torch.linalg.svd(torch.ones(2, 2)).S, torch.svd(torch.ones(3, 2)).S)
print(torch.pinverse(torch.ones(2, 2)), torch.linalg.pinv(torch.ones(3, 2)))
print(torch.linalg.cond(torch.tensor([[1., 1.], [1., 1.]]), p=1))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_held13e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

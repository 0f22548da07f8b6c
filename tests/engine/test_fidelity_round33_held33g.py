"""Classes of difference found by the thirty-third round's held-out programs on torch.linalg, torch.fft and complex
tensors (held33g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"fftn_over_no_dims_of_a_0_dim_tensor_is_a_complex_copy": """
for name in ['fftn', 'ifftn', 'fft2', 'rfftn', 'ihfftn']:
    for x in [torch.tensor(2., requires_grad=True), torch.tensor(1+2j, requires_grad=True), torch.ones(2, 2, requires_grad=True)]:
        for kw in [{}, dict(dim=()), dict(s=()), dict(dim=[], norm='ortho')]:
            try:
                r = getattr(torch.fft, name)(x, **kw)
                print(name, kw, r, r.shape, r.grad_fn.name())
                r.abs().sum().backward()
                print(x.grad)
                x.grad = None
            except Exception as e:
                print(name, kw, type(e).__name__, e)
""",
"ihfftn_of_a_complex_input_is_refused_by_its_r2c": """
for x in [torch.tensor([1+1j, 2]), torch.tensor([[1+1j, 2], [3, 4j]], dtype=torch.complex128)]:
    for f in [torch.fft.ihfftn, torch.fft.ihfft2, torch.fft.ihfft, torch.fft.rfftn, torch.fft.rfft]:
        try:
            print(f(x))
        except Exception as e:
            print(type(e).__name__, e)
print(torch.fft.ihfftn(torch.tensor([[1., 2.], [3., 4.]])))
""",
"geqrf_and_householder_product_of_complex_tensors": """
torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128]:
    A = torch.randn(4, 3, dtype=dt)
    h, tau = torch.geqrf(A)
    print(h.dtype, tau.dtype, h.shape, tau.shape, h.stride())
    Q = torch.linalg.householder_product(h, tau)
    Q2, R2 = torch.linalg.qr(A)
    print(Q.dtype, Q.stride(), torch.allclose(Q, Q2, atol=1e-5), torch.allclose(Q @ h.triu()[:3], A, atol=1e-5))
    hr, tr = h.clone().requires_grad_(), tau.clone().requires_grad_()
    P = torch.linalg.householder_product(hr, tr)
    print(P.grad_fn.name())
    (P.real.sum() + P.imag.pow(2).sum()).backward()
    print(hr.grad.shape, hr.grad.dtype, tr.grad.shape)
print(torch.geqrf(torch.tensor([[2, 1j], [-1j, 2]])))
print(torch.linalg.householder_product(torch.tensor([[1., 0], [0.5j, 1]]), torch.tensor([1.5+0j, 0])))
print(torch.linalg.householder_product(torch.tensor([[1., 0], [0.5j, 1], [1, 1j]]), torch.tensor([1.2+0.1j, 0.5j])))
print(torch.geqrf(torch.empty(0, 2, dtype=torch.complex64)))
try:
    torch.linalg.householder_product(torch.tensor([[1., 0], [0.5j, 1]]), torch.tensor([1.5, 0]))
except Exception as e:
    print(type(e).__name__, e)
""",
"lu_factor_backward_is_differentiable_for_second_derivatives": """
A0 = torch.tensor([[2., 1., 0.], [1., 3., 1.], [0., 1., 4.]])
fns = {'lu_factor': lambda a: torch.linalg.lu_factor(a)[0],
       'lu_factor_ex': lambda a: torch.linalg.lu_factor_ex(a).LU,
       'lu_solve': lambda a: torch.linalg.lu_solve(*torch.linalg.lu_factor(a), torch.ones(3, 1)),
       'lu_solve_adjoint': lambda a: torch.linalg.lu_solve(*torch.linalg.lu_factor(a), torch.ones(3, 2), adjoint=True),
       'lu_factor_wide': lambda a: torch.linalg.lu_factor(a[:2])[0] ** 2,
       'lu_factor_tall': lambda a: torch.linalg.lu_factor(a[:, :2])[0] ** 2,
       'lu': lambda a: torch.linalg.lu(a).U}
for n, f in fns.items():
    a = A0.clone().requires_grad_()
    g1 = torch.autograd.grad(f(a).sum(), a, create_graph=True)[0]
    print(n, g1.grad_fn.name() if g1.grad_fn is not None else None)
    print(torch.autograd.grad(g1.pow(2).sum(), a)[0])
""",
"forward_ad_through_a_namespace_function_taken_before_the_level": """
fwAD = torch.autograd.forward_ad
L = torch.linalg
A = torch.tensor([[2., 1.], [1., 3.]])
T = torch.tensor([[1., 0.], [0., 0.]])
for f in [L.inv, L.det, L.eigvalsh, L.matrix_exp, L.cholesky, L.vector_norm, L.pinv, torch.special.expit]:
    with fwAD.dual_level():
        print(fwAD.unpack_dual(f(fwAD.make_dual(A, T))).tangent)
print(L.inv(A))
""",
}


PRINTED_ONLY = {"forward_ad_through_a_namespace_function_taken_before_the_level"}  # (forward_ad imports torch.func)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=name in PRINTED_ONLY)

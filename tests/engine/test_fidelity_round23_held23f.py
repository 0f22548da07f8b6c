"""Classes of difference found by the twenty-third round's held-out programs on shapes, broadcasting and products
(held23f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"dtype_messages_name_complex_dtypes_as_typemeta_does": """
f = torch.ones(2, 2)
for x, y in [(f, f.to(torch.complex64)), (f.to(torch.complex128), f.double()), (f.half(), f.to(torch.complex64))]:
    for name, call in [("multi_dot", lambda: torch.linalg.multi_dot([x, y, x])),
                       ("multi_dot out", lambda: torch.linalg.multi_dot([x, x], out=torch.empty(2, 2, dtype=y.dtype))),
                       ("histogram bins", lambda: torch.histogram(x[0], y[0])),
                       ("histogram weight", lambda: torch.histogram(torch.ones(3), 3, weight=torch.ones(3, dtype=y.dtype)))]:
        try:
            print(name, call())
        except Exception as e:
            print(name, type(e).__name__, e)
""",
"complex_matrix_vector_products_add_plain_products_in_order": """
torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128]:
    for m, k in [(3, 3), (1, 5), (7, 300), (4, 1)]:
        z = torch.randn(m, k, dtype=dt)
        v = torch.randn(k, dtype=dt)
        print(torch.mv(z, v).tolist(), (z.conj() @ v).tolist(), z.T.contiguous().T.mv(v.conj()).tolist())
        print(torch.addmv(torch.ones(m, dtype=dt), z, v, beta=0.5, alpha=2).tolist())
z = torch.randn(3, 3, dtype=torch.complex64)
print(z.conj() @ z[0], torch.mv(z, z[1].conj()))
w = torch.randn(3, 4, dtype=torch.complex64, requires_grad=True)
x = torch.randn(4, dtype=torch.complex64, requires_grad=True)
(w @ x).backward(torch.randn(3, dtype=torch.complex64))
print(w.grad.tolist(), x.grad.tolist())
""",
"addmm_takes_out_before_expanding_self_baddbmm_after": """
L, F, D = torch.long, torch.float32, torch.float64
def T(*s, dtype=F):
    return torch.ones(*s, dtype=dtype)
cases = [lambda o: torch.addmm(T(4, 2), T(4, 3), T(3, 4), out=o), lambda o: torch.addmm(T(1, 4, 4), T(4, 3), T(3, 4), out=o),
         lambda o: torch.addmm(T(4, 2), T(4, 0), T(0, 4), out=o), lambda o: torch.addmm(T(4, 2), T(4, 3, dtype=D), T(3, 4), out=o),
         lambda o: torch.baddbmm(T(2, 4, 2, dtype=L), T(2, 4, 3), T(2, 3, 4), out=o),
         lambda o: torch.baddbmm(T(1, 2, 4, 4), T(2, 4, 3), T(2, 3, 4), out=o),
         lambda o: torch.baddbmm(T(2, 4, 4), T(2, 4, 3), T(2, 3, 4, dtype=D), out=o),
         lambda o: torch.baddbmm(T(2, 4, 4, dtype=D), T(2, 4, 3), T(2, 3, 4, dtype=D), out=o),
         lambda o: torch.baddbmm(T(4), T(2, 4, 3), T(2, 3, 4), out=o)]
for f in cases:
    for o in [torch.empty(1, dtype=D), torch.empty(1), torch.empty(0, dtype=L)]:
        try:
            print(f(o).shape, o.shape)
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

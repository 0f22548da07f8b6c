"""Classes of difference the thirty-fourth round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"forward_ad_gives_no_tangent_where_pytorch_has_no_derivative_and_refuses_not_implemented_ones": '''
fwAD = torch.autograd.forward_ad
with fwAD.dual_level():
    d = fwAD.make_dual(torch.tensor([1., 2.5]), torch.ones(2))
    for f in (torch.special.bessel_j0, torch.special.bessel_y1, torch.special.modified_bessel_k0,
              torch.special.spherical_bessel_j0, torch.special.airy_ai,
              lambda t: torch.special.chebyshev_polynomial_t(t, 3), lambda t: torch.special.hermite_polynomial_he(t, t),
              lambda t: torch.special.chebyshev_polynomial_t(2., t), lambda t: torch.histc(t, bins=3),
              torch.floor, torch.sign, lambda t: t.round(decimals=1), lambda t: torch.nextafter(t, torch.tensor(3.)),
              lambda t: torch.heaviside(t, torch.tensor(0.5)), lambda t: torch.heaviside(torch.tensor([0., 1.]), t),
              lambda t: torch.floor_divide(t, 2), lambda t: t // 2, lambda t: 5 % t,
              lambda t: torch.bincount(torch.tensor([0, 1]), weights=t), lambda t: torch.special.zeta(t, 2.)):
        try:
            r = f(d)
            print(r, fwAD.unpack_dual(r).tangent)
        except Exception as e:
            print(type(e).__name__, str(e).splitlines()[0])
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.heaviside(x, torch.tensor(0.5))
print(y, y.grad_fn.name(), len(y.grad_fn.next_functions))
w = torch.bincount(torch.tensor([0, 1]), weights=x)
print(w, w.grad_fn.name())
for t in (y, w):
    try:
        t.sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
''',
"complex_det_multiplies_by_the_permutation_sign_as_a_complex_product": '''
for dt in (torch.complex64, torch.complex128, torch.float32, torch.float64):
    for m in ([[1., 2.], [3., 4.]], [[3., 4.], [1., 2.]], [[0., 1.], [1., 0.]], [[1., 0.], [0., 0.]], [[0., 0.], [0., 0.]], [[2., 1., 0.], [1., 2., 1.], [0., 1., 2.]], [[0., 2., 1.], [1., 0., 0.], [3., 1., 1.]]):
        A = torch.tensor(m, dtype=dt)
        print(torch.linalg.det(A), torch.det(-A), torch.linalg.slogdet(A), torch.logdet(A) if not dt.is_complex else '')
A = torch.tensor([[1+1j, 2-1j], [0.5j, 4.]], dtype=torch.complex64)
print(torch.linalg.det(A), torch.linalg.det(A.conj()), torch.linalg.det(A.mT))
x = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.complex64, requires_grad=True)
y = torch.linalg.det(x)
print(y)
y.abs().backward()
print(x.grad)
''',
"matrix_exp_multiplies_by_bmm_and_rounds_t8s_double_constants_once": '''
torch.manual_seed(0)
def digest(x):
    return hash(tuple(x.flatten().tolist()))
for dt in (torch.float32, torch.float64):
    for n in (2, 3, 4, 5, 8):
        for scale in (0.001, 0.01, 0.3, 1.0, 3.0):
            row = []
            for _ in range(4):
                A = (torch.randn(n, n, dtype=dt) * scale).requires_grad_()
                E = torch.linalg.matrix_exp(A)
                E.sum().backward()
                row += [digest(E), digest(A.grad)]
            row.append(digest(torch.linalg.matrix_exp(torch.randn(3, n, n, dtype=dt) * scale)))
            print(dt, n, scale, row)
A = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
torch.linalg.matrix_exp(A).sum().backward()
print(A.grad)
''',
"inplace_comparisons_record_their_node_on_bool_and_integer_tensors": '''
b = torch.tensor([1., 0., 2.], requires_grad=True) * 1
for dt in (torch.float32, torch.bool, torch.int64):
    for op in ("eq_", "ne_", "lt_", "ge_", "logical_and_", "logical_xor_"):
        a = torch.tensor([1, 0, 1], dtype=dt)
        try:
            r = getattr(a, op)(b)
            print(dt, op, r, r.requires_grad, a._version)
        except Exception as e:
            print(dt, op, type(e).__name__, e)
a = torch.tensor([True, False, True])
r = a.eq_(b)
try:
    r.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(b.grad)
b = torch.tensor([1., 0., 2.], requires_grad=True) * 1
a = torch.tensor([1, 0, 1])
a.eq_(b)
print(a, a.is_leaf, a.grad_fn.next_functions)
for f in (lambda: a.float(), lambda: a + 1, lambda: a * 2.5, lambda: a.view(3, 1), lambda: a[0], lambda: a.sum(), lambda: a.clone(), lambda: a.detach(), lambda: a.to(torch.float64), lambda: a.eq(1), lambda: a.add_(1)):
    try:
        r = f()
        print(r, r.requires_grad)
    except Exception as e:
        print(type(e).__name__, e)
c = torch.zeros(3, dtype=torch.bool)
c.ne_(b)
c.ne_(2)
print(c)
try:
    c.requires_grad_(False)
except Exception as e:
    print(type(e).__name__, e)
try:
    c.retain_grad()
except Exception as e:
    print(type(e).__name__, e)
''',
"forward_ad_of_functional_inplace_activations_takes_the_out_of_place_twins_tangent": '''
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
for name, f in [("elu_", lambda t: F.elu_(t)), ("leaky_relu_", lambda t: F.leaky_relu_(t, 0.1)),
                ("hardtanh_", lambda t: F.hardtanh_(t, -0.5, 0.5)), ("celu_", lambda t: F.celu_(t)),
                ("selu_", lambda t: F.selu_(t)), ("relu_", lambda t: F.relu_(t)), ("rrelu_", lambda t: F.rrelu_(t)),
                ("threshold_", lambda t: F.threshold_(t, 0.1, 2.0)), ("elu inplace", lambda t: F.elu(t, inplace=True)),
                ("relu6 inplace", lambda t: F.relu6(t, inplace=True)), ("rrelu inplace", lambda t: F.rrelu(t, inplace=True)),
                ("t.relu_", lambda t: t.relu_()), ("torch.relu_", lambda t: torch.relu_(t)),
                ("torch.selu_", lambda t: torch.selu_(t)), ("torch.celu_", lambda t: torch.celu_(t)),
                ("F.rrelu", lambda t: F.rrelu(t))]:
    with fwAD.dual_level():
        d = fwAD.make_dual(torch.tensor([-1.0, 0.25, 2.0]), torch.tensor([1.0, 2.0, 3.0]))
        try:
            r = f(d)
            print(name, r is d, fwAD.unpack_dual(r).tangent, fwAD.unpack_dual(d).tangent, d._version)
        except Exception as e:
            print(name, type(e).__name__, str(e).splitlines()[0])
''',
"bitwise_ops_out_has_no_autograd_check_but_the_fallbacks_refusal_of_a_leaf_out": '''
x = torch.tensor([1., 2.], requires_grad=True)
o = torch.zeros(2)
for name in ("bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift", "gcd", "lcm"):
    for other in (0.379, 2, torch.tensor([1., 1.]), True):
        try:
            print(name, getattr(torch, name)(x, other, out=o))
        except Exception as e:
            print(name, type(e).__name__, e)
for f in (lambda: torch.bitwise_not(x, out=o), lambda: torch.bitwise_and(x.detach(), 2, out=torch.zeros(2, requires_grad=True)), lambda: torch.bitwise_and(torch.tensor([1, 2]), x, out=o)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = torch.tensor([5, 3])
print(torch.bitwise_and(a, 6, out=torch.zeros(2, dtype=torch.long)), torch.bitwise_left_shift(a, 1, out=torch.zeros(2, dtype=torch.long)))
w = torch.zeros(2, requires_grad=True) * 1
try:
    torch.bitwise_or(a, 1, out=w)
except Exception as e:
    print(type(e).__name__, e)
''',
"torch_func_transforms_differentiate_an_inference_tensor_through_a_wrapper": '''
with torch.inference_mode():
    v = torch.arange(6.) * 2
print(v.is_inference())
print(torch.func.jacrev(lambda x: x ** 2)(v[:3]))
print(torch.func.grad(lambda x: (x ** 3).sum())(v[:2]))
print(torch.func.jvp(lambda x: x.sin(), (v[:2],), (torch.ones(2),)))
print(torch.func.vjp(lambda x: x * 3, v[:2])[1](torch.ones(2)))
print(torch.func.jacfwd(lambda x: x ** 2)(v[:2]))
print(v.is_inference(), v._version if False else '')
''',
}


PRINTED_ONLY = {"torch_func_transforms_differentiate_an_inference_tensor_through_a_wrapper",
                "forward_ad_of_functional_inplace_activations_takes_the_out_of_place_twins_tangent",
                "forward_ad_gives_no_tangent_where_pytorch_has_no_derivative_and_refuses_not_implemented_ones"}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=name in PRINTED_ONLY)

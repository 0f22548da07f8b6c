"""Classes of difference found by the twenty-third round's held-out programs on torch.linalg, torch.fft and complex
tensors (held23g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"assigning_real_or_imag_copies_into_the_part": """
z = torch.tensor([1+1j, 2+2j])
z.real = torch.tensor([9., 8.])
print(z, z._version)
z.imag = 3
print(z, z._version)
z.real += 1
print(z, z._version)
x = torch.tensor([1, 2])
x.real = 7.9
print(x)
for target, value in [(x, torch.tensor([1., 2.])), (z, [1, 2]), (z, torch.tensor([1., 2., 3.]))]:
    try:
        target.imag = value
    except Exception as e:
        print(type(e).__name__, e)
    try:
        target.real = value
    except Exception as e:
        print(type(e).__name__, e)
w = torch.tensor([1+1j], requires_grad=True)
try:
    w.real = 1
except Exception as e:
    print(type(e).__name__, e)
u = w * 1
u.imag = torch.tensor([5.], requires_grad=True)
print(u)
u.abs().sum().backward()
print(w.grad)
""",
"fftfreq_makes_its_empty_tensor_checks_the_dtype_then_aranges": """
for n in [-1, -3, -4, 0, 1, 3]:
    for dt in [torch.int32, torch.complex64, torch.bool, None, torch.float64]:
        for f in [torch.fft.fftfreq, torch.fft.rfftfreq]:
            try:
                print(n, dt, f(n, dtype=dt))
            except Exception as e:
                print(n, dt, type(e).__name__, e)
print(torch.fft.rfftfreq(-1, 0.5), torch.fft.fftfreq(0, 0))
""",
"sgn_of_a_complex_tensor_has_a_gradient": """
z = torch.tensor([3+4j, 0j, -1+2j, 0.5-2j], requires_grad=True)
z.sgn().real.sum().backward()
print(z.grad)
z.grad = None
z.sgn().imag.pow(2).sum().backward()
print(z.grad)
y = z * 1
y.sgn_()
print(y.grad_fn.name())
y.angle().sum().backward()
print(z.grad)
w = z.detach().to(torch.complex128)[[0, 2, 3]].requires_grad_()
g, = torch.autograd.grad(w.sgn().real.sum(), w, create_graph=True)
print(g)
x = torch.tensor([1., -2., 0.], requires_grad=True)
x.sgn().sum().backward()
print(x.grad)
""",
"gradcheck_of_an_op_whose_output_is_not_contiguous": """
A = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
for f in [torch.linalg.inv, lambda a: a.t() * 2, lambda a: torch.linalg.svd(a)[0], lambda a: a.t().exp()]:
    print(torch.autograd.gradcheck(f, (A,)), torch.autograd.gradgradcheck(f, (A,)))
""",
"prod_of_a_complex_tensor_has_the_conjugate_gradient": """
z = torch.tensor([1+1j, 2-1j, 0.5j], requires_grad=True)
z.prod().abs().backward()
print(z.grad)
z.grad = None
z.prod().real.backward()
print(z.grad)
m = torch.tensor([[1+1j, 0], [2-1j, 0], [3j, 1]], requires_grad=True)
m.prod(0).real.sum().backward()
print(m.grad)
m.grad = None
m.prod(1, keepdim=True).imag.sum().backward()
print(m.grad)
m.grad = None
m.prod().real.backward()
print(m.grad)
w = torch.tensor([0j, 1+1j, 2j], dtype=torch.complex128, requires_grad=True)
g, = torch.autograd.grad(w.prod().real, w, create_graph=True)
print(g)
g.real.sum().backward()
print(w.grad)
""",
"polar_backward_in_ops_as_torch": """
r = torch.tensor([2.], requires_grad=True)
t = torch.tensor([0.5], requires_grad=True)
torch.polar(r, t).abs().sum().backward()
print(r.grad, t.grad)
r = torch.tensor([2., 0.], dtype=torch.float64, requires_grad=True)
t = torch.tensor([0.5, 1.], dtype=torch.float64, requires_grad=True)
gr, gt = torch.autograd.grad(torch.polar(r, t).real.sum(), (r, t), create_graph=True)
print(gr, gt)
(gr.sum() + gt.sum()).backward()
print(r.grad, t.grad)
""",
"acosh_cross_ldexp_logaddexp_of_complex_tensors_have_gradients": """
for dt in [torch.complex64, torch.complex128]:
    z = torch.tensor([1+1j, 2-1j, 0.5j, -3+0.25j, -2-1j, 0.5+0j], dtype=dt, requires_grad=True)
    torch.acosh(z).abs().sum().backward()
    print(z.grad)
    z.grad = None
    torch.arccosh(z).real.sum().backward()
    print(z.grad)
    x = torch.tensor([1+1j, 2-1j, -0.5j], dtype=dt, requires_grad=True)
    y = torch.tensor([0.5, -1+2j, 3j], dtype=dt, requires_grad=True)
    torch.logaddexp(x, y).real.sum().backward()
    print(x.grad, y.grad)
    a = torch.tensor([[1+1j, 2, 3j], [0.5, -1j, 2+2j], [1, 1, 1j]], dtype=dt, requires_grad=True)
    torch.cross(a, a.roll(1, 0), dim=0).abs().sum().backward()
    print(a.grad)
    a.grad = None
    torch.ldexp(a, torch.tensor([1, -1, 2])).real.sum().backward()
    print(a.grad)
w = torch.tensor([1+1j, 2-1j, -3+0.25j], dtype=torch.complex128, requires_grad=True)
g, = torch.autograd.grad(torch.acosh(w).imag.sum(), w, create_graph=True)
print(g)
g.real.sum().backward()
print(w.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

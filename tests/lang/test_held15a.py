"""Complex numbers (round 15's held-out programs, held15a): the language's imaginary literals, the complex64/
complex128 dtypes and their promotion, creation (torch.tensor, zeros/full, randn/rand's bits, torch.complex, polar),
printing, view_as_real/view_as_complex and the real/imag views, conj, arithmetic and the unary functions, reductions
and products, PyTorch's errors for the ops with no complex kernel, and autograd's conjugate Wirtinger gradients.
One differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")


def attempt(lines):
    """The program lines run one by one, each error printed as its type and text."""
    return "".join(f"try:\n    {line}\nexcept Exception as e:\n    print(type(e).__name__, e)\n" for line in lines)


PROGRAMS = {
"imaginary_literals_are_pythons_complex_numbers": """
a = [0j, 1e3j, 3.5e-1j, 2J, 1_0j, .5j, 5.j, (1+2j).conjugate(), -1j, 1j**2, abs(3+4j)]
print(a, (1+2j).real, (1+2j).imag, complex(1, 2), complex(3), type(2j).__name__)
print(f"{1+2j}", str(3-1j), repr(complex(0, -0.0)), (1+2j) == complex(1, 2), (1+2j) * (2-1j))
match 2j:
    case 2j:
        print("matched")
""",
"complex_dtypes_their_attributes_and_promotion": """
print(torch.complex64, torch.cfloat, torch.complex128 is torch.cdouble, torch.complex64.is_complex)
print(torch.complex64.itemsize, torch.complex128.itemsize, torch.complex64.to_real(), torch.float64.to_complex())
print(torch.complex64.is_floating_point, torch.complex64.is_signed, torch.float32.is_complex)
a, b = torch.ones(2, dtype=torch.float64), torch.ones(2, dtype=torch.complex64)
print((a + b).dtype, torch.result_type(a, b), torch.promote_types(torch.float64, torch.complex64))
print((torch.ones(2) + 1j).dtype, (torch.ones(2, dtype=torch.float64) + 1j).dtype, (torch.arange(2) * 1j).dtype)
print((torch.ones(2) + torch.tensor(1j, dtype=torch.complex128)).dtype,
      (torch.ones(2, dtype=torch.float64) + torch.tensor(1j)).dtype)
print(torch.can_cast(torch.complex64, torch.float32), torch.can_cast(torch.float64, torch.complex64))
print(torch.tensor([1, 2j]).dtype, torch.tensor([[1j], [2]]).dtype, torch.tensor(2j).dtype)
torch.set_default_dtype(torch.float64)
print(torch.tensor([1j]), (torch.ones(1) * 1j).dtype, torch.tensor([1j], dtype=torch.complex64))
torch.set_default_dtype(torch.float32)
print(torch.finfo(torch.complex64).eps, torch.ones(1).is_complex(), torch.is_complex(torch.ones(1).cfloat()))
""" + attempt(["torch.tensor([1j], dtype=torch.float32)", "torch.tensor(1+1j, dtype=torch.int64)",
               "torch.iinfo(torch.complex64)"]),
"complex_tensors_print_their_parts_formatted_apart": """
print(torch.tensor([1+2j, 3-4j]), torch.tensor(3+4j), torch.zeros(2, dtype=torch.cdouble))
print(torch.tensor([1e10+1j, 1e-5-2j]), torch.tensor([0.001+1000j]), torch.tensor([[1+1j, 2], [0, 1j]]))
print(torch.empty(0, dtype=torch.complex64), torch.tensor([1.5+0.5j, float('nan') + 1j, complex(float('inf'), -1)]))
z = torch.tensor([1e-5+1j, 100+0j, -2.5-0.001j])
torch.set_printoptions(precision=2)
print(z)
torch.set_printoptions(sci_mode=False)
print(z)
torch.set_printoptions(profile="default")
print(torch.arange(30) * (1+1j))
print(z.item(), type(z[0].item()), z.tolist(), complex(z[1]), float(torch.tensor(2+0j)), int(torch.tensor(3+0j)))
""" + attempt(["float(torch.tensor(1+1j))", "int(torch.tensor(2j))"]),
"creation_of_complex_tensors": """
torch.manual_seed(0)
print(torch.randn(4, dtype=torch.complex64), torch.rand(3, dtype=torch.cfloat))
print(torch.randn(20, dtype=torch.complex128)[-3:], torch.randn(3, 7, dtype=torch.cfloat)[2])
e = torch.empty(3, dtype=torch.cfloat)
print(e.normal_(), e.uniform_(-1, 1), torch.rand_like(e), torch.randn_like(e))
print(torch.zeros(20, dtype=torch.complex128).normal_(1.0, 2.0)[-2:])
print(torch.full((2,), 1+1j), torch.ones(2, 2, dtype=torch.cdouble), torch.tensor([1, 2.5], dtype=torch.complex64))
re, im = torch.tensor([1.0, 2.0]), torch.tensor([0.5, -1.5])
print(torch.complex(re, im), torch.polar(torch.tensor([1.0, 2.0]), torch.tensor([0.0, torch.pi / 2])))
x = torch.tensor([1.0, 2.0, 3.0])
print(x.to(torch.complex64), x.cfloat(), x.cdouble(), torch.tensor([1j]).to(torch.float64), torch.tensor([0j, 1j]).bool())
z = torch.zeros(2, dtype=torch.cfloat)
z[1] = 3
z[0] = 1 - 1j
y = torch.zeros(2)
y.copy_(z)
print(z, y, z.sum(dtype=torch.float32), z.cumsum(0, dtype=torch.float64), torch.linspace(0, 1, 3, dtype=torch.cfloat))
print(z.float_power(2), torch.float_power(2, z))
""" + attempt(["torch.complex(torch.ones(2), torch.ones(2, dtype=torch.float64))",
               "torch.complex(torch.ones(2, dtype=torch.int64), torch.ones(2, dtype=torch.int64))",
               "torch.polar(torch.ones(2), torch.ones(2, dtype=torch.float64))", "y[0] = 1+2j"]),
"view_as_real_and_complex_share_storage": """
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
z = torch.view_as_complex(x)
print(z, z.shape, z.stride())
z[0] = 10 + 0j
print(x)
w = torch.tensor([1+1j, -2+0.5j])
r = torch.view_as_real(w)
print(r, r.stride(), r.dtype, r._base is w)
r[1, 0] = 7.0
print(w)
w.real[0] = 100.0
w.imag.mul_(2)
print(w, w.real.stride(), w.imag.storage_offset(), w.conj().imag, torch.real(w), torch.imag(w))
print(torch.view_as_complex(torch.ones(2, 2, dtype=torch.float64)).dtype, torch.view_as_complex(torch.tensor([1., 2.])))
""" + attempt(["torch.view_as_complex(torch.tensor([1.0, 2.0, 3.0]))", "torch.view_as_real(torch.ones(2))",
               "torch.view_as_real(w.conj())", "torch.view_as_complex(torch.ones(3, 2).t())",
               "torch.view_as_complex(torch.ones(2, 2, dtype=torch.int64))",
               "torch.view_as_complex(torch.ones(4)[1:].view(-1)[:2])",
               "torch.view_as_complex(torch.ones(2, 3)[:, :2])", "torch.ones(2).imag"]),
"conj_carries_the_conj_bit": """
z = torch.tensor([1+2j, 3-4j])
c = z.conj()
print(c.is_conj(), z.is_conj(), c, c.conj().is_conj(), torch.conj_physical(z).is_conj())
r = c.resolve_conj()
print(r.is_conj(), r, torch.isreal(torch.tensor([1+0j, 1j])), torch.ones(2).conj().is_conj())
m = torch.tensor([[1+1j, 2], [0, 1j]])
print(m.mH, m.adjoint(), m.T)
""",
"arithmetic_and_functions_of_complex_tensors": """
z = torch.tensor([1+2j, 3-1j])
w = torch.tensor([2-1j, 1+1j])
print(z + w, z - w, z * w, z / w, z ** 2, 1j - z, 2 / z, z ** 0.5, z ** w)
print(torch.tensor([1, 2]) / (1 + 1j), torch.tensor([True]) + 1j, z.abs(), z.angle(), z.sgn())
q = torch.tensor([1+1j, 0j, -1-1j], dtype=torch.complex128)
print(torch.exp(q), torch.log(q), torch.sqrt(q), torch.tensor([0j, 2j]).reciprocal())
s = torch.tensor([0.5+0.5j, -1j])
print(torch.sin(s), torch.cos(s), torch.tanh(s), torch.sigmoid(s), s.reciprocal(), s.log10(), s.expm1(), s.asin())
print(torch.exp(1j * torch.pi * torch.linspace(0, 1, 5)).abs())
n = torch.tensor([1+2j, float('nan')+1j, complex(float('inf'), 0)])
print(torch.isnan(n), torch.isinf(n), torch.isfinite(n), torch.nan_to_num(n))
print(z == w, z != z, torch.isclose(z, z + 1e-7), torch.allclose(z, z * (1 + 1e-9)))
""",
"reductions_and_products_of_complex_tensors": """
a = torch.tensor([1+2j, 3+4j])
b = torch.tensor([5+6j, 7+8j])
print(torch.dot(a, b), torch.vdot(a, b), a.sum(), a.mean(), a.prod(), a.cumsum(0), a.cumprod(0))
print(a.std(), a.var(), a.var(unbiased=False), torch.linalg.norm(a), torch.linalg.vector_norm(a, ord=1), a.norm().dtype)
m = torch.tensor([[1+1j, 2], [0, 1j]])
print(m @ m, torch.mm(m, m.conj().T), torch.trace(m @ m), m.sum(dim=0), m.mean(dim=1))
print(torch.empty(0, dtype=torch.complex64).sum(), a.logsumexp(0))
print(a.sum(dtype=torch.complex128))
""",
"ops_with_no_complex_kernel_say_so_as_pytorch": """
z = torch.tensor([1+2j, -0.5j])
""" + attempt(["torch.atan2(z, z)", "torch.hypot(z, z)", "torch.copysign(z, z)", "~z", "z << 1", "torch.fmax(z, z)",
               "z.deg2rad()", "z.logit()", "torch.bincount(z)", "torch.xlogy(z, z)", "z & z", "z | 1",
               "torch.isin(z, z)", "z.erf()", "z.lgamma()", "z < z", "z >= 1", "z.max()", "z.min(0)", "torch.max(z, 0)", "z.max(z)", "torch.maximum(z, z)",
               "z.argmax()", "torch.sort(z)", "z.argsort()", "z.clamp(min=0)", "z.clip(0, 1)", "z.topk(1)",
               "torch.amax(z)", "z % 2", "z.floor_divide(z)", "torch.fmod(z, 2)", "z.median()", "torch.median(z, 0)",
               "z.unique()", "z.softmax(0)", "z.log_softmax(0)", "z.nansum()", "z.abs_()", "z.relu()", "z.floor()",
               "z.sign()", "z.round()", "z.heaviside(z)", "z.kthvalue(1)", "z.cummax(0)"]),
"autograd_of_complex_numbers_is_the_conjugate_wirtinger_derivative": """
z = torch.tensor([1+2j, 3+4j], requires_grad=True)
z.abs().sum().backward()
print(z.grad)
z = torch.tensor([1+1j, 2-1j], requires_grad=True)
x = torch.tensor([0.5, 2.0], requires_grad=True)
w = torch.tensor([3-2j, 1+4j])
(z * w).real.sum().backward()
print(z.grad)
z.grad = None
y = (z * x + z / (x + 1j) + 2j * z + z ** 2 + 3 / z + z * 1.5j).abs().sum()
y.backward()
print(z.grad, x.grad, (z ** 2).grad_fn.name(), (z * 2j).grad_fn.name(), z.real.grad_fn.name())
z.grad = None
(z.angle().sum() + z.exp().real.sum() + z.conj().imag.sum()).backward()
print(z.grad, z.conj().grad_fn.name(), torch.view_as_real(z).grad_fn.name(), z.abs().grad_fn.name())
t = torch.ones(3, dtype=torch.cfloat, requires_grad=True)
(t * 2).backward(torch.tensor([1+1j, 1j, 1]))
print(t.grad)
torch.manual_seed(0)
A = torch.randn(2, 3, dtype=torch.cfloat, requires_grad=True)
B = torch.randn(3, 2, dtype=torch.cfloat, requires_grad=True)
v = torch.randn(3, dtype=torch.cfloat, requires_grad=True)
((A @ B).abs().sum() + torch.vdot(v, v * 1j).imag + (A @ v).abs().pow(2).sum()).backward()
print(A.grad, B.grad, v.grad)
re = torch.tensor([1.0, 2.0], requires_grad=True)
im = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.complex(re, im)
(c * c).real.sum().backward()
print(re.grad, im.grad, c.grad_fn.name())
""" + attempt(["(z * z).sum().backward()", "(z.abs().sum() * 1j).backward()", "torch.tensor([1j]).requires_grad_()"]),
"a_module_converted_to_complex_trains": """
torch.manual_seed(0)
lin = torch.nn.Linear(3, 2).to(torch.cfloat)
print(lin.weight.dtype)
x = torch.randn(4, 3, dtype=torch.cfloat)
out = lin(x)
out.abs().pow(2).mean().backward()
print(out.grad_fn.name(), lin.weight.grad, lin.bias.grad)
torch.optim.SGD(lin.parameters(), lr=0.1).step()
print(lin.bias)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held15a_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

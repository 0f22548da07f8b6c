"""Classes of difference found by round 22's held-out programs on the torch namespace's creation, elementwise and
loss functions (held22g): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")


PROGRAMS = {
"bytes_bytearray_and_memoryview_are_frombuffers_buffers": """
b = bytearray(8)
b[1] = 3
b.extend(b'\\x00\\x01')
print(b, len(b), isinstance(b, bytearray), bytes(3), b.hex())
t = torch.frombuffer(b, dtype=torch.int16)
b[0] = 9
print(t, torch.frombuffer(memoryview(b), dtype=torch.uint8, count=2, offset=1))
print(torch.frombuffer(bytes([0, 0, 128, 63]), dtype=torch.float32))
try:
    torch.frombuffer(bytearray(12), dtype=torch.int64)
except ValueError as e:
    print(type(e).__name__, e)
""",
"nll_loss_of_a_0_dim_target_reads_its_batch_size_as_0": """
F = torch.nn.functional
lp = torch.log_softmax(torch.tensor([[1., 2.], [3., 4.]]), 1)
for t in (torch.tensor(1), torch.tensor([0, 1]), torch.tensor([0])):
    try:
        print(F.nll_loss(lp, t))
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
""",
"logaddexp_of_complex_tensors_is_atens_complex_helper": """
inf, nan = float('inf'), float('nan')
a = torch.tensor([1+1j, 2-3j, 0j, -1e-8+1e-8j, complex(-inf, 1), complex(inf, 1), complex(nan, 0), 100+2j, 1e-3j])
b = torch.tensor([2+0j, 2+3j, 0j, 1e-8+0j, complex(-inf, 2), complex(inf, -1), 1+1j, -100+1j, -1e-3j])
print(torch.logaddexp(a, b))
print(torch.logaddexp(b.to(torch.complex128), a.to(torch.complex128)))
print(torch.logaddexp(torch.tensor([0.5, 1.0]), torch.tensor([1j, 2j])))
""",
"losses_dispatch_floating_kernels_only": """
F = torch.nn.functional
z = torch.tensor([[1 + 1j, 2 - 1j]])
i = torch.tensor([[1, 0]])
cases = [lambda: F.mse_loss(z, z), lambda: F.mse_loss(z, torch.ones(1, 2)), lambda: F.huber_loss(z, z),
         lambda: F.smooth_l1_loss(z, z), lambda: F.binary_cross_entropy(z, z), lambda: F.binary_cross_entropy(i, i),
         lambda: F.binary_cross_entropy(i.bool(), i.bool()), lambda: F.binary_cross_entropy_with_logits(z, z.real),
         lambda: F.kl_div(i, z), lambda: F.nll_loss(z, torch.tensor([0])), lambda: F.nll_loss(i, torch.tensor([0])),
         lambda: F.nll_loss(z.view(1, 2, 1, 1), torch.zeros(1, 1, 1, dtype=torch.long)),
         lambda: F.nll_loss(z, torch.tensor([0]), weight=torch.ones(2)), lambda: F.multi_margin_loss(z, torch.tensor([5])),
         lambda: F.multi_margin_loss(i, torch.tensor([0])), lambda: F.multilabel_margin_loss(z, torch.tensor([[0, -1]])),
         lambda: F.l1_loss(z, z), lambda: F.mse_loss(z.float() if False else z.real, z.real)]
for f in cases:
    try:
        print(f())
    except (RuntimeError, NotImplementedError, ValueError) as e:
        print(type(e).__name__, e)
""",
"complex_unary_kernels_are_atens_formulas": """
torch.manual_seed(0)
for dt in (torch.complex64, torch.complex128):
    for n in (3, 11):
        z = torch.randn(n, dtype=dt) * 2
        z[0] = 0j
        for name in ('neg', 'log2', 'log10', 'acos', 'log1p', 'expm1', 'reciprocal', 'rsqrt', 'sigmoid'):
            print(name, getattr(torch, name)(z).tolist())
        print((-torch.zeros(9, dtype=dt)).tolist(), torch.acos(torch.zeros(2, dtype=dt)))
        print(z.pow(-1).tolist())
z = torch.randn(5, dtype=torch.complex128)
print(torch.square(z).tolist(), z.pow(-2).tolist())  # (complex64's squares: see FIDELITY)
""",
"private_softmax_kernels_with_their_half_to_float_refusal": """
x = torch.tensor([[1., 2., 3.], [0., 0., 1.]], requires_grad=True)
y = torch._softmax(x, 1, False)
y[0, 0].backward()
print(y, x.grad, torch._log_softmax(x.detach().half(), -1, half_to_float=False))
for f in (lambda: torch._softmax(x.half(), 0, True), lambda: torch._log_softmax(x, 0, True),
          lambda: torch._softmax(torch.tensor([1, 2]), 0, False), lambda: torch._softmax(x, 0)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held22g_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

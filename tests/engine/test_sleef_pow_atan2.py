"""pow and atan2 as PyTorch's kernels compute them: SLEEF's u10 functions on whole two-vector chunks of each thread's
range, the C library's on the rest (kernels.binary_body over _ckernels' loop_pow / loop_atan2), one differential
program each, run in torch and in the engine: values and gradients, float32 and float64, several shapes and
layouts, the special values."""
import numpy as np
import pytest

from same_as_torch import same_as_torch
from tensorsh.engine import kernels

SPECIALS = """
s = [0., -0., float('inf'), -float('inf'), float('nan'), 1., -1., 2., -2., 0.5, -0.5, 3., -3., 2.5, -2.5, 1/3, 1e-30,
     -1e-30, 1e-40, -1e-40, 1e30, -1e30, 100., -100., 0.9999999, 1.0000001, 7., 16777216., 16777218., -16777215.,
     88.7, -88.7, 709.7, -745.1, 1e300, 1e-310, 3.4e38]
"""

PROGRAMS = {
"pow_of_a_tensor_and_a_number_is_sleefs_on_vector_chunks": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    x = torch.randn(3000, dtype=dt)
    for e in [2.5, 1/3, -1.5, 0.7, 4.0, 10.0, -0.25, 1e-3, 2, 3, -2, -0.5, -1, 1, 0]:
        print(e, (x.abs() ** e).tolist())
    print((x.float().abs() ** 0.5).tolist())  # (torch.sqrt's kernel; float64's is MKL's vdSqrt, not reproduced)
    print((x ** 2.5).tolist()[:200], (x ** 3.0).tolist()[:50])
    print((x.reshape(60, 50).t().abs() ** 1.7).tolist())
    print((x.reshape(60, 50)[:, :37].abs() ** 1.7).tolist())
    print((x.reshape(60, 50)[:, ::2].abs() ** 1.7).tolist())
    print((x[:21].reshape(3, 7).abs() ** 2.5).tolist(), torch.pow(x[:5].abs(), 0.3).tolist())
    print((torch.tensor(2.7, dtype=dt) ** 1.3).item(), x[:40].abs().pow(1.1).tolist())
    y = x[:999].abs().clone()
    y.pow_(2.5)
    print(y.tolist())
""",
"pow_of_two_tensors_and_of_a_number_is_sleefs_on_vector_chunks": """
torch.manual_seed(1)
for dt in [torch.float32, torch.float64]:
    x = torch.randn(40, 70, dtype=dt)
    y = torch.randn(40, 70, dtype=dt) * 3
    print((x.abs() ** y).tolist())
    print((x.abs() ** x).tolist())
    print(torch.pow(x.t().abs(), y.t()).tolist())
    print((x[:, :37].abs() ** y[:, :37]).tolist())
    print((2.5 ** x).tolist(), (0.3 ** y).tolist(), (-2. ** x).tolist()[:3], torch.pow(1.7, y[0]).tolist())
    print((x.abs() ** torch.tensor(1.7, dtype=dt)).tolist(), (torch.tensor(1.3, dtype=dt) ** y).tolist())
    print((x.round() ** y.round()).tolist(), (x ** y.round()).tolist())
    z = x.abs().clone()
    z.pow_(y)
    print(z.tolist(), x.abs().pow(y[0]).tolist())
""",
"pow_and_atan2_of_the_special_values": SPECIALS + """
for dt in [torch.float32, torch.float64]:
    a = torch.tensor(s, dtype=dt)
    x, y = a.repeat_interleave(len(s)), a.repeat(len(s))
    print(dt, (x ** y).tolist())
    print(torch.atan2(x, y).tolist())
    print(torch.atan2(y, x).signbit().tolist(), (x ** y).signbit().tolist())
    print((x[:37] ** y[:37]).tolist(), torch.atan2(x[:37], y[:37]).tolist())
    for e in s:
        print(e, (a ** e).tolist(), (e ** a).tolist())
""",
"atan2_is_sleefs_on_vector_chunks": """
torch.manual_seed(2)
for dt in [torch.float32, torch.float64]:
    y = torch.randn(50, 61, dtype=dt)
    x = torch.randn(50, 61, dtype=dt)
    print(torch.atan2(y, x).tolist())
    print(y.arctan2(x * 1e-3).tolist(), torch.arctan2(y.t(), x.t()).tolist())
    print(torch.atan2(y[:, :40], x[:, :40]).tolist(), torch.atan2(y, torch.tensor(0.5, dtype=dt)).tolist())
    print(torch.atan2(y[:3, :7], x[:3, :7]).tolist())
    z = y.clone()
    z.atan2_(x)
    print(z.tolist())
    z = y.clone()
    z.arctan2_(x)
    print(z.tolist())
""",
"pow_and_atan2_over_two_threads": """
torch.manual_seed(3)
x = torch.randn(70001)
y = torch.randn(70001)
print((x.abs() ** 2.5).tolist()[32700:33000], (x.abs() ** 2.5).tolist()[-300:])
print((x.abs() ** y).tolist()[34900:35100], torch.atan2(x, y).tolist()[34900:35100])
print(torch.atan2(x, y).tolist()[-100:], (x.double().abs() ** y.double()).tolist()[34950:35050])
""",
"pow_and_atan2_gradients": """
torch.manual_seed(4)
for dt in [torch.float32, torch.float64]:
    x = (torch.rand(300, dtype=dt) + 0.1).requires_grad_()
    y = (torch.randn(300, dtype=dt)).requires_grad_()
    g = torch.randn(300, dtype=dt)
    for f in [lambda: x ** 2.5, lambda: x ** (1/3), lambda: 2.5 ** y, lambda: torch.atan2(x, y),
              lambda: torch.atan2(y, x), lambda: x.pow(-1.5), lambda: torch.pow(1.3, x), lambda: x ** 3.0]:
        out = f()
        gx, gy = torch.autograd.grad(out, [x, y], g, allow_unused=True)
        print(out.grad_fn.name(), out.tolist(), None if gx is None else gx.tolist(), None if gy is None else gy.tolist())
    out = x ** y  # (the exponent's gradient takes torch.log of x, whose kernel is another's: self's only)
    print(out.grad_fn.name(), out.tolist(), torch.autograd.grad(out, x, g)[0].tolist())
    w = torch.tensor([0., 1., 2.5, 0.3], dtype=dt, requires_grad=True)
    v = torch.tensor([0., -1.5, 2., 0.], dtype=dt, requires_grad=True)
    (w ** v).sum().backward()
    print(w.grad.tolist(), v.grad.tolist())
    w.grad = None
    v.grad = None
    torch.atan2(w, v).sum().backward()
    print(w.grad.tolist(), v.grad.tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pow_and_atan2_print_as_torch(name):
    if kernels.compiled is None:
        pytest.skip("the compiled loops are not built here")
    same_as_torch(PROGRAMS[name])


@pytest.mark.skipif(kernels.compiled is None or not hasattr(kernels.compiled, "loop_pow"),
                    reason="the compiled loops are not built here")
@pytest.mark.parametrize("dt", [np.float32, np.float64])
def test_loops_take_their_vector_body_on_the_first_elements_only(dt):
    """loop_pow / loop_atan2 (x, y, out, vectorized): SLEEF's on the first `vectorized`, the C library's after
    (the C library's own pow and atan2, through ctypes, on the rest)."""
    x = np.array([0.3, 1.7, 2.2, 5.5, 0.01, 9.1], dt)
    y = np.array([2.5, -1.3, 0.7, 3.3, 1 / 3, -0.2], dt)
    for name in ("pow", "atan2"):
        c = kernels._libm(name + ("f" if dt == np.float32 else ""), 2)
        out = np.empty_like(x)
        getattr(kernels.compiled, "loop_" + name)(x, y, out, 0)
        assert out.tolist() == [float(dt(c(float(a), float(b)))) for a, b in zip(x, y)]
        with pytest.raises(ValueError, match="vectorized must be within the buffer"):
            getattr(kernels.compiled, "loop_" + name)(x, y, out, 7)

"""Classes of difference found by the held-out dtype and arithmetic programs of round 16 (held16e), one differential
program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"in_place_ops_check_the_cast_before_the_kernels_dtype_dispatch": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
i = torch.tensor([4, 6, -9], dtype=torch.int8)
f = torch.tensor([2.0, 3.0, 3.0])
t(lambda: i.clone().gcd_(f)); t(lambda: i.clone().lcm_(f)); t(lambda: i.clone().gcd_(f.half()))
t(lambda: i.bool().gcd_(f)); t(lambda: i.clone().gcd_(i.long()))
t(lambda: i.bool().hypot_(i)); t(lambda: i.bool().nextafter_(i.long())); t(lambda: i.clone().hypot_(f))
t(lambda: f.clone().hypot_(i)); t(lambda: f.clone().nextafter_(i)); t(lambda: f.clone().gcd_(i))
t(lambda: i.clone().gcd_(torch.ones(2, 3))); t(lambda: i.bool().heaviside_(i))
""",
"ldexp_in_place_and_out_as_atens_ldexp_out": """
def t(f):
    try:
        r = f()
        print(r.dtype, r.tolist(), type(r.grad_fn).__name__)
    except Exception as e: print(type(e).__name__, e)
x = torch.tensor([1.0, -3.0, 100.0], requires_grad=True)
e = torch.tensor([1, 200, 3])
t(lambda: x.clone().ldexp_(e)); t(lambda: x.clone().ldexp_(e.bool())); t(lambda: x.clone().ldexp_(e.float()))
t(lambda: x.detach().double().ldexp_(e.short())); t(lambda: x.detach().half().ldexp_(e.to(torch.int8)))
t(lambda: x.detach().clone().ldexp_(torch.tensor([[1], [2]]))); t(lambda: torch.tensor([1, 2]).ldexp_(e))
t(lambda: torch.tensor([True]).ldexp_(e.bool()))
for o in (torch.float16, torch.float64, torch.int32, torch.bool):
    for ed in (torch.bool, torch.int8, torch.float32):
        t(lambda: torch.ldexp(x.detach(), e.to(ed), out=torch.empty(3, dtype=o)))
y = x * 1
y.ldexp_(torch.tensor([1, 2, 3]))
y.sum().backward()
print(x.grad)
""",
"rsub_reads_a_number_in_the_common_dtype_without_a_range_check": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for dt in (torch.uint8, torch.int8, torch.int32, torch.float32, torch.float16):
    x = torch.tensor([1, 2, 0]).to(dt)
    t(lambda: torch.rsub(x, 300)); t(lambda: torch.rsub(x, -129, alpha=2)); t(lambda: torch.rsub(x, 2**40))
    t(lambda: torch.rsub(x, 1e40)); t(lambda: x.rsub(2.5))
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.rsub(x, 300, alpha=2)
print(y, y.grad_fn)
""",
"out_dtypes_of_unary_ops_clamp_softmax_signbit_argmax_and_mean": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for dt in (torch.bool, torch.uint8, torch.int8, torch.float16, torch.float32):
    x = torch.tensor([0, 1, -3, 7]).to(dt)
    for o in (torch.bool, torch.int32, torch.float16, torch.float64):
        out = lambda: torch.empty(4, dtype=o)
        t(lambda: torch.abs(x, out=out())); t(lambda: torch.neg(x, out=out())); t(lambda: torch.floor(x, out=out()))
        t(lambda: torch.sign(x, out=out())); t(lambda: torch.bitwise_not(x, out=out())); t(lambda: torch.frac(x, out=out()))
        t(lambda: torch.clamp(x, 0, 5, out=out())); t(lambda: torch.clamp(x, max=torch.tensor(2), out=out()))
        t(lambda: torch.nan_to_num(x, out=out())); t(lambda: torch.signbit(x, out=out()))
        t(lambda: torch.softmax(x, 0, out=out())); t(lambda: torch.argmax(x, 0, out=torch.empty((), dtype=o)))
        t(lambda: torch.mean(x, out=torch.empty((), dtype=o))); t(lambda: torch.mean(x, 0, out=torch.empty((), dtype=o)))
t(lambda: torch.clamp(torch.tensor([1, 2]), 0.5, out=torch.empty(2, dtype=torch.float64)))
t(lambda: torch.softmax(torch.tensor([1., 2.]), 0, dtype=torch.float64, out=torch.empty(2)))
t(lambda: torch.mean(torch.tensor([1., 2., 3.1], dtype=torch.bfloat16), out=torch.empty((), dtype=torch.float16)).item())
""",
"out_dtype_checks_come_before_a_kernels_dtype_dispatch": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
h = torch.tensor([1., 2.], dtype=torch.float16)
b = torch.tensor([True, False])
t(lambda: torch.bitwise_and(h, h, out=torch.empty(2, dtype=torch.int32)))
t(lambda: torch.bitwise_and(h, h, out=torch.empty(2, dtype=torch.float32)))
t(lambda: torch.dot(b, b, out=torch.empty((), dtype=torch.uint8)))
t(lambda: torch.matmul(b.view(1, 2), b.view(2, 1), out=torch.empty(1, 1, dtype=torch.float32)))
t(lambda: torch.gcd(h, h, out=torch.empty(2, dtype=torch.int64)))
t(lambda: torch.cumsum(torch.tensor([1, 2]), 0, out=torch.empty(2, dtype=torch.bool)))
c = torch.tensor([True, False]); i = torch.tensor([1, 2]); f = torch.tensor([1., 2.])
t(lambda: torch.where(c, i, f, out=torch.empty(2, dtype=torch.int64))); t(lambda: torch.where(c, i, i, out=torch.empty(2)))
t(lambda: torch.where(c, c, c, out=torch.empty(2, dtype=torch.uint8))); t(lambda: torch.where(c, i, i, out=torch.empty(2, dtype=torch.int64)))
t(lambda: torch.heaviside(f, f, out=torch.empty(2, dtype=torch.float64))); t(lambda: torch.heaviside(i, i, out=torch.empty(2, dtype=torch.int64)))
t(lambda: torch.heaviside(c, c, out=torch.empty(2, dtype=torch.uint8)))
""",
"softmax_with_an_integer_dtype_is_refused_by_the_kernel": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)
for d in (0, 1):
    for dt in (torch.int32, torch.int64, torch.bool, torch.float64):
        t(lambda: torch.softmax(x, d, dtype=dt)); t(lambda: torch.log_softmax(x, d, dtype=dt))
        t(lambda: torch.nn.functional.softmax(x.float(), d, dtype=dt))
t(lambda: torch.softmax(torch.ones(0, 2, dtype=torch.int32), 1, dtype=torch.int32))
""",
"linspace_tensor_ends_and_logspace_without_steps": """
for dt in (None, torch.int8, torch.float16, torch.bfloat16, torch.float64):
    print(torch.linspace(torch.tensor(0), torch.tensor(1.5), 4, dtype=dt))
    print(torch.logspace(torch.tensor(0), 1, 3, dtype=dt))
for dt in (torch.bool, torch.int8, torch.float32):
    print(torch.logspace(0, 1, 0, dtype=dt), torch.linspace(0, 1, 0, dtype=dt))
""",
"a_number_floor_divided_by_a_reduced_float_tensor_is_cast_to_its_dtype": """
for dt in (torch.float16, torch.bfloat16):
    x = torch.tensor([0.0, 1.0, -3.0, 7.0, 100.0, -128.0, 0.37]).to(dt)
    print((1e5 // x).tolist(), torch.floor_divide(1e5, x).tolist(), (0.1 // x).tolist())
    print((1e5 * x).tolist(), (x * 1e-3).tolist(), (3.3 % x).tolist())
""",
"addcdiv_refuses_integer_tensor1_and_tensor2_whatever_self_and_clamp_by_two_bool_tensors": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, str(e)[:60])
b = torch.tensor([True, False])
i = torch.tensor([1, 2])
for s in (torch.ones(2, dtype=torch.float16), torch.ones(2, dtype=torch.bfloat16), torch.ones(2), torch.ones(2, dtype=torch.int64)):
    t(lambda: torch.addcdiv(s, i, i)); t(lambda: torch.addcdiv(s, b, i.to(torch.int8))); t(lambda: torch.addcdiv(s, i, i.float()))
    t(lambda: s.clone().addcdiv_(i, i)); t(lambda: s.clone().addcdiv_(i.half(), i, value=2))
t(lambda: torch.clamp(b, b, b)); t(lambda: b.clone().clamp_(b, b)); t(lambda: torch.clamp(b, min=b)); t(lambda: torch.clamp(b, max=b))
t(lambda: torch.clamp(b, torch.tensor(0), b)); t(lambda: torch.clamp(b, False, True)); t(lambda: torch.clamp(b, 0, 1))
""",
"reduced_float_floor_and_trunc_division_by_a_tensor_round_each_step": """
torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16):
    for n in (200, 7, 1):
        a = (torch.randn(n) * 300).to(dt); b = (torch.randn(n) * 3).to(dt)
        print((a // b).tolist(), torch.div(a, b, rounding_mode='trunc').tolist(), (1000 // b).tolist())
        print((a // b[:1]).tolist(), (a // 0.37).tolist(), (a[:1] // b).tolist())
        c = a.clone(); c //= b; print(c.tolist())
    z = torch.tensor([1., -1., 0., float('inf'), -float('inf'), float('nan'), 60000., 3.], dtype=dt)
    w = torch.tensor([0., 0., 0., 2., -0., 1., 0.5, float('inf')], dtype=dt)
    print((z // w).tolist(), torch.div(z, w, rounding_mode='trunc').tolist())
""",
"a_uint64_number_has_no_promotion_beside_bool_tensors_or_integer_numbers": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
b = torch.tensor([True, False]); i = torch.tensor([1, 2], dtype=torch.int8)
for s in (2**63, 2**64 - 1, 2**63 - 1):
    t(lambda: b + s); t(lambda: b == s); t(lambda: torch.where(b, b, s)); t(lambda: torch.clamp(b, max=s))
    t(lambda: torch.result_type(b, s)); t(lambda: torch.result_type(torch.tensor(True), s)); t(lambda: i + s)
    t(lambda: torch.where(b, s, 1)); t(lambda: torch.where(b, 1, s)); t(lambda: torch.result_type(True, s))
    t(lambda: torch.result_type(s, True)); t(lambda: b.pow(s)); t(lambda: i.pow(s)); t(lambda: torch.isin(b, s))
    t(lambda: b * 2.5 + s); t(lambda: torch.result_type(s, 1.5))
""",
"bfloat16_xlogy_and_xlog1py_round_the_log_first_and_zeta_has_no_reduced_kernel": """
torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16):
    x = (torch.randn(60) * 50).to(dt); y = (torch.rand(60) * 100).to(dt)
    y[::7] = 0; x[::11] = 0; y[::13] = float('nan'); y[::17] = -1
    print(torch.xlogy(x, y).tolist(), torch.xlogy(x, 2.5).tolist(), torch.xlogy(3, y).tolist())
    z = x.clone(); z.xlogy_(y); print(z.tolist(), torch.special.xlogy(x, y[:1]).tolist())
    print(torch.special.xlog1py(x, y).tolist(), torch.special.xlog1py(2.5, y).tolist())
    try: print(torch.special.zeta(x, y))
    except Exception as e: print(type(e).__name__, e)
print(torch.special.zeta(torch.tensor([2, 3]), torch.tensor([1, 2])))
""",
"reduced_float_special_functions_keep_their_dtype_and_kernels": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(1)
for dt in (torch.float16, torch.bfloat16):
    x = (torch.randn(120) * 6).to(dt)
    print(torch.cat([torch.special.i0e(x[i:i + 3]) for i in range(0, 120, 3)]).tolist())
    print(torch.special.i0e(x).tolist(), torch.special.i0e(x.view(4, 30)[:, :7]).tolist())
    print(torch.special.i1(x[:4]), torch.special.i1e(x[:4]), torch.special.entr(x.abs()[:40]).tolist())
    t(lambda: torch.special.ndtri(x.sigmoid()[:3])); t(lambda: torch.special.airy_ai(x[:3]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round16_held16e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

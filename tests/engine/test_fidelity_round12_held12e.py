"""Classes of difference found by the twelfth round's held-out-style programs about dtypes and arithmetic
(promotion, integer overflow, Python numbers written into tensors, reduced-float ranges), one differential program
each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PRELUDE = """
def tryp(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
"""

PROGRAMS = {
"operators_unpack_python_ints_beyond_64_bits_as_the_parser_does": """
x = torch.tensor([1, 2, 3], dtype=torch.int8)
f = torch.tensor([1., 2.])
for v in [2**63, 2**64 - 1, 2**64, 2**70, -2**63, -2**63 - 1, -2**70]:
    for g in [lambda: x + v, lambda: f + v, lambda: v + f, lambda: f * v, lambda: v - f, lambda: f / v, lambda: v / f,
              lambda: f ** v, lambda: v ** f, lambda: f == v, lambda: f < v, lambda: f % v, lambda: f // v,
              lambda: x & v, lambda: x << v, lambda: torch.add(f, v)]:
        try:
            print(g())
        except Exception as e:
            print(type(e).__name__, e)
""",
"index_assignment_makes_a_tensor_of_the_number_first": """
x = torch.zeros(3)
for v in [None, 'a', [1.0], (2,), True, 1.5, 7, 1e39, -1e39, 2**64, -2**63 - 1]:
    for k in [0, [0, 1], x == 0, slice(None), ...]:
        y = x.clone()
        try:
            y[k] = v
            print(y)
        except Exception as e:
            print(type(e).__name__, e)
for dt in [torch.int8, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.bool]:
    for v in [300, -129, 1e3, 1e39, 2**63, -1, 2.5]:
        for k in [0, [0], slice(0, 2)]:
            y = torch.zeros(3, dtype=dt)
            try:
                y[k] = v
                print(y)
            except Exception as e:
                print(type(e).__name__, e)
a = torch.zeros(3, requires_grad=True)
b = a * 2
b[b == 0] = 1.5
c = a * 2
c[0] = 3
d = a * 2
d[[0, 2]] = 4
print(b, c, d, c.grad_fn.next_functions[0][0].name())
(b + c + d).sum().backward()
print(a.grad)
e = torch.tensor(5.)
e[()] = 2
print(e)
try:
    e[0] = 2
except Exception as ex:
    print(type(ex).__name__, ex)
""",
"reduced_float_numbers_are_range_checked_except_by_one_element_fills": """
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    for n in [(1,), (), (2,), (0,), (2, 2)]:
        for v in [65504.0, 65505.0, 65520.0, -1e6, 3.5e38, 1e39, float('inf'), 70000]:
            t = torch.zeros(n, dtype=dt)
            m = torch.ones(n, dtype=torch.bool)
            for f in [lambda: t.clone().fill_(v), lambda: torch.full(n, v, dtype=dt), lambda: torch.full_like(t, v),
                      lambda: t.new_full(n, v), lambda: t.masked_fill(m, v), lambda: t.clamp(max=v),
                      lambda: t.clamp_min(-v), lambda: torch.where(m, v, t), lambda: torch.where(~m, t, v), lambda: t + v,
                      lambda: t.index_fill(0, torch.tensor([0]), v) if t.dim() else 0]:
                try:
                    print(f())
                except Exception as e:
                    print(type(e).__name__, e)
torch.manual_seed(0)
h = torch.randn(2, 3).half()
mask = torch.tensor([[True, False, True], [False, False, True]])
for v in [-1e9, float('-inf'), -65504.0, torch.finfo(torch.float16).min]:
    try:
        print(h.masked_fill(mask, v).softmax(-1))
    except Exception as e:
        print(type(e).__name__, e)
""",
"fill_values_are_read_as_numbers_and_range_checked": """
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int8, torch.uint8, torch.int32, torch.bool]:
    t = torch.ones(2, dtype=dt)
    m = torch.tensor([True, False])
    for v in [300, -1, 2**40, 1.5, -2.5, 70000.0, 1e39, float('nan'), float('inf'), True]:
        for vt in [torch.tensor(v), torch.tensor(v, dtype=torch.float64), torch.tensor(v).bool()]:
            for f in [lambda: t.masked_fill(m, vt), lambda: t.index_fill(0, torch.tensor([1]), vt)]:
                try:
                    print(f())
                except Exception as e:
                    print(type(e).__name__, e)
        for f in [lambda: t.scatter(0, torch.tensor([1]), v), lambda: t.clone().scatter_(0, torch.tensor([1]), v, reduce='multiply'),
                  lambda: t.masked_fill(m, v), lambda: t.index_fill(0, torch.tensor([1]), v)]:
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
x = torch.ones(3, requires_grad=True)
v = torch.tensor(2.0, requires_grad=True)
y = x.masked_fill(x > 0, v)
y.sum().backward()
print(y, x.grad, v.grad)
""",
"alpha_is_converted_to_the_common_dtype_without_a_node_of_its_own": """
for dt, al in [(torch.float16, 70000.), (torch.int8, 300), (torch.uint8, -1), (torch.uint8, -255), (torch.uint8, -256),
               (torch.uint8, 256), (torch.float32, -1e39), (torch.float32, float('inf')), (torch.bfloat16, -1e39), (torch.int16, 70000)]:
    for n in [0, 1, 2]:
        t = torch.ones(n, dtype=dt)
        tryp(lambda: t.add(t, alpha=al))
        tryp(lambda: t.sub(1, alpha=al))
        tryp(lambda: t.clone().add_(t, alpha=al))
        tryp(lambda: t.clone().sub_(t, alpha=al))
        tryp(lambda: torch.rsub(t, 1, alpha=al))
        tryp(lambda: t.add(torch.ones(n), alpha=al))
for dt1 in [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int8, torch.uint8, torch.int64]:
    for dt2 in [torch.float16, torch.bfloat16, torch.float32, torch.int32, torch.uint8]:
        x = torch.tensor([1.3, 200.7, -3.1]).to(dt1)
        y = torch.tensor([0.77, 2.5, 9.1]).to(dt2)
        for al in [3, -1, 0.1, 2.5]:
            tryp(lambda: (x.add(y, alpha=al), x.sub(y, alpha=al), torch.sub(y, x, alpha=al)))
a = torch.ones(2, dtype=torch.float64, requires_grad=True)
b = torch.ones(2, requires_grad=True)
c = a.add(b, alpha=3)
print(c, c.grad_fn.name(), [f.name() for f, _ in c.grad_fn.next_functions])
d = (a * 1).sub_(b, alpha=0.5)
print(d, d.grad_fn.name(), [f.name() for f, _ in d.grad_fn.next_functions])
(c + d).sum().backward()
print(a.grad, b.grad)
print(torch.ones(2, dtype=torch.float64).sub(torch.ones(2), alpha=1e300))
""",
"scalar_exponents_and_weights_are_checked_in_the_kernels_type": """
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int8, torch.uint8, torch.int16, torch.bool]:
    for n in [0, 2]:
        t = torch.ones(n, dtype=dt)
        for v in [2, 300, -3, 2**40, 65504, -65520, 70000., 1e39, float('inf'), 0.5, True]:
            tryp(lambda: t.pow(v))
            tryp(lambda: t.clone().pow_(v))
            tryp(lambda: t ** v)
            tryp(lambda: v ** t)
            tryp(lambda: t.addcmul(t, t, value=v))
            tryp(lambda: t.clone().addcmul_(t, t, value=v))
            tryp(lambda: t.addcdiv(t, t, value=v))
            tryp(lambda: t.clone().addcdiv_(t, t, value=v))
            tryp(lambda: t.lerp(t, v))
            tryp(lambda: t.clone().lerp_(t, v))
""",
"integer_operands_are_read_in_the_common_dtype_as_the_kernel_casts_them": """
x = torch.tensor([44, -44, 0, 1, 127], dtype=torch.int8)
u = torch.tensor([44, 0, 1, 255], dtype=torch.uint8)
for t in (x, u):
    for v in [256, 300, -212, 2**40, 2**40 + 3, -1, 1000]:
        for f in [lambda: t % v, lambda: t // v, lambda: t.fmod(v), lambda: torch.div(t, v, rounding_mode='trunc'),
                  lambda: torch.div(t, v, rounding_mode='floor'), lambda: t % torch.tensor(v), lambda: t == v,
                  lambda: t.clamp(max=torch.tensor(v)), lambda: t.clamp(min=torch.tensor(v)), lambda: torch.isin(t, v),
                  lambda: torch.isin(t, torch.tensor([v])), lambda: t.clone().remainder_(v), lambda: v % t]:
            tryp(f)
for t in (torch.tensor([1.0, 2.5, 3.7], dtype=torch.bfloat16), torch.tensor([1.0, 2.5, 3.7], dtype=torch.float16)):
    for f in [lambda: t.clamp(max=torch.tensor(0.1)), lambda: t.clamp(min=torch.tensor(2.6, dtype=torch.float64)),
              lambda: torch.isin(t, 2.5), lambda: torch.isin(t, torch.tensor([3.7], dtype=torch.float64)),
              lambda: torch.searchsorted(t, 2.6), lambda: torch.bucketize(torch.tensor([3.7]), t)]:
        tryp(f)
""",
"python_number_types_are_dtypes_and_torch_dtype_is_the_class": """
x = torch.tensor([1.5, -2.5])
for f in [lambda: x.to(float), lambda: x.to(int), lambda: x.to(bool), lambda: x.to(dtype=int), lambda: x.type(float),
          lambda: torch.zeros(2, dtype=float), lambda: torch.ones(2, dtype=int), lambda: torch.full((2,), 1, dtype=bool),
          lambda: torch.tensor([1, 2], dtype=float), lambda: torch.tensor([1.5, 2], dtype=int), lambda: torch.arange(3, dtype=float),
          lambda: x.sum(dtype=float), lambda: torch.tensor([1, 2]).cumsum(0, dtype=float), lambda: x.new_zeros(2, dtype=float),
          lambda: torch.zeros_like(x, dtype=int), lambda: torch.empty(2, dtype=int).dtype, lambda: torch.linspace(0, 1, 3, dtype=float),
          lambda: torch.can_cast(float, int), lambda: torch.promote_types(float, int), lambda: torch.finfo(float), lambda: torch.iinfo(int),
          lambda: torch.zeros(2, dtype=str), lambda: x.to(str), lambda: torch.zeros(2, dtype='float32'), lambda: x.softmax(0, dtype=float),
          lambda: type(torch.float32), lambda: torch.float16 < torch.float32,
          lambda: torch.float16 + 1, lambda: len(torch.float16), lambda: torch.float16(), lambda: isinstance(x.dtype, torch.dtype),
          lambda: torch.dtype, lambda: torch.dtype(), lambda: torch.typename(torch.float32), lambda: repr(type(torch.int8)),
          lambda: x.to(torch.dtype)]:
    tryp(f)
""",
"ldexp_of_a_float_tensor_by_integer_exponents_is_the_kernels": """
x = torch.tensor([2.0**-10, 3.0, -1.5], dtype=torch.float16)
for f in [lambda: torch.ldexp(x, torch.tensor([20, 2, -30])), lambda: torch.ldexp(x.bfloat16(), torch.tensor([20, 2, -130])),
          lambda: torch.ldexp(torch.tensor([3, 1]), torch.tensor([2, 200])), lambda: torch.ldexp(torch.tensor([3.0]), torch.tensor([200])),
          lambda: torch.ldexp(torch.tensor([3.0]), torch.tensor(2, dtype=torch.int8)), lambda: torch.ldexp(torch.tensor([1.5]), torch.tensor([0.5])),
          lambda: torch.ldexp(torch.tensor([[3.0], [1.0]], dtype=torch.float64), torch.tensor([2, -1075, 1024])),
          lambda: torch.ldexp(torch.tensor([1.5]), torch.tensor([True])), lambda: torch.ldexp(torch.tensor([1, 2]), torch.tensor([True])),
          lambda: torch.ldexp(torch.tensor([1.5, 2]), torch.tensor([1, 2, 3]))]:
    tryp(f)
for d1 in [torch.bool, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    for d2 in [torch.bool, torch.int8, torch.int64, torch.float16, torch.float32]:
        tryp(lambda: (torch.ldexp(torch.ones(2, dtype=d1), torch.ones(2, dtype=d2)).dtype, torch.ldexp(torch.ones(2, dtype=d1), torch.ones((), dtype=d2)).dtype))
a = torch.tensor([1.5, 2.5], requires_grad=True)
y = torch.ldexp(a, torch.tensor([1, 3]))
y.sum().backward()
print(y, a.grad, y.grad_fn.name())
""",
"integer_inputs_of_float_ops_take_the_default_dtype": """
for d in [torch.float64, torch.float16, torch.bfloat16, torch.float32]:
    torch.set_default_dtype(d)
    i = torch.tensor([1, 2, 3, 0])
    b = torch.tensor([True, False])
    for f in [lambda: i.sqrt(), lambda: i.sigmoid(), lambda: torch.exp(b), lambda: i.log(), lambda: i.rsqrt(), lambda: i.reciprocal(),
              lambda: i.erf(), lambda: i.tanh(), lambda: i ** 0.5, lambda: torch.special.expit(i), lambda: i.lgamma(), lambda: i.log1p(),
              lambda: i.exp2(), lambda: i.atan(), lambda: i.sinc(), lambda: i.div(3), lambda: torch.atan2(i, i), lambda: torch.pow(2.5, i),
              lambda: i.logit(), lambda: i.logit(eps=0.1), lambda: torch.polygamma(1, i), lambda: i.digamma(), lambda: i.clone().sqrt_(),
              lambda: i.clone().logit_(), lambda: torch.tensor(2) in i, lambda: torch.tensor([1, 2]) in torch.tensor([1, 2, 3])]:
        tryp(f)
torch.set_default_dtype(torch.float32)
""",
"index_tensors_must_be_long_int_byte_or_bool": """
x = torch.arange(6.).reshape(2, 3)
for dt in [torch.int16, torch.int8, torch.float16, torch.int32, torch.int64, torch.bool, torch.float32, torch.float64]:
    tryp(lambda: x[torch.tensor([1], dtype=dt)])
    tryp(lambda: x[:, torch.tensor([1], dtype=dt)])
    tryp(lambda: x.clone().index_put_((torch.tensor([1], dtype=dt),), torch.tensor(1.)))
    tryp(lambda: x[torch.tensor([[1]], dtype=dt), 0])
    y = x.clone()
    try:
        y[torch.tensor([1], dtype=dt)] = 7.0
        print(y)
    except Exception as e:
        print(type(e).__name__, e)
""",
"norms_accept_float32_parameters_only_beside_a_reduced_float_input": """
F = torch.nn.functional
x = torch.ones(3, 2, dtype=torch.float64)
D, Fl, H, B = torch.float64, torch.float32, torch.float16, torch.bfloat16
for xd in [D, Fl, H, B]:
    for wd, bd in [(Fl, Fl), (D, Fl), (None, Fl), (D, None), (H, H), (H, Fl), (Fl, None), (xd, xd), (B, B)]:
        w = None if wd is None else torch.ones(2, dtype=wd)
        b = None if bd is None else torch.zeros(2, dtype=bd)
        xi = x.to(xd)
        tryp(lambda: F.layer_norm(xi, (2,), w, b))
        tryp(lambda: F.group_norm(xi.reshape(3, 2, 1), 1, w, b))
        tryp(lambda: F.batch_norm(xi, torch.zeros(2), torch.ones(2), w, b))
        tryp(lambda: F.batch_norm(xi, torch.zeros(2, dtype=xd), torch.ones(2, dtype=xd), w, b))
        tryp(lambda: F.batch_norm(xi, None, None, w, b, training=True))
tryp(lambda: torch.nn.LayerNorm(2).double()(x.float()))
tryp(lambda: torch.nn.BatchNorm1d(2)(x))
tryp(lambda: torch.nn.GroupNorm(1, 2)(x.reshape(3, 2, 1)))
""",
"python_conversions_of_tensors": """
import math
t = torch.tensor(2.56789)
for f in [lambda: f"{t:.2f}", lambda: f"{torch.tensor([1.5, 2.5]):.2f}", lambda: f"{torch.tensor(3):d}", lambda: '%d items' % torch.tensor(3),
          lambda: round(torch.tensor(2.567), 2), lambda: round(torch.tensor([2.567, 1.234]), 1), lambda: int(torch.tensor([3])),
          lambda: float(torch.tensor([[2.5]])), lambda: int(torch.tensor(-3.9)), lambda: bool(torch.tensor(float('nan'))),
          lambda: bool(torch.tensor([])), lambda: bool(torch.tensor([1, 2])), lambda: math.floor(torch.tensor(-2.5)),
          lambda: [1, 2, 3][torch.tensor(1)], lambda: [1, 2, 3][torch.tensor(1.0)], lambda: sum(torch.tensor([1.5, 2.5])),
          lambda: sorted(torch.tensor([3, 1, 2])), lambda: torch.tensor(2) ** 70, lambda: 2 ** torch.tensor(70),
          lambda: divmod(torch.tensor(7.5), 2), lambda: pow(torch.tensor(3), 2, 5), lambda: pow(torch.tensor(3), 2),
          lambda: pow(2, torch.tensor(3)), lambda: hex(torch.tensor(255)), lambda: hex(torch.tensor(2.0))]:
    tryp(f)
""",
"float16_round_with_decimals_computes_in_float": """
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    t = (torch.randn(500) * 100).to(dt)
    for d in [-2, -1, 1, 2, 3, 4]:
        r = t.round(decimals=d)
        print(dt, d, r[:6], r.double().sum().item())
    print(torch.tensor([1, 2, 127.], dtype=dt).round(decimals=2), torch.tensor([1.23, 2.35, 127.1, 0.15], dtype=dt).round(decimals=1))
""",
"reduced_float_divisions_read_the_divisor_as_a_float": """
torch.manual_seed(0)
base = torch.randn(500) * 50
for dt in [torch.float16, torch.bfloat16]:
    t = base.to(dt)
    for o in [0.1, 0.001, 0.3, -0.7, 3, torch.tensor(0.1), torch.tensor(0.1, dtype=torch.float64), torch.tensor(0.3, dtype=dt)]:
        rs = [t // o, torch.floor_divide(t, o), torch.div(t, o, rounding_mode='floor'), torch.div(t, o, rounding_mode='trunc'),
              t % o, torch.fmod(t, o), t / o, t * o, t.clone().floor_divide_(o), t.clone().div_(o, rounding_mode='trunc'),
              torch.as_tensor(o) / t, torch.as_tensor(o) // t, torch.as_tensor(o) * t, torch.remainder(torch.as_tensor(o), t)]
        print(dt, o, [(r.dtype, r.double().sum().item()) for r in rs])
""",
"tensor_of_floats_into_int64_is_range_checked_as_doubles": """
for v in [9.3e18, 9.2e18, -9.3e18, float('nan'), float('inf'), float('-inf'), 1e19, 2.0**63, -2.0**63]:
    tryp(lambda: torch.tensor([v], dtype=torch.int64))
    tryp(lambda: torch.tensor([1, v], dtype=torch.long))
    tryp(lambda: torch.tensor(v, dtype=torch.int64))
    tryp(lambda: torch.zeros(1, dtype=torch.int64).fill_(v))
    tryp(lambda: torch.full((2,), v, dtype=torch.int32))
""",
"message_doubles_are_written_as_cpp_ostream_writes_them": """
for v in [2**63, -2**63 - 1, 2**62]:
    tryp(lambda: torch.arange(v, v + 2))
    tryp(lambda: torch.arange(v, v + 2, dtype=torch.float64))
tryp(lambda: torch.arange(2**63))
tryp(lambda: torch.arange(0, float('inf')))
tryp(lambda: torch.arange(float('nan'), 1e20))
tryp(lambda: torch.arange(-1e-7, float('-inf'), -1))
f = torch.tensor([1.])
for v in [-1e-7, -0.1234567, -1234567.0, -1e20, -float('inf'), -1, -2**40, -2.5, -2**64]:
    for g in [lambda: torch.isclose(f, f, atol=v), lambda: torch.allclose(f, f, rtol=v)]:
        try:
            g()
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12e_class_prints_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])

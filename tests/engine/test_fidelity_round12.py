"""Classes of difference found in the twelfth round (issue 16), one differential program each, run in torch and in
the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_number_given_for_a_tensor_is_a_wrapped_number_of_its_own_precision": """
h = torch.tensor(1.5, dtype=torch.float16)
d = torch.tensor([1.], dtype=torch.float64)
v = torch.tensor([1, 2], dtype=torch.int8)
torch.set_printoptions(precision=12)
for f in [lambda: torch.sub(-0.44, h), lambda: torch.add(2.5, h), lambda: torch.floor_divide(7.5, h),
          lambda: torch.sub(0.1, d), lambda: torch.add(0.1, d), lambda: torch.mul(0.1, d), lambda: torch.div(0.1, d),
          lambda: torch.sub(0.1, torch.tensor(1., dtype=torch.float64)), lambda: torch.add(2, 3),
          lambda: torch.add(1.5, 2), lambda: torch.add(True, False), lambda: torch.mul(2.0, 0.1),
          lambda: torch.sub(1.5, v, alpha=2), lambda: torch.true_divide(3, v), lambda: torch.floor_divide(-7.5, v),
          lambda: torch.mul(True, v), lambda: torch.add(2 ** 62, v), lambda: torch.add(0.5, torch.tensor(2, dtype=torch.int8)),
          lambda: torch.sub(True, torch.tensor([True])), lambda: torch.sub(2.5, torch.tensor(3))]:
    try:
        r = f()
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
for f in [lambda: torch.mul(2.0, x), lambda: torch.div(1, x), lambda: torch.sub(1, x, alpha=2),
          lambda: torch.sub(torch.tensor(1.), x, alpha=2), lambda: torch.divide(1e-3, x)]:
    r = f()
    print(r, r.grad_fn.next_functions[0], type(r.grad_fn.next_functions[1][0]).__name__)
    for n in ['_saved_self', '_saved_other', '_saved_alpha']:
        print(n, getattr(r.grad_fn, n, '-'))
    r.sum().backward()
    print(x.grad)
    x.grad = None
""",
"a_scalar_first_is_cast_to_the_reduced_float_the_second_read_as_the_original_number": """
h = torch.tensor([1.5, -2.0, 3.3], dtype=torch.float16)
b = torch.tensor([1.5, -2.0, 3.3], dtype=torch.bfloat16)
for f in [lambda: torch.tensor(0.1) * h, lambda: h * torch.tensor(0.1), lambda: torch.tensor(0.1) / b,
          lambda: b / torch.tensor(0.1), lambda: torch.tensor(0.1) * b, lambda: 0.1 * h, lambda: 0.1 / b,
          lambda: torch.div(0.1, h), lambda: torch.div(0.1, b), lambda: torch.mul(0.1, h), lambda: torch.sub(0.1, b)]:
    print(f())
""",
"alpha_is_converted_to_the_result_type_and_overflow_raises": """
cases = [(torch.uint8, 256), (torch.uint8, -255), (torch.uint8, -256), (torch.int8, 128), (torch.int8, -129),
         (torch.int16, 40000), (torch.int32, 2**31), (torch.int64, 2**63-1), (torch.float16, 1e5),
         (torch.float16, 65504.), (torch.float16, 65520.), (torch.bfloat16, 1e39), (torch.float32, 1e39),
         (torch.float32, float('inf')), (torch.float16, float('nan')), (torch.float16, 70000), (torch.bool, 5)]
for dt, a in cases:
    t = torch.ones(2, dtype=dt)
    for f in [lambda: torch.add(t, t, alpha=a), lambda: t.sub(1, alpha=a), lambda: t.clone().add_(t, alpha=a),
              lambda: torch.add(t, 1, alpha=a), lambda: torch.sub(t, t, alpha=a), lambda: t.clone().sub_(t, alpha=a)]:
        try:
            print(dt, a, f())
        except Exception as e:
            print(dt, a, type(e).__name__, e)
""",
"add_and_sub_with_alpha_in_the_kernels_order_for_every_dtype_mix": """
torch.manual_seed(0)
f32 = torch.randn(5); f64 = torch.randn(5, dtype=torch.float64); i = torch.randint(-50, 50, (5,))
u = torch.randint(0, 255, (5,), dtype=torch.uint8); i8 = torch.randint(-100, 100, (5,), dtype=torch.int8)
h = torch.randn(5).half(); b = torch.randn(5).bfloat16()
torch.set_printoptions(precision=10)
for x, y in [(f32, f64), (f64, f32), (i, f32), (f32, i), (u, i8), (i8, u), (f32, 0.1), (f64, 0.1), (i, 3), (u, 7),
             (h, f32), (f32, h), (h, 0.3), (b, 0.3), (h, b), (torch.tensor(0.3), f32),
             (f32, torch.tensor(0.3, dtype=torch.float64)), (i, torch.tensor(2.5)), (h, torch.tensor(0.3))]:
    for a in [3, -2, 0.37, -1.1e-3]:
        for f in [torch.add, torch.sub]:
            try:
                print(f(x, y, alpha=a))
            except Exception as e:
                print(type(e).__name__, e)
        try:
            z = x.clone()
            z.add_(y, alpha=a)
            print(z)
        except Exception as e:
            print(type(e).__name__, e)
w = torch.randn(3, requires_grad=True)
r = torch.add(w, torch.tensor(2.0, dtype=torch.float64), alpha=3)
print(r.grad_fn, r.grad_fn._saved_alpha)
r.sum().backward()
print(w.grad)
""",
"a_reduced_float_result_with_alpha_is_computed_in_its_own_dtype_whatever_the_operands": """
torch.manual_seed(0)
for n in [6, 40]:
    v1 = torch.arange(n)
    for a, b in [(torch.tensor(15., dtype=torch.float16), v1.to(torch.uint8)), (v1.half(), torch.tensor(2.5)),
                 (torch.tensor(1.5), torch.randn(n).half()), (torch.randn(n).half(), torch.randn(n)),
                 (torch.randn(n).bfloat16(), torch.randn(n).half()), (torch.randn(n).half(), torch.tensor(0.3, dtype=torch.float64)),
                 (torch.randn(n).bfloat16(), 0.37), (torch.tensor(0.5).bfloat16(), torch.randn(n).bfloat16()), (torch.randn(n).half(), v1)]:
        for al in [-3, 0.37]:
            for f in [torch.add, torch.sub]:
                try:
                    r = f(a, b, alpha=al)
                    print(r.dtype, r.tolist()[:8], r.double().sum().item())
                except Exception as e:
                    print(type(e).__name__, e)
            try:
                z = a.clone()
                z.add_(b, alpha=al)
                print(z.tolist()[:8] if z.dim() else z.item())
            except Exception as e:
                print(type(e).__name__, e)
""",
"a_tensor_and_a_scalar_or_column_with_alpha_sum_as_the_kernels_loops_round": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for n in list(range(1, 40)) + [77, 100, 40000, 70001]:
        x = torch.randn(n).to(dt)
        y = torch.randn(n).to(dt)
        oth = torch.randn(()).item()
        al = torch.randn(()).item() * 3
        r = [torch.add(x, oth, alpha=al), torch.add(x, torch.tensor(oth, dtype=dt), alpha=al), torch.sub(x, oth, alpha=al),
             x.clone().add_(oth, alpha=al), x.clone().sub_(torch.tensor(oth), alpha=al),
             torch.add(torch.tensor(oth, dtype=dt), x, alpha=al), torch.add(x, y, alpha=al)]
        print(dt, n, [v.double().sum().item() for v in r])
for dt in [torch.float32, torch.float64]:
    for shape, bshape in [((6, 21), (6, 1)), ((3, 40), (3, 1)), ((4, 3, 7), (4, 1, 1)), ((4, 3, 7), (1, 3, 1)),
                          ((2, 5, 3), (2, 5, 1)), ((3000, 21), (3000, 1)), ((1000, 77), (1000, 1)), ((7, 5000), (7, 1)),
                          ((37,), (1,)), ((6, 21), (21,)), ((5, 1), (5, 1))]:
        x = torch.randn(shape, dtype=dt)
        y = torch.randn(bshape, dtype=dt)
        al = torch.randn(()).item() * 3
        r = [torch.add(x, y, alpha=al), torch.sub(x, y, alpha=al), x.clone().add_(y, alpha=al), torch.add(x, y.float(), alpha=al)]
        print(dt, shape, bshape, [v.double().sum().item() for v in r], r[0].flatten()[:3].tolist())
v1 = torch.tensor([], requires_grad=True)
print(v1.sub(other=-1, alpha=0.315), torch.zeros(0, 3).add(torch.ones(0, 1), alpha=2), torch.zeros(3, 0).add_(1, alpha=3))
print(torch.tensor(2.).add(1, alpha=0.3), torch.zeros(0).half().add(1, alpha=2), torch.zeros(2, 0).add(torch.ones(2, 1), alpha=2))
""",
"poisson_draws_atens_sample_poisson_from_the_generator": """
torch.manual_seed(0)
x = torch.tensor([1.0, 4.0, 10.0, 0.0, 25.5], requires_grad=True)
y = torch.poisson(x)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
for t in [torch.tensor([2, 3]), torch.tensor([-1.0]), torch.tensor([2.0], dtype=torch.float64), torch.tensor([3.0]).half(),
          torch.tensor([3.0]).bfloat16(), torch.tensor(5.), torch.empty(0), torch.tensor([float('nan')]),
          torch.tensor([float('inf')]), torch.tensor([1e6, 3e4]), torch.tensor([300.]).bfloat16(), 3.0]:
    try:
        print(torch.poisson(t))
    except Exception as e:
        print(type(e).__name__, e)
print(torch.poisson(torch.arange(12.).view(3, 4).t() * 3))
g = torch.Generator().manual_seed(3)
print(torch.poisson(torch.full((4,), 50.), generator=g), torch.poisson(torch.rand(200) * 30).sum(), torch.rand(2))
""",
"softmax_with_a_dtype_converts_its_input_first": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for f in [lambda: torch.softmax(x, -1, dtype=torch.float64), lambda: torch.log_softmax(x, -1, dtype=torch.float64),
          lambda: x.softmax(0, torch.float64), lambda: torch.nn.functional.softmax(x, -1, dtype=torch.float64),
          lambda: torch.nn.functional.log_softmax(x, 0, dtype=torch.float16), lambda: torch.softmax(x, -1, dtype=torch.float32),
          lambda: torch.special.log_softmax(x, 0, dtype=torch.float64), lambda: torch.nn.functional.softmin(x, 0, dtype=torch.float64),
          lambda: torch.softmax(torch.empty(0, 3, requires_grad=True), 0, dtype=torch.float64)]:
    r = f()
    print(r.dtype, r.grad_fn.name(), [n[0].name() if n[0] else None for n in r.grad_fn.next_functions])
for dt in [torch.float64, torch.float16, torch.bfloat16]:
    for src in [x.detach(), x.detach().half(), (x.detach() * 3).int()]:
        print(torch.softmax(src, 1, dtype=dt).tolist(), torch.log_softmax(src, 0, dtype=dt).tolist())
""",
"median_of_all_elements_fills_zeros_with_its_share_of_the_gradient": """
v1 = torch.tensor([[-1.0, -2.3379, 1.0]], dtype=torch.float64, requires_grad=True)
for f in [lambda: v1.median(), lambda: v1.nanmedian(), lambda: torch.tensor([1., float('nan'), 2.], requires_grad=True).median(),
          lambda: torch.tensor([1., float('nan'), 1.], requires_grad=True).nanmedian(),
          lambda: torch.tensor([2., 2., 1.], requires_grad=True).median()]:
    r = f()
    for g in [torch.tensor(float('nan'), dtype=r.dtype), torch.tensor(1., dtype=r.dtype), torch.tensor(float('inf'), dtype=r.dtype)]:
        print(torch.autograd.grad(r, r.grad_fn.next_functions[0][0].variable, g, retain_graph=True))
""",
"a_0_dim_bool_or_byte_index_is_a_new_dim_indexed_by_0_or_nothing": """
h = torch.tensor([1.5], dtype=torch.float16)
x = torch.tensor([1., 2., 3.], requires_grad=True).clone()
for ix in [torch.tensor(True), torch.tensor(False), torch.tensor(1, dtype=torch.uint8), torch.tensor(0, dtype=torch.uint8)]:
    r = x[ix]
    print(r, r.grad_fn.name(), r.grad_fn.next_functions[0][0].name())
x[torch.tensor(True)] = torch.tensor(5.)
print(x, x.grad_fn.name())
for v in [torch.tensor(3.), 4, h]:
    y = torch.tensor(2.0, requires_grad=True).clone()
    try:
        y[y > 0] = v
        print(y, y.grad_fn.name(), y._version)
    except Exception as e:
        print(type(e).__name__, e)
w = torch.ones(2, 2, requires_grad=True).clone()
w[torch.tensor(True), 0] = torch.tensor(7.)
print(w, w.grad_fn.name(), w[torch.tensor(True), 1], w[0, torch.tensor(True)])
for ix, v in [(torch.tensor(True), h), (torch.tensor(1, dtype=torch.uint8), 5), (torch.tensor(0, dtype=torch.uint8), torch.tensor(5.)),
              (torch.tensor(False), h), (torch.tensor(True), torch.tensor([1., 2, 3, 4], dtype=torch.float64)),
              (torch.tensor([1, 0, 1, 0], dtype=torch.uint8), 7)]:
    z = torch.zeros(4, dtype=torch.float64)
    try:
        z[ix] = v
        print(z)
    except Exception as e:
        print(type(e).__name__, e)
z = torch.zeros(3)
print(z.index_put_((torch.tensor(True),), torch.tensor(2.)))
""",
"torch_random_forks_and_restores_the_generator": """
torch.manual_seed(5)
print(torch.random.initial_seed(), torch.random.get_rng_state().shape)
with torch.random.fork_rng():
    torch.manual_seed(0)
    print(torch.rand(1))
print(torch.rand(1))
try:
    with torch.random.fork_rng():
        torch.rand(3)
        raise ValueError("inside")
except ValueError as e:
    print(e, torch.rand(1))
with torch.random.fork_rng(enabled=False):
    torch.rand(2)
print(torch.rand(1))
try:
    with torch.random.fork_rng(devices=[0]):
        pass
except Exception as e:
    print(type(e).__name__, e)
torch.random.manual_seed(3)
print(torch.rand(1), torch.default_generator.initial_seed(), torch.random.default_generator.initial_seed())
torch.random.set_rng_state(torch.random.get_rng_state())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

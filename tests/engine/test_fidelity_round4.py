"""The classes of difference the fourth fidelity round found (issue 16), one differential program each: printed
text, errors and warnings as torch's."""
import pytest

from same_as_torch import same_as_torch

NAMES = """
def names(fn, depth=0):
    if fn is None or depth > 6:
        return 'None' if fn is None else '...'
    return fn.name() + '(' + ','.join(names(f, depth + 1) for f, _ in fn.next_functions) + ')'
"""

PROGRAMS = {
"double_backward_graphs_use_scalar_overloads": NAMES + """
for e in ["x ** 3", "x ** 0.5", "x.pow(y)", "2 ** x", "x.sqrt()", "x.rsqrt()", "x.reciprocal()", "x.abs()", "x.tan()",
          "x.log1p()", "x.expm1()", "x.atan()", "x.asin()", "x.acos()", "x.exp2()", "x.log2()", "x.log10()", "x.erf()",
          "x.erfinv()", "torch.addcmul(x, x, y, value=2)", "torch.addcdiv(x, x, y, value=0.5)", "torch.logaddexp(x, y)",
          "torch.logaddexp2(x, y)", "x.norm()", "x.norm(3)", "x.norm(1)", "x.dist(y)", "x.cumsum(0)"]:
    x = torch.tensor([0.3, 0.6, 0.9], dtype=torch.float64, requires_grad=True)
    y = torch.tensor([0.7, 0.2, 0.5], dtype=torch.float64, requires_grad=True)
    gs = torch.autograd.grad(eval(e).sum(), (x, y), create_graph=True, allow_unused=True)
    for g in gs:
        if g is not None:
            print(e, g, names(g.grad_fn))
            if g.requires_grad:
                print(torch.autograd.grad(g.pow(2).sum(), (x, y), allow_unused=True))
""",
"softmax_mse_smooth_l1_and_activations_twice_differentiable": NAMES + """
F = torch.nn.functional
w = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.25]], dtype=torch.float64)
for f in [lambda x: x.softmax(0), lambda x: x.log_softmax(1), lambda x: F.mse_loss(x, w), lambda x: F.mse_loss(x, w, reduction='none'),
          lambda x: F.smooth_l1_loss(x, w, beta=0.5), F.celu, F.hardswish, F.logsigmoid, F.mish, F.elu, F.softplus, F.silu]:
    x = torch.tensor([[0.3, -0.6, 0.9], [0.1, -2.4, 2.0]], dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad((f(x) * w).sum(), x, create_graph=True)
    print(g, names(g.grad_fn))
    h, = torch.autograd.grad((g * g * w).sum(), x, create_graph=True)
    print(h, torch.autograd.grad(h.sum(), x, allow_unused=True))
x = torch.tensor([0.5, -4.0], requires_grad=True)
g, = torch.autograd.grad(F.hardsigmoid(x).sum(), x, create_graph=True)
print(g)
g.sum().backward()
""",
"empty_like_layouts_and_random_likes_in_memory_order": """
for t in (torch.zeros(2, 3).t(), torch.zeros(1, 1, 3).permute(2, 0, 1), torch.zeros(4, 6)[:, ::2], torch.zeros(3, 1).expand(3, 4),
          torch.tensor([[1., 0., 1.]]).t(), torch.tensor([]).view(-1).unsqueeze(0), torch.zeros(2, 0).unsqueeze(1)):
    print(torch.zeros_like(t).stride(), torch.ones_like(t).stride(), torch.full_like(t, 2).stride(), torch.empty_like(t).stride(),
          t.clone().stride(), t.sort(0)[0].stride(), t.argsort(-1).stride(), t.flip(0).stride(),
          torch.zeros_like(t, memory_format=torch.contiguous_format).stride())
    torch.manual_seed(0)
    print(torch.rand_like(t), torch.randn_like(t), torch.randint_like(t, 10))
torch.manual_seed(0)
print(torch.randn_like(torch.zeros(5, 4).t()))
for f in (lambda: torch.rand_like(torch.tensor([1, 2])), lambda: torch.randn_like(torch.tensor([1, 2])), lambda: torch.randint_like(torch.zeros(2), 5, 2)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"integers_wrap_into_unsigned_and_overflow_checks": """
u = torch.tensor([1, 2], dtype=torch.uint8)
for f in [lambda: torch.full_like(u, -1), lambda: torch.where(u > 1, u, -1), lambda: torch.where(u > 1, 300, u),
          lambda: torch.tensor([-1, 256], dtype=torch.uint8), lambda: torch.tensor([-1], dtype=torch.uint8),
          lambda: torch.tensor([300], dtype=torch.int8), lambda: torch.tensor([2**40], dtype=torch.int32),
          lambda: torch.tensor([1.5, -1], dtype=torch.uint8), lambda: torch.tensor([-129.7], dtype=torch.int8),
          lambda: torch.tensor([2**64], dtype=torch.int64), lambda: torch.tensor([True, 2], dtype=torch.bool)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = torch.tensor([1, 2, 200, 255], dtype=torch.uint8)
for s in (7, 8, 9, 254):
    print(s, a >> s, a << s)
v = a.clone(); v >>= v; print(v)
b = torch.tensor([1, -2, 100, -128], dtype=torch.int8)
print(b >> 9, b << 9, b >> -1)
""",
"matmul_folds_as_aten": NAMES + """
torch.manual_seed(0)
for a, b in [((4,), (2, 4, 3)), ((3, 4), (2, 4, 5)), ((2, 3, 4), (4,)), ((2, 3, 4), (4, 5)), ((1, 3, 4), (2, 4, 5)),
             ((2, 3, 4), (1, 4, 5)), ((2, 1, 3, 4), (5, 4, 2)), ((4,), (3, 2, 4, 5)), ((5, 2, 3, 4), (4,))]:
    for ga, gb in ((True, False), (False, True), (True, True)):
        for perm in (False, True):
            x = torch.randn(a).double(); y = torch.randn(b).double()
            if perm and x.dim() >= 3: x = x.transpose(0, 1).contiguous().transpose(0, 1)
            if perm and y.dim() >= 3: y = y.transpose(0, 1).contiguous().transpose(0, 1)
            x.requires_grad_(ga); y.requires_grad_(gb)
            r = x @ y
            print(a, b, ga, gb, perm, r.shape, r.stride(), names(r.grad_fn))
for a, b in [((4,), (2, 3, 1)), ((2, 3), (2, 4, 5)), ((2, 3, 4), (2, 5, 1))]:
    try: torch.ones(a) @ torch.ones(b)
    except Exception as e: print(e)
x = torch.randn(4, 6, requires_grad=True)
print(x[:, :3].reshape(2, 2, 3).grad_fn.name(), x.reshape(2, 2, 6).grad_fn.name(), x.t().reshape(-1).grad_fn.name())
""",
"bool_products_of_empty_operands_return_before_the_kernel": """
for a, b in [((0,), (2, 0, 3)), ((2, 0), (0, 3)), ((0,), (0, 3)), ((3,), (2, 3, 1)), ((2, 3), (3, 2)), ((0, 2), (2, 3)),
             ((2, 0), (0,)), ((3, 0), (0, 2)), ((0,), (0,)), ((2, 2, 3), (3,))]:
    try: print(a, b, torch.ones(a, dtype=torch.bool) @ torch.ones(b, dtype=torch.bool))
    except Exception as e: print(a, b, type(e).__name__, e)
for a, b in [((2, 0, 3), (2, 3, 1)), ((2, 3, 0), (2, 0, 1)), ((2, 3, 2), (2, 2, 0)), ((2, 3, 2), (2, 2, 1))]:
    try: print(torch.ones(a, dtype=torch.bool).bmm(torch.ones(b, dtype=torch.bool)))
    except Exception as e: print(type(e).__name__, e)
""",
"small_bmm_sums_in_atens_loop": """
torch.manual_seed(3)
a = torch.randn(3, 5, 7); b = torch.randn(3, 7, 4)
print(torch.bmm(a, b).view(-1).tolist())
print((torch.randn(2, 3, 4) @ torch.randn(2, 4, 5)).sum().item())
""",
"select_out_of_range_names_select": """
for t, d, i in [(torch.tensor([]), 0, 0), (torch.zeros(2, 3), 1, 3), (torch.zeros(2, 3), -1, -4), (torch.zeros(2, 0), 1, 0)]:
    try: t.select(d, i)
    except Exception as e: print(e)
    try: t[i] if d == 0 else t[:, i]
    except Exception as e: print(e)
""",
"atan2_std_var_and_relu_gradients_at_their_edges": NAMES + """
x = torch.tensor([0.0, 1.0, 0.0, 1e-30], requires_grad=True); y = torch.tensor([0.0, 0.0, 2.0, 1e-30], requires_grad=True)
torch.atan2(x, y).sum().backward(); print(x.grad, y.grad)
torch.manual_seed(0)
for f in (lambda t: t.std(), lambda t: t.var(), lambda t: t.std(1), lambda t: t.var(0, keepdim=True), lambda t: t.std(1, correction=0)):
    x = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)
    print(g, names(g.grad_fn), torch.autograd.grad(g.pow(2).sum(), x)[0])
c = torch.ones(3, requires_grad=True); c.std().backward(); print(c.grad)
r = torch.tensor([float('nan'), -1.0, 2.0, 0.0], requires_grad=True)
r.relu().backward(torch.ones(4)); print(r.grad)
g, = torch.autograd.grad(torch.relu(r * 1).sum(), r, create_graph=True)
print(g, torch.autograd.grad((g * r).sum(), r))
b = torch.tensor(True); print(b.cumprod_(0), b.cumsum_(-1), b._version)
""",
"random_in_its_three_forms_and_fills_in_memory_order": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.float16):
    print(dt, torch.zeros(5, dtype=dt).random_(), torch.zeros(4, dtype=dt).random_(3), torch.zeros(3, dtype=dt).random_(1, 9))
print(torch.zeros(3, dtype=torch.bool).random_(), torch.zeros(3).random_(0, 2**40), torch.zeros(3).random_(-5, 10**10))
print(torch.zeros(3, dtype=torch.int64).random_(-2**62, 2**62))
a = torch.zeros(2, 3).t(); a.random_(0, 100); print(a)
b = torch.zeros(2, 3).t(); b.uniform_(); print(b)
c = torch.zeros(4, 5).t(); c.normal_(); print(c)
x = torch.zeros(3, requires_grad=True).clone()
print(x.clone().random_().grad_fn, x.clone().random_(5).grad_fn, x.clone().random_(1, 5).grad_fn, x.clone().uniform_().grad_fn, x.clone().bernoulli_(0.3).grad_fn)
for dt, args in [(torch.uint8, (0, 300)), (torch.uint8, (-1, 5)), (torch.int8, (0, 200)), (torch.float16, (0, 70000)), (torch.int64, (5, 2)), (torch.bool, (0, 3))]:
    try: print(torch.zeros(2, dtype=dt).random_(*args))
    except Exception as e: print(type(e).__name__, e)
try: torch.zeros(2, requires_grad=True).random_()
except Exception as e: print(type(e).__name__, e)
""",
"addcdiv_and_addcmul_gradients_bit_for_bit": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    s = torch.randn(50, dtype=dt, requires_grad=True); a = torch.randn(50, dtype=dt, requires_grad=True); b = (torch.rand(50, dtype=dt) + 0.3).requires_grad_()
    for f in (torch.addcmul, torch.addcdiv):
        for v in (1, 0.3, -2.7):
            s.grad = a.grad = b.grad = None
            f(s, a, b, value=v).backward(torch.randn(50, dtype=dt))
            print(f.__name__, v, a.grad.tolist()[:8], b.grad.tolist()[:8])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round4_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

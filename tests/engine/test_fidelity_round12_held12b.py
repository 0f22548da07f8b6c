"""Classes of difference found by the twelfth round's held-out custom-autograd programs (held12b: Functions,
autograd.grad, checkpoint, saved-tensor hooks, node hooks, anomaly mode), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import HAVE_TORCH, run_in_engine, run_in_torch, same_as_torch
from test_fidelity_round11_autograd import DOUBLING  # (class F: forward x * 2, backward g * 2)

# forward AD's programs: torch's first use of it warns DeprecationWarnings of torch.jit.script from its own imports
# (which no program's default filter shows), so their printed text is compared (tests/engine/test_forward_ad.py)
PRINTED = {
"custom_function_jvp_gives_forward_ad_tangents": """
fwAD = torch.autograd.forward_ad
class Mul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, i, y, k):
        print("forward sees a tangent:", fwAD.unpack_dual(x).tangent is not None, x)
        ctx.save_for_forward(x, None, y)
        ctx.save_for_backward(x)
        ctx.k = k
        return x * y * k, i + 1
    @staticmethod
    def jvp(ctx, tx, ti, ty, tk):
        x, none, y = ctx.saved_tensors
        print("jvp got", tx, ti, ty, tk, none, x, torch.is_grad_enabled())
        return (tx * y + ty * x) * ctx.k, None
    @staticmethod
    def backward(ctx, g, gi):
        x, = ctx.saved_tensors
        return g, None, g * x, None
x = torch.tensor([1.0, 2.0])
y = torch.tensor([3.0, 4.0], requires_grad=True)
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.ones(2))
    a, b = Mul.apply(d, torch.tensor([1, 2]), y, 2.0)
    print(fwAD.unpack_dual(a), fwAD.unpack_dual(b), a.grad_fn.name())
    a.sum().backward()
    print(y.grad)
    with torch.no_grad():
        a, b = Mul.apply(d, torch.tensor([1, 2]), torch.ones(2, dtype=torch.float64, requires_grad=True), 1.0)
    print(fwAD.unpack_dual(a).tangent, a.requires_grad)
    e = Mul.apply(x, torch.tensor([1]), x, 1.0)[0]
    print(fwAD.unpack_dual(e).tangent)
""",
"custom_function_jvp_results_checked_as_torch": """
fwAD = torch.autograd.forward_ad
def jvp_returning(value, n_out=1):
    class F(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2 if n_out == 1 else (x * 2, x * 3)
        @staticmethod
        def jvp(ctx, t):
            return value(t)
    return F
x = torch.tensor([1.0, 2.0])
cases = [(lambda t: t * 2, 2), (lambda t: (t * 2, t), 1), (lambda t: t.sum(), 1), (lambda t: 2.0, 1),
         (lambda t: [t, t], 2), (lambda t: (t, t * 3), 2), (lambda t: t.double(), 1)]
for value, n_out in cases:
    with fwAD.dual_level():
        try:
            out = jvp_returning(value, n_out).apply(fwAD.make_dual(x, torch.ones(2)))
            outs = out if isinstance(out, tuple) else (out,)
            print([fwAD.unpack_dual(o).tangent for o in outs])
        except Exception as e:
            print(type(e).__name__, e)
""" + DOUBLING + """NoJvp = F
with fwAD.dual_level():
    try:
        NoJvp.apply(fwAD.make_dual(x, torch.ones(2)))
    except Exception as e:
        print(type(e).__name__, e)
    print(fwAD.unpack_dual(NoJvp.apply(x)))
class SaveBad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_forward(x, 3)
        return x
try:
    SaveBad.apply(x)
except Exception as e:
    print(type(e).__name__, e)
""",
"custom_function_under_torch_func_transforms": """
""" + DOUBLING + """Old = F
class New(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * 2
    @staticmethod
    def setup_context(ctx, inputs, output):
        pass
    @staticmethod
    def backward(ctx, g):
        return g * 2
class Gen(New):
    generate_vmap_rule = True
    @staticmethod
    def jvp(ctx, t):
        return t * 2
class GenNoJvp(New):
    generate_vmap_rule = True
class Both(Gen):
    @staticmethod
    def vmap(info, in_dims, x):
        return x * 2, in_dims[0]
x = torch.arange(6.).view(2, 3)
transforms = [("vmap", lambda f: torch.func.vmap(f)(x)),
              ("grad", lambda f: torch.func.grad(lambda t: f(t).sum())(x)),
              ("jacrev", lambda f: torch.func.jacrev(f)(x[0])),
              ("jvp", lambda f: torch.func.jvp(f, (x[0],), (torch.ones(3),))),
              ("jacfwd", lambda f: torch.func.jacfwd(f)(x[0, :2])),
              ("hessian", lambda f: torch.func.hessian(lambda t: f(t).sum())(x[0, :2])),
              ("vmap_grad", lambda f: torch.func.vmap(torch.func.grad(lambda t: f(t).sum()))(x)),
              ("autograd_jacobian", lambda f: torch.autograd.functional.jacobian(f, x[0, :2]))]
for F in [Old, New, Gen, Both, GenNoJvp]:
    for name, run in transforms:
        try:
            print(F.__name__, name, run(F.apply))
        except Exception as e:
            print(F.__name__, name, type(e).__name__, e)
print(Old.generate_vmap_rule, Gen.generate_vmap_rule)
try:
    torch.autograd.Function.vmap(None, (0,), x)
except Exception as e:
    print(type(e).__name__, e)
""",
"gradcheck_forward_ad_and_batched_checks": """
gradcheck, gradgradcheck = torch.autograd.gradcheck, torch.autograd.gradgradcheck
class WrongJvp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        ctx.save_for_forward(x)
        return x.exp()
    @staticmethod
    def backward(ctx, g):
        return g * ctx.saved_tensors[0].exp()
    @staticmethod
    def jvp(ctx, t):
        return t * ctx.saved_tensors[0].exp() * 1.1
x = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = torch.tensor([[1.0, 2.0]], dtype=torch.float64, requires_grad=True)
def tryit(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
tryit(lambda: gradcheck(WrongJvp.apply, (x,)))
tryit(lambda: gradcheck(WrongJvp.apply, (x,), check_forward_ad=True))
tryit(lambda: gradcheck(WrongJvp.apply, (x,), check_forward_ad=True, raise_exception=False))
tryit(lambda: gradcheck(WrongJvp.apply, (x,), check_forward_ad=True, check_backward_ad=False, check_undefined_grad=False))
tryit(lambda: gradcheck(torch.sin, (x,), check_backward_ad=False))
tryit(lambda: gradcheck(torch.sin, (x,), check_batched_grad=True, check_backward_ad=False, check_forward_ad=True))
tryit(lambda: gradcheck(torch.sin, (x,), check_batched_forward_grad=True))
for options in [dict(check_batched_grad=True), dict(check_forward_ad=True, check_batched_forward_grad=True)]:
    torch.manual_seed(0)
    tryit(lambda: gradcheck(lambda a, b: (a.sum() * b, a.tanh()), (x, y), **options))
    print(torch.rand(2))
torch.manual_seed(0)
tryit(lambda: gradgradcheck(lambda a: a.pow(3), (x,), check_batched_grad=True))
print(torch.rand(2))
calls = []
def counted(a):
    calls.append(1)
    return a * 2
print(gradcheck(counted, (x,), check_forward_ad=True, check_batched_grad=True), len(calls))
# fast mode: reductions by gradcheck's own generator's vectors, a failure's slow-mode report
class WrongBoth(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        ctx.save_for_forward(x, y)
        return x * y.sum(), x.exp()
    @staticmethod
    def backward(ctx, g1, g2):
        x, y = ctx.saved_tensors
        return g1 * y.sum() + g2 * x.exp(), (g1 * x).sum().expand(y.shape) * 1.2
    @staticmethod
    def jvp(ctx, tx, ty):
        x, y = ctx.saved_tensors
        return tx * y.sum() + x * ty.sum() * 0.9, tx * x.exp()
torch.manual_seed(0)
tryit(lambda: gradcheck(WrongBoth.apply, (x, y), fast_mode=True))
tryit(lambda: gradcheck(WrongBoth.apply, (x, y), fast_mode=True, check_forward_ad=True, check_backward_ad=False))
tryit(lambda: gradcheck(lambda a, b: (a * b.sum()).sin(), (x, y), fast_mode=True, check_forward_ad=True))
tryit(lambda: gradcheck(lambda a: a ** 3, (x,), fast_mode=True, atol=0, rtol=1e-12, eps=1e-2))
tryit(lambda: gradgradcheck(lambda a: a ** 3, (x,), fast_mode=True))
tryit(lambda: gradcheck(torch.tanh, (torch.randn(3, requires_grad=True),), fast_mode=True))
print(torch.rand(2))
""",
}

PROGRAMS = {
"pack_hook_modifying_its_input_in_place": """
x = torch.ones(2, requires_grad=True)
def bad_pack(t):
    print("pack sees", t.requires_grad, t.is_leaf, t._version)
    t.mul_(2)
    return t
for name, make in [("leaf", lambda: x * x), ("nonleaf", lambda: (x * 1).exp()), ("plain", lambda: torch.ones(2) * x),
                   ("output", lambda: (x * 1).sigmoid())]:
    try:
        with torch.autograd.graph.saved_tensors_hooks(bad_pack, lambda t: t):
            y = make()
        print(name, "ok", y)
    except Exception as e:
        print(name, type(e).__name__, e)
print(x, x._version)
def pack_data(t):
    t.data.mul_(2)
    return t
with torch.autograd.graph.saved_tensors_hooks(pack_data, lambda t: t):
    y = x * 3
print("data", y)
d = (x * 1).exp()
try:
    d.grad_fn._raw_saved_result.register_hooks(bad_pack, lambda t: t)
except Exception as e:
    print("raw", type(e).__name__, e)
""",
"custom_function_raw_saved_tensors": """
class Mul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, None, b)
        return a * b
    @staticmethod
    def backward(ctx, g):
        a, none, b = ctx.saved_tensors
        return g * b, g * a
def pack(t):
    print("pack", t.tolist())
    return t
def unpack(t):
    print("unpack", t.tolist())
    return t
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    c = Mul.apply(a, b)
raw = c.grad_fn._raw_saved_tensors
print(len(raw), [type(r).__name__ for r in raw])
d = Mul.apply(a, b * 2)
d.grad_fn._raw_saved_tensors[0].register_hooks(lambda t: t * 10, lambda t: t)
for r in (d.grad_fn._raw_saved_tensors[0], d.grad_fn._raw_saved_tensors[1]):
    try:
        r.register_hooks(pack, unpack)
    except Exception as e:
        print(type(e).__name__, e)
(c.sum() + d.sum()).backward()
print(a.grad, b.grad)
try:
    c.grad_fn._raw_saved_tensors
    print(c.grad_fn.saved_tensors)
except Exception as e:
    print(type(e).__name__, e)
""",
"vmap_of_function_apply_calls_its_vmap_staticmethod": """
class Sort(torch.autograd.Function):
    @staticmethod
    def forward(x, dim):
        return torch.sort(x, dim).values
    @staticmethod
    def setup_context(ctx, inputs, output):
        pass
    @staticmethod
    def backward(ctx, g):
        return g, None
    @staticmethod
    def vmap(info, in_dims, x, dim):
        print("rule:", info, info.batch_size, info.randomness, in_dims, x.shape, dim, type(info).__name__)
        x = x.movedim(in_dims[0], 0)
        return Sort.apply(x, dim + 1), 0
x = torch.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, -1.0]])
print(torch.vmap(Sort.apply, in_dims=(0, None))(x, 0))
print(torch.vmap(Sort.apply, in_dims=(1, None), randomness="same")(x.t(), 0))
print(torch.func.vmap(Sort.apply, in_dims=(0, None), out_dims=1)(x, 0))
print(torch.vmap(Sort.apply, in_dims=(0, None), chunk_size=1)(x, 0))
out = torch.vmap(Sort.apply, in_dims=(0, None))(x.clone().requires_grad_(), 0)
print(out.grad_fn.name())
class Two(torch.autograd.Function):
    @staticmethod
    def forward(x, y):
        return x + y, x * 2
    @staticmethod
    def setup_context(ctx, inputs, output):
        pass
    @staticmethod
    def backward(ctx, g1, g2):
        return g1, g1
    @staticmethod
    def vmap(info, in_dims, x, y):
        print("two", in_dims)
        return (x + y, (x * 2).sum(0)), (0, None)
print(torch.vmap(Two.apply, in_dims=(0, None))(x, torch.ones(3)))
def returning(result):
    class Bad(Two):
        @staticmethod
        def vmap(info, in_dims, x, y):
            return result(x, y)
    return Bad
for result in [lambda x, y: x + y, lambda x, y: (x, y, 0), lambda x, y: ((x + y, x), (0,)),
               lambda x, y: ((x + y, x), [0, 0]), lambda x, y: ((x + y, x), 1)]:
    try:
        print(torch.vmap(returning(result).apply, in_dims=(0, None))(x, torch.ones(3)))
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_fidelity_round12_held12b_forward_ad_class_prints_as_torch(name):
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    src = PRINTED[name]
    assert run_in_engine(src)[0] == run_in_torch(src)[0]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

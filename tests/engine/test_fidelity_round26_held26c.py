"""Classes of difference found by the twenty-sixth round's held-out programs on autograd extensions (held26c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"save_for_backward_checks_what_it_saved_once_forward_returns_and_only_when_a_node_is_made": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        print("after save", ctx.saved_tensors)
        x.mul_(2)
        ctx.save_for_backward(x, [x]) if x.shape[0] > 2 else None
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
class G(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * 2
    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0], 2.5)
        print("setup done")
    @staticmethod
    def backward(ctx, g):
        return g * 2
for x in [torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True), torch.ones(2),
          torch.ones(2, dtype=torch.long)]:
    for f in [F, G]:
        y = x.clone() if x.requires_grad else x
        for mode in [torch.enable_grad, torch.no_grad]:
            with mode():
                try:
                    print(f.apply(y))
                except Exception as e:
                    print(type(e).__name__, e)
            print(y)
""",
"mark_dirty_bumps_each_argument_as_it_checks_it_after_mark_non_differentiables_check": """
x = torch.ones(2, requires_grad=True)
for marks in [lambda a, b: ((a, a), ()), lambda a, b: ((a, 3), ()), lambda a, b: ((a, b, a), ()),
              lambda a, b: ((b, "s"), ()), lambda a, b: (([a],), (None,)), lambda a, b: ((a,), (a, 3)),
              lambda a, b: ((a,), (b,))]:
    for src, mode in [(x, torch.enable_grad), (torch.ones(2), torch.enable_grad), (x, torch.no_grad)]:
        class D(torch.autograd.Function):
            @staticmethod
            def forward(ctx, p, q):
                p.add_(1)
                dirty, nondiff = marks(p, q)
                ctx.mark_dirty(*dirty)
                ctx.mark_non_differentiable(*nondiff)
                return p
            @staticmethod
            def backward(ctx, g):
                return g, None
        a, b = src.clone(), torch.zeros(2)
        with mode():
            try:
                r = D.apply(a, b)
                print(r, r.requires_grad)
            except Exception as e:
                print(type(e).__name__, repr(str(e)))
        print(a._version, b._version)
""",
"abs_of_a_complex_tensor_under_create_graph_is_grad_times_sgn_with_its_history": """
x = torch.tensor([1+2j, 3-1j, 0j], requires_grad=True)
for f in [lambda t: t.abs().sum(), lambda t: (t.abs() ** 2).sum(), lambda t: (t * t.abs()).abs().sum(),
          lambda t: torch.abs(t.exp()).sum()]:
    g, = torch.autograd.grad(f(x), x, create_graph=True)
    print(g, type(g.grad_fn).__name__, [type(n).__name__ for n, _ in g.grad_fn.next_functions])
    h, = torch.autograd.grad((g.real ** 2 + g.imag).sum(), x, allow_unused=True)
    print(h)
print(torch.autograd.functional.jacobian(lambda t: t.abs(), x[:2].detach(), create_graph=True))
""",
"complex_unary_gradients_under_create_graph_are_derivatives_yamls_conjugated_formulas_as_ops": """
z = torch.tensor([0.3+0.4j, -1.2+0.5j, 2-1j], requires_grad=True)
for name in ["asin", "acos", "atan", "asinh", "atanh", "acosh", "log1p", "log2", "log10", "exp2", "sqrt", "rsqrt",
             "expm1", "tan", "reciprocal"]:
    f = getattr(torch, name)
    w = f(z)
    g, = torch.autograd.grad(w.real.sum() - 3 * w.imag.sum(), z, create_graph=True)
    print(name, g, type(g.grad_fn).__name__, [type(n).__name__ for n, _ in g.grad_fn.next_functions])
    if name != "exp2":
        print(torch.autograd.grad((g.real + 2 * g.imag).sum(), z)[0])
    print(torch.autograd.functional.jacobian(lambda t: torch.view_as_real(f(t)), z.detach(), create_graph=True))
""",
"a_setup_context_functions_keyword_only_and_var_keyword_arguments_reach_cpp_apply_which_refuses_them": """
def mk(fwd):
    class F(torch.autograd.Function):
        @staticmethod
        def setup_context(ctx, inputs, output):
            print("inputs", len(inputs), ctx.needs_input_grad)
        @staticmethod
        def backward(ctx, g):
            return g, None, None
    F.forward = staticmethod(fwd)
    return F
x = torch.ones(2, requires_grad=True)
y = torch.full((2,), 3.)
def f1(x, y, scale=1.0): return x * y * scale
def f2(x, y, *, scale=1.0): return x * y * scale
def f3(x, y=None, scale=1.0): return x * scale
def f4(x, *rest): return x * len(rest)
def f5(x, **kw): return x * len(kw)
for f in [f1, f2, f3, f4, f5]:
    F = mk(f)
    for args, kw in [((x, y), {}), ((x, y), {"scale": 2.0}), ((x,), {"y": y}), ((x, y, 3.0), {}), ((x,), {"scale": 2.0})]:
        try:
            print(f.__name__, len(args), list(kw), F.apply(*args, **kw))
        except Exception as e:
            print(f.__name__, len(args), list(kw), type(e).__name__, e)
""",
"complex_tanh_and_sigmoid_under_create_graph_are_their_backward_ops_with_conjugates": """
z = torch.tensor([0.3+0.4j, -1.2+0.5j, 2-1j], requires_grad=True)
for name in ["tanh", "sigmoid"]:
    f = getattr(torch, name)
    w = f(z)
    g, = torch.autograd.grad(w.real.sum() - 3 * w.imag.sum(), z, create_graph=True)
    print(name, g, type(g.grad_fn).__name__, [type(n).__name__ for n, _ in g.grad_fn.next_functions])
    print(torch.autograd.grad((g.real + 2 * g.imag).sum(), z)[0])
    print(torch.autograd.functional.jacobian(lambda t: torch.view_as_real(f(t)), z.detach(), create_graph=True))
    print(torch.autograd.functional.hessian(lambda t: f(t).abs().sum(), torch.tensor([0.5, -1.])))
    gg = torch.tensor([1+2j, 0.5j, -1+0j], requires_grad=True)
    h, = torch.autograd.grad(f(z), z, grad_outputs=gg, create_graph=True)
    print(torch.autograd.grad((h * h.conj()).real.sum(), (z, gg))[0])
r = torch.tensor([0.5, -1.], requires_grad=True)
for f in [torch.tanh, torch.sigmoid]:
    g, = torch.autograd.grad(f(r).sum(), r, create_graph=True)
    print(g, torch.autograd.grad(g.sum(), r))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

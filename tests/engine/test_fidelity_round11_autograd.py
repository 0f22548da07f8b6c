"""Classes of difference found by the eleventh round's held-out autograd programs (forum-style experiments with
torch.autograd), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

KIND = "kind = lambda e: getattr(e, 'kind', type(e).__name__)  # (the engine's TorchError names its kind)\n"

DOUBLING = """class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
"""  # (a custom Function two programs define)

PROGRAMS = {
"set_grad_enabled_decorates_a_function": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
@torch.set_grad_enabled(False)
def g(t):
    return t * 6, torch.is_grad_enabled()
print(torch.is_grad_enabled())
e, inside = g(x)
print(e.requires_grad, inside, torch.is_grad_enabled())
with torch.no_grad():
    @torch.set_grad_enabled(True)
    def h(t):
        return t * 2
    print(torch.is_grad_enabled(), h(x).requires_grad, torch.is_grad_enabled())
s = torch.set_grad_enabled(False)
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
with s:
    print(torch.is_grad_enabled(), (x * 2).requires_grad)
print(torch.is_grad_enabled())
c = s.clone()
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
""",
"grad_is_grads_batched_is_one_vjp_per_row": """
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
c = torch.tensor([1.0], requires_grad=True)
y = x ** 2
jac, = torch.autograd.grad(y, x, grad_outputs=torch.eye(3), is_grads_batched=True, retain_graph=True)
print(jac, jac.shape)
print(torch.autograd.grad(y, [x, c], torch.eye(3)[:2], is_grads_batched=True, allow_unused=True, retain_graph=True))
print(torch.autograd.grad(y, [x, c], torch.eye(3)[:2], is_grads_batched=True, materialize_grads=True,
                          retain_graph=True))
z = (x * 2).sum()
print(torch.autograd.grad([z, y], x, [torch.ones(2), torch.ones(2, 3)], is_grads_batched=True, retain_graph=True))
for go in [torch.ones(3), torch.ones(2, 2), None, [torch.ones(2), torch.ones(3, 3)], torch.ones(0, 3)]:
    try:
        print(torch.autograd.grad(y, x, go, is_grads_batched=True, retain_graph=True))
    except Exception as e:
        print(kind(e), e)
try:
    print(torch.autograd.grad(z, x, is_grads_batched=True))
except Exception as e:
    print(kind(e), e)
g, = torch.autograd.grad(y, x, torch.eye(3), is_grads_batched=True)
try:
    torch.autograd.grad(y, x, torch.eye(3), is_grads_batched=True)
except Exception as e:
    print(kind(e), e)
""",
"backward_counts_outputs_and_gradients_first": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * 2).sum()
torch.autograd.grad(y, x, grad_outputs=[torch.tensor(1.0), torch.tensor(2.0)], retain_graph=True)
for f in [lambda: torch.autograd.grad([y, y], x, grad_outputs=[torch.tensor(1.0)]),
          lambda: torch.autograd.backward([y, y], [torch.tensor(1.0)]),
          lambda: torch.autograd.grad([y, y * 2], x, grad_outputs=[torch.tensor(3.0)])]:
    try:
        f()
    except Exception as e:
        print(kind(e), e)
print(torch.autograd.grad(y, x), x.grad)
""",
"grad_fn_hooks_results_are_checked": """
class Named:
    def __call__(self, g):
        return g.double()
a = torch.ones(2, requires_grad=True)
hooks = [("pre", lambda go: go[0]), ("pre", lambda go: (go[0], go[0])), ("pre", lambda go: (go[0][:1],)),
         ("pre", lambda go: (5,)), ("pre", lambda go: (None,)), ("pre", lambda go: (go[0] * 3,)),
         ("post", lambda gi, go: [gi[0]]), ("post", lambda gi, go: (gi[0].double(), None)),
         ("post", lambda gi, go: (None, None)), ("post", lambda gi, go: ()), ("post", lambda gi, go: (gi[0], gi[0])),
         ("post", lambda gi, go: (gi[0] * 2, None)), ("tensor", Named()), ("tensor", lambda g: 5),
         ("tensor", lambda g: [1.0, 2.0]), ("tensor", lambda g: g[:1])]
for where, hook in hooks:
    a.grad = None
    b = a * 2
    if where == "pre":
        b.grad_fn.register_prehook(hook)
    elif where == "post":
        b.grad_fn.register_hook(hook)
    else:
        b.register_hook(hook)
    try:
        b.sum().backward()
        print("ok", a.grad)
    except Exception as e:
        print(kind(e), e)
x = torch.ones(2, requires_grad=True)
p, q = x.unbind()
p.register_hook(lambda g: print("hook p", g) or torch.ones(()))
try:
    q.sum().backward()
except Exception as e:
    print(kind(e), e)
p, q = x.unbind()
p.register_hook(lambda g: print("hook p", g))
q.register_hook(lambda g: g * 5)
(p * 0 + q).backward()
print(x.grad)
for ret in [lambda t: 5, lambda t: t.grad, lambda t: torch.zeros(3), lambda t: t.grad.double(), lambda t: (t.grad,)]:
    z = torch.ones(2, requires_grad=True)
    z.register_post_accumulate_grad_hook(ret)
    try:
        (z * 2).sum().backward()
        print("ok", z.grad)
    except Exception as e:
        print(kind(e), e)
""",
"autograd_functional_strict_mode": """
F = torch.autograd.functional
jacobian, hessian, vjp, jvp, vhp, hvp = F.jacobian, F.hessian, F.vjp, F.jvp, F.vhp, F.hvp
x = torch.tensor([1.0, 2.0])
y = torch.tensor([3.0, 4.0])
def tryit(f, *a, **k):
    try:
        print("ok", f(*a, **k))
    except Exception as e:
        print(kind(e), e)
lin = lambda t: t * 2
const = lambda t: t.detach() * 2
quad = lambda t: (t ** 2).sum()
linsum = lambda t: (t * 2).sum()
cub = lambda t: (t ** 3).sum()
two = lambda a, b: a * 2
tryit(jacobian, const, x, strict=True)
tryit(jacobian, two, (x, y), strict=True)
tryit(jacobian, lin, x, strict=True, create_graph=True)
tryit(jacobian, lin, x, strict=True, vectorize=True)
tryit(jacobian, lin, x, strict=True)
tryit(jacobian, const, x)
tryit(vjp, const, x, torch.ones(2), strict=True)
tryit(vjp, two, (x, y), torch.ones(2), strict=True)
tryit(vjp, lin, x, torch.ones(2), strict=True, create_graph=True)
tryit(jvp, lin, x, torch.ones(2), strict=True)
tryit(jvp, two, (x, y), (torch.ones(2), torch.ones(2)), strict=True)
tryit(jvp, quad, x, torch.ones(2), strict=True)
tryit(hessian, linsum, x, strict=True)
tryit(hessian, quad, x, strict=True)
tryit(hessian, quad, x, strict=True, create_graph=True)
tryit(hessian, cub, x, strict=True, create_graph=True)
tryit(vhp, linsum, x, torch.ones(2), strict=True)
tryit(vhp, quad, x, torch.ones(2), strict=True, create_graph=True)
tryit(hvp, linsum, x, torch.ones(2), strict=True)
tryit(hvp, quad, x, torch.ones(2), strict=True)
tryit(hvp, cub, x, torch.ones(2), strict=True, create_graph=True)
tryit(vhp, lambda a, b: (a ** 2).sum(), (x, y), (torch.ones(2), torch.ones(2)), strict=True)
tryit(vhp, lambda a, b: (a ** 2).sum(), (x, y), (torch.ones(2), torch.ones(2)))
""",
"enable_grad_inside_inference_mode_records_nothing": """
w = torch.ones(2, requires_grad=True)
def show(tag):
    x = w * 2
    print(tag, torch.is_grad_enabled(), torch.is_inference_mode_enabled(), x.requires_grad, x.is_inference())
show("out")
with torch.inference_mode():
    show("inf")
    with torch.enable_grad():
        show("inf+enable")
        v = torch.ones(2, requires_grad=True)
        print(v.requires_grad, v.is_inference(), (v * 2).requires_grad, (v * 2).grad_fn)
        with torch.no_grad():
            show("inf+enable+no")
        show("inf+enable after no")
        with torch.inference_mode(False):
            show("inf+enable+notinf")
        show("back")
    show("inf again")
    torch.set_grad_enabled(True)
    show("inf set True")
    with torch.inference_mode(False):
        show("notinf")
        with torch.no_grad():
            show("notinf+no")
        with torch.inference_mode():
            show("inf inner")
    @torch.enable_grad()
    def f():
        show("decorated")
    f()
show("out2")
with torch.no_grad():
    with torch.inference_mode():
        show("no+inf")
        with torch.set_grad_enabled(True):
            show("no+inf+set")
    show("no after")
torch.set_grad_enabled(False)
with torch.inference_mode(False):
    show("off+notinf")
show("off")
torch.set_grad_enabled(True)
""",
"increment_version_and_sequence_numbers": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = y.exp().sum()
print(y.grad_fn._sequence_nr(), z.grad_fn._sequence_nr(), z.grad_fn.next_functions[0][0]._sequence_nr())
print(y.grad_fn.next_functions[0][0]._sequence_nr(), x.sum().grad_fn._sequence_nr())
a, b = x.unbind()
print(a.grad_fn._sequence_nr(), x.split(1)[0].grad_fn._sequence_nr())
e = x.exp()
print(e._version)
torch.autograd.graph.increment_version(e)
torch.autograd.graph.increment_version([e, y])
print(e._version, y._version, x._version)
try:
    e.sum().backward()
except Exception as err:
    print(kind(err), err)
with torch.inference_mode():
    t = torch.ones(2)
torch.autograd.graph.increment_version(t)
print(t.is_inference())
""",
"matrix_products_are_never_minus_zero_but_single_products": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for m in [1, 2, 3, 4, 5, 8]:
        for k in [1, 2, 4, 5, 9]:
            for n in [1, 2, 5, 12, 13]:
                for la in range(2):
                    a = torch.zeros(m, k, dtype=dt) if la == 0 else torch.zeros(k, m, dtype=dt).t()
                    b = -torch.rand(k, n, dtype=dt) - 0.5
                    print(m, k, n, la, torch.signbit(a @ b).sum().item(), torch.signbit(a @ b.t().contiguous().t()).sum().item(),
                          torch.signbit(a[0] @ b).sum().item(), torch.signbit(b.t() @ a[0]).sum().item(),
                          torch.signbit(a[0].dot(b[:, 0])).item())
lin = torch.nn.Linear(2, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[-1., 1.], [-2., 1.]]))
x = torch.randn(3, 2, requires_grad=True)
lin.register_full_backward_pre_hook(lambda mod, gout: (gout[0] * 0,))
lin(x).sum().backward()
print(x.grad, lin.weight.grad)
""",
"function_apply_puts_keyword_arguments_in_forwards_positions": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y=None, scale=1.0, *rest, kw=3, **more):
        print("fwd", x.shape, y, scale, rest, kw, more, ctx.needs_input_grad)
        return x * scale
    @staticmethod
    def backward(ctx, g):
        return g, None, None
x = torch.ones(2, requires_grad=True)
for args, kw in [((x,), dict(scale=2.0)), ((x,), dict(y=5)), ((x,), dict(kw=1)), ((x,), dict(zz=1)), ((), dict(x=x)),
                 ((x,), dict(scale=x)), ((x,), dict(x=x)), ((x, 1, 2), dict(scale=3.0)), ((x, None), dict(scale=3.0)),
                 ((), dict(scale=2.0, y=1, x=x)), ((x, None), dict(scale=x))]:
    try:
        out = F.apply(*args, **kw)
        print(out)
        out.sum().backward()
    except Exception as e:
        print(kind(e), e)
class G(torch.autograd.Function):
    @staticmethod
    def forward(ctx, *args, **kwargs):
        return args[0] * 2
    @staticmethod
    def backward(ctx, g):
        return g
try:
    print(G.apply(x, a=1))
except Exception as e:
    print(kind(e), e)
print(x.grad)
""",
"grad_takes_gradient_edges_as_inputs": """
get_gradient_edge = torch.autograd.graph.get_gradient_edge
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y.exp().sum()
edge = get_gradient_edge(y)
print(type(edge).__name__, edge.node.name(), edge.output_nr, edge.ownership_token, isinstance(edge, tuple), len(edge))
gy, = torch.autograd.grad(z, edge, retain_graph=True)
print(gy)
gx, gy2 = torch.autograd.grad(z, (x, edge), retain_graph=True)
print(gx, gy2)
le = get_gradient_edge(x)
print(le.node.name(), le.output_nr, le.node is y.grad_fn.next_functions[0][0])
print(torch.autograd.grad(z, le, retain_graph=True))
a, b = x.unbind()
eb = get_gradient_edge(b)
print(eb.node.name(), eb.output_nr)
print(torch.autograd.grad((a * b * 5).sum(), [eb, get_gradient_edge(a)]))
try:
    get_gradient_edge(torch.ones(2))
except Exception as e:
    print(kind(e), e)
c = torch.ones(2, requires_grad=True)
print(torch.autograd.grad(z, [edge, get_gradient_edge(c)], allow_unused=True, retain_graph=True))
try:
    torch.autograd.grad(z, [edge, get_gradient_edge(c)], materialize_grads=True, retain_graph=True)
except Exception as e:
    print(kind(e), e)
try:
    torch.autograd.grad(z, [get_gradient_edge(c)], retain_graph=True)
except Exception as e:
    print(kind(e), e)
print(torch.autograd.grad(z, {"e": edge, "x": x}))
""" + DOUBLING + """f = F.apply(x)
ef = get_gradient_edge(f)
print(ef.node.name(), ef.ownership_token.name())
print(torch.autograd.grad((f * f).sum(), ef))
print(get_gradient_edge(x * 2))
""",
"out_arguments_of_torch_functions": """
a = torch.tensor([[1.0, -2.0], [3.0, 4.0]])
b = torch.tensor([0.5, 2.0])
i = torch.tensor([[1, 2], [3, 4]])
cases = [
    ("add", lambda o: torch.add(a, b, alpha=2, out=o), torch.empty(2, 2)),
    ("sub", lambda o: torch.sub(a, 1, out=o), torch.empty(0)),
    ("mul_i", lambda o: torch.mul(i, 2, out=o), torch.empty(2, 2)),
    ("div_i", lambda o: torch.div(i, 2, out=o), torch.empty(2, 2, dtype=torch.long)),
    ("exp", lambda o: torch.exp(a, out=o), torch.empty(4)),
    ("sum", lambda o: torch.sum(a, 1, out=o), torch.empty(2)),
    ("sum_k", lambda o: torch.sum(a, 1, keepdim=True, out=o), torch.empty(2)),
    ("mean", lambda o: torch.mean(a, 0, out=o), torch.empty(2, dtype=torch.float64)),
    ("matmul", lambda o: torch.matmul(a, b, out=o), torch.empty(2)),
    ("mm", lambda o: torch.mm(a, a, out=o), torch.empty(2, 2)),
    ("cat", lambda o: torch.cat([a, a], out=o), torch.empty(4, 2)),
    ("stack", lambda o: torch.stack([b, b], out=o), torch.empty(1)),
    ("clamp", lambda o: torch.clamp(a, 0, 2, out=o), torch.empty(2, 2)),
    ("where", lambda o: torch.where(a > 0, a, b, out=o), torch.empty(2, 2)),
    ("pow", lambda o: torch.pow(a, 2, out=o), torch.empty(2, 2)),
    ("sqrt", lambda o: torch.sqrt(a, out=o), torch.empty(2, 2)),
    ("eq", lambda o: torch.eq(a, 1.0, out=o), torch.empty(2, 2, dtype=torch.bool)),
    ("eq_f", lambda o: torch.eq(a, 1.0, out=o), torch.empty(2, 2)),
    ("neg", lambda o: torch.neg(a, out=o), a.clone()),
    ("cumsum", lambda o: torch.cumsum(a, 0, out=o), torch.empty(2, 2)),
    ("max", lambda o: torch.max(a, 1, out=o), (torch.empty(2), torch.empty(2, dtype=torch.long))),
    ("sort", lambda o: torch.sort(b, out=o), (torch.empty(2), torch.empty(2, dtype=torch.long))),
    ("arange", lambda o: torch.arange(3, out=o), torch.empty(3, dtype=torch.long)),
    ("zeros", lambda o: torch.zeros(2, out=o), torch.empty(2)),
    ("addmm", lambda o: torch.addmm(a, a, a, out=o), torch.empty(2, 2)),
    ("lerp", lambda o: torch.lerp(a, a * 2, 0.5, out=o), torch.empty(2, 2)),
]
for name, f, o in cases:
    try:
        r = f(o)
        if isinstance(o, tuple):
            print(name, type(r).__qualname__, [t.tolist() for t in o], [t._version for t in o])
        else:
            print(name, r is o if isinstance(r, torch.Tensor) else r, o.tolist(), o.dtype, o._version)
    except Exception as e:
        print(name, kind(e), e)
x = torch.ones(2, requires_grad=True)
for f in [lambda: torch.exp(x, out=torch.empty(2)), lambda: torch.cat([x, x], out=torch.empty(4)),
          lambda: torch.add(b, b, out=torch.zeros(2, requires_grad=True)), lambda: torch.max(x.view(1, 2), 1, out=(torch.empty(1), torch.empty(1, dtype=torch.long))),
          lambda: torch.sum(x, 0, out=torch.empty(())), lambda: torch.mm(x.view(1, 2), x.view(2, 1), out=torch.empty(1, 1))]:
    try:
        f()
    except Exception as e:
        print(kind(e), e)
r = torch.max(a, 1, out=(torch.empty(2), torch.empty(2, dtype=torch.long)))
print(r, r.values, type(r).__qualname__)
with torch.no_grad():
    print(torch.mul(x, 2, out=torch.empty(2)))
""",
"calling_a_grad_fn_runs_its_backward": """
""" + DOUBLING + """x = torch.tensor([1.0, 2.0], requires_grad=True)
y = F.apply(x)
try:
    print(y.grad_fn(torch.ones(2)))
except Exception as e:
    print(kind(e), e)
acc = (x * 1).grad_fn.next_functions[0][0]
try:
    print(acc(torch.ones(2)), x.grad)
except Exception as e:
    print(kind(e), e)
a, b = x.unbind()
try:
    print(a.grad_fn(torch.tensor(1.0), torch.tensor(2.0)))
except Exception as e:
    print(kind(e), e)
try:
    print((x * 2).grad_fn(torch.ones(2), torch.ones(2)))
except Exception as e:
    print(kind(e), e)
m = x.exp()
try:
    print(m.grad_fn(torch.ones(3)))
except Exception as e:
    print(kind(e), e)
s = x.sum()
r = s.grad_fn(torch.tensor(1.0))
print(r, r.requires_grad)
with torch.no_grad():
    print(x.exp().grad_fn)
e = x.exp()
with torch.no_grad():
    print(e.grad_fn(torch.ones(2)))
""",
"saved_tensor_register_hooks_see_the_data_and_accumulate_grad_runs_its_node_hooks": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
m = x * 1
for src, name in [(x, "leaf"), (m, "nonleaf")]:
    y = src.pow(2)
    raw = y.grad_fn._raw_saved_self
    def pack(t):
        print(name, "pack", t.requires_grad, t.grad_fn, t is src, t._base is src, t._version)
        return t
    def unpack(t):
        print(name, "unpack", t.requires_grad, t.grad_fn)
        return t
    raw.register_hooks(pack, unpack)
    print(y.grad_fn._saved_self.requires_grad)
    y.sum().backward(retain_graph=True)
e = x.exp()
raw = e.grad_fn._raw_saved_result
raw.register_hooks(lambda t: print("res pack", t.requires_grad, t.grad_fn, t is e) or t, lambda t: t)
print(e.grad_fn._saved_result.requires_grad, e.grad_fn._saved_result.grad_fn)
with torch.autograd.graph.saved_tensors_hooks(lambda t: print("ctx pack", t.requires_grad, t.grad_fn) or t, lambda t: t):
    q = x.pow(2)
    r = x.exp()
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.grad = None
y = x * 2
acc = y.grad_fn.next_functions[0][0]
seen = []
acc.register_hook(lambda gi, go: seen.append(("acc post", gi, [g.tolist() if g is not None else None for g in go], x.grad.tolist())))
acc.register_prehook(lambda go: seen.append(("acc pre", [g.tolist() for g in go])))
x.register_hook(lambda g: seen.append(("tensor", g.tolist())) or g * 3)
h = acc.register_prehook(lambda go: (go[0] + 1,))
y.sum().backward()
print(seen, x.grad)
h.remove()
seen.clear()
torch.autograd.grad((x * 5).sum(), x)
print(seen)
acc.register_hook(lambda gi, go: (torch.ones(2),))
try:
    (x * 5).sum().backward()
except Exception as e:
    print(kind(e), e)
print(x.grad)
""",
"grad_mode_decorators_wrap_each_step_of_a_generator": """
x = torch.ones(2, requires_grad=True)
@torch.no_grad()
def gen(t):
    got = yield (t * 1).requires_grad
    print("got", got, torch.is_grad_enabled())
    yield (t * 2).requires_grad
    return "done"
g = gen(x)
print(next(g), torch.is_grad_enabled())
print(g.send(5))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
@torch.inference_mode()
def gen2():
    yield torch.ones(1).is_inference()
print(list(gen2()), gen2.__name__)
@torch.enable_grad()
def gen3():
    yield torch.is_grad_enabled()
with torch.no_grad():
    print(list(gen3()))
def normal():
    return (i for i in range(2))
print(list(torch.no_grad()(normal)()))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_autograd_class_prints_as_torch(name):
    same_as_torch(KIND + PROGRAMS[name])

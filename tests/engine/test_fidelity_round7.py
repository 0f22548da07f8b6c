"""Classes of difference found by the seventh round's random programs and known small differences (issue 16), one
differential program each."""
import pytest

from same_as_torch import same_as_torch

_TRY = """
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
"""

PROGRAMS = {
"operators_refuse_str_none_list": _TRY + """
x, xi = torch.ones(2), torch.ones(2, dtype=torch.int64)
for other in ['a', None, [1.0, 2.0], (1, 2)]:
    t(lambda: x + other); t(lambda: other + x); t(lambda: x - other); t(lambda: other - x)
    t(lambda: x * other); t(lambda: other * xi); t(lambda: x / other); t(lambda: other / x)
    t(lambda: x ** other); t(lambda: other ** x); t(lambda: x @ other); t(lambda: other @ x)
    t(lambda: x % other); t(lambda: other % x); t(lambda: x // other); t(lambda: other // x)
    t(lambda: x < other); t(lambda: other <= x); t(lambda: x > other); t(lambda: x >= other)
    t(lambda: x == other); t(lambda: other != x); t(lambda: xi & other); t(lambda: xi << other)
t(lambda: x @ 2); t(lambda: 2 @ x); t(lambda: 'ab' * torch.tensor(2)); t(lambda: x == x)
for op in ['+=', '-=', '*=', '/=', '**=', '%=', '//=']:
    try:
        y = torch.ones(2)
        exec(f"y {op} 'a'")
    except TypeError as e:
        print(e)
""",
"pow_keywords": _TRY + """
a = torch.tensor([[1.0, 2.0], [3.0, 0.5]])
t(lambda: torch.pow(input=a, exponent=2)); t(lambda: torch.pow(input=a, exponent=a))
t(lambda: torch.pow(self=2, exponent=a)); t(lambda: torch.pow(exponent=0.5, input=a))
t(lambda: torch.pow(a, exponent=3)); t(lambda: a.pow(exponent=2)); t(lambda: torch.pow(input=a))
t(lambda: torch.remainder(input=a, other=2)); t(lambda: torch.float_power(input=a, exponent=2))
""",
"addmm_input_that_does_not_broadcast": _TRY + """
a, b = torch.ones(2, 3), torch.ones(3, 4)
t(lambda: torch.addmm(torch.ones(3), a, b)); t(lambda: torch.addmm(torch.ones(2, 3), a, b))
t(lambda: torch.addmm(torch.ones(1, 2, 4), a, b)); t(lambda: torch.addmm(torch.ones(3), a, torch.ones(4, 4)))
t(lambda: torch.addmm(torch.ones(3, dtype=torch.float64), a, b)); t(lambda: torch.addmm(torch.ones(3), a, b, beta=0))
t(lambda: torch.addmm(torch.ones(2, 1), a, b, alpha=2)); t(lambda: torch.addmm(torch.tensor(2.), a, b))
""",
"pooling_glu_logsigmoid_prelu_saved": """
F = torch.nn.functional
x = torch.arange(32.).reshape(1, 2, 4, 4).requires_grad_()
x1 = torch.arange(16.).reshape(1, 2, 8).requires_grad_()
w = torch.tensor([0.25, 0.5], requires_grad=True)
ys = [F.max_pool2d(x, 2), F.max_pool2d(x, 3, stride=1, padding=1, ceil_mode=True, return_indices=True)[0],
      F.max_pool2d(x, [2, 1], stride=(1,), padding=[1, 0]), torch.nn.MaxPool2d(2)(x), F.max_pool1d(x1, 2),
      F.avg_pool2d(x, 2, stride=1, padding=1, count_include_pad=False, divisor_override=3), F.avg_pool2d(x, 2),
      torch.nn.AvgPool2d(2, ceil_mode=True)(x), F.avg_pool1d(x1, 3, stride=2, padding=1),
      F.adaptive_avg_pool2d(x, (3, 2)), F.adaptive_avg_pool2d(x, 1), F.adaptive_max_pool2d(x, (3, 2)),
      F.glu(x1, -1), F.glu(x1.reshape(2, 8), 0), F.glu(x, dim=1), F.logsigmoid(x1), F.prelu(x, w), F.prelu(x1, w[:1])]
for y in ys:
    g = y.grad_fn
    names = sorted(n for n in dir(g) if n.startswith("_saved_") and hasattr(g, n))
    print(g.name(), names)
    for n in names:
        v = getattr(g, n)
        print(" ", n, (v.shape, v.dtype, v.flatten()[:6].tolist(), v is x, v is x1) if isinstance(v, torch.Tensor) else v)
""",
"pooling_checks_saved_input_version": """
F = torch.nn.functional
x = torch.arange(32.).reshape(1, 2, 4, 4).requires_grad_()
for f in [lambda h: F.avg_pool2d(h, 2), lambda h: F.adaptive_avg_pool2d(h, (3, 2)), lambda h: F.max_pool2d(h, 2),
          lambda h: F.glu(h, 1), lambda h: F.logsigmoid(h)]:
    h = x * 1
    y = f(h)
    h.add_(1)
    try:
        y.sum().backward()
    except Exception as e:
        print(e)
""",
"layer_norm_of_empty_rows": """
F = torch.nn.functional
for x in [torch.tensor([]), torch.zeros(2, 0), torch.zeros(0, 3), torch.zeros(2, 0).double()]:
    xx = x.clone().requires_grad_()
    y = F.layer_norm(xx, xx.shape[-1:])
    y.sum().backward()
    print(y, xx.grad)
    w = torch.ones(x.shape[-1:], requires_grad=True, dtype=x.dtype)
    y = F.layer_norm(xx, xx.shape[-1:], w, w * 0)
    y.sum().backward()
    print(y, w.grad)
""",
"retain_grad_survives_view_regeneration": """
v1 = torch.tensor([-2.8652], requires_grad=True)
v2 = v1.hsplit(1)[0]
v2.retain_grad()
v1.requires_grad_(False)
v1[0].add_(1)
print(v2.retains_grad, v2.requires_grad, v2.grad_fn, v2.grad)
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 1
c = b[0:]
c.retain_grad()
b.add_(1)
print(c.retains_grad, c.grad_fn)
(c * 3).sum().backward()
print(c.grad, a.grad)
""",
"empty_bool_cumulative_in_place": _TRY + """
for x in [torch.tensor([], dtype=torch.bool), torch.zeros(0, 2, dtype=torch.bool), torch.tensor([True, False])]:
    t(lambda: x.clone().cumprod_(0)); t(lambda: x.clone().cumsum_(0)); t(lambda: x.cumsum(0))
    t(lambda: torch.cumsum(x, 0, dtype=torch.bool))
""",
"cumsum_of_negative_zeros": """
x = torch.tensor([-0.0, -0.0, 1., -1., -0.])
print(x.cumsum(0).tolist(), x.float().cumsum(0).tolist(), x.half().cumsum(0).tolist(), torch.cumsum(x, 0, dtype=torch.float32).tolist())
print(torch.tensor([-0.]).cumsum(0).item(), torch.tensor(-0.).cumsum(0).item(), torch.tensor(-0.).cumsum_(0).item())
y = x.clone()
y.cumsum_(0)
print(y.tolist(), (x % x).cumsum(0).tolist())
""",
"cosine_similarity_converts_and_expands_first": """
F = torch.nn.functional
def t(f):
    try:
        r = f()
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda: F.cosine_similarity(torch.tensor(3), torch.eye(3), dim=-1))
t(lambda: F.cosine_similarity(torch.tensor([1, 2]), torch.tensor([2, 3]), dim=0))
t(lambda: F.cosine_similarity(torch.tensor([1, 2]), torch.tensor([2., 3.]), dim=0))
t(lambda: F.cosine_similarity(torch.tensor([True, False]), torch.tensor([2., 3.]), dim=0))
t(lambda: F.cosine_similarity(torch.ones(2, 3), torch.ones(3, 2)))
t(lambda: F.cosine_similarity(torch.ones(0, 3), torch.ones(1, 3)))
x = torch.tensor([1., 2.], requires_grad=True)
y = F.cosine_similarity(x, torch.tensor([[1., 2.], [3., 4.]]), dim=-1)
print(y, y.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].name())
y.sum().backward()
print(x.grad)
""",
"autograd_grad_arguments": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([3., 4., 5.], requires_grad=True)
c = torch.tensor(2., requires_grad=True)
t(lambda: torch.autograd.grad((a * 2).sum(), [a, b], allow_unused=True, materialize_grads=True))
t(lambda: torch.autograd.grad((a * 2).sum(), [a, b], materialize_grads=True))
t(lambda: torch.autograd.grad((a * 2).sum(), [a, b], allow_unused=False, materialize_grads=True))
t(lambda: torch.autograd.grad((a * 2).sum(), [b]))
t(lambda: torch.autograd.grad((a * 2).sum(), b, allow_unused=True))
t(lambda: torch.autograd.grad((a * 2).sum(), a.detach()))
t(lambda: torch.autograd.grad((a * 2), a))
t(lambda: torch.autograd.grad((a * 2), a, grad_outputs=torch.ones(2)))
t(lambda: torch.autograd.grad((a * 2), a, grad_outputs=torch.ones(3, dtype=torch.float64)))
t(lambda: torch.autograd.grad((a * 2), a, grad_outputs=torch.ones(3), is_grads_batched=False))
t(lambda: torch.autograd.grad([(a * 2).sum(), (b * 3).sum()], [a, b]))
t(lambda: torch.autograd.grad([(a * 2).sum(), (b * 3).sum()], [a, b], grad_outputs=[None, torch.tensor(2.)]))
t(lambda: torch.autograd.grad(a.sum(), a, create_graph=True))
t(lambda: torch.autograd.grad(c * c, c, create_graph=True)[0].grad_fn)
y = (a * a).sum()
t(lambda: torch.autograd.grad(y, a))
t(lambda: torch.autograd.grad(y, a))
y = (a * b).sum()
y.backward(inputs=[a])
print(a.grad, b.grad)
y = (a * b).sum()
t(lambda: y.backward(inputs=[]))
t(lambda: y.backward(inputs=a))
print(a.grad)
t(lambda: (a * b).sum().backward(inputs=[a.detach()]))
t(lambda: torch.autograd.backward([(a * b).sum()], inputs=[b]))
print(b.grad)
t(lambda: torch.autograd.backward((a * b).sum(), grad_tensors=torch.tensor(2.)))
print(a.grad, b.grad)
t(lambda: torch.autograd.backward([(a * b), (a + b)], grad_tensors=[torch.ones(3), None]))
t(lambda: (a * b).backward(torch.ones(3), retain_graph=False, create_graph=False, inputs=(a,)))
print(a.grad)
t(lambda: torch.autograd.grad(torch.tensor(1.), a))
t(lambda: torch.autograd.grad((a * 2).sum(), torch.tensor(1.)))
t(lambda: torch.autograd.grad((a * 2).sum(), []))
t(lambda: torch.autograd.grad([], [a]))
""",
"backward_inputs_retain_and_run_their_nodes": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = torch.tensor([1., 2., 3.], requires_grad=True)
h = a * 2
(h * h).sum().backward(inputs=[h])
print(h.grad, h.retains_grad, a.grad)
(h * 1).sum().backward(inputs=[h, a])
print(h.grad, h.retains_grad, a.grad)
t(lambda: (a * 2).sum().backward(inputs=[a.detach()]))
t(lambda: (a * 2).sum().backward(inputs=[torch.ones(2)]))
t(lambda: torch.autograd.backward([(a * 2).sum()], inputs=[]))
t(lambda: torch.autograd.backward([(a * 2).sum()], inputs=a))
t(lambda: torch.autograd.grad((a * 2).sum(), {'x': a}))
t(lambda: torch.autograd.grad((a * 2).sum(), a, only_inputs=False))
z = torch.autograd.grad((a * 2).sum(), [a, torch.ones(1, requires_grad=True)], allow_unused=True, materialize_grads=True, create_graph=True)
print(z, z[1].requires_grad)
""",
"backward_inputs_post_hooks_see_what_is_computed": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = torch.tensor([1., 2., 3.], requires_grad=True)
h = a * 2
(h * h).sum().backward(inputs=[h])
print(h.grad, h.retains_grad, a.grad)
t(lambda: (h * 1).sum().backward(inputs=[h, a]))
h = a * a
g = h.exp()
g.sum().backward(inputs=[h, a], retain_graph=True)
print(h.grad, a.grad, h.retains_grad)
g.sum().backward(inputs=[h])
print(h.grad, a.grad)
t(lambda: g.sum().backward(inputs=[a]))
b = torch.tensor([1., 2.], requires_grad=True)
c = b.exp()
c.register_hook(lambda g: print('hook c', g))
c.grad_fn.register_hook(lambda gi, go: print('post', gi, go))
d = c.sin()
d.sum().backward(inputs=[c])
print(c.grad, b.grad)
""",
"bool_pow_and_empty_integer_division": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
bo = torch.tensor([True, False, True])
e = torch.tensor([], dtype=torch.int32)
t(lambda: bo ** bo); t(lambda: torch.pow(True, bo)); t(lambda: True ** bo); t(lambda: bo ** True); t(lambda: bo ** False)
t(lambda: bo.pow(bo)); t(lambda: bo.clone().pow_(bo)); t(lambda: bo.clone().pow_(True)); t(lambda: torch.pow(bo, torch.tensor(True)))
t(lambda: torch.div(e, 0, rounding_mode='floor')); t(lambda: torch.fmod(e, 0)); t(lambda: e % 0); t(lambda: e // 0)
t(lambda: e.clone().fmod_(0)); t(lambda: torch.div(e, 0, rounding_mode='trunc')); t(lambda: torch.zeros(0, 2, dtype=torch.int64) % torch.zeros(2, dtype=torch.int64))
t(lambda: torch.tensor([1, 2]) % 0); t(lambda: torch.tensor([], dtype=torch.bool) % True)
""",
"keyword_and_number_first_spellings": """def t(f):
    try:
        r = f()
        print(r, getattr(r, 'grad_fn', None))
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = torch.tensor([[1., -2., 3.], [0.5, 0., -1.]], requires_grad=True)
i = torch.tensor([1, 2, 3])
bo = torch.tensor([True, False, True])
for x in [a, i, bo, torch.tensor(2.5), torch.tensor([], dtype=torch.int32)]:
    for o in [2, -1.5, True, 0]:
        t(lambda: torch.add(input=x, other=o, alpha=2))
        t(lambda: torch.pow(input=x, exponent=o))
        t(lambda: torch.pow(self=o, exponent=x))
        t(lambda: torch.mul(o, x))
        t(lambda: torch.sub(o, x))
        t(lambda: torch.where(x > 0, o, x))
        t(lambda: x.sub(other=o, alpha=o))
        t(lambda: torch.maximum(x, torch.tensor(o)))
        t(lambda: torch.div(x, o, rounding_mode='floor'))
        t(lambda: torch.clamp(x, min=torch.tensor(o)))
        t(lambda: x.masked_fill(mask=x > 0, value=o))
        t(lambda: torch.fmod(x, other=o))
        t(lambda: x.pow(exponent=o))
        t(lambda: x.lerp(x, o))
        t(lambda: x.new_full((2,), o))
        t(lambda: torch.full_like(x, o))
""",
"no_grad_views_of_views_written": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
a = torch.tensor([1., 2., 3., 4.], requires_grad=True)
with torch.no_grad():
    v = a[0:]
    v[...] = 2.5
print(a, a._version, v._version, v.requires_grad)
t(lambda: v.grad_fn)
with torch.no_grad():
    a.view(-1)[::2][0:1].mul_(3)
print(a, a._version)
with torch.no_grad():
    w = a.view(-1)
t(lambda: w.mul_(2))
t(lambda: w[::2].mul_(2))
with torch.no_grad():
    u = a.unsqueeze(0)[0]
print(u.requires_grad, u.grad_fn, u._is_view(), u._base is a)
d = a.detach()[0:]
d.add_(1)
print(a, a._version, d._version)
h = a * 1
n = h[None][0][...]
n.mul_(2)
print(n.grad_fn, h.grad_fn, n._version, h._version)
n.sum().backward()
print(a.grad)
with torch.no_grad():
    x = h[1:]
t(lambda: x.add_(1))
print(h, h.grad_fn)
with torch.no_grad():
    x = h[1:][::2]
    x.zero_()
print(h, h.grad_fn, x.requires_grad)
t(lambda: x.grad_fn)
t(lambda: h.sum().backward())
y = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    yv = y[:1]
t(lambda: yv.copy_(torch.tensor([5.])))
with torch.enable_grad():
    t(lambda: yv.copy_(torch.tensor([5.])))
with torch.inference_mode():
    iv = torch.ones(3)[1:]
t(lambda: iv.add_(1))
print(iv)
t(lambda: iv.requires_grad_())
""",
"custom_functions_non_tensor_args_and_non_differentiable": """def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        ctx.set_materialize_grads(False)
        i = x.flatten().argmax()
        ctx.mark_non_differentiable(i)
        return x * k, i
    @staticmethod
    def backward(ctx, g, gi):
        print('Scale.backward', g, gi, ctx.needs_input_grad)
        return None if g is None else g * ctx.k, None
a = torch.tensor([1., 3., 2.], requires_grad=True)
y, i = Scale.apply(a, 2.0)
print(y, i, i.requires_grad, y.grad_fn, i.grad_fn)
y.sum().backward()
print(a.grad)
y, i = Scale.apply(a, 2.0)
t(lambda: i.sum().backward())
t(lambda: torch.autograd.grad(y.sum(), a))
y, i = Scale.apply(torch.tensor([1., 2.]), 3)
print(y, i, y.requires_grad)
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, y)
        return x + y, x * y
    @staticmethod
    def backward(ctx, g1, g2):
        x, y = ctx.saved_tensors
        print('Two.backward', g1, g2, ctx.needs_input_grad)
        return g1 + g2 * y, g1 + g2 * x
b = torch.tensor([1., 2.], requires_grad=True)
c = torch.tensor([3., 4.])
s, p = Two.apply(b, c)
print(s, p, s.grad_fn, p.grad_fn is s.grad_fn)
p.sum().backward()
print(b.grad)
s, p = Two.apply(b, c)
(s + p).sum().backward()
print(b.grad)
t(lambda: Two.apply(b, 2.0))
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g, g
t(lambda: Bad.apply(b).sum().backward())
class Shape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g.sum()
t(lambda: Shape.apply(b).sum().backward())
print(b.grad)
class View(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.view(-1)
    @staticmethod
    def backward(ctx, g):
        return g
v = View.apply(b)
print(v, v._is_view(), v.grad_fn)
t(lambda: v.mul_(2))
class Once(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.exp()
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * x.exp()
o = Once.apply(b)
gr, = torch.autograd.grad(o.sum(), b, create_graph=True)
print(gr, gr.grad_fn)
gr.sum().backward()
print(b.grad)
""",
"cross_entropy_same_shape_is_probabilities": """F = torch.nn.functional
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
torch.manual_seed(0)
for x, y in [(torch.randn(0), torch.zeros(0, dtype=torch.int64)), (torch.randn(3), torch.zeros(3, dtype=torch.int64)),
             (torch.randn(3), torch.zeros(1, dtype=torch.int64)), (torch.randn(3), torch.tensor(1)), (torch.randn(3), torch.rand(3)),
             (torch.randn(2, 3), torch.zeros(2, dtype=torch.int64)), (torch.randn(2, 3), torch.rand(2, 3)), (torch.randn(2, 3), torch.rand(3)),
             (torch.randn(2, 3), torch.zeros(2, 3, dtype=torch.int64)), (torch.randn(2, 3), torch.zeros(2, 3, dtype=torch.bool))]:
    t(lambda: F.cross_entropy(x, y))
t(lambda: F.cross_entropy(torch.randn(2, 3), torch.rand(2, 3), ignore_index=1))
t(lambda: F.cross_entropy(torch.randn(2, 3), torch.rand(2, 3), ignore_index=-5))
""",
"pooling_gradients_under_create_graph": """F = torch.nn.functional
x = torch.arange(16.).reshape(1, 1, 4, 4).requires_grad_()
for f in [lambda x: F.avg_pool2d(x, 2), lambda x: F.max_pool2d(x, 2), lambda x: F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=False),
          lambda x: F.adaptive_max_pool2d(x, (2, 3)), lambda x: F.max_pool1d(x[0], 2), lambda x: F.avg_pool1d(x[0], 2), lambda x: F.avg_pool2d(x, 2, divisor_override=3)]:
    y = f(x)
    g, = torch.autograd.grad((y * y).sum(), x, create_graph=True)
    print(g.grad_fn, [(n[0].name() if n[0] is not None else None) for n in g.grad_fn.next_functions])
    gg, = torch.autograd.grad((g * g).sum(), x)
    print(gg)
    y = f(x)
    y.sum().backward()
    print(x.grad)
v1 = torch.tensor([[[-1.0, -0.5, -0.75], [4.0, 2.0, -2.5]]], requires_grad=True)
v3 = torch.nn.functional.avg_pool2d(v1.float()[None], 1, stride=1)
print(torch.autograd.grad(v3.sum(), [v1], create_graph=True, retain_graph=True))
for size in [(3, 2), (2, 2), 1]:
    y = F.adaptive_avg_pool2d(x, size)
    g, = torch.autograd.grad((y * y).sum(), x, create_graph=True)
    print(g.grad_fn, [(n[0].name() if n[0] is not None else None) for n in g.grad_fn.next_functions])
    gg, = torch.autograd.grad((g * g).sum(), x)
    print(gg)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round7_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the eighth round's random programs and the known ones the issue listed (issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

_TRY = """
def t(f):
    try:
        r = f()
        print(r, r.dtype, r.shape, r.stride() if isinstance(r, torch.Tensor) else '')
    except Exception as e:
        print(type(e).__name__ + ':', e)
"""

PROGRAMS = {
"cat_stack_memory_format": """
def cl(*s):
    return torch.arange(float(torch.Size(s).numel())).reshape(s[0], s[2], s[3], s[1]).permute(0, 3, 1, 2)
a, c = cl(2, 3, 4, 5), torch.ones(2, 3, 4, 5)
p = torch.ones(3, 4, 5, 2).permute(3, 0, 1, 2)
z = torch.ones(2, 3, 4, 5, 6).permute(0, 4, 1, 2, 3)
for ts in [[a, a], [a, c], [c, a], [p, p], [a, p], [z, z], [z, z[:, :, :, :, :]], [a, torch.ones(0)],
           [torch.ones(2, 1, 3, 3)] * 2, [cl(1, 2, 1, 1), torch.ones(1, 2, 1, 1)], [torch.ones(2, 3, 4).permute(2, 0, 1)] * 2]:
    for d in range(-ts[0].dim(), ts[0].dim()):
        try:
            r = torch.cat(ts, d)
            print('cat', d, r.shape, r.stride(), r.is_contiguous(), r.sum().item())
        except Exception as e:
            print('cat', d, e)
    for d in range(-ts[0].dim() - 1, ts[0].dim() + 1):
        try:
            r = torch.stack(ts, d)
            print('stack', d, r.shape, r.stride(), r[0].sum().item())
        except Exception as e:
            print('stack', d, e)
x = cl(2, 3, 2, 2).requires_grad_()
y = torch.stack([x, x * 2], 1)
y.sum().backward()
print(y.stride(), x.grad.stride(), x.grad.sum())
""",
"div_explicit_rounding_mode": _TRY + """
x = torch.tensor([1.5, -2.5, 3.], requires_grad=True)
w = torch.tensor([2., 4., -1.], requires_grad=True)
xi = torch.tensor([3, -4, 5])
for mode in [None, 'floor', 'trunc', 'x']:
    t(lambda: torch.div(x, 2, rounding_mode=mode).grad_fn); t(lambda: x.div(w, rounding_mode=mode).grad_fn)
    t(lambda: torch.divide(x, 2.5, rounding_mode=mode)); t(lambda: x.clone().div_(2, rounding_mode=mode).grad_fn)
    t(lambda: torch.div(xi, 2, rounding_mode=mode)); t(lambda: xi.clone().div_(2, rounding_mode=mode))
    t(lambda: torch.div(xi, 0, rounding_mode=mode)); t(lambda: torch.div(True, xi, rounding_mode=mode))
    t(lambda: torch.div(torch.tensor([]), 2., rounding_mode=mode))
    if mode != 'x':
        y = torch.div(x * 1, w, rounding_mode=mode)
        g = y.grad_fn
        print(g.name(), g._saved_self, g._saved_other, g._saved_rounding_mode)
        print(torch.autograd.grad(y.sum(), [x, w], create_graph=True))
        y = (x * 1).div_(w, rounding_mode=mode)
        print(y.grad_fn, y.grad_fn._saved_self, y.grad_fn._saved_other)
t(lambda: torch.div(x, 2).grad_fn); t(lambda: (x / 2).grad_fn); t(lambda: torch.true_divide(x, w).grad_fn)
a = x * 1
y = torch.div(a, w, rounding_mode=None)
a.add_(1)
t(lambda: y.sum().backward())
""",
"losses_of_integer_bool_and_mixed_dtypes": """
F = torch.nn.functional
fs = ['smooth_l1_loss', 'mse_loss', 'huber_loss', 'soft_margin_loss', 'binary_cross_entropy_with_logits',
      'margin_ranking_loss', 'l1_loss']
pairs = [(torch.int64, torch.int64), (torch.bool, torch.bool), (torch.uint8, torch.uint8), (torch.int64, torch.float32),
         (torch.float32, torch.int64), (torch.int32, torch.int64), (torch.float64, torch.float32),
         (torch.float16, torch.float32), (torch.bool, torch.float32), (torch.float32, torch.bool),
         (torch.float16, torch.float16)]
for f in fs:
    for a, b in pairs:
        for red in ['mean', 'sum', 'none']:
            try:
                x = torch.tensor([1, 0, 1, 3]).to(a)
                y = torch.tensor([1, 0, 0, 2]).to(b)
                r = getattr(F, f)(x, y, y, reduction=red) if f == 'margin_ranking_loss' else getattr(F, f)(x, y, reduction=red)
                print(f, a, b, red, r)
            except Exception as e:
                print(f, a, b, red, type(e).__name__, e)
x = torch.tensor([0.5, -1., 2.], requires_grad=True)
for f in fs[:4]:
    y = getattr(F, f)(x, torch.tensor([1., 0., 1.]))
    y.backward()
    print(f, y, y.grad_fn, x.grad)
""",
"loss_gradients_of_mixed_dtypes_and_targets": """
F = torch.nn.functional
for f in ['mse_loss', 'smooth_l1_loss', 'huber_loss', 'l1_loss', 'soft_margin_loss', 'binary_cross_entropy_with_logits']:
    for a, b in [(torch.float32, torch.float32), (torch.float32, torch.float64), (torch.float64, torch.float32),
                 (torch.float16, torch.float32)]:
        for req in ['x', 'y', 'xy']:
            x = torch.tensor([0.5, -1., 2.], dtype=a, requires_grad='x' in req)
            y = torch.tensor([1., 0., 1.], dtype=b, requires_grad='y' in req)
            try:
                r = getattr(F, f)(x, y)
                r.backward()
                print(f, a, b, req, r, x.grad, y.grad)
            except Exception as e:
                print(f, a, b, req, type(e).__name__, e)
x = torch.tensor([0.5, -1., 2.], requires_grad=True)
y = torch.tensor([1., 0., 1.], requires_grad=True)
w, pw = torch.tensor([1., 2., 3.]), torch.tensor([2., 1., .5])
for kw in [{}, {'weight': w}, {'pos_weight': pw}, {'weight': w, 'pos_weight': pw, 'reduction': 'sum'}, {'reduction': 'none'}]:
    y.grad = x.grad = None
    r = F.binary_cross_entropy_with_logits(x, y, **kw)
    r.sum().backward()
    print(x.grad, y.grad)
with torch.no_grad():
    print(F.soft_margin_loss(x, y))
""",
"layer_norm_float32_backward_as_aten": """
F = torch.nn.functional
v1 = torch.tensor([[1.0, 1.0, -1.0], [1.0, 0.0, -2.5]], requires_grad=True)
F.layer_norm(v1, v1.shape[-1:]).sum().backward()
print(v1.grad)
for rows in [[[1., 2., 3.], [0.5, -1., 4.]], [[2., 2., 2., 1.]], [[0., 1.], [3., -3.]]]:
    x = torch.tensor(rows, requires_grad=True)
    w = torch.tensor([1.5] * len(rows[0]), requires_grad=True)
    y = F.layer_norm(x, x.shape[-1:], w, w * 0)
    y.sum().backward()
    print(x.grad.tolist(), w.grad.tolist())
""",
"half_and_bfloat16_mean_round_once": """
torch.manual_seed(0)
for n in [2, 3, 5, 7, 10, 33, 100, 1000]:
    for dt in [torch.float16, torch.bfloat16]:
        x = (torch.randn(n) * 3).to(dt)
        print(x.mean().item(), x.mean(0).item(), x.reshape(1, -1).mean(1).item(), x.mean(dtype=torch.float32).item(),
              x.reshape(-1, 1).mean(0, keepdim=True).tolist(), x.sum().item())
x = torch.tensor([1., 0, 1], dtype=torch.float16, requires_grad=True)
y = x.mean()
y.backward()
print(y, x.grad, torch.tensor([], dtype=torch.float16).mean(), torch.zeros(2, 0, dtype=torch.float16).mean(1))
""",
"to_copy_and_clamp_layouts_of_non_dense_inputs": """
v1 = torch.full((2, 1), 2)
ts = [v1.expand(3, *v1.shape), torch.ones(2, 3).t(), torch.ones(3, 1).t(), torch.ones(2, 3, 4)[:, ::2],
      torch.ones(1, 3).expand(2, 3), torch.ones(2, 3, 4, 5).permute(0, 3, 1, 2)[:, :, ::2],
      torch.ones(3, 4)[:, 1], torch.ones(2, 3, dtype=torch.int64).t(), torch.arange(6).reshape(2, 3).t()[::2],
      torch.ones(1, 2, 3).expand(2, 2, 3)[:, :, 1:], torch.ones(2, 1, 3).expand(2, 4, 3)]
for t in ts:
    for f in [lambda x: x.float(), lambda x: x.double(), lambda x: x.to(torch.int32), lambda x: x.half(),
              lambda x: x.type_as(torch.ones(1, dtype=torch.int8)), lambda x: x.bool(), lambda x: torch.empty_like(x),
              lambda x: x.clone(), lambda x: torch.zeros_like(x, dtype=torch.float64),
              lambda x: x.clamp(min=-0.5, max=0.5), lambda x: x.clamp(-1), lambda x: x.clip(0, 1),
              lambda x: x.clamp(min=torch.tensor(0.5)), lambda x: torch.clamp(x, 0.5, 1.5)]:
        r = f(t)
        print(r.dtype, r.stride(), r.is_contiguous())
e = torch.zeros(0, 3).t()
print(e.double().stride(), e.to(torch.int8).stride(), torch.empty_like(e).stride(), e.clamp(0, 1).stride())
torch.manual_seed(7)
v5 = torch.full((2, 1), 2).expand(3, 2, 1).clamp(min=-0.5, max=0.5)
v5.random_(3)
print(v5.tolist())
""",
"elementwise_outputs_of_channels_last_inputs": """
ts = [torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)[None], torch.arange(24.).reshape(2, 3, 4, 1).permute(0, 3, 1, 2),
      torch.ones(2, 4, 5, 3).permute(0, 3, 1, 2), torch.ones(1, 3).t(), torch.ones(2, 1, 3, 1), torch.ones(2, 3, 4).permute(2, 0, 1)]
for t in ts:
    print(t.stride(), [f(t).stride() for f in [lambda x: x.exp(), lambda x: x + x, lambda x: -x, lambda x: x.sin(),
        lambda x: x.abs(), lambda x: x.double(), lambda x: x.relu(), lambda x: x.sigmoid(), lambda x: x > 0,
        lambda x: torch.where(x > 1, x, 0.), lambda x: x.tanh(), lambda x: x * 2, lambda x: x * x.clone()]])
""",
"keywords_out_and_stale_no_grad_views": _TRY + """
x = torch.ones(2, 3, requires_grad=True)
t(lambda: x.view(size=(-1,))); t(lambda: x.reshape(shape=(3, 2))); t(lambda: torch.reshape(x, shape=(6,)))
t(lambda: x.view(size=[3, 2]).grad_fn); t(lambda: x.view(size=-1));
for kind in ['leaf', 'nonleaf', 'view', 'nograd']:
    for call in [lambda: torch.zeros(3, out=u), lambda: torch.ones(3, out=u), lambda: torch.full((3,), 2., out=u),
                 lambda: torch.empty(3, out=u), lambda: torch.rand(3, out=u), lambda: torch.randn(3, out=u),
                 lambda: torch.arange(3, out=u), lambda: torch.linspace(0, 1, 3, out=u), lambda: torch.randint(0, 5, (3,), out=u)]:
        y = torch.ones(3, requires_grad=True)
        u = y if kind == 'leaf' else y * 1 if kind == 'nonleaf' else (y * 1)[:] if kind == 'view' else torch.ones(3)
        v0 = u._version
        torch.manual_seed(0)
        try:
            r = call()
            print(kind, r is u, u, u._version - v0, u.grad_fn)
        except Exception as e:
            print(kind, type(e).__name__, e)
torch.manual_seed(7)
v2 = torch.rand(1, 3, requires_grad=True)
with torch.no_grad():
    v6 = v2[0:]
    v6[...] = -2
print(v2._version, v6.retains_grad, v6.grad, v6.requires_grad)
t(lambda: v6.grad_fn)
""",
"random_creation_into_a_non_contiguous_out": """
for shape in [(3, 2), (4, 5), (2, 10)]:
    for f in ['normal_', 'uniform_', 'random_']:
        x = torch.empty(*shape).t()
        torch.manual_seed(0)
        getattr(x, f)() if f != 'random_' else x.random_(0, 5)
        print(f, x.tolist())
    x = torch.empty(*shape).t(); torch.manual_seed(0); print(torch.randn(x.shape, out=x).tolist())
    x = torch.empty(*shape).t(); torch.manual_seed(0); print(torch.rand(x.shape, out=x).tolist())
    x = torch.empty(*shape).t(); torch.manual_seed(0); print(torch.randint(0, 5, x.shape, out=x).tolist())
    x = torch.empty(*shape).t(); torch.manual_seed(0); print(torch.randint(5, x.shape, out=x).tolist())
""",
"index_copy_checks_and_random_fills_of_empty_or_integer_tensors": _TRY + """
for dt in [torch.bool, torch.int64, torch.float32]:
    for k in range(5):
        o = torch.zeros(0, dtype=dt)
        torch.manual_seed(0)
        t(lambda: [lambda: torch.randn(0, out=o), lambda: torch.rand(0, out=o), lambda: torch.randint(0, 3, (0,), out=o),
                   lambda: torch.zeros(0, out=o), lambda: torch.full((0,), 2, out=o)][k]())
        print(o._version, torch.rand(1).item())
for f in [lambda: torch.rand(3, dtype=torch.int64), lambda: torch.rand(0, dtype=torch.bool), lambda: torch.randn(3, dtype=torch.int64),
          lambda: torch.randn(0, dtype=torch.int32), lambda: torch.zeros(3, dtype=torch.int64).uniform_(),
          lambda: torch.zeros(0, dtype=torch.int64).uniform_(), lambda: torch.zeros(0, dtype=torch.int64).normal_(),
          lambda: torch.zeros(2, dtype=torch.int64).normal_(), lambda: torch.zeros(0).normal_()]:
    t(f)
v1 = torch.tensor([])
t(lambda: v1.index_copy_(0, torch.tensor([0]), v1[:1]))
for src in [torch.ones(1), torch.ones(0), torch.ones(2), torch.ones(1, dtype=torch.int64), torch.tensor(1.)]:
    for dst in [torch.zeros(3), torch.zeros(0), torch.zeros(0, 2)]:
        t(lambda: dst.index_copy_(0, torch.tensor([0]), src)); t(lambda: dst.index_copy(0, torch.tensor([0]), src))
for s, src, idx in [((2, 3, 4), (2, 5, 4), [0]), ((2, 3, 4), (1, 3, 5), [0]), ((3,), 1., [0, 1]), ((3,), (1,), [[0]]),
                    ((3,), (1,), [0.5]), ((2, 3), (2, 1), [2]), ((2, 3), (2, 1), [-1])]:
    t(lambda: torch.zeros(*s).index_copy_(len(s) - 2 if len(s) > 1 else 0, torch.tensor(idx),
                                          torch.ones(*src) if isinstance(src, tuple) else torch.tensor(src)))
""",
"pairwise_distance_is_aten_norm": """
x = torch.ones(2,3, requires_grad=True)
for f in [lambda: torch.nn.functional.pairwise_distance(x, x*2), lambda: torch.nn.functional.pairwise_distance(x, x*2, p=1, keepdim=True), lambda: torch.nn.functional.pairwise_distance(torch.ones(3, requires_grad=True), torch.ones(3)), lambda: torch.nn.functional.pairwise_distance(x, torch.zeros(3), p=3)]:
    y = f(); g = y.grad_fn
    print(y, g.name(), g._saved_dim, g._saved_keepdim, g._saved_p, g._saved_result, g._saved_self, [n[0].name() for n in g.next_functions])
    y.sum().backward(); print(x.grad)
print(torch.nn.functional.pairwise_distance(torch.tensor([[1, 2]]), torch.tensor([[3, 5]])))
print(torch.nn.functional.pairwise_distance(torch.tensor([[1., 2]]).double(), torch.tensor([[3, 5]])))
print(torch.nn.PairwiseDistance()(x, x * 3))
""",
"selections_check_shapes_before_the_bool_dispatch": """
for x in [torch.tensor(True), torch.tensor([True, False]), torch.tensor(3), torch.tensor([2, 1]), torch.tensor(2.5), torch.tensor([], dtype=torch.bool), torch.tensor(True).float()]:
    for f in [lambda: x.kthvalue(1), lambda: x.kthvalue(1, -1), lambda: x.median(), lambda: x.median(0), lambda: x.mode(0), lambda: x.topk(1), lambda: x.sort(), lambda: x.msort() if x.dim() else 0, lambda: x.nanmedian(), lambda: x.kthvalue(2, 0, True)]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
""",
"lerp_promotes_integers_with_a_float_0dim_weight": """
for a, b, w in [(torch.tensor([], dtype=torch.int64), torch.tensor([], dtype=torch.int64), torch.tensor(1.5)), (torch.tensor([], dtype=torch.int64), torch.tensor([], dtype=torch.int64), 0.5), (torch.tensor([1]), torch.tensor([2]), 0.5), (torch.tensor([1]), torch.tensor([2]), torch.tensor(0.5)), (torch.tensor([]), torch.tensor([], dtype=torch.int64), 0.5), (torch.tensor([1]), torch.tensor([2]), torch.tensor([0.5])), (torch.tensor([1.]), torch.tensor([2.]), torch.tensor(1, dtype=torch.int64)), (torch.tensor([1.]), torch.tensor([2.]).double(), 0.5), (torch.tensor([1.]), torch.tensor([2.]), torch.tensor(0.5).double()), (torch.tensor([1], dtype=torch.int32), torch.tensor([2], dtype=torch.int32), torch.tensor(0.5).double()), (torch.tensor(True), torch.tensor(False), torch.tensor(0.5))]:
    try:
        r = a.lerp(b, w)
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        r = torch.lerp(a, b, w)
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
for a, b, w in [(torch.tensor([1]), torch.tensor([2]), torch.tensor(0.5)), (torch.tensor([], dtype=torch.int64), torch.tensor([], dtype=torch.int64), torch.tensor(1.5)), (torch.tensor([1.]), torch.tensor([2.]), torch.tensor(0.5).double()), (torch.tensor([1]), torch.tensor([2]), 0.5), (torch.tensor([True]), torch.tensor([False]), torch.tensor(0.5))]:
    try:
        r = a.clone().lerp_(b, w)
        print(r, r.dtype)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.lerp(torch.tensor([0, 1]), torch.tensor([4, 5]), x[0])
print(y, y.grad_fn)
y.sum().backward()
print(x.grad)
""",
"broadcast_first_narrow_of_0dim_and_bool_shifts": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for op in ['sub_', 'add_', 'mul_', 'div_']:
    t(lambda: getattr(torch.zeros(2), op)(torch.ones(1, 12)))
    if op in ('sub_', 'add_'):
        t(lambda: getattr(torch.zeros(2), op)(torch.ones(1, 12), alpha=2))
        t(lambda: getattr(torch.zeros(2, 3), op)(torch.ones(3, 3), alpha=2))
        t(lambda: getattr(torch.zeros(2), op)(torch.ones(3), alpha=0.5))
for a in [torch.tensor([1.5]), torch.tensor([1]), torch.tensor([True])]:
    for b in [torch.tensor(True), torch.tensor(1), True, 1]:
        t(lambda: a << b); t(lambda: a >> b); t(lambda: b << a); t(lambda: a.bitwise_left_shift(b) if isinstance(b, torch.Tensor) else 0)
t(lambda: torch.tensor(2.).narrow(0, 0, 1)); t(lambda: torch.tensor(2.).narrow(-1, 0, 1)); t(lambda: torch.tensor(2.).narrow_copy(0, 0, 1))
""",
"copy_of_a_tensor_with_hooks_warns": """
x = torch.ones(2, requires_grad=True)
h = x.register_hook(lambda g: g * 2)
y = copy.copy(x); print('copy done')
z = copy.deepcopy(x); print('deepcopy done')
a = x * 2
a.register_hook(lambda g: g)
a.grad_fn.register_prehook(lambda g: g)
a.retain_grad()
b = copy.copy(a); print('copy nonleaf')
h.remove()
y = copy.copy(x); print('after remove')
x.register_post_accumulate_grad_hook(lambda p: None)
y = copy.copy(x); print('post accumulate hooks are not backward hooks')
u, v = x.unbind()
v.register_hook(lambda g: g)
copy.copy(u); print('u'); copy.copy(v); print('v')
copy.copy([v]); print('a list is copied shallowly')
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round8_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the ninth round's random programs and the known ones the issue listed (issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch
from test_fidelity_round8 import _TRY  # (t(f): a result's value, dtype, shape and strides, or its error)

PROGRAMS = {
"empty_tensor_layouts": """
v = torch.tensor([], dtype=torch.float64).reshape(-1, 1)
e = torch.empty(0, 3).t()
z = torch.zeros(2, 0, 1, 3).permute(3, 1, 0, 2)
for a in [e, v, z, torch.empty(0, 1, 1), torch.empty(1, 0), torch.empty(2, 1, 0), torch.ones(2, 0, 3)[:, :, ::2]]:
    print(a.is_contiguous(), a.stride())
    for i, f in enumerate([lambda: a.neg(), lambda: a.exp(), lambda: a > 0, lambda: a == a, lambda: a.clamp(0.5),
              lambda: a.pow(2), lambda: torch.where(a > 0, a, 0.), lambda: a + a, lambda: a * torch.ones(1),
              lambda: a.to(torch.int64), lambda: a.abs(), lambda: a.add(1, alpha=2), lambda: a.lerp(a, 0.5),
              lambda: torch.maximum(a, torch.tensor(1.)), lambda: a.float() ** 2, lambda: 2 ** a, lambda: a.eq(1),
              lambda: a.isnan(), lambda: torch.atan2(a, torch.tensor(1.)), lambda: a.clone(), lambda: a.relu(),
              lambda: a.nan_to_num(), lambda: a.mul_(2) * 1, lambda: a.bool() & True, lambda: a / 2, lambda: a * 2.5,
              lambda: a.floor_divide(torch.tensor(0.5)), lambda: a.floor_divide(2), lambda: torch.floor_divide(a, a),
              lambda: a.remainder(torch.tensor(0.5)), lambda: a.fmod(0.5), lambda: a.div(2, rounding_mode='floor'),
              lambda: a.to(torch.int64) // 2, lambda: a.lerp(a, torch.tensor(0.5))]):
        r = f()
        print(i, r.shape, r.stride(), r.is_contiguous())
""",
"bitwise_ops_keep_the_operands_layout": """
for a in [torch.ones(2, 3, dtype=torch.bool).t(), torch.arange(6).reshape(2, 3).t(),
          torch.ones(1, 3, dtype=torch.int32)[:, ::2], torch.ones(2, 1, 3, dtype=torch.bool).permute(2, 1, 0)]:
    for f in [lambda: a & True, lambda: a | a, lambda: a ^ 1, lambda: True & a, lambda: a & a.t().t(),
              lambda: a.bitwise_and(a.contiguous()), lambda: a.bitwise_or(torch.tensor(True)),
              lambda: torch.bitwise_xor(a, a), lambda: a & torch.ones(a.shape[-1], dtype=a.dtype)]:
        r = f()
        print(r.shape, r.stride(), r.dtype, r.sum().item())
""",
"unique_nodes_raise_only_when_their_gradient_is_needed": _TRY + """
x = torch.tensor([1., 2., 2.], requires_grad=True)
for mk in [lambda: (x * 1).unique(), lambda: (x * 1).unique(dim=0), lambda: (x * 1).unique_consecutive(), lambda: torch.unique(x * 1, return_counts=True)[0],
           lambda: (x * 1) // 2, lambda: torch.bernoulli(x * 0 + 0.5), lambda: torch.ones(3).bincount(x * 1), lambda: 3 % (x * 1)]:
    try:
        u = mk()
    except Exception as e:
        print('make', type(e).__name__, e); continue
    print(u.requires_grad, u.grad_fn)
    t(lambda: u.sum().backward(inputs=[u])); print(u.grad)
    t(lambda: (u * 2).sum().backward(inputs=[u])); print(u.grad)
    t(lambda: torch.autograd.grad((u * 2).sum(), [u]))
    t(lambda: torch.autograd.grad((u * 2).sum(), [x]))
    t(lambda: u.sum().backward())
print(x.grad)
y = (x * 1).unique_consecutive(dim=0)
print(y.grad_fn, y.grad_fn.next_functions, torch.unique_consecutive(x * 2, return_counts=True)[1].requires_grad)
""",
"pooling_input_checks_and_kernel_types": _TRY + """
F = torch.nn.functional
for s in [(), (1,), (2,2), (3,4), (1,2,1,3,4), (1,2,1,3,4,4), (2,3,3), (0,3,3), (1,0,3), (3,0,3,3)]:
    x = torch.ones(s) if s else torch.tensor(1.)
    for k in [1, 2]:
        t(lambda: F.avg_pool1d(x, k)); t(lambda: F.avg_pool2d(x, k, stride=1)); t(lambda: F.avg_pool3d(x, k))
        t(lambda: F.max_pool1d(x, k)); t(lambda: F.max_pool2d(x, k)); t(lambda: F.max_pool3d(x, k))
        t(lambda: F.max_pool2d(x, k, return_indices=True)); t(lambda: F.max_pool1d(x, k, return_indices=True))
        t(lambda: F.lp_pool2d(x, 2, k)); t(lambda: F.lp_pool1d(x, 2, k))
        t(lambda: F.adaptive_avg_pool2d(x, k)); t(lambda: F.adaptive_max_pool2d(x, k)); t(lambda: F.adaptive_avg_pool1d(x, k))

x = torch.ones(2, 5)
xr = torch.ones(2, 5, requires_grad=True)
for a in [x, xr, torch.ones(2, 0), torch.ones(0, 5), torch.ones(0, 2, 5), torch.ones(2, 0, 5), torch.ones(0, 0, 5), torch.ones(2,3,0)]:
  for ri in [False, True]:
    t(lambda: F.max_pool1d(a, 0, return_indices=ri)); t(lambda: F.max_pool1d(a, 2, 0, return_indices=ri)); t(lambda: F.max_pool1d(a, 2, padding=2, return_indices=ri))
    t(lambda: F.max_pool1d(a, 2, dilation=0, return_indices=ri)); t(lambda: F.max_pool1d(a, 9, return_indices=ri)); t(lambda: F.max_pool1d(a, (2, 2), return_indices=ri))
    t(lambda: F.max_pool1d(a, 2, return_indices=ri)); t(lambda: F.max_pool1d(a, 2, padding=-1, return_indices=ri))
  t(lambda: F.avg_pool1d(a, 0)); t(lambda: F.avg_pool1d(a, 2, 0)); t(lambda: F.avg_pool1d(a, 2, padding=2)); t(lambda: F.avg_pool1d(a, 9)); t(lambda: F.avg_pool1d(a, 2))
  t(lambda: F.lp_pool1d(a, 2, 2)); t(lambda: F.lp_pool1d(a, float('inf'), 2))

a = torch.ones(2, 5)
for ri in [False, True]:
    t(lambda: F.max_pool1d(a, 2, (1, 1), return_indices=ri)); t(lambda: F.max_pool1d(a, 2, padding=(1, 1), return_indices=ri))
    t(lambda: F.max_pool1d(a, 2, dilation=(1, 1), return_indices=ri)); t(lambda: F.max_pool1d(a, [], return_indices=ri))
    t(lambda: F.max_pool1d(a, 2, [], return_indices=ri)); t(lambda: F.max_pool1d(a, 2, padding=[], return_indices=ri))
    t(lambda: F.max_pool1d(a, 3, 2, 1, ceil_mode=True, return_indices=ri)); t(lambda: F.max_pool1d(torch.ones(2, 1), 2, 2, 1, ceil_mode=True, return_indices=ri))
    t(lambda: F.max_pool1d(torch.ones(2, 1), 3, 1, 1, dilation=2, return_indices=ri))
    t(lambda: F.max_pool1d(torch.tensor([[1., float('nan'), 2.]]), 2, 1, return_indices=ri))
    t(lambda: F.max_pool1d(torch.tensor([[1, 3, 2]]), 2, 1, return_indices=ri))
    t(lambda: F.max_pool1d(torch.tensor([[True, False]]), 2, 1, return_indices=ri))
    t(lambda: F.max_pool1d(torch.ones(2, 5), 2, 1, 1, 2, return_indices=ri))
t(lambda: F.avg_pool1d(a, (2, 2))); t(lambda: F.avg_pool1d(a, 2, (1, 1))); t(lambda: F.avg_pool1d(a, 2, padding=(1, 1))); t(lambda: F.avg_pool1d(a, []))
t(lambda: F.avg_pool1d(a, 0)); t(lambda: F.avg_pool1d(a, 2, 0)); t(lambda: F.avg_pool1d(a, 2, padding=-1)); t(lambda: F.avg_pool1d(torch.ones(2), 0))
t(lambda: F.avg_pool1d(torch.ones(2), (1, 2)))
t(lambda: F.max_pool1d(torch.ones(2), (1, 2)))
t(lambda: F.max_pool1d(torch.ones(2), (1, 2), return_indices=True))

for dt in [torch.bool, torch.uint8, torch.int32, torch.int64, torch.float16, torch.bfloat16]:
    x5 = torch.ones(1, 2, 2, 2, 2).to(dt)
    x4 = torch.ones(2, 2, 2, 2).to(dt)
    t(lambda: F.avg_pool3d(x5, 1)); t(lambda: F.max_pool3d(x5, 1)); t(lambda: F.adaptive_max_pool3d(x5, 1))
    t(lambda: F.adaptive_avg_pool3d(x5, 1))
    t(lambda: F.max_pool2d(torch.ones(2, 2).to(dt), 1)); t(lambda: F.max_pool2d(x4, 3)); t(lambda: F.avg_pool2d(x4, 3)); t(lambda: F.avg_pool3d(x4, 3))
    t(lambda: F.max_pool2d(torch.ones(0, 2, 2, 2).to(dt), 1)); t(lambda: F.avg_pool2d(torch.ones(0, 2, 2, 2).to(dt), 1)); t(lambda: F.adaptive_max_pool2d(torch.ones(0, 2, 2, 2).to(dt), 1))
    t(lambda: F.adaptive_max_pool2d(torch.ones(2, 2).to(dt), 1)); t(lambda: F.avg_pool2d(x4, 1, divisor_override=0)); t(lambda: F.max_unpool2d(x4, torch.zeros(2, 2, 2, 2, dtype=torch.int64), 1))
    t(lambda: F.lp_pool2d(x4, 2, 1)); t(lambda: F.max_pool1d(torch.ones(2, 2).to(dt), 1, return_indices=True)); t(lambda: F.adaptive_max_pool1d(torch.ones(2, 2).to(dt), 1))
    t(lambda: F.avg_pool3d(torch.ones(0, 2, 2, 2, 2).to(dt), 1)); t(lambda: F.max_pool3d(torch.ones(0, 2, 2, 2, 2).to(dt), 1))
""",
"clamp_inplace_cast_error_names_by_overload": _TRY + """
for dt in [torch.int64, torch.int32, torch.uint8, torch.bool, torch.float16, torch.int16]:
    a = torch.tensor([[1, 2, 3]]).to(dt)
    for o in [torch.tensor([[1.5, 0.5, 2.5]]), torch.tensor(1.5), 1.5, torch.tensor([2.]).double(), torch.tensor([1]), 2]:
        t(lambda: a.clone().clamp_max_(o)); t(lambda: a.clone().clamp_min_(o)); t(lambda: a.clone().clamp_(o, o)); t(lambda: a.clone().clamp_(min=o))
        t(lambda: a.clone().clamp_(max=o)); t(lambda: a.clone().clip_(o))
a = torch.tensor([1, 2, 3])
t(lambda: a.clone().clamp_(torch.tensor(1.5), 2)); t(lambda: a.clone().clamp_(1, torch.tensor(2.5))); t(lambda: a.clone().clamp_(None, torch.tensor(2.5)))
t(lambda: a.clone().clamp_(1.5, None)); t(lambda: a.clone().clamp_(1.5, 2)); t(lambda: a.clone().clamp_(1, 2.5)); t(lambda: a.clone().clamp_min_(True)); t(lambda: a.bool().clamp_min_(2))
t(lambda: a.clone().clamp_(torch.tensor(1.5), torch.tensor(2.5)))
""",
"softshrink_zero_sign_and_nan_by_loop_body": """
F = torch.nn.functional
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    x = torch.tensor([-0.3, 0.3, -0.0, 0.0, -0.5, 0.5, -2., 2., float('nan'), float('-inf')] * 2).to(dt)
    for y in [F.softshrink(x, 0.5), F.hardshrink(x, 0.5), F.softshrink(x, 0.), F.hardshrink(x, 0.), torch.nn.Softshrink(0.4)(x), F.softshrink(x[::2], 0.5), F.tanhshrink(x), F.threshold(x, 0.5, -0.), F.threshold(x, -1., 0.)]:
        print(y, [str(v) for v in y.tolist()])
xr = torch.tensor([-0.3, 0.3, 1.], requires_grad=True)
F.softshrink(xr).sum().backward(); print(xr.grad)
y = F.softshrink(xr * 1, 0.5); g, = torch.autograd.grad(y.sum(), xr, create_graph=True); print(g)
for dt in [torch.float32, torch.float64]:
    for n in [4, 8, 12, 16, 20, 32, 40, 70]:
        y = F.softshrink(torch.full((n,), -0.3, dtype=dt))
        print(dt, n, ''.join('-' if str(v) == '-0.0' else '+' for v in y.tolist()))
    y = F.softshrink(torch.full((3, 20), -0.3, dtype=dt)[:, 1:])
    print(''.join('-' if str(v) == '-0.0' else '+' for v in y.flatten().tolist()))
    print(F.softshrink(torch.arange(12, dtype=dt).log_softmax(-1), 0.5))
""",
"creation_out_fills_an_expanded_tensor": """
def t(f):
    try:
        torch.manual_seed(0)
        v = torch.zeros(3).expand(2, 3)
        r = f(v)
        print(r.shape, r.stride(), r.tolist(), v._version)
    except Exception as e:
        print(type(e).__name__ + ':', e)
t(lambda v: torch.zeros(v.shape, out=v)); t(lambda v: torch.ones(v.shape, out=v)); t(lambda v: torch.full(v.shape, 2., out=v))
t(lambda v: torch.empty(v.shape, out=v)); t(lambda v: torch.zeros(2, 3, out=v)); t(lambda v: torch.ones(2, 3, out=v))
t(lambda v: torch.full((2, 3), 2., out=v)); t(lambda v: torch.rand(2, 3, out=v)); t(lambda v: torch.randn(2, 3, out=v))
t(lambda v: torch.eye(2, 3, out=v)); t(lambda v: torch.eye(2, 3, out=torch.zeros(2, 3).t().t())); t(lambda v: torch.randint(0, 3, (2, 3), out=v))
t(lambda v: v.zero_()); t(lambda v: v.fill_(3)); t(lambda v: v.fill_(torch.tensor(2.))); t(lambda v: v.copy_(torch.ones(3)))
t(lambda v: v.add_(1)); t(lambda v: v.masked_fill_(torch.tensor(True), 1.))
w = torch.zeros(2, 3)
print(torch.eye(2, 3, out=w), w._version, torch.ones(2, 2, out=w[:, 1:]), w, w._version)
""",
"mark_dirty_leaf_check_reads_the_stored_grad_fn": """
class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.mark_dirty(x)
        return x.mul_(2)
    @staticmethod
    def backward(ctx, g):
        return g * 2
for v1 in [torch.tensor([], requires_grad=True), torch.tensor([1., 2.], requires_grad=True), torch.ones(2, 2, requires_grad=True)]:
    with torch.no_grad():
        v2 = v1.t()
        v3 = v1[:1]
    print(v2.requires_grad, v2.is_leaf, v2._is_view(), v3.requires_grad, v3.is_leaf)
    for v in [v2, v3]:
        try:
            v4 = Twice.apply(v)
            print(v4, v4.grad_fn)
        except Exception as e:
            print(type(e).__name__, e)
        try:
            v.mul_(2)
        except Exception as e:
            print(type(e).__name__, e)
""",
"regenerated_view_node_saves_its_geometry": """
x = torch.ones(3, 4, requires_grad=True) * 1
v = x.t()[1:]; v.mul_(2); g = v.grad_fn
print(g, g.name(), g._saved_size, g._saved_stride, g._saved_storage_offset, g.next_functions)
w = x[1]; x.add_(1); g = w.grad_fn
print(g, g._saved_size, g._saved_stride, g._saved_storage_offset)
g2 = x.as_strided((2, 2), (1, 2), 1).grad_fn; print(g2._saved_size, g2._saved_stride, g2._saved_storage_offset)
g3 = x.as_strided((2, 2), (1, 2)).grad_fn; print(g3._saved_storage_offset)
lin = torch.nn.Linear(1, 2)
v4 = lin(torch.ones(1)); v4.floor_(); print(v4.grad_fn, v4.grad_fn._saved_stride, v4.grad_fn._saved_size, v4.grad_fn._saved_storage_offset)
try:
    print(v4.grad_fn._saved_self)
except AttributeError as e:
    print(e)
""",
"half_scalar_arithmetic_in_backward_formulas": """
v1 = torch.tensor([[[2.243, 0.25, 0.5], [-2.5, -0.3337, -0.75]]])
v3 = torch.cumsum(v1, dim=1).requires_grad_()
h = v3.half()
s = h.std()
print(s.item(), h.mean().item(), (h - h.mean()).tolist(), (torch.ones_like(s) / (s * 2)).item())
print(torch.autograd.grad(s, h, retain_graph=True))
print(h.var().item(), h.std(0).tolist(), h.std(1).tolist(), h.double().std().item())
for n in [3, 6, 7, 12, 17, 33, 100]:
    x = torch.linspace(-2, 3, n).half() ** 2
    print(n, x.std().item(), x.var().item(), x.mean().item(), x.std(0, correction=0).item())
v = torch.tensor([[2.243, 0.25, 0.5, 1.7], [-2.5, -0.3337, -0.75, 3.3]], requires_grad=True)
for f in [lambda h: h.std(), lambda h: h.var(), lambda h: h.std(1), lambda h: h.var(0, correction=0), lambda h: h.mean(),
          lambda h: h.mean(1), lambda h: (h * 0.3).sum(), lambda h: h.pow(3).sum(),
          lambda h: h.sigmoid().sum(), lambda h: h.exp().mean(), lambda h: h.sqrt().sum(), lambda h: h.std_mean()[0]]:
    for dt in [torch.float16, torch.bfloat16]:
        h = v.to(dt)
        y = f(h)
        g, = torch.autograd.grad(y.sum() if y.dim() else y, v)
        print(dt, y.tolist(), g.tolist())
""",
"an_empty_copy_has_an_empty_storage": """
v1 = torch.tensor([])
for f in [lambda: v1.repeat_interleave(2), lambda: v1.unsqueeze(1).expand(0, 2).clone(), lambda: torch.empty(0, 3).t().clone(), lambda: torch.empty(2, 0).expand(3, 2, 0).clone(),
          lambda: torch.empty(0, 3).t().contiguous(), lambda: torch.empty(0, 3).t() * 1, lambda: torch.empty(0, 3).t().float(), lambda: torch.empty(0,3).t().double()]:
    r = f()
    print(r.shape, r.stride(), r.untyped_storage().tolist())
print(torch.empty_strided((3, 0), (1, 3)).untyped_storage().tolist(), torch.tensor(2.).clone().untyped_storage().size())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round9_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found in the fifteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"subtract_with_a_positional_alpha_is_the_scalar_overload": """
x = torch.ones(3, requires_grad=True)
t = torch.tensor(2.0)
i = torch.tensor([1, 2])
for f in [lambda: x.subtract(3), lambda: x.subtract(3, alpha=2), lambda: x.subtract(3, 2), lambda: x.subtract(t, alpha=2),
          lambda: torch.subtract(x, 3, 2), lambda: torch.subtract(x, t, 2), lambda: x.subtract(torch.ones(3), 2),
          lambda: x.subtract(t, t), lambda: x.clone().subtract_(3, 2), lambda: x.clone().subtract_(t, 2),
          lambda: x.double().subtract(3, 2), lambda: x.half().subtract(3, 2.5), lambda: i.subtract(2.5, 2),
          lambda: x.subtract(3, 2).grad_fn.next_functions[0][0].variable is x, lambda: len(x.subtract(3, 2).grad_fn.next_functions),
          lambda: x.subtract(3, 2).grad_fn._saved_alpha, lambda: torch.subtract(x, 2, 3, out=torch.empty(3)),
          lambda: x.subtract(1, True), lambda: i.subtract(1, 1.5), lambda: i.clone().subtract_(1, 2),
          lambda: torch.tensor([True]).subtract(True, 1), lambda: x.subtract(other=2, alpha=3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
y = x.subtract(2, 3)
y.sum().backward()
print(x.grad)
""",
"histogram_dtype_errors_follow_atens_three_dispatches": """
for x in [torch.tensor([True, False]), torch.tensor([], dtype=torch.bool), torch.tensor([1, 2], dtype=torch.int8), torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([[1., 2.]], dtype=torch.float16), torch.tensor([[1., 2.]], dtype=torch.bfloat16), torch.tensor([[1, 2]])]:
    fs = [lambda: torch.histogram(x, bins=3), lambda: torch.histc(x, bins=3), lambda: torch.histogramdd(x, bins=[2]), lambda: torch.histogramdd(x, bins=2),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[2, torch.tensor([0., 1.5, 3.]).to(x.dtype)]),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[torch.tensor([0., 1.5, 3.]).to(x.dtype)] * 2),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[2, 2], range=[0., 1., 0., 1.]),
          lambda: torch.histogram(x, bins=2, weight=torch.ones(3)), lambda: torch.histogram(x, torch.tensor([0., 1.]).to(x.dtype)), lambda: torch.histc(x, 3, 0, 1),
          lambda: torch.histogram(x, bins=2, density=True, range=(0., 4.)),
          lambda: torch.histogramdd(x.reshape(-1, 2).float(), bins=[2, 2], weight=torch.ones(5)),
          ]
    for i, f in enumerate(fs):
        try: r = f(); print(x.dtype, x.numel(), i, r)
        except Exception as e: print(x.dtype, x.numel(), i, type(e).__name__, e)
names = ["hist_bins", "hist_tensor", "histc", "histdd", "hist_range", "histdd_range", "histc_range", "hist_weight"]
for x in [torch.tensor([], dtype=torch.float16), torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([], dtype=torch.bfloat16),torch.tensor([1., 2.], dtype=torch.bfloat16), torch.tensor([], dtype=torch.int64), torch.tensor([1,2]), torch.tensor([], dtype=torch.float64)]:
    fs = [lambda: torch.histogram(x, bins=3), lambda: torch.histogram(x, torch.tensor([0., 1.], dtype=x.dtype)), lambda: torch.histc(x, bins=3), lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2]), lambda: torch.histogram(x, bins=3, range=(0., 1.)), lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2], range=[0., 3.]), lambda: torch.histc(x, bins=3, min=0, max=3), lambda: torch.histogram(x, bins=2, weight=torch.ones_like(x))]
    for n, f in zip(names, fs):
        try: r = f(); print(x.dtype, x.numel(), n, r[0].tolist() if isinstance(r, tuple) else r.tolist())
        except Exception as e: print(x.dtype, x.numel(), n, type(e).__name__, e)
""",
"histogram_checks_run_in_atens_order_with_the_dtype_dispatch_last": """
def t(f):
    try: r = f(); print(r[0] if isinstance(r, tuple) else r)
    except Exception as e: print(type(e).__name__, e)
for x in [torch.tensor([1, 2]), torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([True]), torch.tensor([], dtype=torch.int32), torch.tensor([1., 2.])]:
    t(lambda: torch.histogram(x, torch.tensor([[0, 1]]).to(x.dtype)))
    t(lambda: torch.histogram(x, torch.tensor([0., 1.])))
    t(lambda: torch.histogram(x, torch.tensor([]).to(x.dtype)))
    t(lambda: torch.histogram(x, torch.tensor([1]).to(x.dtype)))
    t(lambda: torch.histogram(x, bins=0))
    t(lambda: torch.histogram(x, bins=-2, range=(0., 1.)))
    t(lambda: torch.histogram(x, bins=2, weight=torch.ones(5)))
    t(lambda: torch.histogram(x, bins=2, range=(2., 1.)))
    t(lambda: torch.histogram(x, bins=2, range=(0., float('inf'))))
    t(lambda: torch.histogramdd(x.reshape(-1, 1), bins=[0]))
    t(lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2, 2]))
    t(lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2], range=[0., 1., 2.]))
    t(lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2], weight=torch.ones(7)))
    t(lambda: torch.histogramdd(x.reshape(-1, 1), bins=[torch.tensor([[0., 1.]]).to(x.dtype)]))
    t(lambda: torch.histc(x, bins=0))
    t(lambda: torch.histc(x, bins=2, min=3, max=1))
    t(lambda: torch.histc(x, bins=2, min=0, max=float('inf')))
""",
"histogram_weights_edges_counts_and_out_as_aten_checks_them": """
def t(f):
    try: r = f(); print(r)
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
x6 = torch.rand(6)
for w in [torch.ones(2,3), torch.ones(5), torch.ones(2,2), torch.tensor(1.), torch.ones(6, dtype=torch.float64)]:
    t(lambda: torch.histogram(x6, bins=2, weight=w))
    t(lambda: torch.histogram(x6, torch.tensor([0., .5, 1.]), weight=w))
for w in [torch.ones(2,3), torch.ones(5), torch.tensor(1.), torch.ones(1), torch.ones(1, dtype=torch.int64)]:
    t(lambda: torch.histogramdd(torch.rand(1, 2), bins=2, weight=w))
    t(lambda: torch.histogramdd(torch.rand(1, 2), bins=[torch.tensor([0., 1.])] * 2, weight=w))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[torch.tensor([0., .5, 1.])] * 3))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[torch.tensor([0., .5, 1.])]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, 2, 2]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, 2], range=[0., 1.]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, 2], range=[0., 1., 1., 0.]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, 0], range=[0., 1., 1., 0.]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, 0]))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, -1]))
t(lambda: torch.histogramdd(torch.rand(4, 2, 3), bins=[2, 1, 3], density=True))
t(lambda: torch.histogram(torch.rand(5, dtype=torch.float64), bins=3, density=True, weight=torch.rand(5, dtype=torch.float64)))
x = torch.rand(5, requires_grad=True)
t(lambda: torch.histogram(x, bins=3))
t(lambda: torch.histc(x, bins=3))
t(lambda: torch.histogram(x, bins=3, out=(torch.empty(0), torch.empty(0))))
t(lambda: torch.histogram(x.detach(), bins=3, out=(torch.empty(0), torch.empty(0))))
t(lambda: torch.histogram(x.detach(), bins=3, out=(torch.empty(0, dtype=torch.int64), torch.empty(0))))
t(lambda: torch.histogram(x.detach().long(), bins=3, out=(torch.empty(0), torch.empty(0))))
t(lambda: torch.histogramdd(torch.rand(4, 2), bins=[2, -3]))
t(lambda: torch.histogram(torch.rand(4), bins=-3))
r = torch.histogram(x, bins=3, out=(torch.empty(0), torch.empty(0)))
t(lambda: (r.hist.requires_grad, r.hist.is_leaf, r.hist.grad_fn.next_functions[0][0].variable is x))
t(lambda: r.hist.sum().backward())
""",
"unique_and_cumulative_extremes_on_0_dim_and_empty_inputs": """
x = torch.tensor([[1.,2.],[3.,4.]])
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: x.unique(keepdim=True))
t(lambda: x.unique_consecutive(keepdim=True))
t(lambda: torch.unique(x, keepdim=True))
t(lambda: x.split())
t(lambda: x.split(1, 0, 3))
t(lambda: x.unique(foo=1))
t(lambda: x.norm(foo=1))
t(lambda: torch.tensor(2.).unique(dim=0))
t(lambda: torch.tensor(2.).unique(dim=1))
t(lambda: torch.tensor(2.).unique_consecutive(dim=0))
t(lambda: torch.tensor(2.).unique(dim=-1, return_counts=True))
t(lambda: torch.tensor(2.).unique_consecutive(dim=-1, return_inverse=True))
t(lambda: torch.zeros(2, 0).cummax(2))
t(lambda: torch.zeros(2, 0).cummin(-3))
t(lambda: torch.zeros(0).cumsum(3))
t(lambda: torch.zeros(0).logcumsumexp(3))
t(lambda: torch.zeros(0).cumprod(3))
for dt in [torch.int16, torch.int64, torch.uint8, torch.float32, torch.bool, torch.float16, torch.int8, torch.int32, torch.bfloat16, torch.float64]:
    t(lambda: torch.zeros(2, 0, dtype=dt).median())
    t(lambda: torch.zeros(2, 0, dtype=dt).nanmedian())
t(lambda: torch.zeros(2, 0).median(0))
t(lambda: torch.zeros(2, 0).median(1))
t(lambda: torch.zeros(2, 0).quantile(0.5))
x = torch.tensor([[1.,2.],[3.,4.]])
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: torch.unique(x, keepdim=True))
t(lambda: torch.unique(x, return_inverse=True, keepdim=True))
t(lambda: torch.unique(x, True, keepdim=True))
t(lambda: torch.unique(x, True, False, True, 0, 5))
t(lambda: torch.unique(x, return_counts=True, keepdim=True))
t(lambda: torch.unique_consecutive(x, keepdim=True))
t(lambda: torch.unique_consecutive(x, return_inverse=True, keepdim=True))
t(lambda: torch.unique_consecutive(x, True, True, keepdim=True))
t(lambda: x.unique(True, False, True, 0, 5))
t(lambda: x.unique_consecutive(True, False, 0, 5))
t(lambda: x.unique(x=1))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.zeros(2, 0, requires_grad=True)
t(lambda: x.cummax(2))
t(lambda: x.cummin(-7))
t(lambda: x.cummax(1))
r = x.cummax(5)
t(lambda: r.values.grad_fn._saved_dim)
t(lambda: r.values.sum().backward())
t(lambda: x.grad)
t(lambda: torch.cummax(torch.zeros(0), dim=3))
""",
"special_functions_of_nan_and_infinities": """
x = torch.tensor([[float('nan'), -float('inf'), 0.0], [3.25, -0.0, float('inf')], [-2.5, -3.0, 1e-30]])
for n in range(5):
    for dt in [torch.float32, torch.float64]:
        print(n, torch.polygamma(n, x.to(dt)))
print(torch.special.polygamma(1, x))
print(torch.digamma(x), torch.lgamma(x), torch.mvlgamma(x.abs() + 2, 2))
print(torch.special.zeta(x, 2.), torch.special.zeta(2., x), torch.special.zeta(x, x))
""",
"in_place_view_ops_check_autograd_before_their_arguments": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
leaf = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
for mk in [lambda: leaf.permute(2, 0, 1), lambda: leaf, lambda: leaf * 1, lambda: leaf.detach().permute(2, 0, 1)]:
    t(lambda: mk().t_())
    t(lambda: mk().transpose_(0, 5))
    t(lambda: mk().squeeze_(7))
    t(lambda: mk().unsqueeze_(9))
    t(lambda: mk().swapdims_(0, 9))
    t(lambda: mk().as_strided_((2,), (-1,)))
    t(lambda: mk().resize_(-1))
    t(lambda: mk().set_(torch.zeros(2, dtype=torch.int64)))
    t(lambda: mk().squeeze_(0))
    t(lambda: mk().t_().shape)
""",
"reduced_pointwise_losses_keep_the_unreduced_storage_as_aten_resizes_it": """
F = torch.nn.functional
a = torch.tensor([[0.2, 0.7, 0.4], [0.9, 0.1, 0.5]], requires_grad=True); b = torch.tensor([[0., 1., 1.], [1., 0., 0.]])
tgt = torch.tensor([1, 0])
cases = [("bce", lambda r: F.binary_cross_entropy(a, b, reduction=r)), ("nll", lambda r: F.nll_loss(a, tgt, reduction=r)),
 ("ce", lambda r: F.cross_entropy(a, tgt, reduction=r)), ("ce_prob", lambda r: F.cross_entropy(a, b, reduction=r)),
 ("mrl", lambda r: F.margin_ranking_loss(a[0], a[1], torch.tensor([1., -1., 1.]), reduction=r)),
 ("hinge", lambda r: F.hinge_embedding_loss(a, b * 2 - 1, reduction=r)),
 ("cos", lambda r: F.cosine_embedding_loss(a, b, torch.tensor([1., -1.]), reduction=r)),
 ("mlsm", lambda r: F.multilabel_soft_margin_loss(a, b, reduction=r)),
 ("mlm", lambda r: F.multilabel_margin_loss(a, torch.tensor([[1, -1, 0], [0, 2, -1]]), reduction=r)),
 ("mm", lambda r: F.multi_margin_loss(a, tgt, reduction=r)),
 ("gnll", lambda r: F.gaussian_nll_loss(a, b, torch.ones(2, 3), reduction=r)),
 ("trip", lambda r: F.triplet_margin_loss(a, b, b.flip(0), reduction=r)),
 ("kl", lambda r: F.kl_div(a, b, reduction=r)), ("kl_lt", lambda r: F.kl_div(a, b, reduction=r, log_target=True)),
 ("pnll", lambda r: F.poisson_nll_loss(a, b, reduction=r)), ("l1", lambda r: F.l1_loss(a, b, reduction=r)),
 ("mse", lambda r: F.mse_loss(a, b, reduction=r)), ("sl1", lambda r: F.smooth_l1_loss(a, b, reduction=r)),
 ("sl1b0", lambda r: F.smooth_l1_loss(a, b, reduction=r, beta=0.)), ("huber", lambda r: F.huber_loss(a, b, reduction=r)),
 ("sm", lambda r: F.soft_margin_loss(a, b * 2 - 1, reduction=r)), ("bcel", lambda r: F.binary_cross_entropy_with_logits(a, b, reduction=r)),
 ("bcel_pw", lambda r: F.binary_cross_entropy_with_logits(a, b, reduction=r, pos_weight=torch.ones(3))),
 ("mse_half", lambda r: F.mse_loss(a.half(), b.half(), reduction=r)), ("mse_bc", lambda r: F.mse_loss(a, b[0], reduction=r)),
 ("sl1_bc", lambda r: F.smooth_l1_loss(a[0], b, reduction=r)), ("mse_empty", lambda r: F.mse_loss(a[:0], b[:0], reduction=r)),
 ("mse_nograd", lambda r: F.mse_loss(a.detach(), b, reduction=r)), ("mse_double", lambda r: F.mse_loss(a.double(), b.double(), reduction=r)),
 ("ctc", lambda r: F.ctc_loss(torch.randn(5, 2, 4).log_softmax(2), torch.tensor([[1, 2], [1, 1]]), (5, 5), (2, 2), reduction=r)),
 ("nll2d", lambda r: F.nll_loss(torch.randn(2, 3, 2, 2), torch.zeros(2, 2, 2, dtype=torch.long), reduction=r)),
]
for n, f in cases:
    for r in ["mean", "sum"]:
        try:
            l = f(r)
            print(n, r, l.untyped_storage().nbytes(), l.storage_offset(), l.shape)
        except Exception as e: print(n, r, type(e).__name__, e)
torch.manual_seed(0)
a = torch.rand(2, 3, requires_grad=True); b = torch.rand(2, 3)
for f in [F.mse_loss, F.smooth_l1_loss, F.binary_cross_entropy, lambda x, y, reduction: F.soft_margin_loss(x, y*2-1, reduction=reduction)]:
    for r in ["mean", "sum", "none"]:
        l = f(a, b, reduction=r)
        print(l, l._version, l.is_contiguous(), l.untyped_storage().nbytes(), l._base is None, l.is_leaf)
        l.sum().backward()
        print(a.grad)
        a.grad = None
        l2 = l * 2
        l.add_(1) if not l.requires_grad else None
        print(l2, l.data_ptr() == l.untyped_storage().data_ptr())
    with torch.no_grad():
        l = f(a, b, reduction="mean"); l.add_(1); print(l, l._version)
    l = f(a.detach().t(), b.t(), reduction="sum"); print(l, l.untyped_storage().nbytes())
""",
"trapezoid_lu_unpack_matrix_norm_and_searchsorted_on_edge_inputs_as_aten": """
def t(f):
    try: r = f(); print(r, r.stride() if isinstance(r, torch.Tensor) else '')
    except Exception as e: print(type(e).__name__, e)
x0 = torch.tensor(-1.5, dtype=torch.float64, requires_grad=True)
x1 = torch.tensor([1., 2., 4.])
for f in [torch.trapezoid, torch.trapz, torch.cumulative_trapezoid]:
    t(lambda: f(x0))
    t(lambda: f(x0, x0))
    t(lambda: f(x0, dx=2.))
    t(lambda: f(x0, dim=0))
    t(lambda: f(x1, x0))
    t(lambda: f(x0, x1))
    t(lambda: f(x1, dim=1))
    t(lambda: f(x1, dx=2., dim=-2))
    t(lambda: f(torch.zeros(2, 0), dim=1))
    t(lambda: f(torch.zeros(2, 0), torch.zeros(0), dim=1))
t(lambda: torch.lu_unpack(x0, x0))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32)))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([0, 2], dtype=torch.int32)))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([3, 1], dtype=torch.int32)))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([3, 1])))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([1, 2])))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([1., 2.])))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([1])))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([[1, 2]], dtype=torch.int32)))
t(lambda: torch.lu_unpack(torch.eye(2), torch.tensor([-1, 2], dtype=torch.int32)))
for dt in [torch.bfloat16, torch.float16, torch.int64]:
    t(lambda: torch.nuclear_norm(torch.ones(2, 3, dtype=dt)))
    t(lambda: torch.nuclear_norm(torch.ones(2, 3, dtype=dt), 0))
    t(lambda: torch.nuclear_norm(torch.ones(2, 3, dtype=dt), (0, 1)))
    t(lambda: torch.linalg.matrix_norm(torch.ones(2, 3, dtype=dt), 'nuc'))
    t(lambda: torch.linalg.matrix_norm(torch.ones(2, 3, dtype=dt), 'nuc', dim=(0, 0)))
    t(lambda: torch.linalg.matrix_norm(torch.ones(2, 3, dtype=dt), 2))
    t(lambda: torch.norm(torch.ones(2, 3, dtype=dt), 'nuc'))
    t(lambda: torch.frobenius_norm(torch.ones(2, 3, dtype=dt), (0, 1)))
e = torch.zeros(2, 0, dtype=torch.int16)
t(lambda: torch.searchsorted(e, e))
t(lambda: torch.searchsorted(e, e.clone(), right=True))
t(lambda: torch.searchsorted(torch.zeros(0), torch.zeros(0)))
t(lambda: torch.searchsorted(torch.zeros(0), torch.zeros(3)))
t(lambda: torch.searchsorted(torch.zeros(2, 0), torch.zeros(2, 3)))
t(lambda: torch.searchsorted(torch.zeros(2, 3), torch.zeros(2, 0)))
t(lambda: torch.bucketize(torch.zeros(2, 0), torch.zeros(0)))
g3 = torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1).requires_grad_()
for v in [g3, g3.detach(), g3[::2], g3.t() if g3.dim() == 2 else g3.transpose(0, 1), torch.ones(3, 1).expand(3, 4), torch.ones(2, 3).t(), torch.ones(4, 3)[:, ::2]]:
    t(lambda: torch.tensor(v))
    t(lambda: torch.tensor(v, dtype=torch.float64))
    t(lambda: torch.as_tensor(v).stride())
    t(lambda: torch.asarray(v).stride())
    t(lambda: torch.tensor([v[0], v[0]]) if v.dim() and v[0].dim() == 0 else None)
""",
"trapezoid_rules_compose_as_aten_writes_them": """
y = torch.tensor([[1., 2., 4.], [0., 1., 5.]], requires_grad=True)
x = torch.tensor([0., 1., 3.], requires_grad=True)
for f in [torch.trapezoid, torch.cumulative_trapezoid]:
    for args, kw in [((), {}), ((x,), {}), ((), {"dx": 0.5}), ((), {"dim": 0}), ((torch.tensor([[0., 1., 3.]]),), {}), ((torch.tensor([0., 2.]),), {"dim": 0}), ((torch.arange(6.).reshape(2, 3),), {})]:
        r = f(y, *args, **kw)
        print(r, r.grad_fn, r.grad_fn.next_functions[0][0])
        g = torch.autograd.grad(r.sum(), [y] + [a for a in args if a.requires_grad])
        print(g)
print(torch.trapezoid(torch.zeros(2, 0, requires_grad=True)), torch.trapezoid(torch.zeros(2, 0, requires_grad=True), torch.zeros(0)))
print(torch.cumulative_trapezoid(torch.zeros(2, 0, requires_grad=True)))
print(torch.trapezoid(torch.tensor([1, 2, 4])), torch.trapezoid(torch.tensor([1, 2, 4]), dx=2), torch.cumulative_trapezoid(torch.tensor([1, 2, 4])))
print(torch.trapezoid(torch.tensor([1, 2, 4]), torch.tensor([1, 2, 3])))
""",
"torch_tensor_of_a_tensor_copies_with_its_strides": """
a = torch.arange(6.).reshape(2, 3).t()
for d in [None, torch.float16, torch.int64, torch.bool, torch.float64]:
    b = torch.tensor(a, dtype=d)
    print(b, b.stride(), b._version, b.is_leaf, b.requires_grad, b.data_ptr() == a.data_ptr())
b = torch.tensor(a, requires_grad=True); print(b, b.stride())
try: torch.tensor(a.long(), requires_grad=True)
except Exception as e: print(type(e).__name__, e)
c = torch.tensor(torch.tensor(3.5, requires_grad=True) * 2); print(c, c.requires_grad, c.grad_fn)
print(torch.tensor(torch.ones(2, 2).to(memory_format=torch.channels_last) if False else torch.ones(1, 2, 2, 2).to(memory_format=torch.channels_last)).stride())
""",
"copy_of_the_same_data_exits_before_the_overlap_check": """
def t(f):
    try: r = f(); print(r)
    except Exception as e: print(type(e).__name__, e)
v1 = torch.arange(12)
for f in [lambda v4: v4.copy_(v1), lambda v4: v4.__setitem__(True, v1), lambda v4: v4.__setitem__(Ellipsis, v1), lambda v4: v4.__setitem__(slice(None), v1),
          lambda v4: v4.__setitem__(0, v1), lambda v4: v4.fill_(1), lambda v4: v4.zero_(), lambda v4: v4.add_(1), lambda v4: v4.__setitem__(True, 5),
          lambda v4: v4.__setitem__(False, v1), lambda v4: v4.__setitem__(None, v1), lambda v4: v4.unsqueeze(0).copy_(v1), lambda v4: v4.__setitem__((None, Ellipsis), v1),
          lambda v4: v4.__setitem__(torch.tensor(True), v1), lambda v4: v4.__setitem__((True, 0), v1), lambda v4: v4.masked_fill_(torch.tensor(True), 2),
          lambda v4: v4.copy_(v1.expand(3, 12)), lambda v4: v4.copy_(torch.ones(3, 12, dtype=torch.long))]:
    v4 = v1.clone().expand(3, *v1.shape)
    t(lambda: (f(v4), v4._version, v4[0, :3].tolist())[1:])
v1 = torch.arange(12)
v4 = v1.expand(3, *v1.shape)
try:
    v4[True] = v1
except Exception as e: print(type(e).__name__, e)
print(v4._version)
v1 = torch.arange(12)
v4 = v1.expand(3, *v1.shape)
try:
    v4[True] = v1.clone()
except Exception as e: print(type(e).__name__, e)
v4 = v1.expand(3, *v1.shape)
try:
    v4.copy_(v1)
except Exception as e: print(type(e).__name__, e)
try:
    v4[0] = v1
except Exception as e: print(type(e).__name__, e)
try:
    v4[...] = v1
except Exception as e: print(type(e).__name__, e)
try:
    v4.unsqueeze(0).copy_(v1)
except Exception as e: print(type(e).__name__, e)
print(v4._version)
a = torch.ones(3, requires_grad=True).clone()
b = a.expand(2, 3)
b[0] = a
print(b, a, a._version)
b[...] = a
print(b._version, b.grad_fn.name(), a.grad_fn.name())
c = torch.arange(6.).reshape(2, 3)
c[0] = c[0]
c[:, 1] = c[:, 1]
c.copy_(c)
print(c._version, c)
d = c.t()
try:
    c.copy_(d)
except Exception as e: print(type(e).__name__, e)
print(c)
""",
"expand_gives_a_new_size_1_dimension_the_stride_of_the_ones_after_it": """
x = torch.ones(3)
for sizes in [(1, 3), (1, 1, 3), (2, 1, 3), (1, 2, 3), (1, 3, 1) if False else (1, 1, 1, 3)]:
    print(sizes, x.expand(*sizes).stride(), x.expand(*sizes).is_contiguous())
y = torch.ones(2, 3).t()
for sizes in [(1, 3, 2), (1, 1, 3, 2), (2, 1, 3, 2), (1, 4, 3, 2)]:
    print(sizes, y.expand(*sizes).stride(), y.expand(*sizes).is_contiguous())
z = torch.tensor(1.)
for sizes in [(1,), (1, 1), (2, 1), (1, 2)]:
    print(sizes, z.expand(*sizes).stride())
w = torch.ones(3, 1)
print(w.expand(1, 3, 4).stride(), w.expand(1, 1, 3, 1).stride())
print(x.expand_as(torch.ones(1, 3)).stride(), torch.broadcast_to(x, (1, 3)).stride(), x.broadcast_to(1, 1, 3).stride())
a, b = torch.broadcast_tensors(x, torch.ones(1, 3)); print(a.stride(), b.stride())
v1 = torch.tensor([[3.0, -2.5731], [1.5, 4.0], [2.2504, 3.0]], dtype=torch.float16)
v3 = torch.einsum('ij->ji', v1.exp().log())
v3[None] = v3
print(v3._version, v3)
""",
"addmm_checks_dtypes_before_dims_and_shapes": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = torch.ones(2, 2); d = torch.ones(3, dtype=torch.float64); m = torch.ones(3, 2, dtype=torch.float64)
t(lambda: torch.addmm(d, a, d))
t(lambda: torch.addmm(torch.ones(2, 2), a, m))
t(lambda: torch.addmm(torch.ones(2, 2, dtype=torch.float64), torch.ones(3), m))
t(lambda: torch.addmm(torch.ones(2, dtype=torch.int64), torch.ones(3), torch.ones(2)))
t(lambda: torch.addmm(torch.ones(2), torch.ones(3), torch.ones(2)))
t(lambda: torch.addmm(torch.ones(5), torch.ones(2, 3), torch.ones(3, 2)))
t(lambda: a.addmm(a, m))
t(lambda: a.addmm_(a.double(), a.double()))
t(lambda: torch.addmm(a, a, a, out=torch.empty(2, 2, dtype=torch.float64)))
t(lambda: torch.baddbmm(torch.ones(2, 2, 2), torch.ones(2, 2, 2, dtype=torch.float64), torch.ones(2, 2)))
t(lambda: torch.addbmm(torch.ones(2, 2), torch.ones(2, 2, 2, dtype=torch.float64), torch.ones(2, 2)))
t(lambda: torch.addmv(torch.ones(2), torch.ones(2, 2, dtype=torch.float64), torch.ones(2, 2)))
t(lambda: torch.addr(torch.ones(2, 2), torch.ones(2, dtype=torch.float64), torch.ones(2, 2)))
""",
"complex_operands_of_in_place_bitwise_shift_copysign_xlogy_and_signbit_raise_pytorchs_errors": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+2j, -0.5j, 3.0], [2-1j, 0j, -1.5+0.25j]])
zz = z.clone()
for n in ["bitwise_and_", "bitwise_or_", "bitwise_xor_", "bitwise_left_shift_", "bitwise_right_shift_", "copysign_", "xlogy_", "bitwise_left_shift", "bitwise_right_shift", "copysign", "xlogy", "__lshift__", "__rshift__", "__ilshift__", "__irshift__"]:
    t(lambda: getattr(z.clone(), n)(2))
    t(lambda: getattr(z.clone(), n)(zz))
t(lambda: z.signbit())
t(lambda: torch.signbit(z))
t(lambda: z.double())
t(lambda: z.to(torch.float32))
""",
"complex_operands_of_special_functions_raise_pytorchs_kernel_errors": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+2j, -0.5j, 3.0], [2-1j, 0j, -1.5+0.25j]])
t(lambda: z.logaddexp(z))
t(lambda: torch.logaddexp(z, z))
t(lambda: z.logaddexp2(z))
t(lambda: z.logit())
t(lambda: z.clone().logit_())
t(lambda: z.polygamma(1))
t(lambda: z.clone().polygamma_(1))
t(lambda: torch.polygamma(2, z))
t(lambda: z.digamma())
t(lambda: z.lgamma())
t(lambda: z.erf())
t(lambda: z.erfinv())
t(lambda: z.i0())
t(lambda: z.mvlgamma(1))
t(lambda: torch.special.zeta(z, z))
t(lambda: z.frac())
t(lambda: z.trunc())
t(lambda: z.floor())
t(lambda: z.round())
t(lambda: z.sign())
t(lambda: z.hypot(z))
t(lambda: z.nextafter(z))
t(lambda: z.heaviside(z))
t(lambda: z.gcd(z))
t(lambda: z.fmax(z))
""",
"complex_operands_of_in_place_binary_ops_and_float_power_as_pytorch": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+2j, -0.5j, 3.0], [2-1j, 0j, -1.5+0.25j]])
for n in ["bitwise_not", "bitwise_not_", "__invert__", "hypot_", "atan2_", "arctan2_", "arctan2", "gcd_", "lcm", "lcm_", "fmin", "heaviside_", "nextafter_", "ldexp", "ldexp_", "float_power_", "frexp"]:
    for args in [(), (2,), (z,)]:
        if not (args and n in ("bitwise_not", "bitwise_not_", "__invert__", "frexp")):
            t(lambda: getattr(z.clone(), n)(*args))
t(lambda: ~z)
d = torch.ones(2, dtype=torch.float64)
t(lambda: d.clone().float_power_(1j))
t(lambda: d.clone().float_power_(torch.tensor(1j)))
t(lambda: d.clone().float_power_(2))
t(lambda: torch.ones(2).float_power_(2))
t(lambda: z.to(torch.complex128).float_power_(2))
x = torch.ones(2, dtype=torch.int64)
t(lambda: x.__invert__(2))
t(lambda: x.__invert__())
t(lambda: torch.tensor([True]).__invert__())
""",
"complex_tensors_record_in_place_ops_and_their_kernels_checks_in_atens_order": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+2j, -0.5j, 3.0], [2-1j, 1j, -1.5+0.25j]], dtype=torch.complex128, requires_grad=True)
t(lambda: torch.block_diag(z, z[:1]))
t(lambda: torch.block_diag(z).abs().sum().backward())
t(lambda: z.grad)
t(lambda: torch.cumulative_trapezoid(z, z.detach()))
t(lambda: torch.trapezoid(z, dx=0.5))
t(lambda: torch.nn.functional.embedding(z, z))
t(lambda: torch.nn.functional.embedding(torch.ones(3, 2), torch.tensor([1+0j])))
t(lambda: torch.searchsorted(z, 0))
t(lambda: torch.searchsorted(z[0], z[1]))
t(lambda: torch.searchsorted(torch.tensor([1., 2.]), torch.tensor([1j])))
t(lambda: torch.bucketize(z, z))
t(lambda: torch.selu_(z))
t(lambda: torch.selu_(z.detach().clone()))
t(lambda: torch.relu_(z))
t(lambda: z.detach().clone().expand(3))
t(lambda: torch.ones(2, 3, dtype=torch.complex64).expand(3))
t(lambda: z.exp().sigmoid_())
z = torch.tensor([1+2j, -0.5j, 0.3+0.1j], requires_grad=True)
for n in ["sigmoid_", "tanh_", "sin_", "sqrt_", "neg_", "mul_", "add_", "log_", "reciprocal_", "cos_", "pow_", "sub_", "div_", "conj_physical_", "zero_", "fill_", "clone"]:
    y = z * 1
    try:
        args = (2,) if n in ("mul_", "add_", "pow_", "sub_", "div_", "fill_") else ()
        r = getattr(y, n)(*args)
        print(n, r.grad_fn.name(), r._version)
        (r.abs() ** 2).sum().backward()
        print(z.grad)
    except Exception as e: print(n, type(e).__name__, e)
    z.grad = None
w = torch.zeros(3, dtype=torch.complex64)
w[1:] = z[:2]
print(w.grad_fn.name())
w.abs().sum().backward(); print(z.grad)
idx = torch.tensor([0, 2])
print(torch.zeros(3, dtype=torch.complex64).index_put((idx,), z[:2]).grad_fn.name())
""",
"complex_cumprod_differentiates_over_the_conjugates": """
for vals in [[1+2j, -0.5j, 0.3+0.1j, 2.0], [1+2j, 0j, 0.3+0.1j, 2.0], [0j, 1j, 0j, 2+1j]]:
    z = torch.tensor(vals, requires_grad=True)
    y = z.cumprod(0)
    print(y.grad_fn.name())
    (y.abs() ** 2).sum().backward()
    print(z.grad)
    z.grad = None
    y = z.cumprod(0)
    g, = torch.autograd.grad((y * torch.tensor([1j, 2, -1, 0.5j])).real.sum(), z)
    print(g)
z = torch.tensor([1+2j, -0.5j, 0.3+0.1j, 2.0], requires_grad=True)
try:
    torch.zeros(4, dtype=torch.complex64).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), z, "sum")
except Exception as e:
    print(type(e).__name__, e)
print(torch.zeros(4, dtype=torch.complex64).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), z.detach(), "sum"))
""",
"complex_gradients_pytorch_refuses_are_refused": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+2j, -0.5j, 3.0], [2-1j, 1j, -1.5+0.25j]], dtype=torch.complex128, requires_grad=True)
for n in ["acosh_", "nan_to_num_", "sgn_", "ldexp_"]:
    t(lambda: getattr(z, n)(*((z,) if n == "ldexp_" else ())))
t(lambda: (z * 1).nan_to_num_().grad_fn.name())
for f in [lambda: z.nan_to_num(), lambda: torch.slice_scatter(z, z[:1], 0, 0, 1), lambda: z.detach().nan_to_num(), lambda: torch.slice_scatter(z.detach(), z[:1].detach(), 0, 0, 1)]:
    t(f)
with torch.no_grad():
    t(lambda: z.prod())
    t(lambda: z.acosh())
""",
"alpha_is_checked_after_the_operands_broadcast": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = torch.tensor([[1, 0], [4, 3]], dtype=torch.uint8); b = torch.arange(6)
t(lambda: a.sub(b, alpha=1.5)); t(lambda: a.add(b, alpha=1.5)); t(lambda: a.clone().add_(b, alpha=1.5)); t(lambda: a.sub(b, alpha=True))
t(lambda: torch.ones(2).add(torch.ones(3), alpha=2)); t(lambda: torch.ones(2, dtype=torch.bool).sub(torch.ones(3, dtype=torch.bool), alpha=2))
t(lambda: torch.ones(2, dtype=torch.int8).add(torch.ones(3), alpha=1000)); t(lambda: torch.add(torch.ones(2), torch.ones(3), alpha=1e40))
t(lambda: torch.ones(2).add(3, alpha=1.5)); t(lambda: torch.ones(2, dtype=torch.int64).add(3, alpha=1.5))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round15_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found in the fourteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"in_place_integer_division_checks_the_cast_before_the_kernel_does": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for mk in [lambda: torch.tensor([True, False]), lambda: torch.tensor([1, 2], dtype=torch.uint8), lambda: torch.tensor([1, 2])]:
    for other in [0, torch.tensor(0), torch.tensor([0, 0]), 2, 0.0, True, False, torch.tensor([0, 0, 0])]:
        for op in ["floor_divide_", "remainder_", "fmod_", "pow_"]:
            t(lambda: getattr(mk(), op)(other))
        t(lambda: mk().div_(other, rounding_mode='floor'))
        t(lambda: mk().div_(other, rounding_mode='trunc'))
        def aug():
            x = mk()
            x //= other
            return x
        t(aug)
""",
"unique_consecutive_dispatches_on_positional_flags_as_torch_functional_does": """
x = torch.tensor([1, 1, 2])
y = torch.tensor([[1, 1], [1, 1], [2, 3]])
for args, kw in [((False, True), {}), ((True, True), {}), ((True, False), {}), ((False, False, 0), {}), ((True,), {}),
                 ((False, True, 0), {}), ((True, True, 0), {}), ((), {"return_counts": True}), ((True,), {"return_counts": True}),
                 ((False,), {"return_counts": True, "dim": 0}), ((), {"dim": 0, "return_inverse": True}),
                 ((torch.tensor(True),), {}), ((torch.tensor(False),), {}), ((1,), {}), ((), {"return_counts": torch.tensor(True)})]:
    for t in (x, y):
        for f in (torch.unique_consecutive, torch.Tensor.unique_consecutive, torch.unique, torch.Tensor.unique):
            try:
                print(f(t, *args, **kw))
            except Exception as e:
                print(type(e).__name__, e)
for f in [lambda: torch.unique_consecutive(1), lambda: torch.unique_consecutive(), lambda: torch.unique_consecutive(x, 1, 2, 3, 4),
          lambda: torch.unique_consecutive(x, foo=1), lambda: torch.unique_consecutive(input=x), lambda: torch.unique_consecutive(x, dim=1.5),
          lambda: torch.unique_consecutive(x, torch.tensor([True, False])), lambda: torch.unique_consecutive([1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"slicing_a_0_dim_tensor_by_slice_scatter_or_slice_copy_names_slice": """
z = torch.tensor(1.)
for f in [lambda: torch.slice_scatter(z, z), lambda: torch.slice_scatter(z, z, 0, 0, 1), lambda: torch.slice_copy(z),
          lambda: torch.slice_scatter(torch.zeros(3), torch.ones(1), 0, 1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"weighted_losses_check_the_weight_size_before_computing_the_loss": """
x = torch.tensor([2], dtype=torch.uint8)
t = torch.tensor([0.5, 1.5])
for fn in (torch.nn.functional.huber_loss, torch.nn.functional.mse_loss, torch.nn.functional.l1_loss):
    for w in (t, torch.ones(1), torch.ones(2, 2)):
        try:
            print(fn(x.float(), t, weight=w), fn(x, t, weight=w))
        except Exception as e:
            print(type(e).__name__, e)
""",
"grad_dtype_casts_a_leafs_gradients_and_checks_what_is_assigned": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
x.grad_dtype = torch.float64
t(lambda: x.grad_dtype)
x.register_hook(lambda g: print("hook", g.dtype))
(x * 2).sum().backward()
print(x.grad, x.grad.dtype)
(x * 2).sum().backward()
print(x.grad)
def setg():
    x.grad = torch.ones(2)
t(setg)
print(x.grad)
def setg2():
    x.grad = torch.ones(2, dtype=torch.float64)
t(setg2)
def s0():
    x.grad_dtype = torch.float16
t(s0)
x.grad = None
x.grad_dtype = torch.float16
t(lambda: x.grad)
(x * 2).sum().backward()
print(x.grad)
z = torch.ones(2)
t(lambda: z.grad_dtype)
def s3():
    z.grad_dtype = torch.float64
t(s3)
print(z.grad_dtype)
def s4():
    x.grad_dtype = torch.int64
t(s4)
def s5():
    x.grad_dtype = "float"
t(s5)
w = torch.ones(3, requires_grad=True)
w.grad_dtype = None
print(w.grad_dtype)
(w.double() * 2).sum().backward()
print(w.grad)
v = torch.ones(3, requires_grad=True)
v.grad_dtype = None
torch.autograd.backward([v], [torch.ones(3, dtype=torch.float64)])
print(v.grad)
u = torch.ones(3, requires_grad=True)
t(lambda: torch.autograd.backward([u], [torch.ones(3, dtype=torch.float64)]))
print(u.grad)
nl = x * 1
t(lambda: nl.grad_dtype)
print(torch.ones(2, dtype=torch.int64).grad_dtype)
p = torch.nn.Parameter(torch.ones(2))
print(p.grad_dtype)
d = x.detach()
print(d.grad_dtype)
""",
"grad_dtype_none_keeps_any_gradient_and_an_integer_one_fails_in_the_engine": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
def a():
    x.grad = torch.ones(2, dtype=torch.float64)
t(a)
h = torch.ones(2, dtype=torch.float16, requires_grad=True)
def b():
    h.grad = torch.ones(2, dtype=torch.bfloat16)
t(b)
def c():
    h.grad = torch.ones(2, dtype=torch.int64)
t(c)
def d():
    h.grad = torch.ones(3, dtype=torch.float16)
t(d)
h.grad_dtype = None
def e():
    h.grad = torch.ones(2, dtype=torch.float64)
t(e)
print(h.grad)
def f():
    h.grad = torch.ones(3, dtype=torch.float64)
t(f)
h.grad = None
h.grad_dtype = torch.int32
print(h.grad_dtype)
t(lambda: (h * 2).sum().backward())
print(h.grad)
g = torch.ones(2, requires_grad=True)
g.grad_dtype = torch.bfloat16
(g * 1.1).sum().backward()
print(g.grad)
(g * 1.1).sum().backward()
print(g.grad)
k = torch.ones(2, requires_grad=True)
k.grad_dtype = torch.float64
gg, = torch.autograd.grad((k * 2).sum(), k)
print(gg.dtype)
k2 = torch.ones(2, requires_grad=True)
k2.grad_dtype = torch.float64
q = k2 * 3
k2.grad_dtype = torch.float16
q.sum().backward()
print(k2.grad)
""",
"grad_dtype_gradients_are_stolen_and_deep_copies_check_them": """
import copy
x = torch.ones(2, requires_grad=True)
x.grad_dtype = torch.float64
(x * 2).sum().backward()
print(x.grad._version, x.grad.stride())
y = torch.ones(2, 3, requires_grad=True)
y.grad_dtype = None
y.backward(torch.ones(3, 2, dtype=torch.float64).t())
print(y.grad, y.grad._version, y.grad.stride())
z = torch.ones(2, 3, requires_grad=True)
z.grad_dtype = torch.float64
z.backward(torch.ones(3, 2).t())
print(z.grad, z.grad._version, z.grad.stride())
try:
    copy.deepcopy(z)
except Exception as e:
    print(type(e).__name__, e)
print(z.detach().grad_dtype)
z.grad = None
print(copy.deepcopy(z).grad_dtype)
""",
"histogram_of_a_bin_count_has_no_half_kernel_and_of_edges_names_histogram_cpu": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32, torch.uint8, torch.bool):
    x = torch.tensor([0, 1, 1, 3]).to(dt)
    t(lambda: torch.histc(x, bins=4))
    t(lambda: torch.histc(x, bins=3, min=0, max=3))
    t(lambda: torch.histogram(x, bins=3))
    t(lambda: torch.histogram(x, bins=torch.tensor([0., 1., 2.]).to(dt)))
    t(lambda: torch.bincount(x))
    t(lambda: torch.bucketize(x, torch.tensor([0, 2]).to(dt)))
t(lambda: torch.histc(torch.tensor([]), bins=3))
t(lambda: torch.histc(torch.tensor([1., 2.]), bins=0))
t(lambda: torch.histc(torch.tensor([1., 2.]), bins=2, min=3, max=1))
t(lambda: torch.histc(torch.tensor([1., float('nan')]), bins=2))
t(lambda: torch.histc(torch.tensor([1., float('inf')]), bins=2))
t(lambda: torch.histogram(torch.tensor([1., 2.]), bins=2, range=(0., 4.), weight=torch.tensor([0.5, 2.]), density=True))
""",
"to_reads_a_leading_number_as_its_tensor_overloads_wrapped_tensor": """
x = torch.tensor([1.5, -2.0], dtype=torch.bfloat16, requires_grad=True)
for a, k in [((0, True), {}), ((True,), {}), ((False,), {}), ((1.5,), {}), ((None,), {}), ((0,), {}), ((0, False), {}), ((1, True), {}),
          ((0, torch.float64), {}), ((torch.float64, True), {}), ((0, 0), {}), ((2, True, True), {}), ((0.5, False, True), {}),
          ((3,), {"dtype": torch.float64}), ((True,), {"copy": True}), (("cpu", True), {}), ((1.5, True), {}), ((7, None), {}),
          ((torch.tensor(1), True), {}), ((), {"other": 1})]:
    try:
        r = x.to(*a, **k); print(a, k, r.dtype, r.device, r is x, r.grad_fn.name() if r.grad_fn else None)
    except Exception as e:
        print(a, k, type(e).__name__, str(e))
""",
"expand_takes_negative_sizes_as_aten_does": """
for t in (torch.tensor(1.), torch.ones(2), torch.ones(1), torch.ones(0), torch.ones(2,1)):
    for s in [(-1,), (-1, 2), (2, -1), (-2,), (3, -1, -1), (-1, -1)]:
        try:
            r = t.expand(*s)
            print(tuple(t.shape), s, tuple(r.shape))
        except Exception as e:
            print(tuple(t.shape), s, type(e).__name__, e)
for t in (torch.ones(2, 1), torch.ones(1, 1), torch.tensor(2.)):
    for s in [(-2, 2, -3), (2, -3), (-1, -5), (1, -2), (-3, -1)]:
        for f in (lambda: t.expand(*s), lambda: t.broadcast_to(s), lambda: t.expand(s)):
            try:
                r = f()
                print(tuple(t.shape), s, tuple(r.shape))
            except Exception as e:
                print(tuple(t.shape), s, type(e).__name__, e)
""",
"the_deprecated_cholesky_of_an_empty_tensor_is_empty_like_and_its_backward_uses_mH": """
for shape in [(0, 3), (0,), (2, 0, 3), (0, 0), ()]:
    for dt in (torch.float32, torch.int64):
        x = torch.zeros(shape, dtype=dt, requires_grad=dt==torch.float32)
        try:
            r = torch.cholesky(x)
            print(shape, dt, r, r.stride(), r.grad_fn.name() if r.grad_fn else None)
            if r.requires_grad:
                r.sum().backward()
                print(x.grad)
        except Exception as e:
            print(shape, dt, type(e).__name__, e)
""",
"histc_checks_bins_before_the_dtype_and_bool_add_with_a_bool_alpha": """
def t(f):
    try:
        r = f()
        print(r, r.dtype if isinstance(r, torch.Tensor) else '')
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([[1.5, -2.0, 0.0], [3.25, -0.5, 4.0]], dtype=torch.bfloat16)
b = torch.tensor([[True, False, True], [False, False, True]])
t(lambda: b.clone().add_(torch.tensor(True)))
t(lambda: b.clone().add_(True, alpha=True))
t(lambda: b.clone().add_(b, alpha=True))
t(lambda: b.clone().add_(torch.tensor(True), alpha=True))
t(lambda: b.clone().add_(1, alpha=True))
t(lambda: b.clone().add_(b, alpha=2))
t(lambda: x.to(0, True))
t(lambda: x.to(True))
t(lambda: x.to(1.5))
t(lambda: x.to(None))
t(lambda: x.to(torch.tensor(2.), True))
t(lambda: x.to(0, torch.float64))
t(lambda: x.to(torch.float64, True))
t(lambda: x.to(-1, -1))
t(lambda: x.to(0, 0))
t(lambda: torch.tensor(1.).expand(-1))
t(lambda: torch.tensor(1.).expand(-1, 2))
t(lambda: torch.tensor(1.).broadcast_to((-1,)))
t(lambda: torch.tensor(1.).expand(True))
t(lambda: b.histc(0))
t(lambda: b.histc(-1))
t(lambda: b.histc(2))
t(lambda: torch.ones(2).histc(-1))
""",
"an_in_place_op_on_a_multi_output_view_checks_the_view_before_its_rebased_history": """
def setitem(v):
    v[0] = 1.
ops = [
    ('setitem', setitem),
    ('cumprod_(1)', lambda v7: v7.cumprod_(1)),
    ('add_(1)', lambda v7: v7.add_(1)),
    ('mul_(2)', lambda v7: v7.mul_(2)),
    ('copysign_(-1.)', lambda v7: v7.copysign_(-1.)),
    ('cumsum_(1)', lambda v7: v7.cumsum_(1)),
    ('clamp_(0)', lambda v7: v7.clamp_(0)),
    ('zero_()', lambda v7: v7.zero_()),
    ('fill_(1)', lambda v7: v7.fill_(1)),
    ('exp_()', lambda v7: v7.exp_()),
    ('t_()', lambda v7: v7.t_()),
    ('unsqueeze_(0)', lambda v7: v7.unsqueeze_(0)),
    ('squeeze_()', lambda v7: v7.squeeze_()),
    ('copy_(torch.ones(2, 2))', lambda v7: v7.copy_(torch.ones(2, 2))),
    ('masked_fill_(torch.ones(2, 2, dtype=torch.bool), 1)', lambda v7: v7.masked_fill_(torch.ones(2, 2, dtype=torch.bool), 1)),
    ('index_fill_(0, torch.tensor([0]), 1)', lambda v7: v7.index_fill_(0, torch.tensor([0]), 1)),
    ('scatter_(0, torch.zeros(1, 1, dtype=torch.int64), 1.)', lambda v7: v7.scatter_(0, torch.zeros(1, 1, dtype=torch.int64), 1.)),
    ('requires_grad_()', lambda v7: v7.requires_grad_()),
    ('detach_()', lambda v7: v7.detach_()),
    ('sort(0)', lambda v7: v7.sort(0)),
    ('relu_()', lambda v7: v7.relu_()),
    ('sigmoid_()', lambda v7: v7.sigmoid_()),
    ("div_(2, rounding_mode='floor')", lambda v7: v7.div_(2, rounding_mode='floor')),
    ('pow_(2)', lambda v7: v7.pow_(2)),
    ('lerp_(torch.ones(2, 2), 0.5)', lambda v7: v7.lerp_(torch.ones(2, 2), 0.5)),
    ('addcmul_(torch.ones(2, 2), torch.ones(2, 2))', lambda v7: v7.addcmul_(torch.ones(2, 2), torch.ones(2, 2))),
    ('uniform_()', lambda v7: v7.uniform_()),
    ('normal_()', lambda v7: v7.normal_()),
    ('round_()', lambda v7: v7.round_()),
    ('clamp_min_(0)', lambda v7: v7.clamp_min_(0)),
    ('tril_()', lambda v7: v7.tril_()),
    ('fmod_(2)', lambda v7: v7.fmod_(2)),
    ('remainder_(2)', lambda v7: v7.remainder_(2)),
    ('logit_()', lambda v7: v7.logit_()),
    ('nan_to_num_()', lambda v7: v7.nan_to_num_()),
    ('abs_()', lambda v7: v7.abs_()),
    ('sub_(torch.ones(2, 2), alpha=2)', lambda v7: v7.sub_(torch.ones(2, 2), alpha=2)),
]
for name, f in ops:
    v1 = torch.tensor([[0.5, 3.0, 4.0, 1.], [0.5, -1.5, 3.0, 2.]], requires_grad=True)
    v4 = torch.cumprod(v1, dim=-2)
    v7 = v4.chunk(2, -1)[0]
    v4.copysign_(-1.)
    torch.manual_seed(0)
    try:
        f(v7)
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, str(e)[:90])
""",
"in_place_ops_check_self_first_unless_they_have_no_derivative_or_are_composites": """
I = torch.tensor([0])
ops = {
 "addbmm_": lambda v: v.addbmm_(torch.ones(1, 2, 2), torch.ones(1, 2, 2)), "addcdiv_": lambda v: v.addcdiv_(v.detach(), v.detach() + 5),
 "addcmul_": lambda v: v.addcmul_(v.detach(), v.detach()), "addmm_": lambda v: v.addmm_(torch.ones(2, 2), torch.ones(2, 2)),
 "addr_": lambda v: v.addr_(torch.ones(2), torch.ones(2)), "atan2_": lambda v: v.atan2_(v.detach()),
 "baddbmm_": lambda v: v.unsqueeze(0).baddbmm_(torch.ones(1, 2, 2), torch.ones(1, 2, 2)),
 "bitwise_and_": lambda v: v.bitwise_and_(v.detach()), "bitwise_not_": lambda v: v.bitwise_not_(),
 "bitwise_left_shift_": lambda v: v.bitwise_left_shift_(1), "clamp_max_": lambda v: v.clamp_max_(v.detach()), "clamp_min_": lambda v: v.clamp_min_(v.detach()),
 "copysign_": lambda v: v.copysign_(-1.), "cumprod_": lambda v: v.cumprod_(0), "cumsum_": lambda v: v.cumsum_(0), "deg2rad_": lambda v: v.deg2rad_(),
 "digamma_": lambda v: v.digamma_(), "erf_": lambda v: v.erf_(), "erfc_": lambda v: v.erfc_(), "erfinv_": lambda v: v.erfinv_(),
 "fill_diagonal_": lambda v: v.fill_diagonal_(1.), "float_power_": lambda v: v.double().float_power_(2), "floor_divide_": lambda v: v.floor_divide_(2),
 "fmod_": lambda v: v.fmod_(2), "gcd_": lambda v: v.gcd_(v.detach()), "heaviside_": lambda v: v.heaviside_(v.detach()), "hypot_": lambda v: v.hypot_(v.detach()),
 "i0_": lambda v: v.i0_(), "index_add_": lambda v: v.index_add_(0, I, v.detach()[:1]), "index_copy_": lambda v: v.index_copy_(0, I, v.detach()[:1]),
 "index_fill_": lambda v: v.index_fill_(0, I, 1.), "index_reduce_": lambda v: v.index_reduce_(0, I, v.detach()[:1], "prod"),
 "lcm_": lambda v: v.lcm_(v.detach()), "ldexp_": lambda v: v.ldexp_(torch.ones(2, 2, dtype=torch.int64)), "lerp_": lambda v: v.lerp_(v.detach(), 0.5),
 "lgamma_": lambda v: v.lgamma_(), "logical_and_": lambda v: v.logical_and_(v.detach()), "logical_not_": lambda v: v.logical_not_(),
 "logical_or_": lambda v: v.logical_or_(v.detach()), "logical_xor_": lambda v: v.logical_xor_(v.detach()), "logit_": lambda v: v.logit_(),
 "masked_fill_": lambda v: v.masked_fill_(v.detach() > 0, 1.), "masked_scatter_": lambda v: v.masked_scatter_(v.detach() > 0, torch.ones(4)),
 "mvlgamma_": lambda v: v.mvlgamma_(1), "nextafter_": lambda v: v.nextafter_(v.detach()), "polygamma_": lambda v: v.polygamma_(1),
 "put_": lambda v: v.put_(I, torch.ones(1)), "rad2deg_": lambda v: v.rad2deg_(), "remainder_": lambda v: v.remainder_(2), "renorm_": lambda v: v.renorm_(2, 0, 1.),
 "scatter_": lambda v: v.scatter_(0, torch.zeros(1, 1, dtype=torch.int64), 1.), "scatter_add_": lambda v: v.scatter_add_(0, torch.zeros(1, 1, dtype=torch.int64), v.detach()),
 "scatter_reduce_": lambda v: v.scatter_reduce_(0, torch.zeros(1, 1, dtype=torch.int64), v.detach(), "sum"), "sinc_": lambda v: v.sinc_(),
 "tril_": lambda v: v.tril_(), "triu_": lambda v: v.triu_(), "xlogy_": lambda v: v.xlogy_(2.), "addmv_": lambda v: v[0].addmv_(torch.ones(2, 2), torch.ones(2)),
 "eq_": lambda v: v.eq_(1.), "lt_": lambda v: v.lt_(v.detach()), "sign_": lambda v: v.sign_(), "ne_": lambda v: v.ne_(0.), "le_": lambda v: v.le_(1.), "ge_": lambda v: v.ge_(1.), "gt_": lambda v: v.gt_(1.),
 "greater_": lambda v: v.greater_(1.), "not_equal_": lambda v: v.not_equal_(1.), "frac_": lambda v: v.frac_(), "sgn_": lambda v: v.sgn_(), "fix_": lambda v: v.fix_(), "round_": lambda v: v.round_(),
}
for name, f in ops.items():
    for case in ("leaf", "split", "nograd"):
        v1 = torch.tensor([[0.5, 3.0], [0.5, 2.0]], requires_grad=True)
        if case == "leaf":
            v = v1
        elif case == "split":
            v4 = v1 * 2
            v = v4.split(2)[0]
            v4.mul_(2)
        else:
            with torch.no_grad():
                v = v1[0:]
        try:
            f(v)
            print(name, case, "ok")
        except Exception as e:
            print(name, case, type(e).__name__, str(e)[:70])
""",
"setitem_takes_pytorchs_paths_a_lone_true_or_false_a_0_dim_integer_index_a_0_dim_value": """
def f0(x, v):
    x[0] = v
def f1(x, v):
    x[1:] = v
def f2(x, v):
    x[...] = v
def f3(x, v):
    x[..., None] = v
def f4(x, v):
    x[None] = v
def f5(x, v):
    x[None, 0] = v
def f6(x, v):
    x[[0]] = v
def f7(x, v):
    x[torch.tensor([True, False])] = v
def f8(x, v):
    x[torch.tensor([0])] = v
def f9(x, v):
    x[:, None] = v
def f10(x, v):
    x[0:1, None] = v
def f11(x, v):
    x[..., 0] = v
def f12(x, v):
    x[-1] = v
def f13(x, v):
    x[::2] = v
def f14(x, v):
    x[[0, 1]] = v
def f15(x, v):
    x[torch.tensor(0)] = v
def f16(x, v):
    x[True] = v
def f17(x, v):
    x[False] = v
fs = [('0', f0), ('1:', f1), ('...', f2), ('..., None', f3), ('None', f4), ('None, 0', f5), ('[0]', f6), ('torch.tensor([True, False])', f7), ('torch.tensor([0])', f8), (':, None', f9), ('0:1, None', f10), ('..., 0', f11), ('-1', f12), ('::2', f13), ('[0, 1]', f14), ('torch.tensor(0)', f15), ('True', f16), ('False', f17)]
for name, f in fs:
    for dt in (torch.int64, torch.bool, torch.float16):
        for vs in ((), (1,), (2,)):
            v3 = torch.full(vs, 1.5, requires_grad=True) * 2
            x = torch.zeros(2, dtype=dt)
            try:
                f(x, v3)
                print(name, dt, vs, x.requires_grad, x.grad_fn.name() if x.grad_fn else None, x._version)
            except Exception as e:
                print(name, dt, vs, type(e).__name__, e)""",
"fill_masked_fill_index_fill_and_index_put_record_their_node_on_an_integer_tensor": """
I = torch.tensor([0])
ops = {
 "fill_": lambda x, v: x.fill_(v), "copy_": lambda x, v: x.copy_(v.expand(2)), "copy0_": lambda x, v: x[0].copy_(v),
 "index_put_": lambda x, v: x.index_put_((I,), v), "index_put_acc": lambda x, v: x.index_put_((I,), v, accumulate=True),
 "masked_fill_": lambda x, v: x.masked_fill_(torch.tensor([True, False]), v), "index_fill_": lambda x, v: x.index_fill_(0, I, v),
 "scatter_": lambda x, v: x.scatter_(0, I, v.expand(1)), "scatter_val": lambda x, v: x.scatter_(0, I, 2.5),
 "index_copy_": lambda x, v: x.index_copy_(0, I, v.expand(1)), "masked_scatter_": lambda x, v: x.masked_scatter_(torch.tensor([True, False]), v.expand(2)),
 "put_": lambda x, v: x.put_(I, v.expand(1)), "index_add_": lambda x, v: x.index_add_(0, I, v.expand(1)),
 "scatter_add_": lambda x, v: x.scatter_add_(0, I, v.expand(1)), "slice_fill": lambda x, v: x[1:].fill_(v), "lerp_": lambda x, v: x.lerp_(v.expand(2), 0.5),
 "clamp_": lambda x, v: x.clamp_(v), "clamp_min_": lambda x, v: x.clamp_min_(v), "where": lambda x, v: x.masked_fill_(x > 0, 1),
 "addcmul_": lambda x, v: x.addcmul_(v, v), "mul_": lambda x, v: x.mul_(v), "copysign_": lambda x, v: x.copysign_(v),
}
for name, f in ops.items():
    for dt in (torch.int64, torch.bool, torch.float32):
        v = torch.tensor(1.5, requires_grad=True) * 2
        if dt is torch.bool:
            v = torch.tensor(1.0, requires_grad=True) * 1
        x = torch.zeros(2, dtype=dt)
        try:
            f(x, v.to(dt) if name.endswith("_acc") else v)
            print(name, dt, x.requires_grad, x.grad_fn.name() if x.grad_fn else None, x._version)
        except Exception as e:
            print(name, dt, type(e).__name__, str(e)[:100])
""",
"setitem_with_a_0_dim_integer_tensor_index_selects": """
x = torch.arange(6.).reshape(2, 3).requires_grad_()
for idx in [torch.tensor(0), torch.tensor(1, dtype=torch.int32), torch.tensor(True), torch.tensor(0, dtype=torch.uint8)]:
    y = x[idx]
    print(y, y._base is x, y.grad_fn.name())
z = torch.zeros(2, 3)
def s1():
    z[torch.tensor(1)] = torch.ones(3)
s1()
print(z, z._version)
def s2():
    z[torch.tensor(1)] = torch.ones(2, 3)
try:
    s2()
except Exception as e:
    print(type(e).__name__, e)
def s3():
    z[torch.tensor(1), 0] = 5.
s3()
print(z, z._version)
def s4():
    z[True] = torch.ones(3) * 7
s4()
print(z, z._version)
def s5():
    z[False] = torch.ones(5)
s5()
print(z, z._version)
def s6():
    z[None] = torch.ones(1, 1, 3) * 2
s6()
print(z, z._version)
def s7():
    z[torch.tensor(5)] = 1.
try:
    s7()
except Exception as e:
    print(type(e).__name__, e)
print(z._version)
""",
"clamp_in_place_with_tensor_bounds_records_clampbackward0": """
for lo, hi in [("t", None), (None, "t"), ("t", "t2"), ("t", 0.5), (0.0, "t2"), ("n", "t2")]:
    x = torch.tensor([0.5, -1.0, 2.0, 0.25])
    w = torch.tensor([0.0, 0.0, 1.0, 0.5], requires_grad=True)
    t = w * 1
    t2 = w + 1
    xs = torch.tensor([1.0, -2.0, 3.0, 0.0], requires_grad=True)
    y = xs * 1
    b = {"t": t, "t2": t2, "n": torch.tensor(0.1), None: None}
    m = b.get(lo, lo)
    M = b.get(hi, hi)
    try:
        x.clamp_(m, M)
        print(x, x.grad_fn.name() if x.grad_fn else None)
        if x.requires_grad:
            x.sum().backward()
            print(w.grad)
        y.clamp_(m, M)
        print(y, y.grad_fn.name())
        (y * torch.arange(4.)).sum().backward()
        print(xs.grad, w.grad)
    except Exception as e:
        print(type(e).__name__, e)
""",
"composites_check_before_autograd_nextafters_formula_histograms_node_one_deprecation_warning": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x0 = torch.tensor(0.75, requires_grad=True)
x = torch.tensor([[1.5, -2.0, 0.5], [3.25, -0.5, 4.0]], requires_grad=True)
t(lambda: x0.fill_diagonal_(1.))
t(lambda: x.fill_diagonal_(1.))
t(lambda: x.float_power_(2))
t(lambda: x.double().float_power_(2))
t(lambda: x0.unsqueeze_(1))
t(lambda: x0.unsqueeze_(0))
t(lambda: x.squeeze_(5))
t(lambda: x.t_())
t(lambda: x.transpose_(0, 5))
t(lambda: x.as_strided_((2,), (1,)))
t(lambda: x.swapdims_(0, 4))
h = torch.histogram(x, bins=3)
print(h.hist.requires_grad, h.hist.grad_fn, h.bin_edges.requires_grad, h.bin_edges.grad_fn)
t(lambda: h.hist.sum().backward())
hc = torch.histc(x, bins=3)
print(hc.requires_grad, hc.grad_fn)
y = torch.tensor(0.5)
t(lambda: x0.sub(y, 0.5).grad_fn)
t(lambda: x0.add(y, 0.5).grad_fn)
t(lambda: x.sub(torch.ones(3), 0.5))
t(lambda: torch.sub(x0, y, 0.5).grad_fn)
h16 = torch.tensor([[1.5, -2.0, 0.5], [3.25, -0.5, 4.0]], dtype=torch.float16, requires_grad=True)
o = h16.nextafter(h16.detach() * 0.5 + 0.25)
print(o.grad_fn)
o.backward(torch.ones_like(o))
print(h16.grad)
f32 = torch.tensor([1.5, 0.5, 2.0], requires_grad=True)
o = f32.nextafter(torch.tensor([0.0, 0.5, 3.0], requires_grad=True))
o.sum().backward()
print(f32.grad)
""",
"histogram_outputs_carry_a_notimplemented_node": """
x = torch.tensor([1.5, -2.0, 0.5], requires_grad=True)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
for f in [lambda: torch.histogram(x, bins=3), lambda: torch.histogram(x, bins=torch.tensor([0., 1., 2.])), lambda: torch.histc(x, 3),
          lambda: torch.histogram(x.detach(), bins=2, weight=w), lambda: torch.bincount(torch.tensor([1, 2]), weights=x[:2])]:
    r = f()
    outs = r if isinstance(r, tuple) else (r,)
    print([(t.requires_grad, t.grad_fn.name() if t.grad_fn else None, t._version) for t in outs])
    print([len(t.grad_fn.next_functions) if t.grad_fn else None for t in outs])
    try:
        outs[0].sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([1.5, -2.0, 0.5], requires_grad=True)
h = torch.histogram(x, bins=4)
for f in [lambda: torch.autograd.grad(h.hist.sum() + h.bin_edges.sum(), x), lambda: torch.autograd.grad(h.bin_edges.sum(), x),
          lambda: (h.hist.sum() * 2).backward()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_notimplemented_node_has_edges_to_the_operands_that_require_grad_only": """
a = torch.tensor([2.0], requires_grad=True)
b = torch.tensor([3.0])
for r in [torch.floor_divide(1.5, a), torch.floor_divide(a, 1.5), torch.floor_divide(a, b), torch.floor_divide(b, a), a // 2, 2 // a, torch.floor_divide(torch.tensor(1.5), a), torch.remainder(1.5, a), torch.fmod(a, b)]:
    print(r.grad_fn, r.grad_fn.next_functions)
""",
"slice_copy_views_a_whole_dimension_and_copies_keep_0_dim": """
x = torch.tensor([[1.5, -2.0, 0.5], [3.25, -0.5, 4.0]], requires_grad=True)
z = torch.tensor(2.5, requires_grad=True)
for f in [lambda: torch.slice_copy(x), lambda: torch.slice_copy(x, 1), lambda: torch.slice_copy(x, 1, 0, 2), lambda: torch.slice_copy(x, 0, None, None, 2),
          lambda: torch.alias_copy(z), lambda: torch.squeeze_copy(z), lambda: torch.t_copy(z), lambda: torch.squeeze_copy(z, 0), lambda: torch.unsqueeze_copy(z, 0),
          lambda: torch.slice_scatter(x, x[:, :3]), lambda: torch.slice_scatter(x, x, 1), lambda: torch.slice_copy(x, 0, 0, 5, 0), lambda: torch.slice_copy(x, 2)]:
    try:
        r = f()
        print(r, r.shape, r.stride(), r.grad_fn.name() if r.grad_fn else None)
        r.sum().backward()
        print(x.grad, z.grad)
    except Exception as e:
        print(type(e).__name__, e)
""",
"var_mean_and_std_mean_reduce_a_dim_beside_an_empty_one": """
for shape in [(0, 3), (3, 0), (0,), (2, 0, 3)]:
    x = torch.zeros(shape)
    for d in [0, 1, -1, (0, 1), None]:
        for f in (torch.std_mean, torch.var_mean, torch.std, torch.var):
            try:
                r = f(x, d) if d is not None else f(x)
                print(shape, d, f.__name__, r)
            except Exception as e:
                print(shape, d, f.__name__, type(e).__name__, e)
""",
"torch_functions_checks_and_texts_from_the_function_sweep": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.tensor([[1.5, -2.0, 0.5], [3.25, -0.5, 4.0]])
g = x.clone().requires_grad_()
b = torch.tensor([[True, False, True], [False, False, True]])
h = x.half()
t(lambda: torch.cdist(h, h))
t(lambda: torch.cdist(x.bfloat16(), x.bfloat16()))
t(lambda: torch.cdist(x.long(), x.long()))
t(lambda: torch.celu_(g, 0))
t(lambda: torch.celu_(x.clone(), 0))
t(lambda: torch.trapezoid(b))
t(lambda: torch.trapezoid(b, b))
t(lambda: torch.trapezoid(x, b))
t(lambda: torch.trapezoid(b, dx=2))
t(lambda: torch.cumulative_trapezoid(b))
t(lambda: torch.cumulative_trapezoid(b, b))
t(lambda: torch.trapz(b))
t(lambda: torch.embedding(x, b))
t(lambda: torch.embedding(x, b.to(torch.uint8)))
t(lambda: torch.embedding(x, x))
t(lambda: torch.frobenius_norm(b, (0,)))
t(lambda: torch.frobenius_norm(b.long(), (0,)))
t(lambda: torch.nuclear_norm(x, 0))
t(lambda: torch.nuclear_norm(x, 2))
t(lambda: torch.nuclear_norm(b))
t(lambda: torch.nuclear_norm(x, True))
t(lambda: torch.isin(x, True))
t(lambda: torch.isin(x, 1))
t(lambda: torch.isin(b, True))
t(lambda: torch.isin(True, b))
t(lambda: torch.isin(x.long(), 2))
t(lambda: torch.isin(x, 2.5))
t(lambda: torch.lu_unpack(torch.tensor([1., 2.]), torch.tensor([1., 2.])))
t(lambda: torch.lu_unpack(torch.tensor(1.), torch.tensor(1.)))
t(lambda: torch.lu_unpack(x, x))
t(lambda: torch.ones([x, x], 1))
t(lambda: torch.zeros([1, 2], 1))
t(lambda: torch.zeros([x], 1, 2))
t(lambda: torch.rsub(x, True))
t(lambda: torch.rsub(b, True))
t(lambda: torch.rsub(x, b))
t(lambda: torch.rsub(b, 1))
t(lambda: torch.searchsorted(x, 0))
t(lambda: torch.searchsorted(x[0].sort().values, 0))
t(lambda: torch.searchsorted(x, torch.tensor(0.)))
t(lambda: torch.unravel_index(torch.tensor([3, 1]), True))
t(lambda: torch.unravel_index(torch.tensor([3, 1]), x))
t(lambda: torch.unravel_index(torch.tensor([0]), (True, 2)))
t(lambda: torch.unravel_index(torch.tensor(1), False))
""",
"a_size_list_then_more_positional_arguments_is_the_extra_arguments_error": """
x = torch.ones(2)
for f in [lambda: torch.zeros([x]), lambda: torch.zeros([x], 1), lambda: torch.zeros(["a"], 1), lambda: torch.zeros((1.5,), 2), lambda: x.view([x], 1), lambda: x.view([1.5]), lambda: x.permute([x], 0), lambda: torch.zeros(1.5, 2), lambda: torch.zeros("a")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"one_hot_of_an_empty_tensor_needs_a_count": """
for t in [torch.tensor([], dtype=torch.long), torch.zeros(0, 2, dtype=torch.long), torch.tensor([1, 2])]:
    for nc in (-1, 0, 3, -2):
        try:
            print(torch.nn.functional.one_hot(t, nc))
        except Exception as e:
            print(type(e).__name__, e)
""",
"accumulating_into_a_grad_of_another_layout_warns_once": """
v1 = torch.randn(2, 3, requires_grad=True)
(v1 * 2).sum().backward()
v1.data = torch.tensor(1.)
x = 1
(v1 * 2).sum().backward()
print(v1.grad)
""",
"std_and_var_without_degrees_of_freedom_keep_their_double_backward": """
for shape in [(0,), (0, 3), (1,), (3,)]:
    v1 = torch.zeros(shape, requires_grad=True)
    for f in [lambda t: t.std(), lambda t: t.var(), lambda t: t.std(0), lambda t: t.mean(), lambda t: t.sum(), lambda t: t.norm(), lambda t: t.prod(), lambda t: t.var(unbiased=False), lambda t: t.logsumexp(0), lambda t: t.amax() if t.numel() else t.sum(), lambda t: t.softmax(0).sum()]:
        try:
            g = torch.autograd.grad(f(v1).sum(), v1, create_graph=True)[0]
            print(shape, g, g.grad_fn.name() if g.grad_fn else None)
        except Exception as e:
            print(shape, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round14_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

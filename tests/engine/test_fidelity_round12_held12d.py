"""Classes of difference found by the twelfth round's held-out programs about storages, views and memory
(issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"as_strided_in_place_takes_as_strideds_geometry_and_records_asstridedbackward1": """
x = torch.arange(6.)
y = x.as_strided_((2, 2), (1, 2), 1)
print(y is x, x, x._version, x.stride(), x.storage_offset())
x.as_strided_((3,), (2,))
print(x, x._version, x.storage_offset(), x.untyped_storage().nbytes())
a = torch.arange(6., requires_grad=True)
b = a * 2
b.as_strided_((2, 2), (2, 1))
print(b, b.grad_fn.name(), b._version)
b.sum().backward()
print(a.grad)
v = (a * 1)[1:]
v.as_strided_((2,), (2,))
print(v, v.grad_fn.name(), v._base.grad_fn.name(), v._version, v._is_view())
for args in [((2, 2), (1,)), ((10,), (1,)), ((2,), (-1,)), ((-1,), (1,)), ((2,), (1,), -1), ((2, 2), (1, 1), 5),
             ((-2,), (0,)), ((3, 0), (1, 1), 100)]:
    for f in (lambda: torch.arange(6.).as_strided(*args), lambda: torch.arange(6.).as_strided_(*args)):
        try:
            r = f()
            print(r.shape, r.stride(), r.storage_offset())
        except Exception as e:
            print(type(e).__name__, e)
try:
    a.as_strided_((2,), (1,))
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    a.as_strided_((2,), (1,))
print(a, a._version, a.grad_fn)
z = torch.arange(6.)
torch.as_strided_(z, (2,), (3,))
print(z, z._version)
w = torch.arange(4.)
e = w.expand(2, 4)
print(e.as_strided_((4,), (1,)).is_contiguous(), e._version, w._version)
w.as_strided_(size=[2], stride=[1], storage_offset=2)
print(w, w.storage_offset())
""",
"untyped_storage_methods_clone_fill_copy_resize_and_the_untypedstorage_class": """
import numpy as np
x = torch.arange(4, dtype=torch.float32)
s = x.untyped_storage()
c = s.clone()
print(c.nbytes(), c.tolist()[:8], c.data_ptr() == s.data_ptr(), type(c).__qualname__)
print(s.fill_(1) is s, x)
s.fill_(300)
print(x.view(torch.int32), x._version)
s.fill_(-1)
print(s[0])
print(s.device, s.is_shared(), s.is_pinned(), s.resizable(), s.is_cuda, s.cpu() is s, s.untyped() is s)
s.copy_(c)
print(x, x._version)
try:
    s.copy_(c[:4])
except Exception as e:
    print(type(e).__name__, e)
y = torch.zeros(2, dtype=torch.float64)
y.untyped_storage().copy_(x.untyped_storage())
print(y)
print(s.share_memory_() is s, s.is_shared(), x.is_shared(), x[1:].is_shared())
print(x[1:].untyped_storage().clone().nbytes())
u = torch.UntypedStorage(8)
print(u.nbytes(), type(u).__qualname__)
z = torch.tensor([], dtype=torch.int32).set_(u)
print(z.shape, isinstance(s, torch.UntypedStorage), isinstance(x, torch.UntypedStorage))
print(torch.is_storage(s), torch.is_storage(x), torch.is_storage(x.storage()))
w = torch.zeros(3)
w.untyped_storage().fill_(0x3f)
print(w)
b = torch.arange(3., dtype=torch.bfloat16)
bc = b.untyped_storage().clone()
b.untyped_storage().fill_(0x40)
print(b, bc.tolist())
b.untyped_storage().copy_(bc)
print(b)
print(torch.from_numpy(np.arange(3.)).untyped_storage().resizable(), s[0:4].resizable())
x = torch.arange(4.)
s = x.untyped_storage()
print(s.resize_(0) is s, s.nbytes(), x.shape, x.untyped_storage().nbytes(), x.storage_offset())
s.resize_(16)
print(x.shape, s.nbytes(), x._version)
x.zero_()
print(x)
y = torch.arange(4.)
y.untyped_storage().resize_(32)
print(y, y.untyped_storage().nbytes())
y.untyped_storage().resize_(8)
print(y[:2], y.untyped_storage().tolist())
z = torch.arange(3., dtype=torch.bfloat16)
z.untyped_storage().resize_(8)
print(z, z.untyped_storage().tolist())
for bad in (lambda: torch.from_numpy(np.arange(3.)).untyped_storage().resize_(4),
            lambda: torch.ones(3).untyped_storage()[0:4].resize_(2), lambda: torch.ones(3).untyped_storage().resize_(-1),
            lambda: torch.ones(3).untyped_storage().resize_(2.0), lambda: torch.from_numpy(np.arange(3.)).resize_(5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_minus_one_beside_a_zero_size_of_an_empty_tensor_is_ambiguous": """
for n, shape in [(0, (-1, 0)), (0, (0, -1)), (0, (2, -1, 0)), (6, (-1, 0)), (0, (-1,)), (0, (-1, 3)), (5, (-1, 0))]:
    for f in ("view", "reshape"):
        try:
            print(getattr(torch.zeros(n), f)(shape).shape)
        except Exception as e:
            print(type(e).__name__, e)
try:
    torch.zeros(0, 3).flatten().view(-1, 0, 2)
except Exception as e:
    print(type(e).__name__, e)
print(torch.zeros(0, 3).reshape(0, -1).shape, torch.zeros(2, 0).t().reshape(-1, 2).shape)
""",
"iterating_a_tensor_gives_unbinds_views":  """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * 2
rows = [r for r in y]
print(type(rows[0].grad_fn).__name__, rows[0]._is_view(), rows[1].storage_offset(), rows[0]._version)
a, b = y
try:
    a.mul_(2)
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    for r in y:
        r.mul_(2)
print(y)
z = torch.arange(6).view(3, 2)
for r in z:
    r += 1
print(z, z._version)
print(list(torch.arange(3.)), tuple(torch.zeros(2, 0)), list(torch.zeros(0, 2)))
s = sum(r for r in x)
print(s, type(s.grad_fn).__name__)
s.sum().backward()
print(x.grad)
print([type(r.grad_fn).__name__ for r in x.t()])
w = torch.ones(2, 2, requires_grad=True)
for r in w:
    print(r.requires_grad, r.is_leaf, type(r.grad_fn).__name__)
with torch.inference_mode():
    q = torch.ones(2, 2)
    print([r._is_view() for r in q])
""",
"out_into_a_tensor_whose_elements_share_memory_is_refused_before_the_resize_or_reduced_into": """
x = torch.arange(12.).view(2, 2, 3)
cases = {
    "add": lambda o: torch.add(torch.ones(2, 2), 1, out=o), "exp": lambda o: torch.exp(torch.ones(2, 2), out=o),
    "mul_other_shape": lambda o: torch.mul(torch.ones(3), 2, out=o), "mean": lambda o: torch.mean(x, 2, out=o),
    "cat": lambda o: torch.cat([torch.ones(1, 2), torch.ones(1, 2)], out=o),
    "mm": lambda o: torch.mm(torch.ones(2, 3), torch.ones(3, 2), out=o),
    "where": lambda o: torch.where(torch.ones(2, 2) > 0, torch.ones(2, 2), torch.zeros(2, 2), out=o),
    "cumsum": lambda o: torch.cumsum(x[..., 0], 1, out=o), "logsumexp": lambda o: torch.logsumexp(x, 2, out=o),
    "sum": lambda o: torch.sum(x, 2, out=o), "prod": lambda o: torch.prod(x + 1, 2, out=o),
    "amax": lambda o: torch.amax(x, 2, out=o), "amin": lambda o: torch.amin(x, 2, out=o),
    "nansum": lambda o: torch.nansum(x, 2, out=o), "sum_other_shape": lambda o: torch.sum(x, 0, out=o),
    "cummax": lambda o: torch.cummax(x[..., 0], 1, out=(o, torch.zeros(2, 2, dtype=torch.long))),
    "max_dim": lambda o: torch.max(x, 2, out=(o, torch.zeros(2, 2, dtype=torch.long))),
    "zeros": lambda o: torch.zeros(2, 2, out=o), "full": lambda o: torch.full((2, 2), 3., out=o),
    "eye": lambda o: torch.eye(2, out=o), "empty": lambda o: torch.empty(2, 2, out=o),
    "rand": lambda o: torch.rand(2, 2, out=o), "linspace": lambda o: torch.linspace(0, 1, 2, out=o[0]),
    "copy": lambda o: o.copy_(torch.ones(2, 2)),
}
for name, f in cases.items():
    for o in (torch.zeros(1).expand(2, 2), torch.zeros(2, 1).expand(2, 2), torch.zeros(1, 2).expand(2, 2)):
        try:
            f(o)
            print(name, o.shape, o.stride(), o.tolist(), o._version)
        except Exception as e:
            print(name, type(e).__name__, e)
""",
"advanced_indexing_lays_its_result_out_as_atens_index_kernel":  """
x2 = torch.arange(12.).view(3, 4)
x3 = torch.arange(60.).view(3, 4, 5)
i = torch.tensor([0, 2])
j = torch.tensor([[0, 1], [1, 2]])
for name, f in [("a", lambda: x2[1:, [0, 2]]), ("b", lambda: x2[[0, 2], 1:]), ("c", lambda: x2[:, i]),
                ("d", lambda: x3[:, i]), ("e", lambda: x3[:, :, i]), ("f", lambda: x3[i, :, 1:]),
                ("g", lambda: x3[:, i, :]), ("h", lambda: x3[:, j]), ("k", lambda: x3[..., j]),
                ("l", lambda: x3[:, i, i]), ("m", lambda: x3[i, :, i]), ("n", lambda: x2.t()[:, i]),
                ("o", lambda: x2.t()[i]), ("p", lambda: x3.permute(2, 0, 1)[:, i]), ("q", lambda: x3[1:, :, j]),
                ("r", lambda: x2[:, torch.tensor([True, False, True, True])]), ("s", lambda: x3[:, 1, i]),
                ("t", lambda: x3[None, :, i]), ("u", lambda: x2[:, [1]]), ("v", lambda: x3[:, [[1]], :2])]:
    r = f()
    print(name, r.shape, r.stride())
x2 = torch.arange(12.).view(3, 4)
x3 = torch.arange(60.).view(3, 4, 5)
x4 = torch.arange(120.).view(2, 3, 4, 5)
i = torch.tensor([0, 2])
j = torch.tensor([[0, 1], [1, 2]])
m = torch.tensor([[True, False, True, True], [False, True, True, False], [True, True, False, False]])
cases = [lambda: x2[:, [1]], lambda: x3[:, [[1]], :2], lambda: x3.unsqueeze(1)[:, :, i], lambda: x3[:1, i],
         lambda: x3[:, i][:, :, None], lambda: x3[[1], :, [2]], lambda: x4[:, i, :, i], lambda: x4[:, :, i, 1:3],
         lambda: x4[i - i, :, i], lambda: x4[:, j, 1:, :2], lambda: x4[..., j], lambda: x4[:, m],
         lambda: x3[m], lambda: x3[:, :, torch.tensor([True, False, True, False, True])], lambda: x4.transpose(1, 3)[:, i],
         lambda: x4.permute(3, 1, 0, 2)[:, :, i - 1], lambda: x3.t() if False else x3.transpose(0, 2)[:, j],
         lambda: x3[i, 1:, j[:, :1]], lambda: x3[:, torch.tensor(1)], lambda: x3[:, torch.tensor([[1]]), torch.tensor([2, 3])],
         lambda: x3[:, i.view(2, 1), i], lambda: x3[torch.tensor([], dtype=torch.long)], lambda: x3[:, torch.tensor([], dtype=torch.long)],
         lambda: x3.expand(2, 3, 4, 5)[:, :, i], lambda: x3[:, i, None], lambda: x3[None, ..., i], lambda: x3[i.int()],
         lambda: x3[:, i.expand(3, 2)], lambda: x3[:, j.t()], lambda: x3[:, j.t(), 1:]]
for n, f in enumerate(cases):
    r = f()
    print(n, r.shape, r.stride(), r.sum().item())
""",
"elementwise_results_made_element_by_element_keep_the_tensoriterator_layout": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.rand(3, 4) * 0.8 + 0.1
t = x.t()
c = (torch.rand(2, 3, 2, 2) * 0.8 + 0.1).contiguous(memory_format=torch.channels_last)
p = (torch.rand(2, 3, 4) * 0.8 + 0.1).permute(2, 0, 1)
e = (torch.rand(4, 1) * 0.8 + 0.1).expand(4, 3)
ops = {
    "erf": torch.erf, "erfc": torch.erfc, "erfinv": torch.erfinv, "lgamma": torch.lgamma, "digamma": torch.digamma,
    "i0": torch.i0, "sinc": torch.sinc, "polygamma": lambda a: torch.polygamma(1, a), "ndtr": torch.special.ndtr,
    "ndtri": torch.special.ndtri, "i0e": torch.special.i0e, "i1": torch.special.i1, "entr": torch.special.entr,
    "glu": lambda a: F.glu(torch.cat([a, a], -1)), "prelu": lambda a: F.prelu(a, torch.tensor([0.1])),
    "mse": lambda a: F.mse_loss(a, a.detach() + 1, reduction='none'),
    "mse_contiguous_target": lambda a: F.mse_loss(a, a.contiguous(), reduction='none'),
    "l1": lambda a: F.l1_loss(a, a * 0, reduction='none'), "smooth_l1": lambda a: F.smooth_l1_loss(a, a * 0, reduction='none'),
    "huber": lambda a: F.huber_loss(a, a * 0, reduction='none'), "bce": lambda a: F.binary_cross_entropy(a, a, reduction='none'),
    "bce_logits": lambda a: F.binary_cross_entropy_with_logits(a, torch.ones_like(a), reduction='none'),
    "bce_logits_contiguous_target": lambda a: F.binary_cross_entropy_with_logits(a, torch.ones(a.shape), reduction='none'),
    "soft_margin": lambda a: F.soft_margin_loss(a, a, reduction='none'), "mse_mean": lambda a: F.mse_loss(a, a * 2),
}
for name, f in ops.items():
    outs = []
    for a in (t, c, p, e):
        r = f(a)
        outs.append((r.stride(), round(r.sum().item(), 3)))
    print(name, outs)
""",
"var_std_any_all_count_nonzero_results_are_contiguous_and_roll_keeps_channels_last": """
torch.manual_seed(0)
t = torch.rand(3, 4).t()
c = torch.rand(2, 3, 2, 2).contiguous(memory_format=torch.channels_last)
p = torch.rand(2, 3, 4).permute(2, 0, 1)
ops = {"std0": lambda a: a.std(0, keepdim=True), "var1": lambda a: a.var(1, keepdim=True), "var1n": lambda a: a.var(1),
       "std_mean": lambda a: torch.std_mean(a, 1, keepdim=True)[0], "all0": lambda a: (a > 0.5).all(0, keepdim=True),
       "any1": lambda a: (a > 0.5).any(1), "count_nz": lambda a: torch.count_nonzero(a, 0), "sum0k": lambda a: a.sum(0, keepdim=True),
       "roll0": lambda a: a.roll(1, 0), "roll2": lambda a: a.roll((1, 1), (0, 1)), "roll_nodim": lambda a: a.roll(1)}
for name, f in ops.items():
    print(name, [(f(a).stride(), round(f(a).float().sum().item(), 4)) for a in (t, c, p)])
x = torch.arange(6.).view(2, 3)
print(x.var(), x.std(), x.all(), x.any(), torch.count_nonzero(x), x.var(0), x.all(1), torch.count_nonzero(x, 0))
print(x.var().shape, x.all().shape, torch.count_nonzero(x).shape, torch.tensor(3.).var(), torch.tensor(3.).all(0).shape)
c = torch.arange(24.).view(1, 2, 3, 4).contiguous(memory_format=torch.channels_last).requires_grad_()
r = c.roll(1, 2)
print(r.stride(), r[0, 1])
r.sum().backward()
print(c.grad.stride())
c5 = torch.arange(48.).view(1, 2, 2, 3, 4).contiguous(memory_format=torch.channels_last_3d)
print(c5.roll((1, 1), (2, 3)).stride(), c5.roll(1).stride())
print(torch.zeros(1, 3, 1, 1).roll(1, 1).stride(), torch.zeros(2, 1, 2, 2).contiguous(memory_format=torch.channels_last).roll(1, 0).stride())
""",
"typed_storage_methods_and_set_growing_the_storage": """
x = torch.arange(6.)
st = x.storage()
st[1] = 50.
print(x, x._version)
print(st.fill_(3) is st, x)
print(st.is_shared(), st.device, st.is_cuda, st.is_pinned(), st.cpu() is st)
c = st.clone()
print(type(c).__qualname__, c.dtype, c.data_ptr() == st.data_ptr(), c.tolist())
c.fill_(1)
st.copy_(c)
print(x)
try:
    st.copy_(torch.ones(2).storage())
except Exception as e:
    print(type(e).__name__, e)
print(st.share_memory_() is st, st.is_shared(), x.is_shared())
i = torch.tensor([1, 2, 3]).storage()
i.fill_(2.7)
print(i.tolist())
b = torch.tensor([True, False]).storage()
print(b.tolist(), b.dtype, b.element_size(), b.nbytes())
h = torch.ones(2, dtype=torch.bfloat16).storage()
print(h.tolist(), h.nbytes(), h.element_size())
h.fill_(2.5)
print(h.tolist())
print(st.resizable(), st.size(), st.type() if hasattr(st, 'type') else '-')
print(repr(torch.tensor([1, 2], dtype=torch.int8).storage()))
import numpy as np
x = torch.ones(3)
s = x.untyped_storage()
z = torch.empty(0).set_(s, 1, (3, 2), (2, 1))
print(s.nbytes(), x, z._version, x.untyped_storage().nbytes())
z[2, 1] = 7
print(z[2, 1], z.storage_offset())
a = torch.from_numpy(np.ones(2, dtype=np.float32))
try:
    torch.empty(0).set_(a.untyped_storage(), 0, (4,), (1,))
except Exception as e:
    print(type(e).__name__, e)
y = torch.ones(2)
y.set_(y.untyped_storage(), 0, (4,), (1,))
print(y.shape, y.untyped_storage().nbytes(), y[:2])
x = torch.ones(3, 3)
torch.empty(0).set_(x.untyped_storage(), 5, (3, 3), (3, 1))
print(x.untyped_storage().nbytes(), x)
""",
"pin_memory_in_a_cpu_only_build":  """
x = torch.ones(2)
print(x.is_pinned())
try:
    y = x.pin_memory()
    print(y.is_pinned())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(x.untyped_storage().pin_memory())
except Exception as e:
    print(type(e).__name__, e)
""",
"layouts_of_index_put_put_isclose_repeat_interleave_one_hot_and_searchsorteds_warnings":  """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.rand(3, 4)
t = x.t()
c = torch.rand(2, 3, 4, 4).contiguous(memory_format=torch.channels_last)
p = torch.rand(2, 3, 4).permute(2, 0, 1)
s = torch.rand(4, 6)[:, ::2]
ops = {
 "gather": lambda a: a.gather(0, torch.zeros(a.shape, dtype=torch.long)), "scatter_add": lambda a: a.scatter_add(0, torch.zeros(a.shape, dtype=torch.long), a),
 "index_add": lambda a: a.index_add(0, torch.tensor([0]), a[:1]), "index_copy": lambda a: a.index_copy(0, torch.tensor([0]), a[:1].clone()),
 "masked_fill": lambda a: a.masked_fill(a > 0.5, 0.), "masked_scatter": lambda a: a.masked_scatter(a > 0.5, torch.zeros(a.shape)),
 "index_put": lambda a: a.index_put((torch.tensor([0]),), torch.tensor(1.)), "put": lambda a: a.put(torch.tensor([0]), torch.tensor([9.])),
 "tril": lambda a: a.tril() if a.dim() == 2 else a, "triu": lambda a: a.triu(1) if a.dim() == 2 else a, "flip": lambda a: a.flip(0),
 "rot90": lambda a: a.rot90(), "repeat": lambda a: a.repeat(*([1] * a.dim())), "repeat_il": lambda a: a.repeat_interleave(2, 0),
 "cumsum1": lambda a: a.cumsum(1), "cumprod0": lambda a: a.cumprod(0), "cummin": lambda a: a.cummin(1)[0], "sort1": lambda a: a.sort(1)[0],
 "argsort": lambda a: a.argsort(0), "topk": lambda a: a.topk(1, 1)[0], "kthvalue": lambda a: a.kthvalue(1, 0)[0], "msort": torch.msort,
 "softmax0": lambda a: a.softmax(0), "softmax1": lambda a: a.softmax(1), "logsoftmax0": lambda a: a.log_softmax(0),
 "cat0": lambda a: torch.cat([a, a], 0), "cat1": lambda a: torch.cat([a, a], 1), "stack1": lambda a: torch.stack([a, a], 1),
 "cat_mixed": lambda a: torch.cat([a, a.contiguous()], 0), "hstack": lambda a: torch.hstack([a, a]), "vstack": lambda a: torch.vstack([a, a]),
 "where_b": lambda a: torch.where(a > 0.5, a, torch.zeros(a.shape[-1])), "clamp_t": lambda a: a.clamp(a.contiguous() * 0, None),
 "diag_embed": lambda a: torch.diag_embed(a), "pad": lambda a: F.pad(a, (1, 1)), "pad_reflect": lambda a: F.pad(a, (1, 1), mode="reflect") if a.dim() >= 3 else a,
 "interp": lambda a: F.interpolate(a, scale_factor=2) if a.dim() >= 3 else a, "avg_pool": lambda a: F.avg_pool2d(a, 2) if a.dim() == 4 else a,
 "max_pool1d": lambda a: F.max_pool1d(a, 2) if a.dim() == 3 else a, "normalize": lambda a: F.normalize(a, dim=1),
 "dist": lambda a: torch.cdist(a, a) if a.dim() >= 2 else a, "linear": lambda a: F.linear(a, torch.ones(2, a.shape[-1])),
 "bmm_like": lambda a: a @ torch.ones(a.shape[-1], 2), "einsum": lambda a: torch.einsum('...j->...j', a),
 "nonzero": lambda a: (a > 0.5).nonzero(), "unique": lambda a: torch.unique(a, dim=0), "diff": lambda a: torch.diff(a, dim=-1),
 "to_half": lambda a: a.half(), "to_long": lambda a: a.long(), "type_as": lambda a: a.type_as(torch.zeros(1, dtype=torch.int32)),
 "contiguous": lambda a: a.contiguous(), "float_power": lambda a: a.float_power(2), "addcmul_c": lambda a: torch.addcmul(a.contiguous(), a, a),
 "baddbmm": lambda a: a, "mul_c": lambda a: a * a.contiguous(), "add_c_first": lambda a: a.contiguous() + a, "mask_sel": lambda a: a[a > 0.5],
 "logical_and": lambda a: torch.logical_and(a > 0.2, a < 0.8), "eq": lambda a: a == a.contiguous(), "isclose": lambda a: torch.isclose(a, a),
 "nan_to_num": lambda a: a.nan_to_num(), "clip": lambda a: a.clip(0.2, 0.5), "lerp_s": lambda a: a.lerp(a.contiguous(), 0.5),
 "bucketize": lambda a: torch.bucketize(a, torch.tensor([0.5])), "searchsorted": lambda a: torch.searchsorted(torch.tensor([0.5]), a),
 "histc": lambda a: a.histc(4), "outer": lambda a: a, "embedding": lambda a: F.embedding(torch.tensor([[0, 1]]), a) if a.dim() == 2 else a,
 "one_hot": lambda a: F.one_hot((a * 3).long(), 3), "cross": lambda a: a, "clone_pf": lambda a: a.clone(memory_format=torch.preserve_format),
 "sign": torch.sign, "bitwise_xor": lambda a: (a > 0.5) ^ (a > 0.2), "neg_": lambda a: a.clone().neg_(),
}
for name, f in ops.items():
    outs = []
    for a in (t, c, p, s):
        try:
            outs.append(f(a).stride())
        except Exception as ex:
            outs.append(type(ex).__name__)
    print(name, outs)
t = torch.rand(3, 4).t()
b = torch.tensor([0.2, 0.5, 0.9])
print(torch.bucketize(t, b).stride())
print(torch.searchsorted(b, t.contiguous()).shape)
print(torch.searchsorted(torch.arange(10.)[::2], torch.tensor([3.])))
print(torch.searchsorted(b, t).stride())
print(torch.searchsorted(torch.sort(torch.rand(4, 3), 0)[0].t(), torch.rand(3, 2)).shape)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

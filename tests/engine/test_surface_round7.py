"""The common torch functions and Tensor methods round 7 added (issue 16: held-out programs touching them), each a
differential program against torch 2.13: values, dtypes, grad_fns and _saved_*, versions, errors and warnings."""
import pytest

from same_as_torch import same_as_torch

X = "x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\n"

PROGRAMS = {
# ---------------------------------------------------------------- defaults, predicates, properties
"default_dtype_float64": """
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.tensor(1.5), torch.tensor([1.5], dtype=torch.float32), torch.tensor([], dtype=torch.float32), torch.tensor([]))
print(torch.ones(2).dtype, torch.arange(3.), torch.tensor(1) / 2, (torch.ones(2, dtype=torch.float32) * 2.5).dtype)
print(torch.get_default_dtype(), torch.finfo(), torch.tensor([1, 2]) * 1.5, torch.scalar_tensor(2))
torch.set_default_dtype(torch.float16)
print(torch.ones(2), torch.tensor(2.5).dtype)
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.5], dtype=torch.float64))
""",
"set_default_dtype_int": "torch.set_default_dtype(torch.int32)",
"set_default_dtype_not_dtype": "torch.set_default_dtype(3)",
"finfo_iinfo": """
for d in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
    f = torch.finfo(d)
    print(f, f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype)
for d in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
    i = torch.iinfo(d)
    print(i, i.bits, i.min, i.max, i.dtype)
print(torch.finfo(torch.float32) == torch.finfo(torch.float32), torch.finfo(type=torch.float16).eps)
""",
"iinfo_of_float": "torch.iinfo(torch.float32)",
"iinfo_of_bool": "torch.iinfo(torch.bool)",
"finfo_of_int": "torch.finfo(torch.int64)",
"finfo_of_none": "torch.finfo(None)",
"predicates_and_properties": X + """
t = x.t()
print(x.is_cpu, x.get_device(), x.layout, x.is_pinned(), x.is_shared(), t.dim_order(), x.dim_order())
print(torch.ones(2, 3, 4).permute(2, 0, 1).dim_order(), torch.tensor(1.).dim_order(), torch.strided == x.layout)
print(torch.typename(x), torch.typename(x.long()), torch.typename(1), torch.typename([]))
print(torch.is_nonzero(torch.tensor([1])), torch.is_nonzero(torch.tensor(0.)), torch.tensor(3).is_nonzero())
print(torch.is_same_size(x, t), torch.is_same_size(x, x * 2), torch.is_floating_point(x), torch.is_complex(x))
print(torch.is_signed(x.bool()), torch.is_signed(x.long()))
y = x.detach()
print(y.share_memory_() is y, y.is_shared(), x.is_shared(), y._version)
print(torch.are_deterministic_algorithms_enabled(), torch.is_warn_always_enabled())
torch.use_deterministic_algorithms(True)
torch.set_warn_always(True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_warn_always_enabled())
torch.use_deterministic_algorithms(False)
torch.set_warn_always(False)
""",
"is_nonzero_of_many": "torch.is_nonzero(torch.tensor([1, 2]))",
"is_nonzero_of_none": "torch.is_nonzero(torch.tensor([]))",
"is_nonzero_of_number": "torch.is_nonzero(1)",
"set_warn_always_int": "torch.set_warn_always(1)",
"broadcasting_helpers": """
a = torch.ones(2, 1, requires_grad=True)
b = a * 1
print(torch.broadcast_shapes((2, 1), (3,)), torch.broadcast_shapes(), torch.broadcast_shapes(3, (2, 1)))
r = torch.broadcast_tensors(a, torch.ones(3))
print(r, r[0]._base is a)
print(torch.broadcast_tensors(b, torch.ones(2, 1))[0] is b, torch.broadcast_tensors(a, torch.ones(1))[1].stride())
""",
"broadcast_shapes_mismatch": "torch.broadcast_shapes((2,), (3,))",
"broadcast_shapes_negative": "torch.broadcast_shapes((-1,))",
"broadcast_tensors_mismatch": "torch.broadcast_tensors(torch.ones(2), torch.ones(3))",
"broadcast_tensors_number": "torch.broadcast_tensors(torch.ones(2), 1)",
# ---------------------------------------------------------------- storage experiments
"resize": """
x = torch.arange(6.).view(2, 3)
y = x.clone()
print(y.resize_(4), y.shape, y._version, y.untyped_storage().size())
y = torch.zeros(2)
v = y[:1]
y.resize_(10)
print(y.untyped_storage().size(), v.untyped_storage().size(), y.untyped_storage().data_ptr() == v.untyped_storage().data_ptr())
y.fill_(2.)
v.add_(1)
print(y, v)
a = torch.ones(2, requires_grad=True)
print(a.detach().resize_(4).shape, a)  # (the grown part is uninitialised memory in PyTorch)
y = torch.ones(2, 3)
y.resize_(2, 3)
print(y._version)
y.resize_(6)
y.resize_(1)
print(y._version, y.untyped_storage().size(), y)
t = torch.ones(3, 4).t()
t.resize_(4, 3)
print(t.stride())
t.resize_(2, 3)
print(t.stride(), t)
b = torch.ones(4)
print(b.resize_as_(torch.ones(2, 1).t()).stride(), torch.resize_as_(torch.ones(3), torch.ones(1)))
""",
"resize_requires_grad": "torch.ones(2, requires_grad=True).resize_(3)",
"resize_same_size_requires_grad": "torch.ones(2, requires_grad=True).resize_(2)",
"resize_nonleaf": "(torch.ones(2, requires_grad=True) * 2).resize_(3)",
"resize_as_requires_grad": "torch.ones(2, requires_grad=True).resize_as_(torch.ones(3))",
"resize_as_number": "torch.ones(2).resize_as_(3)",
"new_and_strided": """
x = torch.ones(2, 3, dtype=torch.float64, requires_grad=True)
print(x.new(2).shape, x.new([1, 2]), x.new(), x.new(torch.ones(2, dtype=torch.float64)), x.new(2, 3).dtype, x.new((1, 2)))
print(x.new_empty_strided((2, 3), (1, 2)).stride(), x.new_empty_strided((2, 3), (1, 2)).dtype)
e = torch.empty_strided((2, 3), (1, 2))
print(e.stride(), e.untyped_storage().size(), e.dtype, torch.empty_strided((2,), (1,), dtype=torch.int64).dtype)
print(torch.scalar_tensor(3), torch.scalar_tensor(True), torch.scalar_tensor(2, dtype=torch.int64))
print(torch.scalar_tensor(1.5, requires_grad=True))
""",
"new_of_other_dtype": "torch.ones(2, dtype=torch.float64).new(torch.ones(2, dtype=torch.int64))",
"new_of_float": "torch.ones(2).new(1.5)",
"empty_strided_mismatch": "torch.empty_strided((2, 3), (1,))",
"empty_strided_negative": "torch.empty_strided((2, -3), (1, 1))",
"range": """
print(torch.range(0, 3), torch.range(1, 2, 0.5), torch.range(0, 3, dtype=torch.int64), torch.range(3, 0, -1.5))
""",
"range_step_zero": "torch.range(0, 3, 0)",
"range_wrong_sign": "torch.range(3, 0)",
"put": """
x = torch.zeros(2, 3, requires_grad=True)
y = x * 1
print(y.put_(torch.tensor([0, 5]), torch.tensor([1., 2.])), y._version)
print(y.put(torch.tensor([1]), torch.tensor([9.]), accumulate=True), torch.put(y, torch.tensor([-1]), torch.tensor([3.])))
z = torch.zeros(2, 3)
z.put_(torch.tensor([0, 0]), torch.tensor([1., 2.]), accumulate=True)
zt = torch.zeros(3, 2).t()
zt.put_(torch.tensor([1, 5]), torch.tensor([1., 2.]))
print(z, zt, torch.tensor(1.).put_(torch.tensor([0]), torch.tensor([4.])))
v = torch.tensor([1., 2.], requires_grad=True)
r = (x * 1).put(torch.tensor([0, 4]), v)
print(r.grad_fn, r.grad_fn._saved_index, r.grad_fn._saved_accumulate, r.grad_fn._saved_source)
r.sum().backward()
print(v.grad, x.grad)
r = (x * 1).put(torch.tensor([0, 4]), v, accumulate=True)
r.sum().backward()
print(x.grad, v.grad, torch.tensor([1, 2]).put(torch.tensor([0]), torch.tensor([5])))
""",
"put_out_of_range": "torch.zeros(2, 3).put_(torch.tensor([6]), torch.tensor([1.]))",
"put_float_index": "torch.zeros(2, 3).put_(torch.tensor([1.]), torch.tensor([1.]))",
"put_numel_mismatch": "torch.zeros(2, 3).put_(torch.tensor([1, 2]), torch.tensor([1.]))",
"put_dtype_mismatch": "torch.zeros(2, 3).put_(torch.tensor([1]), torch.tensor([1]))",
"put_into_empty": "torch.zeros(0).put_(torch.tensor([0]), torch.tensor([1.]))",
"scatters": """
x = torch.zeros(3, 4, requires_grad=True)
s = torch.ones(3, 2, requires_grad=True)
r = torch.slice_scatter(x, s, dim=1, start=0, end=4, step=2)
print(r, r.grad_fn._saved_dim, r.grad_fn._saved_start, r.grad_fn._saved_end, r.grad_fn._saved_step, r._version)
r.sum().backward()
print(x.grad, s.grad)
r = x.slice_scatter(torch.ones(3, 4), -1)
print(r.grad_fn._saved_dim, r.grad_fn._saved_start, r.grad_fn._saved_end)
r = x.select_scatter(torch.ones(3), -1, -1)
print(r, r.grad_fn._saved_dim, r.grad_fn._saved_index)
r = x.diagonal_scatter(torch.ones(3), 1)
print(r, r.grad_fn._saved_offset, r.grad_fn._saved_dim1, r.grad_fn._saved_dim2)
x.grad = None
r = x.as_strided_scatter(torch.ones(2), (2,), (5,))
print(r, r.grad_fn._saved_size, r.grad_fn._saved_stride, r.grad_fn._saved_storage_offset)
r.backward(torch.arange(12.).view(3, 4))
print(x.grad)
print(torch.zeros(3, 4).t().slice_scatter(torch.ones(4, 1), 1, 0, 1).stride())
print(torch.zeros(4, dtype=torch.int64).slice_scatter(torch.ones(4)))
""",
"slice_scatter_size": "torch.zeros(3, 4).slice_scatter(torch.ones(3, 3), 1, 0, 4, 2)",
"select_scatter_index": "torch.zeros(3, 4).select_scatter(torch.ones(4), 0, 5)",
"slice_scatter_step": "torch.zeros(3, 4).slice_scatter(torch.ones(3, 4), 1, step=0)",
"diagonal_scatter_size": "torch.zeros(3, 4).diagonal_scatter(torch.ones(2))",
"view_copies": X + """
for n, a in [("view_copy", ((6,),)), ("transpose_copy", (0, 1)), ("t_copy", ()), ("permute_copy", ((1, 0),)),
             ("expand_copy", ((2, 2, 3),)), ("select_copy", (0, 1)), ("slice_copy", (1, 0, 2)),
             ("diagonal_copy", ()), ("alias_copy", ()), ("squeeze_copy", ()), ("unsqueeze_copy", (0,)),
             ("unfold_copy", (1, 2, 1)), ("as_strided_copy", ((2,), (1,)))]:
    r = getattr(torch, n)(x * 2, *a)
    print(n, r, r.grad_fn.name(), r.is_contiguous(), r._base is None)
torch.transpose_copy(x, 0, 1).sum().backward()
print(x.grad, x.narrow_copy(1, 0, 2), torch.narrow_copy(x, 1, 0, 2).shape)
print(x.split_with_sizes([1, 1]), torch.split_with_sizes(x, [1, 2], 1)[1])
""",
"split_with_sizes_sum": "torch.ones(3, 4).split_with_sizes([1, 1])",
# ---------------------------------------------------------------- in-place spellings
"inplace_aliases": """
a = torch.tensor([1., 2.], requires_grad=True)
for name in ["hypot_", "xlogy_", "atan2_", "arctan2_"]:
    b = a * 1
    r = getattr(b, name)(torch.tensor([3., 4.]))
    print(name, r, b._version)
b = a * 1
print(b.xlogy_(2.), b.grad_fn._saved_self)
b = a * 1
print(b.square_(), b.divide_(2.), b.true_divide_(torch.tensor(2.)), b.multiply_(3), b.subtract_(1), b._version)
print((a * 1).div_(2, rounding_mode="floor"), torch.tensor([5, 7]).div_(2, rounding_mode="floor"))
c = torch.ones(2)
print(torch.acosh_(c), torch.detach_(c), torch.square_(c), torch.tensor([1, 2]).square_(), torch.asinh_(torch.ones(2)))
d = a * 1
d.xlogy_(torch.tensor([3., 4.])).sum().backward()
print(a.grad)
""",
"atan2_inplace_int": "torch.tensor([1, 2]).atan2_(torch.tensor([1, 1]))",
"hypot_inplace_int": "torch.tensor([1, 2]).hypot_(torch.tensor([1, 1]))",
"xlogy_inplace_int": "torch.tensor([1, 2]).xlogy_(2)",
"divide_inplace_int": "torch.tensor([1, 2]).divide_(2)",
"hypot_inplace_broadcast": "torch.ones(2).hypot_(torch.ones(2, 2))",
# ---------------------------------------------------------------- math
"scaled_products": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
m = torch.ones(2, 3, requires_grad=True)
v = torch.tensor([0.5, 1.5], requires_grad=True)
r = torch.zeros(2, 3).addmm(x, m, beta=2, alpha=0.5)
print(r, r.grad_fn._saved_alpha, r.grad_fn._saved_beta)
r = torch.zeros(2).addmv(x, v, alpha=2)
print(r, r.grad_fn._saved_alpha, r.grad_fn._saved_beta, r.grad_fn._saved_mat, r.grad_fn._saved_vec)
r.sum().backward()
print(x.grad, v.grad)
w = torch.ones(2, requires_grad=True)
r = torch.zeros(2, 2).addr(v, w, beta=3)
print(r, r.grad_fn._saved_vec1, r.grad_fn._saved_vec2, r.grad_fn._saved_beta)
r.backward(torch.tensor([[1., 2.], [3., 4.]]))
print(v.grad, w.grad)
c = torch.zeros(2, 3)
print(c.addmm_(x.detach(), m.detach()), c._version)
c = torch.zeros(2, 3, requires_grad=True) * 1
print(c.addmm_(x, m).grad_fn.name(), c.grad_fn.next_functions[0][0].name())
d = torch.zeros(2) * 1
print(d.addmv_(x, v), torch.addmv_(torch.ones(2), x.detach(), v.detach(), beta=0.5))
e = torch.ones(2, 2)
print(e.addr_(v.detach(), w.detach(), alpha=2), e._version)
print(torch.addmv(torch.zeros(2), x, v, beta=0), torch.full((2,), float("nan")).addmv(x, v, beta=0))
print(torch.addr(torch.zeros(2, 2, dtype=torch.int64), torch.tensor([1, 2]), torch.tensor([3, 4]), alpha=2))
print(torch.addr(torch.zeros(2, 2), v, v.double()), torch.addr(torch.zeros(2, 2, dtype=torch.bool), v.bool(), v.bool()))
""",
"addr_bits": """
g = torch.Generator().manual_seed(3)
for n, m in [(3, 4), (16, 17), (5, 40)]:
    for dt in (torch.float32, torch.float64):
        a, b, c = torch.randn(n, generator=g, dtype=dt), torch.randn(m, generator=g, dtype=dt), torch.randn(n, m, generator=g, dtype=dt)
        print(torch.addr(c, a, b, beta=0.3, alpha=0.7).sum().item(), torch.addr(c, a, b).sum().item())
""",
"addmv_size": "torch.addmv(torch.zeros(3), torch.ones(2, 2), torch.ones(2))",
"addmv_ranks": "torch.addmv(torch.zeros(2), torch.ones(2), torch.ones(2))",
"addmv_dtypes": "torch.addmv(torch.zeros(2, dtype=torch.float64), torch.ones(2, 2), torch.ones(2))",
"addr_ranks": "torch.addr(torch.zeros(2, 2), torch.ones(2), torch.ones(2, 1))",
"addr_float_alpha_int": "torch.addr(torch.zeros(2, 2, dtype=torch.int64), torch.ones(2).long(), torch.ones(2).long(), alpha=1.5)",
"addr_inplace_size": "torch.zeros(1, 2).addr_(torch.ones(2), torch.ones(2))",
"addmm_inplace_size": "torch.zeros(2, 2).addmm_(torch.ones(2, 3), torch.ones(3, 4))",
"addmm_inplace_leaf": "x = torch.ones(2, 2, requires_grad=True)\nx.addmm_(x, x)",
"activations_at_torch_level": """
x = torch.tensor([-1., 0.5, 2.], requires_grad=True)
print(torch.threshold(x, 0.6, 9.), torch.selu(x), torch.celu(x, 2.), torch.hardshrink(x, 0.6), x.hardshrink())
print(torch.prelu(x, torch.tensor([0.25])), x.prelu(torch.tensor([0.25])))
y = x.detach().clone()
print(torch.threshold_(y, 0.6, 9.), torch.selu_(y.clone()), torch.celu_(y.clone()))
print(torch.threshold_(x * 1, 0.6, 9.), torch.celu_(x * 1, 0.5), torch.selu_(x * 1))
""",
"numeric_extras": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
print(torch.diag_embed(x), torch.diag_embed(m, 1, 0, 2), torch.diagflat(m), torch.diagflat(x, -1), m.diag_embed().shape)
r = torch.diag_embed(m, -1, 0, 2)
print(r.grad_fn._saved_offset, r.grad_fn._saved_dim1, r.grad_fn._saved_dim2)
r.sum().backward()
print(m.grad)
print(torch.rsub(x, 2), torch.rsub(x, torch.ones(3), alpha=2), torch.rsub(x, 2).grad_fn._saved_alpha, torch.rsub(torch.tensor([1, 2]), 2.5))
y = torch.tensor([1., 2., 3.], requires_grad=True)
torch.rsub(y, torch.ones(3), alpha=2).sum().backward()
print(y.grad)
print(torch.ldexp(x, torch.tensor([1, 2, 3])), x.ldexp(torch.tensor([1])), torch.frexp(torch.tensor([8., 0.3, -5.])))
print(torch.tensor([1., 3.]).ldexp_(torch.tensor([2])), torch.tensor([0.5, 3.]).frexp())
z = torch.tensor([1., 2.], requires_grad=True)
e = torch.tensor([1., 3.], requires_grad=True)
torch.ldexp(z, e).sum().backward()
print(z.grad, e.grad)
print(torch.vander(x), torch.vander(x, 2, True), torch.vander(torch.tensor([1, 2])), torch.vander(x, 0))
print(torch.unravel_index(torch.tensor([5, 3]), (2, 3)), torch.unravel_index(torch.tensor(4), (2, 3)), torch.unravel_index(torch.tensor([-1, 5]), (2, 3)))
print(torch.trapezoid(x), torch.trapz(x, dx=2.), torch.trapezoid(x, torch.tensor([0., 1., 3.])), torch.cumulative_trapezoid(x))
print(torch.trapezoid(m, dim=0), torch.cumulative_trapezoid(x, torch.tensor([0., 1., 3.])), torch.trapezoid(m, torch.tensor([[0., 1.], [2., 4.]])))
print(torch.trapezoid(torch.tensor([1, 2, 4])), torch.cumulative_trapezoid(torch.tensor([1, 2, 4])), torch.trapezoid(torch.zeros(2, 0)))
t = torch.tensor([1, 1, 2, 2, 3, 1, 1])
print(torch.unique_consecutive(t), torch.unique_consecutive(t, return_counts=True, return_inverse=True))
print(torch.tensor([[1, 1], [1, 1], [2, 3]]).unique_consecutive(dim=0), torch.tensor([[1., 1.], [1., 1.]]).unique_consecutive(return_counts=True))
""",
"random_fills": """
torch.manual_seed(0)
print(torch.empty(5).log_normal_(), torch.empty(3, dtype=torch.float64).log_normal_(0.5, 0.25), torch.randn(1))
print(torch.empty(20).log_normal_().sum().item(), torch.empty(7).geometric_(0.3), torch.empty(4, dtype=torch.int64).geometric_(0.05))
print(torch.empty(6).cauchy_(), torch.empty(3, dtype=torch.float64).cauchy_(1.0, 0.5), torch.empty(100).cauchy_(2., 3.).sum().item())
x = torch.ones(2, requires_grad=True) * 1
print(x.log_normal_().grad_fn.name(), (torch.ones(2, requires_grad=True) * 1).geometric_(0.3).grad_fn.name(), (torch.ones(2, requires_grad=True) * 1).cauchy_().grad_fn.name())
t = torch.zeros(3, 4).t()
print(t.cauchy_(), t.geometric_(0.5), t.log_normal_(), t._version)
g = torch.Generator().manual_seed(5)
print(torch.empty(3).cauchy_(generator=g), torch.empty(2, dtype=torch.float16).log_normal_(generator=g))
""",
"log_normal_std": "torch.ones(3).log_normal_(std=0)",
"log_normal_int": "torch.ones(3, dtype=torch.int64).log_normal_()",
"geometric_p": "torch.ones(3).geometric_(1.5)",
"geometric_bool": "torch.ones(3, dtype=torch.bool).geometric_(0.5)",
"cauchy_sigma": "torch.ones(3).cauchy_(sigma=-1)",
"cauchy_int": "torch.ones(3, dtype=torch.int64).cauchy_()",
"cauchy_leaf": "torch.ones(2, requires_grad=True).cauchy_()",
"quantile": """
x = torch.tensor([[3., 1., 2., 5.], [4., float('nan'), 0., 1.]], requires_grad=True)
print(torch.quantile(x[0], 0.3), x.quantile(torch.tensor([0.25, 0.5]), dim=1, keepdim=True), x.nanquantile(0.5, dim=1))
for m in ["midpoint", "nearest", "lower", "higher", "linear"]:
    print(torch.quantile(x[0], 0.4, interpolation=m), torch.nanquantile(x, torch.tensor([0.2, 0.9]), dim=0, interpolation=m))
print(torch.quantile(x, 0.5), torch.quantile(x[0], torch.tensor(0.5)), x[0].quantile(torch.tensor([0.1]), keepdim=True))
r = torch.quantile(x[0], 0.3)
r.backward()
print(x.grad)
y = torch.tensor([[1., 2., 3.], [6., 5., 4.], [7., 9., 8.]], requires_grad=True)
r = torch.quantile(y, torch.tensor([0.3, 0.6]), dim=0)
r.sum().backward()
print(r, y.grad, torch.nanquantile(torch.tensor([float('nan'), float('nan')]), 0.5))
""",
"quantile_of_int": "torch.quantile(torch.tensor([1, 2]), 0.5)",
"quantile_q_range": "torch.quantile(torch.ones(3), 1.5)",
"quantile_q_tensor_range": "torch.quantile(torch.ones(3), torch.tensor([1.5]))",
"quantile_q_dtype": "torch.quantile(torch.ones(3), torch.tensor([0.5], dtype=torch.float64))",
"quantile_empty": "torch.quantile(torch.zeros(0), 0.5)",
"quantile_mode": "torch.quantile(torch.ones(3), 0.5, interpolation='foo')",
"cov_corrcoef": """
x = torch.tensor([[1., 2., 4., 7.], [2., 1., 0., 3.], [5., 5., 6., 1.]], requires_grad=True)
c = torch.cov(x)
print(c, x.cov(correction=0), torch.cov(x[0]), torch.cov(torch.tensor([[1, 2, 4], [3, 1, 0]])))
print(x.corrcoef(), torch.corrcoef(x[0]), torch.corrcoef(torch.tensor([[1, 2, 4], [3, 1, 0]])))
c.sum().backward()
print(x.grad)
print(torch.cov(x, fweights=torch.tensor([1, 2, 1, 3])), torch.cov(x, aweights=torch.tensor([0.5, 1., 2., 1.])))
print(torch.cov(x, fweights=torch.tensor([1, 2, 1, 3]), aweights=torch.tensor([0.5, 1., 2., 1.]), correction=2))
r = torch.corrcoef(x)
r.sum().backward()
print(x.grad)
print(torch.cov(torch.tensor([[1., 2.]]), correction=2))
""",
"cov_rank": "torch.cov(torch.ones(2, 2, 2))",
"cov_fweights_float": "torch.cov(torch.ones(2, 4), fweights=torch.tensor([1., 2., 1., 3.]))",
"cov_aweights_zero": "torch.cov(torch.ones(2, 4), aweights=torch.zeros(4))",
"renorm": """
m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
r = m.renorm(2, 0, 2.5)
print(r, r.grad_fn._saved_p, r.grad_fn._saved_dim, r.grad_fn._saved_maxnorm, r.grad_fn._saved_self)
r.sum().backward()
print(m.grad)
m.grad = None
r = m.renorm(1, -1, 3.)
r.backward(torch.tensor([[1., -2.], [0.5, 3.]]))
print(r, m.grad, r.grad_fn._saved_dim)
c = m.detach().clone()
print(c.renorm_(1, 1, 3.), c._version)
print(torch.renorm(torch.tensor([[1., 2.], [3., 4.]]), float('inf'), -1, 3.), torch.renorm(torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64), 3, 0, 1.))
g = torch.Generator().manual_seed(0)
a = torch.randn(5, 7, generator=g)
print(torch.renorm(a, 2, 1, 1.).sum().item(), torch.renorm(a, 1.5, 0, 0.5).sum().item())
""",
"renorm_maxnorm": "torch.ones(2, 2).renorm(2, 0, -1.)",
"renorm_p": "torch.ones(2, 2).renorm(-1, 0, 1.)",
"renorm_rank": "torch.ones(3).renorm(2, 0, 1.)",
"renorm_leaf": "torch.ones(2, 2, requires_grad=True).renorm_(2, 0, 1.)",
"diag_embed_same_dims": "torch.diag_embed(torch.ones(3), 0, 0, 0)",
"frexp_of_int": "torch.frexp(torch.tensor([1, 2]))",
"unravel_index_float": "torch.unravel_index(torch.tensor([1.]), (2,))",
"unravel_index_negative_shape": "torch.unravel_index(torch.tensor([1]), (-2,))",
"vander_of_matrix": "torch.vander(torch.ones(2, 2))",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_surface_round7_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_failed_statement_takes_back_resize_and_defaults():
    """A failed top-level statement rolls back a grown storage, the default dtype and share_memory_."""
    from tensorsh.engine import undo
    from tensorsh.engine.torch_api import NAMESPACE as torch
    y = torch["zeros"](2)
    v = y[:1]
    with undo.recording() as journal:
        y.resize_(10)
        y[7] = 1.
        v.add_(2)
        torch["set_default_dtype"](torch["float64"])
        y.share_memory_()
    journal.rollback()
    assert (repr(y), repr(v), y.untyped_storage().size(), y._version) == ("tensor([0., 0.])", "tensor([0.])", 8, 0)
    v.add_(1)
    assert repr(y) == "tensor([1., 0.])"
    assert repr(torch["get_default_dtype"]()) == "torch.float32" and not y.is_shared()

"""Classes of difference found by the eleventh round's held-out-style programs about tensor operations and
printing, one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"return_types_are_classes_named_by_their_op": """
x = torch.tensor([[3., 1.], [2., 5.]])
for r in [x.max(0), x.min(1), x.sort(), x.topk(1), x.kthvalue(1), x.median(0), x.mode(0), x.cummax(0),
          x.cummin(1), x.nanmedian(0), torch.tensor(2.).max(0), torch.tensor(2.).min(0), x.aminmax()]:
    print(type(r).__qualname__, type(r), r)
v, i = x.sort()
print(v, i, x.max(0)[0], x.max(0).indices, len(x.sort()), isinstance(x.sort(), tuple))
""",
"unsorted_sort_orders_ties_as_introsort_beyond_16_elements": """
torch.manual_seed(0)
x = torch.tensor([1., 0.] * 10)
print(x.sort().indices.tolist(), x.long().sort().indices.tolist(), x.sort(stable=True).indices.tolist())
print(x.sort(descending=True).indices.tolist(), x.sort(stable=False).indices.tolist())
print(x.argsort().tolist(), x.argsort(stable=True).tolist(), torch.argsort(x, descending=True).tolist())
print(torch.tensor([1., 0.] * 8).sort().indices.tolist())
y = torch.randint(0, 4, (3, 50)).float()
y[0, 3] = float('nan'); y[0, 7] = float('nan'); y[1, 5] = -0.0
print(y.sort(dim=1), y.sort(dim=1, descending=True).indices)
print(y.T.sort(dim=0).indices.T, torch.msort(y.T)[:3])
print(torch.tensor([1.]).expand(20).sort())
print(torch.randint(0, 3, (40000,)).sort().indices[:20], torch.randint(0, 3, (40000,)).sort(descending=True).indices[:20])
print(torch.randint(0, 3, (2000,)).argsort()[:20], torch.randint(0, 3, (2000,)).bool().argsort(descending=True)[-20:])
print(torch.tensor([0., -0.] * 10).sort().values, torch.randint(0, 2, (32767,)).sort().indices[:8])
""",
"unique_keeps_each_nan_and_orders_as_atens_sorts": """
n = float('nan')
x = torch.tensor([1.5, n, 1.5, n, -1.0, n])
print(torch.unique(x, return_inverse=True, return_counts=True))
print(torch.unique(x, sorted=False, return_inverse=True, return_counts=True), x.unique(return_counts=True))
print(torch.unique(x.double()), torch.unique(x.half()), torch.unique(x.bfloat16()))
print(torch.unique(torch.tensor([0.0, -0.0, 1.0, -0.0]), return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([-0.0, 0.0, 1.0, 0.0]), return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([[n, 1.0], [n, 1.0], [0.0, 2.0]]), dim=0, return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([[0.0, 1.0], [-0.0, 1.0]]), dim=0), torch.unique(torch.tensor([[-0.0, 1.0], [0.0, 1.0]]), dim=0))
print(torch.unique_consecutive(torch.tensor([n, n, 1.0, 1.0, n]), return_inverse=True, return_counts=True))
torch.manual_seed(3)
for k in (5, 17, 40, 100):
    x = torch.randint(0, 3, (k, 2)).float()
    x[torch.rand(k, 2) < 0.2] = n
    x[torch.rand(k, 2) < 0.1] = -0.0
    v, i, c = torch.unique(x, dim=0, return_inverse=True, return_counts=True)
    print(v.tolist(), i.tolist(), c.tolist())
    v, i, c = torch.unique(x.T.contiguous(), dim=1, return_inverse=True, return_counts=True)
    print(v.shape, i.tolist(), c.tolist())
    print(torch.unique(x, return_inverse=True, return_counts=True))
print(torch.unique(torch.randint(0, 5, (3000,)), return_inverse=True, return_counts=True))
""",
"index_put_checks_the_values_shape_then_dtype_then_the_indices_bounds": """
u = torch.zeros(3, 3)
m = torch.tensor([True, False, True])
for f in [lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1, 2])),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1, 2, 3])),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1., 2.], dtype=torch.float64)),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1., 2.]), accumulate=True),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1, 2]), accumulate=True),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1, 2, 3]), accumulate=True),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor(2)),
          lambda: u.index_put_((torch.tensor([0, 5]),), torch.tensor([1, 2])),
          lambda: u.index_put_((torch.tensor([0, 5]),), torch.tensor([1, 2, 3])),
          lambda: u.index_put((torch.tensor([0, 1]),), torch.tensor([1, 2])),
          lambda: torch.index_put(u, (m,), torch.tensor([1, 2])),
          lambda: u.index_put_((m,), torch.tensor([[1.], [2.], [3.]])),
          lambda: u.index_put_((m,), torch.tensor(2)), lambda: u.index_put_((m,), torch.tensor([2])),
          lambda: u.index_put_((m,), torch.tensor(2), accumulate=True),
          lambda: u.index_put((m,), torch.tensor(2.5, dtype=torch.float64)),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([[1], [2], [3]]), accumulate=True),
          lambda: torch.index_put_(u, (m, torch.tensor([0, 1])), torch.tensor([1, 2, 3], dtype=torch.int32)),
          lambda: u.index_put_((torch.tensor([0, 1]),), torch.tensor([1, 2, 3], dtype=torch.int32))]:
    try:
        f(); print("ok", u.sum())
    except Exception as e:
        print(e)
def put(i, v):
    try:
        u[i] = v
        print("ok", u.sum())
    except Exception as e:
        print(e)
put(torch.tensor([0, 1]), torch.tensor([1, 2]))
put(torch.tensor([0, 7]), torch.tensor([1, 2]))
put(torch.tensor([0, 7]), torch.tensor([1, 2, 3]))
put(torch.tensor([0, 7]), torch.tensor([1., 2., 3.]))
put((torch.tensor([0, 1]), torch.tensor([0, 1])), torch.tensor([1, 2, 3]))
put(torch.tensor([True, False, True]), torch.tensor(5))
put((Ellipsis, torch.tensor([0, 9])), torch.tensor([1., 2., 3., 4.]))
""",
"an_index_out_of_bounds_names_its_place_among_the_index_tensors": """
u = torch.zeros(3, 3)
v = torch.zeros(2, 3, 4)
for f in [lambda: u[:, torch.tensor([0, 9])], lambda: u[torch.tensor([0, 1]), torch.tensor([0, 9])],
          lambda: u[torch.tensor([5, 0]), torch.tensor([0, 9])], lambda: u[torch.tensor([0, 5]), torch.tensor([9, 0])],
          lambda: u[torch.tensor([[0], [5]]), torch.tensor([9, 0])], lambda: u[torch.tensor([[0], [1]]), torch.tensor([1, -4])],
          lambda: v[torch.tensor([[True, False, True], [False, False, True]]), torch.tensor([7])],
          lambda: v[:, torch.tensor([1, 3]), torch.tensor([4])], lambda: v[..., torch.tensor([-5])],
          lambda: v[torch.tensor(1), torch.tensor([3])], lambda: u[torch.tensor([[3]])],
          lambda: u.index_put_((torch.tensor([0, 1]), torch.tensor([0, 9])), torch.tensor(1.)),
          lambda: u.index_put_((torch.tensor([0, 1]), torch.tensor([0, 9])), torch.tensor(1.), accumulate=True)]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"diff_checks_prepend_and_append_before_concatenating": """
m = torch.tensor([[1.0, 3.0, 6.0], [2.0, 2.0, 5.0]])
for f in [lambda: torch.diff(m, prepend=torch.tensor([1.0])), lambda: torch.diff(m, append=torch.tensor(1.0)),
          lambda: torch.diff(m, prepend=torch.ones(3, 3)), lambda: torch.diff(m, dim=0, append=torch.ones(1, 2)),
          lambda: torch.diff(m, prepend=torch.ones(2, 1).long()), lambda: torch.diff(torch.tensor(1.0)),
          lambda: torch.diff(m, n=-1), lambda: torch.diff(m, dim=2), lambda: torch.diff(m.bool()),
          lambda: torch.diff(m, append=torch.ones(2, 1, dtype=torch.float64)),
          lambda: torch.diff(torch.tensor([1, 5, 2]), prepend=torch.tensor([True])),
          lambda: m.diff(n=2, dim=0), lambda: torch.diff(m, 1, -1, torch.zeros(2, 0)),
          lambda: torch.diff(m, dim=0, prepend=torch.ones(2, 3), append=torch.ones(1, 4))]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"masked_scatter_checks_in_atens_order_and_writes_until_source_runs_out": """
mask = torch.tensor([[True, False, True], [False, True, True]])
for f in [lambda: torch.zeros(2, 3).masked_scatter_(mask, torch.tensor([1.0])),
          lambda: torch.zeros(2, 3).masked_scatter(mask, torch.tensor([1.0, 2.0])),
          lambda: torch.zeros(2, 3).masked_scatter(mask, torch.ones(2, 2)),
          lambda: torch.zeros(2, 3).masked_scatter(mask, torch.ones(5, dtype=torch.float64)),
          lambda: torch.zeros(2, 3).masked_scatter_(mask, torch.ones(5, dtype=torch.float64)),
          lambda: torch.zeros(2, 3).masked_scatter(mask, torch.arange(5)),
          lambda: torch.zeros(3).masked_scatter(mask, torch.arange(5.)),
          lambda: torch.zeros(3).masked_scatter_(mask, torch.arange(5.)),
          lambda: torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, False]), torch.tensor([7.0])),
          lambda: torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, False]), torch.tensor([7.0, 8.0])),
          lambda: torch.zeros(2, 3).masked_scatter(torch.zeros(2, 3, dtype=torch.bool), torch.tensor([])),
          lambda: torch.zeros(2, 3).masked_scatter(mask.int(), torch.ones(5)),
          lambda: torch.zeros(2, 3).masked_scatter(torch.ones(4, dtype=torch.bool), torch.ones(6)),
          lambda: torch.zeros(2, 3).masked_scatter(torch.ones(4, dtype=torch.int), torch.ones(6, dtype=torch.int64)),
          lambda: torch.zeros(2, 3).masked_scatter_(torch.ones(4, dtype=torch.int), torch.ones(6, dtype=torch.int64)),
          lambda: torch.zeros(2, 3).masked_scatter_(torch.ones(4, dtype=torch.bool), torch.ones(6)),
          lambda: torch.zeros(0, 3).masked_scatter_(torch.ones(3, dtype=torch.bool), torch.ones(0))]:
    try:
        print(f())
    except Exception as e:
        print(e)
x = torch.zeros(2, 3)
try:
    x.masked_scatter_(mask, torch.tensor([1.0, 2.0]))
except Exception as e:
    print(e)
print(x, x._version)
x = torch.zeros(2, 3).t()
try:
    x.masked_scatter_(torch.ones(3, 2, dtype=torch.bool), torch.arange(4.))
except Exception as e:
    print(e)
print(x, x._version)
w = torch.ones(5, requires_grad=True)
y = torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, True]), w * 2)
print(y, y.grad_fn.name())
y.sum().backward()
print(w.grad)
""",
"arange_checks_and_fills_as_atens_kernel": """
for f in [lambda: torch.arange(0, -5, 1), lambda: torch.arange(0, 5, -1), lambda: torch.arange(0.0, -5.0, 0.5),
          lambda: torch.arange(-3), lambda: torch.arange(0, float('inf')), lambda: torch.arange(0, float('nan')),
          lambda: torch.arange(-float('inf'), 1e20), lambda: torch.arange(0, 10, 0.0), lambda: torch.arange(0, 1e20, 1e-5),
          lambda: torch.arange(0, 1, 0.3, dtype=torch.int64), lambda: torch.arange(0, 1, 0.3, dtype=torch.int32),
          lambda: torch.arange(0, 5, 1.5, dtype=torch.int64), lambda: torch.arange(0.5, 5, 1, dtype=torch.int64),
          lambda: torch.arange(0, -1, -0.3, dtype=torch.int16), lambda: torch.arange(2.5, dtype=torch.int64),
          lambda: torch.arange(250, 260, dtype=torch.uint8), lambda: torch.arange(-3.5, 3, 1.5, dtype=torch.int8),
          lambda: torch.arange(0, 3, dtype=torch.bool), lambda: torch.arange(True), lambda: torch.arange(torch.tensor(2.5)),
          lambda: torch.arange(1, 1), lambda: torch.arange(0.1, 0.1, 0.1)]:
    try:
        print(f())
    except Exception as e:
        print(e)
import random
random.seed(1)
for _ in range(40):
    start = round(random.uniform(-5, 5), random.randint(0, 3))
    step = round(random.uniform(0.011, 1.3), random.randint(2, 4))
    end = start + step * random.randint(1, 90) + random.uniform(0, step)
    for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
        print(torch.arange(start, end, step, dtype=dt).tolist())
print(torch.arange(0, 40000, 0.37).sum(), torch.arange(0, 40000, 0.37, dtype=torch.float64)[-3:].tolist())
print(torch.arange(0, 100000, 0.37)[[0, 1, 33000, 54053, 54054, 54055, 54060, -1]].tolist())
print(torch.arange(0, 1, 0.1).tolist(), torch.arange(0, 3, 0.1).tolist())
""",
"einsum_takes_the_sublist_format": """
a = torch.arange(6.).view(2, 3)
b = torch.arange(12.).view(3, 4)
print(torch.einsum(a, [0, 1], b, [1, 2], [0, 2]), torch.einsum(a, [0, 1], b, [1, 2]))
print(torch.einsum(a, [Ellipsis, 1], [1, Ellipsis]).shape, torch.einsum(a, [30, 27]), torch.einsum(a, [0, 1], a, [0, 1], []))
print(torch.einsum(a, [0, 1], [1, 0]).stride(), torch.einsum(a, [0, 0]) if False else None)
for f in [lambda: torch.einsum(a, [0, 60]), lambda: torch.einsum(a, [0, -1]), lambda: torch.einsum(a, b), lambda: torch.einsum(a),
          lambda: torch.einsum(a, [0, 1], b), lambda: torch.einsum(a, [0, 1], b, [0]), lambda: torch.einsum(a, [0, 1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"repeat_interleave_refuses_a_negative_count_in_atens_words": """
for f in [lambda: torch.repeat_interleave(torch.tensor([1, 2]), -1), lambda: torch.repeat_interleave(torch.tensor([1, 2]), torch.tensor([1, -1])),
          lambda: torch.tensor([1, 2]).repeat_interleave(-2, dim=0), lambda: torch.repeat_interleave(torch.tensor([-1, 2])),
          lambda: torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 2, dim=1)]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"narrow_checks_its_start_and_length_and_mean_its_dtype": """
x=torch.arange(12.).view(3,4)
for f in [lambda: x.mean(dtype=torch.int64), lambda: x.int().mean(dtype=torch.int32), lambda: x.int().mean(), lambda: x.mean(0, dtype=torch.bool), lambda: x.int().mean(dtype=torch.float64), lambda: torch.mean(x, 1, dtype=torch.int16), lambda: x.nanmean(dtype=torch.int64),
          lambda: x.narrow(1, 3, 2), lambda: x.narrow(1, -1, 2), lambda: x.narrow(1, 5, 0), lambda: x.narrow(1, -5, 1), lambda: x.narrow(1, 4, 0), lambda: x.narrow(1, 0, -1), lambda: x.narrow(0, torch.tensor(1), 2), lambda: x.narrow(1, 2, 3),
          lambda: x.int().nanmean(dtype=torch.int64), lambda: x.nanmean(dtype=torch.float64), lambda: x.int().nanmean(dtype=torch.float32), lambda: x.int().mean(dtype=torch.bool), lambda: torch.mean(x, dim=5, dtype=torch.int64), lambda: x.mean(dim=(0,0), dtype=torch.int64), lambda: x.narrow(3, 0, -1), lambda: x.narrow(3, 0, 1),
          lambda: x.narrow(-1, -2, 2), lambda: torch.narrow(x, 0, 1, 1)]:
    try: print(f())
    except Exception as e: print(e)
""",
"take_along_dim_checks_dims_dtype_and_broadcasting_in_atens_words": """
x = torch.zeros(3, 4)
for f in [lambda: torch.take_along_dim(x, torch.tensor([[0], [1]]), dim=1), lambda: torch.take_along_dim(x, torch.tensor([[0, 1]]), dim=1),
          lambda: torch.take_along_dim(x, torch.tensor([[[0]]]), dim=1), lambda: torch.take_along_dim(torch.zeros(3, 1), torch.tensor([[0], [0]]), dim=1),
          lambda: torch.take_along_dim(x, torch.tensor([[0, 1, 2, 3, 0]]), dim=0),
          lambda: torch.take_along_dim(x, torch.tensor([[0.5]]), dim=1), lambda: torch.take_along_dim(x, torch.tensor([[1]]), dim=2),
          lambda: torch.take_along_dim(x, torch.tensor([[0.5]])), lambda: torch.take_along_dim(x, torch.tensor([[1]], dtype=torch.int32), dim=1),
          lambda: torch.take_along_dim(x, torch.tensor([[[1]]]), dim=5), lambda: torch.take_along_dim(x, torch.tensor([[[0.5]]]), dim=1)]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"torch_tensor_of_ragged_data_fails_where_atens_store_does": """
for d in [[[1, 2], 3], [1, [2]], [1.0, [2]], [True, [1]], [[1], 2.0], [[[1]], [2]], [[1,2],[3]], [1, 'a'], [[1], [2, 3]], [[], 1], [1, []], [1, (2,)], [(1, 2), [3, 4]], [1, None], [[1.5], [True]],
          [[1, 2], [3, 4], [5]], [[[1, 2]], [[3]]], [[1, 2], [3, None]], [[1, 2], [3, 'a']], [[1, [2]], [3, 4]], [[1.5, 2], [3]]]:
    try:
        print(torch.tensor(d))
    except Exception as e:
        print(e)
for d, dt in [([1, [2]], torch.float32), ([[1], 2], torch.int32), ([[1, 2], [3]], torch.float16)]:
    try:
        print(torch.tensor(d, dtype=dt))
    except Exception as e:
        print(e)
""",
"size_concatenates_and_repeats_into_sizes": """
s = torch.Size([2, 3])
for f in [lambda: s * 2.5, lambda: 2 * s, lambda: s + (1,), lambda: s + torch.Size([4]), lambda: (1,) + s, lambda: s + [1], lambda: s + 1, lambda: s * -1, lambda: s * True, lambda: torch.ones(2).shape + (3,) == (2, 3)]:
    try:
        r = f(); print(isinstance(r, torch.Size), type(r) is tuple, r)  # (the class's short name is the language's)
    except Exception as e:
        print(e)
""",
"a_short_list_holding_sequences_slices_or_none_indexes_as_a_tuple": """
x = torch.arange(6).view(2, 3)
for f in [lambda: x[::0], lambda: x[0, ::0], lambda: x[::-2], lambda: x[[0, slice(None)]], lambda: x[[None, 0]], lambda: x[[Ellipsis, 1]], lambda: x[[[0, 1]]], lambda: x[[0, [1, 2]]], lambda: x[list(range(2))], lambda: x[[torch.tensor(1), 0]], lambda: x['ab'],
          lambda: x[[[0, 1], [1, 0]]], lambda: x[[0, 1]], lambda: x[[True, False]], lambda: x[[(0, 1), (1, 2)]], lambda: x[[0] * 40],
          lambda: x[torch.Size([1, 2])], lambda: x['a']]:
    try: print(f())
    except Exception as e: print(e)
x[[[0, 1], [1, 0]]] = 100
print(x)
x[[0, slice(None)]] = -1
print(x)
""",
"linalg_solve_names_the_singular_batch_element_of_A": """
A = torch.tensor([[[2., 1.], [1., 3.]], [[1., 2.], [2., 4.]]])
for f in [lambda: torch.linalg.solve(A, torch.ones(2, 2)), lambda: torch.linalg.solve(A[1], torch.ones(2)), lambda: torch.linalg.solve(A.flip(0), torch.ones(2,2,1)), lambda: torch.linalg.solve(A[1:], torch.ones(2)), lambda: torch.linalg.solve(A, torch.ones(3, 2, 2)), lambda: torch.linalg.solve(torch.zeros(2,2,2), torch.ones(2,2)),lambda: torch.linalg.solve(A, torch.ones(2, 2), left=False), lambda: torch.linalg.solve(A.expand(2,2,2,2), torch.ones(2,2)),
          lambda: torch.linalg.solve(A[1:], torch.ones(3, 2, 2)), lambda: torch.linalg.solve(A[1], torch.ones(3, 2, 2))]:
  try: print(f())
  except Exception as e: print(e)
""",
"index_add_checks_as_its_meta_function_in_its_order": """
x = torch.zeros(3, 4); s = torch.ones(2, 4)
for f in [lambda: x.index_add(0, torch.tensor([[0, 1]]).float(), s.double()), lambda: x.index_add(0, torch.tensor([0., 1]), s.double()), lambda: x.index_add(0, torch.tensor([0, 1]), torch.ones(2,4,1)), lambda: x.index_add(5, torch.tensor([[0, 1]]), s), lambda: x.index_add(0, torch.tensor([0, 1]).float(), torch.ones(3,4)),
          lambda: x.index_add_(0, torch.tensor([[0, 1]]), s), lambda: torch.index_add(x, 0, torch.tensor([[0, 1]]), s), lambda: x.index_add(0, torch.tensor(0), s[0]), lambda: x.index_add(0, torch.tensor([0, 1], dtype=torch.int16), s),
          lambda: x.index_add(0, torch.tensor([0, 1], dtype=torch.int32), s), lambda: x.index_add(0, [0, 1], s)]:
  try: print(f())
  except Exception as e: print(e)
for f in [lambda: x.index_add(1, torch.tensor([0]), torch.tensor(1.)), lambda: x.index_add(0, torch.tensor([0]), torch.tensor(1.)), lambda: x.index_add(0, torch.tensor([0, 1]), torch.ones(2, 5)),
          lambda: x.index_add(1, torch.tensor([0, 1]), torch.ones(3, 2)), lambda: x.index_add(1, torch.tensor([0, 1]), torch.ones(2)), lambda: torch.zeros(3).index_add(0, torch.tensor([0, 2]), torch.ones(2)),
          lambda: torch.tensor(1.).index_add(0, torch.tensor([0]), torch.tensor(2.)), lambda: torch.tensor(1.).index_add(0, torch.tensor([0]), torch.ones(1)), lambda: torch.zeros(3).index_add(0, torch.tensor(1), torch.tensor(2.))]:
  try: print(f())
  except Exception as e: print(e)
""",
"unique_over_a_dim_of_an_empty_tensor_checks_its_zero_sizes": """
torch.manual_seed(0)
x = torch.randint(0, 50, (200,))
print(torch.unique(x, sorted=False)[:10], torch.unique(x, sorted=False, return_inverse=True, return_counts=True)[2][:10])
print(torch.unique(x.view(20, 10), sorted=False, dim=0).shape, torch.unique(torch.tensor([True, False, True]), sorted=False, return_counts=True))
print(torch.unique(x.to(torch.int8), return_counts=True)[1][:5], torch.unique(x.float(), sorted=False)[:5], torch.unique(x.double().view(10, 20), return_inverse=True)[1][0])
print(torch.unique(torch.tensor([[1, 2], [1, 2]]), dim=1, return_inverse=True), torch.unique(torch.zeros(0, 3), dim=0, return_counts=True))
print(torch.unique(torch.tensor([]), return_inverse=True, return_counts=True), torch.unique(torch.tensor(5), return_inverse=True))
for f in [lambda: torch.unique(x, dim=2), lambda: torch.unique(torch.zeros(2, 0), dim=0), lambda: torch.unique(torch.zeros(0, 2), dim=1), lambda: x.unique(dim=-1).shape]:
    try:
        print(f())
    except Exception as e:
        print(e)
for f in [lambda: torch.unique(torch.zeros(0, 0), dim=0), lambda: torch.unique(torch.zeros(2, 0, 3), dim=1, return_counts=True, return_inverse=True), lambda: torch.unique(torch.zeros(0, 0, 2), dim=2)]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
"in_place_index_ops_keep_what_their_kernels_wrote_before_an_index_out_of_bounds": """
def show(f, u):
    try:
        f()
    except Exception as e:
        print(e)
    print(u, u._version)
u = torch.zeros(3, 3)
show(lambda: u.index_put_((torch.tensor([1, 9]),), torch.tensor(3.0)), u)
u = torch.zeros(3, 3)
def a(): u[..., torch.tensor([0, 9])] = 1.0
show(a, u)
u = torch.zeros(3, 3)
def b(): u[torch.tensor([0, 1]), torch.tensor([0, 9])] = 4.0
show(b, u)
u = torch.zeros(3, 3)
def c(): u[torch.tensor([1, 2, 9])] = torch.tensor([[1., 2., 3.]])
show(c, u)
u = torch.zeros(3, 3)
show(lambda: u.index_put_((torch.tensor([0, 0, 7]),), torch.tensor(1.0), accumulate=True), u)
u = torch.zeros(2, 3, 4)
def d(): u[:, torch.tensor([1, 5]), torch.tensor([0, 2])] = 2.0
show(d, u)
u = torch.zeros(2, 3, 4)
def e(): u[torch.tensor([1, 0]), :, torch.tensor([3, 9])] = torch.arange(6.).view(2, 3)
show(e, u)
u = torch.zeros(2, 3, 4)
def g(): u[torch.tensor([[0], [1]]), torch.tensor([0, 7])] = 5.0
show(g, u)
u = torch.zeros(3, 3)
def h(): u[torch.tensor([True, False, True]), torch.tensor([0, 3])] = 6.0
show(h, u)
u = torch.zeros(4)
def i(): u[torch.tensor([3, 1, -5, 0])] = torch.tensor([1., 2., 3., 4.])
show(i, u)
u = torch.zeros(3, 4)
show(lambda: u.index_fill_(1, torch.tensor([0, 9]), 5.0), u)
u = torch.zeros(3, 4)
show(lambda: u.index_fill_(0, torch.tensor([2, 9, 0]), 5.0), u)
u = torch.zeros(3, 4)
show(lambda: u.index_copy_(0, torch.tensor([1, 9]), torch.ones(2, 4)), u)
u = torch.zeros(3, 4)
show(lambda: u.index_copy_(1, torch.tensor([1, 9]), torch.ones(3, 2)), u)
u = torch.zeros(3, 4)
show(lambda: u.index_add_(0, torch.tensor([1, 9]), torch.ones(2, 4)), u)
u = torch.zeros(3, 4)
show(lambda: u.index_add_(1, torch.tensor([1, 9]), torch.ones(3, 2)), u)
u = torch.zeros(3, 4)
show(lambda: u.scatter_(1, torch.tensor([[0, 9], [1, 2]]), 7.0), u)
u = torch.zeros(3, 4)
show(lambda: u.scatter_(0, torch.tensor([[0, 1, 5, 2]]), torch.ones(1, 4)), u)
u = torch.zeros(3, 4)
show(lambda: u.scatter_add_(1, torch.tensor([[0, 9], [1, 2]]), torch.ones(2, 2)), u)
u = torch.zeros(5)
show(lambda: u.index_fill_(0, torch.tensor([1, 7, 2]), 1.0), u)
u = torch.zeros(5)
show(lambda: u.index_add_(0, torch.tensor([1, 7, 2]), torch.ones(3)), u)
u = torch.zeros(5)
show(lambda: u.index_copy_(0, torch.tensor([1, 7, 2]), torch.ones(3)), u)
u = torch.zeros(5)
show(lambda: u.put_(torch.tensor([1, 7, 2]), torch.ones(3)), u)
show(lambda: u.index_fill_(1, torch.tensor([-1, 0, 5]), 2.0), u)
u = torch.zeros(2, 3, 4)
show(lambda: u.index_copy_(2, torch.tensor([3, 4]), torch.arange(12.).view(2, 3, 2)), u)
u = torch.zeros(2, 3, 4)
show(lambda: u.index_add_(2, torch.tensor([3, 0, 4]), torch.ones(2, 3, 3), alpha=2), u)
u = torch.zeros(2, 3, 4)
show(lambda: u.index_add_(1, torch.tensor([2, 3]), torch.ones(2, 2, 4)), u)
u = torch.zeros(3, 4)
show(lambda: u.scatter_(1, torch.tensor([[0, 1], [2, 8]]), torch.arange(1., 7.).view(2, 3), reduce='add'), u)
u = torch.ones(3, 4)
show(lambda: u.scatter_(0, torch.tensor([[0, 1, 2, 3]]), 3.0, reduce='multiply'), u)
u = torch.zeros(6)
show(lambda: u.put_(torch.tensor([[1, 1], [-2, 6]]), torch.tensor([[1., 2.], [3., 4.]]), accumulate=True), u)
u = torch.zeros(3, 4, dtype=torch.long)
show(lambda: u.index_add_(0, torch.tensor([0, 3]), torch.ones(2, 4, dtype=torch.long), alpha=3), u)
u = torch.zeros(4)
show(lambda: u.scatter_(0, torch.tensor([1, 2, -1]), torch.tensor([5., 6., 7.])), u)
""",
"apply_map_and_map2_run_a_python_callable_per_element": """
x = torch.arange(6.).view(2, 3)
x.apply_(lambda v: v + 1)
print(x, x._version)
calls = []
t = torch.arange(6).view(2, 3).t()
t.apply_(lambda v: calls.append(v) or v * 10)
print(calls, t, t._version)
i = torch.arange(3)
for f in [lambda: i.apply_(lambda v: 'a'), lambda: i.apply_(lambda v: 1.7), lambda: torch.ones(2).apply_(lambda v: None), lambda: torch.tensor([True]).apply_(lambda v: 5), lambda: torch.tensor([True, False]).apply_(lambda v: not v),
          lambda: i.apply_(5), lambda: i.map_(torch.ones(3), lambda a, b: a + b), lambda: i.map_(torch.ones(2,3), lambda a,b: a), lambda: torch.ones(3).map_(torch.ones(2), lambda a, b: a),
          lambda: torch.ones(3).map_(torch.ones(1), lambda a,b: a*b+1), lambda: torch.ones(3).map_(torch.ones(3, requires_grad=True), lambda a,b: a), lambda: torch.ones(3).map2_(torch.ones(3), torch.ones(3), lambda a,b,c: a+b+c),
          lambda: torch.ones(2, dtype=torch.float16).apply_(lambda v: v/3), lambda: torch.ones(2).apply_(lambda v: 2**200), lambda: torch.ones(2, dtype=torch.int8).apply_(lambda v: 300),
          lambda: torch.ones(3).map2_(torch.ones(3).long(), torch.ones(3), lambda a,b,c: a), lambda: torch.ones(3).map2_(torch.ones(3), torch.ones(3).long(), lambda a,b,c: a),
          lambda: torch.ones(3, requires_grad=True).map_(torch.ones(3).long(), lambda a,b: a), lambda: torch.ones(3).map_(torch.ones(2).long(), lambda a,b: a), lambda: torch.ones(3).map_(5, lambda a,b: a),
          lambda: torch.ones(3).map2_(torch.ones(2), torch.ones(3), lambda a,b,c: a), lambda: torch.tensor(2.).apply_(lambda v: v * 3), lambda: torch.ones(2, dtype=torch.bfloat16).apply_(lambda v: v / 3),
          lambda: torch.arange(3).apply_(lambda v: v * 1.9), lambda: torch.ones(2).apply_(lambda v: torch.tensor(3.5)), lambda: torch.ones(2, requires_grad=True).apply_(lambda v: v),
          lambda: torch.zeros(2, 2).apply_(lambda v: float('nan')), lambda: torch.zeros(2, dtype=torch.uint8).apply_(lambda v: -1), lambda: torch.zeros(2, dtype=torch.long).apply_(lambda v: 2**70)]:
    try:
        print(f())
    except Exception as e:
        print(e)
for f in [lambda: torch.ones(2).map2_(x=torch.ones(2), y=torch.ones(2), callable=lambda a, b, c: a + b + c), lambda: torch.ones(2).map_(other=torch.ones(2), callable=lambda a, b: a - b),
          lambda: torch.ones(2).map2_(1, torch.ones(2), lambda a, b, c: a), lambda: torch.ones(2).map_(torch.ones(2)), lambda: torch.ones(2).apply_(), lambda: torch.ones(2).apply_(lambda v: 1 / 0)]:
    try:
        print(f())
    except Exception as e:
        print(e)
try:
    torch.ones(1).apply_(callable=lambda v: v)
except Exception as e:
    print(e)
""",
"index_reduce_folds_each_index_entry_in_turn_and_differentiates": """
x = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])
s = torch.tensor([[10., float('nan')], [-1., 7.], [2., 2.]])
i = torch.tensor([0, 0, 2])
for r in ['prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        print(r, inc, x.index_reduce(0, i, s, r, include_self=inc).tolist())
xi = torch.tensor([5, 7, 9]); si = torch.tensor([2, 3, 4])
for r in ['prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        print(r, inc, xi.index_reduce(0, torch.tensor([0, 0, 2]), si, r, include_self=inc).tolist())
print(torch.tensor([-7]).index_reduce(0, torch.tensor([0, 0]), torch.tensor([2, 2]), 'mean').tolist())
print(torch.tensor([float('nan'), 1.]).index_reduce(0, torch.tensor([0, 1]), torch.tensor([1., float('nan')]), 'amax').tolist())
print(torch.tensor([float('nan'), 1.]).index_reduce(0, torch.tensor([0, 1]), torch.tensor([1., float('nan')]), 'amin', include_self=False).tolist())
y = x.clone().requires_grad_(); ss = s.nan_to_num().requires_grad_()
for r in ['prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        out = y.index_reduce(0, i, ss, r, include_self=inc)
        print(out.grad_fn.name(), out.grad_fn._saved_reduce, out.grad_fn._saved_include_self, out.grad_fn._saved_dim)
        g = torch.autograd.grad(out.sum(), [y, ss])
        print(r, g[0].tolist(), g[1].tolist())
z = torch.tensor([[0., 2.], [3., 0.]], requires_grad=True)
src = torch.tensor([[0., 1.], [2., 0.], [0., 5.]], requires_grad=True)
out = z.index_reduce(0, torch.tensor([0, 1, 0]), src, 'prod')
print(out, torch.autograd.grad(out.sum(), [z, src]))
w = x.clone().requires_grad_()
v = w * 1
v.index_reduce_(1, torch.tensor([1, 1]), torch.ones(3, 2) * 3, 'amax')
print(v, v.grad_fn.name(), v._version)
v.sum().backward()
print(w.grad)
for f in [lambda: x.index_reduce(0, i, s, 'sum'), lambda: x.index_reduce(0, torch.tensor([0, 5, 1]), s, 'prod'), lambda: x.index_reduce(0, torch.tensor([0, 5, 1]), s, 'prod', include_self=False),
          lambda: x.index_reduce(0, i.float(), s, 'prod'), lambda: x.index_reduce(1, i, s, 'prod'), lambda: torch.index_reduce(x, 0, i, s, 'amax'), lambda: x.clone().index_reduce_(0, i, s, 'amin', include_self=False),
          lambda: x.index_reduce(0, i, s.double(), 'mean'), lambda: torch.arange(4).index_reduce(0, torch.tensor([1, 1]), torch.tensor([7, 9]), 'mean', include_self=False),
          lambda: torch.tensor(3.).index_reduce(0, torch.tensor([0]), torch.tensor(2.), 'prod'), lambda: x.index_reduce(-1, torch.tensor([1]), torch.ones(3, 1), 'amin')]:
    try:
        print(f())
    except Exception as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_ops_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

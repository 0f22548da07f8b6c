"""Classes of difference found by held20d (round 20, indexing, scatter, gather and masked ops), one differential
program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"masked_and_index_fills_check_in_atens_order": """
def t(f):
    try: r = f(); print(r.shape)
    except Exception as e: print(type(e).__name__, e)
x = torch.zeros(2, 3)
e = lambda: torch.zeros(1, 3).expand(2, 3)
bad, m3 = torch.ones(2, 4, dtype=torch.bool), torch.ones(3, 3, dtype=torch.bool)
t(lambda: x.clone().masked_fill_(m3, 1.)); t(lambda: x.clone().masked_fill_(m3, torch.tensor(1.))); t(lambda: x.masked_fill(m3, 1.))
t(lambda: x.masked_fill(bad.float(), 1.)); t(lambda: x.clone().masked_fill_(bad.float(), 1.)); t(lambda: x.masked_fill(bad, torch.tensor([1., 2.])))
t(lambda: x.masked_fill(bad.to(torch.uint8), 1.)); t(lambda: x.clone().masked_fill_(bad, 1j)); t(lambda: x.int().masked_fill_(bad, 1e20))
t(lambda: x.int().masked_fill_(bad, torch.tensor(1e20))); t(lambda: e().masked_fill_(bad, 1.)); t(lambda: e().masked_fill_(bad.float(), 1.))
t(lambda: x.clone().masked_fill_(torch.ones(2, 2, 3, dtype=torch.bool), 1.))
t(lambda: x.clone().masked_scatter_(bad.to(torch.uint8), torch.ones(8))); t(lambda: x.clone().masked_scatter_(bad.float(), torch.ones(8)))
t(lambda: x.clone().masked_scatter_(bad, torch.ones(8, dtype=torch.float64))); t(lambda: e().masked_scatter_(torch.ones(3, dtype=torch.bool), torch.ones(6)))
t(lambda: x.masked_scatter(bad.float(), torch.ones(8)))
t(lambda: e().index_fill_(1, torch.tensor([0], dtype=torch.int32), 1.)); t(lambda: e().index_fill_(1, torch.tensor([0.]), 1.))
t(lambda: e().index_fill_(1, torch.tensor([0]), torch.tensor([1.]))); t(lambda: e().index_fill_(1, torch.tensor([5]), 1.))
t(lambda: x.index_fill(1, torch.tensor([0], dtype=torch.int32), torch.tensor([1.])))
""",
"python_ints_in_an_index_are_read_as_int64_and_slice_bounds_as_symints": """
import numpy as np
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
B = 2 ** 63
x = torch.arange(6).reshape(2, 3)
s = torch.tensor(5.)
t(lambda: x[B]); t(lambda: x[-B]); t(lambda: x[-B - 1]); t(lambda: x[0, B]); t(lambda: x[None, B]); t(lambda: x[5, B]); t(lambda: x[B, 5])
t(lambda: x[B, torch.tensor([0])]); t(lambda: x.__setitem__(B, 1)); t(lambda: x.__setitem__((0, B), 1)); t(lambda: x[10 ** 30])
t(lambda: x[np.uint64(B)]); t(lambda: s[B]); t(lambda: s.__setitem__(B, 1)); t(lambda: x[..., -B - 1])
t(lambda: x[B:]); t(lambda: x[:B]); t(lambda: x[-B - 5:]); t(lambda: x[-2 ** 62 - 1:]); t(lambda: x[:-B]); t(lambda: x[::B])
t(lambda: x[::2 ** 62]); t(lambda: x.__setitem__(slice(-B, None), 5)); t(lambda: x[-2 ** 62 - 7])
""",
"gather_keeps_sparse_grad_on_its_node": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
idx = torch.tensor([[0, 0], [2, 1]])
for sg in [True, False]:
    y = torch.gather(x, 1, idx, sparse_grad=sg)
    print(y, y.grad_fn.name(), y.grad_fn._saved_sparse_grad, y.grad_fn._saved_dim)
print(x.gather(-1, idx, sparse_grad=True).grad_fn._saved_sparse_grad, torch.gather(x.detach(), 1, idx, sparse_grad=True))
""",
"the_index_kernel_checks_bounds_only_of_the_elements_it_visits": """
def t(f):
    try: r = f(); print(r.shape if r is not None else r)
    except Exception as e: print(type(e).__name__, e)
e, z, x = torch.empty(0, 3), torch.zeros(2, 0, 3), torch.zeros(2, 3)
t(lambda: e[:, [3]]); t(lambda: e[:, [-9]]); t(lambda: z[[5]]); t(lambda: z[torch.tensor([[5, 7]])]); t(lambda: z[[5], :, [9]])
t(lambda: x[[5], :0]); t(lambda: x[[5], []]); t(lambda: x[[5, 1], [[]]]); t(lambda: e.__setitem__((slice(None), [3]), 1.))
t(lambda: z.__setitem__([5], torch.ones(1, 0, 3))); t(lambda: z.index_put_((torch.tensor([5]),), torch.tensor(1.), accumulate=True))
t(lambda: e.index_put_((torch.tensor([5]),), torch.tensor(1.), accumulate=True)); t(lambda: torch.zeros(2, 0, 3, requires_grad=True)[[5]])
t(lambda: z[torch.tensor([True, False]), :, [7]]); t(lambda: e[[0], []]); t(lambda: e[[0], [1]]); t(lambda: x[False, [7]]); t(lambda: x[True, [7]])
t(lambda: x[torch.zeros(2, dtype=torch.bool), [9]]); t(lambda: x.__setitem__((torch.zeros(2, dtype=torch.bool), [9]), 2.))
""",
"each_ellipsis_moves_on_by_the_dims_no_index_names_and_an_empty_index_is_an_alias": """
def t(f):
    try: r = f(); print(r.shape, r.grad_fn, r._base is not None)
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
y = x.detach()
t(lambda: x[..., ...]); t(lambda: x[..., 0, ...]); t(lambda: x[0, ..., ...]); t(lambda: x[..., None, ...]); t(lambda: x[None, ..., ..., None])
t(lambda: x[..., [0, 1], ...]); t(lambda: x[..., ..., [0]]); t(lambda: x[()]); t(lambda: x[...]); t(lambda: torch.tensor(1.)[..., None, ...])
t(lambda: y[..., 1:, ...]); t(lambda: y[0, 0, 0, ..., ...]); t(lambda: torch.tensor(1.)[()]); print(x[()] is x, x[...] is x)
for idx in [(Ellipsis, [0, 2], Ellipsis), ([1], Ellipsis, Ellipsis), (Ellipsis, Ellipsis, [1]), (Ellipsis, 0, [1], Ellipsis),
            (Ellipsis, torch.tensor([True, False, True, False]), Ellipsis), (Ellipsis, None, Ellipsis, [1]), (Ellipsis, Ellipsis), (Ellipsis, 0, Ellipsis)]:
    z = torch.zeros(2, 3, 4)
    try: z[idx] = 1.; print(z.sum(), z[0].nonzero().tolist()[:6])
    except Exception as e: print(type(e).__name__, e)
""",
"an_unsigned_numpy_index_array_is_read_as_long": """
import numpy as np
x = torch.arange(10) * 10
for idx in [np.array([3], dtype=np.uint16), np.array([1, 2], dtype=np.uint32), np.array([2 ** 64 - 1], dtype=np.uint64),
            np.array(4, dtype=np.uint16), (np.array([1], dtype=np.uint16),), np.array([[1]], dtype=np.uint32)]:
    print(x[idx])
y = torch.zeros(5)
y[np.array([1, 3], dtype=np.uint16)] = 1.
print(y)
""",
"index_reduce_and_scatter_reduce_refuse_bool_and_complex_where_atens_dispatches_do": """
def t(f):
    try: print(f().tolist())
    except Exception as e: print(type(e).__name__, e)
e = torch.tensor([], dtype=torch.long)
for dt in [torch.bool, torch.complex64]:
    x1, x2 = torch.ones(3, dtype=dt), torch.ones(3, 2, dtype=dt)
    for red in ["prod", "mean", "amax"]:
        for inc in [True, False]:
            t(lambda: x1.index_reduce(0, torch.tensor([0]), x1[:1], red, include_self=inc)); t(lambda: x2.index_reduce(0, torch.tensor([0]), x2[:1], red, include_self=inc))
            t(lambda: x2.index_reduce(0, e, x2[:0], red, include_self=inc)); t(lambda: x1.index_reduce(0, e, x1[:0], red, include_self=inc))
            t(lambda: torch.ones((), dtype=dt).index_reduce(0, torch.tensor([0]), torch.ones((), dtype=dt), red, include_self=inc))
    for inc in [True, False]:
        t(lambda: x2.scatter_reduce(0, torch.tensor([[0, 1]]), x2[:1], "mean", include_self=inc))
        t(lambda: x2.scatter_reduce(0, torch.empty(0, 2, dtype=torch.long), x2[:1], "mean", include_self=inc))
        t(lambda: x1.scatter_reduce(0, e, x1, "amin", include_self=inc)); t(lambda: x1.clone().scatter_reduce_(0, torch.tensor([1]), x1, "mean", include_self=inc))
c2, b2 = torch.ones(3, 2, dtype=torch.complex64), torch.ones(3, 2, dtype=torch.bool)
t(lambda: c2.index_reduce(0, torch.tensor([5, 0]), c2[:2], "amax")); t(lambda: c2.index_reduce(0, torch.tensor([0, 5]), c2[:2], "amax"))
t(lambda: (c2 * 2j).index_reduce(0, torch.tensor([0, 0]), c2[:2] * (1 + 1j), "mean")); t(lambda: b2.index_reduce(0, torch.tensor([7]), b2[:1], "mean"))
t(lambda: b2.index_reduce(1, torch.tensor([1]), torch.zeros(3, 1, dtype=torch.bool), "amin"))
t(lambda: torch.ones(3, dtype=torch.bool).index_reduce(0, torch.tensor([5]), torch.ones(1, dtype=torch.bool), "prod", include_self=False))
t(lambda: torch.ones(3, dtype=torch.complex64).scatter_reduce(0, torch.tensor([9]), torch.ones(1, dtype=torch.complex64), "amax"))
t(lambda: torch.ones(3, dtype=torch.bool).scatter_reduce(0, torch.tensor([9]), torch.ones(1, dtype=torch.bool), "mean"))
t(lambda: torch.ones(3, 2, dtype=torch.complex64, requires_grad=True).index_reduce(0, torch.tensor([0]), c2[:1], "prod"))
""",
"index_select_checks_its_index_dims_then_a_scalars_count_then_its_dtype_empty_or_not": """
def t(f):
    try: print(f().shape)
    except Exception as e: print(type(e).__name__, e)
x, s = torch.zeros(3, 2), torch.tensor(1.)
t(lambda: x.index_select(0, torch.zeros(1, 1))); t(lambda: x.index_select(5, torch.zeros(1))); t(lambda: s.index_select(0, torch.zeros(2)))
t(lambda: x.index_select(0, torch.zeros(0))); t(lambda: s.index_select(0, torch.zeros(0))); t(lambda: x.index_select(0, torch.zeros(0, 1, dtype=torch.int16)))
t(lambda: x.index_select(0, torch.zeros(0, dtype=torch.bool))); t(lambda: x.index_select(1, torch.zeros(0, dtype=torch.int32)))
t(lambda: x.index_add(0, torch.zeros(0), torch.ones(0, 2))); t(lambda: s.index_select(0, torch.tensor([0, 0])))
""",
"an_index_results_dims_of_size_one_keep_the_strides_atens_layout_gives_them": """
base = torch.arange(120).reshape(2, 3, 4, 5)
i, j = torch.tensor([1, 0]), torch.tensor([[2, 1], [0, 0]])
for perm in [(0, 1, 2, 3), (3, 2, 1, 0), (1, 0, 3, 2)]:
    x = base.permute(perm)
    for r in [x[None, :, i], x[1:, ::2, i], x[0, ..., i], x[:, i, i], x[i, :, j], x[..., None, i]]:
        print(tuple(r.shape), r.stride())
for shp in [(2, 1, 3), (1, 3, 1, 2), (1, 1, 4)]:
    for dt in [torch.float32, torch.bfloat16]:
        x = torch.arange(float(torch.tensor(shp).prod())).reshape(shp).to(dt).permute(tuple(reversed(range(len(shp)))))
        for d in range(len(shp)):
            pre = [slice(None)] * d
            print(x[tuple(pre + [torch.tensor([0, 0])])].stride(), x[tuple(pre + [None, torch.tensor([[0], [0]])])].stride(),
                  x[tuple(pre + [torch.ones(x.shape[d], dtype=torch.bool)])].stride())
""",
"index_reduce_returns_a_contiguous_result": """
base = torch.arange(24.).reshape(2, 3, 4)
i = torch.tensor([1, 0])
for perm in [(2, 1, 0), (1, 2, 0)]:
    x = base.permute(perm)
    for red in ['prod', 'mean', 'amax']:
        print(red, x.index_reduce(0, i, x[:2], red).stride(), x.index_reduce(2, i, x[:, :, :2], red, include_self=False).stride())
    print(x.clone().index_reduce_(0, i, x[:2], 'prod').stride(), x.half().index_reduce(0, i, x[:2].half(), 'amin').stride())
""",
"take_and_masked_select_gradients_are_laid_out_as_self": """
base = torch.arange(24.).reshape(2, 3, 4)
for perm in [(2, 1, 0), (1, 2, 0)]:
    x = base.permute(perm).detach().requires_grad_()
    for o in [x.take(torch.tensor([1, 2, 2])), x.masked_select(x > 2), x.masked_select(torch.ones(2, *x.shape, dtype=torch.bool))]:
        g, = torch.autograd.grad(o.sum(), x, create_graph=True)
        print(g.stride(), g.grad_fn, g._version, g.sum())
x = torch.arange(6.).reshape(2, 3).t().detach().requires_grad_()
g, = torch.autograd.grad(x.masked_select(torch.tensor([[True], [False], [True]])).pow(2).sum(), x, create_graph=True)
print(g, g.stride(), g._version, torch.autograd.grad(g.sum(), x))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_held20d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

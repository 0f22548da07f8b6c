"""Classes of difference found by the thirteenth round's held-out programs on tensor operations (reductions, sorting
and selection, indexing ops, creation, joining and splitting; issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch
from test_fidelity_round5 import TRY as PRELUDE  # (each program's t: a case printed, or its exception's text)


PROGRAMS = {
"reductions_check_out_dtype_as_their_kernels_and_the_sum_family_computes_in_it": """
x = torch.tensor([[1.5, 2.25], [3., 4.]])
f32 = torch.tensor([0.1, 0.2, 0.3, 0.7])
for dt in (torch.long, torch.float64, torch.float16, torch.bool, torch.int32, torch.uint8):
    for nm in ("sum", "mean", "prod", "nansum", "amax", "amin", "logsumexp", "std", "cumsum", "cumprod", "argmax",
               "argmin", "all", "any", "logcumsumexp", "count_nonzero"):
        t(f"{nm} {dt}", lambda: getattr(torch, nm)(x, 0, out=torch.empty(0, dtype=dt)))
    for nm in ("sum", "prod", "nansum", "amax", "all", "any", "cumsum"):
        t(f"int {nm} {dt}", lambda: getattr(torch, nm)(torch.tensor([1, 0, 3]), 0, out=torch.empty(0, dtype=dt)))
t("sum dtype mismatch", lambda: torch.sum(x, 0, dtype=torch.float64, out=torch.empty(2)))
t("nansum dtype mismatch", lambda: torch.nansum(x, 0, dtype=torch.float64, out=torch.empty(2)))
t("mean dtype mismatch", lambda: torch.mean(x, 0, dtype=torch.float64, out=torch.empty(2)))
t("cumsum dtype mismatch", lambda: torch.cumsum(x, 0, dtype=torch.float64, out=torch.empty(2, 2)))
t("sum f64", lambda: torch.sum(f32, 0, out=torch.empty((), dtype=torch.float64)).item())
t("mean f64", lambda: torch.mean(f32, 0, out=torch.empty((), dtype=torch.float64)).item())
t("mean half f64", lambda: torch.mean(f32.half(), 0, out=torch.empty((), dtype=torch.float64)).item())
t("prod f64", lambda: torch.prod(f32, 0, out=torch.empty((), dtype=torch.float64)).item())
t("cumsum int8", lambda: torch.cumsum(torch.tensor([100, 100]), 0, out=torch.empty(2, dtype=torch.int8)))
t("logsumexp f64", lambda: torch.logsumexp(torch.tensor([1.0001, 2.0002, 3.0003]), 0,
                                          out=torch.empty((), dtype=torch.float64)).item())
t("logsumexp int f64", lambda: torch.logsumexp(torch.tensor([1, 2]), 0, out=torch.empty((), dtype=torch.float64)).item())
t("logsumexp f16", lambda: torch.logsumexp(torch.tensor([1.0001, 2.0002, 3.0003]), 0,
                                          out=torch.empty((), dtype=torch.float16)))
t("all uint8 into bool", lambda: torch.all(torch.tensor([1, 0], dtype=torch.uint8), 0, out=torch.empty((), dtype=torch.bool)))
t("max unary f64", lambda: torch.max(x, out=torch.empty((), dtype=torch.float64)))
t("min unary long", lambda: torch.min(x, out=torch.empty((), dtype=torch.long)))
for kw in ({"dim": 0}, {"p": 1, "dim": 1, "keepdim": True}, {"p": "fro"}, {"p": "nuc"}, {"p": float("inf"), "dim": 1},
           {"dim": 0, "dtype": torch.float64}):
    for dt in (torch.float32, torch.float64):
        t(f"norm {kw} {dt}", lambda: torch.norm(x, **kw, out=torch.empty(0, dtype=dt)))
t("norm int", lambda: torch.norm(torch.tensor([3, 4]), out=torch.empty(())))
t("norm grad", lambda: torch.norm(x.clone().requires_grad_(), out=torch.empty(())))
o = torch.empty(5)
print(torch.norm(x, dim=1, out=o), o.shape)
""",
"values_and_indices_outs_checked_with_each_kernels_text": """
x = torch.tensor([[1.5, 2.25], [3., 4.]])
L, I, D = torch.long, torch.int32, torch.float64
for vd, idt in ((D, L), (torch.float32, I), (D, I), (L, L)):
    e = lambda dt: torch.empty(0, dtype=dt)
    t(f"max {vd} {idt}", lambda: torch.max(x, 0, out=(e(vd), e(idt))))
    t(f"min {vd} {idt}", lambda: torch.min(x, 1, True, out=(e(vd), e(idt))))
    t(f"sort {vd} {idt}", lambda: torch.sort(x, 0, out=(e(vd), e(idt))))
    t(f"topk {vd} {idt}", lambda: torch.topk(x, 1, out=(e(vd), e(idt))))
    t(f"median {vd} {idt}", lambda: torch.median(x, 0, out=(e(vd), e(idt))))
    t(f"nanmedian {vd} {idt}", lambda: torch.nanmedian(x, 0, out=(e(vd), e(idt))))
    t(f"mode {vd} {idt}", lambda: torch.mode(x, 0, out=(e(vd), e(idt))))
    t(f"kthvalue {vd} {idt}", lambda: torch.kthvalue(x, 1, 0, out=(e(vd), e(idt))))
    t(f"cummax {vd} {idt}", lambda: torch.cummax(x, 0, out=(e(vd), e(idt))))
    t(f"cummin {vd} {idt}", lambda: torch.cummin(x, 0, out=(e(vd), e(idt))))
    t(f"aminmax {vd} {idt}", lambda: torch.aminmax(x, dim=0, out=(e(vd), e(idt))))
t("logcumsumexp", lambda: torch.logcumsumexp(x.double(), 0, out=torch.empty(2, 2)))
""",
"indexing_selection_and_joining_outs_checked_with_each_kernels_text": """
x = torch.tensor([[1.5, -2.25, 0.], [3., 4., -1.]])
idx = torch.tensor([[0, 1], [2, 0]])
def t(name, f):
    for dt in (torch.float64, torch.float32, torch.long, torch.int32, torch.bool, torch.float16):
        try:
            o = torch.empty(0, dtype=dt)
            r = f(o)
            print(name, dt, r, r is o)
        except Exception as e:
            print(name, dt, type(e).__name__, e)
t("cat", lambda o: torch.cat([x, x], out=o))
t("stack", lambda o: torch.stack([x, x], out=o))
t("hstack", lambda o: torch.hstack([x, x], out=o))
t("vstack", lambda o: torch.vstack([x, x], out=o))
t("index_select", lambda o: torch.index_select(x, 1, torch.tensor([0]), out=o))
t("gather", lambda o: torch.gather(x, 1, idx, out=o))
t("take", lambda o: torch.take(x, torch.tensor([1, 2]), out=o))
t("masked_select", lambda o: torch.masked_select(x, x > 0, out=o))
t("nonzero", lambda o: torch.nonzero(x, out=o))
t("searchsorted", lambda o: torch.searchsorted(torch.tensor([0., 1.]), x, out=o))
t("searchsorted int32", lambda o: torch.searchsorted(torch.tensor([0., 1.]), x, out_int32=True, out=o))
t("bucketize", lambda o: torch.bucketize(x, torch.tensor([0., 1.]), out=o))
t("histc", lambda o: torch.histc(x, 3, out=o))
t("argsort", lambda o: torch.argsort(x, stable=True, out=o))
t("msort", lambda o: torch.msort(x, out=o))
t("index_add", lambda o: torch.index_add(x, 0, torch.tensor([0]), x[:1], out=o))
t("index_copy", lambda o: torch.index_copy(x, 0, torch.tensor([0]), x[:1], out=o))
t("scatter value", lambda o: torch.scatter(x, 1, idx, 9.0, out=o))
t("scatter src", lambda o: torch.scatter(x, 1, idx, x, out=o))
t("scatter_add", lambda o: torch.scatter_add(x, 1, idx, x, out=o))
t("scatter_reduce", lambda o: torch.scatter_reduce(x, 1, idx, x, "sum", out=o))
t("take_along_dim", lambda o: torch.take_along_dim(x, idx, 1, out=o))
t("diff", lambda o: torch.diff(x, out=o))
""",
"creation_functions_resize_their_out_and_ranges_keep_a_shape_of_as_many_elements": """
torch.manual_seed(0)
for name, f in [("arange", lambda o: torch.arange(3, out=o)), ("linspace", lambda o: torch.linspace(0, 1, 3, out=o)),
                ("logspace", lambda o: torch.logspace(0, 1, 3, out=o)), ("full", lambda o: torch.full((3,), 2., out=o)),
                ("zeros", lambda o: torch.zeros(3, out=o)), ("ones", lambda o: torch.ones(1, 3, out=o)),
                ("eye", lambda o: torch.eye(3, 1, out=o)), ("empty", lambda o: torch.empty(3, out=o).shape),
                ("randperm", lambda o: torch.randperm(3, out=o)), ("range", lambda o: torch.range(0, 2, out=o)),
                ("randint", lambda o: torch.randint(5, (3,), out=o)), ("rand", lambda o: torch.rand(3, out=o))]:
    for shape in [(0,), (5,), (3,), (2, 2)]:
        o = torch.empty(shape, dtype=torch.float64 if name != "randperm" else torch.long)
        v = o._version
        try:
            r = f(o)
            print(name, shape, r, o.shape, o.stride(), o._version - v)
        except Exception as e:
            print(name, shape, type(e).__name__, e)
o = torch.empty(2, 3).t()
print(torch.arange(6., out=o), o.stride(), o.shape)
o = torch.empty(3, 2).t()
print(torch.full((2, 3), 1., out=o), o.stride())
print(torch.range(1, 3, out=torch.empty(0, dtype=torch.int32)))
for f in (lambda: torch.arange(3, out=torch.empty(0, dtype=torch.bool)),
          lambda: torch.linspace(0, 1, 3, out=torch.empty(0, dtype=torch.bool)),
          lambda: torch.arange(3., out=torch.ones(2, requires_grad=True))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"keywords_under_the_names_pytorchs_parser_reads_reach_the_op": """
a = torch.arange(6.).reshape(2, 3)
def t(name, f):
    try:
        r = f()
        print(name, r if not isinstance(r, torch.Tensor) else (r.shape, r.dtype, r.flatten()[:4]))
    except Exception as e:
        print(name, type(e).__name__, e)
t("sum axis", lambda: torch.sum(a, axis=0))
t("m sum keepdims", lambda: a.sum(axis=1, keepdims=True))
t("cat axis", lambda: torch.cat([a, a], axis=1))
t("concatenate axis", lambda: torch.concatenate([a, a], axis=1))
t("stack axis", lambda: torch.stack([a, a], axis=1))
t("mean x", lambda: torch.mean(x=a))
t("add x1 x2", lambda: torch.add(x1=a, x2=a))
t("max axis", lambda: torch.max(a, axis=1))
t("m argmax axis", lambda: a.argmax(axis=1))
t("m cumsum axis", lambda: a.cumsum(axis=0))
t("m sort axis", lambda: a.sort(axis=0))
t("argsort axis", lambda: torch.argsort(a, axis=1))
t("topk axis", lambda: torch.topk(a, 1, axis=0))
t("m unbind axis", lambda: a.unbind(axis=1))
t("m squeeze axis", lambda: a[None].squeeze(axis=0))
t("m softmax axis", lambda: a.softmax(axis=0))
t("m std keepdims", lambda: a.std(axis=0, keepdims=True))
t("gather axis", lambda: torch.gather(a, axis=1, index=torch.tensor([[0]])))
t("take_along_dim axis", lambda: torch.take_along_dim(a, torch.tensor([[0]]), axis=1))
t("flip axis", lambda: torch.flip(a, axis=[0]))
t("roll axis", lambda: torch.roll(a, 1, axis=0))
t("tensor_split indices", lambda: torch.tensor_split(a, indices=[1], dim=1))
t("tensor_split sections", lambda: torch.tensor_split(a, sections=2, dim=1))
t("tensor_split tensor", lambda: torch.tensor_split(a, tensor_indices_or_sections=torch.tensor(2), dim=1))
t("m tensor_split indices", lambda: a.tensor_split(indices=[1]))
t("hsplit sections", lambda: torch.hsplit(a, sections=3))
t("m hsplit indices", lambda: a.hsplit(indices=[1]))
t("vsplit indices", lambda: torch.vsplit(torch.ones(4, 2), indices=[1]))
t("tile dims", lambda: torch.tile(a, dims=(2,)))
t("m tile dims", lambda: a.tile(dims=(2,)))
t("m repeat repeats", lambda: a.repeat(repeats=(2, 1)))
t("m expand size", lambda: a[:1].expand(size=(3, 3)))
t("m view size", lambda: a.view(size=(3, 2)))
t("unique axis", lambda: torch.unique(a > 2, dim=0))
t("scatter out", lambda: torch.scatter(a, 1, torch.tensor([[0]]), 9.0, out=torch.empty(0)))
t("index_fill out", lambda: torch.index_fill(a, 0, torch.tensor([0]), 2, out=torch.empty(0)))
""",
"advanced_indices_that_do_not_broadcast_raise_atens_index_error": """
x = torch.arange(24).reshape(2, 3, 4)
def setit(k, v):
    y = x.clone()
    y[k] = v
    return y.sum()
m = torch.tensor([[True, False, True], [False, True, False]])
t("get", lambda: x[[0, 1], [0, 1, 2]])
t("get3", lambda: x[[0, 1], [0, 1, 2], [[0], [1]]])
t("get2d", lambda: x[torch.tensor([[0, 1]]), torch.tensor([[0], [1], [2]]), [0, 1, 2]])
t("mask", lambda: x[m, [0, 1]])
t("set", lambda: setit(([0, 1], [0, 1, 2]), 1))
t("set mask", lambda: setit((m, [0, 1]), 5))
t("index_put", lambda: x.index_put((torch.tensor([0, 1]), torch.tensor([0, 1, 2])), torch.tensor(1)))
t("index_put_ accumulate", lambda: x.clone().index_put_((torch.tensor([0, 1]), torch.tensor([0, 1, 2])),
                                                       torch.tensor(1), accumulate=True))
t("slice", lambda: x[:, [0, 1], [1, 2, 3]])
t("empty", lambda: x[[], [0, 1]])
t("False", lambda: x[False, [0, 1]])
t("True", lambda: x[True, [0, 1], [0, 1, 2]])
t("size 0 dim", lambda: torch.zeros(0, 3)[[0, 1], [0, 1, 2]])
t("size 0 dim b", lambda: torch.zeros(0, 3)[[0, 1], [0, 1]])
t("out of bounds", lambda: x[[0, 5], [0, 1, 2]])
""",
"ranges_of_bool_and_integer_ends_convert_as_c10_and_randint_checks_its_bounds": """
torch.manual_seed(0)
B = torch.bool
t("linspace bool", lambda: torch.linspace(0, 1, 3, dtype=B))
t("linspace bool 1", lambda: torch.linspace(0, 1, 1, dtype=B))
t("linspace bool 0", lambda: torch.linspace(0, 1, 0, dtype=B))
t("logspace bool", lambda: torch.logspace(0, 1, 3, dtype=B))
t("range bool", lambda: torch.range(0, 1, dtype=B))
for a, b, dt in [(-1, 1, torch.uint8), (-1.5, 1, torch.uint8), (-300, 1, torch.uint8), (0, 300, torch.int8),
                 (0, 300.5, torch.int8), (-2.7, 2.7, torch.int32), (200, 0, torch.int8)]:
    t(f"linspace {a} {b} {dt}", lambda: torch.linspace(a, b, 4, dtype=dt))
    t(f"logspace {a} {b} {dt}", lambda: torch.logspace(a / 100, b / 100, 4, dtype=dt))
for args in [(3, (2,)), (2, (4,)), (0, 2, (4,)), (-1, 1, (2,)), (1, (3,)), (0, 300, (2,))]:
    for dt in [torch.bool, torch.uint8, torch.int8]:
        t(f"randint {args} {dt}", lambda: torch.randint(*args, dtype=dt))
""",
"reductions_sorting_and_cumulative_ops_edge_texts_and_shapes": """
x = torch.arange(6.).reshape(2, 3)
s = torch.tensor(3.5)
for nm in ("cummax", "cummin", "cumsum", "logcumsumexp"):
    for d in (0, -1, 1, -2):
        t(f"{nm} 0d {d}", lambda: getattr(torch, nm)(s, d))
t("nanmedian empty dim", lambda: torch.nanmedian(torch.empty(0, 3), 0))
t("median empty dim", lambda: torch.median(torch.empty(0, 3), 0))
for dt in (torch.bool, torch.uint8, torch.int64):
    t(f"histc {dt}", lambda: torch.histc(torch.ones(3, dtype=dt), 3))
t("unique_consecutive 0d", lambda: torch.unique_consecutive(torch.tensor(5), return_inverse=True, return_counts=True))
y = torch.arange(6).reshape(3, 2)
for a in [(y, 2, 0, 5), (y, 2, None, 13), (y, 2, None, 12), (y, torch.tensor([1, 2, 0]), 0, 2),
          (y, torch.tensor([1, 2, 0]), 0, 3), (y, torch.tensor(2), 1, 5)]:
    t(f"repeat_interleave {a[1:]}", lambda: torch.repeat_interleave(a[0], a[1], dim=a[2], output_size=a[3]))
t("repeats output_size", lambda: torch.repeat_interleave(torch.tensor([1, 2]), output_size=4))
t("argmax keepdim", lambda: x.argmax(keepdim=True))
t("argmin keepdim", lambda: x.argmin(keepdim=True))
t("argmax 0d keepdim", lambda: torch.argmax(torch.tensor(3.), keepdim=True))
for v in (torch.ones(3), x, torch.tensor(1.), torch.empty(0, 2)):
    for kd in (False, True):
        t(f"logsumexp () {tuple(v.shape)} {kd}", lambda: torch.logsumexp(v, (), keepdim=kd))
for k in (0, 1, 2, -1):
    t(f"topk 0d {k}", lambda: torch.tensor(2.).topk(k, largest=False))
c = x > 2
t("where uint8", lambda: torch.where(c.to(torch.uint8), x, 0.))
t("where uint8 again", lambda: x.where(c.byte(), 1.))
""",
"searchsorted_is_atens_binary_search_with_its_sorter_checks": """
n = float("nan")
b = torch.tensor([1., 2., 2., 3., n])
v = torch.tensor([n, 0., 1., 2., 2.5, 3., 4., float("inf"), -float("inf")])
t("left", lambda: torch.searchsorted(b, v))
t("right", lambda: torch.searchsorted(b, v, right=True))
t("side right", lambda: torch.searchsorted(b, v, side="right"))
t("2d", lambda: torch.searchsorted(torch.tensor([[1., n, 3.], [0., 0., 5.]]), torch.tensor([[n, 2.], [0., 6.]])))
t("unsorted", lambda: torch.searchsorted(torch.tensor([3, 1, 2]), torch.tensor([2, 0, 5])))
t("empty boundaries", lambda: torch.searchsorted(torch.tensor([]), torch.tensor([2.])))
t("sorter", lambda: torch.searchsorted(torch.tensor([3., 1., 2.]), torch.tensor([2., n]), sorter=torch.tensor([1, 2, 0])))
t("sorter out of range", lambda: torch.searchsorted(torch.tensor([3, 1]), torch.tensor([2]), sorter=torch.tensor([1, 2])))
t("sorter negative", lambda: torch.searchsorted(torch.tensor([3, 1]), torch.tensor([2]), sorter=torch.tensor([-1, 0])))
t("sorter int32", lambda: torch.searchsorted(torch.tensor([3, 1]), torch.tensor([2]),
                                            sorter=torch.tensor([1, 0], dtype=torch.int32)))
t("bool", lambda: torch.searchsorted(torch.tensor([False, True]), torch.tensor([True])))
t("bool int", lambda: torch.searchsorted(torch.tensor([0, 1]), torch.tensor([True])))
t("bucketize nan", lambda: torch.bucketize(torch.tensor([n, 0.5]), torch.tensor([0., 1.]), right=True))
t("half", lambda: torch.searchsorted(torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([1.5, n])))
""",
"tensor_of_tensors_where_numbers_go_and_asarray": """
for l in [[torch.tensor([1., 2.]), torch.tensor([3., 4.])], [torch.tensor([1, 2]), torch.tensor([3, 4])],
          [torch.tensor([True, False])], [torch.tensor([1, 2]), 3], [3, torch.tensor([1., 2.])],
          [[1, 2], torch.tensor([1, 2])], [torch.tensor([[1]]), torch.tensor([[2]])], [torch.tensor([1.])],
          [torch.zeros(0)], [torch.zeros(0, dtype=torch.long)], [[torch.tensor([1, 2])]],
          [torch.tensor(1), torch.tensor([1, 2])], [[1, 2], torch.tensor([1., 2.])]]:
    for dt in (None, torch.float32, torch.int64):
        t(f"tensor {dt}", lambda: torch.tensor(l, dtype=dt))
    t("as_tensor", lambda: torch.as_tensor(l))
for kw in [dict(), dict(requires_grad=False), dict(requires_grad=True), dict(copy=True), dict(dtype=torch.float64),
           dict(dtype=torch.float64, copy=False)]:
    x = torch.ones(2, requires_grad=True)
    t(f"asarray leaf {kw}", lambda: (lambda y: (y is x, y, y.grad_fn is None, y.is_leaf, x.requires_grad))(
        torch.asarray(x, **kw)))
    y = torch.ones(2, requires_grad=True) * 2
    t(f"asarray nonleaf {kw}", lambda: (lambda z: (z is y, z, z.grad_fn is None))(torch.asarray(y, **kw)))
a = torch.arange(4)[::2]
t("asarray view", lambda: (torch.asarray(a)._base is not None, torch.asarray(a, copy=False) is a))
t("asarray copy", lambda: torch.asarray(a, dtype=torch.float32, copy=True))
t("asarray list", lambda: torch.asarray([True, 1.5]))
t("asarray int rg", lambda: torch.asarray([1, 2], requires_grad=True))
t("asarray float rg", lambda: torch.asarray([1., 2.], requires_grad=True))
t("asarray no copy", lambda: torch.asarray([1], copy=False))
t("asarray args", lambda: torch.asarray(1, 2))
t("asarray kw", lambda: torch.asarray([1], foo=2))
t("asarray dtype", lambda: torch.asarray([1], dtype=3))
t("asarray scalar", lambda: torch.asarray(3.5, dtype=torch.float64))
t("asarray range", lambda: torch.asarray(range(3)))
""",
"an_empty_dim_list_reduces_every_dim_and_var_backward_is_pytorchs": """
x = torch.arange(6.).reshape(2, 3)
for nm in ("sum", "nansum", "mean", "nanmean", "prod", "amax", "std", "var", "count_nonzero", "all", "norm", "std_mean",
           "var_mean"):
    for d in ([], ()):
        try:
            print(nm, d, getattr(torch, nm)(x, dim=d))
            if nm != "count_nonzero":
                print(nm, d, "keepdim", getattr(torch, nm)(x, d, keepdim=True))
        except Exception as e:
            print(nm, d, type(e).__name__, e)
x = torch.arange(6.).reshape(2, 3).requires_grad_()
for nm in ("sum", "nansum", "mean", "nanmean", "std", "var", "norm"):
    y = getattr(torch, nm)(x, [])
    x.grad = None
    y.sum().backward()
    print(nm, y.grad_fn.name(), x.grad)
for nm in ("std_mean", "var_mean"):
    y = getattr(torch, nm)(x, [])
    x.grad = None
    (y[0] + y[1]).backward()
    print(nm, y[0].grad_fn.name(), x.grad)
v = torch.tensor([1., 2., 3.], requires_grad=True)
m = torch.tensor([[1., 2.], [3., 5.]], requires_grad=True)
for f in (lambda: v.var(0, correction=5), lambda: v.var(correction=5), lambda: v.std(0, correction=4),
          lambda: torch.var_mean(v, 0, correction=5)[0], lambda: v[:1].var(), lambda: v.std(correction=3),
          lambda: torch.std_mean(v, 0, correction=2)[0] + torch.std_mean(v, 0, correction=2)[1],
          lambda: m.var(1, correction=2).sum(), lambda: m.std(1, correction=3, keepdim=True).sum(),
          lambda: m.var((0, 1), correction=4)):
    v.grad = m.grad = None
    y = f()
    y.backward()
    print(y, v.grad, m.grad)
g, = torch.autograd.grad(v.var([]), v, create_graph=True)
print(g, g.grad_fn.name(), torch.autograd.grad(g.sum(), v))
""",
"take_along_dim_expands_its_input_and_ranges_check_their_ends": """
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
for idx, dim in ((torch.tensor([[0, 1], [2, 3], [1, 1]]), 1), (torch.tensor([0, 5]), None), (torch.tensor([[1]]), 1)):
    y = torch.take_along_dim(x, idx, dim)
    print(y.shape, y.grad_fn.name(), [type(n).__name__ for n, _ in y.grad_fn.next_functions])
y = torch.take_along_dim(x[:1], torch.tensor([[1], [1], [2]]), 1)
print(y.grad_fn.next_functions[0][0].name(), y.grad_fn.next_functions[0][0].next_functions[0][0].name())
for f in (lambda: torch.logspace(torch.tensor([0.]), 1, 3), lambda: torch.linspace(0, torch.ones(2, 2), 3),
          lambda: torch.linspace(torch.tensor([0.]), torch.ones(1, 1), 3), lambda: torch.linspace(torch.tensor(0.), 1, 3),
          lambda: torch.tril_indices(2, 2, layout=torch.strided), lambda: torch.triu_indices(3, 2, 1, layout=torch.strided)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"sums_and_scans_into_a_reduced_float_cast_their_input_first_and_mean_does_not": """
torch.manual_seed(2)
x = torch.randn(3, 7, dtype=torch.float64) * 3
i = torch.randint(-3000, 3000, (3, 7))
for src in (x, x.float(), i, x.half(), x.bfloat16()):
    for dt in (torch.float16, torch.bfloat16):
        print(src.dtype, dt)
        print(src.sum(dtype=dt), src.sum(1, dtype=dt), src.mean(1, dtype=dt) if src.is_floating_point() else "")
        print(src.cumsum(1, dtype=dt)[:, -1], src.nansum(1, dtype=dt), src.prod(1, dtype=dt))
        print(src.cumprod(1, dtype=dt)[:, 2])
        print(torch.sum(src, 1, out=torch.empty(0, dtype=dt)), torch.cumsum(src, 1, out=torch.empty(0, dtype=dt))[:, -1])
""",
"histogram_out_cat_overlap_and_the_out_tuples_length": """
torch.manual_seed(8)
x = torch.randn(20)
for a, b in ((torch.float64, torch.float32), (torch.float32, torch.float64), (torch.long, torch.float32)):
    t(f"histogram {a} {b}", lambda: torch.histogram(x, 3, out=(torch.empty(0, dtype=a), torch.empty(0, dtype=b))))
o = (torch.empty(5), torch.empty(2))
r = torch.histogram(x, 3, out=o)
print(r, o[0].shape, r.hist is o[0], r[1] is o[1], type(r).__qualname__)
print(torch.histogram(x, torch.tensor([0., 1.]), out=(torch.empty(0), torch.empty(0))))
t("bincount empty", lambda: torch.bincount(torch.tensor([], dtype=torch.long), torch.tensor([]), minlength=2))
y = torch.randn(3, 4)
z = torch.randn(2, 4)
t("cat out view", lambda: torch.cat([y, y], out=y[:1]))
t("cat out self", lambda: torch.cat([y, y], out=y))
t("cat out other", lambda: torch.cat([y, z], out=torch.empty(0)).shape)
t("cat out base of view", lambda: torch.cat([y[:1], z], out=y))
for o in ((torch.empty(0),), [torch.empty(0)] * 3, (torch.empty(0), 1), torch.empty(0)):
    for nm, f in (("topk", lambda: torch.topk(y, 1, out=o)), ("sort", lambda: torch.sort(y, out=o)),
                  ("max", lambda: torch.max(y, 1, out=o)), ("cummax", lambda: torch.cummax(y, 1, out=o)),
                  ("aminmax", lambda: torch.aminmax(y, out=o))):
        t(nm, f)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_held13d_class_prints_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])

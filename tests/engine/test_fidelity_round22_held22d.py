"""Classes of difference found by held22d (round 22, indexing, scatter, gather and masked ops), one differential
program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"written_tensors_overlaps_are_checked_where_atens_meta_functions_check_them": """
def t(f):
    try: r = f(); print(r.tolist() if r is not None else None)
    except Exception as e: print(type(e).__name__, str(e)[:90])
E = lambda: torch.zeros(1, 3).expand(2, 3)
i0 = torch.tensor([0])
t(lambda: E().index_add_(1, i0, torch.ones(2, 1))); t(lambda: E().index_add_(0, i0[:0], torch.ones(0, 3)))
t(lambda: E().index_add_(0, i0, torch.ones(1, 3), alpha=1j)); t(lambda: E().index_add_(0, torch.tensor([5]), torch.ones(1, 3)))
t(lambda: E().index_add_(0, i0, torch.ones(1, 4))); t(lambda: E().index_add_(0, i0.float(), torch.ones(1, 3)))
t(lambda: E().scatter_add_(0, torch.tensor([[0]])[:0], torch.ones(1, 1)))
t(lambda: E().scatter_add_(0, torch.tensor([[5]]), torch.ones(1, 1)))
t(lambda: E().scatter_(0, torch.tensor([[0]]), 1., reduce='max')); t(lambda: E().scatter_(0, torch.tensor([[9]]), 1.))
t(lambda: E().scatter_(0, torch.tensor([[0, 0, 0, 0]]), 1.))
t(lambda: E().index_copy_(0, i0.int(), torch.ones(1, 3))); t(lambda: E().index_copy_(0, torch.tensor([7]), torch.ones(1, 3)))
t(lambda: E().index_reduce_(0, i0, torch.ones(1, 3), 'sum'))
t(lambda: E().index_reduce_(0, i0, torch.ones(1, 3).double(), 'prod'))
t(lambda: E().scatter_reduce_(0, torch.tensor([[9]]), torch.ones(1, 1), 'foo'))
x = torch.zeros(2, 3)
t(lambda: x.scatter_reduce(0, torch.tensor([[0, 0, 0, 0]]), torch.ones(1, 4), 'foo'))
t(lambda: x.scatter_reduce(0, torch.tensor([[9]]), torch.ones(1, 1).double(), 'foo'))
t(lambda: x.scatter(0, torch.tensor([[9]]), torch.ones(1, 1), reduce='foo'))
t(lambda: x.scatter(0, torch.tensor([[9]]), torch.ones(1, 1).double()))
t(lambda: x.scatter_add(0, torch.tensor([[9]]), torch.ones(1, 1).double()))
L = lambda: torch.tensor([0, 1, 2, 0])
for f in [lambda x: x.index_add_(0, x[:2], torch.tensor([5, 6])), lambda x: x.index_copy_(0, x[:2], torch.tensor([5])),
          lambda x: x.index_reduce_(0, x[:2], torch.tensor([5, 6]), 'amax'), lambda x: x.index_fill_(0, x[:2], 7),
          lambda x: x.scatter_(0, x[:2], 9), lambda x: x.scatter_add_(0, x[:2], torch.tensor([5, 6])),
          lambda x: x.scatter_reduce_(0, x[:2], torch.tensor([5, 6]), 'sum'),
          lambda x: x.index_add_(0, torch.tensor([7]), x[:1]),
          lambda x: torch.gather(torch.arange(6), 0, x[:2], out=x[:2]), lambda x: torch.gather(torch.arange(6), 0, x[:2], out=x[1:3]),
          lambda x: torch.take_along_dim(torch.arange(6), x[:2], out=x[:2]), lambda x: torch.take_along_dim(torch.arange(6), x[:2], 0, out=x[1:3]),
          lambda x: torch.take_along_dim(torch.arange(6), x[:2], out=x[1:3])]:
    y = L()
    t(lambda: f(y)); print(y.tolist())
""",
"take_along_dim_wraps_its_indices_into_the_dims_size": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = torch.arange(100., 106.).reshape(2, 3)
t(lambda: torch.take_along_dim(a, torch.tensor([[7, -5, 1000003]]), 0))
t(lambda: torch.take_along_dim(a, torch.tensor([[7], [-5]]), -1))
t(lambda: torch.take_along_dim(a, torch.tensor([[3]]), 1))
t(lambda: torch.take_along_dim(torch.zeros(2, 0), torch.tensor([[3]]), 1))
t(lambda: torch.take_along_dim(torch.zeros(0, 3), torch.zeros(0, 3, dtype=torch.long), 0))
t(lambda: torch.take_along_dim(torch.zeros(2, 0), torch.zeros(2, 1, dtype=torch.long), 1))
t(lambda: torch.take_along_dim(a, torch.tensor([7, 8]), None))
t(lambda: torch.take_along_dim(torch.tensor(5.), torch.tensor(3), 0))
t(lambda: torch.take_along_dim(torch.tensor(5.), torch.tensor(3), -1))
t(lambda: torch.take_along_dim(torch.tensor([5., 6.]), torch.tensor([-3]), 0))
x = a.clone().requires_grad_()
y = torch.take_along_dim(x, torch.tensor([[7], [-5]]), 1)
print(y.grad_fn._saved_index)
y.sum().backward()
print(x.grad)
o = torch.zeros(2, 1)
t(lambda: torch.take_along_dim(a, torch.tensor([[4], [-4]]), 1, out=o))
""",
"index_copy_refuses_a_negative_index": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(6.).reshape(2, 3)
t(lambda: x.index_copy(0, torch.tensor([-1]), torch.ones(1, 3)))
t(lambda: x.index_copy(1, torch.tensor([0, -3]), torch.ones(2, 2)))
t(lambda: torch.tensor(5.).index_copy(0, torch.tensor([-1]), torch.tensor(1.)))
y = torch.arange(4.)
t(lambda: y.index_copy_(0, torch.tensor([1, -1, 2]), torch.tensor([7., 8., 9.])))
print(y)
z = torch.arange(6.).reshape(2, 3)
t(lambda: z.index_copy_(1, torch.tensor([2, -1]), torch.ones(2, 2)))
print(z)
t(lambda: x.index_fill(1, torch.tensor([-1, -3]), 0.))
""",
"put_and_max_unpool_have_no_deterministic_implementation": """
import warnings
warnings.simplefilter("always")
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
F = torch.nn.functional
x = torch.arange(4.)
torch.use_deterministic_algorithms(True, warn_only=True)
t(lambda: x.put(torch.tensor([0]), torch.tensor([9.])))
t(lambda: x.put(torch.tensor([0.]), torch.tensor([9.])))
torch.use_deterministic_algorithms(True)
t(lambda: x.put(torch.tensor([0]), torch.tensor([9.]), accumulate=True))
t(lambda: torch.zeros(0).put_(torch.tensor([], dtype=torch.long), torch.tensor([])))
t(lambda: x.put_(torch.tensor([0.]), torch.tensor([9.])))
t(lambda: torch.ones(3, requires_grad=True).put_(torch.tensor([0]), torch.tensor([9.])))
t(lambda: F.max_unpool1d(torch.ones(1, 1, 2), torch.tensor([[[0, 3]]]), 2))
t(lambda: F.max_unpool2d(torch.ones(1, 1, 2, 2), torch.zeros(1, 1, 2, 2, dtype=torch.int32), 2))
t(lambda: F.max_unpool3d(torch.ones(1, 1, 1, 1, 2), torch.zeros(1, 1, 1, 1, 2, dtype=torch.long), 2))
y = x.clone().requires_grad_()
torch.take(y, torch.tensor([1, 1])).sum().backward()
print(y.grad)
""",
"index_put_backward_saves_the_indices_as_aten_takes_them": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(6.).reshape(2, 3).requires_grad_()
for f in [lambda w: w.__setitem__([0], 9.), lambda w: w.__setitem__((slice(None), [1]), 9.),
          lambda w: w.__setitem__((Ellipsis, [1, 2]), torch.tensor(9.)), lambda w: w.__setitem__(([1], slice(None)), 9.),
          lambda w: w.__setitem__(([[0], [1]], [1, 2]), 9.), lambda w: w.__setitem__(w > 2, 9.),
          lambda w: w.index_put_((torch.tensor([0]), torch.tensor([2])), torch.tensor(9.))]:
    w = x.clone()
    f(w)
    print(w.grad_fn.name(), w.grad_fn._saved_indices, w.grad_fn._saved_accumulate)
v = torch.tensor([1., 2.], requires_grad=True)
w = x.clone()
w[:, [0, 2]] = v
g = w.grad_fn
print(len(g._raw_saved_indices))
gx, gv = torch.autograd.grad(w.pow(2).sum(), (x, v), create_graph=True)
print(gx, gv)
gv.sum().backward()
print(v.grad)
t(lambda: g._saved_indices)
z = torch.zeros(2, 3)
for args in [((), torch.tensor(1.)), ((), torch.tensor(1.), True), ((), torch.ones(5)), ((), torch.tensor(1, dtype=torch.long), True)]:
    t(lambda: z.index_put(*args))
t(lambda: torch.tensor(0.).index_put((), torch.tensor(1.)))
t(lambda: torch.zeros(0).index_put((), torch.tensor(1.), True))
""",
"one_mask_and_a_one_element_tensor_write_its_item_as_masked_fill_converts_it": """
def t(f):
    try: r = f(); print(r)
    except Exception as e: print(type(e).__name__, str(e)[:150])
m = torch.tensor([True, False, True])
for dt in [torch.int32, torch.uint8, torch.bool, torch.float16, torch.float32, torch.int64]:
    for v in [torch.tensor(float('nan')), torch.tensor(1j), torch.tensor(300, dtype=torch.int32), torch.tensor(-1), torch.tensor(2.7),
              torch.tensor([[1e40]], dtype=torch.float64), torch.tensor(1e6), torch.tensor(2.0 ** 63), torch.tensor(0.5)]:
        x = torch.zeros(3, dtype=dt)
        def put():
            x[m] = v
            return x
        t(put)
        t(lambda: torch.zeros(3, dtype=dt).index_put((m,), v))
t(lambda: torch.zeros(3, dtype=torch.uint8).index_put_((m,), torch.tensor(300), accumulate=True))
""",
"take_and_masked_select_check_the_index_or_masks_dtype_before_outs": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(6.).reshape(2, 3)
for out in [torch.empty(0, dtype=torch.long), torch.empty(0)]:
    t(lambda: torch.take(x, torch.tensor([0.]), out=out))
    t(lambda: torch.take(x, torch.tensor([1]), out=out))
    t(lambda: torch.masked_select(x, torch.tensor([1, 0, 1]), out=out))
    t(lambda: torch.masked_select(x, mask=torch.tensor([1., 0., 1.]), out=out))
    t(lambda: torch.masked_select(x, torch.tensor([True, False, True]), out=out))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Topk, kthvalue, median, nanmedian, mode (ties in PyTorch's order), unique, bincount, repeat_interleave, diff, meshgrid, hstack and friends: each program prints, raises and warns in tensorsh exactly what it does in torch
(values, dtypes, grad_fn names, gradients, messages)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"order_statistics_and_counting_ops": """
x = torch.tensor([[3., 1., 2., 1.], [0.5, 4., -1., 4.]], requires_grad=True)
r = x.topk(2); print(r, r.values.grad_fn, r.indices.grad_fn)
r.values.sum().backward(); print(x.grad); x.grad = None
print(x.topk(2, dim=0, largest=False), x.topk(3, sorted=False), torch.topk(x, 1, 0))
print(torch.tensor([1, 5, 5, 2]).topk(2), torch.tensor(3.).topk(1))
try: torch.tensor([True, False]).topk(1)
except Exception as e: print(type(e).__name__, e)
for s in ["x.topk(5)", "x.topk(-1)", "x.topk(1, 2)", "torch.tensor([float('nan'), 1., 2.]).topk(2)", "torch.tensor([float('nan'), 1., 2.]).topk(2, largest=False)"]:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
k = x.kthvalue(2, 1); print(k, k.values.grad_fn); k.values.sum().backward(); print(x.grad); x.grad = None
print(torch.kthvalue(x, 1, 0, True))
m = x.median(); print(m, m.grad_fn); m.backward(); print(x.grad); x.grad = None
md = x.median(1); print(md, md.values.grad_fn); md.values.sum().backward(); print(x.grad); x.grad = None
print(torch.tensor([1, 4, 2, 3]).median(), torch.tensor([1., float('nan'), 2.]).median(), torch.tensor([1., float('nan'), 2.]).nanmedian(), torch.tensor([[1., float('nan'), 2.]]).nanmedian(1))
print(torch.tensor([]).median(), )
try: print(torch.tensor([]).median(0))
except Exception as e: print(type(e).__name__, e)
print(x.mode(), torch.tensor([1, 2, 2, 3, 3]).mode())
print(torch.tensor([3, 1, 2, 1]).unique(), torch.unique(torch.tensor([3, 1, 2, 1]), return_counts=True), torch.unique(torch.tensor([3., 1, 2, 1]), return_inverse=True, sorted=False))
print(torch.tensor([3, 1, 2, 1]).bincount(), torch.bincount(torch.tensor([0, 2]), minlength=5), torch.tensor([0, 1]).bincount(torch.tensor([0.5, 2.])))
y = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
ri = y.repeat_interleave(2); print(ri, ri.grad_fn); ri.sum().backward(); print(y.grad); y.grad = None
print(y.repeat_interleave(2, dim=0), y.repeat_interleave(torch.tensor([1, 2]), dim=1), torch.repeat_interleave(torch.tensor([2, 1])), torch.tensor(3).repeat_interleave(2))
print(y.repeat_interleave(torch.tensor([1, 2]), dim=1).grad_fn, y.repeat_interleave(2, dim=0).grad_fn)
d = y.diff(); print(d, d.grad_fn); print(y.diff(dim=0), torch.diff(y, n=2, dim=0), torch.tensor([1, 3, 7]).diff(), torch.tensor([True, False, False]).diff(), y.diff(prepend=torch.zeros(2, 1)))
print(torch.diff(y, append=torch.ones(2, 1)).grad_fn, y.diff(n=2))
a, b = torch.tensor([1., 2.], requires_grad=True), torch.tensor([3., 4, 5])
g = torch.meshgrid(a, b, indexing="ij"); print(g, [t.grad_fn for t in g], [t.stride() for t in g])
g = torch.meshgrid(a, b, indexing="xy"); print(g, [t.stride() for t in g])
g = torch.meshgrid([a, b], indexing="ij"); print(len(g))
h = torch.hstack([a, b]); print(h, h.grad_fn)
print(torch.vstack([a, a]), torch.vstack([a, a]).grad_fn, torch.dstack([a, a]), torch.dstack([a, a]).grad_fn, torch.column_stack([a, a]), torch.column_stack([a, a]).grad_fn, torch.hstack([y, y]), torch.row_stack((a, a)))
print(torch.column_stack([y, a]), torch.column_stack([torch.tensor(1.), torch.tensor(2.)]))
for s in ["torch.hstack([])", "torch.vstack([a, torch.ones(3)])", "torch.hstack(a)"]:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
""",
"selection_ties": """
torch.manual_seed(3)
for n in [2, 3, 4, 5, 7, 9, 17, 20, 40, 70, 130]:
    x = torch.randint(0, 4, (3, n)).float()
    for k in sorted({1, 2, min(3, n), n // 2 or 1, n}):
        print(n, k, x.topk(k).indices.tolist(), x.topk(k, largest=False).indices.tolist(), x.topk(k, sorted=False).indices.tolist())
    kk = max(1, n // 3)
    print(x.kthvalue(kk).indices.tolist(), x.median(1).indices.tolist(), x.mode(1).indices.tolist(), x.mode(1).values.tolist(), x.nanmedian(0).indices.tolist())
y = torch.tensor([[1., float('nan'), 3., float('nan')], [2., 1., 2., 1.]])
print(y.topk(2), y.kthvalue(3), y.median(1), y.nanmedian(1), y.mode(1), y.median(), y.nanmedian())
""",
"selection_ties_long_rows": """
torch.manual_seed(5)
for n in [33, 64, 65, 100, 128, 200, 300]:
    x = torch.randint(0, 6, (2, n)).float()
    for k in [1, 2, 3, 5, 30, n // 2, n]:
        print(n, k, x.topk(k).indices.tolist(), x.topk(k, largest=False, sorted=False).indices.tolist())
    print(x.mode(1).indices.tolist(), x.kthvalue(n // 3 + 1).indices.tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

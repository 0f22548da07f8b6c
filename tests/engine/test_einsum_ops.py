"""torch.einsum: values, grad_fn chains (PyTorch's permute/reshape/bmm/view decomposition), strides and error
messages the same as torch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"einsum": """
a = torch.arange(6.).view(2, 3).requires_grad_()
b = torch.arange(12.).view(3, 4).requires_grad_()
v = torch.tensor([1., 2., 3.], requires_grad=True)
def chain(t):
    out, fn = [], t.grad_fn
    while fn is not None:
        out.append(fn.name()); nxt = [f for f, _ in fn.next_functions if f is not None and f.name() != "torch::autograd::AccumulateGrad"]
        fn = nxt[0] if nxt else None
    return out
for eq, ops in [("ij,jk->ik", (a, b)), ("ij->ji", (a,)), ("ii->i", (b[:, :3],)), ("ij->", (a,)), ("ij->j", (a,)), ("i,i->", (v, v)), ("i,j->ij", (v, v)), ("ij,j->i", (a, v)), ("bij,bjk->bik", (a.view(1,2,3), b.view(1,3,4))), ("ii", (b[:, :3],)), ("ij", (a,)), ("ji", (a,)), ("...j,j->...", (a, v)), ("ij,ij->ij", (a, a)), ("ij,ij->", (a, a)), ("i,i", (v, v))]:
    r = torch.einsum(eq, *ops)
    print(eq, r, chain(r), r.shape, r.stride(), r._is_view())
r = torch.einsum("ij,jk->ik", a, b); r.sum().backward(); print(a.grad, b.grad)
print(torch.einsum("ij,jk", [a, b]))
print(torch.einsum("ij,jk->ik", torch.ones(2, 3, dtype=torch.int64), torch.ones(3, 2, dtype=torch.int64)))
for s in ["torch.einsum('ij,jk->ik', a, v)", "torch.einsum('ij->ik', a)", "torch.einsum('ij', a, b)", "torch.einsum('i,i->', v, torch.ones(3, dtype=torch.float64))", "torch.einsum('ijk', a)"]:
    try: print(eval(s))
    except Exception as e: print(s, type(e).__name__, e)
torch.manual_seed(0)
x, y, z = torch.randint(-3, 4, (2, 3, 4)).float().requires_grad_(), torch.randint(-3, 4, (4, 5)).float(), torch.randint(-3, 4, (3, 5)).float()
for eq, ops in [("bij,jk->bik", (x, y)), ("bij,jk,ik->b", (x, y, z)), ("...ij,jk->...ik", (x, y)), ("ijk,jl->ilk", (x, z.t())), ("bij,bij->b", (x, x)), ("ijk->kji", (x,)), ("iij->ij", (torch.arange(18.).view(3, 3, 2),)), ("ij,kj->ik", (z, z)), ("i,i,i->", (torch.ones(3), torch.ones(3) * 2, torch.ones(3))), ("Ab,bC->AC", (z, z.t())), ("ij,jk", (torch.ones(2, 1), torch.ones(1, 3)))]:
    r = torch.einsum(eq, *ops)
    print(eq, r, chain(r), r.stride(), r.tolist())
(torch.einsum("bij,jk,ik->b", x, y, z) ** 2).sum().backward(); print(x.grad)
for s in ["torch.einsum('ij,jk->ik', torch.ones(2, 3), torch.ones(4, 5))", "torch.einsum('ii->i', torch.ones(2, 3))", "torch.einsum('i->ii', torch.ones(2))", "torch.einsum('i$->i', torch.ones(2, 2))", "torch.einsum('ij,jk->ik', a)"]:
    try: print(eval(s))
    except Exception as e: print(s, type(e).__name__, e)
for e in ['i.->i', 'i,i->.', 'i->i...', 'i->i,', 'i->ii', 'i->j', '...i,i->...', 'i,i->i']:
    try: print(torch.einsum(e, torch.ones(2), torch.ones(2)) if ',' in e.split('->')[0] else torch.einsum(e, torch.ones(2)))
    except Exception as ex: print(ex)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

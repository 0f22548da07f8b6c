"""Classes of difference found by the twenty-sixth round's held-out programs on indexing, gather/scatter and masks
(held26d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_in_place_op_between_two_0_dim_views_of_one_storage_reads_then_writes": """
for op in ['add_', 'sub_', 'mul_', 'div_', 'copy_', 'pow_', 'atan2_', 'lerp_', 'addcmul_', 'fmod_', 'eq_']:
    for dt in [torch.float32, torch.int64, torch.float16]:
        x = torch.tensor([1., 5., 3.]).to(dt)
        try:
            a, b = x[0], x[2]
            if op == 'lerp_':
                a.lerp_(b, 0.5)
            elif op == 'addcmul_':
                a.addcmul_(b, b)
            else:
                getattr(a, op)(b)
            print(op, dt, x)
        except Exception as e:
            print(op, dt, type(e).__name__, e)
x = torch.tensor([1., -2., 3.], requires_grad=True)
y = x.abs()
y[0] += y[2]
y.sum().backward()
print(x.grad, y)
""",
"forward_ad_of_the_indexing_writes_is_the_op_on_the_tangents_as_derivatives_yaml": """
fwAD = torch.autograd.forward_ad
x = torch.arange(6.).view(2, 3) + 1
t = torch.arange(1., 7.).view(2, 3) * 10
i = torch.tensor([[0, 2], [1, 1]])
m = x > 2
ops = [
    lambda d, s, v: torch.zeros(2, 3).scatter(1, i, s),
    lambda d, s, v: d.scatter(1, i, 7.),
    lambda d, s, v: d.scatter(1, i, s, reduce='add'),
    lambda d, s, v: d.clone().scatter_(1, i, 2., reduce='multiply'),
    lambda d, s, v: d.scatter_add(1, i, s),
    lambda d, s, v: d.index_copy(1, torch.tensor([1, 1]), s),
    lambda d, s, v: d.index_add(1, torch.tensor([1, 1]), s, alpha=3),
    lambda d, s, v: d.index_put((torch.tensor([0, 0]), torch.tensor([1, 1])), s[:, 0]),
    lambda d, s, v: d.put(torch.tensor([1, 1, 1]), s[0]),
    lambda d, s, v: d.masked_fill(m, v),
    lambda d, s, v: x.index_fill(1, torch.tensor([0, 2]), v),
    lambda d, s, v: x.masked_scatter(m, s),
    lambda d, s, v: d.scatter_reduce(1, i, s[:, :2], 'amax', include_self=False),
    lambda d, s, v: d.scatter_reduce(1, i, s[:, :2], 'mean'),
    lambda d, s, v: d.scatter_reduce(1, i, s[:, :2], 'prod'),
    lambda d, s, v: x.clone().scatter_reduce_(1, i, s, 'prod'),
    lambda d, s, v: d.clone().scatter_reduce_(1, i, s, 'prod'),
    lambda d, s, v: d.index_reduce(1, torch.tensor([1, 1, 0]), s, 'mean'),
    lambda d, s, v: d.clone().index_reduce_(1, torch.tensor([1, 1, 0]), s, 'amax'),
    lambda d, s, v: d.clone().index_copy_(1, torch.tensor([1, 1, 0]), s),
    lambda d, s, v: d.clone().masked_fill_(m, v),
]
for k, f in enumerate(ops):
    try:
        with fwAD.dual_level():
            d = fwAD.make_dual(x, t)
            s = fwAD.make_dual(x * 2, t + 100)
            v = fwAD.make_dual(torch.tensor(2.), torch.tensor(5.))
            p, tn = fwAD.unpack_dual(f(d, s, v))
            print(k, p.tolist(), None if tn is None else tn.tolist())
    except Exception as e:
        print(k, type(e).__name__, e)
""",
"take_along_dim_outs_broadcast_checks_come_before_its_dtype_and_index_reduce_out_wants_selfs_dtype": """
x = torch.arange(12.).view(3, 4)
for o in [torch.empty(2, 2), torch.empty(2, 2, dtype=torch.float64), torch.empty(0, dtype=torch.long), torch.empty(3, 2, dtype=torch.int32)]:
    for i, d in [(torch.tensor([[0, 1], [2, 3]]), 1), (torch.tensor([[0, 1]]), 1), (torch.tensor([[0, 1]], dtype=torch.int32), 1),
                 (torch.tensor([0, 1]), 1), (torch.tensor([0, 1]), None), (torch.tensor([[0, 1]]), -1), (torch.tensor([[0], [1], [2]]), 0)]:
        try:
            r = torch.take_along_dim(x, i, d, out=o.clone())
            print(o.dtype, d, r.tolist(), r.dtype)
        except Exception as e:
            print(o.dtype, d, type(e).__name__, e)
    for red in ['prod', 'amax', 'mean']:
        try:
            r = torch.index_reduce(x[:2, :2], 0, torch.tensor([0]), x[:1, :2], red, out=o.clone())
            print(red, r.tolist(), r.dtype)
        except Exception as e:
            print(red, type(e).__name__, e)
""",
}


# (forward AD imports modules whose DeprecationWarnings of torch.jit.script the torch child shows: printed text only)
PRINTED_ONLY = {"forward_ad_of_the_indexing_writes_is_the_op_on_the_tangents_as_derivatives_yaml"}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=name in PRINTED_ONLY)

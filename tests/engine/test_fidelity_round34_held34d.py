"""Classes of difference found by the thirty-fourth round's held-out programs on indexing, gather/scatter and masks
(held34d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_reduction_mean_counts_in_the_tensors_dtype_by_the_ops_adding_kernel": """
for dt in [torch.int8, torch.uint8, torch.bfloat16, torch.float16]:
    for n in [200, 300, 3000]:
        src = torch.full((n,), 3).to(dt)
        idx = torch.zeros(n, dtype=torch.long)
        for inc in [True, False]:
            print(dt, n, inc, torch.zeros(2, dtype=dt).scatter_reduce(0, idx, src, 'mean', include_self=inc),
                  torch.zeros(2, dtype=dt).index_reduce(0, idx, src, 'mean', include_self=inc),
                  torch.zeros(2, 2, dtype=dt).index_reduce(0, idx, src.view(-1, 1).expand(n, 2), 'mean', include_self=inc),
                  torch.zeros(2, 20, dtype=dt).scatter_reduce(0, idx.view(-1, 1).expand(n, 20),
                                                              src.view(-1, 1).expand(n, 20).contiguous(), 'mean',
                                                              include_self=inc)[:, 0])
x = torch.zeros(3, dtype=torch.bfloat16)
i = torch.tensor([0, 0, 0, 1, 1, 1, 1, 1, 1])
s = torch.tensor([1., 1., 1., 2., 2., 2., 2., 2., 1.], dtype=torch.bfloat16)
print(x.scatter_reduce(0, i, s, 'mean', include_self=False), x.index_reduce(0, i, s, 'mean', include_self=False))
""",
"vmap_warns_the_fallbacks_warning_for_an_op_without_a_batching_rule": """
vmap = torch.func.vmap
x = torch.arange(24.).reshape(2, 3, 4)
fs = {'take': lambda a: a.take(torch.tensor([0, 5])), 'ttake': lambda a: torch.take(a, torch.tensor([1])),
      'put': lambda a: a.put(torch.tensor([0, 1]), torch.ones(2)), 'ms': lambda a: a.masked_scatter(a > 5, torch.zeros(3, 4)),
      'tms': lambda a: torch.masked_scatter(a, a > 5, torch.zeros(3, 4)),
      'ir': lambda a: a.index_reduce(0, torch.tensor([0, 1, 1]), torch.ones(3, 4), 'amax'),
      'mf_t': lambda a: a.masked_fill(a > 5, torch.tensor(0.)), 'mf_s': lambda a: a.masked_fill(a > 5, 0.),
      'mf_mask': lambda a: torch.ones(3, 4).masked_fill(a > 5, torch.tensor(1.)),
      'mf_': lambda a: a.clone().masked_fill_(a > 5, torch.tensor(0.)), 'put_': lambda a: a.clone().put_(torch.tensor([0, 1]), torch.ones(2)),
      'ms_': lambda a: a.clone().masked_scatter_(a > 5, torch.zeros(3, 4)), 'q': lambda a: a.quantile(0.5, dim=1),
      'qt': lambda a: a.quantile(torch.tensor([0.5, 0.2])), 'nq': lambda a: a.nanquantile(q=torch.tensor(0.5)),
      'histc': lambda a: torch.histc(a, bins=3, min=0, max=30), 'bincount': lambda a: torch.tensor([0, 1, 1]).bincount(a[0, :3]),
      'put_unbatched': lambda a: torch.ones(3, 4).put_(torch.tensor([0, 1]), a[0, :2]),
      'take_bad': lambda a: torch.ones(3, 4).take(a.long()), 'take_unbatched': lambda a: torch.ones(3, 4).take(torch.tensor([1])) + a}
for k, f in fs.items():
    try:
        print(k, vmap(f)(x).shape)
    except Exception as e:
        print(k, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

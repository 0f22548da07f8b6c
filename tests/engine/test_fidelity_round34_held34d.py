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
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

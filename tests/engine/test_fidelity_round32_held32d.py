"""Classes of difference found by the thirty-second round's held-out programs on indexing, gather/scatter and masks
(held32d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"amax_amin_ties_of_signed_zeros_keep_self_in_scalar_loops_and_take_the_source_in_vector_ones": """
def signs(t):
    return t.signbit().int().tolist()
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for n in [3, 8, 16, 17, 33]:
        for red in ['amax', 'amin']:
            for inc in [True, False]:
                s = torch.zeros(2, n, dtype=dt)
                s[1] = -0.
                src = torch.zeros(3, n, dtype=dt)
                src[0] = -0.
                src[2, ::2] = -0.
                idx = torch.tensor([0, 1, 0])
                print(dt, n, red, inc, signs(s.index_reduce(0, idx, src, red, include_self=inc)))
                print(signs(s.scatter_reduce(0, idx.view(-1, 1).expand(3, n), src, red, include_self=inc)))
                print(signs(s.scatter_reduce(0, idx.view(-1, 1).expand(3, n).contiguous(), src, red, include_self=inc)))
                print(signs(s.t().scatter_reduce(1, idx.view(1, -1).expand(n, 3), src.t(), red, include_self=inc)))
                print(signs(s[:, :1].clone().index_reduce(1, torch.tensor([0, 0]), src[:2, :2], red, include_self=inc)))
x = torch.tensor([0., -0., 0., -0.])
src = torch.tensor([-0., 0., -0., 0., 0., -0.])
idx = torch.tensor([0, 1, 2, 2, 3, 3])
for red in ['amax', 'amin']:
    for inc in [True, False]:
        print(red, inc, x.scatter_reduce(0, idx, src, red, include_self=inc), x.index_reduce(0, idx, src, red, include_self=inc))
        print(x.clone().scatter_reduce_(0, idx, src, red, include_self=inc), x.clone().index_reduce_(0, idx, src, red, include_self=inc))
""",
"maximum_minimum_ties_of_signed_zeros_take_the_second_operand_in_the_vector_body": """
def signs(t):
    return ''.join(str(int(v)) for v in t.signbit().reshape(-1).tolist())
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for n in [8, 15, 16, 17, 31, 33, 65]:
        a = torch.zeros(n, dtype=dt)
        b = -a
        print(dt, n, signs(torch.maximum(a, b)), signs(torch.minimum(b, a)), signs(torch.max(a, b)), signs(torch.min(b, a)))
        print(signs(torch.maximum(a, torch.tensor(-0., dtype=dt))), signs(torch.maximum(b, torch.tensor(0., dtype=dt))))
        m = torch.zeros(3, n, dtype=dt)
        print(signs(torch.maximum(m, -m)), signs(torch.maximum(m.t(), -m.t())), signs(torch.minimum(-m, m)))
        z = -a
        print(signs(z.clamp(min=a)), signs(a.clamp(max=z)), signs(z.clamp(a, a + 1)), signs(z.clamp_min(a)),
              signs(a.clamp_max(z)), signs(torch.clamp(z, min=torch.tensor(0., dtype=dt))), signs(z.clamp(min=0.)),
              signs(z.clone().clamp_min_(a)), signs(z.clamp_min(0)))
x = torch.randn(40, generator=torch.Generator().manual_seed(0)) * 0
print(torch.maximum(x, torch.tensor(0.)), torch.minimum(x, torch.zeros(40)))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

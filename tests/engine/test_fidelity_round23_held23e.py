"""Classes of difference found by the twenty-third round's held-out programs on reductions and special functions
(held23e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"polygamma_of_float16_and_bfloat16_takes_zeta_in_float_rounded_to_the_dtype": """
torch.manual_seed(3)
x = torch.cat([torch.rand(120) * 20 + 0.01, -torch.rand(20) * 5, torch.tensor([0., -1., 1., float("inf"), 1e-3])])
for dt in [torch.float16, torch.bfloat16]:
    for n in [2, 3, 4, 6]:
        print(dt, n, torch.polygamma(n, x.to(dt)).tolist())
    y = x.to(dt).clone()
    y.polygamma_(3)
    print(y.tolist())
    z = x[:5].to(dt).requires_grad_()
    torch.special.polygamma(1, z).sum().backward()
    print(z.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

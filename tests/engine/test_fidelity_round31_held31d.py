"""Classes of difference found by the thirty-first round's held-out programs on random numbers and distributions
(held31d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"poisson_of_a_rate_beyond_int64_samples_int64_min": """
for rate in [1e10, 9.2e18, 9.3e18, 1e19, 1e30, 3e38, 1e300, float('inf')]:
    torch.manual_seed(0)
    print(torch.poisson(torch.tensor([rate, 4.], dtype=torch.float64)).tolist())
    print(torch.poisson(torch.tensor([min(rate, 3e38)])).tolist(),
          torch.poisson(torch.tensor([min(rate, 3e38)], dtype=torch.bfloat16)).tolist())
    print(torch.distributions.Poisson(torch.tensor([rate], dtype=torch.float64)).sample().tolist())
    print(torch.rand(2, dtype=torch.float64).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

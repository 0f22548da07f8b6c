"""Classes of difference found by the twenty-fourth round's held-out programs on the torch namespace's creation
functions and torch.nn.functional (held24g, issue 16), one differential program each, run in torch and in the
engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"linspace_in_half_and_bfloat16_rounds_every_operation_element_by_element": """
torch.set_printoptions(precision=10)
for dt in [torch.float16, torch.bfloat16]:
    for (s, e) in [(-3.3, 2.7), (0.1, 7.3), (0, 1000), (1, -2.9)]:
        for n in [2, 5, 11, 32, 33, 47, 100, 3001]:
            t = torch.linspace(s, e, n, dtype=dt)
            print(dt, s, e, n, t[:40].tolist(), t.float().sum().item())
print(torch.linspace(-3.3, 2.7, 11, dtype=torch.float16))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

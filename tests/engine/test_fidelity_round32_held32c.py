"""Classes of difference found by the thirty-second round's held-out programs on autograd extensions and the
autograd API (held32c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PRINTED_ONLY = {"logsumexp_tangent_is_the_ratio_of_two_sums_of_shifted_exponentials"}  # (forward AD and torch.func
# import modules whose torch.jit.script DeprecationWarnings no program's filter shows)

PROGRAMS = {
"logsumexp_tangent_is_the_ratio_of_two_sums_of_shifted_exponentials": """
fwAD = torch.autograd.forward_ad
with fwAD.dual_level():
    for x in (torch.tensor([1., 2.]), torch.tensor([[1., 2., 0.5], [3., -1., 2.]]), torch.tensor([4., 1., -2.], dtype=torch.float64)):
        for dim, kd in ((0, False), (-1, True), ((0,), False)):
            d = fwAD.make_dual(x, torch.ones_like(x))
            print(fwAD.unpack_dual(torch.logsumexp(d, dim, kd)).tangent)
            d = fwAD.make_dual(x, torch.ones_like(x) * 0.5 + x * 0.1)
            print(fwAD.unpack_dual(d.logsumexp(dim, keepdim=kd)).tangent)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=name in PRINTED_ONLY)

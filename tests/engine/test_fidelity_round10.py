"""Classes of difference found by the tenth round's random programs and held-out-style programs (issue 16), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"max_and_min_keep_the_inputs_signed_zero_at_ties": """
x = torch.tensor([-0., 0., -0., 0., 1., -1., float('nan')])
z = torch.zeros(7)
for f in [lambda: x.clamp(max=0), lambda: x.clamp(max=-0.), lambda: x.clamp(min=0), lambda: x.clamp(min=-0.),
          lambda: x.clamp(-0., 0.), lambda: x.clamp(0., -0.), lambda: x.clamp_max(0), lambda: x.clamp_min(-0.),
          lambda: x.clamp(max=z), lambda: x.clamp(min=-z), lambda: x.clamp(z, z), lambda: torch.clip(x, max=0.),
          lambda: x.double().clamp(max=0), lambda: x.half().clamp(max=0), lambda: x.half().relu(),
          lambda: torch.maximum(x, z), lambda: torch.minimum(x, z), lambda: torch.maximum(z, x),
          lambda: torch.fmax(x, z), lambda: torch.fmin(-x, z), lambda: x.relu(), lambda: x.clone().relu_(),
          lambda: torch.nn.functional.hardtanh(x, -0., 0.), lambda: torch.nn.functional.relu6(-x),
          lambda: x.clone().clamp_(max=0), lambda: x[2].clamp(max=0), lambda: torch.tensor(-0.).relu(),
          lambda: torch.maximum(x.half(), z.half()), lambda: torch.minimum(x.double(), -z.double())]:
    print(f().tolist())
v = torch.tensor([0.4, -0.3, 0.2], requires_grad=True)
w = v.div(-2, rounding_mode='trunc').clamp(max=0)
print(w, w.relu())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round10_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

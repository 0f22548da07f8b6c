"""Classes of difference found by the twenty-ninth round's held-out programs on training small models (held29c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"soft_margin_loss_mean_backward_rounds_its_norm_to_a_reduced_float_before_multiplying": """
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    for shape in [(7, 5), (3,), (5, 13)]:
        for g in [1.0, 0.3]:
            x = torch.randn(shape).to(dt).requires_grad_()
            y = torch.randn(shape).sign().to(dt)
            torch.nn.functional.soft_margin_loss(x, y).backward(torch.tensor(g, dtype=dt))
            print(dt, shape, g, x.grad.view(-1).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

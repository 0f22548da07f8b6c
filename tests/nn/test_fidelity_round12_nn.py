"""Classes of difference found in the twelfth round (issue 16) in torch.nn, one differential program each, run
under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"mse_l1_and_huber_losses_weigh_each_sample_by_weight": """
x = torch.randn(2, 3, requires_grad=True)
y = torch.randn(2, 3)
w = torch.rand(2, 3)
for red in ["mean", "sum", "none"]:
    for f in [F.mse_loss, F.l1_loss, F.huber_loss]:
        out = f(x, y, reduction=red, weight=w)
        print(f.__name__, red, out)
        out.sum().backward()
        print(x.grad)
        x.grad = None
print(F.mse_loss(x, torch.randn(3), weight=w), F.huber_loss(x, y, weight=w, delta=0.5))
print(F.l1_loss(x, y, weight=w, reduce=False))
for f in [lambda: F.l1_loss(x, y, weight=torch.ones(3)), lambda: F.mse_loss(x, y, weight=w, reduction="bad"),
          lambda: F.huber_loss(x, y, weight=w, reduction="bad"), lambda: F.huber_loss(x, y, weight=torch.ones(2, 1))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_nn_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

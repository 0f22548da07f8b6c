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
for f in [F.mse_loss, F.l1_loss, F.huber_loss]:  # (the weight's size is checked against the input's, not the broadcast)
    print(f(x[:1], y, weight=torch.ones(1, 3)), f(x[0], y, weight=torch.full((3,), 2.), reduction='none'))
for f in [lambda: F.l1_loss(x, y, weight=torch.ones(3)), lambda: F.mse_loss(x, y, weight=w, reduction="bad"),
          lambda: F.huber_loss(x, y, weight=w, reduction="bad"), lambda: F.huber_loss(x, y, weight=torch.ones(2, 1))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"embedding_of_a_0_dim_weight_that_needs_grad_fails_reading_its_size_first": """
v1 = torch.tensor([1.5803, -2.5, 4.0], requires_grad=True)
for w in [v1[-1], torch.tensor(2.0), v1, torch.ones(2, 2, 2)]:
    for f in [lambda: F.embedding(torch.tensor([0, 1]), w), lambda: torch.embedding(w, torch.tensor([0, 1])),
              lambda: F.embedding(torch.tensor([0, 1]), w, padding_idx=0)]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
with torch.no_grad():
    try:
        torch.embedding(v1[0], torch.tensor([0]))
    except Exception as e:
        print(type(e).__name__, e)
""",
"adaptive_max_pool1d_names_itself_when_a_non_batch_dimension_is_empty": """
for f in [lambda: F.adaptive_max_pool1d(torch.zeros(1, 0), 2), lambda: F.adaptive_max_pool1d(torch.zeros(1, 1, 0), 2),
          lambda: F.adaptive_avg_pool1d(torch.zeros(1, 1, 0), 2), lambda: F.adaptive_avg_pool1d(torch.zeros(1, 0), 2),
          lambda: nn.AdaptiveMaxPool1d(3)(torch.zeros(0, 2, 0)), lambda: F.adaptive_max_pool1d(torch.zeros(0, 2, 4), 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_nn_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

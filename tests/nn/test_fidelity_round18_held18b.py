"""Classes of difference found by the eighteenth round's held-out programs on torch.nn (held18b), one program
each, run in torch and in the engine: printed text and the error line the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from same_as_torch import same_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
"a_loss_weight_of_another_type_than_the_input_is_refused_by_the_kernel": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(2, 3)
t = torch.tensor([0, 2])
wd = torch.ones(3, dtype=torch.float64)
for red in ['none', 'mean', 'sum']:
    for f in [lambda: F.nll_loss(x, t, weight=wd, reduction=red),
              lambda: F.nll_loss(x, torch.tensor([0, 5]), weight=wd, reduction=red),
              lambda: F.nll_loss(x, t, weight=torch.ones(2, dtype=torch.float64), reduction=red),
              lambda: F.nll_loss(x[0], torch.tensor(1), weight=wd, reduction=red),
              lambda: F.nll_loss(x[:0], t[:0], weight=wd, reduction=red),
              lambda: F.nll_loss(x, torch.tensor([-100, -100]), weight=wd, reduction=red),
              lambda: F.nll_loss(x.reshape(1, 3, 2, 1), t.reshape(1, 2, 1), weight=wd, reduction=red),
              lambda: F.nll_loss(x.reshape(1, 3, 2), t.reshape(1, 2), weight=wd, reduction=red),
              lambda: F.nll_loss(x.double(), t, weight=torch.ones(3), reduction=red),
              lambda: F.nll_loss(x.bfloat16(), t, weight=torch.ones(3), reduction=red),
              lambda: F.nll_loss(x, t, weight=torch.ones(3, dtype=torch.int64), reduction=red),
              lambda: F.cross_entropy(x, t, weight=wd, reduction=red),
              lambda: F.cross_entropy(x.half(), t, weight=torch.ones(3), reduction=red),
              lambda: F.cross_entropy(x, t, weight=wd, reduction=red, label_smoothing=0.2),
              lambda: F.cross_entropy(x, torch.softmax(x, 1), weight=wd, reduction=red, label_smoothing=0.2),
              lambda: F.multi_margin_loss(x, t, weight=wd, reduction=red),
              lambda: F.multi_margin_loss(x, torch.tensor([0, 5]), weight=wd, reduction=red),
              lambda: F.multi_margin_loss(x.double(), t, weight=torch.ones(3), reduction=red),
              lambda: F.multi_margin_loss(x, t, weight=torch.ones(3, dtype=torch.int32), reduction=red)]:
        try:
            r = f(); print(r.dtype, r)
        except Exception as e:
            print(type(e).__name__, e)
print(F.multi_margin_loss(x[:0], t[:0], weight=wd, reduction='mean'))
print(F.multi_margin_loss(x[:0], t[:0], reduction='none'))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held18b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

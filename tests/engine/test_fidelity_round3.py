"""The classes of difference the third fidelity round found (issue 16), one differential program each: printed text,
errors and warnings as torch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_ops_on_empty_tensors": """
def tr(s):
    try: print(s, "->", eval(s))
    except Exception as e: print(s, "!!", type(e).__name__, e)
e = torch.tensor([], dtype=torch.float64)
z = torch.zeros(0, 0)
for s in ["e.index_select(0, torch.tensor([0]))", "z.index_select(0, torch.tensor([0]))", "torch.zeros(0, 3).index_select(0, torch.tensor([0]))", "torch.zeros(2, 0).index_select(0, torch.tensor([1]))", "torch.zeros(2, 0).index_select(0, torch.tensor([2]))", "torch.ones(2).index_select(0, torch.tensor([2]))",
          "z.index_fill(0, torch.tensor([0]), 1.)", "e.index_fill(0, torch.tensor([0]), 1.)", "torch.zeros(2, 0).index_fill(0, torch.tensor([1]), 1.)", "torch.zeros(2, 0).index_fill(0, torch.tensor([5]), 1.)", "torch.zeros(0, 2).index_fill(1, torch.tensor([1]), 1.)",
          "torch.ones(2).index_fill(0, torch.tensor([5]), 1.)", "torch.tensor(1.).index_select(0, torch.tensor([0]))", "torch.tensor(1.).index_select(0, torch.tensor([1]))",
          "torch.zeros(0).index_add(0, torch.tensor([0]), torch.ones(1))", "torch.zeros(0).index_copy(0, torch.tensor([0]), torch.ones(1))"]:
    tr(s)
for s in ["torch.ones(2).index_add(0, torch.tensor([5]), torch.ones(1))", "torch.ones(2,2).index_add(0, torch.tensor([5]), torch.ones(1,2))", "torch.ones(2,2).index_add(1, torch.tensor([5]), torch.ones(2,1))", "torch.zeros(0,2).index_add(0, torch.tensor([0]), torch.ones(1,2))", "torch.ones(2).index_add(0, torch.tensor([-1]), torch.ones(1))", "torch.tensor(1.).index_add(0, torch.tensor([0]), torch.tensor(2.))"]:
    tr(s)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

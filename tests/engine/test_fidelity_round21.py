"""Classes of difference found in the twenty-first round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_select_checks_its_index_before_out_dtype": """
x = torch.arange(6.).reshape(2, 3)
long = torch.empty(0, dtype=torch.int64)
for idx, out in [(torch.tensor([0.]), long), (torch.tensor([[0]]), long), (torch.tensor([0]), long),
                 (torch.tensor([5]), long), (torch.tensor([0.]), torch.empty(0)), (torch.tensor([1, 0]), torch.empty(0))]:
    try:
        print(torch.index_select(x, 1, idx, out=out))
    except Exception as e:
        print(getattr(e, 'kind', type(e).__name__), e)
for idx in (torch.tensor([0, 0]), torch.tensor([0.])):
    try:
        print(torch.index_select(torch.tensor(2.), 0, idx, out=long))
    except Exception as e:
        print(getattr(e, 'kind', type(e).__name__), e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

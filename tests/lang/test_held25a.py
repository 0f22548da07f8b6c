"""Classes of difference found by the twenty-fifth round's held-out programs on storages, views and memory
(held25a) that show in the language only (a warning's text as Python's warnings machinery shows it): one
differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"index_fill_on_an_expanded_tensor_warns_with_the_cpp_location": """
import warnings
def E():
    return torch.zeros(3, 1).expand(3, 2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    E().index_fill_(1, torch.tensor([0]), 1.)
    E().index_fill_(1, torch.tensor([0]), torch.tensor(1.))
    E().masked_fill_(torch.ones(3, 2, dtype=torch.bool), 1.)
for m in w:
    print(m.category.__name__, str(m.message))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

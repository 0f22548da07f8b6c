"""Classes of difference found by the twenty-sixth round's held-out programs on the Python around tensors and
printing (held26a, issue 16), one differential program each, run in torch and in the engine (the classes that show
in the language only are in tests/lang/test_held26a.py)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"tensor_format_takes_format_spec_and_refuses_a_spec_that_is_no_str_in_pythons_words": """
for f in [lambda: torch.tensor([1.]).__format__(), lambda: torch.tensor([1.]).__format__(1),
          lambda: torch.tensor(1.).__format__(None), lambda: torch.tensor(1.).__format__('.2f'),
          lambda: torch.tensor(3).__format__('x'), lambda: torch.tensor(True).__format__('>6'),
          lambda: torch.tensor(1+1j).__format__('.1f'), lambda: torch.nn.Parameter(torch.tensor(1.)).__format__(2),
          lambda: torch.tensor([1.]).__format__(format_spec=''), lambda: torch.tensor(2.5).__format__(format_spec='.3f'),
          lambda: torch.tensor([1.]).__format__('.2f')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the round-16 held-out programs on dtypes and arithmetic (held16e) that the
language itself settles: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"operator_module_has_the_in_place_shifts": """
import operator
x = torch.tensor([1, 2, 3], dtype=torch.int16)
print(operator.ilshift(x, 2), x, operator.irshift(x, 1), x)
print(operator.ilshift(3, 2), operator.irshift(-9, 1))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-fifth round's held-out programs on shapes, broadcasting and products
(held25f, issue 16) that need the language (Python's warning filter by location), one program each: printed text,
the error line and warnings the same as torch."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
# torch.tensordot and torch.norm are torch/functional.py's: a C++ warning of the _VF/linalg call inside (out='s
# resize) is attributed to that line of torch, and Python's default filter shows it once however many program lines
# reach it
"a_cpp_warning_under_torch_functional_py_is_shown_once": """
x = torch.arange(4.).reshape(2, 2)
for i in range(2):
    torch.tensordot(x, x, 1, out=torch.empty(3))
    torch.tensordot(x, x, 1, out=torch.empty(3))
    torch.norm(x, dim=1, out=torch.empty(3))
    x.norm(dim=0, out=torch.empty(3)) if False else torch.norm(x, dim=0, out=torch.empty(3))
    print(i)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25f_lang_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

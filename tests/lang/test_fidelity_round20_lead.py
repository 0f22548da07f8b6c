"""Classes of difference found in the twentieth round (issue 16) that only the language shows (its exceptions are
Python's classes): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_return_types_fields_and_attributes_are_read_only_as_a_structseqs": """
r = torch.ones(3).max(0)
print(r.n_fields, r.n_sequence_fields, r.n_unnamed_fields)
for name in ["values", "indices", "count", "index", "n_fields", "foo"]:
    try:
        setattr(r, name, 1)
    except AttributeError as e:
        print(name, e)
try:
    del r.values
except AttributeError as e:
    print("del", e)
s = torch.sort(torch.tensor([3., 1.]))
try:
    s.indices = None
except AttributeError as e:
    print(e, s)
try:
    r.values = torch.zeros(1)
except Exception as e:
    print(type(e).__name__, e)
print(r)
try:
    r()
except TypeError as e:
    print(e, type(r).__name__, type(r).__qualname__, type(r))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

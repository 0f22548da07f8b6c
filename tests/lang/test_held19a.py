"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 19
(held19a) that need the language (its attribute and operator messages): one differential program each, run in torch
and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"storages_are_named_by_their_dotted_tp_name_in_messages": """
s = torch.ones(2).untyped_storage()
t = torch.ones(2).storage()
print(type(s), type(s).__name__, type(t).__name__, torch.typename(s), torch.typename(t))
for f in [lambda: s.foo, lambda: t.foo, lambda: torch.ones(1) + s, lambda: 1 + s, lambda: s + 1, lambda: torch.ones(2).add(s)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held19a_class_prints_as_torch(name):
    assert_prints_as_torch("import torch\n" + PROGRAMS[name])

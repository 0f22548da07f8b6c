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
"torch_save_writes_storages_and_refuses_one_storage_seen_as_two_dtypes": """
import io
def rt(obj):
    b = io.BytesIO()
    try:
        torch.save(obj, b)
    except RuntimeError as e:
        return f"save: {e}"
    b.seek(0)
    return torch.load(b)
x = torch.arange(4.)
print(rt(x.untyped_storage()), rt(x.storage()), rt([x, x.view(torch.int32)]), rt([x.untyped_storage(), x]))
r = rt([x.untyped_storage(), x.untyped_storage(), x.storage(), x.storage()])
print(r, r[0] is r[1], r[2] is r[3], r[2].data_ptr() == r[3].data_ptr())
t = torch.arange(3, dtype=torch.uint8)
r = rt([t.untyped_storage(), t])
print(r[1].untyped_storage().data_ptr() == r[0].data_ptr())
r = rt({"st": x.storage(), "v": x[2:]})
print(r["v"], r["st"].data_ptr() == r["v"].untyped_storage().data_ptr(), r["v"]._version, r["st"].dtype)
""",
}


@pytest.fixture
def typed_storage_warning_kept():
    """torch warns TypedStorage's deprecation once per process: the flag it sets is put back, so a later test that
    expects the warning (test_held17a's) sees it whatever the order the tests run in."""
    import torch
    warn = torch.storage._warn_typed_storage_removal
    before = warn.__dict__.get("has_warned")
    yield
    if before is None:
        warn.__dict__.pop("has_warned", None)
    else:
        warn.__dict__["has_warned"] = before


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held19a_class_prints_as_torch(name, typed_storage_warning_kept):
    # (the language's runs each warn afresh: ignored in both)
    assert_prints_as_torch("import torch\nimport warnings\nwarnings.simplefilter(\"ignore\")\n" + PROGRAMS[name])

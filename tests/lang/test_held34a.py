"""Classes of difference found by the thirty-fourth round's held-out programs on the Python around tensors (held34a,
issue 16) that show in the language only: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_case_block_may_follow_its_header_on_the_same_line": """
def kind(t):
    match t.dim():
        case 0: return "scalar"
        case 1 | 2 if t.numel() < 4: return "small"
        case _: return f"dims {t.dim()}"
for t in [torch.tensor(1.), torch.ones(3), torch.ones(2, 3), torch.ones(1, 1, 1)]:
    print(kind(t))
match torch.tensor([1, 2]).tolist():
    case [a, b]: print(a + b, {1: 2}[a])
case = {"x": 1}
case["x"] += 1
print(case, (lambda: 3)())
match = lambda: "called"
print(match())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

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
"sys_getsizeof_of_a_tensor_is_pytorchs_and_argv_holds_the_script": """
import sys
x = torch.ones(1000)
print(sys.getsizeof(x), sys.getsizeof(x[:10]), sys.getsizeof(torch.tensor(1.)), sys.getsizeof(torch.nn.Parameter(x)))
print(x.__sizeof__(), sys.getsizeof(1.5), sys.getsizeof("abc"), sys.getsizeof(x.tolist()), sys.getsizeof(x, 0))
print(len(sys.argv), type(sys.argv[0]).__name__, sys.platform)
for args in [(), (x, 0, 1)]:
    try:
        sys.getsizeof(*args)
    except TypeError as e:
        print(e)
""",
"contextlib_redirects_the_programs_stdout_and_stderr_and_none_silences": """
import io
import sys
import contextlib
buf = io.StringIO()
with contextlib.redirect_stdout(buf) as f:
    print(torch.ones(2))
    sys.stdout.write(f"{f is buf}\\n")
print("captured:", repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("on stderr", file=sys.stderr)
    sys.stderr.write("twice\\n")
print(err.getvalue().splitlines())
r = contextlib.redirect_stdout(buf)
with r:
    with r:
        print("twice")
print("back", buf.getvalue().splitlines()[-1])
try:
    with contextlib.redirect_stdout(io.StringIO()):
        torch.ones(2) @ torch.ones(3)
except RuntimeError as e:
    print("restored after", type(e).__name__)
with contextlib.redirect_stdout(None):
    print("silenced", torch.zeros(1))
print("done")
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

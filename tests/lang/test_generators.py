"""Generator functions, nested f-string specs and builtin reprs: what CPython prints, errors located and undone."""
import pytest

from tensorsh.lang.errors import format_error
from tensorsh.lang.session import Session


def run(src):
    out = []
    err = Session(write=out.append, write_err=out.append).run(src, "t.tsh")
    return "".join(out), err


def cpython_syntax_error(src):
    with pytest.raises(SyntaxError) as info:
        compile(src, "<cpython>", "exec")
    return f"SyntaxError: {info.value.msg}", info.value.lineno, info.value.offset


@pytest.mark.parametrize("src", [
    "yield 1\n",
    "class A:\n    yield 1\n",
    "def f():\n    return [(yield) for x in range(3)]\n",
    "def f():\n    return {(yield): 1 for x in range(3)}\n",
    "def f():\n    return ((yield) for x in range(3))\n",
    "x = 1\nfor i in range(2):\n    yield from x\n",
])
def test_yield_where_cpython_refuses_it_has_cpythons_error_located(src):
    last, line, col = cpython_syntax_error(src)
    out, err = run(src)
    assert out == "" and err.last_line() == last
    assert (err.line, err.col) == (line, col)


def test_yield_where_tensorsh_cannot_run_it_is_a_located_refusal():
    _, err = run("def f():\n    print((yield 1))\n")
    assert format_error(err) == (
        "t.tsh:2:12: error: a yield stands as a statement, after '=' or '+=', or after 'return'\n"
        "    2 |     print((yield 1))\n"
        "      |            ^~~~~~~\n"
        "SyntaxError: 'yield' here is not supported by tensorsh\n")


def test_error_inside_a_generator_reports_the_consumers_call_sites():
    src = "def g(a):\n    yield 1\n    yield a / 0\ndef h():\n    return list(g(2))\nh()\n"
    _, err = run(src)
    assert format_error(err) == (
        "t.tsh:3:11: error: division by zero\n"
        "    3 |     yield a / 0\n"
        "      |           ^~~~~\n"
        "t.tsh:5:12: note: called from here\n"
        "    5 |     return list(g(2))\n"
        "      |            ^~~~~~~~~~\n"
        "t.tsh:6:1: note: called from here\n"
        "    6 | h()\n"
        "      | ^~~\n"
        "ZeroDivisionError: division by zero\n")


def test_stop_iteration_inside_a_generator_is_located_where_it_happened():
    _, err = run("def g():\n    yield 1\n    next(iter([]))\nx = list(g())\n")
    assert (err.line, err.col) == (3, 5)
    assert err.last_line() == "RuntimeError: generator raised StopIteration"


def test_failed_statement_consuming_a_generator_changes_nothing():
    s = Session(write=lambda t: None)
    assert s.run("import torch\nx = torch.zeros(2)\nseen = 0\nclass Box:\n    pass\nb = Box()\nb.v = 1\n"
                 "def g():\n    global seen\n    for i in range(3):\n        seen += 1\n        b.v = i\n"
                 "        x.add_(1)\n        yield i\n    raise ValueError('late')\n") is None
    err = s.run("total = sum(g())")
    assert err.last_line() == "ValueError: late"
    out = []
    s._write = out.append
    assert s.run("print(seen, b.v, x.tolist(), x._version, 'total' in globals() if False else None)") is None
    assert out == ["0 1 [0.0, 0.0] 0 None\n"]
    assert s.run("total") is not None


def test_generator_objects_expose_no_internals():
    for attr in ("gi_frame", "gi_code", "gi_yieldfrom"):
        _, err = run(f"def g():\n    yield 1\ng().{attr}\n")
        assert err.last_line() == f"AttributeError: 'generator' object has no attribute '{attr}'"


def test_nested_fstring_spec_too_deep_is_cpythons_error():
    src = 'x = 1\nprint(f"{x:{1:{2}}}")\n'
    last, line, _ = cpython_syntax_error(src)
    _, err = run(src)
    assert err.last_line() == last and err.line == line


def test_nested_fstring_spec_width_is_guarded():
    _, err = run('x = 1\nprint(f"{x:{10**6}}")\n')
    assert err.last_line() == "ValueError: format width or precision too large for tensorsh"
    assert (err.line, err.col) == (2, 10)

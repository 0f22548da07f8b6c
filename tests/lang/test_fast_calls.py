"""The fast paths of a def call (a call as a statement, arguments read in place, `return a <op> b` applied in
the generated function) keep Python's results, error texts and located notes."""
from tensorsh.lang.errors import format_error
from tensorsh.lang.session import Session


def run(src):
    out = []
    err = Session(write=out.append, write_err=out.append).run(src, "t.tsh")
    return "".join(out), err


def test_a_call_as_a_statement_returns_no_signal_to_its_block():
    src = ("def add(a, b):\n    return a + b\ndef three():\n    return 3\nfor i in range(3):\n    add(i, 1)\n"
           "    three()\n    print(i)\ndef f():\n    add(1, 2)\n    len([1])\n    return 'after'\nprint(f())\n")
    out, err = run(src)
    assert err is None and out == "0\n1\n2\nafter\n"


def test_operator_body_keeps_pythons_results_and_names():
    src = ("def add(a, b):\n    return a + b\ndef BaseException_(BaseException, b):\n    return BaseException * b\n"
           "print(add(1, 2), add('a', 'b'), add([1], [2]), BaseException_(2, 3), (lambda x, y: x - y)(5, 3))\n"
           "print(add.__name__, add.__qualname__)\nx = 5\nprint(add(x, x), add(x, 1), add(len, 1) if False else 0)\n")
    out, err = run(src)
    assert err is None and out == "3 ab [1, 2] 6 2\nadd add\n10 6 0\n"


def test_operator_body_error_is_located_at_the_operator_with_each_call_site():
    _, err = run("def f(a, b):\n    return a / b\ndef g(x):\n    return f(x, 0)\ng(1)\n")
    assert format_error(err) == (
        "t.tsh:2:12: error: division by zero\n"
        "    2 |     return a / b\n"
        "      |            ^~~~~\n"
        "t.tsh:4:12: note: called from here\n"
        "    4 |     return f(x, 0)\n"
        "      |            ^~~~~~~\n"
        "t.tsh:5:1: note: called from here\n"
        "    5 | g(1)\n"
        "      | ^~~~\n"
        "ZeroDivisionError: division by zero\n")


def test_operator_body_keeps_the_size_guard_and_argument_errors():
    _, err = run("def m(a, b):\n    return a * b\nm([1] * 5, 10**9)\n")
    assert err.last_line().startswith("MemoryError: result would have 5000000000 items")
    assert (err.line, err.col) == (2, 12)
    _, err = run("def add(a, b):\n    return a + b\nadd(1)\n")
    assert err.last_line() == "TypeError: add() missing 1 required positional argument: 'b'"
    assert (err.line, err.col) == (3, 1)


def test_global_and_constant_arguments_read_in_place_see_the_current_binding():
    out, err = run("def show(a, b):\n    return (a, b)\nv = 1\nprint(show(v, 2))\nv = 'x'\nprint(show(v, None))\n"
                   "def h():\n    return show(len, v)\nprint(h()[1])\n")
    assert err is None and out == "(1, 2)\n('x', None)\nx\n"
    _, err = run("def show(a, b):\n    return a\nshow(missing, 1)\n")
    assert err.last_line() == "NameError: name 'missing' is not defined" and (err.line, err.col) == (3, 6)

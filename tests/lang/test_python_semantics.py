"""The language runs Python: programs print what CPython prints, errors end with CPython's last line."""
import contextlib
import io
import random
import threading
import time
import _thread

import pytest

from tensorsh.lang.errors import InternalError, UserError, format_error
from tensorsh.lang.session import Session
from tests.lang.python_programs import ERRORS, PROGRAMS


def run(src):
    out = []
    err = Session(write=out.append, write_err=out.append).run(src, "t.tsh")
    return "".join(out), err


def cpython(src):
    buf = io.StringIO()
    state = random.getstate()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "<cpython>", "exec"), {"__name__": "__main__"})   # the test's own program
        return buf.getvalue(), None
    except BaseException as e:          # noqa: B036 - the program's error is the result
        return buf.getvalue(), f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    finally:
        random.setstate(state)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program_prints_what_cpython_prints(name):
    src = PROGRAMS[name]
    expected, error = cpython(src)
    assert error is None
    out, err = run(src)
    assert err is None, format_error(err)
    if name == "math_random_time":          # CPython's random draws, seeded: the very same numbers
        assert out.splitlines()[:3] == expected.splitlines()[:3]
    else:
        assert out == expected


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_error_last_line_is_cpythons(name):
    src, last = ERRORS[name]
    if name != "recursion":
        assert cpython(src)[1] == last
    out, err = run(src)
    assert err is not None
    assert format_error(err).splitlines()[-1] == last


def test_error_inside_functions_reports_each_call_site():
    src = "def inner(t):\n    return t[5]\ndef outer(t):\n    return inner(t) + 1\nx = outer([1, 2])\n"
    _, err = run(src)
    assert format_error(err) == (
        "t.tsh:2:12: error: list index out of range\n"
        "    2 |     return t[5]\n"
        "      |            ^~~~\n"
        "t.tsh:4:12: note: called from here\n"
        "    4 |     return inner(t) + 1\n"
        "      |            ^~~~~~~~\n"
        "t.tsh:5:5: note: called from here\n"
        "    5 | x = outer([1, 2])\n"
        "      |     ^~~~~~~~~~~~~\n"
        "IndexError: list index out of range\n")


def test_deep_recursion_is_summarised_not_a_crash():
    _, err = run("def f(n):\n    return f(n + 1)\nf(0)\n")
    text = format_error(err)
    assert "more times]" in text and text.endswith("RecursionError: maximum recursion depth exceeded\n")
    assert len(text.splitlines()) < 30


def test_torch_error_caught_as_python_exception():
    src = ("import torch\ntry:\n    torch.ones(2).view(3)\nexcept RuntimeError as e:\n"
           "    print(type(e).__name__, isinstance(e, Exception), '|', e)\n")
    out, err = run(src)
    assert err is None
    assert out == "RuntimeError True | shape '[3]' is invalid for input of size 2\n"


def test_uncaught_reraise_keeps_pytorch_text():
    src = "import torch\ntry:\n    torch.ones(2).view(3)\nexcept RuntimeError:\n    raise\n"
    _, err = run(src)
    assert err.last_line() == "RuntimeError: shape '[3]' is invalid for input of size 2"


# ---- a failed top-level statement changes nothing ----
def test_failed_def_call_rolls_back_globals_objects_and_tensors():
    s = Session(write=lambda t: None)
    assert s.run("import torch\nx = torch.zeros(2)\ncount = 0\nclass Box:\n    pass\nb = Box()\nb.v = 1\n"
                 "def step():\n    global count\n    count += 1\n    b.v = 2\n    x.add_(1)\n    return undefined\n") is None
    err = s.run("step()")
    assert err.kind == "NameError"
    assert s.run("print(count, b.v, x)") is None
    out = []
    s._write = out.append
    s.run("print(count, b.v, x.tolist(), x._version)")
    assert out == ["0 1 [0.0, 0.0] 0\n"]


def test_failed_class_body_and_loop_bind_nothing():
    s = Session(write=lambda t: None)
    err = s.run("class Bad:\n    a = 1\n    b = missing\n")
    assert err.kind == "NameError" and "Bad" not in s.variables
    err = s.run("total = 0\nfor i in range(5):\n    total += i\n    if i == 3:\n        1 / 0\n")
    assert err.kind == "ZeroDivisionError" and s.variables["total"] == 0


def test_inside_try_effects_before_the_exception_stay():
    out, err = run("x = []\ntry:\n    x.append(1)\n    1 / 0\nexcept ZeroDivisionError:\n    pass\nprint(x)\n")
    assert err is None and out == "[1]\n"


# ---- the sandbox: hostile programs get located errors, never Python internals ----
@pytest.mark.parametrize("src, last", [
    ("def f(): pass\nf.__globals__", "AttributeError: 'function' object has no attribute '__globals__'"),
    ("def f(): pass\nf.__code__", "AttributeError: 'function' object has no attribute '__code__'"),
    ("try:\n    1/0\nexcept Exception as e:\n    e.__traceback__.tb_frame",  # (its frames: the traceback module's)
     "AttributeError: 'traceback' object has no attribute 'tb_frame'"),
    ("type(1).__mro__[1].__subclasses__", "AttributeError: type object 'object' has no attribute '__subclasses__'"),
    # (x.__class__ is what type(x) gives, and no further)
    ("().__class__.__base__", "AttributeError: type object 'tuple' has no attribute '__base__'"),
    ("getattr(1, '__' + 'class__').__subclasses__", "AttributeError: type object 'int' has no attribute '__subclasses__'"),
    ("'{0.__class__.__base__}'.format(1)", "AttributeError: type object 'int' has no attribute '__base__'"),
    ("'{0.__class__.shape.fget.__globals__}'.format(1)", "AttributeError: type object 'int' has no attribute 'shape'"),
    ("'{0.__class__.shape.fget.__globals__}'.format(torch.ones(1))",
     "AttributeError: type object 'Tensor' has no attribute 'shape'"),
    ("'{a.__class__.__base__}'.format_map({'a': 1})", "AttributeError: type object 'int' has no attribute '__base__'"),
    # (a class's __init__ is readable, `nn.Module.__init__(self)` as in Python; its function's insides are not)
    ("torch.nn.Linear(1, 1).__class__.__init__.__globals__",
     "AttributeError: 'function' object has no attribute '__globals__'"),
    ("dict.__init__.__objclass__", "AttributeError: 'wrapper_descriptor' object has no attribute '__objclass__'"),
    ("class A:\n    def f(self):\n        return super().__getattribute__('x')\nA().f()",
     "AttributeError: 'super' object has no attribute '__getattribute__'"),
    ("class A:\n    def __getattribute__(self, n):\n        return 1", "SyntaxError: tensorsh does not let a class define '__getattribute__'"),
    ("class A:\n    def __getattr__(self, n):\n        return n\nA().__class__.__base__",
     "AttributeError: type object 'A' has no attribute '__base__'"),
    ("class A:\n    def __setattr__(self, n, v):\n        super().__setattr__('__class__', v)\nA().x = int",
     "AttributeError: tensorsh does not let a program set '__class__'"),
    ("class A(metaclass=type):\n    pass", "TypeError: tensorsh classes take no keyword arguments (metaclass=...)"),
    ("T = type(type(1))\nT('X', (), {})", "TypeError: type() takes 1 argument in tensorsh (a class is made with a class statement)"),
    ("class A:\n    pass\nA.__dict__", "AttributeError: type object 'A' has no attribute '__dict__'"),
    ("x = [0] * 10**10", "MemoryError: result would have 10000000000 items (tensorsh's limit for Python values is 10000000)"),
    ("x = [i for i in range(10**10)]", "MemoryError: result would have 10000000000 items (tensorsh's limit for Python values is 10000000)"),
    ("def g():\n    yield 1\ng().gi_frame", "AttributeError: 'generator' object has no attribute 'gi_frame'"),
    ("def g():\n    yield 1\ng().gi_code", "AttributeError: 'generator' object has no attribute 'gi_code'"),
    ("def g():\n    yield 1\ng().gi_yieldfrom", "AttributeError: 'generator' object has no attribute 'gi_yieldfrom'"),
    ("import os", "ModuleNotFoundError: No module named 'os'"),
    ("def f(x): return x\nf.__defaults__ = (1,)", "AttributeError: tensorsh does not let a program set '__defaults__'"),
])
def test_escape_attempts_are_located_errors(src, last):
    _, err = run(src)
    assert err is not None and err.line >= 1
    assert type(err).__name__ in ("UserError", "UserAttributeError")  # (a located user error, never an internal one)
    assert format_error(err).splitlines()[-1] == last


def test_harmless_names_lead_nowhere_further():
    out, err = run("def f(): 'doc'\nclass A: pass\nprint(f.__name__, f.__doc__, A.__name__, type(A()).__name__, "
                   "A().__class__.__name__, (lambda: 0).__name__)")
    assert err is None and out == "f doc A A A <lambda>\n"
    _, err = run("A = 1\nA.__class__.__name__.__class__.__base__")   # (str, and no further)
    assert err.kind == "AttributeError"


def test_deeply_nested_list_repr_is_a_recursion_error():
    _, err = run("a = []\nfor i in range(100000):\n    a = [a]\nprint(a)\n")
    assert err.kind == "RecursionError" and "repr" in err.message


def test_ids_are_small_and_stable():
    out, err = run("a = [1]\nb = {}\nprint(id(a), id(b), id(a), id(a) == id(a))")
    assert out == "1 2 1 True\n"


def test_first_ctrl_c_may_be_caught_never_the_second():
    s = Session(write=lambda t: None)
    src = ("n = 0\ntry:\n    while True:\n        n += 1\nexcept:\n    caught = True\n"
           "while True:\n    try:\n        n += 1\n    except:\n        pass\n")
    done = threading.Event()

    def interrupt():           # Ctrl-C again and again once the program runs its loops, until it stops
        while "n" not in s.variables and not done.is_set():
            time.sleep(0.05)
        while not done.wait(0.3):
            _thread.interrupt_main()
    t = threading.Thread(target=interrupt)
    t.start()
    try:
        err = s.run(src, "t.tsh")
    finally:
        done.set()
        try:
            t.join()
        except KeyboardInterrupt:   # the last Ctrl-C may land after the program stopped
            t.join()
    assert err.kind == "KeyboardInterrupt"
    assert s.variables.get("caught") is True


def test_blame_note_points_into_a_function_body():
    _, err = run("import torch\na = torch.tensor([2., 3.], requires_grad=True)\ndef bump(t):\n    t.fill_(2)\n"
                 "b = a.exp()\nbump(b)\nb.sum().backward()\n")
    text = format_error(err)
    assert "t.tsh:4:5: note: this statement modified, in place, a tensor that backward needed" in text


def test_nonlocal_without_binding_is_a_syntax_error():
    _, err = run("def f():\n    nonlocal x\n    x = 1\n")
    assert err.last_line() == "SyntaxError: no binding for nonlocal 'x' found"

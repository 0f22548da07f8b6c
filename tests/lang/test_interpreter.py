"""Interpreter semantics: Python values, the short spellings, the Session API and rollback."""
import io

import pytest

from tensorsh.lang.session import Session, Result


def run(src):
    out = []
    err = Session(write=out.append, write_err=out.append).run(src, "t.tsh")
    if err is not None:
        raise err
    return "".join(out)


@pytest.mark.parametrize("src, expected", [
    ("print(1, 2, sep='-', end='!\\n')", "1-2!\n"),
    ("print()", "\n"),
    ("x = [1, 2]\nprint(x == [1, 2], x is None, x is not None)", "True False True\n"),
    ("a, b = 1, 2\nprint(a + b * 2 ** 3, 7 // 2, 7 % 3, -2 ** 2)", "17 3 1 -4\n"),
    ("a = b = 5\nprint(a, b)", "5 5\n"),
    ("v = 3.14159\nprint(f'v = {v:.2f} {{ok}} {v!r} {v=}')", "v = 3.14 {ok} 3.14159 v=3.14159\n"),
    ("print(1 < 2 < 3, 3 < 2 < 1, 1 in [1], 2 not in [1])", "True False True True\n"),
    ("print(0 or 'x', 1 and 0, not 1)", "x 0 False\n"),
    ("s = 0\nfor i in range(5):\n    s += i\nprint(s)", "10\n"),
    ("for i, j in [(1, 2), (3, 4)]:\n    print(i + j)", "3\n7\n"),
    ("x = [0, 1, 2, 3]\nx[1:3] = [9]\nprint(x, x[-1], x[::2], len(x))", "[0, 9, 3] 3 [0, 3] 3\n"),
    ("sum = 3\nprint(sum)", "3\n"),
    ("print(sum([1, 2]), max(1, 5), min([3, 2]), abs(-2), round(2.567, 1))", "3 5 2 2 2.6\n"),
    ("f = lambda a, b: a * b\nprint(f(3, 4))", "12\n"),
    ("add = lambda a: lambda b: a + b\nprint(add(1)(2))", "3\n"),
    ("print('a' 'b', \"c\\td\")", "ab c\td\n"),
    ("x = (1,)\nprint(x, (), [], ([1.0]))", "(1,) () [] [1.0]\n"),
    ("print(1 if 0 else 2)", "2\n"),
    ("x = []\nx.append(3)\nprint(x, str(1.5), int('7'), float(2), bool(0))", "[3] 1.5 7 2.0 False\n"),
    ("x = [1, 2, 3]\ndel x[0]\ny = 1\ndel y\nassert len(x) == 2, 'two'\nprint(x)", "[2, 3]\n"),
    ("print([i * j for i in range(3) for j in range(2) if i != j], [a for a, b in [(1, 2)]])", "[0, 0, 0, 2] [1]\n"),
    ("i = 5\nprint([i for i in range(2)], i, '{} {:.1f}'.format(1, 2))", "[0, 1] 5 1 2.0\n"),
    ("import torch\nimport copy\nfrom torchviz import make_dot\nprint(1)", "1\n"),
    ("import torch\nimport torch.nn.functional as F\nprint(torch, torch.linalg, torch.autograd, F, copy)",
     "<module 'torch'> <module 'torch.linalg'> <module 'torch.autograd'> <module 'torch.nn.functional'> "
     "<module 'copy'>\n"),
])
def test_python_values(src, expected):
    assert run(src) == expected


def test_statement_api_and_rollback():
    s = Session()
    stmts = s.compile("a = 1\nb = [a, 2]; c = 3\nwith no_grad:\n    d = 4\nb = undefined_name\na", "t.tsh")
    assert [(st.line, st.end_line, st.source) for st in stmts] == [
        (1, 1, "a = 1"), (2, 2, "b = [a, 2]"), (2, 2, "c = 3"), (3, 4, "with no_grad:\n    d = 4"),
        (5, 5, "b = undefined_name"), (6, 6, "a")]
    results = [s.execute(st) for st in stmts]
    assert all(r.error is None for r in results[:4])
    failed = results[4]
    assert isinstance(failed, Result) and failed.error.kind == "NameError" and failed.output == ""
    assert s.variables["b"] == [1, 2]        # the failed assignment bound nothing
    assert results[5].value == 1 and stmts[5].is_expression
    assert s.execute(stmts[5], echo=True).output == "1\n"


def test_failed_statement_restores_all_bindings():
    s = Session(write=lambda t: None)
    assert s.run("x = 1\ny = 2") is None
    err = s.run("x = 10; y = 20\nfor i in range(3):\n    y = i\n    z = 1 / (1 - i)")
    assert err.kind == "ZeroDivisionError" and err.line == 4
    assert s.variables["x"] == 10     # committed statement stays
    assert s.variables["y"] == 20 and "i" not in s.variables and "z" not in s.variables


def test_observers_see_each_successful_statement():
    s = Session(write=lambda t: None)
    seen = []
    s.observers.append(lambda session, stmt: seen.append(stmt.line))
    s.run("a = 1\nb = 2\nc = d")
    assert seen == [1, 2]


def test_keyboard_interrupt_is_a_located_report():
    s = Session(write=lambda t: None)
    calls = []

    def boom(*a):
        calls.append(1)
        raise KeyboardInterrupt
    s.variables["boom"] = boom
    err = s.run("x = 1\nfor i in range(10):\n    y = boom()\n")
    assert err.kind == "KeyboardInterrupt" and err.line == 3 and err.last_line() == "KeyboardInterrupt"


def test_with_restores_grad_mode_after_error():
    pytest.importorskip("numpy")
    s = Session(write=lambda t: None)
    err = s.run("with no_grad:\n    x = 1 / 0")
    assert err.kind == "ZeroDivisionError"
    out = []
    s._write = out.append
    assert s.run("print(torch.is_grad_enabled())") is None
    assert out == ["True\n"]


SHORT_AND_LONG = [
    ("x = tensor([1.], grad)\nprint(x)", "x = torch.tensor([1.0], requires_grad=True)\nprint(x)"),
    ("x = tensor([2.], grad)\ny = (x ** 3).sum()\nbackward(y, retain)\nbackward(y)\nprint(x.grad)",
     "x = torch.tensor([2.], requires_grad=True)\ny = (x ** 3).sum()\ny.backward(retain_graph=True)\ny.backward()\nprint(x.grad)"),
    ("x = ones(5, grad)\ny = x * 2\nbackward(y, ones(5))\nprint(x.grad)",
     "x = torch.ones(5, requires_grad=True)\ny = x * 2\ny.backward(torch.ones(5))\nprint(x.grad)"),
    ("x = tensor([1., 2.], grad)\nprint(deepcopy(x))", "import copy\nx = torch.tensor([1., 2.], requires_grad=True)\nprint(copy.deepcopy(x))"),
    ("x = tensor([1.], grad)\nwith no_grad:\n    y = x * 2\nprint(y)",
     "x = torch.tensor([1.], requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\nprint(y)"),
    ("x = tensor([3.], grad)\nprint(grad((x * x).sum(), x))",
     "x = torch.tensor([3.], requires_grad=True)\nprint(torch.autograd.grad((x * x).sum(), x))"),
    ("x = tensor([3.], grad)\ng, = grad((x ** 3).sum(), x, create)\nbackward(g.sum())\nprint(x.grad)",
     "x = torch.tensor([3.], requires_grad=True)\ng, = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)\ng.sum().backward()\nprint(x.grad)"),
]


@pytest.mark.parametrize("short, long", SHORT_AND_LONG)
def test_short_spelling_means_the_pytorch_spelling(short, long):
    pytest.importorskip("numpy")
    assert run(short) == run("import torch\n" + long)


@pytest.mark.parametrize("short, long", SHORT_AND_LONG)
def test_pytorch_spelling_matches_torch(short, long, capsys):
    torch = pytest.importorskip("torch")
    import copy
    code = "import torch\n" + long
    exec(compile(code, "<torch>", "exec"), {"torch": torch, "copy": copy})
    assert run(code) == capsys.readouterr().out


def test_hooks_and_lambdas_as_arguments():
    pytest.importorskip("numpy")
    assert run("x = tensor([1., 2.], grad)\nh = x.register_hook(lambda g: g * 2)\n(x * 3).sum().backward()\nprint(x.grad)") \
        == "tensor([6., 6.])\n"


def test_failed_block_rolls_back_inplace_changes():
    pytest.importorskip("numpy")
    out = []
    s = Session(write=out.append)
    assert s.run("z = ones(2)") is None
    err = s.run("for i in range(2):\n    z.add_(1)\nbad = z + ones(3)")
    assert err.kind == "RuntimeError" and err.line == 3
    out.clear()
    assert s.run("print(z, z._version)") is None
    assert out == ["tensor([3., 3.]) 2\n"]
    err = s.run("for i in range(2):\n    z.add_(1)\n    bad = z + ones(3)")
    assert err is not None
    out.clear()
    assert s.run("print(z, z._version)") is None
    assert out == ["tensor([3., 3.]) 2\n"]


def test_inplace_rollback_of_a_failing_statement():
    pytest.importorskip("numpy")
    out = []
    s = Session(write=out.append)
    assert s.run("x = ones(2)") is None
    stmts = s.compile("x.mul_(3); y = x + ones(5)", "t.tsh")
    assert s.execute(stmts[0]).error is None
    r = s.execute(stmts[1])
    assert r.error.kind == "RuntimeError"
    s.run("print(x, x._version)")
    assert out[-1] == "tensor([3., 3.]) 1\n"


def test_builtin_names_can_be_reused_as_variables():
    pytest.importorskip("numpy")
    assert run("x = ones(5, requires_grad=True)\ny = x * 2\nsum = y.sum()\nsum.backward()\nprint(x.grad)") \
        == "tensor([2., 2., 2., 2., 2.])\n"


def test_per_statement_cost_is_small():
    import time
    s = Session(write=lambda t: None)
    stmts = s.compile("y = 1.0\nfor i in range(20000):\n    y = y * 1.0001", "t.tsh")
    t = time.perf_counter()
    for st in stmts:
        assert s.execute(st).error is None
    assert time.perf_counter() - t < 0.5


def test_star_arguments_spread_into_calls():
    out = io.StringIO()
    error = Session(write=out.write, write_err=out.write).run(
        "x = tensor([1., 2.])\nprint(*[1, 2], sep='-')\nprint(*x)\nprint(ones(*(2, 3)).shape)\n", "s.tsh")
    assert error is None
    assert out.getvalue() == "1-2\ntensor(1.) tensor(2.)\ntorch.Size([2, 3])\n"


def test_star_argument_of_a_huge_range_is_refused():
    out = io.StringIO()
    error = Session(write=out.write, write_err=out.write).run("print(*range(10**9))\n", "s.tsh")
    assert error.kind == "MemoryError" and error.line == 1

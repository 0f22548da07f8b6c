"""The shell's logic, driven through prompt_toolkit pipe input: continuation, blocks, paste, completion, meta commands."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from prompt_toolkit.document import Document
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from tensorsh.app import shell as sh


def make_shell(**kw):
    out = []
    shell = sh.Shell(write=out.append, write_err=out.append, plain=True, **kw)
    return shell, out


def drive(keys, shell=None):
    """Type `keys` into a real PromptSession over a pipe; returns (shell, everything the shell wrote)."""
    if shell is None:
        shell, out = make_shell()
    else:
        out = []
        shell.write = shell.write_err = out.append
    with create_pipe_input() as inp:
        inp.send_text(keys + "\x04")
        session = sh.make_prompt_session(shell, input=inp, output=DummyOutput(), history=InMemoryHistory())
        assert sh.loop(shell, session) == 0
    return shell, "".join(out)


# ---- deciding when Enter runs the buffer (codeop's complete / incomplete / error) ----
@pytest.mark.parametrize("text, runs", [
    ("x = 1", True), ("", True), (":vars", True),
    ("x = (1,", False), ("f(", False), ("x = [1, 2", False),
    ("with no_grad:", False), ("for i in range(3):", False),
    ("with no_grad:\n    y = 1", False), ("with no_grad:\n    y = 1\n", True),
    ("y = x +", True),                      # an error: run it so it is reported
    ("x = 3)", True),
])
def test_should_run(text, runs):
    shell, _ = make_shell()
    assert shell.should_run(text) is runs


def test_clean_paste_drops_prompts_outputs_and_expectations():
    assert sh.clean_paste(">>> x = torch.ones(2)\n>>> x\ntensor([1., 1.])\n... \n") == "x = torch.ones(2)\nx\n\n"
    assert sh.clean_paste("x = ones(2)\r\nprint(x)\n#> tensor([1., 1.])\n#! RuntimeError: no\n") == \
        "x = ones(2)\nprint(x)\n"
    assert sh.clean_paste("tsh> with no_grad:\n...      y = 1\n") == "with no_grad:\n    y = 1\n"


# ---- through a real PromptSession ----
def test_echo_name_error_and_session_intact():
    shell, out = drive("x = tensor([1., 2.], grad)\rx * 2\rq\rx\r")
    assert "tensor([2., 4.], grad_fn=<MulBackward0>)\n" in out
    assert "NameError: name 'q' is not defined\n" in out
    assert out.endswith("tensor([1., 2.], requires_grad=True)\n")


def test_failed_assignment_binds_nothing():
    shell, out = drive("a = ones(2)\rb = a + ones(3)\rb\r")
    assert "RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0" \
        in out
    assert "NameError: name 'b' is not defined" in out
    assert "b" not in shell.session.variables


def test_block_over_several_lines_with_auto_indent():
    shell, out = drive("x = tensor([1.], grad)\rwith torch.no_grad():\ry = x * 2\r\ry.requires_grad\r")
    assert out.endswith("False\n")
    assert shell.transcript[1].source == "with torch.no_grad():\n    y = x * 2"


def test_open_bracket_continues():
    shell, out = drive("t = tensor([1.,\r2.])\rt\r")
    assert out == "tensor([1., 2.])\n"


def test_bracketed_paste_of_a_python_session():
    paste = "\x1b[200~>>> import torch\n>>> x = torch.ones(2, requires_grad=True)\n>>> (x * 3).sum()\n" \
            "tensor(6., grad_fn=<SumBackward0>)\n\x1b[201~"
    shell, out = drive(paste + "\r")
    assert out == "tensor(6., grad_fn=<SumBackward0>)\n"


def test_ctrl_c_cancels_the_line_and_keeps_the_session():
    shell, out = drive("x = ones(2)\ry = (x *\x03x\r")
    assert "KeyboardInterrupt\n" in out
    assert out.endswith("tensor([1., 1.])\n")
    assert "y" not in shell.session.variables


def test_quit_command():
    shell, out = drive(":quit\rx = 1\r")
    assert "x" not in shell.session.variables


# ---- completion ----
def completions(shell, text):
    return [(c.text, c.display_meta_text) for c in sh._completer(shell).get_completions(Document(text), None)]


def test_completion_of_methods_with_signatures():
    shell, _ = make_shell()
    shell.run_source("x = ones(2)", "<t>")
    got = dict(completions(shell, "x.sig"))
    assert set(got) == {"sigmoid", "sigmoid_", "sign", "sign_", "signbit"}
    got = dict(completions(shell, "y = x.add_"))
    assert got["add_"].startswith("add_(")
    assert dict(completions(shell, "x.requires_g"))["requires_grad"] == "attribute"


def test_completion_of_names_keywords_and_commands():
    shell, _ = make_shell()
    shell.run_source("weights = ones(2)", "<t>")
    names = dict(completions(shell, "we"))
    assert names == {"weights": "variable"}
    assert ("with", "keyword") in completions(shell, "wi")
    assert "tensor" in dict(completions(shell, "ten"))
    assert "no_grad" in dict(completions(shell, "torch.no_"))
    assert [t for t, _ in completions(shell, ":ex")] == [":explain"]


# ---- meta commands ----
def test_vars_reset_help():
    shell, out = make_shell()
    shell.handle("x = ones(2, 3)")
    shell.handle("n = 3")
    shell.handle(":vars")
    assert "x  tensor (2, 3) float32  storage S1 offset 0  v0  leaf\n" in "".join(out)
    assert "n  int: 3\n" in "".join(out)
    shell.handle(":reset")
    assert shell.session.variables == {}
    out.clear()
    shell.handle(":help detach")
    assert "version counter" in "".join(out)
    out.clear()
    shell.handle(":help")
    assert ":explain" in "".join(out) and "show(x, y)" in "".join(out)
    out.clear()
    shell.handle(":hepl")
    assert "did you mean :help?" in "".join(out)


def test_save_writes_a_golden_file_and_load_runs_it(tmp_path):
    shell, out = make_shell()
    for line in ("x = tensor([1., 2.], grad)", "x * 2", "print(x.sum())", "q", "y = x.exp()", "'a'", "y.grad"):
        shell.handle(line)
    path = tmp_path / "s.tsh"
    shell.handle(f":save {path}")
    assert path.read_text() == (
        "x = tensor([1., 2.], grad)\n"
        "print(x * 2)\n#> tensor([2., 4.], grad_fn=<MulBackward0>)\n"
        "print(x.sum())\n#> tensor(3., grad_fn=<SumBackward0>)\n"
        "q\n#! NameError: name 'q' is not defined\n"
        "y = x.exp()\n"
        "print(repr('a'))\n#> 'a'\n"
        "y.grad\n#! UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its "
        ".grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be "
        "populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf "
        "Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 "
        "for more information.\n")
    from tensorsh.app import golden
    assert golden.main([str(path)]) == 0          # the saved session passes as a golden test
    fresh, out2 = make_shell()
    fresh.handle(f":load {path}")
    text = "".join(out2)
    assert "tensor(3., grad_fn=<SumBackward0>)\n" in text and "NameError" in text
    assert "x" in fresh.session.variables


def test_explain_on_off():
    shell, out = make_shell()
    shell.handle(":explain on")
    shell.handle("x = ones(2)")
    assert "  # x: new storage S1 (2 × float32, 8 bytes)\n" in "".join(out)
    shell.handle(":explain off")
    out.clear()
    shell.handle("y = ones(2)")
    assert "".join(out) == ""


def test_timeit(monkeypatch):
    from tensorsh.app import timing
    shell, out = make_shell()
    shell.handle("x = ones(3)")
    real = timing.timeit
    monkeypatch.setattr(timing, "timeit", lambda fn: real(fn, repeat=2, target=0.01))
    shell.handle(":timeit y = x * 2")
    assert "per loop (mean ± std. dev. of 2 runs" in "".join(out)
    out.clear()
    shell.handle(":timeit x.foo()")
    assert "AttributeError" in "".join(out)


# ---- a failed statement leaves the session exactly as it was ----
SETUP = ("a = tensor([1., 2., 3.], grad)\nb = a * 2\nc = b.exp()\nv = b[1:]\nd = ones(3)\nw = d[0:2]\n"
         "backward(c.sum(), retain)\n")
FAILING = [
    "c.add_(1); backward(c.sum())", "a.add_(1)", "d.add_(1); w.add_(1); q", "a.grad.zero_(); backward(ones(3))",
    "w.mul_(2); d.view(7)", "x = a * 2; y = x[5]", "d[0] = 9.; v.detach_()", "a.grad = None; tensor([1.]).backward()",
    "c.sum().backward(); c.sum().backward()", "v.fill_(3.); c.sum().backward(); undefined",
    "d += 1; d @ ones(2)", "b = None; ones(2) + ones(3)", "w.copy_(ones(2)); a.t_()",
]


def state(session):
    out = {}
    for name, t in session.variables.items():
        if not hasattr(t, "_storage"):
            out[name] = repr(t)
            continue
        g = t._grad
        out[name] = (id(t), t._storage.id, bytes(t._storage.data.tobytes()), t._version_counter.value,
                     None if g is None else (id(g), g._np.tobytes()), id(t.grad_fn), t.requires_grad,
                     t._shape, t._stride, t._offset)
    return out


# derandomized: the same 40 sessions every run, so a failure in CI is replayed by running the test again
@settings(max_examples=40, deadline=None, derandomize=True, print_blob=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FAILING), min_size=1, max_size=4))
def test_failing_statements_leave_state_unchanged(statements):
    shell, out = make_shell()
    assert shell.run_source(SETUP, "<setup>")
    before = state(shell.session)
    for text in statements:
        block = "for i in range(1):\n    " + text.replace("; ", "\n    ")   # one statement, several steps
        assert shell.run_source(block, "<t>") is False
        assert state(shell.session) == before
    assert shell.run_source("backward(c.sum())", "<t>")   # the graph still works afterwards


def test_first_prompt_loads_only_prompt_toolkit():
    """Start-up (issue 7): numpy, the language, rich and pygments load after the first prompt shows."""
    import subprocess
    import sys
    code = ("import sys, tensorsh.app.shell as s\n"
            "from prompt_toolkit.output import DummyOutput\n"
            "sh = s.Shell(plain=False)\n"
            "s.make_prompt_session(sh, output=DummyOutput())\n"
            "print(' '.join(sorted(sys.modules)))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    loaded = {m.split(".")[0] for m in r.stdout.split()}
    assert "prompt_toolkit" in loaded
    assert not loaded & {"numpy", "rich", "pygments", "lark", "torch"}
    assert not {m for m in r.stdout.split() if m.startswith(("tensorsh.lang", "tensorsh.engine", "tensorsh.render"))}


def test_multi_line_inputs_advance_the_line_numbers():
    shell, out = make_shell()
    shell.handle("for i in range(2):\n    x = i\n")
    shell.handle("y = nope")
    assert "".join(out).startswith("<stdin>:3:5: error: name 'nope' is not defined\n    3 | y = nope\n")


def test_backward_error_names_the_inplace_statement():
    shell, out = make_shell()
    for line in ("a = tensor([2., 3.], grad)", "b = a.exp()", "b.fill_(2)", "b.sum().backward()"):
        shell.handle(line)
    text = "".join(out)
    # the shell's inputs are numbered as one stream: the error and the note name different lines
    assert "<stdin>:4:1: error: backward needs a value that was since modified in place\n    4 | b.sum()" in text
    assert ("<stdin>:3:1: note: this statement modified, in place, a tensor that backward needed\n"
            "    3 | b.fill_(2)\n") in text
    assert text.endswith("is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the "
                         "operation that failed to compute its gradient, with "
                         "torch.autograd.set_detect_anomaly(True, check_nan=False).\n")


def test_ctrl_r_searches_history():
    shell, _ = make_shell()
    with create_pipe_input() as inp:
        session = sh.make_prompt_session(shell, input=inp, output=DummyOutput(), history=InMemoryHistory())
        for line in ("t = tensor([7., 8.])", "n = 1"):
            inp.send_text(line + "\r")
            assert session.prompt() == line
        inp.send_text("\x12tensor(\r")        # typed once the prompt is up (history loads when a prompt starts)
        inp.send_text("\r")                    # Enter ends the search, Enter again runs the line found
        assert session.prompt() == "t = tensor([7., 8.])"


def test_show_numbers_storages_in_order_of_creation():
    shell, out = make_shell()
    shell.handle("x = ones(2); y = zeros(3); z = ones(1)")
    shell.handle("show(z)")
    assert "S3  1 × float32 = 4 bytes, used by z\n" in "".join(out)
    out.clear()
    shell.handle("show(y, x)")
    text = "".join(out)
    assert "S1  2 × float32 = 8 bytes, used by x\n" in text and "S2  3 × float32 = 12 bytes, used by y\n" in text
    out.clear()
    shell.handle("show(ones(4), zeros(5) * 2)")          # expressions: the first made is the older
    text = "".join(out)
    assert text.index("S4  4 × float32") < text.index("S5  5 × float32")


# ---- Python blocks: def, class, if, try typed line by line or pasted ----
@pytest.mark.parametrize("text, runs", [
    ("def f(x):", False), ("def f(x):\n    return x", False), ("def f(x):\n    return x\n", True),
    ("if x:\n    y = 1\nelse:", False), ("try:\n    y = 1", False), ("class A:\n    pass\n", True),
])
def test_should_run_python_blocks(text, runs):
    shell, _ = make_shell()
    assert shell.should_run(text) is runs


def test_def_and_class_typed_line_by_line():
    shell, out = drive("def twice(x):\rreturn x * 2\r\rclass Box:\rdef __init__(self, v):\rself.v = v\r\b\b\b\b"
                       "def get(self):\rreturn twice(self.v)\r\rprint(Box(21).get())\r")
    assert out.endswith("42\n")
    assert "twice" in shell.session.variables and "Box" in shell.session.variables


def test_if_else_and_try_typed_line_by_line():
    back = "\b" * 4
    shell, out = drive(f"x = 3\rif x > 5:\rprint('big')\r{back}else:\rprint('small')\r\r"
                       f"try:\r1 / 0\r{back}except ZeroDivisionError as e:\rprint('caught', e)\r\r")
    assert out == "small\ncaught division by zero\n"


def test_pasted_class_with_blank_lines_inside():
    paste = ("\x1b[200~class Acc:\n    def __init__(self):\n        self.total = 0\n\n"
             "    def add(self, v):\n        self.total += v\n        return self\n\x1b[201~")
    shell, out = drive(paste + "\r" + "print(Acc().add(2).add(3).total)\r")
    assert out == "5\n"


def test_completion_of_user_functions_and_attributes():
    shell, _ = make_shell()
    shell.run_source("def my_helper(x):\n    return x\nclass Conf:\n    def __init__(self):\n"
                     "        self.learning_rate = 1\n    def describe(self):\n        return 1\nc = Conf()\n", "<t>")
    assert dict(completions(shell, "my_h")) == {"my_helper": "variable"}
    got = dict(completions(shell, "c."))
    assert {"learning_rate", "describe"} <= set(got)

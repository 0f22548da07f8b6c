""":undo / :redo — taking back successful statements restores the state byte for byte: show() and every printed
value equal those of a fresh shell that ran only the statements kept."""
import itertools
import os

from hypothesis import given, settings, strategies as st

from tensorsh.app import shell as sh
from tensorsh.engine import storage
from tensorsh.engine.torch_api import reset_state

POOL = [
    "x = randn(3, requires_grad=True)",
    "x = tensor([1., 2., 3.], grad)",
    "y = x * 2",
    "y = x.detach()",
    "d = x.data",
    "y.add_(1)",
    "d.mul_(2)",
    "x.grad = None",
    "z = (x * x).sum()",
    "z.backward()",
    "z.backward(retain_graph=True)",
    "v = x[1:]",
    "v = y[0:2]",
    "v.zero_()",
    "x = x.clone()",
    "w = ones(3, requires_grad=True)",
    "h = (w * x).exp()",
    "h.sum().backward()",
    "h.mul_(2)",
    "manual_seed(3)",
    "r = rand(2)",
    "with torch.no_grad():\n    x.add_(1)\n",
    "x.requires_grad_(False)",
    "y.retain_grad()",
    "del y",
    "x",
    "x.grad",
    "set_printoptions(precision=2)",
    "y = x.exp(); y.register_hook(lambda g: g * 2)",
]


def new_shell():
    reset_state()
    storage._ids = itertools.count(1)  # (data_ptr() values: the same numbering as a new process)
    out = []
    return sh.Shell(write=out.append, write_err=out.append, plain=True), out


def state(shell):
    """show() of every tensor, and each variable's printed value, grad, version, flags and data_ptr, and the
    next random numbers."""
    out = []
    shell.write = shell.write_err = out.append
    session = shell.session
    lines = []
    for k, v in session.variables.items():
        if hasattr(v, "_storage"):
            lines.append(f"{k} = {v!r} grad={v._grad!r} v{v._version} rg={v.requires_grad} leaf={v.is_leaf} "
                         f"fn={type(v.grad_fn).__name__} ptr={v.data_ptr()}")
        else:
            lines.append(f"{k} = {v!r}")
    for line in ("show()", "print(randn(2))", "print(tensor([1.]).data_ptr())"):
        shell.handle(line)
    return "\n".join(lines) + "".join(out)


def run(shell, statements):
    for s in statements:
        shell.handle(s)


@settings(max_examples=int(os.environ.get("TSH_EXAMPLES", 25)), deadline=None,
          derandomize=not os.environ.get("TSH_RANDOM"))
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=10), st.integers(1, 4), st.booleans())
def test_undo_restores_what_a_fresh_session_has(statements, n, redo_then_undo):
    a, _ = new_shell()
    run(a, ["import torch"] + statements)
    steps = a.session.steps
    n = min(n, len(steps.kept))
    a.handle(f":undo {n}")
    if redo_then_undo and n:  # a redo and an undo again must land on the same state
        a.handle(":redo 1")
        a.handle(":undo 1")
    kept = [entry.source for entry in a.transcript if entry.left_out is None]
    got = state(a)
    b, _ = new_shell()
    run(b, kept)
    assert got == state(b)


def test_redo_restores_what_undo_took_back():
    a, _ = new_shell()
    run(a, ["x = tensor([1., 2.], grad)", "y = x.detach()", "y.add_(1)", "z = (x * 3).sum()", "z.backward()",
            "r = randn(2)"])
    before = state(a)
    a2, _ = new_shell()
    run(a2, ["x = tensor([1., 2.], grad)", "y = x.detach()", "y.add_(1)", "z = (x * 3).sum()", "z.backward()",
             "r = randn(2)"])
    a2.handle(":undo 4")
    a2.handle(":redo 4")
    assert state(a2) == before


def test_undo_messages_and_limits():
    a, out = new_shell()
    run(a, ["x = tensor([1., 2.])", "x.add_(1)", "x"])   # `x` only reads: not a step
    del out[:]
    a.handle(":undo")
    a.handle("x")
    a.handle(":undo 5")
    a.handle(":undo")
    a.handle(":redo 9")
    a.handle(":undo two")
    assert "".join(out) == (
        "undid x.add_(1)  (<stdin>:2)\n"
        "tensor([1., 2.])\n"
        "undid x = tensor([1., 2.])  (<stdin>:1)\n"
        "nothing to undo (the last 100 statements are kept)\n"
        "redid x = tensor([1., 2.])  (<stdin>:1)\n"
        "redid x.add_(1)  (<stdin>:2)\n"
        ":undo takes a number of statements (e.g. :undo 2)\n")
    a.handle("x")
    assert out[-1] == "tensor([2., 3.])\n"


def test_a_new_statement_forgets_the_redo_and_the_limit_holds():
    a, out = new_shell()
    a.session.steps.keep = 3
    run(a, [f"x{i} = tensor([{i}.])" for i in range(6)])
    assert [s.stmt.source for s in a.session.steps.kept] == ["x3 = tensor([3.])", "x4 = tensor([4.])",
                                                             "x5 = tensor([5.])"]
    a.handle(":undo")
    a.handle("y = 1")
    del out[:]
    a.handle(":redo")
    assert "".join(out) == "nothing to redo\n"


def test_help_names_undo_and_its_limit():
    a, out = new_shell()
    a.handle(":help")
    text = "".join(out)
    assert ":undo" in text and "last 100" in text and ":redo" in text


def test_kept_steps_hold_a_bounded_number_of_bytes():
    a, out = new_shell()
    a.session.steps.keep_bytes = 3000
    run(a, ["x = zeros(100)", "x = zeros(100)", "x.add_(1)", "x = zeros(100)", "x = zeros(100)"])
    # each rebinding keeps the replaced 400-byte array, the add_ its 400-byte snapshot: all five fit ...
    assert len(a.session.steps.kept) == 5
    a.session.steps.keep_bytes = 900
    run(a, ["x = zeros(100)"])
    assert [s.stmt.line for s in a.session.steps.kept] == [5, 6]   # ... 900 bytes keep the last two


def test_undo_takes_back_the_slots_a_statement_set_or_deleted():
    a, out = new_shell()
    run(a, ["class P:\n    __slots__ = ('x', 'y')\n", "p = P()", "p.x = 1", "p.y = 2", "del p.x",
            "setattr(p, 'x', 5)", "delattr(p, 'y')"])
    del out[:]
    for line in [":undo", "p.y", ":undo", "hasattr(p, 'x')", ":undo", "p.x", ":undo", "hasattr(p, 'y')", ":undo",
                 "hasattr(p, 'x')", ":redo 5", "(hasattr(p, 'y'), p.x)"]:
        a.handle(line)
    assert "".join(out) == (
        "undid delattr(p, 'y')  (<stdin>:8)\n2\n"
        "undid setattr(p, 'x', 5)  (<stdin>:7)\nFalse\n"
        "undid del p.x  (<stdin>:6)\n1\n"
        "undid p.y = 2  (<stdin>:5)\nFalse\n"
        "undid p.x = 1  (<stdin>:4)\nFalse\n"
        "redid p.x = 1  (<stdin>:4)\nredid p.y = 2  (<stdin>:5)\nredid del p.x  (<stdin>:6)\n"
        "redid setattr(p, 'x', 5)  (<stdin>:7)\nredid delattr(p, 'y')  (<stdin>:8)\n(False, 5)\n")

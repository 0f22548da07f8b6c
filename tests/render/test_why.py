"""why(...): the cause named, with the right statements — and asking changes nothing."""
import pytest

from tensorsh.lang.session import Session
from tensorsh.render import default_renderer


def test_grad_of_a_non_leaf(run):
    out = run("x = tensor([1., 2.], grad)\ny = x * 2\ny.sum().backward()\nwhy(y.grad)")
    assert out == (
        "why(y.grad): y.grad is None because y is not a leaf: it was made by MulBackward0 at t.tsh:2:1 `y = x * 2`.\n"
        "  backward() stores .grad only in leaves (tensors made with requires_grad=True, not by an op)\n"
        "  its leaves are x: their .grad is filled\n"
        "  call y.retain_grad() before backward to keep y's own gradient\n")


def test_grad_cut_by_detach_names_the_line(run):
    out = run("x = tensor([1., 2.], grad)\nw = tensor([3., 4.], grad)\ny = x.detach()\nloss = (y * w).sum()\n"
              "loss.backward()\nwhy(x.grad)")
    assert out == (
        "why(x.grad): x.grad is None because the last backward did not reach x.\n"
        "  the last backward was `loss.backward()` at t.tsh:5:1; its graph reaches w\n"
        "  the path from x to that backward was cut:\n"
        "    detach() at t.tsh:3:1 `y = x.detach()` made y: x's values without its history\n"
        "  use x itself (not a detached copy, no torch.no_grad(), no integer op) where the loss should depend on x\n")


def test_a_detach_that_did_not_feed_the_loss_is_not_blamed(run):
    out = run("x = tensor([1., 2.], grad)\nw = tensor([3., 4.], grad)\ny = x.detach()\nprint(y)\n"
              "loss = (w * 2).sum()\nloss.backward()\nwhy(x.grad)")
    assert "detach" not in out.split("why(x.grad)")[1]
    assert "none of the statements that built that graph uses x: the loss does not depend on x" in out


def test_grad_cut_inside_a_loop_by_no_grad_and_by_data(run):
    out = run("import torch\nx = tensor([1., 2.], grad)\nw = tensor([3., 4.], grad)\nfor i in range(2):\n"
              "    with torch.no_grad():\n        h = x * 2\n    loss = (h * w).sum()\n    loss.backward()\n"
              "why(x.grad)\nloss = (x.data * w).sum()\nloss.backward()\nwhy(x.grad)")
    first, second = out.split("why(x.grad):")[1:]
    assert "h was computed at t.tsh:6:9 `h = x * 2` inside `with torch.no_grad()` at t.tsh:5:5" in first
    assert "the last backward was `loss.backward()` at t.tsh:8:5" in first
    assert ".data at t.tsh:10:1 `loss = (x.data * w).sum()`" in second and "no_grad" not in second.split("cut:")[1] \
        .split("use x")[0]


def test_grad_set_to_none_and_never_requires_grad(run):
    out = run("x = tensor([1., 2.], grad)\n(x * 2).sum().backward()\nx.grad = None\nwhy(x.grad)\n"
              "p = ones(2)\nwhy(p.grad)\nq = ones(2, requires_grad=True)\nq.requires_grad_(False)\nwhy(q.grad)\n"
              "i = tensor([1, 2])\nwhy(i.requires_grad)")
    assert "why(x.grad): x.grad is None because it was set to None at t.tsh:3:1 `x.grad = None`.\n" in out
    assert "backward `(x * 2).sum().backward()` at t.tsh:2:1 had filled it before" in out
    assert "p was created at t.tsh:5:1 `p = ones(2)` without requires_grad=True" in out
    assert "q.requires_grad_(False) turned it off at t.tsh:8:1 `q.requires_grad_(False)`" in out
    assert "i has dtype torch.int64: only floating-point tensors can require grad" in out


def test_detach_inplace_is_the_reason(run):
    out = run("x = tensor([1., 2.], grad)\nc = x * 3\nc.detach_()\nwhy(c.requires_grad)")
    assert out == ("why(c.requires_grad): c.requires_grad is False.\n"
                   "  c.detach_() at t.tsh:3:1 `c.detach_()` cut c from its history (MulBackward0)\n")


def test_backward_broken_by_an_inplace_op_in_a_loop(run):
    out = run("w = tensor([1., 2.], grad)\nh = w * 1\nfor i in range(3):\n    h = h.exp()\n    h.add_(1)\n"
              "loss = h.sum()\nwhy(loss.backward())\nprint(w.grad, h._version)")
    assert out.startswith("why(loss.backward()): loss.backward() would fail (nothing was changed: it was tried "
                          "and taken back).\n  RuntimeError: one of the variables needed for gradient computation "
                          "has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of "
                          "Exp, is at version 1; expected version 0 instead.")
    assert ("  ExpBackward0 (made at t.tsh:4:5 `h = h.exp()`) saved h at version 0; it was modified in place at "
            "t.tsh:5:5 `h.add_(1)` through h (now version 1); so did 2 more nodes made by the same statements "
            "(a loop)\n") in out
    assert out.endswith("None 1\n")


def test_backward_through_a_freed_graph_and_a_non_scalar(run):
    out = run("e = ones(2, requires_grad=True)\nz = (e * 2).sum()\nz.backward()\nwhy(z.backward())\n"
              "v = e * 3\nwhy(backward(v))\nwhy(backward(v.sum(), retain))")
    assert ("  MulBackward0 (made at t.tsh:2:1 `z = (e * 2).sum()`) has freed its saved tensors: backward "
            "`z.backward()` at t.tsh:3:1 ran through this graph without retain_graph=True\n") in out
    assert "  RuntimeError: grad can be implicitly created only for scalar outputs\n" in out
    assert "  v has shape (2,): backward() needs a gradient of that shape" in out
    assert ("why(backward(v.sum(), retain)): backward(v.sum(), retain) would succeed (it was tried and taken back: "
            "nothing changed).\n  it would accumulate into the .grad of e\n") in out
    assert "frees the graph" not in out.split("retain))")[-1]


def test_value_changed_through_aliases_latest_first(run):
    out = run("x = tensor([1., 2.], grad)\ny = x.detach()\nd = x.data\ny.add_(1)\nd.mul_(2)\nwhy(x)")
    assert out == (
        "why(x): x is [4., 6.], (2,) float32.\n"
        "  a leaf that requires grad, made at t.tsh:1:1 `x = tensor([1., 2.], grad)`\n"
        "  shares its storage with y, d; version counter shared with y; d counts its versions separately (.data)\n"
        "  version 1\n"
        "  its storage was written (latest first):\n"
        "    t.tsh:5:1 `d.mul_(2)` through d (version 0 -> 1)\n"
        "    t.tsh:4:1 `y.add_(1)` through y (version 0 -> 1)\n")


def test_a_failed_statement_leaves_no_fact_behind(run):
    session = Session(write=(lines := []).append, write_err=lines.append, renderer=default_renderer())
    session.run("x = tensor([1., 2.])\ny = x.detach()", "t.tsh")
    assert session.run("y.add_(1).foo()", "t.tsh") is not None   # the statement fails: add_ is taken back
    session.run("why(x)\nhistory(x)", "t.tsh")
    text = "".join(lines)
    assert "write" not in text and "never written in place" in text


def _state(session):
    """Everything asking must not change: values, versions, grads, graphs' saved tensors, the generator."""
    from tensorsh.engine import random as rng
    out = []
    for k, v in session.variables.items():
        if hasattr(v, "_storage"):
            fn = v._grad_fn
            saved = [(s.freed, s.version) for s in fn.saved] if fn is not None else None
            out.append((k, v._np.tobytes(), v._version, None if v._grad is None else v._grad._np.tobytes(), saved))
    out.append(repr(rng.default_generator._snapshot()))
    return out


@pytest.mark.parametrize("question", ["why(loss.backward())", "why(backward(loss, retain))", "why(x.add_(1))",
                                      "why(randn(2))", "why(x.grad)", "why(loss)", "why(y.sum().backward())"])
def test_asking_changes_nothing(question):
    session = Session(write=(out := []).append, renderer=default_renderer())
    assert session.run("x = tensor([1., 2.], grad)\ny = x.exp()\nloss = (y * 2).sum()\nmanual_seed(0)", "t.tsh") is None
    before = _state(session)
    assert session.run(question, "t.tsh") is None
    assert _state(session) == before
    assert session.run("loss.backward()\nprint(x.grad)", "t.tsh") is None
    assert out[-1] == "tensor([ 5.4366, 14.7781])\n"


def test_rich_colour_on_a_terminal():
    session = Session(write=(out := []).append, renderer=default_renderer(), options={"plain": False})
    session.run("x = tensor([1., 2.], grad)\ny = x * 2\nwhy(y.grad)", "t.tsh")
    text = "".join(out)
    assert "\x1b[" in text and "y = x * 2" in text


def test_errors_of_the_question_itself():
    session = Session(write=(out := []).append, renderer=default_renderer())
    err = session.run("why()", "t.tsh")
    assert err.kind == "TypeError" and "why() takes at least 1 argument" in err.message
    session.run("why(nothere.grad)\nwhy(3)", "t.tsh")
    assert "".join(out) == ("why(nothere.grad): nothere.grad raises NameError: name 'nothere' is not defined\n"
                            "why(3): 3 is 3, not a tensor: why() explains tensors, their .grad, .requires_grad and "
                            "backward calls.\n") or "NameError" in "".join(out)


@pytest.mark.parametrize("topic", ["why", "history", "compare"])
def test_help_has_an_example_that_is_real_output(topic):
    """:help why/history/compare show an example; its answer is what tensorsh prints for it (in a shell)."""
    from tensorsh.app.shell import Shell
    from tensorsh.render.help import help_text
    text = help_text(topic)
    example = text.split("Example:\n")[1].splitlines()
    code = [line[2:] for line in example if line.startswith("  ") and not line.startswith("    ")
            and not line.startswith(f"  {topic}(") or line.startswith(f"  {topic}(") and line.endswith(")")]
    out = []
    shell = Shell(write=out.append, write_err=out.append, plain=True)
    for line in code:
        shell.handle(line)
    printed = "".join(out).splitlines()
    shown = [line[2:] for line in example[len(code):]]
    for line in shown:
        if line != "...":
            assert line in printed, line

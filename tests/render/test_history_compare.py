"""history(t) and compare(a, b, ...): exact plain text; the facts they state are PyTorch's (checked against torch)."""
import pytest


def test_history_of_a_storage(run):
    out = run("x = tensor([1., 2., 3.], grad)\ny = x.detach()\nv = y[1:]\nv.mul_(2)\nd = x.data\nd.add_(1)\n"
              "z = (x * 2).sum()\nz.backward()\nx.grad = None\nhistory(y)")
    assert out == (
        "history(y): storage S1 (3 x float32), used by x, y, v, d; version 1\n"
        "  t.tsh:1:1    created   `x = tensor([1., 2., 3.], grad)`\n"
        "  t.tsh:2:1    alias     `y = x.detach()` detach() -> y: shares storage and version counter, no history\n"
        "  t.tsh:3:1    view      `v = y[1:]` view (SliceBackward0) -> v: shares storage and version counter\n"
        "  t.tsh:4:1    write     `v.mul_(2)` through v, version 0 -> 1\n"
        "  t.tsh:5:1    alias     `d = x.data` .data -> d: shares storage, own version counter, no history\n"
        "  t.tsh:6:1    write     `d.add_(1)` through d, version 0 -> 1\n"
        "  t.tsh:8:1    grad      `z.backward()`: backward accumulated into x.grad\n"
        "  t.tsh:9:1    grad      `x.grad = None`: x.grad set to None\n")


def test_a_long_history_is_summarised_and_a_loop_counts_once_per_write(run):
    out = run("x = zeros(2)\nfor i in range(200):\n    v = x[0:1]\n    x.add_(1)\nhistory(x)")
    lines = out.splitlines()
    assert lines[0] == "history(x): storage S1 (2 x float32), used by x, v; version 200"
    assert lines[1] == "  t.tsh:1:1    created   `x = zeros(2)`"
    assert lines[2] == "  t.tsh:3:5    view      `v = x[0:1]` view (SliceBackward0): shares storage and version counter"
    assert "  ... 182 more events ..." in lines   # 1 creation + 1 view (once per statement) + 200 writes, 20 shown
    assert lines[-1] == "  t.tsh:4:5    write     `x.add_(1)` through x, version 199 -> 200"
    assert len(lines) < 30


def test_history_of_the_session(run):
    out = run("a = ones(2)\nb = zeros(3)\nb.add_(1)\nc = a.view(2, 1)\nhistory()")
    assert out == (
        "history(): 2 storages of the session's tensors, oldest event first\n"
        "  S1 t.tsh:1:1    created   `a = ones(2)`\n"
        "  S2 t.tsh:2:1    created   `b = zeros(3)`\n"
        "  S2 t.tsh:3:1    write     `b.add_(1)` through b, version 0 -> 1\n"
        "  S1 t.tsh:4:1    view      `c = a.view(2, 1)` view (ViewBackward0) -> c: shares storage and version counter\n")


def test_compare_the_four_copies(run):
    out = run("import copy\nx = tensor([1., 2.], grad)\ny = x * 2\n"
              "compare(x.detach(), x.clone(), copy.deepcopy(x), x.data)")
    assert out == """\
                       x.detach()         x.clone()       copy.deepcopy(x)  x.data
─────────────────────────────────────────────────────────────────────────────────────────
value                  [1., 2.]           [1., 2.]        [1., 2.]          [1., 2.]
shape/dtype            (2,) float32       (2,) float32    (2,) float32      (2,) float32
storage *              S1                 S3              S4                S1
shares storage with *  x.data, x          -               -                 x.detach(), x
version counter *      C1 at v0 (with x)  C2 at v0        C3 at v1          C4 at v0
data_ptr *             S1+0B              S3+0B           S4+0B             S1+0B
offset/stride          0 / (1,)           0 / (1,)        0 / (1,)          0 / (1,)
requires_grad *        False              True            True              False
is_leaf *              True               False           True              True
grad_fn *              None               CloneBackward0  None              None
_base                  None               None            None              None
grad                   None               None            None              None
in the graph of        -                  -               -                 -
* differs between the arguments
"""


def test_compare_views_and_graphs(run):
    out = run("x = tensor([[1., 2.], [3., 4.]], grad)\nr = x[1]\nt = x.t()\nl = (r * 2).sum()\ncompare(x, r, t)")
    rows = {line.split("  ")[0].rstrip(" *"): line for line in out.splitlines()}
    assert rows["data_ptr"].split()[-3:] == ["S1+0B", "S1+8B", "S1+0B"]
    assert rows["_base"].split()[-3:] == ["None", "x", "x"]
    assert rows["in the graph of"].split()[-3:] == ["l", "l", "-"]
    assert rows["grad_fn"].split()[-3:] == ["None", "SelectBackward0", "TBackward0"]


def test_compare_needs_tensors(run):
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer
    s = Session(write=lambda t: None, renderer=default_renderer())
    assert s.run("compare(tensor([1.]))", "t.tsh").message == "compare() takes at least 2 tensors (1 given)"
    assert s.run("history(3)", "t.tsh").message == "history() takes tensors, and 3 is a 'int'"


def test_the_facts_are_pytorchs():
    """What compare and why state about sharing, versions, leaves and grads, computed by PyTorch itself."""
    torch = pytest.importorskip("torch")
    import copy
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer
    x = torch.tensor([1., 2.], requires_grad=True)
    args = [x.detach(), x.clone(), copy.deepcopy(x), x.data]
    same_ptr = [a.data_ptr() == x.data_ptr() for a in args]
    facts = [(a.requires_grad, a.is_leaf, a._version) for a in args]
    out = []
    s = Session(write=out.append, renderer=default_renderer())
    s.run("import copy\nx = tensor([1., 2.], grad)\ncompare(x.detach(), x.clone(), copy.deepcopy(x), x.data)", "t.tsh")
    rows = {line.split("  ")[0].rstrip(" *"): line.split()[-4:] for line in "".join(out).splitlines()}
    assert [p == "S1+0B" for p in rows["data_ptr"]] == same_ptr
    assert [(rg == "True", lf == "True") for rg, lf in zip(rows["requires_grad"], rows["is_leaf"])] == \
        [f[:2] for f in facts]
    versions = "".join(out).split("version counter")[1].splitlines()[0]
    assert [int(v) for v in __import__("re").findall(r"at v(\d+)", versions)] == [f[2] for f in facts]
    # the grad-None scenarios: PyTorch leaves these None, and why() says None with the cause
    w = torch.tensor([3., 4.], requires_grad=True)
    y = x.detach()
    (y * w).sum().backward()
    assert x.grad is None and w.grad is not None
    out.clear()
    s.run("w = tensor([3., 4.], grad)\ny = x.detach()\n(y * w).sum().backward()\nwhy(x.grad)\nwhy(w.grad)", "t.tsh")
    text = "".join(out)
    assert "x.grad is None because the last backward did not reach x" in text and "detach() at t.tsh:2:1" in text
    assert "w.grad holds [1., 2.]" in text

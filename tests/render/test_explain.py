"""Explain mode: after each statement, plain words about storages, versions, graph nodes and grads."""


def test_tutorial_account(run):
    out = run("x = tensor([1., 2., 3.], grad)\ny = x.detach()\nd = x.data\nb = (x * x).exp()\nc = b.sum()\n"
              "b.mul_(2)\nn = 3\nbackward((x * 2).sum())\nbackward((x * 2).sum())\nx.grad = None\ndel d",
              explain=True)
    assert out == """\
  # x: new storage S1 (3 × float32, 12 bytes); a leaf that requires grad (backward fills x.grad)
  # y: shares storage S1 with x and its version counter (no copy)
  # d: shares storage S1 with x but has its own version counter (no copy)
  # b: new storage S2 (3 × float32, 12 bytes); made by ExpBackward0, not a leaf
  # graph: new nodes ExpBackward0 (saves b (v0)); MulBackward0 (saves x (v0), x (v0))
  # c: new storage S3 (1 × float32, 4 bytes); made by SumBackward0, not a leaf
  # graph: new node SumBackward0 (saves nothing)
  # graph: new node MulBackward0 (saves 2)
  # in place: version counter of b went v0 → v1
  # warning: ExpBackward0 saved b at v0; it is now v1 — backward through it will fail
  # b: grad_fn is now MulBackward0 (the in-place op joined its history)
  # x.grad written: [2., 2., 2.]
  # x.grad accumulated: now [4., 4., 4.]
  # x.grad cleared (None)
  # d: deleted
"""


def test_version_bump_through_a_view_names_every_sharer(run):
    out = run("a = ones(4)\nv = a[1:3]\nv.add_(1)", explain=True)
    assert out.splitlines()[-1] == "  # in place: version counter of a, v went v0 → v1"


def test_freed_graph(run):
    out = run("x = tensor([1., 2.], grad)\ny = (x * x).sum()\nbackward(y)", explain=True)
    assert "  # backward freed the saved tensors of MulBackward0 (another backward through them needs " \
           "retain_graph=True)\n" in out


def test_failed_statement_says_nothing_and_changes_nothing(run):
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer, explain
    out = []
    s = Session(write=out.append, write_err=out.append, renderer=default_renderer())
    explain.attach(s)
    assert s.run("x = tensor([1.], grad)") is None
    out.clear()
    assert s.run("x.add_(1)") is not None
    assert out == []
    assert s.run("y = x * 1") is None
    assert out == ["  # y: new storage S2 (1 × float32, 4 bytes); made by MulBackward0, not a leaf\n"
                   "  # graph: new node MulBackward0 (saves 1)\n"]


def test_explain_narrates_mark_dirty():
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer, explain as ex

    out = []
    session = Session(write=out.append, write_err=out.append, renderer=default_renderer(),
                      options={"plain": True, "width": 80})
    assert session.run("import torch\nclass Double(torch.autograd.Function):\n    @staticmethod\n"
                       "    def forward(ctx, x):\n        x.mul_(2)\n        ctx.mark_dirty(x)\n        return x\n"
                       "    @staticmethod\n    def backward(ctx, g):\n        return g * 2\n", "t.tsh") is None
    session.run("x = tensor([1., 2.], grad)\na = x * 1\n", "t.tsh")
    ex.attach(session)
    assert session.run("b = Double.apply(a)\n", "t.tsh") is None
    text = "".join(out)
    assert ("a: modified in place by the custom Function Double, which said so with ctx.mark_dirty: its version "
            "went up and its grad_fn is now DoubleBackward, so backward goes through the Function's backward") in text
    assert "in place: version counter of a went v0 \u2192 v2" in text

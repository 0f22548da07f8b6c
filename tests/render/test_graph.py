"""graph(y): the backward tree in plain text — PyTorch's node names, leaves, saved versions, stale and freed marks."""


def test_shared_subgraph_and_stale_saved_tensor(run):
    out = run("x = tensor([1., 2., 3.], grad)\nw = tensor([2., 2., 2.], grad)\na = x * w\nb = a.exp()\n"
              "c = (b + a).sum()\ngraph(c)\nb.mul_(2)\ngraph(c)")
    cut = out.index("c = ", 1)
    first, second = out[:cut], out[cut:]
    assert first == """\
c = 477.4160
└── SumBackward0
    └── AddBackward0
        ├── ExpBackward0
        │   ├── saved b (v0)
        │   └── MulBackward0 [1]
        │       ├── saved w (v0)
        │       ├── saved x (v0)
        │       ├── AccumulateGrad → x (3,) float32
        │       └── AccumulateGrad → w (3,) float32
        └── MulBackward0 [1] (shown above)
"""
    assert "        │   ├── saved b: STALE — saved at v0, now v1 — backward will fail\n" in second


def test_seed_graph_names(run):
    out = run("x = tensor([1., 2.], grad)\ny = (x * 2).exp().sum()\ngraph(y)")
    assert out == """\
y = 61.9872
└── SumBackward0
    └── ExpBackward0
        ├── saved result (v0)
        └── MulBackward0
            ├── saved 2
            └── AccumulateGrad → x (2,) float32
"""


def test_freed_after_backward(run):
    out = run("x = tensor([1., 2.], grad)\ny = (x * x).sum()\nbackward(y)\ngraph(y)")
    assert out == """\
y = 5.
└── SumBackward0
    └── MulBackward0
        ├── saved x (v0): freed by backward (retain_graph=True keeps it)
        ├── saved x (v0): freed by backward (retain_graph=True keeps it)
        ├── AccumulateGrad → x (2,) float32 [1]
        └── AccumulateGrad [1] (shown above)
"""


def test_freed_scalar_operand_and_no_line_for_what_was_not_saved(run):
    out = run("x = tensor([1., 2.], grad)\ny = (x * 2).sum()\nbackward(y)\ngraph(y)")
    assert out == """\
y = 6.
└── SumBackward0
    └── MulBackward0
        ├── saved value: freed by backward (retain_graph=True keeps it)
        └── AccumulateGrad → x (2,) float32
"""


def test_leaf_and_constant(run):
    assert run("x = tensor([1., 2.], grad)\ngraph(x)") == (
        "x = [1., 2.]\n└── x is a leaf (AccumulateGrad collects its .grad); it has no graph behind it\n")
    assert run("graph(ones(2))") == "[1., 1.]\n└── this tensor has no graph: requires_grad=False\n"


def test_copyslices_names_the_inplace_op(run):
    out = run("a = tensor([1., 2.], grad)\nb = a * 1\nb[0] = 5.\ngraph(b)")
    assert out.splitlines()[1] == "└── CopySlices (in-place CopyBackwards on a view)"  # (copy_to: sizes equal)
    assert "AccumulateGrad → a (2,) float32" in out


def test_pytorch_spelling_make_dot(run):
    out = run("import torch\nfrom torchviz import make_dot\nx = torch.ones(2, requires_grad=True)\n"
              "make_dot((x * x).sum())")
    assert out.startswith("2.\n└── SumBackward0\n    └── MulBackward0\n")


def test_a_custom_function_node_with_its_saved_input_stale():
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer

    out = []
    session = Session(write=out.append, write_err=out.append, renderer=default_renderer(),
                      options={"plain": True, "width": 80})
    assert session.run("import torch\nclass Square(torch.autograd.Function):\n    @staticmethod\n"
                       "    def forward(ctx, x):\n        ctx.save_for_backward(x)\n        return x * x\n"
                       "    @staticmethod\n    def backward(ctx, g):\n        x, = ctx.saved_tensors\n"
                       "        return 2 * x * g\n", "t.tsh") is None
    assert session.run("x = tensor([1., 2.], grad)\nb = x * 1\ny = Square.apply(b)\nb.add_(1)\ngraph(y)\n",
                       "t.tsh") is None
    assert "".join(out) == """\
y = [1., 4.]
└── SquareBackward
    ├── saved b: STALE — saved at v0, now v1 — backward will fail
    └── MulBackward0
        ├── saved 1
        └── AccumulateGrad → x (2,) float32
"""

"""show(): plain text at width 80, exactly — storages grouped, offsets, strides, versions, element maps."""


def test_views_share_storage_and_version_counter(run):
    out = run("x = tensor([1., 2., 3., 4.], grad)\ny = x.detach()\nv = y[1:3]\nv.mul_(2)\n"
              "m = arange(6.).view(2, 3)\nc = m.t()\nshow()")
    assert out == """\
name  value                           grad
──────────────────────────────────────────
x     [1., 4., 6., 4.]                None
y     [1., 4., 6., 4.]                None
v     [4., 6.]                        None
m     [[0., 1., 2.], [3., 4., 5.]]    None
c     [[0., 3.], [1., 4.], [2., 5.]]  None

name  shape   dtype    storage  offset  stride  ver  autograd
────────────────────────────────────────────────────────────────────────
x     (4,)    float32  S1       0       (1,)    1    leaf, requires_grad
y     (4,)    float32  S1       0       (1,)    1    leaf
v     (2,)    float32  S1       1       (1,)    1    leaf

m     (2, 3)  float32  S2       0       (3, 1)  0    leaf
c     (3, 2)  float32  S2       0       (1, 3)  0    leaf

S1  4 × float32 = 16 bytes, shared by x, y, v
    one version counter, at v1
    x  [████]  elements 0..3
    y  [████]  elements 0..3
    v  [·██·]  elements 1..2
S2  6 × float32 = 24 bytes, shared by m, c
    one version counter, at v0
    m  [██████]  elements 0..5
    c  [██████]  elements 0..5
"""


def test_data_has_its_own_version_counter_and_strided_column(run):
    out = run("x = tensor([1., 2.])\nd = x.data\nd.add_(1)\nm = zeros(2, 3)\ncol = m[:, 1]\nshow(x, d, col)")
    assert "S1  2 × float32 = 8 bytes, shared by x, d\n    one version counter, at v1\n" not in out
    assert "S1  2 × float32 = 8 bytes, shared by x, d\n    separate version counters: x at v0; d at v1\n" in out
    assert "    col  [·█··█·]  elements 1..4 (strided)\n" in out
    assert "col   (2,)   float32  S2       1       (3,)    0    leaf" in out


def test_expressions_grads_and_non_leaves(run):
    out = run("x = tensor([1., 2.], grad)\nbackward((x * x).sum())\nshow(x, x * 2)")
    assert out.splitlines()[:4] == [
        "name   value     grad",
        "─────────────────────────",
        "x      [1., 2.]  [2., 4.]",
        "x * 2  [2., 4.]  None",
    ]
    assert "x * 2  (2,)   float32  S2       0       (1,)    0    MulBackward0" in out


def test_storage_labels_follow_creation_and_are_stable_across_calls(run):
    """Numbered by creation (a before b, though b is shown first), and a label once given stays."""
    out = run("a = ones(2)\nb = ones(3)\nshow(b)\nshow(a, b)\nc = ones(4)\nshow(c, a)")
    first, second, third = out.split("name  value")[1:4]
    assert "S2  3 × float32 = 12 bytes, used by b" in first and "S1" not in first
    assert "S1  2 × float32 = 8 bytes, used by a" in second and "S2  3 × float32 = 12 bytes, used by b" in second
    assert "S3  4 × float32 = 16 bytes, used by c" in third and "S1  2 × float32 = 8 bytes, used by a" in third


def test_long_values_are_cut_and_large_storages_have_no_map(run):
    out = run("big = arange(2000.)\nshow()")
    assert "big   [0.0000e+00, 1.0000e+00, 2.0000e+00, ..., 1\u2026  None\n" in out   # PyTorch's summary, cut
    assert "S1  2000 × float32 = 8000 bytes, used by big\n    big  elements 0..1999\n" in out


def test_nothing_to_show(run):
    assert run("n = 3\nshow()") == "(no tensors to show)\n"


def test_colour_mode_uses_boxes():
    from tensorsh.lang.session import Session
    from tensorsh.render import Renderer
    out = []
    s = Session(write=out.append, renderer=Renderer(plain=False), options={"width": 100})
    assert s.run("x = ones(2)\nshow()") is None
    text = "".join(out)
    assert "\x1b[" in text and "╭" in text


def test_an_inference_tensor_shows_it_has_no_version_counter(run):
    out = run("with torch.no_grad():\n    a = torch.ones(2)\nwith torch.inference_mode():\n    b = torch.ones(2)\n"
              "show(a, b)")
    assert "a     (2,)   float32  S1       0       (1,)    0                 leaf\n" in out
    assert "b     (2,)   float32  S2       0       (1,)    none (inference)  leaf\n" in out

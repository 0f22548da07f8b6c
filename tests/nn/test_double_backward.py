"""GELU's and the convolutions' gradients under create_graph=True are PyTorch's GeluBackwardBackward0 and
ConvolutionBackwardBackward0, compared with torch: node names and edges exactly, values exactly where the engine's
float32 kernels are PyTorch's last bits, else within their last-bit differences."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import run_in_engine, run_in_torch, same_as_torch  # noqa: E402

DOUBLE = {
"gelu_double_backward": """
x = torch.randn(6, requires_grad=True)
for approx in ('none', 'tanh'):
    y = F.gelu(x, approximate=approx)
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    print(g.grad_fn, g.grad_fn.next_functions)
    print(g)
    h, = torch.autograd.grad(g.sum(), x)
    print(h)
""",
"gelu_grad_output_and_triple": """
x = torch.randn(3, 4, requires_grad=True)
v = torch.randn(3, 4, requires_grad=True)
for approx in ('none', 'tanh'):
    m = nn.GELU(approximate=approx)
    y = m(x)
    g, = torch.autograd.grad(y, x, v, create_graph=True)
    print(g.grad_fn.name(), [None if n is None else n.name() for n, _ in g.grad_fn.next_functions])
    gx, gv = torch.autograd.grad(g.pow(2).sum(), (x, v), create_graph=True)
    print(gx.grad_fn.name(), gv.grad_fn.name())
    print(gx, gv)
    t, = torch.autograd.grad(gx.sum(), x)
    print(t)
""",
}

CONV = {
"conv_double_backward": """
x = torch.randn(2, 2, 5, 5, requires_grad=True)
w = torch.randn(3, 2, 3, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.conv2d(x, w, b, padding=1)
gx, gw, gb = torch.autograd.grad(y.pow(2).sum(), (x, w, b), create_graph=True)
print(gx.grad_fn.name(), [None if n is None else n.name() for n, _ in gx.grad_fn.next_functions], gw.grad_fn is gx.grad_fn, gb.grad_fn is gx.grad_fn)
print(gx[0, 0], gw[0, 0], gb)
hx, hw, hb = torch.autograd.grad((gx ** 2).sum() + (gw ** 2).sum() + (gb ** 2).sum(), (x, w, b))
print(hx[1, 1], hw[2, 1], hb)
y = F.conv2d(x.detach(), w, stride=2, dilation=1, groups=1)
gw2, = torch.autograd.grad(y.pow(2).sum(), w, create_graph=True)
print(gw2.grad_fn.name(), [None if n is None else n.name() for n, _ in gw2.grad_fn.next_functions])
h, = torch.autograd.grad(gw2.pow(2).sum(), w)
print(h[0, 0])
""",
"conv1d_groups_double_backward": """
x = torch.randn(2, 4, 7, requires_grad=True)
w = torch.randn(6, 2, 3, requires_grad=True)
y = F.conv1d(x, w, padding=2, dilation=2, groups=2)
gx, gw = torch.autograd.grad(y.tanh().sum(), (x, w), create_graph=True)
print(gx.grad_fn.name(), gw.shape, gx.shape)
hx, hw = torch.autograd.grad(gx.sum() + gw.pow(2).sum(), (x, w))
print(hx[0], hw[1])
""",
"conv3d_and_transposed_double_backward": """
for f, wshape in ((F.conv3d, (3, 2, 2, 2, 2)), (F.conv_transpose3d, (2, 3, 2, 2, 2)), (F.conv_transpose1d, (2, 3, 2))):
    nd = len(wshape) - 2
    x = torch.randn(*([1, 2] + [3] * nd), requires_grad=True)
    w = torch.randn(*wshape, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    gx, gw, gb = torch.autograd.grad(f(x, w, b, stride=2, padding=1).pow(2).sum(), (x, w, b), create_graph=True)
    print(gx.grad_fn.name(), [None if n is None else n.name() for n, _ in gx.grad_fn.next_functions], gb.grad_fn is gx.grad_fn)
    hx, hw, hb = torch.autograd.grad((gx ** 2).sum() + (gw ** 2).sum() + gb.sum(), (x, w, b))
    print(hx.sum(), hw.sum(), hb)
""",
}


def test_gelu_double_backward_matches_torch():
    same_as_torch(DOUBLE["gelu_double_backward"])


def _close_to_torch(src, rel):
    """Same text with every number masked, and each number within rel of torch's (last-bit differences)."""
    pytest.importorskip("torch")
    engine, torch = run_in_engine(src), run_in_torch(src)
    number = re.compile(r"-?\d+\.\d+(?:e[-+]\d+)?")
    assert number.sub("N", engine[0]) == number.sub("N", torch[0]) and engine[1] == torch[1]
    for a, b in zip(number.findall(engine[0]), number.findall(torch[0])):
        assert abs(float(a) - float(b)) <= rel * abs(float(b)) + 1e-6


def test_gelu_triple_backward_and_grad_outputs_match_torch():
    _close_to_torch(DOUBLE["gelu_grad_output_and_triple"], 1e-3)


@pytest.mark.parametrize("name", sorted(CONV))
def test_convolution_double_backward_matches_torch(name):
    """ConvolutionBackwardBackward0 (its three outputs, its edges); values summed in another order than PyTorch's."""
    _close_to_torch(CONV[name], 1e-5)

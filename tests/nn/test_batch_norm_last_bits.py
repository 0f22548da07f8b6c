"""batch_norm's float32 and float64 values, gradients and running statistics and elu's (celu's, selu's) gradients
to the last bit, one differential program each, run in torch and in the engine (exact float reprs): ATen's kernels'
summation orders and fused multiply-adds as measured on this AVX-512 CPU with PyTorch's 2 threads (batch_norm),
SLEEF's exp on the vector chunks (elu)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402
from tensorsh.engine import kernels  # noqa: E402

MEASURED_CPU = {"batch_norm_2d_training_gradients", "batch_norm_eval_gradients", "batch_norm_3d_and_1x1_inputs",
                "batch_norm_each_gradient_alone", "batch_norm_float64",
                "batch_norm_channels_last_and_expanded_gradients"}  # (the channels-last kernel's per-thread rows)
NEEDS_COMPILED = {"elu_celu_selu_gradients_of_large_tensors"}  # (SLEEF's expf, in the compiled loops)

PROGRAMS = {
"batch_norm_2d_training_gradients": """
for i, (n, c, h, w, affine, track) in enumerate([(4, 8, 6, 6, True, True), (2, 3, 5, 5, True, False),
        (8, 40, 12, 12, True, True), (1, 5, 1, 3, False, True), (3, 7, 4, 4, True, True), (5, 2, 3, 1, False, False),
        (2, 16, 7, 9, True, True), (1, 1, 12, 12, True, True), (6, 33, 11, 10, False, True), (8, 1, 2, 3, True, True),
        (7, 12, 1, 1, True, True), (3, 20, 1, 1, False, True)]):
    torch.manual_seed(i)
    m = nn.BatchNorm2d(c, affine=affine, track_running_stats=track)
    if affine:
        with torch.no_grad():
            m.weight.normal_()
            m.bias.normal_()
    x = (torch.randn(n, c, h, w) * 2 + 0.5).requires_grad_()
    y = m(x)
    y.backward(torch.randn(y.shape))
    print(y.flatten().tolist()[-6:], x.grad.flatten().tolist())
    if affine:
        print(m.weight.grad.tolist(), m.bias.grad.tolist())
    if track:
        print(m.running_mean.tolist(), m.running_var.tolist())
""",
"batch_norm_eval_gradients": """
for i, (n, c, h, w, affine) in enumerate([(4, 8, 6, 6, True), (2, 3, 5, 5, False), (8, 40, 12, 12, True),
                                          (3, 7, 4, 4, True), (7, 4, 1, 1, True), (2, 16, 7, 9, True)]):
    torch.manual_seed(10 + i)
    m = nn.BatchNorm2d(c, affine=affine)
    with torch.no_grad():
        m.running_mean.normal_()
        m.running_var.uniform_(0.5, 2)
        if affine:
            m.weight.normal_()
            m.bias.normal_()
    m.eval()
    x = torch.randn(n, c, h, w, requires_grad=True)
    y = m(x)
    y.backward(torch.randn(y.shape))
    print(y.flatten().tolist()[:6], x.grad.flatten().tolist())
    if affine:
        print(m.weight.grad.tolist(), m.bias.grad.tolist())
""",
"batch_norm_3d_and_1x1_inputs": """
for i, shape in enumerate([(2, 6, 9), (3, 5, 17), (4, 3, 40), (7, 4, 1, 1), (16, 9, 1, 1), (5, 24, 1, 1)]):
    torch.manual_seed(20 + i)
    c = shape[1]
    x = torch.randn(*shape, requires_grad=True)
    w = torch.randn(c, requires_grad=True)
    b = torch.randn(c, requires_grad=True)
    for training in (True, False):
        rm, rv = torch.randn(c), torch.rand(c) + 0.5
        y = F.batch_norm(x, rm, rv, w, b, training)
        y.backward(torch.randn(y.shape))
        print(x.grad.flatten().tolist(), w.grad.tolist(), b.grad.tolist(), rm.tolist())
        x.grad = w.grad = b.grad = None
""",
"batch_norm_each_gradient_alone": """
torch.manual_seed(30)
x = torch.randn(3, 5, 7, 6)
w = torch.randn(5)
b = torch.randn(5)
g = torch.randn(3, 5, 7, 6)
for needs in [(True, False, False), (False, True, False), (False, False, True), (False, True, True)]:
    xs, ws, bs = (t.clone().requires_grad_(n) for t, n in zip((x, w, b), needs))
    F.batch_norm(xs, None, None, ws, bs, True).backward(g)
    print([t.grad.flatten().tolist() if t.grad is not None else None for t in (xs, ws, bs)])
""",
"batch_norm_float64": """
for i, shape in enumerate([(4, 8, 6, 6), (2, 3, 5, 5), (1, 5, 1, 3), (16, 32), (64, 9), (7, 4, 1, 1), (3, 5, 17),
                           (6, 33, 11, 10)]):
    torch.manual_seed(50 + i)
    c = shape[1]
    x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
    w = torch.randn(c, dtype=torch.float64, requires_grad=True)
    b = torch.randn(c, dtype=torch.float64, requires_grad=True)
    for training in (True, False):
        rm, rv = torch.randn(c, dtype=torch.float64), torch.rand(c, dtype=torch.float64) + 0.5
        y = F.batch_norm(x, rm, rv, w, b, training, 0.3)
        y.backward(torch.randn(y.shape, dtype=torch.float64))
        print(y.flatten().tolist()[:20], x.grad.flatten().tolist()[-30:], w.grad.tolist(), b.grad.tolist())
        print(rm.tolist(), rv.tolist())
        x.grad = w.grad = b.grad = None
""",
"batch_norm_channels_last_and_expanded_gradients": """
cl = torch.channels_last
for i, (shape, dtype) in enumerate([((4, 8, 6, 6), torch.float32), ((2, 3, 5, 5), torch.float32),
                                    ((8, 40, 12, 12), torch.float32), ((1, 9, 2, 5), torch.float32),
                                    ((2, 16, 7, 9), torch.float64), ((3, 20, 2, 2), torch.float64)]):
    torch.manual_seed(60 + i)
    c = shape[1]
    x = torch.randn(*shape, dtype=dtype)
    g = torch.randn(*shape, dtype=dtype)
    for layout in range(4):
        xs = (x.contiguous(memory_format=cl) if layout in (1, 2) else x.clone()).requires_grad_()
        w = torch.randn(c, dtype=dtype, requires_grad=True)
        rm, rv = torch.zeros(c, dtype=dtype), torch.ones(c, dtype=dtype)
        y = F.batch_norm(xs, rm, rv, w, None, layout != 3)
        if layout == 0:
            y.sum().backward()
        else:
            y.backward(g.contiguous(memory_format=cl) if layout == 1 else g)
        print(y.is_contiguous(memory_format=cl), xs.grad.is_contiguous(memory_format=cl), y.flatten().tolist()[:8])
        print(xs.grad.flatten().tolist()[-24:], w.grad.tolist(), rm.tolist(), rv.tolist())
m = nn.BatchNorm2d(5)
x = torch.randn(3, 5, 4, 4, requires_grad=True)
m(x).sum().backward()
print(x.grad.flatten().tolist()[:30], m.weight.grad.tolist(), m.bias.grad.tolist())
""",
"elu_celu_selu_gradients_of_large_tensors": """
for dt in (torch.float32, torch.float64):
    for i, shape in enumerate([(64, 64), (33,), (100,), (3, 1000), (7,)]):
        torch.manual_seed(40 + i)
        x = torch.randn(*shape, dtype=dt) * 2
        g = torch.randn(*shape, dtype=dt)
        for f in [lambda t: F.elu(t), lambda t: F.elu(t, 0.5), lambda t: F.elu(t, -0.7), lambda t: F.celu(t, 0.5),
                  lambda t: F.celu(t, -0.7), lambda t: F.selu(t), lambda t: F.elu(t.clone(), inplace=True)]:
            xs = x.clone().requires_grad_()
            f(xs).backward(g)
            print(xs.grad.flatten().tolist()[-40:])
    xs = torch.randn(300, dtype=dt, requires_grad=True)
    gr, = torch.autograd.grad(F.celu(xs, -0.7).sum(), xs, create_graph=True)
    print(gr.tolist()[:40], gr.grad_fn.name())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_batch_norm_and_elu_gradients_print_as_torch(name):
    if name in MEASURED_CPU and not (kernels.AVX512_CORE and kernels.num_threads() == 2):
        pytest.skip("measured on an AVX-512 CPU with PyTorch's 2 threads")
    if name in NEEDS_COMPILED and kernels.compiled is None:
        pytest.skip("the compiled loops are not built here")
    same_as_torch(PROGRAMS[name])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_threads_fused_row_sums_compiled_and_numpy_agree(dtype, monkeypatch):
    """The channels-last kernels' per-thread fused row sums: the compiled loop (fma_rows) and the numpy loop used
    without it give the same bits."""
    import numpy as np
    from tensorsh.engine import normalization
    if getattr(kernels.compiled, "fma_rows", None) is None:
        pytest.skip("the compiled loops are not built here")
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((2, 37, 13)).astype(dtype)
    compiled = normalization._thread_sums(a, b, np.dtype(dtype))

    class Without:
        def __getattr__(self, name):
            if name == "fma_rows":
                raise AttributeError(name)
            return getattr(compiled_module, name)
    compiled_module = kernels.compiled
    monkeypatch.setattr(kernels, "compiled", Without())
    by_numpy = normalization._thread_sums(a, b, np.dtype(dtype))
    assert [p.tobytes() for p in compiled] == [p.tobytes() for p in by_numpy]

"""Seeded training of Sequential(Linear(2,16), ReLU(), Linear(16,1)) prints PyTorch's losses step after step (MKL's
sgemm orders: kernels.blas_matmul), and blas_matmul agrees with torch's mm/addmm bit for bit wherever it answers."""
import contextlib
import io
import sys
import types
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import engine_namespaces, run_in_torch  # noqa: E402

TRAINING = """
torch.manual_seed({seed})
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
x = torch.randn(64, 2)
y = torch.randn(64, 1)
opt = {opt}
for step in range(100):
    loss = F.mse_loss(model(x), y)
    loss.backward()
    if opt is None:
        with torch.no_grad():
            for p in model.parameters():
                p -= 0.1 * p.grad
                p.grad = None
    else:
        opt.step()
        opt.zero_grad()
    print(step, loss.item())
print([p.tolist() for p in model.parameters()])
"""


def run_in_engine_with_optim(src):
    import tensorsh.optim as toptim
    from tensorsh.engine.torch_api import manual_seed
    names = engine_namespaces()
    names["optim"] = types.SimpleNamespace(**toptim.NAMESPACE)
    out = io.StringIO()
    manual_seed(0)
    with contextlib.redirect_stdout(out):
        exec(src, names)
    return out.getvalue()


@pytest.mark.parametrize("seed", [0, 2])
@pytest.mark.parametrize("opt", ["None", "optim.SGD(model.parameters(), lr=0.1)",
                                 "optim.SGD(model.parameters(), lr=0.1, momentum=0.9)"])
def test_seeded_training_is_torchs_for_100_steps(seed, opt):
    pytest.importorskip("torch")
    src = TRAINING.format(seed=seed, opt=opt)
    expected, _ = run_in_torch("import torch.optim as optim\n" + src)
    assert run_in_engine_with_optim(src) == expected


SHAPES = [(m, k, n) for m in (1, 2, 3, 4, 7, 12, 64) for k in (5, 16, 33, 64, 100, 200) for n in (1, 2, 4, 8, 12, 64)]


@pytest.mark.parametrize("layout", ["CC", "CF", "FC", "FF"])
def test_blas_matmul_is_torchs_where_it_answers(layout, monkeypatch):
    torch = pytest.importorskip("torch")
    from tensorsh.engine import kernels
    g = torch.Generator().manual_seed(1)
    answered = 0
    for numpy_loops in (False, True):
        if numpy_loops:  # the numpy fallback (TENSORSH_NUMPY_KERNELS=1) takes the same orders
            monkeypatch.setattr(kernels, "compiled", None)
        for m, k, n in SHAPES[::7] if numpy_loops else SHAPES:
            a = torch.randn(m, k, generator=g) if layout[0] == "C" else torch.randn(k, m, generator=g).t()
            b = torch.randn(k, n, generator=g) if layout[1] == "C" else torch.randn(n, k, generator=g).t()
            c = torch.randn(n, generator=g)
            for bias in (None, c):
                got = kernels.blas_matmul(a.numpy(), b.numpy(), None if bias is None else bias.numpy())
                if got is None:
                    continue
                answered += 1
                want = a.mm(b) if bias is None else torch.addmm(bias, a, b)
                np.testing.assert_array_equal(got, want.numpy(), err_msg=f"{m}x{k}@{k}x{n}")
    assert answered >= 40

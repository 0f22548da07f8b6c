"""float32 sqrt is MKL's vsSqrt in PyTorch, not the correctly rounded root: the engine's is the same, bit for bit,
for every CPU code MKL may choose (each checked against MKL's own kernel, called in torch's library), in every
layout, and inside the optimizers whose updates take one."""
import ctypes
import importlib.util
import os

import numpy as np
import pytest

from same_as_torch import same_as_torch
from tensorsh.engine import kernels

HAVE_TORCH = importlib.util.find_spec("torch") is not None
needs_compiled = pytest.mark.skipif(kernels.compiled is None, reason="the compiled loops are not built here")

SPECIALS = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, -1.0, 1e-45, 1e-40, 1.1754942e-38, 1.2e-38, 3.4e38,
                     3.3e38, -1e-40, 1e-30, 2.0 ** -100, 4.0, float.fromhex("0x1.ffep127")], np.float32)


def _inputs(n=1 << 18):
    rng = np.random.default_rng(5)
    wide = np.exp(rng.standard_normal(n) * 20).astype(np.float32)
    return np.concatenate([wide, rng.random(1000).astype(np.float32), SPECIALS, -wide[:5]])


def _same_bits(a, b):
    return np.all((a.view(np.int32) == b.view(np.int32)) | (np.isnan(a) & np.isnan(b)))


def _mkl_kernel(code):
    """MKL's own float32 sqrt kernel for one CPU code, as linked into torch (None where it is not there)."""
    torch = pytest.importorskip("torch")
    try:
        lib = ctypes.CDLL(os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_cpu.so"))
        return getattr(lib, f"mkl_vml_kernel_sSqrt_{code}HAynn")
    except (OSError, AttributeError):
        return None


@needs_compiled
@pytest.mark.parametrize("code,name", [(1, "EX"), (2, "L9"), (3, "Z0")])
@pytest.mark.parametrize("n", [1, 3, 7, 17, None])
def test_each_cpu_code_is_mkls(code, name, n):
    kernel = _mkl_kernel(name)
    if kernel is None:
        pytest.skip(f"MKL's {name} kernel is not reachable in this torch build")
    x = _inputs() if n is None else _inputs()[-n - 3:-3]  # (short inputs: the kernels' tails)
    mine = np.empty_like(x)
    try:
        kernels.compiled.mkl_sqrt(x, mine, code)
    except ValueError:
        pytest.skip(f"this CPU does not run MKL's {name} code")
    theirs = np.empty_like(x)
    kernel(ctypes.c_int(x.size), ctypes.c_void_p(x.ctypes.data), ctypes.c_void_p(theirs.ctypes.data))
    assert _same_bits(mine, theirs)


@needs_compiled
@pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")
def test_torch_sqrt_bit_for_bit_in_every_layout():
    import torch
    from tensorsh.engine.torch_api import NAMESPACE
    x = _inputs(1 << 12)
    engine = NAMESPACE["tensor"](x.tolist())
    assert _same_bits(engine.sqrt()._np, torch.from_numpy(x).sqrt().numpy())
    grid = x[:4096].reshape(64, 64)
    for view in (lambda t: t.t(), lambda t: t[::3, 1::2], lambda t: t[5, 7]):
        theirs = view(torch.from_numpy(grid)).sqrt()
        mine = view(NAMESPACE["tensor"](grid.tolist())).sqrt()
        assert mine.stride() == theirs.stride()
        assert _same_bits(np.ascontiguousarray(mine._np), np.ascontiguousarray(theirs.numpy()))


def test_an_unknown_cpu_code_is_refused():
    if kernels.compiled is None:
        pytest.skip("the compiled loops are not built here")
    with pytest.raises(ValueError, match="code 7 is not one this CPU runs"):
        kernels.compiled.mkl_sqrt(np.ones(3, np.float32), np.empty(3, np.float32), 7)


@needs_compiled
def test_printed_roots_and_optimizer_steps_are_torchs():
    """Where the roots differ from the correctly rounded ones (0x3F3C4A59 is one), and Adam, RMSprop, Adagrad
    and NAdam steps whose printed values took MKL's last bits."""
    same_as_torch('''
x = torch.tensor([0.7355400919914246, 2.793109, 2.8432965, 0.24595797, 9.390558], dtype=torch.float32)
print(x.sqrt().tolist(), x.sqrt_().tolist(), torch.sqrt(torch.tensor(2.6764429)).item())
torch.manual_seed(7)
for name, kw in [("Adam", {"lr": 0.1}), ("RMSprop", {"lr": 0.01, "centered": True}),
                 ("Adagrad", {"lr": 0.5, "lr_decay": 0.01}), ("NAdam", {"lr": 0.05})]:
    p = torch.randn(4, 3, requires_grad=True)
    opt = getattr(torch.optim, name)([p], **kw)
    for i in range(10):
        opt.zero_grad()
        ((p - 0.3) ** 2 * p).sum().backward()
        opt.step()
    print(name, p.tolist())
''')

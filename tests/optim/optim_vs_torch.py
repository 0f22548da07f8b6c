"""Run one Python program with real torch and with tensorsh's engine and torch.optim; compare what they print."""
import builtins
import contextlib
import io
import types
import warnings

import pytest

try:
    import torch
except ImportError:  # the tests that use this skip cleanly
    torch = None

from tensorsh.engine import errors
from tensorsh.engine.torch_api import COPY, NAMESPACE, reset_state

# An elementwise model: its gradients are exact in both libraries, so any difference is the optimizer's.
TRAINING = '''
torch.manual_seed({seed})
w = torch.randn(4, 5, requires_grad=True)
b = torch.randn(5, requires_grad=True)
x = torch.randn(4, 5)
y = torch.randn(4, 5)
opt = torch.optim.{cls}([w, b], {args})
for i in range({steps}):
    opt.zero_grad()
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(w.tolist(), b.tolist(), w._version, b._version)
    print(sorted((k, v.tolist(), v._version) for k, v in opt.state[w].items() if v is not None))
print(w, b)
'''

KINDS = ("RuntimeError", "ValueError", "TypeError", "KeyError", "IndexError")


def _engine_globals():
    import tensorsh.optim as optim
    ns = types.SimpleNamespace(**NAMESPACE)
    ns.optim = types.SimpleNamespace(**optim.NAMESPACE)
    g = {"torch": ns, "copy": COPY, "optim": ns.optim, "lr_scheduler": optim.lr_scheduler}
    for kind in KINDS:  # `except RuntimeError` catches the engine's error of that kind too
        g[kind] = (type(errors.make(kind, "")), getattr(builtins, kind))
    return g


def run_in_engine(src):
    reset_state()
    out, warns = io.StringIO(), []
    previous = errors.set_warning_sink(lambda category, message, site=None: warns.append(message))
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(src, _engine_globals())
            except errors.TorchError as e:
                print(f"{e.kind}: {e}")
    finally:
        errors.set_warning_sink(previous)
    return out.getvalue(), warns


def run_in_torch(src):
    torch.manual_seed(0)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(src, {"torch": torch, "copy": __import__("copy"), "optim": torch.optim,
                       "lr_scheduler": torch.optim.lr_scheduler})
        except Exception as e:  # noqa: BLE001 - the error line is part of the output compared
            print(f"{type(e).__name__}: {e}")
    return out.getvalue(), [str(w.message).split(" (Triggered internally")[0] for w in caught]


def same_as_torch(src):
    """Assert that tensorsh prints (and raises, and warns) exactly what torch does for src."""
    if torch is None:
        pytest.skip("torch is not installed")
    engine, real = run_in_engine(src), run_in_torch(src)
    assert engine[0] == real[0]
    assert engine[1] == real[1]


def same_for_100_steps(cls, args, uses_sqrt, request):
    """Values (as Python floats: every bit), versions of parameters and state after each of 100 steps of
    optimizer `cls(args)`; where its update takes a sqrt, with torch's own sqrt substituted (the torch_sqrt fixture)."""
    if torch is None:
        pytest.skip("torch is not installed")
    if uses_sqrt:
        request.getfixturevalue("torch_sqrt")
    same_as_torch(TRAINING.format(seed=0, cls=cls, args=args, steps=100))

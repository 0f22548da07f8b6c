"""Run one program in torch and in the engine and compare printed text, error lines and warnings."""
import contextlib
import importlib.util
import io
import re
import os
import traceback
import types

import pytest

import torch_zygote
from torch_zygote import TorchCrashed

HAVE_TORCH = importlib.util.find_spec("torch") is not None

from tensorsh.engine.errors import TorchError, set_warning_sink  # noqa: E402
from tensorsh import data, distributions, nn, optim  # noqa: E402  (torch.utils.data, torch.nn, torch.optim, ...)
from tensorsh.engine.torch_api import COPY, NAMESPACE, reset_state  # noqa: E402

ENGINE_DIR = os.path.join("tensorsh", "")
ADDRESS = re.compile(r" object at 0x[0-9a-f]+")
FUNCTION_ADDRESS = re.compile(r"(<function \S+ at) 0x[0-9a-f]+>")  # (a hook's repr in a warning or print)


def _addresses(result):
    """Printed text and warnings with the memory addresses no two processes share left out."""
    out, warns = result
    return (FUNCTION_ADDRESS.sub(r"\1 0x...>", ADDRESS.sub(" object", out)),
            [FUNCTION_ADDRESS.sub(r"\1 0x...>", w) for w in warns])


def run_in_torch(src):
    """torch's printed text and warnings for src, from a fresh child process (TorchCrashed if torch dies)."""
    return _addresses(torch_zygote.call("run", src=src))


def run_in_engine(src):
    out = io.StringIO()
    warns = []
    previous = set_warning_sink(lambda category, message, site=None: warns.append(message))
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(src, {"torch": types.SimpleNamespace(**NAMESPACE, nn=types.SimpleNamespace(**nn.NAMESPACE),
                                                         optim=types.SimpleNamespace(**optim.NAMESPACE),
                                                         distributions=types.SimpleNamespace(**distributions.NAMESPACE),
                                                         utils=types.SimpleNamespace(data=types.SimpleNamespace(
                                                             **data.NAMESPACE))),
                       "copy": COPY})
            except TorchError as e:
                print(f"{e.kind}: {e}")
            except Exception as e:  # noqa: BLE001 - raised by the program's own Python (None.x), as in torch
                if ENGINE_DIR in traceback.extract_tb(e.__traceback__)[-1].filename:
                    raise
                print(f"{type(e).__name__}: {e}")
    finally:
        set_warning_sink(previous)
    return _addresses((out.getvalue(), warns))


NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?")


def compare_random_program(seed, **options):
    """Grow program number `seed` against torch, run it in a fresh torch and in the engine: (source, verdict,
    engine's result, torch's). The verdict is "same", "digits" (only printed numbers differ, by at most a few
    parts in 10^4: the last-bit float differences the README documents) or "different"; TorchCrashed if torch
    dies."""
    src = torch_zygote.call("generate", seed=seed, **options)
    want = run_in_torch(src)
    reset_state()
    try:
        got = run_in_engine(src)
    except Exception as e:  # noqa: BLE001 - an exception PyTorch would not raise this way is a difference
        got = (f"engine raised {type(e).__name__}: {e}\n", [])
    finally:
        reset_state()
    got = (got[0], list(got[1]))
    if got == want:
        return src, "same", got, want
    return src, "digits" if _numbers_close(got, want) else "different", got, want


def _numbers_close(got, want):
    texts = ["\n".join([out] + warns) for out, warns in (got, want)]
    if NUMBER.sub("#", texts[0]) != NUMBER.sub("#", texts[1]):
        return False
    for a, b in zip(NUMBER.findall(texts[0]), NUMBER.findall(texts[1])):
        x, y = float(a), float(b)
        if abs(x - y) > 1e-4 * max(abs(x), abs(y), 1e-3):
            return False
    return True


def same_as_torch(src, printed_only=False):
    """Assert that the engine prints (and raises, and warns) exactly what torch does for src; printed_only: the
    printed text alone (torch.func and forward AD import modules whose DeprecationWarnings of torch.jit.script no
    program's own warning filter shows)."""
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    src = src.replace("import copy\n", "")
    try:
        want = run_in_torch(src)
    except TorchCrashed as e:
        pytest.skip(f"torch itself crashed on this program: {e}")
    got = run_in_engine(src)
    assert (got[0] if printed_only else got) == (want[0] if printed_only else want)

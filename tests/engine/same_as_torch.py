"""Run one program in torch and in the engine and compare printed text, error lines and warnings."""
import contextlib
import copy
import io
import re
import types
import warnings

import pytest

try:
    import torch
except ImportError:  # the tests that use this skip cleanly
    torch = None

from tensorsh.engine.errors import TorchError, set_warning_sink  # noqa: E402
from tensorsh.engine.torch_api import COPY, NAMESPACE  # noqa: E402

ADDRESS = re.compile(r" object at 0x[0-9a-f]+")


def run_in_torch(src):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(src, {"torch": torch, "copy": copy})
        except Exception as e:  # noqa: BLE001 - the error line is part of the output compared
            print(f"{type(e).__name__}: {e}")
    warns = [str(w.message).split(" (Triggered internally")[0] for w in caught]
    return ADDRESS.sub(" object", out.getvalue()), warns


def run_in_engine(src):
    out = io.StringIO()
    warns = []
    previous = set_warning_sink(lambda category, message: warns.append(message))
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(src, {"torch": types.SimpleNamespace(**NAMESPACE), "copy": COPY})
            except TorchError as e:
                print(f"{e.kind}: {e}")
    finally:
        set_warning_sink(previous)
    return ADDRESS.sub(" object", out.getvalue()), warns


def same_as_torch(src):
    """Assert that the engine prints (and raises, and warns) exactly what torch does for src."""
    if torch is None:
        pytest.skip("torch is not installed")
    src = src.replace("import copy\n", "")
    assert run_in_engine(src) == run_in_torch(src)

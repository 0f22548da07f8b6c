"""Run one program against torch (torch, nn, F, copy) and against tensorsh's engine and nn package."""
import contextlib
import copy
import io
import re
import types
import warnings

ADDRESS = re.compile(r" object at 0x[0-9a-f]+")


def run_in_torch(src):
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    out = io.StringIO()
    torch.manual_seed(0)
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(src, {"torch": torch, "nn": nn, "F": F, "copy": copy})
        except Exception as e:  # noqa: BLE001 - the error line is part of the output compared
            print(f"{type(e).__name__}: {e}")
    warns = [str(w.message).split(" (Triggered internally")[0] for w in caught]
    return ADDRESS.sub(" object", out.getvalue()), warns


def engine_namespaces():
    import tensorsh.nn as tnn
    from tensorsh.engine.torch_api import COPY, NAMESPACE
    nn = types.SimpleNamespace(**tnn.NAMESPACE)
    torch = types.SimpleNamespace(**NAMESPACE, nn=nn)
    from tensorsh.engine.errors import make
    names = {"torch": torch, "nn": nn, "F": tnn.functional, "copy": COPY}
    for kind in ("RuntimeError", "TypeError", "ValueError", "IndexError", "KeyError", "AttributeError",
                 "NotImplementedError"):  # `except RuntimeError:` catches the engine's errors of that kind too
        names[kind] = (getattr(__builtins__, kind, None) or __builtins__[kind], type(make(kind, "")))
    return names


def run_in_engine(src):
    from tensorsh.engine.errors import TorchError, set_warning_sink
    from tensorsh.engine.torch_api import manual_seed
    out = io.StringIO()
    warns = []
    previous = set_warning_sink(lambda category, message, site=None: warns.append(message))
    manual_seed(0)
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(src, engine_namespaces())
            except TorchError as e:
                print(f"{e.kind}: {e}")
            except (AttributeError, KeyError, TypeError, ValueError, IndexError, NotImplementedError) as e:
                print(f"{type(e).__name__}: {e}")
    finally:
        set_warning_sink(previous)
    return ADDRESS.sub(" object", out.getvalue()), warns


def same_as_torch(src):
    import pytest
    pytest.importorskip("torch")
    assert run_in_engine(src) == run_in_torch(src)


def script_prints_as_torch(src, tmp_path, monkeypatch):
    """src run as a file under python and under `tensorsh run` (scripts/compare_programs.py's outcome: stdout, the
    error lines, the warnings as Python's filters show them, once per location)."""
    import os
    import sys
    from pathlib import Path
    root = str(Path(__file__).parent.parent.parent)
    sys.path.insert(0, os.path.join(root, "scripts"))
    from compare_programs import outcome
    monkeypatch.setenv("PYTHONPATH", root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    path = tmp_path / "program.py"
    path.write_text(src)
    assert outcome([sys.executable, "-m", "tensorsh", "run"], str(path), 120) == outcome([sys.executable], str(path), 120)


def tensorsh_stderr(src, tmp_path):
    """What `tensorsh run` writes to stderr for the program src (its error, with the notes)."""
    import subprocess
    import sys
    from pathlib import Path
    path = tmp_path / "program.py"
    path.write_text(src)
    return subprocess.run([sys.executable, "-m", "tensorsh", "run", str(path)], capture_output=True, text=True,
                          cwd=str(Path(__file__).parent.parent.parent)).stderr

"""PyTorch programs pasted verbatim into the language: stdout, the error line and warnings match torch."""
import io
import subprocess
import sys
from pathlib import Path

import pytest

from differential_corpus import PROGRAMS
from same_as_torch import ADDRESS, run_in_torch

pytest.importorskip("torch")

from tensorsh.engine.torch_api import reset_state  # noqa: E402
from tensorsh.lang.session import Session  # noqa: E402


def run_in_language(src):
    out, err = io.StringIO(), io.StringIO()
    session = Session(write=out.write, write_err=err.write)
    error = session.run("import torch\nimport copy\n" + src, "prog.tsh")
    text = out.getvalue()
    if error is not None:
        text += error.last_line() + "\n"
    return ADDRESS.sub(" object", text), err.getvalue()


def torch_warnings(src):
    """The warnings torch gives for src as a script shows them: once per (line, category, message), as Python's
    default filter does."""
    import contextlib
    import copy
    import warnings
    import torch
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(compile(src, "prog.py", "exec"), {"torch": torch, "copy": copy})
        except Exception:  # noqa: BLE001 - compared elsewhere
            pass
    seen = {}
    for w in caught:
        message = str(w.message).split(" (Triggered internally")[0]
        seen.setdefault((w.lineno if w.filename == "prog.py" else None, w.category.__name__, message), None)
    return sorted(f"{category}: {message}" for _, category, message in seen)


def language_warnings(stderr):
    """`prog.tsh:LINE: Category: message` lines of the language's stderr -> `Category: message`, each occurrence
    (without the " (Triggered internally at ...)" a C++ warning ends with, as torch_warnings reads torch's)."""
    import re
    return sorted(m.group(1).split(" (Triggered internally")[0]
                  for m in re.finditer(r"^prog\.tsh:\d+: (\w+: .*)$", stderr, re.M))


def warned_once_messages():
    """The warnings the program just run in the language gave as TORCH_WARN_ONCE does (errors.warn_once: once per
    process), as `Category: message`."""
    from tensorsh.engine import errors, messages
    once = {messages.CREATE_GRAPH_WARNING} | {key for key in errors.WARNED_ONCE if isinstance(key, str)}
    return {f"{category}: {message}" for message in once for category in ("UserWarning", "DeprecationWarning")}


def assert_same_warnings(ours, theirs):
    """Both ways: a missing, an extra or a duplicated warning fails. A warn-once message torch gives once per
    process: this test process may have used it up in torch (another test's program), so it is at most once in the
    language's and present there when torch gave it."""
    once = warned_once_messages()
    assert [w for w in ours if w not in once] == [w for w in theirs if w not in once]
    for w in once:
        assert ours.count(w) <= 1 and theirs.count(w) <= ours.count(w)


def assert_prints_as_torch(src):
    """src (its `import torch` and `import copy` given) prints in the language what it prints in torch, with the
    same warnings."""
    want, _ = run_in_torch("import copy\n" + src)
    got, stderr = run_in_language(src)
    assert got == want
    assert_same_warnings(language_warnings(stderr), torch_warnings("import copy\n" + src))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pasted_program_prints_what_torch_prints(name):
    src = PROGRAMS[name].replace("import copy\n", "")
    want, _ = run_in_torch(src)
    got, stderr = run_in_language(src)        # (a fresh engine state: the autouse fixture)
    assert got == want
    assert_same_warnings(language_warnings(stderr), torch_warnings(src))


PASTED = sorted((Path(__file__).parent / "pasted").glob("*.py"))


@pytest.mark.parametrize("path", PASTED, ids=[p.stem for p in PASTED])
def test_pasted_script_prints_what_torch_prints(path):
    """Whole scripts as users paste them (imports, loops, f-strings, seeds), torch run as a real process."""
    torch_run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    src = path.read_text()
    reset_state()  # as in a fresh process
    out, err = io.StringIO(), io.StringIO()
    error = Session(write=out.write, write_err=err.write).run(src, path.name)
    got = ADDRESS.sub(" object", out.getvalue()) + (error.last_line() + "\n" if error else "")
    want = ADDRESS.sub(" object", torch_run.stdout)
    if torch_run.returncode:
        want += torch_run.stderr.strip().splitlines()[-1] + "\n"
    assert got == want
    for line in torch_run.stderr.splitlines():
        if "Warning: " in line:
            assert line.split("Warning: ", 1)[1].split(" (Triggered internally")[0] in err.getvalue()

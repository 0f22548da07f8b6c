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


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pasted_program_prints_what_torch_prints(name):
    src = PROGRAMS[name].replace("import copy\n", "")
    want, warnings = run_in_torch(src)
    got, stderr = run_in_language(src)
    assert got == want
    for w in warnings:
        assert w in stderr


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

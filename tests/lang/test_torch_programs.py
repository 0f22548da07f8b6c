"""The differential corpus, pasted verbatim into the language: stdout and the error line match torch."""
import io

import pytest

from differential_corpus import PROGRAMS
from same_as_torch import ADDRESS, run_in_torch

pytest.importorskip("torch")

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

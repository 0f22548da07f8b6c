"""Every statement of every corpus program is compared: in torch, a program's first error is raised by its last
statement, so no statement after it goes unrun (and unchecked) on both sides."""
import ast
import contextlib
import io
import json
import subprocess
import sys
import traceback
import warnings
from pathlib import Path

import pytest

from differential_corpus import PROGRAMS, TOPICS


def unreached(src, torch):
    """The statements torch never runs because an earlier one raised (a loop counts as unfinished too)."""
    tree = ast.parse(src.replace("import copy\n", ""))
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(tree, "<corpus>", "exec"), {"torch": torch, "copy": __import__("copy")})
    except Exception as e:  # noqa: BLE001 - any error ends the program
        line = [f.lineno for f in traceback.extract_tb(e.__traceback__) if f.filename == "<corpus>"][-1]
        at = next(i for i, s in enumerate(tree.body) if s.lineno <= line <= s.end_lineno)
        rest = tree.body[at + 1:]
        if isinstance(tree.body[at], (ast.For, ast.While)):  # later iterations are never run either
            rest.insert(0, tree.body[at])
        return [ast.unparse(s).splitlines()[0] for s in rest]
    return []


@pytest.fixture(scope="module")
def unreached_in_torch():
    """Run in a child process: torch's warn-once warnings and global state stay fresh for the other tests."""
    pytest.importorskip("torch")
    here = Path(__file__).parent
    code = (f"import sys, json, torch; sys.path[:0] = [{str(here)!r}]\n"
            "from differential_corpus import PROGRAMS\nfrom test_corpus_complete import unreached\n"
            "print(json.dumps({n: unreached(s, torch) for n, s in PROGRAMS.items()}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def test_every_program_belongs_to_a_topic():
    assert set(PROGRAMS) == {name for names in TOPICS.values() for name in names}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_no_statement_follows_the_first_error(name, unreached_in_torch):
    assert unreached_in_torch[name] == []

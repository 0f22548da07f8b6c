"""Every statement of every corpus program is compared: in torch, a program's first error is raised by its last
statement, so no statement after it goes unrun (and unchecked) on both sides."""
import ast
import contextlib
import io
import traceback
import warnings

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


def test_every_program_belongs_to_a_topic():
    assert set(PROGRAMS) == {name for names in TOPICS.values() for name in names}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_no_statement_follows_the_first_error(name):
    torch = pytest.importorskip("torch")
    assert unreached(PROGRAMS[name], torch) == []

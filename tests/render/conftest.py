"""Helpers for rendering tests: run a program in a plain, fixed-width session and capture what it prints."""
import pytest

from tensorsh.lang.session import Session
from tensorsh.render import default_renderer


@pytest.fixture
def run():
    def run(source, explain=False):
        out = []
        session = Session(write=out.append, write_err=out.append, renderer=default_renderer(),
                          options={"plain": True, "width": 80})
        if explain:
            from tensorsh.render import explain as ex
            ex.attach(session)
        error = session.run(source, "t.tsh")
        assert error is None, error
        return "".join(out)
    return run

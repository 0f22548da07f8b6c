"""The real `python -m tensorsh` in a pseudo-terminal, typed at as a person would (pexpect)."""
import os
import pathlib
import re
import sys
import time

import pytest

pexpect = pytest.importorskip("pexpect")
ROOT = pathlib.Path(__file__).resolve().parents[2]
PROMPT = "tsh>"
FRESH = "\x1b[?2004h"    # prompt_toolkit turns bracketed paste on once at the start of each new prompt
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def tsh(tmp_path):
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), TERM="xterm-256color",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(sys.executable, ["-m", "tensorsh"], cwd=str(tmp_path), env=env, encoding="utf-8",
                          dimensions=(50, 120), timeout=20)
    child.expect_exact(FRESH)
    child.expect(PROMPT)
    yield child, tmp_path
    if child.isalive():
        child.terminate(force=True)


def say(child, line):
    """Type a line, press Enter, return everything printed up to the next prompt (without colour codes)."""
    child.send(line + "\r")
    return until_prompt(child)


def until_prompt(child):
    child.expect_exact(FRESH)
    out = ANSI.sub("", child.before)
    child.expect(PROMPT)
    return out


def shows(child, text, timeout=20):
    """Read until text is on the screen: a redraw sends only the cells that changed (the completion's added
    `1`, say), between colour and cursor codes, so the codes are taken out of all that was read so far."""
    read, end = child.buffer, time.monotonic() + timeout
    child.buffer = ""
    while text not in ANSI.sub("", read):
        read += child.read_nonblocking(4096, timeout=max(0.1, end - time.monotonic()))


def test_a_session_as_a_person_types_it(tsh):
    child, tmp = tsh
    say(child, "x = tensor([1., 2., 3.], grad)")
    assert "tensor([2., 4., 6.], grad_fn=<MulBackward0>)" in say(child, "x * 2")
    assert "NameError: name 'q' is not defined" in say(child, "q")
    assert "tensor([1., 2., 3.], requires_grad=True)" in say(child, "x")          # the session is intact

    out = say(child, "b = x + ones(2)")                                           # a failed assignment
    assert "RuntimeError: The size of tensor a (3) must match the size of tensor b (2)" in out
    assert "NameError: name 'b' is not defined" in say(child, "b")

    child.send("with torch.no_grad():\r")                                         # a block over several lines
    child.expect(r"\.\.\.")
    child.send("y = x * 2\r")
    child.expect(r"\.\.\.")
    child.send("\r")
    until_prompt(child)
    assert "False" in say(child, "y.requires_grad")

    child.send("z = (x * ")                                                       # Ctrl-C on a half-typed line
    child.sendcontrol("c")
    assert "KeyboardInterrupt" in until_prompt(child)
    assert "NameError: name 'z' is not defined" in say(child, "z")

    child.send("x.expm\t")                                                        # Tab completes a method
    shows(child, "expm1")
    assert "tensor([ 1.7183,  6.3891, 19.0855], grad_fn=<Expm1Backward0>)" in say(child, "()")

    out = say(child, "graph((x * 2).exp().sum())")
    for name in ("SumBackward0", "ExpBackward0", "MulBackward0", "AccumulateGrad"):
        assert name in out
    out = say(child, "v = x.detach()[1:]")
    out = say(child, "show()")
    assert "S1" in out and "shared by x, v" in out and "storage" in out

    child.sendcontrol("d")                                                        # Ctrl-D leaves
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    history = (tmp / "state" / "tensorsh" / "history").read_text()
    assert "+x = tensor([1., 2., 3.], grad)" in history
    assert "+with torch.no_grad():\n+    y = x * 2\n" in history


def test_typing_is_highlighted(tsh):
    """The lexer's tokens are coloured as they are typed (tensorsh.render.style): a builtin, a number, a comment."""
    child, _ = tsh
    child.send("x = tensor([1., 2.], grad)  # c")
    child.expect_exact("\x1b[0;36mtensor")
    child.expect_exact("\x1b[0;33m1.")
    child.expect_exact("\x1b[0;90;3m# c")
    child.send("\r")
    until_prompt(child)


def test_a_windows_paste_without_bracketed_paste_runs_once(tsh):
    """\\r\\n line ends typed (not pasted through bracketed paste): the \\n after each \\r is not a second Enter."""
    child, _ = tsh
    child.send("a = 1\r\nb = a + 1\r\n")
    until_prompt(child)
    until_prompt(child)
    child.send("for i in range(2):\r\nprint(i, b)\r\n\r\n")   # (a second Enter would end the block at once)
    out = until_prompt(child)
    assert "0 2\r\n1 2\r\n" in out and "Error" not in out


def test_a_saved_session_passes_tensorsh_test_within_seconds(tsh):
    """Tuple echoes, show, graph, an error, a warning and an interrupted loop, saved with :save; `tensorsh test` on
    the file passes at once."""
    import subprocess
    import time
    child, tmp = tsh
    for line in ("x = tensor([1., 2., 3.], grad)", "y = x.detach()", "y[0] = 5.", "x._version, y._version",
                 "show(x, y)", "b = (x * 2).exp()", "graph(b)", "q + 1", "b.grad", "torch.manual_seed(0)"):
        say(child, line)
    child.send("for i in range(10**9):\r")
    child.expect(r"\.\.\.")
    child.send("y.add_(0)\r")
    child.expect(r"\.\.\.")
    child.send("\r")
    time.sleep(1.0)
    child.sendcontrol("c")
    out = until_prompt(child)
    assert "KeyboardInterrupt" in out and "the statement was undone as a whole (every iteration of a loop)" in out
    assert "(1, 1)" in say(child, "x._version, y._version")          # the loop changed nothing
    assert "saved" in say(child, ":save s.tsh")
    saved = (tmp / "s.tsh").read_text()
    assert "print((x._version, y._version))\n#> (1, 1)\n" in saved and "\x1b" not in saved
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "tensorsh", "test", "s.tsh"], cwd=str(tmp), capture_output=True,
                       text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert (r.returncode, r.stdout) == (0, "1 passed, 0 failed\n"), r.stdout + saved
    assert time.perf_counter() - t0 < 10

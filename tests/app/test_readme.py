"""Every code block of README.md and docs/*.md runs as shown (issue 15): shell sessions are replayed, commands
run, golden-file examples pass `tensorsh test`. A block says what it is by its fence: console (a session or
commands with their output), tsh (a golden file), sh (commands), text (a diagram, not run)."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tensorsh.app import golden, shell as sh

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
ENV = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))


def blocks():
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append(pytest.param(m.group(1), m.group(2), id=f"{doc.name}:{line}:{m.group(1) or 'untagged'}"))
    return found


BLOCKS = blocks()


def test_every_block_says_what_it_is():
    kinds = {p.values[0] for p in BLOCKS}
    assert kinds <= {"console", "tsh", "sh", "text"}, kinds
    assert len(BLOCKS) >= 6


def tensorsh_command(args, cwd):
    return subprocess.run([sys.executable, "-m", "tensorsh", *args], capture_output=True, text=True, cwd=cwd,
                          env=ENV, timeout=120, stdin=subprocess.DEVNULL)


def replay_shell(inputs):
    """Type the `tsh>` lines into a shell (one <stdin> stream, as a terminal gives it); everything it writes."""
    out = []
    shell = sh.Shell(write=out.append, write_err=out.append, plain=True)
    for text in inputs:
        shell.handle(text)
    return "".join(out)


def run_console(block, tmp_path):
    lines = block.rstrip("\n").split("\n")
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ "), f"a console block alternates `$ command` and its output: {lines[i]!r}"
        command = shlex.split(lines[i][2:])
        i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        if command[0] == "cat":                                 # the file the next command runs
            (tmp_path / command[1]).write_text("\n".join(output) + "\n")
        elif command == ["tensorsh"]:                           # an interactive session
            assert output[0] == sh.banner()
            inputs, want = [], []
            for line in output[1:]:
                if line.startswith(sh.PROMPT):
                    inputs.append(line[len(sh.PROMPT):])
                else:
                    want.append(line)
            assert replay_shell(inputs) == "\n".join(want) + "\n"
        else:
            assert command[0] == "tensorsh", command
            r = tensorsh_command(command[1:], tmp_path)
            assert r.stdout + r.stderr == "\n".join(output) + "\n"


@pytest.mark.parametrize("kind, block", [p for p in BLOCKS if p.values[0] in ("console", "tsh")])
def test_block_runs_as_shown(kind, block, tmp_path, capsys):
    if kind == "console":
        run_console(block, tmp_path)
    else:
        path = tmp_path / "example.tsh"
        path.write_text(block)
        assert golden.main([str(path)]) == 0, capsys.readouterr().out
        assert capsys.readouterr().out == "1 passed, 0 failed\n"


@pytest.mark.parametrize("kind, block", [p for p in BLOCKS if p.values[0] == "sh"])
def test_commands_exist_as_written(kind, block):
    """Commands: the tensorsh ones run here (from the checkout, as the installed command would); the install and
    the test run are what .ci/run does (checked to be the same command) and tests/app/test_packaging.py covers
    the install; scripts are called only with options their --help lists (a benchmark is not run in a test)."""
    ci = (ROOT / ".ci" / "run").read_text()
    for line in block.strip().split("\n"):
        if "pytest" in line:
            assert line in ci, "the README's test command is what .ci/run runs"
        for part in line.split(" && "):
            words = shlex.split(part)
            program = words[0].rsplit("/", 1)[-1]
            if program == "tensorsh":
                r = tensorsh_command(words[1:], ROOT)
                assert r.returncode in (0, 1) and r.stderr == "" and "Traceback" not in r.stdout, r.stderr
            elif program in ("python", "python3") and words[1].endswith(".py"):
                r = subprocess.run([sys.executable, str(ROOT / words[1]), "--help"], capture_output=True, text=True,
                                   timeout=120, env=ENV)
                assert r.returncode == 0
                for option in words[2:]:
                    if option.startswith("--"):
                        assert option in r.stdout, f"{words[1]} has no option {option}"
            else:
                assert program in ("python", "python3", "pip") and words[1] in ("-m", "install", "-q"), part

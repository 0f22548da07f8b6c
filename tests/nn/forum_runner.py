"""Forum-style PyTorch scripts run verbatim by torch (one subprocess for a whole directory) and by the language:
stdout, the error's last line and the set of warning texts compared."""
import io
import json
import re
import subprocess
import sys
from pathlib import Path

ADDRESS = re.compile(r" (object )?at 0x[0-9a-f]+")
# `file:line: Category: message`, the message's further lines up to the indented source line
WARNING_LINE = re.compile(r"^\S+:\d+: (\w*Warning): (.*(?:\n(?!  |\S+:\d+: ).*)*)$", re.M)

TORCH_RUNNER = r'''
import contextlib, io, json, sys, traceback, warnings
import torch
results = {}
for path in sys.argv[1:]:
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_printoptions(profile="default")
    out = io.StringIO()
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(code, {"__name__": "__main__"})
            error = ""
        except Exception as e:
            error = "".join(traceback.format_exception_only(type(e), e)).rstrip("\n")
    warns = sorted({f"{w.category.__name__}: {str(w.message).split(' (Triggered internally')[0]}" for w in caught})
    results[path] = [out.getvalue(), error, warns]
print(json.dumps(results))
'''


def programs(directory):
    return sorted(Path(directory).glob("*.py"))


def run_in_torch(paths):
    """{path: (stdout, error line, warnings)} from one torch process."""
    done = subprocess.run([sys.executable, "-c", TORCH_RUNNER, *map(str, paths)], capture_output=True, text=True,
                          timeout=600)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return {Path(p): (ADDRESS.sub(" ADDR", out), err, warns) for p, (out, err, warns) in json.loads(done.stdout).items()}


def run_in_language(path):
    from tensorsh.engine.torch_api import reset_state
    from tensorsh.lang.session import Session
    reset_state()  # as in a fresh process
    out, err = io.StringIO(), io.StringIO()
    error = Session(write=out.write, write_err=err.write).run(path.read_text(), path.name)
    warns = sorted({f"{c}: {m.split(' (Triggered internally')[0]}" for c, m in WARNING_LINE.findall(err.getvalue())})
    return ADDRESS.sub(" ADDR", out.getvalue()), error.last_line() if error else "", warns


def forum_tests(directory):
    """The fixture and the test of a forum-programs module: each script in directory prints what torch prints."""
    import pytest
    paths = programs(directory)

    @pytest.fixture(scope="module")
    def torch_results():
        pytest.importorskip("torch")
        return run_in_torch(paths)

    @pytest.mark.parametrize("path", paths, ids=[p.stem for p in paths])
    def test_forum_program_prints_what_torch_prints(path, torch_results):
        assert run_in_language(path) == torch_results[path]
    return torch_results, test_forum_program_prints_what_torch_prints


def write_programs(directory, programs, header):
    """{name: path} of each program's file (header + its dedented body) in directory."""
    import textwrap
    paths = {}
    for name, body in programs.items():
        paths[name] = Path(directory) / f"{name}.py"
        paths[name].write_text(header + textwrap.dedent(body))
    return paths


def program_tests(programs, header, label):
    """The fixture and the test of a module of inline programs ({name: body}): each, written to a file with header
    and run verbatim by torch (one process for all) and the language, prints what torch prints."""
    import pytest

    @pytest.fixture(scope="module")
    def torch_results(tmp_path_factory):
        pytest.importorskip("torch")
        paths = write_programs(tmp_path_factory.mktemp(label), programs, header)
        return paths, run_in_torch(list(paths.values()))

    @pytest.mark.parametrize("name", sorted(programs))
    def test_program_prints_what_torch_prints(name, torch_results):
        paths, results = torch_results
        assert run_in_language(paths[name]) == results[paths[name]]
    return torch_results, test_program_prints_what_torch_prints

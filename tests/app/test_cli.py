"""The `tensorsh` command through a real subprocess: exit codes, exact stdout/stderr, hostile input."""
import os
import signal
import subprocess
import sys
import time
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ENV = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))


def tsh(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tensorsh", *args], capture_output=True, text=True, env=ENV,
                          cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL)


def write(tmp_path, text, name="prog.tsh"):
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return str(p)


def test_c_prints_only_what_the_program_prints():
    r = tsh("-c", "print(1); print('a', 2, sep=',')")
    assert (r.returncode, r.stdout, r.stderr) == (0, "1\na,2\n", "")


def test_run_file_and_bare_file(tmp_path):
    path = write(tmp_path, "x = 2\nprint(x * 3)\n")
    for args in (["run", path], [path], ["run", "--plain", path]):
        r = tsh(*args)
        assert (r.returncode, r.stdout, r.stderr) == (0, "6\n", "")


def test_program_error_exit_1_with_report(tmp_path):
    path = write(tmp_path, "print('before')\ny = q + 1\nprint('after')\n")
    r = tsh("run", "--plain", path)
    assert r.returncode == 1
    assert r.stdout == "before\n"
    assert r.stderr == (f"{path}:2:5: error: name 'q' is not defined\n"
                        "    2 | y = q + 1\n"
                        "      |     ^\n"
                        "NameError: name 'q' is not defined\n")


def test_usage_errors_exit_2(tmp_path):
    assert tsh("--bogus").returncode == 2
    assert tsh("run").returncode == 2
    assert tsh("run", str(tmp_path / "missing.tsh")).returncode == 2
    assert tsh("-c").returncode == 2


def test_version_and_help():
    r = tsh("--version")
    assert r.returncode == 0 and r.stdout.startswith("tensorsh ")
    r = tsh("--help")
    assert r.returncode == 0 and "tensorsh run" in r.stdout


def test_syntax_error_runs_nothing(tmp_path):
    r = tsh("run", write(tmp_path, "print(1)\nx = (1,\n"))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.splitlines()[-1] == "SyntaxError: '(' was never closed"


@pytest.mark.parametrize("content, last", [
    (b"x = 1\n\xff\xfe = 2\n", "SyntaxError: Non-UTF-8 code starting with '\\xff' in file {path} on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"),
    (b"x = 1\x00\n", "SyntaxError: source code string cannot contain null bytes"),
    (b"x = " + b"[" * 500 + b"\n", "SyntaxError: too many nested parentheses"),
    (b"x = " + b"-" * 5000 + b"1\n", "RecursionError: maximum recursion depth exceeded during compilation"),
    (b"x = " + b"+".join([b"1"] * 20000) + b"\nprint(x)\n", None),
    (b"__import__('os').system('echo hi')\n", "NameError: name '__import__' is not defined"),
    (b"open('x.txt', 'w')\n", "NameError: name 'open' is not defined"),
    (b"x = ones(2)\ny = x.__class__.__base__\n", "AttributeError: type object 'Tensor' has no attribute '__base__'"),
    (b"x = ones(2)\ny = x.__reduce_ex__\n", "AttributeError: 'Tensor' object has no attribute '__reduce_ex__'"),
    (b"import os\n", "ModuleNotFoundError: No module named 'os'"),
    (b"x = ((((1)\n", "SyntaxError: '(' was never closed"),
    (b"x = 1))\n", "SyntaxError: unmatched ')'"),
])
def test_hostile_input_is_a_located_error(tmp_path, content, last):
    path = write(tmp_path, content)
    r = tsh("run", "--plain", path)
    if last is None:
        assert (r.returncode, r.stdout) == (0, "20000\n")
        return
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"{path}:") and ": error: " in lines[0]
    assert lines[-1] == last.format(path=path)
    assert not (tmp_path / "x.txt").exists()


def test_huge_tensor_is_refused():
    pytest.importorskip("numpy")
    r = tsh("-c", "x = ones(10**12)")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1].startswith("RuntimeError: ")


def test_warning_once_per_line_on_stderr(tmp_path):
    pytest.importorskip("numpy")
    path = write(tmp_path, "x = ones(2, requires_grad=True)\ny = x * 2\nfor i in range(3):\n    g = y.grad\n")
    r = tsh("run", path)
    assert r.returncode == 0 and r.stdout == ""
    assert r.stderr.count("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor") == 1
    assert r.stderr.startswith(f"{path}:4: UserWarning: ")


def test_endless_loop_interrupted_by_sigint(tmp_path):
    import select
    # the loop's one statement says when it first runs: the signal is sent only once the loop is under way
    path = write(tmp_path, "x = 0\nfor i in range(10**12):\n    x = x + 1 if i else print('looping') or 1\n")
    # (SIGINT as a terminal delivers it: a runner that ignores it, as a shell's background job does, would pass the
    # ignoring on, and Python installs no KeyboardInterrupt handler for an ignored SIGINT)
    p = subprocess.Popen([sys.executable, "-m", "tensorsh", "run", path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=dict(ENV, PYTHONUNBUFFERED="1"), cwd=ROOT,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert select.select([p.stdout], [], [], 60)[0] and p.stdout.readline() == "looping\n"
    finally:
        p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=20)
    finally:
        p.kill()  # (never an endless loop left behind)
    assert p.returncode == 1
    assert "Traceback" not in err
    assert err.startswith(f"{path}:3:5: error: interrupted")
    assert err.splitlines()[-1] == "KeyboardInterrupt"


def test_seed_experiment_matches_torch(tmp_path):
    pytest.importorskip("numpy")
    seed = ROOT / "tests" / "app" / "data" / "s02_exp_fill_inplace_error.py"   # the oracle's seed and torch's output
    path = write(tmp_path, seed.read_text())
    r = tsh("run", "--plain", path)
    assert r.returncode == 1
    assert r.stdout == seed.with_name("s02_exp_fill_inplace_error.expected.out").read_text()
    assert r.stderr.splitlines()[-1] == seed.with_name("s02_exp_fill_inplace_error.expected.err").read_text().strip()


# ---- the first hour (issue 15) ----
def test_keep_going_reports_warnings_and_exits_1_after_an_error(tmp_path):
    path = write(tmp_path, "a = tensor([1.], grad)\nb = a * 2\nprint(b.grad)\nq + 1\nprint('after')\n")
    r = tsh("run", "--keep-going", path)
    assert r.returncode == 1
    assert r.stdout == "None\nafter\n"
    err = r.stderr.splitlines()
    assert err[0].startswith(f"{path}:3: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being "
                             "accessed.")
    assert err[1] == "  print(b.grad)"
    assert err[2] == f"{path}:4:1: error: name 'q' is not defined"
    assert err[-1] == "NameError: name 'q' is not defined"
    ok = write(tmp_path, "print(1)\n", "ok.tsh")
    assert tsh("run", "-k", ok).returncode == 0


def test_run_help():
    r = tsh("run", "--help")
    assert r.returncode == 0 and r.stdout.startswith("usage: tensorsh run ") and "--transcript" in r.stdout


def test_transcript_shows_comment_prompt_code_then_output(tmp_path):
    path = write(tmp_path, "# make a leaf\nx = tensor([1., 2.], grad)\n\n# a view shares\ny = x.detach(); y[0] = 5.\n"
                           "#> ignored: the real output is shown\nx\nfor i in range(2):\n    print(i)\n"
                           "x.grad.zero_()\n# done\n")
    r = tsh("run", "--transcript", path)
    assert r.returncode == 1
    assert r.stderr == ""
    assert r.stdout == (
        "# make a leaf\n"
        "tsh> x = tensor([1., 2.], grad)\n"
        "\n"
        "# a view shares\n"
        "tsh> y = x.detach(); y[0] = 5.\n"
        "tsh> x\n"
        "tensor([5., 2.], requires_grad=True)\n"
        "tsh> for i in range(2):\n"
        "...      print(i)\n"
        "0\n1\n"
        "tsh> x.grad.zero_()\n"
        f"{path}:10:1: error: 'NoneType' object has no attribute 'zero_'\n"
        "   10 | x.grad.zero_()\n"
        "      | ^~~~~~~~~~~~\n"
        "AttributeError: 'NoneType' object has no attribute 'zero_'\n"
        "# done\n")


def test_the_tour_runs_as_a_transcript_with_its_warning():
    r = tsh("run", "--transcript", "examples/tour.tsh")
    assert r.returncode == 1          # the tour shows PyTorch's errors
    assert r.stderr == ""
    out = r.stdout
    assert "tsh> x = tensor([1., 2., 3.], grad)\n" in out
    assert "\nUserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed." in out
    assert not any(line.startswith(("#>", "#!")) for line in out.splitlines())

"""A new user's first hour (issue 15): unsupported things say so in PyTorch's words, bad input is refused before it
allocates, Python's own syntax errors; texts checked against torch where it is installed."""
import os
import subprocess
import sys
import pathlib

import pytest

from tensorsh.engine import storage
from tensorsh.lang.errors import format_error
from tensorsh.lang.session import Session

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(code):
    """(printed text, the error's last line or None, the error report or '')."""
    from tensorsh.render import default_renderer
    out = []
    session = Session(write=out.append, write_err=out.append, renderer=default_renderer())
    error = session.run(code, "<t>")
    return "".join(out), (error.last_line() if error else None), (format_error(error) if error else "")


def torch_says(code):
    """What real PyTorch prints or raises for the same program (the last line of the traceback)."""
    torch = pytest.importorskip("torch")
    import contextlib
    import io
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(code, {"torch": torch})
    except Exception as e:
        return buf.getvalue(), f"{type(e).__name__}: {e}"
    return buf.getvalue(), None


@pytest.mark.parametrize("code", [
    "x = torch.ones(2)\nx.cuda()",
    "x = torch.ones(2)\nx.cuda(0)",
    "x = torch.ones(2)\nx.to('cuda')",
    "x = torch.ones(2, requires_grad=True)\nx.numpy()",
    "x = torch.ones(2)\nn = x.numpy()\nx.add_(1)\nprint(n, repr(n), n.dtype, n.shape, n * 2, n.sum())",
    "print(repr(torch.arange(3).numpy()), repr(torch.tensor(2.).numpy()), repr(torch.tensor([True]).numpy()))",
    "x = torch.ones(2, requires_grad=True)\nprint(x.detach().numpy(), x.numpy(force=True))",
    "print(torch.ones(2, requires_grad=True).half())",
    "x = torch.ones(2)\nprint(x.to('cpu') is x, x.to(torch.float64))",
])
def test_as_pytorch_says_it(code):
    printed, error, _ = run(code)
    assert (printed, error) == torch_says(code)


def test_numpy_result_shares_the_storage_and_shows_no_internals():
    printed, error, _ = run("x = torch.ones(2)\nn = x.numpy()\nn[0] = 3.\nprint(x, x._version)")
    assert (printed, error) == ("tensor([3., 1.]) 0\n", None)
    _, error, _ = run("x = torch.ones(2)\nx.numpy().tofile('f')")
    assert error == "AttributeError: 'numpy.ndarray' object has no attribute 'tofile'"
    printed, error, _ = run("x = torch.ones(2)\nprint(x.numpy(), x)")
    assert (printed, error) == ("[1. 1.] tensor([1., 1.])\n", None)


def test_manual_seed_echoes_as_pytorch():
    printed, _, _ = run("print(torch.manual_seed(0))")
    assert printed.startswith("<torch._C.Generator object at 0x") and printed.endswith(">\n")


def test_help_points_to_the_shell_and_misspelt_constants_are_suggested():
    _, error, report = run("help(torch.ones)")
    assert error == "NameError: name 'help' is not defined"
    assert "note: tensorsh has no help(); in the shell, :help explains the language" in report
    _, error, report = run("x = Flase")
    assert error == "NameError: name 'Flase' is not defined. Did you mean: 'False'?"  # (Python 3.11's last line)
    assert "note: did you mean 'False'?" in report


@pytest.mark.parametrize("code, raises", [
    ("for i in range(2):\n    x = 1\n\ty = 2\n", True),
    ("for i in range(2):\n\tx = 1\n        y = 2\n", True),
    ("for i in range(2):\n\tx = 1\n\ty = 2\n", False),
    ("for i in range(2):\n  \tx = 1\n  \ty = 2\n", False),
])
def test_mixed_tabs_and_spaces_as_python(code, raises):
    try:
        compile(code, "<t>", "exec")
        python = None
    except SyntaxError as e:
        python = f"{type(e).__name__}: {e.msg}"
    _, error, report = run(code)
    assert error == python
    assert (python == "TabError: inconsistent use of tabs and spaces in indentation") is raises
    if raises:
        assert report.startswith("<t>:3:1: error: tabs and spaces mixed")


# ---- the memory limit: refused before allocating, whatever the path ----
LIMIT = 1 << 20


@pytest.mark.parametrize("code", [
    "x = torch.ones(10**12)",
    "x = torch.ones(3).expand(10**9, 3).contiguous()",
    "x = torch.ones(3).expand(10**9, 3).clone()",
    "x = torch.ones(3).repeat(10**10, 10**10)",               # np.prod would wrap around
    "x = torch.cat([torch.ones(3).expand(10**6, 3)] * 2)",
    "x = torch.stack([torch.ones(3).expand(10**6, 3)] * 2)",
    "x = torch.ones(10**6, 1) + torch.ones(1, 10**6)",
])
def test_large_results_are_refused_before_allocating(code, monkeypatch):
    monkeypatch.setattr(storage, "MEMORY_LIMIT", LIMIT)
    _, error, report = run(code)
    assert error.startswith("RuntimeError: tensorsh: refusing to allocate ")
    assert error.endswith(f"the memory limit is {LIMIT} bytes (set TENSORSH_MEMORY_LIMIT to change it)")
    assert report.split("\n")[0] == "<t>:1:5: error: refused before allocating: more memory than tensorsh's limit"


@pytest.mark.parametrize("code", [
    "x = torch.ones(3).expand(10**9, 3).exp()",
    "x = torch.ones(3).expand(10**9, 3) + 1",
    "x = torch.ones(3).expand(10**9, 3)[torch.zeros(10**7, dtype=torch.long)]",   # 80 MB of indices, 120 MB out
])
def test_the_command_line_refuses_any_path_at_once(code, tmp_path):
    """Paths no check names (numpy's temporaries) meet the address-space cap of `tensorsh run`: a located error
    within seconds, never 12 GB."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1", TENSORSH_MEMORY_LIMIT="1e8")
    r = subprocess.run([sys.executable, "-m", "tensorsh", "-c", code], capture_output=True, text=True, env=env,
                       timeout=60)
    assert r.returncode == 1
    assert r.stderr.startswith("<string>:1:5: error: refused before allocating")
    last = r.stderr.splitlines()[-1]
    assert last.startswith(("MemoryError: Unable to allocate", "RuntimeError: tensorsh: refusing to allocate"))


def test_the_default_limit_respects_the_container_and_what_is_available(monkeypatch):
    files = {"/proc/self/cgroup": "0::/box\n", "/sys/fs/cgroup/box/memory.max": "2147483648\n",
             "/proc/meminfo": "MemTotal: 100000000 kB\nMemAvailable: 50000000 kB\n"}
    monkeypatch.delenv("TENSORSH_MEMORY_LIMIT", raising=False)
    monkeypatch.setattr(storage, "_read_first", files.get)
    assert storage._default_limit() == 2147483648 // 4                 # the cgroup's 2 GiB, not the RAM
    files["/sys/fs/cgroup/box/memory.max"] = "max\n"
    files["/proc/meminfo"] = "MemAvailable: 1000000 kB\n"
    assert storage._default_limit() == min(2 * 1000000 * 1024 // 4,    # half of what is available
                                           os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4)
    monkeypatch.setenv("TENSORSH_MEMORY_LIMIT", "1e6")
    assert storage._default_limit() == 1000000


# ---- make_dot(y) returns torchviz's Digraph ----
MAKE_DOT = "from torchviz import make_dot\na = torch.ones(2, requires_grad=True)\nb = (a * 2).sum()\ng = make_dot(b)\n"


def test_make_dot_returns_a_digraph_with_source_save_and_render(tmp_path, monkeypatch):
    import shutil
    monkeypatch.chdir(tmp_path)
    printed, error, _ = run(MAKE_DOT + "print(g.save('g.gv'))\nprint(g.source == str(g), repr(g)[:35])")
    assert error is None
    assert printed.endswith("g.gv\nTrue <graphviz.graphs.Digraph object at \n")
    assert (tmp_path / "g.gv").read_text().startswith("digraph {\n\tgraph [size=\"12,12\"]\n")
    assert "MulBackward0" in (tmp_path / "g.gv").read_text()
    _, error, _ = run(MAKE_DOT + "g.render('../g')")
    assert error == "ValueError: make_dot(...) writes only a plain file name in the current directory, not '../g'"
    if shutil.which("dot"):
        printed, error, _ = run(MAKE_DOT + "print(g.render('r'))\ng.format = 'svg'\nprint(g.render('s', cleanup=True))")
        assert error is None and printed.endswith("r.pdf\ns.svg\n")
        assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "r").exists()
        assert b"<svg" in (tmp_path / "s.svg").read_bytes() and not (tmp_path / "s").exists()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    _, error, _ = run(MAKE_DOT + "g.render('r')")
    assert error == ("ExecutableNotFound: failed to execute PosixPath('dot'), make sure the Graphviz executables are "
                     "on your systems' PATH")


def test_the_shell_draws_make_dot_and_does_not_echo_its_address():
    from tensorsh.app import shell as sh
    out = []
    shell = sh.Shell(write=out.append, write_err=out.append)
    shell.handle("a = torch.ones(2, requires_grad=True)")
    shell.handle("make_dot(a * 2)")
    text = "".join(out)
    assert text.startswith("[2., 2.]\n└── MulBackward0\n") and "object at" not in text


def test_tensorsh_test_refuses_a_bomb_at_once_and_goes_on(tmp_path):
    p = tmp_path / "bomb.tsh"
    p.write_text("x = torch.ones(3).expand(10**9, 3).exp()\n#! MemoryError: Unable to allocate ...\nprint(1)\n#> 1\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1", TENSORSH_MEMORY_LIMIT="1e8")
    r = subprocess.run([sys.executable, "-m", "tensorsh", "test", str(p)], capture_output=True, text=True, env=env,
                       timeout=60)
    assert (r.returncode, r.stdout) == (0, "1 passed, 0 failed\n")

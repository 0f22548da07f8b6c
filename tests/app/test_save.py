""":save writes a golden file that passes `tensorsh test` on itself, whatever the session held (issue 15)."""
import signal

from hypothesis import HealthCheck, given, settings, strategies as st

from tensorsh.app import golden, shell as sh

SETUP = ["x = tensor([1., 2., 3.], grad)", "y = x.detach()", "b = x * 2"]
POOL = [
    "x._version, y._version",                       # a tuple echo: print(a, b) would print `1 1`
    "x", "'text'", "x.sum().item()", "y.shape",
    "y[0] = 5.", "y.add_(1)", "b = x * 2", "b.sum().backward()", "x.grad",
    "show(x, y)", "show()", "graph(b)", "graph(b.exp())",                       # coloured in the shell
    "q + 1", "x.view(7)", "c = x.exp(); c.fill_(1.); c.sum().backward()",       # errors
    "b.grad",                                                                   # a warning
    "torch.manual_seed(0)", "print(b.grad_fn)", "b.grad_fn",                    # object addresses
    "for i in range(2):\n    print(i, x._version)", "print(1, end='')", "z = ones(2); z, z.sum()",
    "x = (1,",                                                                  # a syntax error
    "LOOP",                                                                     # interrupted with Ctrl-C
]
LOOP = "for i in range(10**9):\n    y.add_(0)"


def interrupted(shell, text, after=0.05):
    """Run text in the shell and press Ctrl-C (a KeyboardInterrupt from a timer) while it runs."""
    def press(signum, frame):
        raise KeyboardInterrupt
    old = signal.signal(signal.SIGALRM, press)
    signal.setitimer(signal.ITIMER_REAL, after)
    try:
        shell.handle(text)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def session(statements, plain, tmp_path):
    out = []
    shell = sh.Shell(write=out.append, write_err=out.append, plain=plain, width=80 if plain else 131)
    for text in SETUP + statements:
        if text == "LOOP":
            interrupted(shell, LOOP)
        else:
            shell.handle(text)
    path = tmp_path / "saved.tsh"
    shell.handle(f":save {path}")
    return shell, "".join(out), path


@settings(max_examples=30, deadline=None, derandomize=True, database=None, print_blob=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statements=st.lists(st.sampled_from(POOL), min_size=1, max_size=8), plain=st.booleans())
def test_a_saved_session_passes_tensorsh_test(statements, plain, tmp_path_factory):
    shell, shown, path = session(statements, plain, tmp_path_factory.mktemp("save"))
    text = path.read_text()
    assert "\x1b" not in text
    result = golden.check_file(str(path), timeout=10)
    assert result.ok, golden.report(result) + "\n" + text


def test_what_save_writes(tmp_path):
    statements = ["x._version, y._version", "'text'", "torch.manual_seed(0)", "LOOP", "x = (1,", "show(y)"]
    shell, shown, path = session(statements, False, tmp_path)
    assert "\x1b[" in shown                                  # the shell drew in colour
    assert "the statement was undone as a whole (every iteration of a loop)" in shown
    assert path.read_text() == (
        "x = tensor([1., 2., 3.], grad)\ny = x.detach()\nb = x * 2\n"
        "print((x._version, y._version))\n#> (0, 0)\n"
        "print(repr('text'))\n#> 'text'\n"
        "print(torch.manual_seed(0))\n#> ...\n"
        "# (interrupted (Ctrl-C) and undone, left out) for i in range(10**9):\n"
        "# (interrupted (Ctrl-C) and undone, left out)     y.add_(0)\n"
        "# (SyntaxError, left out) x = (1,\n"
        "show(y)\n"
        "#> name  value         grad\n"
        "#> ────────────────────────\n"
        "#> y     [1., 2., 3.]  None\n"
        "#>\n"
        "#> name  shape  dtype    storage  offset  stride  ver  autograd\n"
        "#> ────────────────────────────────────────────────────────────\n"
        "#> y     (3,)   float32  S1       0       (1,)    0    leaf\n"
        "#>\n"
        "#> S1  3 × float32 = 12 bytes, used by y\n"
        "#>     y  [███]  elements 0..2\n")
    assert golden.check_file(str(path)).ok

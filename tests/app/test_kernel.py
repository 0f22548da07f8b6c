"""The Jupyter kernel, for real: a kernel process started by jupyter_client, the kernelspec, tour.ipynb under nbclient.

One kernel serves the whole module (tests that change its session say what they leave behind). Skips cleanly
when the Jupyter packages (the `jupyter` extra and jupyter_client) are not installed.
"""
import json
import os
import pathlib
import subprocess
import sys
import time

import pytest

pytest.importorskip("ipykernel", reason="the tensorsh kernel needs ipykernel (pip install 'tensorsh[jupyter]')")
pytest.importorskip("jupyter_client", reason="starting a kernel needs jupyter_client")

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _env(**extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def jupyter_path(tmp_path_factory):
    """The kernelspec installed into a fresh prefix, and Jupyter looking there (and in no user folder)."""
    prefix = tmp_path_factory.mktemp("prefix")
    from tensorsh.app.kernelspec import install
    install(prefix=str(prefix))
    path = str(prefix / "share" / "jupyter")
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "PYTHONPATH")}
    os.environ["JUPYTER_PATH"] = path
    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]      # the kernel process imports this checkout
    yield path
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def kernel(jupyter_path):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name="tensorsh")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
    except RuntimeError:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        raise
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kernel, code, timeout=30):
    """(reply content, [(msg_type, content)] of the outputs) of one execute_request."""
    _, kc = kernel
    outputs = []

    def hook(msg):
        if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            outputs.append((msg["msg_type"], msg["content"]))
    reply = kc.execute_interactive(code, output_hook=hook, timeout=timeout)
    return reply["content"], outputs


def stdout_of(outputs):
    return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == "stdout")


def request(kernel, method, *args):
    _, kc = kernel
    msg_id = getattr(kc, method)(*args)
    while True:
        msg = kc.get_shell_msg(timeout=20)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


# ---------------------------------------------------------------- executing
def test_seed_experiment_prints_what_pytorch_prints(kernel):
    torch = pytest.importorskip("torch")
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    y = x.detach()
    y[0] = 10.
    expected = f"{x}\n{x._version} {y._version} {y.requires_grad}\n"
    reply, outputs = run(kernel, "x = tensor([1., 2., 3.], grad)\ny = x.detach()\ny[0] = 10.\n"
                                 "print(x)\nprint(x._version, y._version, y.requires_grad)")
    assert reply["status"] == "ok"
    assert stdout_of(outputs) == expected


def test_last_bare_expression_is_the_cell_result(kernel):
    reply, outputs = run(kernel, "t = ones(2) * 3\nt")
    assert [t for t, _ in outputs] == ["execute_result"]
    data = outputs[0][1]["data"]
    assert data["text/plain"] == "tensor([3., 3.])"
    assert "tensor([3., 3.])" in data["text/html"] and "float32" in data["text/html"]
    assert outputs[0][1]["execution_count"] == reply["execution_count"]


def test_error_cell_is_located_and_changes_nothing(kernel):
    torch = pytest.importorskip("torch")
    with pytest.raises(RuntimeError) as caught:
        torch.ones(2, requires_grad=True).exp_()
    run(kernel, "w = tensor([1., 2.], grad)\nv = w * 2")
    reply, outputs = run(kernel, "u = w + 1\nv.mul_(2)\nw.exp_()")
    n = reply["execution_count"]
    assert reply["status"] == "error"
    assert (reply["ename"], reply["evalue"]) == ("RuntimeError", str(caught.value))
    error = [c for t, c in outputs if t == "error"]
    assert len(error) == 1 and error[0]["traceback"] == reply["traceback"]
    tb = [line.replace("\x1b[1;31m", "").replace("\x1b[0m", "") for line in reply["traceback"]]
    assert tb[0] == f"In [{n}]:3:1: error: in-place change of a leaf tensor that requires grad"
    assert tb[1:3] == ["    3 | w.exp_()", "      | ^~~~~~~~"]
    assert tb[-1] == f"RuntimeError: {caught.value}"
    # the whole cell is undone: u was never bound, v's in-place multiply is rolled back
    reply, outputs = run(kernel, "print(v, v._version)")
    assert stdout_of(outputs) == "tensor([2., 4.], grad_fn=<MulBackward0>) 0\n"
    reply, _ = run(kernel, "u")
    assert (reply["status"], reply["ename"]) == ("error", "NameError")


def test_syntax_error_is_located(kernel):
    reply, _ = run(kernel, "a = (1,\nb = 2)")
    assert reply["status"] == "error" and reply["ename"] == "SyntaxError"
    assert reply["traceback"][0].startswith(f"\x1b[1;31mIn [{reply['execution_count']}]:")


def test_show_is_displayed_as_html_and_text(kernel):
    reply, outputs = run(kernel, "s = tensor([1., 2., 3., 4.])\nprint('before')\nshow(s, s[1:])\nprint('after')")
    assert [t for t, _ in outputs] == ["stream", "display_data", "stream"]     # the view stays where it was drawn
    assert (outputs[0][1]["text"], outputs[2][1]["text"]) == ("before\n", "after\n")
    data = outputs[1][1]["data"]
    assert data["text/html"].startswith("<pre") and "<span" in data["text/html"]
    assert "s[1:]" in data["text/plain"] and "elements 1..3" in data["text/plain"]
    assert "\x00" not in data["text/plain"]


def test_graph_is_displayed_with_svg_when_dot_exists(kernel):
    import shutil
    reply, outputs = run(kernel, "g = tensor([2., 3.], grad)\nh = g.exp()\ngraph(h)")
    data = outputs[-1][1]["data"]
    assert data["text/plain"].splitlines()[1:] == ["\u2514\u2500\u2500 ExpBackward0",
                                                  "    \u251c\u2500\u2500 saved h (v0)",
                                                  "    \u2514\u2500\u2500 AccumulateGrad \u2192 g (2,) float32"]
    assert "ExpBackward0" in data["text/html"]
    assert ("image/svg+xml" in data) == (shutil.which("dot") is not None)
    if "image/svg+xml" in data:
        assert "<svg" in data["image/svg+xml"] and "ExpBackward0" in data["image/svg+xml"]


def test_meta_commands_and_explain_notes(kernel):
    reply, outputs = run(kernel, ":explain on\nq = ones(2, grad)")
    assert reply["status"] == "ok"
    assert stdout_of(outputs) == "explain on\n"
    notes = [c["data"] for t, c in outputs if t == "display_data"]
    assert len(notes) == 1 and "q: new storage" in notes[0]["text/plain"] and "<pre" in notes[0]["text/html"]
    run(kernel, ":explain off")
    reply, outputs = run(kernel, ":quit")
    assert outputs == [("stream", {"name": "stderr", "text": ":quit leaves nothing in a notebook: restart or shut "
                                                           "down the kernel instead\n"})]
    reply, outputs = run(kernel, ":nonsense")
    assert "unknown command :nonsense" in "".join(c["text"] for t, c in outputs if t == "stream")


def test_warning_goes_to_stderr(kernel):
    reply, outputs = run(kernel, "r = ones(2, grad) * 2\nprint(r.grad)")
    assert [(c["name"], c["text"].split(":")[0]) for t, c in outputs] == [("stderr", "UserWarning"),
                                                                         ("stdout", "None\n")]


# ---------------------------------------------------------------- completion, inspection, console
def test_completion_of_a_method(kernel):
    run(kernel, "x = tensor([1.], grad)")
    content = request(kernel, "complete", "x.det", 5)
    assert content["status"] == "ok"
    assert "detach" in content["matches"] and "detach_" in content["matches"]
    assert (content["cursor_start"], content["cursor_end"]) == (2, 5)
    content = request(kernel, "complete", "y = ten", 7)
    assert "tensor" in content["matches"] and content["cursor_start"] == 4


def test_inspect_gives_pytorch_name_and_signature(kernel):
    run(kernel, "x = tensor([1.], grad)")
    content = request(kernel, "inspect", "x.add_(", 7)
    assert content["found"]
    first, doc = content["data"]["text/plain"].split("\n", 1)
    assert first == "torch.Tensor.add_(other, alpha=1)"
    assert "in-place" in doc
    assert not request(kernel, "inspect", "1 + ", 4)["found"]
    torch_fn = request(kernel, "inspect", "y = torch.exp(x)", 12)["data"]["text/plain"]
    assert torch_fn.startswith("torch.exp(")
    assert request(kernel, "inspect", "show(x)", 2)["data"]["text/plain"].startswith("show\nshow(x, y, ...) draws")


def test_is_complete_for_console(kernel):
    assert request(kernel, "is_complete", "x = ones(2)") == {"status": "complete"}
    assert request(kernel, "is_complete", "for i in range(3):") == {"status": "incomplete", "indent": "    "}
    assert request(kernel, "is_complete", "x = (1,")["status"] == "incomplete"
    assert request(kernel, "is_complete", "x = )")["status"] == "invalid"


def test_kernel_info(kernel):
    info = request(kernel, "kernel_info")
    lang = info["language_info"]
    assert (lang["name"], lang["file_extension"], lang["pygments_lexer"], lang["codemirror_mode"]) == \
        ("tensorsh", ".tsh", "tensorsh", "python")
    assert info["implementation"] == "tensorsh" and "debugger" not in info["supported_features"]


def test_interrupt_ends_an_endless_loop_and_the_kernel_lives(kernel):
    km, kc = kernel
    run(kernel, "n = 0")
    msg_id = kc.execute("print('started')\nfor i in range(100000000):\n    n = n + 1\n")
    while True:      # a statement's output is sent when it ends: the loop has begun
        msg = kc.get_iopub_msg(timeout=20)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    time.sleep(0.2)
    km.interrupt_kernel()
    while True:
        reply = kc.get_shell_msg(timeout=20)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    content = reply["content"]
    assert (content["status"], content["ename"]) == ("error", "KeyboardInterrupt")
    assert content["traceback"][0].endswith("error: interrupted (Ctrl-C) while running this statement\x1b[0m")
    assert content["traceback"][1] == "    3 |     n = n + 1"
    assert km.is_alive()
    reply, outputs = run(kernel, "print(n)")          # alive, and the interrupted cell undone
    for _ in range(20):  # (ipykernel aborts what reaches it while it drops the queue after an error: a race)
        if reply["status"] != "aborted":
            break
        time.sleep(0.1)
        reply, outputs = run(kernel, "print(n)")
    assert (reply["status"], stdout_of(outputs)) == ("ok", "0\n")


# ---------------------------------------------------------------- kernelspec
def test_kernel_install_prefix_is_listed_by_jupyter(tmp_path):
    r = subprocess.run([sys.executable, "-m", "tensorsh", "kernel", "install", "--prefix", str(tmp_path)],
                       capture_output=True, text=True, env=_env())
    assert r.returncode == 0, r.stderr
    folder = tmp_path / "share" / "jupyter" / "kernels" / "tensorsh"
    assert r.stdout == f"installed kernelspec tensorsh in {folder}\n"
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["argv"][:3] == [sys.executable, "-m", "tensorsh.app.kernel"]
    assert (spec["display_name"], spec["language"]) == ("tensorsh", "tensorsh")
    listed = subprocess.run([sys.executable, "-m", "jupyter", "kernelspec", "list", "--json"], capture_output=True,
                            text=True, env=_env(JUPYTER_PATH=str(tmp_path / "share" / "jupyter")))
    assert listed.returncode == 0, listed.stderr
    specs = json.loads(listed.stdout)["kernelspecs"]
    assert specs["tensorsh"]["resource_dir"] == str(folder)
    r = subprocess.run([sys.executable, "-m", "tensorsh", "kernel", "uninstall", "--prefix", str(tmp_path)],
                       capture_output=True, text=True, env=_env())
    assert (r.returncode, r.stdout) == (0, f"removed kernelspec tensorsh from {folder}\n")
    assert not folder.exists()


def test_kernel_command_without_the_extra_says_what_to_install():
    code = ("import sys\nsys.modules['ipykernel'] = None\nfrom tensorsh.app.cli import main\n"
            "raise SystemExit(main(['kernel', 'install', '--user']))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert r.returncode == 2
    assert r.stderr == "tensorsh kernel needs the Jupyter extra: pip install 'tensorsh[jupyter]' (ipykernel)\n"


def test_starting_tensorsh_imports_no_jupyter():
    code = ("from tensorsh.app.cli import main\nimport tensorsh\nassert main(['-c', 'print(1)']) == 0\n"
            "import sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('ipykernel', 'jupyter_client', 'zmq', 'IPython', 'nbformat', 'nbclient')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert r.returncode == 0, r.stderr
    assert r.stdout == "1\n[]\n"

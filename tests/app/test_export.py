"""`tensorsh export`: short spellings expanded on the AST, verbatim PyTorch kept, errors wrapped; runs under torch."""
import importlib.util
import subprocess
import sys

import pytest

from tensorsh.app import export

HAVE_TORCH = importlib.util.find_spec("torch") is not None


def body(text, **kw):
    """The exported script without its fixed header."""
    code = export.export_source(text, "t.tsh", **kw)
    compile(code, "t.py", "exec")               # always valid Python
    return code.split("# ---- t.tsh ----\n", 1)[1]


@pytest.mark.parametrize("short, python", [
    ("x = tensor([1.], grad)", "x = torch.tensor([1.0], requires_grad=True)"),
    ("backward(y)", "y.backward()"),
    ("backward(y, retain)", "y.backward(retain_graph=True)"),
    ("backward(y, ones(5))", "y.backward(torch.ones(5))"),
    ("backward(a * b, create)", "(a * b).backward(create_graph=True)"),
    ("c = deepcopy(x)", "c = copy.deepcopy(x)"),
    ("g = grad(y, x)", "g = torch.autograd.grad(y, x)"),
    ("(g,) = grad(y, x, create)", "g, = torch.autograd.grad(y, x, create_graph=True)"),
    ("y = exp(x) + ones_like(x)", "y = torch.exp(x) + torch.ones_like(x)"),
    ("y = zeros(2, dtype=float64)", "y = torch.zeros(2, dtype=torch.float64)"),
    ("print(len([1]), max(1, 2))", "print(len([1]), max(1, 2))"),
    ("y = x[..., None][:, 1:3:2]", "y = x[..., None][:, 1:3:2]"),
    ("h = x.register_hook(lambda g: g * 2)", "h = x.register_hook(lambda g: g * 2)"),
    ("y = -exp(x + 1) ** 2", "y = -(torch.exp(x + 1) ** 2)"),
    ("y = (exp(x) + 1) * 2", "y = (torch.exp(x) + 1) * 2"),
    ("print(f'a = {tensor(1.)!r:>5}')", "print(f'a = {torch.tensor(1.0)!r:>5}')"),
])
def test_short_spellings_are_expanded(short, python):
    assert body(short + "\n") == python + "\n"


def test_pytorch_spelling_is_kept_verbatim_with_comments():
    src = "import torch\nx = torch.tensor(([1.0]),requires_grad=True)  # keep me\nprint(x) #tensor([1.])\n"
    assert body(src) == src


def test_blocks_and_context_managers():
    out = body("x = ones(2, grad)\nwith no_grad:\n    y = x * 2\n    with enable_grad:\n        z = x * 2\n"
               "for i in range(2):\n    print(i)\n")
    assert "with torch.no_grad():\n    y = x * 2\n    with torch.enable_grad():\n        z = x * 2\n" in out
    assert "for i in range(2):\n    print(i)\n" in out


def test_variables_shadow_builtins():
    out = body("x = ones(2, grad)\nsum = (x * 2).sum()\nbackward(sum)\nexp = 3\nprint(exp)\n")
    assert "sum.backward()" in out and "print(exp)" in out and "torch.sum" not in out


def test_drawing_becomes_a_comment_and_torchviz_import_too():
    out = body("from torchviz import make_dot\nx = ones(1, grad)\ngraph(x * 2)\nshow()\nmake_dot(x)\n")
    assert "# from torchviz import make_dot" in out
    assert "# graph(...)" in out and "# show(...)" in out and "# make_dot(...)" in out


def test_statement_with_expected_error_is_wrapped():
    out = body("x = ones(1, grad)\nx.add_(1)\n#! RuntimeError: a leaf ...\nprint(x)\n#> tensor([1.], requires_grad=True)\n")
    assert out == ("x = torch.ones(1, requires_grad=True)\ntry:\n    x.add_(1)\nexcept Exception as e:\n    _error(e)\n"
                   "#! RuntimeError: a leaf ...\nprint(x)\n#> tensor([1.], requires_grad=True)\n")


def test_statements_sharing_a_line_are_split():
    assert body("a = 1; b = tensor([2.])\n") == "a = 1\nb = torch.tensor([2.0])\n"


def test_cli(tmp_path, capsys):
    src = tmp_path / "e.tsh"
    src.write_text("print(ones(2))\n")
    assert export.main([str(src)]) == 0
    assert "print(torch.ones(2))" in capsys.readouterr().out
    out = tmp_path / "e.py"
    assert export.main([str(src), "-o", str(out)]) == 0
    assert out.read_text().startswith("import copy")
    assert export.main([]) == 2
    assert export.main(["--bogus", str(src)]) == 2
    assert export.main([str(tmp_path / "missing.tsh")]) == 2
    bad = tmp_path / "bad.tsh"
    bad.write_text("x = (\n")
    assert export.main([str(bad)]) == 1
    assert "SyntaxError" in capsys.readouterr().err


@pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")
def test_export_runs_under_torch_and_prints_the_expectations(tmp_path):
    src = tmp_path / "e.tsh"
    src.write_text("a = tensor([2., 3.], grad)\nb = a.exp()\nb.fill_(2)\nbackward(b.sum())\n#! RuntimeError: x\n"
                   "y = a * 2\nprint(y.grad)\nprint(a.grad)\n")
    out = tmp_path / "e.py"
    assert export.main([str(src), "-o", str(out)]) == 0
    proc = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("RuntimeError: one of the variables needed for gradient computation has been modified")
    assert lines[1].startswith("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor")
    assert "Triggered internally" not in lines[1]
    assert lines[2:] == ["None", "None"]

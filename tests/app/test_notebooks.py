"""Notebooks: examples/tour.ipynb under nbclient equals the tour's golden expectations; notebooks of tensorsh cells
in `tensorsh test`/`export`; the `%%tensorsh` magic of `%load_ext tensorsh` in IPython."""
import importlib.util
import io
import os
import pathlib
import sys

import pytest

from tensorsh.app import golden
from tensorsh.app.golden import output_lines, raised_lines

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _nbformat():
    return pytest.importorskip("nbformat", reason="notebooks need nbformat (the test extra installs it)")


def _tour_script():
    spec = importlib.util.spec_from_file_location("tour_notebook", ROOT / "scripts" / "tour_notebook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golden_lines(outputs):
    """A cell's outputs as `#>`/`#!` lines, as a golden file states them (the cell's echoed value aside)."""
    lines = []
    for out in outputs:
        kind = out["output_type"]
        if kind == "stream":
            lines += output_lines(out["text"]) if out["name"] == "stdout" else raised_lines(out["text"])
        elif kind == "display_data":
            lines += output_lines(out["data"]["text/plain"] + "\n")
        elif kind == "error":
            lines += raised_lines(f"{out['ename']}: {out['evalue']}" if out["evalue"] else out["ename"])
    return lines


def test_tour_notebook_is_the_tour(monkeypatch):
    """examples/tour.ipynb holds exactly the cells scripts/tour_notebook.py makes of examples/tour.tsh."""
    nbformat = _nbformat()
    built = _tour_script().build()
    stored = nbformat.read(str(ROOT / "examples" / "tour.ipynb"), as_version=4)
    assert [(c.cell_type, c.source, c.metadata.get("tensorsh")) for c in stored.cells] == \
        [(c.cell_type, c.source, c.metadata.get("tensorsh")) for c in built.cells]
    assert stored.metadata.kernelspec.name == "tensorsh"


def test_tour_notebook_executes_with_the_golden_outputs():
    pytest.importorskip("ipykernel", reason="the tensorsh kernel needs ipykernel")
    pytest.importorskip("nbclient", reason="executing notebooks needs nbclient")
    nbformat = _nbformat()
    script = _tour_script()
    nb = script.execute(nbformat.read(str(ROOT / "examples" / "tour.ipynb"), as_version=4))
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells
    for cell in code_cells:
        assert golden_lines(cell.outputs) == cell.metadata["tensorsh"]["expected"], cell.source
        echoed = [o for o in cell.outputs if o["output_type"] == "execute_result"]
        assert not echoed or cell.outputs[-1] is echoed[0]
    # every expectation of tour.tsh belongs to one cell
    text = (ROOT / "examples" / "tour.tsh").read_text(encoding="utf-8")
    all_expected = [golden.normalize(line) for line in text.split("\n") if golden.is_expectation(line)]
    assert [line for c in code_cells for line in c.metadata["tensorsh"]["expected"]] == all_expected


def _notebook(tmp_path, cells, language="tensorsh"):
    nbformat = _nbformat()
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": language, "display_name": language,
                                                           "language": language}})
    nb.cells = [nbformat.v4.new_markdown_cell("# notes")] + [nbformat.v4.new_code_cell(c) for c in cells]
    path = tmp_path / "exp.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_tensorsh_test_checks_the_expectations_inside_cells(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CI", raising=False)  # (under CI, --update is refused before the notebook is looked at)
    path = _notebook(tmp_path, ["x = tensor([1., 2.], grad)\nprint(x * 2)\n#> tensor([2., 4.], grad_fn=<MulBackward0>)",
                                ":explain on\nx.exp_()\n#! RuntimeError: a leaf Variable that requires grad is being "
                                "used in an in-place operation.\nprint(x)\n#> tensor([1., 3.], requires_grad=True)"])
    assert golden.main([str(path)]) == 1
    out = capsys.readouterr().out
    assert f"FAILED {path}:9: print(x)" in out       # line 9 of the cells joined under `# %% In [n]` lines
    assert "-#> tensor([1., 3.], requires_grad=True)" in out and "+#> tensor([1., 2.], requires_grad=True)" in out
    assert golden.main([str(path), "--update"]) == 1
    assert "--update does not rewrite notebooks" in capsys.readouterr().err


def test_a_python_notebook_is_refused_clearly(tmp_path, capsys):
    path = _notebook(tmp_path, ["import torch"], language="python")
    assert golden.main([str(path)]) == 1
    assert ("a notebook of python cells (kernel python); tensorsh tests and exports only notebooks of tensorsh cells"
            in capsys.readouterr().out)


def test_export_of_a_notebook(tmp_path, capsys):
    from tensorsh.app import export
    path = _notebook(tmp_path, ["x = tensor([1., 2.], grad)", "backward(x.sum())\nprint(x.grad)"])
    assert export.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "# %% In [1]\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n# %% In [2]\nx.sum().backward()\n" in out


# ---------------------------------------------------------------- %load_ext tensorsh
@pytest.fixture
def ipython():
    pytest.importorskip("IPython", reason="the magic needs IPython")
    from IPython.core.interactiveshell import InteractiveShell
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "tensorsh")
    yield ip
    InteractiveShell.clear_instance()


def test_tensorsh_cell_magic(ipython, capsys):
    r = ipython.run_cell("%%tensorsh\nx = ones(2, grad)\nprint(x * 2)\nx.sum()")
    assert r.success and repr(r.result) == "tensor(2., grad_fn=<SumBackward0>)"
    assert capsys.readouterr().out.startswith("tensor([2., 2.], grad_fn=<MulBackward0>)\n")
    r = ipython.run_cell("%%tensorsh\ny = x * 3\nx.bad()")      # the session lives on between cells
    assert not r.success and type(r.error_in_exec).__name__ == "TensorshError"
    err = capsys.readouterr()
    assert "<tensorsh cell 2>:2:1: error: 'Tensor' object has no attribute 'bad'" in err.out + err.err
    assert "Traceback" not in err.out + err.err
    r = ipython.run_cell("%tensorsh print(y)")          # the failed cell was undone as a whole
    assert not r.success and "NameError: name 'y' is not defined" in "".join(capsys.readouterr())
    r = ipython.run_cell("%tensorsh show(x)")
    assert r.success and "S1  2 \u00d7 float32 = 8 bytes, used by x" in capsys.readouterr().out


def test_views_land_between_prints_and_a_printed_marker_stays_text():
    """No Jupyter needed: the cell runner the kernel and the magic share."""
    from tensorsh.app.notebook import NotebookShell
    got = []
    shell = NotebookShell(lambda name, text: got.append((name, text)), lambda b: got.append(("view", b)),
                          lambda b: got.append(("result", b)))
    assert shell.run_cell('x = ones(2)\nprint("\\x00tsh-view-0\\x00")\nshow(x)\nprint(1)\nx', "In [1]") is None
    kinds = [k for k, _ in got]
    assert kinds == ["stdout", "view", "stdout", "result"]
    assert got[0][1] == "\x00tsh-view-0\x00\n" and got[2][1] == "1\n"
    assert got[1][1]["text/plain"].startswith("name  value     grad") and got[1][1]["text/html"].startswith("<pre")
    assert got[3][1]["text/plain"] == "tensor([1., 1.])"


def test_a_notebook_without_expectations_says_so(tmp_path, capsys):
    path = _notebook(tmp_path, ["x = ones(2)\nprint(x)"])
    assert golden.main([str(path)]) == 1
    assert "nothing to check: no `#>`/`#!` lines in the notebook's code cells" in capsys.readouterr().out

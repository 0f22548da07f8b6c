"""Every golden file and example, checked against real PyTorch through `tensorsh test --against-torch`."""
import importlib.util
from pathlib import Path

import pytest

from tensorsh.app import golden

ROOT = Path(__file__).resolve().parents[2]
needs_torch = pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
FILES = golden.find_files([str(ROOT / "tests" / "golden"), str(ROOT / "examples")])
CONDITIONAL = [f for f in FILES if any(line.startswith(golden.REQUIRES) for line in open(f, encoding="utf-8"))]


@needs_torch
def test_golden_files_and_examples_match_pytorch(capsys):
    files = [f for f in FILES if f not in CONDITIONAL]
    code = golden.main(["--against-torch", *files])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines()[-1] == f"{len(files)} passed, 0 failed"


@needs_torch
@pytest.mark.parametrize("path", CONDITIONAL, ids=lambda p: Path(p).name)
def test_files_with_a_requirement_match_pytorch_where_it_is_met(path, capsys):
    """`# tensorsh: requires avx2`: PyTorch's sums differ without its AVX2 kernels, so the file is skipped there,
    visibly, instead of failing on expectations that mode cannot reproduce."""
    why = golden.missing_requirement(open(path, encoding="utf-8").read().split("\n"))
    if why:
        pytest.skip(why)
    code = golden.main(["--against-torch", path])
    out = capsys.readouterr().out
    assert (code, out.splitlines()[-1]) == (0, "1 passed, 0 failed"), out


def test_a_requirement_not_met_skips_the_file(tmp_path, monkeypatch, capsys):
    p = tmp_path / "needs.tsh"
    p.write_text("# tensorsh: requires avx2\nprint(1)\n#> 2\n")
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "default")
    assert golden.main([str(p)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"SKIPPED {p}: requires PyTorch's AVX2 kernels, which it does not use here "
                             "(ATEN_CPU_CAPABILITY=default")
    assert out[-1] == "0 passed, 0 failed, 1 skipped"

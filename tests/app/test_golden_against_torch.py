"""Every golden file and example, checked against real PyTorch through `tensorsh test --against-torch`."""
import importlib.util
from pathlib import Path

import pytest

from tensorsh.app import golden

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_golden_files_and_examples_match_pytorch(capsys):
    code = golden.main(["--against-torch", str(ROOT / "tests" / "golden"), str(ROOT / "examples")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.splitlines()[-1].endswith(" passed, 0 failed")

"""Classes of difference found by the seventeenth round's held-out training programs (held17b), one program each,
run in torch and in the language: printed text, the error line and the warnings the same. SCRIPTS run as files
under python and `tensorsh run` (their warnings' count depends on the location Python's filter keys them by)."""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
sys.path.insert(0, str(Path(__file__).parent.parent.parent / "scripts"))
from same_as_torch import same_as_torch  # noqa: E402
from compare_programs import outcome  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
}

SCRIPTS = {
# THPVariable_float_scalar (and complex's) warn of requires_grad before the element count is checked; int() does not
"scalar_conversion_warns_before_its_element_check": """
import torch
x = torch.ones(2, requires_grad=True)
for f in [lambda: int(x), lambda: complex(x), lambda: float(x)]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)
""",
# init.kaiming_*_'s zero-element warning has stacklevel=2: inside a built-in layer's reset_parameters that is torch's
# line (shown once per process), from the program its own line
"zero_element_init_warning_is_at_the_callers_line": """
import torch
import torch.nn as nn
for i in range(2):
    print(nn.Linear(0, 3).weight.shape, nn.Conv1d(0, 2, 3).weight.shape, nn.Linear(3, 0).bias)
    nn.init.kaiming_uniform_(torch.empty(0, 3))
    nn.init.kaiming_normal_(torch.empty(3, 0))
class Mine(nn.Linear):
    def reset_parameters(self):
        nn.init.kaiming_normal_(self.weight)
Mine(0, 2); Mine(0, 2)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held17b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_held17b_script_prints_as_torch(name, tmp_path, monkeypatch):
    root = str(Path(__file__).parent.parent.parent)
    monkeypatch.setenv("PYTHONPATH", root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    path = tmp_path / f"{name}.py"
    path.write_text(SCRIPTS[name])
    assert outcome([sys.executable, "-m", "tensorsh", "run"], str(path), 120) == outcome([sys.executable], str(path), 120)

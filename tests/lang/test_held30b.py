"""Classes of difference found by the thirtieth round's held-out programs on torch.nn modules (held30b, issue 16)
that show in the language only: one differential program each, run in torch and in the language."""
import sys
from pathlib import Path

import pytest

from test_torch_programs import assert_prints_as_torch

sys.path.insert(0, str(Path(__file__).parent.parent / "nn"))
from nn_harness import script_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
"an_attributeerror_inside_a_property_is_an_attributeerror_to_pythons_getattr_and_the_modules_getattr": """
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)
    @property
    def out_dim(self):
        return self.fc.out_features
    @property
    def in_dim(self):
        return self.encoder.in_features
    @property
    def table(self):
        return {}['k']
class Plain:
    @property
    def bad(self):
        return self.missing
class Fallback(Plain):
    def __getattr__(self, name):
        return 'fallback ' + name
net = Net()
print(net.out_dim, hasattr(net, 'out_dim'), hasattr(net, 'in_dim'), getattr(net, 'in_dim', None))
print(hasattr(Plain(), 'bad'), getattr(Plain(), 'bad', 0), Fallback().bad)
for f in [lambda: net.in_dim, lambda: net.table, lambda: Plain().bad, lambda: getattr(net, 'in_dim')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'name', ''))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


# Run as files under python and `tensorsh run`: the uncaught error's last line carries Python's "Did you mean" hint.
SCRIPTS = {
"the_uncaught_error_of_a_property_that_raised_suggests_among_the_other_names": """
import torch
import torch.nn as nn
class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
    @property
    def dtype(self):
        return self.fc.wieght.dtype
print(hasattr(Encoder(), 'dtype'))
Encoder().dtype
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_language_runs_the_script_as_torch(name, tmp_path, monkeypatch):
    script_prints_as_torch(SCRIPTS[name], tmp_path, monkeypatch)

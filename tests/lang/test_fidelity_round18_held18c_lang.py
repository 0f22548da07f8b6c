"""Classes of difference found by the eighteenth round's held-out programs on autograd extensions (held18c, issue
16) that only a program shows: warnings PyTorch gives at a line of its own Python code (stacklevel=2 inside torch:
gradcheck's double-precision warning, the reentrant checkpoint's "None of the inputs") are shown once per process by
Python's default filter; torch.nn read for the first time inside a dual level computes tangents. Run in torch and
in the language."""
import os
import subprocess
import sys

import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"warnings_at_torchs_own_lines_show_once": """
from torch.utils.checkpoint import checkpoint
from torch.autograd import gradcheck
torch.manual_seed(0)
x = torch.randn(3)
y = checkpoint(torch.sin, x, use_reentrant=True)
y = checkpoint(torch.sin, x, use_reentrant=True)
y = checkpoint(torch.cos, x, use_reentrant=False)
for i in range(2):
    y = checkpoint(torch.cos, x)
z = torch.randn(3, requires_grad=True)
print(gradcheck(torch.sin, (z,), atol=1e-2, rtol=1e-2))
print(gradcheck(torch.sin, (z,), atol=1e-2, rtol=1e-2))
""",
"torch_nn_first_read_inside_a_dual_level_gets_tangents": """
import torch.autograd.forward_ad as fwAD
with fwAD.dual_level():
    x = fwAD.make_dual(torch.tensor([1.0, -1.0]), torch.tensor([2.0, 3.0]))
    print(fwAD.unpack_dual(torch.nn.functional.gelu(x)).tangent)
    print(fwAD.unpack_dual(torch.nn.GELU()(x)).tangent)
""",
}

# run by a fresh `python3 -m tensorsh run` (torch.nn not loaded yet), their printed text compared (torch's first use
# of forward AD warns torch.jit.script's DeprecationWarning from its own imports)
FRESH_PROCESS = {"torch_nn_first_read_inside_a_dual_level_gets_tangents"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_fresh(src, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("import torch\n" + src)
    done = subprocess.run([sys.executable, "-m", "tensorsh", "run", str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": ROOT}, timeout=600)
    return done.stdout


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round18_held18c_class_prints_as_torch(name, tmp_path):
    """The printed text and the warnings, as torch gives them."""
    src = "import copy\n" + PROGRAMS[name]
    if name in FRESH_PROCESS:
        assert run_fresh(PROGRAMS[name], tmp_path) == run_in_torch(src)[0]
    else:
        got, stderr = run_in_language(PROGRAMS[name])
        assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

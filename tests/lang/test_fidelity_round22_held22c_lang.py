"""Classes of difference found by the twenty-second round's held-out programs on autograd extensions and functional
autograd (held22c, issue 16) that need the language (torch.utils.checkpoint's import): run in torch and in the
language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"non_reentrant_checkpoint_recomputes_with_the_keyword_arguments": """
from torch.utils.checkpoint import checkpoint
calls = []
def block(x, scale=1.0, shift=0.0):
    calls.append((scale, shift))
    return torch.relu(x) * scale + shift
x = torch.tensor([-1.0, 2.0, 3.0], requires_grad=True)
y = checkpoint(block, x, scale=2.0, shift=torch.tensor(1.0), use_reentrant=False)
y.sum().backward()
print(y, x.grad, len(calls), calls[-1][0])
try:
    checkpoint(block, x, scale=2.0, use_reentrant=True)
except ValueError as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22c_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

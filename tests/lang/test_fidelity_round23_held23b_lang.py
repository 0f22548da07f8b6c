"""Classes of difference found by the twenty-third round's held-out programs on autograd core (held23b, issue 16)
that need the language (what `type()` answers for torch's functions and modules): run in torch and in the
language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"torch_functions_and_methods_are_builtins_and_its_namespaces_modules": """
import torch.nn.functional as F
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
for value in [torch.autograd.grad, torch.is_grad_enabled, torch.add, x.add, y.grad_fn.register_hook, y.grad_fn.name,
              torch.autograd, torch.autograd.graph, F, torch.linalg, torch.nn, torch, F.relu, len]:
    print(type(value), type(value).__name__, type(value) is type(len), type(value) is type(torch))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23b_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

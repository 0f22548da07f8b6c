"""A class of difference found by the seventeenth round's held-out autograd-core programs (held17c, issue 16) in
the language: `with` a context manager's class (torch.no_grad without its parentheses) is Python's TypeError; only
the shell's bare builtin names (`with no_grad:`) enter an instance. Run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"with_a_context_manager_class_is_pythons_type_error": """
x = torch.ones(2, requires_grad=True)
for cm in (torch.enable_grad, torch.inference_mode, torch.autograd.detect_anomaly, torch.set_grad_enabled, torch.no_grad):
    try:
        with cm:
            y = x * 2
    except Exception as e:
        print(type(e).__name__, e, torch.is_grad_enabled())
with torch.no_grad() as ng:
    print(ng, (x * 2).requires_grad)
with torch.no_grad:
    y = x * 2
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17c_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

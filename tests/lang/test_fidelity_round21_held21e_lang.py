"""Classes of difference found by round 21's held-out programs on reductions, sorting and torch.special (held21e)
that live in the language: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"submodule_functions_are_c_builtins": """
for f in (torch.special.xlogy, torch.special.polygamma, torch.special.gammainc, torch.linalg.norm, torch.fft.rfft,
          torch.linalg.vector_norm, torch.special.i0e):
    print(f, f.__name__, f.__qualname__, type(f).__name__, f is f)
for f in (torch.special.xlogy, torch.nn.functional.gelu, torch.get_num_threads, torch.linalg.norm):
    try:
        f(*1)
    except TypeError as e:
        print(e)
try:
    torch.special.zeta(*2.0)
except TypeError as e:
    print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held21e_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

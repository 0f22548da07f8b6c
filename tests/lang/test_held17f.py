"""Classes of difference found by the seventeenth round's held-out programs on shapes and their errors (held17f) that
live in the language: a tensor's C method read as a value is a bound builtin, whose no-argument error CPython names by
the object's type (`Tensor.exp()`), while `x.exp(1)` calls the descriptor (`TensorBase.exp()`). Each program runs as a
script under torch and in the language; stdout and the final error line must be the same."""
import pytest

from test_held14c import run_torch_script
from test_torch_programs import run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"a_bound_methods_no_argument_error_names_tensor": """
x = torch.ones(2)
for call in [lambda: x.exp(1), lambda: getattr(x, "t")(1), lambda: torch.Tensor.exp(x, 1), lambda: x.dim(k=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
f = x.exp
for call in [lambda: f(1), lambda: f(k=1), lambda: [g(0) for g in (x.numel, x.sigmoid_)]]:
    try:
        call()
    except TypeError as e:
        print(e)
x.t(0)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held17f_class_prints_as_torch(name):
    got, _ = run_in_language(PROGRAMS[name])
    assert got == run_torch_script(PROGRAMS[name])

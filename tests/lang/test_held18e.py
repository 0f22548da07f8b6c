"""Classes of difference found by the round-18 held-out programs on dtypes and arithmetic (held18e) that need
numpy beside torch: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_numpy_bool_stored_into_an_integer_dtype_is_unpacked_through_index": """
import numpy as np
for f in [lambda: torch.tensor([np.bool_(True), 2]), lambda: torch.tensor([np.bool_(True), 2.5]),
          lambda: torch.tensor([np.bool_(True)], dtype=torch.int64), lambda: torch.tensor(np.bool_(False), dtype=torch.uint8),
          lambda: torch.tensor([np.bool_(True)], dtype=torch.float16), lambda: torch.tensor([np.bool_(True), True]),
          lambda: torch.tensor([np.uint8(200), 1]), lambda: torch.full((2,), np.bool_(True))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"a_numpy_complex64_is_read_as_a_double_with_numpys_warning": """
import warnings
import numpy as np
t = torch.tensor([1.0, 2.0])
print(t + np.complex64(1 + 2j), torch.full((2,), np.complex64(3 + 1j)), t * np.complex128(1j))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    t.mul(np.complex64(2j))
    print(len(w), w[0].category.__name__, issubclass(w[0].category, RuntimeWarning), str(w[0].message))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

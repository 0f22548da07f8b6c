"""Classes of difference found by the thirty-third round's held-out programs on random numbers (held33d, issue 16)
that show in the language only (a warning recorded by warnings.catch_warnings): one differential program each, run
in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"random_bound_warning_read_from_its_record_ends_with_where_aten_gave_it": """
import warnings
for name, f in [('randint_half', lambda: torch.randint(0, 3000, (4,), dtype=torch.half)),
                ('random_bf16_from', lambda: torch.empty(3, dtype=torch.bfloat16).random_(-1000, 5)),
                ('random_float_to', lambda: torch.empty(3).random_(0, 2 ** 25)),
                ('random_float_to_only', lambda: torch.empty(3).random_(2 ** 25))]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        f()
    print(name, [(x.category.__name__, str(x.message)) for x in w])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

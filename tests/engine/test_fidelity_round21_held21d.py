"""Classes of difference found by the twenty-first round's held-out programs on random numbers (held21d, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"dropout_probability_check_prints_the_double_as_cpp": """
F = torch.nn.functional
x = torch.ones(2, 3, 4)
for p in [2, 2.0, 1.0000001, -1e-7, 3.25, 123456789.0]:
    for f in [lambda: torch.dropout(x, p, True), lambda: torch.native_dropout(x, p, True),
              lambda: F.scaled_dot_product_attention(x, x, x, dropout_p=p)]:
        try:
            f()
            print("ok")
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-fifth round's held-out programs on shapes, broadcasting and products
(held25f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"stack_along_an_existing_dim_resizes_out_before_cats_dtype_error": """
x = torch.arange(4.).reshape(2, 2)
for d in [0, 1, 2, -1, -3]:
    for o in [torch.empty(3, dtype=torch.int64), torch.empty(0, dtype=torch.int64), torch.empty(3, dtype=torch.float64)]:
        try:
            torch.stack([x, x], d, out=o)
            print(d, o.dtype, 'ok', o.shape)
        except Exception as e:
            print(d, o.dtype, type(e).__name__, e, o.shape)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

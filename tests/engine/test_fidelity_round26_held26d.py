"""Classes of difference found by the twenty-sixth round's held-out programs on indexing, gather/scatter and masks
(held26d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_in_place_op_between_two_0_dim_views_of_one_storage_reads_then_writes": """
for op in ['add_', 'sub_', 'mul_', 'div_', 'copy_', 'pow_', 'atan2_', 'lerp_', 'addcmul_', 'fmod_', 'eq_']:
    for dt in [torch.float32, torch.int64, torch.float16]:
        x = torch.tensor([1., 5., 3.]).to(dt)
        try:
            a, b = x[0], x[2]
            if op == 'lerp_':
                a.lerp_(b, 0.5)
            elif op == 'addcmul_':
                a.addcmul_(b, b)
            else:
                getattr(a, op)(b)
            print(op, dt, x)
        except Exception as e:
            print(op, dt, type(e).__name__, e)
x = torch.tensor([1., -2., 3.], requires_grad=True)
y = x.abs()
y[0] += y[2]
y.sum().backward()
print(x.grad, y)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

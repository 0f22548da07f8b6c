"""Classes of difference found by the sixth round's random programs (issue 16), one differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"integer_division_checks_shapes_first": "torch.tensor([1, 2]).fmod_(torch.tensor([0, 1, 2]))",
"integer_remainder_checks_shapes_first": "torch.tensor([1, 2]) % torch.tensor([0, 1, 2])",
"bool_remainder_checks_shapes_first": "torch.tensor([True, False]) % torch.tensor([True, False, True])",
"bce_target_of_another_dtype": """
F = torch.nn.functional
print(F.mse_loss(torch.tensor([0.5, 0.25]), torch.tensor([1, 0])))
F.binary_cross_entropy(torch.tensor([0.5, 0.25]), torch.tensor([1, 0]))
""",
"bce_target_float64": "torch.nn.functional.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([1.0], dtype=torch.float64))",
"bce_with_logits_integer_target": "torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor([0.5]).double(), "
                                  "torch.tensor([1], dtype=torch.int32))",
"bce_with_logits_bool_target": "torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor([0.5]), "
                               "torch.tensor([True]))",
"norm_with_dtype_is_one_node": """
v1 = torch.tensor([[1.0, -2.0, 0.5], [0.25, 3.0, -1.0]], requires_grad=True)
v2 = v1.norm(dtype=torch.float64)
print(v2, [f[0].name() for f in v2.grad_fn.next_functions], v2.grad_fn._saved_ord)
v2.backward()
print(v1.grad, v1.grad.dtype)
v3 = v1.norm(p=1, dim=-1, dtype=torch.float64)
v3.sum().backward()
print(v3, v1.grad)
g, = torch.autograd.grad(v1.norm(dtype=torch.float64), v1, create_graph=True)
print(g)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round6_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

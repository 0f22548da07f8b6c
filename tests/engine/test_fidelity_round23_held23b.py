"""Classes of difference found by the twenty-third round's held-out programs on autograd core (held23b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_saved_tensor_hook_objects_are_of_torch_autograd_classes": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
raw = y.grad_fn._raw_saved_self
print(type(raw), type(raw).__name__, raw)
hooks = torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t)
print(type(hooks), hooks)
with torch.autograd.graph.save_on_cpu() as nothing:
    z = x.exp()
print(type(torch.autograd.graph.save_on_cpu()), nothing, z.grad_fn._saved_result)
with torch.autograd.graph.allow_mutation_on_saved_tensors() as ctx:
    print(type(ctx))
print(type(torch.autograd.graph.allow_mutation_on_saved_tensors()))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirty-fourth round's held-out programs on the Python around tensors (held34a,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_tensors_sizeof_is_its_c_objects_size_whatever_it_holds": """
x = torch.ones(1000)
views = [x, x[:10], x.view(10, 100).t(), torch.tensor(1.), torch.empty(0), torch.ones(3, dtype=torch.float64),
         torch.zeros(2, dtype=torch.bool), torch.nn.Parameter(torch.ones(4)), torch.ones(2, requires_grad=True) * 2]
print([v.__sizeof__() for v in views])
print(x.element_size() * x.nelement(), x.untyped_storage().nbytes())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found in the fifteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"subtract_with_a_positional_alpha_is_the_scalar_overload": """
x = torch.ones(3, requires_grad=True)
t = torch.tensor(2.0)
i = torch.tensor([1, 2])
for f in [lambda: x.subtract(3), lambda: x.subtract(3, alpha=2), lambda: x.subtract(3, 2), lambda: x.subtract(t, alpha=2),
          lambda: torch.subtract(x, 3, 2), lambda: torch.subtract(x, t, 2), lambda: x.subtract(torch.ones(3), 2),
          lambda: x.subtract(t, t), lambda: x.clone().subtract_(3, 2), lambda: x.clone().subtract_(t, 2),
          lambda: x.double().subtract(3, 2), lambda: x.half().subtract(3, 2.5), lambda: i.subtract(2.5, 2),
          lambda: x.subtract(3, 2).grad_fn.next_functions[0][0].variable is x, lambda: len(x.subtract(3, 2).grad_fn.next_functions),
          lambda: x.subtract(3, 2).grad_fn._saved_alpha, lambda: torch.subtract(x, 2, 3, out=torch.empty(3)),
          lambda: x.subtract(1, True), lambda: i.subtract(1, 1.5), lambda: i.clone().subtract_(1, 2),
          lambda: torch.tensor([True]).subtract(True, 1), lambda: x.subtract(other=2, alpha=3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
y = x.subtract(2, 3)
y.sum().backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round15_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

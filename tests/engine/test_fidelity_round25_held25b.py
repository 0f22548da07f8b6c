"""Classes of difference found by the twenty-fifth round's held-out programs on autograd core (held25b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"backward_inputs_given_twice_accumulate_once": """
x = torch.ones(3, requires_grad=True)
x.register_post_accumulate_grad_hook(lambda t: print('post', t.grad))
x.register_hook(lambda g: print('hook', g) or g)
(x * 2).sum().backward(inputs=[x, x])
print(x.grad)
y = x * 3
(y * 2).sum().backward(inputs=[y, x, y])
print(x.grad, y.grad)
torch.autograd.backward([(x * 4).sum()], inputs=(x, x))
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

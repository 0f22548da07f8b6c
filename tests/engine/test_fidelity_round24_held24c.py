"""Classes of difference found by the twenty-fourth round's held-out programs on autograd extensions (held24c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"graph_nodes_require_grad": """
x = torch.tensor([1., 2.], requires_grad=True)
for n in [x.exp().grad_fn, x.mean().grad_fn, (x * 2).grad_fn.next_functions[0][0], torch.cat([x, x]).grad_fn]:
    print(n.name(), n.requires_grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

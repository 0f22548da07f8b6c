"""Classes of difference found by the twenty-fourth round's held-out programs on autograd extensions (held24c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"jacobian_of_an_output_with_no_elements_stacks_nothing_or_indexes_an_empty_batch": """
jacobian, hessian = torch.autograd.functional.jacobian, torch.autograd.functional.hessian
for f, x in [(lambda t: t.new_zeros(0) + t.sum(), torch.ones(2)), (lambda t: t[:0], torch.ones(3)),
             (lambda t: t * 2, torch.ones(0)), (lambda t: t.sum(), torch.zeros(0)),
             (lambda t: torch.zeros(0), torch.ones(2)), (lambda t: (t[:0], t * 2), torch.ones(2))]:
    for kw in [{}, {"vectorize": True}, {"create_graph": True}]:
        try:
            print(jacobian(f, x, **kw))
        except Exception as e:
            print(type(e).__name__, e)
for kw in [{}, {"vectorize": True}]:
    for f, x in [(lambda t: t.sum(), torch.zeros(0)), (lambda t: (t ** 2).sum(), torch.zeros(0, 2))]:
        try:
            print(hessian(f, x, **kw))
        except Exception as e:
            print(type(e).__name__, e)
""",
"graph_nodes_require_grad": """
x = torch.tensor([1., 2.], requires_grad=True)
for n in [x.exp().grad_fn, x.mean().grad_fn, (x * 2).grad_fn.next_functions[0][0], torch.cat([x, x]).grad_fn]:
    print(n.name(), n.requires_grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

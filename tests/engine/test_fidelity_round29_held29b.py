"""Classes of difference found by the twenty-ninth round's held-out programs on autograd core (held29b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_double_backward_whose_formula_is_zeros_like_gives_a_zero_gradient_and_prelus_weight_gradient_is_sum_to": """
F = torch.nn.functional
def names(n, depth=0):
    if n is None or depth > 3:
        return str(n)
    return n.name() + "[" + ",".join(names(m, depth + 1) for m, _ in n.next_functions) + "]"
x = torch.tensor([[0.7, -1.3, 2.2], [-0.5, 0., -2.]], requires_grad=True)
for training in [False, True]:
    torch.manual_seed(0)
    g, = torch.autograd.grad(F.rrelu(x, training=training).sum(), x, create_graph=True)
    print(torch.autograd.grad(g.sum(), x, allow_unused=True))
for wshape in [(1,), (3,)]:
    w = torch.full(wshape, 0.25, requires_grad=True)
    g, = torch.autograd.grad(F.prelu(x, w).sum(), x, create_graph=True)
    print(torch.autograd.grad(g.sum(), x, allow_unused=True))
    gx, gw = torch.autograd.grad((F.prelu(x, w) ** 2).sum(), [x, w], create_graph=True)
    print(names(gx.grad_fn), names(gw.grad_fn))
    print(torch.autograd.grad((gx * gx).sum() + (gw * gw).sum(), [x, w]))
""",
"gelus_double_backward_multiplies_by_its_constants_as_mul_scalar_and_fills_for_one_minus": """
def names(n, depth=0):
    if n is None or depth > 9:
        return str(n)
    return n.name() + "[" + ",".join(names(m, depth + 1) for m, _ in n.next_functions) + "]"
for approx in ['none', 'tanh']:
    x = torch.tensor([0.7, -1.3, 2.2, 0.], requires_grad=True)
    g, = torch.autograd.grad(torch.nn.functional.gelu(x, approximate=approx).sum(), x, create_graph=True)
    h, = torch.autograd.grad((g * g).sum(), x, create_graph=True)
    print(approx, h, names(h.grad_fn))
""",
"a_binary_nodes_gradients_are_computed_in_the_sorted_order_of_their_names_other_before_self": """
def seqs(n, base, depth=0):
    if n is None or depth > 4:
        return str(n)
    s = n._sequence_nr() - base if n.name() != 'torch::autograd::AccumulateGrad' else 'A'
    return f"{n.name()}#{s}[" + ",".join(seqs(m, base, depth + 1) for m, _ in n.next_functions) + "]"
x = torch.tensor([0.7, -1.3, 2.2], requires_grad=True)
c = torch.tensor([1.5, 2.5, 3.5], requires_grad=True)
for name, f in [('div', lambda: x / c), ('mul', lambda: x * c), ('pow', lambda: x.abs().pow(c)), ('xlogy', lambda: torch.xlogy(x, c)),
                ('hypot', lambda: torch.hypot(x, c)), ('logaddexp', lambda: torch.logaddexp(x, c)), ('divx', lambda: x / (x + 1))]:
    y = f()
    base = y.grad_fn._sequence_nr()
    gx, gc = torch.autograd.grad(y.sum(), [x, c], create_graph=True, allow_unused=True, materialize_grads=True)
    print(name, seqs(gx.grad_fn, base), seqs(gc.grad_fn, base))
    h = torch.autograd.grad((gx * gx).sum() + (gc * gc).sum(), [x, c], allow_unused=True)
    print(h)
x = torch.tensor([0.7, 1.3, 2.2], requires_grad=True)
g, = torch.autograd.grad(torch.nn.functional.softsign(x).sum(), x, create_graph=True)
h, = torch.autograd.grad(g.sum(), x, create_graph=True)
print(h.grad_fn.next_functions[1][0].next_functions[0][0].next_functions)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

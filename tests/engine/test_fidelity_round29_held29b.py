"""Classes of difference found by the twenty-ninth round's held-out programs on autograd core (held29b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

# the programs' graph printers: node names to depth LIMIT, and with sequence numbers counted from `base`
NAMES = """
def names(n, depth=0):
    if n is None or depth > LIMIT:
        return str(n)
    return n.name() + "[" + ",".join(names(m, depth + 1) for m, _ in n.next_functions) + "]"
def seqs(n, base, depth=0):
    if n is None or depth > 4:
        return str(n)
    s = n._sequence_nr() - base if n.name() != 'torch::autograd::AccumulateGrad' else 'A'
    return f"{n.name()}#{s}[" + ",".join(seqs(m, base, depth + 1) for m, _ in n.next_functions) + "]"
"""

PROGRAMS = {
"a_double_backward_whose_formula_is_zeros_like_gives_a_zero_gradient_and_prelus_weight_gradient_is_sum_to": """
F = torch.nn.functional
LIMIT = 3
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
LIMIT = 9
for approx in ['none', 'tanh']:
    x = torch.tensor([0.7, -1.3, 2.2, 0.], requires_grad=True)
    g, = torch.autograd.grad(torch.nn.functional.gelu(x, approximate=approx).sum(), x, create_graph=True)
    h, = torch.autograd.grad((g * g).sum(), x, create_graph=True)
    print(approx, h, names(h.grad_fn))
""",
"a_binary_nodes_gradients_are_computed_in_the_sorted_order_of_their_names_other_before_self": """
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
"hand_written_nodes_compute_their_gradients_in_sorted_name_order_and_mm_takes_its_operands_layout": """
A = torch.tensor([[1., 2., -1.], [0.5, 3., 2.], [-2., 1., 1.5]], requires_grad=True)
B = torch.tensor([[0.5, -1., 2.], [1., 1., -3.], [2., 0.5, 1.]], requires_grad=True)
C = torch.tensor([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]], requires_grad=True)
v = torch.tensor([1., -2., 0.5], requires_grad=True)
w = torch.tensor([0.3, 1., 2.], requires_grad=True)
F = torch.nn.functional
for name, f, ins in [('mm', lambda: A @ B, [A, B]), ('mm_t', lambda: A @ B.t(), [A, B]), ('t_mm', lambda: A.t() @ B, [A, B]),
                     ('linear', lambda: F.linear(A, B), [A, B]), ('addmm', lambda: torch.addmm(C, A, B.t(), beta=2), [A, B, C]),
                     ('bmm', lambda: torch.bmm(A[None], B[None]), [A, B]), ('vdot', lambda: torch.vdot(v, w), [v, w]),
                     ('cross', lambda: torch.linalg.cross(A, B), [A, B]), ('lerp', lambda: torch.lerp(A, B, C), [A, B, C]),
                     ('ldexp', lambda: torch.ldexp(A, B), [A, B]), ('dist', lambda: torch.dist(A, B), [A, B]),
                     ('complex', lambda: torch.complex(A, B).abs(), [A, B]), ('polar', lambda: torch.polar(A.abs(), B).real, [A, B]),
                     ('bce', lambda: F.binary_cross_entropy(A.sigmoid(), C), [A, C])]:
    y = f()
    base = y.grad_fn._sequence_nr()
    gs = torch.autograd.grad(y.sum(), ins, create_graph=True, allow_unused=True, materialize_grads=True)
    print(name, [seqs(g.grad_fn, base) for g in gs], [g.stride() for g in gs])
    print(torch.autograd.grad(sum((g * g).sum() for g in gs), ins, allow_unused=True))
""",
"torch_complex_gives_its_parts_gradients_as_views_and_polar_multiplies_by_1j_as_mul_scalar": """
LIMIT = 6
A = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
B = torch.tensor([[0.5, -1.], [2., 0.]], requires_grad=True)
for name, f in [('complex', lambda: torch.complex(A, B)), ('polar', lambda: torch.polar(A, B))]:
    for red in [lambda z: z.abs().sum(), lambda z: (z * z).real.sum()]:
        ga, gb = torch.autograd.grad(red(f()), [A, B], create_graph=True)
        print(name, ga, gb, ga.stride(), ga._base is None, names(ga.grad_fn), names(gb.grad_fn))
        print(torch.autograd.grad((ga * gb).sum(), [A, B]))
        ga, = torch.autograd.grad(red(f()), [A])
        print(ga.stride(), ga._base is None, ga.is_contiguous())
""",
"dist_p0s_undefined_gradient_negated_for_other_is_refused": """
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([1., 0., 5.], requires_grad=True)
for p in [0, 1, 2, float('inf')]:
    for ins in [(a, b), (a, b.detach()), (a.detach(), b)]:
        a.grad = b.grad = None
        try:
            torch.dist(*ins, p).backward()
            print(p, a.grad, b.grad)
        except Exception as e:
            print(p, type(e).__name__, e)
""",
"binary_cross_entropy_targets_gradients_are_recorded_under_create_graph": """
F = torch.nn.functional
LIMIT = 12
for red in ['mean', 'sum']:
    for wt in [None, torch.tensor([1., 2., 0.5])]:
        for pw in [None, torch.tensor([3., 1., 0.25])]:
            x = torch.tensor([0.2, -0.7, 0.9], requires_grad=True)
            y = torch.tensor([0., 1., 0.3], requires_grad=True)
            g = torch.autograd.grad(F.binary_cross_entropy_with_logits(x, y, weight=wt, reduction=red, pos_weight=pw), [x, y], create_graph=True)
            h = torch.autograd.grad(g[0].sum() + g[1].sum(), [x, y], allow_unused=True)
            print(red, g, h, [names(a.grad_fn) for a in g])
        p = torch.tensor([0.2, 0.7, 0.9], requires_grad=True)
        g = torch.autograd.grad(F.binary_cross_entropy(p, y, weight=wt, reduction=red), [p, y], create_graph=True)
        h = torch.autograd.grad(g[0].sum() + g[1].sum(), [p, y], create_graph=True)
        print(red, h, [names(a.grad_fn) for a in h])
""",
"aten_composites_add_a_margin_or_eps_with_add_scalar_and_embedding_bag_has_an_edge_for_absent_weights": """
F = torch.nn.functional
LIMIT = 8
x = torch.tensor([[0.2, 0.7, 0.9, 0.1], [1.5, 0.3, 0.4, 2.0]], requires_grad=True)
y = torch.tensor([[0.1, 2.5, 1.0, 0.4], [1.0, 1.3, 0.2, 3.2]], requires_grad=True)
p = torch.tensor([[0.1, 0.5, 0.8, 0.4], [0.9, 0.3, 0.2, 0.7]], requires_grad=True)
for name, f in [('poisson', lambda: F.poisson_nll_loss(x, y, log_input=False, full=True, reduction='none')),
                ('cosemb', lambda: F.cosine_embedding_loss(x, y, torch.tensor([1, -1]), margin=0.1)),
                ('triplet', lambda: F.triplet_margin_loss(x, y, p, margin=0.5, swap=True)),
                ('embbag', lambda: F.embedding_bag(torch.tensor([0, 1, 1]), x, torch.tensor([0, 2]))),
                ('embbag_psw', lambda: F.embedding_bag(torch.tensor([0, 1, 1]), x, torch.tensor([0, 2]), per_sample_weights=p[0, :3], mode='sum'))]:
    out = f()
    print(name, names(out.grad_fn))
    gs = torch.autograd.grad(out.sum(), [x, y, p], allow_unused=True)
    print(gs)
o = F.embedding_bag(torch.tensor([0, 1, 1]), x, torch.tensor([0, 2]))
o.grad_fn.register_hook(lambda gi, go: print('hook', gi))
o.sum().backward()
""",
"flash_attentions_output_is_laid_out_as_empty_like_the_query": """
F = torch.nn.functional
torch.manual_seed(0)
cases = {'contig': torch.randn(2, 3, 4, 5), 'perm0213': torch.randn(2, 4, 3, 5).permute(0, 2, 1, 3),
         'perm1023': torch.randn(3, 2, 4, 5).permute(1, 0, 2, 3), 'perm2013': torch.randn(4, 2, 3, 5).permute(1, 2, 0, 3),
         'sliced': torch.randn(2, 3, 4, 10)[..., :5], 'expanded': torch.randn(2, 1, 4, 5).expand(2, 3, 4, 5),
         'sliced_perm': torch.randn(4, 2, 6, 5)[:, :, ::2].permute(1, 0, 2, 3), 'last_t': torch.randn(2, 3, 5, 4).transpose(2, 3)}
for name, q in cases.items():
    for rg in [False, True]:
        qq = q.detach().requires_grad_(rg)
        o = F.scaled_dot_product_attention(qq, q, q)
        print(name, rg, q.stride(), o.stride(), o.grad_fn)
torch.manual_seed(0)
mha = torch.nn.MultiheadAttention(4, 2)
x = torch.randn(3, 2, 4, requires_grad=True)
out = mha(x, x, x, need_weights=False)[0]
print(out.grad_fn, out.grad_fn.next_functions[0][0].next_functions)
out.sum().backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29b_class_prints_as_torch(name):
    same_as_torch(NAMES + PROGRAMS[name])

"""Classes of difference found by the thirtieth round's held-out programs on autograd extensions and grad_fn
introspection (held30c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

NAMES = """
def saved(fn):
    out = []
    for a in dir(fn):
        if a.startswith('_saved_'):
            v = getattr(fn, a)
            out.append((a, v))
    return out
def chain(fn):
    while fn is not None:
        print(fn.name(), saved(fn), [(n.name() if n else None, i) for n, i in fn.next_functions])
        fn = fn.next_functions[0][0] if fn.next_functions else None
"""

PROGRAMS = {
"conj_and_imag_of_a_complex_view_of_real_memory_show_the_imag_parts_negated": """
x = torch.tensor([[1., -2.], [0.5, 3.], [2., 7.]])
c = torch.view_as_complex(x)
k = c.conj()
print(k, k.imag, k.real, k.is_conj(), k.imag.is_neg())
c[0] = 5 + 6j
print(k, x)
k[1] = 1 + 1j
print(c, x, k.imag, k.resolve_conj())
i = k.imag
i[0] = 9.
print(x, c, i, torch.view_as_real(k.resolve_conj()))
print(torch.view_as_complex(x[1:]).conj().imag)
w = torch.tensor([1., -2.], requires_grad=True)
z = torch.view_as_complex(torch.stack([w, w * 2], -1)).conj()
print(z, z.imag, z.imag.tolist(), z.imag + 0)
(z.imag * torch.tensor([1., 2.])).sum().backward()
print(w.grad)
""",
"real_and_imag_select_the_last_dim_counted_from_the_front": NAMES + """
x = torch.tensor([[1., -2.], [0.5, 3.]], requires_grad=True)
c = torch.view_as_complex(torch.stack([x, x * 2], -1))
for t in [c.real, c.imag, torch.real(c), torch.imag(c), c.conj().imag, c[0].real, c.reshape(4).imag]:
    print(t, t.grad_fn._saved_dim, t.grad_fn._saved_index, t.grad_fn._saved_self_sym_sizes)
(c.real * 2 + c.imag * 3).sum().backward()
print(x.grad)
""",
"loss_nodes_have_edges_to_their_differentiable_inputs_alone": NAMES + """
F = torch.nn.functional
A = torch.tensor([[2., -1.], [0.5, 3.]], requires_grad=True)
T = torch.tensor([[1., 0.], [0., 1.]])
cases = {'bcel_w': lambda: F.binary_cross_entropy_with_logits(A, T, weight=torch.ones(2)),
         'bcel_pw': lambda: F.binary_cross_entropy_with_logits(A, T, pos_weight=torch.tensor([1., 2.])),
         'bcel_both': lambda: F.binary_cross_entropy_with_logits(A, T, weight=torch.ones(2), pos_weight=torch.tensor([1., 2.])),
         'bcel_target': lambda: F.binary_cross_entropy_with_logits(A, T.clone().requires_grad_(), pos_weight=torch.tensor([1., 2.])),
         'bce_w': lambda: F.binary_cross_entropy(A.sigmoid(), T, weight=torch.tensor([0.5, 2.])),
         'bce_target_w': lambda: F.binary_cross_entropy(A.sigmoid(), T.clone().requires_grad_(), weight=torch.tensor([0.5, 2.])),
         'soft_margin': lambda: F.soft_margin_loss(A, T * 2 - 1),
         'soft_margin_none': lambda: F.soft_margin_loss(A, T * 2 - 1, reduction='none')}
for name, f in cases.items():
    r = f()
    print(name, r.grad_fn.name(), [(n.name() if n else None, i) for n, i in r.grad_fn.next_functions])
    g, = torch.autograd.grad(r.sum(), A, create_graph=True)
    print(g, g.grad_fn.name(), len(g.grad_fn.next_functions))
    print(torch.autograd.grad(g.sum(), A))
""",
"ndtr_scalar_steps_are_the_scalar_overloads_nodes_with_their_saved_other": NAMES + """
for dt in [torch.float32, torch.float64, torch.half]:
    x = torch.tensor([0.3, -1.2], dtype=dt, requires_grad=True)
    y = torch.special.ndtr(x)
    chain(y.grad_fn)
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    print(y, g, torch.autograd.grad(g.sum(), x))
""",
"eig_and_eigvals_nodes_save_the_eigenvalues_and_eigenvectors_with_their_history": NAMES + """
A = torch.tensor([[2., 1., 0.], [1., 3., 1.], [0., 1., 4.]], dtype=torch.float64, requires_grad=True)
for name, f in [('eig', lambda: torch.linalg.eig(A)[0]), ('eigvals', lambda: torch.linalg.eigvals(A)),
                ('eigh', lambda: torch.linalg.eigh(A)[0]), ('eigvalsh', lambda: torch.linalg.eigvalsh(A))]:
    r = f()
    fn = r.grad_fn
    print(name, fn.name(), [(a, getattr(fn, a).abs().round(decimals=4)) for a in dir(fn) if a.startswith('_saved_')])
    print([(a, getattr(fn, a).grad_fn.name(), getattr(fn, a)._version) for a in dir(fn) if a.startswith('_saved_')])
r = torch.linalg.eig(A)
print(r.eigenvalues.grad_fn is r.eigenvectors.grad_fn, r.eigenvalues.grad_fn._saved_eigenvalues.equal(r.eigenvalues))
""",
"det_slogdet_and_solve_nodes_save_the_lu_factors_in_order": NAMES + """
A = torch.tensor([[2., 1., 0.], [4., 3., 1.], [0., 5., 4.]], requires_grad=True)
B = torch.tensor([[1., 2.], [0., 1.], [1., 0.]], requires_grad=True)
def pack(t):
    print('pack', tuple(t.shape), t.dtype, t.grad_fn is not None)
    return t
with torch.autograd.graph.saved_tensors_hooks(pack, lambda p: p):
    x = torch.linalg.solve(A, B)
    s = torch.linalg.slogdet(A)
    d = torch.linalg.det(A)
    v = torch.linalg.solve(A, B[:, 0])
(x.sum() + s[1] + d + v.sum()).backward()
print(A.grad, B.grad)
for name, f in [('slogdet', lambda a: torch.linalg.slogdet(a)[1]), ('solve', lambda a: torch.linalg.solve(a, B)),
                ('solve_right', lambda a: torch.linalg.solve(a, B.T, left=False)), ('solve_ex', lambda a: torch.linalg.solve_ex(a, B)[0]),
                ('det', lambda a: torch.linalg.det(a)), ('logdet', lambda a: torch.logdet(a + 5))]:
    for src in [A, A.mT]:
        fn = f(src).grad_fn
        print(name, fn.name(), [(k, v) for k, v in saved(fn) if not isinstance(v, torch.Tensor)])
        for k in ['_saved_LU', '_saved_pivots']:
            if hasattr(fn, k):
                print(k, getattr(fn, k), getattr(fn, k).stride())
Ab = torch.stack([A.detach(), A.detach().mT * 2]).requires_grad_()
fn = torch.linalg.slogdet(Ab)[1].grad_fn
print(fn._saved_LU, fn._saved_pivots)
fn = torch.linalg.solve(Ab, B.detach()).grad_fn
print(fn._saved_LU, fn._saved_pivots, fn._saved_left)
C = torch.tensor([[2., 1j], [3., 1.]], requires_grad=True)
fn = torch.linalg.slogdet(C)[1].grad_fn
print(fn._saved_LU, fn._saved_pivots)
""",
"embedding_bag_node_saves_its_results_and_weight_only_for_per_sample_weights": NAMES + """
F = torch.nn.functional
W = torch.tensor([[1., 2.], [3., 4.], [5., 6.]], requires_grad=True)
idx = torch.tensor([0, 2, 1, 1])
off = torch.tensor([0, 1])
print(saved(F.embedding_bag(idx, W, off, mode='sum', include_last_offset=True).grad_fn))
for kw in [dict(), dict(padding_idx=1), dict(padding_idx=-1), dict(mode='max'), dict(mode='sum', per_sample_weights=torch.tensor([1., 2., 3., 4.], requires_grad=True)),
           dict(mode='sum', per_sample_weights=torch.tensor([1., 2., 3., 4.]))]:
    r = F.embedding_bag(idx, W, off, **kw)
    print(sorted(kw), saved(r.grad_fn))
    r.backward(torch.ones_like(r))
    print(W.grad, kw.get('per_sample_weights', torch.ones(1)).grad)
    W.grad = None
W2 = W.detach().clone().requires_grad_()
r = F.embedding_bag(idx, W2, off, mode='sum')
with torch.no_grad():
    W2.mul_(2)
r.sum().backward()
print(W2.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirteenth round's held-out autograd programs (held13c, issue 16): gradients
of gradients through ops whose backward was a kernel without a graph (x[idx], index_put, take, sort, the
normalizations, embedding, the binary cross entropies), the nodes those record and what they save, and the name a
node's missing attribute reports. One differential program each, run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"indexing_gradient_is_an_index_put_into_zeros_and_differentiates": """
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
i = torch.tensor([0, 2, 0])
m = torch.tensor([True, False, True])
for f in [lambda t: t[i], lambda t: t[m, 1:], lambda t: t[:, [1, 1]], lambda t: t[i, i], lambda t: t[m]]:
    y = f(x) ** 2
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    n = g.grad_fn
    print(n.name(), [type(a).__name__ for a, _ in n.next_functions], g._version, getattr(n, "_saved_indices", None))
    gg, = torch.autograd.grad((g * g).sum(), x, create_graph=True, retain_graph=True)
    print(gg, torch.autograd.grad(gg.sum(), x, allow_unused=True, retain_graph=True))
x.grad = None
x[i].sum().backward()
print(x.grad, x.grad._version)
""",
"saved_index_lists_have_raw_saved_tensors_and_are_refused_once_freed": """
x = torch.randn(2, 3, requires_grad=True)
w = x[:, torch.tensor([0, 2])]
print(w.grad_fn._saved_indices, len(w.grad_fn._raw_saved_indices), w.grad_fn._raw_saved_indices[0])
w.sum().backward()
for f in [lambda: w.grad_fn._saved_indices, lambda: w.grad_fn._raw_saved_indices]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
g, = torch.autograd.grad((x[torch.tensor([1, 1])] ** 2).sum(), x, create_graph=True)
print(g.grad_fn._saved_accumulate, g.grad_fn._saved_indices, g.grad_fn(torch.ones(2, 3)))
""",
"index_put_and_take_gradients_differentiate": """
torch.manual_seed(1)
x = torch.randn(3, 4, requires_grad=True)
v = torch.randn(4, requires_grad=True)
i = torch.tensor([0, 2])
for acc in [False, True]:
    y = x.index_put((i,), v * 1, accumulate=acc)
    gx, gv = torch.autograd.grad((y ** 2).sum(), [x, v], create_graph=True)
    print(gx.grad_fn.name(), [type(a).__name__ for a, _ in gx.grad_fn.next_functions], gv.grad_fn.name())
    print(torch.autograd.grad((gx ** 2).sum() + (gv ** 3).sum(), [x, v]))
y = x.clone()
y[torch.tensor([True, False, True])] = v * 2
gx, gv = torch.autograd.grad((y ** 3).sum(), [x, v], create_graph=True)
print(gx.grad_fn.name(), gv.grad_fn.name(), torch.autograd.grad((gx * gv).sum(), [x, v]))
t = x.take(torch.tensor([[0, 5], [5, -1]]))
g, = torch.autograd.grad((t ** 2).sum(), x, create_graph=True)
print(g.grad_fn.name(), [type(a).__name__ for a, _ in g.grad_fn.next_functions], g._version, g.grad_fn._saved_index)
print(torch.autograd.grad((g ** 3).sum(), x))
""",
"sort_gradient_is_a_scatter_as_the_other_selections": """
torch.manual_seed(2)
x = torch.randn(3, 4, requires_grad=True)
for f in [lambda t: t.sort(1)[0], lambda t: t.sort(stable=True, dim=0)[0], lambda t: t.msort(), lambda t: t.topk(2)[0],
          lambda t: t.max(1)[0], lambda t: t.sort(1, descending=True)[0][:, 1], lambda t: t[0, 0].sort()[0] * t.sum()]:
    y = f(x)
    g, = torch.autograd.grad((y ** 2).sum(), x, create_graph=True)
    print(y.grad_fn.name(), g.grad_fn.name(), torch.autograd.grad((g * g).sum() + g.sum(), x)[0][0])
""",
"binary_cross_entropy_differentiates_twice_and_gives_the_target_its_gradient": """
torch.manual_seed(3)
F = torch.nn.functional
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)  # (float32's last digit: PyTorch's own formula)
t = torch.rand(3, 4, dtype=torch.float64)
for kw in [{}, {"reduction": "sum"}, {"weight": torch.rand(4, dtype=torch.float64)}, {"reduction": "none"}]:
    l = F.binary_cross_entropy(x.sigmoid(), t, **kw)
    g, = torch.autograd.grad(l.sum(), x, create_graph=True)
    n = g.grad_fn.next_functions[0][0]
    print(n.name(), [type(a).__name__ for a, _ in n.next_functions], n._saved_reduction, n._saved_weight)
    g2, = torch.autograd.grad((g ** 2).sum(), x, create_graph=True)
    print(g2, torch.autograd.grad(g2.sum(), x))
p = torch.tensor([[0.3, 0.6], [0.9, 0.05]], requires_grad=True)
y = torch.tensor([[0.5, 0.2], [1.0, 0.0]], requires_grad=True)
for kw in [{}, {"reduction": "sum"}, {"weight": torch.tensor([2.0, 0.5])}]:
    p.grad = y.grad = None
    F.binary_cross_entropy(p, y, **kw).sum().backward()
    print(p.grad, y.grad)
""",
"binary_cross_entropy_with_logits_is_composed_of_ops_under_create_graph": """
torch.manual_seed(4)
F = torch.nn.functional
x = torch.randn(3, 4, requires_grad=True)
t = torch.rand(3, 4)
for kw in [{}, {"reduction": "sum"}, {"weight": torch.rand(4)}, {"pos_weight": torch.rand(4) * 3}]:
    g, = torch.autograd.grad(F.binary_cross_entropy_with_logits(x, t, **kw), x, create_graph=True)
    n, names = g.grad_fn, []
    while n is not None and len(names) < 4:
        names.append(n.name())
        n = n.next_functions[0][0] if n.next_functions else None
    print(names, g._version)
    g2, = torch.autograd.grad((g ** 2).sum(), x, create_graph=True)
    print(g2, torch.autograd.grad(g2.sum(), x))
""",
"layer_norm_gradient_penalty": """
torch.manual_seed(5)
F = torch.nn.functional
x = torch.randn(2, 3, 4, requires_grad=True)
w = torch.rand(4, requires_grad=True)
b = torch.rand(4, requires_grad=True)
for args in [((4,),), ((4,), w, b), ((4,), w, None)]:
    g, = torch.autograd.grad((F.layer_norm(x, *args) ** 3).sum(), x, create_graph=True)
    n = g.grad_fn
    print(n.name(), [type(a).__name__ for a, _ in n.next_functions], n._saved_normalized_shape, n._saved_mean.shape,
          n._saved_rstd.requires_grad, n._saved_weight is w)
ln = torch.nn.LayerNorm(4)
x2 = torch.randn(5, 4, requires_grad=True)
gx, = torch.autograd.grad(ln(x2).tanh().sum(), x2, create_graph=True)
penalty = ((gx.norm(2, dim=1) - 1) ** 2).mean()
penalty.backward()
print(penalty, x2.grad, ln.weight.grad, ln.bias.grad)
""",
"batch_instance_and_group_norm_gradient_penalties": """
torch.manual_seed(6)
F = torch.nn.functional
x = torch.randn(3, 4, 5, dtype=torch.float64, requires_grad=True)  # (float32's last digit: formulas of other orders)
w = torch.rand(4, dtype=torch.float64, requires_grad=True)
b = torch.rand(4, dtype=torch.float64, requires_grad=True)
y = F.batch_norm(x, torch.zeros(4, dtype=torch.float64) + 0.1, torch.ones(4, dtype=torch.float64) * 2, w, training=False)
g = torch.autograd.grad((y ** 2).sum(), [x, w], create_graph=True)
n = g[0].grad_fn
print(n.name(), [type(q).__name__ for q, _ in n.next_functions], n._saved_train, n._saved_eps, n._saved_running_mean)
print(torch.autograd.grad((g[0] ** 2).sum() + g[1].sum(), [x, w]))
g, = torch.autograd.grad((F.batch_norm(x, None, None, w, b, training=True) ** 2).sum(), x, create_graph=True)
print(g.grad_fn.name(), [type(q).__name__ for q, _ in g.grad_fn.next_functions])
g, = torch.autograd.grad((F.instance_norm(x) ** 3).sum(), x, create_graph=True)
print(g.grad_fn.name(), torch.autograd.grad(g.pow(2).sum(), x)[0][0])
bn = torch.nn.BatchNorm1d(4)
inp = torch.randn(6, 4, requires_grad=True)
gi, = torch.autograd.grad(bn(inp).tanh().sum(), inp, create_graph=True)
gi.norm(dim=1).sub(1).pow(2).mean().backward()
print(bn.weight.grad, inp.grad[0])
gn = torch.nn.GroupNorm(2, 4)
inp = torch.randn(3, 4, 2, 2, requires_grad=True)
gi, = torch.autograd.grad(gn(inp).relu().sum(), inp, create_graph=True)
print(gi.grad_fn.name())
gi.pow(2).sum().backward()
print(gn.weight.grad, gn.bias.grad)
""",
"embedding_gradient_differentiates_as_pytorchs_double_backward": """
torch.manual_seed(7)
F = torch.nn.functional
w = torch.randn(5, 3, requires_grad=True)
idx = torch.tensor([[0, 2, 2], [4, 1, 2]])
for kw in [{}, {"padding_idx": 2}, {"scale_grad_by_freq": True}, {"padding_idx": 0, "scale_grad_by_freq": True}]:
    gw, = torch.autograd.grad((F.embedding(idx, w, **kw) ** 3).sum(), w, create_graph=True)
    n = gw.grad_fn
    print(n.name(), [type(a).__name__ for a, _ in n.next_functions], n._saved_padding_idx, n._saved_indices)
    g2, = torch.autograd.grad((gw ** 2).sum(), w, create_graph=True)
    print(g2, torch.autograd.grad(g2.sum(), w))
""",
"a_nodes_missing_attribute_names_the_node": """
x = torch.randn(3, 4, requires_grad=True)
g, = torch.autograd.grad((x[1:] ** 2).sum(), x, create_graph=True)
m = x.max(1)[0]
h, = torch.autograd.grad((m ** 2).sum(), x, create_graph=True)
y = x * 2
for f in [lambda: g.grad_fn._saved_foo, lambda: g.grad_fn.foo, lambda: y.grad_fn._saved_foo, lambda: h.grad_fn.bar]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(type(g.grad_fn).__name__)
""",
"upsampling_prelu_rrelu_soft_margin_cdist_and_embedding_bag_gradients_under_create_graph": """
torch.manual_seed(8)
F = torch.nn.functional
x = torch.randn(1, 2, 3, requires_grad=True)
for f in [lambda t: F.interpolate(t, scale_factor=2), lambda t: F.interpolate(t, size=5),
          lambda t: F.interpolate(t[None], size=(2, 4)), lambda t: F.interpolate(t, size=5, mode="nearest-exact")]:
    g, = torch.autograd.grad((f(x) ** 2).sum(), x, create_graph=True)
    g2, = torch.autograd.grad((g ** 2).sum(), x, create_graph=True)
    print(g.grad_fn.name(), g2, torch.autograd.grad(g2.sum(), x))
a = torch.tensor([0.2, 0.3], requires_grad=True)
g = torch.autograd.grad((F.prelu(x, a) ** 2).sum(), [x, a], create_graph=True)
print([q.grad_fn.name() for q in g], torch.autograd.grad((g[0] ** 2).sum() + (g[1] ** 2).sum(), [x, a]))
for training in [False, True]:
    g, = torch.autograd.grad((F.rrelu(x, training=training) ** 2).sum(), x, create_graph=True)
    print(g.grad_fn.name(), g.grad_fn._saved_training, torch.autograd.grad((g ** 2).sum(), x))
y = torch.tensor([[1., -1, 1], [-1, 1, 1]])
for kw in [{}, {"reduction": "sum"}]:
    g, = torch.autograd.grad(F.soft_margin_loss(x[0], y, **kw), x, create_graph=True)
    g2, = torch.autograd.grad((g * torch.arange(6.0).view(1, 2, 3)).sum(), x, create_graph=True)
    print(g.grad_fn.name(), g.grad_fn._saved_reduction, g2)
u, v = torch.randn(3, 4, requires_grad=True), torch.randn(2, 4, requires_grad=True)
g = torch.autograd.grad((torch.cdist(u, v) ** 2).sum(), [u, v], create_graph=True)
print([q.grad_fn.name() for q in g], [type(n).__name__ for n, _ in g[0].grad_fn.next_functions])
try:
    torch.autograd.grad(g[0].sum(), u)
except Exception as e:
    print(type(e).__name__, e)
w, psw = torch.randn(5, 3, requires_grad=True), torch.rand(4, requires_grad=True)
for mode, weights in [("mean", None), ("max", None), ("sum", psw)]:
    o = F.embedding_bag(torch.tensor([0, 2, 1, 4]), w, torch.tensor([0, 2]), mode=mode, per_sample_weights=weights)
    g = torch.autograd.grad((o ** 2).sum(), [w] + ([psw] if weights is not None else []), create_graph=True)
    print([q.grad_fn.name() for q in g], [[type(n).__name__ for n, _ in q.grad_fn.next_functions] for q in g])
    for q in g:
        try:
            torch.autograd.grad(q.sum(), w)
        except Exception as e:
            print(type(e).__name__, e)
""",
"bilinear_gradients_are_trilinear_nodes_and_differentiate": """
torch.manual_seed(9)
a = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)  # (float32's last digit: einsum's order)
b = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
W = torch.randn(5, 3, 4, dtype=torch.float64, requires_grad=True)
g = torch.autograd.grad((torch.nn.functional.bilinear(a, b, W) ** 2).sum(), [a, b, W], create_graph=True)
for q in g:
    n = q.grad_fn
    print(n.name(), [type(x).__name__ for x, _ in n.next_functions], n.next_functions[0][0].name())
print(torch.autograd.grad(sum((q ** 2).sum() for q in g), [a, b, W]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_held13c_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

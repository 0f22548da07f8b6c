"""Classes of difference found by the seventeenth round's held-out autograd-core programs (held17c, issue 16): one
output given twice, non-tensor inputs, set_grad_enabled as a class, deprecated grad_variables, ops of inference
tensors outside inference mode, and what the nodes a create_graph backward records show (grad_fn._saved_*, the
ops PyTorch's formulas call, their dims as given, Scalars as doubles). One differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

SHOW = """
def show(fn, depth=0):
    if fn is None or depth > 3 or fn.name().endswith("AccumulateGrad"):
        return
    vals = []
    for a in sorted(dir(fn)):
        if a.startswith("_saved_") and hasattr(fn, a):  # (the engine's dir() lists a parent's refused names)
            v = getattr(fn, a)
            vals.append((a, (tuple(v.shape), v.dtype, v.requires_grad) if isinstance(v, torch.Tensor) else v))
    print("  " * depth + fn.name(), vals)
    for nxt, _ in fn.next_functions:
        show(nxt, depth + 1)
def second(y, x):
    g, = torch.autograd.grad(y.pow(2).sum(), x, create_graph=True)
    show(g.grad_fn)
    return g
"""

PROGRAMS = {
"an_output_given_twice_is_walked_once": """
x = torch.ones(2, requires_grad=True)
a = (x * 2).sum()
print(torch.autograd.grad([a, a], x, retain_graph=True))
torch.autograd.backward([a, a], retain_graph=True)
print(x.grad)
y = x.exp()
torch.autograd.backward([y, y, a], [torch.ones(2), torch.ones(2) * 2, None])
print(x.grad)
z = x.unbind()
print(torch.autograd.grad([z[0], z[1], z[0]], x))
""",
"non_tensor_inputs_and_outputs_and_other_mappings_are_refused": """
import collections
x = torch.ones(2, requires_grad=True)
k = torch.ones(2)
y = (x * 2).sum()
for f in [lambda: torch.autograd.grad(y, [x, 3], retain_graph=True), lambda: torch.autograd.grad(y, [None], retain_graph=True),
          lambda: torch.autograd.grad([y, 3], x, retain_graph=True), lambda: torch.autograd.grad(y, [k, 3], retain_graph=True),
          lambda: torch.autograd.grad(y, collections.OrderedDict(a=x), retain_graph=True),
          lambda: torch.autograd.grad(y, {"a": x, "b": 2}, retain_graph=True), lambda: torch.autograd.grad(y, {"k": x}, retain_graph=True),
          lambda: torch.autograd.backward([y, 3], retain_graph=True), lambda: torch.autograd.backward(y, inputs=[x, 3], retain_graph=True),
          lambda: y.backward(inputs=collections.OrderedDict(a=x), retain_graph=True), lambda: y.backward(inputs={}, retain_graph=True),
          lambda: y.backward(inputs={"a": x}, retain_graph=True)]:
    try:
        print(f(), x.grad)
    except Exception as e:
        print(type(e).__name__, e)
""",
"set_grad_enabled_is_a_class_checking_its_argument": """
print(type(torch.set_grad_enabled), torch.set_grad_enabled)
print(isinstance(torch.set_grad_enabled(True), torch.set_grad_enabled), torch.set_grad_enabled.__name__)
print(torch.set_grad_enabled(mode=True))
for a in [(), (1,), ("x",), (True, False)]:
    try:
        torch.set_grad_enabled(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.set_grad_enabled(False).clone(), torch.is_grad_enabled())
torch.set_grad_enabled(True)
""",
"grad_variables_is_deprecated": """
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
torch.autograd.backward(y, grad_variables=torch.ones(2), retain_graph=True)
print(x.grad)
try:
    torch.autograd.backward(y, torch.ones(2), grad_variables=torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
""",
"ops_of_inference_tensors_alone_record_nothing_outside_inference_mode": """
F = torch.nn.functional
with torch.inference_mode():
    w = torch.randn(3, requires_grad=True)
    xi = torch.ones(3)
    model = torch.nn.Linear(2, 1)
k = torch.full((3,), 2.0)
v = torch.full((3,), 2.0, requires_grad=True)
for f in [lambda: w * 3, lambda: 3 * w, lambda: w * k, lambda: w / 2, lambda: w / k, lambda: w + 1, lambda: w ** 2,
          lambda: w.pow(2), lambda: w.sum(), lambda: w.exp(), lambda: w.clamp(min=0), lambda: w * xi, lambda: w[0],
          lambda: torch.cat([w, w]), lambda: F.relu(w), lambda: torch.maximum(w, xi), lambda: w @ xi, lambda: w.softmax(0),
          lambda: F.mse_loss(w, xi), lambda: w.norm(), lambda: w * v, lambda: k / w, lambda: model(torch.ones(4, 2)),
          lambda: model.weight.sum()]:
    try:
        y = f()
        print(y.requires_grad, None if y.grad_fn is None else y.grad_fn.name(), y.is_inference())
    except Exception as e:
        print(type(e).__name__, e)
(w * 2).sum().backward()
print(w.grad)
""",
"activation_gradient_nodes_show_what_they_saved": SHOW + """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
for f in [lambda: x.relu(), lambda: x.sigmoid(), lambda: x.tanh(), lambda: F.hardshrink(x, 0.3), lambda: F.softshrink(x, 0.3),
          lambda: F.selu(x * 1), lambda: F.elu(x * 1, inplace=True), lambda: F.celu(x, 2.0), lambda: F.celu(x), lambda: F.elu(x),
          lambda: F.softplus(x, beta=2.0, threshold=5.0), lambda: F.softplus(x), lambda: F.threshold(x, 0.1, 0.0), lambda: F.relu6(x),
          lambda: F.gelu(x, approximate="tanh"), lambda: F.leaky_relu(x, 0.1), lambda: F.hardtanh(x), lambda: F.logsigmoid(x),
          lambda: F.hardswish(x), lambda: F.rrelu(x)]:
    second(f(), x)
""",
"fused_activation_gradients_differentiate_as_derivatives_yaml_says": SHOW + """
torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16, torch.float64):
    x = torch.randn(6, dtype=dt, requires_grad=True)
    for f in (torch.sigmoid, torch.tanh, torch.relu):
        g, = torch.autograd.grad(f(x).pow(2).sum(), x, create_graph=True)
        g2, = torch.autograd.grad(g.pow(2).sum(), x, create_graph=True)
        show(g2.grad_fn)
        print(dt, f.__name__, g, g2, torch.autograd.grad(g2.sum(), x)[0])
""",
"scalar_arithmetic_nodes_show_their_scalar": SHOW + """
F = torch.nn.functional
x = torch.ones(2, requires_grad=True)
for y in [torch.rsub(x, 2), torch.rsub(x, 2, alpha=3)]:
    show(y.grad_fn)
g, = torch.autograd.grad(F.binary_cross_entropy_with_logits(x, torch.zeros(2)), x, create_graph=True)
show(g.grad_fn)
show(F.cross_entropy(torch.ones(3, 4, requires_grad=True), torch.ones(3, 4).softmax(1)).grad_fn)
q = torch.ones(2, 3, 4, requires_grad=True)
for kw in [{}, {"scale": 0.3}, {"scale": -0.5}]:
    show(F.scaled_dot_product_attention(q, q, q, **kw).grad_fn)
""",
"loss_and_softmax_gradient_nodes_show_what_they_saved": SHOW + """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
t = torch.randn(3, 4)
for f in [lambda: F.mse_loss(x, t), lambda: F.mse_loss(x, t, reduction="sum"), lambda: F.smooth_l1_loss(x, t, beta=0.5),
          lambda: F.huber_loss(x, t, delta=2.0), lambda: F.nll_loss(x.log_softmax(1), torch.tensor([0, 1, 2])),
          lambda: F.nll_loss(x, torch.tensor([0, 1, 2]), weight=torch.ones(4), ignore_index=1, reduction="sum"),
          lambda: F.cross_entropy(x, torch.tensor([0, 1, 2])), lambda: x.softmax(-1), lambda: x.log_softmax(0)]:
    second(f(), x)
""",
"view_and_pooling_gradient_nodes_show_what_they_saved": SHOW + """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(3, 4, 5, requires_grad=True)
for f in [lambda: x[-1], lambda: x.select(-2, 1), lambda: x[:, -3:], lambda: x[..., 1::2], lambda: x.diagonal(-1, 0, -1),
          lambda: x[0].diag(), lambda: x.unfold(-1, 2, 2), lambda: x.narrow(1, 1, 2)]:
    second(f(), x)
x5 = torch.randn(1, 1, 4, 4, 4, requires_grad=True)
x4 = torch.randn(1, 2, 5, 5, requires_grad=True)
for f, inp in [(lambda: F.avg_pool3d(x5, 2), x5), (lambda: F.max_pool3d(x5, 2), x5), (lambda: F.adaptive_avg_pool3d(x5, (2, 1, 2)), x5),
               (lambda: F.adaptive_max_pool3d(x5, 2), x5), (lambda: F.avg_pool2d(x4, (2, 3), stride=(1, 2), ceil_mode=True), x4),
               (lambda: F.avg_pool2d(x4, 3, stride=1, padding=1, count_include_pad=False, divisor_override=2), x4),
               (lambda: F.adaptive_avg_pool2d(x4, (3, 2)), x4), (lambda: F.max_pool2d(x4, 2, stride=1, padding=1), x4),
               (lambda: F.max_pool1d(x4[0], 2), x4), (lambda: F.avg_pool1d(x4[0], 3, padding=1), x4)]:
    second(f(), inp)
""",
"trace_gradient_is_an_index_fill_of_flat_zeros": SHOW + """
torch.manual_seed(0)
for shape in [(3, 4), (4, 3), (2, 2)]:
    x = torch.randn(*shape, requires_grad=True)
    g = second(x.trace(), x)
    print(g, torch.autograd.grad(g.pow(2).sum(), x))
""",
"pow_and_norm_gradients_take_their_scalars_as_doubles": SHOW + """
torch.manual_seed(0)
x = (torch.rand(3, 4) + 0.5).requires_grad_()
for f in [lambda: x.pow(3), lambda: x.exp(), lambda: x.log10(), lambda: x.log2(), lambda: x.frac(), lambda: x.norm(3, dim=-1),
          lambda: torch.dist(x, x.detach() * 2, 3)]:
    print(second(f(), x).sum())
y = torch.tensor([10.0, 0.5], dtype=torch.float64, requires_grad=True)
print(torch.autograd.grad(y.log10().sum(), y))
""",
"gradient_formulas_hand_the_dim_on_as_given": SHOW + """
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
for f in [lambda: x.topk(2).values, lambda: x.topk(2, dim=-2).values, lambda: x.sort(-1).values, lambda: x.kthvalue(2, -1, keepdim=True).values,
          lambda: x.median(-1).values, lambda: x.max(-1).values, lambda: x.min(dim=-2, keepdim=True).values, lambda: x.cummax(-1).values,
          lambda: torch.linalg.cross(x[:, :3], x[:, 1:]), lambda: x.max(), lambda: x.cumsum(-1), lambda: x.mean(-1), lambda: x.sum((0, -1)),
          lambda: x.index_select(-1, torch.tensor([0, 2])), lambda: x.gather(-1, torch.tensor([[0], [1], [2]])),
          lambda: torch.zeros(3, 5).scatter_add(-1, torch.tensor([[0, 1, 2, 3]] * 3), x), lambda: x.unbind(-1)[2],
          lambda: x.split(2, -1)[1], lambda: x.flip(-1)]:
    second(f(), x)
""",
"lerp_and_addcdiv_gradients_follow_derivatives_yaml": SHOW + """
torch.manual_seed(0)
x = torch.rand(3, 4, requires_grad=True)
w = (torch.rand(3, 4) + 0.5).requires_grad_()
for f in [lambda: torch.lerp(x, w, 0.3), lambda: torch.lerp(w, x, 0.25), lambda: torch.lerp(x, w, w), lambda: torch.lerp(w, w * 2, x),
          lambda: torch.addcdiv(x, x, w, value=0.5), lambda: torch.addcdiv(w, w, x, value=2)]:
    g = second(f(), x)
    print(g.sum(), torch.autograd.grad(g.sum(), x)[0].sum())
""",
"trilinear_and_convolution_nodes_show_what_they_saved": SHOW + """
F = torch.nn.functional
torch.manual_seed(0)
x1 = torch.randn(3, 2, requires_grad=True)
x2 = torch.randn(3, 4, requires_grad=True)
W = torch.randn(5, 2, 4, requires_grad=True)
y = F.bilinear(x1, x2, W)
show(y.grad_fn)
for inp in (x1, W, x2):
    second(y, inp)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
w = torch.randn(3, 2, 3, 3, requires_grad=True)
for f in [lambda: F.conv2d(x, w, stride=2, padding=1), lambda: F.conv_transpose2d(x, w.transpose(0, 1), stride=2, output_padding=1)]:
    for inp in (x, w):
        second(f(), inp)
""",
"reductions_and_squeeze_restore_dims_as_pytorch": SHOW + """
torch.manual_seed(0)
x = torch.randn(3, 4, 2, requires_grad=True)
m = torch.randn(4, 3, requires_grad=True)
v = torch.randn(3, requires_grad=True)
for f, inp in [(lambda: x.amax((0, 2)), x), (lambda: x.amax(-1), x), (lambda: x.amin(1, keepdim=True), x), (lambda: m @ v, m),
               (lambda: torch.mv(m, v), v)]:
    print(second(f(), inp).sum())
s = torch.randn(1, 3, 1, 2, requires_grad=True)
for f in [lambda: s.squeeze(), lambda: s.squeeze(0), lambda: s.squeeze(-2), lambda: s.squeeze(1), lambda: s.squeeze((0, 2))]:
    print(second(f(), s).stride())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirtieth round's held-out programs on tensor creation and torch.nn.functional
(held30g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"inplace_elu_and_leaky_relu_refuse_a_negative_slope_in_backward_not_in_forward": """
F = torch.nn.functional
x = torch.linspace(-3, 3, 4)
for name, f in [('elu_', lambda t: F.elu_(t, alpha=-1)), ('elu', lambda t: F.elu(t, alpha=-1, inplace=True)),
                ('leaky_', lambda t: F.leaky_relu_(t, -0.1)), ('leaky', lambda t: F.leaky_relu(t, -0.1, inplace=True)),
                ('celu_', lambda t: F.celu_(t, alpha=-1.)), ('elu ok', lambda t: F.elu_(t, alpha=0.5))]:
    for how in ['leaf', 'nonleaf', 'nograd', 'view', 'double']:
        v = x.clone().requires_grad_()
        try:
            if how == 'leaf':
                y = f(v)
            elif how == 'view':
                y = f(v[:2])
            elif how == 'nograd':
                with torch.no_grad():
                    y = f(v)
            else:
                y = f(v * 1)
                print(' forward', y.grad_fn.name(), y._version)
                g, = torch.autograd.grad(y.sum(), v, create_graph=how == 'double')
                print(' grad', g)
            print(name, how, y)
        except Exception as e:
            print(name, how, type(e).__name__, e)
""",
"inplace_rrelu_records_RreluWithNoiseBackward1_on_its_result": """
nn = torch.nn
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(2, 3)
for training in [True, False]:
    for lo, up in [(0.1, 0.3), (0.2, 0.2), (-0.5, -0.1)]:
        v = x.clone().requires_grad_()
        try:
            y = F.rrelu(v * 2, lo, up, training=training, inplace=True)
            noise = y.grad_fn._saved_noise if training else None  # (in evaluation: uninitialised memory)
            print(y, y.grad_fn.name(), y._version, noise, y.grad_fn._saved_result, y.grad_fn._saved_lower,
                  y.grad_fn._saved_training)
            y.sum().backward()
            print(v.grad)
        except Exception as e:
            print(type(e).__name__, e)
m = nn.Sequential(nn.Linear(3, 4), nn.RReLU(inplace=True), nn.Linear(4, 1))
out = m(x)
out.sum().backward()
print(out, m[0].weight.grad)
w = torch.tensor([[-1., 2.]]).t().requires_grad_()
t = w.t() * 1
F.rrelu_(t, 0.1, 0.1)
print(t, t._version)
t.sum().backward()
print(w.grad)
for f in [lambda: F.rrelu(w, inplace=True), lambda: F.rrelu_(w[0], training=True)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
with torch.no_grad():
    print(F.rrelu(w, inplace=True, training=True))
""",
"linspace_names_both_ends_dims_when_both_are_tensors": """
for a, b in [(torch.tensor([0.]), 1.), (0., torch.tensor([1.])), (torch.tensor([0.]), torch.tensor([1.])),
             (torch.tensor([0.]), torch.tensor(1.)), (torch.tensor(0.), torch.tensor([[1.]]))]:
    for f in [torch.linspace, torch.logspace]:
        try:
            f(a, b, 3)
        except Exception as e:
            print(type(e).__name__, e)
""",
"sdpa_math_path_computes_half_and_bfloat16_in_float_and_casts_back": """
F = torch.nn.functional
def walk(fn, depth=0):
    if fn is not None:
        print(' ' * depth + fn.name())
        for f, _ in fn.next_functions:
            walk(f, depth + 1)
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    q = torch.randn(2, 3, 4).to(dt).requires_grad_()
    k = torch.randn(2, 5, 4).to(dt)
    v = torch.randn(2, 5, 6).to(dt).requires_grad_()
    for kw in [dict(), dict(is_causal=True), dict(attn_mask=torch.ones(3, 5, dtype=torch.bool).tril()),
               dict(attn_mask=torch.full((3, 5), -0.5)), dict(attn_mask=torch.zeros(3, 5).to(dt)), dict(scale=-0.3)]:
        o = F.scaled_dot_product_attention(q, k, v, **kw)
        walk(o.grad_fn)
        print(o)
        o.sum().backward()
        print(q.grad, v.grad)
        q.grad = v.grad = None
    q4 = torch.randn(1, 2, 3, 4).to(dt).requires_grad_()
    o = F.scaled_dot_product_attention(q4, q4, q4, dropout_p=0.3)
    walk(o.grad_fn)
    print(o)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

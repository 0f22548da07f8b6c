"""Classes of difference found by the eighteenth round's held-out programs on autograd extensions and functional
autograd (held18c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_undefined_saved_value_is_a_saved_tensor_whose_register_hooks_refuses": """
a = torch.ones(3, requires_grad=True)
for y in [a * 2, a * torch.ones(3), torch.addcmul(a, torch.ones(3), torch.ones(3))]:
    for name in ["_raw_saved_self", "_raw_saved_other", "_raw_saved_tensor1"]:
        if hasattr(y.grad_fn, name):
            r = getattr(y.grad_fn, name)
            print(name, type(r).__name__, getattr(y.grad_fn, name.replace("_raw", "")) is None)
            try:
                r.register_hooks(lambda t: t, lambda t: t)
                print("registered")
            except Exception as e:
                print(e)
""",
"forward_mode_jacobian_is_assembled_as_functional_py_does": """
jacobian, hessian = torch.autograd.functional.jacobian, torch.autograd.functional.hessian
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
J = jacobian(lambda t: t ** 2, x, vectorize=True, strategy="forward-mode")
print(J, J.grad_fn.next_functions)
J = jacobian(lambda a, b: (a * b, (a ** 2).sum()), (x, torch.ones(3, 2)[:, 0]), vectorize=True, strategy="forward-mode")
print(J)
print(jacobian(lambda a: a.sum(), torch.ones(2, 2, requires_grad=True), vectorize=True, strategy="forward-mode"))
print(jacobian(lambda a: a * 2, torch.ones(2, 0), vectorize=True, strategy="forward-mode"))
for kw in [dict(outer_jacobian_strategy="fwd"), dict(outer_jacobian_strategy="forward-mode"), dict(vectorize=True)]:
    try:
        print(hessian(lambda t: t.prod(), x.detach(), **kw))
    except Exception as e:
        print(e)
""",
"graph_node_is_torchs_class": """
print(torch.autograd.graph.Node, torch.autograd.graph.Node.__module__)
x = torch.ones(2, requires_grad=True)
print(isinstance((x * 2).grad_fn, torch.autograd.graph.Node))
""",
"matmul_and_linear_tangents_follow_atens_decompositions": """
fwAD = torch.autograd.forward_ad
F = torch.nn.functional
torch.manual_seed(0)
W = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
x = torch.randn(3)
with fwAD.dual_level():
    dx = fwAD.make_dual(x, torch.ones(3))
    for f in [lambda a: F.linear(a, W), lambda a: F.linear(a, W, b), lambda a: a @ W.t(), lambda a: W @ a,
              lambda a: a.view(1, 3) @ W.t(), lambda a: F.linear(a.view(1, 1, 3), W), lambda a: F.linear(a.view(1, 1, 3), W, b),
              lambda a: a.view(1, 1, 3) @ W.t(), lambda a: torch.mv(W, a), lambda a: a.dot(W[0]),
              lambda a: F.linear(a.view(1, 3, 1).expand(2, 3, 2).transpose(1, 2), W, b.detach())]:
        t = fwAD.unpack_dual(f(dx)).tangent
        print(t.grad_fn.name(), [n[0] and n[0].name() for n in t.grad_fn.next_functions])
""",
"a_composite_whose_dual_inputs_missed_its_inner_tangents_uses_its_own_formula": """
fwAD = torch.autograd.forward_ad
F = torch.nn.functional
torch.manual_seed(0)
x, tx = torch.randn(3, 2, 2).transpose(0, -1), torch.randn(3, 2, 2).transpose(0, -1)
W, b, tb = torch.randn(4, 3), torch.randn(4), torch.randn(4)
q, k, v = torch.randn(2, 3, 4), torch.randn(2, 5, 4), torch.randn(2, 5, 6)
with fwAD.dual_level():
    db = fwAD.make_dual(b, tb)
    print(fwAD.unpack_dual(F.linear(fwAD.make_dual(x, tx), W, db)).tangent)
    print(fwAD.unpack_dual(F.linear(x.contiguous(), W, db)).tangent.shape)
    print(fwAD.unpack_dual(F.bilinear(fwAD.make_dual(W[:, :2], W[:, 1:]), W[:, :2], torch.ones(3, 2, 2), db[:3])).tangent)
    for m in range(1, 8):
        ins = [fwAD.make_dual(p, torch.ones(p.shape)) if m >> i & 1 else p for i, p in enumerate((q, k, v))]
        print(m, round(fwAD.unpack_dual(F.scaled_dot_product_attention(*ins)).tangent.sum().item(), 3) + 0.0)
""",
"linear_inside_torch_func_flattens_only_3d_inputs": """
torch.manual_seed(0)
lin = torch.nn.Linear(3, 2)
for s in [(3,), (4, 3), (2, 4, 3), (2, 2, 2, 3)]:
    x = torch.randn(s)
    out, tan = torch.func.jvp(lin, (x,), (torch.ones(s),))
    o, fn = torch.func.vjp(lin, x)
    g = fn(torch.ones(o.shape))[0]
    print(s, tan.grad_fn.name(), [n[0] and n[0].name() for n in tan.grad_fn.next_functions], g.grad_fn.name())
    print(torch.func.grad(lambda t: lin(t).sum())(x).grad_fn.name(), lin(x).grad_fn.name())
""",
"flash_attention_and_tensor_clamp_under_forward_ad": """
fwAD = torch.autograd.forward_ad
F = torch.nn.functional
q = torch.randn(1, 2, 3, 4)
x, lo, hi = torch.tensor([-1.0, 0.1, 0.3, 2.0]), torch.full((4,), -0.3), torch.tensor([0.5, 0.2, -1.0, 0.8])
with fwAD.dual_level():
    try:
        F.scaled_dot_product_attention(fwAD.make_dual(q, torch.ones_like(q)), q, q)
    except Exception as e:
        print(e)
    for m in range(1, 8):
        a, b, c = [fwAD.make_dual(p, torch.arange(1.0, 5.0) * (i + 1)) if m >> i & 1 else p for i, p in enumerate((x, lo, hi))]
        print(m, fwAD.unpack_dual(torch.clamp(a, b, c)).tangent, fwAD.unpack_dual(a.clamp(min=b)).tangent,
              fwAD.unpack_dual(a.clip(max=c)).tangent)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round18_held18c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=True)

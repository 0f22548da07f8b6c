"""torch.autograd.forward_ad (dual levels, make_dual/unpack_dual, the tangents of the common ops with
derivatives.yaml's formulas, its errors) and torch.func.jvp/jacfwd on it, as torch computes them. torch's first
use of these warns DeprecationWarnings of torch.jit.script from its own imports (which no program's default filter
shows): the printed text is compared, and the engine warns nothing."""
import pytest

from same_as_torch import HAVE_TORCH, run_in_engine, run_in_torch

PROGRAMS = {
"dual_tensors_and_tangent_rules": """fwAD = torch.autograd.forward_ad
def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
x = torch.tensor([1., 2.])
with fwAD.dual_level() as l:
    print(l)
    tryit(lambda: fwAD.enter_dual_level())
    tryit(lambda: fwAD.make_dual(x, torch.ones(3)))
    tryit(lambda: fwAD.make_dual(x, torch.ones(2, dtype=torch.int64)))
    tryit(lambda: fwAD.make_dual(x.long(), torch.ones(2, dtype=torch.int64)))
    tryit(lambda: fwAD.make_dual(x, torch.ones(2), level=3))
    d = fwAD.make_dual(x, torch.tensor([1., 0.]))
    print(fwAD.unpack_dual(d).tangent is not None, fwAD.unpack_dual(x))
    print(type(fwAD.unpack_dual(d)), fwAD.unpack_dual(d)[0], fwAD.UnpackedDualTensor)
    p, t = fwAD.unpack_dual(d * 2 + 1)
    print(p, t, d.requires_grad)
    print(d.sin(), d.relu(), d.exp().sum())
    print(fwAD.unpack_dual(torch.sin(d)), fwAD.unpack_dual(torch.sin(d) * torch.cos(d)))
    for f in [torch.exp, torch.log, torch.tanh, torch.sigmoid, torch.relu, torch.sqrt, torch.neg, torch.cos,
              lambda a: a ** 3, lambda a: a ** 0.5, lambda a: 2 - a, lambda a: a - 2, lambda a: 2 / a, lambda a: a / 3,
              lambda a: a / (a + 1), lambda a: (a + 1) / a, lambda a: a * a, lambda a: a.sum(), lambda a: a.mean(),
              lambda a: a.view(2, 1), lambda a: a.reshape(1, 2).t(), lambda a: a.unsqueeze(0).expand(3, 2),
              lambda a: a[1], lambda a: a[None, :].transpose(0, 1), lambda a: torch.cat([a, x]), lambda a: torch.stack([x, a], 1),
              lambda a: torch.softmax(a, 0), lambda a: a.log_softmax(0), lambda a: a @ torch.tensor([[1., 2.], [3., 4.]]),
              lambda a: torch.tensor([[1., 2.], [3., 4.]]) @ a, lambda a: torch.mm(a.view(1, 2), a.view(2, 1)), lambda a: a.dot(a),
              lambda a: torch.nn.functional.linear(a, torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, 1.])),
              lambda a: torch.nn.functional.linear(a.view(1, 2), torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, 1.])),
              lambda a: torch.nn.functional.softmax(a, 0), lambda a: a + torch.ones(3, 2), lambda a: a.clone(), lambda a: a.detach(),
              lambda a: a > 1, lambda a: a.float()]:
        tryit(lambda: fwAD.unpack_dual(f(d)))
    d3 = fwAD.make_dual(torch.tensor([[0.3, -1.2, 2.5], [1.1, 0.2, -0.7]]), torch.tensor([[1., -2., 0.5], [0.25, 3., -1.]]))
    for f in [torch.sin, torch.tanh, torch.sigmoid, lambda a: a.softmax(1), lambda a: a.log_softmax(0), lambda a: a @ a.t(), lambda a: (a * a.exp()).sum(1)]:
        print(fwAD.unpack_dual(f(d3)))
print(d)
print(fwAD.unpack_dual(d))
tryit(lambda: fwAD.exit_dual_level())
print(fwAD.enter_dual_level()); fwAD.exit_dual_level()
tryit(lambda: fwAD.make_dual(x, torch.ones(2)))
""",
"func_jvp_and_jacfwd": """def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.func
x = torch.tensor([0.5, -1.5, 2.])
print(F.jvp(torch.sin, (x,), (torch.ones(3),)))
print(F.jvp(lambda a, b: a * b + a.exp(), (x, x * 2), (torch.ones(3), torch.tensor([1., 0., -1.]))))
print(F.jvp(lambda a: (a.tanh(), a.sum()), (x,), (torch.ones(3),), has_aux=True))
tryit(lambda: F.jvp(torch.sin, x, torch.ones(3)))
tryit(lambda: F.jvp(torch.sin, (x,), (torch.ones(3), torch.ones(3))))
print(F.jacfwd(torch.sin)(x))
print(F.jacfwd(lambda a, b: a @ b, argnums=(0, 1))(torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, -1.])))
print(F.jacfwd(lambda a: (a * 2, a.softmax(0)))(x))
print(F.jacfwd(lambda a: a.sigmoid().sum())(x))
""",
"modules_and_functional": """
fwAD = torch.autograd.forward_ad
def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
torch.manual_seed(0)
m = torch.nn.Linear(3, 2)
x = torch.tensor([[0.5, -1.5, 2.], [1., 2., 3.]])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([[1., -1., 0.5], [2., 0., 1.]]))
    for f in [lambda a: m(a).detach(), torch.nn.functional.relu, torch.nn.ReLU(), torch.nn.Tanh(), torch.nn.Sigmoid(),
              torch.nn.Softmax(1), torch.nn.LogSoftmax(0), lambda a: a.abs(), lambda a: torch.where(a > 0, a, 0.),
              lambda a: torch.where(a > 1, a.exp(), a), lambda a: a.new_zeros(2), lambda a: torch.zeros_like(a),
              lambda a: torch.nn.functional.linear(a, m.weight.detach()), lambda a: (a > 0).float() * a]:
        tryit(lambda: fwAD.unpack_dual(f(d)))
p = {k: v.detach() for k, v in m.named_parameters()}
print(torch.func.jvp(lambda p: torch.func.functional_call(m, p, (x,)), (p,), ({k: torch.ones_like(v) for k, v in p.items()},)))
""",
"autograd_functional_jacobian_forward_mode": """def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.autograd.functional
x = torch.tensor([1., 2., 3.])
a, b = torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, -1.])
for kw in [dict(strategy="forward-mode", vectorize=True), dict(strategy="forward-mode"), dict(strategy="forward-mode", vectorize=True, create_graph=True),
           dict(strategy="forward-mode", vectorize=True, strict=True), dict(strategy="x")]:
    tryit(lambda: F.jacobian(lambda t: t.sin() ** 2, x, **kw))
    tryit(lambda: F.jacobian(lambda a, b: a @ b, (a, b), **kw))
    tryit(lambda: F.jacobian(lambda t: (t * 2, t.exp().sum()), x, **kw))
    tryit(lambda: F.jacobian(lambda a, b: (a.sum(0) * b, b.tanh()), (a, b), **kw))
""",
"activations_losses_and_lazy_rows": """fwAD = torch.autograd.forward_ad
def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.nn.functional
x = torch.tensor([[0.5, -1.5, 2.], [1., -0.2, 3.], [6.5, 0., -0.7]])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([[1., -1., 0.5], [2., 0., 1.], [0.3, -0.7, 1.1]]))
    for f in [lambda a: a.clamp(0, 1), lambda a: torch.clamp(a, min=-1), lambda a: a.clip(max=0.5), lambda a: a.clamp_min(0.1), lambda a: a.square(),
              F.gelu, lambda a: F.gelu(a, approximate='tanh'), F.leaky_relu, lambda a: F.leaky_relu(a, 0.2), F.silu, F.softplus, F.hardtanh, F.relu6,
              F.mish, F.hardsigmoid, F.hardswish, torch.nn.GELU(), torch.nn.SiLU(), torch.nn.LeakyReLU(),
              lambda a: F.mse_loss(a, torch.ones(3, 3)), lambda a: F.mse_loss(torch.ones(3, 3), a, reduction='sum'),
              lambda a: F.mse_loss(a, a.exp(), reduction='none'), lambda a: F.mse_loss(a * 2, a),
              lambda a: a.sinh(), lambda a: a.erf(), lambda a: a.atan(), lambda a: a.rsqrt(), lambda a: a.reciprocal(), lambda a: a.log1p(), lambda a: a.abs()]:
        tryit(lambda: fwAD.unpack_dual(f(d)).tangent)
""",
"func_jvp_errors_and_histories": """def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.func
x = torch.tensor([0.5, -1.5, 2.])
tryit(lambda: F.jvp(torch.sin, (x,), torch.ones(3)))
tryit(lambda: F.jvp(torch.sin, (x,), (torch.ones(2),)))
tryit(lambda: F.jvp(torch.sin, (x,), (torch.ones(3, dtype=torch.float64),)))
tryit(lambda: F.jvp(lambda a: 3, (x,), (torch.ones(3),)))
tryit(lambda: F.jvp(torch.sin, (3.,), (1.,)))
tryit(lambda: F.jvp(torch.sin, (x,), (torch.ones(3),), has_aux=True))
tryit(lambda: F.jvp(lambda a: (a.sin(), {'c': a.cos()}), (x,), (torch.ones(3),)))
tryit(lambda: F.jvp(lambda a: a.long(), (x,), (torch.ones(3),)))
tryit(lambda: F.jvp(lambda a, b: a * b, (x, 2.), (torch.ones(3), 1.)))
w = torch.tensor([1., 2., 3.], requires_grad=True)
tryit(lambda: F.jvp(torch.sin, (w,), (torch.ones(3),)))
tryit(lambda: F.jacfwd(lambda a: a.sin(), argnums=1)(x))
tryit(lambda: F.jacfwd(lambda a: (a.sin(), a.sum()), has_aux=True)(x))
tryit(lambda: F.jacfwd(lambda d: d['a'] * d['b'])({'a': x, 'b': x + 1}))
tryit(lambda: F.vmap(F.jacrev(lambda a: a.sin()))(torch.ones(2, 3)))
tryit(lambda: F.vmap(F.jvp, in_dims=(None, 0, 0))(torch.sin, (torch.ones(2, 3),), (torch.ones(2, 3),)))
""",
"views_products_powers_and_spellings": """fwAD = torch.autograd.forward_ad
def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.nn.functional
x = torch.tensor([[0.5, -1.5, 2.], [1., -0.2, 3.]])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([[1., -1., 0.5], [2., 0., 1.]]))
    for f in [lambda a: F.softmax(a, dim=0), lambda a: F.log_softmax(a, dim=1), lambda a: torch.cat((a, x), dim=1), lambda a: torch.stack((x, a), dim=-1),
              lambda a: a.sum(dim=0, keepdim=True), lambda a: a.mean(1), lambda a: a.to(torch.float64), lambda a: a.view(-1), lambda a: a.permute(1, 0),
              lambda a: a.flatten(), lambda a: a.split(1), lambda a: a.unbind(1), lambda a: a.chunk(3, 1), lambda a: a[:, 1:], lambda a: a[0, [0, 2]],
              lambda a: a.T, lambda a: a.mT, lambda a: a.squeeze(), lambda a: a.unsqueeze(-1).expand(2, 3, 2), lambda a: a.expand_as(torch.ones(4, 2, 3)),
              lambda a: a.movedim(0, 1), lambda a: a.narrow(1, 0, 2), lambda a: a.select(1, 2), lambda a: a.reshape_as(torch.ones(3, 2)),
              lambda a: torch.matmul(a, a.t()), lambda a: a @ torch.ones(3), lambda a: torch.ones(2) @ a, lambda a: a.mv(torch.ones(3)),
              lambda a: a.pow(2), lambda a: torch.pow(a, 3.5), lambda a: a ** a, lambda a: 2 ** a, lambda a: a.exp().log(), lambda a: a.neg(),
              lambda a: -a, lambda a: +a, lambda a: a.sub(x, alpha=2), lambda a: a.add(x, alpha=3), lambda a: torch.add(x, a, alpha=0.5), lambda a: x - a,
              lambda a: a.div(2, rounding_mode='floor'), lambda a: a.float(), lambda a: a.double().sum()]:
        tryit(lambda: fwAD.unpack_dual(f(d)) if not isinstance(f(d), tuple) else [fwAD.unpack_dual(t) for t in f(d)])
""",
"linear_ops_of_lazy_modules_addmm_dropout": """fwAD = torch.autograd.forward_ad
def tryit(f):
    try: print("OK", fwAD.unpack_dual(f()).tangent)
    except Exception as e: print(type(e).__name__ + ":", str(e)[:60])
x = torch.tensor([[0.5, -1.5, 2.], [1., -0.2, 3.]])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([[1., -1., 0.5], [2., 0., 1.]]))
    for f in [lambda: torch.addmm(torch.zeros(2, 2), d, d.t()), lambda: torch.addmm(d[:, :2], x, x.t(), beta=0.5, alpha=2), lambda: torch.bmm(d[None], d.t()[None]),
              lambda: d.masked_fill(d > 0, 0.), lambda: d.gather(1, torch.tensor([[0], [1]])), lambda: d.index_select(0, torch.tensor([1])),
              lambda: torch.nn.functional.dropout(d, 0.5, training=False), lambda: torch.flip(d, [0]), lambda: torch.nn.Dropout(0.5).eval()(d),
              lambda: d.repeat(2, 1), lambda: torch.tril(d), lambda: d.cumsum(0), lambda: d.roll(1), lambda: torch.outer(d[0], x[1]), lambda: torch.outer(d[0], d[1]),
              lambda: d.diagonal(), lambda: d.tile(2), lambda: d.swapaxes(0, 1), lambda: d.unflatten(1, (3, 1)), lambda: d.triu(1)]:
        tryit(f)
""",
"held_out_style_sin": """
fwAD = torch.autograd.forward_ad
x = torch.tensor([1., 2.])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([1., 0.]))
    y = torch.sin(d) * 2
    print(fwAD.unpack_dual(torch.sin(d)).primal, fwAD.unpack_dual(y * torch.cos(d) + d.exp()).tangent)
    print(y, fwAD.unpack_dual(y).tangent.requires_grad)
print(y, fwAD.unpack_dual(y))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_forward_ad_prints_as_torch(name):
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    got = run_in_engine(PROGRAMS[name])
    assert got == (run_in_torch(PROGRAMS[name])[0], [])


def test_no_level_leaves_the_ops_as_they_were():
    from tensorsh.engine import forward_ad
    from tensorsh.engine.tensor import Tensor
    before = dict(vars(Tensor))
    forward_ad.enter_dual_level()
    assert any(vars(Tensor)[k] is not v for k, v in before.items())
    forward_ad.exit_dual_level()
    assert dict(vars(Tensor)) == before and not forward_ad._SWAPPED


def test_an_op_without_a_rule_gets_its_tangent_from_its_jacobian():
    """An op of no formula here (cumprod, vector_norm), an in-place op and a write x[key] = dual get their tangents
    (PyTorch has formulas for them); an op PyTorch has none for still raises, under PyTorch's name for it."""
    from tensorsh.engine import forward_ad
    from tensorsh.engine.errors import TorchError
    from tensorsh.engine.torch_api import NAMESPACE as torch
    with forward_ad.dual_level():
        d = forward_ad.make_dual(torch["tensor"]([1., 2.]), torch["ones"](2))
        assert forward_ad.unpack_dual(d.cumprod(0)).tangent.tolist() == [1.0, 3.0]
        assert forward_ad.unpack_dual(d.clone().add_(1)).tangent.tolist() == [1.0, 1.0]
        x = torch["zeros"](3)
        x[0:2] = d
        assert forward_ad.unpack_dual(x).tangent.tolist() == [1.0, 1.0, 0.0]
        x[0] = 1.  # (a number: no tangent at 0)
        assert forward_ad.unpack_dual(x).tangent.tolist() == [0.0, 1.0, 0.0]
        assert abs(forward_ad.unpack_dual(torch["linalg"].vector_norm(d)).tangent.item() - 3 / 5 ** 0.5) < 1e-6
        with pytest.raises(TorchError, match="Trying to use forward AD with _cdist_forward that does not support"):
            torch["cdist"](d[None], d[None])
        assert forward_ad.unpack_dual(d.relu().sum()).tangent.item() == 2.0
    assert forward_ad.unpack_dual(d).tangent is None


def test_forward_over_reverse_differentiates_the_graph_or_refuses():
    """jacfwd(jacrev(f)): the reverse level runs on the primals and its results get J t from its graph;
    autograd.functional on dual inputs still refuses (the reverse pass would lose the tangents)."""
    from tensorsh.engine.errors import TorchError
    from tensorsh.engine.func import FORWARD_OVER_REVERSE, jacfwd, jacrev, hessian
    from tensorsh.engine.functional import vjp
    from tensorsh.engine.torch_api import NAMESPACE as torch
    from tensorsh.engine import forward_ad
    x = torch["tensor"]([0.5, -1.0])
    assert jacfwd(jacrev(lambda t: (t ** 3).sum()))(x).tolist() == [[3.0, 0.0], [0.0, -6.0]]
    with forward_ad.dual_level():
        d = forward_ad.make_dual(x, torch["ones"](2))
        with pytest.raises(TorchError) as e:
            vjp(lambda t: t.sin(), d)
        assert str(e.value) == FORWARD_OVER_REVERSE
    assert hessian(lambda t: (t ** 3).sum())(x).tolist() == [[3.0, 0.0], [0.0, -6.0]]

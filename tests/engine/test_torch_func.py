"""torch.func (grad, grad_and_value, vjp, jacrev, hessian, vmap, functional_call, stack_module_state) as torch
computes them: values to the bit, structures, argnums/has_aux, and the transforms' error texts."""
import pytest

from same_as_torch import HAVE_TORCH, run_in_engine, run_in_torch, same_as_torch
from test_inference_mode import PRELUDE  # (tryit(f): a result or its error line)

_TRY = PRELUDE + '''F = torch.func
x = torch.tensor([1., 2., 3.])
'''

PROGRAMS = {
"vmap_argument_errors": _TRY + '''
tryit(lambda: F.vmap(lambda t: torch.rand(2) + t)(x))
tryit(lambda: F.vmap(lambda t: t.sum(), in_dims=(0, 1))(x))
tryit(lambda: F.vmap(lambda a, b: a + b)(x, torch.ones(4)))
tryit(lambda: F.vmap(lambda a: a, out_dims=(0, 1))(x))
tryit(lambda: F.vmap(lambda a: a, in_dims=1)(x))
tryit(lambda: F.vmap(lambda a: a, in_dims=2.0)(x))
tryit(lambda: F.vmap(lambda a: a, in_dims=None)(x))
tryit(lambda: F.vmap(lambda a: 3)(x))
tryit(lambda: F.vmap(lambda a: a)(3))
tryit(lambda: F.vmap(lambda a: a)())
tryit(lambda: F.vmap(lambda a: a, randomness='x')(x))
tryit(lambda: F.vmap(lambda a: a, chunk_size=0)(x))
tryit(lambda: F.vmap(lambda a: a, out_dims=1.5)(x))
tryit(lambda: F.vmap(lambda a, b: (a, b), in_dims=(0, None))(x, None))
tryit(lambda: F.vmap(lambda a, b: a * b['w'], in_dims=(0, {'w': None}))(x, {'w': torch.ones(2)}))
tryit(lambda: F.vmap(lambda a, b: a * b['w'], in_dims=(0, {'v': None}))(x, {'w': torch.ones(2)}))
tryit(lambda: F.vmap(lambda a, b: a + b, in_dims=(None, None))(x, x))
tryit(lambda: F.vmap(lambda t: torch.nn.functional.dropout(t, 0.5))(torch.ones(3, 4)))
tryit(lambda: F.vmap(lambda a: a, out_dims=4)(torch.ones(2, 3, 4)))
''',
"vmap_batched_products_and_dims": '''
torch.manual_seed(0)
F = torch.func
A = torch.randn(4, 3, 5); B = torch.randn(4, 5, 2); v = torch.randn(4, 5)
print(F.vmap(torch.mm)(A, B))
print(torch.equal(F.vmap(torch.mm)(A, B), torch.bmm(A, B)))
print(F.vmap(torch.mv)(A, v))
print(F.vmap(torch.dot)(v, v))
print(F.vmap(torch.matmul, in_dims=(0, None))(A, v[0]))
print(F.vmap(lambda a: a.sum(0), in_dims=1, out_dims=1)(A).shape)
r = F.vmap(lambda a: (a, {'d': a * 2}), out_dims=(0, {'d': 1}))(A)
print(r[0].shape, r[1]['d'].shape)
print(F.vmap(F.vmap(torch.dot))(A, A))
print(F.vmap(lambda a: a + 1, chunk_size=2)(torch.tensor([1., 2., 3.])))
print(F.vmap(lambda a: a, out_dims=-1)(A).shape)
print(F.vmap(lambda a: a.t() * 2, in_dims=-1)(A)[1])
print(F.vmap(lambda a, n: a * n, in_dims=(0, None))(v, 3))
print(F.vmap(lambda a: (a.sum(), 7), out_dims=(0, None))(v))
''',
"vmap_of_the_products_is_one_batched_product": '''torch.manual_seed(0)
F = torch.func
a, b, v = torch.randn(8, 7, 9), torch.randn(8, 9, 5), torch.randn(8, 9)
print(F.vmap(torch.mm)(a, b).flatten().tolist())
print(F.vmap(torch.matmul)(a, b).flatten().tolist())
print(F.vmap(torch.mv)(a, v).flatten().tolist())
print(F.vmap(torch.matmul)(a, v).flatten().tolist())
print(F.vmap(torch.dot)(v, v).tolist())
print(F.vmap(torch.matmul)(v, v).tolist())
ar, vr = a.clone().requires_grad_(), v.clone().requires_grad_()
print(F.vmap(torch.mm)(ar, b).grad_fn, F.vmap(torch.mv)(ar, v).grad_fn, F.vmap(torch.dot)(vr, v).grad_fn)
def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
tryit(lambda: F.vmap(torch.mm)(a, v))
tryit(lambda: F.vmap(torch.dot)(v, torch.ones(8, 3)))
tryit(lambda: F.vmap(torch.dot)(v, torch.ones(8, 9, dtype=torch.float64)))
tryit(lambda: F.vmap(torch.mv)(a, a))
for f,a,b in [(torch.dot, torch.ones(3,2,2), torch.ones(3,2)), (torch.mm, torch.ones(3,2,2), torch.ones(3,3,2)), (torch.mv, torch.ones(3,2,2), torch.ones(3,3)), (torch.mv, torch.ones(3,2,2), torch.ones(3,2,dtype=torch.float64)),(torch.dot, torch.ones(3,2,dtype=torch.int64), torch.ones(3,2,dtype=torch.int64)), (torch.mm, torch.ones(3,2,2, dtype=torch.int64), torch.ones(3,2,2, dtype=torch.int64)), (torch.matmul, torch.ones(3, 2), torch.ones(3, 2, 4))]:
    tryit(lambda: F.vmap(f)(a, b))
''',
"vmap_randomness_same_and_uniform_different": '''
F = torch.func
x = torch.tensor([1., 2., 3.])
torch.manual_seed(0)
print(F.vmap(lambda t: torch.rand(2) + t, randomness='same')(x), torch.rand(1))
torch.manual_seed(0)
print(F.vmap(lambda t: torch.rand(2) + t, randomness='different')(x), torch.rand(1))
torch.manual_seed(0)
print(F.vmap(lambda t: torch.nn.functional.dropout(t, 0.5), randomness='different')(torch.ones(3, 4)), torch.rand(1))
torch.manual_seed(0)
print(F.vmap(lambda t: torch.nn.functional.dropout(t, 0.5), randomness='same')(torch.ones(3, 4)), torch.rand(1))
''',
"per_sample_gradients_and_ensembles": '''
F = torch.func
torch.manual_seed(0)
m = torch.nn.Linear(3, 2)
data, ys = torch.randn(5, 3), torch.randn(5, 2)
def loss(params, xb, yb):
    out = F.functional_call(m, params, (xb.unsqueeze(0),))
    return ((out - yb) ** 2).mean()
pp = {k: v.detach() for k, v in m.named_parameters()}
print(F.vmap(F.grad(loss), in_dims=(None, 0, 0))(pp, data, ys))
print(F.vmap(F.grad_and_value(loss), in_dims=(None, 0, 0))(pp, data, ys))
models = [torch.nn.Linear(3, 2) for _ in range(4)]
params, buffers = F.stack_module_state(models)
print({k: (v.shape, v.requires_grad, v.is_leaf) for k, v in params.items()}, buffers)
def call(params, buffers, data):
    return F.functional_call(models[0], (params, buffers), (data,))
print(F.vmap(call, (0, 0, None))(params, buffers, data).detach())
print(F.vmap(call, (0, 0, 0))(params, buffers, data[:4]).detach())
bn = [torch.nn.BatchNorm1d(3) for _ in range(2)]
print(F.stack_module_state(bn))
''',
"functional_call": _TRY + '''
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))
p = {k: v * 2 for k, v in m.named_parameters()}
print(F.functional_call(m, p, (x,)))
print(F.functional_call(m, p, x))
print(F.functional_call(m, ({'0.weight': p['0.weight']}, {'2.bias': torch.zeros(1)}), x))
tryit(lambda: F.functional_call(m, ({'0.weight': p['0.weight']}, {'0.weight': torch.zeros(2)}), x))
tryit(lambda: F.functional_call(m, 3, x))
tryit(lambda: F.functional_call(m, {'0.weight': p['0.weight']}, x, strict=True))
tryit(lambda: F.functional_call(m, {'0.weight': torch.ones(5, 5)}, x))
print(m[0].weight, list(dict(m.named_parameters())))
bn = torch.nn.BatchNorm1d(2)
print(F.functional_call(bn, {'running_mean': torch.ones(2)}, torch.tensor([[1., 2.], [3., 5.]])), bn.running_mean)
tryit(lambda: F.stack_module_state([]))
tryit(lambda: F.stack_module_state([torch.nn.Linear(1, 1), torch.nn.ReLU()]))
tryit(lambda: F.stack_module_state([torch.nn.Linear(1, 1), torch.nn.Linear(1, 1).eval()]))
''',
"tied_weights_int_inputs_and_nesting": '''def tryit(f):
    try: print("OK", f())
    except Exception as e: print(type(e).__name__ + ":", e)
F = torch.func
tryit(lambda: F.grad(lambda t: t.sum())(torch.tensor([1, 2])))
tryit(lambda: F.jacrev(lambda t: t * 2)(torch.tensor([1, 2])))
tryit(lambda: F.vjp(lambda t: t * 2, torch.tensor([1, 2])))
torch.manual_seed(0)
class Tied(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Linear(2, 2, bias=False)
        self.b = torch.nn.Linear(2, 2, bias=False)
        self.b.weight = self.a.weight
    def forward(self, x):
        return self.b(self.a(x))
m = Tied()
x = torch.ones(1, 2)
print(F.functional_call(m, {'a.weight': torch.eye(2) * 2}, (x,)))
print(F.functional_call(m, {'a.weight': torch.eye(2) * 2}, (x,), tie_weights=False))
tryit(lambda: F.functional_call(m, {'a.weight': torch.eye(2) * 2, 'b.weight': torch.eye(2)}, (x,)))
print(F.functional_call(m, {'a.weight': torch.eye(2) * 2}, args=(), kwargs={'x': x}))
o, fn = F.vjp(lambda t: (t ** 2).sum(), torch.tensor([1., 2.]))
print(fn(torch.tensor(1.)), fn(torch.tensor(2.)))
g = F.grad(F.grad(lambda t: t.sin().sum() if t.dim() == 0 else t.sin()))(torch.tensor(0.5))
print(g)
print(F.grad(lambda t: (t ** 2).sum())(torch.tensor([1., 2.], requires_grad=True) * 2))
''',
"vjp": _TRY + '''
o, fn = F.vjp(lambda t: t.sin(), x)
print(o, fn(torch.ones(3)))
tryit(lambda: fn((torch.ones(3),)))
tryit(lambda: fn(torch.ones(2)))
print(F.vjp(lambda a, b: {'s': a * b, 'p': (a + b,)}, x, x * 2)[1]({'s': torch.ones(3), 'p': (torch.ones(3) * 2,)}))
print(F.vjp(lambda t: (t.sin(), t.cos()), x, has_aux=True)[2])
print(F.vjp(lambda d: d['a'] * d['b'], {'a': x, 'b': x + 1})[1](torch.ones(3)))
tryit(lambda: F.vjp(lambda t: t.sin(), x, has_aux=True))
tryit(lambda: F.vjp(lambda t: 3, x))
tryit(lambda: F.vjp(lambda t: (t > 1), x))
tryit(lambda: F.vjp(lambda t: t, 3.0))
w = torch.tensor([1., 2., 3.], requires_grad=True)
o, fn = F.vjp(lambda t: t.exp(), w)
print(o.grad_fn, fn(torch.ones(3))[0].grad_fn)
''',
"jacrev": _TRY + '''
print(F.jacrev(lambda t: t.sin())(x))
print(F.jacrev(lambda t: (t * 2, t.sin()))(x))
print(F.jacrev(lambda a, b: a @ b, argnums=(0, 1))(torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([0.5, -1.])))
print(F.jacrev(lambda t: (t ** 2, t.sum()), has_aux=True)(x))
print(F.jacrev(lambda d: d['a'] * d['b'])({'a': x, 'b': x + 1}))
print(F.jacrev(lambda t: t.sum())(x), F.jacrev(lambda t: t.outer(t))(x).shape)
print(F.jacrev(F.jacrev(lambda t: (t ** 3).sum()))(x))
print(F.jacrev(lambda a, b: a * 2, argnums=1)(x, x))
tryit(lambda: F.jacrev(lambda t: t, chunk_size=0)(x))
''',
"grad_and_value_and_argnums": _TRY + '''
print(F.grad_and_value(lambda t: (t**3).sum())(x))
print(F.grad_and_value(lambda t: ((t**3).sum(), t * 2), has_aux=True)(x))
print(F.grad(lambda t: ((t**3).sum(), t * 2), has_aux=True)(x))
print(F.grad(lambda d: (d['a'] * d['b']).sum())({'a': x, 'b': [x, x]}) if False else 0)
print(F.grad(lambda d: (d['a'] * d['b'][1]).sum())({'a': x, 'b': [x, x * 2]}))
tryit(lambda: F.grad(lambda t: t.sum(), argnums=2)(x))
tryit(lambda: F.grad(lambda t: t.sum(), argnums=(0, 0))(x))
tryit(lambda: F.grad(lambda t: t.sum(), argnums=())(x))
tryit(lambda: F.grad(lambda t: t.sum(), argnums=[0])(x))
tryit(lambda: F.grad(lambda t: t.sum(), has_aux=True)(x))
tryit(lambda: F.grad(lambda t: 3.0)(x))
tryit(lambda: F.grad(lambda t: t.sum())(3.0))
print(F.grad(lambda t, n: (t ** n).sum(), argnums=-2)(x, 3))
w = torch.tensor([1., 2., 3.], requires_grad=True)
g = F.grad(lambda t: (t ** 2).sum())(w)
print(g, g.requires_grad, g.grad_fn)
''',
}

# hessian and jacfwd: torch's first use imports modules that warn DeprecationWarnings of torch.jit.script, which
# no program's own warning filter shows; the printed text is compared
OUTPUT_PROGRAMS = {
"hessian": _TRY + '''
print(F.hessian(lambda t: (t**3).sum())(x))
print(F.hessian(lambda t: (t.sin() * t.exp()).sum())(x))
print(F.hessian(lambda a, b: (a * b ** 2).sum(), argnums=(0, 1))(x, x + 1))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_torch_func_same_as_torch(name):
    same_as_torch(PROGRAMS[name])


@pytest.mark.parametrize("name", sorted(OUTPUT_PROGRAMS))
def test_torch_func_prints_as_torch(name):
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    assert run_in_engine(OUTPUT_PROGRAMS[name])[0] == run_in_torch(OUTPUT_PROGRAMS[name])[0]

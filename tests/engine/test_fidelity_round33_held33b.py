"""Classes of difference found by the thirty-third round's held-out programs on autograd core and torch.func
(held33b, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"vmap_a_constant_made_by_a_unary_operator_or_an_index_is_no_batched_tensor": """
vmap = torch.func.vmap
table = torch.tensor([10., 20., 30.])
def f(x):
    c = -torch.ones(2)
    d = table[torch.tensor([0, 2])]
    e = abs(-table)[1]
    m = ~torch.tensor([True, False])
    print(c.sum().item(), d.tolist(), float(e), bool(m[0]), (+table).max().item())
    try:
        (-x).item()
    except Exception as err:
        print(type(err).__name__, str(err)[:40])
    try:
        x[0].item()
    except Exception as err:
        print(type(err).__name__, str(err)[:40])
    return x * c.sum() + d.sum()
print(vmap(f)(torch.ones(3, 2)))
""",
"vmap_an_inplace_op_writing_a_batched_operand_into_a_tensor_that_is_not_batched_is_refused": """
vmap = torch.func.vmap
x = torch.arange(1.0, 7.0).reshape(2, 3)
z = torch.zeros(3)
cases = {
    'add_': lambda t: z.add_(t), 'iadd': lambda t: z.__iadd__(t.sum()), 'add_2d': lambda t: torch.zeros(2, 3).add_(t),
    'add_1': lambda t: torch.zeros(1).add_(t[0]), 'atan2_': lambda t: torch.ones(3).atan2_(t),
    'sub_': lambda t: z.sub_(t), 'mul_': lambda t: z.mul_(t[1]), 'idiv': lambda t: z.__itruediv__(t),
    'copy_': lambda t: z.copy_(t), 'setitem': lambda t: z.__setitem__(0, t[1]), 'setitem_row': lambda t: torch.zeros(4, 3).__setitem__(1, t),
    'clamp_min_': lambda t: z.clamp_min_(t), 'fill_': lambda t: torch.zeros(3).fill_(t[0]),
    'index_add_': lambda t: torch.zeros(3).index_add_(0, torch.tensor([0]), t[:1]),
    'addcmul_': lambda t: torch.zeros(3).addcmul_(t, t), 'clamp_': lambda t: torch.zeros(3).clamp_(max=t),
    'pow_': lambda t: torch.ones(3).pow_(t), 'lerp_': lambda t: torch.zeros(3).lerp_(t, 0.5),
    'add_out': lambda t: torch.add(t, t, out=torch.empty(3)), 'sin_out': lambda t: torch.sin(t, out=t),
    'batched_self': lambda t: t.mul_(z + 2), 'unbatched_only': lambda t: t * torch.zeros(3).add_(torch.ones(3)),
    'fresh_setitem': lambda t: t.clone().__setitem__(0, t[2]),
    'masked_fill_scalar': lambda t: torch.zeros(3).masked_fill_(t > 2, 1.0),
    'masked_fill_tensor': lambda t: torch.zeros(3).masked_fill_(t > 2, torch.tensor(1.0)),
    'logical_and_': lambda t: torch.ones(3, dtype=torch.bool).logical_and_(t > 2),
    'index_fill_': lambda t: torch.zeros(3).index_fill_(0, (t[:1] > 0).long(), 1.0),
    'scatter_src': lambda t: torch.zeros(3).scatter_(0, torch.tensor([0, 1, 2]), t),
    'setitem_index': lambda t: torch.zeros(3).__setitem__(torch.tensor([0, 2]), t[:2]),
    'setitem_mask': lambda t: torch.zeros(3).__setitem__(torch.tensor([True, False, True]), t[0]),
    'scatter_value': lambda t: torch.zeros(3).scatter_(0, (t > 2).long(), 1.0),
}
for name, f in cases.items():
    try:
        print(name, vmap(f)(x.clone()))
    except Exception as e:
        print(name, type(e).__name__, e)
print(z)
def acc(t):
    s = torch.tensor(0.0)
    s += t.sum()
    return s
try:
    vmap(acc)(x)
except Exception as e:
    print(type(e).__name__, e)
""",
"vmap_torch_tensor_of_batched_tensors_reads_their_items": """
vmap = torch.func.vmap
x = torch.arange(6.0).reshape(2, 3)
cases = {'list': lambda t: torch.tensor([t.sum(), 1.0]), 'nested': lambda t: torch.tensor([[t[0]], [t[1]]]),
         'copy': lambda t: torch.tensor(t), 'float': lambda t: torch.tensor([float(t[0])]),
         'stack': lambda t: torch.stack([t.sum(), torch.tensor(1.0)]), 'as_tensor': lambda t: torch.as_tensor(t),
         'outside': lambda t: t + torch.tensor([x[0, 1], 2.0]).sum()}
for name, f in cases.items():
    try:
        print(name, vmap(f)(x))
    except Exception as e:
        print(name, type(e).__name__, e)
""",
"vmap_of_a_function_returning_its_argument_gives_back_the_input_itself": """
vmap = torch.func.vmap
x = torch.arange(12.0).reshape(4, 3).requires_grad_()
y = torch.arange(6.0).reshape(2, 3)
r = vmap(lambda t: t)(x)
print(r is x, r.grad_fn, r.is_leaf, r._version)
r = vmap(lambda t: t, in_dims=1)(x)
print(r is x, type(r.grad_fn).__name__, r.shape, r._base is x)
r = vmap(lambda t: t, out_dims=1)(x)
print(r is x, type(r.grad_fn).__name__, r.shape, r._base is x)
a, b = vmap(lambda t: (t, t * 2))(x)
print(a is x, b.shape)
print(vmap(lambda t, u: u, in_dims=(0, None), out_dims=None)(y, x) is x)
z = y.clone()
r = vmap(lambda t: t.add_(1))(z)
print(r is z, z)
print(vmap(lambda t: t, chunk_size=1)(y) is y)
r = vmap(vmap(lambda t: t))(y.view(2, 1, 3))
print(r.shape, r._base is y)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

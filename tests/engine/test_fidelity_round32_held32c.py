"""Classes of difference found by the thirty-second round's held-out programs on autograd extensions and the
autograd API (held32c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PRINTED_ONLY = {"logsumexp_tangent_is_the_ratio_of_two_sums_of_shifted_exponentials",
                "vmap_refuses_reading_a_batched_tensors_data_and_ops_of_data_dependent_shape",
                "a_vmapped_function_prints_once_and_its_batched_tensors_as_batchedtensor"}  # (forward AD and torch.func
# import modules whose torch.jit.script DeprecationWarnings no program's filter shows)

PROGRAMS = {
"logsumexp_tangent_is_the_ratio_of_two_sums_of_shifted_exponentials": """
fwAD = torch.autograd.forward_ad
with fwAD.dual_level():
    for x in (torch.tensor([1., 2.]), torch.tensor([[1., 2., 0.5], [3., -1., 2.]]), torch.tensor([4., 1., -2.], dtype=torch.float64)):
        for dim, kd in ((0, False), (-1, True), ((0,), False)):
            d = fwAD.make_dual(x, torch.ones_like(x))
            print(fwAD.unpack_dual(torch.logsumexp(d, dim, kd)).tangent)
            d = fwAD.make_dual(x, torch.ones_like(x) * 0.5 + x * 0.1)
            print(fwAD.unpack_dual(d.logsumexp(dim, keepdim=kd)).tangent)
""",
"vmap_refuses_reading_a_batched_tensors_data_and_ops_of_data_dependent_shape": """
vmap = torch.func.vmap
x = torch.tensor([[1., 0., 2.], [0., 3., 1.]])
w = torch.tensor([0.5, 2.0])
cases = {'item': lambda a: a.sum().item() * a, 'float': lambda a: a * float(a[0]), 'int': lambda a: torch.zeros(int(a.sum())),
         'complex': lambda a: a * complex(a[1]).real, 'index': lambda a: a * range(5)[a.long()[0]],
         'if': lambda a: a if a.sum() > 2 else -a, 'bool': lambda a: a * bool(a[0]), 'and': lambda a: a.any() and a,
         'tolist': lambda a: a.tolist(), 'numpy': lambda a: a.numpy(), 'data_ptr': lambda a: a.data_ptr(),
         'nonzero': lambda a: a.nonzero(), 'nonzero_tuple': lambda a: a.nonzero(as_tuple=True),
         'where1': lambda a: torch.where(a > 0), 'unique': lambda a: a.unique(), 'unique_dim': lambda a: torch.unique(a, dim=0),
         'unique_consecutive': lambda a: torch.unique_consecutive(a), 'masked_select': lambda a: a.masked_select(a > 0),
         'bool_index': lambda a: a[a > 0], 'bool_setitem': lambda a: a.clone().masked_fill(a > 0, 5.),
         'const_item': lambda a: a * torch.tensor(2.).item(), 'const_sum_item': lambda a: a * torch.ones(3).sum().item(),
         'closed_item': lambda a: a * w[1].item(), 'closed_bool': lambda a: a if w.sum() > 0 else -a,
         'const_mask': lambda a: a[torch.tensor([True, False, True])],
         'const_masked_select': lambda a: a.masked_select(torch.tensor([True, False, True])),
         'const_nonzero': lambda a: a + torch.tensor([0, 3, 0]).nonzero().sum(), 'argmax_index': lambda a: a[a.argmax()],
         'where3': lambda a: torch.where(a > 0, a, -a), 'shape': lambda a: a.new_zeros(a.shape[0] * 2)}
for name, f in cases.items():
    try:
        print(name, vmap(f)(x))
    except Exception as e:
        print(name, type(e).__name__, e)
print(vmap(lambda a: a.sum(), in_dims=1)(x), x.sum().item(), bool(x[0, 0]), x.nonzero().shape)
""",
"a_vmapped_function_prints_once_and_its_batched_tensors_as_batchedtensor": """
vmap = torch.func.vmap
x = torch.arange(6.).reshape(2, 3)
def f(a):
    print("in f", a.shape, a.dim())
    print(a)
    b = a * 2
    print(b, b.sum())
    print(torch.ones(2), x[0])
    print(f"val {a}")
    return b
print(vmap(f)(x))
print(vmap(f, in_dims=1)(x))
def g(a):
    print(a)
    return a.sin()
vmap(g)(x.clone().requires_grad_())
vmap(vmap(g))(x)
print(vmap(lambda a, w: (print(w, a), a * w)[1], in_dims=(0, None))(x, torch.tensor(2.)))
vmap(lambda a: (print('chunk', a, a + 1), a)[1], chunk_size=2)(torch.arange(10.).reshape(5, 2))
try:
    vmap(lambda a: (print('before', a.shape), a.item())[1])(x)
except Exception as e:
    print(str(e)[:40])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=name in PRINTED_ONLY)

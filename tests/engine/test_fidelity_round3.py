"""The classes of difference the third fidelity round found (issue 16), one differential program each: printed text,
errors and warnings as torch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"bool_trace_and_einsum_of_empty_operands": """
for f in [lambda: torch.tensor([[True]]).trace(), lambda: torch.tensor([True]).trace(), lambda: torch.einsum('i,i->', torch.zeros(0, dtype=torch.bool), torch.zeros(0, dtype=torch.bool)), lambda: torch.einsum('ij,jk->ik', torch.zeros(2, 0), torch.zeros(0, 3)), lambda: torch.einsum('ij,jk->ik', torch.zeros(2, 0, requires_grad=True), torch.zeros(0, 3)), lambda: torch.einsum('i,j->ij', torch.zeros(0), torch.ones(3)), lambda: torch.einsum('ij->i', torch.zeros(2, 0)), lambda: torch.tensor([[1, 2], [3, 4]]).trace()]:
    try:
        r = f(); print(r, r.dtype, r.grad_fn)
    except Exception as e: print(type(e).__name__, e)
""",
"var_std_degrees_of_freedom_warning_of_empty_outputs": """
for shape, dim in [((0, 3), -1), ((0, 3), 0), ((2, 0), 0), ((2, 0), 1), ((2, 3), 1), ((1, 3), 0), ((0,), None), ((3,), None)]:
    x = torch.ones(shape)
    print(shape, dim, x.std(dim) if dim is not None else x.std(), x.var(dim, correction=0) if dim is not None else x.var(correction=2))
""",
"cat_with_a_legacy_empty_tensor_and_bool_cumprod_": """
v1 = torch.rand(0, requires_grad=True)
v2 = torch.tensor([[-2.9009, 0.5, 1.5667]], requires_grad=True)
v3 = torch.hstack([v2, v1])
print(v3)
(v3 * 2).sum().backward()
print(v1.grad, v2.grad)
v4 = torch.cat([v1, v2.view(-1), v1])
v4.sum().backward()
print(v1.grad, v2.grad)
b = torch.tensor([[True, False]])
print(b.cumprod(1))
b.cumprod_(1)
""",
"new_ops_on_bool_half_int_uint8": """
b = torch.tensor([True, False, True])
h = torch.tensor([1.5, -2., 0.25], dtype=torch.float16)
i = torch.tensor([3, 1, 2], dtype=torch.int32)
u = torch.tensor([3, 1, 2], dtype=torch.uint8)
for name, args in [("kthvalue", (1,)), ("median", ()), ("nanmedian", ()), ("mode", ()), ("cummax", (0,)), ("cumprod", (0,)), ("logcumsumexp", (0,)), ("topk", (1,)), ("unique", ()), ("diff", ()), ("repeat_interleave", (2,)), ("nansum", ()), ("erf", ()), ("lgamma", ()), ("digamma", ()), ("erfinv", ()), ("copysign", (-1,)), ("float_power", (2,)), ("rad2deg", ()), ("argwhere", ()), ("flipud", ())]:
    for t in (b, h, i, u):
        try: print(name, t.dtype, getattr(t, name)(*args))
        except Exception as e: print(name, t.dtype, type(e).__name__, e)
for t in (b, h, i, u):
    for f in [lambda: torch.einsum('i,i->', t, t), lambda: torch.logaddexp(t, t), lambda: torch.dist(t, t), lambda: torch.fmax(t, t), lambda: t.isclose(t), lambda: torch.hstack([t, t]), lambda: t.tensor_split(2), lambda: t.bincount()]:
        try: print(t.dtype, f())
        except Exception as e: print(t.dtype, type(e).__name__, e)
""",
"amax_amin_of_empty_tensors": """
for t in [torch.zeros(0), torch.zeros(0, 3), torch.tensor(1.), torch.zeros(2, 0)]:
    for d in [(0, -1), 0, (), (1,)]:
        try: print(t.shape, d, t.amax(dim=d), t.amin(d))
        except Exception as e: print(t.shape, d, type(e).__name__, e)
""",
"isclose_steps_and_bincount_dtypes": """
a = torch.arange(3); print(a.isclose(torch.ones_like(a))._version, torch.tensor([1., 2.]).isclose(torch.tensor([1., 3.]))._version, torch.tensor([1., 2.]).isclose(torch.tensor([1., 3.]), equal_nan=True)._version)
for t, o in [(torch.tensor([1, 2]), torch.tensor([1., 3.])), (torch.tensor([1., 2.]), torch.tensor([1., 3.], dtype=torch.float64)), (torch.tensor([True]), torch.tensor([True])), (torch.tensor([1., 2.]), 1.)]:
    try: print(t.isclose(o))
    except Exception as e: print(type(e).__name__, e)
for kw in [dict(rtol=-1), dict(atol=-0.5), dict(rtol=0, atol=0), dict(rtol=0.1)]:
    try: r = torch.tensor([1, 2]).isclose(torch.tensor([1, 3]), **kw); print(r, r._version)
    except Exception as e: print(e)
print(torch.tensor([1., float('inf'), float('nan'), 1e-8]).isclose(torch.tensor([1.00001, float('inf'), float('nan'), 0.])))
print(torch.tensor([1., float('inf'), float('nan')]).isclose(torch.tensor([1.00001, float('inf'), float('nan')]), equal_nan=True))
print(torch.isclose(torch.tensor([[1.], [2.]]), torch.tensor([1.0000001, 3.])), torch.tensor([1.5], dtype=torch.float16).isclose(torch.tensor([1.5009], dtype=torch.float16)))
print(torch.allclose(torch.tensor([1., 2.]), torch.tensor([1., 2.000001])))
for t in [torch.tensor([1.5, 2.]), torch.tensor([[1,2]]), torch.tensor([-1, 2]), torch.tensor([True]), torch.tensor([1,2], dtype=torch.uint8), torch.tensor(1), torch.tensor([[1.5]])]:
    try: print(t.bincount())
    except Exception as e: print(type(e).__name__, e)
""",
"inplace_remainder_records_the_divisor_edge": """
a = torch.tensor([1.5, 2.5], requires_grad=True); b = torch.tensor([1., 2.], requires_grad=True)
print((a % b).grad_fn, (a % 2).grad_fn, torch.fmod(a, b).grad_fn)
c = torch.ones(2); c %= b; print(c, c.grad_fn); c.sum().backward(); print(b.grad)
d = torch.ones(2); d.fmod_(b); print(d.grad_fn); d.sum().backward(); print(b.grad)
e = a * 1; e %= b; e.sum().backward(); print(a.grad, b.grad)
f = a * 1; f.remainder_(2.); print(f.grad_fn, f.grad_fn.next_functions); f.sum().backward(); print(a.grad)
g = a * 1; g.fmod_(b); print(g.grad_fn.next_functions); g.sum().backward(); print(a.grad, b.grad)
h = torch.tensor([5, 7]); h %= torch.tensor([2, 3]); print(h, h._version)
k = torch.tensor([5, 7]); k %= b
""",
"unique_bincount_nodes_and_mv_of_a_scalar": """
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.tensor([1., 2., 1.], requires_grad=True)
u = x.unique(); print(u, u.grad_fn, u.requires_grad)
print(torch.unique(x, return_counts=True, return_inverse=True))
print(torch.tensor([[1., 2.], [1., 2.]], requires_grad=True).unique(dim=0))
b = torch.tensor([1, 2]).bincount(torch.tensor([1., 2.], requires_grad=True)); print(b, b.grad_fn.name())
tr(lambda: u.sum().backward())
tr(lambda: b.sum().backward())
for f in [lambda: torch.mv(torch.ones(2,2), torch.tensor(True)), lambda: torch.mv(torch.ones(2,2), torch.tensor(1.)), lambda: torch.ones(2,2).mv(torch.ones(3)), lambda: torch.mv(torch.ones(2), torch.ones(2)), lambda: torch.mv(torch.tensor(1.), torch.ones(2)), lambda: torch.mv(torch.tensor(1.), torch.tensor(2.))]:
    tr(f)
""",
"index_assignment_mixing_ints_and_advanced_indices": """
def tr(s):
    try: exec(s); print(s, "->", w)
    except Exception as e: print(s, "!!", type(e).__name__, e)
for s in ["w[0, True] = 3.", "w[0, [1, 2]] = torch.tensor([7., 8.])", "w[[0, 1], 0] = 5.", "w[1, torch.tensor([0, 2])] = -1.", "w[0, [1, 2]] = 9.", "w[..., [0]] = 4.", "w[0, None, [1]] = 6.", "w[[0, 1], [1, 2]] = torch.tensor([1., 2.])", "w[True] = 1.", "w[0, False] = 1."]:
    w = torch.zeros(2, 3)
    tr(s)
    print(w[0, [1, 2]], w[1, torch.tensor([0, 2])], w[0, True], w[[0, 1], 0])
a = torch.zeros(2, 3, requires_grad=True)
b = a * 1
b[0, [1, 2]] = torch.tensor([7., 8.], requires_grad=True)
print(b, b.grad_fn, b.grad_fn.next_functions)
b.sum().backward(); print(a.grad)
c = torch.zeros(2, 3)
c[1:, [0, 2]] = torch.tensor([[1., 2.]])
c[0, torch.tensor([True, False, True])] = 5.
print(c, c._version)
d = torch.zeros(2, 3, 4)
d[0, :, [1, 3]] = 2.
d[[0, 1], 1, [2, 3]] = 3.
d[1, None, [0], 1:] = 4.
print(d)
e = torch.zeros(2, 3, requires_grad=True)
try:
    e[0, [1]] = 1.
except Exception as ex:
    print(type(ex).__name__, ex)
w = torch.zeros(2, 3)
w[0, [1, 2]] = torch.tensor([1., 2., 3.])
""",
"empty_tensors_in_index_ops_and_reductions": """
def tr(s):
    try: print(s, "->", eval(s))
    except Exception as e: print(s, "!!", type(e).__name__, e)
e = torch.tensor([], dtype=torch.float64)
z = torch.zeros(0, 0)
for s in ["e.index_select(0, torch.tensor([0]))", "z.index_select(0, torch.tensor([0]))", "torch.zeros(0, 3).index_select(0, torch.tensor([0]))", "torch.zeros(2, 0).index_select(0, torch.tensor([1]))", "torch.zeros(2, 0).index_select(0, torch.tensor([2]))", "torch.ones(2).index_select(0, torch.tensor([2]))",
          "z.index_fill(0, torch.tensor([0]), 1.)", "e.index_fill(0, torch.tensor([0]), 1.)", "torch.zeros(2, 0).index_fill(0, torch.tensor([1]), 1.)", "torch.zeros(2, 0).index_fill(0, torch.tensor([5]), 1.)", "torch.zeros(0, 2).index_fill(1, torch.tensor([1]), 1.)",
          "torch.ones(2).index_fill(0, torch.tensor([5]), 1.)", "torch.tensor(1.).index_select(0, torch.tensor([0]))", "torch.tensor(1.).index_select(0, torch.tensor([1]))",
          "torch.zeros(0).index_add(0, torch.tensor([0]), torch.ones(1))", "torch.zeros(0).index_copy(0, torch.tensor([0]), torch.ones(1))"]:
    tr(s)
for s in ["torch.ones(2).index_add(0, torch.tensor([5]), torch.ones(1))", "torch.ones(2,2).index_add(0, torch.tensor([5]), torch.ones(1,2))", "torch.ones(2,2).index_add(1, torch.tensor([5]), torch.ones(2,1))", "torch.zeros(0,2).index_add(0, torch.tensor([0]), torch.ones(1,2))", "torch.ones(2).index_add(0, torch.tensor([-1]), torch.ones(1))", "torch.tensor(1.).index_add(0, torch.tensor([0]), torch.tensor(2.))"]:
    tr(s)
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: torch.tensor(1.).unbind(-1), lambda: torch.tensor(1.).unbind(1), lambda: torch.tensor(1.).unbind(0), lambda: torch.tensor(1.).unbind(-2), lambda: torch.zeros(0).kthvalue(1), lambda: torch.zeros(0).kthvalue(3), lambda: torch.zeros(2,0).kthvalue(1, 0), lambda: torch.tensor([], dtype=torch.int64).nanmedian(), lambda: torch.tensor([], dtype=torch.uint8).median(), lambda: torch.tensor([], dtype=torch.bool).median(), lambda: torch.zeros(0).topk(0), lambda: torch.zeros(0).mode(), lambda: torch.zeros(2,0).median(1), lambda: torch.zeros(0).cummax(0), lambda: torch.tensor([], dtype=torch.int32).median()]:
    tr(f)
print(torch.zeros(0).mean().untyped_storage().tolist(), torch.zeros(0, 2).mean(0).untyped_storage().tolist(), torch.zeros(0).median().untyped_storage().tolist())
""",
"log_of_exp_and_matmul_zero_signs": """
v1 = torch.tensor([[0.9681], [-0.5]])
v1 -= v1
print(v1 @ torch.tensor([[-1., 2.]]))
try:
    torch.bmm(torch.ones(1, 2, 2), torch.ones(1, 2, 2, dtype=torch.float64))
except Exception as e:
    print(e)
torch.randn(2, 3) @ torch.ones(3, 2, dtype=torch.float16)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

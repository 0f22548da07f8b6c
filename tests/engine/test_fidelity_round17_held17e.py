"""Classes of difference found in round 17 on reductions and numerics (held17e), one differential program each, run
in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"quantile_of_a_0_dim_tensor_along_its_dim_keeps_no_size": """
s = torch.tensor(1.5)
for f in [lambda: torch.quantile(s, 0.5, 0), lambda: s.quantile(0.5, dim=-1, keepdim=True), lambda: s.nanquantile(0.2, 0),
          lambda: torch.quantile(s, torch.tensor([0.1, 0.9]), dim=0), lambda: torch.quantile(s, torch.tensor([0.5]), 0, True),
          lambda: torch.quantile(s.double(), 0.5, 0, interpolation="higher"), lambda: torch.quantile(s, 0.5, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"amax_and_amin_take_dim_none_as_every_dim": """
x = torch.tensor([[1., 5., 2.], [4., 0., 6.]])
for f in [lambda: torch.amax(x, dim=None, keepdim=True), lambda: torch.amin(x, None, True), lambda: torch.amax(x, dim=None),
          lambda: x.amin(dim=None, keepdim=True), lambda: torch.amax(torch.tensor(3.), None, True)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"all_and_any_without_dim_keep_every_dim_with_keepdim": """
for t in (torch.tensor([[True, False], [True, True]]), torch.tensor([[1, 2, 0]]), torch.tensor([[3, 1]], dtype=torch.uint8),
          torch.tensor(1.), torch.zeros(0, 2), torch.ones(2, 1, 3)):
    print(t.all(keepdim=True), t.any(keepdim=True), torch.all(t, dim=None, keepdim=True), torch.any(t, None, True),
          t.all(dim=None), t.any(keepdim=False))
""",
"vector_norm_over_dims_of_size_one_is_the_absolute_value": """
for dt in (torch.float32, torch.float64, torch.float16):
    x = torch.tensor([[1e20], [-3.]] if dt != torch.float16 else [[300.], [-3.]], dtype=dt)
    print(x.norm(dim=1), x.norm(dim=1, keepdim=True), x.norm(p=0, dim=1), x[0].norm(), x[0, 0].norm(),
          torch.linalg.vector_norm(x[0], dtype=torch.float64), x.norm(p=3, dim=(1,)), torch.linalg.vector_norm(x, -2, -1))
    y = torch.zeros(4, 1, 3, dtype=dt); y[1, 0, 2] = -5
    print(torch.linalg.vector_norm(y, 2, (1,)), torch.linalg.vector_norm(y, 0, (1,), True))
torch.manual_seed(0)
print(torch.tensor([-2.3456789]).norm(p=3).item(), torch.tensor(-7.123456).norm(p=0.7).item())
w = torch.tensor([[1e20], [-3.]], requires_grad=True)
r = w.norm(dim=1)
r.sum().backward()
print(r, r.grad_fn.name(), w.grad)
""",
"vector_norm_reduces_in_the_iterators_order_by_strides": """
torch.manual_seed(0)
torch.set_printoptions(precision=10)
for dt in (torch.float32, torch.float64, torch.bfloat16, torch.float16):
    for shape in [(5, 40), (40, 5), (3, 4, 37)]:
        x = torch.randn(shape, dtype=dt) * 3
        t = x.transpose(0, -1)
        for r in [x.norm(dim=0), t.norm(dim=0), t.norm(dim=-1), t.norm(), torch.linalg.vector_norm(x, dim=(-2, -1)),
                  torch.linalg.vector_norm(x, dim=(0, 1)), x[..., ::2].norm(dim=-1), t.norm(p=3, dim=0), t.norm(p=1),
                  t.norm(p=3), torch.linalg.matrix_norm(x.transpose(-2, -1))]:
            print(r.flatten()[:4].tolist())
""",
"nansum_reads_the_input_in_its_own_layout": """
torch.manual_seed(1)
torch.set_printoptions(precision=10)
for dt in (torch.float32, torch.float64):
    x = torch.randn(3, 6, 37, dtype=dt) * 3 + 1
    x[0, 0, 0] = float('nan')
    for v in (x[..., ::2], x[:1].expand(3, 6, 37), x.transpose(0, -1), torch.randn(5, 40, dtype=dt)[:, ::2]):
        print(v.nansum().item(), v.nansum(-1).flatten()[:3].tolist(), v.nansum((0, -1)).flatten()[:3].tolist(),
              v.nanmean().item(), torch.tensor(2.5, dtype=dt).nansum(0), torch.tensor(1., dtype=torch.half).nansum(0))
""",
"var_and_var_mean_walk_the_iterators_order": """
torch.manual_seed(1)
for x in [torch.randn(5, 40, dtype=torch.float64).t(), torch.randn(2, 33, 3, dtype=torch.float64).transpose(0, -1),
          torch.randn(3, 6, 37, dtype=torch.float64)[..., ::2], torch.randn(4, 5, 6, dtype=torch.float64).permute(2, 0, 1)[1:],
          torch.randn(200, 300, dtype=torch.float64).t(), torch.randn(70000, dtype=torch.float64)[::2],
          torch.randn(300, 300, dtype=torch.float64)]:
    print(x.var().item(), x.std(correction=0).item(), torch.var_mean(x)[0].item(), torch.std_mean(x)[1].item(),
          x.var((0, -1)).flatten()[:2].tolist(), torch.var_mean(x, (0, -1))[0].flatten()[:2].tolist())
""",
"prod_takes_the_vectorized_loop_where_the_reduced_dim_is_contiguous_in_memory": """
torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    x = torch.randn(5, 40, dtype=dt) * 3
    y = torch.rand(3, 4, 37, dtype=dt) + 0.5
    z = torch.rand(40000, dtype=dt) * 0.2 + 0.9
    print(x.t().prod(0).tolist(), x.t().prod(-1)[:3].tolist(), x[:, ::2].prod(-1).tolist(), x.t().prod().item(),
          y.permute(2, 0, 1).prod(0).flatten()[:4].tolist(), y[:, ::2, 1:].prod(2).flatten()[:4].tolist(),
          y.transpose(0, 2).prod().item(), y[:, ::2].prod().item(), y.expand(2, 3, 4, 37).prod(0).flatten()[:3].tolist(),
          z.view(200, 200).t().prod().item(), z[::2].prod().item(), z.view(2, 20000).prod(1).tolist())
""",
"quantile_refuses_a_sorted_length_past_2_to_the_24_after_checking_q": """
for f in [lambda: torch.quantile(torch.zeros(2 ** 24 + 1), 0.5), lambda: torch.nanquantile(torch.zeros(2 ** 24 + 1), 0.5),
          lambda: torch.quantile(torch.zeros(2 ** 24 + 1), torch.tensor([2.])), lambda: torch.quantile(torch.zeros(2, 9), 0.5, dim=1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"norm_dtype_must_be_floating_and_not_narrow_the_input": """
x = torch.ones(2, 2)
for f in [lambda: torch.linalg.matrix_norm(torch.tensor([1, 2])), lambda: torch.linalg.matrix_norm(x, dtype=torch.int32),
          lambda: torch.linalg.matrix_norm(x.double(), dtype=torch.float32), lambda: torch.linalg.matrix_norm(x, dtype=torch.complex64),
          lambda: torch.linalg.matrix_norm(x, 'nuc', dtype=torch.half), lambda: torch.linalg.vector_norm(x, dtype=torch.int32),
          lambda: torch.linalg.vector_norm(x.double(), dtype=torch.float32), lambda: torch.linalg.vector_norm(x, dtype=torch.complex64),
          lambda: torch.linalg.vector_norm(x.half(), dtype=torch.bfloat16), lambda: torch.linalg.vector_norm(torch.empty(0), float('inf'), dtype=torch.int32),
          lambda: torch.linalg.vector_norm(x.half(), dtype=torch.float64), lambda: torch.norm(x, dtype=torch.half), lambda: x.norm(p=1, dtype=torch.int64),
          lambda: torch.linalg.norm(x, 'fro', dtype=torch.half), lambda: torch.linalg.norm(x[0], 2, dtype=torch.half),
          lambda: torch.linalg.matrix_norm(torch.ones(2, 2, dtype=torch.int32), dtype=torch.int32)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"logcumsumexp_accumulates_in_acc_type_with_the_c_librarys_exp_and_log1p": """
torch.manual_seed(4)
for dt in [torch.bfloat16, torch.float16, torch.float32, torch.float64]:
    for shape in [(16, 300), (5000,)]:
        x = (torch.randn(shape) * 2 + 0.5).to(dt)
        r, r0 = x.logcumsumexp(-1).double(), x.logcumsumexp(0).double()
        print(dt, shape, r.flatten()[-3:].tolist(), r0.flatten()[-3:].tolist(), r.max().item(), (r * 1.5).flatten()[::997].tolist())
x = torch.tensor([float('-inf'), float('inf'), float('nan'), 1.], dtype=torch.bfloat16)
print(x.logcumsumexp(0), x.half().logcumsumexp(0), x.flip(0).half().logcumsumexp(0))
""",
"quantile_out_is_written_after_atens_checks_and_resize": """
x = torch.tensor([[1., 5., 2.], [4., 0., 6.]])
def t(label, f):
    try: print(label, f())
    except Exception as e: print(label, type(e).__name__, e)
t("int bad interp", lambda: torch.quantile(torch.tensor([1, 2]), 0.5, interpolation="bad"))
t("empty bad interp", lambda: torch.quantile(torch.tensor([]), 0.5, interpolation="bad"))
t("q range bad interp", lambda: torch.quantile(x, 1.5, interpolation="bad"))
t("out bad interp", lambda: torch.quantile(x, 0.5, interpolation="bad", out=torch.empty(())))
t("out dtype", lambda: torch.quantile(x, 0.5, out=torch.empty((), dtype=torch.double)))
t("out q range", lambda: torch.quantile(x, torch.tensor([1.5]), out=torch.empty(())))
t("out ok", lambda: torch.quantile(x, torch.tensor([0.2, 0.5]), 1, True, out=torch.empty(2, 2, 1)))
t("out resize", lambda: torch.quantile(x, torch.tensor([0.2, 0.5]), 0, out=torch.empty(4)))
t("nan out", lambda: torch.nanquantile(x, 0.5, dim=1, interpolation="lower", out=torch.empty(2)))
t("nan out dtype", lambda: torch.nanquantile(x.double(), 0.5, out=torch.empty(())))
o = torch.zeros(3)
r = torch.quantile(x, 0.5, 0, out=o)
print(r is o, o, o._version)
w = x.clone().requires_grad_()
r = torch.quantile(w, 0.5, out=torch.empty(()))
r.backward()
print(r, w.grad)
""",
"linalg_norms_take_out": """
x = torch.tensor([[1., 5., 2.], [4., 0., 6.]])
def t(label, f):
    try: print(label, f())
    except Exception as e: print(label, type(e).__name__, e)
t("vn out", lambda: torch.linalg.vector_norm(x, out=torch.empty(())))
t("vn out dim", lambda: torch.linalg.vector_norm(x, 1, dim=1, out=torch.empty(2)))
t("vn out dtype", lambda: torch.linalg.vector_norm(x, out=torch.empty((), dtype=torch.double)))
t("vn out dtype given", lambda: torch.linalg.vector_norm(x, dtype=torch.double, out=torch.empty(())))
t("mn out", lambda: torch.linalg.matrix_norm(x, out=torch.empty(3)))
t("mn out nuc", lambda: torch.linalg.matrix_norm(x, 'nuc', out=torch.empty(())))
t("ln out", lambda: torch.linalg.norm(x, out=torch.empty(())))
t("ln out vec", lambda: torch.linalg.norm(x[0], 3, out=torch.empty(())))
t("ln out mat", lambda: torch.linalg.norm(x, 'fro', out=torch.empty(4, dtype=torch.double)))
t("ln out inf", lambda: torch.linalg.norm(x, float('inf'), out=torch.empty(())))
t("vn out grad", lambda: torch.linalg.vector_norm(torch.ones(2, requires_grad=True), out=torch.empty(())))
o = torch.empty(())
torch.linalg.vector_norm(x, out=o)
print(o, o._version)
""",
"kthvalue_out_is_resized_as_kept_after_an_unsqueeze": """
x = torch.arange(24.).reshape(2, 3, 4)
for dim in (0, 1, -1):
    for shape in [(9,), (9, 2), (5, 5, 5), (0,)]:
        o, i = torch.empty(shape), torch.empty(shape, dtype=torch.long)
        torch.kthvalue(x, 1, dim, out=(o, i))
        print(dim, shape, o.shape, i.shape, o.stride())
        o, i = torch.empty(shape), torch.empty(shape, dtype=torch.long)
        torch.kthvalue(x, 2, dim=dim, keepdim=True, out=(o, i))
        print(o.shape)
print(torch.kthvalue(torch.tensor(3.), 1, out=(torch.empty(4), torch.empty(4, dtype=torch.long))))
""",
"bfloat16_lowest_and_largest_are_its_own_not_float32s": """
F = torch.nn.functional
x = torch.tensor([[3., 1., 2.], [0.5, 4., -1.]], dtype=torch.bfloat16, requires_grad=True)
g, = torch.autograd.grad(x.logcumsumexp(1).sum(), x, create_graph=True)
gg, = torch.autograd.grad((g * torch.arange(6.).view(2, 3).to(torch.bfloat16)).sum(), x)
print(g, gg)
for lambd in (3.39e38, 3.38e38):
    try: print(F.softshrink(torch.ones(2, dtype=torch.bfloat16), lambd))
    except Exception as e: print(type(e).__name__, e)
""",
"torch_return_types_holds_the_classes_the_ops_return": """
x = torch.tensor([[1., 3.], [4., 0.]], requires_grad=True)
rt = torch.return_types
print(rt.max, type(x.max(1)) is rt.max, isinstance(x.sort(), rt.sort), type(torch.aminmax(x)) is rt.aminmax, rt.max_out,
      rt.svd, rt.histogramdd, rt.linalg_eigh_out)
o = torch.max(x.detach(), 1, out=(torch.empty(2), torch.empty(2, dtype=torch.long)))
print(type(o) is rt.max_out, o)
print(rt.max((torch.ones(1), torch.zeros(1))), x.min(0).index(x.min(0)[0]) if False else len(x.min(0)))
try: x.max(0).count(1)
except Exception as e: print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

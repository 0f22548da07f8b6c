"""Classes of difference found in the nineteenth round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_optimizers_vars_are_pytorchs_hook_dicts_profile_name_and_the_schedulers_step_wrapper": """
p = torch.nn.Parameter(torch.ones(2))
for name in ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "LBFGS", "Rprop"]:
    o = getattr(torch.optim, name)([p])
    print(name, list(vars(o)), o.state)
opt = torch.optim.SGD([p], lr=0.1)
print(vars(opt))
h = opt.register_step_pre_hook(lambda o, a, k: print("pre"))
opt.register_state_dict_pre_hook(lambda o: print("sd pre"))
opt.register_state_dict_pre_hook(lambda o: print("sd pre first"), prepend=True)
print(len(opt._optimizer_step_pre_hooks), type(opt._optimizer_state_dict_pre_hooks).__name__)
s = torch.optim.lr_scheduler.StepLR(opt, 2)
print(list(vars(opt)), opt.step.__name__)
p.grad = torch.ones(2)
opt.step()
s.step()
print(list(vars(opt)), opt._opt_called)
h.remove()
opt.step()
print(len(opt._optimizer_step_pre_hooks), opt.state_dict()["param_groups"][0]["lr"])
o2 = copy.deepcopy(opt)
print(list(vars(o2)), o2._zero_grad_profile_name)
m = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(m.parameters(), lr=0.5, momentum=0.9)
st = opt.__getstate__()
print(sorted(st), st['defaults'])
m(torch.ones(1, 2)).sum().backward(); opt.step()
opt.__setstate__({'state': {}, 'param_groups': opt.param_groups, 'defaults': {'lr': 0.1}})
print(opt.state, opt.defaults, list(vars(opt)))
print(opt)
""",
"cdist_past_25_rows_clamps_the_squared_distance_at_zero_so_coincident_points_are_zero_apart": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    x = torch.randn(30, 4, dtype=dt)
    x[3] = x[7]
    xg = x.clone().requires_grad_()
    d = torch.cdist(xg, x.flip(0))
    print(d[:4, :4], d.diagonal().tolist(), torch.cdist(x, x).diagonal().tolist())
    d.sum().backward(); print(xg.grad[:8].tolist())
    y = torch.randn(2, 27, 3, dtype=dt, requires_grad=True)
    e = torch.cdist(y, y)
    e.pow(2).sum().backward(); print(e[0, :3, :3], y.grad[0, :2].tolist())
    for r, c in ((26, 1), (33, 16), (40, 70)):
        z = torch.randn(r, c, dtype=dt)
        print(torch.cdist(z, z.flip(0)).tolist())
""",
"float64_products_of_two_or_three_rows_times_a_transposed_matrix_fuse_into_eight_lanes_and_a_lone_product_takes_its_bias_fused": """
torch.manual_seed(0)
for m in (2, 3):
    for inf, outf in ((1, 3), (2, 2), (4, 5), (5, 1), (7, 3), (16, 4), (33, 2), (100, 10), (300, 3)):
        lin = torch.nn.Linear(inf, outf).double()
        x = torch.randn(m, inf, dtype=torch.float64, requires_grad=True)
        y = lin(x)
        print(m, inf, outf, y.tolist())
        y.pow(2).sum().backward()
        print(x.grad.tolist(), lin.weight.grad.tolist())
        print(torch.mm(x.detach(), lin.weight.detach().t()).tolist(), torch.addmm(lin.bias, x, lin.weight.t(), beta=0.5, alpha=2).tolist())
    x = torch.randn(m, 70, dtype=torch.float64)
    print((x @ x.t()).tolist(), (x @ x[:2].t()).tolist())
for dt in (torch.float32, torch.float64):
    for m, n in ((2, 2), (3, 5), (6, 4)):
        x = torch.randn(m, 1, dtype=dt); w = torch.randn(n, 1, dtype=dt); b = torch.randn(n, dtype=dt)
        print(torch.addmm(b, x, w.t()).tolist(), torch.addmm(b, x, w.t().contiguous()).tolist(), torch.nn.functional.linear(x, w, b).tolist())
    print((torch.zeros(3, 1, dtype=dt) @ -torch.ones(1, 4, dtype=dt)).tolist())
for m in (4, 16):  # float64 sums its inner dimension in blocks of 192 when b is column-major, of 384 when row-major
    for k in (160, 193, 300, 385, 500):
        x = torch.randn(m, k, dtype=torch.float64); w = torch.randn(5, k, dtype=torch.float64)
        print(m, k, (x @ w.t()).tolist(), (x @ w.t().contiguous()).tolist(), (x.t().contiguous().t() @ w.t()).tolist())
""",
"hypot_is_sleefs_u05_on_the_vector_chunks_and_the_c_librarys_on_the_rest": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
    a = (torch.randn(7, 37) * 3).to(dt); b = (torch.randn(7, 37) * 2).to(dt)
    print(dt, torch.hypot(a, b).tolist(), torch.hypot(a, b[0]).tolist(), torch.hypot(a.t(), b.t()).tolist(), torch.hypot(a[:, :20], b[:, 3:23]).tolist())
    print(torch.hypot(a, torch.tensor(1.5, dtype=dt)).tolist(), a.hypot(b)[0].tolist())
    x = a.clone().requires_grad_(); torch.hypot(x, b).sum().backward(); print(x.grad[0].tolist())
    c = a.clone(); c.hypot_(b); print(c[1].tolist())
print(torch.hypot(torch.tensor([3.0, float('nan'), float('inf'), 0.0]), torch.tensor([4.0, float('inf'), float('nan'), -0.0])))
x = torch.randn(5000, dtype=torch.float64) * 1e-300
print(torch.hypot(x, x.flip(0)).tolist()[:50], torch.hypot(x * 1e300 * 1e300, x.flip(0)).sum().item())
""",
"a_matrix_product_clones_an_operand_blas_cannot_take_row_major_first_an_expanded_gradient_among_them": """
torch.manual_seed(0)
for r in (5, 8, 16, 33, 40):
    for c in (1, 2, 5, 17):
        x = torch.randn(r, c)
        e = torch.ones(()).expand(r, r)
        print(r, c, (x.t() @ e).tolist(), (e @ x).tolist(), (x.t()[:, ::1] @ e[:, :3]).tolist())
        xg = x.clone().requires_grad_()
        if c > 1:
            g, = torch.autograd.grad((xg @ xg.t()).sum(), xg)
            print(g.tolist())
    w = torch.randn(7, r)
    print((torch.randn(3, r).expand(4, 3, r)[1] @ w.t()).tolist(), (w[:, ::2] @ torch.randn((r + 1) // 2, 3)).tolist())
""",
"mv_of_a_one_row_matrix_whose_stride_is_one_is_gemv_n_fused_in_order": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for n in (2, 5, 10, 16, 17, 40, 100, 200, 255):
        X = torch.randn(n, 1, dtype=dt); v = torch.randn(n, dtype=dt)
        print(n, (X.t() @ v).tolist(), torch.mv(X.t(), v).tolist(), (X.t() @ v[:, None]).tolist())
        w = torch.zeros(1, dtype=dt, requires_grad=True)
        loss = ((X @ w - v) ** 2).mean(); loss.backward(); print(w.grad.tolist())
""",
"a_zero_dim_inputs_broadcast_gradient_is_reduced_by_a_full_sum_sumbackward0_under_create_graph": """
a = torch.tensor(2.0, requires_grad=True)
x = torch.randn(3, 4, generator=torch.Generator().manual_seed(0), requires_grad=True)
fns = {"mul": lambda: a * x, "add": lambda: x + a, "maximum": lambda: torch.maximum(a, x), "pow": lambda: x.pow(a),
       "where": lambda: torch.where(x > 0, a, x), "sub": lambda: a - x, "div": lambda: x / a}
for name, f in fns.items():
    y = f()
    g, = torch.autograd.grad(y.sum(), a, create_graph=True)
    print(name, g, g.grad_fn and g.grad_fn.name(), g.grad_fn and [e[0].name() if e[0] else None for e in g.grad_fn.next_functions])
    g2, = torch.autograd.grad(y.pow(2).mean(), a, create_graph=True)
    print(g2, g2.grad_fn.name())
    g2.backward(); print(x.grad.sum()); x.grad = None
""",
"float64_sinh_cosh_exp2_expm1_and_the_tanh_and_erf_of_activations_are_sleefs_vector_bodies": """
torch.manual_seed(0)
F = torch.nn.functional
for scale in (0.5, 3.0, 300.0):
    x = torch.randn(203, dtype=torch.float64) * scale
    x[:6] = torch.tensor([float('nan'), float('inf'), -float('inf'), -0.0, 0.0, 1e-9])
    for name in ("sinh", "cosh", "exp2", "expm1"):
        print(name, getattr(torch, name)(x).tolist())
    print(F.elu(x).tolist(), F.selu(x).tolist(), F.mish(x).tolist())
    print(F.gelu(x).tolist(), F.gelu(x, approximate='tanh').tolist())
for n in (1, 7, 16, 17, 40, 300):
    x = torch.randn(n, dtype=torch.float64) * 2
    for approximate in ("none", "tanh"):
        xg = x.clone().requires_grad_()
        print(n, approximate, torch.autograd.grad(F.gelu(xg, approximate=approximate).sum(), xg)[0].tolist())
    xg = x.clone().requires_grad_()
    print(torch.autograd.grad(xg.tanh().sum(), xg)[0].tolist())
    xg.tanh().backward(torch.full_like(x, 0.3)); print(xg.grad.tolist())
x = torch.randn(13, 21, dtype=torch.float64)
print(F.gelu(x.t()).tolist(), F.gelu(x[:, :19]).tolist(), torch.sinh(x[:, :19]).tolist(), F.mish(x[:, 2:]).tolist())
""",
"lgamma_is_sleefs_on_every_element_float32_and_float64_and_the_distributions_log_probs_with_it": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
    x = (torch.randn(300) * 4).to(dt)
    x[:8] = torch.tensor([float('nan'), float('inf'), -float('inf'), -0.0, 0.0, -3.0, 1e-38, 2.0])
    print(dt, torch.lgamma(x).tolist())
    print(torch.special.gammaln(x[:5]).tolist(), x[:7].lgamma().tolist(), x.t().lgamma()[::3].tolist())
    y = x.clone(); y.lgamma_(); print(y[:9].tolist())
x = torch.tensor([0.5, 1.5, 2.5, -0.5, 3.0], requires_grad=True)
x.lgamma().sum().backward(); print(x.grad)
print(torch.mvlgamma(torch.tensor([2.5, 3.7, 10.1]), p=3).tolist())
d = torch.distributions.Gamma(torch.tensor([2.0, 3.5]), torch.tensor([1.0, 0.5]))
print(d.log_prob(torch.tensor([1.3, 4.7])).tolist(), d.entropy().tolist())
b = torch.distributions.Beta(torch.tensor([2.0, 0.7]), torch.tensor([3.0, 1.9]))
print(b.log_prob(torch.tensor([0.3, 0.8])).tolist())
p = torch.distributions.Poisson(torch.tensor([2.0, 7.5]))
print(p.log_prob(torch.tensor([3.0, 5.0])).tolist())
print(torch.lgamma(torch.arange(1, 30, dtype=torch.float32)).tolist(), torch.lgamma(torch.linspace(-5, 5, 41, dtype=torch.float64)).tolist())
""",
"mse_l1_smooth_l1_and_huber_broadcast_input_and_target_first_so_a_smaller_target_is_expanded": """
F = torch.nn.functional
torch.manual_seed(0)
for fn in (F.mse_loss, F.l1_loss, F.smooth_l1_loss, F.huber_loss):
    for ishape, tshape in (((2, 3), (3,)), ((3,), (2, 3)), ((2, 3), ()), ((4, 1), (1, 5)), ((2, 3), (2, 3))):
        a = torch.randn(ishape, requires_grad=True); b = torch.randn(tshape, requires_grad=True)
        l = fn(a, b)
        print(fn.__name__, l, [f[0].name() if f[0] else None for f in l.grad_fn.next_functions])
        l.backward(); print(a.grad, b.grad)
        r = fn(a, b, reduction='none'); print(r.shape, type(r.grad_fn).__name__)
    try:
        fn(torch.ones(2, 3), torch.ones(4))
    except Exception as e:
        print(type(e).__name__, e)
l = F.smooth_l1_loss(torch.ones(2, 3, requires_grad=True), torch.zeros(3), beta=0.0)
print(l, l.grad_fn.next_functions[0][0].name())
print(F.mse_loss(torch.ones(2, 3, requires_grad=True), torch.zeros(3), weight=torch.ones(2, 3)))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

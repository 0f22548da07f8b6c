"""Classes of difference found by the thirtieth round's held-out programs on torch.optim and its schedulers
(held30h, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"fused_adagrad_on_float16_and_bfloat16_rounds_its_vector_loop_constants_to_the_dtype": """
for dt in [torch.float16, torch.bfloat16]:
    for kw in [{'weight_decay': 0.1}, {'weight_decay': 0.3, 'lr_decay': 0.05, 'eps': 1e-3, 'maximize': True}]:
        torch.manual_seed(0)
        ps = [torch.nn.Parameter(torch.randn(n).to(dt)) for n in (5, 37)]
        opt = torch.optim.Adagrad(ps, lr=0.07, fused=True, **kw)
        for _ in range(3):
            opt.zero_grad()
            sum((p.float() * p.float()).sum() + p.float().sin().sum() for p in ps).backward()
            opt.step()
        print(dt, kw, [p.tolist() for p in ps], [opt.state[p]['sum'].tolist() for p in ps])
""",
"complex_parameters_take_the_coupled_weight_decay_before_their_real_views_in_single_tensor_loops": """
cases = [('Adam', {}), ('Adam', {'amsgrad': True}), ('Adam', {'decoupled_weight_decay': True}), ('AdamW', {}),
         ('Adamax', {}), ('Adagrad', {}), ('Adadelta', {}), ('RMSprop', {'centered': True, 'momentum': 0.1}),
         ('NAdam', {}), ('RAdam', {}), ('ASGD', {}), ('SGD', {'momentum': 0.9})]
for name, kw in cases:
    for extra in [{}, {'maximize': True}, {'foreach': True}]:
        torch.manual_seed(0)
        a = torch.nn.Parameter(torch.randn(37).to(torch.complex64))
        opt = getattr(torch.optim, name)([a], lr=0.05, weight_decay=0.1, **kw, **extra)
        for _ in range(3):
            opt.zero_grad()
            (a * a.conj()).real.sum().backward()
            opt.step()
        st = {k: torch.view_as_real(v).tolist() for k, v in opt.state[a].items() if k != 'step' and torch.is_tensor(v) and v.dim()}
        print(name, kw, extra, torch.view_as_real(a).tolist(), st)
""",
"float64_dot_and_lbfgs_sum_in_mkl_ddot_lanes_and_two_threads_past_32kb": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for n in [1, 3, 5, 8, 9, 16, 17, 31, 32, 33, 40, 64, 100, 257, 4095, 4096, 8191, 8192, 10001]:
        a, b = torch.randn(n, dtype=dt), torch.randn(n, dtype=dt)
        print(n, a.dot(b).item(), (a @ b).item(), torch.inner(a, b).item(), a[1:].dot(b[:-1]).item())
x = torch.nn.Parameter(torch.tensor([-1.5, 2.0, 0.3, -0.7, 1.1, 0.2, 0.9, -1.2, 0.5], dtype=torch.float64))
opt = torch.optim.LBFGS([x], lr=1, max_iter=20, history_size=5, line_search_fn='strong_wolfe')
def closure():
    opt.zero_grad()
    loss = ((1 - x[:-1]) ** 2 + 100 * (x[1:] - x[:-1] ** 2) ** 2).sum()
    loss.backward()
    return loss
for i in range(3):
    print(i, opt.step(closure).item(), x.data.tolist())
print([r.item() for r in opt.state[x]['ro']], opt.state[x]['H_diag'].item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

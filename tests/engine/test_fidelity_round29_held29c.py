"""Classes of difference found by the twenty-ninth round's held-out programs on training small models (held29c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"soft_margin_loss_mean_backward_rounds_its_norm_to_a_reduced_float_before_multiplying": """
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    for shape in [(7, 5), (3,), (5, 13)]:
        for g in [1.0, 0.3]:
            x = torch.randn(shape).to(dt).requires_grad_()
            y = torch.randn(shape).sign().to(dt)
            torch.nn.functional.soft_margin_loss(x, y).backward(torch.tensor(g, dtype=dt))
            print(dt, shape, g, x.grad.view(-1).tolist())
""",
"float64_fused_optimizers_round_their_multiply_adds_once": """
O = torch.optim
for n in [1, 4, 5, 9]:
    for name, mk in [('adam', lambda ps: O.Adam(ps, lr=0.1, fused=True, weight_decay=0.1)),
                     ('adamw_ams', lambda ps: O.AdamW(ps, lr=0.1, fused=True, amsgrad=True, maximize=True)),
                     ('sgd', lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, fused=True, weight_decay=0.1, nesterov=True)),
                     ('sgd_d', lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, dampening=0.2, fused=True)),
                     ('adagrad', lambda ps: O.Adagrad(ps, lr=0.1, fused=True, weight_decay=0.1, lr_decay=0.01))]:
        torch.manual_seed(n)
        p = torch.randn(n, dtype=torch.float64, requires_grad=True)
        o = mk([p])
        for i in range(4):
            o.zero_grad()
            (p.sin() * 3 + p ** 3).sum().backward()
            o.step()
        print(name, n, p.tolist(), [v.tolist() for k, v in sorted(o.state[p].items())])
""",
"embedding_max_norm_scales_a_reduced_float_row_by_the_scale_in_its_dtype_and_stores_it_rounded": """
for dt in [torch.float16, torch.bfloat16]:
    for seed in range(2):
        torch.manual_seed(seed)
        w = (torch.randn(10, 7) * 2).to(dt)
        idx = torch.randint(0, 10, (3, 4))
        for mn, nt in [(1.0, 2.0), (0.7, 1.0), (0.5, float('inf'))]:
            ww = w.clone()
            out = torch.nn.functional.embedding(idx, ww, max_norm=mn, norm_type=nt)
            print(dt, seed, mn, nt, ww.view(-1).tolist(), out.sum().item())
torch.manual_seed(0)
e = torch.nn.Embedding(6, 3, max_norm=0.8).to(torch.bfloat16)
e(torch.tensor([[1, 2, 1], [4, 1, 5]])).sum().backward()
print(e.weight, e.weight.grad)
""",
"window_functions_of_a_reduced_float_scale_in_their_dtype_and_kaiser_stores_bfloat16_values": """
for dt in [torch.float16, torch.bfloat16]:
    for n in [6, 11, 31]:
        for per in [True, False]:
            r = [torch.hann_window(n, periodic=per, dtype=dt), torch.hamming_window(n, per, alpha=0.6, beta=0.3, dtype=dt),
                 torch.blackman_window(n, per, dtype=dt), torch.bartlett_window(n, per, dtype=dt), torch.kaiser_window(n, per, beta=5.0, dtype=dt)]
            print(dt, n, per, [x.tolist() for x in r])
""",
"rrelu_in_evaluation_multiplies_a_half_by_its_float_slope_as_leaky_relus_kernel": """
torch.manual_seed(0)
a = torch.randn(200) * 3
for lo, hi in [(0.1, 0.3), (1/8, 1/3), (0.01, 0.02)]:
    x = a.half().requires_grad_()
    y = torch.nn.functional.rrelu(x, lo, hi, training=False)
    y.backward(torch.linspace(-1, 1, 200).half())
    print(lo, hi, y.tolist(), x.grad.tolist())
    print(torch.nn.RReLU(lo, hi).eval()(a[:5].half()))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

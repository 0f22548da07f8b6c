"""Classes of difference found by the twenty-fourth round's held-out programs on the torch namespace's creation
functions and torch.nn.functional (held24g, issue 16), one differential program each, run in torch and in the
engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"linspace_in_half_and_bfloat16_rounds_every_operation_element_by_element": """
torch.set_printoptions(precision=10)
for dt in [torch.float16, torch.bfloat16]:
    for (s, e) in [(-3.3, 2.7), (0.1, 7.3), (0, 1000), (1, -2.9)]:
        for n in [2, 5, 11, 32, 33, 47, 100, 3001]:
            t = torch.linspace(s, e, n, dtype=dt)
            print(dt, s, e, n, t[:40].tolist(), t.float().sum().item())
print(torch.linspace(-3.3, 2.7, 11, dtype=torch.float16))
""",
"nll_loss_mean_gradient_is_weight_times_minus_grad_over_total_weight": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for shape, tshape in [((6, 4), (6,)), ((4,), ()), ((3, 4, 5), (3, 5)), ((2, 4, 3, 2), (2, 3, 2))]:
        x = torch.randn(shape).to(dt).requires_grad_()
        t = torch.randint(0, 4, tshape)
        for w in [None, torch.rand(4).to(dt), torch.tensor([1., -1., 2., -2.]).to(dt), torch.zeros(4).to(dt)]:
            for red in ['mean', 'sum', 'none']:
                out = F.nll_loss(x, t, weight=w, reduction=red, ignore_index=1)
                g, = torch.autograd.grad(out, x, (torch.rand(out.shape) * 3).to(dt))
                print(dt, shape, red, out.flatten()[:3].tolist(), g.flatten()[:12].tolist())
x = torch.randn(4, 3, requires_grad=True)
t = torch.tensor([2, 1, 1, 2])
w = torch.rand(3)
F.cross_entropy(x, t, weight=w).backward()
print(x.grad)
print(F.nll_loss(torch.tensor([1., 2.]), torch.tensor(0), weight=torch.zeros(2), reduction='none'))
""",
"upsample_nearest_backward_sums_row_major_into_each_source_in_op_math": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for shape, kw in [((1, 2, 5, 6), dict(scale_factor=2.5)), ((2, 3, 7), dict(size=19)),
                      ((1, 1, 3, 4, 5), dict(scale_factor=(1.5, 2.2, 3.1))), ((2, 3, 4, 5), dict(size=(9, 13)))]:
        x = torch.randn(shape).to(dt).requires_grad_()
        y = F.interpolate(x, **kw)
        g, = torch.autograd.grad(y, x, torch.randn(y.shape).to(dt))
        print(dt, shape, g.flatten()[:30].tolist())
""",
"reflection_and_replication_pad_backward_add_in_bfloat16_one_element_at_a_time": """
F = torch.nn.functional
torch.manual_seed(0)
for shape, pad in [((2, 3, 5), (3, 4)), ((1, 2, 4, 5), (3, 2, 3, 1)), ((1, 1, 3, 3, 4), (2, 2, 1, 1, 2, 2))]:
    for mode in ['reflect', 'replicate']:
        x = torch.randn(shape).bfloat16().requires_grad_()
        o = F.pad(x, pad, mode=mode)
        g, = torch.autograd.grad(o, x, torch.randn(o.shape).bfloat16())
        print(shape, mode, g.flatten()[:20].tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

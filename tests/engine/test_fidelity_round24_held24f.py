"""Classes of difference found by the twenty-fourth round's held-out programs on training loops and save/load
(held24f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"nll_loss_mean_gradient_is_weight_times_minus_grad_output_over_total_weight": """
F = torch.nn.functional
torch.set_printoptions(precision=10)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for shape in [(13, 7), (4, 7, 3), (3, 7, 2, 5)]:
        torch.manual_seed(0)
        x = torch.randn(shape, dtype=dt, requires_grad=True)
        t = torch.randint(0, 7, shape[:1] + shape[2:])
        t.view(-1)[1] = -100
        for red in ['mean', 'sum']:
            l = F.nll_loss(x, t, weight=torch.rand(7, dtype=dt) * 3, reduction=red)
            g, = torch.autograd.grad(l, x, torch.tensor(1.7, dtype=dt))
            print(dt, shape, red, l.item(), g.reshape(-1)[g.reshape(-1) != 0][:6])
torch.manual_seed(0)
x = torch.randn(100, 7, requires_grad=True)
t = torch.randint(0, 7, (100,))
l = F.cross_entropy(x, t, weight=torch.rand(7))
l.backward()
print(l.item(), x.grad[-1])
x = torch.tensor([[1., 2., 3., 4.], [0.5, -1., 2., 3.]], requires_grad=True)
for t in [[0, 1], [1, 0], [-100, -100]]:
    l = F.nll_loss(x, torch.tensor(t), weight=torch.tensor([2., -2., 0., 0.]))
    print(l, torch.autograd.grad(l, x)[0])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

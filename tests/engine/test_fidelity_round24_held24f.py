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
"half_and_bfloat16_add_sub_of_a_number_inside_formulas_round_the_number_to_the_dtype_first": """
F = torch.nn.functional
torch.set_printoptions(precision=10)
for dt in [torch.float16, torch.bfloat16]:
    for n in [3, 70]:
        torch.manual_seed(0)
        x = torch.randn(n, 6, dtype=dt, requires_grad=True)
        p = torch.rand(n, 6, dtype=dt).softmax(1)
        w = torch.rand(6, dtype=dt)
        for kw in [dict(label_smoothing=0.3), dict(weight=w, label_smoothing=0.3), dict(label_smoothing=0.1, reduction='sum')]:
            l = F.cross_entropy(x, p, **kw)
            g, = torch.autograd.grad(l, x)
            print(dt, n, l.item(), g[-1])
""",
"multi_margin_and_multilabel_margin_losses_have_no_half_or_bfloat16_kernel": """
F = torch.nn.functional
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    x = torch.ones(2, 3).to(dt)
    for f in [lambda: F.multi_margin_loss(x, torch.tensor([0, 1])), lambda: F.multilabel_margin_loss(x, torch.tensor([[0, -1, 0], [1, 2, -1]])),
              lambda: torch.nn.MultiMarginLoss(reduction='none')(x[0], torch.tensor(2))]:
        try:
            print(dt, f())
        except Exception as e:
            print(dt, type(e).__name__, e)
""",
"huber_loss_half_and_bfloat16_gradients_take_the_vector_or_the_scalar_body_by_layout": """
F = torch.nn.functional
torch.set_printoptions(precision=10)
for dt in [torch.bfloat16, torch.float16]:
    for n in [7, 20, 37, 100]:
        for delta in [0.7, 0.3]:
            torch.manual_seed(n)
            x = (torch.randn(n) * 2).to(dt).requires_grad_()
            y = torch.randn(n).to(dt)
            l = F.huber_loss(x, y, delta=delta)
            g, = torch.autograd.grad(l, x, (torch.rand(()) + 0.5).to(dt))
            print(dt, n, delta, g[:3], g[-3:])
    torch.manual_seed(0)
    x = torch.randn(5, 40).to(dt).requires_grad_()
    y = torch.randn(5, 40).to(dt)
    print(torch.autograd.grad(F.huber_loss(x, y, delta=0.7), x)[0][:, -3:])
    print(torch.autograd.grad(F.huber_loss(x.t(), y.t(), delta=0.7), x)[0][:, -3:])
    print(torch.autograd.grad(F.huber_loss(x, y[:, :1].expand(5, 40), delta=0.7), x)[0][:, -3:])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

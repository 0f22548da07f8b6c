"""Classes of difference found by the twenty-third round's held-out programs on training small models (held23c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"huber_and_smooth_l1_gradients_round_as_the_kernels_vector_and_scalar_bodies": """
F = torch.nn.functional
torch.set_printoptions(precision=12)
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for shape in [(3,), (7,), (21,), (3, 11), (40, 3)]:
        for red in ['mean', 'sum', 'none']:
            a = (torch.randn(shape, dtype=dt) * 2).requires_grad_()
            b = torch.randn(shape, dtype=dt)
            for fn, kw in [(F.huber_loss, dict(delta=0.3)), (F.smooth_l1_loss, dict(beta=0.7))]:
                out = fn(a, b, reduction=red, **kw)
                ga, = torch.autograd.grad(out, a, torch.rand(out.shape, dtype=dt) + 0.3)
                print(shape, red, fn.__name__, ga.view(-1)[-6:])
            at = a.detach().transpose(0, -1).requires_grad_()
            out = F.huber_loss(at, b.transpose(0, -1), delta=0.3, reduction=red)
            print(torch.autograd.grad(out, at, torch.rand(out.shape, dtype=dt) + 0.3)[0].reshape(-1)[-6:])
            if len(shape) > 1:
                out = F.smooth_l1_loss(a, b[..., :1], beta=0.3, reduction=red)
                print(torch.autograd.grad(out, a, torch.rand(out.shape, dtype=dt) + 0.3)[0].reshape(-1)[-6:])
torch.manual_seed(0)
lin = torch.nn.Linear(5, 3)
opt = torch.optim.RMSprop(lin.parameters(), lr=0.01, centered=True, momentum=0.9)
x, y = torch.randn(7, 5), torch.randn(7, 3)
for i in range(3):
    opt.zero_grad()
    loss = torch.nn.HuberLoss(delta=0.3)(lin(x), y)
    loss.backward()
    opt.step()
    print(i, loss.item(), lin.bias.grad)
""",
"binary_cross_entropy_takes_the_c_librarys_logf_and_log1pf": """
F = torch.nn.functional
torch.set_printoptions(precision=12)
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for n in [7, 37, 120]:
        s = torch.rand(n, dtype=dt) * 0.999 + 0.0005
        p = torch.rand(n, dtype=dt)
        print(dt, n, F.binary_cross_entropy(s, p, reduction='none')[-6:], F.binary_cross_entropy(s, p).item())
torch.manual_seed(0)
a = torch.randn(7)
print(F.binary_cross_entropy(torch.sigmoid(a), torch.rand(7), reduction='none'))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

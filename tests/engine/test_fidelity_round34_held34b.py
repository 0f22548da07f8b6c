"""Classes of difference found by the thirty-fourth round's held-out programs on torch.nn modules (held34b, issue
16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"depthwise_conv2d_weight_gradient_sums_as_onednns_depthwise_kernel": """
torch.set_printoptions(precision=9)
torch.manual_seed(0)
for n, c, h, k, p, s in [(1, 3, 4, 3, 1, 1), (2, 5, 9, 3, 1, 1), (3, 16, 6, 3, 0, 1), (2, 17, 7, 2, 1, 1),
                         (4, 32, 8, 3, 1, 2), (1, 4, 5, 1, 0, 1)]:
    m = torch.nn.Conv2d(c, c, k, padding=p, stride=s, groups=c)
    y = m(torch.randn(n, c, h, h))
    (y * torch.randn_like(y)).sum().backward()
    print(m.weight.grad.flatten()[:12])
m = torch.nn.Conv1d(6, 6, 3, padding=1, groups=6, bias=False)
y = m(torch.randn(2, 6, 10))
y.pow(2).sum().backward()
print(m.weight.grad.flatten())
""",
"depthwise_conv_input_gradient_sums_taps_in_order_as_onednns_depthwise_kernel": """
torch.set_printoptions(precision=9)
torch.manual_seed(0)
for n, c, h, k, p, s in [(1, 3, 6, 3, 1, 1), (2, 5, 9, 3, 1, 1), (3, 16, 6, 3, 0, 1), (2, 8, 9, 5, 2, 3), (1, 4, 5, 7, 3, 1)]:
    x = torch.randn(n, c, h, h, requires_grad=True)
    y = torch.nn.Conv2d(c, c, k, padding=p, stride=s, groups=c)(x)
    (y * torch.randn_like(y)).sum().backward()
    print(x.grad.flatten()[:10])
x = torch.randn(2, 6, 10, requires_grad=True)
torch.nn.Conv1d(6, 6, 3, padding=1, stride=2, groups=6)(x).pow(2).sum().backward()
print(x.grad[0])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

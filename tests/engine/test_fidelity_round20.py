"""Classes of difference found in the twentieth round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch
from tensorsh.engine import kernels

PROGRAMS = {
"atanh_is_sleefs_on_whole_vector_chunks_and_the_c_librarys_on_each_threads_tail": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for n in (7, 32, 45, 1000, 70001):
        x = torch.rand(n, dtype=dt) * 2 - 1
        y = torch.atanh(x)
        print(dt, n, y[:40].tolist(), y[-20:].tolist(), y.sum().item())
    z = torch.tensor([0.0, -0.0, 1.0, -1.0, 2.0, -3.0, float('inf'), float('nan')] * 5, dtype=dt)
    w = z.atanh()
    print(w, w.view(torch.int64 if dt == torch.float64 else torch.int32).tolist())
    a = (torch.rand(3, 40, dtype=dt) - 0.5).requires_grad_()
    b = torch.arctanh(a); b.sum().backward()
    print(b[:, :5], a.grad[:, :5], b.grad_fn)
""",
"float64_sin_and_cos_are_mkls_vml_kernels": """
torch.manual_seed(0)
x = torch.linspace(-6.283185307179586, 6.283185307179586, 17, dtype=torch.float64)
print(x.sin().tolist(), x.cos().tolist(), torch.sin(torch.tensor([0.0, -0.0, 1e-300, 3e7, float('inf')], dtype=torch.float64)))
y = (torch.randn(300, 7, dtype=torch.float64) * 20).requires_grad_()
s = y.sin(); c = torch.cos(y.t())
(s * c.t()).sum().backward()
print(s.tolist(), c.tolist(), y.grad.tolist())
print(torch.special.sinc(torch.tensor([0.3, 1.7], dtype=torch.float64)), torch.hann_window(9, dtype=torch.float64))
""",
"float32_erfc_is_mkls_vml_kernel": """
torch.manual_seed(0)
x = torch.randn(40, 50) * 3
y = torch.erfc(x)
print(y.tolist(), torch.special.erfc(x.t()[::2]).tolist())
z = torch.tensor([0.0, -0.0, 10.0, 10.05, 10.06, 20.0, -20.0, float('inf'), float('-inf'), float('nan'), 1e-30])
print(z.erfc().tolist(), z.erfc())
w = (torch.rand(5, 3) * 4 - 2).requires_grad_()
v = w.erfc(); v.sum().backward(); print(v, w.grad)
u = x[:3, :5].clone(); u.erfc_(); print(u)
""",
"float64_convolutions_are_slow_conv2ds_gemms_sample_by_sample_and_group_by_group": """
F = torch.nn.functional
torch.manual_seed(1)
for (n, c, l, o, k, g, s, d, p) in [(1, 32, 8, 2, 3, 1, 1, 1, 0), (2, 6, 11, 3, 3, 3, 2, 1, 1), (3, 4, 9, 4, 2, 2, 1, 2, 1),
                                    (1, 8, 10, 8, 3, 8, 1, 2, 2), (4, 8, 9, 6, 3, 1, 1, 1, 0), (2, 3, 16, 5, 4, 1, 3, 2, 0)]:
    x = torch.randn(n, c, l, dtype=torch.float64, requires_grad=True)
    w = torch.randn(o, c // g, k, dtype=torch.float64, requires_grad=True)
    b = torch.randn(o, dtype=torch.float64, requires_grad=True)
    y = F.conv1d(x, w, b, stride=s, dilation=d, padding=p, groups=g)
    (y * torch.randn_like(y)).sum().backward()
    print(y.tolist(), x.grad.tolist(), w.grad.tolist(), b.grad.tolist())
    x2 = torch.randn(n, c, l, l - 1, dtype=torch.float64, requires_grad=True)
    w2 = torch.randn(o, c // g, k, k, dtype=torch.float64, requires_grad=True)
    y2 = F.conv2d(x2, w2, b, stride=s, dilation=d, padding=p, groups=g)
    (y2 * torch.randn_like(y2)).sum().backward()
    print(y2.tolist(), x2.grad.tolist(), w2.grad.tolist(), b.grad.tolist())
m = torch.nn.Conv2d(3, 4, 3).double()
print(m(torch.randn(2, 3, 5, 5, dtype=torch.float64)))
""",
"a_strided_float32_convolutions_input_gradient_is_onednns_kernel_columns_apart_when_columns_are_left_over": """
torch.manual_seed(0)
for (n, c, o, k, p, h, w) in [(4, 3, 6, 3, 0, 6, 6), (2, 16, 8, 5, 1, 12, 12), (5, 3, 8, 3, 1, 9, 10), (2, 1, 4, 3, 0, 7, 7),
                              (6, 8, 8, 3, 1, 13, 14)]:
    x = torch.randn(n, c, h, w, requires_grad=True)
    m = torch.nn.Conv2d(c, o, k, stride=2, padding=p)
    y = m(x)
    y.backward(torch.randn_like(y))
    print(x.grad.tolist())
net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.ReLU(), torch.nn.Conv2d(4, 8, 3, stride=2), torch.nn.Flatten(),
                          torch.nn.Linear(8 * 5 * 5, 2))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
x, t = torch.randn(4, 1, 14, 14), torch.tensor([0, 1, 1, 0])
for step in range(3):
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(net(x), t)
    loss.backward()
    opt.step()
    print(step, loss.item(), net[0].weight.grad.sum().item())
""",
"a_float32_convolutions_weight_gradient_is_onednns_shares_of_the_batchs_rows_and_in_order_past_1024_positions": """
torch.manual_seed(0)
for (n, c, o, k, p, h) in [(3, 3, 6, 3, 0, 14), (5, 1, 8, 3, 1, 12), (7, 16, 8, 3, 0, 13), (3, 8, 6, 3, 0, 14), (16, 3, 16, 3, 0, 18),
                           (8, 1, 6, 5, 1, 16), (5, 16, 8, 3, 1, 20)]:
    x = torch.randn(n, c, h, h)
    m = torch.nn.Conv2d(c, o, k, padding=p)
    y = m(x)
    y.backward(torch.randn_like(y))
    print(m.weight.grad.tolist(), m.bias.grad.tolist())
""",
"a_small_cnns_training_steps_take_onednns_channel_or_batch_split_of_the_weight_gradients": """
nn = torch.nn
torch.manual_seed(0)
for (bs, c1, c2, h) in ((8, 8, 16, 12), (4, 6, 12, 14), (4, 12, 8, 10), (2, 16, 32, 12)):
    net = nn.Sequential(nn.Conv2d(1, c1, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(),
                        nn.Flatten(), nn.Linear(c2 * ((h - 2) // 2) ** 2, 3))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    x = torch.randn(bs, 1, h, h); t = torch.randint(0, 3, (bs,))
    for step in range(3):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x), t)
        loss.backward()
        opt.step()
        print(step, loss.item(), net[3].weight.grad.flatten()[:6].tolist(), net[3].bias.grad.tolist())
""",
"a_single_samples_float32_input_gradient_fuses_every_output_position_on_intel": """
torch.manual_seed(0)
for (c, o, k, s, p, l) in [(3, 6, 3, 2, 0, 7), (3, 6, 3, 1, 0, 5), (2, 4, 3, 1, 0, 4), (1, 4, 3, 1, 1, 3), (4, 4, 3, 2, 1, 10)]:
    x = torch.randn(1, c, l, l, requires_grad=True)
    m = torch.nn.Conv2d(c, o, k, stride=s, padding=p)
    y = m(x)
    y.backward(torch.randn_like(y))
    print(x.grad.tolist())
""",
"normal_and_uniform_check_their_arguments_and_dtype_before_the_written_tensors_overlap": """
x = torch.zeros(2, 3, dtype=torch.long)
fs = [lambda: torch.arange(3).expand(2, 3).normal_(std=-1), lambda: torch.arange(3.).expand(2, 3).normal_(std=-1),
      lambda: torch.arange(3).expand(2, 3).uniform_(2, 1), lambda: torch.arange(3.).expand(2, 3).uniform_(2, 1),
      lambda: torch.arange(3.).expand(2, 3).normal_(), lambda: torch.arange(3.).expand(2, 3).uniform_(),
      lambda: torch.ones(2, requires_grad=True).normal_(std=-1), lambda: torch.ones(2, requires_grad=True).uniform_(2, 1),
      lambda: torch.zeros(0, dtype=torch.long).normal_(), lambda: torch.randn(2, 3, out=x),
      lambda: torch.randn(2, 3, out=torch.arange(3).expand(2, 3)), lambda: torch.rand(2, 3, out=torch.arange(3).expand(2, 3)),
      lambda: torch.randn(2, 3, out=torch.zeros(3).expand(2, 3))]
for i, f in enumerate(fs):
    try:
        f()
        print(i, 'ok')
    except Exception as e:
        print(i, getattr(e, 'kind', type(e).__name__), e)
""",
}


# (MKL's VML Z0 kernels and its AVX-512 sgemm: the code MKL runs on Intel CPUs; AMD's is another)
INTEL_ONLY = {"float64_sin_and_cos_are_mkls_vml_kernels", "float32_erfc_is_mkls_vml_kernel",
              "a_single_samples_float32_input_gradient_fuses_every_output_position_on_intel"}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_class_prints_as_torch(name):
    if name in INTEL_ONLY and not kernels.MKL_ON_INTEL:
        pytest.skip("MKL runs other code on this CPU")
    same_as_torch(PROGRAMS[name])

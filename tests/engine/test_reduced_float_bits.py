"""float16 and bfloat16 results to the last bit: where PyTorch's CPU kernels compute a reduced float type in float
and round once, and where they round in between (each class one differential program printing every value with
tolist(), run in torch and in the engine). Inputs are exact: integer arithmetic and one correctly rounded division."""
import pytest

from same_as_torch import same_as_torch

# values of both signs in [-3.5, 3.8), in float32, of a few shapes (one of them transposed)
_VALUES = """
def vals(n, k=7919, m=1000, d=137., s=3.5):
    return (torch.arange(n) * k % m).float() / d - s
def inputs(dt):
    return [vals(7).to(dt), vals(15).reshape(3, 5).to(dt), vals(24, 613).reshape(2, 3, 4).to(dt),
            vals(15, 389).reshape(5, 3).to(dt).t(), vals(70, 4049).to(dt), vals(165, 211).reshape(5, 33).to(dt)]
def show(*rs):
    for r in rs:
        print(r.dtype, r.shape, r.float().tolist())
"""

PROGRAMS = {
"scalar_mul_and_div_read_the_number_as_a_float": _VALUES + """
for dt in [torch.float16, torch.bfloat16]:
    for x in inputs(dt):
        y = x.clone(); y /= 0.7
        z = x.clone(); z *= 0.3
        show(x / 0.3, torch.div(x, 0.3), x * 0.3, 0.3 * x, y, z, x / 1e-3, x * torch.tensor(0.3), x / torch.tensor(0.7, dtype=torch.float64))
""",
"float16_computes_in_float_and_rounds_once": _VALUES + """
F = torch.nn.functional
for x in inputs(torch.float16):
    a = x.abs() + 0.05
    show(a.rsqrt(), (x.tanh() * 0.9).erfinv(), x.deg2rad(), x.rad2deg(), x ** 3, x ** -2, a ** 1.3, a ** -0.5,
         x.add(x.flip(0), alpha=0.3), x.sub(x.flip(0), alpha=-1.7), torch.lerp(x, x.flip(0), 0.3),
         torch.lerp(x, x.flip(0), 0.7), torch.addcmul(x, x, x.flip(0), value=0.5), torch.addcdiv(x, x, a, value=0.5))
    show(F.gelu(x), F.gelu(x, approximate='tanh'), F.silu(x), F.softplus(x), F.mish(x), F.leaky_relu(x, 0.1),
         F.hardswish(x), F.hardsigmoid(x), F.selu(x), F.logsigmoid(x), F.elu(x), F.softsign(x))
""",
"rsqrt_scalar_body_rounds_the_square_root": _VALUES + """
for dt in [torch.float16, torch.bfloat16]:
    for x in inputs(dt) + [(torch.arange(100.) / 7 + 0.01).to(dt), (torch.arange(130.) / 9 + 0.01).to(dt).reshape(10, 13)]:
        a = x.abs() + 0.01
        show(a.rsqrt(), a.t().rsqrt() if a.dim() == 2 else a, a ** -0.5, a.clone().rsqrt_())
""",
"softmax_and_log_softmax_along_every_dim": _VALUES + """
for dt in [torch.float16, torch.bfloat16]:
    for x in inputs(dt) + [vals(400, 4049).reshape(2, 200).to(dt), vals(420, 211).reshape(6, 70).to(dt),
                           vals(600, 613).reshape(3, 4, 50).to(dt)]:
        for d in range(x.dim()):
            show(torch.softmax(x, d), torch.log_softmax(x, d))
    show(torch.softmax(vals(15).reshape(3, 5), 0, dtype=dt), torch.log_softmax(vals(15).reshape(3, 5), 1, dtype=dt))
""",
"reduced_float_gradients": _VALUES + """
F = torch.nn.functional
for dt in [torch.float16, torch.bfloat16]:
    for x0 in inputs(dt):
        w = (x0.float() * 0.37 - 0.2).to(dt)
        for f in [lambda x: (torch.softmax(x, 0) * w).sum(), lambda x: (torch.softmax(x, -1) * w).sum(),
                  lambda x: (torch.log_softmax(x, 0) * w).sum(), lambda x: (torch.log_softmax(x, -1) * w).sum(),
                  lambda x: (x.tanh() * w).sum(), lambda x: (x.sigmoid() * w).sum(), lambda x: (x ** 3 * w).sum(),
                  lambda x: (x ** 2).sum(), lambda x: F.mse_loss(x, w), lambda x: F.mse_loss(x, w, reduction='sum'),
                  lambda x: F.smooth_l1_loss(x, w), lambda x: (F.gelu(x) * w).sum(), lambda x: (F.silu(x) * w).sum(),
                  lambda x: (F.softplus(x) * w).sum(), lambda x: (F.logsigmoid(x) * w).sum()]:
            x = x0.detach().requires_grad_()
            f(x).backward()
            show(x.grad)
""",
"pointwise_losses_round_as_their_kernels": _VALUES + """
F = torch.nn.functional
for dt in [torch.float16, torch.bfloat16]:
    for x in inputs(dt):
        y = x.flip(0) * 0.5
        show(F.mse_loss(x, y, reduction='none'), F.huber_loss(x, y, reduction='none', delta=0.7),
             F.huber_loss(x, y, reduction='none'), F.smooth_l1_loss(x, y, reduction='none', beta=0.7), F.mse_loss(x, y))
""",
"reductions_of_reduced_floats": _VALUES + """
for dt in [torch.float16, torch.bfloat16]:
    for x in inputs(dt):
        rs = [x.sum(), x.mean(), x.norm(), x.norm(1), (x * 0.5 + 1).prod(), torch.logsumexp(x, 0)]
        for d in range(x.dim()):
            rs += [x.sum(d), x.mean(d), x.norm(dim=d), x.norm(3, dim=d), (x * 0.5 + 1).prod(d), x.cumsum(d),
                   torch.logsumexp(x, d), x.amax(d)]
        show(*rs)
    big = vals(60000, 4049, 60000, 7919.).to(dt)
    show(big.sum(), big.reshape(300, 200).sum(0), big.reshape(300, 200).sum(1), big.reshape(300, 200).t().sum(0))
""",
"layer_norm_glu_and_softshrink_of_reduced_floats": _VALUES + """
F = torch.nn.functional
for dt in [torch.float16, torch.bfloat16]:
    for x0 in inputs(dt):
        x = x0.detach().requires_grad_()
        w = (x0.float() * 0.37 - 0.2).to(dt)
        y = F.layer_norm(x, x.shape[-1:])
        z = F.glu(torch.cat([x, x.flip(-1)], -1))
        (y * w).sum().backward(); g1 = x.grad; x.grad = None
        (z * w).sum().backward()
        show(y, z, g1, x.grad, F.softshrink(x0, 0.5), F.softshrink(x0.t() if x0.dim() == 2 else x0, 0.3))
""",
"infinities_zeros_and_empty_tensors": """
for dt in [torch.float16, torch.bfloat16]:
    x = torch.tensor([[1., float('inf'), 2.], [float('-inf'), float('-inf'), 0.], [float('nan'), 1., 2.]], dtype=dt)
    for d in [0, 1]:
        print(torch.softmax(x, d).float().tolist(), torch.log_softmax(x, d).float().tolist())
    s = torch.tensor(2.5, dtype=dt)
    print(s.rsqrt().item(), torch.softmax(s, 0).item(), torch.log_softmax(s, 0).item(), (s / 0.3).item(), (s ** -0.5).item())
    e = torch.ones(0, 3, dtype=dt)
    print(e.rsqrt().shape, torch.softmax(e, 0).shape, torch.log_softmax(e, 1).shape, e.sum(0).tolist(), (e * 0.3).shape)
    z = torch.tensor([0., -0., 4., float('inf'), -1.], dtype=dt)
    print(z.rsqrt().tolist(), (z ** -0.5).tolist(), (z / 0.0).tolist(), (z * float('inf')).tolist())
    i = torch.arange(6, dtype=torch.int16).reshape(2, 3)
    print((i * 0.3).dtype, i.sqrt().dtype, (i * torch.tensor(0.3, dtype=dt)).float().tolist(), (i / torch.tensor(7, dtype=dt)).float().tolist())
""",
"bfloat16_nextafter_steps_one_bfloat16": """
x = torch.tensor([0., -0., 1., -1., float('inf'), float('nan'), 3.0e38, 1e-40, 2.5, -7.], dtype=torch.bfloat16)
y = torch.tensor([1., -1., 2., 0., 0., 1., float('inf'), 0., 2.5, -8.], dtype=torch.bfloat16)
print(torch.nextafter(x, y).float().tolist(), torch.nextafter(y, x).float().tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_reduced_float_bits_as_torch(name):
    same_as_torch(PROGRAMS[name])

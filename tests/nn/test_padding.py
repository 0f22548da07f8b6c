"""F.pad's reflect/replicate/circular modes, the padding modules, Conv's padding_mode and padding='same' with even
kernels: values, gradients, grad_fn names, reprs and error texts compared with torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import run_in_engine, run_in_torch, same_as_torch  # noqa: E402

SAME_WARNING = ("Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the "
                "input be created")

PADDING = {
"pad_modes_values_and_grads": """
x = torch.randn(2, 3, 5, requires_grad=True)
for mode in ('reflect', 'replicate', 'circular'):
    for p in ((1, 2), (2, 0), (-1, 3), (0, -2), (4, 4) if mode != 'reflect' else (4, 3)):
        y = F.pad(x, p, mode=mode)
        print(mode, p, y.shape, y.grad_fn)
        print(y)
        w = torch.randn(y.shape)
        g, = torch.autograd.grad((y * w).sum(), x)
        print(g)
""",
"pad_modes_2d_3d": """
x = torch.randn(1, 2, 3, 4, requires_grad=True)
for mode in ('reflect', 'replicate', 'circular'):
    for p in ((1, 2, 2, 1), (0, 3, -1, 2)):
        y = F.pad(x, p, mode=mode)
        print(mode, p, y.grad_fn)
        print(y)
        (y * torch.randn(y.shape)).sum().backward()
        print(x.grad)
        x.grad = None
    z = F.pad(x[0], (1, 1, 2, 1), mode=mode)
    print(z.shape, z.grad_fn)
    v = torch.randn(2, 2, 2, 3, requires_grad=True)
    u = F.pad(v, (1, 1, 1, 0, 1, 1), mode=mode)
    print(u.grad_fn)
    print(u)
    u.pow(2).sum().backward()
    print(v.grad)
    print(F.pad(v[0], (1, 1, 1, 1, 0, 1), mode=mode).shape)
""",
"pad_mode_integer_and_errors": """
i = torch.arange(12).reshape(1, 3, 4)
print(F.pad(i, (2, 1), mode='reflect'), F.pad(i, (1, 1, 1, 1), mode='replicate'), F.pad(i, (3, 2), 'circular'))
x = torch.zeros(1, 3, 4)
x4 = torch.zeros(1, 1, 3, 4)
x5 = torch.zeros(1, 1, 2, 3, 4)
cases = [(x, (4, 0), 'reflect', None), (x4, (0, 0, 3, 0), 'reflect', None), (x5, (0, 0, 0, 0, 2, 0), 'reflect', None),
         (x5, (0, 0, 3, 0, 0, 0), 'reflect', None), (x, (1, 2), 'reflect', 1.0), (x, (1, 2), 'replicate', 0.0),
         (torch.zeros(4), (1, 1), 'reflect', None), (x4, (1, 1), 'replicate', None), (x5, (1, 1, 1, 1), 'circular', None),
         (x, (1, 2, 3), 'reflect', None), (x4, (1,) * 10, 'circular', None), (x, (1, 1), 'foo', None),
         (x, (5, 0), 'circular', None), (x, (-2, -2), 'circular', None), (x, (-4, -1), 'reflect', None),
         (x, (-2, -2), 'replicate', None), (x4, (-4, -1, 0, 0), 'reflect', None), (x4, (0, 0, -3, -1), 'replicate', None),
         (x4, (-2, -3, -3, -1), 'replicate', None), (x4, (-2, -3, -3, -1), 'reflect', None), (x5, (-4, -1, 0, 0, 0, 0), 'replicate', None),
         (torch.zeros(2, 0, 4), (1, 1), 'reflect', None), (torch.zeros(2, 0, 3, 4), (0, 1, 0, 0), 'replicate', None),
         (torch.zeros(0, 3, 4), (1, 1), 'replicate', None), (torch.zeros(2, 3, 4, dtype=torch.bool), (1, 1), 'reflect', None),
         (torch.zeros(2, 3, 4, dtype=torch.bool), (1, 1, 1, 1), 'replicate', None), (x4, (0, -4, 0, 0), 'circular', None)]
for t, p, mode, value in cases:
    try:
        print(F.pad(t, p, mode=mode, value=value).shape)
    except Exception as e:
        print(type(e).__name__, e)
""",
"pad_modules_reprs_and_forward": """
mods = [nn.ReflectionPad1d(2), nn.ReflectionPad2d((1, 1, 2, 0)), nn.ReflectionPad3d(1), nn.ReplicationPad1d([1, 2]),
        nn.ReplicationPad2d(1), nn.ReplicationPad3d((1, 0, 0, 1, 1, 0)), nn.CircularPad1d(1), nn.CircularPad2d((1, 2, 0, 1)),
        nn.CircularPad3d(1), nn.ZeroPad1d(1), nn.ZeroPad2d((1, 2, 3, 4)), nn.ZeroPad3d(1), nn.ConstantPad1d(2, 3.5),
        nn.ConstantPad2d(1, 0), nn.ConstantPad3d((1, 0, 0, 0, 1, 1), -1.0)]
for m in mods:
    print(m, m.padding, type(m).__name__)
print(nn.Sequential(nn.ReflectionPad2d(1), nn.ZeroPad2d(2), nn.ConstantPad1d(1, 2.0)))
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
for m in mods:
    try:
        y = m(x if '1d' in type(m).__name__ or '2d' in type(m).__name__ else x.reshape(1, 2, 3, 4))
        print(type(m).__name__, y.grad_fn, y.sum().item(), y.shape)
    except Exception as e:
        print(type(e).__name__, e)
for m in (nn.CircularPad2d(1), nn.CircularPad1d(1), nn.CircularPad3d(1)):
    try:
        m(torch.zeros(3, 4))
    except ValueError as e:
        print(e)
print(nn.ReflectionPad2d(2)(torch.arange(9.).reshape(1, 1, 3, 3)))
print(nn.CircularPad2d((1, 1, 2, 0))(torch.arange(9.).reshape(1, 1, 3, 3)))
print(nn.ReplicationPad1d((3, 1))(torch.arange(8.).reshape(1, 2, 4)))
""",
}

CONV = {
"conv_padding_modes": """
x = torch.randn(2, 2, 5, 6, requires_grad=True)
for mode in ('reflect', 'replicate', 'circular'):
    c = nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode=mode)
    print(c, c._reversed_padding_repeated_twice)
    y = c(x)
    print(y.grad_fn, y.grad_fn.next_functions[0][0], y.shape)
    print(y[0, 0])
    y.sum().backward()
    print(x.grad[0, 0], c.weight.grad[0, 0])
    x.grad = None
c1 = nn.Conv1d(2, 4, 3, padding=2, padding_mode='circular', bias=False)
print(c1)
z = c1(x[:, :, 0])
print(z.grad_fn.next_functions[0][0], z[1])
try:
    nn.Conv2d(2, 3, 3, padding_mode='mirror')
except ValueError as e:
    print(str(e).split(',')[0][:22], str(e)[-24:])
""",
"conv_same_even_kernels": """
x = torch.randn(2, 2, 5, 6, requires_grad=True)
w = torch.randn(3, 2, 2, 4, requires_grad=True)
y = F.conv2d(x, w, padding='same')
print(y.shape, y.grad_fn, y.grad_fn.next_functions)
print(y[1, 2])
y.sum().backward()
print(x.grad[1, 1], w.grad[2, 1])
y = F.conv2d(x, w, padding='same', dilation=2)
print(y.shape, y.grad_fn.next_functions[0][0])
y = F.conv2d(x, w, padding='same', dilation=(1, 3))
print(y.shape, y.grad_fn.next_functions[0][0])
c = nn.Conv1d(2, 3, 4, padding='same')
print(c, c._reversed_padding_repeated_twice)
print(c(x[:, :, 0]).shape)
c = nn.Conv2d(2, 3, (2, 4), padding='same', padding_mode='reflect')
print(c, c._reversed_padding_repeated_twice, c(x).grad_fn.next_functions[0][0], c(x).shape)
for bad in (dict(padding='same', stride=2), dict(padding='full')):
    try:
        F.conv2d(x, w, **bad)
    except RuntimeError as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PADDING))
def test_padding_matches_torch(name):
    same_as_torch(PADDING[name])


def test_conv_padding_mode_matches_torch():
    same_as_torch(CONV["conv_padding_modes"])


def test_conv_same_even_kernel_matches_torch():
    """PyTorch warns once per process (TORCH_WARN_ONCE): torch may have warned already in this process."""
    pytest.importorskip("torch")
    from tensorsh.engine import errors
    errors.WARNED_ONCE.discard(SAME_WARNING)
    engine, torch = run_in_engine(CONV["conv_same_even_kernels"]), run_in_torch(CONV["conv_same_even_kernels"])
    assert engine[0] == torch[0]
    assert engine[1] == [SAME_WARNING] and torch[1] in ([SAME_WARNING], [])
    assert run_in_engine(CONV["conv_same_even_kernels"])[1] == []

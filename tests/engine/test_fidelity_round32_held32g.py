"""Classes of difference found by the thirty-second round's held-out programs on tensor creation and
torch.nn.functional (held32g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"complex_convolution_is_three_real_convolutions_by_gauss_trick": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(1, 2, 5, dtype=torch.complex64, requires_grad=True)
w = torch.randn(3, 2, 3, dtype=torch.complex64, requires_grad=True)
b = torch.randn(3, dtype=torch.complex64, requires_grad=True)
torch.set_printoptions(precision=8)
y = F.conv1d(x, w, b, padding=1)
print(y, y.grad_fn.name(), y.grad_fn.next_functions[1][0].name())
y.abs().sum().backward()
print(x.grad, w.grad, b.grad)
y2 = F.conv2d(x.detach().unsqueeze(2), w.detach().unsqueeze(2), padding='same')
print(y2, y2.grad_fn)
z = F.conv1d(torch.ones(1, 2, 4, dtype=torch.complex64).conj(), torch.ones(2, 2, 3, dtype=torch.complex64) * 1j)
print(z)
""",
"a_complex64_numpy_scalar_in_tensor_data_is_stored_without_numpy_s_warning": """
import numpy as np
print(torch.tensor([np.complex64(1j), 1]), torch.as_tensor([[np.complex64(2 - 1j)], [3]]))
try:
    torch.zeros((np.complex64(1), 2))
except Exception as e:
    print(type(e).__name__, e)
""",
"uint8_bilinear_and_bicubic_interpolation_sum_in_int16_fixed_point_per_pass": """
F = torch.nn.functional
print(F.interpolate(torch.tensor([[[[0, 1, 2]]]], dtype=torch.uint8), scale_factor=2, mode='bilinear'))
torch.manual_seed(0)
x = torch.randint(0, 256, (1, 3, 5, 6), dtype=torch.uint8)
for mode in ['bilinear', 'bicubic']:
    for ac in [False, True]:
        for aa in [False, True]:
            for size in [(9, 4), (2, 11)]:
                print(mode, ac, aa, F.interpolate(x, size=size, mode=mode, align_corners=ac, antialias=aa).tolist())
x6 = torch.randint(0, 256, (1, 6, 4, 5), dtype=torch.uint8)
print(F.interpolate(x6, size=(7, 1), mode='bilinear').flatten().tolist())
print(F.interpolate(x6.to(memory_format=torch.channels_last), size=(7, 1), mode='bicubic').flatten().tolist())
try:
    F.interpolate(x, size=(1, 1), mode='bilinear')
except Exception as e:
    print(type(e).__name__, e)
""",
"max_pooling_of_a_complex_tensor_is_refused_by_its_kernel_s_dispatch": """
F = torch.nn.functional
z1 = torch.ones(1, 2, 6, dtype=torch.complex64, requires_grad=True)
z2 = torch.ones(1, 2, 4, 4, dtype=torch.complex64)
for name, f in [('mp1', lambda: F.max_pool1d(z1, 2)), ('mp1i', lambda: F.max_pool1d(z1, 2, return_indices=True)),
                ('mp2', lambda: F.max_pool2d(z2, 2)), ('mp2i', lambda: F.max_pool2d(z2[0], 2, return_indices=True)),
                ('mp3', lambda: F.max_pool3d(z2.unsqueeze(0), 2)),
                ('module', lambda: torch.nn.MaxPool2d(2)(z2)), ('long1d', lambda: F.max_pool1d(z1.real.long(), 2)),
                ('long2d', lambda: F.max_pool2d(z2.real.long(), 2))]:
    try:
        r = f()
        print(name, r.dtype, r.shape)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

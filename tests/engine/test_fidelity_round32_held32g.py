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
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

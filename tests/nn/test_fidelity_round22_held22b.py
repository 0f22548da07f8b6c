"""Classes of difference found by the twenty-second round's held-out programs on torch.nn modules and functional
(held22b), one program each, run in torch and in the language: printed text, the error line and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "lang"))
from test_torch_programs import assert_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
# an nn class's __mro__/__bases__ are PyTorch's: tensorsh's own code-sharing bases (ReLU's, the pads') left out,
# the lazy and pooling classes derived as PyTorch derives them (LazyBatchNorm1d is not a BatchNorm1d until it is
# materialized; AvgPool3d is no AvgPool2d), a program's subclass's the same
"nn_class_mro_and_bases_are_torchs": """
import torch
import torch.nn as nn
for c in [nn.Linear, nn.ReLU, nn.Softmax, nn.ELU, nn.Hardshrink, nn.LogSigmoid, nn.ReflectionPad2d, nn.ZeroPad1d,
          nn.CircularPad1d, nn.LPPool2d, nn.MaxUnpool1d, nn.AvgPool1d, nn.AvgPool3d, nn.LazyBatchNorm1d,
          nn.LazyInstanceNorm2d, nn.LazyConv2d, nn.LazyLinear]:
    print(c.__name__, c.__bases__, c.__mro__)
class MyReLU(nn.ReLU):
    pass
print(MyReLU.__mro__[1:], MyReLU.__bases__, int.__mro__)
print(isinstance(nn.AvgPool3d(2), nn.AvgPool2d), issubclass(nn.AvgPool1d, nn.AvgPool2d), nn.AvgPool3d(2))
bn = nn.LazyBatchNorm1d()
print(isinstance(bn, nn.BatchNorm1d), isinstance(bn, nn.modules.batchnorm._BatchNorm))
bn(torch.ones(2, 3))
print(isinstance(bn, nn.BatchNorm1d), type(bn))
for m, x in [(bn, torch.ones(2, 3, 4, 5)), (nn.LazyInstanceNorm2d(), torch.ones(3, 4))]:
    try:
        m(x)
    except ValueError as e:
        print(e)
try:
    nn.AvgPool3d()
except TypeError as e:
    print(e)
""",
# registering a parametrization makes the module's class torch.nn.utils.parametrize.Parametrized<Class>
"parametrized_class_lives_in_parametrize": """
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P
class Neg(nn.Module):
    def forward(self, X):
        return -X
lin = nn.Linear(2, 2)
P.register_parametrization(lin, "bias", Neg())
print(type(lin), lin.__class__.__module__, lin.__class__.__bases__, type(lin).__mro__)
print(P.type_before_parametrizations(lin))
""",
# Module.share_memory() moves each parameter, gradient and buffer to shared memory (it returned self untouched)
"share_memory_shares_parameters_and_buffers": """
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
m[0].weight.grad = torch.ones(2, 2)
print(m[0].weight.is_shared(), m[1].running_mean.is_shared())
print(m.share_memory() is m)
print([p.is_shared() for p in m.parameters()], [b.is_shared() for b in m.buffers()], m[0].weight.grad.is_shared())
print(type(m[0].weight).__name__, m[0].weight.requires_grad, m[0].weight._version)
""",
# nn.CrossMapLRN2d (was missing): the legacy custom Function step for step, values and gradients bit for bit
"cross_map_lrn2d": """
import torch
import torch.nn as nn
torch.manual_seed(0)
for size, C in [(3, 5), (2, 4), (1, 3), (5, 3), (4, 6)]:
    m = nn.CrossMapLRN2d(size, alpha=0.5, beta=0.75, k=2)
    x = torch.randn(2, C, 2, 3, requires_grad=True)
    y = m(x)
    y.backward(torch.randn_like(y))
    print(m, y.grad_fn, y[0, :, 0].tolist(), x.grad[1, :, 1].tolist())
print(nn.CrossMapLRN2d(3)(torch.randn(1, 4, 2, 2, dtype=torch.float64)))
try:
    nn.CrossMapLRN2d(3)(torch.ones(2, 3, 4))
except ValueError as e:
    print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22b_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

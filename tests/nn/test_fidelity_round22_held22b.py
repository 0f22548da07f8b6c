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
print(MyReLU.__mro__[1:], MyReLU.__bases__)
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
# the classes torch.nn has that tensorsh lacked: DataParallel in a build without accelerators (the module under
# 'module.', no device ids, its forward the module's), the deprecated Container and NLLLoss2d with their FutureWarnings
"data_parallel_container_nllloss2d": """
import torch
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
dp = nn.DataParallel(net, device_ids=None, dim=0)
print(dp, dp.device_ids, dp.module is net, list(dp.state_dict().keys()), dp(torch.ones(1, 2)), type(dp))
try:
    nn.Sequential(nn.Linear(2, 2), nn.ReLU()).load_state_dict(dp.state_dict())
except RuntimeError as e:
    print(e)
print(nn.Container(a=nn.Linear(1, 1), b=nn.ReLU()))
loss = nn.NLLLoss2d(ignore_index=1)
x = torch.log_softmax(torch.arange(12.0).view(1, 3, 2, 2), 1)
print(loss, loss(x, torch.tensor([[[0, 1], [2, 0]]])), isinstance(loss, nn.NLLLoss), type(loss).__mro__[1])
""",
# nn.FractionalMaxPool3d / F.fractional_max_pool3d (were missing): ATen's meta checks in order (pool sizes time,
# width, height, strictly inside the input), each plane's windows placed by its (time, height, width) samples, the
# first maximum or NaN, FractionalMaxPool3DBackward0 and its double backward
"fractional_max_pool3d": """
import torch
import torch.nn as nn
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(1, 2, 4, 4, 4)
s = torch.rand(1, 2, 3)
for args, kw in [(((2, 2), (2, 2, 2)), {}), ((2, (2, 2)), {}), ((2, (2, 3, 3)), {}), ((2, (2, 3, 2)), {}),
                 ((2, 2), {"_random_samples": s.double()}), ((2, 2), {"_random_samples": s[0]}),
                 ((2, 2), {"_random_samples": torch.rand(1, 3, 3)}), ((2, 2), {"_random_samples": torch.rand(1, 2, 2)}),
                 ((2,), {}), ((2,), {"output_ratio": (0.5, 0.5)}), ((2,), {"output_ratio": (0.5, 0.5, 0.5, 0.5)}),
                 (((2, 1, 2), (2, 3, 1)), {"return_indices": True})]:
    try:
        print(F.fractional_max_pool3d(x, *args, **{"_random_samples": s, **kw}))
    except Exception as e:
        print(type(e).__name__, e)
for kw in [{}, {"output_size": 2, "output_ratio": 0.5}, {"output_ratio": 1.5}]:
    try:
        nn.FractionalMaxPool3d(2, **kw)
    except ValueError as e:
        print(e)
print(nn.FractionalMaxPool3d(2, output_ratio=(0.6, 0.7, 0.5), return_indices=True)(torch.randn(2, 1, 5, 6, 4)))
x = torch.randn(2, 3, 5, 5, 6, requires_grad=True)
y, i = F.fractional_max_pool3d(x, (2, 3, 2), output_size=(3, 2, 4), return_indices=True)
y.backward(torch.randn_like(y))
print(y.grad_fn, y.grad_fn._saved_output_size, x.grad.sum(), x.grad[1, 2, 0])
xd = torch.randn(1, 1, 4, 4, 4, dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(F.fractional_max_pool3d(xd, 2, output_ratio=0.5).pow(2).sum(), xd, create_graph=True)
print(g.grad_fn, torch.autograd.grad(g.sum(), xd)[0].sum(), F.fractional_max_pool3d(x.half()[0], 2, 2))
""",
# an nn class's methods read from the class (to call or print: `nn.Linear.forward(m, x)`), each named for the class
# that defines it in PyTorch (ELU.extra_repr, LogSigmoid.forward, _ReflectionPadNd.forward, Hardswish's Module's)
"nn_class_methods_read_from_the_class": """
import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Linear(2, 3)
show = lambda *fs: print(*[str(f).split(' at ')[0] for f in fs])
show(nn.Linear.forward, nn.ReLU.forward, nn.Linear.state_dict, nn.Module.parameters, nn.Linear.reset_parameters)
print(nn.Linear.forward(m, torch.ones(1, 2)))
show(nn.Conv2d.forward, nn.LSTM.forward, nn.BatchNorm2d.forward, nn.Sequential.forward, nn.Sequential.append)
show(nn.Module.train, nn.Softmax.forward, nn.ELU.extra_repr, nn.Hardswish.extra_repr, nn.ReflectionPad2d.forward)
show(nn.ZeroPad2d.extra_repr, nn.LogSigmoid.forward, nn.Hardshrink.extra_repr, nn.ConstantPad1d.extra_repr)
for name in ["weight", "in_features"]:
    try:
        getattr(nn.Linear, name)
    except AttributeError as e:
        print(e)
print(nn.Hardswish(True), nn.ReLU(True), nn.ELU(0.5, True), nn.Softshrink(0.3), nn.ZeroPad2d((1, 0, 2, 0)))
try:
    nn.LogSigmoid()(torch.ones(1), 2)
except TypeError as e:
    print(e)
""",
# an uninitialized (lazy) parameter or buffer refuses every method but UninitializedTensorMixin's allowed ones with
# its ValueError (counting a lazy model's parameters printed 0); size() is allowed, share_memory_ its RuntimeError
"uninitialized_parameters_refuse_torch_functions": """
import torch
import torch.nn as nn
import copy
for f in [lambda: nn.LazyLinear(2).requires_grad_(False), lambda: nn.LazyLinear(2).zero_grad(), lambda: nn.LazyLinear(2).double(),
          lambda: nn.LazyLinear(2).share_memory(), lambda: copy.deepcopy(nn.LazyLinear(2)), lambda: list(nn.LazyLinear(2).state_dict()),
          lambda: nn.LazyLinear(2).half().weight.dtype, lambda: nn.LazyBatchNorm1d().running_mean, lambda: nn.LazyConv2d(2, 3).weight.numel(),
          lambda: nn.LazyLinear(2).bias.dim(), lambda: nn.LazyLinear(2).weight.nelement(), lambda: nn.LazyLinear(2).weight.ndim,
          lambda: nn.LazyLinear(2).weight.sum(), lambda: nn.LazyLinear(2).weight.float(), lambda: nn.LazyLinear(2).weight.size(),
          lambda: nn.LazyLinear(2).weight.tolist(), lambda: nn.UninitializedBuffer().numel(), lambda: nn.LazyLinear(2).weight.share_memory_(),
          lambda: nn.init.zeros_(nn.LazyLinear(2).weight), lambda: nn.LazyLinear(2).weight.requires_grad,
          lambda: sum(p.numel() for p in nn.Sequential(nn.Linear(2, 2), nn.LazyLinear(3)).parameters())]:
    try:
        r = f()
        print("ok", r if not isinstance(r, (nn.Module, torch.Tensor)) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
m = nn.LazyLinear(2)
m(torch.ones(3, 4))
print(sum(p.numel() for p in m.parameters()), m.weight.requires_grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22b_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

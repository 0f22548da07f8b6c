"""Classes of difference found by the sixteenth round's held-out torch.nn programs (held16b): warnings given inside
torch's own Python code keyed by that location (shown once per process), forward hooks with always_call when the
call raises, a container's item dunders, interpolate's antialias, binary_cross_entropy_with_logits' broadcasts,
F's C functions as builtin values, reduction='elementwise_mean', nn.Unflatten's checks, Conv's padding amounts,
SyncBatchNorm and skip_init, PackedSequence's arguments.
One program each, run in torch and in the language: printed text, the error line and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "lang"))
sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
sys.path.insert(0, str(Path(__file__).parent))
from test_torch_programs import assert_prints_as_torch  # noqa: E402
from nn_harness import script_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
# PyTorch's _call_impl: the forward hooks registered with always_call=True that have not run yet run when the call
# raises (with the args the pre-hooks left and result None); a failing one becomes a warning, then the error
"always_call_forward_hooks_run_when_the_call_raises": """
import torch.nn as nn
class Boom(nn.Module):
    def forward(self, x, scale=1):
        if x.sum() > 0:
            raise ValueError("positive input")
        return x
m = Boom()
def bad(mod, inp, out):
    raise RuntimeError("hook failed " + str(out))
m.register_forward_hook(lambda mod, inp, kw, out: print('kw hook', inp, kw, out), always_call=True, with_kwargs=True)
m.register_forward_hook(bad, always_call=True)
m.register_forward_hook(lambda mod, inp, out: print('not always', out))
m.register_forward_pre_hook(lambda mod, inp, kw: ((inp[0] * 2,), {'scale': 3}), with_kwargs=True)
h = nn.modules.module.register_module_forward_hook(lambda mod, inp, out: print('global', type(mod).__name__, out),
                                                   always_call=True)
for x in [torch.ones(1), torch.zeros(1)]:
    try:
        print(m(x))
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
h.remove()
""",
# a forward hook that stores its output through the dict's own method, in a lambda
"container_item_dunders_in_a_hook": """
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
acts = {}
for name, m in net.named_modules():
    if name:
        m.register_forward_hook(lambda mod, inp, out, name=name: acts.__setitem__(name, out.shape))
net(torch.randn(3, 2))
print(acts, acts.__getitem__('2'), acts.__contains__('1'), acts.__len__(), [1, 2].__len__())
""",
# ATen's separable antialiased kernels to the last bit: values and input gradients of bilinear and bicubic, float
# and double, down and up, align_corners, scale factors; a one-column output (every row row 0's); the dtypes refused
"interpolate_antialias_to_the_last_bit": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for mode in ['bilinear', 'bicubic']:
        for shape, size, sf, ac in [((1, 2, 8, 8), (3, 5), None, False), ((2, 1, 13, 11), (4, 3), None, True),
                                    ((1, 3, 6, 6), None, 0.37, False), ((1, 1, 4, 9), None, (2.5, 0.3), False),
                                    ((1, 1, 30, 20), (7, 9), None, False), ((1, 1, 3, 3), (10, 10), None, False),
                                    ((1, 2, 8, 2), (3, 1), None, False)]:
            x = torch.randn(shape, dtype=dt, requires_grad=True)
            y = F.interpolate(x, size=size, scale_factor=sf, mode=mode, align_corners=ac, antialias=True)
            y.backward(torch.randn(y.shape, dtype=dt))
            print(y.grad_fn.name(), y.detach().flatten().tolist(), x.grad.flatten().tolist())
for dt in [torch.float16, torch.int64]:
    try:
        F.interpolate(torch.ones(1, 1, 4, 4, dtype=dt), size=(2, 2), mode='bilinear', antialias=True)
    except NotImplementedError as e:
        print(type(e).__name__, e)
""",
# ATen's (pos_weight - 1).mul(target) and the in-place mul_ of log_sigmoid and of the loss by weight
"bce_with_logits_weight_broadcasts": """
torch.manual_seed(0)
x, t = torch.randn(3, 4), torch.rand(3, 4)
F = torch.nn.functional
for kw in [dict(pos_weight=torch.ones(3)), dict(pos_weight=torch.ones(2, 3, 4)), dict(pos_weight=torch.ones(4)),
           dict(weight=torch.ones(3)), dict(weight=torch.ones(2, 3, 4)), dict(weight=torch.ones(3, 1))]:
    try:
        print(F.binary_cross_entropy_with_logits(x, t, **kw))
    except RuntimeError as e:
        print(type(e).__name__, e)
""",
# F's names that are C functions in PyTorch, read as values
"functional_c_functions_are_builtins": """
F = torch.nn.functional
print(F.gelu, F.logsigmoid, F.linear, F.softplus, type(F.avg_pool2d).__name__, F.relu.__name__)
print(type(F.conv2d).__name__, repr(F.conv1d).split(' at ')[0], F.gelu.__name__)
acts = {'gelu': F.gelu}
print(acts['gelu'] is F.gelu, acts['gelu'](torch.tensor([1.0])))
""",
"unflatten_requires_a_tuple_of_ints": """
import torch.nn as nn
for args in [(1, (2, 'a')), (1, 4), (1, torch.Size([2, 2])), (1, [2.0, 2]), (1, (True, 2)), (1, {2: 2})]:
    try:
        print(nn.Unflatten(*args))
    except TypeError as e:
        print(type(e).__name__, e)
""",
# without torch.distributed, SyncBatchNorm is _BatchNorm's F.batch_norm with its own checks; skip_init draws
# nothing from the generator
"sync_batch_norm_and_skip_init": """
import torch.nn as nn
torch.manual_seed(0)
s = nn.SyncBatchNorm(4)
print(s, s.process_group)
for mode in ['train', 'eval']:
    getattr(s, mode)()
    print(s(torch.randn(2, 4)).shape, s(torch.randn(2, 4, 3)).shape, s.num_batches_tracked, s.running_mean)
for x in [torch.randn(4), torch.randn(2, 0, 3)]:
    try:
        s(x)
    except ValueError as e:
        print(type(e).__name__, e)
bn = nn.BatchNorm1d(3)
net = nn.Sequential(bn, nn.Linear(3, 3), nn.Sequential(nn.BatchNorm2d(2, affine=False)))
m = nn.SyncBatchNorm.convert_sync_batchnorm(net)
print(m, m[0].weight is bn.weight, m[0].running_mean is bn.running_mean, m is net)
lin = nn.utils.skip_init(nn.Linear, 2, 3, bias=False, dtype=torch.float64)
print(type(lin).__name__, lin.weight.shape, lin.weight.dtype, torch.rand(2))
try:
    nn.utils.skip_init(nn.ReLU)
except RuntimeError as e:
    print(type(e).__name__, e)
""",
# _packed_sequence_init_args: batch_sizes' device read (a list has none), the (data, batch_sizes) pair asserted
"packed_sequence_built_by_hand": """
from torch.nn.utils.rnn import PackedSequence
for args in [(torch.arange(5.), [2, 2, 1]), (torch.arange(5.),), ((torch.arange(3.), torch.tensor([2, 1])),),
             (torch.arange(3.), torch.tensor([2, 1]), torch.tensor([1, 0]))]:
    try:
        print(PackedSequence(*args))
    except (AttributeError, AssertionError) as e:
        print(type(e).__name__, e)
""",
"conv_padding_amounts_are_readable": """
import torch.nn as nn
for c in [nn.Conv2d(1, 1, (2, 4), padding='same', padding_mode='circular'), nn.Conv1d(1, 1, 3, padding=2),
          nn.Conv3d(1, 1, 3, padding='valid'), nn.ConvTranspose2d(1, 1, 3, padding=(1, 2))]:
    print(c._reversed_padding_repeated_twice)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held16b_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])


# Programs whose warnings name torch's files and lines: run as scripts, under python and `tensorsh run`, so each
# warning is shown as Python's default filter shows it (once per location: the harness above keys torch's own
# locations by message alone)
SCRIPTS = {
# a warning whose location is torch's file (a built-in module's forward, RNN's constructor, the legacy size_average
# and the deprecated weight_norm) is shown once however many program lines reach it; F called directly warns at
# each line, and a program's own module (its forward is program code) at its own line
"warnings_inside_torch_code_show_once_per_process": """
import torch
import torch.nn as nn
F = torch.nn.functional
torch.manual_seed(0)
a = nn.RNN(3, 4, dropout=0.5)
b = nn.RNN(3, 4, dropout=0.5)
c = nn.GRU(3, 4, dropout=0.5)
inp = F.log_softmax(torch.randn(3, 5), dim=1)
print(nn.KLDivLoss()(inp, inp.exp()))
print(nn.KLDivLoss()(inp, inp.exp()))
print(F.kl_div(inp, inp.exp()))
print(F.kl_div(inp, inp.exp()))
for i in range(2):
    nn.MSELoss()(torch.ones(2, 1), torch.zeros(2))
print(nn.L1Loss()(torch.ones(2, 1), torch.zeros(2)))
print(nn.Softmax()(torch.ones(2)), nn.Softmax()(torch.ones(3)))
class Mine(nn.Module):
    def forward(self, x):
        return F.softmax(x)
print(Mine()(torch.ones(2)), Mine()(torch.ones(2)))
nn.MSELoss(size_average=False)
nn.L1Loss(size_average=False)
F.mse_loss(torch.ones(2), torch.ones(2), size_average=False)
l1 = nn.utils.weight_norm(nn.Linear(2, 2))
l2 = nn.utils.weight_norm(nn.Linear(2, 2))
""",
# _Reduction.get_enum's old name: 'mean', warning at each loss function's own line; the ones that compare
# strings refuse it
"reduction_elementwise_mean_is_mean_with_a_warning": """
import torch
import torch.nn as nn
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(3, 4)
p = torch.rand(3, 4)
t = torch.tensor([0, 1, 3])
r = 'elementwise_mean'
for f in [lambda: F.mse_loss(x, p, reduction=r), lambda: F.nll_loss(x, t, reduction=r),
          lambda: F.cross_entropy(x, t, reduction=r), lambda: F.kl_div(x, p, reduction=r),
          lambda: F.multilabel_soft_margin_loss(x, p, reduction=r), lambda: F.hinge_embedding_loss(x, p, reduction=r),
          lambda: F.poisson_nll_loss(x, p, reduction=r), lambda: nn.MSELoss(reduction=r)(x, p),
          lambda: F.smooth_l1_loss(x, p, reduction=r, beta=0.0), lambda: F.smooth_l1_loss(x, p, reduction=r)]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_held16b_script_prints_as_torch(name, tmp_path, monkeypatch):
    script_prints_as_torch(SCRIPTS[name], tmp_path, monkeypatch)

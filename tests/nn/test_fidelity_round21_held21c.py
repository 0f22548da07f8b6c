"""Classes of difference found by the twenty-first round's held-out training programs (held21c), one program each,
run as files under python and `tensorsh run` (scripts/compare_programs.py's outcome: stdout with addresses
masked, the error lines, the warnings as Python's filters show them, once per location)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import script_prints_as_torch, tensorsh_stderr  # noqa: E402

pytest.importorskip("torch")

SCRIPTS = {
# an F C-function the engine keeps (the layer's activation for 'gelu') reads as the builtin F gives
"transformer_layer_activation_is_fs_builtin": """
import torch
import torch.nn as nn
F = torch.nn.functional
layer = nn.TransformerEncoderLayer(4, 2, 8, activation='gelu')
print(layer.activation, layer.activation is F.gelu, getattr(layer, 'activation') == F.gelu)
print(nn.TransformerDecoderLayer(4, 2, 8, activation='gelu').activation)
print(nn.TransformerEncoderLayer(4, 2, 8).activation)
""",
# a class's own methods (classmethod, staticmethod) read from an instance, as Python reads them
"class_methods_read_from_instances": """
import torch
import torch.nn as nn
e = nn.Embedding(2, 2)
print(e.from_pretrained(torch.ones(3, 2)), nn.EmbeddingBag(2, 2).from_pretrained(torch.ones(2, 2), mode='max'))
m = nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8,
                   batch_first=True)
print(m.generate_square_subsequent_mask(3))
""",
# Python's argument errors name the class whose __init__ PyTorch defines (Conv2d, ReLU, Softmax, ZeroPad2d,
# LambdaLR, ...), each layer's forward and each optimizer's step (AdamW's is Adam's), not a base tensorsh shares
# it from; Conv2d takes no output_padding; MultiheadAttention's masks go through torch.is_floating_point's parser
"constructor_errors_name_the_class": """
import torch
import torch.nn as nn
calls = [lambda: nn.Conv2d(1, 1, 3, output_padding=1), lambda: nn.Conv1d(1, 1, 2, 1, 0, 1, 1, True, 'zeros', None, None, 0),
         lambda: nn.ConvTranspose2d(1, 1), lambda: nn.LazyConv2d(2, 3, output_padding=1), lambda: nn.ReLU(foo=1),
         lambda: nn.Softmax(1, 2), lambda: nn.ZeroPad2d(), lambda: nn.ReflectionPad1d(1, 2), lambda: nn.BatchNorm1d(),
         lambda: nn.ConstantPad1d(1), lambda: nn.MaxUnpool2d(), lambda: nn.ELU(foo=1), lambda: nn.AvgPool3d(),
         lambda: torch.optim.lr_scheduler.LambdaLR(torch.optim.SGD([nn.Parameter(torch.ones(1))], lr=0.1)),
         lambda: vars(nn.ConvTranspose1d(1, 1, 2, output_padding=1)).keys(),
         lambda: torch.optim.Adam([nn.Parameter(torch.ones(1))]).step(1, 2),
         lambda: torch.optim.AdamW([nn.Parameter(torch.ones(1))]).step(1, 2), lambda: nn.Conv2d(1, 1, 1)(),
         lambda: nn.Dropout().forward(1, 2), lambda: nn.Softmax(1)(bogus=1), lambda: nn.MaxUnpool2d(2)(),
         lambda: nn.MultiheadAttention(2, 1)(torch.ones(3, 1, 2), torch.ones(3, 1, 2), torch.ones(3, 1, 2), [[0, 1, 0]])]
for f in calls:
    try:
        print(f())
    except TypeError as e:
        print(e)
""",
# torch.optim.Muon: checks, 2-D parameters only, nesterov momentum, the bfloat16 Newton-Schulz step, decoupled
# weight decay, the lr adjusted to the matrix's shape
"muon_optimizer": """
import torch
import torch.nn as nn
torch.manual_seed(0)
W = nn.Parameter(torch.randn(6, 3, dtype=torch.float64))
V = nn.Parameter(torch.randn(2, 5))
opt = torch.optim.Muon([{"params": [W], "adjust_lr_fn": "match_rms_adamw"},
                        {"params": [V], "nesterov": False, "weight_decay": 0.0}], lr=0.1)
print(opt)
for i in range(3):
    opt.zero_grad()
    loss = (W ** 2).sum() + V.sin().sum()
    loss.backward()
    opt.step()
    print(i, loss.item())
print(W, V, opt.state[V]['momentum_buffer'])
for bad in [dict(lr=-1.0), dict(momentum=-0.5), dict(weight_decay=-1), dict(adjust_lr_fn="foo")]:
    try:
        torch.optim.Muon([W], **bad)
    except ValueError as e:
        print(e)
try:
    torch.optim.Muon(nn.Linear(2, 2).parameters())
except ValueError as e:
    print(e)
""",
# F.linear_cross_entropy and nn.LinearCrossEntropyLoss (PyTorch 2.13): the reference path, K-dimensional weights,
# probability targets, their checks
"linear_cross_entropy": """
import torch
import torch.nn as nn
F = torch.nn.functional
torch.manual_seed(283)
x = torch.randn(4, 3, requires_grad=True)
W = torch.randn(5, 3, requires_grad=True)
t = torch.tensor([0, 4, 2, -100])
l = F.linear_cross_entropy(x, W, t, linear_bias=torch.randn(5), label_smoothing=0.1)
l.backward()
print(l, W.grad)
loss = nn.LinearCrossEntropyLoss(5, 10, out_features=(4, 3), bias=True)
print(loss)
inp = torch.randn(2, 5)
print(loss(inp, torch.randint(0, 10, (2, 4, 3))), loss(inp, torch.randn(2, 10, 4, 3).softmax(dim=1)))
for args, kw in [((x.unsqueeze(0), W, t), {}), ((x, W[:, :2], t), {}), ((x, W, t), {"linear_bias": torch.ones(3)}),
                 ((x, W, torch.rand(4, 5)), {"ignore_index": 1}), ((torch.randn(5), torch.randn(4, 2, 5), t[0]), {})]:
    try:
        F.linear_cross_entropy(*args, **kw)
    except RuntimeError as e:
        print(e)
try:
    nn.LinearCrossEntropyLoss(3, 4, weight=torch.ones(3))
except RuntimeError as e:
    print(e)
""",
# F.ctc_loss goes through torch.ctc_loss's parser: lengths both tensors or both int lists
"ctc_loss_lengths_parsed_as_torchs": """
import torch
F = torch.nn.functional
torch.manual_seed(0)
lp = torch.randn(5, 2, 4).log_softmax(2)
t = torch.tensor([[1, 2], [3, 3]])
for lengths in [([5, 5], [2, 2]), (torch.tensor([5, 5]), [2, 2]), (5, 2), ((5, 5), torch.tensor([2, 2]))]:
    try:
        print(F.ctc_loss(lp, t, *lengths))
    except TypeError as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_held21c_script_prints_as_torch(name, tmp_path, monkeypatch):
    script_prints_as_torch(SCRIPTS[name], tmp_path, monkeypatch)


def test_linear_cross_entropy_options_are_refused_with_a_note(tmp_path):
    """The chunked path of linear_cross_entropy (nn.LinearCrossEntropyOptions) is not provided: the AttributeError
    says so in a note."""
    stderr = tensorsh_stderr("import torch\nimport torch.nn as nn\no = nn.LinearCrossEntropyOptions()\n", tmp_path)
    assert "note: tensorsh does not provide torch.nn.LinearCrossEntropyOptions" in stderr
    assert "AttributeError: module 'torch.nn' has no attribute 'LinearCrossEntropyOptions'" in stderr

"""Classes of difference found by the seventeenth round's held-out training programs (held17b), one program each,
run in torch and in the language: printed text, the error line and the warnings the same. SCRIPTS run as files
under python and `tensorsh run` (their warnings' count depends on the location Python's filter keys them by)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from same_as_torch import same_as_torch  # noqa: E402
from nn_harness import script_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
# a layer's constructor makes its parameters and buffers with torch.empty/zeros/ones(size, **factory_kwargs): a size
# that is not ints fails in torch's argument parser (the first element's type, a later one's unpacking, a lone float)
"layer_sizes_that_are_not_ints_fail_in_torch_empty": """
import torch.nn as nn
for f in [lambda: nn.Linear(2.5, 3), lambda: nn.Linear(3, 2.5), lambda: nn.Linear('3', 2), lambda: nn.Linear(3, None),
          lambda: nn.Embedding(10, 2.5), lambda: nn.BatchNorm1d(2.5), lambda: nn.BatchNorm1d(2.0, affine=False),
          lambda: nn.PReLU(2.5), lambda: nn.Bilinear(2, 3.0, 4), lambda: nn.Conv1d(2, 3, 2.5), lambda: nn.RNNCell(2.5, 3),
          lambda: nn.GRUCell(2, 3.0), lambda: nn.EmbeddingBag(5, 2.0), lambda: nn.MultiheadAttention(4.0, 2),
          lambda: nn.InstanceNorm1d(3.0, affine=True), lambda: nn.Linear(-1, 3), lambda: nn.GroupNorm(2, 4.0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}

# MKL's float32 gemv on Intel CPUs for the rows after the last block of four (and all rows under four): the first
# product plus the others fused into 16 lanes, halved; rows of two elements take it too (nn.Linear(2, 1) of 3 rows,
# a GRU's hidden projection of one sample)
INTEL_GEMV_LEFTOVER_ROWS = """
torch.manual_seed(3)
for k in [2, 3, 5, 16, 17, 32]:
    for m in [2, 3, 5, 7, 10]:  # (one row times one column: a dot product, not modelled)
        x = torch.randn(m, k); w = torch.randn(1, k); bias = torch.randn(1)
        print(k, m, (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist(), x.mv(w[0]).tolist())
        x = torch.randn(k); w = torch.randn(m, k); bias = torch.randn(m)
        print((x @ w.t()).tolist(), torch.nn.functional.linear(x[None], w, bias).tolist())
gru = torch.nn.GRU(2, 3)
out, h = gru(torch.randn(4, 1, 2))
out.pow(2).mean().backward()
print(out.tolist(), gru.weight_hh_l0.grad.tolist())
"""

SCRIPTS = {
# vars(module) / module.__dict__ is PyTorch's: training, _parameters, the hooks' dicts in its order, the module's own
# attributes (the undo journal's birth mark kept beside it); writable, copied and pickled with the module
"vars_of_a_module_is_pytorchs_dict": """
import torch
import torch.nn as nn
import copy, io
torch.manual_seed(0)
m = nn.Linear(2, 2)
print(vars(m))
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.k = 3
        self.fc = nn.Linear(1, 1)
n = Net()
print(sorted(k for k in vars(n) if not k.startswith('_')), vars(n)['_modules'])
n.__dict__['z'] = 5
c = copy.deepcopy(n)
print(n.z, vars(c).keys() == vars(n).keys(), c.fc.weight is n.fc.weight, c.z, copy.copy(m).__dict__.keys())
buf = io.BytesIO()
torch.save(n, buf); buf.seek(0)
n2 = torch.load(buf, weights_only=False)
print(type(n2).__name__, n2.k, n2.fc.weight, vars(nn.BatchNorm1d(2)), vars(nn.Sequential(nn.ReLU())))
m.register_forward_hook(lambda mod, i, kw, o: None, with_kwargs=True, always_call=True)
m.register_full_backward_hook(lambda mod, gi, go: None)
print(m._is_full_backward_hook, m._forward_hooks_with_kwargs, m._forward_hooks_always_called, m._state_dict_hooks)
""",
# a class standing where PyTorch's does (and its instances) shows torch's __module__, Python's own classes theirs;
# load_state_dict's IncompatibleKeys is a namedtuple with its underscored API
"torch_classes_module_names_and_incompatible_keys_namedtuple_api": """
import torch
import torch.nn as nn
m = nn.Linear(2, 2)
r = m.load_state_dict({'weight': torch.zeros(2, 2)}, strict=False)
print(r._fields, r._asdict(), r._replace(missing_keys=[]), r._field_defaults, hasattr(r, '_fields'))
print(type(r).__name__, type(r).__module__, type(r)._make([[1], [2]]))
print(nn.Linear.__module__, type(m).__module__, m.__module__, torch.Tensor.__module__, torch.FloatTensor.__module__)
print(type(torch.optim.SGD(m.parameters(), lr=0.1)).__module__, type(m.state_dict()).__module__, int.__module__)
print(nn.BatchNorm1d.__module__, nn.GRU.__module__, torch.optim.lr_scheduler.StepLR.__module__, torch.Size.__module__)
""",
# THPVariable_float_scalar (and complex's) warn of requires_grad before the element count is checked; int() does not
"scalar_conversion_warns_before_its_element_check": """
import torch
x = torch.ones(2, requires_grad=True)
for f in [lambda: int(x), lambda: complex(x), lambda: float(x)]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)
""",
# init.kaiming_*_'s zero-element warning has stacklevel=2: inside a built-in layer's reset_parameters that is torch's
# line (shown once per process), from the program its own line
"zero_element_init_warning_is_at_the_callers_line": """
import torch
import torch.nn as nn
for i in range(2):
    print(nn.Linear(0, 3).weight.shape, nn.Conv1d(0, 2, 3).weight.shape, nn.Linear(3, 0).bias)
    nn.init.kaiming_uniform_(torch.empty(0, 3))
    nn.init.kaiming_normal_(torch.empty(3, 0))
class Mine(nn.Linear):
    def reset_parameters(self):
        nn.init.kaiming_normal_(self.weight)
Mine(0, 2); Mine(0, 2)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held17b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_intel_gemv_rows_after_the_last_block_of_four():
    from tensorsh.engine import kernels
    if not kernels.MKL_ON_INTEL:
        pytest.skip("MKL runs its AVX-512 gemv only on Intel CPUs")
    same_as_torch(INTEL_GEMV_LEFTOVER_ROWS)


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_held17b_script_prints_as_torch(name, tmp_path, monkeypatch):
    script_prints_as_torch(SCRIPTS[name], tmp_path, monkeypatch)

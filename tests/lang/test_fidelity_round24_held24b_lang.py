"""Classes of difference found by the twenty-fourth round's held-out programs on torch.nn modules (held24b, issue 16)
that only a program shows: dir() of a module. Run in torch and in the language: printed text, the error line and
warnings the same."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
# dir(module) lists what Module.__dir__ lists: a container's children '0', '1' (not identifiers) are left out
"dir_of_a_module_leaves_out_its_numbered_children": """
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
d = dir(m)
print('0' in d, '1' in d, 'forward' in d, 'training' in d, '_modules' in d, d == sorted(d))
print([k for k in dir(nn.ModuleList([nn.ReLU(), nn.Tanh()])) if k[0].isdigit()], '0' in dir(nn.ParameterList([torch.ones(1)])))
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(1, 1)
        self.blocks = nn.Sequential(nn.ReLU())
        self.alpha = 3
        self.register_buffer('buf', torch.zeros(1))
    def custom(self):
        return 1
d = dir(M())
print([n in d for n in ['layer1', 'blocks', 'alpha', 'buf', 'custom', '0']], 'weight' in dir(nn.Linear(1, 1)))
print(sorted(n for n in dir(M().blocks) if n in ('0', 'append', 'forward', 'training')))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24b_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

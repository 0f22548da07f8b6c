"""Classes of difference found by the thirtieth round's held-out programs on the Python around tensors (held30a,
issue 16) that show in the language only: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"an_attribute_error_out_of_a_property_getter_makes_python_call_the_classs_getattr": """
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(1, 1)
    @property
    def device(self):
        return self.weight.device
    @property
    def dtype(self):
        return self.lin.wieght.dtype
    @property
    def n(self):
        return sum(p.numel() for p in self.parameters())
class Cfg:
    def __getattr__(self, name):
        return "default " + name
    @property
    def lr(self):
        return self.opt.lr
class Plain:
    @property
    def p(self):
        return torch.ones(2).nonexist
m = M()
print(m.n, hasattr(m, "device"), getattr(m, "device", "cpu?"), Cfg().lr)
print(hasattr(Plain(), "p"), getattr(Plain(), "p", None))
for f in [lambda: m.device, lambda: m.dtype, lambda: Plain().p]:
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e, e.name)
""",
"format_is_read_as_a_method_of_any_object_as_repr_and_str_are": """
x = torch.tensor(2.5)
print(x.__format__(".2f"), torch.Size([2, 3]).__format__(""), (3).__format__(">4"), torch.float32.__format__(""))
for o in [torch.Size([2]), torch.device("cpu"), [x], None, torch.nn.Linear(1, 1)]:
    try:
        print(o.__format__(">10"))
    except TypeError as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirty-second round's held-out programs on torch.nn modules (held32b,
issue 16) that show in the language only: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_base_classs_init_called_by_name_and_a_module_reinitialised": """
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self, n=2):
        nn.Module.__init__(self)
        self.fc = nn.Linear(n, 1)
class Wide(nn.Linear):
    def __init__(self):
        nn.Linear.__init__(self, 2, 3)
class Seq(nn.Sequential):
    def __init__(self):
        nn.Sequential.__init__(self, nn.Linear(1, 2), nn.ReLU())
class A:
    def __init__(self, v):
        self.v = v
class B(A):
    def __init__(self):
        A.__init__(self, 3)
class D(dict):
    def __init__(self):
        dict.__init__(self, a=1)
class MyOpt(torch.optim.Optimizer):
    def __init__(self, params, lr=0.1):
        torch.optim.Optimizer.__init__(self, params, dict(lr=lr))
class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)
        nn.Module.__init__(self)
print(Net(), Wide(), Seq(), B().v, D())
print(MyOpt([torch.ones(1, requires_grad=True)]))
net = Net()
net.__init__(5)
print(net, hasattr(net, '__init__'), callable(net.fc.__init__))
m = nn.Linear(2, 3)
torch.manual_seed(0)
m.__init__(4, 2)
print(m, m.weight)
for f in [Early, lambda: nn.Linear.__init__(m, 2), lambda: nn.ReLU.__init__(m, 1, 2, 3)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_star_argument_that_is_no_iterable_is_a_typeerror_named_as_cpythons_call_or_list_extend_names_it": """
import torch
def check(name, mod, *shape, dtype=torch.float32):
    return shape
def f(*a, **k):
    return a
for g in [lambda: check('lin', None, *None, dtype=torch.float64), lambda: print(*None), lambda: print(*None, sep=''),
          lambda: f(1, *None), lambda: f(*None, 2), lambda: f(*[1], *3), lambda: f(max(*None)), lambda: f([*None]),
          lambda: print(*torch.float32), lambda: (1, *None)]:
    try:
        g()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    f(1, *None, x=2)
except Exception as e:
    print(type(e).__name__, isinstance(e, TypeError), type(e) is TypeError, e)
""",
"super_of_the_class_alone_then_init_leaves_the_module_uninitialised": """
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super(Net).__init__()
        self.fc = nn.Linear(2, 2)
class Plain:
    def __init__(self):
        super(Plain).__init__()
        self.v = 1
print(Plain().v, super(Net))
try:
    Net()
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

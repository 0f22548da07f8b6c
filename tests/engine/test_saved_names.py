"""grad_fn._saved_<name> reads what each node declares it saved (saved_names / saved_values beside its code), as
torch names and gives them: the same values, None where a value was not saved."""
import pytest

from same_as_torch import same_as_torch

PROGRAM = """
def show(node, *names):
    print(node.name(), *[getattr(node, "_saved_" + n) for n in names])
a = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, 4.0, -1.0], requires_grad=True)
c = torch.tensor([2.0, 1.0, 0.5])
show((a * b).grad_fn, "self", "other")
show((a * c).grad_fn, "self", "other")
show((a / b).grad_fn, "self", "other")
show((a ** 2).grad_fn, "self", "exponent")
show((a ** b).grad_fn, "self", "exponent", "result")
show((2 ** a).grad_fn, "result")
show(a.reshape(1, 3).mm(b.reshape(3, 1)).grad_fn, "self", "mat2")
show(a.reshape(1, 3).mv(b).grad_fn, "self", "vec")
show(a.clamp(-1, 2).grad_fn, "self", "min", "max")
show(a.clamp(max=2).grad_fn, "self", "min", "max")
show(a.softmax(0).grad_fn, "result", "dim")
show(a.log_softmax(0).grad_fn, "result", "dim")
show(a.sum().grad_fn, "self_sym_sizes")
show(a.mean().grad_fn, "self_sym_sizes", "self_sym_numel")
show(a.add(b, alpha=2).grad_fn, "alpha")
show(a.sub(b, alpha=3).grad_fn, "alpha")
show(a.exp().grad_fn, "result")
show(a.sin().grad_fn, "self")
for node, name in (((a + b).grad_fn, "_saved_self"), (a.sum().grad_fn, "_saved_self")):
    try:
        getattr(node, name)
    except AttributeError as e:
        print("AttributeError", node.name(), name)
"""


def test_saved_names_as_torch():
    pytest.importorskip("torch")
    same_as_torch(PROGRAM)

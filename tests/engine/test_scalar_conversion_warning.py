"""PyTorch warns once when a tensor that requires grad is read as a Python float (float(t), '%f' % t,
torch.tensor([t])) — but only with grad mode on: under no_grad (an optimizer's step, LBFGS's float(closure()))
it stays silent, and the once-only warning is still to come."""
import pytest

from same_as_torch import same_as_torch


@pytest.mark.parametrize("read", ["float(a)", "'%f' % a", "torch.tensor([a, a])", "a.item()", "int(a)"])
def test_scalar_of_grad_tensor_is_silent_under_no_grad(read):
    same_as_torch(f"""
a = torch.ones(1, requires_grad=True).sum()
with torch.no_grad():
    print({read})
""")


@pytest.mark.parametrize("read", ["float(a)", "torch.tensor([a, a])"])
def test_scalar_of_grad_tensor_warns_with_grad_mode_on(read):
    same_as_torch(f"""
a = torch.ones(1, requires_grad=True).sum()
print({read})
""")

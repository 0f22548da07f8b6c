"""Classes of difference found by the twenty-fifth round's held-out programs on storages, views and memory
(held25a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"numpy_of_a_tensor_makes_its_storage_not_resizable": """
import numpy as np
def tryit(name, f):
    try:
        print(name, 'ok', f())
    except Exception as e:
        print(name, type(e).__name__, e)
t = torch.arange(4.)
print(t.untyped_storage().resizable())
n = t[1:].numpy()
print(t.untyped_storage().resizable())
tryit('resize_small', lambda: t.resize_(2).shape)
tryit('resize_big', lambda: t.resize_(5).shape)
tryit('storage_resize', lambda: t.untyped_storage().resize_(8))
tryit('storage_resize_same', lambda: t.untyped_storage().resize_(16))
tryit('detach_resize', lambda: t.detach().resize_(10))
tryit('resize_as', lambda: t.resize_as_(torch.zeros(7)).shape)
tryit('set_storage_grow', lambda: torch.empty(0).set_(t.untyped_storage(), 0, (8,)).shape)
t.set_(torch.zeros(2))
tryit('after_set', lambda: t.resize_(10).shape)
u = torch.arange(3.)
a = np.asarray(u)
print(u.untyped_storage().resizable())
x = torch.arange(3., requires_grad=True)
x.numpy(force=True)
print(x.untyped_storage().resizable())
z = torch.tensor([1+1j]).conj()
z.numpy(force=True)
print(z.untyped_storage().resizable())
c = torch.arange(3.)
cl = c.untyped_storage().clone()
c.numpy()
print(cl.resizable(), c.clone().untyped_storage().resizable())
s = torch.tensor(2.)
s.numpy()
tryit('0d', lambda: s.resize_(2))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

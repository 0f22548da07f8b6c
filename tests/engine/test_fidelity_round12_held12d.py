"""Classes of difference found by the twelfth round's held-out programs about storages, views and memory
(issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"as_strided_in_place_takes_as_strideds_geometry_and_records_asstridedbackward1": """
x = torch.arange(6.)
y = x.as_strided_((2, 2), (1, 2), 1)
print(y is x, x, x._version, x.stride(), x.storage_offset())
x.as_strided_((3,), (2,))
print(x, x._version, x.storage_offset(), x.untyped_storage().nbytes())
a = torch.arange(6., requires_grad=True)
b = a * 2
b.as_strided_((2, 2), (2, 1))
print(b, b.grad_fn.name(), b._version)
b.sum().backward()
print(a.grad)
v = (a * 1)[1:]
v.as_strided_((2,), (2,))
print(v, v.grad_fn.name(), v._base.grad_fn.name(), v._version, v._is_view())
for args in [((2, 2), (1,)), ((10,), (1,)), ((2,), (-1,)), ((-1,), (1,)), ((2,), (1,), -1), ((2, 2), (1, 1), 5),
             ((-2,), (0,)), ((3, 0), (1, 1), 100)]:
    for f in (lambda: torch.arange(6.).as_strided(*args), lambda: torch.arange(6.).as_strided_(*args)):
        try:
            r = f()
            print(r.shape, r.stride(), r.storage_offset())
        except Exception as e:
            print(type(e).__name__, e)
try:
    a.as_strided_((2,), (1,))
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    a.as_strided_((2,), (1,))
print(a, a._version, a.grad_fn)
z = torch.arange(6.)
torch.as_strided_(z, (2,), (3,))
print(z, z._version)
w = torch.arange(4.)
e = w.expand(2, 4)
print(e.as_strided_((4,), (1,)).is_contiguous(), e._version, w._version)
w.as_strided_(size=[2], stride=[1], storage_offset=2)
print(w, w.storage_offset())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

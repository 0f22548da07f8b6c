"""Classes of difference found by the thirty-first round's held-out programs on storages, views and in-place ops
(held31a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_storage_that_grows_or_is_resized_is_reallocated_so_its_data_ptr_moves": """
a = torch.arange(4.)
b = a[:2]
p = a.data_ptr()
a.resize_(2)
print('shrink keeps', a.data_ptr() == p)
a.resize_(4)
print('back within keeps', a.data_ptr() == p)
a.resize_(100)
print('grow moves', a.data_ptr() == p, 'view follows', b.data_ptr() == a.data_ptr())
q = a.data_ptr()
a.untyped_storage().resize_(400)
print('storage resize_ same size moves', a.data_ptr() == q)
c = torch.zeros(3)
e = torch.empty(0)
e.set_(c.untyped_storage(), 0, (5,))
print('set_ growing moves', e.data_ptr() == c.data_ptr(), e.untyped_storage().data_ptr() == c.untyped_storage().data_ptr())
f = torch.zeros(2)
pf = f.data_ptr()
f.resize_as_(torch.zeros(3, 3))
print('resize_as_ grows', f.data_ptr() == pf)
g = torch.zeros(2)
pg = g.data_ptr()
torch.add(torch.ones(5), 1, out=torch.empty(0))
g.resize_(0)
torch.add(torch.ones(5), 1, out=g)
print('out= grows', g.data_ptr() == pg)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

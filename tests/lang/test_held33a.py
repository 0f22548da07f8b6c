"""Classes of difference found by the thirty-third round's held-out programs on storages, views and memory sharing
(held33a, issue 16) that show in the language only (a program's numpy is the language's): one differential program
each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"an_arrays_ctypes_data_is_the_address_data_ptr_gives_its_memory": """
import numpy as np
a = np.arange(6, dtype=np.float32)
p = a.ctypes.data
t = torch.from_numpy(a[2:])
print(t.data_ptr() == p + 8, a.ctypes.data == p, type(p))
print(torch.from_numpy(a).data_ptr() == a.ctypes.data, torch.as_tensor(a[::2]).data_ptr() == p)
print(torch.tensor(a).data_ptr() == p, a.copy().ctypes.data == p)
u = torch.arange(4.)
n = u.numpy()
print(n.ctypes.data == u.data_ptr(), n[1:].ctypes.data - u.data_ptr(), np.asarray(t).ctypes.data == t.data_ptr())
r = np.ones((2, 3))
r.flags.writeable = False
q = r.ctypes.data
print(torch.from_numpy(r[1]).data_ptr() - q, torch.from_numpy(r.T).data_ptr() == q)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

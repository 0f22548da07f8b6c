"""set_() moves a tensor onto another storage (a tensor's, an untyped storage at an offset/size/stride, or none):
values, sharing, versions, views, autograd's checks and node, dtype errors as torch's; nbytes/itemsize."""
import pytest

from same_as_torch import same_as_torch

MOVES = """
x = torch.arange(6.)
w = torch.empty(0)
r = w.set_(x)
print(r is w, w._version, w, w.is_set_to(x), x.is_set_to(w), w._base)
w2 = torch.empty(3)
w2.set_(x.untyped_storage())
print(w2, w2._version)
w3 = torch.empty(3)
w3.set_()
print(w3, w3.shape, w3._version)
w4 = torch.zeros(2)
w4.set_(x.untyped_storage(), 2, (2,))
print(w4, w4.stride())
w5 = torch.zeros(2)
w5.set_(x, 1, (2, 2), (1, 2))
print(w5, w5.is_contiguous())
v = x[1:3]
v.set_(torch.zeros(2))
print(v, v._base is x, x)
a = torch.ones(2, requires_grad=True)
with torch.no_grad():
    a.set_(x)
print(a, a.requires_grad, a._version)
x[0] = 7
print(a, w, w2, w4, w5)
"""

ERRORS = {
    "leaf": "a = torch.ones(2, requires_grad=True)\na.set_(torch.arange(3.))",
    "history": "a = torch.ones(2, requires_grad=True)\nb = a * 2\nb.set_(torch.arange(3.))\n"
               "print(b, b.grad_fn.name())\nb.sum().backward()",
    "dtype": "c = torch.ones(2, dtype=torch.int64)\nc.set_(torch.arange(3.))",
}


def test_set_moves_a_tensor_onto_another_storage_as_torch_does():
    same_as_torch(MOVES)


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_set_refuses_as_torch_does(case):
    same_as_torch(ERRORS[case])


def test_nbytes_and_itemsize_count_the_elements_not_the_storage():
    same_as_torch("""
x = torch.arange(12.).reshape(3, 4)[:, ::2]
print(x.nbytes, x.itemsize, torch.zeros(0).nbytes, x.T.nbytes, torch.ones(2, dtype=torch.float16).itemsize)
print(x.untyped_storage().nbytes(), torch.ones(3, dtype=torch.int16).nbytes)
""")

"""Tensor_split, hsplit, vsplit, dsplit, unsafe_split, unsafe_chunk: each program prints, raises and warns in tensorsh exactly what it does in torch
(values, dtypes, grad_fn names, gradients, messages)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"splitting_ops": """
x = torch.arange(12.).view(3, 4).requires_grad_()
def show(rs):
    print([ (tuple(r.shape), r.stride(), r.storage_offset(), r.grad_fn.name() if r.grad_fn else None, r._is_view()) for r in rs])
show(x.tensor_split(3)); show(x.tensor_split(3, dim=1)); show(x.tensor_split([1, 3], 1)); show(torch.tensor_split(x, (1,), 0)); show(x.tensor_split(torch.tensor([1,2])))
show(x.tensor_split(torch.tensor(2), 1))
show(x.hsplit(2)); show(x.vsplit([1])); show(torch.hsplit(x, [1, 2]))
show(x.unsafe_split(2)); show(x.unsafe_chunk(2, 1)); show(torch.unsafe_split(x, 2, 1))
show(x.view(3,4,1).dsplit(1))
show(x.split(2)); show(x.chunk(2))
show(torch.arange(5.).hsplit(5))
for s in ["x.hsplit(3)", "x.tensor_split(0)", "torch.arange(5.).vsplit(1)", "x.dsplit(1)", "x.tensor_split(2, 5)", "x.tensor_split(1.5)", "x.unsafe_split(0)", "torch.tensor(1.).hsplit(1)", "x.tensor_split([2, 1])", "x.tensor_split(torch.tensor([[1]]))", "x.tensor_split(torch.tensor([1.]))"]:
    try: show(eval(s))
    except Exception as e: print(s, type(e).__name__, e)
u = x.unsafe_split(2)[0]
u.mul_(2)
print(u.grad_fn, x._version)
a, b = x.tensor_split(2)
(a.sum() * 2 + b.sum()).backward(); print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

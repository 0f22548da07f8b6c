"""unsqueeze_, squeeze_, t_, transpose_: geometry changed in place, versions, nodes and gradients as PyTorch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"geometry_changes": """
a = torch.ones(2, 3)
a.unsqueeze_(0)
print(a.shape, a.stride(), a._version)
a.squeeze_(0)
print(a.shape, a._version)
a.t_()
print(a.shape, a.stride(), a._version, a.is_contiguous())
a.transpose_(0, 1)
print(a.shape, a._version)
x = torch.ones(2, requires_grad=True)
y = x * 2
y.unsqueeze_(1)
print(y, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
y.squeeze_()
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
b = torch.ones(4)
v = b[1:3]
v.unsqueeze_(0)
print(v.shape, v._base is b, b._version, v._version)
x = torch.ones(2, 1, 3, requires_grad=True)
for f in [lambda y: y.unsqueeze_(0), lambda y: y.squeeze_(), lambda y: y.squeeze_(1), lambda y: y.squeeze_((1,)), lambda y: y.transpose_(0, 2), lambda y: y.swapaxes_(0, 1), lambda y: y.swapdims_(0, 1)]:
    y = x * torch.arange(6.).reshape(2, 1, 3)
    r = f(y)
    print(r is y, y.shape, y.grad_fn.name(), y._version)
    (y * torch.arange(6.).reshape(y.shape)).sum().backward()
    print(x.grad.flatten().tolist())
    x.grad = None
y = (x * 1).squeeze(1)
y.t_()
print(y.shape, y.grad_fn.name())
z = torch.ones(2)
z.unsqueeze_(0)
z.add_(1)
print(z, z._version)
""",
"leaf_refuses": "x = torch.ones(2, requires_grad=True)\nx.unsqueeze_(0)",
"t_of_3d": "torch.ones(2, 2, 2).t_()",
"bad_dim": "torch.ones(2).unsqueeze_(3)",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

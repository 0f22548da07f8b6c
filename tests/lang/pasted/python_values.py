"""A docstring at the top, as pasted scripts have."""
import torch
x = torch.ones(2, requires_grad=True)
print(type(x), type(x.shape), type(1.5), type(x.grad))
print(type(x) == torch.Tensor, isinstance(x, torch.Tensor), torch.is_tensor(x))
vals, idx = torch.tensor([[1., 5.], [7., 2.]]).max(dim=1)
print(vals, idx)
a, b = torch.tensor([1., 2.]), torch.tensor([3., 4.])
print(torch.dot(a, b), torch.mm(a.view(1, 2), b.view(2, 1)), torch.matmul(a, b))
print([t.item() for t in a], sum([1, 2, 3]), len(x), list(range(3)))
print(x.grad is None, x.grad_fn is None, x.is_leaf)
z = x.clone()
del z
print(x.data_ptr() == x.data.data_ptr(), x.storage_offset())

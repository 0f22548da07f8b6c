import torch
import numpy as np
n = np.array([1.0, 2.0])
u = torch.from_numpy(n)
n[0] = 5
print(u)
v = torch.tensor(n)
n[1] = 7
print(v, u)
print(torch.as_tensor(n), torch.as_tensor([1, 2]).dtype)
w = torch.as_tensor(n)
w[0] = -1
print(n, torch.as_tensor(n, dtype=torch.float32))
print(torch.tensor(np.float32(2.5)), torch.tensor(np.int32(3)), torch.tensor(np.array([1, 2], dtype=np.int32)), torch.tensor(np.ones(2), dtype=torch.float32))
print(torch.tensor([np.float64(1.5), 2.0]), torch.tensor(np.float64(1.5)))
print(np.shares_memory(n, u.numpy()), n.dtype, n.shape, n.sum(), n.mean().item())
m = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(m).t()
print(t, t.is_contiguous(), m.T.flags['C_CONTIGUOUS'])
np.random.seed(0)
r = np.random.rand(3).astype(np.float32)
print(torch.from_numpy(r) * 2)
print(type(np.zeros(2)), isinstance(u.numpy(), np.ndarray), np.zeros(2).dtype.name)
try:
    torch.from_numpy(np.zeros(4)[::-1])
except ValueError as e:
    print(e)
try:
    torch.from_numpy([1, 2])
except TypeError as e:
    print(e)
x = torch.ones(3, requires_grad=True)
try:
    x.numpy()
except RuntimeError as e:
    print(e)
print(x.detach().numpy())

import torch
import numpy as np
a = np.zeros(6)
t = torch.from_numpy(a[::2])
print(t, t.stride(), t.untyped_storage().nbytes())
a[2] = 5
print(t)
t.add_(1)
print(a, t._version)
x = torch.ones(2)
y = x.numpy()
y[0] = 7
print(x, type(y), x._version)
y += 1
print(x)

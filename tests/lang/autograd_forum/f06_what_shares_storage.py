import torch
import numpy as np
a = torch.tensor([1., 2., 3., 4.])
b = a[1:3]
print(b.is_set_to(a), a.is_set_to(a), b.untyped_storage().data_ptr() == a.untyped_storage().data_ptr())
def same_storage(x, y):
    return x.untyped_storage().data_ptr() == y.untyped_storage().data_ptr()
views = {
    "slice": a[::2],
    "view": a.view(2, 2),
    "reshape": a.reshape(2, 2),
    "unsqueeze": a.unsqueeze(0),
    "detach": a.detach(),
    "data": a.data,
    "clone": a.clone(),
    "index": a[[0, 1]],
    "mask": a[a > 1],
    "contig": a.view(2, 2).t().contiguous(),
    "float": a.float(),
    "double": a.double(),
    "to_same": a.to(torch.float32),
    "numpy_roundtrip": torch.from_numpy(a.numpy()),
}
for k, v in views.items():
    print(f"{k:16} shares={same_storage(a, v)!s:5} is_view={v._base is a} same_obj={v is a}")
a = torch.tensor([1., 2., 3., 4.])
n = a.numpy()
b = torch.from_numpy(n)
print(b.untyped_storage().data_ptr() == a.untyped_storage().data_ptr(), b.data_ptr() == a.data_ptr())
c = torch.from_numpy(a[1:].numpy())
print(c.data_ptr() - a.data_ptr(), c.untyped_storage().data_ptr() == a.untyped_storage().data_ptr(), c.storage_offset(), len(c.untyped_storage()))
d = torch.as_tensor(n)
print(d.data_ptr() == a.data_ptr())
arr = np.zeros(5)
t1 = torch.from_numpy(arr)
t2 = torch.from_numpy(arr)
t3 = torch.from_numpy(arr[2:])
print(t1.data_ptr() == t2.data_ptr(), t3.data_ptr() - t1.data_ptr(), t1.numpy() is arr)
e = torch.from_numpy(t1.numpy()[::2])
print(e.data_ptr() == t1.data_ptr(), e.stride())
f = torch.tensor(n)
print(f.data_ptr() == a.data_ptr())
g = torch.arange(6.).view(2, 3)
h = torch.from_numpy(g.t().numpy())
print(h.data_ptr() == g.data_ptr(), h.stride(), h.untyped_storage().data_ptr() == g.untyped_storage().data_ptr())

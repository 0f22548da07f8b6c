import torch
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
X = torch.arange(10.).reshape(5, 2)
y = torch.arange(5)
ds = TensorDataset(X, y)
print(len(ds), ds[1])
dl = DataLoader(ds, batch_size=2, shuffle=True)
for xb, yb in dl:
    print(xb, yb)
dl2 = DataLoader(ds, batch_size=2, drop_last=True)
print(len(dl2), [b[1].tolist() for b in dl2])

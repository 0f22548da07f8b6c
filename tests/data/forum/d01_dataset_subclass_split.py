import torch
from torch.utils.data import Dataset, DataLoader, random_split, Subset
class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return {"x": torch.tensor([float(i)]), "y": i * i, "name": f"item{i}"}
torch.manual_seed(1)
ds = Squares(7)
train, val = random_split(ds, [5, 2])
print(len(train), len(val), train.indices, val.indices)
for b in DataLoader(train, batch_size=3, shuffle=True):
    print(b)
print(torch.rand(2))
parts = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(42))
print([list(p) for p in parts])

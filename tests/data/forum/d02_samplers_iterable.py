import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler, IterableDataset
torch.manual_seed(0)
ds = TensorDataset(torch.arange(8.).view(4, 2), torch.tensor([0, 1, 0, 1]))
s = WeightedRandomSampler([0.1, 0.9, 0.1, 0.9], num_samples=6, replacement=True)
print(list(s))
dl = DataLoader(ds, batch_size=3, sampler=s)
print(len(dl))
for x, y in dl:
    print(x, y)
class Count(IterableDataset):
    def __iter__(self):
        return iter(range(5))
print(list(DataLoader(Count(), batch_size=2)))
print(list(DataLoader(ds, batch_size=None))[0])
g = torch.Generator().manual_seed(3)
print([y.tolist() for _, y in DataLoader(ds, batch_size=2, shuffle=True, generator=g)])
print(torch.randn(1))
it = iter(DataLoader(ds, batch_size=4))
print(next(it)[1])
try:
    DataLoader(ds, shuffle=True, sampler=s)
except ValueError as e:
    print(e)

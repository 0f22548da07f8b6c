import torch
from torch.utils.data import DataLoader, TensorDataset, Dataset, ConcatDataset
ds = TensorDataset(torch.arange(6.), torch.arange(6))
both = ds + ds
print(len(both), both[7], both[-1], isinstance(both, ConcatDataset))
print(len(DataLoader(ds, batch_size=4)), len(DataLoader(ds, batch_size=4, drop_last=True)))
for bad in (dict(num_workers=-1), dict(batch_size=None, drop_last=True), dict(timeout=-1)):
    try:
        DataLoader(ds, **bad)
    except ValueError as e:
        print(e)
class NoItems(Dataset):
    def __len__(self):
        return 2
try:
    next(iter(DataLoader(NoItems())))
except NotImplementedError as e:
    print("not implemented:", e)
TensorDataset(torch.zeros(2), torch.zeros(3))

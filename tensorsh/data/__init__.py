"""torch.utils.data as the language sees it: datasets, samplers and the DataLoader, loaded on first use."""
from tensorsh.engine.torch_api import Namespace

from .dataloader import (DataLoader, collate, default_collate, default_collate_fn_map, default_convert,
                         get_worker_info)
from .dataset import (ChainDataset, ConcatDataset, Dataset, IterableDataset, StackDataset, Subset, TensorDataset,
                      random_split)
from .sampler import (BatchSampler, DistributedSampler, RandomSampler, Sampler, SequentialSampler,
                      SubsetRandomSampler, WeightedRandomSampler)

for _cls in (Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, ChainDataset, StackDataset):
    _cls.__module__ = "torch.utils.data.dataset"
for _cls in (Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, WeightedRandomSampler, BatchSampler):
    _cls.__module__ = "torch.utils.data.sampler"

NAMESPACE = {"DataLoader": DataLoader, "Dataset": Dataset, "IterableDataset": IterableDataset,
             "TensorDataset": TensorDataset, "Subset": Subset, "ConcatDataset": ConcatDataset,
             "ChainDataset": ChainDataset, "StackDataset": StackDataset, "random_split": random_split,
             "Sampler": Sampler, "DistributedSampler": DistributedSampler,
             "SequentialSampler": SequentialSampler, "RandomSampler": RandomSampler,
             "SubsetRandomSampler": SubsetRandomSampler, "WeightedRandomSampler": WeightedRandomSampler,
             "BatchSampler": BatchSampler, "default_collate": default_collate, "default_convert": default_convert,
             "get_worker_info": get_worker_info}
DATALOADER = Namespace("torch.utils.data.dataloader", {"default_collate": default_collate,
                                                       "default_convert": default_convert,
                                                       "get_worker_info": get_worker_info, "DataLoader": DataLoader,
                                                       "Dataset": Dataset, "IterableDataset": IterableDataset,
                                                       "Sampler": Sampler, "SequentialSampler": SequentialSampler,
                                                       "RandomSampler": RandomSampler, "BatchSampler": BatchSampler})
DATASET = Namespace("torch.utils.data.dataset", {c.__name__: c for c in (Dataset, IterableDataset, TensorDataset,
                                                                           Subset, ConcatDataset, ChainDataset,
                                                                           StackDataset)}
                    | {"random_split": random_split})
SAMPLER = Namespace("torch.utils.data.sampler", {c.__name__: c for c in (Sampler, SequentialSampler, RandomSampler,
                                                                           SubsetRandomSampler, WeightedRandomSampler,
                                                                           BatchSampler)})
DISTRIBUTED = Namespace("torch.utils.data.distributed", {"DistributedSampler": DistributedSampler})
# the documented way to extend default_collate: torch.utils.data._utils.collate's collate and its map
UTILS = Namespace("torch.utils.data._utils", {"collate": Namespace("torch.utils.data._utils.collate", {
    "collate": collate, "default_collate": default_collate, "default_collate_fn_map": default_collate_fn_map,
    "default_convert": default_convert})})

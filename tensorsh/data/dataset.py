"""torch.utils.data's datasets (torch/utils/data/dataset.py): Dataset, TensorDataset, Subset, ConcatDataset,
StackDataset, IterableDataset, random_split — PyTorch's Python, over the engine's ops."""
import abc
import bisect
import itertools
import math

from tensorsh.engine import serialization, torch_api
from tensorsh.engine.errors import make, warn

T = torch_api.NAMESPACE


class Dataset:
    """A map-style dataset: a program subclasses it with __getitem__ (and __len__)."""
    __module__ = "torch.utils.data.dataset"
    __api__ = frozenset()
    __settable__ = frozenset({"*"})
    __torch_dict__ = True  # (its attributes are PyTorch's, named alike: `vars(ds)`)
    __dunder_api__ = frozenset({"__getitem__", "__getitems__", "__len__", "__iter__", "__add__"})  # (by name, where
    # the class defines them: `ds.__getitem__(0)`, a wrapper's `self.base.__getitems__(idx)`)

    def __getitem__(self, index):
        raise make("NotImplementedError", "Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other):
        return ConcatDataset([self, other])

    def __tsh_attrs__(self):
        return [k for k in vars(self) if k[:1] != "_"]


serialization.PICKLED_BASES.append(Dataset)  # (torch.save(dataset): by its class, its __dict__)


class IterableDataset(Dataset, metaclass=abc.ABCMeta):
    """An iterable-style dataset: a program subclasses it with __iter__ (abstract, as PyTorch's is through
    typing.Iterable: neither it nor a subclass without __iter__ can be made)."""
    __module__ = "torch.utils.data.dataset"

    @abc.abstractmethod
    def __iter__(self):
        raise make("NotImplementedError", "")

    def __add__(self, other):
        return ChainDataset([self, other])


class TensorDataset(Dataset):
    __api__ = frozenset({"tensors"})

    def __init__(self, *tensors):
        if any(tensors[0].size(0) != tensor.size(0) for tensor in tensors):
            raise make("AssertionError", "Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(tensor[index] for tensor in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class Subset(Dataset):
    __api__ = frozenset({"dataset", "indices"})

    def __init__(self, dataset, indices):
        self.dataset, self.indices = dataset, indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __getitems__(self, indices):
        if callable(getattr(self.dataset, "__getitems__", None)):
            return self.dataset.__getitems__([self.indices[idx] for idx in indices])
        return [self.dataset[self.indices[idx]] for idx in indices]

    def __len__(self):
        return len(self.indices)


class ConcatDataset(Dataset):
    __api__ = frozenset({"datasets", "cumulative_sizes", "cumsum", "cummulative_sizes"})
    __class_api__ = frozenset({"cumsum"})

    @staticmethod
    def cumsum(sequence):
        sizes, total = [], 0
        for e in sequence:
            total += len(e)
            sizes.append(total)
        return sizes

    def __init__(self, datasets):
        self.datasets = list(datasets)
        if len(self.datasets) == 0:
            raise make("AssertionError", "datasets should not be an empty iterable")
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise make("AssertionError", "ConcatDataset does not support IterableDataset")
        self.cumulative_sizes = self.cumsum(self.datasets)

    def __len__(self):
        return self.cumulative_sizes[-1]

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise make("ValueError", "absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        i = bisect.bisect_right(self.cumulative_sizes, idx)
        return self.datasets[i][idx if i == 0 else idx - self.cumulative_sizes[i - 1]]

    @property
    def cummulative_sizes(self):
        warn("`cummulative_sizes` attribute is renamed to `cumulative_sizes`", "FutureWarning")
        return self.cumulative_sizes


class StackDataset(Dataset):
    """Datasets stacked side by side: item i is the tuple (or dict) of each one's item i."""
    __api__ = frozenset({"datasets"})

    def __init__(self, *args, **kwargs):
        if args and kwargs:
            raise make("ValueError", "Supported either ``tuple``- (via ``args``) or``dict``- (via ``kwargs``) like "
                                     "input/output, but both types are given.")
        if not (args or kwargs):
            raise make("ValueError", "At least one dataset should be passed")
        parts = args or list(kwargs.values())
        self._length = len(parts[0])
        if any(self._length != len(dataset) for dataset in parts):
            raise make("ValueError", "Size mismatch between datasets")
        self.datasets = args or kwargs

    def __getitem__(self, index):
        if isinstance(self.datasets, dict):
            return {k: dataset[index] for k, dataset in self.datasets.items()}
        return tuple(dataset[index] for dataset in self.datasets)

    def __getitems__(self, indices):
        """A batch: each dataset's own __getitems__ where it has one (its size checked), else item by item."""
        named = self.datasets.items() if isinstance(self.datasets, dict) else enumerate(self.datasets)
        columns = {}
        for k, dataset in named:
            if callable(getattr(dataset, "__getitems__", None)):
                items = dataset.__getitems__(indices)
                if len(items) != len(indices):
                    raise make("ValueError", f"Nested dataset's output size mismatch. Expected {len(indices)}, got "
                                             f"{len(items)}")
            else:
                items = [dataset[idx] for idx in indices]
            columns[k] = items
        if isinstance(self.datasets, dict):
            return [{k: items[i] for k, items in columns.items()} for i in range(len(indices))]
        return [tuple(items[i] for items in columns.values()) for i in range(len(indices))]

    def __len__(self):
        return self._length


class ChainDataset(IterableDataset):
    __api__ = frozenset({"datasets"})

    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            yield from d

    def __len__(self):
        return sum(len(d) for d in self.datasets)


def random_split(dataset, lengths, generator=None):
    """PyTorch's random_split: fractions become lengths (the remainder dealt round-robin), then one randperm."""
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        subset_lengths = []
        for i, frac in enumerate(lengths):
            if frac < 0 or frac > 1:
                raise make("ValueError", f"Fraction at index {i} is not between 0 and 1")
            subset_lengths.append(math.floor(len(dataset) * frac))
        remainder = len(dataset) - sum(subset_lengths)
        for i in range(remainder):
            subset_lengths[i % len(subset_lengths)] += 1
        lengths = subset_lengths
        for i, length in enumerate(lengths):
            if length == 0:
                warn(f"Length of split at index {i} is 0. This might result in an empty dataset.")
    if sum(lengths) != len(dataset):
        raise make("ValueError", "Sum of input lengths does not equal the length of the input dataset!")
    indices = T["randperm"](sum(lengths), generator=generator).tolist()
    return [Subset(dataset, indices[offset - length:offset])
            for offset, length in zip(itertools.accumulate(lengths), lengths)]

"""torch.utils.data's samplers (torch/utils/data/sampler.py): which indices a DataLoader reads, and in what order,
drawing from PyTorch's generators as PyTorch's do."""
import math

from tensorsh.engine import dtypes, serialization, torch_api
from tensorsh.engine.errors import make

T = torch_api.NAMESPACE


class Sampler:
    __module__ = "torch.utils.data.sampler"
    __api__ = frozenset()
    __settable__ = frozenset({"*"})
    __torch_dict__ = True  # (its attributes are PyTorch's, named alike: `vars(ds)`)
    __dunder_api__ = frozenset({"__iter__", "__len__"})

    def __iter__(self):  # (no __init__: PyTorch 2.13's takes no data_source)
        raise make("NotImplementedError", "")

    def __tsh_attrs__(self):
        return [k for k in vars(self) if k[:1] != "_"]


serialization.PICKLED_BASES.append(Sampler)  # (torch.save(sampler): by its class, its __dict__)


class SequentialSampler(Sampler):
    __api__ = frozenset({"data_source"})

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


def _seeded_generator():
    """A fresh generator seeded by one draw from the global one (RandomSampler without a generator)."""
    seed = int(T["empty"]((), dtype=dtypes.int64).random_().item())
    generator = T["Generator"]()
    generator.manual_seed(seed)
    return generator


class RandomSampler(Sampler):
    __api__ = frozenset({"data_source", "replacement", "num_samples", "generator"})

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source, self.replacement, self._num_samples, self.generator = \
            data_source, replacement, num_samples, generator
        if not isinstance(self.replacement, bool):
            raise make("TypeError", f"replacement should be a boolean value, but got replacement={self.replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise make("ValueError", f"num_samples should be a positive integer value, but got "
                                     f"num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        generator = _seeded_generator() if self.generator is None else self.generator
        if self.replacement:
            for _ in range(self.num_samples // 32):
                yield from T["randint"](high=n, size=(32,), dtype=dtypes.int64, generator=generator).tolist()
            yield from T["randint"](high=n, size=(self.num_samples % 32,), dtype=dtypes.int64,
                                    generator=generator).tolist()
        else:
            for _ in range(self.num_samples // n):
                yield from T["randperm"](n, generator=generator).tolist()
            yield from T["randperm"](n, generator=generator).tolist()[:self.num_samples % n]

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    __api__ = frozenset({"indices", "generator"})

    def __init__(self, indices, generator=None):
        self.indices, self.generator = indices, generator

    def __iter__(self):
        for i in T["randperm"](len(self.indices), generator=self.generator).tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    __api__ = frozenset({"weights", "num_samples", "replacement", "generator"})

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise make("ValueError", f"num_samples should be a positive integer value, but got "
                                     f"num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise make("ValueError", f"replacement should be a boolean value, but got replacement={replacement}")
        weights_tensor = T["as_tensor"](weights, dtype=dtypes.float64)
        if len(weights_tensor.shape) != 1:
            raise make("ValueError", f"weights should be a 1d sequence but given weights have shape "
                                     f"{tuple(weights_tensor.shape)}")
        self.weights, self.num_samples, self.replacement, self.generator = \
            weights_tensor, num_samples, replacement, generator

    def __iter__(self):
        rand_tensor = T["multinomial"](self.weights, self.num_samples, self.replacement, generator=self.generator)
        yield from iter(rand_tensor.tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    __api__ = frozenset({"sampler", "batch_size", "drop_last"})

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise make("ValueError", f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise make("ValueError", f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size


class DistributedSampler(Sampler):
    """torch/utils/data/distributed.py: this replica's share of the (seeded, epoch-dependent) permutation, padded by
    wrapping around or cut to divide evenly. torch.distributed is left out, so without num_replicas and rank it
    raises what PyTorch's does outside an initialized process group."""
    __module__ = "torch.utils.data.distributed"
    __api__ = frozenset({"dataset", "num_replicas", "rank", "epoch", "drop_last", "num_samples", "total_size",
                         "shuffle", "seed", "set_epoch"})

    def __init__(self, dataset, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False):
        if num_replicas is None or rank is None:
            raise make("ValueError", "Default process group has not been initialized, please make sure to call "
                                     "init_process_group.")
        if rank >= num_replicas or rank < 0:
            raise make("ValueError", f"Invalid rank {rank}, rank should be in the interval [0, {num_replicas - 1}]")
        self.dataset, self.num_replicas, self.rank, self.epoch, self.drop_last = \
            dataset, num_replicas, rank, 0, drop_last
        if drop_last and len(dataset) % num_replicas != 0:
            self.num_samples = math.ceil((len(dataset) - num_replicas) / num_replicas)
        else:
            self.num_samples = math.ceil(len(dataset) / num_replicas)
        self.total_size = self.num_samples * num_replicas
        self.shuffle, self.seed = shuffle, seed

    def __iter__(self):
        if self.shuffle:
            generator = T["Generator"]()
            generator.manual_seed(self.seed + self.epoch)
            indices = T["randperm"](len(self.dataset), generator=generator).tolist()
        else:
            indices = list(range(len(self.dataset)))
        if not self.drop_last:
            padding_size = self.total_size - len(indices)
            if padding_size <= len(indices):
                indices += indices[:padding_size]
            else:
                indices += (indices * math.ceil(padding_size / len(indices)))[:padding_size]
        else:
            indices = indices[:self.total_size]
        return iter(indices[self.rank:self.total_size:self.num_replicas])

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        self.epoch = epoch

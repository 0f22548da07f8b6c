"""torch.utils.data's samplers (torch/utils/data/sampler.py): which indices a DataLoader reads, and in what order,
drawing from PyTorch's generators as PyTorch's do."""
from tensorsh.engine import dtypes, torch_api
from tensorsh.engine.errors import make

T = torch_api.NAMESPACE


class Sampler:
    __module__ = "torch.utils.data.sampler"
    __api__ = frozenset()
    __settable__ = frozenset({"*"})
    __torch_dict__ = True  # (its attributes are PyTorch's, named alike: `vars(ds)`)

    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise make("NotImplementedError", "")

    def __tsh_attrs__(self):
        return [k for k in vars(self) if k[:1] != "_"]


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

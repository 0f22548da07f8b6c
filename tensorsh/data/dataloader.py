"""torch.utils.data.DataLoader in one process (torch/utils/data/dataloader.py's single-process iterator): batches
of indices from a sampler, items from the dataset, default_collate — and the same draws from the global generator
(one base seed per iteration, one seed per shuffled epoch), so what a program draws afterwards matches PyTorch.
num_workers > 0 runs PyTorch's workers one after another in this process, each with its copy of the dataset and
its own seeded generator (_Worker), so random draws in __getitem__ and IterableDataset duplicates are PyTorch's."""
import collections.abc
import copy
import os
import re

import numpy as np

from tensorsh.engine import dtypes, torch_api, undo
from tensorsh.engine import random as rng
from tensorsh.engine.errors import make, warn
from tensorsh.engine.tensor import Tensor

from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler

T = torch_api.NAMESPACE


_COLLATE_ERROR = "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"
_START_METHODS = ("fork", "spawn", "forkserver")
_NUMPY_STR_OBJ = re.compile(r"[SaUO]")  # (PyTorch's np_str_obj_array_pattern)


def _collate_numpy_array(batch, *, collate_fn_map=None):
    if _NUMPY_STR_OBJ.search(batch[0].dtype.str) is not None:  # arrays of strings or objects refused
        raise make("TypeError", _COLLATE_ERROR.format(batch[0].dtype))
    return collate([T["as_tensor"](b) for b in batch], collate_fn_map=collate_fn_map)


# PyTorch's default_collate_fn_map: an element's exact type first, then the first key it is an instance of
default_collate_fn_map = {
    Tensor: lambda batch, *, collate_fn_map=None: T["stack"](batch, 0),
    np.ndarray: _collate_numpy_array,
    (np.bool_, np.number, np.object_): lambda batch, *, collate_fn_map=None: T["as_tensor"](batch),
    float: lambda batch, *, collate_fn_map=None: T["tensor"](batch, dtype=dtypes.float64),
    int: lambda batch, *, collate_fn_map=None: T["tensor"](batch),  # (bools too: bool is an int)
    str: lambda batch, *, collate_fn_map=None: batch,
    bytes: lambda batch, *, collate_fn_map=None: batch,
}


def collate(batch, *, collate_fn_map=None):
    """PyTorch's collate (torch/utils/data/_utils/collate.py): the map's function for the element's type, else
    mappings, namedtuples and sequences collated element by element (a tuple becomes a list)."""
    elem = batch[0]
    elem_type = type(elem)
    if collate_fn_map is not None:
        if elem_type in collate_fn_map:
            return collate_fn_map[elem_type](batch, collate_fn_map=collate_fn_map)
        for collate_type in collate_fn_map:
            if isinstance(elem, collate_type):
                return collate_fn_map[collate_type](batch, collate_fn_map=collate_fn_map)
    if isinstance(elem, collections.abc.Mapping):
        fields = {key: collate([d[key] for d in batch], collate_fn_map=collate_fn_map) for key in elem}
        if isinstance(elem, collections.abc.MutableMapping):
            clone = copy.copy(elem)
            clone.update(fields)
            return clone
        try:
            return elem_type(fields)
        except TypeError:
            return fields
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):  # a namedtuple
        return elem_type(*(collate(samples, collate_fn_map=collate_fn_map) for samples in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        it = iter(batch)
        elem_size = len(next(it))
        if not all(len(e) == elem_size for e in it):
            raise make("RuntimeError", "each element in list of batch should be of equal size")
        collated = [collate(samples, collate_fn_map=collate_fn_map) for samples in zip(*batch)]
        if isinstance(elem, tuple):
            return collated
        if isinstance(elem, collections.abc.MutableSequence):
            clone = copy.copy(elem)
            for i, c in enumerate(collated):
                clone[i] = c
            return clone
        try:
            return elem_type(collated)
        except TypeError:
            return collated
    raise make("TypeError", _COLLATE_ERROR.format(elem_type))


def default_collate(batch):
    """PyTorch's collate: tensors stacked, Python numbers as tensors, containers collated element by element."""
    return collate(batch, collate_fn_map=default_collate_fn_map)


def default_convert(data):
    """Without batching: each item as it is, but containers rebuilt (a tuple becomes a list, as in PyTorch)."""
    if isinstance(data, (Tensor, str, bytes)):
        return data
    if type(data).__module__ == "numpy" and type(data).__name__ not in ("str_", "bytes_"):
        if isinstance(data, np.ndarray):  # an array as a tensor (unless of strings or objects)
            return data if _NUMPY_STR_OBJ.search(data.dtype.str) is not None else T["as_tensor"](data)
        if isinstance(data, (np.bool_, np.number)):
            return T["as_tensor"](data)
    if isinstance(data, collections.abc.Mapping):
        if isinstance(data, collections.abc.MutableMapping):
            clone = copy.copy(data)
            clone.update({key: default_convert(data[key]) for key in data})
            return clone
        return {key: default_convert(data[key]) for key in data}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence):
        try:
            return type(data)([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data


class _InfiniteConstantSampler(Sampler):
    def __iter__(self):
        while True:
            yield None


_MAP, _ITERABLE = 0, 1  # (PyTorch's _DatasetKind)
_FIXED_AFTER_INIT = ("batch_size", "batch_sampler", "sampler", "drop_last", "dataset", "persistent_workers")


class DataLoader:
    __module__ = "torch.utils.data.dataloader"
    __api__ = frozenset({"dataset", "batch_size", "drop_last", "sampler", "batch_sampler", "num_workers",
                         "collate_fn", "generator", "pin_memory", "timeout", "worker_init_fn", "prefetch_factor",
                         "persistent_workers", "multiprocessing_context", "pin_memory_device", "in_order",
                         "_auto_collation", "_index_sampler"})  # (PyTorch's properties: in no __dict__)
    __dunder_api__ = frozenset({"__iter__", "__len__"})  # (`len(it) if hasattr(it, '__len__')`: by name as well)
    __settable__ = frozenset({"*"})
    __torch_dict__ = True  # (its attributes are PyTorch's, named alike: `vars(loader)`)

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=None, persistent_workers=False,
                 pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise make("ValueError", "num_workers option should be non-negative; use num_workers=0 to disable "
                                     "multiprocessing.")
        if timeout < 0:
            raise make("ValueError", "timeout option should be non-negative")
        if num_workers == 0 and prefetch_factor is not None:
            raise make("ValueError", "prefetch_factor option could only be specified in multiprocessing.let "
                                     "num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to "
                                     "None.")
        elif num_workers > 0 and prefetch_factor is None:
            prefetch_factor = 2
        elif prefetch_factor is not None and prefetch_factor < 0:
            raise make("ValueError", "prefetch_factor option should be non-negative")
        if persistent_workers and num_workers == 0:
            raise make("ValueError", "persistent_workers option needs num_workers > 0")
        self.dataset, self.num_workers, self.prefetch_factor = dataset, num_workers, prefetch_factor
        self.pin_memory, self.timeout, self.worker_init_fn = pin_memory, timeout, worker_init_fn
        self.pin_memory_device, self.in_order = pin_memory_device, in_order
        self.multiprocessing_context = multiprocessing_context
        self._dataset_kind = _ITERABLE if isinstance(dataset, IterableDataset) else _MAP
        if self._iterable:
            if shuffle not in {False, None}:
                raise make("ValueError", "DataLoader with IterableDataset: expected unspecified shuffle option, but "
                                         f"got shuffle={shuffle}")
            if sampler is not None:
                raise make("ValueError", "DataLoader with IterableDataset: expected unspecified sampler option, but "
                                         f"got sampler={sampler}")
            if batch_sampler is not None:
                raise make("ValueError", "DataLoader with IterableDataset: expected unspecified batch_sampler "
                                         f"option, but got batch_sampler={batch_sampler}")
        else:
            shuffle = bool(shuffle)
        if sampler is not None and shuffle:
            raise make("ValueError", "sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise make("ValueError", "batch_sampler option is mutually exclusive with batch_size, shuffle, "
                                         "sampler, and drop_last")
            batch_size, drop_last = None, False
        elif batch_size is None and drop_last:
            raise make("ValueError", "batch_size=None option disables auto-batching and is mutually exclusive with "
                                     "drop_last")
        if sampler is None:
            if self._iterable:
                sampler = _InfiniteConstantSampler()
            else:
                sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size, self.drop_last, self.sampler, self.batch_sampler = batch_size, drop_last, sampler, \
            batch_sampler
        self.generator, self.persistent_workers = generator, persistent_workers
        self.collate_fn = collate_fn if collate_fn is not None else \
            default_collate if self._auto_collation else default_convert
        self.__initialized = True
        self._IterableDataset_len_called = None
        self._iterator = None
        check_worker_number_rationality(num_workers)

    @property
    def multiprocessing_context(self):
        return self.__multiprocessing_context

    @multiprocessing_context.setter
    def multiprocessing_context(self, multiprocessing_context):  # (kept as given: nothing runs in workers)
        if multiprocessing_context is not None:
            if self.num_workers == 0:
                raise make("ValueError", "multiprocessing_context can only be used with multi-process loading "
                                         f"(num_workers > 0), but got num_workers={self.num_workers}")
            if isinstance(multiprocessing_context, str) and multiprocessing_context not in _START_METHODS:
                raise make("ValueError", "multiprocessing_context option should specify a valid start method in "
                                         f"{list(_START_METHODS)!r}, but got multiprocessing_context="
                                         f"{multiprocessing_context!r}")
        self.__multiprocessing_context = multiprocessing_context

    @property
    def _iterable(self):
        return self._dataset_kind == _ITERABLE

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None

    def __setattr__(self, attr, val):  # a program may set any attribute but these, once made
        if attr in _FIXED_AFTER_INIT and getattr(self, "_DataLoader__initialized", False):
            raise make("ValueError", f"{attr} attribute should not be set after {type(self).__name__} is initialized")
        undo.touch_vars(self)
        object.__setattr__(self, attr, val)

    def __tsh_attrs__(self):
        return [k for k in vars(self) if k[:1] != "_"]

    @property
    def _index_sampler(self):
        return self.batch_sampler if self._auto_collation else self.sampler

    def __iter__(self):
        if self.num_workers == 0:
            return _SingleProcessDataLoaderIter(self)
        if not self.persistent_workers:
            return _MultiProcessingDataLoaderIter(self)
        if self._iterator is None:  # (persistent workers: the same ones each epoch, each iterating anew)
            self._iterator = _MultiProcessingDataLoaderIter(self)
        else:
            self._iterator._reset()
        return self._iterator

    def __len__(self):
        if self._iterable:
            length = len(self.dataset)
            if self.batch_size is not None:
                length = length // self.batch_size if self.drop_last else -(-length // self.batch_size)
            return length
        return len(self._index_sampler)


class _Fetcher:
    """PyTorch's _MapDatasetFetcher / _IterableDatasetFetcher: a batch of indices to a collated batch."""

    def __init__(self, loader, dataset):
        self.loader, self.dataset = loader, dataset
        self.dataset_iter = iter(dataset) if loader._iterable else None
        self.ended = False

    def fetch(self, index):
        loader, dataset = self.loader, self.dataset
        if loader._iterable:
            return loader.collate_fn(self._next_items(index))
        if loader._auto_collation:
            getitems = getattr(dataset, "__getitems__", None)
            data = getitems(index) if callable(getitems) else [dataset[i] for i in index]
        else:
            data = dataset[index]
        return loader.collate_fn(data)

    def _next_items(self, index):
        if self.ended:
            raise StopIteration
        if not self.loader._auto_collation:
            return next(self.dataset_iter)
        data = []
        for _ in index:
            try:
                data.append(next(self.dataset_iter))
            except StopIteration:
                self.ended = True
                break
        if len(data) == 0 or (self.loader.drop_last and len(data) < len(index)):
            raise StopIteration
        return data


class _SingleProcessDataLoaderIter:
    __module__ = "torch.utils.data.dataloader"
    __api__ = frozenset()
    __dunder_api__ = frozenset({"__iter__", "__next__", "__len__"})

    def __init__(self, loader):
        self.loader = loader
        site = f"torch.utils.data.{type(self).__name__}"  # (PyTorch's stacklevel names its subclass's __init__)
        if loader.pin_memory and loader.pin_memory_device:
            warn("pin_memory_device is deprecated, the current accelerator will be used as the device,ignore "
                 f"pin_memory_device='{loader.pin_memory_device}'.", site=site)
        if loader.pin_memory:  # (no accelerator here)
            warn("'pin_memory' argument is set as true but no accelerator is found, then device pinned memory won't "
                 "be used.", site=site)
        self.sampler_iter = iter(loader._index_sampler)
        # PyTorch's _BaseDataLoaderIter draws a base seed (for workers) from the loader's generator every time
        self.base_seed = T["empty"]((), dtype=dtypes.int64).random_(generator=loader.generator).item()
        self.fetcher = self._fetchers()

    def _fetchers(self):
        return _Fetcher(self.loader, self.loader.dataset)

    def __iter__(self):
        return self

    def __len__(self):
        return len(self.loader._index_sampler)

    def __next__(self):
        return self.fetcher.fetch(next(self.sampler_iter))


class WorkerInfo:
    """torch.utils.data.get_worker_info()'s answer inside a worker."""
    __module__ = "torch.utils.data._utils.worker"
    __api__ = frozenset({"id", "num_workers", "seed", "dataset", "rng", "worker_method"})

    def __init__(self, id, num_workers, seed, dataset):
        self.id, self.num_workers, self.seed, self.dataset = id, num_workers, seed, dataset
        self.rng, self.worker_method = None, "multiprocessing"

    def __repr__(self):
        return (f"WorkerInfo(id={self.id}, num_workers={self.num_workers}, seed={self.seed}, dataset={self.dataset!r}, "
                f"rng=None, worker_method='multiprocessing')")


_WORKER = [None]  # the WorkerInfo of the worker running now (None in the main process)


class _Worker:
    """One of PyTorch's worker processes, run in this one: its own copy of the dataset (a fork's), its own global
    generator seeded base_seed + id, worker_init_fn(id) first; the main process's generator is left as it was."""

    def __init__(self, loader, wid, base_seed):
        try:
            dataset = copy.deepcopy(loader.dataset)
        except Exception:  # (what cannot be copied is shared)
            dataset = loader.dataset
        self.info = WorkerInfo(wid, loader.num_workers, base_seed + wid, dataset)
        self.state = None
        self.fetcher = self.run(lambda: self._start(loader))

    def _start(self, loader):
        rng.manual_seed(self.info.seed)
        if loader.worker_init_fn is not None:
            loader.worker_init_fn(self.info.id)
        return _Fetcher(loader, self.info.dataset)

    def run(self, work):
        main = rng.default_generator.get_state()
        if self.state is not None:
            rng.default_generator.set_state(self.state)
        _WORKER[0] = self.info
        try:
            return work()
        finally:
            _WORKER[0] = None
            self.state = rng.default_generator.get_state()
            rng.default_generator.set_state(main)


class _MultiProcessingDataLoaderIter(_SingleProcessDataLoaderIter):
    """num_workers > 0: batch k is fetched and collated by worker k % num_workers (in order, as in_order=True
    returns them); an IterableDataset is iterated whole by each worker, a worker whose iterator ends is skipped."""
    __module__ = "torch.utils.data.dataloader"

    def _fetchers(self):
        check_worker_number_rationality(self.loader.num_workers, "iterator")
        self.all_workers = [_Worker(self.loader, i, self.base_seed) for i in range(self.loader.num_workers)]
        self.workers, self.next_worker = list(self.all_workers), 0

    def _reset(self):
        self.sampler_iter = iter(self.loader._index_sampler)
        self.workers, self.next_worker = list(self.all_workers), 0
        for w in self.workers:
            w.fetcher = w.run(lambda w=w: _Fetcher(self.loader, w.info.dataset))

    def __next__(self):
        while self.workers:
            index = next(self.sampler_iter)
            self.next_worker %= len(self.workers)
            worker = self.workers[self.next_worker]
            try:
                batch = worker.run(lambda: worker.fetcher.fetch(index))
            except StopIteration:  # (an IterableDataset's worker is done)
                del self.workers[self.next_worker]
                continue
            self.next_worker += 1
            return batch
        raise StopIteration


def check_worker_number_rationality(num_workers, site="DataLoader"):
    """PyTorch's warning when there are more workers than CPUs; given at two lines of its own dataloader.py (the
    loader's and the iterator's), so Python shows it once for each of them."""
    if not num_workers:
        return
    suggest = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if num_workers > suggest:
        warn(f"This DataLoader will create {num_workers} worker processes in total. Our suggested max number of "
             f"worker in current system is {suggest}, which is smaller than what this DataLoader is going to create. "
             "Please be aware that excessive worker creation might get DataLoader running slow or even freeze, lower "
             "the worker number to avoid potential slowness/freeze if necessary.", site=f"torch.utils.data.{site}")


def get_worker_info():
    return _WORKER[0]

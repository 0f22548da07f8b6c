"""Storages (flat buffers shared by views) and the version counters that in-place writes bump."""
import itertools
import os
import weakref

import numpy as np

from . import undo
from .errors import runtime
from . import messages


def _default_limit():
    env = os.environ.get("TENSORSH_MEMORY_LIMIT")
    if env:
        return int(float(env))
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4
    except (ValueError, OSError, AttributeError):
        return 4 << 30


MEMORY_LIMIT = _default_limit()
_LARGE = 1 << 20
_tuned = False


def _tune_allocator():
    """Keep glibc from returning freed multi-MB blocks to the kernel after every op (each new array would
    page-fault again); done once, the first time a large tensor appears, so small scripts never pay for it."""
    global _tuned
    _tuned = True
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 1 << 30)
        libc.mallopt(m_trim_threshold, (1 << 31) - 1)
    except (OSError, AttributeError):
        pass
_ids = itertools.count(1)
_fake_base = 0x5600_0000_0000  # data_ptr() values: stable, distinct, never real addresses


def check_size(nbytes):
    """Refuse before allocating anything larger than the memory limit."""
    if nbytes > MEMORY_LIMIT:
        raise runtime(messages.MEMORY_LIMIT.format(req=nbytes, limit=MEMORY_LIMIT))


class Storage:
    """A flat typed numpy buffer; `data` never reallocates, so views of it stay valid."""
    __slots__ = ("data", "id", "_born", "loc", "log", "__weakref__")
    __api__ = frozenset({"tolist", "nbytes", "size", "data_ptr", "element_size"})

    def __init__(self, data):
        self.data = data
        self.id = next(_ids)
        self._born = undo.epoch
        self.loc = undo._location  # the statement that made it (why/history name it)
        self.log = None            # events after creation: note() below
        if data.nbytes > _LARGE and not _tuned:
            _tune_allocator()

    @property
    def ptr(self):
        # data_ptr(): equal exactly when PyTorch's would be; each storage gets its own 64 GiB window
        return _fake_base + (self.id << 36)

    # PyTorch's UntypedStorage API: bytes.
    def tolist(self):
        return self.data.view(np.uint8).tolist()

    def nbytes(self):
        return self.data.nbytes

    def size(self):
        return self.data.nbytes

    def element_size(self):
        return 1

    def data_ptr(self):
        return self.ptr

    def __eq__(self, other):  # torch compares storages by identity; tolist() is what users compare
        return self is other

    __hash__ = object.__hash__

    def __len__(self):
        return self.data.nbytes

    def __repr__(self):
        body = "\n".join(" " + str(b) for b in self.tolist())
        return f"{body}\n[torch.storage.UntypedStorage(device=cpu) of size {self.data.nbytes}]"

    def _snapshot(self):
        return self.data.copy()

    def _restore(self, snap):
        self.data[...] = snap


LOG_HEAD, LOG_CAP = 16, 96
_ONCE = ("view", "grad+")   # events a loop repeats: noted once per statement  # a storage's log keeps its first and its latest events; the middle is counted


class _Log(list):
    """A storage's events, and which statements already noted an event a loop repeats (in the latest epoch)."""
    __slots__ = ("epoch", "once")

    def __init__(self):
        list.__init__(self)
        self.epoch, self.once = -1, None


def note(storage, kind, tensor=None, extra=None):
    """Record an event in a storage's log for why/history: (kind, statement, epoch, weak ref to the tensor it
    went through, extra). Views taken again by the statement that took the last one are not repeated (loops)."""
    loc, epoch = undo._location, undo.epoch
    log = storage.log
    if log is None:
        log = storage.log = _Log()
    if kind in _ONCE:
        if log.epoch != epoch:
            log.epoch, log.once = epoch, set()
        key = loc if kind == "view" else (kind, id(loc))
        if key in log.once:
            return
        log.once.add(key)
    log.append((kind, loc, epoch, None if tensor is None else weakref.ref(tensor), extra))
    if len(log) > LOG_CAP:
        _elide(log)


def note_view(storage, tensor, name):
    """note(storage, "view", ...) for every view op: a view its statement already noted costs one lookup."""
    log = storage.log
    if log is not None and log.epoch == undo.epoch and undo._location in log.once:
        return
    note(storage, "view", tensor, name)


def note_write(storage, tensor, before, after, node_name):
    """note(storage, "write", ...) on the path of every in-place op, without note()'s questions."""
    log = storage.log
    if log is None or len(log) >= LOG_CAP:
        return note(storage, "write", tensor, (before, after, node_name))
    log.append(("write", undo._location, undo.epoch, weakref.ref(tensor), (before, after, node_name)))


def _elide(log):
    """One ("elided", n) marker stands for what the middle of a full log held."""
    cut = log[LOG_HEAD:LOG_CAP // 2]
    n = sum(e[4] if e[0] == "elided" else 1 for e in cut)
    log[LOG_HEAD:LOG_CAP // 2] = [("elided", None, 0, None, n)]


class TypedStorage:
    """tensor.storage() (deprecated in PyTorch): the same buffer seen as elements of one dtype."""
    __api__ = frozenset({"tolist", "data_ptr", "size", "nbytes", "element_size", "dtype", "untyped"})

    def __init__(self, untyped, dtype):
        self._untyped, self.dtype = untyped, dtype

    def tolist(self):
        return self._untyped.data.view(self.dtype.np).tolist()

    def data_ptr(self):
        return self._untyped.ptr

    def size(self):
        return self._untyped.data.nbytes // self.dtype.itemsize

    __len__ = size

    def nbytes(self):
        return self._untyped.data.nbytes

    def element_size(self):
        return self.dtype.itemsize

    def untyped(self):
        return self._untyped

    def __eq__(self, other):
        return isinstance(other, TypedStorage) and other._untyped is self._untyped

    __hash__ = object.__hash__

    def __repr__(self):
        values = self.tolist()
        body = "\n".join(" " + (repr(v) if not isinstance(v, float) else str(v)) for v in values)
        return f"{body}\n[torch.storage.TypedStorage(dtype={self.dtype}, device=cpu) of size {len(values)}]"


class VersionCounter:
    """Shared by a tensor, its views and detach(); not by .data. `history` maps versions to statements."""
    __slots__ = ("value", "history", "_born")

    def __init__(self):
        self.value = 0
        self._born = undo.epoch
        self.history = None  # {version: location}, kept only once something saved this counter

    def bump(self):
        undo.touch(self)
        self.value += 1
        if self.history is not None:
            self.history[self.value] = undo.location()

    def watch(self):
        if self.history is None:
            self.history = {}

    def _snapshot(self):
        return self.value, None if self.history is None else dict(self.history)

    def _restore(self, snap):
        self.value, self.history = snap

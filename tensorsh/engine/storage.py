"""Storages (flat buffers shared by views) and the version counters that in-place writes bump."""
import itertools
import os
import weakref

import numpy as np

from . import undo
from .errors import c_type_format, index_error, make, runtime, type_error
from .typenames import class_repr, tp_name
from . import messages


def _default_limit():
    """TENSORSH_MEMORY_LIMIT, else a quarter of the memory this process may really use: the smallest of physical
    RAM, the container's limit (cgroup v2 memory.max, v1 limit_in_bytes) and twice what is available now."""
    env = os.environ.get("TENSORSH_MEMORY_LIMIT")
    if env:
        return int(float(env))
    sizes = []
    try:
        sizes.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        pass
    sizes += [n for n in (_cgroup_limit(), _available()) if n]
    return min(sizes) // 4 if sizes else 4 << 30


def _read_first(path):
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def _cgroup_limit():
    """The memory limit of this process's cgroup in bytes, or None (no limit, or not Linux)."""
    own = _read_first("/proc/self/cgroup") or ""
    for line in own.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3 and parts[0] == "0":                      # cgroup v2
            for value in (_read_first(f"/sys/fs/cgroup{parts[2].strip()}/memory.max"),
                          _read_first("/sys/fs/cgroup/memory.max")):
                if value and value.strip().isdigit():
                    return int(value)
        elif len(parts) == 3 and "memory" in parts[1].split(","):   # cgroup v1
            value = _read_first("/sys/fs/cgroup/memory/memory.limit_in_bytes")
            if value and value.strip().isdigit() and int(value) < 1 << 60:
                return int(value)
    return None


def _available():
    """Twice MemAvailable (the limit is then half of it), or None."""
    for line in (_read_first("/proc/meminfo") or "").splitlines():
        if line.startswith("MemAvailable:"):
            return 2 * int(line.split()[1]) * 1024
    return None


def guard_address_space(margin=1 << 30):
    """A backstop for the allocations no check names (numpy's temporaries inside an op): cap this process's address
    space at what it uses now plus the memory limit plus a margin, so that such an allocation fails at once
    (numpy's MemoryError, rolled back like any error) instead of paging the machine to death; the limit then
    holds for the whole process, not only for one tensor. For the command line only: a cap is inherited by
    child processes (export's PyTorch runner lifts it) and would cap a test runner's own memory."""
    try:
        import resource
        vm = next(int(line.split()[1]) * 1024 for line in (_read_first("/proc/self/status") or "").splitlines()
                  if line.startswith("VmSize:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = vm + MEMORY_LIMIT + margin
        if (soft == resource.RLIM_INFINITY or soft > cap) and (hard == resource.RLIM_INFINITY or hard >= cap):
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, StopIteration, ValueError, OSError):
        pass


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


def new_address():
    """The first address of a new allocation's window (each gets its own 64 GiB)."""
    return _fake_base + (next(_ids) << 36)


def check_size(nbytes):
    """Refuse before allocating anything larger than the memory limit."""
    if nbytes > MEMORY_LIMIT:
        raise runtime(messages.MEMORY_LIMIT.format(req=nbytes, limit=MEMORY_LIMIT))


NO_ACCELERATOR = "Cannot access accelerator device when none is available."  # (pin_memory in a CPU-only build)


class StorageSet:
    """A set of storages the undo journal can take back."""

    def __init__(self):
        self.storages = weakref.WeakSet()

    def __contains__(self, storage):
        return storage in self.storages

    def add(self, storage):
        if storage not in self.storages:
            undo.touch(self)
            self.storages.add(storage)

    def _snapshot(self):
        return set(self.storages)

    def _restore(self, snap):
        self.storages = weakref.WeakSet(snap)


# The storages moved to shared memory (share_memory_), and those a numpy array views (tensor.numpy(): PyTorch's
# tensor_to_numpy marks the storage not resizable, so the array's memory stays where it is).
Shared, HeldByNumpy = StorageSet(), StorageSet()


# The element-type casts of both storage classes (torch/storage.py's _to): a new TypedStorage of that dtype holding
# the elements converted (an UntypedStorage's elements are its bytes); cast_storage is bound by legacy_types.
CASTS = {"double": "float64", "float": "float32", "half": "float16", "long": "int64", "int": "int32", "short": "int16",
         "char": "int8", "byte": "uint8", "bool": "bool", "bfloat16": "bfloat16", "complex_double": "complex128",
         "complex_float": "complex64"}
cast_storage = set_elements = None


class Storage:
    """A flat typed numpy buffer; `data` never reallocates, so views of it stay valid."""
    __slots__ = ("data", "id", "place", "_born", "loc", "log", "mirrors", "__weakref__")
    __api__ = frozenset({"tolist", "nbytes", "size", "data_ptr", "element_size", "clone", "fill_", "copy_", "device",
                         "is_cuda", "cpu", "untyped", "is_shared", "share_memory_", "is_pinned",
                         "pin_memory", "resizable", "resize_", "get_device", "is_sparse", "is_sparse_csr", "new", "to",
                         "type", "filename", "byteswap", *CASTS})
    __format__ = c_type_format("torch.storage.UntypedStorage")
    device = None  # (tensorimpl binds its CPU device as it loads)
    is_cuda = is_sparse = is_sparse_csr = False
    filename = None  # (no storage here is mapped from a file)

    def __init__(self, data):
        self.data = data
        self.id = self.place = next(_ids)  # (place: its allocation's, a new one when it is resized: reallocate)
        self._born = undo.epoch
        self.loc = undo._location  # the statement that made it (why/history name it)
        self.log = None            # events after creation: note() below
        self.mirrors = None        # weak references to the ConjStorages that show it conjugated
        if not _tuned and data.nbytes > _LARGE:
            _tune_allocator()

    @property
    def ptr(self):
        # data_ptr(): equal exactly when PyTorch's would be; each allocation gets its own 64 GiB window
        return _fake_base + (self.place << 36)

    def reallocate(self):
        """PyTorch's resize_bytes_cpu allocates a new buffer and copies the bytes over: a new data_ptr."""
        self.place = next(_ids)

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
        return self.ptr if self.data.nbytes else 0  # (PyTorch's allocator gives no address for 0 bytes)

    def __eq__(self, other):  # torch compares storages by identity; tolist() is what users compare
        return self is other

    def clone(self):
        """A new storage holding a copy of these bytes (not a view of anything)."""
        return (BFloat16Storage if isinstance(self, BFloat16Storage) else Storage)(self.data.copy())

    __copy__ = clone

    def __deepcopy__(self, memo):
        """One copy per storage within a deepcopy (tensors copied with it are over that copy: Tensor.__deepcopy__)."""
        copied = memo.get(id(self))
        if copied is None:
            copied = memo[id(self)] = self.clone()
        return copied

    def fill_(self, value):
        """Every byte set to value (modulo 256); the tensors over it see it, their versions do not move."""
        _checked_byte(value, f"fill_ expects int, but got {tp_name(value)}")
        self[:] = value
        return self

    def copy_(self, src, non_blocking=None):
        """src's bytes written into this storage, which must hold exactly as many (a TypedStorage's memory too)."""
        if isinstance(src, TypedStorage):
            src = src._untyped
        if not isinstance(src, Storage):
            raise type_error(f"copy_(): argument 'src' (position 1) must be torch.Storage, not {type(src).__name__}")
        if len(src) != len(self):
            raise runtime(f"size does not match, self was {len(self)} bytes but src was {len(src)} bytes")
        undo.touch(self)
        self._write_bytes(src._bytes().copy())
        written_directly(self)
        return self

    def _write_bytes(self, values):
        self._bytes()[:] = values

    def cpu(self):
        return self

    def to(self, *, device, non_blocking=False):
        return _same_device(self, device)

    def get_device(self):
        return None  # (the CPU device's index)

    def new(self):
        return Storage(np.empty(0, np.uint8))

    def type(self, dtype=None, non_blocking=False):
        if dtype is not None:
            raise runtime("tensorsh: UntypedStorage.type(dtype) is not supported yet")
        return "torch.storage.UntypedStorage"

    def byteswap(self, dtype):
        """Each group of dtype's itemsize bytes reversed in place (torch's _byteswap)."""
        width = dtype.itemsize
        undo.touch(self)
        data = self._bytes()
        data[:] = data.reshape(-1, width)[:, ::-1].reshape(-1) if width > 1 and len(data) % width == 0 else data
        written_directly(self)

    @property
    def growable(self):
        """Whether PyTorch would resize it: not once `.numpy()` handed its memory out (nor, below, torch.from_numpy's
        storage, which is the array's memory)."""
        return self not in HeldByNumpy

    def resizable(self):
        return self.growable

    def untyped(self):
        return self

    def is_pinned(self, device="cuda"):
        return False

    def pin_memory(self, device="cuda"):
        raise runtime(NO_ACCELERATOR)

    def is_shared(self):
        return self in Shared

    def share_memory_(self):
        Shared.add(self)
        return self

    __hash__ = object.__hash__

    def __len__(self):
        return self.data.nbytes

    def __repr__(self):
        return _storage_text(self.tolist(), f"UntypedStorage(device=cpu) of size {self.nbytes()}")

    def _bytes(self):
        """The storage's bytes as a uint8 array sharing its memory."""
        return self.data.view(np.uint8)

    def _byte_index(self, idx):
        """UntypedStorage's index checks: an int byte position (negative from the end), or a step-1 slice."""
        n = len(self)
        if isinstance(idx, slice):
            start, stop, step = idx.indices(n)
            if step != 1:
                raise runtime(f"Trying to slice with a step of {step}, but only a step of 1 is supported")
            return slice(start, max(start, stop))
        if isinstance(idx, bool) or not isinstance(idx, int):
            raise type_error(f"can't index a torch.UntypedStorage with {type(idx).__name__}")
        i = idx + n if idx < 0 else idx
        if not 0 <= i < n:
            raise index_error(f"index {i if idx < 0 else idx} out of range for storage of size {n}")
        return i

    def __getitem__(self, idx):
        """storage[i]: byte i as an int; storage[a:b]: those bytes as a storage sharing this one's memory."""
        i = self._byte_index(idx)
        if not isinstance(i, slice):
            return int(self._bytes()[i])
        part = StorageSlice(self._bytes()[i])
        part.address = self.ptr + i.start
        return part

    def __setitem__(self, idx, value):
        """storage[i] = byte (taken modulo 256, as PyTorch's uint8 fill), storage[a:b] = byte."""
        i = self._set_index(idx, value)
        undo.touch(self)
        self._bytes()[i] = np.asarray(value).astype(np.uint8)
        written_directly(self)

    def _set_index(self, idx, value):
        """THPStorage_set's checks, in its order: the value an int, then the index an int byte position inside the
        storage (not wrapped: storage_set's "out of bounds") or a step-1 slice; its errors RuntimeErrors."""
        _checked_byte(value, f"can only set storage content with a int types, but got {tp_name(value)} instead")
        if isinstance(idx, int) and not isinstance(idx, bool):
            if not 0 <= idx < len(self):
                raise runtime("out of bounds")
            return idx
        if not isinstance(idx, slice):
            raise runtime(f"can't index a torch.UntypedStorage with {tp_name(idx)}")
        return self._byte_index(idx)

    def __iter__(self):
        return iter(self.tolist())

    @property
    def dtype_name(self):
        """The element type the storage holds (what show() and explain name)."""
        return self.data.dtype.name

    def _snapshot(self):
        return self.data.copy()

    def _restore(self, snap):
        self.data[...] = snap


def _checked_byte(value, message):
    """THPByteUtils_checkReal, then its unpack: an int (a bool too) within 64 bits, else the caller's message."""
    if not isinstance(value, int):
        raise runtime(message)
    if not -2 ** 63 <= value < 2 ** 63:
        raise make("OverflowError", "int too big to convert")


class BFloat16Storage(Storage):
    """A bfloat16 tensor's storage: its float32 array holds bfloat16 values, 2 bytes each to PyTorch (the high
    half of each float32 word, little-endian as PyTorch's)."""
    __slots__ = ()
    dtype_name = "bfloat16"

    def _halves(self):
        return self.data.view(np.uint32) >> np.uint32(16)

    def _bytes(self):
        """Each float32 word's high half: the bytes PyTorch's bfloat16 storage holds (little-endian; a copy)."""
        return self.data.view(np.uint8).reshape(-1, 4)[:, 2:].reshape(-1)

    def __setitem__(self, idx, value):
        i = self._set_index(idx, value)
        undo.touch(self)
        words = self.data.view(np.uint8).reshape(-1, 4)
        for j in (range(i.start, i.stop) if isinstance(i, slice) else (i,)):
            words[j // 2, 2 + j % 2] = np.asarray(value).astype(np.uint8)

    def tolist(self):
        return self._halves().astype("<u2").view(np.uint8).tolist()

    def _write_bytes(self, values):
        self.data.view(np.uint8).reshape(-1, 4)[:, 2:] = values.reshape(-1, 2)

    def nbytes(self):
        return self.data.size * 2

    size = nbytes

    def __len__(self):
        return self.data.size * 2



LOG_HEAD, LOG_CAP = 16, 96
_ONCE = ("view", "grad+")   # events a loop repeats: noted once per statement  # a storage's log keeps its first and its latest events; the middle is counted


class _Log(list):
    """A storage's events, and which statements already noted an event a loop repeats (in the latest epoch): note()
    sets both when it makes one (list's own constructor: no Python __init__ on a fresh storage's first event)."""
    __slots__ = ("epoch", "once")


def note(storage, kind, tensor=None, extra=None):
    """Record an event in a storage's log for why/history: (kind, statement, epoch, weak ref to the tensor it
    went through, extra). Views taken again by the statement that took the last one are not repeated (loops)."""
    loc, epoch = undo._location, undo.epoch
    log = storage.log
    if log is None:  # a storage's first event (fresh gradients' views): nothing to look up
        log = storage.log = _Log()
        if kind in _ONCE:
            log.epoch, log.once = epoch, {loc if kind == "view" else (kind, id(loc))}
        else:
            log.epoch, log.once = -1, None
        log.append((kind, loc, epoch, None if tensor is None else weakref.ref(tensor), extra))
        return
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


def _storage_text(values, info):
    """torch/storage.py's __str__: each element after a space (one space alone when there are none), then the info."""
    return " " + "\n ".join(map(str, values)) + f"\n[torch.storage.{info}]"


def _same_device(storage, device):
    """storage.to(device=...): the storage itself on the CPU (torch's _to), tensorsh's refusal elsewhere."""
    kind = device if isinstance(device, str) else getattr(device, "type", None)
    if kind != "cpu":
        raise runtime(f"tensorsh: storages on device {device} are not supported yet")
    return storage




def _cast_method(name, dtype_name):
    def method(self):
        return cast_storage(self, dtype_name)
    method.__name__ = method.__qualname__ = name
    return method


def _untyped_method(name, chained=False):
    """A TypedStorage method that is its untyped storage's (chained: returning the typed storage itself)."""
    def method(self):
        result = getattr(self._untyped, name)()
        return self if chained else result
    method.__name__ = method.__qualname__ = name
    return method


class TypedStorage:
    """tensor.storage() (deprecated in PyTorch): the same buffer seen as elements of one dtype."""
    __api__ = frozenset({"tolist", "data_ptr", "size", "nbytes", "element_size", "dtype", "untyped", "fill_", "clone",
                         "copy_", "is_shared", "share_memory_", "device", "is_cuda", "is_pinned", "cpu", "resizable",
                         "type", "get_device", "is_sparse", "to", "filename", "resize_", "pickle_storage_type",
                         "_untyped_storage", *CASTS})
    is_cuda = is_sparse = False
    filename = None

    def __init__(self, untyped, dtype):
        self._untyped, self.dtype = untyped, dtype

    def fill_(self, value):
        """Every element set to value: torch/storage.py's `self._setitem(slice(0, size), value)`; the tensors over
        it see it, their versions do not move."""
        self[0:self.size()] = value
        return self

    def clone(self):
        return TypedStorage(self._untyped.clone(), self.dtype)

    __copy__ = clone

    def __deepcopy__(self, memo):
        return TypedStorage(self._untyped.__deepcopy__(memo), self.dtype)

    def copy_(self, source, non_blocking=None):
        self._untyped.copy_(source._untyped if isinstance(source, TypedStorage) else source)
        return self

    is_shared, share_memory_ = _untyped_method("is_shared"), _untyped_method("share_memory_", chained=True)

    @property
    def device(self):
        return self._untyped.device

    def is_pinned(self, device="cuda"):
        return False

    def cpu(self):
        return TypedStorage(self._untyped, self.dtype)  # (a new wrapper of the same storage, as PyTorch's)

    resizable, get_device = _untyped_method("resizable"), _untyped_method("get_device")

    def to(self, *, device, non_blocking=False):
        return TypedStorage(_same_device(self._untyped, device), self.dtype)  # (a new wrapper, as torch's)

    def type(self, dtype=None, non_blocking=False):
        if dtype is not None:
            raise runtime("tensorsh: TypedStorage.type(dtype) is not supported yet")
        return self.dtype.type_name.replace("Tensor", "Storage")

    def tolist(self):
        return self._untyped.data.view(self.dtype.np).tolist()

    def data_ptr(self):
        return self._untyped.data_ptr()

    def size(self):
        return self._untyped.nbytes() // self.dtype.itemsize

    __len__ = size

    def nbytes(self):
        return self._untyped.nbytes()

    def element_size(self):
        return self.dtype.itemsize

    def untyped(self):
        return self._untyped

    @property
    def _untyped_storage(self):  # (the attribute torch/storage.py's TypedStorage keeps its bytes in; untyped() warns)
        return self._untyped

    def _element(self, idx):
        """torch/storage.py's _getitem checks: a slice refused, then anything but an int, then a bool (not an int to
        _maybe_wrap_index), then the bounds; the index wrapped."""
        n = self.size()
        if isinstance(idx, slice):
            raise runtime("slices are only supported in UntypedStorage.__getitem__")
        if not isinstance(idx, int):
            raise runtime(f"can't index a {class_repr(self)} with {class_repr(idx)}")
        if isinstance(idx, bool):
            raise type_error(f"can't index a {class_repr(self)} with {class_repr(idx)}")
        if not -n <= idx < n:
            raise index_error(f"index {idx} out of range for storage of size {n}")
        return idx % n

    def __getitem__(self, idx):
        """storage()[i]: element i as a Python number."""
        return self._untyped.data.view(self.dtype.np)[self._element(idx)].item()

    def __setitem__(self, idx, value):
        """torch/storage.py's _setitem: an int or slice index and no storage value, then a tensor's setitem over
        the storage's elements (its casts, rounding, broadcasting and messages; the tensors over it keep their
        versions); set_elements is bound by legacy_types."""
        if not isinstance(idx, (int, slice)):
            raise runtime(f"can't index a {class_repr(self)} with {class_repr(idx)}")
        if isinstance(value, (Storage, TypedStorage)):
            raise runtime(f"cannot set item with value type {class_repr(value)}")
        set_elements(self, idx, value)

    def __iter__(self):
        return iter(self.tolist())

    def resize_(self, size):
        self._untyped.resize_(size * self.dtype.itemsize)

    def pickle_storage_type(self):
        return self.dtype.type_name[6:].replace("Tensor", "Storage")  # (FloatStorage: its legacy class's name)

    def __repr__(self):
        values = self.tolist()
        return _storage_text(values, f"TypedStorage(dtype={self.dtype}, device=cpu) of size {len(values)}")


class ConjStorage(Storage):
    """The memory of conj()'s lazy view, which numpy cannot show conjugated: a conjugated copy of its source's buffer,
    the two kept equal after every write to either (sync_conj), with the source's data_ptr."""
    __slots__ = ("source",)
    growable = False

    def __init__(self, source):
        Storage.__init__(self, _conjugate(source.data))
        self.source = source
        source.mirrors = [r for r in source.mirrors or () if r() is not None] + [weakref.ref(self)]
        MIRRORED.add(source)

    @property
    def ptr(self):
        return self.source.ptr


MIRRORED = weakref.WeakSet()  # the storages conj views show (a numpy array's write may reach one)


def written_through_array(arr):
    """After a write into a numpy array (.numpy()'s, from_numpy's): the conj views showing that memory."""
    for storage in list(MIRRORED):
        if storage.mirrors is not None and np.shares_memory(arr, storage.data):
            sync_conj(storage)


def written_directly(storage):
    """After a write through the storage itself (fill_, copy_, storage[i] = ...): the conj views showing it."""
    if storage.mirrors is not None:
        sync_conj(storage)


def sync_conj(storage):
    """After a write into storage (a conj view's or one a conj view shows): the other side conjugated again."""
    source = storage.source if type(storage) is ConjStorage else storage
    if source is not storage:
        undo.touch(source)
        _conjugate(storage.data, out=source.data)
    alive = []
    for ref in source.mirrors or ():
        mirror = ref()
        if mirror is not None:
            alive.append(ref)
            if mirror is not storage and mirror.data.size == source.data.size:  # (a resized source: left)
                undo.touch(mirror)
                _conjugate(source.data, out=mirror.data)
    source.mirrors = alive or None


def _conjugate(data, out=None):
    """A complex memory's values conjugated. A real buffer here is one view_as_complex reads as (real, imag) pairs
    (a conj or neg view of such a complex view, of its imag parts): each pair's second number negated."""
    if data.dtype.kind == "c":
        return np.conjugate(data, out=out)
    out = data.copy() if out is None else out
    if out is not data:
        out[...] = data
    out[1::2] *= -1
    return out


class StorageSlice(Storage):
    """storage[a:b]: those bytes of another storage, sharing its memory, at its data_ptr + a."""
    __slots__ = ("address",)
    growable = False

    @property
    def ptr(self):
        return self.address


def _as_torch_storage_class(cls, name):
    """Show cls as PyTorch's class (type(s).__name__, <class 'torch.storage.UntypedStorage'>); its messages name it by
    its dotted tp_name ('torch.storage.UntypedStorage' object has no attribute ...)."""
    cls.__qualname__ = cls.__tsh_name__ = name
    cls.__name__ = "torch.storage." + name
    cls.__module__ = "torch.storage"


for _name, _dtype_name in CASTS.items():
    setattr(Storage, _name, _cast_method(_name, _dtype_name))
    setattr(TypedStorage, _name, _cast_method(_name, _dtype_name))
for _cls in (Storage, BFloat16Storage, StorageSlice):
    _as_torch_storage_class(_cls, "UntypedStorage")
_as_torch_storage_class(TypedStorage, "TypedStorage")


INFERENCE_MODE = [False]  # torch.inference_mode: tensors made under it are inference tensors (see InferenceCounter)
INFERENCE_SEEN = [False]  # whether this process made an inference tensor (ops then check their saved inputs first)


class VersionCounter:
    """Shared by a tensor, its views and detach(); not by .data. `history` maps versions to statements."""
    __slots__ = ("value", "history", "_born")
    inference = False  # the tensor is an inference tensor
    counts = True      # its version is kept (an inference tensor's is not, but for the ones below)

    def __init__(self, normal=False):
        """normal: a normal tensor's even in inference mode (unsafe_split's pieces of a normal tensor there)."""
        self.value = 0
        self._born = undo.epoch
        self.history = None  # {version: location}, kept only once something saved this counter
        if INFERENCE_MODE[0] and not normal:
            self.__class__ = InferenceCounter
            INFERENCE_SEEN[0] = True

    def bump(self):
        journal = undo._journal  # (undo.touch, inline: every in-place write bumps a counter)
        if journal is not None and id(self) not in journal._snapshots:
            journal.touch(self)
        self.value += 1
        if self.history is not None:
            self.history[self.value] = undo._location

    def _snapshot(self):
        return self.value, None if self.history is None else dict(self.history)

    def _restore(self, snap):
        self.value, self.history = snap


class InferenceCounter(VersionCounter):
    """An inference tensor's (and its views'): PyTorch keeps no version for it (`_version` raises), and an
    in-place write outside inference mode fails after it wrote, where PyTorch bumps the version."""
    __slots__ = ()
    inference = True
    counts = False

    def bump(self):
        if not INFERENCE_MODE[0]:
            raise runtime(messages.INFERENCE_INPLACE)


ZERO_SEEN = [False]  # whether this process made a ZeroTensor (binary ops and in-place writes then look for one)


class ZeroCounter(VersionCounter):
    """The counter of a ZeroTensor (ATen's _efficientzerotensor: zeros with no data, the gradient sgn_backward gives
    a real input), shared by its views (PyTorch's view ops keep the ZeroTensor key); a clone, a cast, a reduction
    materializes it. It cannot be written: PyTorch's ZeroTensor fallback refuses every in-place op (the check is in
    ops.core.precheck, before the write; this bump is the fallback of the quick paths that skip it, and puts the
    zeros back in the storage they wrote)."""
    __slots__ = ("storage",)

    def __init__(self, storage):
        VersionCounter.__init__(self, normal=True)
        self.storage = storage
        ZERO_SEEN[0] = True

    def bump(self):
        self.storage.data[...] = 0
        raise runtime(messages.ZERO_TENSOR_IMMUTABLE)


def is_zero_tensor(t):
    """Tensor._is_zerotensor()."""
    return t._version_counter.__class__ is ZeroCounter


INFERENCE_VIEW_COUNTER = InferenceCounter.__new__(InferenceCounter)  # (the views of the ones below: none kept)


class DetachedInferenceCounter(VersionCounter):
    """detach()/.data of an inference tensor outside inference_mode (c10's shallow_copy_and_detach: a TensorImpl
    made outside the mode has a counter, and copying the inference key set keeps it): still an inference tensor,
    but its version is kept and an in-place write outside the mode is allowed; inside it nothing bumps it (its
    key set has no ADInplaceOrView), and its views have no counter again."""
    __slots__ = ()
    inference = True

    def bump(self):
        if not INFERENCE_MODE[0]:
            VersionCounter.bump(self)


def detached_counter(counter, shared):
    """The counter of detach() (shared: the same one) or .data (a fresh one) of a tensor with `counter`."""
    if counter.inference:
        return counter if INFERENCE_MODE[0] else DetachedInferenceCounter()
    if shared:
        return counter
    fresh = VersionCounter()
    fresh.__class__ = VersionCounter  # (.data of a normal tensor inside inference_mode is a normal tensor)
    return fresh

"""numpy arrays shared with tensors: the ndarray a program holds (writes journaled), the tensor dtype of an array,
and torch.from_numpy's tensor over an array's own memory. Below creation, which reads arrays with them."""
import warnings
import weakref

import numpy as np

from . import dtypes, undo
from .errors import make, type_error, value_error, warn
from .storage import MIRRORED, Storage, VersionCounter, new_address, written_through_array
from .tensorimpl import Tensor


def as_numpy_computes(fn, *args, **kwargs):
    """fn(*args, **kwargs), a program's numpy call, with numpy's own error handling (the engine's is silent, as
    PyTorch computes inf and nan silently): its RuntimeWarnings ("divide by zero encountered in log", "invalid value
    encountered in cast") and Python warnings ("Mean of empty slice") given as the program's; one numpy gives from its
    own files is attributed there, so Python's default filter shows it once."""
    with warnings.catch_warnings(record=True) as caught, np.errstate(divide="warn", over="warn", invalid="warn"):
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    for w in caught:
        file = w.filename.replace("\\", "/")
        inside = "/numpy/" in file and "/tensorsh/" not in file
        warn(str(w.message), w.category.__name__, f"{file[file.rindex('numpy/'):]}:{w.lineno}" if inside else None)
    return result


def plain(value):
    """numpy's own array for one of the language's (a view of the same memory)."""
    return value.view(np.ndarray) if isinstance(value, ndarray) else value


def _ours(value):
    return value.view(ndarray) if type(value) is np.ndarray else value


class ndarray(np.ndarray):
    """The numpy arrays a program holds (`.numpy()`, the `numpy` module's results): numpy's arrays, printed as numpy
    prints them, with only harmless attributes readable from the language (no files, no pickles, no raw buffers).
    `.numpy()` views the tensor's storage and `torch.from_numpy` the array's memory, as in PyTorch, so a write
    through one shows in the other; every write into an array is journaled first, so a failed statement takes it
    back like any tensor write."""
    __module__ = "numpy"
    __api__ = frozenset({"shape", "dtype", "ndim", "size", "itemsize", "nbytes", "strides", "T", "tolist", "item",
                         "sum", "mean", "max", "min", "prod", "std", "var", "argmax", "argmin", "cumsum", "copy",
                         "astype", "reshape", "flatten", "ravel", "transpose", "all", "any", "round", "clip", "flags",
                         "dot", "squeeze", "swapaxes", "nonzero", "argsort", "real", "imag", "setflags", "ctypes"})
    # (not `base` or `view`: they hand out numpy's own ndarray, whose writes the journal would not see)

    def __array_wrap__(self, array, context=None, return_scalar=False):
        """A reduction's result is numpy's scalar (`a.sum()` is a numpy.int64), as for numpy's own arrays: a
        subclass would get a 0-d array."""
        if return_scalar:
            return array[()]
        return np.ndarray.__array_wrap__(self, array, context, return_scalar)

    def __add__(self, other):
        """numpy's `+`; where both sides decline (`arr + tensor`: numpy defers to the tensor's __radd__, which
        declines an array), Python's last resort is numpy's sequence concatenation and its error, as for numpy's own
        arrays (a subclass does not inherit that slot)."""
        result = np.ndarray.__add__(self, other)
        if result is NotImplemented and not isinstance(other, np.ndarray):
            reflected = getattr(type(other), "__radd__", None)
            result = NotImplemented if reflected is None else reflected(other, self)
            if result is NotImplemented:
                raise TypeError(CONCATENATION)
        return result

    def __array_ufunc__(self, ufunc, method, *inputs, out=None, **kwargs):
        """numpy's ufunc on the plain arrays, under numpy's error handling; its arrays the language's."""
        if out is not None:
            kwargs["out"] = tuple(map(plain, out))
        result = as_numpy_computes(getattr(ufunc, method), *map(plain, inputs), **kwargs)
        if out is not None:
            return out[0] if len(out) == 1 else out
        return tuple(map(_ours, result)) if type(result) is tuple else _ours(result)

    def __repr__(self):
        return repr(self.view(np.ndarray))

    def __str__(self):
        return str(self.view(np.ndarray))

    def __setitem__(self, key, value):
        undo.touch_array(self)
        np.ndarray.__setitem__(self, key, value)
        if MIRRORED:
            written_through_array(self)

    def fill(self, value):
        undo.touch_array(self)
        np.ndarray.fill(self, value)
        if MIRRORED:
            written_through_array(self)

    @property
    def ctypes(self):
        """Of numpy's ctypes interface only `.data`, the address of the array's first element as PyTorch's data_ptr
        sees that memory (programs compare the two to see that from_numpy and .numpy() share it)."""
        return _CtypesView(_address(self.view(np.ndarray)))

    def setflags(self, write=None, align=None, uic=None):
        """numpy's (also what `a.flags.writeable = False` calls), journaled: a failed statement takes it back."""
        undo.touch(_Writeable(self), ("flags", id(self)))
        np.ndarray.setflags(self, write, align, uic)


class _CtypesView:
    """`a.ctypes`: the address of the array's data (`.data`, an int), as numpy's ctypes interface gives it."""
    __slots__ = ("data",)
    __api__ = frozenset({"data"})

    def __init__(self, address):
        self.data = address


_CtypesView.__name__ = _CtypesView.__qualname__ = "_ctypes"
_CtypesView.__module__ = "numpy._core._internal"


class _Writeable:
    """An array's WRITEABLE flag as the undo journal sees it."""
    __slots__ = ("array",)

    def __init__(self, array):
        self.array = array

    def _snapshot(self):
        return self.array.flags.writeable

    def _restore(self, writeable):
        np.ndarray.setflags(self.array, write=writeable)



CONCATENATION = ("Concatenation operation is not implemented for NumPy arrays, use np.concatenate() instead. Please "
                 "do not rely on this error; it may not be given on all Python implementations.")
ndarray.__name__ = "numpy.ndarray"  # (Python's tp_name of numpy's arrays, which its messages print; the repr is
#                                      __module__ and __qualname__: <class 'numpy.ndarray'>)
ndarray.__tsh_name__ = "ndarray"  # (what a program reads as type(a).__name__)


def adopt(arr):
    """numpy's own array as the language's: a view of it, or, when it owns its memory (a new array no one else
    sees), a copy that owns its own (`a.flags.owndata`, as numpy's)."""
    if not arr.flags.owndata:
        return arr.view(ndarray)
    own = np.ndarray.__new__(ndarray, arr.shape, arr.dtype, order="F" if arr.flags.fnc else "C")
    np.copyto(own, arr)
    if not arr.flags.writeable:
        np.ndarray.setflags(own, write=False)
    return own


def _journaled(name):
    method = getattr(np.ndarray, name)

    def inplace(self, other):
        undo.touch_array(self)
        result = method(self, other)
        if MIRRORED:
            written_through_array(self)
        return result
    inplace.__name__ = name
    return inplace


def _computing(name):
    method = getattr(np.ndarray, name)

    def compute(self, *args, **kwargs):
        return as_numpy_computes(method, self, *args, **kwargs)
    compute.__name__ = name
    return compute


# (methods that compute outside a ufunc call: the cast's "invalid value encountered in cast", mean's "Mean of empty
# slice" and its scalar division)
for _name in ("astype", "sum", "mean", "std", "var", "prod", "cumsum", "dot", "round", "clip"):
    setattr(ndarray, _name, _computing(_name))

for _name in ("__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__",
              "__imatmul__", "__iand__", "__ior__", "__ixor__", "__ilshift__", "__irshift__"):
    setattr(ndarray, _name, _journaled(_name))


_SUPPORTED = ("float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, uint16, "
              "uint8, and bool")
NEGATIVE_STRIDES = ("At least one stride in the given numpy array is negative, and tensors with negative strides are "
                    "not currently supported. (You can probably work around this by making a copy of your array  with "
                    "array.copy().) ")


def array_dtype(arr):
    """The tensor dtype of a numpy array's (PyTorch's error for the types it cannot convert)."""
    native = arr.dtype.newbyteorder("=")  # (the byte order is checked after the strides, by from_numpy)
    for dt in dtypes.ALL:
        if dt is not dtypes.bfloat16 and dt.np == native:
            return dt
    if arr.dtype.kind == "u" and arr.dtype.isnative:  # (uint16-64: PyTorch's tensors, not tensorsh's)
        dtypes.check_supported(dtypes.BY_UNSIGNED[arr.dtype.itemsize])
    raise type_error(f"can't convert np.ndarray of type numpy.{arr.dtype.type.__name__}. The only supported types "
                     f"are: {_SUPPORTED}.")


class ArrayStorage(Storage):
    """The storage of torch.from_numpy: a numpy array's own memory, which PyTorch does not resize. Its data_ptr is
    the address that memory has for PyTorch: inside a storage that `.numpy()` or an earlier from_numpy handed out,
    that storage's address plus the offset (`torch.from_numpy(t.numpy()).data_ptr() == t.data_ptr()`)."""
    __slots__ = ("address",)
    growable = False

    @property
    def ptr(self):
        return self.address if self.address is not None else Storage.ptr.fget(self)


ArrayStorage.__name__ = ArrayStorage.__qualname__ = "UntypedStorage"  # (as Storage: PyTorch's class)
ArrayStorage.__module__ = "torch.storage"

_SHARED = []  # weak references to the storages whose memory arrays in the program view (numpy(), from_numpy)


def shared(storage):
    """Note that numpy arrays may view storage's memory (a later from_numpy finds its address there)."""
    if not any(ref() is storage for ref in _SHARED):
        _SHARED[:] = [ref for ref in _SHARED if ref() is not None] + [weakref.ref(storage)]


_WINDOWS = {}  # the first byte of a numpy buffer no storage holds -> (weak reference to its array, its address)


def _address(memory):
    """PyTorch's address of `memory` (a numpy array): inside a shared storage's buffer, that storage's address plus
    the offset; else inside the buffer of the array that owns the memory, which gets its own window of addresses the
    first time it is asked (so `a.ctypes.data` read before or after `torch.from_numpy(a[2:])` agrees with its
    data_ptr, as the real addresses PyTorch and numpy both give do)."""
    start = memory.__array_interface__["data"][0]
    for ref in _SHARED:
        storage = ref()
        if storage is not None:
            base = storage.data.__array_interface__["data"][0]
            if base <= start < base + storage.data.nbytes:
                return storage.ptr + (start - base)
    owner = memory
    while isinstance(owner.base, np.ndarray):
        owner = owner.base
    first = owner.__array_interface__["data"][0]
    known = _WINDOWS.get(first)
    if known is None or known[0]() is not owner:
        for key in [k for k, (ref, _) in _WINDOWS.items() if ref() is None]:
            del _WINDOWS[key]
        known = _WINDOWS[first] = (weakref.ref(owner), new_address())
    return known[1] + (start - first)


NOT_WRITABLE = ("The given NumPy array is not writable, and PyTorch does not support non-writable tensors. This means "
                "writing to this tensor will result in undefined behavior. You may want to copy the array to protect "
                "its data or make it writable before converting it to a tensor. This type of warning will be "
                "suppressed for the rest of this program.")


def from_numpy(arr, warn_if_not_writeable=True):
    """torch.from_numpy: a tensor over the array's own memory (its strides in elements), sharing it both ways (a
    read-only array's too, after PyTorch's warning; the copying constructors do not warn)."""
    from .errors import warn_once
    if not isinstance(arr, np.ndarray):
        from .typenames import tp_name
        raise type_error(f"expected np.ndarray (got {tp_name(arr)})")
    dt = array_dtype(arr)
    item = arr.itemsize
    if any(s < 0 for s in arr.strides):
        raise value_error(NEGATIVE_STRIDES)
    if any(s % item for s in arr.strides):
        raise value_error("given numpy array strides not a multiple of the element byte size. Copy the numpy array "
                          "to reallocate the memory.")
    if not arr.dtype.isnative:
        raise value_error("given numpy array has byte order different from the native byte order. Conversion between "
                          "byte orders is currently not supported.")
    stride = tuple(s // item for s in arr.strides)
    if not arr.flags.writeable and warn_if_not_writeable:
        warn_once(NOT_WRITABLE)
    plain = undo.writable(arr.view(np.ndarray))  # (PyTorch writes into a read-only array's memory anyway)
    span = 0 if arr.size == 0 else 1 + sum((n - 1) * s for n, s in zip(arr.shape, stride))
    flat = np.lib.stride_tricks.as_strided(plain, (span,), (item,)) if span else np.empty(0, arr.dtype)
    storage = ArrayStorage(flat)
    storage.address = _address(arr) if span else None  # (arr: as_strided and a read-only array's alias end its bases)
    shared(storage)
    return Tensor._make(storage, 0, arr.shape, stride, dt, plain, VersionCounter())


def frombuffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False):
    """torch.frombuffer (tensor_new.cpp): a 1-D tensor over the buffer's own bytes, with its checks in order; a
    read-only buffer is written through anyway, after PyTorch's warning."""
    from .errors import warn_once
    try:
        view = memoryview(buffer)
    except TypeError:
        raise value_error("object does not implement Python buffer protocol.") from None
    length, size = view.nbytes, dtype.itemsize
    if length <= 0 or count == 0:
        raise value_error(f"both buffer length ({length}) and count ({count}) must not be 0")
    if not 0 <= offset < length:
        raise value_error(f"offset ({offset} bytes) must be non-negative and no greater than buffer length ({length} "
                          f"bytes) minus 1")
    if count <= 0 and (length - offset) % size:
        raise value_error(f"buffer length ({length - offset} bytes) after offset ({offset} bytes) must be a multiple "
                          f"of element size ({size})")
    actual = (length - offset) // size if count < 0 else count
    if offset + actual * size > length:
        raise value_error(f"requested buffer length ({actual} * {size} bytes) after offset ({offset} bytes) must not "
                          f"be greater than actual buffer length ({length} bytes)")
    if view.readonly:
        warn_once("The given buffer is not writable, and PyTorch does not support non-writable tensors. This means "
                  "you can write to the underlying (supposedly non-writable) buffer using the tensor. You may want to "
                  "copy the buffer to protect its data or make it writable before converting it to a tensor. This "
                  "type of warning will be suppressed for the rest of this program.")
    arr = np.frombuffer(view.cast("B"), dtype=dtype.np, count=actual, offset=offset)
    if view.readonly:
        arr = arr.copy()  # (numpy cannot write through a read-only buffer: the values, not the memory, are shared)
    out = from_numpy(arr)
    if requires_grad:
        out.requires_grad_(True)
    return out


"""What tensorsh has in PyTorch's words although it has no GPU: `.numpy()` and `torch.from_numpy` (numpy arrays
sharing a tensor's memory, as PyTorch's do), `.half()`, and `.cuda()`/`.to("cuda")` failing as PyTorch without
CUDA fails."""
import numpy as np

from . import dtypes, pyapi, undo
from .errors import make, runtime, type_error, value_error
from .ops.copies import to
from .storage import Storage, VersionCounter
from .tensorimpl import Device, Tensor

NOT_COMPILED = "Torch not compiled with CUDA enabled"
NO_ACCELERATOR = "Cannot access accelerator device when none is available."
NUMPY_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."


class ndarray(np.ndarray):
    """The numpy arrays a program holds (`.numpy()`, the `numpy` module's results): numpy's arrays, printed as numpy
    prints them, with only harmless attributes readable from the language (no files, no pickles, no raw buffers).
    `.numpy()` views the tensor's storage and `torch.from_numpy` the array's memory, as in PyTorch, so a write
    through one shows in the other; every write into an array is journaled first, so a failed statement takes it
    back like any tensor write."""
    __module__ = "numpy"
    __api__ = frozenset({"shape", "dtype", "ndim", "size", "itemsize", "nbytes", "strides", "T", "tolist", "item",
                         "sum", "mean", "max", "min", "prod", "std", "var", "argmax", "argmin", "cumsum", "copy",
                         "astype", "reshape", "flatten", "ravel", "transpose", "all", "any", "round", "clip", "base",
                         "flags", "dot", "squeeze", "swapaxes", "nonzero", "argsort", "real", "imag", "view"})

    def __repr__(self):
        return repr(self.view(np.ndarray))

    def __str__(self):
        return str(self.view(np.ndarray))

    def __setitem__(self, key, value):
        undo.touch_array(self)
        np.ndarray.__setitem__(self, key, value)

    def fill(self, value):
        undo.touch_array(self)
        np.ndarray.fill(self, value)


def _journaled(name):
    method = getattr(np.ndarray, name)

    def inplace(self, other):
        undo.touch_array(self)
        return method(self, other)
    inplace.__name__ = name
    return inplace


for _name in ("__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__",
              "__imatmul__", "__iand__", "__ior__", "__ixor__", "__ilshift__", "__irshift__"):
    setattr(ndarray, _name, _journaled(_name))


def numpy(self, force=False):
    if self.requires_grad and not force:
        raise runtime(NUMPY_GRAD)
    if self.dtype is dtypes.bfloat16:
        raise type_error("Got unsupported ScalarType BFloat16")
    return self._np.view(ndarray)


_SUPPORTED = ("float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, uint16, "
              "uint8, and bool")
NEGATIVE_STRIDES = ("At least one stride in the given numpy array is negative, and tensors with negative strides are "
                    "not currently supported. (You can probably work around this by making a copy of your array  with "
                    "array.copy().) ")


def array_dtype(arr):
    """The tensor dtype of a numpy array's (PyTorch's error for the types it cannot convert)."""
    for dt in dtypes.ALL:
        if dt is not dtypes.bfloat16 and dt.np == arr.dtype:
            return dt
    raise type_error(f"can't convert np.ndarray of type numpy.{arr.dtype.type.__name__}. The only supported types "
                     f"are: {_SUPPORTED}.")


def from_numpy(arr):
    """torch.from_numpy: a tensor over the array's own memory (its strides in elements), sharing it both ways."""
    if not isinstance(arr, np.ndarray):
        raise type_error(f"expected np.ndarray (got {type(arr).__name__})")
    dt = array_dtype(arr)
    item = arr.itemsize
    if any(s < 0 for s in arr.strides):
        raise value_error(NEGATIVE_STRIDES)
    if any(s % item for s in arr.strides):
        raise value_error("given numpy array strides not a multiple of the element byte size. Copy the numpy array "
                          "to reallocate the memory.")
    stride = tuple(s // item for s in arr.strides)
    plain = arr.view(np.ndarray)
    span = 0 if arr.size == 0 else 1 + sum((n - 1) * s for n, s in zip(arr.shape, stride))
    flat = np.lib.stride_tricks.as_strided(plain, (span,), (item,)) if span else np.empty(0, arr.dtype)
    return Tensor._make(Storage(flat), 0, arr.shape, stride, dt, plain, VersionCounter())


def half(self, memory_format=None):
    return to(self, dtypes.float16)


def bfloat16(self, memory_format=None):
    return to(self, dtypes.bfloat16)


def cuda(self, device=None, non_blocking=False, memory_format=None):
    if isinstance(device, str) and pyapi.parse_device(device)[0] != "cuda":
        raise runtime("Invalid device, must be cuda device")
    if device is None:
        raise make("AssertionError", NOT_COMPILED)
    raise runtime(NO_ACCELERATOR)


def to_device(self, *args, **kwargs):
    """Tensor.to: the device read as PyTorch reads it (pyapi.to_device: a device string, an accelerator index,
    CUDA refused as PyTorch without CUDA refuses it); one written with an index (`cpu:0`) makes a copy."""
    device = kwargs.pop("device", None)
    if args and isinstance(args[0], (str, int, Device)) and not isinstance(args[0], bool):
        device, args = args[0], args[1:]
    if device is not None and pyapi.to_device(device):
        kwargs["copy"] = True
        kwargs.setdefault("dtype", next((a if isinstance(a, dtypes.DType) else a.dtype for a in args
                                         if isinstance(a, (dtypes.DType, type(self)))), self.dtype))
    return to(self, *args, **kwargs)

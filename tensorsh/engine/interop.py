"""What tensorsh has in PyTorch's words although it has no GPU: `.numpy()` and `torch.from_numpy` (numpy arrays
sharing a tensor's memory, as PyTorch's do), `.half()`, and `.cuda()`/`.to("cuda")` failing as PyTorch without
CUDA fails."""

from . import autograd, dtypes, messages, pyapi
from .arrays import ndarray, shared
from .errors import make, runtime, type_error, value_error, warn
from .ops.copies import to
from .storage import HeldByNumpy, is_zero_tensor
from .tensorimpl import Device

NOT_COMPILED = "Torch not compiled with CUDA enabled"
NO_ACCELERATOR = "Cannot access accelerator device when none is available."
NUMPY_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."


def numpy(self, force=False):
    """tensor_to_numpy: force=True is numpy() of detach().resolve_conj(); without it, a tensor that requires grad
    (in grad mode) and a conj view are refused."""
    self._refuse_if_batched(messages.VMAP_NO_STORAGE)
    if force:
        return numpy(self.detach().resolve_conj().resolve_neg())
    if self.requires_grad and autograd.is_grad_enabled():
        raise runtime(NUMPY_GRAD)
    if self.is_conj():
        raise runtime("Can't call numpy() on Tensor that has conjugate bit set. Use tensor.resolve_conj().numpy() "
                      "instead.")
    if self.is_neg():
        raise runtime("Can't call numpy() on Tensor that has negative bit set. Use tensor.resolve_neg().numpy() "
                      "instead.")
    if is_zero_tensor(self):  # (its text begins with a space, as PyTorch's)
        raise runtime(" Cannot convert a ZeroTensor to numpy. Set force=True if you need the zero array.")
    if self.dtype is dtypes.bfloat16:
        raise type_error("Got unsupported ScalarType BFloat16")
    shared(self._storage)
    HeldByNumpy.add(self._storage)
    return self._np.view(ndarray)


ARRAY_COPY = ("__array__ implementation doesn't accept a copy keyword, so passing copy=False failed. __array__ must "
              "implement 'dtype' and 'copy' keyword arguments. To learn more, see the migration guide "
              "https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword")
NO_COPY = ("Unable to avoid copy while creating an array as requested.\nIf using `np.array(obj, copy=False)` replace it "
           "with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).\nFor more details, "
           "see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.")


def array(self, dtype=None, **copy):
    """Tensor.__array__ (numpy reads a tensor as its .numpy(), with its refusals: requires grad, bfloat16).
    PyTorch's takes no `copy`, so numpy (np.array(t)) calls it again without one, with its DeprecationWarning, and
    copies itself; copy=False then fails."""
    if copy:
        warn(ARRAY_COPY, "DeprecationWarning")
    result = numpy(self) if dtype is None else numpy(self).astype(dtype, copy=False)
    if copy and copy["copy"] is False:
        raise value_error(NO_COPY)
    return result.copy() if copy and copy["copy"] else result


ARRAY_WRAP = ("__array_wrap__ must accept context and return_scalar arguments (positionally) in the future. "
              "(Deprecated NumPy 2.0)")


def array_wrap(self, array, context=None, return_scalar=False):
    """Tensor.__array_wrap__: a numpy ufunc's result over a tensor operand (`t + arr` once the tensor's `+` has
    declined the array) is torch.from_numpy of it, bool results as uint8. PyTorch's takes one argument, so numpy
    calls it a second time after the first call's TypeError, with its DeprecationWarning (given here: numpy's own
    would name tensorsh's source line)."""
    from .arrays import from_numpy
    warn(ARRAY_WRAP, "DeprecationWarning")
    if array.dtype == bool:
        array = array.astype("uint8")
    return from_numpy(array.view(ndarray) if type(array) is not ndarray else array)


def half(self, memory_format=None):
    return to(self, dtypes.float16, memory_format=memory_format)


def bfloat16(self, memory_format=None):
    return to(self, dtypes.bfloat16, memory_format=memory_format)


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
    if args and isinstance(args[0], (str, int, Device)) and not isinstance(args[0], bool) and not (
            type(args[0]) is int and len(args) > 1 and not (args[1] is None or isinstance(args[1], dtypes.DType))):
        device, args = args[0], args[1:]  # (an int then no dtype: the Tensor overload's number, read by to())
    if device is not None and pyapi.to_device(device):
        kwargs["copy"] = True
        kwargs.setdefault("dtype", next((a if isinstance(a, dtypes.DType) else a.dtype for a in args
                                         if isinstance(a, (dtypes.DType, type(self)))), self.dtype))
    return to(self, *args, **kwargs)

"""What tensorsh has in PyTorch's words although it has no GPU: `.numpy()` and `torch.from_numpy` (numpy arrays
sharing a tensor's memory, as PyTorch's do), `.half()`, and `.cuda()`/`.to("cuda")` failing as PyTorch without
CUDA fails."""

from . import dtypes, pyapi
from .arrays import ndarray, shared
from .errors import make, runtime, type_error
from .ops.copies import to
from .tensorimpl import Device

NOT_COMPILED = "Torch not compiled with CUDA enabled"
NO_ACCELERATOR = "Cannot access accelerator device when none is available."
NUMPY_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."


def numpy(self, force=False):
    if self.requires_grad and not force:
        raise runtime(NUMPY_GRAD)
    if self.dtype is dtypes.bfloat16:
        raise type_error("Got unsupported ScalarType BFloat16")
    shared(self._storage)
    return self._np.view(ndarray)


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

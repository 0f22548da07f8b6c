"""What tensorsh has in PyTorch's words although it has no GPU: `.numpy()` (a read-only numpy view of the
storage, as PyTorch's shares it), `.half()`, and `.cuda()`/`.to("cuda")` failing as PyTorch without CUDA fails."""
import numpy as np

from . import dtypes
from .errors import make, runtime
from .ops.copies import to

NOT_COMPILED = "Torch not compiled with CUDA enabled"
NO_ACCELERATOR = "Cannot access accelerator device when none is available."
NUMPY_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."


class ndarray(np.ndarray):
    """What `.numpy()` returns: numpy's array, printed as numpy prints it, with only harmless attributes readable
    from the language (no files, no pickles, no raw buffers). It views the tensor's storage, so an in-place change
    of the tensor shows in it, as in PyTorch; it is read-only, so it cannot change a tensor behind the undo
    journal's back (PyTorch would let it)."""
    __api__ = frozenset({"shape", "dtype", "ndim", "size", "itemsize", "nbytes", "strides", "T", "tolist", "item",
                         "sum", "mean", "max", "min", "prod", "std", "var", "argmax", "argmin", "cumsum", "copy",
                         "astype", "reshape", "flatten", "ravel", "transpose", "all", "any", "round", "clip"})

    def __repr__(self):
        return repr(self.view(np.ndarray))

    def __str__(self):
        return str(self.view(np.ndarray))


def numpy(self, force=False):
    if self.requires_grad and not force:
        raise runtime(NUMPY_GRAD)
    view = self._np.view(ndarray)
    view.flags.writeable = False
    return view


def half(self, memory_format=None):
    return to(self, dtypes.float16)


def cuda(self, device=None, non_blocking=False, memory_format=None):
    if device is None:
        raise make("AssertionError", NOT_COMPILED)
    raise runtime(NO_ACCELERATOR)


def _is_cuda(device):
    return isinstance(device, str) and device.split(":")[0] == "cuda"


def to_device(self, *args, **kwargs):
    """Tensor.to, refusing a CUDA device as PyTorch without CUDA does."""
    if any(_is_cuda(a) for a in args) or _is_cuda(kwargs.get("device")):
        raise make("AssertionError", NOT_COMPILED)
    return to(self, *args, **kwargs)

"""Creation spellings beside creation.py: the legacy Tensor.new, strided empties, scalar_tensor and the deprecated
inclusive torch.range."""
import math

import numpy as np

from .. import creation, dtypes, messages
from ..errors import runtime, type_error, warn
from ..pyapi import legacy_new
from .core import Tensor, empty_strided as _empty_strided, make_view, type_name, zero_tensor_of
from .registry import op


def new(self, *args, **kwargs):
    """x.new(...): the legacy constructor of x's dtype (torch.DoubleTensor(...) for a float64 x)."""
    return legacy_construct(args, kwargs, self.dtype)


def legacy_construct(args, kwargs, dtype, typed=True):
    """torch.FloatTensor(...), torch.Tensor(...) (typed=False: a tensor given is taken whatever its dtype) and x.new."""
    form = legacy_new(args, kwargs)  # (PyTorch's parser of the legacy constructors)
    if form[0] in ("data", "storage"):
        return (creation.legacy_from_data if form[0] == "data" else creation.legacy_from_storage)(form[1], dtype)
    if form[0] == "other":
        other = form[1]
        if other.dtype is not dtype and typed:  # (the legacy constructor does not convert)
            options = ("TensorOptions(dtype={}, device=cpu, layout=Strided, requires_grad=false (default), "
                       "pinned_memory=false (default), memory_format=(nullopt))")
            raise type_error(f"expected {options.format(dtypes.C_NAMES[dtype.name])} (got "
                             f"{options.format(dtypes.C_NAMES[other.dtype.name])})")
        return make_view(other, other._shape, other._stride, other._offset, "AliasBackward0")  # (other.alias())
    if form[0] == "size":  # (PyTorch's is uninitialized memory; zeros here, its sizes checked as empty's)
        return creation.zeros(creation._size(tuple(form[1]), None), dtype=dtype)
    return creation.tensor([], dtype=dtype)


def _ints(name, value, arg, position):
    if isinstance(value, Tensor) or not isinstance(value, (tuple, list)) or \
            any(type(v) is not int for v in value):
        raise type_error(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, not "
                         f"{type_name(value)}")
    return tuple(value)


def _strided(name, size, stride, dtype, requires_grad):
    size, stride = _ints(name, size, "size", 1), _ints(name, stride, "stride", 2)
    if len(size) != len(stride):
        raise runtime(f"dimensionality of sizes ({len(size)}) must match dimensionality of strides ({len(stride)})")
    for s in size:
        if s < 0:
            raise runtime(f"Trying to create tensor with negative dimension {s}: {list(size)}")
    out = _empty_strided((size, stride, 0), dtype)
    if requires_grad:
        return creation._requiring_grad(out, True)
    return out


def empty_strided(size, stride, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    return _strided("empty_strided", size, stride, dtype or dtypes.DEFAULT_FLOAT, requires_grad)


def empty_permuted(size, physical_layout, *, dtype=None, layout=None, device=None, pin_memory=False,
                   requires_grad=False):
    """ATen's empty_permuted: contiguous in the physical order, strided back to the logical one."""
    size, order = _ints("empty_permuted", size, "size", 1), _ints("empty_permuted", physical_layout, "physical_layout", 2)
    dim = len(size)
    if dim != len(order):
        raise runtime(f"Number of dimensions in size does not match the length of the physical_layout; i.e. "
                      f"len(size) = {dim} is not equal to len(physical_layout) = {len(order)}")
    seen = set()
    for i, d in enumerate(order):
        if not 0 <= d < dim:
            raise runtime(f"Dimension out of range (expected to be between 0 and {dim - 1}, but got {d} at index "
                          f"{i}).  NB: negative dims not currently supported; file an issue if you want it.")
        if d in seen:
            raise runtime("Duplicate dim not allowed")
        seen.add(d)
    stride, step = [0] * dim, 1
    for d in reversed(order):
        stride[d] = step
        step *= max(size[d], 1)
    return _strided("empty_permuted", size, stride, dtype or dtypes.DEFAULT_FLOAT, requires_grad)


def new_empty_strided(self, size, stride, *, dtype=None, layout=None, device=None, requires_grad=False,
                      pin_memory=False):
    return _strided("new_empty_strided", size, stride, dtype or self.dtype, requires_grad)


def scalar_tensor(s, *, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False):
    """A 0-dim tensor of the number s, of the default float dtype unless dtype says otherwise."""
    if isinstance(s, Tensor):
        s = s.item()
    return creation.full((), s, dtype=dtype or dtypes.DEFAULT_FLOAT, requires_grad=requires_grad)


RANGE_DEPRECATED = ("torch.range is deprecated and will be removed in a future release because its behavior is "
                    "inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in "
                    "[start, end).")


def range_(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None, requires_grad=False,
           pin_memory=False):
    """torch.range: end included, the default float dtype whatever the arguments' types."""
    if end is None:
        raise type_error("range() missing required argument 'end' (pos 2)")
    warn(RANGE_DEPRECATED)
    dt = dtype or dtypes.DEFAULT_FLOAT
    values = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    start, end, step = creation.range_scalars("range_cpu", dt, values)
    creation.accumulate_checked(dt, (start, end, step))  # (range_out's numbers in the accumulate type: an integer
    if dt.category == 1:                                   # dtype's truncated to int64, a float16's in float)
        start, end, step = int(start), int(end), int(step)
    acc = np.float32 if dt.itemsize == 2 else np.float64
    if not (step > 0 or step < 0):
        raise runtime("step must be nonzero")
    if not (math.isfinite(start) and math.isfinite(end)):
        raise runtime(f"unsupported range: {messages.cpp_double(start)} -> {messages.cpp_double(end)}")
    if (step > 0 and end < start) or (step < 0 and start < end):
        raise runtime("upper bound and lower bound inconsistent with step sign")
    if dt.category == 2:
        start, end, step = acc(start), acc(end), acc(step)
        n = int((end - start) / step + 1)  # (numpy scalars of acc: each step rounded there)
        arr = creation._round_to(start + np.arange(n, dtype=acc) * step, dt)
    else:
        n = abs(end - start) // abs(step) + 1
        arr = (start + np.arange(n, dtype=np.int64) * step).astype(dt.np)
    return creation._requiring_grad(Tensor._from_numpy(arr, dt), requires_grad)


def efficientzerotensor(size, *, dtype=None, layout=None, device=None, pin_memory=False):
    """torch._efficientzerotensor: a ZeroTensor of the size (zeros that cannot be written; see ZeroCounter)."""
    size = (size,) if type(size) is int else _ints("_efficientzerotensor", size, "size", 1)
    return zero_tensor_of(creation.zeros(size, dtype=dtype))


op("new", new)
op("new_empty_strided", new_empty_strided)
FUNCTIONS = {"_efficientzerotensor": efficientzerotensor, "empty_strided": empty_strided, "empty_permuted": empty_permuted, "scalar_tensor": scalar_tensor, "range": range_}
range_.__name__ = range_.__qualname__ = "range"

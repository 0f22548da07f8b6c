"""Tensor.apply_ / map_ / map2_: a Python callable run on each element (torch/csrc/utils/tensor_apply.cpp), in the
tensor's logical order, its results stored back as python_scalars.h's store_scalar converts them; the storage is
written directly, so no version moves (as in PyTorch). (Loaded on first use: rows in ops/lazy.py.)"""
import math

import numpy as np

from .. import dtypes, undo
from ..errors import runtime, type_error
from ..scalars import fits, unpack_long
from ..tensorimpl import Tensor
from .core import type_name
from .views import expand


def apply_(self, *args, **kwargs):
    if kwargs:  # (a METH_O method: one positional argument)
        raise type_error("TensorBase.apply_() takes no keyword arguments")
    if len(args) != 1:
        raise type_error(f"TensorBase.apply_() takes exactly one argument ({len(args)} given)")
    _no_grad("apply_", self)
    return _run(self, args[0], ())


def map_(self, other, callable):
    if not isinstance(other, Tensor):
        raise type_error(f"map_(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    _no_grad("map_", self, other)
    _same_type("map_", self, other, "'other'")
    return _run(self, callable, (_expanded(other, self),))


def map2_(self, x, y, callable):
    for position, (name, t) in enumerate((("x", x), ("y", y)), 1):
        if not isinstance(t, Tensor):
            raise type_error(f"map2_(): argument '{name}' (position {position}) must be Tensor, not {type_name(t)}")
    _no_grad("map2_", self, x, y)
    _same_type("map2_", self, x, "argument 'x'")
    _same_type("map2_", self, y, "argument 'y'")
    return _run(self, callable, (_expanded(x, self), _expanded(y, self)))


def _no_grad(op, *tensors):
    if any(t.requires_grad for t in tensors):
        raise runtime(f"Can't call {op}() on Variable that requires grad. Use var.detach().{op}() instead.")


def _same_type(op, self, other, what):
    if other.dtype is not self.dtype:
        raise type_error(f"{op}: expected {self.type()} for {what} (got {other.type()})")


def _expanded(other, self):
    return other if other._shape == self._shape else expand(other, self._shape)


def _run(self, fn, others):
    if not callable(fn):
        raise type_error(f"'{type_name(fn)}' object is not callable")
    arrays = [self._np] + [t._np for t in others]
    loads = [_load(a.dtype) for a in arrays]
    store = _store(self.dtype)
    for place in np.ndindex(*self._shape):
        result = fn(*(load(a[place]) for load, a in zip(loads, arrays)))
        undo.touch(self._storage)
        self._np[place] = dtypes.stored(store(result), self.dtype)
    if self.dtype is dtypes.bfloat16:
        dtypes.round_bfloat16(self._np)
    return self


def _load(np_dtype):
    if np_dtype == np.bool_:
        return bool
    return int if np_dtype.kind in "iu" else float


_INTEGRAL = {"uint8": "uint8", "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64"}


def _store(dtype):
    """store_scalar: a float dtype unpacks a double, an integer one a float (checked) or an index, bool a number's
    truth."""
    if dtype is dtypes.bool_:
        def to_bool(v):
            if isinstance(v, float):
                return bool(v)
            return bool(_index(v))
        return to_bool
    if dtype.category == 1:
        name = _INTEGRAL[dtype.name]

        def to_int(v):  # (c10's checked_convert: an unsigned type takes down to -max, wrapping)
            v = v if isinstance(v, float) else _index(v)
            if not fits(dtype, v):
                raise runtime(f"value cannot be converted to type {name} without overflow")
            return np.asarray(math.trunc(v)).astype(dtype.np)
        return to_int

    def to_float(v):
        if isinstance(v, Tensor) or not isinstance(v, (int, float)):
            if isinstance(v, Tensor) and v.numel() == 1:
                return float(v.item())
            raise type_error(f"must be real number, not {type_name(v)}")
        try:
            return float(v)
        except OverflowError:
            return math.inf if v > 0 else -math.inf
    return to_float


def _index(v):
    """THPUtils_unpackLong: the object's __index__, 64 bits."""
    if isinstance(v, int):
        return unpack_long(v)
    raise type_error(f"'{type_name(v)}' object cannot be interpreted as an integer")

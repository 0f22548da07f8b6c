"""isclose as PyTorch's composite computes it: the same dtype required, equality, then the tolerances' error test
in the tensors' own precision, each step written into the result in place (so its _version counts them)."""
import numpy as np

from .. import dtypes
from ..errors import runtime, type_error
from .core import Tensor, check_broadcast, fresh, type_name, written


def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not isinstance(other, Tensor):
        raise type_error(f"isclose(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    if self.dtype is not other.dtype:
        raise runtime(f"{dtypes.SCALAR_NAMES[self.dtype.name]} did not match {dtypes.SCALAR_NAMES[other.dtype.name]}")
    if rtol < 0:
        raise runtime(f"rtol must be greater than or equal to zero, but got {_number(rtol)}")
    if atol < 0:
        raise runtime(f"atol must be greater than or equal to zero, but got {_number(atol)}")
    check_broadcast(self, other)
    a, b = np.broadcast_arrays(self._np, other._np)
    close = fresh(np.array(a == b, order="C"), dtypes.bool_)
    floating = self.dtype.category == 2
    if equal_nan and floating:
        close._np[...] |= np.isnan(a) & np.isnan(b)
        written(close)
    if rtol == 0 and atol == 0:
        return close
    work = np.dtype(self.dtype.np if floating else dtypes.DEFAULT_FLOAT.np).type
    x, y = a.astype(work), b.astype(work)
    with np.errstate(all="ignore"):
        allowed = work(atol) + np.abs(work(rtol) * y)
        actual = np.abs(x - y)
        close._np[...] |= np.isfinite(actual) & (actual <= allowed)
    written(close)
    return close


def _number(v):
    return int(v) if float(v).is_integer() else v

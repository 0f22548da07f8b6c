"""Pointwise ops beyond the arithmetic core: atan2 and fmod with their gradients, and the floating-point tests
isinf, isfinite, isposinf, isneginf, with logical_xor."""
import numpy as np

from . import dtypes, kernels
from .autograd import NOTHING_SAVED, SavedTensor
from .errors import type_error
from .functions import _BinaryNode, _attach, _binary, _check_broadcast, _needs_grad, _new, _operands, _wrap
from .tensor import Tensor


def _atan2_values(a, b):
    """float32 atan2 as PyTorch computes it: SLEEF on whole two-vector chunks, the C library's atan2f on the rest
    (so all of a small tensor); the chunks get the correctly rounded value, which SLEEF's nearly always is."""
    if a.dtype != np.float32:
        return np.arctan2(a, b)
    out = np.arctan2(a, b, dtype=np.float64).astype(np.float32)
    chunk = kernels._vector_chunk() if kernels.compiled is not None else None
    scalar = kernels._libm("atan2f", 2) if chunk is not None else None
    if scalar is None or np.shape(a) != np.shape(b) or out.size > kernels.GRAIN_SIZE:
        return out
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.flags.c_contiguous and b.flags.c_contiguous):
        return out
    flat, fa, fb = out.reshape(-1), a.reshape(-1), b.reshape(-1)
    start = fa.size // chunk * chunk
    flat[start:] = [scalar(x, y) for x, y in zip(fa[start:].tolist(), fb[start:].tolist())]
    return out


class Atan2Backward0(_BinaryNode):
    __slots__ = ()
    name_ = "Atan2Backward0"

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        recip = (a * a + b * b).reciprocal()  # PyTorch's atan2_backward
        return (g * b * recip if self.wants(0) else None), (g * -a * recip if self.wants(1) else None)


def _float_operands(a, b):
    """atan2 promotes integers to the default float, as PyTorch's float ops do."""
    _check_broadcast(a, b)
    an, bn, dt = _operands(a, b)
    if dt.category < 2:
        dt = dtypes.DEFAULT_FLOAT
        an, bn = np.asarray(an, dt.np), np.asarray(bn, dt.np)
    return an, bn, dt


def atan2(self, other):
    if type(other) is not Tensor:
        raise type_error(f"atan2(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    an, bn, dt = _float_operands(self, other)
    out = _wrap(np.asarray(_atan2_values(np.asarray(an), np.asarray(bn)), dt.np), dt)
    if _needs_grad(self, other):
        _attach(out, Atan2Backward0(self, other, out))
    return out


class FmodBackward0(_BinaryNode):
    """fmod by a number: the gradient passes unchanged."""
    __slots__ = ()
    name_ = "FmodBackward0"

    def grads(self, g):
        return g, None


class FmodBackward1(_BinaryNode):
    __slots__ = ()
    name_ = "FmodBackward1"

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a) if self.wants(1) else NOTHING_SAVED,
                      SavedTensor(b) if self.wants(1) else NOTHING_SAVED)

    def grads(self, g):
        gb = None
        if self.wants(1):
            a, b = self.unpack()
            gb = -g * a.div(b, rounding_mode="trunc")
        return (g if self.wants(0) else None), gb


def fmod(self, other):
    return _binary(self, other, np.fmod, FmodBackward1 if type(other) is Tensor else FmodBackward0)


def _test(np_fn, integers):
    def op(self):
        if self.dtype.category < 2:
            return _new(np.full(self._shape, integers, np.bool_), dtypes.bool_)
        return _new(np.asarray(np_fn(self._np)), dtypes.bool_)
    return op


isinf = _test(np.isinf, False)
isfinite = _test(np.isfinite, True)
isposinf = _test(np.isposinf, False)
isneginf = _test(np.isneginf, False)


def logical_xor(self, other):
    _check_broadcast(self, other)
    an, bn, _ = _operands(self, other)
    return _wrap(np.asarray(np.logical_xor(an, bn)), dtypes.bool_)


METHODS = {"atan2": atan2, "arctan2": atan2, "fmod": fmod, "isinf": isinf, "isfinite": isfinite,
           "isposinf": isposinf, "isneginf": isneginf, "logical_xor": logical_xor}
FUNCTIONS = tuple(METHODS)

for _name, _fn in METHODS.items():
    setattr(Tensor, _name, _fn)
Tensor.__api__ = Tensor.__api__ | frozenset(METHODS)

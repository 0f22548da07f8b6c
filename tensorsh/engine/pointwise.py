"""Pointwise ops beyond the arithmetic core: atan2, fmod, hypot, xlogy, nan_to_num, sgn with their gradients, and
the floating-point tests isinf, isfinite, isposinf, isneginf, signbit, with logical_xor."""
import numpy as np

from . import dtypes, kernels
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import make, type_error
from .tensorimpl import Tensor
from .ops.core import (BinaryNode, NONE_EDGE, attach, binary_op, binary_operands, check_broadcast, fresh, from_numpy,
                       laid_out_like, needs_grad, zeros_of)


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


class Atan2Backward0(BinaryNode):

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        recip = (a * a + b * b).reciprocal()  # PyTorch's atan2_backward
        return (g * b * recip if self.wants(0) else None), (g * -a * recip if self.wants(1) else None)


def _float_operands(a, b):
    """atan2 promotes integers to the default float, as PyTorch's float ops do."""
    check_broadcast(a, b)
    an, bn, dt = binary_operands(a, b)
    if dt.category < 2:
        dt = dtypes.DEFAULT_FLOAT
        an, bn = np.asarray(an, dt.np), np.asarray(bn, dt.np)
    return an, bn, dt


def atan2(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"atan2(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    an, bn, dt = _float_operands(self, other)
    out = from_numpy(np.asarray(_atan2_values(np.asarray(an), np.asarray(bn)), dt.np), dt)
    if needs_grad(self, other):
        attach(out, Atan2Backward0(self, other, out))
    return out


class FmodBackward0(BinaryNode):
    """fmod by a number: the gradient passes unchanged."""
    number_edges = 1

    def grads(self, g):
        return g, None


class FmodBackward1(BinaryNode):

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
    return binary_op(self, other, np.fmod, FmodBackward1 if isinstance(other, Tensor) else FmodBackward0)


# ------------------------------------------------------------------ hypot, xlogy, nan_to_num, sgn, signbit

def _float_only(op, kernel, *tensors):
    """The kernel is dispatched on the operands' common dtype: an integer or bool one has none."""
    dt = dtypes.result_type(tensors)
    if dt.category < 2:
        raise make("NotImplementedError", f'"{kernel}" not implemented for \'{dtypes.SCALAR_NAMES[dt.name]}\'')


class HypotBackward0(BinaryNode):

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b), SavedTensor(out, is_output=True))

    def grads(self, g):
        a, b, result = self.unpack()
        return (g * a / result if self.wants(0) else None), (g * b / result if self.wants(1) else None)


def hypot(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"hypot(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    _float_only("hypot", "hypot_cpu", self, other)
    check_broadcast(self, other)
    an, bn, dt = binary_operands(self, other)
    values = np.hypot(an, bn, dtype=np.float64) if dt.np == np.float32 else np.hypot(an, bn)  # correctly rounded
    out = from_numpy(np.asarray(values, dt.np), dt)
    if needs_grad(self, other):
        attach(out, HypotBackward0(self, other, out))
    return out


def _log_as_libm(y):
    """log(y) as the C library computes it (PyTorch's xlogy kernel calls std::log element by element)."""
    scalar = kernels._libm("logf" if y.dtype == np.float32 else "log")
    if scalar is None or y.size > kernels.SCALAR_CALLS:
        return np.log(y, dtype=np.float64).astype(y.dtype) if y.dtype == np.float32 else np.log(y)
    flat = np.ascontiguousarray(y).reshape(-1)
    return np.array([scalar(v) for v in flat.tolist()], y.dtype).reshape(y.shape)


def _xlogy_values(x, y):
    x, y = np.broadcast_arrays(x, y)
    with np.errstate(all="ignore"):
        r = x * _log_as_libm(y)
    r = np.where(x == 0, x.dtype.type(0), r)
    return np.where(np.isnan(y), y, r)


class XlogyBackward0(BinaryNode):
    __slots__ = ("numbers",)

    def setup(self, a, b, out):
        self.numbers = (None if isinstance(a, Tensor) else a, None if isinstance(b, Tensor) else b)
        self.saved = (SavedTensor(a) if isinstance(a, Tensor) else NOTHING_SAVED,
                      SavedTensor(b) if isinstance(b, Tensor) else NOTHING_SAVED)

    def grads(self, g):
        a, b = (n if n is not None else t for n, t in zip(self.numbers, self.unpack()))
        ga = None
        if self.wants(0):  # PyTorch's formula: xlogy(grad, other), 0 where self == 0 and other <= 0
            ga = xlogy(g, b)  # (self is a tensor here: it wants a gradient)
            mask = (a == 0) & (b <= 0) if isinstance(b, Tensor) else (a == 0) if b <= 0 else None
            if mask is not None:
                ga = ga.masked_fill(mask, 0.0)
        return ga, (g * a / b if self.wants(1) else None)


class XlogyBackward1(XlogyBackward0):
    """xlogy(number, tensor)."""
    number_edges = 1


class XlogyBackward2(XlogyBackward0):
    """xlogy(tensor, number)."""
    number_edges = 1


def xlogy(self, other):
    if not isinstance(self, Tensor) and not isinstance(other, Tensor):
        raise type_error("xlogy(): expected a Tensor")
    tensors = [t for t in (self, other) if isinstance(t, Tensor)]
    dt = dtypes.result_type([self, other])
    if dt.category < 2:
        dt = dtypes.DEFAULT_FLOAT
    if len(tensors) == 2:
        check_broadcast(self, other)
    a = self._np.astype(dt.np) if isinstance(self, Tensor) else dt.np.type(self)
    b = other._np.astype(dt.np) if isinstance(other, Tensor) else dt.np.type(other)
    out = laid_out_like(np.asarray(_xlogy_values(np.asarray(a), np.asarray(b)), dt.np), dt, self, other)
    if needs_grad(*tensors):
        if not isinstance(self, Tensor):
            node = XlogyBackward1(self, other, out)
        else:
            node = (XlogyBackward0 if isinstance(other, Tensor) else XlogyBackward2)(self, other, out)
        attach(out, node)
    return out

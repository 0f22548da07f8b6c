"""softmax and log_softmax along a dim, with PyTorch's kernels (kernels.softmax) and backward nodes."""
import numpy as np

from .. import autograd, dtypes, errors, kernels
from ..autograd import Node, SavedTensor, edge_of
from .core import REDUCED_FLOATS, SavingNode, attach, check_dtype, fresh, needs_grad
from .registry import op
from ..saved_names import unsigned


class SoftmaxBackward0(Node):
    __slots__ = ("dim", "given_dim")
    log = False
    saved_names, saved_values = ("result",), {"dim": lambda n: unsigned(n.given_dim)}  # (as the program gave it)

    def __init__(self, x, out, dim, given_dim=None):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim
        self.given_dim = dim if given_dim is None else given_dim
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        y, = self.unpack()
        return (softmax_backward_data(g, y, self.dim, self.log, self.given_dim),)


class LogSoftmaxBackward0(SoftmaxBackward0):
    log = True
    saved_names, saved_values = SoftmaxBackward0.saved_names, SoftmaxBackward0.saved_values


def softmax_backward_data(g, y, dim, log, given_dim=None):
    """ATen's _softmax_backward_data / _log_softmax_backward_data: PyTorch's kernel where the kernels have it,
    recorded under create_graph (SoftmaxBackwardDataBackward0, LogSoftmaxBackwardDataBackward0; given_dim: the dim
    as the program gave it, which the node shows)."""
    r = None
    if g._shape == y._shape:
        gn, yn, d = g._np, y._np, dim
        if yn.ndim == 0:
            gn, yn, d = gn.reshape(1), yn.reshape(1), 0
        if y.dtype in REDUCED_FLOATS and g.dtype is y.dtype:  # (PyTorch's reduced-float kernels: float, one rounding;
            gn, yn = gn.astype(np.float32), yn.astype(np.float32)  # log's g - exp(y) * sum in one fused multiply-add)
            with np.errstate(over="ignore", invalid="ignore"):
                r = kernels.fma(-np.exp(yn), np.broadcast_to(np.sum(gn, d, keepdims=True, dtype=np.float32), gn.shape),
                                gn) if log else (gn - np.sum(gn * yn, d, keepdims=True, dtype=np.float32)) * yn
        else:
            r = kernels.softmax_backward(gn, yn, d, log)
    if r is None:
        with autograd.no_grad():
            r = (g - y.exp() * g.sum(dim, keepdim=True)) if log else y * (g - (g * y).sum(dim, keepdim=True))
        r = r._np
    out = fresh(np.asarray(r).reshape(y._shape), y.dtype)
    if needs_grad(g, y):
        attach(out, (LogSoftmaxBackwardDataBackward0 if log else SoftmaxBackwardDataBackward0)(
            g, y, dim, dim if given_dim is None else given_dim))
    return out


class SoftmaxBackwardDataBackward0(SavingNode):
    """The softmax gradient's own derivative: for grad_output the same op again, for output PyTorch's
    softmax_double_backward."""
    __slots__ = ("dim", "given_dim")
    inputs, saves_result, fields = 2, None, ("dim", "given_dim")
    log = False
    saved_names, saved_values = ("grad_output", "output"), {"dim": lambda n: unsigned(n.given_dim)}

    def backward(self, gg):
        g, y = self.unpack()
        d, (want_g, want_y) = self.dim, (e[0] is not None for e in self.next_functions)
        if self.log:
            return ((gg - (gg * y.exp()).sum(d, keepdim=True)) if want_g else None,
                    (-g.sum(d, keepdim=True) * y.exp() * gg) if want_y else None)
        return (softmax_backward_data(gg, y, d, False, self.given_dim) if want_g else None,
                (g * gg - (y * g).sum(d, keepdim=True) * gg - g * (y * gg).sum(d, keepdim=True)) if want_y else None)


class LogSoftmaxBackwardDataBackward0(SoftmaxBackwardDataBackward0):
    __slots__ = ()
    log = True
    saved_names, saved_values = SoftmaxBackwardDataBackward0.saved_names, SoftmaxBackwardDataBackward0.saved_values


def _softmax_op(self, dim, dtype, node_cls):
    check_dtype("log_softmax" if node_cls.log else "softmax", dtype)
    if dtype is not None:  # (ATen's softmax converts first: ToCopyBackward0; the kernel then sees dtype)
        self, dtype = self.to(dtype) if dtype is not self.dtype else self, None
    d = self._wrap_dim(dim)
    if self.numel() == 0:  # no kernel runs on nothing (so no dtype check either)
        out = fresh(np.empty(self._shape, (dtype or self.dtype).np), dtype or self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, out, d, dim))
        return out
    if dtype is None and self.dtype.category != 2:  # (no integer or complex kernel)
        kernel = ("log_softmax" if node_cls.log else "softmax") + ("_lastdim" if d >= self.dim() - 1 else "")
        raise errors.make("NotImplementedError", f"\"{kernel}_kernel_impl\" not implemented for "
                                                 f"'{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    x = self._np if dtype is None else self._np.astype(dtype.np) if dtype is not dtypes.bfloat16 else \
        dtypes.to_bfloat16(self._np)  # (the input converted to dtype first)
    half = x.dtype == np.float16  # (PyTorch computes half in float, rounding the result once)
    x = x.astype(np.float32) if half else x
    if x.ndim == 0:
        x, d = x.reshape(1), 0  # as PyTorch views a 0-d input
    out_dt = dtype or self.dtype
    r = kernels.reduced_softmax(x, d, node_cls.log, dtypes.rounding(out_dt)) if out_dt in REDUCED_FLOATS else None
    if r is None:
        r = (kernels.log_softmax if node_cls.log else kernels.softmax)(x, d)
    r = r.astype(np.float16) if half and r is not None else r
    if r is None:
        shifted = x - np.max(x, axis=d, keepdims=True)
        e = np.exp(shifted)
        r = shifted - np.log(np.sum(e, axis=d, keepdims=True)) if node_cls.log else e / np.sum(e, axis=d, keepdims=True)
        r = np.asarray(r, dtype=np.float16 if half else x.dtype)
    out = fresh(r.reshape(self._shape), dtype or self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out, d, dim))
    return out


def softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, SoftmaxBackward0)


def log_softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, LogSoftmaxBackward0)


def _kernel(node_cls):
    """torch._softmax/_log_softmax: the kernel alone (half_to_float is CUDA's)."""
    def fn(self, dim, half_to_float):
        if half_to_float:
            raise errors.runtime("softmax with half to float conversion is not supported on CPU")
        return _softmax_op(self, dim, None, node_cls)
    return fn


op("softmax", softmax, function=True)
op("log_softmax", log_softmax, function=True)
op("_softmax", _kernel(SoftmaxBackward0), method=False, function=True)
op("_log_softmax", _kernel(LogSoftmaxBackward0), method=False, function=True)

"""Differentiable ops: each forward (numpy) beside its backward node, named as PyTorch names it."""
import builtins
import math

import numpy as np

from . import autograd, dtypes, errors, kernels, layout, messages, multiview, nans, scalars, undo
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import runtime, index_error, type_error, value_error, warn, warn_once
from .storage import check_size
from .tensorimpl import (Tensor, _contiguous_strides, _shape_list)
from .ops.registry import op, operator
from .ops.core import (InputNode, BinaryNode, NONE_EDGE, VIEW_BACKWARD, ViewNode, ZeroGradNode, _non_overlapping_and_dense, Shaped, attach, binary_op,
                       binary_operands, bind_args, cast_for_inplace, check_broadcast, check_inplace, check_broadcast_all, check_dtype,
                       check_fits_output, collect_edges, embed, empty_strided, fresh, from_numpy,
                       input_meta, laid_out_like, make_view, needs_grad, operand_edge, precheck, reduce_grad,
                       refresh_view_grad_fn, self_overlapping, sum_to, tensor_of, tensor_params,
                       true_div_dtype, type_name, write_inplace, write_rows, written, zero_node, zeros_of)



# ------------------------------------------------------------------ gradient helpers


# ------------------------------------------------------------------ elementwise unary


# ------------------------------------------------------------------ binary arithmetic


# ------------------------------------------------------------------ reductions


# ------------------------------------------------------------------ matrix products


# ------------------------------------------------------------------ views


# ------------------------------------------------------------------ indexing


# ------------------------------------------------------------------ in-place machinery


# ------------------------------------------------------------------ copies and conversions


# ------------------------------------------------------------------ new_* (same dtype as self)


# ------------------------------------------------------------------ softmax and losses (torch.nn.functional)

class SoftmaxBackward0(Node):
    __slots__ = ("dim",)
    log = False

    def __init__(self, x, out, dim):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        y, = self.unpack()
        r = _softmax_backward(g, y, self.dim, self.log)
        if r is not None:
            return (r,)
        if self.log:
            return (g - y.exp() * g.sum(self.dim, keepdim=True),)
        return (y * (g - (g * y).sum(self.dim, keepdim=True)),)


class LogSoftmaxBackward0(SoftmaxBackward0):
    log = True


def _softmax_backward(g, y, dim, log):
    """PyTorch's own kernel for the gradient, where no graph is recorded through it and the kernels have it."""
    if autograd._grad_enabled[0] or g._shape != y._shape:
        return None
    gn, yn = g._np, y._np
    if yn.ndim == 0:
        gn, yn, dim = gn.reshape(1), yn.reshape(1), 0
    r = kernels.softmax_backward(gn, yn, dim, log)
    return None if r is None else fresh(r.reshape(y._shape), y.dtype)


def _softmax_op(self, dim, dtype, node_cls):
    check_dtype("log_softmax" if node_cls.log else "softmax", dtype)
    d = self._wrap_dim(dim)
    if self.numel() == 0:  # no kernel runs on nothing (so no dtype check either)
        out = fresh(np.empty(self._shape, (dtype or self.dtype).np), dtype or self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, out, d))
        return out
    if dtype is None and self.dtype.category < 2:
        kernel = ("log_softmax" if node_cls.log else "softmax") + ("_lastdim" if d >= self.dim() - 1 else "")
        raise errors.make("NotImplementedError", f"\"{kernel}_kernel_impl\" not implemented for "
                                                 f"'{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    x = self._np if dtype is None else self._np.astype(dtype.np)
    half = x.dtype == np.float16  # (PyTorch computes half in float, rounding the result once)
    x = x.astype(np.float32) if half else x
    if x.ndim == 0:
        x, d = x.reshape(1), 0  # as PyTorch views a 0-d input
    r = (kernels.log_softmax if node_cls.log else kernels.softmax)(x, d)
    r = r.astype(np.float16) if half and r is not None else r
    if r is None:
        shifted = x - np.max(x, axis=d, keepdims=True)
        e = np.exp(shifted)
        r = shifted - np.log(np.sum(e, axis=d, keepdims=True)) if node_cls.log else e / np.sum(e, axis=d, keepdims=True)
        r = np.asarray(r, dtype=np.float16 if half else x.dtype)
    out = fresh(r.reshape(self._shape), dtype or self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out, d))
    return out


def softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, SoftmaxBackward0)


def log_softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, LogSoftmaxBackward0)


# ------------------------------------------------------------------ joining


# ------------------------------------------------------------------ the rows (see ops/registry.py)


op("softmax", softmax, function=True)
op("log_softmax", log_softmax, function=True)

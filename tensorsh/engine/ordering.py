"""Reductions and orderings beyond sum/mean/max: logsumexp, trace, count_nonzero, nonzero, sort, argsort,
sum_to_size. Values follow PyTorch's kernels (logsumexp's max shift, trace's double accumulator); gradients are
its formulas."""
import numpy as np

from . import autograd, dtypes
from .autograd import Node, SavedTensor, edge_of
from .errors import make, runtime, type_error
from .functions import ReturnTypes, reduce_dims
from .storage import Storage, VersionCounter
from .selection import ReductionBackward
from .tensorimpl import Tensor, _shape_list
from .ops.core import attach, fresh, laid_out_like, needs_grad, sum_to


# ------------------------------------------------------------------ logsumexp

class LogsumexpBackward0(ReductionBackward):

    def backward(self, g):
        x, g, result = self.restored(g)
        return (g * (x - result).exp(),)


def logsumexp(self, dim=None, keepdim=False):
    if dim is None:
        raise type_error('logsumexp() missing 1 required positional arguments: "dim"')
    x = self if self.dtype.category == 2 else self.float()
    dims = reduce_dims(x, dim)
    dims = tuple(range(x.dim())) if dims is None or (dims == () and x.dim()) else dims
    if x.numel() == 0:  # PyTorch: log(sum(exp(x))) without the shift (no max of nothing): -inf, or empty
        with autograd.no_grad():
            out = x.exp().sum(list(dims), keepdim=keepdim).log()
        if needs_grad(self):
            attach(out, LogsumexpBackward0(self, out, dims, keepdim))
        return out
    with autograd.no_grad():  # PyTorch's kernel: shift by the max (an infinite max shifts by 0), sum, log, add back
        maxes = x.amax(dims, keepdim=True) if x.dim() else x.clone()
        maxes = maxes.masked_fill(maxes.abs() == float("inf"), 0.0)
        total = (x - maxes).exp().sum(list(dims), keepdim=keepdim) if x.dim() else (x - maxes).exp()
        shift = maxes if keepdim or not x.dim() else maxes.squeeze(dims)
        out = fresh(np.asarray(total.log()._np + shift._np), x.dtype)
    if needs_grad(self):
        attach(out, LogsumexpBackward0(self, out, dims, keepdim))
    return out


# ------------------------------------------------------------------ trace

class TraceBackward0(Node):
    __slots__ = ("shape",)

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))
        self.shape = x._shape

    def backward(self, g):
        return (_trace_backward(g, self.shape),)


def trace(self):
    if self.dtype is dtypes.bool_:  # (no bool kernel: checked before the shape)
        raise make("NotImplementedError", "\"trace\" not implemented for 'Bool'")
    if self.dim() != 2:
        raise runtime(f"trace: expected a matrix, but got tensor with dim {self.dim()}")
    diagonal = np.diagonal(self._np)
    if self.dtype.category == 2:  # summed in double, one after another, then rounded (PyTorch's acc_type)
        total = np.float64(0)
        for v in diagonal.astype(np.float64):
            total += v
        out = fresh(np.asarray(total, self.dtype.np), self.dtype)
    else:
        out = fresh(np.asarray(np.sum(diagonal, dtype=np.int64)), dtypes.int64)
    if needs_grad(self):
        attach(out, TraceBackward0(self))
    return out


class TraceBackwardBackward0(Node):
    """The adjoint of putting a number on a diagonal: the diagonal's sum (create_graph through trace)."""

    def __init__(self, g):
        Node.__init__(self, (edge_of(g),))

    def backward(self, gg):
        return (gg.diagonal().sum(),)


def _trace_backward(g, shape):
    out = np.zeros(shape, g.dtype.np)
    np.fill_diagonal(out, g._np)
    result = fresh(out, g.dtype)
    if needs_grad(g):
        attach(result, TraceBackwardBackward0(g))
    return result


# ------------------------------------------------------------------ count_nonzero, nonzero

def count_nonzero(self, dim=None):
    dims = reduce_dims(self, dim)
    return fresh(np.asarray(np.count_nonzero(self._np, axis=dims), np.int64), dtypes.int64)


def nonzero(self, as_tuple=False):
    where = np.argwhere(self._np) if self.dim() else np.zeros((int(bool(self._np)), 0), np.int64)
    if as_tuple:
        if not self.dim():
            return (fresh(np.zeros(int(bool(self._np)), np.int64), dtypes.int64),)
        return tuple(fresh(np.ascontiguousarray(where[:, d]), dtypes.int64) for d in range(self.dim()))
    # PyTorch fills it column by column: strides (1, n)
    n, ndim = where.shape
    columns = np.ascontiguousarray(where.T.astype(np.int64)).reshape(-1)
    out = Tensor._make(Storage(columns), 0, (n, ndim), (1, n), dtypes.int64, columns.reshape(ndim, n).T,
                       VersionCounter())
    return out


# ------------------------------------------------------------------ sort, argsort

class SortReturn(ReturnTypes):
    __slots__ = ()
    kind = "sort"


class SortBackward0(Node):
    __slots__ = ("dim", "shape")

    def __init__(self, x, dim, indices):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(indices),)
        self.dim, self.shape = dim, x._shape

    def backward(self, g):
        indices, = self.unpack()  # each value's gradient goes back to the place it was taken from
        return (g.new_zeros(self.shape).scatter_add(self.dim, indices, g),)


class SortBackward1(SortBackward0):
    """sort(..., stable=...): PyTorch's other overload, the same formula."""


def _order(x, dim, descending):
    """Positions that sort x along dim, equal values keeping their order (PyTorch's sort does for up to 16
    elements, its insertion sort; beyond, its unstable sort may order ties otherwise). NaN sorts as largest."""
    if not x.ndim:
        return np.zeros((), np.int64)
    moved = np.moveaxis(x, dim, -1)
    if x.dtype == np.bool_:
        moved = moved.astype(np.int8)
    nan = np.isnan(moved) if moved.dtype.kind == "f" else np.zeros(moved.shape, bool)
    if descending:
        keys = (-moved if moved.dtype.kind == "f" else -moved.astype(np.int64), ~nan)
    else:
        keys = (moved, nan)
    order = np.lexsort(keys, axis=-1)
    return np.moveaxis(order, -1, dim).astype(np.int64)


def _sort_args(op, self, args, kwargs):
    """(dim=-1, descending=False, *, stable=False), PyTorch's order for sort and argsort."""
    if len(args) > 2:
        raise type_error(f"{op}() takes from 0 to 2 positional arguments but {len(args)} were given")
    values = dict(zip(("dim", "descending"), args))
    for key, value in kwargs.items():
        if key not in ("dim", "descending", "stable") or key in values:
            raise type_error(f"{op}() got an unexpected keyword argument '{key}'")
        values[key] = value
    dim = values.get("dim", -1)
    if not isinstance(dim, int) or isinstance(dim, bool):
        raise type_error(f"{op}(): argument 'dim' must be int, not {type(dim).__name__}")
    return self._wrap_dim(dim), bool(values.get("descending", False)), "stable" in values


def sort(self, *args, **kwargs):
    dim, descending, stable_form = _sort_args("sort", self, args, kwargs)
    order = _order(self._np, dim, descending)
    values = np.take_along_axis(self._np, order, dim) if self.dim() else self._np.copy()
    out = laid_out_like(values, self.dtype, self)  # (PyTorch sorts into tensors laid out like self)
    indices = laid_out_like(order, dtypes.int64, self)
    if needs_grad(self):
        attach(out, (SortBackward1 if stable_form else SortBackward0)(self, dim, indices))
    return SortReturn((out, indices))


def argsort(self, *args, **kwargs):
    dim, descending, _ = _sort_args("argsort", self, args, kwargs)
    order = _order(self._np, dim, descending)
    return laid_out_like(order, dtypes.int64, self)


# ------------------------------------------------------------------ sum_to_size

def sum_to_size(self, *size):
    if len(size) == 1 and isinstance(size[0], (list, tuple)):
        size = tuple(size[0])
    shape = tuple(size)
    lead = len(self._shape) - len(shape)
    ok = lead >= 0 and all(s == n or s == 1 for s, n in zip(shape, self._shape[lead:]))
    if not ok:
        raise runtime(f"size {{{_shape_list(shape)}}} is not expandable to size {{{_shape_list(self._shape)}}}.")
    return sum_to(self, shape)

"""Sorting and finding: sort, argsort, nonzero. (Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import dtypes, layout, messages
from ..autograd import Node, SavedTensor, edge_of
from ..errors import runtime, type_error
from ..saved_names import as_given, as_program_gave, given
from ..storage import Storage, VersionCounter
from ..tensorimpl import Tensor, refuse_if_batched
from .core import attach, fresh, needs_grad
from .reductions import selected_into_zeros, values_indices


def nonzero_static(self, *, size, fill_value=-1):
    """nonzero's first `size` rows, padded with fill_value rows to exactly `size`."""
    if size < 0:
        raise runtime(messages.NONZERO_STATIC_SIZE)
    found = nonzero(self)._np[:size]
    out = np.full((size, max(self.dim(), 1) if self.dim() else 0), fill_value, np.int64)
    out[:len(found)] = found
    return fresh(out, dtypes.int64)


def nonzero(self, as_tuple=False):
    refuse_if_batched(self, "Batching rule not implemented for aten::nonzero_numpy. We could not generate a fallback."
                      if as_tuple else messages.VMAP_DYNAMIC_SHAPE.format(op="nonzero"))
    return nonzero_kernel(self, as_tuple)


def nonzero_kernel(self, as_tuple=False):
    """nonzero's result (argwhere's too: under vmap, PyTorch's per-element fallback runs it, where nonzero has a
    batching rule that refuses)."""
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


class SortBackward0(Node):
    __slots__ = ("dim", "shape")
    saved_names, saved_values = ("indices",), {"dim": as_given("dim"), "self_sym_sizes": lambda n: tuple(n.shape)}

    def __init__(self, x, dim, indices):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(indices),)
        self.dim, self.shape = dim, x._shape

    def backward(self, g):
        indices, = self.unpack()  # each value's gradient goes back to the place it was taken from (PyTorch's
        return (selected_into_zeros(self.shape, as_program_gave(self, "dim"), indices, g),)  # (PyTorch's
        # value_selecting_reduction_backward, its dim as given)


class SortBackward1(SortBackward0):
    """sort(..., stable=...): PyTorch's other overload, the same formula."""
    saved_names, saved_values = SortBackward0.saved_names, SortBackward0.saved_values


def _order(x, dim, descending, stable=True, strided=False):
    """Positions that sort x along dim as PyTorch's CPU sort does, NaN as the largest. Stable: equal values keep
    their order. Not stable: std::sort of (value, index) pairs, whose ties come out in introsort's order once a
    row has more than 16 elements (up to 16 its insertion sort keeps them; a 1-d integer tensor of 32768
    elements or more sorted ascending goes through fbgemm's radix sort, stable too); a dim of stride 0 (an
    expanded tensor) is left as it is."""
    if not x.ndim:
        return np.zeros((), np.int64)
    moved = np.moveaxis(x, dim, -1)
    if strided:
        return np.moveaxis(np.broadcast_to(np.arange(moved.shape[-1]), moved.shape), -1, dim).astype(np.int64)
    if x.dtype == np.bool_:
        moved = moved.astype(np.int8)
    nan = np.isnan(moved) if moved.dtype.kind == "f" else np.zeros(moved.shape, bool)
    if descending:
        keys = (-moved if moved.dtype.kind == "f" else ~moved.astype(np.int64), ~nan)  # (~: no overflow at int64's min)
    else:
        keys = (moved, nan)
    order = np.lexsort(keys, axis=-1)
    n = moved.shape[-1]
    if not stable and n > 16 and not (x.ndim == 1 and n >= 32768 and not descending and x.dtype.kind in "iu"):
        rows, sorted_rows = order.reshape(-1, n), np.take_along_axis(moved, order, -1).reshape(-1, n)
        nan_rows = np.take_along_axis(nan, order, -1).reshape(-1, n)
        for r in range(len(rows)):
            tied = (sorted_rows[r, 1:] == sorted_rows[r, :-1]) | (nan_rows[r, 1:] & nan_rows[r, :-1])
            if tied.any():
                rows[r] = _introsort_order(rows[r], np.concatenate(([0], np.cumsum(~tied))))
    return np.moveaxis(order, -1, dim).astype(np.int64)


def _first_less(a, b):
    return a[0] < b[0]


def _introsort_order(order, rank_in_order):
    """std::sort's order of (value, index) pairs, a row's values given as their ranks (equal values one rank): the
    compiled loop's where it is built, order_statistics._std_sort's (the same steps, slower) else."""
    from .order_statistics import _std_sort
    from .. import kernels
    rank = np.empty(len(order), np.int64)
    rank[order] = rank_in_order
    loop = getattr(kernels.compiled, "introsort_ranks", None)
    if loop is not None:
        out = np.empty(len(order), np.int64)
        loop(rank, out)
        return out
    pairs = list(zip(rank.tolist(), range(len(order))))
    _std_sort(pairs, 0, len(pairs), _first_less)
    return [i for _, i in pairs]


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
    return dim, bool(values.get("descending", False)), "stable" in values, bool(values.get("stable"))


def sort(self, *args, **kwargs):
    given_dim, descending, stable_form, stable = _sort_args("sort", self, args, kwargs)
    dim = self._wrap_dim(given_dim)
    order = _order(self._np, dim, descending, stable, self.dim() and self._stride[dim] == 0)
    values = np.take_along_axis(self._np, order, dim) if self.dim() else self._np.copy()
    out = layout.like(values, self.dtype, self)  # (PyTorch sorts into empty_like(self), strides kept)
    indices = layout.like(order, dtypes.int64, self)
    if needs_grad(self):
        attach(out, given((SortBackward1 if stable_form else SortBackward0)(self, dim, indices), dim=given_dim))
    return values_indices("sort", out, indices)


def argsort(self, *args, **kwargs):
    dim, descending, _, stable = _sort_args("argsort", self, args, kwargs)
    dim = self._wrap_dim(dim)
    order = _order(self._np, dim, descending, stable, self.dim() and self._stride[dim] == 0)
    return layout.like(order, dtypes.int64, self)

"""Order statistics: topk, kthvalue, median, nanmedian, mode, with PyTorch's CPU selection algorithms (libstdc++'s
nth_element/partial_sort/sort and PyTorch's quick-select emulated), so ties pick PyTorch's index."""
import builtins
import math

import numpy as np

from .. import dtypes, messages
from ..errors import index_error, make, runtime
from ..saved_names import as_given, as_program_gave, given
from .reductions import SelectingBackward, _ExtremeAll, selected_into_zeros, values_indices
from .core import attach, fresh, needs_grad


# ------------------------------------------------------------------ libstdc++'s selection, as PyTorch calls it

def _nth_element(q, nth, comp):
    """std::nth_element (libstdc++'s introselect) on the list q in place."""
    first, last = 0, len(q)
    depth = 2 * (int(math.log2(last)) if last else 0)
    while last - first > 3:
        if depth == 0:
            _heap_select(q, first, nth + 1, last, comp)
            q[first], q[nth] = q[nth], q[first]
            return
        depth -= 1
        cut = _partition_pivot(q, first, last, comp)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(q, first, last, comp)


def _adjust_heap(q, first, hole, n, value, comp):
    top = second = hole
    while second < (n - 1) // 2:
        second = 2 * (second + 1)
        if comp(q[first + second], q[first + second - 1]):
            second -= 1
        q[first + hole] = q[first + second]
        hole = second
    if n % 2 == 0 and second == (n - 2) // 2:
        second = 2 * (second + 1)
        q[first + hole] = q[first + second - 1]
        hole = second - 1
    parent = (hole - 1) // 2
    while hole > top and comp(q[first + parent], value):
        q[first + hole] = q[first + parent]
        hole, parent = parent, (parent - 1) // 2
    q[first + hole] = value


def _heap_select(q, first, middle, last, comp):
    n = middle - first
    if n >= 2:
        for parent in range((n - 2) // 2, -1, -1):
            _adjust_heap(q, first, parent, n, q[first + parent], comp)
    for i in range(middle, last):
        if comp(q[i], q[first]):
            value, q[i] = q[i], q[first]
            _adjust_heap(q, first, 0, n, value, comp)


def _partial_sort(q, first, middle, last, comp):
    """std::partial_sort: heap_select, then sort_heap."""
    _heap_select(q, first, middle, last, comp)
    while middle - first > 1:
        middle -= 1
        value, q[middle] = q[middle], q[first]
        _adjust_heap(q, first, 0, middle - first, value, comp)


def _partition_pivot(q, first, last, comp):
    mid = first + (last - first) // 2
    a, b, c = first + 1, mid, last - 1
    if comp(q[a], q[b]):
        pick = b if comp(q[b], q[c]) else c if comp(q[a], q[c]) else a
    else:
        pick = a if comp(q[a], q[c]) else c if comp(q[b], q[c]) else b
    q[first], q[pick] = q[pick], q[first]
    lo, hi, pivot = first + 1, last, first
    while True:
        while comp(q[lo], q[pivot]):
            lo += 1
        hi -= 1
        while comp(q[pivot], q[hi]):
            hi -= 1
        if not lo < hi:
            return lo
        q[lo], q[hi] = q[hi], q[lo]
        lo += 1


def _insertion_sort(q, first, last, comp):
    for i in range(first + 1, last):
        val = q[i]
        if comp(val, q[first]):
            q[first + 1:i + 1] = q[first:i]
            q[first] = val
        else:
            j = i
            while comp(val, q[j - 1]):
                q[j] = q[j - 1]
                j -= 1
            q[j] = val


def _std_sort(q, first, last, comp):
    """std::sort: introsort down to runs of 16, then insertion sort."""
    def loop(lo, hi, depth):
        while hi - lo > 16:
            if depth == 0:
                _partial_sort(q, lo, hi, hi, comp)
                return
            depth -= 1
            cut = _partition_pivot(q, lo, hi, comp)
            loop(cut, hi, depth)
            hi = cut
    if last - first > 1:
        loop(first, last, 2 * int(math.log2(last - first)))
        _insertion_sort(q, first, min(last, first + 16), comp)
        for i in range(first + 16, last):  # (__unguarded_insertion_sort: no test against the first; with a
            val, j = q[i], i                 # comparator NaN makes inconsistent, that is a different order)
            while j > first and comp(val, q[j - 1]):
                q[j] = q[j - 1]
                j -= 1
            q[j] = val


def _isnan(v):
    return v != v


def _greater(x, y):  # PyTorch's comparators: NaN counts as the largest
    return (_isnan(x[0]) and not _isnan(y[0])) or x[0] > y[0]


def _less(x, y):
    return (not _isnan(x[0]) and _isnan(y[0])) or x[0] < y[0]


def _rows(self, d):
    """self's values with dim d last, as a 2-D list of rows (a 0-dim tensor: one row of one)."""
    x = self._np.reshape(1) if not self._shape else np.moveaxis(self._np, d, -1)
    lead = x.shape[:-1] if self._shape else ()
    return x.reshape(int(np.prod(lead, dtype=np.int64)), x.shape[-1] if x.ndim else 1), lead


def _unrows(values, lead, d, ndim, keep_shape):
    arr = np.asarray(values).reshape(tuple(lead) + (np.asarray(values).shape[-1],))
    if ndim == 0:
        return arr.reshape(keep_shape)
    return np.moveaxis(arr, -1, d)


class _SelectBackward(SelectingBackward):
    """value_selecting_reduction_backward: the gradient scattered into zeros at the selected indices."""
    __slots__ = ()

    def backward(self, g):
        indices, = self.unpack()
        dim = as_program_gave(self, "dim")  # (the ops of the formula save it as given)
        if not self.keepdim and self.shape:
            g, indices = g.unsqueeze(dim), indices.unsqueeze(dim)
        return (selected_into_zeros(self.shape, dim, indices, g),)


_SELECTED = {"dim": as_given("dim"), "keepdim": "keepdim", "self_sym_sizes": lambda n: tuple(n.shape)}


class TopkBackward0(_SelectBackward):
    saved_names, saved_values = ("indices",), {k: v for k, v in _SELECTED.items() if k != "keepdim"}


class KthvalueBackward0(_SelectBackward):
    saved_names, saved_values = ("indices",), _SELECTED


class MedianBackward1(_SelectBackward):
    saved_names, saved_values = ("indices",), _SELECTED


class NanmedianBackward1(_SelectBackward):
    saved_names, saved_values = ("indices",), _SELECTED


class ModeBackward0(_SelectBackward):
    saved_names, saved_values = ("indices",), _SELECTED


def topk(self, k, dim=-1, largest=True, sorted=True):
    d = self._wrap_dim(dim) if self._shape else self._wrap_dim(dim, 1) * 0
    n = self._shape[d] if self._shape else 1
    if k < 0 or k > n:
        raise runtime("selected index k out of range")
    if self.dtype is dtypes.bool_:
        raise runtime("topk does not support bool dtypes on CPU")
    if not self._shape:  # (a 0-dim tensor is copied, k=0 too)
        k = 1
    rows, lead = _rows(self, d)
    comp = _greater if largest else _less
    vals, idxs = [], []
    for row in rows.tolist():
        q = [(v, i) for i, v in enumerate(row)]
        if k * 64 <= n:
            _partial_sort(q, 0, k, n, comp)
        elif k > 0:
            _nth_element(q, k - 1, comp)
            if sorted:
                _std_sort(q, 0, k - 1, comp)
        vals.append([v for v, _ in q[:k]])
        idxs.append([i for _, i in q[:k]])
    shape = self._shape[:d] + (k,) + self._shape[d + 1:] if self._shape else ()
    values = fresh(np.array(_unrows(np.array(vals, self.dtype.np).reshape(len(rows), k), lead, d, self.dim(), shape),
                            self.dtype.np, order="C"), self.dtype)
    indices = fresh(np.array(_unrows(np.array(idxs, np.int64).reshape(len(rows), k), lead, d, self.dim(), shape),
                             np.int64, order="C"), dtypes.int64)
    if needs_grad(self):
        attach(values, given(TopkBackward0(self, d, True, indices), dim=dim))
    return values_indices("topk", values, indices)


def _quick_select(vals, idxs, k):
    """PyTorch's quick_select_template (SortingUtils.h): median-of-three partitioning, NaN the largest."""
    def gt(a, b):
        return (_isnan(a) and not _isnan(b)) or a > b

    def swap(i, j):
        vals[i], vals[j] = vals[j], vals[i]
        idxs[i], idxs[j] = idxs[j], idxs[i]
    lo, hi = 0, len(vals) - 1
    while True:
        if hi <= lo:
            return
        if hi == lo + 1:
            if gt(vals[lo], vals[hi]):
                swap(lo, hi)
            return
        p = lo + (hi - lo) // 2
        swap(p, lo + 1)
        if gt(vals[lo + 1], vals[hi]):
            swap(lo + 1, hi)
        if gt(vals[lo], vals[hi]):
            swap(lo, hi)
        if gt(vals[lo + 1], vals[lo]):
            swap(lo + 1, lo)
        i, j, piv = lo + 1, hi, vals[lo]
        while True:
            i += 1
            while gt(piv, vals[i]):
                i += 1
            j -= 1
            while gt(vals[j], piv):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(lo, j)
        if j <= k:
            lo = i
        if j >= k:
            hi = j - 1


def _reduce_select(kind, self, dim, keepdim, pick, node_cls):
    """A (values, indices) reduction over dim, pick(row) -> (value, index)."""
    d = self._wrap_dim(dim) if self._shape else self._wrap_dim(dim, 1) * 0
    if self._shape and self._shape[d] == 0:
        raise index_error(messages.REDUCTION_DIM_EMPTY.format(kind, d))
    rows, lead = _rows(self, d)
    picked = [pick(row) for row in rows.tolist()]
    shape = (self._shape[:d] + ((1,) if keepdim else ()) + self._shape[d + 1:]) if self._shape else ()
    values = fresh(np.array([v for v, _ in picked], self.dtype.np).reshape(shape), self.dtype)
    indices = fresh(np.array([i for _, i in picked], np.int64).reshape(shape), dtypes.int64)
    if needs_grad(self):
        attach(values, given(node_cls(self, d, keepdim, indices), dim=dim))
    return values_indices(kind, values, indices)


def _no_bool(kernel, self):
    if self.dtype is dtypes.bool_:
        raise make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")


def kthvalue(self, k, dim=-1, keepdim=False):
    n = self._shape[self._wrap_dim(dim)] if self._shape else 1
    d = self._wrap_dim(dim) if self._shape else 0
    if n == 0:
        raise index_error(f"kthvalue(): Expected reduction dim {d} to have non-zero size.")
    if not 1 <= k <= n:
        raise runtime(f"kthvalue(): selected number k out of range for dimension {d}")
    if self._shape:  # (ATen's checks come first, and a 0-dim tensor is copied without the kernel's dispatch)
        _no_bool("kthvalue_cpu", self)

    def pick(row):
        idxs = list(range(len(row)))
        _quick_select(row, idxs, k - 1)
        return row[k - 1], idxs[k - 1]
    return _reduce_select("kthvalue", self, dim, keepdim, pick, KthvalueBackward0)


def _median_pick(ignore_nan):
    def pick(row):
        n = len(row)
        if not ignore_nan:
            for i, v in enumerate(row):
                if _isnan(v):
                    return v, i
            order = builtins.sorted(range(n), key=lambda i: (row[i], i))
            i = order[(n - 1) // 2]
            return row[i], i
        kept = [i for i in range(n) if not _isnan(row[i])]
        if not kept:
            return row[0], 0
        order = builtins.sorted(kept, key=lambda i: (row[i], i))
        i = order[(len(kept) - 1) // 2]
        return row[i], i
    return pick


def _median_of_all(flat, ignore_nan):
    """ATen's median_impl: median() returns the first NaN; otherwise (and for nanmedian) std::nth_element of the
    bare values (no index to break ties, unlike the dim= kernel), so of equal values 0. and -0. the introselect's
    order decides which is printed."""
    if not ignore_nan:
        for v in flat:
            if _isnan(v):
                return v
    q = [(v,) for v in flat]
    nth = (len(q) - sum(_isnan(v) for v in flat) - 1) // 2
    _nth_element(q, nth, _less)
    return q[nth][0]


class MedianBackward0(_ExtremeAll):
    """median() of all elements: the gradient shared evenly among the elements equal to the median (max()'s
    evenly_distribute_backward)."""
    saved_names = ("self", "result")


class NanmedianBackward0(MedianBackward0):
    saved_names = ("self", "result")


def _median_all(self, ignore_nan, node_cls):
    flat = self._np.reshape(-1).tolist()
    if not flat:  # NaN, converted to self's dtype as the processor converts it
        with np.errstate(invalid="ignore"):  # (C's cast, as numpy's: 0 for types narrower than int, True for bool)
            empty = np.array(np.nan) if self.dtype.category == 2 else np.array(np.nan).astype(self.dtype.np)
        out = fresh(np.array(empty, self.dtype.np), self.dtype)
    else:
        out = fresh(np.array(_median_of_all(flat, ignore_nan), self.dtype.np), self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out))
    return out


def _median(name, ignore_nan, nodes):
    """median/nanmedian: of everything (nodes[0]) or along a dim (values and indices, nodes[1])."""
    def fn(self, dim=None, keepdim=False):
        if dim is not None and self._shape and not self._shape[self._wrap_dim(dim)]:
            raise index_error(f"median(): Expected reduction dim {self._wrap_dim(dim)} to have non-zero size.")
        if dim is not None or self.numel():  # (an empty one returns before the kernel's dtype dispatch)
            _no_bool("median_cpu" if dim is None else "median_out", self)
        if dim is None:
            return _median_all(self, ignore_nan, nodes[0])
        return _reduce_select(name, self, dim, keepdim, _median_pick(ignore_nan), nodes[1])
    fn.__name__ = name
    return fn


median = _median("median", False, (MedianBackward0, MedianBackward1))
nanmedian = _median("nanmedian", True, (NanmedianBackward0, NanmedianBackward1))


def mode(self, dim=-1, keepdim=False):
    def pick(row):  # PyTorch's mode kernel: std::sort of (value, index) by value, the longest run's last pair
        q = [(v, i) for i, v in enumerate(row)]
        _std_sort(q, 0, len(q), lambda a, b: a[0] < b[0])
        best, freq, run = q[0], 0, 0
        for i, pair in enumerate(q):
            run += 1
            if i == len(q) - 1 or pair[0] != q[i + 1][0]:
                if run > freq:
                    best, freq = pair, run
                run = 0
        return best
    return _reduce_select("mode", self, dim, keepdim, pick, ModeBackward0)


# ------------------------------------------------------------------ unique, bincount

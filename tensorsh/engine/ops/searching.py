"""Looking values up among others: isin, searchsorted, bucketize, and histc (counts of values per bin), with
ATen's checks and texts; none is differentiable."""
import math

import numpy as np

from .. import dtypes
from ..errors import make, runtime, type_error, warn_once
from ..tensorimpl import _shape_list
from .args import bucketize_checks, isin_checks, search_checks
from .core import NotImplementedNode, Tensor, fresh, needs_grad, operand_in, return_type, scalar_in


def _promoted(*values):
    """The values as arrays of their promoted dtype (a Python number promotes as PyTorch's wrapped scalar, and is cast
    to it as the kernel casts it: 300 is 44 in uint8)."""
    dt = dtypes.result_type(values)
    return [np.asarray(operand_in(v, dt) if isinstance(v, Tensor) else scalar_in(dt, v), dt.np) for v in values], dt


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    if not isinstance(elements, Tensor) and not isinstance(test_elements, Tensor):
        raise type_error("isin() received an invalid combination of arguments")
    isin_checks(elements, test_elements)
    (a, b), dt = _promoted(elements, test_elements)
    shape = elements._shape if isinstance(elements, Tensor) else ()
    found = np.isin(a.reshape(-1), b.reshape(-1), invert=invert).reshape(shape)
    return fresh(np.array(found, order="C"), dtypes.bool_)


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None):
    boundaries = sorted_sequence
    right, values, vshape = search_checks(boundaries, input, right, side, sorter)
    for name, t in (("input value", values), ("boundary", boundaries), ("sorter", sorter)):
        if t is not None and not t.is_contiguous():  # (searchsorted_maybe_trim_input_tensors)
            warn_once(f"torch.searchsorted(): {name} tensor is non-contiguous, this will lower the performance due to "
                      f"extra data copy when converting non-contiguous tensor to contiguous, please use contiguous "
                      f"{name} tensor if possible. This message will only appear once per program.")
    (b, v), common = _promoted(boundaries, input)
    if common is dtypes.bool_ or common.category == 3:
        raise make("NotImplementedError", f"\"searchsorted_out_cpu\" not implemented for "
                                          f"'{dtypes.SCALAR_NAMES[common.name]}'")
    if sorter is not None:
        b = np.take_along_axis(b, sorter._np, -1)
    if b.ndim == 1:
        found = _bound(b[None], v.reshape(1, -1), right)
    else:
        rows = int(np.prod(b.shape[:-1]))  # (not -1: a row of no boundaries or no values leaves it ambiguous)
        found = _bound(b.reshape(rows, b.shape[-1]), v.reshape(rows, v.shape[-1]), right)
    dt = dtypes.int32 if out_int32 else dtypes.int64
    return fresh(np.array(np.reshape(found, vshape), dt.np, order="C"), dt)


def _bound(rows, values, right):
    """ATen's binary search of each row of values in its row of boundaries: the lower bound moves past a boundary
    that is not >= the value (upper: not >), so a NaN value lands after every boundary."""
    n = rows.shape[-1]
    start = np.zeros(values.shape, np.int64)
    end = np.full(values.shape, n, np.int64)
    row = np.arange(rows.shape[0])[:, None]
    with np.errstate(invalid="ignore"):
        while True:
            open_ = start < end
            if not open_.any():
                return start
            mid = (start + end) >> 1
            at = rows[row, np.minimum(mid, n - 1)]
            before = ~(at > values) if right else ~(at >= values)
            start = np.where(open_ & before, mid + 1, start)
            end = np.where(open_ & ~before, mid, end)


def bucketize(input, boundaries, *, out_int32=False, right=False):
    bucketize_checks(input, boundaries)
    return searchsorted(boundaries, input, out_int32=out_int32, right=right)


def _c_double(v):
    """A double as C++'s ostream prints it (6 significant digits; a NaN as -nan when its sign bit is set)."""
    if v != v:
        return "-nan" if math.copysign(1.0, v) < 0 else "nan"
    return f"{v:g}"


def _first_nan(x):
    """The first NaN of x as it is stored (its sign bit kept), or None."""
    found = x[np.isnan(x)]
    return float(found[0]) if found.size else None


def histc(self, bins=100, min=0, max=0):
    """torch.histc: its checks in ATen's order (the count, the range, the edges' linspace, the kernel's dtype)."""
    _check_bin_count(bins, 0)
    lo, hi = float(min), float(max)
    x = self._np.reshape(-1)
    if lo == hi and x.size:  # (aminmax: its vector min/max mark a NaN with all bits set, -nan; one element is kept)
        lo, hi = float(x.min()), float(x.max())
        if np.isnan(x).any():
            lo = hi = _first_nan(x) if x.size == 1 else -math.nan
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise runtime(f"torch.histc: range of [{_c_double(lo)}, {_c_double(hi)}] is not finite")
    if not lo < hi:
        raise runtime("torch.histc: max must be larger than min")
    edges = _linspace_edges(self, lo, hi, bins)
    _check_kernel_dtype(self)
    T = self.dtype.np.type
    left, right = edges[0], edges[-1]
    counts = np.zeros(bins, self.dtype.np)
    with np.errstate(all="ignore"):
        keep = x[(x >= left) & (x <= right)]
        if self.dtype is dtypes.bfloat16:  # (each step of the interpolation rounded to bfloat16)
            bf = dtypes.to_bfloat16
            pos = bf(bf(bf(keep - left) * T(bins)) / bf(right - left)).astype(np.int64)
        else:
            pos = ((keep - left) * T(bins) / (right - left)).astype(np.int64)  # (the kernel's linear interpolation)
    pos[pos == bins] = bins - 1
    np.add.at(counts, pos, 1)
    return fresh(counts, self.dtype)


Histogram = return_type("histogram", ("hist", "bin_edges"))
builtins_range = range  # (histogram's keyword argument `range` shadows it there)


_META = dtypes.C_NAMES


def histogram(self, bins=100, *, range=None, weight=None, density=False, out=None):
    """torch.histogram (histogramdd of one dimension): bins an int (edges by linspace over the range, or over the
    input's min and max, widened by 1/2 each way when they meet; each value's bin by linear interpolation corrected by
    a local search) or a tensor of edges (a binary search); weights summed; density divides by the total and the
    widths. Its checks run in ATen's order: a tensor of edges and the weight, then the count; a count, the outer
    edges and their linspace, then the weight; the kernel's dtype last."""
    if out is not None:  # (out='s dtypes checked first, hist's then bin_edges'; the edges resized first)
        from .copies import _out_return_type, write_out
        from .out_dtypes import check
        hist_out, edges_out = out
        check("histogram", (self,), {}, (hist_out, edges_out))
        result = histogram(self, bins, range=range, weight=weight, density=density)
        write_out("histogram", lambda: (result[1], result[0]), (), {"out": (edges_out, hist_out)})
        return _out_return_type(type(result))(_not_differentiated("histogram", (self, bins, weight),
                                                                  (hist_out, edges_out)))
    x = self._np.reshape(-1)
    if isinstance(bins, Tensor):
        _check_bin_edges(self, bins, 0)
        _check_weight(self, weight, x.shape + (1,), None if weight is None else (weight.numel(),))
        _check_bin_count(bins.numel() - 1, 0)
        edges = bins._np.astype(self.dtype.np)
    else:
        _check_bin_count(bins, 0)
        edges = _linspace_edges(self, *_outer_edges(self, [x], range)[0], bins)
        _check_weight(self, weight, x.shape + (1,), None if weight is None else (weight.numel(),))
    _check_kernel_dtype(self)
    T = self.dtype.np.type
    inside, pos = _bins_of(self, x, edges, not isinstance(bins, Tensor))
    hist = _accumulate(self, x.size, [len(edges) - 1], inside, [pos], weight)
    if density:  # (hist.div_(hist.sum().item()), then by the bins' widths)
        with np.errstate(all="ignore"):
            total = fresh(hist, self.dtype).sum()._np  # (PyTorch's summation order)
            hist = (hist / T(total)) / np.diff(edges).astype(hist.dtype)
    return Histogram(_not_differentiated("histogram", (self, bins, weight), (
        fresh(hist, self.dtype), fresh(np.ascontiguousarray(edges), self.dtype))))


def _not_implemented(kernel, input):
    return make("NotImplementedError", f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[input.dtype.name]}'")


def _check_kernel_dtype(input):
    """The histogram kernel's dispatch: float, double, Half and BFloat16."""
    if input.dtype.category != 2:
        raise _not_implemented("histogram_cpu", input)


def _check_bin_count(count, d):
    if count <= 0:
        raise runtime(f"torch.histogram(): bins must be > 0, but got {count} for dimension {d}")


def _check_bin_edges(self, bins, d):
    """histogramdd_check_inputs on one dimension's tensor of edges."""
    if bins.dtype is not self.dtype:
        raise runtime("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input "
                      f"with dtype {_META[self.dtype.name]} and bins for dimension {d} with dtype "
                      f"{_META[bins.dtype.name]}")
    if bins.dim() != 1:
        raise runtime(f"torch.histogramdd: bins tensor should have one dimension, but got {bins.dim()} dimensions "
                      f"in the bins tensor for dimension {d}")
    if bins.numel() == 0:
        raise runtime("torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements in the "
                      f"bins tensor for dimension {d}")


def _check_weight(self, weight, input_shape, weight_shape=None):
    """histogramdd_check_inputs on the weight: self's dtype, then the input's shape without its last dimension
    (weight_shape: the weight's as the caller reshaped it; a 0-dim weight counts as [1])."""
    if weight is None:
        return
    if weight.dtype is not self.dtype:
        raise runtime("torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have "
                      f"the same dtype, but got input({_META[self.dtype.name]}), and weight("
                      f"{_META[weight.dtype.name]})")
    sizes = tuple(weight._shape) if weight_shape is None else weight_shape
    if (sizes or (1,)) != tuple(input_shape[:-1]):
        raise runtime("torch.histogramdd: if weight tensor is provided it should have the same shape as the input "
                      f"tensor excluding its innermost dimension, but got input with shape {_shape_list(input_shape)} "
                      f"and weight with shape {_shape_list(sizes)}")


def _outer_edges(self, columns, range):
    """select_outer_bin_edges: each dimension's (min, max) from the range, else from a non-empty input (a dispatch
    of float and double only), else (0, 1); finite, min <= max, widened by 1/2 each way when they meet."""
    if range is not None:
        if len(range) != 2 * len(columns):
            raise runtime(f"torch.histogramdd: for a {len(columns)}-dimensional histogram range should have "
                          f"{2 * len(columns)} elements, but got {len(range)}")
        bounds = [(float(range[2 * d]), float(range[2 * d + 1])) for d in builtins_range(len(columns))]
    elif self.numel():
        if self.dtype not in (dtypes.float32, dtypes.float64):
            raise _not_implemented("histogramdd", self)
        bounds = [(float(x.min()), float(x.max())) if _first_nan(x) is None else (_first_nan(x),) * 2
                  for x in columns]  # (a NaN as the input holds it)
    else:
        bounds = [(0.0, 1.0)] * len(columns)
    for d, (lo, hi) in enumerate(bounds):
        if not (np.isfinite(lo) and np.isfinite(hi)):
            raise runtime(f"torch.histogramdd: dimension {d}'s range [{_c_double(lo)}, {_c_double(hi)}] is not finite")
        if lo > hi:
            raise runtime(f"torch.histogramdd: min should not exceed max, but got min {_c_double(lo)} max "
                          f"{_c_double(hi)} for dimension {d}")
    return [(lo - 0.5, hi + 0.5) if lo == hi else (lo, hi) for lo, hi in bounds]


def _linspace_edges(self, lo, hi, count):
    """The edges of count equal bins (linspace has no bool kernel)."""
    from ..creation import linspace
    if self.dtype is dtypes.bool_:
        raise _not_implemented("linspace_cpu", self)
    return linspace(lo, hi, count + 1, dtype=self.dtype)._np


def _not_differentiated(op, inputs, outs):
    """outs, given the NotImplemented node PyTorch records when an input requires grad (one node, every output)."""
    inputs = [t for t in inputs if isinstance(t, Tensor)]
    if needs_grad(*inputs):
        node = NotImplementedNode(op, *inputs)
        node.n_outputs = len(outs)
        for i, out in enumerate(outs):
            out._grad_fn, out._output_nr = node, i
    return outs


def _bins_of(self, x, edges, local):
    """Which values fall inside the edges, and the bin of each of those: linear interpolation corrected by a local
    search (edges of equal bins), or a binary search."""
    T = self.dtype.np.type
    n = len(edges) - 1
    left, right = edges[0], edges[-1]
    with np.errstate(all="ignore"):
        inside = (x >= left) & (x <= right)
        keep = x[inside]
        if local:  # LINEAR_INTERPOLATION_WITH_LOCAL_SEARCH
            pos = ((keep - left) * T(n) / (right - left)).astype(np.int64)
            pos = np.array([int(np.searchsorted(edges[max(p - 1, 0):min(p + 2, n + 1)], v, side="right"))
                            + max(p - 1, 0) - 1 for p, v in zip(pos.tolist(), keep.tolist())], np.int64)
        else:  # BINARY_SEARCH
            pos = np.searchsorted(edges, keep, side="right") - 1
    pos[pos == n] = n - 1
    return inside, pos


def _accumulate(self, rows, sizes, inside, positions, weight):
    """The histogram of the rows inside every dimension's range: each of PyTorch's threads adds its contiguous share
    of the rows in order into its own histogram (at::parallel_for's split, grain 200 / D rows: one thread up to
    it), then the threads' histograms are summed."""
    from .. import kernels
    T = self.dtype.np.type
    bins = int(np.prod(sizes)) if sizes else 1
    hist = np.zeros(max(bins, 0), self.dtype.np)
    flat = np.ravel_multi_index(positions, sizes) if positions and len(positions[0]) else np.zeros(0, np.int64)
    w = None if weight is None else weight._np.reshape(-1).astype(self.dtype.np)
    values = (w[inside] if w is not None else np.ones(len(flat), self.dtype.np)).tolist()
    threads = kernels.num_threads()
    chunk = kernels._thread_ranges(rows, threads, max(1, 200 // max(1, len(sizes))))[0][1] or 1
    owner = np.nonzero(inside)[0] // chunk
    partial = np.zeros((threads, len(hist)), self.dtype.np)
    for t, p, value in zip(owner.tolist(), flat.tolist(), values):
        partial[t, p] = partial[t, p] + T(value)
    for t in builtins_range(threads):
        hist = hist + partial[t]
    return hist.reshape(sizes)


HistogramDD = return_type("histogramdd", ("hist", "bin_edges"))


def histogramdd(input, bins, range=None, weight=None, density=False):
    """torch.histogramdd: the rows of input's innermost dimension as points, each dimension binned as histogram's;
    its checks in ATen's order (counts: the outer edges, the count of dimensions, the edges, the weight, the counts;
    tensors of edges: the edges, the weight, the counts), the kernel's dtype last."""
    if input.dim() < 2:
        raise runtime("torch.histogramdd: input tensor should have at least 2 dimensions")
    D = input.size(-1)
    points = input._np.reshape(-1, D)
    if isinstance(bins, int):
        bins = [bins] * D
    elif isinstance(bins, Tensor):
        bins = [bins]
    columns = [points[:, d] for d in builtins_range(D)]
    if all(isinstance(b, Tensor) for b in bins):
        if len(bins) != D:
            raise runtime(f"torch.histogramdd: expected {D} sequences of bin edges for a {D}-dimensional histogram "
                          f"but got {len(bins)}")
        for d, b in enumerate(bins):
            _check_bin_edges(input, b, d)
        _check_weight(input, weight, input._shape)
        for d, b in enumerate(bins):
            _check_bin_count(b.numel() - 1, d)
        all_edges = [b._np.astype(input.dtype.np) for b in bins]
    else:
        outer = _outer_edges(input, columns, range)
        if len(bins) != D:
            raise runtime("histogramdd: The size of bins must be equal to the innermost dimension of the input.")
        all_edges = [_linspace_edges(input, lo, hi, count) for (lo, hi), count in zip(outer, bins)]
        for d, edges in enumerate(all_edges):  # (the inputs' check, on the edges made: a count of -1 made none)
            if not len(edges):
                raise runtime("torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements in "
                              f"the bins tensor for dimension {d}")
        _check_weight(input, weight, input._shape)
        for d, count in enumerate(bins):
            _check_bin_count(count, d)
    _check_kernel_dtype(input)
    binned = [(edges,) + _bins_of(input, x, edges, not isinstance(b, Tensor))
              for x, edges, b in zip(columns, all_edges, bins)]
    inside = np.ones(len(points), bool)
    for _, mask, _ in binned:
        inside &= mask
    positions = []
    for _, mask, pos in binned:  # (each dimension's bins of the rows inside all of them)
        full = np.zeros(len(points), np.int64)
        full[mask] = pos
        positions.append(full[inside])
    sizes = [len(edges) - 1 for edges, _, _ in binned]
    hist = _accumulate(input, len(points), sizes, inside, positions, weight)
    T = input.dtype.np.type
    if density:
        with np.errstate(all="ignore"):
            total = fresh(hist, input.dtype).sum()._np
            hist = hist / T(total)
            for d, (edges, _, _) in enumerate(binned):
                shape = [1] * D
                shape[d] = len(edges) - 1
                hist = hist / np.diff(edges).astype(hist.dtype).reshape(shape)
    outs = _not_differentiated("_histogramdd_from_bin_cts", [input, weight] + [b for b in bins if isinstance(b, Tensor)],
                               (fresh(np.ascontiguousarray(hist), input.dtype),)
                               + tuple(fresh(np.ascontiguousarray(edges), input.dtype) for edges, _, _ in binned))
    if all(isinstance(b, Tensor) for b in bins):  # (edges given as tensors come back themselves)
        return HistogramDD((outs[0], tuple(bins)))
    return HistogramDD((outs[0], outs[1:]))

"""3-d pooling beside its nodes: max_pool3d (MaxPool3DWithIndicesBackward0), avg_pool3d (AvgPool3DBackward0),
adaptive_avg_pool3d and adaptive_max_pool3d, and max_unpool (MaxUnpool2DBackward0...). Window sums go in
row-major order in the input's type, as ATen's CPU loops add them; maxima and unpooling are exact."""
import itertools

import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of
from .convolution import _adaptive_windows, _tuple
from .errors import runtime
from .ops.core import attach, fresh, needs_grad


def _out_size(size, k, s, p, d, ceil_mode):
    num = size + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)
    o = num // s + 1
    if ceil_mode and (o - 1) * s >= size + p:
        o -= 1
    return o


def _geometry(input, kernel_size, stride, padding, dilation, ceil_mode, nd, name):
    k = _tuple(kernel_size, nd)
    s = _tuple(stride if stride not in (None, []) else kernel_size, nd)
    p, d = _tuple(padding, nd), _tuple(dilation, nd)
    if input.dim() not in (nd + 1, nd + 2):
        raise runtime(f"non-empty {nd + 1}D or {nd + 2}D (batch mode) tensor expected for input")
    if any(v == 0 for v in s):
        raise runtime("stride should not be zero")
    for pp, kk, dd in zip(p, k, d):
        if pp > (dd * (kk - 1) + 1) // 2:
            raise runtime(f"pad should be at most half of effective kernel size, but got pad={pp}, kernel_size={kk} "
                          f"and dilation={dd}")
    if name == "avg_pool3d" and any(n + 2 * pp < kk for n, pp, kk in zip(input._shape[-nd:], p, k)):
        raise runtime(f"input image (T: {input._shape[-3]} H: {input._shape[-2]} W: {input._shape[-1]}) smaller than "
                      f"kernel size (kT: {k[0]} kH: {k[1]} kW: {k[2]})")
    spatial = input._shape[-nd:]
    out = tuple(_out_size(n, kk, ss, pp, dd, ceil_mode) for n, kk, ss, pp, dd in zip(spatial, k, s, p, d))
    if any(o < 1 for o in out):
        raise runtime(f"Given input size: ({'x'.join(map(str, input._shape[-nd - 1:]))}). Calculated output size: "
                      f"({'x'.join(map(str, (input._shape[-nd - 1],) + out))}). Output size is too small")
    return k, s, p, d, out


class _ScatterBackward(Node):
    """The gradient added at each output's saved flat index within its plane (max pooling's backward)."""
    __slots__ = ("shape", "nd")

    def __init__(self, x, indices, nd):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.nd = x._shape, nd
        self.saved = (SavedTensor(x), SavedTensor(indices))

    def backward(self, g):
        _, idx = self.unpack()
        lead = int(np.prod(self.shape[:-self.nd]))
        plane = int(np.prod(self.shape[-self.nd:]))
        out = np.zeros((lead, plane), g.dtype.np)
        gi, ii = g._np.reshape(lead, -1), idx._np.reshape(lead, -1)
        for r in range(lead):
            np.add.at(out[r], ii[r], gi[r])
        return (fresh(out.reshape(self.shape), g.dtype),)


class MaxPool3DWithIndicesBackward0(_ScatterBackward):
    saved_names = ("self", "result1")


class AdaptiveMaxPool3DBackward0(_ScatterBackward):
    saved_names = ("self", "result1")


def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    nd = 3
    k, s, p, d, out = _geometry(input, kernel_size, stride, padding, dilation, ceil_mode, nd, "max_pool3d")
    x = input._np
    spatial = x.shape[-nd:]
    lead = x.shape[:-nd]
    starts = [np.arange(o) * ss - pp for o, ss, pp in zip(out, s, p)]
    grids = np.meshgrid(*starts, indexing="ij")
    best = np.full(lead + out, -np.inf, x.dtype)
    first = np.ravel_multi_index([np.maximum(gr, 0) for gr in grids], spatial)
    index = np.broadcast_to(first, lead + out).astype(np.int64)
    for offs in itertools.product(*(range(kk) for kk in k)):
        pos = [gr + o * dd for gr, o, dd in zip(grids, offs, d)]
        inside = np.ones(out, bool)
        for q, n in zip(pos, spatial):
            inside &= (q >= 0) & (q < n)
        clipped = [np.clip(q, 0, n - 1) for q, n in zip(pos, spatial)]
        v = x[(Ellipsis,) + tuple(clipped)]
        take = inside & ((v > best) | np.isnan(v))
        best = np.where(take, v, best)
        index = np.where(take, np.ravel_multi_index(clipped, spatial), index)
    result = fresh(np.ascontiguousarray(best), input.dtype)
    indices = fresh(np.ascontiguousarray(index), dtypes.int64)
    if needs_grad(input):
        attach(result, MaxPool3DWithIndicesBackward0(input, indices, nd))
    return (result, indices) if return_indices else result


class AvgPool3DBackward0(Node):
    __slots__ = ("shape", "geometry")
    saved_names = ("self",)

    def __init__(self, x, geometry):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.geometry = x._shape, geometry
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        k, s, p, divisors, out = self.geometry
        spatial = self.shape[-3:]
        big = np.zeros(self.shape[:-3] + tuple(n + 2 * pp + ss * o + kk for n, pp, ss, o, kk in
                                               zip(spatial, p, s, out, k)), g.dtype.np)
        share = (g._np / divisors).astype(g.dtype.np)
        for offs in itertools.product(*(range(kk) for kk in k)):
            big[(Ellipsis,) + tuple(slice(o, o + ss * (m - 1) + 1, ss) for o, ss, m in zip(offs, s, out))] += share
        crop = big[(Ellipsis,) + tuple(slice(pp, pp + n) for pp, n in zip(p, spatial))]
        return (fresh(np.ascontiguousarray(crop), g.dtype),)


def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    nd = 3
    k, s, p, _, out = _geometry(input, kernel_size, stride, padding, 1, ceil_mode, nd, "avg_pool3d")
    if divisor_override is not None and divisor_override == 0:
        raise runtime("divisor must be not zero")
    x = input._np
    spatial = x.shape[-nd:]
    big = np.zeros(x.shape[:-nd] + tuple(n + 2 * pp + ss * o + kk for n, pp, ss, o, kk in zip(spatial, p, s, out, k)),
                   x.dtype)
    big[(Ellipsis,) + tuple(slice(pp, pp + n) for pp, n in zip(p, spatial))] = x
    acc = np.zeros(x.shape[:-nd] + out, x.dtype)
    for offs in itertools.product(*(range(kk) for kk in k)):
        acc += big[(Ellipsis,) + tuple(slice(o, o + ss * (m - 1) + 1, ss) for o, ss, m in zip(offs, s, out))]
    pool, clipped = np.ones(out, np.int64), np.ones(out, np.int64)
    for i, (n, kk, ss, pp, o) in enumerate(zip(spatial, k, s, p, out)):
        start = np.arange(o) * ss - pp
        end = np.minimum(start + kk, n + pp)
        shape = [1] * nd
        shape[i] = o
        pool = pool * (end - start).reshape(shape)
        clipped = clipped * (np.minimum(end, n) - np.maximum(start, 0)).reshape(shape)
    divisors = np.full(out, divisor_override) if divisor_override else pool if count_include_pad else clipped
    divisors = divisors.astype(x.dtype)
    result = fresh(np.ascontiguousarray((acc / divisors).astype(x.dtype)), input.dtype)
    if needs_grad(input):
        attach(result, AvgPool3DBackward0(input, (k, s, p, divisors, out)))
    return result


class AdaptiveAvgPool3DBackward0(Node):
    __slots__ = ("shape", "windows")
    saved_names = ("self",)

    def __init__(self, x, windows):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.windows = x._shape, windows
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        ga = g._np
        out = np.zeros(self.shape, ga.dtype)
        one = ga.dtype.type
        for cell in itertools.product(*(enumerate(w) for w in self.windows)):
            share = ga[(Ellipsis,) + tuple(i for i, _ in cell)]
            for _, (a, b) in cell:
                share = share / one(b - a)
            out[(Ellipsis,) + tuple(slice(a, b) for _, (a, b) in cell)] += share[(Ellipsis,) + (None,) * len(cell)]
        return (fresh(out, g.dtype),)


def _adaptive_checks(input, output_size, name):
    if input.dim() not in (4, 5):
        raise runtime(f"{name}(): Expected 4D or 5D tensor, but got {list(input._shape)}")
    for dim in range(1, input.dim()):
        if input._shape[dim] == 0:
            raise runtime(f"{name}(): Expected input to have non-zero size for non-batch dimensions, but input has "
                          f"sizes {list(input._shape)} with dimension {dim} being empty")


def adaptive_avg_pool3d(input, output_size):
    out = tuple(output_size)
    if out == (1, 1, 1):
        return input.mean((-1, -2, -3), keepdim=True)
    _adaptive_checks(input, out, "adaptive_avg_pool3d")
    x = input._np
    windows = [_adaptive_windows(n, o) for n, o in zip(x.shape[-3:], out)]
    result = np.empty(x.shape[:-3] + out, x.dtype)
    one = x.dtype.type
    for cell in itertools.product(*(enumerate(w) for w in windows)):
        acc = np.zeros(x.shape[:-3], x.dtype)
        for pos in itertools.product(*(range(a, b) for _, (a, b) in cell)):
            acc += x[(Ellipsis,) + pos]
        for _, (a, b) in cell:
            acc = acc / one(b - a)
        result[(Ellipsis,) + tuple(i for i, _ in cell)] = acc
    t = fresh(result, input.dtype)
    if needs_grad(input):
        attach(t, AdaptiveAvgPool3DBackward0(input, windows))
    return t


def adaptive_max_pool3d(input, output_size):
    out = tuple(output_size)
    _adaptive_checks(input, out, "adaptive_max_pool3d")
    x = input._np
    spatial = x.shape[-3:]
    windows = [_adaptive_windows(n, o) for n, o in zip(spatial, out)]
    best_all = np.empty(x.shape[:-3] + out, x.dtype)
    index_all = np.empty(x.shape[:-3] + out, np.int64)
    for cell in itertools.product(*(enumerate(w) for w in windows)):
        first = np.ravel_multi_index([a for _, (a, _b) in cell], spatial)
        best = np.full(x.shape[:-3], -np.inf, x.dtype)
        at = np.full(x.shape[:-3], first, np.int64)
        for pos in itertools.product(*(range(a, b) for _, (a, b) in cell)):
            v = x[(Ellipsis,) + pos]
            take = (v > best) | np.isnan(v)
            best = np.where(take, v, best)
            at = np.where(take, np.ravel_multi_index(pos, spatial), at)
        key = (Ellipsis,) + tuple(i for i, _ in cell)
        best_all[key], index_all[key] = best, at
    result = fresh(best_all, input.dtype)
    indices = fresh(index_all, dtypes.int64)
    if needs_grad(input):
        attach(result, AdaptiveMaxPool3DBackward0(input, indices, 3))
    return result, indices


class MaxUnpool2DBackward0(Node):
    """Each output's gradient read back at its saved index (a gather)."""
    __slots__ = ("in_shape",)
    saved_names = ("indices",)

    def __init__(self, x, indices):
        Node.__init__(self, (edge_of(x),))
        self.in_shape = x._shape
        self.saved = (SavedTensor(indices),)

    def backward(self, g):
        idx, = self.unpack()
        lead = int(np.prod(self.in_shape[:-2]))
        gi = g._np.reshape(lead, -1)
        ii = idx._np.reshape(lead, -1)
        out = np.take_along_axis(gi, ii, axis=1)
        return (fresh(np.ascontiguousarray(out.reshape(self.in_shape)), g.dtype),)


def max_unpool2d(input, indices, output_size):
    """Each value written at its flat index in an (oH, oW) plane of zeros (ATen's max_unpool2d)."""
    if indices.dtype is not dtypes.int64:
        raise runtime(f"elements in indices should be type int64 but got: {dtypes.SCALAR_NAMES[indices.dtype.name]}")
    if len(output_size) != 2:
        raise runtime(f"There should be exactly two elements (height, width) in output_size, but got "
                      f"{len(output_size)} elements.")
    if input.dim() not in (3, 4):
        raise runtime(f"Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with {input.dim()} "
                      "dimensions.")
    if input._shape != indices._shape:
        raise runtime(f"Expected shape of indices to be same as that of the input tensor ({list(input._shape)}) but "
                      f"got indices tensor with shape: {list(indices._shape)}")
    oh, ow = output_size
    lead = input._shape[:-2]
    n = int(np.prod(lead))
    x = input._np.reshape(n, -1)
    ii = indices._np.reshape(n, -1)
    out = np.zeros((n, oh * ow), x.dtype)
    invalid = (ii < 0) | (ii >= oh * ow)
    if invalid.any():  # the kernel's threads each keep the last invalid index of their chunk of the elements; the
        from .kernels import num_threads  # first thread's is reported here (PyTorch's is whichever wrote last)
        flat, bad_flat = ii.reshape(-1), invalid.reshape(-1)
        chunk = -(-flat.size // max(1, min(num_threads(), flat.size)))
        first = flat[:chunk][bad_flat[:chunk]]
        bad = first if first.size else flat[bad_flat]
        raise runtime(f"Found an invalid max index: {bad[-1]} (output volumes are of size {oh}x{ow})")
    for r in range(n):
        out[r, ii[r]] = x[r]  # (a repeated index keeps the last value written, as the kernel's loop does)
    result = fresh(out.reshape(lead + (oh, ow)), input.dtype)
    if needs_grad(input):
        attach(result, MaxUnpool2DBackward0(input, indices))
    return result

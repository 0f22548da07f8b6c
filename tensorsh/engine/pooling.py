"""Pooling beside its nodes: max/avg pooling in 2-d and 3-d (MaxPool2DWithIndicesBackward0, AvgPool3DBackward0,
...), adaptive average and max pooling, and max_unpool (MaxUnpool2DBackward0). Window sums go in row-major order in
the input's type, as ATen's CPU loops add them; maxima and unpooling are exact."""
import itertools

import numpy as np

from . import autograd, dtypes
from .autograd import Node, SavedTensor, edge_of
from .convolution import _tuple
from .errors import runtime
from .ops.core import attach, fresh, needs_grad, operand_edge


def _pool_geometry(x, kernel_size, stride, padding, ceil_mode, dilation=(1, 1)):
    kh, kw = _tuple(kernel_size, 2)
    sh, sw = _tuple(stride if stride not in (None, []) else kernel_size, 2)
    ph, pw = _tuple(padding, 2)
    dh, dw = _tuple(dilation, 2)
    if ph > kh // 2 or pw > kw // 2:
        raise runtime(f"pad should be at most half of effective kernel size, but got pad={ph if ph > kh // 2 else pw}, "
                      f"kernel_size={kh if ph > kh // 2 else kw} and dilation={dh}")
    h, w = x.shape[-2:]

    def out_size(size, k, s, p, d):
        num = size + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)
        o = num // s + 1
        if ceil_mode and (o - 1) * s >= size + p:
            o -= 1
        return o
    return (kh, kw), (sh, sw), (ph, pw), (dh, dw), (out_size(h, kh, sh, ph, dh), out_size(w, kw, sw, pw, dw))


def _given_pair(v):
    """A pooling's int[2] argument as PyTorch's parser makes it and its node saves it: an int twice, None empty."""
    return () if v is None else (v, v) if isinstance(v, int) else tuple(v)


def _pool_value(i):
    return lambda node: node.args[i]


class MaxPool2DWithIndicesBackward0(Node):
    __slots__ = ("shape", "args")
    saved_names = ("self", "result1")
    saved_values = {"kernel_size": _pool_value(0), "stride": _pool_value(1), "padding": _pool_value(2),
                    "dilation": _pool_value(3), "ceil_mode": _pool_value(4)}

    def __init__(self, x, indices, args=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.args = x._shape, args
        self.saved = (SavedTensor(x), SavedTensor(indices))

    def backward(self, g):
        x, idx = self.unpack()
        out = self._values(g, idx)
        if needs_grad(g, x):  # (create_graph: max_pool2d_with_indices_backward is an op with its own node)
            attach(out, self.double(g, x, idx))
        return (out,)

    def _values(self, g, idx):
        lead = int(np.prod(self.shape[:-2]))
        plane = self.shape[-2] * self.shape[-1]
        out = np.zeros((lead, plane), g.dtype.np)
        gi, ii = g._np.reshape(lead, -1), idx._np.reshape(lead, -1)
        for r in range(lead):
            np.add.at(out[r], ii[r], gi[r])
        return fresh(out.reshape(self.shape), g.dtype)


class _PoolBackwardBackward(Node):
    """A pooling gradient recorded under create_graph: linear in the incoming gradient (its gradient pools gg as the
    forward did), zeros for the input, as derivatives.yaml says."""
    __slots__ = ("x_shape", "x_dtype", "extra")

    def __init__(self, g, x, extra):
        Node.__init__(self, (operand_edge(g), operand_edge(x)))
        self.x_shape, self.x_dtype, self.extra = x._shape, x.dtype, extra

    def backward(self, gg):
        return self.pooled(gg), fresh(np.zeros(self.x_shape, self.x_dtype.np), self.x_dtype)


class MaxPool2DWithIndicesBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):  # (max_pool_double_backward: gg gathered at the indices)
        idx = self.extra
        flat = gg._np.reshape(gg._shape[:-2] + (-1,))
        return fresh(np.take_along_axis(flat, idx._np.reshape(idx._shape[:-2] + (-1,)), -1).reshape(idx._shape),
                     gg.dtype)


MaxPool2DWithIndicesBackward0.double = MaxPool2DWithIndicesBackwardBackward0


class AvgPool2DBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):
        kernel, stride, padding, ceil_mode, count_include_pad, divisor_override = self.extra
        with autograd.no_grad():
            return avg_pool2d(gg, kernel, stride or None, padding, ceil_mode, count_include_pad, divisor_override)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    x = input._np
    (kh, kw), (sh, sw), (ph, pw), (dh, dw), (oh, ow) = _pool_geometry(x, kernel_size, stride, padding, ceil_mode,
                                                                     _tuple(dilation, 2))
    h, w = x.shape[-2:]
    lead = x.shape[:-2]
    rows = np.arange(oh) * sh - ph  # each window's first (possibly padded) row and column
    cols = np.arange(ow) * sw - pw
    first = np.maximum(rows, 0)[:, None] * w + np.maximum(cols, 0)[None, :]  # the kernel's starting index
    best = np.full(lead + (oh, ow), -np.inf, x.dtype)
    index = np.broadcast_to(first, lead + (oh, ow)).astype(np.int64)
    for i in range(kh):
        for j in range(kw):
            r, c = rows[:, None] + i * dh, cols[None, :] + j * dw
            inside = (r >= 0) & (r < h) & (c >= 0) & (c < w)
            v = x[..., np.clip(r, 0, h - 1), np.clip(c, 0, w - 1)]
            take = inside & ((v > best) | np.isnan(v))  # (val > maxval) || isnan(val), PyTorch's test
            best = np.where(take, v, best)
            index = np.where(take, r * w + c, index)
    out = fresh(np.ascontiguousarray(best), input.dtype)
    indices = fresh(np.ascontiguousarray(index), dtypes.int64)
    if needs_grad(input):
        attach(out, MaxPool2DWithIndicesBackward0(input, indices, tuple(map(_given_pair, (
            kernel_size, stride, padding, dilation))) + (ceil_mode,)))
    return (out, indices) if return_indices else out


class AvgPool2DBackward0(Node):
    __slots__ = ("geometry", "shape", "args")
    saved_names = ("self",)
    saved_values = {"kernel_size": _pool_value(0), "stride": _pool_value(1), "padding": _pool_value(2),
                    "ceil_mode": _pool_value(3), "count_include_pad": _pool_value(4),
                    "divisor_override": _pool_value(5)}

    def __init__(self, x, geometry, args=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.geometry, self.args = x._shape, geometry, args
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        x, = self.unpack()
        out = self._values(g)
        if needs_grad(g, x) and self.args is not None:  # (create_graph: avg_pool2d_backward has its own node)
            attach(out, AvgPool2DBackwardBackward0(g, x, self.args))
        return (out,)

    def _values(self, g):
        (kh, kw), (sh, sw), (ph, pw), divisors, (oh, ow) = self.geometry
        h, w = self.shape[-2:]
        out = np.zeros(self.shape[:-2] + (h + 2 * ph + sh * oh + kh, w + 2 * pw + sw * ow + kw), g.dtype.np)
        share = g._np / divisors
        for i in range(kh):
            for j in range(kw):
                out[..., i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw] += share
        return fresh(np.ascontiguousarray(out[..., ph:ph + h, pw:pw + w]).astype(g.dtype.np), g.dtype)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    x = input._np
    (kh, kw), (sh, sw), (ph, pw), _, (oh, ow) = _pool_geometry(x, kernel_size, stride, padding, ceil_mode)
    h, w = x.shape[-2:]
    xp = np.zeros(x.shape[:-2] + (h + 2 * ph + sh * oh + kh, w + 2 * pw + sw * ow + kw), x.dtype)
    xp[..., ph:ph + h, pw:pw + w] = x
    acc = np.zeros(x.shape[:-2] + (oh, ow), x.dtype)
    for i in range(kh):  # the window's sum in row-major order, as PyTorch's loop adds it
        for j in range(kw):
            acc += xp[..., i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw]
    r0 = np.arange(oh) * sh - ph
    c0 = np.arange(ow) * sw - pw
    r1 = np.minimum(r0 + kh, h + ph)
    c1 = np.minimum(c0 + kw, w + pw)
    pool = (r1 - r0)[:, None] * (c1 - c0)[None, :]
    rs, cs = np.maximum(r0, 0), np.maximum(c0, 0)
    re, ce = np.minimum(r1, h), np.minimum(c1, w)
    if divisor_override:
        divisors = np.full((oh, ow), divisor_override)
    elif count_include_pad:
        divisors = pool
    else:
        divisors = (re - rs)[:, None] * (ce - cs)[None, :]
    out = fresh(np.ascontiguousarray((acc / divisors.astype(x.dtype)).astype(x.dtype)), input.dtype)
    if needs_grad(input):
        attach(out, AvgPool2DBackward0(input, ((kh, kw), (sh, sw), (ph, pw), divisors.astype(x.dtype), (oh, ow)),
                                       tuple(map(_given_pair, (kernel_size, stride, padding))) +
                                       (ceil_mode, count_include_pad, divisor_override)))
    return out


def _adaptive_windows(size, out):
    """Output cell i covers input [floor(i * size / out), ceil((i + 1) * size / out))."""
    return [((i * size) // out, -((-(i + 1) * size) // out)) for i in range(out)]


class AdaptiveAvgPool2DBackward0(Node):
    __slots__ = ("shape", "rows", "cols")
    saved_names = ("self",)

    def __init__(self, x, rows, cols):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.rows, self.cols = x._shape, rows, cols
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        """Each output's gradient divided by its window's height, then width, added over its window in turn."""
        x, = self.unpack()
        out = self._values(g)
        if needs_grad(g, x):  # (create_graph: _adaptive_avg_pool2d_backward has its own node)
            attach(out, AdaptiveAvgPool2DBackwardBackward0(g, x, (len(self.rows), len(self.cols))))
        return (out,)

    def _values(self, g):
        ga = g._np
        out = np.zeros(self.shape, ga.dtype)
        for i, (h0, h1) in enumerate(self.rows):
            for j, (w0, w1) in enumerate(self.cols):
                share = (ga[..., i, j] / ga.dtype.type(h1 - h0) / ga.dtype.type(w1 - w0))[..., None, None]
                out[..., h0:h1, w0:w1] += share
        return fresh(out, g.dtype)


class AdaptiveAvgPool2DBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):
        with autograd.no_grad():
            return adaptive_avg_pool2d(gg, self.extra)


def adaptive_avg_pool2d(input, output_size):
    """ATen's adaptive average pooling: an output of 1x1 is the mean over the last two dims; otherwise each cell
    sums its window row by row in the input's type, then divides by the window's height and width."""
    oh, ow = output_size
    if oh < 0 or ow < 0:
        raise runtime(f"adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but "
                      f"received {{{oh}, {ow}}}")
    if (oh, ow) == (1, 1):
        return input.mean((-1, -2), keepdim=True)
    if input.dim() not in (3, 4):
        raise runtime(f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input._shape)}")
    for d in range(1, input.dim()):
        if input._shape[d] == 0:
            raise runtime("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but "
                          f"input has sizes {list(input._shape)} with dimension {d} being empty")
    x = input._np
    rows, cols = _adaptive_windows(x.shape[-2], oh), _adaptive_windows(x.shape[-1], ow)
    out = np.empty(x.shape[:-2] + (oh, ow), x.dtype)
    one = x.dtype.type
    for i, (h0, h1) in enumerate(rows):
        for j, (w0, w1) in enumerate(cols):
            acc = np.zeros(x.shape[:-2], x.dtype)
            for a in range(h0, h1):
                for b in range(w0, w1):
                    acc += x[..., a, b]
            out[..., i, j] = acc / one(h1 - h0) / one(w1 - w0)
    result = fresh(out, input.dtype)
    if needs_grad(input):
        attach(result, AdaptiveAvgPool2DBackward0(input, rows, cols))
    return result


# ------------------------------------------------------------------ 3-d pooling and unpooling

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

"""Pooling beside its nodes, one implementation for 2-d and 3-d: max pooling (MaxPool2DWithIndicesBackward0,
MaxPool3DWithIndicesBackward0), average pooling (AvgPool2DBackward0, AvgPool3DBackward0), adaptive average pooling
and 3-d adaptive max pooling, each with its gradient as a differentiable op under create_graph, and max_unpool2d.
Window sums go in row-major order in the input's type, as ATen's CPU loops add them; maxima and unpooling are
exact."""
import itertools

import numpy as np

from . import autograd, dtypes, layout, messages
from .autograd import Node, SavedTensor, edge_of
from .convolution import _tuple
from .errors import index_error, make, runtime
from .ops.core import attach, fresh, needs_grad, operand_edge
from .autocast import fp32_op
from .defaults import alert_not_deterministic


def _out_size(size, k, s, p, d, ceil_mode):
    """ATen's pooling_output_shape, with its checks of one dim's stride and padding."""
    if s == 0:
        raise runtime("stride should not be zero")
    if p < 0:
        raise runtime(f"pad must be non-negative, but got pad: {p}")
    half = (k - 1) * d + 1
    if p > (half // 2 if half >= 0 else -(-half // 2)):  # (C++'s division, toward zero: a kernel < 1 passes here)
        raise runtime(f"pad should be at most half of effective kernel size, but got pad={p}, kernel_size={k} and "
                      f"dilation={d}")
    num = size + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)
    o = num // s + 1
    if ceil_mode and (o - 1) * s >= size + p:
        o -= 1
    return o


def _geometry(input, kernel_size, stride, padding, dilation, ceil_mode, nd, name):
    """A pooling's (kernel, stride, padding, dilation, output size), checked as ATen's pool2d_shape_check /
    pool3d_shape_check do, in their order (each dims' texts)."""
    k = _tuple(kernel_size, nd)
    s = _tuple(stride if stride not in (None, []) else kernel_size, nd)
    p, d = _tuple(padding, nd), _tuple(dilation, nd)
    shape = input._shape
    out = tuple(_out_size(n, kk, ss, pp, dd, ceil_mode) for n, kk, ss, pp, dd in zip(shape[-nd:], k, s, p, d))
    letters = "THW"[3 - nd:]
    for what, prefix, values in (("kernel size", "k", k), ("stride", "d", s), ("dilation", "dilation", d)):
        if any(v <= 0 for v in values):
            raise runtime(f"{what} should be greater than zero, but got "
                          + " ".join(f"{prefix}{lab}: {v}" for lab, v in zip(letters, values)))
    if nd == 2 and (input.dim() not in (3, 4) or 0 in shape[-3:]):
        raise runtime(f"Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                      f"{list(shape)}")
    if nd == 3 and 0 in shape[-4:]:
        where = "max_pool3d_with_indices_out_cpu_template()" if name == "max_pool3d" else f"{name}()"
        raise runtime(f"{where}: Expected input's non-batch dimensions to have positive length, but input has a shape "
                      f"of {list(shape)} and non-batch dimension 0 has length zero!")
    if any(kk // 2 < pp for kk, pp in zip(k, p)):
        got = f"padW = {p[1]}, padH = {p[0]}, kW = {k[1]}, kH = {k[0]}" if nd == 2 else \
            f"kT: {k[0]} kW: {k[2]} kH: {k[1]} padT: {p[0]} padW: {p[2]} padH: {p[1]}"
        raise runtime(f"pad should be smaller than or equal to half of kernel size, but got {got}")
    if name == "avg_pool3d" and any(n < kk for n, kk in zip(shape[-3:], k)):
        raise runtime(f"input image (T: {shape[-3]} H: {shape[-2]} W: {shape[-1]}) smaller than kernel size "
                      f"(kT: {k[0]} kH: {k[1]} kW: {k[2]})")
    if any(o < 1 for o in out):
        raise runtime(f"Given input size: ({'x'.join(map(str, shape[-nd - 1:]))}). Calculated output size: "
                      f"({'x'.join(map(str, (shape[-nd - 1],) + out))}). Output size is too small")
    return k, s, p, d, out


def _batch_mode(input, nd):
    if input.dim() not in (nd + 1, nd + 2):
        raise runtime(f"non-empty {nd + 1}D or {nd + 2}D (batch mode) tensor expected for input")


def _check_divisor(divisor_override):
    if divisor_override is not None and divisor_override == 0:
        raise runtime("divisor must be not zero")


_FLOATING = lambda dt: dt.category == 2  # noqa: E731
_ALL_TYPES = lambda dt: dt.category in (1, 2)  # noqa: E731 (max pooling's kernels: no bool, no complex)
_FLOATING_OR_LONG = lambda dt: dt.category == 2 or dt is dtypes.int64  # noqa: E731 (avg_pool2d's)
_AVG_POOL3D = lambda dt: dt in (dtypes.float32, dtypes.float64, dtypes.int64)  # noqa: E731 (no half kernels)


def _check_kernel(name, input, supports):
    """The CPU kernel's dispatch, after every shape check (an empty input's too): its NotImplementedError for an
    input type it has no loop for."""
    if not supports(input.dtype):
        raise make("NotImplementedError", f"\"{name}\" not implemented for '{dtypes.SCALAR_NAMES[input.dtype.name]}'")


def _check_sizes(name, nd, kernel_size, stride, padding, dilation=1):
    """ATen's checks of a pooling's int lists: one value or nd (stride: also none)."""
    def bad(v, omitted=False):
        return isinstance(v, (tuple, list)) and len(v) not in ((0, 1, nd) if omitted else (1, nd))
    must, n = "must be" if name == "avg_pool3d" else "must either be", ("two", "three")[nd - 2]
    if bad(kernel_size):
        raise runtime(f"{name}: kernel_size {must} a single int, or a tuple of {n} ints")
    if stride is not None and bad(stride, True):
        raise runtime(f"{name}: stride {must} omitted, a single int, or a tuple of {n} ints")
    if bad(padding):
        raise runtime(f"{name}: padding {must} a single int, or a tuple of {n} ints")
    if bad(dilation):
        raise runtime(f"{name}: dilation must be either a single int, or a tuple of {n} ints")


def _given(v, nd):
    """A pooling's int[nd] argument as PyTorch's parser makes it and its node saves it: an int nd times, None empty."""
    return () if v is None else (v,) * nd if isinstance(v, int) else tuple(v)


def _pool_value(i):
    return lambda node: node.args[i]


def _offsets(kernel):
    return itertools.product(*(range(k) for k in kernel))


def _grid(offs, stride, out):
    """The slices of a padded input that an output grid reads at one kernel offset."""
    return (Ellipsis,) + tuple(slice(o, o + s * (m - 1) + 1, s) for o, s, m in zip(offs, stride, out))


class _PoolBackwardBackward(Node):
    """A pooling gradient recorded under create_graph: linear in the incoming gradient (its gradient pools gg as the
    forward did), zeros for the input, as derivatives.yaml says."""
    __slots__ = ("x_shape", "x_dtype", "extra")

    def __init__(self, g, x, extra):
        Node.__init__(self, (operand_edge(g), operand_edge(x)))
        self.x_shape, self.x_dtype, self.extra = x._shape, x.dtype, extra

    def backward(self, gg):
        return self.pooled(gg), fresh(np.zeros(self.x_shape, self.x_dtype.np), self.x_dtype)


class _PoolBackward(Node):
    """A pooling's node: it saves its input (and a max pooling its indices) and keeps the op's arguments (`args`);
    under create_graph its gradient is an op with its own node, `double`."""
    __slots__ = ("shape", "args", "geometry")
    layout_ranks = (4,)

    def __init__(self, x, extra, args=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.args = x._shape, args
        if self.saves_indices:
            self.saved = (SavedTensor(x), SavedTensor(extra))
        else:
            self.geometry = extra
            self.saved = (SavedTensor(x),)

    def backward(self, g):
        x, *idx = self.unpack()
        out = self._values(g, *idx)
        fmt = layout.op_format(x, ranks=self.layout_ranks)  # (a channels_last input's gradient is channels_last in
        # the 2-d kernels and max_pool3d's)
        if fmt.rank is not None:
            out = layout.in_format(out._np, out.dtype, fmt)
        if needs_grad(g, x):
            attach(out, self.double(g, x, idx[0] if idx else self.args))
        return (out,)


def _nodes(name, nd, node, double, saved_names, saved_values=None, double_values=None):
    """A pooling's PyTorch nodes for nd dims: <name>Backward0 and the node of its gradient, <name>BackwardBackward0
    (double_values: what that one shows, from its `extra`)."""
    double = type(f"{name}BackwardBackward0", (double,), {"nd": nd, "saved_values": double_values or {}})
    return type(f"{name}Backward0", (node,), {"nd": nd, "double": double, "saved_names": saved_names,
                                              "saved_values": saved_values or {}}), double


# ------------------------------------------------------------------ max pooling

class _MaxPoolBackward(_PoolBackward):
    """The gradient added at each output's saved flat index within its plane."""
    saves_indices = True
    layout_ranks = (4, 5)

    def _values(self, g, idx):
        nd = self.nd
        lead = int(np.prod(self.shape[:-nd]))
        out = np.zeros((lead, int(np.prod(self.shape[-nd:]))), g.dtype.np)
        gi, ii = (t._np.reshape(lead, int(np.prod(t._shape[-nd:]))) for t in (g, idx))  # (sizes: lead may be 0)
        for r in range(lead):
            np.add.at(out[r], ii[r], gi[r])
        return fresh(out.reshape(self.shape), g.dtype)


class _MaxPoolBackwardBackward(_PoolBackwardBackward):
    def pooled(self, gg):  # (max_pool_double_backward: gg gathered at the indices)
        idx = self.extra
        lead = idx._shape[:-self.nd]
        flat = gg._np.reshape(lead + (-1,))
        return fresh(np.take_along_axis(flat, idx._np.reshape(lead + (-1,)), -1).reshape(idx._shape), gg.dtype)


_MAX_SAVED = ("self", "result1"), {"kernel_size": _pool_value(0), "stride": _pool_value(1),
                                   "padding": _pool_value(2), "dilation": _pool_value(3), "ceil_mode": _pool_value(4)}


_INDICES = {"indices": lambda node: node.extra}  # (a max pooling's gradient node shows the indices it gathers at)
MaxPool2DWithIndicesBackward0, MaxPool2DWithIndicesBackwardBackward0 = _nodes(
    "MaxPool2DWithIndices", 2, _MaxPoolBackward, _MaxPoolBackwardBackward, *_MAX_SAVED, _INDICES)
MaxPool3DWithIndicesBackward0, MaxPool3DWithIndicesBackwardBackward0 = _nodes(
    "MaxPool3DWithIndices", 3, _MaxPoolBackward, _MaxPoolBackwardBackward, *_MAX_SAVED, _INDICES)


def _max_pool(input, nd, kernel_size, stride, padding, dilation, ceil_mode, return_indices):
    """max_pool<nd>d: each window's first maximum in row-major order (NaN wins) and its flat index in the input's
    plane."""
    name = f"max_pool{nd}d"
    _check_sizes(name, nd, kernel_size, stride, padding, dilation)
    _batch_mode(input, nd)
    k, s, p, d, out = _geometry(input, kernel_size, stride, padding, dilation, ceil_mode, nd, name)
    _check_kernel(name, input, _ALL_TYPES)
    x = input._np
    spatial, lead = x.shape[-nd:], x.shape[:-nd]
    grids = np.meshgrid(*[np.arange(o) * ss - pp for o, ss, pp in zip(out, s, p)], indexing="ij")
    best = np.full(lead + out, -np.inf, x.dtype)
    first = np.ravel_multi_index([np.maximum(gr, 0) for gr in grids], spatial)  # the kernel's starting index
    index = np.broadcast_to(first, lead + out).astype(np.int64)
    for offs in _offsets(k):
        pos = [gr + o * dd for gr, o, dd in zip(grids, offs, d)]
        inside = np.ones(out, bool)
        for q, n in zip(pos, spatial):
            inside &= (q >= 0) & (q < n)
        clipped = [np.clip(q, 0, n - 1) for q, n in zip(pos, spatial)]
        v = x[(Ellipsis,) + tuple(clipped)]
        take = inside & ((v > best) | np.isnan(v))  # (val > maxval) || isnan(val), PyTorch's test
        best = np.where(take, v, best)
        index = np.where(take, np.ravel_multi_index(clipped, spatial), index)
    result = layout.output_like(best, input.dtype, input)  # (input.suggest_memory_format())
    indices = layout.output_like(index, dtypes.int64, input)
    if needs_grad(input):
        node = (MaxPool2DWithIndicesBackward0, MaxPool3DWithIndicesBackward0)[nd - 2]
        attach(result, node(input, indices, tuple(_given(v, nd) for v in (kernel_size, stride, padding, dilation))
                            + (ceil_mode,)))
    return (result, indices) if return_indices else result


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _max_pool(input, 2, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


@fp32_op
def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _max_pool(input, 3, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


# ------------------------------------------------------------------ average pooling

def _bfloat16_steps(dtype):
    """What rounds a step of a gradient kernel's arithmetic to bfloat16 (held in float32; numpy rounds half's)."""
    return dtypes.rounding(dtype) if dtype is dtypes.bfloat16 else (lambda values: values)


class _AvgPoolBackward(_PoolBackward):
    """Each output's gradient divided by its window's divisor, added over its window."""
    saves_indices = False

    def _values(self, g):
        k, s, p, divisors, out = self.geometry
        spatial = self.shape[-len(k):]
        big = np.zeros(self.shape[:-len(k)] + tuple(n + 2 * pp + ss * o + kk for n, pp, ss, o, kk in
                                                    zip(spatial, p, s, out, k)), g.dtype.np)
        keep = _bfloat16_steps(g.dtype)
        share = keep((g._np / divisors).astype(g.dtype.np, copy=False))
        for offs in reversed(list(_offsets(k))):  # (each cell then takes its outputs' shares in their raster order)
            cells = _grid(offs, s, out)
            big[cells] = keep(big[cells] + share)
        crop = big[(Ellipsis,) + tuple(slice(pp, pp + n) for pp, n in zip(p, spatial))]
        return fresh(np.ascontiguousarray(crop), g.dtype)


class _AvgPoolBackwardBackward(_PoolBackwardBackward):
    def pooled(self, gg):
        kernel, stride, padding, ceil_mode, count_include_pad, divisor_override = self.extra
        with autograd.no_grad():
            return self.pool(gg, kernel, stride or None, padding, ceil_mode, count_include_pad, divisor_override)


_AVG_ARGS = ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")
_AVG_SAVED = ("self",), {k: _pool_value(i) for i, k in enumerate(_AVG_ARGS)}
_AVG_DOUBLE = {k: (lambda node, i=i: node.extra[i]) for i, k in enumerate(_AVG_ARGS)}  # (its gradient's node: the same)


AvgPool2DBackward0, AvgPool2DBackwardBackward0 = _nodes("AvgPool2D", 2, _AvgPoolBackward, _AvgPoolBackwardBackward,
                                                        *_AVG_SAVED, _AVG_DOUBLE)
AvgPool3DBackward0, AvgPool3DBackwardBackward0 = _nodes("AvgPool3D", 3, _AvgPoolBackward, _AvgPoolBackwardBackward,
                                                        *_AVG_SAVED, _AVG_DOUBLE)


def _avg_pool(input, geometry, node, given, count_include_pad, divisor_override):
    """Each window's sum in row-major order (as PyTorch's loop adds it) over its divisor; half and bfloat16 summed
    and divided in float (the kernels' opmath type), rounded once."""
    k, s, p, _, out = geometry
    nd = len(k)
    reduced = input.dtype in (dtypes.float16, dtypes.bfloat16)
    x = input._np.astype(np.float32) if reduced else input._np
    spatial = x.shape[-nd:]
    big = np.zeros(x.shape[:-nd] + tuple(n + 2 * pp + ss * o + kk for n, pp, ss, o, kk in zip(spatial, p, s, out, k)),
                   x.dtype)
    big[(Ellipsis,) + tuple(slice(pp, pp + n) for pp, n in zip(p, spatial))] = x
    acc = np.zeros(x.shape[:-nd] + out, x.dtype)
    for offs in _offsets(k):
        acc += big[_grid(offs, s, out)]
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
    mean = (acc / divisors).astype(x.dtype)
    mean = dtypes.rounding(input.dtype)(mean).astype(input.dtype.np) if reduced else mean
    result = layout.output_like(mean, input.dtype, input, ranks=(4,))
    if needs_grad(input):
        attach(result, node(input, (k, s, p, divisors, out), tuple(_given(v, nd) for v in given[:3]) +
                            (given[3], count_include_pad, divisor_override)))
    return result


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    _check_sizes("avg_pool2d", 2, kernel_size, stride, padding)
    _check_divisor(divisor_override)
    if input.dim() < 3:  # (ATen reads the channels, input.size(-3), first)
        raise index_error(messages.DIM_NO_DIMS.format(-3) if not input.dim() else
                          messages.DIM_OUT_OF_RANGE.format(lo=-input.dim(), hi=input.dim() - 1, d=-3))
    geometry = _geometry(input, kernel_size, stride, padding, 1, ceil_mode, 2, "avg_pool2d")
    _check_kernel("avg_pool2d", input, _FLOATING_OR_LONG)
    return _avg_pool(input, geometry, AvgPool2DBackward0, (kernel_size, stride, padding, ceil_mode),
                     count_include_pad, divisor_override)


@fp32_op
def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    _check_sizes("avg_pool3d", 3, kernel_size, stride, padding)
    _batch_mode(input, 3)
    _check_divisor(divisor_override)
    geometry = _geometry(input, kernel_size, stride, padding, 1, ceil_mode, 3, "avg_pool3d")
    _check_kernel("avg_pool3d_out_frame", input, _AVG_POOL3D)
    return _avg_pool(input, geometry, AvgPool3DBackward0, (kernel_size, stride, padding, ceil_mode),
                     count_include_pad, divisor_override)


AvgPool2DBackwardBackward0.pool = staticmethod(avg_pool2d)
AvgPool3DBackwardBackward0.pool = staticmethod(avg_pool3d)


# ------------------------------------------------------------------ adaptive pooling

def _adaptive_windows(size, out):
    """Output cell i covers input [floor(i * size / out), ceil((i + 1) * size / out))."""
    return [((i * size) // out, -((-(i + 1) * size) // out)) for i in range(out)]


def _cells(windows):
    """Each output cell's (index, (start, end) per dim), in row-major order."""
    return itertools.product(*(enumerate(w) for w in windows))


class _AdaptiveAvgPoolBackward(_PoolBackward):
    """Each output's gradient divided by its window's sizes in turn, added over its window."""
    saves_indices = False

    def _values(self, g):
        for dim in range(1, g.dim()):  # (adaptive_avg_pool2d_backward's check: an unbatched input's channels may be 0)
            if g._shape[dim] == 0:
                raise runtime(f"adaptive_avg_pool{self.nd}d_backward(): Expected grad_output to have non-zero size for "
                              f"non-batch dimensions, but grad_output has sizes {list(g._shape)} with dimension {dim} "
                              "being empty")
        ga = g._np
        out = np.zeros(self.shape, ga.dtype)
        one = ga.dtype.type
        keep = _bfloat16_steps(g.dtype)
        for cell in _cells(self.geometry):
            share = ga[(Ellipsis,) + tuple(i for i, _ in cell)]
            for _, (a, b) in cell:
                share = keep(share / one(b - a))
            window = (Ellipsis,) + tuple(slice(a, b) for _, (a, b) in cell)
            out[window] = keep(out[window] + share[(Ellipsis,) + (None,) * len(cell)])
        return fresh(out, g.dtype)


class _AdaptiveAvgPoolBackwardBackward(_PoolBackwardBackward):
    def pooled(self, gg):
        with autograd.no_grad():
            return _adaptive_avg_pool(gg, self.extra, None)  # (no node under no_grad)


def _output_sizes(nd):  # (the adaptive average's gradient node shows grad_output's sizes, the pooled ones)
    return {f"grad_output_sym_argsize_minus_{i}": (lambda node, i=i: node.extra[-i]) for i in range(1, nd + 1)}


AdaptiveAvgPool2DBackward0, AdaptiveAvgPool2DBackwardBackward0 = _nodes(
    "AdaptiveAvgPool2D", 2, _AdaptiveAvgPoolBackward, _AdaptiveAvgPoolBackwardBackward, ("self",), None,
    _output_sizes(2))
AdaptiveAvgPool3DBackward0, AdaptiveAvgPool3DBackwardBackward0 = _nodes(
    "AdaptiveAvgPool3D", 3, _AdaptiveAvgPoolBackward, _AdaptiveAvgPoolBackwardBackward, ("self",), None,
    _output_sizes(3))


def _adaptive_avg_pool(input, out, node):
    """ATen's adaptive average pooling: each cell sums its window in row-major order in the input's type (half and
    bfloat16: in float, rounded once at the end), then divides by the window's sizes in turn."""
    reduced = input.dtype in (dtypes.float16, dtypes.bfloat16)
    x = input._np.astype(np.float32) if reduced else input._np
    nd = len(out)
    windows = [_adaptive_windows(n, o) for n, o in zip(x.shape[-nd:], out)]
    result = np.empty(x.shape[:-nd] + out, x.dtype)
    one = x.dtype.type
    for cell in _cells(windows):
        acc = np.zeros(x.shape[:-nd], x.dtype)
        for pos in itertools.product(*(range(a, b) for _, (a, b) in cell)):
            acc += x[(Ellipsis,) + pos]
        for _, (a, b) in cell:
            acc = acc / one(b - a)
        result[(Ellipsis,) + tuple(i for i, _ in cell)] = acc
    if reduced:
        result = dtypes.rounding(input.dtype)(result).astype(input.dtype.np)
    t = layout.output_like(result, input.dtype, input, ranks=(4,))
    if needs_grad(input):
        attach(t, node(input, windows, out))
    return t


def _mean_pool(input, dims):
    """An adaptive average pooling to one cell: the mean over the spatial dims; of a channels_last (_3d) input
    restrided in place to that format's strides (as_strided_, as ATen's adaptive_avg_pool2d/3d do)."""
    out = input.mean(dims, keepdim=True)
    fmt = layout.op_format(input)
    if fmt.rank == input.dim():
        from .ops.geometry_inplace import restride_inplace
        n, c = input._shape[:2]
        restride_inplace(out, (c, 1) + (c,) * (fmt.rank - 2))
    return out


def adaptive_avg_pool2d(input, output_size):
    """An output of 1x1 is the mean over the last two dims."""
    oh, ow = output_size
    if oh < 0 or ow < 0:
        raise runtime(f"adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but "
                      f"received {{{oh}, {ow}}}")
    if (oh, ow) == (1, 1):
        return _mean_pool(input, (-1, -2))
    _adaptive_checks(input, 2, "adaptive_avg_pool2d", spatial_only=True)
    _check_kernel("adaptive_avg_pool2d", input, _FLOATING)
    return _adaptive_avg_pool(input, (oh, ow), AdaptiveAvgPool2DBackward0)


def _adaptive_checks(input, nd, name, spatial_only=False):
    """An adaptive pooling's input: (batch,) channels and nd dims, non-empty (but for the channels where
    spatial_only, as adaptive_avg_pool2d checks)."""
    if input.dim() not in (nd + 1, nd + 2):
        got = ": " if name.startswith("adaptive_max_pool") else " "
        raise runtime(f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got{got}{list(input._shape)}")
    for dim in range(input.dim() - nd if spatial_only else 1, input.dim()):
        if input._shape[dim] == 0:
            raise runtime(f"{name}(): Expected input to have non-zero size for non-batch dimensions, but input has "
                          f"sizes {list(input._shape)} with dimension {dim} being empty")


@fp32_op
def adaptive_avg_pool3d(input, output_size):
    out = tuple(output_size)
    if any(o < 0 for o in out):
        raise runtime("adaptive_avg_pool3d: elements of output_size must be greater than or equal to 0 but received "
                      f"{{{out[0]}, {out[1]},{out[2]}}}")
    if out == (1, 1, 1):
        return _mean_pool(input, (-1, -2, -3))
    _adaptive_checks(input, 3, "adaptive_avg_pool3d")
    _check_kernel("adaptive_avg_pool3d_cpu", input, _FLOATING)
    return _adaptive_avg_pool(input, out, AdaptiveAvgPool3DBackward0)


AdaptiveMaxPool2DBackward0, AdaptiveMaxPool2DBackwardBackward0 = _nodes(
    "AdaptiveMaxPool2D", 2, _MaxPoolBackward, _MaxPoolBackwardBackward, ("self", "result1"), None, _INDICES)
AdaptiveMaxPool3DBackward0, AdaptiveMaxPool3DBackwardBackward0 = _nodes(
    "AdaptiveMaxPool3D", 3, _MaxPoolBackward, _MaxPoolBackwardBackward, ("self", "result1"), None, _INDICES)


def _adaptive_max_pool(input, out, node):
    """Each cell the first maximum of its window in row-major order (NaN wins), and its flat index in the plane."""
    x = input._np
    nd = len(out)
    spatial, lead = x.shape[-nd:], x.shape[:-nd]
    best_all = np.empty(lead + out, x.dtype)
    index_all = np.empty(lead + out, np.int64)
    for cell in _cells([_adaptive_windows(n, o) for n, o in zip(spatial, out)]):
        best = np.full(lead, -np.inf, x.dtype)
        at = np.full(lead, np.ravel_multi_index([a for _, (a, _b) in cell], spatial), np.int64)
        for pos in itertools.product(*(range(a, b) for _, (a, b) in cell)):
            v = x[(Ellipsis,) + pos]
            take = (v > best) | np.isnan(v)
            best = np.where(take, v, best)
            at = np.where(take, np.ravel_multi_index(pos, spatial), at)
        key = (Ellipsis,) + tuple(i for i, _ in cell)
        best_all[key], index_all[key] = best, at
    result = layout.output_like(best_all, input.dtype, input, ranks=(4,))
    indices = layout.output_like(index_all, dtypes.int64, input, ranks=(4,))
    if needs_grad(input):
        attach(result, node(input, indices, ()))
    return result, indices


def adaptive_max_pool2d(input, output_size):
    _adaptive_checks(input, 2, "adaptive_max_pool2d")
    _check_kernel("adaptive_max_pool2d", input, _FLOATING)
    return _adaptive_max_pool(input, tuple(output_size), AdaptiveMaxPool2DBackward0)


@fp32_op
def adaptive_max_pool3d(input, output_size):
    _adaptive_checks(input, 3, "adaptive_max_pool3d")
    _check_kernel("adaptive_max_pool3d_cpu", input, _FLOATING)
    return _adaptive_max_pool(input, tuple(output_size), AdaptiveMaxPool3DBackward0)


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
        planes = int(np.prod(self.in_shape[:g.dim() - self.spatial]))
        gi = g._np.reshape(planes, int(np.prod(g._shape[g.dim() - self.spatial:])))  # (sizes: planes may be 0)
        ii = idx._np.reshape(planes, int(np.prod(idx._shape[idx.dim() - self.spatial:])))
        out = np.take_along_axis(gi, ii, axis=1)
        return (fresh(np.ascontiguousarray(out.reshape(self.in_shape)), g.dtype),)

    spatial = 2


class MaxUnpool3DBackward0(MaxUnpool2DBackward0):
    __slots__ = ()
    spatial = 3


def _max_unpool(input, indices, output_size, spatial):
    """Each value written at its flat index in an output plane (or volume) of zeros (ATen's cpu_max_unpool)."""
    oshape = tuple(output_size)
    lead = input._shape[:input.dim() - spatial]
    n, plane = int(np.prod(lead)), int(np.prod(oshape))
    x = input._np.reshape(n, int(np.prod(input._shape[len(lead):])))  # (sizes, not -1: n may be 0)
    ii = indices._np.reshape(x.shape)
    out = np.zeros((n, plane), x.dtype)
    invalid = (ii < 0) | (ii >= plane)
    if invalid.any():  # the kernel's threads each keep the last invalid index of their chunk of the elements; the
        from .kernels import num_threads  # first thread's is reported here (PyTorch's is whichever wrote last)
        flat, bad_flat = ii.reshape(-1), invalid.reshape(-1)
        chunk = -(-flat.size // max(1, min(num_threads(), flat.size)))
        first = flat[:chunk][bad_flat[:chunk]]
        bad = first if first.size else flat[bad_flat]
        raise runtime(f"Found an invalid max index: {bad[-1]} (output volumes are of size "
                      f"{'x'.join(map(str, oshape))})")
    for r in range(n):
        out[r, ii[r]] = x[r]  # (a repeated index keeps the last value written, as the kernel's loop does)
    result = fresh(out.reshape(lead + oshape), input.dtype)
    if needs_grad(input):
        attach(result, (MaxUnpool2DBackward0 if spatial == 2 else MaxUnpool3DBackward0)(input, indices))
    return result


def _check_unpool_indices(input, indices):
    if input._shape != indices._shape:
        raise runtime(f"Expected shape of indices to be same as that of the input tensor ({list(input._shape)}) but "
                      f"got indices tensor with shape: {list(indices._shape)}")


@fp32_op
def max_unpool2d(input, indices, output_size):
    """ATen's max_unpool2d: its checks, then _max_unpool over (oH, oW) planes."""
    alert_not_deterministic("max_unpooling2d_forward_out")  # (a repeated index: which value stays)
    if indices.dtype is not dtypes.int64:
        raise runtime(f"elements in indices should be type int64 but got: {dtypes.SCALAR_NAMES[indices.dtype.name]}")
    if len(output_size) != 2:
        raise runtime(f"There should be exactly two elements (height, width) in output_size, but got "
                      f"{len(output_size)} elements.")
    if input.dim() not in (3, 4):
        raise runtime(f"Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with {input.dim()} "
                      "dimensions.")
    _check_unpool_indices(input, indices)
    _check_kernel("max_unpool2d", input, _FLOATING)
    return _max_unpool(input, indices, output_size, 2)


@fp32_op
def max_unpool3d(input, indices, output_size, stride, padding):
    """ATen's max_unpool3d (max_unpooling3d_shape_check's checks in its order), then _max_unpool over volumes."""
    alert_not_deterministic("max_unpooling3d_forward_out")  # (a repeated index: which value stays)
    if indices.dtype is not dtypes.int64:
        raise runtime("elements in indices should be type int64")
    if input.dim() not in (4, 5):
        raise runtime(f"Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with {input.dim()} "
                      "dimensions.")
    for name, value in (("output_size", output_size), ("stride", stride), ("padding", padding)):
        if len(value) != 3:
            raise runtime(f"There should be exactly three elements (depth, height, width) in {name}, but got"
                          f"{':' if name != 'output_size' else ''} {len(value)} elements.")
    _check_unpool_indices(input, indices)
    for i in range(1, input.dim()):
        if input._shape[i] <= 0:
            raise runtime(f"max_unpooling3d_forward_out_cpu(): Expected input to have non-zero size for non-batch "
                          f"dimensions, but got {list(input._shape)} with dimension {i} being empty.")
    if min(stride) <= 0:
        raise runtime(f"strides should be greater than zero, but got stride: {list(stride)}")
    _check_kernel("max_unpool3d", input, _FLOATING)
    return _max_unpool(input, indices, output_size, 3)


# (each output's gradient added at its saved index of its plane, as the max poolings'; its gradient gathers there)
FractionalMaxPool2DBackward0, FractionalMaxPool2DBackwardBackward0 = _nodes(
    "FractionalMaxPool2D", 2, _MaxPoolBackward, _MaxPoolBackwardBackward, ("self", "result1"),
    {"kernel_size": _pool_value(0), "output_size": _pool_value(1)}, _INDICES)
FractionalMaxPool3DBackward0, FractionalMaxPool3DBackwardBackward0 = _nodes(
    "FractionalMaxPool3D", 3, _MaxPoolBackward, _MaxPoolBackwardBackward, ("self", "result1"),
    {"kernel_size": _pool_value(0), "output_size": _pool_value(1)}, _INDICES)


def _fractional_intervals(sample, input_size, output_size, pool_size, T):
    """ATen's generate_intervals: each window's start, in the input's float type, the last at the end."""
    sequence = [0] * output_size
    if output_size > 1:
        alpha = T(input_size - pool_size) / T(output_size - 1)
        for i in range(output_size - 1):
            sequence[i] = int(T(T(i) + sample) * alpha) - int(T(sample * alpha))
    if output_size > 0:
        sequence[output_size - 1] = input_size - pool_size
    return sequence


def fractional_max_pool2d(input, kernel_size, output_size, random_samples):
    """ATen's fractional_max_pool2d (its meta checks in order): each plane's windows placed by its two samples
    (width first), the first maximum (or NaN) of each window and its flat index in the plane."""
    if len(kernel_size) != 2:
        raise runtime("fractional_max_pool2d: kernel_size must either be a single Int or tuple of Ints")
    if len(output_size) != 2:
        raise runtime("fractional_max_pool2d: output_size must either be a single Int or tuple of Ints")
    nd = input.dim()
    if nd not in (3, 4):
        raise runtime(f"fractional_max_pool2d(): Expected 3D or 4D tensor, but got: {list(input._shape)}")
    for i in range(1, nd):
        if input._shape[i] <= 0:
            raise runtime(f"fractional_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, "
                          f"but got{list(input._shape)} with dimension {i} being empty.")
    pool_h, pool_w = kernel_size
    out_h, out_w = output_size
    in_h, in_w = input._shape[-2:]
    if out_h + pool_h - 1 > in_h:
        raise runtime(f"fractional_max_pool2d(): pool height {pool_h} too large relative to input height {in_h}")
    if out_w + pool_w - 1 > in_w:
        raise runtime(f"fractional_max_pool2d(): pool width {pool_w} too large relative to input width {in_w}")
    if random_samples.dtype is not input.dtype:
        raise runtime("Expect _random_samples to have the same dtype as input")
    if random_samples.dim() != 3:
        raise runtime(f"Expect _random_samples to have 3 dimensions, got {random_samples.dim()}")
    batch = input._shape[0] if nd == 4 else 1
    planes = input._shape[-3]
    if random_samples._shape[0] < batch:
        raise runtime("Expect _random_samples.size(0) no less then input batch size.")
    if random_samples._shape[1] != planes:
        raise runtime("Expect _random_samples.size(1) equals to input channel size.")
    if random_samples._shape[2] != 2:
        raise runtime(f"Expect _random_samples.size(2) equals to 2; got {random_samples._shape[2]}.")
    _check_kernel("fractional_max_pool2d_out_frame", input, _FLOATING)
    return _fractional_max_pool(input, kernel_size, output_size, random_samples, (1, 0),
                                FractionalMaxPool2DBackward0)


def _fractional_max_pool(input, kernel_size, output_size, random_samples, sample_of, node):
    """Each plane's windows placed by its samples (sample_of: which sample places each spatial dim: the 2-d kernel
    reads width's first, the 3-d one time, height, width), the first maximum (or NaN) of each window, in raster
    order, and its flat index in the plane."""
    nd = len(kernel_size)
    T = input.dtype.np.type
    in_sizes = input._shape[-nd:]
    batch = input._shape[0] if input.dim() == nd + 2 else 1
    planes = input._shape[-nd - 1]
    plane_strides = [int(np.prod(in_sizes[d + 1:])) for d in range(nd)]
    x = input._np.reshape(batch, planes, int(np.prod(in_sizes)))
    samples = random_samples._np
    out = np.empty((batch, planes, int(np.prod(output_size))), input.dtype.np)
    idx = np.empty(out.shape, np.int64)
    for b in range(batch):
        for c in range(planes):
            starts = [_fractional_intervals(T(samples[b, c, sample_of[d]]), in_sizes[d], output_size[d],
                                            kernel_size[d], T) for d in range(nd)]
            plane = x[b, c]
            for o, corner in enumerate(itertools.product(*starts)):
                best, best_i = -np.inf, sum(map(int.__mul__, corner, plane_strides))
                for at in itertools.product(*(range(s0, s0 + k) for s0, k in zip(corner, kernel_size))):
                    i = sum(map(int.__mul__, at, plane_strides))
                    v = plane[i]
                    if v > best or v != v:
                        best, best_i = v, i
                out[b, c, o], idx[b, c, o] = best, best_i
    shape = input._shape[:-nd] + tuple(output_size)
    result, indices = fresh(out.reshape(shape), input.dtype), fresh(idx.reshape(shape), dtypes.int64)
    if needs_grad(input):
        attach(result, node(input, indices, (tuple(kernel_size), tuple(output_size))))
    return result, indices


def fractional_max_pool3d(input, kernel_size, output_size, random_samples):
    """ATen's fractional_max_pool3d (its meta checks in order: the pool sizes time, width, height, each strictly
    inside the input), then the 2-d kernel's windows over volumes."""
    if len(kernel_size) != 3:
        raise runtime("fractional_max_pool3d: kernel_size must either be a single Int or tuple of three Ints")
    if len(output_size) != 3:
        raise runtime("fractional_max_pool3d: output_size must either be a single Int or tuple of three Ints")
    nd = input.dim()
    if nd not in (4, 5):
        raise runtime(f"fractional_max_pool3d_out(): Expected 4D or 5D tensor, but got: {list(input._shape)}")
    for i in range(1, nd):
        if input._shape[i] <= 0:
            raise runtime(f"fractional_max_pool3d_out(): Expected input to have non-zero size for non-batch "
                          f"dimensions, but got{list(input._shape)} with dimension {i} being empty.")
    for d, name in ((0, "time"), (2, "width"), (1, "height")):
        if output_size[d] + kernel_size[d] - 1 >= input._shape[d - 3]:
            raise runtime(f"fractional_max_pool3d_out(): pool {name} {kernel_size[d]} too large relative to input "
                          f"{name} {input._shape[d - 3]}")
    if random_samples.dtype is not input.dtype:
        raise runtime("Expect _random_samples to have the same dtype as input")
    if random_samples.dim() != 3:
        raise runtime(f"Expect _random_samples to have 3 dimensions, got {random_samples.dim()}")
    if random_samples._shape[0] < (input._shape[0] if nd == 5 else 1):
        raise runtime("Expect _random_samples.size(0) no less then input batch size.")
    if random_samples._shape[1] != input._shape[-4]:
        raise runtime("Expect _random_samples.size(1) equals to input channel size.")
    if random_samples._shape[2] != 3:
        raise runtime(f"Expect _random_samples.size(2) equals to 3; got {random_samples._shape[2]}.")
    _check_kernel("fractional_max_pool3d_out_frame", input, _FLOATING)
    return _fractional_max_pool(input, kernel_size, output_size, random_samples, (0, 1, 2),
                                FractionalMaxPool3DBackward0)

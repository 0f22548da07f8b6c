"""Interpolation of 1 to 3 spatial dimensions (upsample_linear1d, upsample_bilinear2d, upsample_trilinear3d,
upsample_bicubic2d: what F.interpolate's 'linear', 'bilinear', 'trilinear' and 'bicubic' modes call) as ATen's CPU
kernels compute them, beside their nodes.

ATen computes each dimension's source indices and weights once (area_pixel_compute_source_index, in the opmath type:
float for float, double for double), then each output from the input's corners. Its AVX2 build fuses a multiply with
the add that follows it (one rounding), in an order that depends on the kernel: the generic kernel interpolates the
last dimension first, `t0 * w0 + t1 * w1` as fma(t0, w0, t1 * w1); the channels-last kernel (upsample_bilinear2d's
choice when the output's height + width is at most 128) adds the four corner products, its vector lanes (8 floats or
4 doubles of channels) in one order and the remaining channels in another. The backward scatters each output's
gradient into its corners in output order, each `acc += weight * g` one fused multiply-add."""
import numpy as np

from . import dtypes, kernels, layout
from .autograd import Node, edge_of
from .errors import runtime
from .tensorimpl import CHANNELS_LAST
from .ops.core import attach, fresh, needs_grad


def _fma(a, b, c):
    """a * b + c rounded once (kernels.fma: float32 over double, float64 exactly), operands of one dtype."""
    a, b, c = np.asarray(a), np.asarray(b), np.asarray(c)
    T = np.result_type(a, b, c)
    return kernels.fma(a.astype(T, copy=False), b.astype(T, copy=False), c.astype(T, copy=False))


def _work_type(dtype):
    return np.float64 if dtype == np.float64 else np.float32


def _scale(in_size, out_size, align_corners, scale, T):
    """area_pixel_compute_scale in T."""
    if align_corners:
        return T(in_size - 1) / T(out_size - 1) if out_size > 1 else T(0)
    if scale is not None and scale > 0:
        return T(1.0 / scale)
    return T(in_size) / T(out_size)


def linear_weights(in_size, out_size, align_corners, scale, T):
    """compute_source_index_and_lambda for every output index: (index0, index1, lambda0, lambda1)."""
    o = np.arange(out_size)
    if out_size == in_size:
        return o, o, np.ones(out_size, T), np.zeros(out_size, T)
    s = _scale(in_size, out_size, align_corners, scale, T)
    if align_corners:
        real = s * o.astype(T)
    else:
        real = _fma(np.full(out_size, s, T), o.astype(T) + T(0.5), T(-0.5))
        real = np.where(real < 0, T(0), real)
    index = np.minimum(np.floor(real).astype(np.int64), in_size - 1)
    lam = np.minimum(np.maximum(real - index.astype(T), T(0)), T(1)).astype(T)
    return index, index + (index < in_size - 1), (T(1) - lam).astype(T), lam


def _cubic_convolutions(t, fused):
    """get_cubic_upsample_coefficients (A = -0.75) of each lambda t: the forward's AVX2 build fuses the first two
    steps of cubic_convolution2 and the first of cubic_convolution1; the backward's file is built without FMA."""
    T = t.dtype.type
    A = T(-0.75)

    def conv1(x):  # ((A + 2) x - (A + 3)) x x + 1
        r = _fma(np.full(x.shape, A + T(2), T), x, -(A + T(3))) if fused else (A + T(2)) * x - (A + T(3))
        return r * x * x + T(1)

    def conv2(x):  # ((A x - 5 A) x + 8 A) x - 4 A
        if fused:
            return _fma(_fma(np.full(x.shape, A, T), x, T(-5) * A), x, T(8) * A) * x - T(4) * A
        return ((A * x - T(5) * A) * x + T(8) * A) * x - T(4) * A
    return [conv2(t + T(1)), conv1(t), conv1(T(1) - t), conv2(T(1) - t + T(1))]


def cubic_weights(in_size, out_size, align_corners, scale, T, fused=True):
    """HelperInterpCubic's taps: four clamped indices and coefficients per output index."""
    o = np.arange(out_size)
    s = _scale(in_size, out_size, align_corners, scale, T)
    if align_corners:
        real = s * o.astype(T)
    elif fused:
        real = _fma(np.full(out_size, s, T), o.astype(T) + T(0.5), T(-0.5))
    else:
        real = s * (o.astype(T) + T(0.5)) - T(0.5)
    index = np.minimum(np.floor(real).astype(np.int64), in_size - 1)
    t = np.minimum(np.maximum(real - index.astype(T), T(0)), T(1)).astype(T)
    return [np.clip(index + j - 1, 0, in_size - 1) for j in range(4)], _cubic_convolutions(t, fused)


def _cubic(x, weights, first_axis):
    """The generic kernel with four taps: fma(t0, w0, t1 * w1), then each further tap fused in."""
    if not weights:
        return x
    index, coeffs = weights[0]
    shape = [1] * x.ndim
    shape[first_axis] = len(coeffs[0])
    t = [_cubic(_take(x, first_axis, i), weights[1:], first_axis + 1) for i in index]
    w = [np.broadcast_to(c.reshape(shape), t[0].shape) for c in coeffs]
    out = _fma(t[0], w[0], t[1] * w[1])
    for j in (2, 3):
        out = _fma(t[j], w[j], out)
    return out


def cubic_values(x, output_size, align_corners, scales, stored=None):
    """upsample_bicubic2d; stored: what rounds the coefficients to a reduced input type, the type the kernel keeps its
    weights in (the sums are still in float)."""
    T = _work_type(x.dtype)
    work = x.astype(T, copy=False)
    weights = [cubic_weights(work.shape[2 + k], output_size[k], align_corners, scales[k], T) for k in range(2)]
    if stored is not None:
        weights = [(index, [stored(c) for c in coeffs]) for index, coeffs in weights]
    return np.ascontiguousarray(_cubic(work, weights, 2)).astype(x.dtype, copy=False)


def _in_rounds(cells, update):
    """Apply update(selection) to each cell's updates in their order, all cells at once per round (a cell's k-th
    update in round k; cells are independent, so this is the sequential loop's arithmetic)."""
    order = np.argsort(cells, kind="stable")
    sorted_cells = cells[order]
    rank = np.empty(len(cells), np.int64)
    rank[order] = np.arange(len(cells)) - np.searchsorted(sorted_cells, sorted_cells, side="left")
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        update(rank == r)


def cubic_backward_values(g, in_shape, align_corners, scales):
    """upsample_bicubic2d_backward_out_frame: per output (raster order), x taps outer and y taps inner,
    in[y, x] += g * y_coeff * x_coeff, plain arithmetic (its file is built without FMA)."""
    T = _work_type(g.dtype)
    gw = g.astype(T, copy=False)
    N, C, oh, ow = gw.shape
    ih, iw = in_shape[2:]
    if (oh, ow) == (ih, iw):
        return g.copy()
    (hi, hc), (wi, wc) = (cubic_weights(n, o, align_corners, scales[k], T, fused=False)
                          for k, (n, o) in enumerate(((ih, oh), (iw, ow))))
    a, b, ii, jj = (m.ravel() for m in np.meshgrid(np.arange(oh), np.arange(ow), np.arange(4), np.arange(4),
                                                     indexing="ij"))
    hi, hc, wi, wc = np.array(hi), np.array(hc), np.array(wi), np.array(wc)
    cells = hi[jj, a] * iw + wi[ii, b]
    y_coeff, x_coeff, sources = hc[jj, a], wc[ii, b], a * ow + b
    flat_g = gw.reshape(N, C, oh * ow)
    acc = np.zeros((N, C, ih * iw), T)

    def update(sel):
        c = cells[sel]
        acc[..., c] = acc[..., c] + (flat_g[..., sources[sel]] * y_coeff[sel]) * x_coeff[sel]
    _in_rounds(cells, update)
    return acc.reshape(N, C, ih, iw).astype(g.dtype, copy=False)


def _take(x, axis, index):
    return np.take(x, index, axis=axis)


def _generic(x, weights, first_axis):
    """The generic kernel: the last dimension interpolated first, each level fma(t0, w0, t1 * w1)."""
    if not weights:
        return x
    i0, i1, l0, l1 = weights[0]
    axis = first_axis
    shape = [1] * x.ndim
    shape[axis] = len(l0)
    t0 = _generic(_take(x, axis, i0), weights[1:], axis + 1)
    t1 = _generic(_take(x, axis, i1), weights[1:], axis + 1)
    return _fma(t0, l0.reshape(shape), t1 * l1.reshape(shape))


def _channels_last_2d(x, wh, ww):
    """cpu_upsample_linear_channels_last: the four corner products, lanes and tail added in their orders."""
    (h0, h1, hl0, hl1), (w0, w1, wl0, wl1) = wh, ww
    rows = [_take(x, 2, h) for h in (h0, h1)]
    corners = [_take(r, 3, w) for r in rows for w in (w0, w1)]
    weights = [(hl[:, None] * wl[None, :]) for hl in (hl0, hl1) for wl in (wl0, wl1)]
    i00, i01, i10, i11 = corners
    w00, w01, w10, w11 = weights
    lanes = 8 if x.dtype == np.float32 else 4
    C = x.shape[1]
    vector = C - C % lanes
    out = np.empty(i00.shape, x.dtype)
    if vector:
        s = slice(0, vector)
        out[:, s] = _fma(i00[:, s], w00, _fma(i01[:, s], w01, _fma(i11[:, s], w11, i10[:, s] * w10)))
    if vector < C:
        s = slice(vector, C)
        out[:, s] = _fma(i11[:, s], w11, _fma(i10[:, s], w10, _fma(i00[:, s], w00, i01[:, s] * w01)))
    return out


def linear_values(x, output_size, align_corners, scales):
    """The forward values of upsample_linear1d / bilinear2d / trilinear3d on a float array (N, C, *spatial)."""
    T = _work_type(x.dtype)
    work = x.astype(T, copy=False)
    nd = len(output_size)
    weights = [linear_weights(work.shape[2 + k], output_size[k], align_corners, scales[k], T) for k in range(nd)]
    if nd == 2 and output_size[0] + output_size[1] <= 128:
        out = _channels_last_2d(work, *weights)
    else:
        out = _generic(work, weights, 2)
    return np.ascontiguousarray(out).astype(x.dtype, copy=False)


def _corner_updates(weights, in_shape):
    """Every (input cell, weight, output cell) the backward adds, in ATen's order: outputs in raster order, each
    output's corners with the later dimensions' choice varying fastest; the weight the product of the dimensions'
    lambdas from the first dimension on."""
    grids = np.meshgrid(*[np.arange(len(w[0])) for w in weights], indexing="ij")
    out_flat = np.ravel_multi_index([g.ravel() for g in grids], [len(w[0]) for w in weights])
    cells, products = [], []
    for choice in np.ndindex(*(2,) * len(weights)):
        idx = [weights[k][choice[k]][grids[k].ravel()] for k in range(len(weights))]
        lam = weights[0][2 + choice[0]][grids[0].ravel()]
        for k in range(1, len(weights)):
            lam = lam * weights[k][2 + choice[k]][grids[k].ravel()]
        cells.append(np.ravel_multi_index(idx, in_shape))
        products.append(lam)
    n = len(out_flat)
    order = np.arange(n * len(cells)).reshape(len(cells), n).T.ravel()  # (output, corner) order
    cells = np.concatenate(cells)[order]
    products = np.concatenate(products)[order]
    sources = np.repeat(out_flat, 2 ** len(weights))
    return cells, products, sources


def linear_backward_values(g, in_shape, align_corners, scales):
    """cpu_upsample_linear_backward: acc[cell] = fma(weight, g[out], acc[cell]) in order (each cell's updates in
    sequence; cells are independent, so the updates go in rounds of each cell's k-th)."""
    T = _work_type(g.dtype)
    gw = g.astype(T, copy=False)
    lead, spatial_in, spatial_out = g.shape[:2], tuple(in_shape[2:]), g.shape[2:]
    weights = [linear_weights(spatial_in[k], spatial_out[k], align_corners, scales[k], T) for k in range(len(spatial_in))]
    cells, products, sources = _corner_updates(weights, spatial_in)
    flat_g = gw.reshape(lead + (int(np.prod(spatial_out)),))  # (sizes: lead may hold a 0)
    acc = np.zeros(lead + (int(np.prod(spatial_in)),), T)

    def update(sel):
        c = cells[sel]
        acc[..., c] = _fma(products[sel], flat_g[..., sources[sel]], acc[..., c])
    _in_rounds(cells, update)
    return acc.reshape(lead + spatial_in).astype(g.dtype, copy=False)


def _aa_filter(x, cubic, a=-0.5):
    """HelperInterpLinear/HelperInterpCubic::aa_filter: the triangle, or Keys' cubic with a = -0.5 (as PIL; the
    uint8 path without antialias uses -0.75, as the float kernel)."""
    T = x.dtype.type
    x = np.abs(x)
    if not cubic:
        return np.where(x < 1, (1.0 - x.astype(np.float64)).astype(T), T(0))
    A = T(a)
    near = _fma(_fma(np.full(x.shape, A + T(2), T), x, -(A + T(3))) * x, x, T(1))
    far = _fma(_fma(_fma(np.full(x.shape, A, T), x, T(-5) * A), x, T(8) * A), x, T(-4) * A)
    return np.where(x < 1, near, np.where(x < 2, far, T(0))).astype(T)


def aa_weights(in_size, out_size, align_corners, scale, T, cubic):
    """_compute_indices_min_size_weights_aa for every output index, in T as ATen's scalar_t: each output's first
    input index, its count and its normalized filter weights (a row of max_interp_size, zeros past the count)."""
    s = _scale(in_size, out_size, align_corners, scale, T)
    interp = 4 if cubic else 2
    support = T(interp * 0.5 * float(s)) if s >= 1 else T(interp * 0.5)
    width = int(np.ceil(support)) * 2 + 1
    invscale = T(1.0 / float(s)) if s >= 1 else T(1)
    center = (float(s) * (np.arange(out_size) + 0.5)).astype(T)
    xmin = np.maximum(np.trunc((center - support).astype(np.float64) + 0.5).astype(np.int64), 0)
    xsize = np.clip(np.minimum(np.trunc((center + support).astype(np.float64) + 0.5).astype(np.int64), in_size)
                    - xmin, 0, width)
    j = np.arange(width)
    arg = (((j[None, :] + xmin[:, None]).astype(T) - center[:, None]).astype(np.float64) + 0.5) * float(invscale)
    w = np.where(j[None, :] < xsize[:, None], _aa_filter(arg.astype(T), cubic), T(0))
    total = np.zeros(out_size, T)
    for k in range(width):  # (total_w += w, in order)
        total = (total + w[:, k]).astype(T)
    w = np.where(total[:, None] != 0, w / np.where(total == 0, T(1), total)[:, None], w).astype(T)
    return xmin, xsize, w


def _uint8_weights(in_size, out_size, align_corners, scale, cubic, antialias):
    """_compute_index_ranges_int16_weights: each output's first input index, its count and its weights in int16
    fixed point, with the precision (the most bits that keep the largest weight below 2**15). The double weights
    are the antialiased filter's, or without antialias _compute_indices_min_size_weights': the float kernel's
    source index and lambda, the filter's taps past either edge added into the edge's weight."""
    if antialias:
        xmin, xsize, w = aa_weights(in_size, out_size, align_corners, scale, np.float64, cubic)
        top = float(w.max(initial=0.0))
    else:
        interp = 4 if cubic else 2
        s = float(_scale(in_size, out_size, align_corners, scale, np.float64))
        support = interp // 2
        xmin, xsize = np.zeros(out_size, np.int64), np.zeros(out_size, np.int64)
        w = np.zeros((out_size, interp))
        top = 0.0
        for i in range(out_size):
            if align_corners:
                real = s * i
            else:
                real = float(_fma(np.float64(s), np.float64(i + 0.5), np.float64(-0.5)))
                real = 0.0 if not cubic and real < 0 else real
            index = min(int(np.floor(np.float32(real))), in_size - 1)  # (guard_index_and_lambda's floorf)
            lam = min(max(real - index, 0.0), 1.0)
            low = index - support + 1
            xmin[i] = max(low, 0)
            xsize[i] = min(max(min(index + support + 1, in_size) - xmin[i], 0), interp)
            taps = _aa_filter(np.arange(1 - support, interp + 1 - support, dtype=np.float64) - lam, cubic, -0.75)
            k = 0
            for j in range(interp):
                if low + j <= 0:
                    k = 0
                elif low + j >= in_size - 1:
                    k = xsize[i] - 1
                w[i, k] += taps[j]
                top = max(top, w[i, k])
                k += 1
    precision = 0
    while precision < 22 and int(0.5 + top * (1 << (precision + 1))) < (1 << 15):
        precision += 1
    v = w * (1 << precision)
    return xmin, xsize, np.trunc(np.where(v < 0, v - 0.5, v + 0.5)).astype(np.int64), precision


def uint8_values(x, output_size, align_corners, scales, cubic, antialias=False, channels_last=False):
    """uint8 bilinear/bicubic (upsample_avx_bilinear_bicubic_uint8, or separable_upsample_generic_Nd_kernel_impl's
    uint8 branch: the same sums): the width resampled first, then the height, each pass in integers, the sum of
    pixel times int16 weight plus a half shifted right by the precision and clamped to [0, 255]."""
    out = x
    for axis in (3, 2):
        if output_size[axis - 2] == out.shape[axis]:
            continue
        xmin, xsize, w, precision = _uint8_weights(out.shape[axis], output_size[axis - 2], align_corners,
                                                   scales[axis - 2], cubic, antialias)
        shape = [1] * out.ndim
        shape[axis] = len(xmin)
        acc = np.int64(1 << (precision - 1))
        for k in range(w.shape[1]):
            t = _take(out, axis, np.minimum(xmin + k, out.shape[axis] - 1)).astype(np.int64)
            acc = acc + np.where((k < xsize).reshape(shape), t * w[:, k].reshape(shape), 0)
        out = np.clip(acc >> precision, 0, 255).astype(np.uint8)
        if axis == 2 and out.shape[3] == 1 and out.shape[1] > 4 and not channels_last:  # (the generic kernel's
            out = np.repeat(out[:, :, :1], out.shape[2], 2)  # one-column quirk, as in aa_values; not the AVX one's)
    return np.ascontiguousarray(out)


def aa_values(x, output_size, align_corners, scales, cubic):
    """separable_upsample_generic_Nd_kernel_impl with antialias: the width resampled first, then the height, a
    dimension of unchanged size skipped; each output `t0 * w0`, then `+= t * w` for each further tap in a loop
    unrolled by four floats or two doubles: there each product rounded, in the taps left over fused (measured)."""
    T = _work_type(x.dtype)
    out = x.astype(T, copy=False)
    unroll = 4 if T is np.float32 else 2
    for axis in (3, 2):
        if output_size[axis - 2] == out.shape[axis]:
            continue
        xmin, xsize, w = aa_weights(out.shape[axis], output_size[axis - 2], align_corners, scales[axis - 2], T, cubic)
        shape = [1] * out.ndim
        shape[axis] = len(xmin)
        taps = [(_take(out, axis, np.minimum(xmin + k, out.shape[axis] - 1)), w[:, k].reshape(shape))
                for k in range(w.shape[1])]
        acc = taps[0][0] * taps[0][1]
        unrolled = ((xsize - 1) // unroll * unroll).reshape(shape)  # (the further taps the unrolled loop takes)
        for k, (t, wk) in enumerate(taps[1:], 1):
            step = np.where(k > unrolled, _fma(t, wk, acc), acc + t * wk)
            acc = np.where((k < xsize).reshape(shape), step, acc).astype(T)
        if axis == 2 and acc.shape[3] == 1:  # (one column: the height pass's inner loop runs down the rows with the
            acc = np.repeat(acc[:, :, :1], acc.shape[2], 2)  # zero strides meant for a row: each is row 0's)
        out = acc.astype(T)
    return np.ascontiguousarray(out).astype(x.dtype, copy=False)


def aa_backward_values(g, in_shape, align_corners, scales, cubic):
    """cpu_upsample_genNd_backward_aa: per output (raster order), rows then columns of its window,
    in[y, x] = fma(wx * wy, g, in[y, x])."""
    T = _work_type(g.dtype)
    gw = g.astype(T, copy=False)
    N, C, oh, ow = gw.shape
    ih, iw = in_shape[2:]
    (ymin, ysize, wy), (xmin, xsize, wx) = (aa_weights(n, o, align_corners, scales[k], T, cubic)
                                            for k, (n, o) in enumerate(((ih, oh), (iw, ow))))
    a, b, y, x = (m.ravel() for m in np.meshgrid(np.arange(oh), np.arange(ow), np.arange(wy.shape[1]),
                                                 np.arange(wx.shape[1]), indexing="ij"))
    keep = (y < ysize[a]) & (x < xsize[b])
    a, b, y, x = a[keep], b[keep], y[keep], x[keep]
    cells = (ymin[a] + y) * iw + xmin[b] + x
    products, sources = (wx[b, x] * wy[a, y]).astype(T), a * ow + b
    flat_g = gw.reshape(N, C, oh * ow)
    acc = np.zeros((N, C, ih * iw), T)

    def update(sel):
        c = cells[sel]
        acc[..., c] = _fma(products[sel], flat_g[..., sources[sel]], acc[..., c])
    _in_rounds(cells, update)
    return acc.reshape(N, C, ih, iw).astype(g.dtype, copy=False)


def _aa(kernel, cubic):
    return lambda *args: kernel(*args, cubic)


# (name, forward values, backward values) of each kernel by (cubic, dimensions, antialias): the linear ones,
# bicubic (2-d), and the antialiased bilinear and bicubic (2-d)
_KERNELS = {(False, 1, False): ("UpsampleLinear1D", linear_values, linear_backward_values),
            (False, 2, False): ("UpsampleBilinear2D", linear_values, linear_backward_values),
            (False, 3, False): ("UpsampleTrilinear3D", linear_values, linear_backward_values),
            (True, 2, False): ("UpsampleBicubic2D", cubic_values, cubic_backward_values),
            (False, 2, True): ("UpsampleBilinear2DAa", _aa(aa_values, False), _aa(aa_backward_values, False)),
            (True, 2, True): ("UpsampleBicubic2DAa", _aa(aa_values, True), _aa(aa_backward_values, True))}


def _scales_saved(node, k):
    return None if node.scales[k] is None else float(node.scales[k])


class _InterpolationBackward(Node):
    __slots__ = ("shape", "size", "align_corners", "scales")
    cubic = antialias = False

    def __init__(self, x, size, align_corners, scales):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.size, self.align_corners, self.scales = x._shape, tuple(size), align_corners, tuple(scales)

    def backward(self, g):
        return (_backward(g, self.shape, self.size, self.align_corners, self.scales, self.cubic, self.antialias),)


class _InterpolationBackwardBackward(Node):
    """The gradient of the backward: the forward interpolation of the incoming gradient."""
    __slots__ = ("size", "align_corners", "scales")
    cubic = antialias = False

    def __init__(self, g, size, align_corners, scales):
        Node.__init__(self, (edge_of(g),))
        self.size, self.align_corners, self.scales = size, align_corners, scales

    def backward(self, gg):
        return (upsample(gg, self.size, self.align_corners, self.scales, self.cubic, self.antialias),)


def _saved(nd, with_input):
    names = {1: ("scales",), 2: ("scales_h", "scales_w"), 3: ("scales_d", "scales_h", "scales_w")}[nd]
    values = {"align_corners": "align_corners", "output_size": "size"}
    values.update({name: (lambda k: lambda node: _scales_saved(node, k))(k) for k, name in enumerate(names)})
    if with_input:
        values["self_sym_sizes"] = lambda node: tuple(node.shape)
    return values


BACKWARD = {key: type(name + "Backward0", (_InterpolationBackward,),
                      {"__slots__": (), "cubic": key[0], "antialias": key[2], "saved_values": _saved(key[1], True)})
            for key, (name, _, _) in _KERNELS.items()}
DOUBLE = {key: type(name + "BackwardBackward0", (_InterpolationBackwardBackward,),
                    {"__slots__": (), "cubic": key[0], "antialias": key[2], "saved_values": _saved(key[1], False)})
          for key, (name, _, _) in _KERNELS.items()}


def upsample(input, output_size, align_corners, scales, cubic=False, antialias=False):
    """upsample_linear1d / upsample_bilinear2d / upsample_trilinear3d, or upsample_bicubic2d, or the antialiased
    _upsample_bilinear2d_aa / _upsample_bicubic2d_aa (scales: one per dimension, None when the size was given)."""
    key = (cubic, len(output_size), antialias)
    extra = {}
    if cubic and not antialias and input.dtype in (dtypes.float16, dtypes.bfloat16):
        extra["stored"] = lambda c: dtypes.rounding(input.dtype)(c).astype(np.float32)
    if input.dtype is dtypes.uint8:  # (no grad for an integer input)
        if len(output_size) == 2 and input._shape[1] == 3 and tuple(output_size) == (1, 1) and \
                input._shape[2] != 1 and not input.is_contiguous(memory_format=CHANNELS_LAST):
            # (the AVX kernel unpacks an RGB input to RGBA, then its vertical pass skips the packing for an output
            # that is channels-last contiguous, as a 1x1 one is: its assert that the channel counts agree fails)
            raise runtime('num_channels == unpacked_output.size(0) INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/'
                          'aten/src/ATen/native/cpu/UpSampleKernelAVXAntialias.h":269, please report a bug to '
                          'PyTorch. ')
        return layout.output_like(uint8_values(input._np, output_size, align_corners, scales, cubic, antialias,
                                               input.is_contiguous(memory_format=CHANNELS_LAST)), input.dtype, input)
    out = layout.output_like(_KERNELS[key][1](input._np, output_size, align_corners, scales, **extra), input.dtype,
                             input)
    if needs_grad(input):
        attach(out, BACKWARD[key](input, output_size, align_corners, scales))
    return out


def _backward(g, in_shape, output_size, align_corners, scales, cubic, antialias):
    key = (cubic, len(output_size), antialias)
    out = fresh(_KERNELS[key][2](g._np, tuple(in_shape), align_corners, scales), g.dtype)
    if needs_grad(g):
        attach(out, DOUBLE[key](g, tuple(output_size), align_corners, tuple(scales)))
    return out

"""Linear interpolation of 1 to 3 spatial dimensions (upsample_linear1d, upsample_bilinear2d, upsample_trilinear3d,
what F.interpolate's 'linear', 'bilinear' and 'trilinear' modes call) and nearest-exact, as ATen's CPU kernels
compute them, beside their nodes.

ATen computes each dimension's source indices and weights once (area_pixel_compute_source_index, in the opmath type:
float for float, double for double), then each output from the input's corners. Its AVX2 build fuses a multiply with
the add that follows it (one rounding), in an order that depends on the kernel: the generic kernel interpolates the
last dimension first, `t0 * w0 + t1 * w1` as fma(t0, w0, t1 * w1); the channels-last kernel (upsample_bilinear2d's
choice when the output's height + width is at most 128) adds the four corner products, its vector lanes (8 floats or
4 doubles of channels) in one order and the remaining channels in another. The backward scatters each output's
gradient into its corners in output order, each `acc += weight * g` one fused multiply-add."""
import numpy as np

from .autograd import Node, edge_of
from .ops.core import attach, fresh, needs_grad


def _fma(a, b, c):
    """a * b + c rounded once: float32 through double (exact product and sum, one rounding); double by the exact
    product's error term (Dekker's split) carried into the sum."""
    a, b, c = np.asarray(a), np.asarray(b), np.asarray(c)
    T = np.result_type(a, b, c)
    if T == np.float32:
        return (a.astype(np.float64) * b.astype(np.float64) + c.astype(np.float64)).astype(T)
    with np.errstate(all="ignore"):
        p = a * b
        split = 134217729.0
        ah = a * split - (a * split - a)
        bh = b * split - (b * split - b)
        err = ((ah * bh - p) + ah * (b - bh) + (a - ah) * bh) + (a - ah) * (b - bh)
        s = p + c
        bb = s - p
        sum_err = (p - (s - bb)) + (c - bb)
        out = s + (sum_err + err)
    return np.where(np.isfinite(out), out, p + c)


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
    flat_g = gw.reshape(lead + (-1,))
    acc = np.zeros(lead + (int(np.prod(spatial_in)),), T)
    order = np.argsort(cells, kind="stable")
    sorted_cells = cells[order]
    starts = np.searchsorted(sorted_cells, sorted_cells, side="left")
    rank = np.empty(len(cells), np.int64)
    rank[order] = np.arange(len(cells)) - starts
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        sel = rank == r
        c = cells[sel]
        acc[..., c] = _fma(products[sel], flat_g[..., sources[sel]], acc[..., c])
    return acc.reshape(lead + spatial_in).astype(g.dtype, copy=False)


_NAMES = {1: "UpsampleLinear1D", 2: "UpsampleBilinear2D", 3: "UpsampleTrilinear3D"}


def _scales_saved(node, k):
    return None if node.scales[k] is None else float(node.scales[k])


class _LinearBackward(Node):
    __slots__ = ("shape", "size", "align_corners", "scales")

    def __init__(self, x, size, align_corners, scales):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.size, self.align_corners, self.scales = x._shape, tuple(size), align_corners, tuple(scales)

    def backward(self, g):
        return (upsample_linear_backward(g, self.shape, self.size, self.align_corners, self.scales),)


class _LinearBackwardBackward(Node):
    """The gradient of the backward: the forward interpolation of the incoming gradient."""
    __slots__ = ("size", "align_corners", "scales")

    def __init__(self, g, size, align_corners, scales):
        Node.__init__(self, (edge_of(g),))
        self.size, self.align_corners, self.scales = size, align_corners, scales

    def backward(self, gg):
        return (upsample_linear(gg, self.size, self.align_corners, self.scales),)


def _saved(nd, with_input):
    names = {1: ("scales",), 2: ("scales_h", "scales_w"), 3: ("scales_d", "scales_h", "scales_w")}[nd]
    values = {"align_corners": "align_corners", "output_size": "size"}
    values.update({name: (lambda k: lambda node: _scales_saved(node, k))(k) for k, name in enumerate(names)})
    if with_input:
        values["self_sym_sizes"] = lambda node: tuple(node.shape)
    return values


BACKWARD = {nd: type(_NAMES[nd] + "Backward0", (_LinearBackward,), {"__slots__": (), "saved_values": _saved(nd, True)})
            for nd in (1, 2, 3)}
DOUBLE = {nd: type(_NAMES[nd] + "BackwardBackward0", (_LinearBackwardBackward,),
                   {"__slots__": (), "saved_values": _saved(nd, False)}) for nd in (1, 2, 3)}


def upsample_linear(input, output_size, align_corners, scales):
    """upsample_linear1d / upsample_bilinear2d / upsample_trilinear3d (scales: one per dimension, None when the
    size was given)."""
    nd = len(output_size)
    out = fresh(linear_values(input._np, output_size, align_corners, scales), input.dtype)
    if needs_grad(input):
        attach(out, BACKWARD[nd](input, output_size, align_corners, scales))
    return out


def upsample_linear_backward(g, in_shape, output_size, align_corners, scales):
    nd = len(output_size)
    out = fresh(linear_backward_values(g._np, tuple(in_shape), align_corners, scales), g.dtype)
    if needs_grad(g):
        attach(out, DOUBLE[nd](g, tuple(output_size), align_corners, tuple(scales)))
    return out

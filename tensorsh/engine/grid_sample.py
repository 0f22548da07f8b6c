"""grid_sampler_2d (F.grid_sample on 4-d input: bilinear, nearest and bicubic; not its double backward) as ATen's
vectorized CPU kernel computes it (GridSamplerKernel.cpp: each output point's source coordinates unnormalized, clipped
or reflected per padding mode, the corners' or taps' weights and the masked gathers), beside GridSampler2DBackward0:
the input's gradient scattered in output order (per channel: north-west, north-east, south-west, south-east), the
grid's summed over channels. grid_sampler_3d (5-d input) as GridSampler.cpp's scalar loops: eight corners, one op at
a time."""
import numpy as np

from . import autograd, dtypes
from .autograd import Node, SavedTensor, edge_of
from .composite_backward import UndifferentiableBackward
from .errors import make, runtime
from .interpolation import _fma
from .ops.core import attach, fresh, inference_saved_by, needs_grad

def _location(coord, size, padding, align_corners):
    """ComputeLocation<padding, align_corners>::apply_get_grad: the source coordinate and d(coordinate)/d(grid)."""
    return _padded(*_unnormalized(coord, size, align_corners), size, padding, align_corners)


def _unnormalized(coord, size, align_corners):
    """ComputeLocation::unnormalize, and its scaling factor as the gradient."""
    T = coord.dtype.type
    if align_corners:
        scaling = T(size - 1) / T(2)
        x = (coord + T(1)) * scaling
    else:
        scaling = T(size) / T(2)
        x = _fma(coord + T(1), scaling, T(-0.5))  # (the AVX2 build fuses a multiply into the add that follows)
    return x, np.full(coord.shape, scaling, T)


def _padded(x, grad, size, padding, align_corners):
    """ComputeLocation::compute_coordinates (with its gradient): reflected then clipped, or clipped."""
    T = x.dtype.type
    if align_corners:
        low, twice_span, empty = T(0), T(size - 1) * T(2), size <= 1
    else:
        low, twice_span, empty = T(-0.5), T(size) * T(2), size <= 0
    if padding == 2:  # reflection, then clip
        if empty:
            x, grad = np.zeros_like(x), np.zeros_like(x)
        else:
            shifted = x - low
            negative = shifted < 0
            absolute = np.abs(shifted)
            flips = np.trunc(absolute / twice_span)
            extra = _fma(-flips, twice_span, absolute)
            reflected = twice_span - extra
            more = extra > reflected
            x = np.where(more, reflected, extra) + low
            grad = np.where(more ^ negative, T(-1), T(1)) * grad
    if padding in (1, 2):
        bounded = np.maximum(x, T(0))
        inside = (bounded != 0)
        x = np.minimum(bounded, T(size - 1))
        grad = np.where(inside & (x != T(size - 1)), grad, T(0))
    return x.astype(T), grad.astype(T)


# ------------------------------------------------------------------ bicubic (ApplyGridSample<..., Bicubic>)

def _cubic_coefficients(t, fused=False):
    """get_cubic_coefficients (A = -0.75) at distance t as the AVX2 build computes them (measured): the inner taps fuse
    their products into the adds; the outer taps' products of A are each rounded before their add, except in the
    backward kernel's instances for a grid alone (fused)."""
    T = t.dtype.type
    A = T(-0.75)

    def outer(x):  # ((A x - 5A) x + 8A) x - 4A
        if fused:
            return _fma(_fma(_fma(A, x, -(T(5) * A)), x, T(8) * A), x, -(T(4) * A))
        return ((A * x - T(5) * A) * x + T(8) * A) * x - T(4) * A

    def inner(x):  # ((A + 2) x - (A + 3)) x x + 1
        return _fma(_fma(A + T(2), x, -(A + T(3))) * x, x, T(1))
    return [outer(t + T(1)), inner(t), inner(T(1) - t), outer(T(2) - t)]


def _cubic_coefficients_grad(t, fused):
    """get_cubic_coefficients_grad: d(coefficient)/dx of each tap; every product fused into its add in the backward
    kernel's instances for a grid alone, none in those that also compute the input's gradient (measured)."""
    T = t.dtype.type
    A = T(-0.75)
    add = (lambda a, x, b: _fma(a, x, b)) if fused else (lambda a, x, b: a * x + b)
    x0, x1, x2, x3 = T(-1) - t, T(0) - t, T(1) - t, T(2) - t
    return [add(add(T(-3) * A, x0, -(T(10) * A)), x0, -(T(8) * A)),
            add(T(-3) * (A + T(2)), x1, -(T(2) * (A + T(3)))) * x1,
            add(T(3) * (A + T(2)), x2, -(T(2) * (A + T(3)))) * x2,
            add(add(T(3) * A, x3, -(T(10) * A)), x3, T(8) * A)]


def _bicubic_taps(grid, H, W, padding, align_corners, b):
    """Per point: the unnormalized coordinates' multipliers, the coefficients at x - floor(x) and y - floor(y), and
    the sixteen taps (i for x, j for y) as (cell, mask) after compute_coordinates."""
    x, gx_mult = _unnormalized(grid[b, ..., 0].reshape(-1), W, align_corners)
    y, gy_mult = _unnormalized(grid[b, ..., 1].reshape(-1), H, align_corners)
    ix, iy = np.floor(x), np.floor(y)
    T = x.dtype.type
    taps = {}
    for i in range(4):
        for j in range(4):
            xx = _padded(ix + T(i - 1), np.zeros_like(x), W, padding, align_corners)[0]
            yy = _padded(iy + T(j - 1), np.zeros_like(y), H, padding, align_corners)[0]
            cx, cy = np.trunc(xx).astype(np.int64), np.trunc(yy).astype(np.int64)
            mask = np.ones(cx.shape, bool) if padding else (cx > -1) & (cx < W) & (cy > -1) & (cy < H)
            taps[i, j] = ((cy, cx), mask)
    return (gx_mult, gy_mult), (x - ix, y - iy), taps


def _bicubic_backward(g_in, go, inp, grid, padding, align_corners, b):
    """ApplyGridSample<Bicubic>::backward for batch b: the input's gradient scattered (into g_in, (C, H * W), None if
    not wanted), the grid's returned: per channel, per tap (x outer), g -= val * gOut * d(coefficient) * coefficient."""
    H, W = inp.shape[-2:]
    (gx_mult, gy_mult), (tx, ty), taps = _bicubic_taps(grid, H, W, padding, align_corners, b)
    # backward<input_requires_grad=false> is compiled with other contractions, except its double reflection instance
    alone = g_in is None and not (padding == 2 and inp.dtype == np.float64)
    cx, cy = _cubic_coefficients(tx, alone), _cubic_coefficients(ty, alone)
    dx, dy = _cubic_coefficients_grad(tx, alone), _cubic_coefficients_grad(ty, alone)
    order = [(i, j) for i in range(4) for j in range(4)]
    if g_in is not None:
        _scatter_taps(g_in, [(cy_ * W + cx_, mask) for (cy_, cx_), mask in (taps[k] for k in order)],
                      [(go * cx[i]) * cy[j] for i, j in order], inp.dtype)
    vals = {k: _gather(inp, b, *taps[k]) * go for k in order}  # (val * gOut)
    gx, gy = np.zeros_like(tx), np.zeros_like(ty)
    for c in range(inp.shape[1]):
        for i, j in order:
            gx = _fma(-(vals[i, j][c] * dx[i]), cy[j], gx)
            gy = _fma(-(vals[i, j][c] * dy[j]), cx[i], gy)
    return gx * gx_mult, gy * gy_mult


def _bicubic_forward(inp, grid, padding, align_corners, b):
    H, W = inp.shape[-2:]
    _, (tx, ty), taps = _bicubic_taps(grid, H, W, padding, align_corners, b)
    cx, cy = _cubic_coefficients(tx), _cubic_coefficients(ty)

    def across(values):  # c0 v0 + c1 v1 + c2 v2 + c3 v3 along x: only the first product fused (measured)
        return (_fma(cx[0], values[0], cx[1] * values[1]) + cx[2] * values[2]) + cx[3] * values[3]
    rows = [across([_gather(inp, b, *taps[i, j]) for i in range(4)]) for j in range(4)]
    # along y each later product is fused into the running sum
    return _fma(cy[3], rows[3], _fma(cy[2], rows[2], _fma(cy[1], rows[1], cy[0] * rows[0])))


def _corners(x, y, H, W, padding):
    T = x.dtype.type
    x_w, y_n = np.floor(x), np.floor(y)
    w = x - x_w
    e = T(1) - w
    n = y - y_n
    s = T(1) - n
    ix, iy = x_w.astype(np.int64), y_n.astype(np.int64)
    inb = padding != 0
    w_mask = np.ones(ix.shape, bool) if inb else (ix > -1) & (ix < W)
    n_mask = np.ones(iy.shape, bool) if inb else (iy > -1) & (iy < H)
    e_mask = (ix + 1 < W) if inb else (ix + 1 > -1) & (ix + 1 < W)
    s_mask = (iy + 1 < H) if inb else (iy + 1 > -1) & (iy + 1 < H)
    corners = [((iy, ix), s * e, w_mask & n_mask), ((iy, ix + 1), s * w, e_mask & n_mask),
               ((iy + 1, ix), n * e, w_mask & s_mask), ((iy + 1, ix + 1), n * w, e_mask & s_mask)]
    return corners, (n, s, w, e)


def _gather(inp, b, yx, mask):
    """mask_gather per batch b: (C, points) values, zero where masked out."""
    iy, ix = yx
    H, W = inp.shape[-2:]
    vals = inp[b][:, np.clip(iy, 0, H - 1), np.clip(ix, 0, W - 1)]
    return np.where(mask, vals, 0).astype(inp.dtype)


def _prepare(grid, H, W, padding, align_corners, b):
    gx, gy = grid[b, ..., 0].reshape(-1), grid[b, ..., 1].reshape(-1)
    x, gx_mult = _location(gx, W, padding, align_corners)
    y, gy_mult = _location(gy, H, padding, align_corners)
    return x, y, gx_mult, gy_mult


def forward_values(inp, grid, mode, padding, align_corners):
    N, C, H, W = inp.shape
    out_h, out_w = grid.shape[1:3]
    out = np.empty((N, C, out_h * out_w), inp.dtype)
    for b in range(N):
        x, y, _, _ = _prepare(grid, H, W, padding, align_corners, b)
        if mode == 1:
            ix, iy = np.rint(x).astype(np.int64), np.rint(y).astype(np.int64)
            mask = np.ones(ix.shape, bool) if padding else (ix > -1) & (ix < W) & (iy > -1) & (iy < H)
            out[b] = _gather(inp, b, (iy, ix), mask)
            continue
        if mode == 2:
            out[b] = _bicubic_forward(inp, grid, padding, align_corners, b)
            continue
        corners, _ = _corners(x, y, H, W, padding)
        vals = [_gather(inp, b, yx, m) for yx, _, m in corners]
        weights = [wt for _, wt, _ in corners]
        acc = _fma(vals[1], weights[1], vals[0] * weights[0])
        acc = _fma(vals[2], weights[2], acc)
        out[b] = _fma(vals[3], weights[3], acc)
    return out.reshape(N, C, out_h, out_w)


def backward_values(g, inp, grid, mode, padding, align_corners, input_grad=True):
    N, C, H, W = inp.shape
    T = inp.dtype.type
    g_in = np.zeros((N, C, H * W), inp.dtype)
    g_grid = np.zeros(grid.shape, grid.dtype)
    for b in range(N):
        go = g[b].reshape(C, int(np.prod(g.shape[2:])))  # (C may be 0)
        if mode == 2:
            gx, gy = _bicubic_backward(g_in[b] if input_grad else None, go, inp, grid, padding, align_corners, b)
            g_grid[b, ..., 0], g_grid[b, ..., 1] = gx.reshape(grid.shape[1:3]), gy.reshape(grid.shape[1:3])
            continue
        x, y, gx_mult, gy_mult = _prepare(grid, H, W, padding, align_corners, b)
        if mode == 1:
            ix, iy = np.rint(x).astype(np.int64), np.rint(y).astype(np.int64)
            mask = np.ones(ix.shape, bool) if padding else (ix > -1) & (ix < W) & (iy > -1) & (iy < H)
            _scatter(g_in[b], (iy * W + ix)[mask], go[:, mask])
            continue
        corners, (n, s, w, e) = _corners(x, y, H, W, padding)
        P = len(x)
        _scatter_taps(g_in[b], [(iy * W + ix, mask) for (iy, ix), _, mask in corners],
                      [weight * go for _, weight, _ in corners], inp.dtype)
        vals = [_gather(inp, b, yx, m) for yx, _, m in corners]
        gx = np.zeros(P, T)
        gy = np.zeros(P, T)
        nw, ne, sw, se = vals
        for c in range(C):  # (ne - nw) s + (se - sw) n, its second product fused; then fused into the sum
            gx = _fma(_fma(se[c] - sw[c], n, (ne[c] - nw[c]) * s), go[c], gx)
            gy = _fma(_fma(se[c] - ne[c], w, (sw[c] - nw[c]) * e), go[c], gy)
        g_grid[b, ..., 0] = (gx * gx_mult).reshape(grid.shape[1:3])
        g_grid[b, ..., 1] = (gy * gy_mult).reshape(grid.shape[1:3])
    return g_in.reshape(N, C, H, W), g_grid


def _scatter_taps(target, taps, values, dtype):
    """mask_scatter_add of each tap's (C, P) values at its (cells, mask), as the kernel visits them: tap-major within
    each vector of 8 (float) or 4 (double) points, the points of a vector in order."""
    lanes = 8 if dtype == np.float32 else 4
    P = values[0].shape[1]
    order = [(k, p) for start in range(0, P, lanes) for k in range(len(taps))
             for p in range(start, min(start + lanes, P))]
    ks = np.array([k for k, _ in order], np.int64)
    ps = np.array([p for _, p in order], np.int64)
    cell = np.stack([np.where(mask, cells, -1) for cells, mask in taps])[ks, ps]
    keep = cell >= 0
    _scatter(target, cell[keep], np.stack(values)[ks[keep], :, ps[keep]].T)


def _scatter(target, cells, columns):
    """target[:, cells[i]] += columns[:, i] in order (repeated cells added one after another)."""
    order = np.argsort(cells, kind="stable")
    sorted_cells = cells[order]
    rank = np.empty(len(cells), np.int64)
    rank[order] = np.arange(len(cells)) - np.searchsorted(sorted_cells, sorted_cells, side="left")
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        sel = rank == r
        target[:, cells[sel]] = target[:, cells[sel]] + columns[:, sel]


# ------------------------------------------------------------------ 5-d input (GridSampler.cpp's scalar loops)

def _source_index(coord, size, padding, align_corners):
    """grid_sampler_compute_source_index_set_grad (GridSampler.h), one op at a time: the coordinate unnormalized,
    then reflected and/or clipped, with d(index)/d(coord)."""
    T = coord.dtype.type
    if align_corners:
        x, grad = ((coord + T(1)) / T(2)) * T(size - 1), T(size - 1) / T(2)
    else:
        x, grad = ((coord + T(1)) * T(size) - T(1)) / T(2), T(size) / T(2)
    grad = np.full(coord.shape, grad, T)
    if padding == 2:
        twice_low, twice_high = (0, 2 * (size - 1)) if align_corners else (-1, 2 * size - 1)
        if twice_low == twice_high:
            return np.zeros_like(x), np.zeros_like(x)
        low, span = T(twice_low) / T(2), T(twice_high - twice_low) / T(2)
        shifted = x - low
        negative = shifted < 0
        shifted = np.abs(shifted)
        extra = np.fmod(shifted, span)
        odd = np.floor(shifted / span).astype(np.int64) % 2 == 1
        x = np.where(odd, (span - extra) + low, extra + low).astype(T)
        grad = grad * np.where(odd ^ negative, T(-1), T(1))
    if padding:
        top = T(size - 1)
        inside = (x > 0) & ~(x >= top)
        x = np.where(x <= 0, T(0), np.where(x >= top, top, x)).astype(T)
        grad = grad * np.where(inside, T(1), T(0))  # (a product: a clipped point's multiplier keeps its sign)
    return x, grad


def _corners_3d(inp, grid, padding, align_corners, b, nearest):
    """Per point: the source indices, their gradient multipliers and the (z, y, x) corners ATen visits (the one
    nearest, or tnw tne tsw tse bnw bne bsw bse) with each's in-bounds mask and per-axis factors."""
    D, H, W = inp.shape[2:]
    coords = [_source_index(grid[b, ..., k].reshape(-1), size, padding, align_corners)
              for k, size in enumerate((W, H, D))]
    (ix, gx), (iy, gy), (iz, gz) = coords
    if nearest:
        cell = [np.rint(v).astype(np.int64) for v in (iz, iy, ix)]
        return coords, [(cell, None)]
    low = [np.floor(v) for v in (iz, iy, ix)]
    corners = []
    for k in range(8):
        bits = (k >> 2, (k >> 1) & 1, k & 1)
        cell = [lo.astype(np.int64) + d for lo, d in zip(low, bits)]
        # (x1 - x) for the low corner, (x - x0) for the high one: z, y, x
        factors = [(v - lo) if d else ((lo + 1) - v) for v, lo, d in zip((iz, iy, ix), low, bits)]
        corners.append((cell, factors))
    return coords, corners


def _inside(cell, shape):
    return np.logical_and.reduce([(c >= 0) & (c < n) for c, n in zip(cell, shape)])


def forward_values_3d(inp, grid, mode, padding, align_corners):
    N, C, D, H, W = inp.shape
    T = inp.dtype.type
    out = np.zeros((N, C, int(np.prod(grid.shape[1:-1]))), inp.dtype)  # (N may be 0)
    for b in range(N):
        _, corners = _corners_3d(inp, grid, padding, align_corners, b, mode == 1)
        for cell, factors in corners:
            mask = _inside(cell, (D, H, W))
            vals = inp[b][:, np.clip(cell[0], 0, D - 1), np.clip(cell[1], 0, H - 1), np.clip(cell[2], 0, W - 1)]
            if factors is None:
                out[b] = np.where(mask, vals, T(0))
                continue
            weight = factors[2] * factors[1] * factors[0]  # (x, then y, then z)
            out[b] = np.where(mask, out[b] + vals * weight, out[b])
    return out.reshape((N, C) + grid.shape[1:4])


def backward_values_3d(g, inp, grid, mode, padding, align_corners, input_grad=True):
    N, C, D, H, W = inp.shape
    T = inp.dtype.type
    g_in = np.zeros((N, C, D * H * W), inp.dtype)
    g_grid = np.zeros(grid.shape, grid.dtype)
    for b in range(N):
        coords, corners = _corners_3d(inp, grid, padding, align_corners, b, mode == 1)
        go = g[b].reshape(C, int(np.prod(g.shape[2:])))  # (C may be 0)
        P = go.shape[1]
        cells, deltas, terms = [], [], []
        for k, (cell, factors) in enumerate(corners):
            mask = _inside(cell, (D, H, W))
            flat = (np.clip(cell[0], 0, D - 1) * H + np.clip(cell[1], 0, H - 1)) * W + np.clip(cell[2], 0, W - 1)
            cells.append(np.where(mask, flat, -1))
            if factors is None:
                deltas.append(go)
                continue
            fz, fy, fx = factors
            deltas.append((fx * fy * fz) * go)
            terms.append((mask, inp[b].reshape(C, D * H * W)[:, flat], (k & 1, (k >> 1) & 1, k >> 2), ((fy, fz), (fx, fz), (fx, fy))))
        sums = [np.zeros(P, T) for _ in range(3)]  # gix, giy, giz
        for c in range(C):  # per channel, per corner: (val * f * f') * gOut added or taken per the corner's side
            for mask, vals, bits, others in terms:
                for axis in range(3):
                    term = vals[c] * others[axis][0] * others[axis][1] * go[c]
                    moved = sums[axis] + term if bits[axis] else sums[axis] - term
                    sums[axis] = np.where(mask, moved, sums[axis])
        cell = np.stack(cells, 1).reshape(-1)  # point-major, then corner
        delta = np.stack(deltas, 2).reshape(C, P * len(deltas))
        keep = cell >= 0
        _scatter(g_in[b], cell[keep], delta[:, keep])
        if mode != 1:
            for axis in range(3):
                g_grid[b, ..., axis] = (coords[axis][1] * sums[axis]).reshape(grid.shape[1:4])
    return g_in.reshape(inp.shape), g_grid


class GridSampler2DBackward0(Node):
    __slots__ = ("mode", "padding", "align_corners")
    saved_names = ("grid", "input")
    saved_values = {"align_corners": "align_corners", "interpolation_mode": "mode", "padding_mode": "padding"}
    values = staticmethod(backward_values)

    def __init__(self, input, grid, mode, padding, align_corners):
        Node.__init__(self, (edge_of(input), edge_of(grid)))
        self.saved = (SavedTensor(grid), SavedTensor(input))
        self.mode, self.padding, self.align_corners = mode, padding, align_corners

    def backward(self, g):
        grid, inp = self.unpack()
        input_grad = self.next_functions[0][0] is not None
        g_in, g_grid = self.values(np.ascontiguousarray(g._np), inp._np, grid._np, self.mode, self.padding,
                                   self.align_corners, input_grad)
        grads = (fresh(g_in, g.dtype) if input_grad else None,
                 fresh(g_grid, g.dtype) if self.next_functions[1][0] is not None else None)
        if autograd._grad_enabled[0] and any(t.requires_grad for t in (g, inp, grid)):  # (create_graph)
            for out in grads:
                if out is not None:
                    attach(out, _DoubleBackward(type(self).__name__[:-1] + "Backward0", "", (g, inp, grid)))
        return grads


class _DoubleBackward(UndifferentiableBackward):
    """GridSampler2DBackwardBackward0 / GridSampler3DBackwardBackward0, whose formulas the engine lacks."""
    __slots__ = ()

    def backward(self, gg):
        raise runtime(f"tensorsh: grid_sample's double backward ({self.name_}) is not supported yet")


class GridSampler3DBackward0(GridSampler2DBackward0):
    __slots__ = ()
    values = staticmethod(backward_values_3d)


def _sizes(t):
    return "[" + ", ".join(map(str, t._shape)) + "]"


def _check(input, grid):
    """check_grid_sampler_common (then the kernel's dtype check)."""
    if input.size(0) != grid.size(0):  # (size(0): a 0-dim operand's IndexError)
        raise runtime(f"grid_sampler(): expected grid and input to have same batch size, but got input with sizes "
                      f"{_sizes(input)} and grid with sizes {_sizes(grid)}")
    if grid.size(-1) != input.dim() - 2:
        raise runtime(f"grid_sampler(): expected grid to have size {input.dim() - 2} in last dimension, but got grid "
                      f"with sizes {_sizes(grid)}")
    for i in range(2, input.dim()):
        if input._shape[i] <= 0:
            raise runtime(f"grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes "
                          f"{_sizes(input)} with dimension {i} being empty")


def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
    """torch.grid_sampler: grid_sampler_2d for 4-d input, else grid_sampler_3d."""
    sampler = grid_sampler_2d if input.dim() == 4 else grid_sampler_3d
    return sampler(input, grid, interpolation_mode, padding_mode, align_corners)


def grid_sampler_3d(input, grid, mode, padding, align_corners):
    return grid_sampler_2d(input, grid, mode, padding, align_corners, dims=3)


def grid_sampler_2d(input, grid, mode, padding, align_corners, dims=2):
    inference_saved_by((input, grid), (input, grid))  # (its node keeps both before the kernel's checks)
    _check(input, grid)
    if input.dim() != dims + 2 or input.dim() != grid.dim():
        raise runtime(f"grid_sampler(): expected {dims + 2}D input and grid with same number of dimensions, but got "
                      f"input with sizes {_sizes(input)} and grid with sizes {_sizes(grid)}")
    if dims == 3 and mode == 2:
        raise runtime("grid_sampler(): bicubic interpolation only supports 4D input")
    if grid.dtype is not input.dtype:
        raise runtime(dtypes.expected_scalar_type(input.dtype, grid.dtype))
    if input.dtype.category != 2:
        kernel = "grid_sampler_2d_cpu_kernel_impl" if dims == 2 else "grid_sampler3d_cpu"
        raise make("NotImplementedError", f'"{kernel}" not implemented for '
                                          f"'{dtypes.SCALAR_NAMES[input.dtype.name]}'")
    # (the 3-d loops' c10::Half arithmetic, each op in float rounded to half, is numpy's float16)
    if input.dtype is dtypes.bfloat16 or (input.dtype is dtypes.float16 and dims == 2):
        raise make("NotImplementedError", "tensorsh: grid_sample on float16/bfloat16 input is not implemented")
    forward, node = (forward_values, GridSampler2DBackward0) if dims == 2 else (forward_values_3d,
                                                                                 GridSampler3DBackward0)
    out = fresh(forward(input._np, np.ascontiguousarray(grid._np), mode, padding, align_corners), input.dtype)
    if needs_grad(input, grid):
        attach(out, node(input, grid, mode, padding, align_corners))
    return out

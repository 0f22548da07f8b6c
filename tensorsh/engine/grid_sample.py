"""grid_sampler_2d (F.grid_sample on 4-d input, bilinear and nearest; not bicubic, nor its double backward) as ATen's vectorized CPU kernel computes it
(GridSamplerKernel.cpp: each output point's source coordinates unnormalized, clipped or reflected per padding mode,
the four corners' weights and the masked gathers), beside GridSampler2DBackward0: the input's gradient scattered in
output order (per channel: north-west, north-east, south-west, south-east), the grid's summed over channels."""
import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of
from .errors import make, runtime
from .interpolation import _fma
from .ops.core import attach, fresh, needs_grad

def _location(coord, size, padding, align_corners):
    """ComputeLocation<padding, align_corners>::apply_get_grad: the source coordinate and d(coordinate)/d(grid)."""
    T = coord.dtype.type
    if align_corners:
        scaling, low, twice_span, empty = T(size - 1) / T(2), T(0), T(size - 1) * T(2), size <= 1
        x = (coord + T(1)) * scaling
    else:
        scaling, low, twice_span, empty = T(size) / T(2), T(-0.5), T(size) * T(2), size <= 0
        x = _fma(coord + T(1), scaling, T(-0.5))  # (the AVX2 build fuses a multiply into the add that follows)
    grad = np.full(coord.shape, scaling, T)
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
        corners, _ = _corners(x, y, H, W, padding)
        vals = [_gather(inp, b, yx, m) for yx, _, m in corners]
        weights = [wt for _, wt, _ in corners]
        acc = _fma(vals[1], weights[1], vals[0] * weights[0])
        acc = _fma(vals[2], weights[2], acc)
        out[b] = _fma(vals[3], weights[3], acc)
    return out.reshape(N, C, out_h, out_w)


def backward_values(g, inp, grid, mode, padding, align_corners):
    N, C, H, W = inp.shape
    T = inp.dtype.type
    g_in = np.zeros((N, C, H * W), inp.dtype)
    g_grid = np.zeros(grid.shape, grid.dtype)
    for b in range(N):
        x, y, gx_mult, gy_mult = _prepare(grid, H, W, padding, align_corners, b)
        go = g[b].reshape(C, -1)
        if mode == 1:
            ix, iy = np.rint(x).astype(np.int64), np.rint(y).astype(np.int64)
            mask = np.ones(ix.shape, bool) if padding else (ix > -1) & (ix < W) & (iy > -1) & (iy < H)
            _scatter(g_in[b], (iy * W + ix)[mask], go[:, mask])
            continue
        corners, (n, s, w, e) = _corners(x, y, H, W, padding)
        cells, values = [], []
        for (iy, ix), weight, mask in corners:
            cells.append(np.where(mask, iy * W + ix, -1))
            values.append(weight * go)
        # per point, its four corners in order (mask_scatter_add per corner over a vector of points: corner-major
        # within each block of 8 (float) or 4 (double) points)
        lanes = 8 if inp.dtype == np.float32 else 4
        P = len(x)
        order = []
        for start in range(0, P, lanes):
            for k in range(4):
                order.extend((k, p) for p in range(start, min(start + lanes, P)))
        ks = np.array([k for k, _ in order], np.int64)
        ps = np.array([p for _, p in order], np.int64)
        cell = np.stack(cells)[ks, ps]
        keep = cell >= 0
        stacked = np.stack(values)  # (4, C, P)
        _scatter(g_in[b], cell[keep], stacked[ks[keep], :, ps[keep]].T)
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


def _scatter(target, cells, columns):
    """target[:, cells[i]] += columns[:, i] in order (repeated cells added one after another)."""
    order = np.argsort(cells, kind="stable")
    sorted_cells = cells[order]
    rank = np.empty(len(cells), np.int64)
    rank[order] = np.arange(len(cells)) - np.searchsorted(sorted_cells, sorted_cells, side="left")
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        sel = rank == r
        target[:, cells[sel]] = target[:, cells[sel]] + columns[:, sel]


class GridSampler2DBackward0(Node):
    __slots__ = ("mode", "padding", "align_corners")
    saved_names = ("grid", "input")
    saved_values = {"align_corners": "align_corners", "interpolation_mode": "mode", "padding_mode": "padding"}

    def __init__(self, input, grid, mode, padding, align_corners):
        Node.__init__(self, (edge_of(input), edge_of(grid)))
        self.saved = (SavedTensor(grid), SavedTensor(input))
        self.mode, self.padding, self.align_corners = mode, padding, align_corners

    def backward(self, g):
        grid, inp = self.unpack()
        g_in, g_grid = backward_values(np.ascontiguousarray(g._np), inp._np, grid._np, self.mode, self.padding,
                                       self.align_corners)
        return (fresh(g_in, g.dtype) if self.next_functions[0][0] is not None else None,
                fresh(g_grid, g.dtype) if self.next_functions[1][0] is not None else None)


def _sizes(t):
    return "[" + ", ".join(map(str, t._shape)) + "]"


def _check(input, grid):
    """check_grid_sampler_common (then the kernel's dtype check)."""
    if input._shape[0] != grid._shape[0]:
        raise runtime(f"grid_sampler(): expected grid and input to have same batch size, but got input with sizes "
                      f"{_sizes(input)} and grid with sizes {_sizes(grid)}")
    if grid._shape[-1] != input.dim() - 2:
        raise runtime(f"grid_sampler(): expected grid to have size {input.dim() - 2} in last dimension, but got grid "
                      f"with sizes {_sizes(grid)}")
    for i in range(2, input.dim()):
        if input._shape[i] <= 0:
            raise runtime(f"grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes "
                          f"{_sizes(input)} with dimension {i} being empty")


def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
    """torch.grid_sampler: grid_sampler_2d for 4-d input (grid_sampler_3d, 5-d, is not in tensorsh)."""
    if input.dim() != 4:
        _check(input, grid)
        raise make("NotImplementedError", "tensorsh: grid_sample is implemented for 4-D input only")
    return grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners)


def grid_sampler_2d(input, grid, mode, padding, align_corners):
    _check(input, grid)
    if input.dim() != 4 or input.dim() != grid.dim():
        raise runtime(f"grid_sampler(): expected 4D input and grid with same number of dimensions, but got input "
                      f"with sizes {_sizes(input)} and grid with sizes {_sizes(grid)}")
    if grid.dtype is not input.dtype:
        raise runtime(dtypes.expected_scalar_type(input.dtype, grid.dtype))
    if input.dtype in (dtypes.float16, dtypes.bfloat16):
        raise make("NotImplementedError", "tensorsh: grid_sample on float16/bfloat16 input is not implemented")
    if input.dtype.category != 2:
        raise make("NotImplementedError", f'"grid_sampler_2d_cpu_kernel_impl" not implemented for '
                                          f"'{dtypes.SCALAR_NAMES[input.dtype.name]}'")
    if mode == 2:
        raise make("NotImplementedError", "tensorsh: grid_sample's bicubic mode is not implemented")
    out = fresh(forward_values(input._np, np.ascontiguousarray(grid._np), mode, padding, align_corners), input.dtype)
    if needs_grad(input, grid):
        attach(out, GridSampler2DBackward0(input, grid, mode, padding, align_corners))
    return out

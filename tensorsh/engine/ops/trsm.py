"""Triangular solves (BLAS trsm) on numpy arrays, as PyTorch's MKL rounds them: the kernel behind
linalg.solve_triangular, triangular_solve and cholesky_solve (potrs's two solves).

On Intel CPUs (MKL's AVX-512 code) three paths, measured element by element and then on 150-400 random systems of
each order 2..40, lower and upper, float32 and float64 (all equal within the limits below):
- one right-hand side, the matrix's rows contiguous (a row-major A, as PyTorch passes it with trans='T'): each row's
  products over the unknowns before it are summed as a dot product (an odd one out, nearest the diagonal, fused in
  last), then divided by the pivot (orders up to 32);
- one right-hand side, the columns contiguous (a column-major A: trans='N'): each solved unknown fused out of the rows
  after it, column by column, the pivot divided (orders up to 32);
- several right-hand sides: the rows in blocks (float64 16, float32 32, a right-side system's 8; then halves for the
  rest: 4, 2, 1), each block's rows first lose one dot product over all the unknowns solved before it (fused in
  index order), then solved column by column, fused, the pivot's reciprocal multiplied (orders up to 23 in float64,
  40 in float32, 64 on the right side).
Elsewhere (larger orders, complex, other CPUs) LAPACK's reference column order, each pivot's reciprocal multiplied."""
import numpy as np

from .. import kernels

_DOT_ORDERS, _AXPY_ORDERS = 32, 32
_BLOCKED_ORDERS = {np.dtype(np.float64): 23, np.dtype(np.float32): 40}  # (left side; the right side's up to 64)
_RIGHT_ORDERS = 64


def trsm(a, b, upper, unit=False, rows_contiguous=False, right=False):
    """X with AX = B: A triangular (batch, n, n), B (batch, n, m); rows_contiguous: A's rows lie contiguous in
    memory as BLAS receives it (the dot-product path for one right-hand side); right: the system is the transpose
    of a right-side one (XA' = B': trsm side='R', whose blocks are at most eight rows)."""
    n, m = a.shape[-1], b.shape[-1]
    if kernels.MKL_ON_INTEL and a.dtype in _BLOCKED_ORDERS and b.size:
        with np.errstate(all="ignore"):
            if m == 1 and rows_contiguous and n <= _DOT_ORDERS:
                return _dot_rows(a, np.array(b), upper, unit)
            if m == 1 and n <= _AXPY_ORDERS:
                return _by_columns(a, np.array(b), upper, unit, divide=True, fused=True)
            if m > 1 and n <= (_RIGHT_ORDERS if right else _BLOCKED_ORDERS[a.dtype]):
                return _blocked(a, np.array(b), upper, unit, 8 if right else 16 if a.dtype == np.float64 else 32)
    return substitute(a, b, upper, unit)


def substitute(a, b, upper, unit=False):
    """X with AX = B in LAPACK's reference column order, each pivot's reciprocal multiplied."""
    with np.errstate(all="ignore"):
        return _by_columns(a, np.array(b), upper, unit, divide=False, fused=False)


def _by_columns(a, x, upper, unit, divide, fused, lo=0, hi=None):
    """Rows lo..hi of x solved in place column by column: each unknown scaled by its pivot, then taken out of the
    rows after it (in solve order) within the range."""
    hi = a.shape[-1] if hi is None else hi
    one = a.dtype.type(1)
    for k in (range(hi - 1, lo - 1, -1) if upper else range(lo, hi)):
        if not unit:
            x[:, k] = x[:, k] / a[:, k, k, None] if divide else x[:, k] * (one / a[:, k, k, None])
        rest = slice(lo, k) if upper else slice(k + 1, hi)
        if fused:
            x[:, rest] = kernels.fma(-a[:, rest, k, None], x[:, k, None, :], x[:, rest])
        else:
            x[:, rest] = x[:, rest] - a[:, rest, k, None] * x[:, k, None, :]
    return x


def _dot_rows(a, x, upper, unit):
    n, wide = a.shape[-1], 64 // a.dtype.itemsize
    for k in (range(n - 1, -1, -1) if upper else range(n)):
        before = list(range(k + 1, n)) if upper else list(range(k))
        odd = len(before) % 2
        near, main = (before[:odd], before[odd:]) if upper else (before[len(before) - odd:], before[:len(before) - odd])
        c = x[:, k, 0]
        if main:
            c = c - _dot([a[:, k, j] for j in main], [x[:, j, 0] for j in main], wide)
        for j in near:
            c = kernels.fma(-a[:, k, j], x[:, j, 0], c)
        x[:, k, 0] = c if unit else c / a[:, k, k]
    return x


def _dot(a, b, wide):
    """sum a_i b_i as MKL's AVX-512 dot kernel: a full register's lanes (`wide`) fused when there are that many
    products; fewer in eight (from eight) or four lanes, each product rounded and added; the lanes added in halves."""
    count = len(a)
    lanes_n, fused = (wide, True) if count >= wide else (8 if count >= 8 else 4, False)
    lanes = [None] * lanes_n
    for i, (ai, bi) in enumerate(zip(a, b)):
        j = i % lanes_n
        lanes[j] = ai * bi if lanes[j] is None else kernels.fma(ai, bi, lanes[j]) if fused else lanes[j] + ai * bi
    lanes = [v for v in lanes if v is not None]
    while len(lanes) > 1:
        half = (len(lanes) + 1) // 2
        lanes = [lanes[i] + lanes[i + half] if i + half < len(lanes) else lanes[i] for i in range(half)]
    return lanes[0]


def _blocks(n, top):
    out, lo, size = [], 0, top
    while lo < n:
        while size > n - lo:
            size //= 2
        out.append((lo, lo + size))
        lo += size
    return out


def _blocked(a, x, upper, unit, top):
    blocks = _blocks(a.shape[-1], top)
    solved = []
    for lo, hi in (reversed(blocks) if upper else blocks):
        if solved:
            first, *rest = sorted(solved)
            d = a[:, lo:hi, first, None] * x[:, first, None, :]
            for j in rest:
                d = kernels.fma(a[:, lo:hi, j, None], x[:, j, None, :], d)
            x[:, lo:hi] = x[:, lo:hi] - d
        _by_columns(a, x, upper, unit, divide=False, fused=True, lo=lo, hi=hi)
        solved += range(lo, hi)
    return x

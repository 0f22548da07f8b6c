"""Householder QR as LAPACK's unblocked geqr2 / org2r take it, with the steps of MKL's float32 kernels for small
matrices (measured against PyTorch 2.13's MKL: the reflector's norm scaled by the column's largest magnitude and
summed in order, beta by lapy2, the vector divided by alpha - beta, w = C^T v summed row by row and C + v (-tau w)),
on numpy arrays: the kernels behind torch.geqrf and linalg.householder_product (ops/decompositions.py), linalg.qr,
nn.init.orthogonal_ and float32 singular values. float64 and larger matrices go through numpy's LAPACK (its last
bits, not MKL's)."""
import numpy as np

from .core import empty_strided, from_numpy


def _fortran(values, dt):
    """A result as LAPACK leaves it: each matrix column-major, the batches outermost, in strides computed as ATen's
    (a size-1 dim's too: a (3, 1) result's are (1, 3), a (2, 1, 3) batch's (3, 1, 1))."""
    values = np.asarray(values, dt.np)
    shape = values.shape
    stride, block = [1, max(shape[-2], 1)], max(shape[-2], 1) * max(shape[-1], 1)
    for n in reversed(shape[:-2]):
        stride.insert(0, block)
        block *= max(n, 1)
    out = empty_strided((shape, tuple(stride), 0), dt)
    out._np[...] = values
    return out

_EXACT_COLS, _EXACT_ROWS = 32, 256  # (up to these sizes the float32 steps below; beyond, numpy's blocked LAPACK)


def _exact(a):
    return a.dtype == np.float32 and a.shape[-1] <= _EXACT_COLS and a.shape[-2] <= _EXACT_ROWS


def _sum_rows(C, v):
    """C^T v, accumulated over C's rows in order."""
    w = np.zeros(C.shape[1], C.dtype)
    for k in range(len(v)):
        w = w + C[k] * v[k]
    return w


def _lapy2(x, y):
    w, z = max(abs(x), abs(y)), min(abs(x), abs(y))
    return w if z == 0 else w * np.sqrt(x.dtype.type(1) + (z / w) ** 2)


def _geqr2(a):
    """One matrix: (R above the diagonal with the reflectors below it, tau)."""
    a = np.array(a)
    m, n = a.shape
    tau = np.zeros(min(m, n), a.dtype)
    for i in range(min(m, n)):
        a[i, i], a[i + 1:, i], tau[i] = _larfg(a[i, i], a[i + 1:, i])
        if i < n - 1:  # (applied with tau 0 too, as MKL does: the signs of zeros it leaves)
            diag, a[i, i] = a[i, i], 1
            v, C = a[i:, i].copy(), a[i:, i + 1:]
            a[i:, i + 1:] = C + np.outer(v, -tau[i] * _sum_rows(C, v))
            a[i, i] = diag
    return a, tau


def _org2r(h, tau, cols):
    """One matrix: the first `cols` columns of H_1 ... H_k, k = len(tau)."""
    m, k = h.shape[0], len(tau)
    a = np.zeros((m, cols), h.dtype)
    a[:, :k] = h[:, :k]
    for j in range(k, cols):
        a[j, j] = 1
    one = h.dtype.type(1)
    for i in range(k - 1, -1, -1):
        if i < cols - 1 and tau[i] != 0:  # (larf does nothing for tau 0: the signs of zeros stay)
            a[i, i] = 1
            v = a[i:, i].copy()
            C = a[i:, i + 1:]
            a[i:, i + 1:] = C + np.outer(v, -tau[i] * _sum_rows(C, v))
        if i < m - 1:
            a[i + 1:, i] = -tau[i] * a[i + 1:, i]
        a[i, i] = one - tau[i]
        a[:i, i] = 0
    return a


def _each(fn, *arrays, shape, dtype):
    batch = arrays[0].shape[:-2]
    flat = [x.reshape((-1,) + x.shape[len(batch):]) for x in arrays]
    out = np.empty((len(flat[0]),) + shape, dtype)
    for b in range(len(out)):
        out[b] = fn(*(x[b] for x in flat))
    return out.reshape(batch + shape)


def geqrf_values(a):
    """geqrf on a batch (..., m, n): (h, tau) as numpy arrays."""
    m, n = a.shape[-2:]
    if not _exact(a) or not a.size:
        if not a.size:
            return np.array(a), np.zeros(a.shape[:-2] + (min(m, n),), a.dtype)
        h, tau = np.linalg.qr(a, mode="raw")
        return np.swapaxes(h, -1, -2).astype(a.dtype), tau.astype(a.dtype)
    h = _each(lambda x: _geqr2(x)[0], a, shape=(m, n), dtype=a.dtype)
    tau = _each(lambda x: _geqr2(x)[1][None], a, shape=(1, min(m, n)), dtype=a.dtype)[..., 0, :]
    return h, tau


def orgqr_values(h, tau, cols):
    """The first `cols` columns of the product of the reflectors (h, tau) on a batch."""
    m = h.shape[-2]
    if h.dtype == np.float32 and cols <= _EXACT_COLS and m <= _EXACT_ROWS:
        return _each(lambda x, t: _org2r(x, t[0], cols), h, tau[..., None, :], shape=(m, cols), dtype=h.dtype)
    out = np.broadcast_to(np.eye(m, cols, dtype=h.dtype), h.shape[:-2] + (m, cols)).copy()
    for i in range(tau.shape[-1] - 1, -1, -1):  # (H_i applied from the left, the last first)
        v = h[..., :, i].copy()
        v[..., :i] = 0
        v[..., i] = 1
        w = np.einsum("...r,...rc->...c", v.conj(), out)  # (H_i = I - tau_i v_i v_i^H)
        out = out - tau[..., i, None, None] * v[..., :, None] * w[..., None, :]
    return out


def qr_values(a, complete=False):
    """(Q, R) of a batch by geqrf and orgqr, as LAPACK's path in ATen's linalg_qr."""
    m, n = a.shape[-2:]
    h, tau = geqrf_values(a)
    k = m if complete else min(m, n)
    return orgqr_values(h, tau, k), np.triu(h[..., :k, :])


def _larfg(alpha, x):
    """dlarfg: (beta, the reflector's tail, tau); the norm of x scaled by its largest magnitude and summed in
    order, beta by lapy2, the tail divided by alpha - beta (alpha, x, 0 when x is 0)."""
    if not np.any(x != 0):
        return alpha, x, alpha.dtype.type(0)
    scale = np.max(np.abs(x))
    y = x / scale
    beta = -np.copysign(_lapy2(alpha, scale * np.sqrt(_sum_rows(y[:, None], y)[0])), alpha)
    return beta, x / (alpha - beta), (beta - alpha) / beta


def _gebd2(a):
    """One matrix (m >= n): the diagonal and superdiagonal of its upper bidiagonal form (gebd2's reflectors from
    the left and from the right, alternately)."""
    a = np.array(a)
    m, n = a.shape
    one = a.dtype.type(1)
    d, e = np.zeros(n, a.dtype), np.zeros(max(n - 1, 0), a.dtype)
    for i in range(n):
        d[i], v, tau = _larfg(a[i, i], a[i + 1:, i])
        if i < n - 1 and tau != 0:
            v, C = np.concatenate([[one], v]), a[i:, i + 1:]
            a[i:, i + 1:] = C + np.outer(v, -tau * _sum_rows(C, v))
        if i < n - 1:
            e[i], v, tau = _larfg(a[i, i + 1], a[i, i + 2:])
            if tau != 0:
                v, C = np.concatenate([[one], v]), a[i + 1:, i + 1:]
                a[i + 1:, i + 1:] = C + np.outer(-tau * _sum_rows(C.T, v), v)
    return d, e


def _singular_values(a):
    m, n = a.shape
    if m < n:
        a, m, n = a.T, n, m
    if m >= int(n * 11 / 6):  # (gesdd's path for a tall matrix: a QR first, then R's bidiagonal form)
        a = np.triu(_geqr2(a)[0][:n])
    d, e = _gebd2(a)
    b = np.diag(d.astype(np.float64)) + np.diag(e.astype(np.float64), 1)
    return np.linalg.svd(b, compute_uv=False).astype(a.dtype)


def singular_values(a):
    """float32 singular values of a batch as MKL's sgesdd reaches them: the bidiagonal form in float32 by the
    Householder steps above (so a rank-deficient matrix gets MKL's zeros or its ~1e-7 rather than a float64
    LAPACK's 1e-17), its singular values in float64 rounded once; None where numpy's LAPACK is used (float64,
    larger matrices)."""
    m, n = a.shape[-2:]
    if not (a.dtype == np.float32 and 0 < min(m, n) and max(m, n) <= _EXACT_COLS):
        return None
    if not np.all(np.isfinite(a)):
        return None
    return _each(lambda x: _singular_values(x)[None], a, shape=(1, min(m, n)), dtype=a.dtype)[..., 0, :]

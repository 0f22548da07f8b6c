"""torch.linalg.ldl_factor/ldl_factor_ex/ldl_solve: LAPACK's sytrf (Bunch-Kaufman pivoting, the lower triangle, 1x1
and 2x2 diagonal blocks; hetrf for hermitian=True) and sytrs, unblocked (sytf2's steps, as LAPACK runs below its
block size). PyTorch has no derivative for them: LD's node is torch::autograd::NotImplemented."""
import numpy as np

from .. import dtypes
from ..errors import runtime
from .args import check_square
from .core import NotImplementedNode, attach, from_numpy, needs_grad, return_type
from .decompositions import _batched, _broadcast_pair, _floating, _fortran, _lapack_dtype

LdlFactor = return_type("linalg_ldl_factor", ("LD", "pivots"))
LdlFactorEx = return_type("linalg_ldl_factor_ex", ("LD", "pivots", "info"))

_ALPHA = (1 + 17 ** 0.5) / 8  # (Bunch-Kaufman's threshold)


def _sytf2(a, hermitian):
    """sytf2/hetf2 'L' on one matrix (n, n), in place: the factor in the lower triangle, 1-based pivots (negative for
    a 2x2 block, on both its rows) and info (the first exactly singular D block's row, 1-based)."""
    n = len(a)
    conj = np.conj if hermitian and np.iscomplexobj(a) else (lambda x: x)
    size = (lambda x: abs(x.real) + abs(x.imag)) if np.iscomplexobj(a) else abs  # (cabs1, as i?amax compares)
    ipiv = np.zeros(n, np.int32)
    info = 0
    if hermitian and np.iscomplexobj(a):
        a[np.diag_indices(n)] = a.diagonal().real
    k = 0
    while k < n:
        kstep = 1
        absakk = abs(a[k, k].real) if hermitian else size(a[k, k])
        if k < n - 1:
            imax = k + 1 + int(np.argmax(size(a[k + 1:, k])))
            colmax = size(a[imax, k])
        else:
            imax, colmax = k, 0.0
        if max(absakk, colmax) == 0 or np.isnan(absakk):
            info = info or k + 1
            kp = k
        else:
            if absakk >= _ALPHA * colmax:
                kp = k
            else:
                jmax = k + int(np.argmax(size(a[imax, k:imax])))
                rowmax = size(a[imax, jmax])
                if imax < n - 1:
                    rowmax = max(rowmax, size(a[imax + 1 + int(np.argmax(size(a[imax + 1:, imax]))), imax]))
                akk_imax = abs(a[imax, imax].real) if hermitian else size(a[imax, imax])
                if absakk >= _ALPHA * colmax * (colmax / rowmax):
                    kp = k
                elif akk_imax >= _ALPHA * rowmax:
                    kp = imax
                else:
                    kp, kstep = imax, 2
            kk = k + kstep - 1
            if kp != kk:  # (rows and columns kk and kp of the trailing submatrix interchanged)
                if kp < n - 1:
                    a[kp + 1:, kk], a[kp + 1:, kp] = a[kp + 1:, kp].copy(), a[kp + 1:, kk].copy()
                seg = a[kk + 1:kp, kk].copy()
                a[kk + 1:kp, kk] = conj(a[kp, kk + 1:kp])
                a[kp, kk + 1:kp] = conj(seg)
                if hermitian:
                    a[kp, kk] = conj(a[kp, kk])
                a[kk, kk], a[kp, kp] = a[kp, kp], a[kk, kk]
                if kstep == 2:
                    a[k + 1, k], a[kp, k] = a[kp, k], a[k + 1, k]
            if kstep == 1:
                if k < n - 1:  # (syr: A -= x d11 x^T on the trailing lower triangle, then x scaled by d11)
                    d11 = 1 / (a[k, k].real if hermitian else a[k, k])
                    x = a[k + 1:, k].copy()
                    for j in range(n - k - 1):
                        a[k + 1 + j:, k + 1 + j] = a[k + 1 + j:, k + 1 + j] + x[j:] * (-d11 * conj(x[j]))
                    if hermitian:
                        a[k + 1:, k + 1:][np.diag_indices(n - k - 1)] = a[k + 1:, k + 1:].diagonal().real
                    a[k + 1:, k] = x * d11
            elif k < n - 2:
                d21 = a[k + 1, k]
                if hermitian:
                    d = abs(d21)
                    d11, d22 = a[k + 1, k + 1].real / d, a[k, k].real / d
                    t = 1 / (d11 * d22 - 1)
                    d21 = d21 / d
                    d = t / d
                    for j in range(k + 2, n):
                        wk = d * (d11 * a[j, k] - d21 * a[j, k + 1])
                        wkp1 = d * (d22 * a[j, k + 1] - np.conj(d21) * a[j, k])
                        a[j:, j] = a[j:, j] - a[j:, k] * np.conj(wk) - a[j:, k + 1] * np.conj(wkp1)
                        a[j, k], a[j, k + 1] = wk, wkp1
                        a[j, j] = a[j, j].real
                else:
                    d11 = a[k + 1, k + 1] / d21
                    d22 = a[k, k] / d21
                    t = 1 / (d11 * d22 - 1)
                    d21 = t / d21
                    for j in range(k + 2, n):
                        wk = d21 * (d11 * a[j, k] - a[j, k + 1])
                        wkp1 = d21 * (d22 * a[j, k + 1] - a[j, k])
                        a[j:, j] = a[j:, j] - (a[j:, k] * wk + a[j:, k + 1] * wkp1)
                        a[j, k], a[j, k + 1] = wk, wkp1
        if kstep == 1:
            ipiv[k] = kp + 1
        else:
            ipiv[k] = ipiv[k + 1] = -(kp + 1)
        k += kstep
    return ipiv, info


def _ldl_checks(op, A):
    check_square(op, A)
    _floating(op, A)


def ldl_factor_ex(A, *, hermitian=False, check_errors=False, _op="torch.linalg.ldl_factor_ex"):
    _ldl_checks("torch.linalg.ldl_factor_ex", A)
    _lapack_dtype("ldl_factor_kernel_cpu", A)
    n = A._shape[-1]
    lds = np.tril(_batched(A._np))
    pivots = np.zeros((len(lds), n), np.int32)
    infos = np.zeros(len(lds), np.int32)
    with np.errstate(all="ignore"):
        for b in range(len(lds)):
            pivots[b], infos[b] = _sytf2(lds[b], hermitian)
    info = infos.reshape(A._shape[:-2])
    if check_errors and info.any():  # (_linalg_check_errors knows no ldl_factor code: its internal assert)
        raise runtime(f'false INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/aten/src/ATen/native/'
                      f'BatchLinearAlgebra.cpp":1642, please report a bug to PyTorch. {_op}: Unknown error code: '
                      f'{int(info.reshape(-1)[np.flatnonzero(info.reshape(-1))[0]])}.')
    LD = _fortran(np.tril(lds).reshape(A._shape), A.dtype)
    if needs_grad(A):
        attach(LD, NotImplementedNode("linalg_ldl_factor_ex", A))
    return LdlFactorEx((LD, from_numpy(pivots.reshape(A._shape[:-1]), dtypes.int32), from_numpy(info, dtypes.int32)))


def ldl_factor(A, *, hermitian=False):
    LD, pivots, _ = ldl_factor_ex(A, hermitian=hermitian, check_errors=True, _op="torch.linalg.ldl_factor")
    return LdlFactor((LD, pivots))


def _sytrs(a, ipiv, b, hermitian):
    """sytrs/hetrs 'L' on one factor (n, n) and its right-hand sides (n, k), in place: L D L^T X = B (L D L^H)."""
    n = len(a)
    conj = np.conj if hermitian and np.iscomplexobj(a) else (lambda x: x)
    k = 0
    while k < n:  # (L D Y = B)
        if ipiv[k] > 0:
            kp = ipiv[k] - 1
            if kp != k:
                b[[k, kp]] = b[[kp, k]]
            b[k + 1:] = b[k + 1:] - a[k + 1:, k, None] * b[k]
            b[k] = b[k] * (1 / (a[k, k].real if hermitian else a[k, k]))
            k += 1
        else:
            kp = -ipiv[k] - 1
            if kp != k + 1:
                b[[k + 1, kp]] = b[[kp, k + 1]]
            if k < n - 2:
                b[k + 2:] = b[k + 2:] - a[k + 2:, k, None] * b[k]
                b[k + 2:] = b[k + 2:] - a[k + 2:, k + 1, None] * b[k + 1]
            akm1k = a[k + 1, k]
            akm1 = a[k, k] / conj(akm1k)
            ak = a[k + 1, k + 1] / akm1k
            denom = akm1 * ak - 1
            bkm1 = b[k] / conj(akm1k)
            bk = b[k + 1] / akm1k
            b[k] = (ak * bkm1 - bk) / denom
            b[k + 1] = (akm1 * bk - bkm1) / denom
            k += 2
    k = n - 1
    while k >= 0:  # (L^T X = Y)
        if ipiv[k] > 0:
            if k < n - 1:
                b[k] = b[k] - conj(a[k + 1:, k]) @ b[k + 1:]
            kp = ipiv[k] - 1
            if kp != k:
                b[[k, kp]] = b[[kp, k]]
            k -= 1
        else:
            if k < n - 1:
                b[k] = b[k] - conj(a[k + 1:, k]) @ b[k + 1:]
                b[k - 1] = b[k - 1] - conj(a[k + 1:, k - 1]) @ b[k + 1:]
            kp = -ipiv[k] - 1
            if kp != k:
                b[[k, kp]] = b[[kp, k]]
            k -= 2
    return b


def ldl_solve(LD, pivots, B, *, hermitian=False):
    op = "torch.linalg.ldl_solve"
    B._wrap_size_dim(-2)
    if LD.dtype is not B.dtype:
        raise runtime(f"Expected b and A to have the same dtype, but found b of type "
                      f"{dtypes.SCALAR_NAMES[B.dtype.name]} and A of type {dtypes.SCALAR_NAMES[LD.dtype.name]} instead.")
    check_square(op, LD)
    n = LD._shape[-1]
    if B._shape[-2] != n:
        raise runtime(f"Incompatible matrix sizes for {op}: each A matrix is {n} by {n} but each b matrix is "
                      f"{B._shape[-2]} by {B._shape[-1]}")
    _lapack_dtype("ldl_solve_cpu", LD)
    ld, b, batch = _broadcast_pair(LD._np, B._np)
    piv = np.broadcast_to(pivots._np, batch + (n,)).reshape(-1, n)
    ld, x = _batched(ld), _batched(b)
    with np.errstate(all="ignore"):
        for i in range(len(x)):
            _sytrs(ld[i], piv[i], x[i], hermitian)
    return _fortran(x.reshape(batch + b.shape[-2:]), LD.dtype)

"""Inverse, determinant and solve (torch.linalg.inv / inv_ex / det / slogdet / solve / solve_ex, torch.inverse,
torch.det, torch.logdet, torch.slogdet) with PyTorch's checks, messages, result types, nodes and backward formulas.

Up to order 16 the LU factorization is MKL's getrf step for step (its factors and determinants bit for bit); on
Intel CPUs with AVX-512 the triangular solves after it (getrs 'N' and 'T') are MKL's too, its own kernels up to
order 8 and its trsm calls (ops/trsm.py) past it; elsewhere LAPACK's column order, not always MKL's last bits. Larger
matrices go through numpy's LAPACK (the README's limits give the measured rates)."""
import numpy as np

from .. import autograd, dtypes, kernels
from ..autograd import Node, SavedTensor, edge_of
from ..creation import not_implemented_for
from ..errors import make, runtime
from .args import check_square, check_system
from .comparison import where
from .core import (InputNode, SavingNode, Shaped, attach, attach_outputs, check_broadcast_all, fresh, needs_grad,
                   return_type)
from .householder import _fortran
from .trsm import substitute, trsm
from .unary import _complex_sgn
from ..autocast import fp32_op

InvEx = return_type("linalg_inv_ex", ("inverse", "info"))
SolveEx = return_type("linalg_solve_ex", ("result", "info"))
Slogdet = return_type("slogdet", ("sign", "logabsdet"))
LinalgSlogdet = return_type("linalg_slogdet", ("sign", "logabsdet"))


def _square(op, A, low_precision=False):
    """A batch of square matrices of floating point numbers; float16 and bfloat16 refused as checkFloatingOrComplex
    does (`low_precision` False) or left for the LU kernel's dispatch (lu_factor_ex's)."""
    check_square(op, A)
    if A.dtype.category < 2:
        raise runtime(f"{op}: Expected a floating point or complex tensor as input. Got "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]}")
    if A.dtype.itemsize == 2 and not low_precision:
        raise runtime(f"{op}: Low precision dtypes not supported. Got {dtypes.SCALAR_NAMES[A.dtype.name]}")


def _lu_dispatch(A):
    if A.dtype.itemsize == 2:
        raise not_implemented_for("lu_cpu", A.dtype)


_SMALL = 16  # up to this order the unblocked getf2/trsv steps below are what PyTorch's LAPACK runs


def _lu(a):
    """getf2 on a batch (..., n, n): partial pivoting, the column scaled by the pivot's reciprocal, rank-one
    updates; (LU, row order of the permuted rows, getrf's info, the number of row swaps)."""
    n = a.shape[-1]
    lu = np.array(a.reshape((int(np.prod(a.shape[:-2])),) + a.shape[-2:]))
    batch = lu.shape[0]
    rows = np.arange(batch)
    perm = np.tile(np.arange(n), (batch, 1))
    info = np.zeros(batch, np.int32)
    swaps = np.zeros(batch, np.int64)
    one = lu.dtype.type(1)
    with np.errstate(all="ignore"):
        for k in range(n):
            p = k + np.argmax(_cabs1(lu[:, k:, k]), axis=1)
            swap = p != k
            swaps += swap
            lu[rows, k], lu[rows, p] = lu[rows, p], lu[rows, k].copy()
            perm[rows, k], perm[rows, p] = perm[rows, p], perm[rows, k].copy()
            pivot = lu[:, k, k]
            zero = pivot == 0
            info[(info == 0) & zero] = k + 1
            safe = np.where(zero, one, pivot)  # (a zero pivot: the column is left as it is)
            if k == n - 2 and n <= 4 and not np.iscomplexobj(lu):  # MKL's small kernels divide the last single element (measured: 100%)
                lu[:, k + 1:, k] = np.where(zero[:, None], lu[:, k + 1:, k], lu[:, k + 1:, k] / safe[:, None])
            else:
                lu[:, k + 1:, k] *= np.where(zero, one, one / safe)[:, None]
            for i in range(k + 1, n):
                lu[:, i, k + 1:] = _minus_product(lu[:, i, k + 1:], lu[:, i, k, None], lu[:, k, k + 1:])
    return lu, perm, info, swaps


def _minus_product(c, a, b):
    """c - a * b as MKL's getf2/getrs steps compute it: on Intel CPUs (MKL's AVX-512 code) a real update is one
    fused multiply-add (measured: getrf's factors of 200 random float32 and float64 matrices of each order 2..16 all
    match, the unfused ones from order 6 none); elsewhere (AVX2) rounded twice."""
    if kernels.MKL_ON_INTEL and c.dtype in (np.float32, np.float64) and c.size:
        a, b = np.broadcast_arrays(a, b)
        return kernels.fma(-a, b, c)
    return c - a * b


def _cabs1(x):
    """The pivot's size as i?amax compares it: |re| + |im| for complex (zgetrf's izamax)."""
    return np.abs(x.real) + np.abs(x.imag) if np.iscomplexobj(x) else np.abs(x)


def _pivots(perm, m, k):
    """LAPACK's 1-based pivots (batch, k) from the row orders _lu gives: at step j row j swapped with ipiv[j]."""
    ipiv = np.zeros((len(perm), k), np.int32)
    for b in range(len(perm)):
        cur = list(range(m))
        where = {r: i for i, r in enumerate(cur)}
        for j in range(k):
            i = where[perm[b][j]]
            ipiv[b, j] = i + 1
            where[cur[j]], where[cur[i]] = i, j
            cur[j], cur[i] = cur[i], cur[j]
    return ipiv


def _lu_solve(lu, perm, b):
    """getrs: the permuted right-hand sides (batch, n, m) through L (unit) then U, column by column."""
    return _lu_substitute(lu, np.take_along_axis(b, perm[:, :, None], axis=1))


def _lu_substitute(lu, x):
    """getrs' two triangular solves (L unit, then U) on the permuted right-hand sides x (batch, n, m), in place."""
    n = lu.shape[-1]
    one = lu.dtype.type(1)
    if kernels.MKL_ON_INTEL and 3 <= n <= 7 and lu.dtype in (np.float32, np.float64):
        return _intel_small_getrs(lu, x)
    if kernels.MKL_ON_INTEL and 9 <= n <= _SMALL and lu.dtype in (np.float32, np.float64):
        # (past order 8 MKL's getrs is its two trsm calls on the column-major factors: measured bit for bit on 100
        # systems of each order 9-16 and 1-6 right-hand sides, float32 and float64)
        return trsm(lu, trsm(lu, x, upper=False, unit=True), upper=True)
    with np.errstate(all="ignore"):
        for k in range(n):
            for i in range(k + 1, n):
                x[:, i] = _minus_product(x[:, i], lu[:, i, k, None], x[:, k])
        divide = kernels.MKL_ON_INTEL and not np.iscomplexobj(x) and (n == 8 or n >= 8 and x.shape[-1] == 1)
        for k in range(n - 1, -1, -1):
            # (MKL's AVX-512 getrs divides by U's diagonal at order 8 and past it for one right-hand side, measured
            # on 30 systems of each order 2..16 and 1..n columns; elsewhere it multiplies by the reciprocal)
            x[:, k] = x[:, k] / lu[:, k, k, None] if divide else x[:, k] * (one / lu[:, k, k])[:, None]
            for i in range(k):
                x[:, i] = _minus_product(x[:, i], lu[:, i, k, None], x[:, k])
    return x


def _intel_small_getrs(lu, x):
    """getrs of orders 3-7 as MKL's AVX-512 kernels round it (measured element by element on 1000 systems of each
    order and 1-5 right-hand sides, float32 and float64): each row's sum over the unknowns solved before it, taken
    in the order they were solved (forward 0, 1, 2, ...; backward n-1, n-2, ...), starts from the second one's
    product rounded, fuses the first's and then the rest onto it, and is subtracted once (a single term: fused from
    the right-hand side); U's pivots multiply by their reciprocal, except at order 3, whose kernel takes the
    right-hand sides in pairs and divides in the odd one left over."""
    n, m = lu.shape[-1], x.shape[-1]
    divide = np.arange(m) == m - 1 if n == 3 and m % 2 else None
    with np.errstate(all="ignore"):
        for order, unit in ((range(n), True), (range(n - 1, -1, -1), False)):
            solved = []
            for k in order:
                if len(solved) == 1:
                    x[:, k] = kernels.fma(-lu[:, k, solved[0], None], x[:, solved[0]], x[:, k])
                elif solved:
                    first, second, *rest = solved
                    s = lu[:, k, second, None] * x[:, second]
                    for j in [first] + rest:
                        s = kernels.fma(lu[:, k, j, None], x[:, j], s)
                    x[:, k] = x[:, k] - s
                if not unit:
                    pivot = lu[:, k, k, None]
                    scaled = x[:, k] * (lu.dtype.type(1) / pivot)
                    x[:, k] = scaled if divide is None else np.where(divide, x[:, k] / pivot, scaled)
                solved.append(k)
    return x


def _solve_values(a, b, perturb=False, transposed=False):
    """X with AX = B (A^T X = B, `transposed`, from A's own LU: getrs 'T') for batches of equal shape (getrf, then
    getrs), and getrf's info. `perturb`: U's zero pivots taken as the dtype's epsilon (det's gradient at a
    singular matrix)."""
    if a.shape[-1] > _SMALL:
        with np.errstate(all="ignore"):
            try:
                return np.linalg.solve(np.swapaxes(a, -1, -2) if transposed else a, b), np.zeros(a.shape[:-2], np.int32)
            except np.linalg.LinAlgError:
                pass
    lu, perm, info, _ = _lu(a)
    if perturb:
        diag = np.diagonal(lu, axis1=-2, axis2=-1)
        diag.setflags(write=True)
        diag[diag == 0] = np.finfo(a.dtype).eps
    if transposed:
        return _getrs_adjoint(lu, perm, b), info.reshape(a.shape[:-2])
    x = _lu_solve(lu, perm, np.array(b.reshape((len(lu),) + b.shape[-2:])))
    return x.reshape(b.shape), info.reshape(a.shape[:-2])


def _adjoint_solve_values(a, b, perturb=False):
    """X with A^H X = B from A's own LU (lu_solve's adjoint=True), or from A^T's when A is real (ATen factors a
    contiguous real A's transpose: det(A^T) = det(A)); `perturb` as _solve_values'."""
    if not np.iscomplexobj(a):
        return _solve_values(np.swapaxes(a, -1, -2), b, perturb)[0]
    lu, perm, _, _ = _lu(a)
    if perturb:
        diag = np.diagonal(lu, axis1=-2, axis2=-1)
        diag.setflags(write=True)
        diag[diag == 0] = np.finfo(a.dtype).eps
    return _getrs_adjoint(lu, perm, b)


def _getrs_adjoint(lu, perm, b):
    """getrs 'T'/'C' from A = P L U: U^H L^H (P^T X) = B, then the rows put back."""
    w = _lu_substitute_adjoint(lu, np.array(b.reshape((len(lu),) + b.shape[-2:])))
    x = np.empty_like(w)
    np.put_along_axis(x, perm[:, :, None], w, 1)
    return x.reshape(b.shape)


def _lu_substitute_adjoint(lu, x):
    """getrs 'T'/'C''s two triangular solves: U^H (forward), then L^H (unit, backward), on x (batch, n, m)."""
    if kernels.MKL_ON_INTEL and lu.shape[-1] <= 8 and lu.dtype in (np.float32, np.float64):
        return _intel_small_getrs_transposed(lu, x)
    lu_h = np.conj(np.swapaxes(lu, -1, -2))
    if kernels.MKL_ON_INTEL and lu.shape[-1] <= _SMALL and lu.dtype in (np.float32, np.float64):
        # (past order 8: trsm 'T' on the column-major factors, U^T then L^T, each read by rows; measured as above)
        return trsm(lu_h, trsm(lu_h, x, upper=False, rows_contiguous=True), upper=True, unit=True,
                    rows_contiguous=True)
    return substitute(lu_h, substitute(lu_h, x, upper=False), upper=True, unit=True)


# getrs 'T' of orders 2-7, MKL's AVX-512 kernels: at step k of U^T's forward solve, how many of the k products
# (j ascending) are summed over lanes before the rest are fused in order (by order; unnamed steps fuse all). Order 7
# sums every step of two or more products over the lanes, order 8 every step (and divides by U's pivots).
_GETRS_T_LANES = {3: {2: 2}, 4: {2: 2, 3: 2}, 5: {4: 4}, 6: {4: 4, 5: 4}}


def _intel_small_getrs_transposed(lu, x):
    """getrs 'T' of orders 2-8 as MKL's AVX-512 kernels round it (measured element by element on 400 systems of
    each order, then on 200 general ones of 1-4 right-hand sides, float32 and float64: all equal). The forward
    solve with U^T takes a row's first products over eight lanes halved (0+4, 1+5, ...; _GETRS_T_LANES) and fuses
    the rest; the backward one with L^T (orders 2-7) sums a row's products from the second nearest the diagonal,
    fusing the nearest and then the farther ones onto it, and subtracts once (a single product: fused), order 8
    over the lanes (from the farthest). U's pivots multiply by their reciprocal, order 8's divide."""
    n = lu.shape[-1]
    with np.errstate(all="ignore"):
        for k in range(n):
            q = k if n == 8 or (n == 7 and k >= 2) else _GETRS_T_LANES.get(n, {}).get(k, 0)
            c = x[:, k]
            if q:
                c = c - _halved_lanes([lu[:, j, k, None] * x[:, j] for j in range(q)])
            for j in range(q, k):
                c = kernels.fma(-lu[:, j, k, None], x[:, j], c)
            x[:, k] = c / lu[:, k, k, None] if n == 8 else c * (lu.dtype.type(1) / lu[:, k, k])[:, None]
        for k in range(n - 2, -1, -1):
            near = list(range(k + 1, n))
            if n == 8:
                x[:, k] = x[:, k] - _halved_lanes([lu[:, j, k, None] * x[:, j] for j in reversed(near)])
            elif len(near) == 1:
                x[:, k] = kernels.fma(-lu[:, k + 1, k, None], x[:, k + 1], x[:, k])
            else:
                s = lu[:, k + 2, k, None] * x[:, k + 2]
                for j in [k + 1] + near[2:]:
                    s = kernels.fma(lu[:, j, k, None], x[:, j], s)
                x[:, k] = x[:, k] - s
    return x


def _halved_lanes(products):
    """Up to eight products in eight lanes, added in halves (0+4, 1+5, 2+6, 3+7; then 0+2, 1+3; then 0+1)."""
    lanes = products + [np.zeros_like(products[0])] * (8 - len(products))
    while len(lanes) > 1:
        half = len(lanes) // 2
        lanes = [lanes[i] + lanes[i + half] for i in range(half)]
    return lanes[0]


def _inverse_values(a):
    """A's inverse, as ATen's linalg_inv_ex computes it (a solve against the identity), and getrf's info."""
    return _solve_values(a, np.broadcast_to(np.eye(a.shape[-1], dtype=a.dtype), a.shape))


def _singular_error(op, info):
    bad = info.reshape(-1)
    i = int(np.flatnonzero(bad)[0])
    batch = f"(Batch element {i}): " if info.ndim else ""
    return make("torch._C._LinAlgError", f"{op}: {batch}The diagonal element {int(bad[i])} is zero, the inversion "
                                          f"could not be completed because the input matrix is singular.")


def _det_values(a):
    """ATen's det from getrf: U's diagonal multiplied in order, negated for an odd number of row swaps (of A^T's LU
    when A is contiguous: LAPACK reads a row-major A as A^T, and det(A^T) = det(A))."""
    if a.shape[-1] > _SMALL and not np.iscomplexobj(a):  # (complex: U's diagonal in order at any size)
        with np.errstate(all="ignore"):
            return np.array(np.linalg.det(a), a.dtype)
    lu, _, _, swaps = _lu(a)
    with np.errstate(all="ignore"):
        diag = np.diagonal(lu, axis1=-2, axis2=-1)
        det = np.ones(len(lu), a.dtype)
        for k in range(diag.shape[-1]):
            det = det * diag[:, k]
        # (ATen multiplies by the permutation's sign, +-1 in the result's dtype: a complex product, whose imaginary
        # part ad + bc turns a -0 into +0)
        det = np.where(swaps % 2 == 1, -1, 1).astype(a.dtype) * det
    return det.reshape(a.shape[:-2])


class LinalgInvExBackward0(SavingNode):
    """A: -inverse^H (grad inverse^H)."""
    saved_inputs = ()  # (A, inverse)
    saved_names = ("inverse",)

    def backward(self, g):
        inv, = self.unpack()
        inv_h = inv.mH
        return (-(inv_h @ (g @ inv_h)),)


@fp32_op
def inv_ex(A, *, check_errors=False):
    _square("linalg.inv", A)
    values, info = _inverse_values(A._np)
    if check_errors and info.any():
        raise _singular_error("linalg.inv_ex", info)
    out = _fortran(values, A.dtype)  # (LAPACK's column-major result)
    if needs_grad(A):
        attach(out, LinalgInvExBackward0(A, out))
    return InvEx((out, fresh(info, dtypes.int32)))


@fp32_op
def inv(A):
    out, info = inv_ex(A)
    if info._np.any():
        raise _singular_error("linalg.inv", info._np)
    return out


class LinalgDetBackward0(Node):
    """A: grad * det * A^{-H} (the cofactor matrix), as FunctionsManual.cpp's linalg_det_backward: without grad
    mode an lu_solve on the saved LU (of A^T when A is contiguous) whose zero pivots are replaced by the dtype's
    epsilon, so a singular A gets a finite gradient; with grad mode (create_graph) a solve where |det| >= 100 eps,
    else the SVD formula (differentiable through singular matrices)."""
    saved_names = ("A", "LU", "pivots", "result")

    def __init__(self, A, LU, pivots, out):
        Node.__init__(self, (edge_of(A),))
        self.use_A_T = A.is_contiguous()
        self.saved = (SavedTensor(A), SavedTensor(LU), SavedTensor(pivots), SavedTensor(out, is_output=True))

    def backward(self, g):
        A, LU, pivots, det = self.unpack()
        if not A._np.size:
            return (fresh(np.zeros(A._shape, A.dtype.np), A.dtype),)
        d = (g * det.conj()).unsqueeze(-1).expand(A._shape[:-1]).diag_embed()
        if not autograd._grad_enabled[0]:
            x = _adjoint_solve_values(A._np, d._np, perturb=True)
            return (fresh(np.require(x, A.dtype.np, requirements="C"), A.dtype),)
        d = d.mT  # (FunctionsManual's "F-transposed" d: diag_embed(...).mT(), TransposeBackward0 under create_graph)
        singular = np.abs(det._np) < 100. * float(np.finfo(A.dtype.np).eps)
        if not singular.any():
            return (solve(A.mH, d),)
        if singular.all():
            return (_det_backward_singular(A, g),)
        # (masked_fmap: each batch element by its formula, written into an empty result by index_put_)
        mask = fresh(singular, dtypes.bool_)
        out = fresh(np.empty(A._shape, A.dtype.np), A.dtype)
        out.index_put_((mask,), _det_backward_singular(A[mask], g[mask]))
        inv = mask.logical_not()
        return (out.index_put_((inv,), solve(A[inv].mH, d[inv])),)


def _det_backward_singular(A, g):
    """det's gradient through the SVD: with A = U S Vh, U diag(d/dS prod(S) * g det(U) det(Vh)) Vh (products
    without division, as prod_safe_zeros_backward)."""
    from .joining import cat
    U, S, V = A.svd()  # (torch.svd: linalg.svd's node, V = Vh^T)
    Vh = V.mH
    alpha = (det(U) * det(Vh)).conj()
    ones = fresh(np.ones(S._shape[:-1] + (1,), S.dtype.np), S.dtype)
    n = S._shape[-1]
    before = cat([ones, S.narrow(-1, 0, n - 1)], -1).cumprod(-1)
    after = cat([ones, S.narrow(-1, 1, n - 1).flip(-1)], -1).cumprod(-1).flip(-1)
    D = (g * alpha).unsqueeze(-1) * (before * after)
    return (U * D.unsqueeze(-2)) @ Vh


def _eye_like(A):
    return fresh(np.eye(A._shape[-1], dtype=A.dtype.np), A.dtype)


def _slogdet_values(a):
    """ATen's slogdet from getrf: the product of sgn(u_kk) (u/|u|, complex: sgn's and prod's kernels) times the
    pivots' sign, the sum of log|u_kk| in order (real)."""
    real = np.zeros(0, a.dtype).real.dtype
    if a.shape[-1] > _SMALL and not np.iscomplexobj(a):
        with np.errstate(all="ignore"):
            sign, logabs = np.linalg.slogdet(a)
        return sign.astype(a.dtype), logabs.astype(real)
    lu, _, _, swaps = _lu(a)
    with np.errstate(all="ignore"):
        diag = np.diagonal(lu, axis1=-2, axis2=-1)
        if np.iscomplexobj(diag):  # (diag_U.sgn().prod(-1): sgn's and prod's kernels, then times lu_det_P)
            sgn = _complex_sgn(np.ascontiguousarray(diag))
            sign = kernels.prod(sgn, -1, False)
            sign = np.prod(sgn, axis=-1) if sign is None else sign
            magnitudes = kernels.complex_abs(np.ascontiguousarray(diag), floats=None)  # (diag_U.abs(): abs's kernel)
        else:
            sign, magnitudes = np.prod(np.sign(diag), axis=-1), np.abs(diag)
        sign = sign * np.where(swaps % 2 == 1, -1, 1).astype(a.dtype)
        logs = kernels.vml_log(np.ascontiguousarray(magnitudes))  # (.log_(): log's kernel)
        logabs = np.zeros(len(lu), real)
        for k in range(diag.shape[-1]):
            logabs = logabs + logs[:, k]
    return sign.reshape(a.shape[:-2]), logabs.reshape(a.shape[:-2])


def _lu_input(A):
    """The matrix ATen's det/slogdet factor: a contiguous real A's transpose (F-contiguous, det(A^T) = det(A)),
    else A."""
    return np.swapaxes(A._np, -1, -2) if A.is_contiguous() and A.dtype.category != 3 else A._np


def det(A):
    _square("linalg.det", A, True)
    _lu_dispatch(A)
    a = _lu_input(A)
    out = fresh(np.require(_det_values(a), requirements="C"), A.dtype)
    if needs_grad(A):  # (the LU of the matrix LAPACK was given, saved for the backward)
        attach(out, LinalgDetBackward0(A, *_lu_factors(a, A.dtype), out))
    return out


def _lu_factors(a, dtype):
    """lu_factor's LU (F-contiguous) and int32 pivots of the matrices a, as the nodes of det, slogdet and solve save
    them (grad_fn._saved_LU, _saved_pivots)."""
    lu, ipiv = a, np.zeros(a.shape[:-1], np.int32)
    if a.size:
        lu, perm, _, _ = _lu(a)
        lu, ipiv = lu.reshape(a.shape), _pivots(perm, a.shape[-1], a.shape[-1]).reshape(a.shape[:-1])
    return _fortran(lu, dtype), fresh(ipiv, dtypes.int32)


class LinalgSlogdetBackward0(InputNode):
    """A: g A^{-H} with g = grad_logabsdet (the sign of a real determinant has no gradient; of a complex one its
    phase adds -i Im(conj(grad_sign) sign)), as slogdet_backward: with grad mode a linalg.solve (a singular A
    refused), without it an lu_solve (a singular one's gradient inf/NaN)."""
    n_outputs = 2
    saved_names = ("A", "LU", "pivots", "sign")

    def backward(self, grads):
        g_sign, g = grads
        A, _, _, sign = self.unpack()
        if A.dtype.category == 3 and g_sign is not None:
            from .real_complex import complex_
            phase = -(g_sign.conj() * sign).imag
            g = complex_(g if g is not None else phase.new_zeros(()).expand(phase._shape), phase)
        if g is None:
            return (None,)
        d = g.unsqueeze(-1).unsqueeze(-1) * _eye_like(A)
        if autograd._grad_enabled[0]:
            return (solve(A.mH, d),)
        x = _adjoint_solve_values(A._np, np.array(np.broadcast_to(d._np, A._shape)))
        return (fresh(np.require(x, A.dtype.np, requirements="C"), A.dtype),)


def _slogdet(A, op, result_type):
    _square(op, A)
    a = _lu_input(A)
    sign, logabs = _slogdet_values(a)
    outs = result_type((fresh(np.require(sign, requirements="C"), A.dtype),
                        fresh(np.require(logabs, requirements="C"), A.dtype.to_real())))
    if needs_grad(A):
        attach_outputs(LinalgSlogdetBackward0(A), outs, A, 1, _lu_factors(a, A.dtype))
    return outs


def linalg_slogdet(A):
    return _slogdet(A, "linalg.slogdet", LinalgSlogdet)


def slogdet(A):
    return _slogdet(A, "linalg.slogdet", Slogdet)


def logdet(A):
    """ATen's logdet: NaN where a real determinant is negative (a where over slogdet's results); of a complex one
    log(sign) + logabsdet."""
    sign, logabs = _slogdet(A, "logdet", Slogdet)
    if A.dtype.category == 3:
        return sign.log() + logabs
    return where(sign == -1.0, float("nan"), logabs)


class LinalgSolveExBackward0(SavingNode):
    """B: A^{-H} grad; A: -gB X^H (for XA = B, the mirror image)."""
    inputs, saved_inputs, fields = 2, (0,), ("left", "vector")  # (A, B, X, left, vector)
    saved_names, saved_values = ("A", "LU", "pivots", "result"), {"left": "left"}

    def backward(self, g):
        A, _, _, X = self.unpack()
        if self.vector:
            g, X = g.unsqueeze(-1), X.unsqueeze(-1)
        gB = _solve_adjoint_grad(A, g, self.left)
        if self.left:
            gA = -(gB @ X.mH) if self.next_functions[0][0] else None
        else:
            gA = -(X.mH @ gB) if self.next_functions[0][0] else None
        if self.vector:
            gB = gB.squeeze(-1)
        if gA is not None and gA.dim() > A.dim():  # a batch of B against one A: summed back
            gA = gA.sum(tuple(range(gA.dim() - A.dim())))
        return (gA, gB if self.next_functions[1][0] else None)


def _solve_adjoint_grad(A, g, left):
    """A^{-H} g (g A^{-H}, not `left`): without grad mode ATen's lu_solve on A's saved LU (getrs 'T' for a left
    solve, 'N' on g^T for a right one), else a differentiable solve with A^H."""
    if autograd._grad_enabled[0] or A.dtype.category == 3:
        return solve(A.mH, g, left=left)
    a = np.broadcast_to(A._np, g._shape[:-2] + A._shape[-2:])
    if left:
        return _fortran(_solve_values(a, g._np, transposed=True)[0], A.dtype)
    x = np.swapaxes(_solve_values(a, np.swapaxes(g._np, -1, -2))[0], -1, -2)
    return fresh(np.require(x, A.dtype.np, requirements="C"), A.dtype)


def solve_ex(A, B, *, left=True, check_errors=False):
    if check_errors is True:
        check_errors = "torch.linalg.solve_ex"
    _square("linalg.solve", A, True)
    if A.dtype is not B.dtype:
        raise runtime(f"linalg.solve: Expected A and B to have the same dtype, but found A of type "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]} and B of type {dtypes.SCALAR_NAMES[B.dtype.name]} instead")
    n = A._shape[-1]
    # B is a batch of vectors when it has one dim fewer than A and matches A's batch (PyTorch's vector case)
    vector = B.dim() == 1 or (B.dim() == A.dim() - 1 and B._shape == A._shape[:-1])
    b = B._np[..., None] if vector else B._np
    check_system("linalg.solve", n, b.shape, left)
    check_broadcast_all(Shaped(b.shape[:-2]), Shaped(A._shape[:-2]))  # (B's batch is "tensor a")
    _lu_dispatch(A)
    batch = np.broadcast_shapes(A._shape[:-2], b.shape[:-2])
    a = np.broadcast_to(A._np, batch + A._shape[-2:])
    b = np.broadcast_to(b, batch + b.shape[-2:])
    real = A.dtype.category != 3
    if not left:  # XA = B is A^T X^T = B^T: getrs 'T' on A's LU (a complex A^T's own LU)
        a, b = (a if real else np.swapaxes(a, -1, -2)), np.swapaxes(b, -1, -2)
    x, info = _solve_values(a, b, transposed=real and not left)
    if check_errors and info.any():  # (the batch element is A's own: its LU is factored before B broadcasts)
        own = info if batch == A._shape[:-2] else _lu(np.ascontiguousarray(A._np))[2]
        raise _solve_error(check_errors, own if A.dim() > 2 else None)
    if not left:
        x = np.swapaxes(x, -1, -2)
    if vector:
        x = x[..., 0]
    # (the meta function's strides: column-major in the result's last two dims for left=True, a batch of vectors
    # included; row-major for left=False, the transpose of A^T's column-major solution)
    out = _fortran(x, A.dtype) if left and x.ndim > 1 else fresh(np.require(x, A.dtype.np, requirements="C"), A.dtype)
    if needs_grad(A, B):  # (the node keeps the LU of A itself, whichever side A is on)
        node = LinalgSolveExBackward0(A, B, out, left, vector)  # (A saved, the result's save waiting for attach:
        node.saved = node.saved[:1] + tuple(map(SavedTensor, _lu_factors(A._np, A.dtype))) + node.saved[1:]
        attach(out, node)  # A, LU, pivots, result, the order saved-tensor hooks see them)
    return SolveEx((out, fresh(info, dtypes.int32)))


def _solve_error(op, info):
    where = f"(Batch element {int(np.flatnonzero(info.reshape(-1))[0])}): " if info is not None else ""
    return make("torch._C._LinAlgError", f"{op}: {where}The solver failed because the input matrix is singular.")


@fp32_op
def solve(A, B, *, left=True):
    """solve_ex checking its info ("torch.linalg.solve" in the message)."""
    return solve_ex(A, B, left=left, check_errors="torch.linalg.solve")[0]


def _product(sizes):
    return int(np.prod(sizes, dtype=np.int64))


def tensorinv(A, ind=2):
    """ATen's composite: A reshaped to a square matrix (prod(shape[ind:]) rows), inverted by linalg_inv_ex, the
    inverse reshaped to shape[ind:] + shape[:ind] (its column-major strides make that a _reshape_alias)."""
    if ind <= 0:
        raise runtime(f"Expected a strictly positive integer for 'ind', but got {ind}")
    if ind > A.dim():  # (sizes().slice(ind))
        raise runtime(f"ArrayRef: invalid slice, N = {ind}; size = {A.dim()}")
    end, start = tuple(A._shape[ind:]), tuple(A._shape[:ind])
    if _product(end) != _product(start):
        raise runtime(f"Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), "
                      f"but got {_product(end)} != {_product(start)}")
    out, info = inv_ex(A.reshape(_product(end), _product(end)))
    if info._np.any():
        raise _singular_error("inv", info._np)
    return out.reshape(end + start)


def tensorsolve(A, B, dims=None):
    """ATen's composite: dims of A moved to the end, A reshaped to a square matrix, linalg.solve against B
    flattened, the solution reshaped to A's trailing dims."""
    if dims is not None:
        A = A.movedim(tuple(dims), tuple(range(A.dim() - len(dims), A.dim())))
    result_shape = tuple(A._shape[B.dim():])
    n, m = _product(result_shape), _product(B._shape)
    if n != m:
        raise runtime(f"Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
                      f"prod(self.shape[:other.ndim]), but got {n} != {m}")
    return solve(A.reshape(n, n), B.flatten()).reshape(result_shape)

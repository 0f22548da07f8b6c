"""LU factorization (torch.linalg.lu_factor / lu_factor_ex / lu / lu_solve, torch.lu / lu_unpack / lu_solve) on
ops/solvers.py's MKL getrf steps (the factors and pivots bit for bit), getrs as LAPACK's column steps, with
FunctionsManual.cpp's backward formulas in engine ops."""
import numpy as np

from .. import dtypes
from ..autograd import Node, SavedTensor, edge_of
from ..errors import runtime, warn_once
from .args import check_matrix, check_square, check_system
from .core import (InputNode, _shape_list, attach, check_no_requires_grad, collect_edges, from_numpy, needs_grad,
                   return_type)
from .decompositions import (_attach_many, _batched, _broadcast_pair, _dense, _floating, _fortran, _lapack_dtype, _sum_batch,
                             solve_triangular)
from .solvers import _cabs1, _lu, _lu_substitute, _lu_substitute_adjoint, _minus_product, _pivots

LuFactor = return_type("linalg_lu_factor", ("LU", "pivots"))
LuFactorEx = return_type("linalg_lu_factor_ex", ("LU", "pivots", "info"))
LuWithInfo = return_type("_lu_with_info", ("LU", "pivots", "info"))
PLU = return_type("linalg_lu", ("P", "L", "U"))
LuUnpack = return_type("lu_unpack", ("P", "L", "U"))


def _getrf(a):
    """getrf on batches (..., m, n): LU (the factors in one matrix), LAPACK's 1-based pivots, info. Square matrices
    go through solvers._lu (MKL's steps); a rectangular one through the same unblocked steps over min(m, n)
    columns."""
    m, n = a.shape[-2:]
    k = min(m, n)
    batch = a.shape[:-2]
    if m == n:
        count = len(_batched(a))
        lu, perm, info, _ = _lu(a) if a.size else (_batched(a), np.zeros((count, n), np.int64),
                                                    np.zeros(count, np.int32), 0)
    else:
        lu, perm, info = _getf2(_batched(a))
    ipiv = _pivots(perm, m, k)  # (the row order as LAPACK's interchanges)
    return lu.reshape(a.shape), ipiv.reshape(batch + (k,)), info.reshape(batch)


def _getf2(lu):
    batch, m, n = lu.shape
    rows = np.arange(batch)
    perm = np.tile(np.arange(m), (batch, 1))
    info = np.zeros(batch, np.int32)
    one = lu.dtype.type(1)
    with np.errstate(all="ignore"):
        for k in range(min(m, n)):
            p = k + np.argmax(_cabs1(lu[:, k:, k]), axis=1)
            lu[rows, k], lu[rows, p] = lu[rows, p], lu[rows, k].copy()
            perm[rows, k], perm[rows, p] = perm[rows, p], perm[rows, k].copy()
            pivot = lu[:, k, k]
            zero = pivot == 0
            info[(info == 0) & zero] = k + 1
            lu[:, k + 1:, k] *= np.where(zero, one, one / np.where(zero, one, pivot))[:, None]
            for i in range(k + 1, m):
                lu[:, i, k + 1:] = _minus_product(lu[:, i, k + 1:], lu[:, i, k, None], lu[:, k, k + 1:])
    return lu, perm, info


def _permutation(ipiv, m, dt):
    """P (..., m, m) with A = P L U from LAPACK's pivots."""
    flat = ipiv.reshape((int(np.prod(ipiv.shape[:-1])), ipiv.shape[-1]))  # (-1 is ambiguous with no pivots)
    P = np.zeros((len(flat), m, m), dt)
    for b in range(len(flat)):
        order = list(range(m))
        for j, p in enumerate(flat[b]):
            order[j], order[p - 1] = order[p - 1], order[j]
        P[b, order, np.arange(m)] = 1
    return P.reshape(ipiv.shape[:-1] + (m, m))


def _unpack(lu, k):
    L = np.tril(lu, -1)[..., :, :k]
    L[..., np.arange(k), np.arange(k)] = 1
    return L, np.triu(lu)[..., :k, :]


def _lu_backward(gL, gU, P, L, U, pivot):
    """linalg_lu_backward in FunctionsManual.cpp."""
    m, n = L._shape[-2], U._shape[-1]
    from .joining import cat
    if m == n:
        gA = None if gL is None else (L.mH @ gL).tril(-1)
        if gU is not None:
            gA = (gU @ U.mH).triu() if gA is None else gA + (gU @ U.mH).triu()
        gA = solve_triangular(U.mH, gA, upper=False, left=False)
        gA = solve_triangular(L.mH, gA, upper=True, left=True, unitriangular=True)
    elif m < n:
        gA = None if gL is None else L.mH @ gL
        if gU is not None:
            gA = -(gU.triu() @ U.mH) if gA is None else gA - gU.triu() @ U.mH
        gA = solve_triangular(U[..., :m].mH, gA.tril(-1), upper=False, left=False)
        if gU is not None:
            gA = cat([gA + gU[..., :m].triu(), gU[..., m:]], -1)
        gA = solve_triangular(L.mH, gA, upper=True, left=True, unitriangular=True)
        if gU is None:
            gA = cat([gA, U[..., m:].new_zeros(U[..., m:]._shape)], -1)
    else:
        gA = None if gU is None else gU @ U.mH
        if gL is not None:
            gA = -(L.mH @ gL.tril(-1)) if gA is None else gA - L.mH @ gL.tril(-1)
        gA = solve_triangular(L[..., :n, :].mH, gA.triu(), upper=True, left=True, unitriangular=True)
        if gL is not None:
            gA = cat([gA + gL[..., :n, :].tril(-1), gL[..., n:, :]], -2)
        gA = solve_triangular(U.mH, gA, upper=False, left=False)
        if gL is None:
            gA = cat([gA, L[..., n:, :].new_zeros(L[..., n:, :]._shape)], -2)
    return P @ gA if pivot else gA


class LinalgLuFactorExBackward0(InputNode):
    fields, n_outputs = ("pivot",), 3
    saved_names, saved_values = ("LU", "pivots"), {"pivot": "pivot"}

    def backward(self, grads):
        g = grads[0]
        if g is None:
            return (None,)
        LU, pivots = self.unpack()
        P, L, U = lu_unpack(LU, pivots)  # (LU as saved: a graph under create_graph, as lu_factor_ex_backward)
        k = min(LU._shape[-2:])
        return (_lu_backward(g[..., :k], g[..., :k, :], P, L, U, self.pivot),)


class LinalgLuBackward0(InputNode):
    fields, n_outputs = ("pivot",), 3
    saved_names, saved_values = ("P", "L", "U"), {"pivot": "pivot"}

    def backward(self, grads):
        _, gL, gU = grads
        if gL is None and gU is None:
            return (None,)
        P, L, U = self.unpack()
        return (_lu_backward(gL, gU, P, L, U, self.pivot),)


def _lu_checks(A, pivot, name="linalg.lu_factor", meta="torch.lu_factor"):
    """`meta`: the name in the meta function's dimension check (linalg.lu's own, lu_factor's "torch.lu_factor")."""
    if A.dim() < 2:
        raise runtime(f"{meta}: Expected tensor with 2 or more dimensions. Got size: "
                      f"{list(A._shape)} instead")
    _lapack_dtype("lu_cpu", A)
    if not pivot:
        raise runtime(f"{name}: LU without pivoting is not implemented on the CPU")


def lu_factor_ex(A, *, pivot=True, check_errors=False, _result=LuFactorEx):
    _lu_checks(A, pivot)
    lu, ipiv, info = _getrf(A._np)
    if check_errors and info.any():
        raise _lu_error("torch.linalg.lu_factor_ex", info)
    LU = _fortran(lu, A.dtype)
    pivots = from_numpy(np.require(ipiv, requirements="C"), dtypes.int32)
    if needs_grad(A):
        _attach_many(LinalgLuFactorExBackward0(A, pivot), (LU,), ((LU, True), (pivots, True)))
    return _result((LU, pivots, from_numpy(np.require(info, requirements="C"), dtypes.int32)))


def _lu_error(op, info):
    bad = info.reshape(-1)
    i = int(np.flatnonzero(bad)[0])
    batch = f"(Batch element {i}): " if info.ndim else ""
    k = int(bad[i])
    return runtime(f"{op}: {batch}U[{k},{k}] is zero and using it on lu_solve would result in a division by zero. "
                   f"If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or "
                   f"linalg.lu_factor_ex(A, pivot)")


def lu_factor(A, *, pivot=True):
    LU, pivots, info = lu_factor_ex(A, pivot=pivot)
    if info._np.any():
        raise _lu_error("torch.linalg.lu_factor", info._np)
    return LuFactor((LU, pivots))


def lu_legacy(A, pivot=True, get_infos=False):
    """torch.lu / Tensor.lu: (LU, pivots) or, with get_infos, torch.return_types._lu_with_info."""
    warn_once("torch.lu is deprecated in favor of torch.linalg.lu_factor / torch.linalg.lu_factor_ex and will be "
              "removed in a future PyTorch release.\nLU, pivots = torch.lu(A, compute_pivots)\nshould be replaced with"
              "\nLU, pivots = torch.linalg.lu_factor(A, compute_pivots)\nand\nLU, pivots, info = torch.lu(A, "
              "compute_pivots, get_infos=True)\nshould be replaced with\nLU, pivots, info = torch.linalg.lu_factor_ex("
              "A, compute_pivots)")
    if needs_grad(A):  # (then linalg_lu_factor_ex's autograd kernel: the edges before its checks)
        collect_edges(A)
    result = lu_factor_ex(A, pivot=pivot, _result=LuWithInfo)  # (a singular matrix passes, as in PyTorch 2.13)
    return result if get_infos else (result[0], result[1])


def lu(A, *, pivot=True):
    _lu_checks(A, pivot, meta="linalg.lu")
    m, n = A._shape[-2:]
    lu_, ipiv, _ = _getrf(A._np)
    L, U = _unpack(lu_, min(m, n))
    P = _dense(_permutation(ipiv, m, A.dtype.np), A.dtype)
    L, U = _dense(L, A.dtype), _dense(U, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgLuBackward0(A, pivot), (L, U), ((P, False), (L, True), (U, True)), first=1)
    return PLU((P, L, U))


class LuUnpackBackward0(InputNode):
    fields, n_outputs = ("m", "n"), 3
    saved_names, saved_values = (), {"LU_data_sym_argsize_minus_2": "m", "LU_data_sym_argsize_minus_1": "n"}

    def backward(self, grads):
        _, gL, gU = grads
        m, n = self.m, self.n
        k = min(m, n)
        from .joining import cat
        parts = []
        if gL is not None:
            parts.append(gL.tril(-1) if m <= n else gL.tril(-1))
        if gU is not None:
            parts.append(gU.triu())
        if m == n:
            return (parts[0] if len(parts) == 1 else parts[0] + parts[1],)
        if m < n:  # LU is (m, n): L's part in the first m columns, U's everywhere on and above the diagonal
            lpart = None if gL is None else cat([gL.tril(-1), gL.new_zeros(gL._shape[:-1] + (n - k,))], -1)
        else:
            lpart = None if gL is None else gL.tril(-1)
        if m > n:
            upart = None if gU is None else cat([gU.triu(), gU.new_zeros(gU._shape[:-2] + (m - k, n))], -2)
        else:
            upart = None if gU is None else gU.triu()
        return (upart if lpart is None else lpart if upart is None else lpart + upart,)


_BAD_PIVOTS = ("pivots passed to lu_unpack must be between 1 and LU.size(-2) inclusive.Did you properly pass the "
               "result of lu_factor?")


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    if needs_grad(LU_data):  # (autograd saves LU's last two sizes before the kernel checks anything)
        LU_data._wrap_size_dim(-1), LU_data._wrap_size_dim(-2)
    if LU_data.dim() < 2:
        raise runtime(f"torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: "
                      f"{_shape_list(LU_data._shape)} instead")
    if unpack_pivots and LU_pivots.dtype is not dtypes.int32:  # (pivots unread are unchecked)
        raise runtime("torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.\n"
                      "Note: this function is intended to be used with the output produced by torch.linalg.lu_factor")
    m, n = LU_data._shape[-2:]
    k = min(m, n)
    dt = LU_data.dtype
    if unpack_data:
        L, U = _unpack(LU_data._np, k)
        L, U = _dense(L, dt), _dense(U, dt)
    else:
        L = U = from_numpy(np.zeros(0, dt.np), dt)
    if unpack_pivots:  # (the kernel reads the first min(m, n) pivots of each matrix, each in [1, m])
        pivots = LU_pivots._np.reshape(LU_pivots._shape or (1,))[..., :k] if LU_pivots._shape else np.zeros(0)
        if pivots.shape[-1] < k or ((pivots < 1) | (pivots > m)).any():
            raise runtime(_BAD_PIVOTS)
        if LU_data.dim() == 2:  # (one matrix: P has no batch dimensions, whatever the pivots' shape)
            pivots = pivots.reshape(-1, k)[:1].reshape(k)
        P = _dense(_permutation(pivots, m, dt.np), dt)
    else:
        P = from_numpy(np.zeros(0, dt.np), dt)
    if unpack_data and needs_grad(LU_data):
        _attach_many(LuUnpackBackward0(LU_data, m, n), (L, U), (), first=1)
    return LuUnpack((P, L, U))


def _getrs(lu, ipiv, b, adjoint):
    """getrs on broadcast batches: the pivots' interchanges, then L (unit) and U, or their adjoints (A^H X = B)."""
    lu, b, batch = _broadcast_pair(lu, b)
    ipiv = np.broadcast_to(ipiv, batch + ipiv.shape[-1:]).reshape(-1, ipiv.shape[-1])
    lu, x = _batched(lu), _batched(b)
    rows = np.arange(len(x))
    if not adjoint:
        for j in range(ipiv.shape[-1]):
            p = ipiv[:, j] - 1
            x[rows, j], x[rows, p] = x[rows, p], x[rows, j].copy()
        x = _lu_substitute(lu, x)
    else:
        x = _lu_substitute_adjoint(lu, x)
        for j in range(ipiv.shape[-1] - 1, -1, -1):
            p = ipiv[:, j] - 1
            x[rows, j], x[rows, p] = x[rows, p], x[rows, j].copy()
    return x.reshape(batch + b.shape[-2:])


class LinalgLuSolveBackward0(Node):
    saved_names, saved_values = ("LU", "pivots", "result"), {"left": "left", "adjoint": "adjoint"}

    def __init__(self, LU, pivots, B, X, left, adjoint):
        Node.__init__(self, (edge_of(LU), edge_of(B)))
        self.left, self.adjoint = left, adjoint
        self.shapes = (LU._shape, B._shape)
        self.saved = (SavedTensor(LU), SavedTensor(pivots), SavedTensor(X, is_output=True))

    def backward(self, gX):
        LU, pivots, X = self.unpack()
        left, adjoint = self.left, self.adjoint
        gLU = gB = None
        if self.next_functions[1][0] is not None:
            gB = _sum_batch(lu_solve(LU, pivots, gX, left=left, adjoint=not adjoint), self.shapes[1])
        if self.next_functions[0][0] is not None:
            P, L, U = lu_unpack(LU, pivots)
            if left != adjoint:
                gR = solve_triangular(U.mH, -(gX if left else gX.mH) @ (X.mH if left else X), upper=False)
                gL = solve_triangular(L.mH, gR @ U.mH, upper=True, left=True, unitriangular=True).tril(-1)
                gLU = gL + gR.triu()
            else:
                gR = -(P.mH @ (X if left else X.mH) @ (gX.mH if left else gX) @ P)
                gR = solve_triangular(L.mH, gR, upper=True, left=False, unitriangular=True)
                gU = solve_triangular(U.mH, L.mH @ gR, upper=False, left=False).triu()
                gLU = gR.tril(-1) + gU
            gLU = _sum_batch(gLU, self.shapes[0])
        return gLU, gB


def lu_solve(LU, pivots, B, *, left=True, adjoint=False):
    op = "linalg.lu_solve"
    check_no_requires_grad(pivots, "pivots", "linalg_lu_solve")
    # (ATen's meta function: LU floating, LU and B of one dtype, then the pivots' dtype, then the shapes)
    _floating("torch." + op, LU)
    if LU.dtype is not B.dtype:
        raise runtime(f"{op}: Expected LU and B to have the same dtype, but found LU of type "
                      f"{dtypes.SCALAR_NAMES[LU.dtype.name]} and B of type {dtypes.SCALAR_NAMES[B.dtype.name]} instead")
    if pivots.dtype is not dtypes.int32:
        raise runtime(f"{op}: pivots should be a Tensor of scalar type torch.int32")
    check_matrix("torch." + op, LU)
    check_square("torch." + op, LU)
    if B.dim() < 2:
        raise runtime(f"{op}: The input tensor B must have at least 2 dimensions.")
    n = LU._shape[-1]
    check_system(op, n, B._shape, left)
    _lapack_dtype("linalg.lu_solve_cpu", LU)
    b = B._np if left else np.conj(np.swapaxes(B._np, -1, -2))  # (XA = B as A^H X^H = B^H)
    x = _getrs(LU._np, pivots._np, b, adjoint if left else not adjoint)
    out = _fortran(x, LU.dtype) if left else _dense(np.conj(np.swapaxes(x, -1, -2)), LU.dtype)
    if needs_grad(LU, B):
        attach(out, LinalgLuSolveBackward0(LU, pivots, B, out, left, adjoint))
    return out


def lu_solve_legacy(self, LU_data, LU_pivots):
    warn_once("torch.lu_solve is deprecated in favor of torch.linalg.lu_solveand will be removed in a future PyTorch "
              "release.\nNote that torch.linalg.lu_solve has its arguments reversed.\nX = torch.lu_solve(B, LU, "
              "pivots)\nshould be replaced with\nX = torch.linalg.lu_solve(LU, pivots, B)")
    return lu_solve(LU_data, LU_pivots, self)

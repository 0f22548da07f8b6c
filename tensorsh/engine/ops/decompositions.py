"""Matrix decompositions (torch.linalg.cholesky / cholesky_ex / qr / eigh / eigvalsh / svd / svdvals /
solve_triangular / matrix_power / vecdot, torch.cholesky / cholesky_solve / cholesky_inverse / qr / svd /
triangular_solve) with PyTorch's checks, messages, result types, layouts, nodes and backward formulas.

Cholesky and the triangular solves are LAPACK's unblocked potf2/trsm steps here (so `info` and the partial factor
of a matrix that is not positive-definite are LAPACK's); QR, eigh and SVD are numpy's LAPACK (geqrf/orgqr, syevd,
gesdd, the routines PyTorch's MKL runs: the same Householder and sign conventions; docs/FIDELITY.md gives the measured
agreement). The backward formulas are FunctionsManual.cpp's, written with engine ops (so they have graphs of their
own under create_graph)."""
import numpy as np

from .. import autograd, dtypes
from ..autograd import Node, SavedTensor, edge_of
from ..creation import not_implemented_for
from ..errors import make, runtime, warn_once
from .core import attach, from_numpy, needs_grad, return_type, sum_to, zeros_of

CholeskyEx = return_type("linalg_cholesky_ex", ("L", "info"))
QR = return_type("linalg_qr", ("Q", "R"))
LegacyQR = return_type("qr", ("Q", "R"))
Eigh = return_type("linalg_eigh", ("eigenvalues", "eigenvectors"))
SVD = return_type("linalg_svd", ("U", "S", "Vh"))
LegacySVD = return_type("svd", ("U", "S", "V"))
TriangularSolve = return_type("triangular_solve", ("solution", "cloned_coefficient"))


# ------------------------------------------------------------------ checks and layouts

def _matrix(op, A, name="A"):
    if A.dim() < 2:
        raise runtime(f"{op}: The input tensor {name} must have at least 2 dimensions.")


def _square(op, A, name="A"):
    _matrix(op, A, name)
    if A._shape[-1] != A._shape[-2]:
        prefix = f"{op}: " if op else ""
        raise runtime(f"{prefix}{name} must be batches of square matrices, but they are {A._shape[-2]} by "
                      f"{A._shape[-1]} matrices")


def _floating(op, A):
    if A.dtype.category != 2:
        raise runtime(f"{op}: Expected a floating point or complex tensor as input. Got "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]}")


def _lapack_dtype(kernel, A):
    """The CPU kernels exist for float and double only (PyTorch's dispatch error otherwise)."""
    if A.dtype.name not in ("float32", "float64"):
        raise not_implemented_for(kernel, A.dtype)


def _fortran(values, dt):
    """A result as LAPACK leaves it: each matrix column-major, the batches outermost."""
    arr = np.ascontiguousarray(np.swapaxes(np.asarray(values, dt.np), -1, -2))
    return from_numpy(np.swapaxes(arr, -1, -2), dt)


def _dense(values, dt):
    return from_numpy(np.ascontiguousarray(values, dt.np), dt)


def _batched(a):
    return np.array(a.reshape((int(np.prod(a.shape[:-2], dtype=np.int64)),) + a.shape[-2:]))


def _attach_many(node, outs, saved, first=0):
    """outs (the differentiable results, from place `first` on) get node, each knowing its place; node saves
    `saved` ((tensor, is_output) pairs, in PyTorch's order)."""
    for i, out in enumerate(outs, first):
        out._grad_fn, out._output_nr = node, i
    node.saved = tuple(SavedTensor(t, is_output=o) for t, o in saved)
    if autograd.PENDING_PACKS:
        autograd.pack_pending()


def _eye(n, like):
    return from_numpy(np.eye(n, dtype=like.dtype.np), like.dtype)


def _diag_embed(v):
    return v.unsqueeze(-1) * _eye(v._shape[-1], v)


# ------------------------------------------------------------------ triangular solves (trsm)

def _trsm(a, b, upper, unit=False):
    """X with AX = B, A triangular (batch, n, n), B (batch, n, m): LAPACK's column-by-column substitution, each
    pivot's reciprocal multiplied (as MKL's small kernels do: the last bits agree more often than a division's)."""
    x = np.array(b)
    n = a.shape[-1]
    order = range(n - 1, -1, -1) if upper else range(n)
    one = a.dtype.type(1)
    with np.errstate(all="ignore"):
        for k in order:
            if not unit:
                x[:, k] = x[:, k] * (one / a[:, k, k, None])
            rest = slice(0, k) if upper else slice(k + 1, n)
            x[:, rest] = x[:, rest] - a[:, rest, k, None] * x[:, k, None, :]
    return x


def _broadcast_pair(a, b):
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return np.broadcast_to(a, batch + a.shape[-2:]), np.broadcast_to(b, batch + b.shape[-2:]), batch


def _triangular_values(a, b, upper, left, unit):
    if not left:  # XA = B is A^T X^T = B^T
        a, b, upper = np.swapaxes(a, -1, -2), np.swapaxes(b, -1, -2), not upper
    a, b, batch = _broadcast_pair(a, b)
    x = _trsm(_batched(a), _batched(b), upper, unit).reshape(batch + b.shape[-2:])
    return np.swapaxes(x, -1, -2) if not left else x


class LinalgSolveTriangularBackward0(Node):
    """A: -G_B X^H (tril/triu of it), B: A^{-H} grad."""
    saved_names = ("self", "result")
    saved_values = {"upper": "upper", "left": "left", "unitriangular": "unitriangular"}

    def __init__(self, A, B, X, upper, left, unitriangular):
        Node.__init__(self, (edge_of(A), edge_of(B)))
        self.upper, self.left, self.unitriangular = upper, left, unitriangular
        self.shapes = (A._shape, B._shape)
        self.saved = (SavedTensor(A), SavedTensor(X, is_output=True))

    def backward(self, g):
        A, X = self.unpack()
        gB = solve_triangular(A.mT, g, upper=not self.upper, left=self.left, unitriangular=self.unitriangular)
        gA = None
        if self.next_functions[0][0] is not None:
            gA = -(gB @ X.mT) if self.left else -(X.mT @ gB)
            gA = gA.triu(int(self.unitriangular)) if self.upper else gA.tril(-int(self.unitriangular))
            gA = _sum_batch(gA, self.shapes[0])
        return gA, _sum_batch(gB, self.shapes[1]) if self.next_functions[1][0] is not None else None


def _sum_batch(g, shape):
    """A gradient of a broadcast batch summed back to the input's shape."""
    return g if g._shape == shape else sum_to(g, shape)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False):
    op = "linalg.solve_triangular"
    _matrix(op, A)
    _matrix(op, B, "B")
    _square(op, A)
    _lapack_dtype("triangular_solve_cpu", A)
    n = A._shape[-1]
    rows = B._shape[-2] if left else B._shape[-1]
    if rows != n:
        eq = "AX = B" if left else "XA = B"
        raise runtime(f"{op}: Incompatible shapes of A and B for the equation {eq} ({n}x{n} and "
                      f"{B._shape[-2]}x{B._shape[-1]})")
    dt = dtypes.promote(A.dtype, B.dtype) if A.dtype is not B.dtype else A.dtype
    x = _triangular_values(A._np.astype(dt.np, copy=False), B._np.astype(dt.np, copy=False), upper, left,
                           unitriangular)
    out = _fortran(x, dt) if left else _dense(x, dt)
    if needs_grad(A, B):
        attach(out, LinalgSolveTriangularBackward0(A, B, out, upper, left, unitriangular))
    return out


class TriangularSolveBackward0(Node):
    """triangular_solve_backward in FunctionsManual.cpp (b: A^{-H} grad; A: -grad_b X^H, on A's triangle)."""
    n_outputs = 2
    saved_names = ("self", "A", "solution")
    saved_values = {"upper": "upper", "transpose": "transpose", "unitriangular": "unitriangular"}

    def __init__(self, b, A, upper, transpose, unitriangular):
        Node.__init__(self, (edge_of(b), edge_of(A)))
        self.upper, self.transpose, self.unitriangular = upper, transpose, unitriangular
        self.shapes = (b._shape, A._shape)

    def backward(self, grads):
        gX, gM = grads
        if gX is None and gM is None:
            return None, None
        _, A, X = self.unpack()
        gb = gA = None
        if gX is not None:
            gb = triangular_solve(gX, A, self.upper, not self.transpose, self.unitriangular, warn=False)[0]
            if self.next_functions[1][0] is not None:
                gA = -(X @ gb.mT) if self.transpose else -(gb @ X.mT)
                gA = gA.triu(int(self.unitriangular)) if self.upper else gA.tril(-int(self.unitriangular))
        if gb is None:
            gb = zeros_of(X)
        if gA is None:
            gA = zeros_of(A)
        if gM is not None:
            gA = gA + gM
        return _sum_batch(gb, self.shapes[0]), _sum_batch(gA, self.shapes[1])


def triangular_solve(self, A, upper=True, transpose=False, unitriangular=False, warn=True):
    """The deprecated torch.triangular_solve(b, A): (solution, A's clone)."""
    for name, t in (("b", self), ("A", A)):
        if t.dim() < 2:
            raise runtime(f"torch.triangular_solve: Expected {name} to have at least 2 dimensions, but it has "
                          f"{t.dim()} dimensions instead")
    _square("", A)
    if warn:
        warn_once("torch.triangular_solve is deprecated in favor of torch.linalg.solve_triangularand will be removed "
                  "in a future PyTorch release.\ntorch.linalg.solve_triangular has its arguments reversed and does not "
                  "return a copy of one of the inputs.\nX = torch.triangular_solve(B, A).solution\nshould be replaced "
                  "with\nX = torch.linalg.solve_triangular(A, B).")
    _lapack_dtype("triangular_solve_cpu", self)
    a = np.swapaxes(A._np, -1, -2) if transpose else A._np
    x = _triangular_values(a, self._np, upper != transpose, True, unitriangular)
    X = _fortran(x, self.dtype)
    M = _fortran(np.broadcast_to(A._np, x.shape[:-2] + A._shape[-2:]), A.dtype)
    if needs_grad(self, A):
        node = TriangularSolveBackward0(self, A, upper, transpose, unitriangular)
        _attach_many(node, (X, M), ((self, False), (A, False), (X, True)))
    return TriangularSolve((X, M))


# ------------------------------------------------------------------ Cholesky

def _potrf(a):
    """potf2 (lower) on a batch (batch, n, n): the factor (tril) and info; a batch element that is not
    positive-definite keeps LAPACK's partial factor (the failing pivot's value, the rest of A's lower part)."""
    L = np.tril(a)
    n = a.shape[-1]
    info = np.zeros(len(a), np.int32)
    with np.errstate(all="ignore"):
        for j in range(n):
            live = info == 0
            d = L[:, j, j] - (L[:, j, :j] * L[:, j, :j]).sum(-1)
            bad = live & ~(d > 0)
            info[bad] = j + 1
            L[bad, j, j] = d[bad]
            live &= ~bad
            if not live.any():
                break
            root = np.sqrt(np.where(live, d, 1))
            col = (L[:, j + 1:, j] - (L[:, j + 1:, :j] * L[:, j, None, :j]).sum(-1)) / root[:, None]
            L[live, j, j] = root[live]
            L[live, j + 1:, j] = col[live]
    return L, info


def _not_pd(op, info):
    bad = info.reshape(-1)
    i = int(np.flatnonzero(bad)[0])
    batch = f"(Batch element {i}): " if info.ndim else ""
    return make("torch._C._LinAlgError", f"{op}: {batch}The factorization could not be completed because the input "
                                          f"is not positive-definite (the leading minor of order {int(bad[i])} is "
                                          f"not positive-definite).")


def _cholesky_values(A, upper):
    L, info = _potrf(_batched(A._np))
    L = L.reshape(A._shape)
    return (np.swapaxes(L, -1, -2) if upper else L), info.reshape(A._shape[:-2])


class LinalgCholeskyExBackward0(Node):
    """A: Iain Murray's formula, cholesky_backward in FunctionsManual.cpp."""
    n_outputs = 2
    saved_names = ("L",)
    saved_values = {"upper": "upper"}

    def __init__(self, A, upper):
        Node.__init__(self, (edge_of(A),))
        self.upper = upper

    def backward(self, grads):
        g = grads[0] if self.n_outputs == 2 else grads
        if g is None:
            return (None,)
        L, = self.unpack()
        return (_cholesky_backward(g, self.upper, L),)


class CholeskyBackward0(LinalgCholeskyExBackward0):
    n_outputs = 1
    saved_names = ("result",)


def _cholesky_backward(gL, upper, L):
    if upper:
        L, gL = L.mT, gL.mT
    gA = (L.mT @ gL).tril()
    gA = 0.5 * (gA + gA.tril(-1).mT)
    gA = solve_triangular(L.mT, gA, upper=True, left=True)
    return solve_triangular(L, gA, upper=False, left=False)


def cholesky_ex(A, *, upper=False, check_errors=False):
    op = "linalg.cholesky"
    _square(op, A)
    _floating(op, A)
    _lapack_dtype("cholesky_cpu", A)
    values, info = _cholesky_values(A, upper)
    if check_errors and info.any():
        raise _not_pd("linalg.cholesky_ex", info)
    L = _fortran(values, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgCholeskyExBackward0(A, upper), (L,), ((L, True),))
    return CholeskyEx((L, from_numpy(info, dtypes.int32)))


def cholesky(A, *, upper=False):
    L, info = cholesky_ex(A, upper=upper)
    if info._np.any():
        raise _not_pd("linalg.cholesky", info._np)
    return L


def cholesky_legacy(self, upper=False):
    """The deprecated torch.cholesky / Tensor.cholesky."""
    warn_once("torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch "
              "release.\nL = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\nU = "
              "torch.cholesky(A, upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH\nThis transform "
              "will produce equivalent results for all valid (symmetric positive definite) inputs.")
    _square("cholesky", self)
    _lapack_dtype("cholesky_cpu", self)
    values, info = _cholesky_values(self, upper)
    if info.any():
        raise _not_pd("cholesky", info)
    out = _fortran(values, self.dtype)
    if needs_grad(self):
        _attach_many(CholeskyBackward0(self, upper), (out,), ((out, True),))
    return out


def _cholesky_solve_values(b, u, upper):
    b, u, batch = _broadcast_pair(b, u)
    b, u = _batched(b), _batched(u)
    if upper:  # U^H U X = B
        x = _trsm(u, _trsm(np.swapaxes(u, -1, -2), b, False), True)
    else:  # L L^H X = B
        x = _trsm(np.swapaxes(u, -1, -2), _trsm(u, b, False), True)
    return x.reshape(batch + b.shape[-2:])


class CholeskySolveBackward0(Node):
    saved_names = ("self", "input2", "result")
    saved_values = {"upper": "upper"}

    def __init__(self, B, L, X, upper):
        Node.__init__(self, (edge_of(B), edge_of(L)))
        self.upper = upper
        self.shapes = (B._shape, L._shape)
        self.saved = (SavedTensor(B), SavedTensor(L), SavedTensor(X, is_output=True))

    def backward(self, g):
        _, L, X = self.unpack()
        gB = cholesky_solve(g, L, self.upper)
        gL = None
        if self.next_functions[1][0] is not None:
            common = gB @ X.mT
            common = common + common.mT
            gL = _sum_batch(-(L @ common) if self.upper else -(common @ L), self.shapes[1])
        return _sum_batch(gB, self.shapes[0]), gL


def cholesky_solve(self, input2, upper=False):
    if self.dim() < 2:
        raise runtime(f"b should have at least 2 dimensions, but has {self.dim()} dimensions instead")
    if input2.dim() < 2:
        raise runtime(f"u should have at least 2 dimensions, but has {input2.dim()} dimensions instead")
    if self.dtype is not input2.dtype:
        raise runtime(f"Expected b and A to have the same dtype, but found b of type "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and A of type "
                      f"{dtypes.SCALAR_NAMES[input2.dtype.name]} instead.")
    _square("", input2)
    if input2._shape[-1] != self._shape[-2]:
        n = input2._shape[-1]
        raise runtime(f"Incompatible matrix sizes for cholesky_solve: each A matrix is {n} by {n} but each b matrix "
                      f"is {self._shape[-2]} by {self._shape[-1]}")
    _lapack_dtype("cholesky_solve_cpu", self)
    _check_batch(self, input2)
    out = _fortran(_cholesky_solve_values(self._np, input2._np, upper), self.dtype)
    if needs_grad(self, input2):
        attach(out, CholeskySolveBackward0(self, input2, out, upper))
    return out


def _check_batch(a, b):
    """The batch dims broadcast (PyTorch's message names them as the broadcast of two shapes)."""
    sa, sb = a._shape[:-2], b._shape[:-2]
    for i in range(1, min(len(sa), len(sb)) + 1):
        x, y = sa[-i], sb[-i]
        if x != y and x != 1 and y != 1:
            raise runtime(f"The size of tensor a ({x}) must match the size of tensor b ({y}) at non-singleton "
                          f"dimension {max(len(sa), len(sb)) - i}")


class CholeskyInverseBackward0(Node):
    saved_names = ("self", "result")
    saved_values = {"upper": "upper"}

    def __init__(self, L, X, upper):
        Node.__init__(self, (edge_of(L),))
        self.upper = upper
        self.saved = (SavedTensor(L), SavedTensor(X, is_output=True))

    def backward(self, g):
        L, X = self.unpack()
        common = X @ ((g + g.mT) @ X)
        return (-(L @ common) if self.upper else -(common @ L),)


def cholesky_inverse(self, upper=False):
    _matrix("cholesky_inverse", self)
    _square("cholesky_inverse", self)
    _lapack_dtype("cholesky_inverse_out_cpu", self)
    a = self._np
    eye = np.broadcast_to(np.eye(a.shape[-1], dtype=a.dtype), a.shape)
    out = _fortran(_cholesky_solve_values(eye, a, upper), self.dtype)
    if needs_grad(self):
        attach(out, CholeskyInverseBackward0(self, out, upper))
    return out


# ------------------------------------------------------------------ QR

def _qr_mode(mode):
    if mode not in ("reduced", "complete", "r"):
        raise runtime(f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', or "
                      f"'complete'")


class LinalgQrBackward0(Node):
    """linalg_qr_backward in FunctionsManual.cpp."""
    n_outputs = 2
    saved_names = ("Q", "R")
    saved_values = {"mode": "mode"}

    def __init__(self, A, mode):
        Node.__init__(self, (edge_of(A),))
        self.mode = mode

    def backward(self, grads):
        gQ, gR = grads
        if self.mode == "r":
            raise runtime("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use "
                          "linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.")
        Q, R = self.unpack()
        m, n = Q._shape[-2], R._shape[-1]
        if self.mode == "complete" and m > n:
            raise runtime("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.")
        if gQ is None and gR is None:
            return (None,)
        if gQ is not None:
            gA = gR @ R.mT - Q.mT @ gQ if gR is not None else -(Q.mT @ gQ)
        else:
            gA = gR @ R.mT
        if m >= n:
            upper = gA.triu()
            gA = Q @ (upper + upper.triu(1).mT)
            if gQ is not None:
                gA = gA + gQ
            return (solve_triangular(R.mT, gA, upper=False, left=False),)
        gA = Q @ (-gA - (-gA).mT).tril()
        gA = solve_triangular(R[..., :m].mT, gA, upper=False, left=False)
        from .joining import cat
        gA = cat([gA, gA.new_zeros(R._shape[:-1] + (n - m,))], -1)
        if gR is not None:
            gA = gA + Q @ gR
        return (gA,)


def _qr(A, mode, result_type, op="linalg.qr"):
    _qr_mode(mode)
    _matrix(op, A)
    _floating(op, A)
    _lapack_dtype("geqrf_cpu", A)
    m, n = A._shape[-2:]
    a = A._np
    if a.size == 0:
        k = m if mode == "complete" else min(m, n)
        q = np.broadcast_to(np.eye(m, k, dtype=a.dtype), A._shape[:-2] + (m, k))
        r = np.zeros(A._shape[:-2] + (k if mode != "r" else min(m, n), n), a.dtype)
    else:
        with np.errstate(all="ignore"):
            q, r = np.linalg.qr(a, mode="complete" if mode == "complete" else "reduced")
    R = _fortran(r, A.dtype)
    Q = from_numpy(np.zeros(0, a.dtype), A.dtype) if mode == "r" else _fortran(q, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgQrBackward0(A, mode), (Q, R), ((Q, True), (R, True)))
    return result_type((Q, R))


def qr(A, mode="reduced"):
    return _qr(A, mode, QR)


def qr_legacy(self, some=True):
    warn_once("torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future PyTorch release.\n"
              "The boolean parameter 'some' has been replaced with a string parameter 'mode'.\nQ, R = torch.qr(A, some)\n"
              "should be replaced with\nQ, R = torch.linalg.qr(A, 'reduced' if some else 'complete')")
    return _qr(self, "reduced" if some else "complete", LegacyQR)


# ------------------------------------------------------------------ symmetric eigendecomposition

class LinalgEighBackward0(Node):
    """linalg_eig_backward (Hermitian) in FunctionsManual.cpp."""
    n_outputs = 2
    saved_names = ("eigenvalues", "eigenvectors")

    def __init__(self, A):
        Node.__init__(self, (edge_of(A),))

    def backward(self, grads):
        gL, gV = grads[0], grads[1] if self.n_outputs == 2 else None
        if gL is None and gV is None:
            return (None,)
        L, V = self.unpack()
        if gV is None:
            return ((V * gL.unsqueeze(-2)) @ V.mT,)
        VhgV = V.mT @ gV
        VhgV = 0.5 * (VhgV - VhgV.mT)
        E = L.unsqueeze(-2) - L.unsqueeze(-1) + _eye(L._shape[-1], L)
        gA = VhgV / E
        if gL is not None:
            gA = gA + _diag_embed(gL)
        return (V @ (gA @ V.mT),)


def _eigh_values(A, UPLO, op="linalg.eigh"):
    if UPLO not in ("L", "U"):
        raise runtime(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    _square(op, A)
    _lapack_dtype("linalg_eigh_cpu", A)
    if A._np.size == 0:
        return np.zeros(A._shape[:-1], A.dtype.np), np.zeros(A._shape, A.dtype.np)
    with np.errstate(all="ignore"):
        return np.linalg.eigh(A._np, UPLO=UPLO)


def eigh(A, UPLO="L"):
    w, v = _eigh_values(A, UPLO)
    L, V = _dense(w, A.dtype), _fortran(v, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgEighBackward0(A), (L, V), ((L, True), (V, True)))
    return Eigh((L, V))


def eigvalsh(A, UPLO="L"):
    w, v = _eigh_values(A, UPLO)
    L = _dense(w, A.dtype)
    if needs_grad(A):  # (PyTorch computes the eigenvectors too when A requires grad, and saves them)
        node = LinalgEighBackward0(A)
        _attach_many(node, (L,), ((L, True), (_fortran(v, A.dtype), False)))
    return L


# ------------------------------------------------------------------ SVD

class LinalgSvdBackward0(Node):
    """svd_backward in FunctionsManual.cpp."""
    n_outputs = 3
    saved_names = ("S", "U", "Vh")
    saved_values = {"full_matrices": "full_matrices", "S_sym_argsize_minus_1": "k"}

    def __init__(self, A, full_matrices, k):
        Node.__init__(self, (edge_of(A),))
        self.full_matrices, self.k = full_matrices, k

    def backward(self, grads):
        gU, gS, gVh = grads
        if gU is None and gS is None and gVh is None:
            return (None,)
        S, U, Vh = self.unpack()
        k = self.k
        if self.full_matrices:  # (only the first k vectors carry a gradient)
            U, Vh = U[..., :k], Vh[..., :k, :]
            gU = None if gU is None else gU[..., :k]
            gVh = None if gVh is None else gVh[..., :k, :]
        m, n = U._shape[-2], Vh._shape[-1]
        if gU is None and gVh is None:
            return (U @ (gS.unsqueeze(-1) * Vh) if m >= n else (U * gS.unsqueeze(-2)) @ Vh,)
        UhgU = None if gU is None else U.mT @ gU
        UhgU = None if UhgU is None else UhgU - UhgU.mT
        VhgV = None if gVh is None else Vh @ gVh.mT
        VhgV = None if VhgV is None else VhgV - VhgV.mT
        S2 = S * S
        E = S2.unsqueeze(-2) - S2.unsqueeze(-1) + _eye(k, S)
        if gU is not None and gVh is not None:
            gA = (UhgU * S.unsqueeze(-2) + S.unsqueeze(-1) * VhgV) / E
        elif gU is not None:
            gA = (UhgU / E) * S.unsqueeze(-2)
        else:
            gA = S.unsqueeze(-1) * (VhgV / E)
        if gS is not None:
            gA = gA + _diag_embed(gS)
        if m > n and gU is not None:
            gA = U @ gA
            gUSinv = gU / S.unsqueeze(-2)
            gA = gA + gUSinv - U @ (U.mT @ gUSinv)
            return (gA @ Vh,)
        if m < n and gVh is not None:
            gA = gA @ Vh
            SinvgVh = gVh / S.unsqueeze(-1)
            gA = gA + SinvgVh - (SinvgVh @ Vh.mT) @ Vh
            return (U @ gA,)
        return (U @ (gA @ Vh) if m >= n else (U @ gA) @ Vh,)


def _svd_values(A, full_matrices, compute_uv=True, op="linalg.svd"):
    _matrix(op, A)
    _floating(op, A)
    _lapack_dtype("linalg_svd_cpu", A)
    m, n = A._shape[-2:]
    k = min(m, n)
    batch = A._shape[:-2]
    if A._np.size == 0:
        mu, nv = (m, n) if full_matrices else (k, k)
        return (np.broadcast_to(np.eye(m, mu, dtype=A.dtype.np), batch + (m, mu)), np.zeros(batch + (k,), A.dtype.np),
                np.broadcast_to(np.eye(nv, n, dtype=A.dtype.np), batch + (nv, n)))
    with np.errstate(all="ignore"):
        if not compute_uv:
            return None, np.linalg.svd(A._np, compute_uv=False), None
        return np.linalg.svd(A._np, full_matrices=full_matrices)


def svd(A, full_matrices=True, *, driver=None):
    u, s, vh = _svd_values(A, full_matrices)
    U, S, Vh = _fortran(u, A.dtype), _dense(s, A.dtype), _fortran(vh, A.dtype)
    if needs_grad(A):
        node = LinalgSvdBackward0(A, full_matrices, S._shape[-1])
        _attach_many(node, (U, S, Vh), ((S, True), (U, True), (Vh, True)))
    return SVD((U, S, Vh))


def svdvals(A, *, driver=None):
    if not needs_grad(A):
        return _dense(_svd_values(A, False, compute_uv=False)[1], A.dtype)
    return svd(A, full_matrices=False)[1]  # (PyTorch computes U and Vh when A requires grad, for the backward)


def svd_legacy(self, some=True, compute_uv=True):
    """torch.svd / Tensor.svd: V (not Vh), as a transposed view of linalg.svd's Vh; zeros for U and V when
    compute_uv=False."""
    if self.dim() < 2:
        raise runtime(f"linalg.svd: input should have at least 2 dimensions, but has {self.dim()} dimensions instead")
    if compute_uv:
        U, S, Vh = svd(self, full_matrices=not some)
        return LegacySVD((U, S, Vh.mT))
    S = svdvals(self)
    m, n = self._shape[-2:]
    batch = self._shape[:-2]
    zeros = lambda r, c: _fortran(np.zeros(batch + (r, c)), self.dtype)
    return LegacySVD((zeros(m, m), S, zeros(n, n)))


# ------------------------------------------------------------------ composites

def matrix_power(self, n):
    """ATen's linalg_matrix_power: repeated squaring with matmul (so MmBackward0/BmmBackward0 nodes), the inverse
    first for a negative n."""
    op = "linalg.matrix_power"
    _square(op, self)
    from .linalg import matmul
    if n == 0:
        return self.clone().copy_(_eye(self._shape[-1], self).expand(self._shape))
    a = self
    if n < 0:
        from .solvers import inv
        a, n = inv(self), -n
        if n == 1:
            return a
    if n == 1:
        return a.clone()
    if n == 2:
        return matmul(a, a)
    if n == 3:
        return matmul(matmul(a, a), a)
    z = result = None
    while n > 0:
        z = a if z is None else matmul(z, z)
        if n % 2:
            result = z if result is None else matmul(result, z)
        n //= 2
    return result


def vecdot(x, y, *, dim=-1):
    """ATen's linalg_vecdot for real tensors: (x * y).sum(dim) (so MulBackward0 and SumBackward1 nodes)."""
    return (x * y).sum(dim)


# ------------------------------------------------------------------ LU (getrf: ops/solvers.py's MKL steps)

LuFactor = return_type("linalg_lu_factor", ("LU", "pivots"))
LuFactorEx = return_type("linalg_lu_factor_ex", ("LU", "pivots", "info"))
LuWithInfo = return_type("_lu_with_info", ("LU", "pivots", "info"))
PLU = return_type("linalg_lu", ("P", "L", "U"))
LuUnpack = return_type("lu_unpack", ("P", "L", "U"))


def _getrf(a):
    """getrf on batches (..., m, n): LU (the factors in one matrix), LAPACK's 1-based pivots, info. Square matrices
    go through solvers._lu (MKL's steps); a rectangular one through the same unblocked steps over min(m, n)
    columns."""
    from .solvers import _lu
    m, n = a.shape[-2:]
    k = min(m, n)
    batch = a.shape[:-2]
    if m == n:
        lu, perm, info, _ = _lu(a) if a.size else (_batched(a), np.zeros((0, n), np.int64), np.zeros(0, np.int32), 0)
    else:
        lu, perm, info = _getf2(_batched(a))
    ipiv = np.zeros((len(lu), k), np.int32)
    for b in range(len(lu)):  # (the row order as LAPACK's interchanges: at step j row j swapped with ipiv[j])
        cur = list(range(m))
        where = {r: i for i, r in enumerate(cur)}
        for j in range(k):
            i = where[perm[b][j]]
            ipiv[b, j] = i + 1
            where[cur[j]], where[cur[i]] = i, j
            cur[j], cur[i] = cur[i], cur[j]
    return lu.reshape(a.shape), ipiv.reshape(batch + (k,)), info.reshape(batch)


def _getf2(lu):
    batch, m, n = lu.shape
    rows = np.arange(batch)
    perm = np.tile(np.arange(m), (batch, 1))
    info = np.zeros(batch, np.int32)
    one = lu.dtype.type(1)
    with np.errstate(all="ignore"):
        for k in range(min(m, n)):
            p = k + np.argmax(np.abs(lu[:, k:, k]), axis=1)
            lu[rows, k], lu[rows, p] = lu[rows, p], lu[rows, k].copy()
            perm[rows, k], perm[rows, p] = perm[rows, p], perm[rows, k].copy()
            pivot = lu[:, k, k]
            zero = pivot == 0
            info[(info == 0) & zero] = k + 1
            lu[:, k + 1:, k] *= np.where(zero, one, one / np.where(zero, one, pivot))[:, None]
            for i in range(k + 1, m):
                lu[:, i, k + 1:] = lu[:, i, k + 1:] - lu[:, i, k, None] * lu[:, k, k + 1:]
    return lu, perm, info


def _permutation(ipiv, m, dt):
    """P (..., m, m) with A = P L U from LAPACK's pivots."""
    flat = ipiv.reshape(-1, ipiv.shape[-1])
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
        gA = None if gL is None else (L.mT @ gL).tril(-1)
        if gU is not None:
            gA = (gU @ U.mT).triu() if gA is None else gA + (gU @ U.mT).triu()
        gA = solve_triangular(U.mT, gA, upper=False, left=False)
        gA = solve_triangular(L.mT, gA, upper=True, left=True, unitriangular=True)
    elif m < n:
        gA = None if gL is None else L.mT @ gL
        if gU is not None:
            gA = -(gU.triu() @ U.mT) if gA is None else gA - gU.triu() @ U.mT
        gA = solve_triangular(U[..., :m].mT, gA.tril(-1), upper=False, left=False)
        if gU is not None:
            gA = cat([gA + gU[..., :m].triu(), gU[..., m:]], -1)
        gA = solve_triangular(L.mT, gA, upper=True, left=True, unitriangular=True)
        if gU is None:
            gA = cat([gA, U[..., m:].new_zeros(U[..., m:]._shape)], -1)
    else:
        gA = None if gU is None else gU @ U.mT
        if gL is not None:
            gA = -(L.mT @ gL.tril(-1)) if gA is None else gA - L.mT @ gL.tril(-1)
        gA = solve_triangular(L[..., :n, :].mT, gA.triu(), upper=True, left=True, unitriangular=True)
        if gL is not None:
            gA = cat([gA + gL[..., :n, :].tril(-1), gL[..., n:, :]], -2)
        gA = solve_triangular(U.mT, gA, upper=False, left=False)
        if gL is None:
            gA = cat([gA, L[..., n:, :].new_zeros(L[..., n:, :]._shape)], -2)
    return P @ gA if pivot else gA


class LinalgLuFactorExBackward0(Node):
    n_outputs = 3
    saved_names = ("LU", "pivots")
    saved_values = {"pivot": "pivot"}

    def __init__(self, A, pivot):
        Node.__init__(self, (edge_of(A),))
        self.pivot = pivot

    def backward(self, grads):
        g = grads[0]
        if g is None:
            return (None,)
        LU, pivots = self.unpack()
        P, L, U = lu_unpack(LU.detach(), pivots)
        k = min(LU._shape[-2:])
        return (_lu_backward(g[..., :k], g[..., :k, :], P, L, U, self.pivot),)


class LinalgLuBackward0(Node):
    n_outputs = 3
    saved_names = ("P", "L", "U")
    saved_values = {"pivot": "pivot"}

    def __init__(self, A, pivot):
        Node.__init__(self, (edge_of(A),))
        self.pivot = pivot

    def backward(self, grads):
        _, gL, gU = grads
        if gL is None and gU is None:
            return (None,)
        P, L, U = self.unpack()
        return (_lu_backward(gL, gU, P, L, U, self.pivot),)


def _lu_checks(A, pivot, name="linalg.lu_factor"):
    if A.dim() < 2:
        raise runtime(f"torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: "
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
    result = lu_factor_ex(A, pivot=pivot, _result=LuWithInfo)  # (a singular matrix passes, as in PyTorch 2.13)
    return result if get_infos else (result[0], result[1])


def lu(A, *, pivot=True):
    _lu_checks(A, pivot)
    m, n = A._shape[-2:]
    lu_, ipiv, _ = _getrf(A._np)
    L, U = _unpack(lu_, min(m, n))
    P = _dense(_permutation(ipiv, m, A.dtype.np), A.dtype)
    L, U = _dense(L, A.dtype), _dense(U, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgLuBackward0(A, pivot), (L, U), ((P, False), (L, True), (U, True)), first=1)
    return PLU((P, L, U))


class LuUnpackBackward0(Node):
    n_outputs = 3
    saved_names = ()
    saved_values = {"LU_data_sym_argsize_minus_2": "m", "LU_data_sym_argsize_minus_1": "n"}

    def __init__(self, LU, m, n):
        Node.__init__(self, (edge_of(LU),))
        self.m, self.n = m, n

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


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):
    if LU_pivots.dtype is not dtypes.int32:
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
    P = _dense(_permutation(LU_pivots._np, m, dt.np), dt) if unpack_pivots else from_numpy(np.zeros(0, dt.np), dt)
    if unpack_data and needs_grad(LU_data):
        _attach_many(LuUnpackBackward0(LU_data, m, n), (L, U), (), first=1)
    return LuUnpack((P, L, U))


def _getrs(lu, ipiv, b, adjoint):
    """getrs on broadcast batches: the pivots' interchanges, then L (unit) and U, or their transposes (A^T X = B)."""
    lu, b, batch = _broadcast_pair(lu, b)
    ipiv = np.broadcast_to(ipiv, batch + ipiv.shape[-1:]).reshape(-1, ipiv.shape[-1])
    lu, x = _batched(lu), _batched(b)
    rows = np.arange(len(x))
    if not adjoint:
        for j in range(ipiv.shape[-1]):
            p = ipiv[:, j] - 1
            x[rows, j], x[rows, p] = x[rows, p], x[rows, j].copy()
        x = _trsm(lu, _trsm(lu, x, False, unit=True), True)
    else:
        t = np.swapaxes(lu, -1, -2)
        x = _trsm(t, _trsm(t, x, False), True, unit=True)
        for j in range(ipiv.shape[-1] - 1, -1, -1):
            p = ipiv[:, j] - 1
            x[rows, j], x[rows, p] = x[rows, p], x[rows, j].copy()
    return x.reshape(batch + b.shape[-2:])


class LinalgLuSolveBackward0(Node):
    saved_names = ("LU", "pivots", "result")
    saved_values = {"left": "left", "adjoint": "adjoint"}

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
                gR = solve_triangular(U.mT, -(gX if left else gX.mT) @ (X.mT if left else X), upper=False)
                gL = solve_triangular(L.mT, gR @ U.mT, upper=True, left=True, unitriangular=True).tril(-1)
                gLU = gL + gR.triu()
            else:
                gR = -(P.mT @ (X if left else X.mT) @ (gX.mT if left else gX) @ P)
                gR = solve_triangular(L.mT, gR, upper=True, left=False, unitriangular=True)
                gU = solve_triangular(U.mT, L.mT @ gR, upper=False, left=False).triu()
                gLU = gR.tril(-1) + gU
            gLU = _sum_batch(gLU, self.shapes[0])
        return gLU, gB


def lu_solve(LU, pivots, B, *, left=True, adjoint=False):
    op = "linalg.lu_solve"
    _matrix(op, LU, "LU")
    _square(op, LU, "LU")
    if B.dim() < 2:
        raise runtime(f"{op}: The input tensor B must have at least 2 dimensions.")
    if pivots.dtype is not dtypes.int32:
        raise runtime(f"{op}: pivots should be a Tensor of scalar type torch.int32")
    n = LU._shape[-1]
    rows = B._shape[-2] if left else B._shape[-1]
    if rows != n:
        eq = "AX = B" if left else "XA = B"
        raise runtime(f"{op}: Incompatible shapes of A and B for the equation {eq} ({n}x{n} and "
                      f"{B._shape[-2]}x{B._shape[-1]})")
    _lapack_dtype("lu_solve_cpu", LU)
    b = B._np if left else np.swapaxes(B._np, -1, -2)
    x = _getrs(LU._np, pivots._np, b, adjoint if left else not adjoint)
    out = _fortran(x, LU.dtype) if left else _dense(np.swapaxes(x, -1, -2), LU.dtype)
    if needs_grad(LU, B):
        attach(out, LinalgLuSolveBackward0(LU, pivots, B, out, left, adjoint))
    return out


def lu_solve_legacy(self, LU_data, LU_pivots):
    warn_once("torch.lu_solve is deprecated in favor of torch.linalg.lu_solveand will be removed in a future PyTorch "
              "release.\nNote that torch.linalg.lu_solve has its arguments reversed.\nX = torch.lu_solve(B, LU, "
              "pivots)\nshould be replaced with\nX = torch.linalg.lu_solve(LU, pivots, B)")
    return lu_solve(LU_data, LU_pivots, self)

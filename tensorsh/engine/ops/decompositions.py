"""Matrix decompositions (torch.linalg.cholesky / cholesky_ex / qr / eigh / eigvalsh / svd / svdvals /
solve_triangular / matrix_power / vecdot / householder_product, torch.cholesky / cholesky_solve / cholesky_inverse /
qr / svd / triangular_solve / geqrf / orgqr) with PyTorch's checks, messages, result types, layouts, nodes and
backward formulas.

Cholesky is LAPACK's unblocked potf2 steps here (so `info` and the partial factor of a matrix that is not
positive-definite are LAPACK's; on Intel CPUs a Cholesky of order up to 16 rounds as MKL's AVX-512 potrf does,
float32's columns scaled from the CPU's own rsqrt14 estimate); the triangular solves are ops/trsm.py's; float32 QR
and singular values are MKL's Householder steps (ops/householder.py); float64 QR, eigh and the singular vectors are numpy's LAPACK (geqrf/orgqr, syevd, gesdd, the
routines PyTorch's MKL runs: the same Householder and sign conventions; docs/FIDELITY.md gives the measured
agreement), except eigh of a real 2x2 matrix, steqr's laev2 step in the dtype's own arithmetic. The backward formulas are FunctionsManual.cpp's, written with engine ops (so they have graphs of their
own under create_graph)."""
import numpy as np

from .. import autograd, dtypes, kernels, messages
from ..autograd import Node, SavedTensor, edge_of
from ..creation import not_implemented_for
from ..errors import make, runtime, warn_once
from ..tensorimpl import _shape_list
from .args import check_matrix, check_square, check_system
from .core import (InputNode, SavingNode, Tensor, attach, collect_edges, from_numpy, needs_grad, return_type, sum_to,
                   type_name, zeros_of)
from .householder import _exact, _fortran, geqrf_values, orgqr_values, qr_values, singular_values
from .solvers import _halved_lanes
from .trsm import trsm
from .. import autocast
from ..autocast import ACTIVE as AUTOCAST, fp32_op

CholeskyEx = return_type("linalg_cholesky_ex", ("L", "info"))
QR = return_type("linalg_qr", ("Q", "R"))
LegacyQR = return_type("qr", ("Q", "R"))
Eigh = return_type("linalg_eigh", ("eigenvalues", "eigenvectors"))
Eig = return_type("linalg_eig", ("eigenvalues", "eigenvectors"))
SVD = return_type("linalg_svd", ("U", "S", "Vh"))
LegacySVD = return_type("svd", ("U", "S", "V"))
TriangularSolve = return_type("triangular_solve", ("solution", "cloned_coefficient"))
Geqrf = return_type("geqrf", ("a", "tau"))


# ------------------------------------------------------------------ checks and layouts

def _floating(op, A):
    if A.dtype.category < 2:
        raise runtime(f"{op}: Expected a floating point or complex tensor as input. Got "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]}")


_LAPACK_TYPES = ("float32", "float64", "complex64", "complex128")


def _lapack_dtype(kernel, A):
    """The CPU kernels exist for float, double and their complex types (PyTorch's dispatch error otherwise)."""
    if A.dtype.name not in _LAPACK_TYPES:
        raise not_implemented_for(kernel, A.dtype)


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

def _broadcast_pair(a, b):
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return np.broadcast_to(a, batch + a.shape[-2:]), np.broadcast_to(b, batch + b.shape[-2:]), batch


def _triangular_values(a, b, upper, left, unit, rows_contiguous=False):
    """rows_contiguous: A's rows lie contiguous as BLAS receives it (ops/trsm.py); for left=False, A's columns."""
    if not left:  # XA = B is A^T X^T = B^T
        a, b, upper = np.swapaxes(a, -1, -2), np.swapaxes(b, -1, -2), not upper
    a, b, batch = _broadcast_pair(a, b)
    x = trsm(_batched(a), _batched(b), upper, unit, rows_contiguous, right=not left).reshape(batch + b.shape[-2:])
    return np.swapaxes(x, -1, -2) if not left else x


def _row_major(t):
    """A matrix (or batch) PyTorch hands BLAS as it is, transposed (its rows contiguous): ATen clones any other
    layout (a slice, an expanded batch) column-major."""
    return t.is_contiguous()


class LinalgSolveTriangularBackward0(SavingNode):
    """A: -G_B X^H (tril/triu of it), B: A^{-H} grad."""
    inputs, saved_inputs, keeps_shapes, fields = 2, (0,), True, ("upper", "left", "unitriangular")  # (A, B, X, ...)
    saved_names, saved_values = ("self", "result"), {"upper": "upper", "left": "left", "unitriangular": "unitriangular"}

    def backward(self, g):
        A, X = self.unpack()
        gB = solve_triangular(A.mH, g, upper=not self.upper, left=self.left, unitriangular=self.unitriangular)
        gA = None
        if self.next_functions[0][0] is not None:
            gA = -(gB @ X.mH) if self.left else -(X.mH @ gB)
            gA = gA.triu(int(self.unitriangular)) if self.upper else gA.tril(-int(self.unitriangular))
            gA = _sum_batch(gA, self.shapes[0])
        return gA, _sum_batch(gB, self.shapes[1]) if self.next_functions[1][0] is not None else None


def _sum_batch(g, shape):
    """A gradient of a broadcast batch summed back to the input's shape."""
    return g if g._shape == shape else sum_to(g, shape)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False):
    op = "linalg.solve_triangular"
    check_matrix(op, A)
    check_matrix(op, B, "B")
    check_square(op, A)
    _lapack_dtype("triangular_solve_cpu", A)
    check_system(op, A._shape[-1], B._shape, left)
    # (the meta function makes the result A.new_empty and the kernel copies B into it: A's dtype, whatever B's, a
    # complex B's imaginary part dropped with copy_'s warning)
    dt = A.dtype
    from .copies import real_values
    x = _triangular_values(A._np, real_values(B, dt).astype(dt.np, copy=False), upper, left, unitriangular,
                           _row_major(A) if left else _row_major(A.mT))
    out = _fortran(x, dt)  # (left=False too: column-major, measured)
    if needs_grad(A, B):
        attach(out, LinalgSolveTriangularBackward0(A, B, out, upper, left, unitriangular))
    return out


class TriangularSolveBackward0(SavingNode):
    """triangular_solve_backward in FunctionsManual.cpp (b: A^{-H} grad; A: -grad_b X^H, on A's triangle)."""
    inputs, saved_inputs, saves_result, keeps_shapes = 2, (), None, True  # (b, A, ...; its outputs saved later)
    fields, n_outputs = ("upper", "transpose", "unitriangular"), 2
    saved_names = ("self", "A", "solution")
    saved_values = {"upper": "upper", "transpose": "transpose", "unitriangular": "unitriangular"}

    def backward(self, grads):
        gX, gM = grads
        if gX is None and gM is None:
            return None, None
        _, A, X = self.unpack()
        gb = gA = None
        if gX is not None:
            gb = triangular_solve(gX, A.conj(), self.upper, not self.transpose, self.unitriangular, warn=False)[0]
            if self.next_functions[1][0] is not None:
                gA = -(X.conj() @ gb.mT) if self.transpose else -(gb @ X.mH)
                gA = gA.triu(int(self.unitriangular)) if self.upper else gA.tril(-int(self.unitriangular))
        if gb is None:
            gb = zeros_of(X)
        if gA is None:
            gA = zeros_of(A)
        if gM is not None:
            gA = gA + gM
        return _sum_batch(gb, self.shapes[0]), _sum_batch(gA, self.shapes[1])


@fp32_op
def triangular_solve(self, A, upper=True, transpose=False, unitriangular=False, warn=True):
    """The deprecated torch.triangular_solve(b, A): (solution, A's clone)."""
    for name, t in (("b", self), ("A", A)):
        if t.dim() < 2:
            raise runtime(f"torch.triangular_solve: Expected {name} to have at least 2 dimensions, but it has "
                          f"{t.dim()} dimensions instead")
    if self.dtype is not A.dtype:  # (linearSolveCheckInputs: before the squareness check and the deprecation)
        raise runtime(f"Expected b and A to have the same dtype, but found b of type "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and A of type {dtypes.SCALAR_NAMES[A.dtype.name]} instead.")
    check_square("", A)
    if warn:
        warn_once("torch.triangular_solve is deprecated in favor of torch.linalg.solve_triangularand will be removed "
                  "in a future PyTorch release.\ntorch.linalg.solve_triangular has its arguments reversed and does not "
                  "return a copy of one of the inputs.\nX = torch.triangular_solve(B, A).solution\nshould be replaced "
                  "with\nX = torch.linalg.solve_triangular(A, B).")
    _lapack_dtype("triangular_solve_cpu", self)
    a = np.swapaxes(A._np, -1, -2) if transpose else A._np
    x = _triangular_values(a, self._np, upper != transpose, True, unitriangular, transpose)  # (A cloned column-major)
    X = _fortran(x, self.dtype)
    M = _fortran(np.broadcast_to(A._np, x.shape[:-2] + A._shape[-2:]), A.dtype)
    if needs_grad(self, A):
        node = TriangularSolveBackward0(self, A, upper, transpose, unitriangular)
        _attach_many(node, (X, M), ((self, False), (A, False), (X, True)))
    return TriangularSolve((X, M))


# ------------------------------------------------------------------ Cholesky

def _potrf(a, upper=False):
    """potf2 (lower) on a batch (batch, n, n): the factor (tril) and info; a batch element that is not
    positive-definite keeps LAPACK's partial factor (the failing pivot's value, the rest of A's lower part).
    `upper`: the factor is potrf 'U''s, transposed (only the order of MKL's sums differs)."""
    L = np.tril(a)
    n = a.shape[-1]
    info = np.zeros(len(a), np.int32)
    conj = np.conj if np.iscomplexobj(a) else (lambda x: x)  # (zpotf2: the real part of a_jj - L_j. L_j.^H)
    steps = _intel_potrf_steps(n, upper, a.dtype) if kernels.MKL_ON_INTEL and a.dtype in (np.float64, np.float32) \
        else None
    if steps and a.dtype == np.float32 and not kernels.HAS_RSQRT14:
        steps = None
    with np.errstate(all="ignore"):
        for j in range(n):
            live = info == 0
            if steps:
                d = _potrf_update(steps[0].get(j), L[:, j, j], L[:, j, :j], L[:, j, :j])
            else:
                d = L[:, j, j].real - (L[:, j, :j] * conj(L[:, j, :j])).real.sum(-1)
            bad = live & ~(d > 0)
            info[bad] = j + 1
            L[bad, j, j] = d[bad]
            live &= ~bad
            if not live.any():
                break
            root = np.sqrt(np.where(live, d, 1))
            if steps:
                col = _potrf_update(steps[1].get(j), L[:, j + 1:, j], L[:, j + 1:, :j], L[:, j, None, :j])
                if a.dtype == np.float32:
                    estimate, step = _refined_rsqrt(np.where(live, d, 1))
                    col = (col * estimate[:, None]) * step[:, None] if j in steps[2] and n > 2 else \
                        col * (step * estimate)[:, None]
                else:
                    col = col / root[:, None] if j in steps[2] else col * (1 / root)[:, None]
            else:
                col = (L[:, j + 1:, j] - (L[:, j + 1:, :j] * conj(L[:, j, None, :j])).sum(-1)) / root[:, None]
            L[live, j, j] = root[live]
            L[live, j + 1:, j] = col[live]
    return L, info


# MKL's AVX-512 dpotrf (Intel CPUs), measured element by element on 3000 random SPD matrices of each order: how
# a_ij - sum_k l_ik l_jk is rounded at step j. "fnma": fused from a_ij, k ascending; a tuple: the products summed
# first, the first one named rounded and the others fused onto it in the tuple's order, then subtracted; "lanes8":
# eight lanes (each's first product rounded, the next ones fused), halved (0+4, 1+5, ...), then subtracted. Orders
# 2-5 are unrolled kernels that divide the last column's single element; the others multiply by the reciprocal.
_POTRF_SMALL = {  # (n, upper): ({j: diagonal's rule}, {j: column's rule}); the unnamed ones "fnma"
    (3, False): ({2: (1, 0)}, {}), (3, True): ({2: (1, 0)}, {}),
    (4, False): ({2: (0, 1), 3: (0, 1, 2)}, {2: (0, 1)}), (4, True): ({2: (1, 0), 3: (0, 1, 2)}, {2: (0, 1)}),
    (5, False): ({2: (1, 0), 3: (1, 0, 2), 4: (0, 1, 2, 3)}, {2: (0, 1), 3: (0, 1, 2)}),
    (5, True): ({2: (1, 0), 3: (0, 1, 2), 4: (0, 1, 2, 3)}, {2: (0, 1), 3: (0, 1, 2)}),
}


def _intel_potrf_steps(n, upper, dtype=np.float64):
    """({j: diagonal rule}, {j: column rule}, {j: columns divided}) for the orders measured, else None: 'L' up to
    16 (fnma, the diagonal from step 6 over eight lanes), 'U' up to 9 (eight lanes: one product each; float32's
    diagonal fused in order until step 5)."""
    if n <= 5:
        diag, col = _POTRF_SMALL.get((n, upper), ({}, {}))
        return ({j: diag.get(j, "fnma") for j in range(n)}, {j: col.get(j, "fnma") for j in range(n)}, {n - 2})
    if not upper and n <= 16:
        return {j: "fnma" if j < 6 else "lanes8" for j in range(n)}, {j: "fnma" for j in range(n)}, set()
    if upper and dtype == np.float32 and n <= 9:
        return {j: "fnma" if j < 5 else "lanes8" for j in range(n)}, {j: "lanes8" for j in range(n)}, set()
    if upper and n <= 9:
        return {j: "lanes8" for j in range(n)}, {j: "lanes8" for j in range(n)}, set()
    return None


def _refined_rsqrt(d):
    """MKL's AVX-512 spotrf scales a column by 1/sqrt(d) as the CPU's estimate y (vrsqrt14ps) times one Newton step
    1.5 - (d/2 y) y, fused (measured on 3000 matrices: all equal); (y, step). Its unrolled orders 3-5 multiply the
    last column's element by y first, then by the step."""
    y = kernels.cpu_rsqrt14(d)
    return y, kernels.fma(-((np.float32(0.5) * d) * y), y, np.float32(1.5))


def _potrf_update(rule, c, rows, row):
    """c - rows . row (over the last axis) rounded as `rule` says (_POTRF_SMALL)."""
    k = rows.shape[-1]
    x, y = np.broadcast_arrays(rows, row)
    if k == 0:
        return c.copy()
    if rule == "fnma":
        for i in range(k):
            c = kernels.fma(-x[..., i], y[..., i], c)
        return c
    if rule == "lanes8":
        lanes = [x[..., i] * y[..., i] for i in range(min(k, 8))]
        for i in range(8, k):
            lanes[i % 8] = kernels.fma(x[..., i], y[..., i], lanes[i % 8])
        return c - _halved_lanes(lanes)
    s = x[..., rule[0]] * y[..., rule[0]]
    for i in rule[1:]:
        s = kernels.fma(x[..., i], y[..., i], s)
    return c - s


def _not_pd(op, info):
    bad = info.reshape(-1)
    i = int(np.flatnonzero(bad)[0])
    batch = f"(Batch element {i}): " if info.ndim else ""
    return make("torch._C._LinAlgError", f"{op}: {batch}The factorization could not be completed because the input "
                                          f"is not positive-definite (the leading minor of order {int(bad[i])} is "
                                          f"not positive-definite).")


def _cholesky_values(A, upper):
    """potrf: 'L' factors A's lower triangle; 'U' its upper one, the same steps as 'L' on A^T (transposed back)."""
    a = np.swapaxes(A._np, -1, -2) if upper else A._np
    L, info = _potrf(_batched(a), upper)
    L = L.reshape(A._shape)
    if np.iscomplexobj(L) and 3 <= L.shape[-1] <= 5:  # (MKL's kernel for these orders: measured on every input)
        L[..., 1, 1].imag[...] = -0.
    return (np.swapaxes(L, -1, -2) if upper else L), info.reshape(A._shape[:-2])


class LinalgCholeskyExBackward0(InputNode):
    """A: Iain Murray's formula, cholesky_backward in FunctionsManual.cpp."""
    fields, n_outputs = ("upper",), 2
    saved_names, saved_values = ("L",), {"upper": "upper"}

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
    if upper:  # (ATen's mH: its text for a 1-D gradient)
        L, gL = L.mH, gL.mH
    gA = (L.mH @ gL).tril()
    gA = 0.5 * (gA + gA.tril(-1).mH)
    gA = solve_triangular(L.mH, gA, upper=True, left=True)
    return solve_triangular(L, gA, upper=False, left=False)


@fp32_op
def cholesky_ex(A, *, upper=False, check_errors=False):
    op = "linalg.cholesky"
    check_square(op, A)
    _floating(op, A)
    _lapack_dtype("cholesky_cpu", A)
    values, info = _cholesky_values(A, upper)
    if check_errors and info.any():
        raise _not_pd("linalg.cholesky_ex", info)
    L = _fortran(values, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgCholeskyExBackward0(A, upper), (L,), ((L, True),))
    return CholeskyEx((L, from_numpy(info, dtypes.int32)))


@fp32_op
def cholesky(A, *, upper=False):
    L, info = cholesky_ex(A, upper=upper)
    if info._np.any():
        raise _not_pd("linalg.cholesky", info._np)
    return L


def cholesky_legacy(self, upper=False):
    """The deprecated torch.cholesky / Tensor.cholesky."""
    warn_once(messages.CHOLESKY_DEPRECATED)
    if self.numel() == 0:  # (ATen's empty_like before any check)
        out = from_numpy(np.empty(self._shape, self.dtype.np), self.dtype)
    else:
        check_square("cholesky", self)
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
    uh = np.conj(np.swapaxes(u, -1, -2))
    # (potrs on the factor cloned column-major: the solve with its conjugate transpose reads it by rows)
    if upper:  # U^H U X = B
        x = trsm(u, trsm(uh, b, False, rows_contiguous=True), True)
    else:  # L L^H X = B
        x = trsm(uh, trsm(u, b, False), True, rows_contiguous=True)
    return x.reshape(batch + b.shape[-2:])


class CholeskySolveBackward0(SavingNode):
    inputs, keeps_shapes, fields = 2, True, ("upper",)  # (B, L, X, upper)
    saved_names, saved_values = ("self", "input2", "result"), {"upper": "upper"}

    def backward(self, g):
        _, L, X = self.unpack()
        gB = cholesky_solve(g, L, self.upper)
        gL = None
        if self.next_functions[1][0] is not None:
            common = gB @ X.mH
            common = common + common.mH
            gL = _sum_batch(-(L @ common) if self.upper else -(common @ L), self.shapes[1])
        return _sum_batch(gB, self.shapes[0]), gL


@fp32_op
def cholesky_solve(self, input2, upper=False):
    if self.dim() < 2:
        raise runtime(f"b should have at least 2 dimensions, but has {self.dim()} dimensions instead")
    if input2.dim() < 2:
        raise runtime(f"u should have at least 2 dimensions, but has {input2.dim()} dimensions instead")
    if self.dtype is not input2.dtype:
        raise runtime(f"Expected b and A to have the same dtype, but found b of type "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and A of type "
                      f"{dtypes.SCALAR_NAMES[input2.dtype.name]} instead.")
    check_square("", input2)
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


class CholeskyInverseBackward0(SavingNode):
    fields = ("upper",)  # (L, X, upper)
    saved_names, saved_values = ("self", "result"), {"upper": "upper"}

    def backward(self, g):
        L, X = self.unpack()
        common = X @ ((g + g.mH) @ X)
        return (-(L @ common) if self.upper else -(common @ L),)


@fp32_op
def cholesky_inverse(self, upper=False):
    check_matrix("cholesky_inverse", self)
    check_square("cholesky_inverse", self)
    _lapack_dtype("cholesky_inverse_out_cpu", self)
    a = self._np
    zero = np.diagonal(a, axis1=-2, axis2=-1) == 0  # (potri's info: the factor's first zero diagonal element)
    if zero.any():
        from .solvers import _singular_error
        raise _singular_error("cholesky_inverse", np.where(zero.any(-1), zero.argmax(-1) + 1, 0))
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


class LinalgQrBackward0(InputNode):
    """linalg_qr_backward in FunctionsManual.cpp."""
    fields, n_outputs = ("mode",), 2
    saved_names, saved_values = ("Q", "R"), {"mode": "mode"}

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
            gA = gR @ R.mH - Q.mH @ gQ if gR is not None else -(Q.mH @ gQ)
        else:
            gA = gR @ R.mH
        complex_ = Q.dtype.category == 3
        if m >= n:
            upper = gA.triu()
            if complex_:  # (syminvadj: X + X^H, its diagonal's real part halved: Re(X_ii))
                sym = upper + upper.mH
                gA = Q @ (sym - 0.5 * sym.diagonal(0, -2, -1).diag_embed())
            else:
                gA = Q @ (upper + upper.triu(1).mT)
            if gQ is not None:
                gA = gA + gQ
            return (solve_triangular(R.mH, gA, upper=False, left=False),)
        if complex_:  # (trilImInvAdjSkew: tril(X - X^H), its diagonal's imaginary part halved)
            low = (-gA - (-gA).mH).tril()
            gA = Q @ (low - 0.5j * low.diagonal(0, -2, -1).imag.diag_embed())
        else:
            gA = Q @ (-gA - (-gA).mT).tril()
        gA = solve_triangular(R[..., :m].mH, gA, upper=False, left=False)
        from .joining import cat
        gA = cat([gA, gA.new_zeros(R._shape[:-1] + (n - m,))], -1)
        if gR is not None:
            gA = gA + Q @ gR
        return (gA,)


def _qr(A, mode, result_type, op="linalg.qr"):
    _qr_mode(mode)
    check_matrix(op, A)
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
            q, r = qr_values(a, mode == "complete") if _exact(a) else \
                np.linalg.qr(a, mode="complete" if mode == "complete" else "reduced")
    R = _fortran(r, A.dtype)
    Q = from_numpy(np.zeros(0, a.dtype), A.dtype) if mode == "r" else _fortran(q, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgQrBackward0(A, mode), (Q, R), ((Q, True), (R, True)))
    return result_type((Q, R))


@fp32_op
def qr(A, mode="reduced"):
    return _qr(A, mode, QR)


def qr_legacy(self, some=True):
    warn_once("torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future PyTorch release.\n"
              "The boolean parameter 'some' has been replaced with a string parameter 'mode'.\nQ, R = torch.qr(A, some)\n"
              "should be replaced with\nQ, R = torch.linalg.qr(A, 'reduced' if some else 'complete')")
    if needs_grad(self):  # (then linalg_qr's autograd kernel: the edges before its checks)
        collect_edges(self)
    return _qr(self, "reduced" if some else "complete", LegacyQR)


# ------------------------------------------------------------------ geqrf and the product of its reflectors

class GeqrfBackward0(Node):
    n_outputs = 2

    def __init__(self, A):
        Node.__init__(self, (edge_of(A),))

    def backward(self, g):
        raise make("NotImplementedError", "the derivative for 'geqrf' is not implemented.")


@fp32_op
def geqrf(input):
    if not isinstance(input, Tensor):
        raise make("TypeError", f"geqrf(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    if input.dim() < 2:
        raise runtime("torch.geqrf: input must have at least 2 dimensions.")
    if input.dtype not in (dtypes.float32, dtypes.float64, dtypes.complex64, dtypes.complex128):
        raise not_implemented_for("geqrf_cpu", input.dtype)
    h, tau = geqrf_values(input._np)
    out = (_fortran(h, input.dtype), _dense(tau, input.dtype))
    if needs_grad(input):
        _attach_many(GeqrfBackward0(input), out, ())
    return Geqrf(out)


class LinalgHouseholderProductBackward0(SavingNode):
    """householder_product_backward: Q = H_0 ... H_{k-1} I[:, :n], H_i = I - tau_i v_i v_i^H (v_i input's column i
    below a unit diagonal); with M_i = L_i^H G R_i^H (L_i the reflectors before H_i, R_i those after, applied to
    I[:, :n]): tau_i's gradient -v_i^H M_i v_i, v_i's -(conj(tau_i) M_i v_i + tau_i M_i^H v_i) below the diagonal."""
    inputs, fields = 2, ()
    saved_names = ("input", "tau", "result")

    def backward(self, g):
        from .joining import stack
        A, tau, _ = self.unpack()
        m, n = A._shape[-2:]
        k = tau._shape[-1]
        if A._np.size == 0 or tau._np.size == 0:  # (no gradient at all, as FunctionsManual returns undefined ones)
            return None, None
        eye = _eye(m, A)
        V = A.tril(-1) + eye[:, :n]
        vs = [V[..., :, i:i + 1] for i in range(k)]
        ts = [tau[..., i:i + 1].unsqueeze(-1) for i in range(k)]
        H = [eye - ts[i] * (vs[i] @ vs[i].mH) for i in range(k)]
        right = [None] * k
        R = eye[:, :n]
        for i in range(k - 1, -1, -1):
            right[i] = R
            R = H[i] @ R
        L = eye
        gtau, gcols = [], []
        for i in range(k):
            M = L.mH @ g @ right[i].mH
            gtau.append(-(vs[i].mH @ M @ vs[i])[..., 0, 0])
            gv = -(ts[i].conj() * (M @ vs[i]) + ts[i] * (M.mH @ vs[i]))
            gcols.append(gv[..., :, 0])
            L = L @ H[i]
        gA = stack(gcols + [A.new_zeros(A._shape[:-1])] * (n - k), -1).tril(-1)  # (v_i's free part: below row i)
        gT = stack(gtau, -1)
        return (gA if self.next_functions[0][0] is not None else None,
                gT if self.next_functions[1][0] is not None else None)


@fp32_op
def householder_product(input, tau):
    op = "torch.linalg.householder_product"
    for name, v in (("input", input), ("tau", tau)):
        if not isinstance(v, Tensor):
            raise make("TypeError", f"linalg_householder_product(): argument '{name}' must be Tensor, not "
                                    f"{type_name(v)}")
    if input.dim() < 2:
        raise runtime(f"{op}: input must have at least 2 dimensions.")
    m, n = input._shape[-2:]
    if m < n:
        raise runtime(f"{op}: input.shape[-2] must be greater than or equal to input.shape[-1]")
    if tau.size(-1) > n:  # (tau.size(-1): a 0-dim tau's IndexError)
        raise runtime(f"{op}: input.shape[-1] must be greater than or equal to tau.shape[-1]")
    if tau.dim() != input.dim() - 1:
        raise runtime(f"{op}: Expected tau to have one dimension less than input, but got tau.ndim equal to "
                      f"{tau.dim()} and input.ndim is equal to {input.dim()}")
    if input.dim() > 2 and tau._shape[:-1] != input._shape[:-2]:
        raise runtime(f"{op}: Expected batch dimensions of tau to be equal to input.shape[:-2], but got "
                      f"{_shape_list(tau._shape[:-1])}")
    if tau.dtype is not input.dtype:
        raise runtime(f"{op}: tau dtype {dtypes.SCALAR_NAMES[tau.dtype.name]} does not match input dtype "
                      f"{dtypes.SCALAR_NAMES[input.dtype.name]}")
    if input.dtype not in (dtypes.float32, dtypes.float64, dtypes.complex64, dtypes.complex128):
        raise not_implemented_for("orgqr_cpu", input.dtype)
    out = _fortran(orgqr_values(input._np, tau._np, n) if input._np.size else np.array(input._np), input.dtype)
    if needs_grad(input, tau):
        attach(out, LinalgHouseholderProductBackward0(input, tau, out))
    return out


def orgqr(input, input2):
    """torch.orgqr / Tensor.orgqr: householder_product under its old names."""
    return householder_product(input, input2)


# ------------------------------------------------------------------ symmetric eigendecomposition

class LinalgEighBackward0(InputNode):
    """linalg_eig_backward (Hermitian) in FunctionsManual.cpp."""
    n_outputs = 2
    saved_names = ("eigenvalues", "eigenvectors")

    def output_grads(self, grads):
        """(gL, gV), gV None where only the eigenvalues are a result (eigvalsh, eigvals); None if neither flows."""
        gL, gV = grads[0], grads[1] if self.n_outputs == 2 else None
        return None if gL is None and gV is None else (gL, gV)

    def backward(self, grads):
        flowing = self.output_grads(grads)
        if flowing is None:
            return (None,)
        gL, gV = flowing
        L, V = self.unpack()
        if gV is None:
            return ((V * gL.unsqueeze(-2)) @ V.mH,)
        VhgV = V.mH @ gV
        if V.dtype.category == 3:
            _check_phase(np.diagonal(VhgV._np, 0, -2, -1), "linalg_eigh_backward")
        VhgV = 0.5 * (VhgV - VhgV.mH)
        E = L.unsqueeze(-2) - L.unsqueeze(-1) + _eye(L._shape[-1], L)
        gA = VhgV / E
        if gL is not None:  # (the diagonal is gL: a complex one's imaginary part, checked small, is dropped)
            if gA.dtype.category == 3:
                gA = gA - _diag_embed(gA.diagonal(0, -2, -1))
            gA = gA + _diag_embed(gL)
        return (V @ (gA @ V.mH),)


def _eigh_values(A, UPLO, op="linalg.eigh", vectors=True):
    if len(UPLO) != 1 or UPLO.upper() not in ("L", "U"):  # (ATen reads the one letter through toupper)
        raise runtime(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    UPLO = UPLO.upper()
    check_square(op, A)
    _lapack_dtype("linalg_eigh_cpu", A)
    if A._np.size == 0:
        return np.zeros(A._shape[:-1], A.dtype.to_real().np), np.zeros(A._shape, A.dtype.np)
    with np.errstate(all="ignore"):
        if A._shape[-1] == 2 and A.dtype in (dtypes.float32, dtypes.float64):
            small = _symmetric_2x2_eigh(A._np, UPLO, vectors)
            if small is not None:
                return small
        return np.linalg.eigh(A._np, UPLO=UPLO)


def _symmetric_2x2_eigh(a, UPLO, vectors):
    """syevd of real symmetric 2x2 matrices as LAPACK computes it: the tridiagonal form is the matrix itself (Q = I),
    then steqr's (with vectors) or sterf's (without) one step: laev2's eigenvalues and rotation, or, where the
    off-diagonal is negligible next to the diagonal, the diagonal as it is; then sorted ascending with their columns.
    Measured: PyTorch's float32 and float64 eigenvalues of 300 random and integer matrices all match (numpy's float32
    ssyevd differs in the last bits), the eigenvectors all but the diagonal ones, which this deflation now serves.
    None (numpy's eigh then) where LAPACK would scale the matrix first (entries far from 1) or one is not finite."""
    T = a.dtype.type
    d0, d1 = a[..., 0, 0], a[..., 1, 1]
    b = a[..., 1, 0] if UPLO == "L" else a[..., 0, 1]
    finfo = np.finfo(a.dtype)
    eps, safmin = finfo.eps / 2, finfo.tiny
    big = np.maximum(np.maximum(np.abs(d0), np.abs(d1)), np.abs(b))
    if not np.isfinite(big).all() or (big[big != 0] < np.sqrt(safmin) / (eps * eps)).any() or \
            (big > np.sqrt(1 / safmin) / 3).any():
        return None
    one, half = T(1), T(0.5)
    sm, df, tb = d0 + d1, d0 - d1, b + b
    adf, ab = np.abs(df), np.abs(tb)
    acmx = np.where(np.abs(d0) > np.abs(d1), d0, d1)
    acmn = np.where(np.abs(d0) > np.abs(d1), d1, d0)
    rt = np.where(adf > ab, adf * np.sqrt(one + (ab / adf) ** 2),
                  np.where(adf < ab, ab * np.sqrt(one + (adf / ab) ** 2), ab * np.sqrt(T(2))))
    rt1 = np.where(sm < 0, half * (sm - rt), np.where(sm > 0, half * (sm + rt), half * rt))
    rt2 = np.where(sm == 0, -half * rt, (acmx / rt1) * acmn - (b / rt1) * b)
    if vectors:  # (steqr: e negligible when e^2 <= eps^2 |d0| |d1| + safmin)
        flat = np.abs(b) ** 2 <= (T(eps * eps) * np.abs(d0)) * np.abs(d1) + T(safmin)
    else:  # (sterf: |e| <= sqrt|d0| sqrt|d1| eps)
        flat = np.abs(b) <= (np.sqrt(np.abs(d0)) * np.sqrt(np.abs(d1))) * T(eps)
    sgn1 = np.where(sm < 0, -1, 1)
    cs = np.where(df >= 0, df + rt, df - rt)
    sgn2 = np.where(df >= 0, 1, -1)
    ct = -tb / cs
    tn = -cs / tb
    sn_a = one / np.sqrt(one + ct * ct)
    cs_b = one / np.sqrt(one + tn * tn)
    wide = np.abs(cs) > ab
    cs1 = np.where(wide, ct * sn_a, np.where(ab == 0, one, cs_b))
    sn1 = np.where(wide, sn_a, np.where(ab == 0, T(0), tn * cs_b))
    cs1, sn1 = np.where(sgn1 == sgn2, -sn1, cs1), np.where(sgn1 == sgn2, cs1, sn1)
    first, second = np.where(flat, d0, rt1), np.where(flat, d1, rt2)
    c, s = np.where(flat, one, cs1), np.where(flat, T(0), sn1)
    zero = T(0)  # (lasr's rotation of the identity's two columns, its products and zeros' signs as they fall)
    V = np.stack([np.stack([s * zero + c * one, s * one + c * zero], -1),
                  np.stack([c * zero - s * one, c * one - s * zero], -1)], -1)  # (columns: rt1's, rt2's)
    swap = second < first
    w = np.stack([np.where(swap, second, first), np.where(swap, first, second)], -1)
    V = np.where(swap[..., None, None], V[..., ::-1], V)
    return w.astype(a.dtype), V.astype(a.dtype)


@fp32_op
def eigh(A, UPLO="L"):
    w, v = _eigh_values(A, UPLO)
    L, V = _dense(w, A.dtype.to_real()), _fortran(v, A.dtype)
    if needs_grad(A):
        _attach_many(LinalgEighBackward0(A), (L, V), ((L, True), (V, True)))
    return Eigh((L, V))


@fp32_op
def eigvalsh(A, UPLO="L"):
    w, v = _eigh_values(A, UPLO, vectors=needs_grad(A))  # (without a gradient syevd is asked for values only)
    L = _dense(w, A.dtype.to_real())
    if needs_grad(A):  # (PyTorch runs linalg_eigh when A requires grad: the eigenvectors are the node's output 1,
        V = _fortran(v, A.dtype)  # saved with that history, so a double backward reaches A through them too)
        _attach_many(LinalgEighBackward0(A), (L, V), ((L, True), (V, True)))
    return L


# ------------------------------------------------------------------ general eigendecomposition (geev)

def _check_phase(diag, op):
    """The loss may not depend on the eigenvectors' phases: Im(diag(V^H gV)) about 0."""
    if not np.allclose(diag.imag, 0, rtol=1e-2, atol=1e-2):
        raise runtime(f"{op}: The eigenvectors in the complex case are specified up to multiplication by e^{{i phi}}. "
                      "The specified loss function depends on this quantity, so it is ill-defined.")


class LinalgEigBackward0(LinalgEighBackward0):
    """linalg_eig_backward (not Hermitian) in FunctionsManual.cpp, computed in numpy: V^-H (the gradient projected
    onto unit-norm columns, divided by conj(L_j - L_i), its diagonal gL) V^H; a real A takes the real part."""
    saved_names = LinalgEighBackward0.saved_names  # (named on each class: the names are read from its own body)

    def backward(self, grads):
        flowing = self.output_grads(grads)
        if flowing is None:
            return (None,)
        gL, gV = flowing
        if autograd._grad_enabled[0]:
            raise runtime("tensorsh: the double backward of linalg.eig is not supported yet")
        L, V = (t._np for t in self.unpack())
        Vh = np.conj(np.swapaxes(V, -1, -2))
        if gV is None:
            gA = np.linalg.solve(Vh, gL._np[..., :, None] * Vh)
        else:
            VhgV = Vh @ gV._np
            diag = np.diagonal(VhgV, 0, -2, -1)
            _check_phase(diag, "linalg_eig_backward")
            VhgV = VhgV - Vh @ (V * diag.real[..., None, :])
            E = np.conj(L)[..., None, :] - np.conj(L)[..., :, None]
            idx = np.arange(L.shape[-1])
            E[..., idx, idx] = 1
            gA = VhgV / E
            if gL is not None:
                gA[..., idx, idx] = gL._np
            gA = np.linalg.solve(Vh, gA @ Vh)
        dt = self.input_dtype
        return (from_numpy(np.ascontiguousarray(gA if dt.category == 3 else gA.real, dt.np), dt),)


def _eig_values(op, A):
    if A.dtype.category < 2:  # (toComplexType of the result's dtype, before any check)
        raise runtime(f"Unknown Complex ScalarType for {dtypes.SCALAR_NAMES[A.dtype.name]}")
    check_square(op, A)
    if A.dtype.name not in ("float32", "float64", "complex64", "complex128"):
        if A.dtype is dtypes.float16:  # (its complex results are allocated, as ComplexHalf, before the dispatch)
            warn_once("ComplexHalf support is experimental and many operators don't support it yet.")
        raise not_implemented_for("linalg_eig_out_cpu", A.dtype)
    if not np.isfinite(A._np).all():
        raise runtime("torch.linalg.eig: input tensor should not contain infs or NaNs.")
    dt = A.dtype if A.dtype.category == 3 else A.dtype.to_complex()
    if A._np.size == 0:
        return np.zeros(A._shape[:-1], dt.np), np.zeros(A._shape, dt.np), dt
    w, v = np.linalg.eig(A._np)
    return w.astype(dt.np), v.astype(dt.np), dt


def _eig_node(A):
    node = LinalgEigBackward0(A)
    node.input_dtype = A.dtype  # (a real A's gradient is the real part)
    return node


def eig(A):
    w, v, dt = _eig_values("linalg.eig", A)
    L, V = _dense(w, dt), _fortran(v, dt)
    if needs_grad(A):
        _attach_many(_eig_node(A), (L, V), ((L, True), (V, True)))
    return Eig((L, V))


def eigvals(A):
    w, v, dt = _eig_values("linalg.eigvals", A)
    L = _dense(w, dt)
    if needs_grad(A):  # (PyTorch runs linalg_eig when A requires grad: the eigenvectors are the node's output 1,
        V = _fortran(v, dt)  # saved with that history, as eigvalsh's)
        _attach_many(_eig_node(A), (L, V), ((L, True), (V, True)))
    return L


# ------------------------------------------------------------------ SVD

class LinalgSvdBackward0(InputNode):
    """svd_backward in FunctionsManual.cpp."""
    fields, n_outputs = ("full_matrices", "k"), 3
    saved_names, saved_values = ("S", "U", "Vh"), {"full_matrices": "full_matrices", "S_sym_argsize_minus_1": "k"}

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
        UhgU = None if gU is None else U.mH @ gU
        UhgU = None if UhgU is None else UhgU - UhgU.mH
        VhgV = None if gVh is None else Vh @ gVh.mH
        VhgV = None if VhgV is None else VhgV - VhgV.mH
        complex_ = U.dtype.category == 3
        if complex_:  # (the loss may not depend on the phases: Im diag(U^H gU) = -Im diag(V^H gV))
            im_u, im_v = (np.zeros(S._shape) if t is None else np.diagonal(t._np, 0, -2, -1).imag for t in (UhgU, VhgV))
            if not np.allclose(im_u, -im_v, rtol=1e-2, atol=1e-2):
                raise runtime("svd_backward: The singular vectors in the complex case are specified up to "
                              "multiplication by e^{i phi}. The specified loss function depends on this phase term, "
                              "making it ill-defined.")
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
        if complex_ and gU is not None:
            gA = gA + (UhgU.diagonal(0, -2, -1) / (2. * S)).diag_embed()
        if m > n and gU is not None:
            gA = U @ gA
            gUSinv = gU / S.unsqueeze(-2)
            gA = gA + gUSinv - U @ (U.mH @ gUSinv)
            return (gA @ Vh,)
        if m < n and gVh is not None:
            gA = gA @ Vh
            SinvgVh = gVh / S.unsqueeze(-1)
            gA = gA + SinvgVh - (SinvgVh @ Vh.mH) @ Vh
            return (U @ gA,)
        return (U @ (gA @ Vh) if m >= n else (U @ gA) @ Vh,)


def _svd_values(A, full_matrices, compute_uv=True, op="linalg.svd", driver=None):
    check_matrix(op, A)
    _floating(op, A)
    m, n = A._shape[-2:]
    k = min(m, n)
    batch = A._shape[:-2]
    if A._np.size == 0:  # (_linalg_svd_out returns before the kernel: any floating dtype, any driver)
        mu, nv = (m, n) if full_matrices else (k, k)
        return (np.broadcast_to(np.eye(m, mu, dtype=A.dtype.np), batch + (m, mu)),
                np.zeros(batch + (k,), A.dtype.to_real().np),
                np.broadcast_to(np.eye(nv, n, dtype=A.dtype.np), batch + (nv, n)))
    if driver is not None:
        raise runtime("torch.linalg.svd: keyword argument `driver=` is only supported on CUDA inputs with cuSOLVER "
                      "backend.")
    _lapack_dtype("linalg_svd_cpu", A)
    check_svd_input(A._np)
    with np.errstate(all="ignore"):
        s = singular_values(A._np)  # (float32: as MKL's bidiagonal form gives them)
        if not compute_uv:
            return None, np.linalg.svd(A._np, compute_uv=False) if s is None else s, None
        u, s_np, vh = np.linalg.svd(A._np, full_matrices=full_matrices)
        return u, s_np if s is None else s, vh


def check_svd_input(a):
    """gesdd's failure on a NaN (an infinity gives NaNs, no error), with the batch element."""
    bad = np.isnan(a).any((-2, -1))
    if bad.any():
        where = f"(Batch element {int(np.flatnonzero(bad)[0])}): " if a.ndim > 2 else ""
        raise make("torch._C._LinAlgError", f"linalg.svd: {where}The algorithm failed to converge because the input "
                                            "matrix contained non-finite values.")


@fp32_op
def svd(A, full_matrices=True, *, driver=None):
    u, s, vh = _svd_values(A, full_matrices, driver=driver)
    U, S, Vh = _fortran(u, A.dtype), _dense(s, A.dtype.to_real()), _fortran(vh, A.dtype)
    if needs_grad(A):
        node = LinalgSvdBackward0(A, full_matrices, S._shape[-1])
        _attach_many(node, (U, S, Vh), ((S, True), (U, True), (Vh, True)))
    return SVD((U, S, Vh))


@fp32_op
def svdvals(A, *, driver=None):
    if not needs_grad(A):
        return _dense(_svd_values(A, False, compute_uv=False, driver=driver)[1], A.dtype.to_real())
    return svd(A, full_matrices=False, driver=driver)[1]  # (PyTorch computes U and Vh when A requires grad, for the backward)


def svd_legacy(self, some=True, compute_uv=True):
    """torch.svd / Tensor.svd: V (not Vh), as a conjugate-transposed view of linalg.svd's Vh; zeros for U and V when
    compute_uv=False."""
    if self.dim() < 2:
        raise runtime(f"linalg.svd: input should have at least 2 dimensions, but has {self.dim()} dimensions instead")
    if compute_uv:
        U, S, Vh = svd(self, full_matrices=not some)
        return LegacySVD((U, S, Vh.mH))
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
    check_square(op, self)
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


def vecdot(x, y, *, dim=-1, out=None):
    """ATen's linalg_vecdot: checkFloatingOrComplex, equal dtypes, then vdot of two vectors (VdotBackward0, dim
    unread), else (x.conj() * y).sum(dim) (MulBackward0 and SumBackward1 nodes); out= must have their dtype and
    is vdot_out's or sum_out's."""
    if AUTOCAST[0]:
        return autocast.lower(vecdot, x, y, dim=dim, out=out)
    if x.dtype.category < 2:
        raise runtime(f"linalg.vecdot: Expected a floating point or complex tensor as input. Got "
                      f"{dtypes.SCALAR_NAMES[x.dtype.name]}")
    if x.dtype is not y.dtype:
        raise runtime(f"linalg.vecdot: Expected x and y to have the same dtype, but found x of type "
                      f"{dtypes.SCALAR_NAMES[x.dtype.name]} and y of type {dtypes.SCALAR_NAMES[y.dtype.name]} instead")
    if out is not None:
        if out.dtype is not x.dtype:
            raise runtime(f"linalg.vecdot: Expected out of dtype{dtypes.SCALAR_NAMES[x.dtype.name]} but found "
                          f"{dtypes.SCALAR_NAMES[out.dtype.name]}")
        from .copies import copy_into_out
        vectors = x.dim() == 1 and y.dim() == 1
        with autograd.no_grad():
            result = vecdot(x, y, dim=dim)
        return copy_into_out(out, result, (x, y), "vdot" if vectors else "sum", resize_first=vectors)
    if x.dim() == 1 and y.dim() == 1:
        return x.vdot(y)
    return (x.conj() * y).sum(dim)

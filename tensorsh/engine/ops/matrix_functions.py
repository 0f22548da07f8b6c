"""Functions of matrices built on the factorizations (torch.linalg.multi_dot / pinv / matrix_rank / cond / matrix_exp /
lstsq, the 'nuc', 2 and -2 matrix norms, torch.pinverse / matrix_exp) as ATen composes them, with PyTorch's nodes
where ATen has its own (pinv, matrix_exp, lstsq) and their backward formulas."""
import functools
import math

import numpy as np

from .. import autograd, dtypes
from ..errors import runtime
from ..messages import cpp_double
from ..tensorimpl import Tensor
from .args import check_square
from .core import SavingNode, attach, from_numpy, needs_grad, return_type
from .decompositions import _attach_many, _broadcast_pair, _dense, _floating, _fortran, check_svd_input, svdvals
from ..autocast import fp32_op


def _c_name(dt):
    """A dtype as caffe2's TypeMeta prints it (float, double, long int, c10::complex<float>, ...)."""
    return dtypes.C_NAMES[dt.name]


def _number(p):
    return str(int(p)) if float(p).is_integer() else str(p)


def multi_dot(tensors, out=None):
    """ATen's multi_dot_impl: 1-D ends as a row/column, the cheaper order of three, a chain order beyond, one view
    to the output's shape at the end (so ViewBackward0); out= checked after the inputs, then mm_out's."""
    from .linalg import mm
    if out is not None:
        with autograd.no_grad():
            result = multi_dot(tensors)
        if out.dtype is not result.dtype:
            raise runtime(f"multi_dot(): expected out tensor to have dtype {_c_name(result.dtype)} but got "
                          f"{_c_name(out.dtype)}")
        from .copies import copy_into_out
        return copy_into_out(out, result, tensors, "mm")
    n = len(tensors)
    if n < 2:
        raise runtime(f"multi_dot(): expected at least 2 tensors but got {n}")
    first, last = tensors[0], tensors[-1]
    out_shape = []
    if first.dim() == 1:
        first = first.unsqueeze(0)
    elif first.dim() == 2:
        out_shape.append(first._shape[0])
    else:
        raise runtime(f"multi_dot(): the first tensor must be 1D or 2D but got {first.dim()}D")
    if last.dim() == 1:
        last = last.unsqueeze(-1)
    elif last.dim() == 2:
        out_shape.append(last._shape[1])
    else:
        raise runtime(f"multi_dot(): the last tensor must be 1D or 2D but got {last.dim()}D")
    ts = [first] + list(tensors[1:-1]) + [last]
    for i in range(1, n - 1):
        if tensors[i].dim() != 2:
            raise runtime(f"multi_dot(): tensor {i} must be 2D but got {tensors[i].dim()}D")
    for i in range(1, n):
        if ts[i].dtype is not ts[0].dtype:
            raise runtime(f"multi_dot(): all tensors must have be the same dtype but tensor 0 is "
                          f"{_c_name(ts[0].dtype)} and tensor {i} {_c_name(ts[i].dtype)}")
        if ts[i - 1]._shape[-1] != ts[i]._shape[0]:
            raise runtime(f"multi_dot(): tensors {i - 1} and {i} with shapes {list(tensors[i - 1]._shape)} and "
                          f"{list(tensors[i]._shape)} cannot be multiplied")
    if n == 2:
        return mm(ts[0], ts[1]).view(out_shape)
    if n == 3:
        a, b, c, d = ts[0]._shape[0], ts[1]._shape[0], ts[2]._shape[0], ts[2]._shape[1]
        if (a * c) * (b + d) > (b * d) * (a + c):
            return mm(ts[0], mm(ts[1], ts[2])).view(out_shape)
        return mm(mm(ts[0], ts[1]), ts[2]).view(out_shape)
    p = [t._shape[0] for t in ts] + [ts[-1]._shape[1]]
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = None
            for k in range(i, j):
                q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if cost[i][j] is None or q < cost[i][j]:
                    cost[i][j], split[i][j] = q, k

    def chain(i, j):
        return ts[i] if i == j else mm(chain(i, split[i][j]), chain(split[i][j] + 1, j))
    return chain(0, n - 1).view(out_shape)


def _pinv_values(a, atol, rtol, hermitian):
    """ATen's linalg_pinv: singular values (or |eigenvalues|) above max(atol, rtol * largest) inverted."""
    m, n = a.shape[-2:]
    eps = np.finfo(a.dtype).eps
    real = type(eps)  # (the tolerances compare real singular values or eigenvalues)
    if rtol is None:
        rtol = 0.0 if atol is not None and atol > 0 else eps * max(m, n)
    atol = 0.0 if atol is None else atol
    with np.errstate(all="ignore"):
        if hermitian:
            w, v = np.linalg.eigh(a)
            top = np.abs(w).max(-1, keepdims=True)
            tol = np.maximum(real(atol), real(rtol) * top)
            winv = np.where(np.abs(w) > tol, 1 / w, 0).astype(a.dtype)
            return (v * winv[..., None, :]) @ _adjoint(v)
        check_svd_input(a)
        u, s, vh = np.linalg.svd(a, full_matrices=False)
        s = _float32_singular_values(a, s)
        top = s[..., :1]
        tol = np.maximum(real(atol), real(rtol) * top)
        sinv = np.where(s > tol, 1 / s, 0).astype(a.dtype)
        return (_adjoint(vh) * sinv[..., None, :]) @ _adjoint(u)


def _adjoint(a):
    return np.conj(np.swapaxes(a, -1, -2))


class LinalgPinvBackward0(SavingNode):
    """pinv_backward in FunctionsManual.cpp."""
    saved_names = ("self", "result")

    def backward(self, g):
        A, P = self.unpack()
        m, n = A._shape[-2:]
        Ph, gh = P.mH, g.mH
        if m <= n:
            K = gh @ P
            KPh = K @ Ph
            return (-(P @ K).mH + KPh - (A @ P) @ KPh + (Ph @ P) @ (gh - K @ A),)
        K = P @ gh
        PhK = Ph @ K
        return (-(K @ P).mH + ((gh - A @ K) @ P) @ Ph + PhK - (PhK @ P) @ A,)


def _float32_singular_values(a, s):
    """svdvals' float32 singular values (ops/householder.py) where they apply, else s (numpy's, computed here when
    None)."""
    from .householder import singular_values
    mine = singular_values(a)
    if mine is not None:
        return mine
    return np.linalg.svd(a, compute_uv=False) if s is None else s


def _float_or_double(A):
    if A.dtype.name not in ("float32", "float64", "complex64", "complex128"):
        raise runtime("This function doesn't handle types other than float and double")


def _pinv_check(A, op="linalg.pinv"):
    if A.dim() < 2 or A.dtype.name not in ("float32", "float64", "complex64", "complex128"):
        shape = ", ".join(map(str, A._shape))
        raise runtime(f"{op}({dtypes.SCALAR_NAMES[A.dtype.name]}{{[{shape}]}}): expected a tensor with 2 or more "
                      f"dimensions of float, double, cfloat or cdouble types")


@fp32_op
def pinv(A, rcond=None, hermitian=False, *, atol=None, rtol=None):  # (PyTorch's overloads: rcond positional)
    _pinv_check(A)
    if rcond is not None:
        rtol = rcond
    atol, rtol = (float(v._np) if hasattr(v, "_np") else v for v in (atol, rtol))
    if A._np.size == 0:
        values = np.zeros(A._shape[:-2] + (A._shape[-1], A._shape[-2]), A.dtype.np)
    else:
        values = _pinv_values(A._np, atol, rtol, hermitian)
    out = _dense(values, A.dtype)
    if needs_grad(A):
        attach(out, LinalgPinvBackward0(A, out))
    return out


@fp32_op
def pinverse(self, rcond=1e-15):
    return pinv(self, rtol=rcond)


@fp32_op
def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None):  # (PyTorch's overloads: tol positional)
    """The number of singular values (|eigenvalues| when hermitian) above max(atol, rtol * largest)."""
    if A.dim() < 2:
        raise runtime("torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.")
    _float_or_double(A)
    if tol is not None:
        atol, rtol = tol, 0.0
    atol, rtol = (float(v._np) if hasattr(v, "_np") else v for v in (atol, rtol))
    a = A._np
    m, n = a.shape[-2:]
    if a.size == 0:
        return from_numpy(np.zeros(a.shape[:-2], np.int64), dtypes.int64)
    with np.errstate(all="ignore"):
        if not hermitian:
            check_svd_input(a)
        s = np.abs(np.linalg.eigvalsh(a)) if hermitian else \
            _float32_singular_values(a, None) if a.dtype == np.float32 else np.linalg.svd(a, compute_uv=False)
    if rtol is None:
        rtol = 0.0 if atol is not None and atol > 0 else np.finfo(a.dtype).eps * max(m, n)
    atol = 0.0 if atol is None else atol
    tol = np.maximum(s.dtype.type(atol), s.dtype.type(rtol) * s.max(-1, keepdims=True))
    return from_numpy(np.require((s > tol).sum(-1).astype(np.int64), requirements="C"), dtypes.int64)


def matrix_norm(A, ord, dim, keepdim, dtype):
    """linalg.matrix_norm (and torch.norm's string orders but 'fro' over at most two dims), A a tensor: ATen's
    checks, then 'fro' a vector 2-norm, 'nuc'/2/-2 the singular values, 1/inf/-1/-inf column (row) sums."""
    from .. import messages
    from .reductions import check_norm_dtype, vector_norm_call
    dim = list(dim)
    if not isinstance(ord, str) and abs(ord) not in (1, 2, math.inf):
        raise runtime(messages.MATRIX_NORM_ORDER.format(int(ord) if float(ord).is_integer() else ord))
    if isinstance(ord, str) and ord not in ("fro", "nuc"):
        raise runtime(messages.MATRIX_NORM_ORDER.format(ord))
    if A.dim() < 2:
        raise runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    if A.dtype.category < 2:
        raise runtime(f"linalg.matrix_norm: Expected a floating point or complex tensor as input. Got "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]}")
    if A.dtype.itemsize == 2 and (ord == "nuc" or not isinstance(ord, str) and abs(ord) == 2):  # (SVD's orders)
        raise runtime(f"linalg.matrix_norm: Low precision dtypes not supported. Got {dtypes.SCALAR_NAMES[A.dtype.name]}")
    if len(dim) != 2:
        raise runtime("linalg.matrix_norm: dim must be a 2-tuple. Got " + " ".join(map(str, dim)))
    dim = [A._wrap_dim(d) for d in dim]
    if dim[0] == dim[1]:
        raise runtime(f"linalg.matrix_norm: dims must be different. Got ({dim[0]}, {dim[1]})")
    check_norm_dtype("linalg.matrix_norm", dtype, A.dtype)
    if ord == "fro":
        return vector_norm_call(A, 2, dim, keepdim, dtype, None)
    if ord == "nuc" or abs(ord) == 2:
        return svd_norm(A, ord, dim, keepdim, dtype)
    if ord in (math.inf, -math.inf):  # (the infinity norm is the 1-norm of the transpose)
        dim = dim[::-1]
    if not keepdim and dim[0] < dim[1]:
        dim[1] -= 1
    sums = vector_norm_call(A, 1.0, [dim[0]], keepdim, dtype, None)
    return _largest(sums, dim[1], keepdim) if ord > 0 else sums.amin(dim[1], keepdim)


def _largest(t, dim, keepdim):
    """amax, but 0 (a new tensor, outside the graph) over an empty dim, as the positive matrix norms give for an
    empty matrix (where amin raises amax's error)."""
    if t._shape[dim]:
        return t.amax(dim, keepdim)
    d = t._wrap_dim(dim)
    shape = t._shape[:d] + ((1,) if keepdim else ()) + t._shape[d + 1:]
    return from_numpy(np.zeros(shape, t.dtype.np), t.dtype)


def svd_norm(A, ord, dim, keepdim, dtype):
    """linalg.matrix_norm of order 'nuc', 2 or -2: the singular values of A with `dim` moved last, summed or their
    largest/smallest (PyTorch's permute, svdvals, sum/amax/amin)."""
    if dtype is not None:
        A = A.to(dtype)
    rest = [d for d in range(A.dim()) if d not in dim]
    order = rest + list(dim)
    s = svdvals(A.permute(order))
    if ord == "nuc":
        result = s.sum(-1, keepdim)
        if keepdim:
            result = result.unsqueeze(-1)
    else:
        result = _largest(s, -1, keepdim) if ord > 0 else s.amin(-1, keepdim)
        if keepdim:
            result = result.unsqueeze(-1)
    if keepdim:
        result = result.permute([order.index(d) for d in range(A.dim())])
    return result


@fp32_op
def cond(A, p=None):
    """ATen's linalg_cond: the ratio of extreme singular values for p None/2/-2, else norm(A) * norm(A^-1) (a
    singular A: infinity). A string order checks the square matrix first; a number order checks the dimensions,
    the order, and returns zeros for an empty input before it checks squareness (named by std::to_string)."""
    if isinstance(p, str):
        check_square(f"linalg.cond(ord={p})", A)
        if p not in ("fro", "nuc"):
            raise runtime(f"linalg.cond got an invalid norm type: {p}")
    else:
        if A.dim() < 2:
            raise runtime("linalg.cond: The input tensor must have at least 2 dimensions.")
        order = 2.0 if p is None else float(p)
        if abs(order) not in (1.0, 2.0, math.inf):
            raise runtime(f"linalg.cond got an invalid norm type: {cpp_double(order)}")
    if not A.numel():  # (_linalg_cond_empty_matrix: zeros of the batch shape)
        return from_numpy(np.zeros(A._shape[:-2], A.dtype.to_real().np), A.dtype.to_real())
    if p is None or (not isinstance(p, str) and abs(p) == 2):
        s = svdvals(A)
        hi, lo = s.narrow(-1, 0, 1), s.narrow(-1, s._shape[-1] - 1, 1)
        return (lo / hi if p == -2 else hi / lo).squeeze(-1)
    if not isinstance(p, str):  # (std::to_string of a double order: 1.000000, inf; of an integer one: 1)
        check_square(f"linalg.cond(ord={f'{float(p):f}' if isinstance(p, float) else int(p)})", A)
    from .solvers import inv_ex
    from ..namespaces import matrix_norm
    inverse, info = inv_ex(A)
    mask = info.unsqueeze(-1).unsqueeze(-1) > 0
    if p == "nuc":  # (its norms are of the singular values: no fill of the inverse inv_ex's backward saved)
        inverse = inverse.masked_fill(mask, float("inf"))
    else:  # (ATen's masked_fill_ on the inverse LinalgInvEx saved: a backward through it finds version 1)
        inverse.masked_fill_(mask, float("inf"))
    result = matrix_norm(A, p) * matrix_norm(inverse, p)
    return result if p == "nuc" else result.nan_to_num(float("inf"), float("inf"), float("-inf"))


_THETAS = {np.dtype(np.float32): (1.192092800768788e-07, 5.978858893805233e-04, 5.116619363445086e-02,
                                   5.800524627688768e-01, 1.461661507209034e+00, 3.010066362817634e+00),
           np.dtype(np.float64): (2.220446049250313e-16, 2.580956802971767e-08, 3.397168839976962e-04,
                                   4.991228871115323e-02, 2.996158913811580e-01, 1.090863719290036e+00)}
_B12 = ((9.0198e-16, 0.46932117595418237389, -0.20099424927047284052, -0.04623946134063071740),
        (5.31597895759871264183, 1.19926790417132231573, 0.01179296240992997031, 0.01108844528519167989),
        (0.18188869982170434744, 0.05502798439925399070, 0.09351590770535414968, 0.00610700528898058230),
        (-2.0861320e-13, -0.13181061013830184015, -0.02027855540589259079, -0.00675951846863086359))
_B18 = ((0., -1.00365581030144618291e-01, -8.02924648241156932449e-03, -8.92138498045729985177e-04, 0.),
        (0., 3.97849749499645077844e-01, 1.36783778460411720168e+00, 4.98289622525382669416e-01,
         -6.37898194594723280150e-04),
        (-1.09676396052962061844e+01, 1.68015813878906206114e+00, 5.71779846478865511061e-02,
         -6.98210122488052056106e-03, 3.34975017086070470649e-05),
        (-9.04316832390810593223e-02, -6.76404519071381882256e-02, 6.75961301770459654925e-02,
         2.95552570429315521194e-02, -1.39180257516060693404e-05),
        (0., 0., -9.23364619367118555360e-02, -1.69364939002081722752e-02, -1.40086798182036094347e-05))


class _InPrecision:
    """mexp's arithmetic in the input's own float or double (scalar_t of mexp_impl is the input's): numpy's."""
    add = staticmethod(np.add)

    @staticmethod
    def mm(x, y):  # (mexp views the input as a batch: bmm's kernels, PyTorch's order)
        from .linalg import _matmul_np
        return _matmul_np(x[None], y[None])[0]

    round = None

    def __init__(self, dtype):
        self.type = dtype.type  # (the C++ scalar_t the constants are computed in)

    def coefficients(self, values):
        return np.asarray(values, np.float64).astype(self.type)

    def combination(self, As, values):
        """ATen's _compute_linear_combination of As with one blob's coefficients."""
        return self.linear(As, self.coefficients(values))

    def linear(self, As, coeffs):
        total = np.zeros_like(As[0])
        for c, x in zip(coeffs, As):
            total = total + c * x
        return total

    def sum(self, As):
        return functools.reduce(np.add, As)

    def scale(self, m, norm, theta):
        scale = int(max(0.0, np.ceil(np.log2(norm / theta))))
        return m / m.dtype.type(2.0 ** scale), scale


class _ReducedPrecision(_InPrecision):
    """mexp of float16 / bfloat16 (values kept as float32): mexp's else branch takes scalar_t = double, so every
    coefficient blob (a C++ double array) is read by from_blob as 16-bit values of the input's dtype (the doubles'
    bytes: PyTorch's matrix_exp of a half matrix gives such numbers as -20896 for the identity); each operation
    computes in float and rounds to the dtype."""

    def __init__(self, dt):
        self.type, self.round, self.dt = np.float64, dtypes.rounding(dt), dt

    def coefficients(self, values):
        values = np.asarray(values, np.float64)
        bits = values.reshape(-1).view(np.uint16)[:values.size].reshape(values.shape)
        if self.dt is dtypes.bfloat16:
            return (bits.astype(np.uint32) << np.uint32(16)).view(np.float32)
        return bits.view(np.float16).astype(np.float32)

    def mm(self, x, y):  # (the CPU gemm of a 16-bit dtype: float sums in k's order, no fused multiply-add)
        out = x[..., :, :1] * y[..., :1, :]
        for k in range(1, x.shape[-1]):
            out = out + x[..., :, k:k + 1] * y[..., k:k + 1, :]
        return self.round(out)

    def add(self, x, y):
        return self.round(x + y)

    def linear(self, As, coeffs):  # (c10::Half's operators: the product rounded, then the sum)
        total = np.zeros_like(As[0])
        for c, x in zip(coeffs, As):
            total = self.round(total + self.round(x * c))
        return total

    def sum(self, As):
        return self.round(functools.reduce(np.add, As))

    def scale(self, m, norm, theta):  # (norm / theta in float rounded, its log2 rounded, then 2^-s: exact)
        q = self.round(np.float32(norm) / np.float32(theta))
        scale = int(max(0.0, np.ceil(self.round(np.log2(q)))))
        return m * np.float32(2.0 ** -scale), scale


def _powers(a, k, ar):
    """[I, A, A^2, A^3, A^6][:k], as ATen's _fill_matrix_powers."""
    out = [np.broadcast_to(np.eye(a.shape[-1], dtype=a.dtype), a.shape).copy(), a]
    if k > 2:
        out.append(ar.mm(a, a))
    if k > 3:
        out.append(ar.mm(a, out[2]))
    if k > 4:
        out.append(ar.mm(out[3], out[3]))
    return out


def _rows(As, b, ar):
    """The linear combinations of As by each row of the square coefficient array b (one from_blob)."""
    return [ar.linear(As, row) for row in ar.coefficients(b)]


def _taylor(a, degree, ar):
    """ATen's compute_T1 ... compute_T18 (Bader, Blanes and Casas's optimized Taylor polynomials), in ar's
    arithmetic."""
    if degree == 1:
        return ar.sum(_powers(a, 2, ar))
    if degree == 2:
        I, A, A2 = _powers(a, 3, ar)
        return ar.sum([I, A, A2 / a.dtype.type(2)])
    if degree == 4:
        As = _powers(a, 3, ar)
        return ar.combination(As + [ar.mm(As[2], ar.combination(As, (1 / 2.0, 1 / 6.0, 1 / 24.0)))],
                              (1.0, 1.0, 0.0, 1.0))
    if degree == 8:
        # (constexpr scalar_t constants of double literals: each computed in double from the scalar_t ones before it,
        # then rounded to scalar_t)
        t = ar.type
        sqrt_177 = float(t(0.1330413469565007072504e+2))
        x3 = float(t(2. / 3.))
        x1, x2 = t(x3 * ((1. + sqrt_177) / 88.)), t(x3 * ((1. + sqrt_177) / 352.))
        x4 = t((-271. + 29. * sqrt_177) / (315. * x3))
        x5 = t((-11. + 11. * sqrt_177) / (1260. * x3))
        x6 = t((-99. + 11. * sqrt_177) / (5040. * x3))
        x7 = t((89. - sqrt_177) / (5040. * x3))
        y2 = t((857. - 58. * sqrt_177) / 630.)
        x3 = t(x3)
        As = _powers(a, 3, ar)
        A4 = ar.mm(As[2], ar.combination(As[1:3], (x1, x2)))
        A8 = ar.mm(ar.combination([As[2], A4], (x3, 1.0)), ar.combination(As + [A4], (x4, x5, x6, x7)))
        return ar.combination(As + [A4, A8], (1.0, 1.0, y2, 0.0, 1.0))
    if degree == 12:
        As = _powers(a, 4, ar)
        Bs = _rows(As, _B12, ar)
        Bs[2] = ar.add(Bs[2], ar.mm(Bs[3], Bs[3]))
        return ar.add(Bs[0], ar.mm(ar.add(Bs[1], Bs[2]), Bs[2]))
    As = _powers(a, 5, ar)
    Bs = _rows(As, _B18, ar)
    Bs[3] = ar.add(Bs[3], ar.mm(Bs[0], Bs[4]))
    return ar.add(Bs[1], ar.mm(ar.add(Bs[2], Bs[3]), Bs[3]))
def _expm(a, ar, thetas):
    """ATen's mexp: by the 1-norm of each matrix, the Taylor polynomial of the least degree that is accurate, beyond
    them degree 18 of A / 2^s squared s times (a batch: all by the latter)."""
    batch = a.reshape((-1,) + a.shape[-2:])
    out = np.empty_like(batch)
    with np.errstate(all="ignore"):
        norms = np.abs(batch).sum(-2).max(-1)
        if ar.round is not None:
            norms = ar.round(norms.astype(np.float32))
        for i, m in enumerate(batch):
            norm = norms[i]
            degree = next((d for d, theta in zip((1, 2, 4, 8, 12), thetas) if norm <= theta), None)
            if len(batch) == 1 and degree is not None and not norm >= thetas[4]:
                out[i] = _taylor(m, degree, ar)
                continue
            if norm != norm and len(batch) == 1:  # (no interval holds a NaN norm: mexp's NaN-filled result)
                out[i] = np.nan
                continue
            m, scale = ar.scale(m, norm, thetas[5])
            result = _taylor(m, 18, ar)
            for _ in range(scale):
                result = ar.mm(result, result)
            out[i] = result
    return out.reshape(a.shape)


class LinalgMatrixExpBackward0(SavingNode):
    """linalg_matrix_exp_differential (adjoint): the top right block of exp([[A^H, G], [0, A^H]])."""
    saves_result = None
    saved_names = ("self",)

    def backward(self, g):
        A, = self.unpack()
        from .joining import cat
        n = A._shape[-1]
        At = A.mH
        meta = cat([cat([At, g], -1), cat([At.new_zeros(At._shape), At], -1)], -2)
        return (matrix_exp(meta)[..., :n, n:],)


def matrix_exp(A):
    check_square("linalg.matrix_exp", A)
    _floating("linalg.matrix_exp", A)
    if A._shape[-1] == 1:  # (mexp's 1x1 case is exp's kernel; the node is still linalg_matrix_exp's)
        from .unary import exp
        out = exp(A.detach())
    else:
        out = _dense(_mexp(A._np, A.dtype), A.dtype)
    if needs_grad(A):
        attach(out, LinalgMatrixExpBackward0(A))
    return out


def _mexp(a, dtype):
    """ATen's mexp on matrices of 2 rows or more: the degree and scaling chosen in the precision it computes in."""
    if not a.size:
        return a.copy()
    if dtype is dtypes.float16 or dtype is dtypes.bfloat16:  # (mexp's double branch, its thresholds rounded)
        ar = _ReducedPrecision(dtype)
        thetas = ar.round(np.array(_THETAS[np.dtype(np.float64)], np.float32))
        return _expm(a.astype(np.float32), ar, thetas)
    real = dtype.to_real().np  # (a complex matrix's norm and thresholds are real)
    return _expm(a, _InPrecision(np.dtype(real)), [real.type(t) for t in _THETAS[np.dtype(real)]])


Lstsq = return_type("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))


class LinalgLstsqBackward0(SavingNode):
    """linalg_lstsq_backward in FunctionsManual.cpp (the solution's part; gelsy gives no residuals)."""
    inputs, fields = 2, ("vector",)  # (A, B, X, vector)
    n_outputs = 4
    saved_names = ("self", "b", "solution")

    def backward(self, grads):
        gX = grads[0]
        if gX is None:
            return None, None
        A, B, _ = self.unpack()
        if self.vector:
            gX, B = gX.unsqueeze(-1), B.unsqueeze(-1)
        P = pinv(A)
        gA = gB = None
        if self.next_functions[0][0] is not None:
            node = LinalgPinvBackward0(A, P)
            gA = node.backward(gX @ B.mH)[0]
        if self.next_functions[1][0] is not None:
            gB = P.mH @ gX
            if self.vector:
                gB = gB.squeeze(-1)
        return gA, gB


@fp32_op
def lstsq(A, B, rcond=None, *, driver=None):
    op = "torch.linalg.lstsq"
    # (linalg_lstsq_out's order: the dims, one dtype, B's dims against A's, the sizes, the driver, then the dtype)
    if A.dim() < 2:
        raise runtime(f"{op}: input must have at least 2 dimensions.")
    if B.dim() < 1:
        raise runtime(f"{op}: other must have at least 1 dimension.")
    if A.dtype is not B.dtype:
        raise runtime(f"{op}: Expected input and other to have the same dtype, but got input's dtype "
                      f"{dtypes.SCALAR_NAMES[A.dtype.name]} and other's dtype {dtypes.SCALAR_NAMES[B.dtype.name]}")
    if not 0 <= A.dim() - B.dim() <= 1:
        raise runtime(f"{op}: input.dim() must be greater or equal to other.dim() and (input.dim() - other.dim()) <= 1")
    vector = B.dim() == A.dim() - 1
    b = B._np[..., None] if vector else B._np
    if b.shape[-2] != A._shape[-2]:  # (B's size in its last dim when it is a vector)
        raise runtime(f"{op}: input.size(-2) should match other.size(-{1 if vector else 2})")
    if driver not in (None, "gelsy", "gelsd", "gelss", "gels"):
        raise runtime(f"{op}: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    _float_or_double(A)
    a, b, batch = _broadcast_pair(A._np, b)
    m, n = a.shape[-2:]
    driver = driver or "gelsy"  # (the CPU's default)
    eps = np.finfo(a.dtype).eps
    rcond = eps * max(m, n) if rcond is None else rcond
    with np.errstate(all="ignore"):
        u, s, vh = np.linalg.svd(a, full_matrices=False) if a.size else (None, np.zeros(batch + (0,), type(eps)), None)
        if a.size:
            keep = s > rcond * s[..., :1]
            sinv = np.where(keep, 1 / s, 0).astype(a.dtype)
            x = (_adjoint(vh) * sinv[..., None, :]) @ (_adjoint(u) @ b)
            rank = keep.sum(-1)
        else:
            x = np.zeros(batch + (n, b.shape[-1]), a.dtype)
            rank = np.zeros(batch, np.int64)
    X = _lstsq_solution(x, max(m, n), A.dtype)
    if vector:
        X = X.squeeze(-1)
    dt, real = A.dtype, A.dtype.to_real()  # (residuals and singular values are real)
    residuals = from_numpy(np.zeros(0, real.np), real)
    # (ATen: residuals only when m > n, not from gelsy, and for gelsd/gelss only when every matrix has rank n: the
    # squares of the rows n: of Q^T B that LAPACK leaves below the solution, summed)
    if m > n and driver != "gelsy" and a.size and (driver == "gels" or (rank == n).all()):
        q = np.linalg.qr(a, mode="complete")[0]
        tail = _adjoint(q[..., :, n:]) @ b
        residuals = from_numpy(np.require((tail * np.conj(tail)).real.sum(-2), real.np, requirements="C"), real)
    ranks = from_numpy(np.zeros(0, np.int64) if driver == "gels" else np.require(rank.astype(np.int64),
                                                                                   requirements="C"), dtypes.int64)
    svals = from_numpy(np.require(s, real.np, requirements="C"), real) if driver in ("gelsd", "gelss") else \
        from_numpy(np.zeros(0, real.np), real)
    outs = (X, residuals, ranks, svals)
    if needs_grad(A, B):
        _attach_many(LinalgLstsqBackward0(A, B, X, vector), (X, residuals), ((A, False), (B, False), (X, True)))
    return Lstsq(outs)


def _lstsq_solution(x, rows, dt):
    """The solution as LAPACK leaves it: the first n rows of B's column-major (..., max(m, n), k) buffer."""
    n = x.shape[-2]
    if rows == n:
        return _fortran(x, dt)
    full = np.zeros(x.shape[:-2] + (rows, x.shape[-1]), dt.np)
    full[..., :n, :] = x
    buf = _fortran(full, dt)
    return buf._alias(x.shape, buf._stride, 0)


# ------------------------------------------------------------------ deprecated spellings (torch.chain_matmul, ...)

def chain_matmul(*matrices, out=None):
    """torch.chain_matmul (torch/functional.py over ATen's): its once-per-process warning, then one matrix cloned or
    linalg.multi_dot."""
    from ..errors import type_error, warn_once
    from .core import Tensor, type_name
    for i, m in enumerate(matrices):
        if not isinstance(m, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {type_name(m)}")
    warn_once("torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use "
              "torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple "
              "parameters.")
    for m in matrices:
        if m.dim() != 2:
            raise runtime(f"Tensor dimension is {m.dim()}, expected 2 instead.")
    if not matrices:
        raise runtime("chain_matmul(): Expected one or more matrices")
    if len(matrices) > 1:
        return multi_dot(list(matrices), out)
    if out is None:
        return matrices[0].clone()
    from .out_dtypes import warn_resized
    from .geometry_inplace import resize_output
    warn_resized(out, matrices[0]._shape)  # (one matrix: resize_output, then copy_, which casts and records)
    resize_output(out, matrices[0]._shape)
    return out.copy_(matrices[0])


def nuclear_norm(input, dim=None, keepdim=False, *, out=None):
    """at::nuclear_norm: its warning (three call sites: without out=, and out= with or without dim), then
    linalg.matrix_norm(input, 'nuc', dim, keepdim), or its composite out=."""
    from ..errors import warn_once
    from .out_dtypes import composite_out
    site = "" if out is None else " out" if dim is None or isinstance(dim, bool) else " out dim"
    if isinstance(dim, bool):  # (nuclear_norm(input, keepdim))
        dim, keepdim = None, dim
    if dim is None:
        dim = (-2, -1)
    elif isinstance(dim, int):  # (int[2] dim: the parser repeats one int)
        dim = (dim, dim)
    message = ("at::nuclear_norm is deprecated and it is just left for JIT compatibility. It will be removed in a "
               "future PyTorch release. Please use `linalg.matrix_norm(A, 'nuc', dim, keepdim)` instead")
    warn_once(message, key=message + site)
    result = matrix_norm(input, "nuc", list(dim), keepdim, None)
    return result if out is None else composite_out("linalg.matrix_norm", out, result)


def frobenius_norm(input, dim, keepdim=False, *, out=None):
    """at::frobenius_norm: its warning (out= warns from a call site of its own), then at::norm(input, 2, dim, keepdim)
    (NormBackward1), or norm's out=."""
    from ..errors import warn_once
    from .reductions import _norm_out, aten_norm
    dim = (dim,) if isinstance(dim, int) else tuple(dim)
    message = ("at::frobenius_norm is deprecated and it is just left for JIT compatibility. It will be removed in a "
               "future PyTorch release. Please use `linalg.vector_norm(A, 2., dim, keepdim)` instead")
    warn_once(message, key=message + ("" if out is None else " out"))
    if len(dim) > 2:
        raise runtime(f"Expected at most 2 dimensions, but got {len(dim)} dimensions instead.")
    if isinstance(input, Tensor) and not input.dtype.is_floating_point:
        raise runtime(f"norm(): input dtype should be either floating point or complex. Got "
                      f"{dtypes.SCALAR_NAMES[input.dtype.name]} instead.")
    if out is not None:
        return _norm_out("norm", lambda a: aten_norm(a, 2.0, dim, keepdim), input, out)
    return aten_norm(input, 2.0, dim, keepdim)

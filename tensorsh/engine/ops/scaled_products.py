"""beta * input + alpha * product: addmv, addr and the method/in-place spellings of addmm (whose function is
linear.py's), with PyTorch's nodes. (Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import autograd, dtypes, errors, kernels
from ..autograd import NOTHING_SAVED, Node, SavedTensor, should_compute_output
from ..errors import runtime, type_error
from ..scalars import checked_scalar, real_scalar
from ..linear import AddmmBackward0, addmm
from .out_dtypes import check_dtypes
from .scalar_arith import times_conj
from ..tensorimpl import Tensor, _shape_list
from .core import (attach, check_inplace, check_internal_overlap, cj, fresh, inference_saved_by, needs_grad,
                   operand_edge, sum_to, type_name, write_inplace)


def _tensors(name, **named):
    for pos, (arg, v) in enumerate(named.items(), 1):
        if not isinstance(v, Tensor):
            raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(v)}")


class ScaledProductBackward(Node):
    """The node of beta * self + alpha * product(a, b) (addmv, addr, baddbmm, addbmm): self's gradient is beta * g
    summed to its shape, a's and b's are the class's `grad_a(g, b)` and `grad_b(g, a)` times alpha. As PyTorch's
    codegen saves them, a is kept only where b wants a gradient and b where a does. (Each node class names its
    saved values: these.)"""
    __slots__ = ("self_shape", "alpha", "beta")
    saved_values = {"alpha": "alpha", "beta": "beta"}

    def __init__(self, x, a, b, beta, alpha):
        Node.__init__(self, (operand_edge(x), operand_edge(a), operand_edge(b)))
        self.self_shape = x._shape
        self.alpha, self.beta = alpha, beta
        self.saved = (SavedTensor(a) if self.next_functions[2][0] else NOTHING_SAVED,
                      SavedTensor(b) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        a, b = self.unpack()
        gx = sum_to(times_conj(g, self.beta), self.self_shape) if self.next_functions[0][0] is not None else None
        ga = times_conj(self.grad_a(g, b), self.alpha) if should_compute_output(self, 1) else None
        gb = times_conj(self.grad_b(g, a), self.alpha) if should_compute_output(self, 2) else None
        return gx, ga, gb


class AddmvBackward0(ScaledProductBackward):
    saved_names, saved_values = ("mat", "vec"), ScaledProductBackward.saved_values
    grad_a, grad_b = staticmethod(lambda g, vec: g.outer(cj(vec))), staticmethod(lambda g, mat: cj(mat.t()).mv(g))


class AddrBackward0(ScaledProductBackward):
    saved_names, saved_values = ("vec1", "vec2"), ScaledProductBackward.saved_values
    grad_a, grad_b = staticmethod(lambda g, vec2: g.mv(cj(vec2))), staticmethod(lambda g, vec1: g.t().mv(cj(vec1)))


def _addmv_values(input, mat, vec, beta, alpha):
    _tensors("addmv", input=input, mat=mat, vec=vec)
    if mat.dim() != 2 or vec.dim() != 1 or input.dim() > 1:
        raise runtime(f"vector + matrix @ vector expected, got {input.dim()}, {mat.dim()}, {vec.dim()}")
    if mat._shape[1] != vec._shape[0] or (input.dim() == 1 and input._shape[0] not in (1, mat._shape[0])):
        raise runtime(f"size mismatch, got input ({input.size(0)}), mat "  # (a 0-dim input: size(0)'s IndexError)
                      f"({mat._shape[0]}x{mat._shape[1]}), vec ({vec._shape[0]})")
    if not (input.dtype is mat.dtype is vec.dtype):
        n = dtypes.SCALAR_NAMES
        raise runtime(f"addmv input tensors must have the same dtype, but got {n[input.dtype.name]}, "
                      f"{n[mat.dtype.name]}, and {n[vec.dtype.name]}")
    dt = mat.dtype
    if not mat._np.size:  # (addmv_impl_cpu's empty matrix: zero_() at beta 0, else self times
        # scalar_tensor(beta), a one-element fill's conversion; alpha is not read)
        values = np.zeros(input._shape, dt.np) if beta == 0 else input._np * checked_scalar(dt, beta, reduced=False)
        return fresh(np.ascontiguousarray(np.broadcast_to(values, (mat._shape[0],)), dt.np), dt)
    if dt is dtypes.bool_:
        raise errors.make("NotImplementedError", "\"addmv_impl_cpu\" not implemented for 'Bool'")
    beta, alpha = (checked_scalar(dt, v) for v in (beta, alpha))  # (beta.to<scalar_t>(), then alpha's)
    if dt.category == 2:
        beta, alpha = beta.item(), alpha.item()
    if dt in (dtypes.float32, dtypes.float64):  # (a column-major matrix: gemv adds alpha * vec's products onto beta
        # * self in column order)
        start = None if beta == 0 else input._np if beta == 1 else input._np * dt.np.type(beta)
        columns = kernels.gemv_columns(mat._np, vec._np * dt.np.type(alpha) if alpha != 1 else vec._np, start)
        if columns is not None:
            return fresh(columns, dt)
    rows = _reduced_gemv(input, mat, vec, beta, alpha, dt) if dt in (dtypes.float16, dtypes.bfloat16) else None
    if rows is not None:
        return fresh(rows, dt)
    with autograd.no_grad():
        prod = mat.mv(vec)._np
    if alpha != 1:
        prod = prod * dt.np.type(alpha)
    if beta != 0:  # (beta 0: input is not read, its NaNs included)
        b = input._np if beta == 1 else input._np * dt.np.type(beta)
        prod = prod + b
    return fresh(np.ascontiguousarray(np.broadcast_to(prod, (mat._shape[0],)), dt.np), dt)


def _reduced_gemv(input, mat, vec, beta, alpha, dt):
    """beta * input + alpha * mat @ vec for float16/bfloat16 as ATen's own gemv 't' computes it for a mat that is
    not column-major (ATen's lda_cond; no BLAS for these dtypes): each row's products summed in float in order, then
    beta * self (a Half * Half, so rounded to the dtype) + alpha * sum in float, rounded once; beta and alpha are the
    dtype's numbers and beta 0 never reads self. None for a column-major mat (gemv 'n', whose order on this CPU was
    not pinned down: see FIDELITY.md)."""
    m, k = mat._shape
    if mat._stride[0] == 1 and (k == 1 or mat._stride[1] >= max(1, m)):
        return None
    rounded = dtypes.rounding(dt)
    a, x = mat._np.astype(np.float32), vec._np.astype(np.float32)
    total = np.zeros(m, np.float32)
    for j in range(k):
        total += x[j] * a[:, j]
    alpha, beta = np.float32(alpha), np.float32(beta)
    if beta == 0:
        return rounded(alpha * total)
    return rounded(rounded(beta * np.broadcast_to(input._np.astype(np.float32), (m,))) + alpha * total)


def _saved_first(op, operands):
    """Autograd's kernel saves each product operand for the other's gradient (when that one wants it) before the
    op's checks: an inference tensor so saved fails first (after the parser's type checks)."""
    _tensors(op, **operands)
    _, a, b = operands.values()
    inference_saved_by(tuple(operands.values()), (b if needs_grad(a) else None, a if needs_grad(b) else None))


def addmv(input, mat, vec, *, beta=1, alpha=1):
    _saved_first("addmv", dict(input=input, mat=mat, vec=vec))
    out = _addmv_values(input, mat, vec, beta, alpha)
    if needs_grad(input, mat, vec):
        attach(out, AddmvBackward0(input, mat, vec, beta, alpha))
    return out


def _addr_values(input, vec1, vec2, beta, alpha, inplace=False):
    _tensors("addr", input=input, vec1=vec1, vec2=vec2)
    for name, v in (("vec1", vec1), ("vec2", vec2)):
        if v.dim() != 1:
            raise runtime(f"addr: Expected 1-D argument {name}, but got {v.dim()}-D")
    shape = (vec1._shape[0], vec2._shape[0])
    if inplace and input.dim() != 2:  # (build_addr_iter: self as it is, 2-D, then its sizes)
        raise runtime(f"2D tensor expected, got {input.dim()}D tensor for input")
    if inplace and input._shape != shape:
        raise runtime(f"size mismatch, input: {_shape_list(input._shape)}, v1: {_shape_list(vec1._shape)}, v2: "
                      f"{_shape_list(vec2._shape)}")
    if not inplace:
        input.expand(shape)  # (its message where input does not broadcast)
    dt = dtypes.result_type((input, vec1, vec2))
    for which, v in (("beta", beta), ("alpha", alpha)):  # (check_addr_scalar, beta's checks first)
        if v.__class__ is bool and dt is not dtypes.bool_:
            raise runtime(f"Boolean {which} only supported for Boolean results.")
        if dt.category < 2 and isinstance(v, (float, complex)):
            raise runtime(f"For integral input tensors, argument {which} must not be a floating point number.")
    alpha, beta = (real_scalar(v, dt) for v in (alpha, beta))
    a, b = vec1._np.astype(dt.np)[:, None], vec2._np.astype(dt.np)[None, :]
    x = input._np.astype(dt.np)
    if dt is dtypes.bool_:
        values = (x & bool(beta)) | (a & b & bool(alpha)) if beta else (a & b & bool(alpha))
    elif dt is dtypes.bfloat16:  # (the scalars and each step rounded to bfloat16, as c10's BFloat16 operators
        # (Vectorized<BFloat16>'s too) round them, and as numpy's float16 steps do for Half)
        rnd = dtypes.to_bfloat16
        scaled = rnd(rnd(alpha) * a) * b
        values = rnd(scaled) if beta == 0 else rnd(rnd(rnd(beta) * x) + rnd(scaled))
    else:
        scaled = dt.np.type(alpha) * a
        if beta == 0:
            values = scaled * b
        elif dt in (dtypes.float32, dtypes.float64):
            values = _addr_fused(dt, scaled, b, dt.np.type(beta) * x, dt.np.type(beta), x)
        else:
            values = dt.np.type(beta) * x + scaled * b
    return fresh(np.ascontiguousarray(np.broadcast_to(values, shape), dt.np), dt)


def _addr_fused(dt, scaled, b, bx, beta, x):
    """PyTorch's addr kernel as its compiler fused it: along each row, the vectorized chunks (16 float32 or 8
    float64 columns at a time) compute fma(alpha * vec1, vec2, beta * self), the tail fma(beta, self, alpha * vec1
    * vec2)."""
    shape = np.broadcast_shapes(scaled.shape, b.shape, bx.shape)
    if shape[1] == 1 < shape[0]:  # (one column: the iterator's one dimension is the rows, in chunks the same way)
        column = lambda a: np.broadcast_to(a, shape).T  # noqa: E731
        return _addr_fused(dt, column(scaled), column(b), column(bx), beta, column(x)).T
    full = lambda a: np.ascontiguousarray(np.broadcast_to(a, shape))  # noqa: E731
    values = kernels.fma(full(scaled), full(b), full(bx))
    split = shape[1] - shape[1] % (16 if dt is dtypes.float32 else 8)
    if split < shape[1]:
        tail = np.s_[:, split:]
        values[tail] = kernels.fma(full(np.asarray(beta, dt.np))[tail].copy(), full(x)[tail].copy(),
                                   full(scaled * b)[tail].copy())
    return values


def addr(input, vec1, vec2, *, beta=1, alpha=1):
    _saved_first("addr", dict(input=input, vec1=vec1, vec2=vec2))
    out = _addr_values(input, vec1, vec2, beta, alpha)
    if needs_grad(input, vec1, vec2):
        attach(out, AddrBackward0(input, vec1, vec2, beta, alpha))
    return out


def _autograd_first(self, *others):
    """PyTorch's autograd wrapper checks an in-place op on a leaf that requires grad before the kernel's checks."""
    if needs_grad(self, *others):
        check_inplace(self)


def _inplace(self, values, make_node, others):
    if values._shape != self._shape:
        raise runtime(f"Bad in-place call: input tensor size {_shape_list(self._shape)} and output tensor size "
                      f"{_shape_list(values._shape)} should match")
    if values.dtype is not self.dtype:
        from .core import cast_for_inplace
        cast_for_inplace(self, values.dtype)

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, make_node, others)


def addmm_method(self, mat1, mat2, *, beta=1, alpha=1):
    return addmm(self, mat1, mat2, beta=beta, alpha=alpha)


def addmm_inplace(self, mat1, mat2, *, beta=1, alpha=1):
    _autograd_first(self, mat1, mat2)
    if isinstance(mat1, Tensor) and isinstance(mat2, Tensor) and mat1.dim() == 2 and mat2.dim() == 2 and \
            mat1._shape[1] == mat2._shape[0] and self._shape != (mat1._shape[0], mat2._shape[1]):
        check_dtypes(self, mat1, mat2)  # (addmm's meta: the dtypes, then set_output's in-place sizes)
        raise runtime(f"Bad in-place call: input tensor size {_shape_list(self._shape)} and output tensor size "
                      f"[{mat1._shape[0]}, {mat2._shape[1]}] should match")
    with autograd.no_grad():
        values = addmm(self, mat1, mat2, beta=beta, alpha=alpha)
    check_internal_overlap(self)  # (addmm_out_cpu_impl's, after the meta checks; addmv_'s kernel writes it anyway)
    return _inplace(self, values, lambda: AddmmBackward0(self, mat1, mat2, alpha, beta), (mat1, mat2))


def addmv_inplace(self, mat, vec, *, beta=1, alpha=1):
    _autograd_first(self, mat, vec)
    values = _addmv_values(self, mat, vec, beta, alpha)
    return _inplace(self, values, lambda: AddmvBackward0(self, mat, vec, beta, alpha), (mat, vec))


def addr_inplace(self, vec1, vec2, *, beta=1, alpha=1):
    _autograd_first(self, vec1, vec2)
    values = _addr_values(self, vec1, vec2, beta, alpha, inplace=True)
    check_internal_overlap(self)  # (addr's TensorIterator)
    return _inplace(self, values, lambda: AddrBackward0(self, vec1, vec2, beta, alpha), (vec1, vec2))

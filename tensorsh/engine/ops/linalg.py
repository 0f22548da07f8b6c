"""Matrix products and other linear algebra: mm, bmm, dot, mv, matmul, outer, trace."""
import builtins

import numpy as np

from .. import autograd, dtypes, errors, kernels, messages
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of, no_grad
from ..errors import index_error, runtime, type_error
from ..storage import INFERENCE_SEEN, check_size
from ..tensorimpl import Tensor
from .core import (InputNode, Shaped, attach, check_broadcast_all, check_outer_operands, cj, collect_edges, fresh,
                   inference_saved_first, needs_grad, should_fold, tensor_params, unchecked)
from .registry import op, operator
from .views import _unsafe_view
from .. import autocast
from ..autocast import ACTIVE as AUTOCAST, fp32_op


def _sym(i, strides=False):
    """A saved value of PyTorch's mm-like nodes: operand i's sizes, or its strides (() unless it requires grad)."""
    if strides:
        return lambda node: node.geometry[i][1] if node.next_functions[i][0] else ()
    return lambda node: node.geometry[i][0]


class MmBackward0(Node):
    saved_names = ("mat2", "self")
    saved_values = {"self_sym_sizes": _sym(0), "self_sym_strides": _sym(0, True), "mat2_sym_sizes": _sym(1),
                    "mat2_sym_strides": _sym(1, True)}

    def __init__(self, a, b):
        Node.__init__(self, (edge_of(a), edge_of(b)))
        # saved (and unpacked) in the order of PyTorch's formulas: the second operand first
        self.saved = (SavedTensor(b) if self.next_functions[0][0] else NOTHING_SAVED,
                      SavedTensor(a) if self.next_functions[1][0] else NOTHING_SAVED)
        self.geometry = ((a._shape, a._stride), (b._shape, b._stride))

    def backward(self, g):
        b, a = self.unpack()
        if not autograd._grad_enabled[0]:  # no graph to record: the same products, straight on the arrays
            gn, dt = g._np, g.dtype
            return (fresh(_matmul_np(gn, _adjoint_np(b._np)), dt) if self.next_functions[0][0] else None,
                    fresh(_matmul_np(_adjoint_np(a._np), gn), dt) if self.next_functions[1][0] else None)
        (s1, st1), (s2, st2) = self.geometry
        return self.in_name_order(("self", "mat2"), lambda: mm_mat1_backward(g, b, s1, st1),
                                  lambda: mm_mat2_backward(g, a, s2, st2))


def mm_mat1_backward(g, mat2, mat1_shape, mat1_stride):
    # a column-major mat1 gets its gradient computed transposed, as PyTorch's mm_mat1_backward does
    mm, t = unchecked("mm"), unchecked("t")  # (the engine's own calls: no argument parsing)
    if mat1_stride[0] == 1 and mat1_stride[1] == mat1_shape[0]:  # (a complex operand's conjugate, as derivatives.yaml
        return t(mm(cj(mat2), t(g)))                              # takes it: mat2.conj() here, mat2.t().conj() below)
    return mm(g, cj(t(mat2)))


def mm_mat2_backward(g, mat1, mat2_shape, mat2_stride):
    mm, t = unchecked("mm"), unchecked("t")
    if mat2_stride[0] == 1 and mat2_stride[1] == mat2_shape[0]:
        return t(mm(t(g), cj(mat1)))
    return mm(cj(t(mat1)), g)


def _adjoint_np(x):
    """A matrix's transpose, conjugated when complex (derivatives.yaml's mm formulas: grad.mm(mat2.t().conj()))."""
    return x.T if x.dtype.kind != "c" else x.T.conj()


class BmmBackward0(MmBackward0):
    saved_names = ("mat2", "self")

    def backward(self, g):
        b, a = self.unpack()
        return self.in_name_order(("self", "mat2"), lambda: g.bmm(cj(b.transpose(1, 2))),
                                  lambda: cj(a.transpose(1, 2)).bmm(g))


class DotBackward0(MmBackward0):
    saved_names = ("tensor", "self")

    def backward(self, g):
        b, a = self.unpack()
        return (g * cj(b) if self.next_functions[0][0] else None, g * cj(a) if self.next_functions[1][0] else None)


class MvBackward0(MmBackward0):
    saved_names = ("vec", "self")

    def backward(self, g):
        b, a = self.unpack()
        return (g.reshape(g._shape[0], 1) * cj(b) if self.next_functions[0][0] else None,  # (grad.outer(vec): a
                # reshape times vec, ViewBackward0 under create_graph)
                cj(a).t().mv(g) if self.next_functions[1][0] else None)  # (self.conj().t().mv(grad))


def _matmul_np(x, y):
    """The product of two arrays: PyTorch's own order for a short inner dimension, small batches (its bmm loop)
    and the sgemm shapes measured (kernels.blas_matmul), numpy's (OpenBLAS) otherwise."""
    if x.ndim == 3:
        r = kernels.small_bmm(x, y)
        if r is None and kernels.MKL_ON_INTEL and y.ndim == 3 and x.shape[0] == y.shape[0] and x.shape[0] <= 64 \
                and y.shape[2] > 1:  # (bmm: one gemm a batch, as mm's; one column is not mv's order there)
            parts = [kernels.intel_matmul(xi, yi) for xi, yi in zip(x, y)]
            r = None if any(p is None for p in parts) else np.stack(parts)
        elif r is None and not kernels.MKL_ON_INTEL and y.ndim == 3 and x.shape[0] == y.shape[0] and \
                x.dtype == y.dtype and x.dtype in (np.float32, np.float64):  # (ATen's per-batch addmm_ onto zeros)
            zeros = np.zeros((x.shape[1], y.shape[2]), x.dtype)
            parts = [gemm_np(zeros, xi, yi, 1, 1) for xi, yi in zip(x, y)]
            r = np.stack([_matmul_np(xi, yi) + zeros if p is None else p for p, xi, yi in zip(parts, x, y)])
    else:  # (MKL's order on this CPU: Intel's where known, else the orders measured on AMD)
        r = None
        if x.dtype.kind == "c" and x.ndim == 2 and y.ndim == 1:  # (cgemv/zgemv: plain products, in order)
            r = kernels.complex_mv(x, y)
        elif kernels.MKL_ON_INTEL and x.ndim == 2 and y.ndim in (1, 2):  # (a vector: gemv, as one column)
            r = kernels.intel_matmul(x, y if y.ndim == 2 else y[:, None], mv=y.ndim == 1)
            r = r if r is None or y.ndim == 2 else r[:, 0]
        elif kernels.MKL_ON_INTEL and x.ndim == 1 and y.ndim == 2:  # (as one row)
            r = kernels.intel_matmul(x[None, :], y)
            r = r if r is None else r[0]
        elif kernels.MKL_ON_INTEL and x.ndim == 1 and y.ndim == 1:  # (sdot)
            r = kernels.intel_dot(x, y)
        elif x.ndim == 1 and y.ndim == 1:  # (sdot/ddot on AMD CPUs)
            r = kernels.amd_dot(x, y)
        elif x.ndim == 2 and y.ndim == 1 and (x.strides[1] == x.itemsize or x.shape[1] == 1) and \
                (x.strides[0] >= x.shape[1] * x.itemsize or x.shape[0] == 1):  # (a row-major matrix: gemv 't')
            r = kernels.amd_gemv_rows(x, y)
        elif x.ndim == 2:  # (dgemv of a column-major matrix on AMD CPUs)
            r = kernels.amd_dgemv_columns(x, y)
        if r is None:
            r = kernels.small_matmul(x, y)
    if r is None and x.ndim == 1 and y.ndim == 1:
        r = kernels.small_dot(x, y)
    if r is None and x.ndim == 2 and y.ndim == 2 and kernels.MKL_ON_INTEL:
        r = kernels.blas_matmul(x, y)
    elif r is None and x.ndim == 2 and (y.ndim == 2 or y.ndim == 1 and y.strides[0] and (x.shape[0] > 1 or
                                                                                          x.shape[1] < 10)):
        # (AMD's sgemv orders are sgemm's for one column, and an operand BLAS cannot take is cloned first, as ATen's
        # addmm does; an expanded vector is not gemv's, nor are one row's 10+ products: measured)
        r = kernels.blas_matmul(kernels.as_blas_sees(x), kernels.as_blas_sees(y if y.ndim == 2 else y[:, None]))
        r = r if r is None or y.ndim == 2 else r[:, 0]
    r = np.matmul(x, y) if r is None else r
    if np.iscomplexobj(r):  # (MKL's complex kernels sum from a +0 accumulator: no part is -0)
        r = r + r.dtype.type(0)
    return r


def gemm_np(c, a, b, beta, alpha):
    """beta * c + alpha * (a @ b) for float32/float64 in the order of MKL's gemm on AMD CPUs (on Intel CPUs: one
    column of a column-major a, else blas_matmul's orders at alpha = beta = 1), or None where another path computes
    it (other dtypes, the plain product plus c). Measured (1-8 rows, 1-40 products, 1-16
    columns, each layout, alpha 1/1.5/0.3, beta 0/0.5/1): gemm scales an operand as it packs it, not the sum: a's
    elements times a row-major b, whose plain sums start from beta * c (a product of one term too); b's in the fused
    kernel (4+ rows, 12+ columns; c added after its sum) and for one column of a column-major a (from beta * c); the
    sum itself only for one column of a row-major a and for a row-major a times a transposed b (nn.Linear's)."""
    if a.dtype != b.dtype or a.dtype not in (np.float32, np.float64):
        return kernels.blas_matmul(a, b, c) if alpha == 1 and beta == 1 else None
    (m, k), n = a.shape, b.shape[1]
    scale = a.dtype.type(alpha)
    bias = None if beta == 0 else c if beta == 1 else c * c.dtype.type(beta)
    if kernels.MKL_ON_INTEL:
        if n == 1 and (alpha != 1 or beta != 1):  # (one column of a column-major a: gemv 'n', alpha multiplied into
            out = kernels.gemv_columns(a, b[:, 0] * scale if alpha != 1 else b[:, 0],  # b, from beta * c; measured)
                                       None if bias is None else np.broadcast_to(bias, (m, 1))[:, 0])
            if out is not None:
                return out[:, None]
        return kernels.blas_matmul(a, b, c) if alpha == 1 and beta == 1 else None
    size = a.itemsize
    b_rows = b.strides[1] == size and b.strides[0] >= n * size  # (as ATen hands b to gemm: not transposed)
    a_columns = a.strides[0] == size and a.strides[1] >= m * size and m > 1
    after, scaled = 1, (lambda x: x * scale) if alpha != 1 else (lambda x: x)
    if n == 1:  # (one column: gemv's order, the sum scaled; b's elements times a column-major a)
        b, after = (scaled(b), 1) if a_columns else (b, scale)
    elif k == 1 and m > 1 or b_rows and not (m >= 4 and n >= 12):
        a = scaled(a)
    elif m >= 4 and n >= 12:
        b = scaled(b)
    else:
        after = scale
    if after == 1 and bias is not None:
        out = kernels.blas_matmul(a, b, bias)
        if out is None and 2 <= k <= 4 and (b_rows and n > 1 and not (m >= 4 and n >= 12) or n == 1 and a_columns):
            out = kernels.plain_from(a, b, bias)
        if out is not None:
            return out
    if alpha == 1 and beta == 1:
        return None
    prod = _matmul_np(a, b)
    prod = prod * after if alpha != 1 and after != 1 else prod
    return prod if bias is None else prod + bias


def _mm_like(a, b, node_cls):
    dt = dtypes.promote(a.dtype, b.dtype)
    if a.dtype is not b.dtype:
        na, nb = dtypes.SCALAR_NAMES[a.dtype.name], dtypes.SCALAR_NAMES[b.dtype.name]
        if node_cls is DotBackward0:
            raise runtime(f"dot : expected both vectors to have same dtype, but found {na} and {nb}")
        if node_cls is MvBackward0:
            raise runtime(f"addmv input tensors must have the same dtype, but got {nb}, {na}, and {nb}")
    check_size(a.numel() // builtins.max(a._shape[-1], 1) * (b._shape[-1] if b.dim() > 1 else 1) * dt.itemsize)
    if a.dtype is not b.dtype:
        if node_cls is BmmBackward0:  # (bmm's result has mat2's dtype; its kernel dispatches on self's)
            out = fresh(batch2_typed(None, a, b, 0, "bmm"), b.dtype)
            return attach(out, node_cls(a, b)) if needs_grad(a, b) else out
        raise runtime(f"expected m1 and m2 to have the same dtype, but got: {dtypes.C_NAMES[a.dtype.name]} != "
                      f"{dtypes.C_NAMES[b.dtype.name]}")
    if a.dtype is dtypes.bool_ and (node_cls is DotBackward0 or (a.numel() and b.numel())):
        # (the BLAS kernels have no bool version; mm, mv and bmm return before dispatching when nothing is summed)
        if node_cls is BmmBackward0:
            check_batch_kernel(a, b, "bmm")
        kernel = {DotBackward0: "dot", MvBackward0: "addmv_impl_cpu"}.get(node_cls, "addmm_impl_cpu_")
        raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")
    out = fresh(_matmul_np(a._np, b._np), dt)  # falls back to from_numpy for dot's numpy scalar
    if needs_grad(a, b):
        attach(out, node_cls(a, b))
    return out


@tensor_params('mat2')
def mm(self, mat2):
    if AUTOCAST[0]:
        return autocast.lower(mm, self, mat2)
    if INFERENCE_SEEN[0]:  # (autograd saves the operands before the op's checks)
        inference_saved_first(MmBackward0, self, mat2)
    if self.dim() != 2:
        raise runtime(f"self must be a matrix")
    if mat2.dim() != 2:
        raise runtime(f"mat2 must be a matrix")
    if self._shape[1] != mat2._shape[0]:
        raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, self._shape)), b="x".join(map(str, mat2._shape))))
    return _mm_like(self, mat2, MmBackward0)


@tensor_params('mat2')
def bmm(self, mat2):
    if AUTOCAST[0]:
        return autocast.lower(bmm, self, mat2)
    if INFERENCE_SEEN[0]:  # (autograd saves the operands before the op's checks)
        inference_saved_first(BmmBackward0, self, mat2)
    if self.dim() != 3:
        raise runtime("batch1 must be a 3D tensor")
    if mat2.dim() != 3:
        raise runtime("batch2 must be a 3D tensor")
    if mat2._shape[:2] != (self._shape[0], self._shape[2]):
        _bmm_mismatch(self._shape[0], self._shape[2], mat2._shape[:2])
    return _mm_like(self, mat2, BmmBackward0)


def batch2_typed(self, batch1, batch2, beta, kernel):
    """ATen's bmm and baddbmm make their result in batch2's dtype (the meta's set_output with batch2.options(); baddbmm
    copies self in unless beta is 0) and dispatch their kernel on batch1's: with batch2 of another dtype an empty
    result is returned as it is, one with nothing summed zeroed or scaled by beta (mul_'s cast check), else the
    kernel refuses (bool, then batch2's type). The values, in batch2's dtype."""
    shape = (batch1._shape[0], batch1._shape[1], batch2._shape[2])
    with no_grad():
        result = self.expand(*shape).to(batch2.dtype, copy=True) if self is not None and beta != 0 else \
            fresh(np.zeros(shape, batch2.dtype.np), batch2.dtype)
        if 0 in shape:
            return result._np
        if batch1._shape[2] == 0:
            return result._np if self is None or beta == 0 else result.mul_(beta)._np
    check_batch_kernel(batch1, batch2, kernel)


def check_batch_kernel(batch1, batch2, kernel):
    """bmm/baddbmm's kernel checks: nothing to refuse when an operand is empty. Below 400 multiply-adds a batch
    (contraction * rows * cols) their own kernel `kernel`, dispatched on batch1's dtype; from 400 on ATen splits
    along the batch and runs addmm_impl_cpu_ on each, dispatched on the result's dtype (batch2's), which then
    reads batch1 as that type."""
    if batch1._np.size == 0 or batch2._np.size == 0:
        return
    if batch1._shape[1] * batch1._shape[2] * batch2._shape[2] >= 400:
        if batch1.dtype is batch2.dtype and batch2.dtype is not dtypes.bool_:
            return
        if batch2.dtype in (dtypes.float32, dtypes.float64) or batch2.dtype.is_complex:
            if _items_blas_ready(batch1) and _items_blas_ready(batch2):  # (MKL's batched gemm, which reads batch1
                raise runtime(dtypes.expected_scalar_type(batch2.dtype, batch1.dtype))  # as the result's type)
        if batch1.dtype is not batch2.dtype:  # (else addmm_impl_cpu_ on each batch: its own dtype check first)
            raise runtime(f"expected m1 and m2 to have the same dtype, but got: {dtypes.C_NAMES[batch1.dtype.name]} "
                          f"!= {dtypes.C_NAMES[batch2.dtype.name]}")
        raise errors.make("NotImplementedError", "\"addmm_impl_cpu_\" not implemented for 'Bool'")
    if batch1.dtype is dtypes.bool_:
        raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")
    if batch2.dtype is not batch1.dtype:
        raise runtime(dtypes.expected_scalar_type(batch1.dtype, batch2.dtype))


def _items_blas_ready(batch):
    """ATen's batch_items_contiguous_or_transposed: each matrix of a batch row- or column-major."""
    (rows, cols), (s1, s2) = batch._shape[1:], batch._stride[1:]
    return (s2 == 1 or cols <= 1) and s1 >= builtins.max(1, cols) or (s1 == 1 or rows <= 1) and \
        s2 >= builtins.max(1, rows)


def _bmm_mismatch(batch, k, got):
    raise runtime(f"Expected size for first two dimensions of batch2 tensor to be: [{batch}, {k}] but got: "
                  f"[{got[0]}, {got[1]}].")


@tensor_params('tensor')
def dot(self, other):
    if INFERENCE_SEEN[0]:  # (autograd saves the operands before the op's checks)
        inference_saved_first(DotBackward0, self, other)
    if self.dim() != 1 or other.dim() != 1:
        raise runtime(f"1D tensors expected, but got {self.dim()}D and {other.dim()}D tensors")
    if self.dtype is not other.dtype:  # (ATen's dot_check: the dtypes before the sizes)
        raise runtime(f"dot : expected both vectors to have same dtype, but found {dtypes.SCALAR_NAMES[self.dtype.name]}"
                      f" and {dtypes.SCALAR_NAMES[other.dtype.name]}")
    if self._shape != other._shape:
        raise runtime(f"inconsistent tensor size, expected tensor [{self._shape[0]}] and src [{other._shape[0]}] to have the same number of elements, but got {self._shape[0]} and {other._shape[0]} elements respectively")
    if self.is_conj() and other.is_conj():  # (ATen's dot of two conjugate views: the conjugate of their bases' dot,
        out = fresh(np.asarray(np.conj(_matmul_np(self.conj()._np, other.conj()._np))), self.dtype)  # a -0 part)
        return attach(out, DotBackward0(self, other)) if needs_grad(self, other) else out
    return _mm_like(self, other, DotBackward0)


@tensor_params('vec')
def mv(self, vec):
    if INFERENCE_SEEN[0]:  # (autograd saves the operands before the op's checks)
        inference_saved_first(MvBackward0, self, vec)
    if not self.dim():  # (PyTorch reads the matrix's first size first)
        raise index_error("Dimension specified as 0 but tensor has no dimensions")
    if self.dim() != 2 or vec.dim() != 1:
        raise runtime(f"vector + matrix @ vector expected, got 1, {self.dim()}, {vec.dim()}")
    if self._shape[1] != vec._shape[0]:
        raise runtime(f"size mismatch, got input ({self._shape[0]}), mat ({self._shape[0]}x{self._shape[1]}), vec ({vec._shape[0]})")
    return _mm_like(self, vec, MvBackward0)


def matmul(self, other):
    if AUTOCAST[0]:
        return autocast.lower(matmul, self, other)
    if not isinstance(other, Tensor):
        raise type_error(f"matmul(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    da, db = self.dim(), other.dim()
    if da == 0 or db == 0:
        raise runtime(f"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D")
    if needs_grad(self, other):  # (composite: its check, then the product's autograd kernel collects the edges)
        collect_edges(self, other)
    if da == 1 and db == 1:
        return dot(self, other)
    if da == 2 and db == 1:
        return mv(self, other)
    if da == 1 and db == 2:  # (mm checks the sizes, after its autograd kernel saved the operands)
        return mm(self.unsqueeze(0), other).squeeze_(0)  # (ATen squeezes in place: not a view, version 1)
    if da == 2 and db == 2:
        return mm(self, other)
    if da == 3 and db == 3 and (self._shape[0] == 1) != (other._shape[0] == 1):
        # (ATen drops a batch of one that requires grad against a real batch: the product then folds into one mm
        # and that side's gradient comes from one mm too)
        if self._shape[0] == 1 and self.requires_grad:
            return matmul(self.squeeze(0), other)
        if other._shape[0] == 1 and other.requires_grad:
            return matmul(self, other.squeeze(0))
    if should_fold(self, other):
        return _folded_matmul(self, other)
    return _batched_matmul(self, other)


def _folded_matmul(t1, t2):
    """The batch of the larger side folded into its rows: one mm (or mv), viewed back (UnsafeViewBackward0)."""
    transpose = t2.dim() > t1.dim()
    big = t2.transpose(-2, -1) if transpose else t1
    small = (t1.t() if t1.dim() == 2 else t1) if transpose else t2
    shape = big._shape[:-1]
    folded = big.reshape(int(np.prod(shape)), big._shape[-1])
    if small.dim() == 2:
        out = _unsafe_view(mm(folded, small), shape + (small._shape[1],))
        return out.transpose(-2, -1).contiguous() if transpose else out
    return _unsafe_view(mv(folded, small), shape)


def _batched_matmul(t1, t2):
    """ATen's general case: batch dims broadcast, both sides expanded and folded to 3-D, one bmm, viewed back."""
    d1, d2 = t1.dim(), t2.dim()
    n = t1._shape[-2] if d1 > 1 else 1
    m1 = t1._shape[-1]
    m2 = t2._shape[-2] if d2 > 1 else t2._shape[0]
    p = t2._shape[-1] if d2 > 1 else 1
    batch1, batch2 = t1._shape[:max(d1 - 2, 0)], t2._shape[:d2 - 2] if d2 > 1 else ()
    check_broadcast_all(Shaped(batch1), Shaped(batch2))
    batch = tuple(np.broadcast_shapes(batch1, batch2))
    count = int(np.prod(batch))  # (bmm checks m1 against m2, after its autograd kernel saved the operands)
    a3 = t1.expand(batch + (n, m1)).reshape(count, n, m1)
    b = t2.expand(batch + (m2,)).unsqueeze(-1) if d2 == 1 else t2.expand(batch + (m2, p))
    b3 = b.reshape(count, m2, p)
    shape = batch + ((n,) if d1 > 1 else ()) + ((p,) if d2 > 1 else ())
    product = bmm(a3, b3)
    return _unsafe_view(product.squeeze(-1) if d2 == 1 else product, shape)


@tensor_params("vec2")
def outer(self, vec2):
    check_outer_operands(self, vec2)
    return self.reshape(self._shape[0], 1) * vec2  # PyTorch's composite: its grad_fn is MulBackward0


class TraceBackward0(InputNode):
    fields = ("shape",)
    saved_values = {"self_sym_sizes": lambda n: tuple(n.shape)}

    def backward(self, g):
        return (_trace_backward(g, self.shape),)


@fp32_op
def trace(self):
    if self.dtype is dtypes.bool_:  # (no bool kernel: checked before the shape)
        raise errors.make("NotImplementedError", "\"trace\" not implemented for 'Bool'")
    if self.dim() != 2:
        raise runtime(f"trace: expected a matrix, but got tensor with dim {self.dim()}")
    diagonal = np.diagonal(self._np)
    if self.dtype.category >= 2:  # summed in double (complex<double>), one after another from 0, then rounded
        acc = np.complex128 if self.dtype.category == 3 else np.float64  # (PyTorch's acc_type)
        total = acc(0)
        for v in diagonal.astype(acc):
            total += v
        out = fresh(np.asarray(total, self.dtype.np), self.dtype)
    else:
        out = fresh(np.asarray(np.sum(diagonal, dtype=np.int64)), dtypes.int64)
    if needs_grad(self):
        attach(out, TraceBackward0(self, self._shape))
    return out


def _trace_backward(g, shape):
    """g on the diagonal of zeros; under create_graph PyTorch's trace_backward op for op (IndexFillBackward1 of the
    flat zeros at every (columns + 1)th place, viewed: ViewBackward0)."""
    if needs_grad(g):
        n = shape[0] * shape[1]
        places = fresh(np.arange(0, n, shape[1] + 1, dtype=np.int64), dtypes.int64)
        return fresh(np.zeros(n, g.dtype.np), g.dtype).index_fill_(0, places, g).view(shape)
    out = np.zeros(shape, g.dtype.np)
    np.fill_diagonal(out, g._np)
    return fresh(out, g.dtype)


op("mm", mm, function=True, edges=True)
op("bmm", bmm, function=True, edges=True)
op("dot", dot, function=True, edges=True)
op("mv", mv, function=True, edges=True)
op("matmul", matmul, function=True, operators=("__matmul__",))
operator("__rmatmul__", lambda self, other: matmul(other, self) if isinstance(other, Tensor) else NotImplemented)
op("outer", outer, aliases=("ger",), function=True)  # (composite: its 1-D checks, then mul's edges)
op("trace", trace, function=True, edges=True)


def qr_no_grad(a):
    """The reduced QR of a matrix without a graph (what nn.init.orthogonal_ needs): geqrf + orgqr as MKL's small
    kernels compute them (ops/householder.py)."""
    from .householder import qr_values
    q, r = qr_values(a._np)
    return fresh(np.ascontiguousarray(q, a.dtype.np), a.dtype), fresh(np.ascontiguousarray(r, a.dtype.np), a.dtype)


def geqrf_no_grad(a):
    """geqrf of a (batch of) matrices, without a graph: R on and above the diagonal, the Householder reflectors
    below it, and their scalars tau (ops/householder.py)."""
    from .householder import geqrf_values
    h, tau = geqrf_values(a._np)
    return fresh(np.ascontiguousarray(h, a.dtype.np), a.dtype), fresh(np.ascontiguousarray(tau, a.dtype.np), a.dtype)

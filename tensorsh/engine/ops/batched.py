"""baddbmm and addbmm (and their in-place twins): batches of matrix products added to a tensor, with ATen's checks in
its order, its small-product loop (baddbmm_cpu_kernel) and its per-batch addmm_ for addbmm. (Loaded on first use:
rows in ops/lazy.py.)"""
import numpy as np

from .. import dtypes, errors
from ..autograd import no_grad
from ..errors import runtime
from ..scalars import real_scalar
from ..tensorimpl import _shape_list
from .core import attach, cj, fresh, inference_saved_by, internally_overlapping, needs_grad, precheck, write_inplace
from .linalg import batch2_typed, check_batch_kernel
from .scaled_products import ScaledProductBackward
from .. import autocast
from ..autocast import ACTIVE as AUTOCAST


def _expand_check(self, sizes, op=None):
    """expand_size(self, sizes): the expand's own message where self cannot take the output's shape."""
    lead = len(sizes) - self.dim()
    if lead < 0:
        kind = dtypes.cpp_type_name(self.dtype)
        raise runtime(f"expand({kind}{{{_shape_list(self._shape)}}}, size={_shape_list(sizes)}): the number of sizes "
                      f"provided ({len(sizes)}) must be greater or equal to the number of dimensions in the tensor "
                      f"({self.dim()})")
    for i in range(len(sizes) - 1, lead - 1, -1):
        old = self._shape[i - lead]
        if old != sizes[i] and old != 1:
            raise runtime(f"The expanded size of the tensor ({sizes[i]}) must match the existing size ({old}) at "
                          f"non-singleton dimension {i}.  Target sizes: {_shape_list(sizes)}.  Tensor sizes: "
                          f"{_shape_list(self._shape)}")


def _scalar(dt, value):
    """A Scalar as the kernel's opmath type takes it: integers truncate (int64), floats round to the dtype."""
    if dt.category < 2:
        return int(value)
    return dt.np.type(value)


def _opmath_type(dt):
    """The numpy type baddbmm_cpu_kernel sums in (its opmath_t): int64 for integers, float for float16 and bfloat16,
    the dtype's own otherwise."""
    return np.int64 if dt.category < 2 else np.float32 if dt in (dtypes.float16, dtypes.bfloat16) else dt.np.type


def _small_products(a, b):
    """baddbmm_cpu_kernel's sums: each product rounded and added in turn to a sum started at zero."""
    out = np.zeros((a.shape[0], a.shape[1], b.shape[2]), a.dtype)
    for p in range(a.shape[2]):
        out += a[:, :, p:p + 1] * b[:, p:p + 1, :]
    return out


def _addmm_values(c, m1, m2, dt, beta, alpha):
    """One addmm_ of ATen's on arrays: the engine's addmm (MKL's order where it is known); beta 0 ignores c."""
    from ..linear import addmm
    if beta == 0:
        c = np.zeros(c.shape, c.dtype)
        beta = 1
    with no_grad():
        return addmm(fresh(c, dt), fresh(m1, dt), fresh(m2, dt), beta=beta, alpha=alpha)._np


def _baddbmm_values(self, batch1, batch2, beta, alpha):
    from ..linear import check_empty_product_beta
    dt = batch1.dtype
    a, b = batch1._np, batch2._np
    shape = (a.shape[0], a.shape[1], b.shape[2])
    s = np.broadcast_to(self._np, shape)
    k = a.shape[2]
    if 0 in shape:  # (returned before the scalars are read)
        return np.zeros(shape, dt.np)
    if k == 0:  # (nothing summed: self scaled, or zeros for beta 0)
        check_empty_product_beta(batch2, beta)  # (the result's dtype: batch2's)
    alpha, beta = (real_scalar(v, dt, opmath=True) for v in (alpha, beta))
    if k == 0:
        return np.zeros(shape, dt.np) if beta == 0 else (s * _scalar(dt, beta)).astype(dt.np)
    if dt.category < 2:
        acc = np.matmul(a.astype(np.int64), b.astype(np.int64))
        al, be = _scalar(dt, alpha), _scalar(dt, beta)
        return (al * acc if be == 0 else s.astype(np.int64) * be + al * acc).astype(dt.np)
    if k * shape[1] * shape[2] < 400:  # (in opmath_t: float for float16, whose sum is rounded once at the end)
        op = _opmath_type(dt)
        acc = _small_products(a.astype(op), b.astype(op))
        al, be = op(alpha), op(beta)
        return (al * acc if be == 0 else s.astype(op) * be + al * acc).astype(dt.np)
    return np.stack([_addmm_values(np.ascontiguousarray(s[i]), a[i], b[i], dt, beta, alpha)
                     for i in range(shape[0])])


def _check_baddbmm(self, batch1, batch2):
    sizes = (batch1.size(0), batch1.size(1), batch2.size(2))  # (ATen evaluates them first: their IndexErrors)
    _expand_check(self, sizes)
    if self.dtype is not batch1.dtype:
        c = dtypes.C_NAMES
        raise runtime(f"Input dtypes must be the same, got: input {c[self.dtype.name]}, batch1: "
                      f"{c[batch1.dtype.name]}, batch2: {c[batch2.dtype.name]}")
    if batch1.dim() != 3:
        raise runtime("batch1 must be a 3D tensor")
    if batch2.dim() != 3:
        raise runtime("batch2 must be a 3D tensor")
    if batch2._shape[:2] != (batch1._shape[0], batch1._shape[2]):
        raise runtime(f"Expected size for first two dimensions of batch2 tensor to be: [{batch1._shape[0]}, "
                      f"{batch1._shape[2]}] but got: [{batch2._shape[0]}, {batch2._shape[1]}].")
    return sizes


class BaddbmmBackward0(ScaledProductBackward):
    saved_names, saved_values = ("batch1", "batch2"), ScaledProductBackward.saved_values
    grad_a = staticmethod(lambda g, batch2: g.bmm(cj(batch2.transpose(1, 2))))  # (derivatives.yaml's conjugates)
    grad_b = staticmethod(lambda g, batch1: cj(batch1.transpose(1, 2)).bmm(g))


class AddbmmBackward0(ScaledProductBackward):
    """The batches' gradients are the baddbmm's of g repeated over the batch."""
    __slots__ = ("sizes",)
    saved_names = ("batch1", "batch2")
    saved_values = {"alpha": "alpha", "beta": "beta", "batch1_sym_argsize_0": lambda n: n.sizes[0],
                    "batch1_sym_argsize_1": lambda n: n.sizes[1], "batch2_sym_argsize_2": lambda n: n.sizes[2]}

    def __init__(self, self_, batch1, batch2, beta, alpha):
        ScaledProductBackward.__init__(self, self_, batch1, batch2, beta, alpha)
        self.sizes = (batch1._shape[0], batch1._shape[1], batch2._shape[2])

    def grad_a(self, g, batch2):
        return g.unsqueeze(0).expand(*self.sizes).bmm(cj(batch2.transpose(1, 2)))

    def grad_b(self, g, batch1):
        return cj(batch1.transpose(1, 2)).bmm(g.unsqueeze(0).expand(*self.sizes))


def baddbmm(self, batch1, batch2, *, beta=1, alpha=1):
    if AUTOCAST[0]:
        return autocast.lower(baddbmm, self, batch1, batch2, beta=beta, alpha=alpha)
    inference_saved_by((self, batch1, batch2), (batch2 if needs_grad(batch1) else None,
                                                batch1 if needs_grad(batch2) else None))  # (each for the other's)
    _check_baddbmm(self, batch1, batch2)
    if batch2.dtype is not batch1.dtype:
        return _product(batch2_typed(self, batch1, batch2, beta, "baddbmm"), batch2.dtype, BaddbmmBackward0, self,
                        batch1, batch2, beta, alpha)
    check_batch_kernel(batch1, batch2, "baddbmm")
    return _product(_baddbmm_values(self, batch1, batch2, beta, alpha), batch1.dtype, BaddbmmBackward0, self, batch1,
                    batch2, beta, alpha)


def _product(values, dt, node, self, batch1, batch2, beta, alpha):
    """The result of values, recorded as node(self, batch1, batch2, beta, alpha)."""
    out = fresh(values, dt)
    if needs_grad(self, batch1, batch2):
        attach(out, node(self, batch1, batch2, beta, alpha))
    return out


def baddbmm_inplace(self, batch1, batch2, *, beta=1, alpha=1):
    # (its small products are baddbmm_cpu_kernel's loop over self's own memory, which checks no overlap; the larger
    # ones addmm_ each batch's matrix, which refuses one whose elements share memory, as the overlap checks here do;
    # an empty product with beta 0 is self.zero_(), which writes an expanded tensor too)
    shapes = batch1.dim() == 3 == batch2.dim()
    small = shapes and 0 < batch1._shape[2] * batch1._shape[1] * batch2._shape[2] < 400
    zeroed = shapes and batch1._shape[2] == 0 and beta == 0
    precheck(self, batch1, batch2, internal_overlap=not (small or zeroed), overlap=not small)
    sizes = _check_baddbmm(self, batch1, batch2)
    if self.dtype is not batch2.dtype:  # (the in-place result's options are batch2's: check_inplace's dtype, then size)
        raise runtime(f"Bad in-place call: input tensor dtype {dtypes.C_NAMES[self.dtype.name]} and output tensor "
                      f"dtype {dtypes.C_NAMES[batch2.dtype.name]} should match")
    if self._shape != sizes:
        raise runtime(f"Bad in-place call: input tensor size {_shape_list(self._shape)} and output tensor size "
                      f"{_shape_list(sizes)} should match")
    check_batch_kernel(batch1, batch2, "baddbmm")
    if small and self.dtype.category < 3 and (internally_overlapping(self) or
                                              self._storage in (batch1._storage, batch2._storage)):
        return write_inplace(self, _element_by_element(self, batch1, batch2, beta, alpha),
                             lambda: BaddbmmBackward0(self, batch1, batch2, beta, alpha), (batch1, batch2))
    return _write_product(self, _baddbmm_values(self, batch1, batch2, beta, alpha), BaddbmmBackward0, batch1, batch2,
                          beta, alpha)


def _element_by_element(self, batch1, batch2, beta, alpha):
    """baddbmm_cpu_kernel's loop as it runs over memory self shares with itself (expanded) or with a batch: each
    sum in the opmath type (float for half and bfloat16, int64 for integers), each element written (rounded to the
    dtype) before the next is read. The write function for write_inplace."""
    dt = self.dtype
    op = _opmath_type(dt)
    al, be = (op(real_scalar(v, dt, opmath=True)) for v in (alpha, beta))

    def write(r):
        a, b = batch1._np, batch2._np
        with np.errstate(over="ignore"):
            for n, i, j in np.ndindex(r.shape):
                acc = op(0)
                for p in range(a.shape[2]):
                    acc += op(a[n, i, p]) * op(b[n, p, j])
                r[n, i, j] = np.asarray(al * acc if be == 0 else op(r[n, i, j]) * be + al * acc).astype(r.dtype)
                if dt is dtypes.bfloat16:
                    dtypes.round_bfloat16(r[n:n + 1, i:i + 1, j:j + 1])
    return write


def _write_product(self, values, node, batch1, batch2, beta, alpha):
    """self's values replaced in place, recorded as node(self, batch1, batch2, beta, alpha)."""
    def write(arr):
        arr[...] = values
    return write_inplace(self, write, lambda: node(self, batch1, batch2, beta, alpha), (batch1, batch2))


def _check_addbmm(self, batch1, batch2):
    if needs_grad(self, batch1, batch2):  # (the autograd node saves batch1's sizes 0 and 1 and batch2's 2 first)
        batch1.size(0), batch1.size(1), batch2.size(2)
    sizes = (batch1.size(1), batch2.size(2))
    _expand_check(self, sizes)
    if batch1.dim() != 3:
        raise runtime("batch1 must be a 3D tensor")
    if batch2.dim() != 3:
        raise runtime("batch2 must be a 3D tensor")
    if batch1._shape[0] != batch2._shape[0]:
        raise runtime(f"batch1 and batch2 must have same number of batches, got {batch1._shape[0]} and "
                      f"{batch2._shape[0]}")
    if batch1._shape[2] != batch2._shape[1]:
        raise runtime(f"Incompatible matrix sizes for bmm ({batch1._shape[1]}x{batch1._shape[2]} and "
                      f"{batch2._shape[1]}x{batch2._shape[2]})")
    if batch1._shape[0]:  # (the first addmm_'s checks, on the result of self's dtype)
        from .out_dtypes import check_dtypes
        check_dtypes(self, batch1, batch2)
        if self.dtype is dtypes.bool_ and batch1._np.size and batch2._np.size:
            raise errors.make("NotImplementedError", "\"addmm_impl_cpu_\" not implemented for 'Bool'")
    return sizes


def _addbmm_values(self, batch1, batch2, beta, alpha, sizes):
    """ATen's addbmm_impl_: self expanded, then one addmm_ per batch (beta for the first only)."""
    from ..linear import check_empty_product_beta
    dt = self.dtype
    n, k = batch1._shape[0], batch1._shape[2]
    if not n or not k and 0 not in sizes:  # (the scale of no batches, or each addmm_'s [a, 0] x [0, b] scale)
        for step_beta in [beta] + [1] * (n - 1):
            check_empty_product_beta(batch1, step_beta)
    elif 0 in sizes:  # (each addmm_ returns before reading its scalars)
        return np.zeros(sizes, dt.np)
    alpha, beta = (real_scalar(v, dt, opmath=True) for v in (alpha, beta))
    result = np.array(np.broadcast_to(self._np, sizes))
    if batch1._shape[0] == 0:
        return result * _scalar(dt, beta) if beta != 0 else np.zeros(sizes, dt.np)
    for i in range(batch1._shape[0]):
        step_beta = beta if i == 0 else 1
        a, b = batch1._np[i], batch2._np[i]
        if dt.category < 2:
            prod = _scalar(dt, alpha) * np.matmul(a.astype(np.int64), b.astype(np.int64))
            be = _scalar(dt, step_beta)
            result = (prod if be == 0 else result.astype(np.int64) * be + prod).astype(dt.np)
        elif a.shape[1] == 0:  # (addmm of an empty product: beta * self)
            result = np.zeros(sizes, dt.np) if step_beta == 0 else result * dt.np.type(step_beta)
        else:
            result = _addmm_values(result, a, b, dt, step_beta, alpha)
    return result


def addbmm(self, batch1, batch2, *, beta=1, alpha=1):
    if AUTOCAST[0]:
        return autocast.lower(addbmm, self, batch1, batch2, beta=beta, alpha=alpha)
    sizes = _check_addbmm(self, batch1, batch2)
    return _product(_addbmm_values(self, batch1, batch2, beta, alpha, sizes), self.dtype, AddbmmBackward0, self, batch1,
                    batch2, beta, alpha)


def addbmm_inplace(self, batch1, batch2, *, beta=1, alpha=1):
    precheck(self, batch1, batch2)
    sizes = _check_addbmm(self, batch1, batch2)
    if self._shape != sizes and self.requires_grad:
        raise runtime(f"tensorsh: addbmm_ does not resize self of size {_shape_list(self._shape)} that requires grad "
                      f"to the product's size {_shape_list(sizes)} as PyTorch does")
    values = _addbmm_values(self, batch1, batch2, beta, alpha, sizes)
    if self._shape != sizes:  # (addbmm_impl_'s result.resize_as_(expanded self), below autograd: self grows)
        from .geometry_inplace import resize_output
        resize_output(self, sizes)
    return _write_product(self, values, AddbmmBackward0, batch1, batch2, beta, alpha)

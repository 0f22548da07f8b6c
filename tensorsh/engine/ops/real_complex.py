"""PyTorch's complex-number API: conj (a conjugated copy carrying the conj bit, see FIDELITY), conj_physical(_),
resolve_conj, resolve_neg, real/imag (views of view_as_real's parts; a real tensor's real is itself, its imag
refused), view_as_real/view_as_complex (views reading the storage as the other dtype), torch.complex, torch.polar,
isreal, angle (a real tensor's: 0 or pi, NaN kept), and the conjugate transposes adjoint/mH/H."""
import math

import numpy as np

from .. import dtypes, kernels, messages
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of, enable_grad, is_grad_enabled, no_grad
from ..errors import make, runtime, warn, warn_once
from ..storage import ConjStorage
from .args import parts_check
from .scalar_arith import mul_scalar
from .core import (SavingNode, VIEW_BACKWARD, VIEW_REPLAY, attach, fresh, make_view, needs_grad,
                   precheck, write_inplace, zeros_of)


def itself(self):
    """resolve_neg, and conj / conj_physical / resolve_conj / real of a real tensor: the tensor itself."""
    return self


class ConjBackward0(Node):
    __slots__ = ()

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (g.conj(),)


# conj's view node: grad.conj(), PyTorch's lazy conjugate view (ConjBackward0 under create_graph; a leaf's .grad
# is that view, is_conj())
VIEW_BACKWARD["ConjBackward0"] = lambda g, shape: g.conj()


class ConjPhysicalBackward0(ConjBackward0):
    """grad.conj_physical(): a conjugated copy, not conj's lazy view (the leaf's .grad is not is_conj())."""
    __slots__ = ()

    def backward(self, g):
        return (g.conj_physical(),)


class ConjPhysicalBackward1(ConjPhysicalBackward0):  # (conj_physical_, the in-place overload)
    __slots__ = ()


class CloneBackward0(ConjBackward0):
    __slots__ = ()

    def backward(self, g):
        return (g,)


def _conjugated(self, node):
    out = fresh(np.conj(self._np), self.dtype)
    if needs_grad(self):
        attach(out, node(self))
    return out


def conj(self):
    """A complex tensor's conjugate: PyTorch's lazy view with the conj bit, a view of self over a ConjStorage (the
    same memory shown conjugated; conj of such a view is a view of the memory itself again)."""
    if self.dtype.category != 3:
        return self
    storage = self._storage
    storage = storage.source if type(storage) is ConjStorage else ConjStorage(storage)
    return make_view(self, self._shape, self._stride, self._offset, "ConjBackward0", storage=storage)


VIEW_REPLAY["ConjBackward0"] = conj


def conj_physical(self):
    return _conjugated(self, ConjPhysicalBackward0) if self.dtype.category == 3 else self


def resolve_conj(self):
    return _resolved(self, self.is_conj())


def resolve_neg(self):
    return _resolved(self, self.is_neg())


def _resolved(self, lazy):
    """A conj or neg view's values in a tensor of their own (CloneBackward0); any other tensor itself."""
    if not lazy:
        return self
    out = fresh(self._np.copy(), self.dtype)
    if needs_grad(self):
        attach(out, CloneBackward0(self))
    return out


def conj_physical_inplace(self):
    complex_ = self.dtype.category == 3  # (ATen returns a real self untouched: no TensorIterator, no overlap check)
    precheck(self, internal_overlap=complex_, overlap=complex_)
    write = (lambda arr: np.conjugate(arr, out=arr)) if complex_ else (lambda arr: None)
    return write_inplace(self, write, lambda: ConjPhysicalBackward1(self))  # (a real tensor's too, as PyTorch's)


def view_as_real(self, parts=False):
    if self.dtype.category != 3:
        raise runtime("view_as_real is only supported for complex tensors")
    if self.is_conj() and not parts:  # (real/imag read a conjugated tensor's parts: here its values are computed)
        raise runtime("view_as_real doesn't work on unresolved conjugated tensors.  To resolve the conjugate tensor so "
                      "you can view it as real, use self.resolve_conj(); however, be warned that the resulting tensor "
                      "will NOT alias the original.")
    return make_view(self, self._shape + (2,), tuple(2 * s for s in self._stride) + (1,), 2 * self._offset,
                     "ViewAsRealBackward0", dtype=self.dtype.to_real())


def view_as_complex(self):
    if self.dtype not in (dtypes.float32, dtypes.float64, dtypes.float16):
        raise runtime("view_as_complex is only supported for half, float and double tensors, but got a tensor of "
                      f"scalar type: {dtypes.SCALAR_NAMES[self.dtype.name]}")
    if not self._shape:
        raise runtime("Input tensor must have one or more dimensions")
    if self._shape[-1] != 2:
        raise runtime("Tensor must have a last dimension of size 2")
    if self._stride[-1] != 1:
        raise runtime("Tensor must have a last dimension with stride 1")
    if any(s % 2 and n != 1 for s, n in zip(self._stride[:-1], self._shape)):  # (a dim of size 1 has any stride)
        raise runtime("Tensor must have a stride divisible by 2 for all but last dimension")
    if self._offset % 2:
        raise runtime("Tensor must have a storage_offset divisible by 2")
    dtypes.check_supported(self.dtype.to_complex())  # (float16: complex32)
    return make_view(self, self._shape[:-1], tuple(s // 2 for s in self._stride[:-1]), self._offset // 2,
                     "ViewAsComplexBackward0", dtype=self.dtype.to_complex())


def _as_real_values(g):
    return fresh(np.stack([g._np.real, g._np.imag], -1), g.dtype.to_real())


def _as_complex_values(g):
    return fresh(kernels.complex_of(g._np[..., 0], g._np[..., 1], g.dtype.to_complex().np), g.dtype.to_complex())


# (a gradient with history, under create_graph, goes through derivatives.yaml's ops: view_as_complex(grad.contiguous())
# and view_as_real(grad.contiguous().resolve_conj()), so a second derivative reaches it)
VIEW_BACKWARD["ViewAsRealBackward0"] = lambda g, shape: \
    view_as_complex(g.contiguous()) if g.requires_grad else _as_complex_values(g)
VIEW_BACKWARD["ViewAsComplexBackward0"] = lambda g, shape: \
    view_as_real(g.contiguous().resolve_conj()) if g.requires_grad else _as_real_values(g)
VIEW_REPLAY["ViewAsRealBackward0"] = lambda t: view_as_real(t, True)
VIEW_REPLAY["ViewAsComplexBackward0"] = view_as_complex


def real(self):
    """The real parts: a view of view_as_real's (of a conj view: of its conj, the memory itself, as ATen's). ATen
    selects at the last dim counted from the front (self.dim(), which the SelectBackward0 node's _saved_dim shows)."""
    if self.dtype.category != 3:
        return self
    return view_as_real(conj(self) if self.is_conj() else self, True).select(self.dim(), 0)


def imag(self):
    """The imaginary parts: a view of view_as_real's; a conj view's are ATen's _neg_view of its conj's (the
    negated imaginary parts, is_neg())."""
    if self.dtype.category != 3:
        raise runtime("imag is not implemented for tensors with non-complex dtypes.")
    if self.is_conj():
        return _neg_view(view_as_real(conj(self), True)).select(self.dim(), 1)
    return view_as_real(self, True).select(self.dim(), 1)  # (at its last dim counted from the front, as real's)


def set_real(self, value):
    """`t.real = value` (THPVariable_set_real): real(t).copy_(value), a number as a tensor of the part's dtype."""
    from .indexing import value_to_tensor
    part = real(self)
    part.copy_(value_to_tensor(part, value))


def set_imag(self, value):
    """`t.imag = value`: imag(t).copy_(value) (a real t refused by imag)."""
    from .indexing import value_to_tensor
    part = imag(self)
    part.copy_(value_to_tensor(part, value))


def _neg_view(self):
    """ATen's _neg_view of view_as_real's parts of a complex memory: a view over that memory shown conjugated (its
    imaginary parts, the only ones imag reads, negated)."""
    storage = self._storage
    storage = storage.source if type(storage) is ConjStorage else ConjStorage(storage)
    return make_view(self, self._shape, self._stride, self._offset, "NegViewBackward0", storage=storage)


VIEW_BACKWARD["NegViewBackward0"] = lambda g, shape: g.neg()
VIEW_REPLAY["NegViewBackward0"] = _neg_view


def isreal(self):
    if self.dtype.category == 3:
        return fresh(self._np.imag == 0, dtypes.bool_)
    return fresh(np.ones(self._shape, np.bool_), dtypes.bool_)


class ComplexBackward0(Node):
    """grad of torch.complex(real, imag): real's is grad.real, imag's grad.imag; PyTorch saves each part for its
    own formula (when it wants a gradient), so a part written in place since fails backward."""
    saved_names = ("real", "imag")

    def __init__(self, real, imag):
        Node.__init__(self, (edge_of(real), edge_of(imag)))
        self.saved = tuple(SavedTensor(t) if fn is not None else NOTHING_SAVED
                           for t, (fn, _) in zip((real, imag), self.next_functions))

    def backward(self, g):
        self.unpack()
        return self.in_name_order(("real", "imag"), lambda: g.real, lambda: g.imag)  # (views: SelectBackward0 under
        # create_graph)


class PolarBackward0(SavingNode):
    """polar_backward, in ops as torch's (so under create_graph too): abs's grad real(conj(grad) * sgn(result)),
    angle's real(conj(grad) * (result * i))."""
    inputs, saves_result, saved_names, saved_inputs = 2, True, ("result",), ()

    def backward(self, g):
        r, = self.unpack()
        g_conj = g.conj()
        return real(g_conj * r.sgn()), real(g_conj * mul_scalar(r, 1j))  # (C++'s `result * Scalar(1j)`: mul.Scalar)


def _complex_output(first):
    """complex() and polar() make their output (of the first part's complex dtype) before any check: complex32's
    warning."""
    if getattr(first, "dtype", None) is dtypes.float16:
        warn_once(messages.COMPLEX_HALF)


def complex_(real, imag):
    _complex_output(real)
    parts_check(real, imag)
    dtypes.check_supported(real.dtype.to_complex())  # (float16 parts: complex32)
    values = kernels.complex_of(real._np, imag._np, real.dtype.to_complex().np)
    out = fresh(values, real.dtype.to_complex())
    if needs_grad(real, imag):
        attach(out, ComplexBackward0(real, imag))
    return out


_LIBM_COS, _LIBM_SIN = kernels.libm_each("cos", np.cos), kernels.libm_each("sin", np.sin)


def polar(abs, angle):
    _complex_output(abs)
    parts_check(abs, angle)
    if abs.dtype is dtypes.float16:  # (the kernel has no Half form)
        raise make("NotImplementedError", "\"polar_cpu\" not implemented for 'Half'")
    with np.errstate(all="ignore"):  # (a scalar loop of std::cos and std::sin: the C library's cosf/sinf for float)
        values = kernels.complex_of(abs._np * _LIBM_COS(angle._np), abs._np * _LIBM_SIN(angle._np),
                                    abs.dtype.to_complex().np)
    out = fresh(values, abs.dtype.to_complex())
    if needs_grad(abs, angle):
        attach(out, PolarBackward0(abs, angle, out))
    return out


class AngleBackward0(SavingNode):
    """angle_backward: zeros for a real tensor; a complex one's grad * z / |z|^2 * i (0 where z is 0)."""
    saved_names, saves_result = ("self",), None

    def backward(self, g):
        x, = self.unpack()
        if x.dtype.category != 3:
            return (zeros_of(x),)
        from .comparison import where
        graph = is_grad_enabled() and (g.requires_grad or x.requires_grad)  # (create_graph: WhereBackward0 ...)
        with enable_grad() if graph else no_grad():  # (the ops, each in its kernel's arithmetic)
            return (where(x == 0.0, x.new_zeros(()), g * x / x.abs().pow(2) * 1j),)


def _complex_angle(z):
    """angle_kernel of complex values: atan2(imag, real), SLEEF's on whole two-vector chunks of complex elements, the
    C library's (atan2f, atan2) on the rest (kernels.complex_scalar_body)."""
    im, re = np.asarray(z.imag, order="C"), np.asarray(z.real, order="C")
    tail = kernels.complex_scalar_body(z)
    if tail is True:
        return np.arctan2(im, re)
    loop = kernels.compiled.loop_atan2
    out = np.empty(re.size, re.dtype)
    loop(im.reshape(-1), re.reshape(-1), out, 0 if tail is not None and tail.all() else out.size)
    out = out.reshape(re.shape)
    if tail is not None and tail.any() and not tail.all():
        rest = np.empty(np.count_nonzero(tail), re.dtype)
        loop(im[tail], re[tail], rest, 0)
        out[tail] = rest
    return out


def angle(self):
    """NaN stays NaN, negatives are pi, the rest 0 (integers in the default float dtype); a complex tensor's
    argument in its real dtype."""
    if self.dtype.category == 3:
        out = fresh(_complex_angle(self._np), self.dtype.to_real())
        if needs_grad(self):
            attach(out, AngleBackward0(self))
        return out
    dt = self.dtype if self.dtype.category == 2 else dtypes.DEFAULT_FLOAT
    x = self._np
    values = np.where(np.isnan(x) if self.dtype.category == 2 else False, x,
                      np.where(x < 0, math.pi, 0.0)).astype(dt.np if dt is not dtypes.bfloat16 else np.float32)
    out = fresh(values, dt)
    if needs_grad(self):
        attach(out, AngleBackward0(self))
    return out


def _conjugate_transpose(self, name, zero_dim_warning, two_d_only=False):
    if self.dim() == 0:
        warn(zero_dim_warning)
        return self
    if two_d_only and self.dim() != 2:
        raise runtime(f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor."
                      + (" For batches of matrices, consider using tensor.mH" if self.dim() > 2 else ""))
    if self.dim() < 2:
        raise runtime(f"tensor.{name} is only supported on matrices or batches of matrices. Got {self.dim()}-D "
                      "tensor.")
    return self.transpose(-2, -1) if self.dtype.category != 3 else self.transpose(-2, -1).conj()


def adjoint(self):
    return _conjugate_transpose(self, "adjoint()", "adjoint() is deprecated on 0-D tensors. Consider using x.conj().")


def matrix_H(self):
    return _conjugate_transpose(self, "mH", "Tensor.mH is deprecated on 0-D tensors. Consider using x.conj().")


def H(self):
    return _conjugate_transpose(self, "H", "Tensor.H is deprecated on 0-D tensors. Consider using x.conj().", True)

"""Tensor-number arithmetic as ATen's C++ backward formulas call it: mul.Scalar, div.Scalar, add.Scalar,
sub.Scalar and rsub.Scalar, whose nodes (MulBackward1, DivBackward1, AddBackward1, SubBackward1, RsubBackward1)
are what a double backward's graph shows. Python's `t * 2` is mul.Tensor with a wrapped number: MulBackward0."""
import operator

import numpy as np

from .. import dtypes
from ..tensorimpl import FORWARD_AD_OFF, TANGENT_DROPPED
from .core import ORIGINAL_SCALAR, REDUCED_FLOATS, InputNode, attach, fresh, needs_grad, scalar_in


def _scalar_op(name, kernel, backward, saved_values=None, plain=None):
    """The function and its node: kernel(values, number) in the tensor's dtype; backward(node, g); saved_values:
    the Scalars the node shows as grad_fn._saved_<name> (derivatives.yaml's formula reads them); plain(t, number):
    the op as Python spells it, for a tensor the number promotes (an integer tensor and a float: nothing to
    record, the promoted values)."""
    node_cls = type(name, (InputNode,), {"__slots__": ("other",), "fields": ("other",), "backward": backward,
                                         "saved_values": saved_values or {}})

    def apply(t, number):
        if t.dtype.category < 2:  # (an integer tensor and a number: the promoted values, nothing to record)
            return plain(t, number)
        dt = t.dtype
        if isinstance(number, complex) and dt.category < 3:  # (a real tensor times a complex number is complex)
            dt = dtypes.result_type([t, number])
        if dt in REDUCED_FLOATS:  # (opmath float, rounded once at the end; mul and div read the number as a float,
            # add and sub as the tensor's dtype first: TensorIterator's common dtype, 0.05 is half(0.05))
            read = scalar_in(dt, number, kernel in ORIGINAL_SCALAR)  # (the node keeps the number itself)
            values = kernel(t._np.astype(np.float32), np.float32(read))
        else:
            values = kernel(t._np.astype(dt.np, copy=False), dt.np.type(number))
        out = fresh(np.asarray(values), dt)
        if needs_grad(t):
            attach(out, node_cls(t, number))
        if getattr(t, "_fw_grad", None) is not None and not FORWARD_AD_OFF[0]:
            TANGENT_DROPPED[0] = True  # (called by name inside a composite: its result is not its tangent)
        return out
    return node_cls, apply


MulBackward1, mul_scalar = _scalar_op("MulBackward1", np.multiply,  # (grad * other.conj(), grad / other.conj())
                                      lambda self, g: (mul_scalar(g, _conj(self.other)),),
                                      {"other": "other"}, operator.mul)
DivBackward1, div_scalar = _scalar_op("DivBackward1", np.true_divide, lambda self, g: (div_scalar(g, _conj(self.other)),),
                                      {"other": "other"}, operator.truediv)
AddBackward1, add_scalar = _scalar_op("AddBackward1", np.add, lambda self, g: (g,), plain=operator.add)
SubBackward1, sub_scalar = _scalar_op("SubBackward1", np.subtract, lambda self, g: (g,), plain=operator.sub)
RsubBackward1, rsub_scalar = _scalar_op("RsubBackward1", lambda x, n: n - x, lambda self, g: (-g,),
                                        {"alpha": lambda node: 1}, lambda t, n: n - t)


def cxx_inplace_number(dt, number):
    """The number as ATen's C++ `t.mul_(number)` reads it: mul_.Scalar is `at::mul_out(self, wrapped_scalar_tensor
    (other), self)` (BinaryOps.cpp), the number the first operand, so the reduced-float kernels' float read of a
    second scalar operand does not apply and TensorIterator casts it to t's dtype first (Python's `t.mul_(number)`
    is mul_.Tensor, the number second: read as a float)."""
    return float(scalar_in(dt, number)) if dt in REDUCED_FLOATS else number


def _conj(number):
    return number.conjugate() if isinstance(number, complex) else number


def times_conj(t, s):
    """derivatives.yaml's maybe_multiply(t, s.conj()): t times the scalar's conjugate (mul.Scalar: MulBackward1
    under create_graph) unless it is 1."""
    return t if s == 1 else mul_scalar(t, s.conjugate())


def number_minus(number, t):
    """C++'s `number - t` in a formula: empty_like(t).fill_(number).sub_(t) (ATen's TensorOperators.h), so the
    gradient's graph shows SubBackward0 of the in-place sub."""
    return fresh(np.full(t._shape, number, t.dtype.np), t.dtype).sub_(t)


def number_over(number, t):
    """C++'s `number / t`: empty_like(t).fill_(number).div_(t) (DivBackward0 of the in-place div)."""
    return fresh(np.full(t._shape, number, t.dtype.np), t.dtype).div_(t)


def number_over(number, t):
    """C++'s `number / t` in a formula: empty_like(t).fill_(number).div_(t) (DivBackward0 of the in-place div)."""
    return fresh(np.full(t._shape, number, t.dtype.np), t.dtype).div_(t)

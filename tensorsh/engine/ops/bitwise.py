"""Bitwise and logical ops as methods and torch functions: bitwise_and/or/xor/not, the shifts (<<, >>,
bitwise_left_shift/right_shift) with PyTorch's out-of-range rules, and the in-place twins, logical ones included
(which write 0/1 in self's dtype and leave autograd alone, as PyTorch's do)."""
import numpy as np

from .. import dtypes
from . import binary as F
from ..errors import make, type_error
from .comparison import logical_values, warn_complex_into_real
from .core import (Tensor, binary_operands, check_broadcast, check_fits_output, check_internal_overlap, edges_first,
                   fresh, precheck, type_name, write_inplace)


def _not_implemented(kernel, dt):
    raise make("NotImplementedError", f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def _binary(fn, name):
    """Tensor.<name>(other) and torch.<name>(input, other), a number first included (torch.bitwise_xor(3, t))."""
    def op(self, other):
        if not isinstance(self, Tensor):  # torch.<name>(number, tensor): the operation is symmetric
            self, other = other, self
        r = fn(self, other)
        if r is NotImplemented:
            raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
        return r
    op.__name__ = name
    return op


bitwise_and = _binary(F.bitwise_and, "bitwise_and")
bitwise_or = _binary(F.bitwise_or, "bitwise_or")
bitwise_xor = _binary(F.bitwise_xor, "bitwise_xor")
bitwise_and_inplace, bitwise_or_inplace, bitwise_xor_inplace = \
    F.bitwise_and_inplace, F.bitwise_or_inplace, F.bitwise_xor_inplace


def bitwise_not(self):
    if self.dtype.category == 2:
        _not_implemented("bitwise_not_cpu", self.dtype)
    return F.bitwise_not(self)


def bitwise_not_inplace(self):
    precheck(self)  # (autograd's leaf check comes before the kernel's dtype)
    if self.dtype.category == 2:
        _not_implemented("bitwise_not_cpu", self.dtype)
    values = np.logical_not(self._np) if self.dtype is dtypes.bool_ else np.invert(self._np)
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), None)


# ------------------------------------------------------------------ shifts

def _shift_values(a, b, dt, left):
    """PyTorch's lshift/rshift kernels: a shift by a negative amount or by the type's width or more gives 0 to
    the left, and to the right the sign (a >> width - 1) of a signed type, 0 of an unsigned one."""
    bits = 8 * dt.itemsize
    a, b = np.broadcast_arrays(np.asarray(a, dt.np), np.asarray(b, dt.np))
    wide = b.astype(np.int64)
    out_of_range = (wide < 0) | (wide >= bits)
    safe = np.where(out_of_range, 0, wide)
    if left:
        unsigned = np.dtype(dt.np).str.replace("i", "u")
        r = np.left_shift(a.astype(unsigned), safe.astype(unsigned)).astype(dt.np)
        return np.where(out_of_range, dt.np.type(0), r)
    if not dt.is_signed:  # (a >> max_shift: the width itself for an unsigned type, so no bits stay)
        return np.where(out_of_range, dt.np.type(0), np.right_shift(a, safe.astype(dt.np)))
    return np.right_shift(a, np.where(out_of_range, bits - 1, safe).astype(dt.np))


def _shift(left):
    kernel = "lshift_cpu" if left else "rshift_cpu"

    def values(self, other):
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        if dt.category >= 2 or dt is dtypes.bool_:  # (PyTorch 2.13's shift kernels take integers only)
            _not_implemented(kernel, dt)
        return _shift_values(an, bn, dt, left), dt

    def op(self, other):
        if not isinstance(self, Tensor):  # torch.bitwise_left_shift(2, t)
            r, dt = values(self, other)
        else:
            if not isinstance(other, (Tensor, bool, int, float, complex)):
                return NotImplemented
            r, dt = values(self, other)
        return fresh(np.array(r, dt.np, order="C"), dt)

    def rop(self, other):
        if not isinstance(other, (bool, int, float, complex)):
            return NotImplemented
        r, dt = values(other, self)
        return fresh(np.array(r, dt.np, order="C"), dt)

    return op, rop, F.integer_inplace(values)


lshift, rlshift, lshift_inplace = _shift(True)
rshift, rrshift, rshift_inplace = _shift(False)


def bitwise_left_shift(self, other):
    r = lshift(self, other)
    if r is NotImplemented:
        raise type_error(f"bitwise_left_shift(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    return r


def bitwise_right_shift(self, other):
    r = rshift(self, other)
    if r is NotImplemented:
        raise type_error(f"bitwise_right_shift(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    return r


# torch.<name>: autograd's wrapper collects the edges before the kernel's dtype check, as the methods' (a stale
# no-grad view's error first); the registry gives it to methods only
bitwise_and_function, bitwise_or_function, bitwise_xor_function, bitwise_left_shift_function, \
    bitwise_right_shift_function = (edges_first(f) for f in (bitwise_and, bitwise_or, bitwise_xor, bitwise_left_shift,
                                                             bitwise_right_shift))


# ------------------------------------------------------------------ logical ops in place

def _logical_inplace(np_fn):
    """logical_and_(other) ...: the boolean result written as 0/1 in self's dtype; no autograd check and no node
    (PyTorch's logical ops are not differentiable: a leaf that requires grad may be written)."""
    def op(self, other):
        if not isinstance(other, Tensor):
            raise type_error(f"{np_fn.__name__}_(): argument 'other' (position 1) must be Tensor, not "
                             f"{type_name(other)}")
        check_internal_overlap(self)  # (TensorIterator's overlap checks come before its shapes)
        check_broadcast(self, other)
        check_fits_output(self, other)
        values = logical_values(np_fn, self, other)
        warn_complex_into_real(self, other)
        return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), None)
    return op


logical_and_inplace = _logical_inplace(np.logical_and)
logical_or_inplace = _logical_inplace(np.logical_or)
logical_xor_inplace = _logical_inplace(np.logical_xor)


def logical_not_inplace(self):
    check_internal_overlap(self)
    values = np.logical_not(self._np)
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), None)

"""Elementwise ops of two tensors about numbers themselves: gcd, lcm (integers), heaviside (the step, values where
input is 0), nextafter (the next float towards other), each with its in-place twin."""
import numpy as np

from .. import autograd, dtypes, kernels
from ..errors import make, runtime, type_error
from .binary import binary_node
from .core import (BinaryNode, NotImplementedNode, Tensor, attach, binary_operands, cast_for_inplace, check_broadcast,
                   check_fits_output, laid_out_like, needs_grad, precheck, type_name, write_inplace, zeros_of)


def _nextafter_self(g, self, other):
    from .comparison import ne, where
    return where(ne(self, other), g, 0)  # (derivatives.yaml: nothing passes where self already equals other)


# PyTorch 2.13's formulas: self's gradient where self != other, other's zeros_like(other) (its size only: both
# saved for self's formula, when self wants a gradient)
NextafterBackward0 = binary_node("NextafterBackward0", _nextafter_self, lambda g: zeros_of(g))


def _not_implemented(name, dt):
    return make("NotImplementedError", f"\"{name}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def _gcd_values(name):
    def values(a, b, dt):
        if dt.category != 1:
            raise _not_implemented(name, dt)
        with np.errstate(all="ignore"):
            if dt.is_signed and (np.any(a == np.iinfo(dt.np).min) or np.any(b == np.iinfo(dt.np).min)):
                return _calc_gcd_lcm(name, np.asarray(a, dt.np), np.asarray(b, dt.np), dt)
            return (np.gcd if name == "gcd" else np.lcm)(a, b)
    return values


def _calc_gcd_lcm(name, a, b, dt):
    """ATen's calc_gcd where a dtype's minimum meets it: ::abs keeps the minimum negative, so Euclid's loop of C
    remainders can end negative (gcd(-128, -127) of int8 is -1); lcm is ::abs(a / g * b), in int for int8/int16."""
    x, y = (np.array(v, dtype=dt.np) for v in np.broadcast_arrays(np.abs(a), np.abs(b)))
    while np.any(x != 0):
        nz = x != 0
        x, y = np.where(nz, np.fmod(y, np.where(nz, x, 1)), 0).astype(dt.np), np.where(nz, x, y)
    if name == "gcd":
        return y
    wide = np.int64 if dt.itemsize < 4 else dt.np  # (int8/int16 arithmetic is C's int)
    g, a = y.astype(wide), a.astype(wide)
    quotient = kernels.div_trunc(a, np.where(g == 0, 1, g))  # (C's division, toward zero)
    return np.where(g == 0, 0, np.abs(quotient * b.astype(wide))).astype(dt.np)


def _heaviside_values(a, b, dt):
    return np.where(a == 0, b, a > 0)


def _nextafter_values(a, b, dt):
    if dt.category != 2:
        raise _not_implemented("nextafter", dt)
    if dt is dtypes.bfloat16:
        return _nextafter_bfloat16(*np.broadcast_arrays(np.asarray(a, np.float32), np.asarray(b, np.float32)))
    return np.nextafter(a, b)


def _nextafter_bfloat16(a, b):
    """c10's nextafter of BFloat16 values (float32 words holding them): one bfloat16 step (the word's high half)
    towards b; b itself where they are equal, the smallest subnormal of b's sign from zero, NaN from a NaN."""
    bits = a.view(np.uint32).astype(np.int64)
    away = (a < b) == (a > 0)  # (the magnitude grows)
    stepped = np.where(away, bits + 0x10000, bits - 0x10000)
    zero = np.where(b < 0, 0x80010000, 0x00010000)
    out = np.where(a == 0, zero, stepped).astype(np.uint32).view(np.float32)
    out = np.where(a == b, b, out)
    return np.where((a != a) | (b != b), np.float32(np.nan), out)


def _pair(name, argument, values_fn, node_cls):
    """torch.<name>(input, <argument>) and Tensor.<name>(_) for a tensor <argument> only."""
    def checked(self, other):  # (the parser's and the op's own checks, then TensorIterator's shapes)
        if not isinstance(other, Tensor):
            raise type_error(f"{name}(): argument '{argument}' (position 1) must be Tensor, not {type_name(other)}")
        if name == "heaviside" and self.dtype is not other.dtype:
            raise runtime("heaviside is not yet implemented for tensors with different dtypes.")
        check_broadcast(self, other)

    def values(self, other):
        checked(self, other)
        an, bn, dt = binary_operands(self, other)
        return np.asarray(values_fn(np.asarray(an, dt.np), np.asarray(bn, dt.np), dt), dt.np), dt

    def fn(self, other):
        result, dt = values(self, other)
        out = laid_out_like(result, dt, self, other)
        if node_cls is not None and needs_grad(self, other) and dt.category == 2:
            attach(out, node_cls(self, other, out))
        return out

    def fn_(self, other):
        if isinstance(other, Tensor):  # (autograd's leaf check comes before the kernel's dtype check)
            precheck(self, other)
        checked(self, other)
        check_fits_output(self, other)  # (TensorIterator's output checks come before the kernel's dtype dispatch)
        cast_for_inplace(self, dtypes.result_type((self, other), tensorless=True))
        with autograd.no_grad():
            result, dt = values(self, other)

        def write(arr):
            arr[...] = result
        def make():  # (nextafter's formula reads self: its pre-write copy stands for it, original_self)
            if node_cls is not NextafterBackward0:
                return node_cls(self, other, None)
            return node_cls(self, other, None, original=self.clone())  # (recorded: CloneBackward0, as ATen's)
        return write_inplace(self, write, None if node_cls is None else make, (other,))
    fn.__name__, fn_.__name__ = name, name + "_"
    return fn, fn_


gcd, gcd_inplace = _pair("gcd", "other", _gcd_values("gcd"), None)
lcm, lcm_inplace = _pair("lcm", "other", _gcd_values("lcm"), None)
heaviside, heaviside_inplace = _pair("heaviside", "values", _heaviside_values,
                                       lambda a, b, out: NotImplementedNode("heaviside", a, b))
nextafter, nextafter_inplace = _pair("nextafter", "other", _nextafter_values, NextafterBackward0)

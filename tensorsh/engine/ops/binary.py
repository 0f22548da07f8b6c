"""Binary arithmetic: add, sub, mul, div, pow (and square), floor_divide, remainder, fmod, atan2, hypot, xlogy,
bitwise and/or/xor/not, the reflected and augmented operators, and the in-place twins add_/sub_/mul_/div_/pow_."""
import builtins
import math

import numpy as np

from .. import autograd, dtypes, errors, kernels, messages, undo
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..errors import make, runtime, type_error
from ..tensorimpl import Tensor
from .comparison import _np_of, logical_not, where
from .core import (BinaryNode, InputNode, attach, binary_op, binary_operands, cast_for_inplace, check_broadcast,
                   check_fits_output, check_inplace, fresh, from_numpy, laid_out_like, needs_grad, precheck,
                   self_overlapping, true_div_dtype, write_inplace, write_rows, written, zeros_of)
from .registry import op, operator
from .scalar_arith import div_scalar as _div_scalar, mul_scalar, sub_scalar
from .unary import reciprocal


class AddBackward0(BinaryNode):
    __slots__ = ("alpha",)
    saved_values = {"alpha": "alpha"}

    def setup(self, a, b, out):
        self.alpha = 1

    def grads(self, g):
        a_g = g if self.wants(0) else None
        b_g = (g if self.alpha == 1 else g * self.alpha) if self.wants(1) else None
        return a_g, b_g


class SubBackward0(AddBackward0):
    saved_values = {"alpha": "alpha"}

    def grads(self, g):
        return (g if self.wants(0) else None), (-g if self.alpha == 1 else g * -self.alpha) if self.wants(1) else None


class RsubBackward1(Node):
    """scalar - tensor"""

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(b),))

    def backward(self, g):
        return (-g,)


class MulBackward0(BinaryNode):
    original_self = True
    saved_names = ("other", "self")

    def setup(self, a, b, out):
        # PyTorch saves each operand only when the other one needs its gradient
        nf = self.next_functions
        self.saved = (SavedTensor(b) if nf[0][0] is not None else NOTHING_SAVED,
                      SavedTensor(a) if nf[1][0] is not None else NOTHING_SAVED)

    def grads(self, g):
        other, me = self.unpack()
        return (g * other if self.wants(0) else None), (g * me if self.wants(1) else None)


class DivBackward0(BinaryNode):
    original_self = True
    saved_names = ("other", "self")

    def setup(self, a, b, out):
        # saved (and unpacked) in the order of PyTorch's formulas: other first, then self
        self.saved = (SavedTensor(b), SavedTensor(a) if self.wants(1) else NOTHING_SAVED)

    def grads(self, g):
        other, me = self.unpack()
        ga = g / other if self.wants(0) else None
        gb = -g * ((me / other) / other) if self.wants(1) else None  # PyTorch's div_tensor_other_backward
        return ga, gb


class PowBackward0(Node):
    """tensor ** scalar"""
    __slots__ = ("exponent",)
    saved_names, saved_values = ("self",), {"exponent": "exponent"}

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(a),))
        self.saved = (SavedTensor(a if out is not None else a.clone()),)  # in place (no out): original_self
        self.exponent = b

    def backward(self, g):
        x, = self.unpack()
        e = self.exponent
        if e == 0:
            return (zeros_of(g),)
        return (g * mul_scalar(x.pow(e - 1), e),)  # (C++'s `exponent * self.pow(exponent - 1)`: mul.Scalar)


class PowBackward1(BinaryNode):
    """tensor ** tensor"""
    saved_names = ("self", "exponent", "result")

    def setup(self, a, b, out):
        if out is None:  # in place: self's pre-write copy (original_self); write_inplace saves the result
            self.saved = (SavedTensor(a.clone()), SavedTensor(b))
        else:
            self.saved = (SavedTensor(a), SavedTensor(b), SavedTensor(out, is_output=True))

    def grads(self, g):
        x, e, r = self.unpack()
        ga = where(e == 0, 0.0, g * (e * x.pow(sub_scalar(e, 1)))) if self.wants(0) else None
        gb = None
        if self.wants(1):
            gb = g * where((x == 0).logical_and(e >= 0), 0.0, r * x.log())
        return ga, gb


class PowBackward2(Node):
    """scalar ** tensor"""
    __slots__ = ("base",)
    saved_names = ("result",)

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(b),))
        self.base = a
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        r, = self.unpack()
        if self.base == 0:
            return (g * where(r >= 0, 0.0, math.inf),)
        return (g * mul_scalar(r, math.log(self.base)),)


def _fused_alpha(self, other, alpha):
    """PyTorch adds `alpha * other` with one fused multiply-add (its ufunc's fmadd): two float32 or float64 tensors."""
    return (alpha != 1 and isinstance(self, Tensor) and isinstance(other, Tensor) and self.dtype is other.dtype
            and self.dtype in (dtypes.float32, dtypes.float64) and isinstance(alpha, (int, float))
            and not isinstance(alpha, bool))


def _alpha_node(node_cls, alpha):
    def make(a, b, out):
        node = node_cls(a, b, out)
        node.alpha = alpha
        return node
    return make


def _checked_alpha(self, other, alpha):
    """PyTorch's alpha_check against the result type; a bool result takes alpha as a bool."""
    if type(alpha) is int and alpha == 1:
        return alpha
    dt = dtypes.result_type((self, other))
    if isinstance(alpha, bool) and dt is not dtypes.bool_:
        raise runtime("Boolean alpha only supported for Boolean results.")
    if dt.category < 2 and isinstance(alpha, float):
        raise runtime("For integral input tensors, argument alpha must not be a floating point number.")
    return builtins.bool(alpha) if dt is dtypes.bool_ else alpha


def add(self, other, alpha=1):
    alpha = _checked_alpha(self, other, alpha)
    if _fused_alpha(self, other, alpha):
        scale = self.dtype.np.type(alpha)
        return binary_op(self, other, lambda a, b: kernels.fma(b, scale, a), _alpha_node(AddBackward0, alpha))
    if alpha != 1:
        other = other * alpha
    return binary_op(self, other, np.add, AddBackward0)


def _check_sub(a, b):
    """PyTorch's sub_check: a Python bool counts as a bool tensor (it is wrapped as one)."""
    bools = [type(x) is bool or (type(x) is Tensor and x.dtype is dtypes.bool_) for x in (a, b)]
    if all(bools):
        raise runtime(messages.SUB_TWO_BOOLS)
    if any(bools):
        raise runtime(messages.SUB_BOOL)


def sub(self, other, alpha=1):
    _check_sub(self, other)
    alpha = _checked_alpha(self, other, alpha)
    if _fused_alpha(self, other, alpha):
        scale = self.dtype.np.type(-alpha)
        return binary_op(self, other, lambda a, b: kernels.fma(b, scale, a), _alpha_node(SubBackward0, alpha))
    if alpha != 1:
        other = other * alpha
    return binary_op(self, other, np.subtract, SubBackward0)


def rsub(self, other):
    _check_sub(other, self)
    if isinstance(other, Tensor):
        return sub(other, self)
    return binary_op(other, self, np.subtract, RsubBackward1)


def mul(self, other):
    return binary_op(self, other, np.multiply, MulBackward0)


def div(self, other, rounding_mode=None):
    if rounding_mode == "floor":
        return binary_op(self, other, np.floor_divide, DivBackward2)
    if rounding_mode == "trunc":
        return binary_op(self, other, lambda a, b: np.trunc(a / b).astype(np.result_type(a, b)), DivBackward2)
    return binary_op(self, other, np.true_divide, DivBackward0, out_dtype=true_div_dtype)


def rdiv(self, other):
    # PyTorch computes scalar / tensor as reciprocal() * scalar (its grad_fn is MulBackward0)
    return mul(reciprocal(self if self.dtype.category == 2 else self.float()), other)


def _int_power(a, b):
    """PyTorch's powi for integer tensors: a negative exponent gives 1 for 1, +-1 for -1, else 0."""
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind not in "iu" or b.dtype.kind not in "iu" or not (b < 0).any():
        return np.power(a, b)
    out = np.power(a, np.where(b < 0, 0, b))
    odd = (-b) % 2 == 1
    neg = np.where(a == 1, 1, np.where(a == -1, np.where(odd, -1, 1), 0)).astype(out.dtype)
    return np.where(b < 0, neg, out)


def power(self, exponent):
    if isinstance(exponent, Tensor):
        integers = self.dtype.category < 2 and exponent.dtype.category < 2
        return binary_op(self, exponent, _int_power if integers else np.power, PowBackward1)
    x = self._np
    if self.dtype.category < 2 and type(exponent) is int and exponent < 0:  # (checked before any kernel: empty too)
        raise runtime("Integers to negative integer powers are not allowed.")
    if self.dtype.category < 2 and isinstance(exponent, float):
        x = x.astype(np.float32)
    dt = dtypes.result_type((self, exponent))
    x = x.astype(dt.np, copy=False)
    if dt.category == 2 and not isinstance(exponent, bool):
        out = from_numpy(np.asarray(kernels.pow_scalar(x, exponent)), dt)
    else:
        out = from_numpy(np.power(x, dt.np.type(exponent)), dt)
    if needs_grad(self):
        attach(out, PowBackward0(self, exponent, out))
    return out


def rpow(self, base):
    dt = dtypes.result_type((base, self))
    kernel = _int_power if dt.category < 2 else np.power  # (an integer to a negative power: powi's 0, 1 or -1)
    out = from_numpy(np.asarray(kernel(dt.np.type(base), self._np.astype(dt.np, copy=False))), dt)
    if needs_grad(self):
        attach(out, PowBackward2(base, self, out))
    return out


def square(self):
    return power(self, 2)


def _check_integer_division(a, b):
    """Integer // and % by zero: PyTorch's kernels raise (floats give inf and nan)."""
    if dtypes.result_type((a, b)).category < 2 and not np.all(_np_of(b)):
        raise runtime("ZeroDivisionError")


def floor_divide(self, other):
    _check_integer_division(self, other)
    return binary_op(self, other, np.floor_divide, NotImplementedBackward)


def _np_remainder(a, b):
    """PyTorch's remainder: floor-mod for integers; for floats fmod, then + b where the signs differ (so
    -2.0 % 1 is -0.0, as PyTorch prints it, where numpy's mod gives 0.0)."""
    if np.result_type(a, b).kind != "f":
        return np.mod(a, b)
    m = np.fmod(a, b)
    return np.where((m != 0) & ((np.less(b, 0)) != (m < 0)), m + b, m)


def remainder(self, other):
    _check_integer_division(self, other)
    return binary_op(self, other, _np_remainder, RemainderBackward0)


def _rfloordiv(self, other):
    _check_integer_division(other, self)
    return binary_op(other, self, np.floor_divide, NotImplementedBackward)


def _rmod(self, other):
    _check_integer_division(other, self)
    return binary_op(other, self, _np_remainder, _RemainderNotImplemented)


def bitwise_not(self):
    if self.dtype.category == 2:
        raise type_error("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return from_numpy(np.invert(self._np), self.dtype)


def _bitwise(name, np_fn):
    """&, |, ^ on bool and integer tensors (bitwise_and_cpu, ...), and their in-place forms."""
    def values(self, other):
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        if dt.category == 2:
            raise errors.make("NotImplementedError", f"\"{name}_cpu\" not implemented for "
                                                     f"'{dtypes.SCALAR_NAMES[dt.name]}'")
        return np.asarray(np_fn(an, bn), dtype=dt.np), dt

    def op(self, other):
        if type(other) not in (Tensor, bool, int, float):
            return NotImplemented
        r, dt = values(self, other)
        return from_numpy(r, dt)

    return op, integer_inplace(values)


def integer_inplace(values):
    """The in-place form (&=, |=, ^=, <<=, >>=) of a binary op with integer kernels, given its values(self, other):
    autograd's checks, the cast check a float operand meets before the kernel's dtype check, then the write."""
    def op_(self, other):
        if not isinstance(other, (Tensor, bool, int, float)):
            return NotImplemented
        precheck(self, other)
        if type(other) is float or isinstance(other, Tensor) and other.dtype.category == 2:
            check_broadcast(self, other)
            check_fits_output(self, other)
            cast_for_inplace(self, dtypes.result_type((self, other)))
        r, dt = values(self, other)
        check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        cast_for_inplace(self, dt)

        def write(arr):
            arr[...] = r
        return write_inplace(self, write, None)
    return op_


bitwise_and, bitwise_and_inplace = _bitwise("bitwise_and", np.bitwise_and)
bitwise_or, bitwise_or_inplace = _bitwise("bitwise_or", np.bitwise_or)
bitwise_xor, bitwise_xor_inplace = _bitwise("bitwise_xor", np.bitwise_xor)


class _IdentityGradNode(Node):
    """x %= y: the gradient passes to x unchanged (RemainderBackward0's formula for self)."""

    def __init__(self, name, x):
        Node.__init__(self, (edge_of(x),))
        self.name_ = name

    def backward(self, g):
        return (g,)


def _augmented(fn, node_name):
    """x %= y, x //= y: PyTorch's in-place remainder_/floor_divide_, with TensorIterator's casting rule."""
    def op(self, other):
        with autograd.no_grad():
            values = fn(self, other)
        precheck(self, other)
        check_fits_output(self, other)
        cast_for_inplace(self, values.dtype)
        original = self._new(self._np.copy(), self.dtype) if callable(node_name) and needs_grad(self, other) else None

        def make():
            if node_name == "NotImplemented":
                return NotImplementedBackward(self, other, None)
            if callable(node_name):  # the op's node class for this other (y's edge too: y may require grad)
                return node_name(other)(self, other, None, original)
            return _IdentityGradNode(node_name + ("1" if type(other) is Tensor else "0"), self)

        def write(arr):
            arr[...] = values._np
        return write_inplace(self, write, make if self.dtype.category == 2 else None, (other,))
    return op


class RemainderBackward0(BinaryNode):
    """x % y: x's gradient passes unchanged, y's is -g * floor(x / y) (RemainderBackward1: y a tensor)."""
    number_edges = 1

    def setup(self, a, b, out):
        if type(b) is Tensor:
            self.name_ = "RemainderBackward1"
            self.saved = (SavedTensor(a), SavedTensor(b)) if self.wants(1) else ()

    def grads(self, g):
        if not self.wants(1):
            return g if self.wants(0) else None, None
        a, b = self.unpack()
        return (g if self.wants(0) else None), -g * div(a, b, rounding_mode="floor")


class DivBackward2(BinaryNode):
    """div with a rounding mode: a gradient of zeros to both operands."""

    def grads(self, g):
        return (g * 0 if self.wants(0) else None), (g * 0 if self.wants(1) else None)


class NotImplementedBackward(BinaryNode):
    """floor_divide, number % tensor: PyTorch records a node that refuses to run."""
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented, its repr is not)
    number_edges = 1
    op = "floor_divide"

    def grads(self, g):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


class _RemainderNotImplemented(NotImplementedBackward):
    op = "remainder"


def _binary_inplace(np_fn, node_cls, true_div=False):
    sign = -1 if np_fn is np.subtract else 1

    def op(self, other, alpha=1):
        if np_fn is np.subtract:
            _check_sub(self, other)
        if node_cls in (AddBackward0, SubBackward0) and not (type(alpha) is int and alpha == 1):
            if needs_grad(self, other):  # (PyTorch's order: the leaf check, the cast check, then alpha_check)
                check_inplace(self)
            if not (isinstance(other, Tensor) and other.dtype is self.dtype and self.dtype.category == 2 and
                    other._shape == self._shape and type(alpha) in (int, float)):  # (where these cannot fail)
                check_fits_output(self, other)
                cast_for_inplace(self, dtypes.result_type((self, other)))
                alpha = _checked_alpha(self, other, alpha)
        fused = node_cls in (AddBackward0, SubBackward0) and _fused_alpha(self, other, alpha)
        b = _plain_operand(self, other) if alpha == 1 or fused else None
        if b is not None:  # the optimizers' case: no autograd, nothing to check, written in place
            undo.touch(self._storage)
            if fused:
                self._np[...] = kernels.fma(b, self.dtype.np.type(sign * alpha), self._np)
            else:
                np_fn(self._np, b, out=self._np)
            written(self)
            return self
        precheck(self, other)
        if alpha != 1 and not fused:
            other = other * alpha
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        if true_div:
            dt = true_div_dtype(dt)
            an, bn = an.astype(dt.np, copy=False), (bn.astype(dt.np, copy=False) if isinstance(bn, np.ndarray) else dt.np.type(bn))
        check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        cast_for_inplace(self, dt)
        if self_overlapping(self):
            bb = np.broadcast_to(bn, self._shape)
            scale = dt.np.type(sign * alpha) if fused else None

            def write(arr):
                if fused:
                    write_rows(self, arr, lambda ix: kernels.fma(bb[ix], scale, arr[ix].astype(an.dtype)), (other,))
                else:
                    write_rows(self, arr, lambda ix: np_fn(arr[ix].astype(an.dtype), bb[ix]), (other,))
        else:
            values = kernels.fma(bn, dt.np.type(sign * alpha), an) if fused else np_fn(an, bn)

            def write(arr):
                arr[...] = values

        def make():
            node = _inplace_node(node_cls, self, other)
            if fused:
                node.alpha = alpha
            return node
        return write_inplace(self, write, make, (other,))
    return op


def _plain_operand(self, other):
    """other as a numpy operand when an in-place binary op on float self needs none of the general path: no
    autograd, no overlap, no broadcast or cast (a Python number, or a tensor of self's dtype and shape that does
    not share self's storage); else None."""
    if self.dtype.category != 2 or needs_grad(self, other) or 0 in self._stride or \
            (self._view is not None and self_overlapping(self)):
        return None
    t = type(other)
    if t is float or t is int:
        return self.dtype.np.type(other)
    if t is Tensor and other.dtype is self.dtype and other._shape == self._shape and other._storage is not self._storage:
        return other._np
    return None


def _inplace_node(node_cls, self, other):
    """The node of an in-place binary op; an operand needed for backward is saved as its pre-write copy."""
    original = None
    if node_cls.original_self and needs_grad(other):
        original = self.clone()  # recorded, as PyTorch's original_self, so double backward reaches self
    return node_cls(self, other, None, original)


add_inplace = _binary_inplace(np.add, AddBackward0)
sub_inplace = _binary_inplace(np.subtract, SubBackward0)
mul_inplace = _binary_inplace(np.multiply, MulBackward0)
div_inplace = _binary_inplace(np.true_divide, DivBackward0, true_div=True)


def pow_inplace(self, exponent):
    precheck(self, exponent)
    with autograd.no_grad():
        values = power(self, exponent)
    check_fits_output(self, exponent)
    cast_for_inplace(self, values.dtype)

    def make():  # (out None: in place)
        return (PowBackward1 if isinstance(exponent, Tensor) else PowBackward0)(self, exponent, None)

    def write(arr):
        if not isinstance(exponent, Tensor) and self_overlapping(self):
            with autograd.no_grad():
                write_rows(self, arr, lambda ix: power(Tensor._from_numpy(arr[ix].copy(), self.dtype), exponent)._np)
        else:
            arr[...] = values._np
    return write_inplace(self, write, make, (exponent,), save_output=isinstance(exponent, Tensor))


def _atan2_values(a, b):
    """float32 atan2 as PyTorch computes it: SLEEF on whole two-vector chunks, the C library's atan2f on the rest
    (so all of a small tensor); the chunks get the correctly rounded value, which SLEEF's nearly always is."""
    if a.dtype != np.float32:
        return np.arctan2(a, b)
    out = np.arctan2(a, b, dtype=np.float64).astype(np.float32)
    chunk = kernels._vector_chunk() if kernels.compiled is not None else None
    scalar = kernels._libm("atan2f", 2) if chunk is not None else None
    if scalar is None or np.shape(a) != np.shape(b) or out.size > kernels.GRAIN_SIZE:
        return out
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.flags.c_contiguous and b.flags.c_contiguous):
        return out
    flat, fa, fb = out.reshape(-1), a.reshape(-1), b.reshape(-1)
    start = fa.size // chunk * chunk
    flat[start:] = [scalar(x, y) for x, y in zip(fa[start:].tolist(), fb[start:].tolist())]
    return out


class Atan2Backward0(BinaryNode):

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        recip = (a * a + b * b).reciprocal()  # PyTorch's atan2_backward
        return (g * b * recip if self.wants(0) else None), (g * -a * recip if self.wants(1) else None)


def _float_operands(a, b):
    """atan2 promotes integers to the default float, as PyTorch's float ops do."""
    check_broadcast(a, b)
    an, bn, dt = binary_operands(a, b)
    if dt.category < 2:
        dt = dtypes.DEFAULT_FLOAT
        an, bn = np.asarray(an, dt.np), np.asarray(bn, dt.np)
    return an, bn, dt


def atan2(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"atan2(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    an, bn, dt = _float_operands(self, other)
    out = from_numpy(np.asarray(_atan2_values(np.asarray(an), np.asarray(bn)), dt.np), dt)
    if needs_grad(self, other):
        attach(out, Atan2Backward0(self, other, out))
    return out


class FmodBackward0(BinaryNode):
    """fmod by a number: the gradient passes unchanged."""
    number_edges = 1

    def grads(self, g):
        return g, None


class FmodBackward1(BinaryNode):

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a) if self.wants(1) else NOTHING_SAVED,
                      SavedTensor(b) if self.wants(1) else NOTHING_SAVED)

    def grads(self, g):
        gb = None
        if self.wants(1):
            a, b = self.unpack()
            gb = -g * a.div(b, rounding_mode="trunc")
        return (g if self.wants(0) else None), gb


def fmod(self, other):
    return binary_op(self, other, np.fmod, FmodBackward1 if isinstance(other, Tensor) else FmodBackward0)


def _float_only(op, kernel, *tensors):
    """The kernel is dispatched on the operands' common dtype: an integer or bool one has none."""
    dt = dtypes.result_type(tensors)
    if dt.category < 2:
        raise make("NotImplementedError", f'"{kernel}" not implemented for \'{dtypes.SCALAR_NAMES[dt.name]}\'')


class HypotBackward0(BinaryNode):

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b), SavedTensor(out, is_output=True))

    def grads(self, g):
        a, b, result = self.unpack()
        return (g * a / result if self.wants(0) else None), (g * b / result if self.wants(1) else None)


def hypot(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"hypot(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    _float_only("hypot", "hypot_cpu", self, other)
    check_broadcast(self, other)
    an, bn, dt = binary_operands(self, other)
    values = np.hypot(an, bn, dtype=np.float64) if dt.np == np.float32 else np.hypot(an, bn)  # correctly rounded
    out = from_numpy(np.asarray(values, dt.np), dt)
    if needs_grad(self, other):
        attach(out, HypotBackward0(self, other, out))
    return out


def _log_as_libm(y):
    """log(y) as the C library computes it (PyTorch's xlogy kernel calls std::log element by element)."""
    scalar = kernels._libm("logf" if y.dtype == np.float32 else "log")
    if scalar is None or y.size > kernels.SCALAR_CALLS:
        return np.log(y, dtype=np.float64).astype(y.dtype) if y.dtype == np.float32 else np.log(y)
    flat = np.ascontiguousarray(y).reshape(-1)
    return np.array([scalar(v) for v in flat.tolist()], y.dtype).reshape(y.shape)


def _xlogy_values(x, y):
    x, y = np.broadcast_arrays(x, y)
    with np.errstate(all="ignore"):
        r = x * _log_as_libm(y)
    r = np.where(x == 0, x.dtype.type(0), r)
    return np.where(np.isnan(y), y, r)


class XlogyBackward0(BinaryNode):
    __slots__ = ("numbers",)

    def setup(self, a, b, out):
        self.numbers = (None if isinstance(a, Tensor) else a, None if isinstance(b, Tensor) else b)
        self.saved = (SavedTensor(a) if isinstance(a, Tensor) else NOTHING_SAVED,
                      SavedTensor(b) if isinstance(b, Tensor) else NOTHING_SAVED)

    def grads(self, g):
        a, b = (n if n is not None else t for n, t in zip(self.numbers, self.unpack()))
        ga = None
        if self.wants(0):  # PyTorch's formula: xlogy(grad, other), 0 where self == 0 and other <= 0
            ga = xlogy(g, b)  # (self is a tensor here: it wants a gradient)
            mask = (a == 0) & (b <= 0) if isinstance(b, Tensor) else (a == 0) if b <= 0 else None
            if mask is not None:
                ga = ga.masked_fill(mask, 0.0)
        return ga, (g * a / b if self.wants(1) else None)


class XlogyBackward1(XlogyBackward0):
    """xlogy(number, tensor)."""
    number_edges = 1


class XlogyBackward2(XlogyBackward0):
    """xlogy(tensor, number)."""
    number_edges = 1


def xlogy(self, other):
    if not isinstance(self, Tensor) and not isinstance(other, Tensor):
        raise type_error("xlogy(): expected a Tensor")
    tensors = [t for t in (self, other) if isinstance(t, Tensor)]
    dt = dtypes.result_type([self, other])
    if dt.category < 2:
        dt = dtypes.DEFAULT_FLOAT
    if len(tensors) == 2:
        check_broadcast(self, other)
    a = self._np.astype(dt.np) if isinstance(self, Tensor) else dt.np.type(self)
    b = other._np.astype(dt.np) if isinstance(other, Tensor) else dt.np.type(other)
    out = laid_out_like(np.asarray(_xlogy_values(np.asarray(a), np.asarray(b)), dt.np), dt, self, other)
    if needs_grad(*tensors):
        if not isinstance(self, Tensor):
            node = XlogyBackward1(self, other, out)
        else:
            node = (XlogyBackward0 if isinstance(other, Tensor) else XlogyBackward2)(self, other, out)
        attach(out, node)
    return out


def pow_function(self, exponent):
    """torch.pow(input, exponent), or torch.pow(self: Number, exponent: Tensor) as PyTorch's pow.Scalar overload."""
    if isinstance(self, Tensor):
        return self.pow(exponent)
    return rpow(exponent, self)


def _fmod_checked(self, other):
    _check_integer_division(self, other)  # (an integer fmod by zero raises, as remainder's does)
    return fmod(self, other)


remainder_inplace = _augmented(remainder, lambda other: RemainderBackward0)
fmod_inplace = _augmented(_fmod_checked, lambda other: FmodBackward1 if isinstance(other, Tensor) else FmodBackward0)
floor_divide_inplace = _augmented(floor_divide, "NotImplemented")


op("square", square, function=True)
op("add", add, function=True, operators=("__add__", "__radd__"))
op("sub", sub, aliases=("subtract",), function=True, operators=("__sub__",))
op("mul", mul, aliases=("multiply",), function=True, operators=("__mul__", "__rmul__"))
op("div", div, aliases=("divide", "true_divide"), function=True, operators=("__truediv__",))
op("pow", power, function=pow_function, operators=("__pow__",))  # (torch.pow also takes a number base)
op("floor_divide", floor_divide, function=True, operators=("__floordiv__",))
op("remainder", remainder, function=True, operators=("__mod__",))
op("add_", add_inplace, operators=("__iadd__",))
op("sub_", sub_inplace, operators=("__isub__",))
op("mul_", mul_inplace, operators=("__imul__",))
op("div_", div_inplace, operators=("__itruediv__",))
op("pow_", pow_inplace, operators=("__ipow__",))
operator("__rsub__", rsub)
operator("__rtruediv__", rdiv)
operator("__rfloordiv__", _rfloordiv)
operator("__rmod__", _rmod)
operator("__rpow__", rpow)
operator("__invert__", lambda self: logical_not(self) if self.dtype is dtypes.bool_ else bitwise_not(self))
operator("__imod__", remainder_inplace)
operator("__ifloordiv__", floor_divide_inplace)
op("remainder_", remainder_inplace, edges=True)
op("fmod_", fmod_inplace, edges=True)
op("floor_divide_", floor_divide_inplace, edges=True)
op("atan2", atan2, aliases=("arctan2",), function=True, edges=True)
op("fmod", fmod, function=True, edges=True)
op("hypot", hypot, function=True, edges=True)
op("xlogy", xlogy, function=xlogy, edges=True)  # torch.xlogy also takes a number first


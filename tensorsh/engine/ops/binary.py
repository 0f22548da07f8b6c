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
from .core import (ORIGINAL_SCALAR, BinaryNode, InputNode, attach, binary_op, binary_operands, cast_for_inplace, check_broadcast,
                   check_fits_output, check_inplace, fresh, from_numpy, laid_out_like, needs_grad, precheck,
                   scalar_in, self_overlapping, true_div_dtype, write_inplace, write_rows, written, zeros_of)
from .registry import op, operator
from .scalar_arith import div_scalar as _div_scalar, mul_scalar, sub_scalar
from .unary import reciprocal




class RsubBackward1(Node):
    """scalar - tensor"""

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(b),))

    def backward(self, g):
        return (-g,)


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


def _bfloat16_alpha(self, other, alpha):
    """add/sub of two bfloat16 tensors with a number alpha: PyTorch's kernel (kernels.bfloat16_add_alpha)."""
    return (isinstance(self, Tensor) and isinstance(other, Tensor) and self.dtype is other.dtype is dtypes.bfloat16
            and isinstance(alpha, (int, float)) and not isinstance(alpha, bool))


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


# ------------------------------------------------------------------ the binary family: one row per op

class _FormulaNode(BinaryNode):
    """A node of the binary family, built from its row's formulas (binary_node)."""
    __slots__ = ()


_ARGUMENT = {"self": "a", "other": "b", "result": "out, True"}  # (what setup(a, b, out) saves for each name)


def binary_node(grad_fn, self=None, other=None, number_edges=2, alpha=False, both=None):
    """The node class `grad_fn` of a binary op whose gradients are self(grad, ...) and other(grad, ...) (None: that
    input gets none) or both(grad, ..., mask) (one formula for the two, mask saying which are wanted); a formula's
    parameters after grad name what it reads: "self", "other", "result", "alpha". What the node saves, in which
    order and when, follows as PyTorch's codegen derives it from derivatives.yaml: inputs by first use, then the
    result; an input read by one formula only is saved when that formula's input wants a gradient. In place
    (out None), self's pre-write copy stands for self (original_self) and write_inplace saves the result. setup
    and grads are generated, as PyTorch generates its nodes, so a node costs what a hand-written one does."""
    formulas = (self, other) if both is None else (both, both)
    params = [f.__code__.co_varnames[1:f.__code__.co_argcount - (both is not None)] if f is not None else ()
              for f in formulas]
    order = list(dict.fromkeys(n for p in params for n in p if n in ("self", "other")))
    order += ["result"] if any("result" in p for p in params) else []
    readers = {n: [k for k, p in enumerate(params) if n in p] for n in order}
    guard = {n: ks[0] if len(ks) == 1 and n != "result" and both is None else None for n, ks in readers.items()}

    def saved(names):
        return "(" + "".join(f"SavedTensor({_ARGUMENT[n]})" + ("" if guard[n] is None else
                             f" if nf[{guard[n]}][0] is not None else NOTHING_SAVED") + ", " for n in names) + ")"
    inputs = [n for n in order if n != "result"]
    code = "def setup(self, a, b, out):\n    nf = self.next_functions\n"
    if order:
        code += f"    self.saved = {saved(order)} if out is not None else {saved(inputs)}\n"
    if alpha:
        code += "    self.alpha = 1\n"
    args = [", ".join(["g"] + [f"v[{order.index(n)}]" if n != "alpha" else "self.alpha" for n in p]) for p in params]
    code += "def grads(self, g):\n    v = self.unpack()\n"
    if both is not None:
        code += f"    return f0({args[0]}, (self.wants(0), self.wants(1)))\n"
    else:
        code += "    return (" + "".join(f"f{k}({a}) if self.wants({k}) else None, " if formulas[k] else "None, "
                                     for k, a in enumerate(args)) + ")\n"
    namespace = {"SavedTensor": SavedTensor, "NOTHING_SAVED": NOTHING_SAVED, "f0": formulas[0], "f1": formulas[1]}
    exec(code, namespace)
    body = {"__slots__": ("alpha",) if alpha else (), "name_": grad_fn, "setup": namespace["setup"],
            "grads": namespace["grads"], "formulas": formulas, "saved_names": tuple(order),
            "number_edges": number_edges,
            # in place: the input whose gradient needs self's pre-write copy (-1: always, None: never)
            "self_saved": (-1 if guard["self"] is None else guard["self"]) if "self" in order else None}
    if alpha:
        body["saved_values"] = {"alpha": "alpha"}
    return type(grad_fn, (_FormulaNode,), body)


def binary(name, grad_fn, kernel, self=None, other=None, aliases=(), operators=(), inplace=None, alpha=False,
           check=None, number_grad_fn=None, out_dtype=None, edges=False, both=None):
    """A row of the binary family: Tensor.<name>, torch.<name> and its operators computing kernel(a, b) on the
    operands in their common dtype (out_dtype(common) when given; binary_op), recording grad_fn with the formulas
    self, other or both (binary_node). check(self, other) runs first (PyTorch's argument or dtype checks); alpha:
    the op takes alpha, added by PyTorch's fused multiply-add; number_grad_fn: the node of PyTorch's overload for a
    Python number (its gradient passes to self unchanged); inplace: the twin <name>_ is derived, with the
    operators given (("__imul__",))."""
    node_cls = binary_node(grad_fn, self, other, alpha=alpha, both=both)
    number_cls = binary_node(number_grad_fn, lambda g: g, number_edges=1) if number_grad_fn else None
    fn = _binary_function(kernel, node_cls, number_cls, alpha, check, out_dtype)
    fn.node, fn.number_node = node_cls, number_cls
    fn.inplace = _binary_inplace(kernel, node_cls, alpha, check, out_dtype) if inplace is not None else None
    if name is not None:  # (Python's own argument errors name the op as PyTorch spells it)
        fn.__qualname__ = name
        op(name, fn, aliases, function=True, operators=operators, edges=edges,
           inplace=name + "_" if inplace is not None else None, grad_fn=grad_fn, saves=node_cls.saved_names)
        if inplace is not None:
            fn.inplace.__qualname__ = name + "_"
            op(name + "_", fn.inplace, operators=inplace, grad_fn=grad_fn)
    return fn


def _binary_function(kernel, node_cls, number_cls, alpha, check, out_dtype):
    if alpha:
        sign = -1 if kernel is np.subtract else 1

        def fn(self, other, alpha=1):
            if check is not None:
                check(self, other)
            alpha = _checked_alpha(self, other, alpha)
            if _fused_alpha(self, other, alpha):
                scale = self.dtype.np.type(sign * alpha)
                return binary_op(self, other, lambda a, b: kernels.fma(b, scale, a), _alpha_node(node_cls, alpha))
            if alpha != 1 and _bfloat16_alpha(self, other, alpha):
                return binary_op(self, other, lambda a, b: kernels.bfloat16_add_alpha(a, b, sign * alpha,
                                                                                   dtypes.to_bfloat16),
                                 _alpha_node(node_cls, alpha))
            if alpha != 1:
                other = other * alpha
            return binary_op(self, other, kernel, node_cls)
    elif number_cls is not None:
        def fn(self, other):
            if check is not None:
                check(self, other)
            return binary_op(self, other, kernel, node_cls if isinstance(other, Tensor) else number_cls, out_dtype)
    elif check is not None:
        def fn(self, other):
            check(self, other)
            return binary_op(self, other, kernel, node_cls, out_dtype)
    else:  # (the hot path: mul, div without checks)
        def fn(self, other):
            return binary_op(self, other, kernel, node_cls, out_dtype)
    return fn


def _binary_inplace(kernel, node_cls, with_alpha=False, check=None, out_dtype=None):
    """The in-place twin of a binary row: autograd's checks, TensorIterator's shape and cast checks, the write, the
    node (self's pre-write copy saved where a formula reads self, PyTorch's original_self)."""
    sign = -1 if kernel is np.subtract else 1

    def op(self, other, alpha=1):
        if check is not None:
            check(self, other)
        if with_alpha and not (type(alpha) is int and alpha == 1):
            if needs_grad(self, other):  # (PyTorch's order: the leaf check, the cast check, then alpha_check)
                check_inplace(self)
            if not (isinstance(other, Tensor) and other.dtype is self.dtype and self.dtype.category == 2 and
                    other._shape == self._shape and type(alpha) in (int, float)):  # (where these cannot fail)
                check_fits_output(self, other)
                cast_for_inplace(self, dtypes.result_type((self, other)))
                alpha = _checked_alpha(self, other, alpha)
        fused = with_alpha and _fused_alpha(self, other, alpha)
        b = _plain_operand(self, other, kernel) if alpha == 1 or fused else None
        if b is not None:  # the optimizers' case: no autograd, nothing to check, written in place
            undo.touch(self._storage)
            if fused:
                self._np[...] = kernels.fma(b, self.dtype.np.type(sign * alpha), self._np)
            else:
                kernel(self._np, b, out=self._np)
            written(self)
            return self
        precheck(self, other)
        bf_alpha = with_alpha and alpha != 1 and _bfloat16_alpha(self, other, alpha) and not self_overlapping(self)
        if alpha != 1 and not fused and not bf_alpha:
            other = other * alpha
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other, None, kernel in ORIGINAL_SCALAR)
        if out_dtype is not None:
            dt = out_dtype(dt)
            an = an.astype(dt.np, copy=False)
            bn = bn.astype(dt.np, copy=False) if isinstance(bn, np.ndarray) else dt.np.type(bn)
        check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        cast_for_inplace(self, dt)
        if self_overlapping(self):
            bb = np.broadcast_to(bn, self._shape)
            scale = dt.np.type(sign * alpha) if fused else None

            def write(arr):
                if fused:
                    write_rows(self, arr, lambda ix: kernels.fma(bb[ix], scale, arr[ix].astype(an.dtype)), (other,))
                else:
                    write_rows(self, arr, lambda ix: kernel(arr[ix].astype(an.dtype), bb[ix]), (other,))
        else:
            values = kernels.fma(bn, dt.np.type(sign * alpha), an) if fused else kernel(an, bn) if not bf_alpha else \
                kernels.bfloat16_add_alpha(an, bn, sign * alpha, dtypes.to_bfloat16)

            def write(arr):
                arr[...] = values

        def make():
            node = _inplace_node(node_cls, self, other)
            if fused:
                node.alpha = alpha
            return node
        return write_inplace(self, write, make, (other,), save_output="result" in node_cls.saved_names)
    return op


def _plain_operand(self, other, kernel=None):
    """other as a numpy operand when an in-place binary op on float self needs none of the general path: no
    autograd, no overlap, no broadcast or cast (a Python number, or a tensor of self's dtype and shape that does
    not share self's storage); else None."""
    if self.dtype.category != 2 or needs_grad(self, other) or 0 in self._stride or \
            (self._view is not None and self_overlapping(self)):
        return None
    t = type(other)
    if t is float or t is int:
        if self.dtype is dtypes.bfloat16:
            return scalar_in(self.dtype, other, kernel in ORIGINAL_SCALAR)
        return self.dtype.np.type(other)
    if t is Tensor and other.dtype is self.dtype and other._shape == self._shape and other._storage is not self._storage:
        return other._np
    return None


def _inplace_node(node_cls, self, other):
    """The node of an in-place binary op; self, when a formula needs it, is saved as its pre-write copy (recorded,
    as PyTorch's original_self, so double backward reaches self)."""
    edge = node_cls.self_saved
    original = None
    if edge is not None and (edge < 0 or needs_grad((self, other)[edge])):
        original = self.clone()
    return node_cls(self, other, None, original)


def _check_sub(a, b):
    """PyTorch's sub_check: a Python bool counts as a bool tensor (it is wrapped as one)."""
    bools = [type(x) is bool or (type(x) is Tensor and x.dtype is dtypes.bool_) for x in (a, b)]
    if all(bools):
        raise runtime(messages.SUB_TWO_BOOLS)
    if any(bools):
        raise runtime(messages.SUB_BOOL)


add = binary("add", "AddBackward0", np.add, lambda g: g, lambda g, alpha: g if alpha == 1 else g * alpha, alpha=True,
             operators=("__add__", "__radd__"), inplace=("__iadd__",))
sub = binary("sub", "SubBackward0", np.subtract, lambda g: g, lambda g, alpha: -g if alpha == 1 else g * -alpha,
             alpha=True, check=_check_sub, aliases=("subtract",), operators=("__sub__",), inplace=("__isub__",))
mul = binary("mul", "MulBackward0", np.multiply, lambda g, other: g * other, lambda g, self: g * self,
             aliases=("multiply",), operators=("__mul__", "__rmul__"), inplace=("__imul__",))
true_divide = binary(None, "DivBackward0", np.true_divide, lambda g, other: g / other,
                     lambda g, self, other: -g * ((self / other) / other),  # (PyTorch's div_tensor_other_backward)
                     out_dtype=true_div_dtype, inplace=("__itruediv__",))
DivBackward2 = binary_node("DivBackward2", zeros_of, zeros_of)  # a rounding mode: zeros (new_zeros, +0., no history)


def div(self, other, rounding_mode=None):
    if rounding_mode == "floor":
        return binary_op(self, other, np.floor_divide, DivBackward2)
    if rounding_mode == "trunc":
        return binary_op(self, other, lambda a, b: np.trunc(a / b).astype(np.result_type(a, b)), DivBackward2)
    return true_divide(self, other)


maximum = binary("maximum", "MaximumBackward0", np.maximum,  # (the larger operand's gradient, halved at ties)
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill(self < other, 0),
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill(self > other, 0))
minimum = binary("minimum", "MinimumBackward0", np.minimum,
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill(self > other, 0),
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill(self < other, 0))


def rsub(self, other):
    _check_sub(other, self)
    if isinstance(other, Tensor):
        return sub(other, self)
    return binary_op(other, self, np.subtract, RsubBackward1)


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
        if dt is dtypes.bfloat16:  # (the exponent cast to bfloat16 first, as PyTorch's common dtype)
            exponent = float(scalar_in(dt, exponent))
        if dt is dtypes.bfloat16 and exponent in (3, -2):  # (PyTorch's x*x*x, 1/(x*x): bfloat16 steps)
            sq = dtypes.to_bfloat16(x * x)
            out = from_numpy(sq * x if exponent == 3 else np.float32(1) / sq, dt)
        else:
            out = from_numpy(np.asarray(kernels.pow_scalar(x, exponent)), dt)
    else:
        out = from_numpy(np.power(x, dt.np.type(exponent)), dt)
    if needs_grad(self):
        attach(out, PowBackward0(self, exponent, out))
    return out


def rpow(self, base):
    dt = dtypes.result_type((base, self))
    kernel = _int_power if dt.category < 2 else np.power  # (an integer to a negative power: powi's 0, 1 or -1)
    out = from_numpy(np.asarray(kernel(scalar_in(dt, base), self._np.astype(dt.np, copy=False))), dt)
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


remainder = binary("remainder", "RemainderBackward1", _np_remainder, lambda g: g,
                   lambda g, self, other: -g * div(self, other, rounding_mode="floor"),
                   check=_check_integer_division, number_grad_fn="RemainderBackward0", operators=("__mod__",))


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
    def op_inplace(self, other):
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
    return op_inplace


bitwise_and, bitwise_and_inplace = _bitwise("bitwise_and", np.bitwise_and)
bitwise_or, bitwise_or_inplace = _bitwise("bitwise_or", np.bitwise_or)
bitwise_xor, bitwise_xor_inplace = _bitwise("bitwise_xor", np.bitwise_xor)


def _augmented(fn, node_for):
    """x %= y, x //= y, fmod_, copysign_: PyTorch's in-place remainder_/floor_divide_/fmod_ (the kernel's checks first), with
    TensorIterator's casting rule; node_for(other): the node class of the op's overload for that other."""
    def op(self, other):
        with autograd.no_grad():
            values = fn(self, other)
        precheck(self, other)
        check_fits_output(self, other)
        cast_for_inplace(self, values.dtype)

        node_cls = node_for(other)

        def make():  # (y's edge too: y may require grad)
            return _inplace_node(node_cls, self, other)

        def write(arr):
            arr[...] = values._np
        return write_inplace(self, write, make if self.dtype.category == 2 else None, (other,),
                             save_output="result" in getattr(node_cls, "saved_names", ()))
    return op


class NotImplementedBackward(BinaryNode):
    """floor_divide, number % tensor: PyTorch records a node that refuses to run."""
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented, its repr is not)
    number_edges = 1
    self_saved = None  # (saves nothing)
    op = "floor_divide"

    def grads(self, g):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


class _RemainderNotImplemented(NotImplementedBackward):
    op = "remainder"


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


def _tensor_other(name):
    """PyTorch's parser for an op whose other has no Number overload (atan2.Tensor, hypot.Tensor)."""
    def check(self, other):
        if not isinstance(other, Tensor):
            raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    return check


def _atan2_backward(g, self, other, mask):
    recip = (self * self + other * other).reciprocal()  # PyTorch's atan2_backward: 0 where the sum of squares is 0
    recip = recip.masked_fill(recip.isinf(), 0)  # (out of place: reciprocal saved its result)
    return (g * other * recip if mask[0] else None), (g * -self * recip if mask[1] else None)


atan2 = binary("atan2", "Atan2Backward0", _atan2_values, both=_atan2_backward,
               check=_tensor_other("atan2"), out_dtype=true_div_dtype, aliases=("arctan2",), edges=True)
fmod = binary("fmod", "FmodBackward1", np.fmod, lambda g: g,
              lambda g, self, other: -g * self.div(other, rounding_mode="trunc"), number_grad_fn="FmodBackward0",
              edges=True)


def _float_only(op, kernel, *tensors):
    """The kernel is dispatched on the operands' common dtype: an integer or bool one has none."""
    dt = dtypes.result_type(tensors)
    if dt.category < 2:
        raise make("NotImplementedError", f'"{kernel}" not implemented for \'{dtypes.SCALAR_NAMES[dt.name]}\'')


def _hypot_check(self, other):
    _tensor_other("hypot")(self, other)
    _float_only("hypot", "hypot_cpu", self, other)


def _hypot_values(a, b):
    """Correctly rounded: float32 computed in double."""
    return np.hypot(a, b, dtype=np.float64).astype(np.float32) if a.dtype == np.float32 else np.hypot(a, b)


hypot = binary("hypot", "HypotBackward0", _hypot_values, lambda g, self, result: g * self / result,
               lambda g, other, result: g * other / result, check=_hypot_check, edges=True)


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


remainder_inplace = _augmented(remainder, lambda other: remainder.node if isinstance(other, Tensor) else
                               remainder.number_node)
fmod_inplace = _augmented(_fmod_checked, lambda other: fmod.node if isinstance(other, Tensor) else fmod.number_node)
floor_divide_inplace = _augmented(floor_divide, lambda other: NotImplementedBackward)


op("square", square, function=True)
op("div", div, aliases=("divide", "true_divide"), function=True, operators=("__truediv__",), inplace="div_",
   grad_fn="DivBackward0", saves=true_divide.node.saved_names)
op("pow", power, function=pow_function, operators=("__pow__",))  # (torch.pow also takes a number base)
op("floor_divide", floor_divide, function=True, operators=("__floordiv__",))
op("div_", true_divide.inplace, operators=("__itruediv__",), grad_fn="DivBackward0")
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
op("xlogy", xlogy, function=xlogy, edges=True)  # torch.xlogy also takes a number first


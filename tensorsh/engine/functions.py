"""Differentiable ops: each forward (numpy) beside its backward node, named as PyTorch names it."""
import builtins
import math

import numpy as np

from . import autograd, dtypes, errors, kernels, layout, messages, multiview, nans, scalars, undo
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import runtime, index_error, type_error, value_error, warn, warn_once
from .storage import check_size
from .tensorimpl import (Tensor, _contiguous_strides, _shape_list)
from .ops.registry import op, operator
from .ops.core import (InputNode, BinaryNode, NONE_EDGE, VIEW_BACKWARD, ViewNode, ZeroGradNode, _non_overlapping_and_dense, Shaped, attach, binary_op,
                       binary_operands, bind_args, cast_for_inplace, check_broadcast, check_inplace, check_broadcast_all, check_dtype,
                       check_fits_output, collect_edges, embed, empty_strided, fresh, from_numpy,
                       input_meta, laid_out_like, make_view, needs_grad, operand_edge, precheck, reduce_grad,
                       refresh_view_grad_fn, self_overlapping, sum_to, tensor_of, tensor_params,
                       true_div_dtype, type_name, write_inplace, write_rows, written, zero_node, zeros_of)





















# ------------------------------------------------------------------ gradient helpers







# ------------------------------------------------------------------ elementwise unary

class _Unary(Node):

    def __init__(self, x, out, inplace=False):
        Node.__init__(self, (edge_of(x),))
        if self.saves == "self":  # in place: a copy of the input made before the write (PyTorch's original_self)
            self.saved = (SavedTensor(x.clone() if inplace else x),)
        elif self.saves == "result" and not inplace:  # (in place, write_inplace saves the output)
            self.saved = (SavedTensor(out, is_output=True),)


def unary(name, grad_fn, kernel, backward, saves="self", float_only=True, inplace=True, aliases=(), operators=(),
          inplace_function=False):
    """A row of the elementwise unary family: torch.<name> and Tensor.<name> computing kernel(array), recording
    grad_fn whose gradient is backward(grad, saved) with saved what saves says ("self", "result" or None), and
    (inplace) the twin <name>_, derived; float_only: integer inputs compute in float32, as PyTorch's do."""
    node_cls = type(grad_fn, (_Unary,), {"__slots__": (), "name_": grad_fn, "saves": saves, "float_only": float_only,
                                         "backward": lambda self, g: (backward(g, *self.unpack()),)})

    def fn(self):
        x = self._np
        if float_only and self.dtype.category < 2:
            x = x.astype(np.float32)
        values = kernel(x)  # (numpy keeps a dense input's layout; an expanded one's is TensorIterator's own)
        out = from_numpy(values) if 0 not in self._stride else laid_out_like(values, dtypes.BY_NP[values.dtype], self)
        if needs_grad(self):
            attach(out, node_cls(self, out))
        return out
    fn.node = node_cls
    fn.inplace = _unary_inplace(fn) if inplace else None
    if name is not None:  # (Python's own argument errors name the op as PyTorch spells it)
        fn.__qualname__ = name
        if inplace:
            fn.inplace.__qualname__ = name + "_"
        op(name, fn, aliases, function=True, operators=operators, inplace=inplace and name + "_", grad_fn=grad_fn,
           saves=(saves,) if saves else ())
        if inplace:
            op(name + "_", fn.inplace, function=inplace_function, grad_fn=grad_fn)
    return fn


def _unary_inplace(fn):
    node_cls = fn.node

    def op(self):
        precheck(self)
        if self.dtype.category < 2 and node_cls.float_only:
            cast_for_inplace(self, dtypes.DEFAULT_FLOAT)
        if self_overlapping(self):
            values = None
        else:
            values = _unary_values(fn, self)

        def make():
            return node_cls(self, None, inplace=True)

        def write(arr):
            if values is None:
                write_rows(self, arr, lambda ix: _unary_values(fn, Tensor._from_numpy(arr[ix].copy(), self.dtype)))
            else:
                arr[...] = values
        return write_inplace(self, write, make, save_output=node_cls.saves == "result")
    return op


def _unary_values(fn, self):
    with autograd.no_grad():
        return fn(self)._np


exp = unary("exp", "ExpBackward0", kernels.exp, lambda g, r: g * r, "result", inplace_function=True)
log = unary("log", "LogBackward0", nans.with_pytorch_nans("log", kernels.via_double(np.log)),
            lambda g, x: g.div(x))
sin = unary("sin", "SinBackward0", kernels.via_double(np.sin), lambda g, x: g * x.cos())
cos = unary("cos", "CosBackward0", kernels.via_double(np.cos), lambda g, x: g * -x.sin())


class _BackwardOp(Node):
    """The node of a fused backward kernel (sigmoid_backward, ...): what create_graph records for it."""
    __slots__ = ("kind",)

    def __init__(self, kind, g, y):
        Node.__init__(self, (operand_edge(g), operand_edge(y)))
        self.kind = kind
        self.name_ = _BACKWARD_OPS[kind][1]
        self.saved = (SavedTensor(g), SavedTensor(y))

    def backward(self, gg):
        g, y = self.unpack()
        return _BACKWARD_OPS[self.kind][2](gg, g, y)


_BACKWARD_OPS = {
    "sigmoid": (lambda g, y: kernels.sigmoid_backward(g._np, y._np), "SigmoidBackwardBackward0",
                lambda gg, g, y: (gg * (1 - y) * y, gg * g * (1 - 2 * y))),
    "tanh": (lambda g, y: kernels.tanh_backward(g._np, y._np), "TanhBackwardBackward0",
             lambda gg, g, y: (gg * (1 - y * y), gg * g * -2 * y)),
    "relu": (lambda g, y: np.where(y._np > 0, g._np, 0).astype(g._np.dtype), "ThresholdBackwardBackward0",
             lambda gg, g, y: (gg * (y > 0), zeros_of(gg))),  # (threshold_backward's self: zeros_like(grad))
}


def _backward_op(kind):
    def op(g, y):
        out = fresh(np.asarray(_BACKWARD_OPS[kind][0](g, y)), g.dtype)
        if needs_grad(g, y):
            attach(out, _BackwardOp(kind, g, y))
        return out
    return op


tanh = unary("tanh", "TanhBackward0", kernels.tanh, _backward_op("tanh"), "result", inplace_function=True)
sigmoid = unary("sigmoid", "SigmoidBackward0", kernels.sigmoid, _backward_op("sigmoid"), "result",
                inplace_function=True)
sqrt = unary("sqrt", "SqrtBackward0", nans.with_pytorch_nans("sqrt", np.sqrt), lambda g, r: g / (2 * r), "result")
def _refuse_bool(message, np_fn):
    """PyTorch's kernels that refuse bool tensors with a message of their own (the in-place twins too)."""
    def fn(x):
        if x.dtype == np.bool_:
            raise runtime(message)
        return np_fn(x)
    return fn


relu = unary("relu", "ReluBackward0", _refuse_bool("Boolean inputs not supported for relu",
                                                 lambda x: np.maximum(x, 0).astype(x.dtype)),
             _backward_op("relu"), "result", float_only=False, inplace_function=True)
absolute = unary("abs", "AbsBackward0", np.abs, lambda g, x: g * x.sign(), float_only=False, operators=("__abs__",))
neg = unary("neg", "NegBackward0", _refuse_bool(messages.NEG_BOOL, np.negative), lambda g: -g, None,
            float_only=False, aliases=("negative",), operators=("__neg__",))
log1p = unary("log1p", "Log1PBackward0", nans.with_pytorch_nans("log1p", kernels.via_double(np.log1p)), lambda g, x: g / (x + 1), inplace=False)
expm1 = unary("expm1", "Expm1Backward0", kernels.via_double(np.expm1), lambda g, r: g * (r + 1), "result",
              inplace=False)
reciprocal = unary("reciprocal", "ReciprocalBackward0", lambda x: np.reciprocal(x), lambda g, r: g * -(r * r),
                   "result", inplace=False)
rsqrt = unary("rsqrt", "RsqrtBackward0", nans.with_pytorch_nans("rsqrt", lambda x: 1 / np.sqrt(x)), lambda g, r: g * -0.5 * r * r * r, "result",
              inplace=False)
sign = unary("sign", "SignBackward0", lambda x: x.copy() if x.dtype == np.bool_ else np.sign(x),
             lambda g: zeros_of(g), None, float_only=False, inplace=False)
tan = unary("tan", "TanBackward0", kernels.via_double(np.tan), lambda g, r: g * (1 + r * r), "result")
sinh = unary("sinh", "SinhBackward0", kernels.sinh, lambda g, x: g * x.cosh())
cosh = unary("cosh", "CoshBackward0", kernels.cosh, lambda g, x: g * x.sinh())
atan = unary("atan", "AtanBackward0", kernels.via_double(np.arctan), lambda g, x: g / (x * x + 1),
             aliases=("arctan",))
asin = unary("asin", "AsinBackward0", nans.with_pytorch_nans("asin", kernels.via_double(np.arcsin)), lambda g, x: g * (-x * x + 1).rsqrt(),
             aliases=("arcsin",))
acos = unary("acos", "AcosBackward0", nans.with_pytorch_nans("acos", kernels.via_double(np.arccos)), lambda g, x: g * -((-x * x + 1).rsqrt()),
             aliases=("arccos",))
exp2 = unary("exp2", "Exp2Backward0", kernels.exp2, lambda g, r: g * r * math.log(2), "result")
log2 = unary("log2", "Log2Backward0", nans.with_pytorch_nans("log2", kernels.via_double(np.log2)), lambda g, x: g / (x * math.log(2)))
log10 = unary("log10", "Log10Backward0", nans.with_pytorch_nans("log10", kernels.via_double(np.log10)), lambda g, x: g / (x * math.log(10)))


def _rounding(kernel, np_fn):
    """floor/ceil/round/trunc: an integer tensor comes back as a copy (PyTorch's kernel is the identity for
    integers); bool has no kernel."""
    def fn(x):
        if x.dtype == np.bool_:
            raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")
        return x.copy() if x.dtype.kind in "iu" else np_fn(x)
    return fn


floor = unary("floor", "FloorBackward0", _rounding("floor_vml_cpu", np.floor), lambda g: zeros_of(g), None, False)
ceil = unary("ceil", "CeilBackward0", _rounding("ceil_vml_cpu", np.ceil), lambda g: zeros_of(g), None, False)
trunc = unary("trunc", "TruncBackward0", _rounding("trunc_vml_cpu", np.trunc), lambda g: zeros_of(g), None, False,
              aliases=("fix",))
_round_even = unary(None, "RoundBackward0", _rounding("round_vml_cpu", np.rint), lambda g: zeros_of(g), None, False)


def _not_for_integers(kernel, x):
    if x.dtype.category < 2:
        raise errors.make("NotImplementedError",
                          f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")


def _frac_values(x):
    return x - np.trunc(x)  # PyTorch's frac kernel: a - trunc(a), in the tensor's dtype


_frac = unary(None, "FracBackward0", _frac_values, lambda g: g, None)


def frac(self):
    _not_for_integers("frac_cpu", self)
    return _frac(self)


def _decimals(decimals):
    if not isinstance(decimals, int) or isinstance(decimals, bool):
        raise type_error(f"round(): argument 'decimals' must be int, not {type_name(decimals)}")
    return decimals


def _round_decimals_values(x, decimals):
    """PyTorch's round_decimals kernel, in the tensor's own dtype: nearbyint(x * 10^d) / 10^d, or for d < 0
    nearbyint(x / 10^-d) * 10^-d."""
    scale = x.dtype.type(10.0 ** abs(decimals))
    if decimals < 0:
        return np.rint(x / scale) * scale
    return np.rint(x * scale) / scale


class RoundBackward1(Node):

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (zeros_of(g),)


def rounded(self, *args, decimals=None):
    if args:
        raise type_error(f"round() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even(self)
    decimals = _decimals(decimals)
    _not_for_integers("round_cpu", self)
    out = fresh(np.asarray(_round_decimals_values(self._np, decimals)), self.dtype)
    if needs_grad(self):
        attach(out, RoundBackward1(self))
    return out


def square(self):
    return power(self, 2)


def clamp(self, min=None, max=None):
    if min is None and max is None:
        raise runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        check_broadcast_all(self, *[b for b in (min, max) if b is not None])
    x = self._np
    lo = min._np if isinstance(min, Tensor) else min
    hi = max._np if isinstance(max, Tensor) else max
    dt = dtypes.result_type([self] + [v for v in (min, max) if v is not None])
    lo, hi = (v if v is None or isinstance(b, Tensor) else scalars.checked_scalar(dt, v) for v, b in ((lo, min), (hi, max)))
    r = x.astype(dt.np, copy=False)
    if lo is not None:
        r = np.maximum(r, lo)
    if hi is not None:
        r = np.minimum(r, hi)
    out = from_numpy(np.asarray(r, dtype=dt.np), dt)
    if isinstance(min, Tensor) or isinstance(max, Tensor):  # clamp.Tensor: ClampBackward0, an edge per operand
        if needs_grad(self, min, max):
            attach(out, ClampBackward0(self, min, max))
    elif needs_grad(self):
        attach(out, ClampBackward1(self, min, max))
    return out


class DivBackward1(InputNode):
    """tensor / number inside a backward formula (PyTorch's div.Scalar; Python's `t / 2` is DivBackward0)."""
    fields = ("other",)

    def backward(self, g):
        return (_div_scalar(g, self.other),)


def _div_scalar(t, number):
    out = fresh(np.asarray(t._np / t.dtype.np.type(number)), t.dtype)
    if needs_grad(t):
        attach(out, DivBackward1(t, number))
    return out


class ClampBackward1(Node):
    __slots__ = ("lo", "hi")

    def __init__(self, x, lo, hi, inplace=False):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x.clone() if inplace else x),)  # in place: PyTorch's original_self
        self.lo, self.hi = lo, hi

    def backward(self, g):
        x, = self.unpack()
        mask = None
        if self.lo is not None:
            mask = x >= self.lo
        if self.hi is not None:
            m = x <= self.hi
            mask = m if mask is None else mask.logical_and(m)
        return (where(mask, g, 0.0),)  # PyTorch's clamp_backward


class ClampBackward0(Node):
    """clamp with tensor bounds: PyTorch's clamp_backward_min_max (a bound's gradient where it bit, min only
    where it is below max), each gradient summed back to its operand's shape."""
    __slots__ = ("shapes",)
    name_ = "ClampBackward0"

    def __init__(self, x, lo, hi):
        Node.__init__(self, (operand_edge(x), operand_edge(lo), operand_edge(hi)))
        self.saved = tuple(SavedTensor(t) if isinstance(t, Tensor) else NOTHING_SAVED for t in (x, lo, hi))
        self.numbers = tuple(None if isinstance(t, Tensor) else t for t in (lo, hi))
        self.shapes = tuple(t._shape if isinstance(t, Tensor) else () for t in (x, lo, hi))

    def backward(self, g):
        x, lo, hi = (s.unpack(self) if s is not NOTHING_SAVED else None for s in self.saved)
        lo = lo if lo is not None else self.numbers[0]
        hi = hi if hi is not None else self.numbers[1]
        wants = [n is not None for n, _ in self.next_functions]
        if lo is not None and hi is not None:
            masks = (ge(x, lo).logical_and(le(x, hi)), lt(x, lo).logical_and(lt(lo, hi)), gt(x, hi).logical_or(lt(hi, lo)))
        elif lo is not None:
            masks = (ge(x, lo), lt(x, lo), None)
        else:
            masks = (le(x, hi), None, gt(x, hi))
        return tuple(sum_to(where(m, g, 0.0), shape) if want and m is not None else None
                     for m, want, shape in zip(masks, wants, self.shapes))


def clip(self, min=None, max=None):
    return clamp(self, min, max)


# ------------------------------------------------------------------ binary arithmetic

























class AddBackward0(BinaryNode):
    __slots__ = ("alpha",)

    def setup(self, a, b, out):
        self.alpha = 1

    def grads(self, g):
        a_g = g if self.wants(0) else None
        b_g = (g if self.alpha == 1 else g * self.alpha) if self.wants(1) else None
        return a_g, b_g


class SubBackward0(AddBackward0):

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

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(a),))
        self.saved = (SavedTensor(a if out is not None else a.clone()),)  # in place (no out): original_self
        self.exponent = b

    def backward(self, g):
        x, = self.unpack()
        e = self.exponent
        if e == 0:
            return (zeros_of(g),)
        return (g * (e * x.pow(e - 1)),)


class PowBackward1(BinaryNode):
    """tensor ** tensor"""

    def setup(self, a, b, out):
        if out is None:  # in place: self's pre-write copy (original_self); write_inplace saves the result
            self.saved = (SavedTensor(a.clone()), SavedTensor(b))
        else:
            self.saved = (SavedTensor(a), SavedTensor(b), SavedTensor(out, is_output=True))

    def grads(self, g):
        x, e, r = self.unpack()
        ga = g * (e * x.pow(e - 1)) if self.wants(0) else None
        gb = None
        if self.wants(1):
            gb = g * where((x == 0).logical_and(e >= 0), 0.0, r * x.log())
        return ga, gb


class PowBackward2(Node):
    """scalar ** tensor"""
    __slots__ = ("base",)

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(b),))
        self.base = a
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        r, = self.unpack()
        if self.base == 0:
            return (g * where(r >= 0, 0.0, math.inf),)
        return (g * r * math.log(self.base),)


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


def _compare(np_fn):
    def op(self, other):
        check_broadcast(self, other)
        an, bn, _ = binary_operands(self, other)
        return from_numpy(np.asarray(np_fn(an, bn)), dtypes.bool_)
    return op


eq, ne, lt, le, gt, ge = (_compare(f) for f in (np.equal, np.not_equal, np.less, np.less_equal, np.greater,
                                               np.greater_equal))


def _logical_operand(name, other):
    if type(other) is not Tensor:
        raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")


def logical_and(self, other):
    _logical_operand("logical_and", other)
    return from_numpy(np.logical_and(self._np, _np_of(other)), dtypes.bool_)


def logical_or(self, other):
    _logical_operand("logical_or", other)
    return from_numpy(np.logical_or(self._np, _np_of(other)), dtypes.bool_)


def _any_all(np_fn):
    def op(self, dim=None, keepdim=False):
        dt = dtypes.uint8 if self.dtype is dtypes.uint8 else dtypes.bool_  # (uint8 in, uint8 out: PyTorch's legacy)
        if dim is None:
            return from_numpy(np.asarray(np_fn(self._np)).astype(dt.np), dt)
        axes = reduce_dims(self, dim)  # an int or a tuple of them, as PyTorch's any.dims
        return from_numpy(np.asarray(np_fn(self._np, axis=axes, keepdims=keepdim)).astype(dt.np), dt)
    return op


tensor_any, tensor_all = _any_all(np.any), _any_all(np.all)


def logical_not(self):
    return from_numpy(np.logical_not(self._np), dtypes.bool_)


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

    def op_(self, other):
        if type(other) not in (Tensor, bool, int, float):
            return NotImplemented
        precheck(self, other)
        if type(other) is float or type(other) is Tensor and other.dtype.category == 2:  # (the cast check comes
            check_broadcast(self, other)                                                  # before the kernel's)
            check_fits_output(self, other)
            cast_for_inplace(self, dtypes.result_type((self, other)))
        r, dt = values(self, other)
        check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        cast_for_inplace(self, dt)

        def write(arr):
            arr[...] = r
        return write_inplace(self, write, None)
    return op, op_


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

        def make():
            if node_name == "NotImplemented":
                return NotImplementedBackward(self, other, None)
            return _IdentityGradNode(node_name + ("1" if type(other) is Tensor else "0"), self)

        def write(arr):
            arr[...] = values._np
        return write_inplace(self, write, make if self.dtype.category == 2 else None)
    return op


def _np_of(x):
    return x._np if isinstance(x, Tensor) else x


class MaximumBackward0(BinaryNode):
    """maximum/minimum: the gradient goes to the larger (smaller) operand, halved between equal ones."""
    loses = staticmethod(lt)

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        shared = where(a == b, g / 2, g)
        return (shared.masked_fill(self.loses(a, b), 0) if self.wants(0) else None,
                shared.masked_fill(self.loses(b, a), 0) if self.wants(1) else None)


class MinimumBackward0(MaximumBackward0):
    loses = staticmethod(gt)


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


def maximum(self, other):
    return binary_op(self, other, np.maximum, MaximumBackward0)


def minimum(self, other):
    return binary_op(self, other, np.minimum, MinimumBackward0)


def where(condition, input, other):
    if not isinstance(condition, Tensor):
        raise type_error(f"where(): argument 'condition' (position 1) must be Tensor, not {type_name(condition)}")
    if condition.dtype is not dtypes.bool_ and condition.dtype is not dtypes.uint8:  # the kernel's own check
        raise runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                      f"{dtypes.SCALAR_NAMES[condition.dtype.name]}")
    check_broadcast_all(condition, input, other)
    c = condition._np
    dt = dtypes.result_type((input, other))
    a = _np_of(input)
    b = _np_of(other)
    values = np.where(c, np.asarray(a, dtype=dt.np), np.asarray(b, dtype=dt.np))
    out = laid_out_like(values, dt, condition, input, other)
    if needs_grad(input, other):
        attach(out, WhereBackward0(condition, input, other))
    return out


class WhereBackward0(Node):
    __slots__ = ("shapes",)

    def __init__(self, cond, a, b):
        Node.__init__(self, (operand_edge(a), operand_edge(b)))
        self.saved = (SavedTensor(cond),)
        self.shapes = tuple(x._shape if isinstance(x, Tensor) else () for x in (a, b))

    def backward(self, g):
        c, = self.unpack()  # each operand's share, summed back over what was broadcast
        return (sum_to(where(c, g, 0.0), self.shapes[0]) if self.next_functions[0][0] else None,
                sum_to(where(c, 0.0, g), self.shapes[1]) if self.next_functions[1][0] else None)


@tensor_params('other')
def equal(a, b):
    return a._shape == b._shape and bool(np.array_equal(a._np, b._np))


@tensor_params("other")
def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return bool(np.allclose(a._np, _np_of(b), rtol=rtol, atol=atol, equal_nan=equal_nan))


@tensor_params("other")
def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return from_numpy(np.isclose(a._np, _np_of(b), rtol=rtol, atol=atol, equal_nan=equal_nan), dtypes.bool_)


# ------------------------------------------------------------------ reductions

def reduce_dims(self, dim):
    if dim is None:
        return None
    if isinstance(dim, (list, tuple)):  # (PyTorch's dim_list_to_bitset: a dim given twice is an error, 0-dim too)
        wrapped = [self._wrap_dim(d) for d in dim]
        for i, d in enumerate(wrapped):
            if d in wrapped[:i]:
                raise runtime(f"dim {d} appears multiple times in the list of dims")
    if not self._shape:  # a 0-dim tensor accepts dim 0 / -1 and reduces nothing
        self._wrap_dim(dim) if not isinstance(dim, (list, tuple)) else None
        return ()
    if isinstance(dim, (list, tuple)):
        return tuple(sorted(wrapped))
    return (self._wrap_dim(dim),)


def _reduction_dtype(self, dtype):
    if dtype is not None:
        return dtype
    return dtypes.int64 if self.dtype.category < 2 else self.dtype


def _sum_np(x, axis, keepdims, dt):
    if dt.np == np.float32 or dt.np == np.float64:  # PyTorch's own summation order, to the last bit
        if axis is None and not keepdims and x.dtype == dt.np:
            total = kernels.sum_all(x)
            if total is not None:
                return total
        reduced = tuple(range(x.ndim)) if axis is None else axis
        r = kernels.cascade_sum(x.astype(dt.np, copy=False), reduced)
        return r if keepdims else r.reshape([s for d, s in enumerate(r.shape) if d not in reduced])
    return np.sum(x, axis=axis, keepdims=keepdims, dtype=dt.np)


def tensor_sum(self, dim=None, keepdim=False, dtype=None, axis=None):
    dim = axis if axis is not None else dim  # numpy's spelling, which PyTorch accepts
    dt = _reduction_dtype(self, dtype)
    dims = reduce_dims(self, dim)
    if dims == ():
        dims = None  # sum(dim=[]) reduces everything, as PyTorch does
    out = fresh(np.asarray(_sum_np(self._np, dims, keepdim, dt)), dt)
    if needs_grad(self):
        node = SumBackward0(self) if dim is None else SumBackward1(self, dims, keepdim)
        attach(out, node)
    return out


class SumBackward0(Node):
    __slots__ = ("shape",)

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))
        self.shape = x._shape

    def backward(self, g):
        if not g._shape and not autograd._grad_enabled[0]:  # the usual case: a scalar spread, no graph kept
            return (g._alias(self.shape, (0,) * len(self.shape), g._offset),)
        return (g.expand(self.shape),)


class SumBackward1(Node):
    __slots__ = ("shape", "dims", "keepdim")

    def __init__(self, x, dims, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.dims, self.keepdim = x._shape, dims, keepdim

    def backward(self, g):
        if not self.keepdim and self.dims is not None:
            for d in self.dims:
                g = g.unsqueeze(d)
        return (g.expand(self.shape),)


def mean(self, dim=None, keepdim=False, dtype=None, axis=None):
    dim = axis if axis is not None else dim
    if dtype is None and self.dtype.category < 2:
        raise runtime(messages.MEAN_DTYPE.format(name=dtypes.SCALAR_NAMES[self.dtype.name]))
    dt = dtype or self.dtype
    dims = reduce_dims(self, dim)
    x = self._np.astype(dt.np, copy=False)
    count = 1
    for d in (dims if dims is not None else range(self.dim())):
        count *= self._shape[d]
    # PyTorch's CPU mean is its sum divided by the count, in the result's dtype
    r = np.divide(_sum_np(x, dims, keepdim, dt), dt.np.type(count) if count else dt.np.type("nan"))
    out = from_numpy(np.asarray(r, dtype=dt.np), dt)
    if needs_grad(self):
        node = MeanBackward0(self) if dim is None else MeanBackward1(self, dims, keepdim)
        attach(out, node)
    return out


class MeanBackward0(SumBackward0):
    __slots__ = ("numel",)

    def __init__(self, x):
        SumBackward0.__init__(self, x)
        self.numel = x.numel()

    def backward(self, g):
        return (_div_scalar(g.expand(self.shape), self.numel),)


class MeanBackward1(SumBackward1):
    __slots__ = ("count",)

    def __init__(self, x, dims, keepdim):
        SumBackward1.__init__(self, x, dims, keepdim)
        self.count = 1
        for d in (dims if dims is not None else range(x.dim())):
            self.count *= x._shape[d]

    def backward(self, g):
        return (_div_scalar(SumBackward1.backward(self, g)[0], self.count),)


class ReturnTypes(tuple):
    """torch.return_types.max / min: a (values, indices) pair with names."""
    __api__ = frozenset({"values", "indices"})
    kind = "max"

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        return f"torch.return_types.{self.kind}(\nvalues={self[0]!r},\nindices={self[1]!r})"

    __str__ = __repr__


def _extreme(kind, np_fn, arg_fn):
    def op(self, dim=None, keepdim=False):
        if isinstance(dim, Tensor):
            return (maximum if kind == "max" else minimum)(self, dim)
        if dim is None:
            if self.numel() == 0:
                raise runtime(f"{kind}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
            out = from_numpy(np.asarray(np_fn(self._np)), self.dtype)
            if needs_grad(self):
                attach(out, _ExtremeAll(kind, self, out))
            return out
        d = self._wrap_dim(dim)
        if self._shape and self._shape[d] == 0:
            raise index_error(f"{kind}(): Expected reduction dim {d} to have non-zero size.")
        if not self._shape:
            values = self * 1 if needs_grad(self) else from_numpy(self._np.copy(), self.dtype)
            r = ReturnTypes((values, from_numpy(np.zeros((), np.int64), dtypes.int64)))
            r.kind = kind
            return r
        idx = np.asarray(arg_fn(self._np, axis=d))
        vals = np.take_along_axis(self._np, np.expand_dims(idx, d), axis=d)
        if not keepdim:
            vals = np.squeeze(vals, d)
        else:
            idx = np.expand_dims(idx, d)
        values = from_numpy(np.asarray(vals), self.dtype)
        indices = from_numpy(idx.astype(np.int64), dtypes.int64)
        if needs_grad(self):
            attach(values, _ExtremeDim(kind, self, d, keepdim, indices))
        r = ReturnTypes((values, indices))
        r.kind = kind
        return r
    return op


class _ExtremeAll(Node):

    def __init__(self, kind, x, out):
        Node.__init__(self, (edge_of(x),))
        self.name_ = "MaxBackward1" if kind == "max" else "MinBackward1"
        self.saved = (SavedTensor(x), SavedTensor(out, is_output=True))

    def backward(self, g):
        # PyTorch's evenly_distribute_backward on the CPU: zeros.masked_fill_(mask, grad / count)
        x, r = self.unpack()
        mask = x.isnan() if bool(r.isnan()) else x == r
        return (_masked_fill_zeros(mask, g / mask.sum()),)


class MaskedFillBackward1(Node):
    """zeros.masked_fill_(mask, value) with a 0-dim tensor value: the value's gradient sums the masked grads."""

    def __init__(self, mask, value):
        Node.__init__(self, (NONE_EDGE, edge_of(value)))
        self.saved = (SavedTensor(mask),)

    def backward(self, g):
        mask, = self.unpack()
        return None, where(mask, g, 0.0).sum()


def _masked_fill_zeros(mask, value):
    out = fresh(np.where(mask._np, value._np, value.dtype.np.type(0)).astype(value.dtype.np), value.dtype)
    if needs_grad(value):
        attach(out, MaskedFillBackward1(mask, value))
    return out


def isnan(self):
    return fresh(np.isnan(self._np), dtypes.bool_)


class _ExtremeDim(Node):
    __slots__ = ("dim", "keepdim", "shape")

    def __init__(self, kind, x, dim, keepdim, indices):
        Node.__init__(self, (edge_of(x),))
        self.name_ = "MaxBackward0" if kind == "max" else "MinBackward0"
        self.dim, self.keepdim, self.shape = dim, keepdim, x._shape
        self.saved = (SavedTensor(indices),)

    def backward(self, g):
        idx, = self.unpack()
        if not self.keepdim:
            g = g.unsqueeze(self.dim)
            idx = idx.unsqueeze(self.dim)
        return (_scatter_into_zeros(self.shape, self.dim, idx, g),)


class ScatterBackward0(Node):
    """zeros.scatter(dim, index, src): its gradient gathers src's positions back."""
    __slots__ = ("dim",)

    def __init__(self, src, dim, index):
        Node.__init__(self, (edge_of(src),))
        self.dim = dim
        self.saved = (SavedTensor(index),)

    def backward(self, g):
        index, = self.unpack()
        return (fresh(np.take_along_axis(g._np, index._np, axis=self.dim), g.dtype),)


def _scatter_into_zeros(shape, dim, index, src):
    """The backward of max/min along a dim, recordable for create_graph (PyTorch uses scatter too)."""
    z = np.zeros(shape, src.dtype.np)
    np.put_along_axis(z, index._np, src._np, axis=dim)
    out = from_numpy(z, src.dtype)
    if needs_grad(src):
        attach(out, ScatterBackward0(src, dim, index))
    return out


tensor_max = _extreme("max", np.max, np.argmax)
tensor_min = _extreme("min", np.min, np.argmin)


def _arg_extreme_check(op, self, dim):
    """argmax/argmin of bool or of nothing: PyTorch's errors."""
    if self.dtype is dtypes.bool_:
        raise runtime(f"{op}(): does not support bool input")
    if dim is None and self.numel() == 0:
        raise index_error(f"{op}(): Expected reduction dim to be specified for input.numel() == 0.")
    if dim is not None and self.dim() and self._shape[self._wrap_dim(dim)] == 0:
        raise index_error(f"{op}(): Expected reduction dim {self._wrap_dim(dim)} to have non-zero size.")


def argmax(self, dim=None, keepdim=False):
    _arg_extreme_check("argmax", self, dim)
    if dim is None:
        return from_numpy(np.asarray(np.argmax(self._np), dtype=np.int64), dtypes.int64)
    with autograd.no_grad():  # (not differentiable: PyTorch never looks at self's grad_fn)
        return tensor_max(self, dim, keepdim)[1]


def argmin(self, dim=None, keepdim=False):
    _arg_extreme_check("argmin", self, dim)
    if dim is None:
        return from_numpy(np.asarray(np.argmin(self._np), dtype=np.int64), dtypes.int64)
    with autograd.no_grad():
        return tensor_min(self, dim, keepdim)[1]


class VarBackward0(Node):
    """var (VarBackward0) and std (StdBackward0): PyTorch's var_backward, std's through grad / (2 std)."""
    __slots__ = ("dims", "correction", "keepdim")
    take_sqrt = False

    def __init__(self, x, out, dims, correction, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.dims, self.correction, self.keepdim = dims, correction, keepdim
        self.saved = (SavedTensor(x), SavedTensor(out, is_output=True) if self.take_sqrt else NOTHING_SAVED)

    def backward(self, g):
        x, result = self.unpack()
        if self.take_sqrt:
            g = where(result == 0, 0.0, g / (result * 2))
        if x.dim() == 0 or self.dims is None:
            dof = x.numel() - self.correction
            return ((2.0 / dof if dof > 0 else math.nan) * g * (x - x.mean()),)
        if not self.keepdim and x.dim() > 1:
            for d in self.dims:
                g = g.unsqueeze(d)
        n = 1
        for d in self.dims:
            n *= x._shape[d]
        dof = n - self.correction
        return ((2.0 / dof if dof > 0 else math.nan) * g * (x - x.mean(self.dims, keepdim=True)),)


class StdBackward0(VarBackward0):
    take_sqrt = True


def _var_std(self, dim, unbiased, keepdim, correction, node_cls):
    name = "std" if node_cls.take_sqrt else "var"
    if self.dtype.category < 2:
        raise runtime("std and var only support floating point and complex dtypes")
    if correction is None:
        correction = 1 if unbiased else 0
    dims = reduce_dims(self, dim)
    axes = tuple(range(self.dim())) if dims is None else dims
    n = 1
    for d in axes:
        n *= self._shape[d]
    if n - correction <= 0:
        warn(f"{name}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor "
             "(input numel divided by output numel).")
    with np.errstate(all="ignore"):
        if self._np.size == 0:
            r = np.full([1 if d in axes else s for d, s in enumerate(self._shape)] if keepdim else
                        [s for d, s in enumerate(self._shape) if d not in axes], np.nan)
        else:
            r = kernels.variance(self._np, axes, correction, keepdim)
        if node_cls.take_sqrt:
            r = np.sqrt(r)
    out = fresh(np.asarray(r, self.dtype.np), self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out, dims, correction, keepdim))
    return out


def var(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return _var_std(self, dim, unbiased, keepdim, correction, VarBackward0)


def std(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return _var_std(self, dim, unbiased, keepdim, correction, StdBackward0)


class CumsumBackward0(InputNode):
    fields = ("dim",)

    def backward(self, g):
        if g.numel() <= 1 or g._shape[self.dim] == 1:
            return (g,)
        return (fresh(np.flip(_cumsum_np(np.flip(g._np, self.dim), self.dim, g.dtype), self.dim).copy(), g.dtype),)


def _cumsum_np(x, axis, dt):
    """PyTorch's CPU cumsum: running sums in double (float types) or int64, each rounded to dt as it is stored."""
    acc = np.float64 if dt.category == 2 else np.int64
    return np.cumsum(x.astype(acc), axis=axis).astype(dt.np)


def cumsum(self, *args, **kwargs):
    dim, dtype = bind_args("cumsum", ("dim", "dtype"), (None, None), args, kwargs)
    if dim is None:
        raise type_error('cumsum() missing 1 required positional arguments: "dim"')
    if not isinstance(dim, int) or isinstance(dim, bool):
        where = " (position 1)" if args else ""
        raise type_error(f"cumsum(): argument 'dim'{where} must be int, not {type(dim).__name__}")
    check_dtype("cumsum", dtype)
    d = self._wrap_dim(dim)
    dt = dtype or (dtypes.int64 if self.dtype.category < 2 else self.dtype)
    out = fresh(np.array(_cumsum_np(self._np.reshape(self._shape or (1,)), d, dt).reshape(self._shape), order="C"), dt)
    if needs_grad(self):
        attach(out, CumsumBackward0(self, d))
    return out


class ProdBackward0(Node):
    """prod() (ProdBackward0) and prod(dim) (ProdBackward1): PyTorch's prod_backward, with its zero-safe path."""
    __slots__ = ("dim", "keepdim")

    def __init__(self, x, out, dim=None, keepdim=False):
        Node.__init__(self, (edge_of(x),))
        self.dim, self.keepdim = dim, keepdim
        self.saved = (SavedTensor(x), SavedTensor(out, is_output=True))

    def backward(self, g):
        x, result = self.unpack()
        if x.dim() == 0:
            return (g,)
        if self.dim is not None and not self.keepdim:
            g, result = g.unsqueeze(self.dim), result.unsqueeze(self.dim)
        zeros = int((x._np == 0).sum())
        if not zeros:
            return (g * (result / x),)
        if self.dim is None and zeros > 1 and not autograd.is_grad_enabled():
            return (zeros_of(x),)  # PyTorch's shortcut: every product of the others has a zero (+0., not -0.)
        if autograd.is_grad_enabled():  # create_graph: the gradient is recorded, op by op
            if self.dim is None:
                return (_prod_zeros_recorded(g, x.contiguous().view(-1), 0).view_as(x),)
            return (_prod_zeros_recorded(g, x, self.dim),)
        return (fresh(_prod_safe_zeros_backward(g._np, x._np, self.dim), x.dtype),)


class ProdBackward1(ProdBackward0):
    pass


def _prod_safe_zeros_backward(g, x, dim):
    """grad * (product of the others), as PyTorch's prod_safe_zeros_backward builds it: exclusive cumulative
    products from both ends (cumprod accumulates in double on the CPU, rounded at each step)."""
    shape = x.shape
    if dim is None:
        x, dim = x.reshape(-1), 0
    ones = np.ones(x.shape[:dim] + (1,) + x.shape[dim + 1:], x.dtype)
    head = np.concatenate([ones, np.delete(x, -1, axis=dim)], axis=dim)
    tail = np.concatenate([ones, np.flip(np.delete(x, 0, axis=dim), axis=dim)], axis=dim)
    before = np.cumprod(head.astype(np.float64), axis=dim).astype(x.dtype)
    after = np.flip(np.cumprod(tail.astype(np.float64), axis=dim).astype(x.dtype), axis=dim)
    return (g.reshape(g.shape if g.ndim == x.ndim else ()) * (before * after)).astype(x.dtype).reshape(shape)


def _prod_zeros_recorded(g, x, dim):
    """PyTorch's prod_safe_zeros_backward in ops (under create_graph): grad * (products of the elements before) *
    (products of those after), the exclusive products built a step at a time, as its cumprod builds them."""
    n = x._shape[dim]
    if x.numel() == 0:
        return g.expand_as(x)
    if n == 1:
        return g
    one = zeros_of(x.narrow(dim, 0, 1)) + 1
    before, after = [one], [one]
    for i in range(1, n):
        before.append(before[-1] * x.narrow(dim, i - 1, 1))
        after.append(after[-1] * x.narrow(dim, n - i, 1))
    return g * (cat(before, dim) * cat(after[::-1], dim))


_PROD_FORMS = " * (*, torch.dtype dtype = None)\n * (int dim, bool keepdim = False, *, torch.dtype dtype = None)\n"


def prod(self, *args, **kwargs):
    dim, keepdim, dtype = bind_args("prod", ("dim", "keepdim", "dtype"), (None, False, None), args, kwargs)
    if dim is not None and (not isinstance(dim, int) or isinstance(dim, bool)):
        got = type(dim).__name__ if args else f"dim={type(dim).__name__}, "
        raise type_error(f"prod() received an invalid combination of arguments - got ({got}), but expected one "
                         f"of:\n{_PROD_FORMS}")
    dt = _reduction_dtype(self, dtype)
    dims = reduce_dims(self, dim)
    r = kernels.prod(self._np.astype(dt.np, copy=False), dims[0] if dims else None, keepdim)
    if r is None:
        r = np.prod(self._np, axis=dims, keepdims=keepdim, dtype=dt.np)
    out = from_numpy(np.asarray(r), dt)
    if needs_grad(self):
        if dim is None:
            attach(out, ProdBackward0(self, out))
        else:
            attach(out, ProdBackward1(self, out, dims[0] if dims else None, keepdim))
    return out


_FLOAT_KERNEL_DTYPES = (dtypes.float32, dtypes.float64)  # float16 reduces in float32 in PyTorch: not these kernels


class LinalgVectorNormBackward0(Node):
    """PyTorch's norm_backward for the orders it defines: 1, 2, inf, and the general p."""
    __slots__ = ("p", "dims", "keepdim")

    def __init__(self, x, out, p, dims, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.p, self.dims, self.keepdim = p, dims, keepdim
        self.saved = (SavedTensor(x), SavedTensor(out, is_output=True))

    def backward(self, g):
        x, norm = self.unpack()
        if self.p == 0:
            return (None,)  # PyTorch defines no gradient for the count of non-zeros
        if not self.keepdim and x.dim() != 0:
            for d in (self.dims if self.dims is not None else range(x.dim())):
                g, norm = g.unsqueeze(d), norm.unsqueeze(d)
        p, zero = self.p, norm == 0
        if p == 1:
            return (x.sign() * g,)
        if p == 2:
            return (g * where(zero, 0.0, x / norm),)
        if math.isinf(p):
            mask = (x.abs() == norm).logical_or(x.abs().isnan())
            return (x.sign() * ((g / mask.sum(self.dims if self.dims is not None else tuple(range(x.dim())),
                                               keepdim=True)) * mask),)
        if p < 1:
            scaled = x.sign() * where(x == 0, 0.0, x.abs() ** (p - 1))
            return (scaled * g * norm ** (1 - p),)
        scaled = x.sign() * x.abs() ** (p - 1) if p < 2 else x * x.abs() ** (p - 2)
        return (scaled * where(zero, 0.0, g / norm ** (p - 1)),)


def norm(self, p=2, dim=None, keepdim=False, dtype=None):
    """torch.norm / Tensor.norm, as linalg.vector_norm computes it: the 2-norm of rows and of whole tensors by
    PyTorch's lastdim kernel, the other orders by its sequential reduction (kernels.py); dtype: computed in it."""
    if self.dtype.category < 2:
        raise runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                      f"Got {dtypes.SCALAR_NAMES[self.dtype.name]}")
    if dtype is not None and dtype is not self.dtype:
        check_dtype("norm", dtype)
        return norm(to(self, dtype), p, dim, keepdim)
    if p == "fro":
        p = 2
    elif isinstance(p, str) or not isinstance(p, (int, float)) or isinstance(p, bool):
        raise runtime(f"tensorsh supports vector norms only (p a number or 'fro'), not p={p!r}")
    dims = reduce_dims(self, dim)
    with autograd.no_grad():
        if self.dtype is dtypes.float16:  # (PyTorch reduces half in float, rounding the result once)
            out = to(norm(to(self, dtypes.float32), p, dim, keepdim), dtypes.float16)
        elif p == 0:  # the count of non-zero entries
            nonzero = fresh(np.asarray(self._np != 0).astype(self.dtype.np), self.dtype)
            out = nonzero.sum(dims, keepdim) if dims is not None else \
                nonzero.sum(tuple(range(self.dim())), keepdim) if keepdim and self.dim() else nonzero.sum()
        elif p == 2 and self.dtype in _FLOAT_KERNEL_DTYPES and dims == (self.dim() - 1,):
            values = kernels.norm2_rows(self._np)
            out = fresh(values.reshape(self._shape[:-1] + ((1,) if keepdim else ())), self.dtype)
        elif p == 2 and self.dtype in _FLOAT_KERNEL_DTYPES and dims is None:
            out = fresh(kernels.norm2_rows(self._np.reshape(1, -1)).reshape((1,) * self.dim() if keepdim else ()),
                        self.dtype)
        elif math.isinf(p):
            out = self.abs()
            for d in sorted(dims if dims is not None else range(self.dim()), reverse=True):
                out = (out.max(d, keepdim) if p > 0 else out.min(d, keepdim))[0]
        elif self.dtype in _FLOAT_KERNEL_DTYPES:
            out = fresh(kernels.norm_sequential(self._np, p, dims, keepdim), self.dtype)
        else:
            a = self.abs() ** p
            out = (a.sum(dims, keepdim) if dims is not None else a.sum()) ** (1.0 / p)
    if needs_grad(self):
        attach(out, LinalgVectorNormBackward0(self, out, p, dims, keepdim))
    return out


# ------------------------------------------------------------------ matrix products

class MmBackward0(Node):

    def __init__(self, a, b):
        Node.__init__(self, (edge_of(a), edge_of(b)))
        # saved (and unpacked) in the order of PyTorch's formulas: the second operand first
        self.saved = (SavedTensor(b) if self.next_functions[0][0] else NOTHING_SAVED,
                      SavedTensor(a) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        b, a = self.unpack()
        if not autograd._grad_enabled[0]:  # no graph to record: the same products, straight on the arrays
            gn, dt = g._np, g.dtype
            return (fresh(_matmul_np(gn, b._np.T), dt) if self.next_functions[0][0] else None,
                    fresh(_matmul_np(a._np.T, gn), dt) if self.next_functions[1][0] else None)
        return (g.mm(b.t()) if self.next_functions[0][0] else None,
                a.t().mm(g) if self.next_functions[1][0] else None)


class BmmBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g.bmm(b.transpose(1, 2)) if self.next_functions[0][0] else None,
                a.transpose(1, 2).bmm(g) if self.next_functions[1][0] else None)


class DotBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g * b if self.next_functions[0][0] else None, g * a if self.next_functions[1][0] else None)


class MvBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g.unsqueeze(1) * b if self.next_functions[0][0] else None,
                a.t().mv(g) if self.next_functions[1][0] else None)


def _matmul_np(x, y):
    """The product of two arrays: PyTorch's own order for a short inner dimension and the sgemm shapes measured
    (kernels.blas_matmul), numpy's (OpenBLAS) otherwise."""
    r = kernels.small_matmul(x, y)
    if r is None and x.ndim == 1 and y.ndim == 1:
        r = kernels.small_dot(x, y)
    if r is None and x.ndim == 2 and y.ndim == 2:
        r = kernels.blas_matmul(x, y)
    return np.matmul(x, y) if r is None else r


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
        raise runtime(f"expected m1 and m2 to have the same dtype, but got: {a.dtype.name.replace('float32','float').replace('float64','double').replace('int64','long int')} != {b.dtype.name.replace('float32','float').replace('float64','double').replace('int64','long int')}")
    out = fresh(_matmul_np(a._np, b._np), dt)  # falls back to from_numpy for dot's numpy scalar
    if needs_grad(a, b):
        attach(out, node_cls(a, b))
    return out


@tensor_params('mat2')
def mm(self, mat2):
    if self.dim() != 2:
        raise runtime(f"self must be a matrix")
    if mat2.dim() != 2:
        raise runtime(f"mat2 must be a matrix")
    if self._shape[1] != mat2._shape[0]:
        raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, self._shape)), b="x".join(map(str, mat2._shape))))
    return _mm_like(self, mat2, MmBackward0)


@tensor_params('mat2')
def bmm(self, mat2):
    if self.dim() != 3:
        raise runtime("batch1 must be a 3D tensor")
    if mat2.dim() != 3:
        raise runtime("batch2 must be a 3D tensor")
    if mat2._shape[:2] != (self._shape[0], self._shape[2]):
        _bmm_mismatch(self._shape[0], self._shape[2], mat2._shape[:2])
    return _mm_like(self, mat2, BmmBackward0)


def _bmm_mismatch(batch, k, got):
    raise runtime(f"Expected size for first two dimensions of batch2 tensor to be: [{batch}, {k}] but got: "
                  f"[{got[0]}, {got[1]}].")


@tensor_params('tensor')
def dot(self, other):
    if self.dim() != 1 or other.dim() != 1:
        raise runtime(f"1D tensors expected, but got {self.dim()}D and {other.dim()}D tensors")
    if self._shape != other._shape:
        raise runtime(f"inconsistent tensor size, expected tensor [{self._shape[0]}] and src [{other._shape[0]}] to have the same number of elements, but got {self._shape[0]} and {other._shape[0]} elements respectively")
    return _mm_like(self, other, DotBackward0)


@tensor_params('vec')
def mv(self, vec):
    if self.dim() and (self.dim() != 2 or vec.dim() != 1):
        raise runtime(f"vector + matrix @ vector expected, got 1, {self.dim()}, {vec.dim()}")
    if self._shape[1] != vec._shape[0]:
        raise runtime(f"size mismatch, got input ({self._shape[0]}), mat ({self._shape[0]}x{self._shape[1]}), vec ({vec._shape[0]})")
    return _mm_like(self, vec, MvBackward0)


def matmul(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"matmul(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    da, db = self.dim(), other.dim()
    if da == 0 or db == 0:
        raise runtime(f"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D")
    if da == 1 and db == 1:
        return dot(self, other)
    if da == 2 and db == 1:
        return mv(self, other)
    if da == 1 and db == 2:
        if self._shape[0] != other._shape[0]:
            raise runtime(messages.MM_SHAPES.format(a=f"1x{self._shape[0]}", b="x".join(map(str, other._shape))))
        return _squeeze_named(mm(self.unsqueeze(0), other), 0, "SqueezeBackward4")
    if da == 2 and db == 2:
        return mm(self, other)
    if da >= 3 and db <= 2:
        lead = self._shape[:-1]
        folded = self.reshape(-1, self._shape[-1])
        if db == 1:
            r = mv(folded, other)
            return _unsafe_view(r, lead)
        if folded._shape[1] != other._shape[0]:
            raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, folded._shape)), b="x".join(map(str, other._shape))))
        return _unsafe_view(mm(folded, other), lead + (other._shape[-1],))
    # general batched case: broadcast batch dims, fold to 3-D, bmm, unfold
    a = self.unsqueeze(0) if da == 1 else self
    b = other.unsqueeze(-1) if db == 1 else other
    check_broadcast_all(Shaped(a._shape[:-2]), Shaped(b._shape[:-2]))
    batch = tuple(np.broadcast_shapes(a._shape[:-2], b._shape[:-2]))
    if a._shape[-1] != b._shape[-2]:  # (folded to bmm, which checks the sizes)
        n = int(np.prod(batch))
        _bmm_mismatch(n, a._shape[-1], (n, b._shape[-2]))
    a3 = a.expand(batch + a._shape[-2:]).reshape(-1, *a._shape[-2:])
    b3 = b.expand(batch + b._shape[-2:]).reshape(-1, *b._shape[-2:])
    shape = batch + (a._shape[-2], b._shape[-1])
    if da == 1:
        shape = batch + (b._shape[-1],)
    elif db == 1:
        shape = batch + (a._shape[-2],)
    return _unsafe_view(bmm(a3, b3), shape)


# ------------------------------------------------------------------ views



def _select_backward(g, shape, dim, index):
    return embed(g, shape, lambda t: t.select(dim, index), "SelectBackwardBackward0")


def _slice_backward(g, shape, dim, start, stop, step):
    return embed(g, shape, lambda t: t._slice(dim, start, stop, step), "SliceBackwardBackward0")


def _squeeze_backward(g, shape, *args):
    return g.reshape(shape)


VIEW_BACKWARD.update({
    "ViewBackward0": lambda g, shape: g.reshape(shape),
    "UnsafeViewBackward0": lambda g, shape: g.reshape(shape),
    "AliasBackward0": lambda g, shape: g,
    "TBackward0": lambda g, shape: g.t(),
    "TransposeBackward0": lambda g, shape, d0, d1: g.transpose(d0, d1),
    "PermuteBackward0": lambda g, shape, dims: g.permute(*np.argsort(dims).tolist()),
    "UnsqueezeBackward0": lambda g, shape, d: g.squeeze(d),
    "SqueezeBackward0": _squeeze_backward,
    "SqueezeBackward1": _squeeze_backward,
    "SqueezeBackward2": _squeeze_backward,
    "SqueezeBackward4": _squeeze_backward,
    "ExpandBackward0": lambda g, shape: sum_to(g, shape),
    "SelectBackward0": _select_backward,
    "SliceBackward0": _slice_backward,
})








def _infer_shape(shape, numel):
    shape = list(shape)
    infer = [i for i, s in enumerate(shape) if s == -1]
    if len(infer) > 1:
        raise runtime("only one dimension can be inferred")
    known = 1
    for s in shape:
        if s != -1:
            if s < 0:
                raise runtime(f"invalid shape dimension {s}")
            known *= s
    if infer:
        if known == 0 or numel % known:
            raise runtime(messages.VIEW_INVALID.format(shape=_shape_list(shape), n=numel))
        shape[infer[0]] = numel // known
    elif known != numel:
        raise runtime(messages.VIEW_INVALID.format(shape=_shape_list(shape), n=numel))
    return tuple(shape)


def _view_strides(oldshape, oldstride, newshape):
    """PyTorch's computeStride: strides for viewing, or None when the layout does not allow it."""
    if not oldshape:
        return tuple(1 for _ in newshape)
    numel = 1
    for s in oldshape:
        numel *= s
    if numel == 0:
        return _contiguous_strides(newshape)  # an empty tensor views as any shape of the same numel
    newstride = [0] * len(newshape)
    view_d = len(newshape) - 1
    chunk = oldstride[-1]
    tensor_numel = 1
    view_numel = 1
    for d in range(len(oldshape) - 1, -1, -1):
        tensor_numel *= oldshape[d]
        if d == 0 or (oldshape[d - 1] != 1 and oldstride[d - 1] != tensor_numel * chunk):
            while view_d >= 0 and (view_numel < tensor_numel or newshape[view_d] == 1):
                newstride[view_d] = view_numel * chunk
                view_numel *= newshape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if d > 0:
                chunk = oldstride[d - 1]
                tensor_numel = 1
                view_numel = 1
    if view_d != -1:
        return None
    return tuple(newstride)


def _shape_arg(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    for s in shape:
        if not isinstance(s, int) or isinstance(s, bool):
            raise type_error(f"view(): argument 'size' (position 1) must be tuple of ints, but found element of type {type(s).__name__} at pos 0")
    return tuple(shape)


def view(self, *shape):
    if len(shape) == 1 and isinstance(shape[0], dtypes.DType):
        raise runtime("view(dtype) is not supported by tensorsh")
    shape = _infer_shape(_shape_arg(shape), self.numel())
    strides = _view_strides(self._shape, self._stride, shape)
    if strides is None:
        raise runtime(messages.VIEW_STRIDE)
    return make_view(self, shape, strides, self._offset, "ViewBackward0")


@tensor_params('other')
def view_as(self, other):
    return view(self, other._shape)


def reshape(self, *shape):
    shape = _infer_shape(_shape_arg(shape), self.numel())
    strides = _view_strides(self._shape, self._stride, shape)
    if strides is not None:
        return make_view(self, shape, strides, self._offset, "ViewBackward0")
    return _unsafe_view(clone(self, contiguous=True), shape)


@tensor_params('other')
def reshape_as(self, other):
    return reshape(self, other._shape)


def _unsafe_view(self, shape):
    """_unsafe_view: a fresh (non-view) alias used by reshape-after-copy and matmul."""
    shape = _infer_shape(tuple(shape), self.numel())
    out = self._alias(shape, _contiguous_strides(shape), self._offset, counter=self._version_counter)
    if needs_grad(self):
        attach(out, ViewNode("UnsafeViewBackward0", self, ()))
    return out


def flatten(self, start_dim=0, end_dim=-1):
    if self.dim() == 0:
        return reshape(self, 1)
    s = self._wrap_dim(start_dim)
    e = self._wrap_dim(end_dim)
    if s > e:
        raise runtime("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return self
    n = 1
    for d in range(s, e + 1):
        n *= self._shape[d]
    return reshape(self, self._shape[:s] + (n,) + self._shape[e + 1:])


def t(self):
    if self.dim() > 2:
        raise runtime(f"t() expects a tensor with <= 2 dimensions, but self is {self.dim()}D")
    return make_view(self, self._shape[::-1], self._stride[::-1], self._offset, "TBackward0")


def transpose(self, dim0, dim1):
    n = self.dim()
    d0, d1 = self._wrap_dim(dim0), self._wrap_dim(dim1)
    shape, stride = list(self._shape), list(self._stride)
    if n:
        shape[d0], shape[d1] = shape[d1], shape[d0]
        stride[d0], stride[d1] = stride[d1], stride[d0]
    return make_view(self, shape, stride, self._offset, "TransposeBackward0", (d0, d1))


def permute(self, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    if len(dims) != self.dim():
        raise runtime(f"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {self.dim()} is not equal to len(dims) = {len(dims)}")
    dims = tuple(self._wrap_dim(d) for d in dims)
    if len(set(dims)) != len(dims):
        raise runtime("permute(): duplicate dims are not allowed.")
    return make_view(self, [self._shape[d] for d in dims], [self._stride[d] for d in dims], self._offset,
                      "PermuteBackward0", (dims,))


def unsqueeze(self, dim):
    d = self._wrap_dim(dim, self.dim() + 1)
    shape, stride = list(self._shape), list(self._stride)
    new_stride = shape[d] * stride[d] if d < len(shape) else 1
    shape.insert(d, 1)
    stride.insert(d, new_stride)
    return make_view(self, shape, stride, self._offset, "UnsqueezeBackward0", (d,))


def squeeze(self, dim=None):
    if dim is None:
        keep = [i for i, s in enumerate(self._shape) if s != 1]
        name = "SqueezeBackward0"
    else:
        dims = reduce_dims(self, dim) if self.dim() else ()
        keep = [i for i, s in enumerate(self._shape) if not (i in dims and s == 1)]
        name = "SqueezeBackward1" if not isinstance(dim, (tuple, list)) else "SqueezeBackward2"
    return make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name)


def _squeeze_named(self, dim, name):
    keep = [i for i in range(self.dim()) if i != dim]
    return make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name)


def expand(self, *sizes):
    sizes = _shape_arg(sizes)
    if len(sizes) < self.dim():
        kind = "CPUBoolType" if self.dtype is dtypes.bool_ else self.dtype.type_name  # (PyTorch's toString)
        raise runtime(f"expand({kind}{{{_shape_list(self._shape)}}}, size={_shape_list(sizes)}): the number of sizes provided ({len(sizes)}) must be greater or equal to the number of dimensions in the tensor ({self.dim()})")
    lead = len(sizes) - self.dim()
    shape, stride = [], []
    for i in range(len(sizes) - 1, -1, -1):  # PyTorch checks from the last dimension backwards
        s = sizes[i]
        if i < lead:
            if s < 0:
                raise runtime(f"The expanded size of the tensor ({s}) isn't allowed in a leading, non-existing dimension {i}")
            shape.append(s)
            stride.append(0)
            continue
        old = self._shape[i - lead]
        if s == -1:
            s = old
        if old == s:
            shape.append(s)
            stride.append(self._stride[i - lead])
        elif old == 1:
            shape.append(s)
            stride.append(0)
        else:
            raise runtime(f"The expanded size of the tensor ({s}) must match the existing size ({old}) at non-singleton dimension {i}.  Target sizes: {_shape_list(sizes)}.  Tensor sizes: {_shape_list(self._shape)}")
    return make_view(self, shape[::-1], stride[::-1], self._offset, "ExpandBackward0")


@tensor_params('other')
def expand_as(self, other):
    return expand(self, other._shape)


def select(self, dim, index):
    if self.dim() == 0:
        raise index_error("select() cannot be applied to a 0-dim tensor.")
    d = self._wrap_dim(dim)
    n = self._shape[d]
    if index < -n or index >= n:
        raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=d, n=n))
    i = index + n if index < 0 else index
    shape = self._shape[:d] + self._shape[d + 1:]
    stride = self._stride[:d] + self._stride[d + 1:]
    return make_view(self, shape, stride, self._offset + i * self._stride[d], "SelectBackward0", (d, i))


def _slice(self, dim, start, stop, step):
    d = dim
    n = self._shape[d]
    if step is None:
        step = 1
    if step <= 0:
        raise value_error("step must be greater than zero")
    start = 0 if start is None else start
    stop = n if stop is None else stop
    if start < 0:
        start += n
    if stop < 0:
        stop += n
    start = 0 if start < 0 else n if start > n else start
    stop = start if stop < start else n if stop > n else stop
    length = (stop - start + step - 1) // step
    shape = list(self._shape)
    stride = list(self._stride)
    shape[d] = length
    stride[d] = self._stride[d] * step
    return make_view(self, shape, stride, self._offset + start * self._stride[d], "SliceBackward0",
                      (d, start, stop, step))


def narrow(self, dim, start, length):
    d = self._wrap_dim(dim)
    return _slice(self, d, start, start + length, 1)


def alias(self):
    return make_view(self, self._shape, self._stride, self._offset, "AliasBackward0")


def unbind(self, dim=0):
    return multiview.unbind(self, dim)


def chunk(self, chunks, dim=0):
    return multiview.chunk(self, chunks, dim)


def split(self, split_size, dim=0):
    return multiview.split(self, split_size, dim)


















# ------------------------------------------------------------------ indexing

def _is_advanced(ix):
    return isinstance(ix, Tensor) or isinstance(ix, list)


def _index_tensor(ix):
    """An advanced index as a tensor: a list is a long one unless bool or uint8 (indexing_tensor_from_data)."""
    if isinstance(ix, Tensor):
        return ix
    t = tensor_of(ix)
    return t if t.dtype in (dtypes.bool_, dtypes.uint8) or t.dtype is dtypes.int64 else tensor_of(ix, dtypes.int64)


def _expand_index(self, index):
    if not self._shape and not isinstance(index, tuple):  # a lone index on a 0-dim tensor: its own messages
        if isinstance(index, slice):
            raise index_error("slice() cannot be applied to a 0-dim tensor.")
        if isinstance(index, int) and not isinstance(index, bool) and index != 0:
            raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))
        if isinstance(index, int) and not isinstance(index, bool):
            raise index_error("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                              "in C++ to convert a 0-dim tensor to a number")
    if not isinstance(index, tuple):
        index = (index,)
    consuming = builtins.sum(1 for ix in index if ix is not None and ix is not Ellipsis and not isinstance(ix, bool))
    for ix in index:
        if isinstance(ix, Tensor) and ix.dtype is dtypes.bool_:
            consuming += ix.dim() - 1
    if consuming > self.dim():
        raise index_error(messages.TOO_MANY_INDICES.format(n=self.dim()))
    if builtins.sum(1 for ix in index if ix is Ellipsis) > 1:
        raise index_error("an index can only have a single ellipsis ('...')")
    return index, consuming


def _bool_scalars(index):
    """A Python bool in an index is a 0-dim bool tensor index, as PyTorch takes it (x[True] adds a dim of 1)."""
    if isinstance(index, bool):
        return tensor_of(index)
    if isinstance(index, tuple) and any(isinstance(ix, bool) for ix in index):
        return tuple(tensor_of(ix) if isinstance(ix, bool) else ix for ix in index)
    return index


def getitem(self, index, setting=False):
    """self[index]. PyTorch skips a slice that covers its whole dimension (start 0, stop past the end, step 1)
    inside a tuple index, and when setting even a lone one: setting, the write then goes to self itself."""
    keep_full = not setting and isinstance(index, slice)
    index, consuming = _expand_index(self, _bool_scalars(index))
    out = self
    dim = 0
    advanced = []
    for position, ix in enumerate(index):  # (PyTorch's errors name an index by its position: real_dim)
        if ix is None:
            out = unsqueeze(out, dim)
            dim += 1
        elif ix is Ellipsis:
            dim += self.dim() - consuming
        elif isinstance(ix, bool):
            raise index_error("tensorsh does not support boolean scalar indices")
        elif isinstance(ix, int) or (isinstance(ix, Tensor) and ix.dim() == 0 and ix.dtype.category == 1):
            i = int(ix)
            n = out._shape[dim]
            if i < -n or i >= n:
                raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=position, n=n))
            out = select(out, dim, i)
        elif isinstance(ix, slice):
            start, stop, step = (None if v is None else int(v) for v in (ix.start, ix.stop, ix.step))
            n = out._shape[dim] if dim < out.dim() else 0
            whole = start in (None, 0) and (stop is None or stop >= n) and step in (None, 1)  # (-n: not whole)
            if keep_full or not whole:
                out = _slice(out, dim, start, stop, step)
            dim += 1
        elif _is_advanced(ix):
            t = _index_tensor(ix)
            if t.dtype.category == 2:
                raise index_error("tensors used as indices must be long, int, byte or bool tensors")
            advanced.append((dim, t))
            dim += t.dim() if t.dtype is dtypes.bool_ else 1
        else:
            raise index_error("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " + type(ix).__name__ + ")")
    if not advanced:
        if out is self and not setting:
            return alias(self) if index else self
        return out
    return _index(out, advanced)


def _np_index(shape, advanced):
    key = [slice(None)] * len(shape)
    skip = set()
    zero_dim_masks = []  # a 0-dim bool index takes no dimension: numpy's too, inserted before dim
    for dim, t in advanced:
        if t.dtype is dtypes.bool_ and t.dim() == 0:
            zero_dim_masks.append((dim, t._np))
        elif t.dtype is dtypes.bool_:
            key[dim] = t._np
            for k in range(dim + 1, dim + t.dim()):
                skip.add(k)
        else:
            n = shape[dim]
            bad = (t._np >= n) | (t._np < -n)
            if bad.any():
                if n == 0:
                    raise index_error("index is out of bounds for dimension with size 0")
                i = int(t._np[bad].reshape(-1)[0])
                raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=dim, n=n))
            key[dim] = t._np
    for dim, mask in reversed(zero_dim_masks):
        key.insert(dim, mask)
        skip = {k + 1 if k >= dim else k for k in skip}
    return tuple(k for i, k in enumerate(key) if i not in skip)


def _index(self, advanced):
    key = _np_index(self._shape, advanced)
    _check_index_size(self, key)
    out = from_numpy(np.asarray(self._np[key]), self.dtype)
    if needs_grad(self):
        attach(out, IndexBackward0(self, key))
    return out


def _check_index_size(self, key):
    """Advanced indexing makes a copy as large as the indices' shape times the dimensions they leave."""
    arrays = [k for k in key if isinstance(k, np.ndarray)]
    n = math.prod(np.broadcast_shapes(*[a.shape if a.dtype != np.bool_ else (int(a.sum()),) for a in arrays]))
    dims = iter(self._shape)
    for k in key:
        if isinstance(k, np.ndarray):
            for _ in range(builtins.max(k.ndim, 1) if k.dtype == np.bool_ else 1):
                next(dims, None)
        else:
            n *= next(dims, 1)
    check_size(n * self.dtype.itemsize)


class IndexBackward0(Node):
    __slots__ = ("shape", "key")

    def __init__(self, x, key):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.key = x._shape, key

    def backward(self, g):
        z = np.zeros(self.shape, g.dtype.np)
        np.add.at(z, self.key, g._np)
        return (from_numpy(z, g.dtype),)


def setitem(self, index, value):
    if not self._shape and isinstance(index, int) and not isinstance(index, bool) and isinstance(value, Tensor):
        raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))  # PyTorch's tensor-value path
    index = _bool_scalars(index)
    index_t = index if isinstance(index, tuple) else (index,)
    if any(_is_advanced(ix) for ix in index_t):
        return index_put_inplace(self, index, value)
    target = getitem(self, index, setting=True)
    if isinstance(value, Tensor) and value._shape == target._shape:  # PyTorch's copy_to, its three ways
        copy_inplace(target, value)
    elif isinstance(value, Tensor) and value.dim() == 0:
        fill_inplace(target, value)
    elif isinstance(value, Tensor):
        # drop all the value's leading 1-dims, then expand it to the target (its errors first)
        lead = 0
        while lead < value.dim() and value._shape[lead] == 1:
            lead += 1
        if lead:
            value = value.view(value._shape[lead:])
        if value._shape != target._shape:
            value = expand(value, target._shape)
        copy_inplace(target, value)
    elif isinstance(value, (list, tuple)):
        copy_inplace(target, tensor_of(value, dtype=self.dtype))
    else:  # PyTorch wraps the number in a 0-dim tensor first: fill_(Tensor), FillBackward3
        fill_inplace(target, from_numpy(np.asarray(scalars.checked_scalar(self.dtype, value)), self.dtype))


def index_put_inplace(self, index, value):
    index, consuming = _expand_index(self, index)
    advanced = []
    dim = 0
    for ix in index:
        if _is_advanced(ix):
            t = _index_tensor(ix)
            advanced.append((dim, t))
            dim += t.dim() if t.dtype is dtypes.bool_ else 1
        elif isinstance(ix, slice) and ix == slice(None):
            dim += 1
        elif ix is Ellipsis:
            dim += self.dim() - consuming
        else:
            raise index_error("tensorsh supports mixing advanced indices only with ':' and '...' in assignments")
    key = _np_index(self._shape, advanced)
    v = value._np if isinstance(value, Tensor) else value
    if isinstance(value, Tensor):  # (index_put_: the value, leading 1-dims dropped, must broadcast to the result)
        vshape, target = value._shape, np.empty(self._shape, np.bool_)[key].shape
        while vshape and vshape[0] == 1 and len(vshape) > len(target):
            vshape = vshape[1:]
        if len(vshape) > len(target) or any(a not in (1, b) for a, b in zip(vshape[::-1], target[::-1])):
            raise runtime(f"shape mismatch: value tensor of shape {_shape_list(value._shape)} cannot be broadcast to "
                          f"indexing result of shape {_shape_list(target)}")
        v = v.reshape(vshape)

    def write(arr):
        arr[key] = v
    return write_inplace(self, write, lambda: IndexPutBackward0(self, value, key), (value,))


class IndexPutBackward0(Node):
    __slots__ = ("key", "value_shape")

    def __init__(self, x, value, key):
        Node.__init__(self, (edge_of(x), operand_edge(value)))
        self.key = key
        self.value_shape = value._shape if isinstance(value, Tensor) else ()

    def backward(self, g):
        gs = g._np.copy()
        gs[self.key] = 0
        gv = None
        if self.next_functions[1][0] is not None:
            gv, shape = from_numpy(np.asarray(g._np[self.key]), g.dtype), self.value_shape
            extra = builtins.max(len(shape) - gv.dim(), 0)  # (leading 1-dims of the value that index_put_ dropped)
            gv = sum_to(gv, shape[extra:])
            gv = gv.reshape(shape) if extra else gv
        return (from_numpy(gs, g.dtype), gv)


# ------------------------------------------------------------------ in-place machinery



























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


_round_even.inplace = _unary_inplace(_round_even)
_frac.inplace = _unary_inplace(_frac)


def frac_inplace(self):
    _not_for_integers("frac_cpu", self)
    return _frac.inplace(self)


def round_inplace(self, *args, decimals=None):
    if args:
        raise type_error(f"round_() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even.inplace(self)
    decimals = _decimals(decimals)
    _not_for_integers("round_cpu", self)
    precheck(self)
    values = _round_decimals_values(self._np, decimals)

    def make():
        return RoundBackward1(self)

    def write(arr):
        arr[...] = values
    return write_inplace(self, write, make)


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


def clamp_inplace(self, min=None, max=None):
    precheck(self)
    with autograd.no_grad():
        values = clamp(self, min, max)
    cast_for_inplace(self, values.dtype, cpp_name=True)

    def make():
        return ClampBackward1(self, min, max, inplace=True)

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, make)






def fill_inplace(self, value):
    # fill_(Tensor) goes through PyTorch's TensorIterator checks; fill_(number) may write an expanded tensor
    alias = isinstance(value, Tensor) and value._storage is self._storage  # (PyTorch copies from a clone of it)
    precheck(self, *(() if alias else (value,)), internal_overlap=isinstance(value, Tensor))
    if isinstance(value, Tensor):
        if value.dim() != 0:
            raise runtime(f"fill_ only supports 0-dimension value tensor but got tensor with {value.dim()} dimensions.")
        v = value._np
        make = lambda: _fill_tensor_node(self, value)
        others = (value,)
    else:
        v = scalars.checked_scalar(self.dtype, value)
        make = lambda: zero_node("FillBackward2", self)
        others = ()

    def write(arr):
        arr[...] = v
    return write_inplace(self, write, make, others)


def _fill_tensor_node(self, value):
    node = zero_node("FillBackward3", self, value)
    node.other_shape = ()
    return node


def zero_inplace(self):
    precheck(self, internal_overlap=False)

    def write(arr):
        arr[...] = 0
    return write_inplace(self, write, lambda: zero_node("ZeroBackward0", self))


class CopyBackwards(ZeroGradNode):
    name_ = "CopyBackwards"
    qualified = True


def copy_inplace(self, src, non_blocking=False):
    if type(src) in (bool, int, float):  # PyTorch's argument parser wraps a Python number as a 0-dim tensor
        src = tensor_of(src, dtypes.scalar_dtype(src) if type(src) is not float else dtypes.float64)
    if not isinstance(src, Tensor):
        raise type_error(f"copy_(): argument 'other' (position 1) must be Tensor, not {type(src).__name__}")
    precheck(self, src, internal_overlap=src is not self)  # x.copy_(x) is a no-op write in PyTorch
    check_broadcast(self, src)
    check_fits_output(self, src)
    values = np.broadcast_to(src._np, self._shape)
    values = values.astype(self.dtype.np)

    def write(arr):
        if self_overlapping(self):  # the last write to an address wins, in PyTorch's order
            write_rows(self, arr, lambda ix: values[ix], (src,))
        else:
            arr[...] = values

    def make():
        return CopyBackwards(None, self, src)
    return write_inplace(self, write, make, (src,))


# ------------------------------------------------------------------ copies and conversions

class CloneBackward0(Node):

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (g,)


class MemoryFormat:
    """torch.preserve_format, torch.contiguous_format: how clone() and contiguous() lay their result out."""
    __slots__ = ("name",)
    __api__ = frozenset()

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"torch.{self.name}"


PRESERVE_FORMAT, CONTIGUOUS_FORMAT = MemoryFormat("preserve_format"), MemoryFormat("contiguous_format")
MemoryFormat.__name__ = MemoryFormat.__qualname__ = "memory_format"


def _dense_strides(shape, stride):
    """PyTorch's infer_dense_strides: a dense layout in the order of the given strides (TensorIterator's dim
    order for one operand: zero strides left in place, equal strides: the smaller size inside)."""
    perm = kernels.dim_order(shape, [stride])
    out, acc = [0] * len(shape), 1
    for d in perm:
        out[d] = acc
        acc *= shape[d] if shape[d] > 1 else 1
    return tuple(out)


def clone(self, memory_format=None, contiguous=False):
    check_size(self._np.size * self.dtype.itemsize)       # an expanded view's copy is as large as it looks
    if contiguous or memory_format is CONTIGUOUS_FORMAT:
        out = from_numpy(np.array(self._np, order="C", copy=True), self.dtype)
    else:  # preserve_format: a dense tensor's strides as they are, another's made dense in their order
        stride = self._stride if _non_overlapping_and_dense(self) else _dense_strides(self._shape, self._stride)
        out = empty_strided((self._shape, stride, 0), self.dtype)
        out._np[...] = self._np
    if needs_grad(self):
        attach(out, CloneBackward0(self))
    return out


def contiguous(self, memory_format=None):
    if self.is_contiguous():
        return self
    return clone(self, contiguous=True)


class ToCopyBackward0(Node):
    __slots__ = ("dtype",)

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))
        self.dtype = x.dtype

    def backward(self, g):
        return (g.to(self.dtype),)


def to(self, *args, dtype=None, copy=False, **kwargs):
    for a in args:
        if isinstance(a, dtypes.DType):
            dtype = a
        elif isinstance(a, Tensor):
            dtype = a.dtype
    if dtype is None or (dtype is self.dtype and not copy):
        return self
    out = from_numpy(self._np.astype(dtype.np), dtype)
    if needs_grad(self) and dtype.is_floating_point:
        attach(out, ToCopyBackward0(self))
    return out


def tensor_type(self, dtype=None):
    if dtype is None:
        return self.dtype.type_name
    return to(self, dtype)


def _conversion(name, dtype):
    """x.float(), x.long(), ...: to(x, dtype)."""
    def convert(self):
        return to(self, dtype)
    convert.__name__ = convert.__qualname__ = name
    return convert


# (x.half() is interop's: it takes memory_format)
CONVERSIONS = {name: _conversion(name, dt) for name, dt in (
    ("float", dtypes.float32), ("double", dtypes.float64), ("long", dtypes.int64), ("int", dtypes.int32),
    ("short", dtypes.int16), ("char", dtypes.int8), ("byte", dtypes.uint8), ("bool", dtypes.bool_))}


# ------------------------------------------------------------------ new_* (same dtype as self)

def new_tensor(self, data, dtype=None, requires_grad=False, **_):
    check_dtype("new_tensor", dtype)
    from .creation import tensor
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)


def _new_filled(kind):
    def op(self, *size, dtype=None, requires_grad=False, **_):
        from . import creation
        return getattr(creation, kind)(*size, dtype=dtype or self.dtype, requires_grad=requires_grad)
    return op


def new_full(self, size, fill_value, dtype=None, requires_grad=False, **_):
    check_dtype("new_full", dtype)
    from .creation import full
    return full(size, fill_value, dtype=dtype or self.dtype, requires_grad=requires_grad)


# ------------------------------------------------------------------ softmax and losses (torch.nn.functional)

class SoftmaxBackward0(Node):
    __slots__ = ("dim",)
    log = False

    def __init__(self, x, out, dim):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        y, = self.unpack()
        r = _softmax_backward(g, y, self.dim, self.log)
        if r is not None:
            return (r,)
        if self.log:
            return (g - y.exp() * g.sum(self.dim, keepdim=True),)
        return (y * (g - (g * y).sum(self.dim, keepdim=True)),)


class LogSoftmaxBackward0(SoftmaxBackward0):
    log = True


def _softmax_backward(g, y, dim, log):
    """PyTorch's own kernel for the gradient, where no graph is recorded through it and the kernels have it."""
    if autograd._grad_enabled[0] or g._shape != y._shape:
        return None
    gn, yn = g._np, y._np
    if yn.ndim == 0:
        gn, yn, dim = gn.reshape(1), yn.reshape(1), 0
    r = kernels.softmax_backward(gn, yn, dim, log)
    return None if r is None else fresh(r.reshape(y._shape), y.dtype)


def _softmax_op(self, dim, dtype, node_cls):
    check_dtype("log_softmax" if node_cls.log else "softmax", dtype)
    d = self._wrap_dim(dim)
    if self.numel() == 0:  # no kernel runs on nothing (so no dtype check either)
        out = fresh(np.empty(self._shape, (dtype or self.dtype).np), dtype or self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, out, d))
        return out
    if dtype is None and self.dtype.category < 2:
        kernel = ("log_softmax" if node_cls.log else "softmax") + ("_lastdim" if d >= self.dim() - 1 else "")
        raise errors.make("NotImplementedError", f"\"{kernel}_kernel_impl\" not implemented for "
                                                 f"'{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    x = self._np if dtype is None else self._np.astype(dtype.np)
    half = x.dtype == np.float16  # (PyTorch computes half in float, rounding the result once)
    x = x.astype(np.float32) if half else x
    if x.ndim == 0:
        x, d = x.reshape(1), 0  # as PyTorch views a 0-d input
    r = (kernels.log_softmax if node_cls.log else kernels.softmax)(x, d)
    r = r.astype(np.float16) if half and r is not None else r
    if r is None:
        shifted = x - np.max(x, axis=d, keepdims=True)
        e = np.exp(shifted)
        r = shifted - np.log(np.sum(e, axis=d, keepdims=True)) if node_cls.log else e / np.sum(e, axis=d, keepdims=True)
        r = np.asarray(r, dtype=np.float16 if half else x.dtype)
    out = fresh(r.reshape(self._shape), dtype or self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out, d))
    return out


def softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, SoftmaxBackward0)


def log_softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, LogSoftmaxBackward0)


class MseLossBackward0(Node):
    __slots__ = ("reduction", "meta")

    def __init__(self, a, b, reduction):
        Node.__init__(self, (operand_edge(a), operand_edge(b)))
        self.reduction = reduction
        self.meta = input_meta(a, b)
        self.saved = (SavedTensor(a), SavedTensor(b))

    def backward(self, g):
        a, b = self.unpack()
        scale = 2.0 / a.numel() if self.reduction == "mean" else 2.0
        d = (a - b) * (g * scale)
        return reduce_grad(d, self.meta[0]), reduce_grad(-d, self.meta[1])


def mse_loss(input, target, reduction="mean"):
    with autograd.no_grad():
        sq = (input - target) ** 2
        out = sq.mean() if reduction == "mean" else sq.sum() if reduction == "sum" else sq
    if needs_grad(input, target) and reduction in ("mean", "sum"):
        attach(out, MseLossBackward0(input, target, reduction))
    return out


# ------------------------------------------------------------------ joining

class CatBackward0(Node):
    __slots__ = ("dim", "sizes")

    def __init__(self, tensors, dim):
        Node.__init__(self, tuple(edge_of(t) for t in tensors))
        self.dim, self.sizes = dim, [t._shape[dim] if t.dim() else 0 for t in tensors]

    def backward(self, g):
        out, start = [], 0
        for size, (fn, _) in zip(self.sizes, self.next_functions):
            out.append(g.narrow(self.dim, start, size) if fn is not None else None)
            start += size
        return tuple(out)


class StackBackward0(Node):
    __slots__ = ("dim",)

    def __init__(self, tensors, dim):
        Node.__init__(self, tuple(edge_of(t) for t in tensors))
        self.dim = dim

    def backward(self, g):
        return tuple(g.select(self.dim, i) if fn is not None else None
                     for i, (fn, _) in enumerate(self.next_functions))


def _tensor_list(op, tensors):
    """cat/stack's first argument: a sequence of tensors, with PyTorch's messages otherwise."""
    if not isinstance(tensors, (list, tuple)):
        raise type_error(f"{op}(): argument 'tensors' (position 1) must be tuple of Tensors, not {type_name(tensors)}")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {type_name(t)}")
    return list(tensors)


def _joined_dtype(tensors):
    dt = None
    for t in tensors:
        dt = dtypes.promote(dt, t.dtype)
    return dt


def cat(tensors, dim=0):
    tensors = _tensor_list("cat", tensors)
    if needs_grad(*tensors):
        collect_edges(*tensors)  # (PyTorch builds the node's edges before checking the shapes)
    if not tensors:
        raise runtime("torch.cat(): expected a non-empty list of Tensors")
    for i, t in enumerate(tensors):
        if not t._shape:
            raise runtime(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    ref = next((t for t in tensors if t._shape != (0,)), tensors[0])
    d = ref._wrap_dim(dim)
    dt = _joined_dtype(tensors)
    for i, t in enumerate(tensors):
        if t._shape == (0,):
            continue
        if t.dim() != ref.dim():
            raise runtime(f"Tensors must have same number of dimensions: got {ref.dim()} and {t.dim()}")
        for k in range(ref.dim()):
            if k != d and t._shape[k] != ref._shape[k]:
                raise runtime(f"Sizes of tensors must match except in dimension {d}. Expected size {ref._shape[k]} but got size {t._shape[k]} for tensor number {i} in the list.")
    check_size(builtins.sum(t._np.size for t in tensors) * dt.itemsize)
    arrays = [t._np.astype(dt.np, copy=False) for t in tensors if t._shape != (0,)]
    out = from_numpy(np.concatenate(arrays, axis=d) if arrays else np.zeros((0,), dt.np), dt)
    if needs_grad(*tensors):
        attach(out, CatBackward0(tensors, d))
    return out


def stack(tensors, dim=0):
    tensors = _tensor_list("stack", tensors)
    if needs_grad(*tensors):
        collect_edges(*tensors)  # (PyTorch builds the node's edges before checking the shapes)
    if not tensors:
        raise runtime("stack expects a non-empty TensorList")
    d = tensors[0]._wrap_dim(dim, tensors[0].dim() + 1)
    for i, t in enumerate(tensors):
        if t._shape != tensors[0]._shape:
            raise runtime(f"stack expects each tensor to be equal size, but got {_shape_list(tensors[0]._shape)} at entry 0 and {_shape_list(t._shape)} at entry {i}")
    dt = _joined_dtype(tensors)
    check_size(builtins.sum(t._np.size for t in tensors) * dt.itemsize)
    out = from_numpy(np.stack([t._np.astype(dt.np, copy=False) for t in tensors], axis=d), dt)
    if needs_grad(*tensors):
        attach(out, StackBackward0(tensors, d))
    return out


# ------------------------------------------------------------------ the rows (see ops/registry.py)

def _numpy_T(self):
    if self.dim() != 2:  # PyTorch's warnings, each once per process
        warn_once(messages.T_OF_0D if self.dim() == 0 else messages.T_NOT_2D)
    return permute(self, *reversed(range(self.dim())))


def _matrix_T(self):
    if self.dim() == 0:
        warn_once("Tensor.mT is deprecated on 0-D tensors. This function is the identity in these cases.")
        return self
    if self.dim() < 2:
        raise runtime(f"tensor.mT is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor.")
    return transpose(self, -2, -1)


op("square", square, function=True)
op("clamp", clamp, function=True)
op("clip", clip, function=True)
op("round", rounded, function=True)
op("frac", frac, function=True)
op("round_", round_inplace)
op("frac_", frac_inplace)
op("add", add, function=True, operators=("__add__", "__radd__"))
op("sub", sub, aliases=("subtract",), function=True, operators=("__sub__",))
op("mul", mul, aliases=("multiply",), function=True, operators=("__mul__", "__rmul__"))
op("div", div, aliases=("divide", "true_divide"), function=True, operators=("__truediv__",))
op("pow", power, function=True, operators=("__pow__",))
op("floor_divide", floor_divide, function=True, operators=("__floordiv__",))
op("remainder", remainder, function=True, operators=("__mod__",))
op("eq", eq, function=True, operators=("__eq__",))
op("ne", ne, function=True, operators=("__ne__",))
op("lt", lt, function=True, operators=("__lt__",))
op("le", le, function=True, operators=("__le__",))
op("gt", gt, function=True, operators=("__gt__",))
op("ge", ge, function=True, operators=("__ge__",))
op("logical_and", logical_and, function=True)
op("logical_or", logical_or, function=True)
op("logical_not", logical_not, function=True)
op("maximum", maximum, function=True)
op("minimum", minimum, function=True)
op("equal", equal, function=equal)
op("allclose", allclose, function=True)
op("isclose", isclose, function=True)
op("any", tensor_any, function=True)
op("all", tensor_all, function=True)
op("isnan", isnan, function=True)
op("sum", tensor_sum, function=True)
op("mean", mean, function=True)
op("max", tensor_max, function=True)
op("min", tensor_min, function=True)
op("argmax", argmax, function=True)
op("argmin", argmin, function=True)
op("prod", prod, function=True)
op("norm", norm, function=True)
op("var", var, function=True)
op("std", std, function=True)
op("cumsum", cumsum, function=True)
op("mm", mm, function=True)
op("bmm", bmm, function=True)
op("dot", dot, function=True)
op("mv", mv, function=True)
op("matmul", matmul, function=True, operators=("__matmul__",))
op("view", view, edges=True)
op("view_as", view_as, edges=True)
op("reshape", reshape, function=True, edges=True)
op("reshape_as", reshape_as, edges=True)
op("flatten", flatten, function=True, edges=True)
op("t", t, function=True, edges=True)
op("transpose", transpose, function=True, edges=True)
op("permute", permute, function=True, edges=True)
op("unsqueeze", unsqueeze, function=True, edges=True)
op("squeeze", squeeze, function=True, edges=True)
op("expand", expand, edges=True)
op("expand_as", expand_as, edges=True)
op("select", select, function=True, edges=True)
op("narrow", narrow, function=True, edges=True)
op("unbind", unbind, function=True, edges=True)
op("chunk", chunk, function=True, edges=True)
op("split", split, function=True, edges=True)
op("_slice", _slice)
op("add_", add_inplace, operators=("__iadd__",))
op("sub_", sub_inplace, operators=("__isub__",))
op("mul_", mul_inplace, operators=("__imul__",))
op("div_", div_inplace, operators=("__itruediv__",))
op("pow_", pow_inplace, operators=("__ipow__",))
op("clamp_", clamp_inplace)
op("fill_", fill_inplace, function=True)
op("zero_", zero_inplace, function=True)
op("copy_", copy_inplace)
op("new_tensor", new_tensor)
op("new_ones", _new_filled("ones"))
op("new_zeros", _new_filled("zeros"))
op("new_empty", _new_filled("empty"))
op("new_full", new_full)
op("softmax", softmax, function=True)
op("log_softmax", log_softmax, function=True)
op("index_put_", index_put_inplace)
op("clone", clone, function=True)
op("contiguous", contiguous)
op("type", tensor_type)
for _name, _convert in CONVERSIONS.items():
    op(_name, _convert)
op("where", lambda self, condition, other: where(condition, self, other), function=where)
op("cat", cat, aliases=("concat", "concatenate"), method=False, function=cat)
op("stack", stack, method=False, function=stack)
op("T", property(_numpy_T))
op("mT", property(_matrix_T))
op("_refresh_view_grad_fn", refresh_view_grad_fn)
op("__getitem__", getitem, method=False, operators=("__getitem__",))
op("__setitem__", setitem, method=False, operators=("__setitem__",))
op("bitwise_and", bitwise_and, method=False, operators=("__and__", "__rand__"))
op("bitwise_or", bitwise_or, method=False, operators=("__or__", "__ror__"))
op("bitwise_xor", bitwise_xor, method=False, operators=("__xor__", "__rxor__"))
op("bitwise_and_", bitwise_and_inplace, method=False, operators=("__iand__",))
op("bitwise_or_", bitwise_or_inplace, method=False, operators=("__ior__",))
op("bitwise_xor_", bitwise_xor_inplace, method=False, operators=("__ixor__",))
operator("__rsub__", rsub)
operator("__rtruediv__", rdiv)
operator("__rfloordiv__", _rfloordiv)
operator("__rmod__", _rmod)
operator("__rpow__", rpow)
operator("__rmatmul__", lambda self, other: matmul(other, self) if type(other) is Tensor else NotImplemented)
operator("__pos__", lambda self: self)
operator("__invert__", lambda self: logical_not(self) if self.dtype is dtypes.bool_ else bitwise_not(self))
operator("__imod__", _augmented(remainder, "RemainderBackward"))
operator("__ifloordiv__", _augmented(floor_divide, "NotImplemented"))

"""Comparisons and selections by value: eq/ne/lt/le/gt/ge, logical_*, where, clamp/clip with clamp_min/clamp_max
and their in-place forms, equal/allclose/isclose (maximum/minimum are rows of the binary family)."""
import numpy as np

from .. import autograd, dtypes, kernels, layout, messages, scalars
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..errors import make, runtime, type_error, warn_once
from ..scalars import checked_scalar
from ..tensorimpl import Tensor
from .args import _invalid_combination
from .core import (REDUCED_FLOATS, attach, binary_operands, cast_for_inplace, check_broadcast, inference_saved_by,
                   check_broadcast_all, check_fits_output, fresh, from_numpy, laid_out_like, needs_grad, operand_edge,
                   operand_in, precheck, sum_to, tensor_params, type_name, write_inplace, written)
from . import registry
from .registry import op


def warn_complex_into_real(self, other):
    """An in-place comparison or logical op computed in a complex common dtype and written into a real, non-bool self
    warns as copy_ does."""
    if self.dtype.category in (1, 2) and self.numel() and dtypes.result_type((self, other), tensorless=True).category == 3:
        warn_once(messages.COMPLEX_TO_REAL)


def _compared(self, other):
    """A comparison's operands in their common dtype; complex32 (float16 beside a complex number or 0-dim tensor) as
    complex64 values whose parts are rounded to float16, as c10::complex<Half> compares them (made as a ComplexHalf
    tensor: PyTorch's warning)."""
    if dtypes.result_type((self, other), tensorless=True) is not dtypes.complex32:
        return binary_operands(self, other)[:2]
    warn_once(messages.COMPLEX_HALF)

    def halved(x):
        v = np.asarray(x._np if isinstance(x, Tensor) else x, np.complex64)
        out = np.empty(v.shape, np.complex64)
        out.real, out.imag = v.real.astype(np.float16), v.imag.astype(np.float16)
        return out
    return halved(self), halved(other)


def _compare(name, np_fn, alias=None):
    """A row of the comparison family: Tensor.<name>, torch.<name> and the operator __<name>__, giving a bool
    tensor without a grad_fn (PyTorch's comparisons are not differentiable); and the in-place twin <name>_, which
    writes 0/1 in self's dtype and records <Name>Backward0 (a number) or 1 (a tensor), zero gradients, whatever
    self's dtype."""
    def op(self, other):
        check_broadcast(self, other)
        an, bn = _compared(self, other)
        values = np.asarray(np_fn(an, bn))
        if self._np.flags.c_contiguous and (self.dim() < 2 or 1 not in self._shape and self._np.size) and \
                (not isinstance(other, Tensor) or other._np.flags.c_contiguous and (other.dim() < 2 or 1 not in other._shape)):
            return from_numpy(values, dtypes.bool_)
        return laid_out_like(values, dtypes.bool_, self, other)  # (TensorIterator's layout, not numpy's)

    def op_(self, other):
        precheck(self, other)
        check_broadcast(self, other)
        check_fits_output(self, other)
        an, bn = _compared(self, other)
        values = np.asarray(np_fn(an, bn))
        warn_complex_into_real(self, other)
        node = f"{name.capitalize()}Backward{int(isinstance(other, Tensor))}"

        def write(arr):
            arr[...] = values
        # (any dtype: eq_'s autograd wrapper checks none, so a bool or integer self compared with a tensor that
        # requires grad gets <Name>Backward1)
        return write_inplace(self, write, lambda: CompareInplaceBackward(node, self, other), (other,), any_dtype=True)
    aliases = () if alias is None else (alias,)
    registry.op(name, op, aliases, function=True, operators=(f"__{name}__",))
    registry.op(name + "_", op_, tuple(a + "_" for a in aliases))
    return op


class CompareInplaceBackward(Node):
    """eq_ ... ge_: zero gradients for self and for a tensor other."""
    __slots__ = ("other_meta",)

    def __init__(self, name, x, other):
        tensor = isinstance(other, Tensor)
        Node.__init__(self, (edge_of(x), operand_edge(other)) if tensor else (edge_of(x),))
        self.name_ = name
        self.other_meta = (other._shape, other.dtype) if tensor else None

    def backward(self, g):
        if self.other_meta is None:
            return (g.new_zeros(g._shape),)
        wants = self.next_functions[1][0] is not None
        return g.new_zeros(g._shape), (g.new_zeros(self.other_meta[0]).to(self.other_meta[1]) if wants else None)


eq, ne, lt, le, gt, ge = (_compare(name, f, alias) for name, f, alias in (
    ("eq", np.equal, None), ("ne", np.not_equal, "not_equal"), ("lt", np.less, "less"),
    ("le", np.less_equal, "less_equal"), ("gt", np.greater, "greater"), ("ge", np.greater_equal, "greater_equal")))


def _logical_operand(name, other):
    if not isinstance(other, Tensor):  # (a Parameter is one)
        raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")


def logical_values(np_fn, self, other):
    """A logical op's kernel: the operands read in their common dtype (a 0-dim 1e-10 beside float16 is 0, so is 256
    beside int8), which has a kernel unless it is complex32."""
    check_broadcast(self, other)
    if dtypes.result_type((self, other), tensorless=True) is dtypes.complex32:  # (its operand made first: warned)
        warn_once(messages.COMPLEX_HALF)
        raise make("NotImplementedError", f"\"{np_fn.__name__}_cpu\" not implemented for 'ComplexHalf'")
    an, bn, _ = binary_operands(self, other)
    return np.asarray(np_fn(an, bn))


def logical_and(self, other):
    _logical_operand("logical_and", other)
    return from_numpy(logical_values(np.logical_and, self, other), dtypes.bool_)


def logical_or(self, other):
    _logical_operand("logical_or", other)
    return from_numpy(logical_values(np.logical_or, self, other), dtypes.bool_)


def logical_not(self):
    return from_numpy(np.logical_not(self._np), dtypes.bool_)


def logical_xor(self, other):
    _logical_operand("logical_xor", other)
    return from_numpy(logical_values(np.logical_xor, self, other), dtypes.bool_)


def _np_of(x):
    return x._np if isinstance(x, Tensor) else x


def where(condition, input, other):
    if not isinstance(condition, Tensor):
        raise type_error(f"where(): argument 'condition' (position 1) must be Tensor, not {type_name(condition)}")
    inference_saved_by((condition, input, other), (condition,))  # (WhereBackward0 keeps it before the checks)
    if condition.dtype is not dtypes.bool_ and condition.dtype is not dtypes.uint8:  # the kernel's own check
        raise runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                      f"{dtypes.SCALAR_NAMES[condition.dtype.name]}")
    if condition.dtype is dtypes.uint8:
        warn_once("where received a uint8 condition tensor. This behavior is deprecated and will be removed in a future "
                  "version of PyTorch. Use a boolean condition instead.")
    check_broadcast_all(condition, input, other)
    c = condition._np
    dt = dtypes.result_type((input, other))
    a, b = (dtypes.cast(x._np, dt) if isinstance(x, Tensor) else checked_scalar(dt, x, reduced=False)
            for x in (input, other))
    values = np.where(c, a, b)
    out = laid_out_like(values, dt, condition, input, other)
    if needs_grad(input, other):
        attach(out, WhereBackward0(condition, input, other))
    return out


class WhereBackward0(Node):
    __slots__ = ("shapes",)
    saved_names = ("condition",)

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
    return bool(isclose(a, b, rtol, atol, equal_nan)._np.all())  # PyTorch's: isclose's checks and comparison


def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not isinstance(other, Tensor):
        raise type_error(f"isclose(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    if self.dtype is not other.dtype:
        raise runtime(f"{dtypes.SCALAR_NAMES[self.dtype.name]} did not match {dtypes.SCALAR_NAMES[other.dtype.name]}")
    if rtol < 0:
        raise runtime(f"rtol must be greater than or equal to zero, but got {messages.cpp_double(rtol)}")
    if atol < 0:
        raise runtime(f"atol must be greater than or equal to zero, but got {messages.cpp_double(atol)}")
    check_broadcast(self, other)
    a, b = np.broadcast_arrays(self._np, other._np)
    close = laid_out_like(np.asarray(a == b), dtypes.bool_, self, other)  # (ATen's composite: self == other first)
    floating = self.dtype.category >= 2
    if equal_nan and floating:
        close._np[...] |= np.isnan(a) & np.isnan(b)
        written(close)
    if rtol == 0 and atol == 0:
        return close
    work = np.dtype(self.dtype.np if floating else dtypes.DEFAULT_FLOAT.np).type
    x, y = a.astype(work), b.astype(work)
    with np.errstate(all="ignore"):
        allowed = work(atol) + np.abs(work(rtol) * y)
        actual = np.abs(x - y)
        close._np[...] |= np.isfinite(actual) & (actual <= allowed)
    written(close)
    return close



def _no_bool_scalar_kernel(dt, lower, upper):
    """clamp's Scalar overloads have no Bool kernel (a bool tensor clamped by a bool number, even an empty one)."""
    if dt is dtypes.bool_:
        name = "clamp" if lower and upper else "clamp_min" if lower else "clamp_max"
        raise make("NotImplementedError", f"\"{name}_scalar_cpu\" not implemented for 'Bool'")


_CLAMP_COMPLEX = "clamp is not supported for complex types"


def _no_complex_kernel(kernel, dt):
    """clamp by a complex tensor bound: the promoted dtype reaches a kernel with no complex form."""
    if dt.category == 3:
        if dt is dtypes.complex32:  # (its output is made first)
            warn_once(messages.COMPLEX_HALF)
        raise make("NotImplementedError", f"\"{kernel}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def clamp(self, min=None, max=None):
    if min is None and max is None:
        raise runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
    if type(min) is complex or type(max) is complex:  # (clamp's meta promotes a non-floating self only: to complex)
        if self.dtype.category < 2:
            raise make("NotImplementedError", _CLAMP_COMPLEX)
        min, max = (scalars.check_opmath(dtypes.float64, b) if type(b) is complex else b for b in (min, max))
    if min is not None and max is not None and isinstance(min, Tensor) != isinstance(max, Tensor):
        # a 0-dim tensor beside a number: the parser's Scalar overload (ClampBackward1), the tensor as its value
        min, max = (b.item() if isinstance(b, Tensor) else b for b in (min, max))
    bounds = [b for b in (min, max) if b is not None]
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        check_broadcast_all(self, *bounds)
        _no_complex_kernel("clamp" if len(bounds) == 2 else "maximum" if max is None else "minimum",
                           dtypes.result_type([self] + bounds, tensorless=True))
    x = self._np
    dt = dtypes.result_type([self] + [v for v in (min, max) if v is not None])
    lo, hi = (operand_in(b, dt) if isinstance(b, Tensor) else b for b in (min, max))  # (1000 is -24 in int8)
    if not isinstance(min, Tensor) and not isinstance(max, Tensor):
        _no_bool_scalar_kernel(dt, min is not None, max is not None)
    elif isinstance(min, Tensor) and isinstance(max, Tensor) and dt is dtypes.bool_:  # (clamp_min/clamp_max have one)
        raise make("NotImplementedError", "\"clamp_cpu\" not implemented for 'Bool'")
    lo, hi = (v if v is None or isinstance(b, Tensor) else scalars.checked_scalar(dt, v) for v, b in ((lo, min), (hi, max)))
    r = x.astype(dt.np, copy=False)
    if lo is not None:
        r = _bound_kernel(True, isinstance(min, Tensor), dt)(r, lo)
    if hi is not None:
        r = _bound_kernel(False, isinstance(max, Tensor), dt)(r, hi)
    if x.flags.c_contiguous and x.size and (self.dim() < 2 or 1 not in self._shape):
        out = from_numpy(np.asarray(r, dtype=dt.np), dt)
    else:  # (TensorIterator's output layout: numpy's astype and ufuncs order an expanded input otherwise)
        arr = layout.iter_output(np.shape(r), dt, [self] + [b for b in (min, max) if isinstance(b, Tensor)])
        arr[...] = r
        out = layout.wrap(arr, dt)
    if isinstance(min, Tensor) or isinstance(max, Tensor):  # clamp.Tensor: ClampBackward0, an edge per operand
        if needs_grad(self, min, max):
            attach(out, ClampBackward0(self, min, max))
    elif needs_grad(self):
        attach(out, ClampBackward1(self, min, max))
    return out


class ClampBackward1(Node):
    __slots__ = ("lo", "hi")
    saved_names, saved_values = ("self",), {"min": "lo", "max": "hi"}

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
    saved_names = ("self", "min", "max")

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


def clamp_inplace(self, min=None, max=None):
    precheck(self, min, max)  # (tensor bounds: TensorIterator's partial-overlap check too)
    if min is not None and max is not None and isinstance(min, Tensor) != isinstance(max, Tensor):
        min, max = (b.item() if isinstance(b, Tensor) else b for b in (min, max))  # (the Scalar overload, as clamp)
    tensors = isinstance(min, Tensor) or isinstance(max, Tensor)
    if tensors:
        check_fits_output(self, *(b for b in (min, max) if isinstance(b, Tensor)))
    if tensors or self.dtype.category < 2:  # (a float self keeps its dtype beside numbers)
        # the cast check precedes the complex refusals (int8 clamp_(min=1j)); the Scalar overload's kernel names
        # the output by its C++ type, the Tensor overload's TensorIterator by its own
        cast_for_inplace(self, dtypes.result_type([self] + [b for b in (min, max) if b is not None], tensorless=True),
                         cpp_name=not tensors)
    with autograd.no_grad():
        values = clamp(self, min, max)
    bounds = tuple(b for b in (min, max) if isinstance(b, Tensor))

    def make():  # (clamp_.Tensor: ClampBackward0 with an edge per bound, self saved as it was before the write)
        if not bounds:
            return ClampBackward1(self, min, max, inplace=True)
        node = ClampBackward0(self, min, max)
        node.saved = (SavedTensor(self.clone()),) + node.saved[1:]  # (recorded: its CloneBackward0, as ATen's)
        return node

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, make, bounds)


class _ClampBound(Node):
    """clamp_min/clamp_max: the gradient passes where the bound did not bite (and to a tensor bound where it did)."""
    __slots__ = ("bound",)

    def __init__(self, x, bound):
        tensor_bound = isinstance(bound, Tensor)
        Node.__init__(self, (edge_of(x), operand_edge(bound)) if tensor_bound else (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(bound)) if tensor_bound else (SavedTensor(x),)
        self.bound = None if tensor_bound else bound

    def backward(self, g):
        values = self.unpack()
        x = values[0]
        bound = values[1] if len(values) > 1 else self.bound
        keep = x >= bound if self.lower else x <= bound
        gx = where(keep, g, 0.0) if self.next_functions[0][0] else None
        if len(values) == 1:
            return (gx,)
        gb = where(keep.logical_not(), g, 0.0) if self.next_functions[1][0] else None
        return gx, (sum_to(gb, bound._shape) if gb is not None else None)


def _bound_node(name, lower):
    bound = "min" if lower else "max"  # (overload 0 saves the number, 1 the tensor)
    saved = {"saved_names": ("self",), "saved_values": {bound: "bound"}} if name[-1] == "0" else {
        "saved_names": ("self", bound)}
    return type(name, (_ClampBound,), {"__slots__": (), "name_": name, "lower": lower, **saved})


ClampMinBackward0, ClampMinBackward1 = _bound_node("ClampMinBackward0", True), _bound_node("ClampMinBackward1", True)
ClampMaxBackward0, ClampMaxBackward1 = _bound_node("ClampMaxBackward0", False), _bound_node("ClampMaxBackward1", False)


def _bound_kernel(lower, tensor, dt):
    """The max/min a clamp bound takes: a number's (clamp_min/clamp_max's scalar kernels keep self's value at a tie);
    a tensor's is maximum/minimum's kernel (clamp.Tensor and clamp_min/clamp_max.Tensor run maximum_stub/
    minimum_stub or clamp_stub), whose vector body gives the bound's signed zero at a tie (measured)."""
    if not tensor:
        return kernels.maximum if lower else kernels.minimum
    ties = kernels.vector_maximum if lower else kernels.vector_minimum
    return lambda r, b: ties(r, b, element_bytes=2 if dt in REDUCED_FLOATS else None)


def _clamp_bound(op, lower):
    nodes = (ClampMinBackward0, ClampMinBackward1) if lower else (ClampMaxBackward0, ClampMaxBackward1)
    key = op[6:]  # the parameter: min or max

    def values(self, args, kwargs):
        if len(args) == 1 and not kwargs:
            bound = args[0]
        elif not args and list(kwargs) == [key]:
            bound = kwargs[key]
        else:
            bound = None
        if bound is None or not isinstance(bound, (int, float, complex, Tensor)):
            raise _invalid_combination(op, args, kwargs, ((("Tensor", key),), (("Number", key),)))
        if type(bound) is complex:
            raise make("NotImplementedError", _CLAMP_COMPLEX)
        dt = dtypes.result_type([self, bound])
        if not isinstance(bound, Tensor):
            _no_bool_scalar_kernel(dt, lower, not lower)
        b = dtypes.cast(bound._np, dt) if isinstance(bound, Tensor) else checked_scalar(dt, bound)
        return bound, dt, b

    def fn(self, *args, **kwargs):
        bound, dt, b = values(self, args, kwargs)
        if isinstance(bound, Tensor):  # (TensorIterator's shapes, before any arithmetic)
            check_broadcast(self, bound)
            _no_complex_kernel("maximum" if lower else "minimum", dt)
        r = _bound_kernel(lower, isinstance(bound, Tensor), dt)(self._np.astype(dt.np, copy=False), b)
        out = from_numpy(np.asarray(r, dtype=dt.np), dt)
        if needs_grad(self, bound):
            attach(out, nodes[isinstance(bound, Tensor)](self, bound))
        return out

    def fn_inplace(self, *args, **kwargs):
        bound, dt, b = values(self, args, kwargs)
        precheck(self, bound)
        if isinstance(bound, Tensor):
            check_broadcast(self, bound)
        check_fits_output(self, bound)
        cast_for_inplace(self, dt, cpp_name=not isinstance(bound, Tensor))
        r = _bound_kernel(lower, isinstance(bound, Tensor), dt)(self._np.astype(dt.np, copy=False), b)

        def write(arr):
            arr[...] = dtypes.stored(r, self.dtype)  # (a 0-dim int8's clamp_max_(torch.tensor(-300)): wrapped)
        def make():  # (edges from self as it is; the saved self is its value before the write, a clone recorded
            node = nodes[isinstance(bound, Tensor)](self, bound)  # as PyTorch's original_self: CloneBackward0)
            node.saved = (SavedTensor(self.clone()),) + node.saved[1:]
            return node
        return write_inplace(self, write, make, (bound,))
    fn.__name__, fn_inplace.__name__ = op, op + "_"
    return fn, fn_inplace


clamp_min, clamp_min_inplace = _clamp_bound("clamp_min", True)
clamp_max, clamp_max_inplace = _clamp_bound("clamp_max", False)


op("logical_and", logical_and, function=True)
op("logical_or", logical_or, function=True)
op("logical_not", logical_not, function=True)
op("equal", equal, function=equal)
op("allclose", allclose, function=True)
op("isclose", isclose, function=True, edges=True)
op("where", lambda self, condition, other: where(condition, self, other), function=where)
op("logical_xor", logical_xor, function=True)  # (no derivative: no edges)
op("clamp", clamp, function=True, edges=True)
op("clip", clip, function=True, edges=True)
op("clamp_", clamp_inplace, aliases=("clip_",), function=True)
op("clamp_min", clamp_min, function=True, edges=True)
op("clamp_min_", clamp_min_inplace, function=True, edges=True)
op("clamp_max", clamp_max, function=True, edges=True)
op("clamp_max_", clamp_max_inplace, function=True, edges=True)

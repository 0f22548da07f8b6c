"""torch's smaller numeric helpers: diag_embed/diagflat, rsub, frexp/ldexp, vander, the trapezoid rules,
unravel_index, unique_consecutive. Composites are built from engine ops as ATen builds them, so their grad_fns are
PyTorch's. (Loaded on first use: rows in ops/lazy.py.)"""
import itertools
import math
import operator

import numpy as np

from .. import autograd, creation, dtypes, messages
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..errors import make, runtime, type_error, warn
from ..messages import shape_list
from ..saved_names import unsigned
from ..tensorimpl import Size, Tensor, refuse_if_batched
from .scalar_arith import div_scalar, mul_scalar, times_conj
from .core import (attach, cast_for_inplace, check_broadcast, check_fits_output, fresh, from_numpy, needs_grad,
                   operand_edge, precheck, return_type, type_name, write_inplace)
from . import out_dtypes
from .out_dtypes import _RESIZED
from .counting import UniqueConsecutiveBackward0, check_empty_dim, dispatch_flag, moved_back


# ------------------------------------------------------------------ diag_embed, diagflat

class DiagEmbedBackward0(Node):
    __slots__ = ("offset", "dim1", "dim2")
    saved_names, saved_values = (), {"offset": lambda n: unsigned(n.offset), "dim1": lambda n: unsigned(n.dim1),
                                     "dim2": lambda n: unsigned(n.dim2)}

    def __init__(self, x, offset, dim1, dim2):
        Node.__init__(self, (edge_of(x),))
        self.offset, self.dim1, self.dim2 = offset, dim1, dim2

    def backward(self, g):
        return (g.diagonal(self.offset, self.dim1, self.dim2),)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    n = input.dim() + 1
    d1, d2 = input._wrap_dim(dim1, n), input._wrap_dim(dim2, n)
    if d1 == d2:
        raise runtime(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    size = (input._shape[-1] if input._shape else 1) + abs(offset)
    shape = list(input._shape[:-1])
    for d in sorted((d1, d2)):
        shape.insert(d, size)
    out = fresh(np.zeros(shape, input.dtype.np), input.dtype)
    with autograd.no_grad():
        out.diagonal(offset, d1, d2)._np[...] = input._np
    if needs_grad(input):
        attach(out, DiagEmbedBackward0(input, offset, dim1, dim2))
    return out


def diagflat(input, offset=0):
    return diag_embed(input.contiguous().view(-1), offset)  # (ATen: view(-1).diag(offset), diag_embed's dims -2, -1)


# ------------------------------------------------------------------ rsub

class _RsubBackward(Node):
    __slots__ = ("alpha",)
    saved_names, saved_values = (), {"alpha": "alpha"}

    def __init__(self, x, other, alpha):
        Node.__init__(self, (edge_of(x),) + ((edge_of(other),) if isinstance(other, Tensor) else ()))
        self.alpha = alpha

    def backward(self, g):
        gx = times_conj(-g, self.alpha)  # (maybe_multiply(-grad, alpha.conj()))
        return (gx, g) if len(self.next_functions) == 2 else (gx,)


RsubBackward0 = type("RsubBackward0", (_RsubBackward,), {"__slots__": (), "saved_values": {"alpha": "alpha"}})
RsubBackward1 = type("RsubBackward1", (_RsubBackward,), {"__slots__": (), "saved_values": {"alpha": "alpha"}})


def rsub(input, other, alpha=1):
    """other - alpha * input: sub's arithmetic with the operands swapped (a number as a wrapped scalar)."""
    if not isinstance(other, Tensor):
        dt = dtypes.result_type((input, other))
        if dt is dtypes.bool_:
            raise runtime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                          "`logical_xor()` operator instead.")
        if isinstance(other, bool) or input.dtype is dtypes.bool_:  # (sub_check: a Python bool is a bool tensor)
            raise runtime("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                          "invert a mask, use the `~` or `logical_not()` operator instead.")
        from ..signatures import _wrapped_number
        first = _wrapped_number(other)  # (read as the number in the common dtype, wrapping, never range-checked)
    else:
        first = other
    with autograd.no_grad():
        out = first.sub(input, alpha=alpha)
    if needs_grad(input, other):
        attach(out, (RsubBackward0 if isinstance(other, Tensor) else RsubBackward1)(input, other, alpha))
    return out


# ------------------------------------------------------------------ frexp, ldexp

frexp_result = return_type("frexp", ("mantissa", "exponent"))


def frexp(input):
    if not input.dtype.is_floating_point:
        raise runtime("torch.frexp() only supports floating-point dtypes")
    src = input._np.astype(np.float32) if input.dtype is dtypes.bfloat16 else input._np
    mantissa, exponent = np.frexp(src)
    mantissa = fresh(np.asarray(mantissa, input.dtype.np, order="C"), input.dtype)  # (a 0-dim input stays 0-dim)
    exponent = fresh(np.asarray(exponent, np.int32, order="C"), dtypes.int32)
    if needs_grad(input):
        attach(mantissa, FrexpBackward0(input, exponent))
    return frexp_result((mantissa, exponent))


class FrexpBackward0(Node):
    """The mantissa's gradient, grad / 2 ** exponent (the exponent, an integer output, has none)."""
    __slots__ = ()
    saved_names = ("exponent",)

    def __init__(self, x, exponent):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(exponent),)

    def backward(self, g):
        exponent, = self.unpack()
        return (g / exponent.exp2(),)


class LdexpBackward0(Node):
    """derivatives.yaml's ldexp: self's gradient grad * pow(2, other), other's grad * result * M_LN2; other is
    saved for self's formula only (when self wants a gradient), the result always (in place: after the write)."""
    __slots__ = ()
    saved_names = ("other", "result")

    def __init__(self, x, other, out=None):
        Node.__init__(self, (operand_edge(x), operand_edge(other)))
        wanted = SavedTensor(other) if self.next_functions[0][0] is not None else NOTHING_SAVED
        self.saved = (wanted,) if out is None else (wanted, SavedTensor(out, is_output=True))

    def backward(self, g):
        from .binary import power
        other, result = self.unpack()
        return self.in_name_order(("self", "other"), lambda: g * power(2, other),
                                  lambda: mul_scalar(g * result, math.log(2)))


def _int_exponent(input, other):
    """Whether ATen's ldexp kernel runs (an integer or bool exponent of a float tensor); not mul by exp2."""
    return isinstance(input, Tensor) and input.dtype.category == 2 and other.dtype.category < 2


def _ldexp_kernel(input, other, dt):
    """ATen's ldexp kernel: C's ldexp in double (2 ** -30 * 2 ** 20 not inf in float16), cast to dt; its dispatch
    on the exponent's dtype has no Bool."""
    if other.dtype is dtypes.bool_:
        raise make("NotImplementedError", "\"ldexp_cpu_exp\" not implemented for 'Bool'")
    check_broadcast(input, other)
    values = np.ldexp(input._np.astype(np.float64), other._np.astype(np.int64).clip(-2000, 2000))
    return dtypes.to_bfloat16(values.astype(np.float32)) if dt is dtypes.bfloat16 else values.astype(dt.np)


def _pow2(input, other):
    """ATen's _pow2: pow(2.0, other) for an integer or float32 input, else a 0-dim 2 of input's dtype to the power
    other (pow's kernel, not exp2's)."""
    from .binary import power
    if input.dtype.category < 2 or input.dtype is dtypes.float32:
        return power(2.0, other)
    return power(creation.full((), 2.0, dtype=input.dtype), other)


def ldexp(input, other):
    """input * 2 ** other (PyTorch's composite: mul by _pow2), or ATen's kernel for an integer exponent."""
    return _ldexp(input, other, made_like_input=True)


def ldexp_into_out(input, other):
    """ldexp's values for ldexp(..., out=): the kernel writes out= (resized by out='s own rule), so no tensor shaped
    as input is made and resized."""
    return _ldexp(input, other, made_like_input=False)


out_dtypes.OWN_OUT["ldexp"] = ldexp_into_out


def _ldexp(input, other, made_like_input):
    if not isinstance(other, Tensor):
        raise type_error(f"ldexp(): argument 'other' (position 2) must be Tensor, not {type_name(other)}")
    if _int_exponent(input, other):
        # (its output is made shaped as input, then resized, with PyTorch's warning, when broadcast: before the
        # kernel's dispatch refuses a bool exponent)
        check_broadcast(input, other)
        shape = np.broadcast_shapes(input._shape, other._shape)
        if made_like_input and shape != input._shape and input.numel():
            warn(_RESIZED.format(had=shape_list(input._shape), shape=shape_list(shape)))
        values = _ldexp_kernel(input, other, dtypes.result_type((input, other)))
        out = from_numpy(np.asarray(values), dtypes.result_type((input, other)))
    else:
        with autograd.no_grad():
            out = input.mul(_pow2(input, other))
    if needs_grad(input, other):
        attach(out, LdexpBackward0(input, other, out))
    return out


def ldexp_inplace(self, other):
    """ldexp_: ldexp_out into self (an integer self refused first), recording LdexpBackward0; a float exponent goes
    in as pow(2, other), a new tensor, so only the integer exponent's kernel checks other's overlap with self."""
    precheck(self, other, overlap=isinstance(other, Tensor) and _int_exponent(self, other))
    if self.dtype.category < 2:
        raise runtime(f"ldexp can't be cast to the desired output type {dtypes.SCALAR_NAMES[self.dtype.name]}")
    if _int_exponent(self, other):
        check_fits_output(self, other)  # (TensorIterator's shapes, before the kernel's dispatch refuses a bool)
        values = _ldexp_kernel(self, other, self.dtype)
    else:
        with autograd.no_grad():
            values = self.mul(_pow2(self, other))
        check_fits_output(self, other)
        cast_for_inplace(self, values.dtype)
        values = values._np

    def write(arr):
        arr[...] = values

    return write_inplace(self, write, lambda: LdexpBackward0(self, other), (other,), save_output=True)


# ------------------------------------------------------------------ vander

def vander(x, N=None, increasing=False):
    """ATen's vander: column 0 ones, the others x's cumulative products, flipped unless increasing."""
    if x.dim() != 1:
        raise runtime("x must be a one-dimensional tensor.")
    n = x._shape[0] if N is None else N
    if n < 0:
        raise runtime("N must be non-negative.")
    dt = dtypes.promote(x.dtype, dtypes.int64)
    result = creation.empty((x._shape[0], n), dtype=dt)
    if n > 0:
        result.select(1, 0).fill_(1)
        if n > 1:
            result[:, 1:].copy_(x.unsqueeze(1))
            result[:, 1:].copy_(result[:, 1:].cumprod(1))
    return result if increasing else result.flip(1)


# ------------------------------------------------------------------ trapezoid rules

def _x_spacing(y, x, d, name):
    """ATen's dx from sample points x along y's dim d: a 1-D x viewed along d, a lower-dimensional one padded with
    leading 1s, then x's slices [1:] - [:-1] (slice() refuses a 0-dim x)."""
    if x.dim() == 1:
        if x._shape[0] != y._shape[y._wrap_size_dim(d)]:
            raise runtime(f"{name}: There must be one `x` value for each sample point")
        shape = [1] * y.dim()
        shape[d] = x._shape[0]
        x = x.view(shape)
    elif x.dim() < y.dim():
        x = x.view([1] * (y.dim() - x.dim()) + list(x._shape))
    return _slice_of(x, d, 1, None) - _slice_of(x, d, 0, -1)


def _slice_of(t, d, start, stop):
    from .view_copies import _slice_view
    return _slice_view(t, d, start, stop)


def _times(t, number):
    """t * number as ATen's C++ writes it (mul.Scalar: MulBackward1) where the dtype stays."""
    return mul_scalar(t, number) if t.dtype.category >= 2 else t * number


def _halved(t):
    return div_scalar(t, 2.) if t.dtype.category >= 2 else t / 2.


def _no_bool(name, y, x):
    """ATen's trapezoid/cumulative_trapezoid refuse bool inputs (which of y or x is named by the overload)."""
    if isinstance(x, Tensor):
        if y.dtype is dtypes.bool_ or x.dtype is dtypes.bool_:
            raise runtime(f"{name}: received a bool input for `x` or `y`, but bool is not supported")
    elif y.dtype is dtypes.bool_:
        raise runtime(f"{name}: received a bool input for `y`, but bool is not supported")


def trapezoid(y, x=None, *, dx=None, dim=-1):
    """ATen's two overloads: sample points x (dim wrapped first) or a constant spacing dx (y.size(dim) first); no
    samples integrate to zeros."""
    d = y._wrap_dim(dim) if isinstance(x, Tensor) else dim
    if y._shape[y._wrap_size_dim(d)] == 0:
        shape = list(y._shape)
        del shape[y._wrap_dim(d)]
        out = creation.zeros(shape, dtype=y.dtype)
        out._version_counter.bump()  # (zeros_like_except's at::zeros inside a composite: its zero_ counts)
        return out
    _no_bool("trapezoid", y, x)
    d = y._wrap_dim(dim)
    if isinstance(x, Tensor):
        spacing = _x_spacing(y, x, d, "trapezoid")
        return _halved(((_slice_of(y, d, 0, -1) + _slice_of(y, d, 1, None)) * spacing).sum(d))
    ends = _times(y.select(d, 0) + y.select(d, -1), 0.5)  # (before the sum: GCC evaluates `a - b`'s b first)
    return _times(y.sum(d) - ends, 1.0 if dx is None else dx)


def trapz(y, x=None, *, dx=None, dim=-1):
    return trapezoid(y, x, dx=dx, dim=dim)


def cumulative_trapezoid(y, x=None, *, dx=None, dim=-1):
    d = y._wrap_dim(dim) if isinstance(x, Tensor) else dim
    _no_bool("cumulative_trapezoid", y, x)
    spacing = _x_spacing(y, x, d, "cumulative_trapezoid") if isinstance(x, Tensor) else None
    pairs = _slice_of(y, d, 0, -1) + _slice_of(y, d, 1, None)
    d = y._wrap_dim(d)
    if spacing is not None:
        return _halved((pairs * spacing).cumsum(d))
    return _times(pairs, (1.0 if dx is None else dx) / 2.).cumsum(d)


# ------------------------------------------------------------------ unravel_index, unique_consecutive

def unravel_index(indices, shape):
    """torch.unravel_index (torch/functional.py): its checks, then floor_divide and remainder, unbound."""
    if not isinstance(indices, Tensor):
        raise make("AttributeError", f"'{type_name(indices)}' object has no attribute 'is_complex'")
    if indices.dtype.is_floating_point or indices.dtype is dtypes.bool_:
        raise type_error(f"expected 'indices' to be integer dtype, but got {indices.dtype}")
    def cls(v):  # (Python's repr of the value's class)
        return "torch.Tensor" if isinstance(v, Tensor) else type_name(v)
    if isinstance(shape, int):  # (a bool is an int to torch/functional.py: torch.Size([True]) is [1])
        shape = (shape,)
    elif not isinstance(shape, (tuple, list)):
        raise type_error(f"expected 'shape' to be int or sequence of ints, but got <class '{cls(shape)}'>")
    for d in shape:
        if not isinstance(d, int):
            raise type_error(f"expected 'shape' sequence to only contain ints, but got <class '{cls(d)}'>")
    shape = tuple(int(d) for d in shape)
    if any(d < 0 for d in shape):
        raise make("ValueError", f"'shape' cannot have negative values, but got {shape}")
    coefs = list(reversed(list(itertools.accumulate(reversed(shape[1:] + (1,)), func=operator.mul))))
    res = indices.unsqueeze(-1).floor_divide(creation.tensor(coefs, dtype=dtypes.int64)) % \
        creation.tensor(list(shape), dtype=dtypes.int64)
    return res.unbind(-1)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """Tensor.unique_consecutive (torch/_tensor.py): torch.unique_consecutive with the flags by keyword."""
    return unique_consecutive_function(input, return_inverse=return_inverse, return_counts=return_counts, dim=dim)


unique_consecutive.__qualname__ = "Tensor.unique_consecutive"  # (a Python method: its argument errors name it so)


def _consecutive_returning(name, inverse_wanted, counts_wanted):
    """One of torch/functional.py's four unique_consecutive functions (Python's arity errors name it)."""
    def returning(input, return_inverse=False, return_counts=False, dim=None):
        if not isinstance(input, Tensor):
            raise type_error(f"unique_consecutive(): argument 'input' (position 1) must be Tensor, not "
                             f"{type_name(input)}")
        refuse_if_batched(input, messages.VMAP_DYNAMIC_SHAPE.format(op="unique_consecutive"))
        out, inverse, counts = _unique_consecutive(input, return_inverse, return_counts, dim)
        return out if not (inverse_wanted or counts_wanted) else \
            (out,) + ((inverse,) if inverse_wanted else ()) + ((counts,) if counts_wanted else ())
    returning.__name__ = returning.__qualname__ = name
    return returning


_CONSECUTIVE = {(False, False): _consecutive_returning("_consecutive_return_output", False, False),
                (False, True): _consecutive_returning("_consecutive_return_counts", False, True),
                (True, False): _consecutive_returning("_consecutive_return_inverse", True, False),
                (True, True): _consecutive_returning("_consecutive_return_inverse_and_counts", True, True)}


def unique_consecutive_function(*args, **kwargs):
    """torch.unique_consecutive: torch/functional.py picks what to return by boolean_dispatch, which reads a
    positional return_inverse at index 2 and return_counts at index 1 (swapped: `(x, False, True)` returns the
    output and the empty inverse), then calls the kernel with the arguments as given."""
    return _CONSECUTIVE[dispatch_flag(args, kwargs, "return_inverse", 2),
                        dispatch_flag(args, kwargs, "return_counts", 1)](*args, **kwargs)


def _unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """ATen's unique_consecutive: the output, the inverse and the counts (empty where not asked for)."""
    for name, flag in (("return_inverse", return_inverse), ("return_counts", return_counts)):
        if type(flag) is not bool:
            raise type_error(f"unique_consecutive(): argument '{name}' must be bool, not {type_name(flag)}")
    if dim is not None and (type(dim) is not int):
        raise type_error(f"unique_consecutive(): argument 'dim' must be int, not {type_name(dim)}")
    if dim is None:
        flat = np.ascontiguousarray(input._np).reshape(-1)
        starts = np.ones(flat.size, bool)
        if flat.size:
            starts[1:] = flat[1:] != flat[:-1]
        values = flat[starts]
        inverse = (np.cumsum(starts) - 1).reshape(input._shape)
    else:
        d = input._wrap_size_dim(dim)
        check_empty_dim(input, d)
        moved = np.moveaxis(input._np, d, 0)
        n = moved.shape[0]
        starts = np.ones(n, bool)
        if n > 1:
            starts[1:] = (moved[1:] != moved[:-1]).reshape(n - 1, -1).any(1)
        values = moved[starts]
        inverse = np.cumsum(starts) - 1
    out = fresh(np.ascontiguousarray(values), input.dtype) if dim is None else moved_back(values, d, input.dtype)
    if needs_grad(input):
        attach(out, UniqueConsecutiveBackward0(input))
    counts = np.diff(np.append(np.flatnonzero(starts), starts.size))
    flat = dim is None or (input.dim() == 1 and input._wrap_dim(dim) == 0)  # (ATen's unique_dim_consecutive: both)
    empty = np.zeros(0, np.int64)
    return (out, fresh(np.array(inverse if return_inverse or not flat else empty, np.int64, order="C"), dtypes.int64),
            fresh(np.ascontiguousarray(counts if return_counts or not flat else empty, np.int64), dtypes.int64))

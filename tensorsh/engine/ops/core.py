"""The op toolkit: what every op file builds with (wrapping results, attaching nodes, the binary path, in-place
writes and their checks)."""
import builtins
from weakref import ref as _weakref

import numpy as np

from .. import autograd, dtypes, kernels, layout, messages, undo
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..creation import tensor
from ..errors import TorchError, c_type_format, make, runtime, type_error
from ..typenames import type_name  # (re-exported: the ops' argument messages)
from ..storage import (INFERENCE_MODE, INFERENCE_SEEN, LOG_CAP, ZERO_SEEN, ConjStorage, ZeroCounter, check_size,
                       is_zero_tensor, note_view, note_write, sync_conj)
from ..tensorimpl import (IN_CUSTOM_FUNCTION, IN_INFERENCE_MODE, IN_MULTI_OUTPUT, Tensor, ViewInfo, _contiguous_strides,
                          _shape_list, no_grad_view_origin)


from_numpy = Tensor._from_numpy


fresh = Tensor._new


NONE_EDGE = (None, 0)
_BF16 = dtypes.bfloat16
_F16 = dtypes.float16
REDUCED_FLOATS = (_F16, _BF16)  # (computed in float by PyTorch's CPU kernels, rounded to their dtype)


def fold_at(ufunc, arr, key, values, dtype, in_turn=False):
    """ufunc.at(arr, key, values) as ATen's CPU kernels fold values into a float16/bfloat16 tensor: in_turn (the
    loops of index_add_, index_put_/put_ with accumulate, index_reduce_) each step computed in float and rounded to
    dtype; otherwise (the scatter kernels' float accumulation buffer) every step in float, rounded once at the end."""
    if dtype not in REDUCED_FLOATS:
        ufunc.at(arr, key, values)
        return
    rounded = dtypes.rounding(dtype)
    values = np.asarray(values, np.float32)
    if not in_turn:
        buffer = arr.astype(np.float32)
        ufunc.at(buffer, key, values)
        arr[...] = rounded(buffer)
        return
    places = np.arange(arr.size).reshape(arr.shape)[key]
    targets = places.reshape(-1)
    values = np.broadcast_to(values, places.shape).reshape(-1)
    order = np.argsort(targets, kind="stable")  # (each place's k-th value is folded in in the k-th round)
    ranked = targets[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank = np.empty(targets.size, np.int64)
    rank[order] = np.arange(targets.size) - np.repeat(starts, np.diff(np.r_[starts, targets.size]))
    by_rank = np.argsort(rank, kind="stable")
    bounds = np.searchsorted(rank[by_rank], np.arange(int(rank.max(initial=-1)) + 2))
    for lo, hi in zip(bounds[:-1], bounds[1:]):  # (round by round: each place once in a round)
        now = by_rank[lo:hi]
        at = targets[now]
        arr.flat[at] = rounded(ufunc(np.asarray(arr.flat[at], np.float32), values[now]))


def needs_grad(*xs):
    if not autograd._grad_enabled[0]:
        return False
    for x in xs:
        if isinstance(x, Tensor) and (x._requires_grad or x._grad_fn is not None or x._view is not None and x.requires_grad):
            return not INFERENCE_SEEN[0] or INFERENCE_MODE[0] or _autograd_dispatched(xs)
    return False


def check_no_requires_grad(tensor, name, function):
    """VariableType's check of an argument derivatives.yaml marks non-differentiable, before the kernel's own."""
    if needs_grad(tensor):
        raise runtime(f"The function '{function}' is not differentiable with respect to argument '{name}'. This "
                      "input cannot have requires_grad True.")


def _autograd_dispatched(xs):
    """Outside inference mode an op reaches autograd's kernel only through an input with the Autograd dispatch key:
    a normal tensor or a number wrapped into one; inference tensors have none, so an op of them alone records
    nothing (and its result does not require grad)."""
    return builtins.any(not isinstance(x, Tensor) or not x._version_counter.inference for x in xs)


def operand_edge(x):
    return edge_of(x) if isinstance(x, Tensor) else NONE_EDGE


def attach(out, node):
    if out.dtype.category < 2:  # (set_history's check: an op recorded on a tensor of an integer dtype that requires
        raise runtime(f"Autograd not support dtype: {dtypes.SCALAR_NAMES[out.dtype.name]}")  # grad, in the forward)
    out._grad_fn = node
    out._output_nr = 0
    if autograd.PENDING_PACKS:  # a saved-tensor hook sees the output with its grad_fn, as in PyTorch
        autograd.pack_pending()
    return out


def attach_outputs(node, outs, x, save_outputs, also=()):
    """attach for an op with several results from one node: each output gets it (knowing its place); the node saves
    its input x, the tensors `also` (results without history, as slogdet's LU), then the first save_outputs outputs
    (an output saved knowing its place), in that order (the order saved-tensor hooks see)."""
    for i, out in enumerate(outs):
        out._grad_fn, out._output_nr = node, i
    node.saved = (SavedTensor(x),) + tuple(map(SavedTensor, also)) + \
        tuple(SavedTensor(o, is_output=True) for o in outs[:save_outputs])
    if autograd.PENDING_PACKS:
        autograd.pack_pending()


_RETURN_TYPES = {}  # name -> class: one class per name, whichever op or torch.return_types asks first


def return_type(name, fields):
    """A torch.return_types.<name>: a tuple whose items have names, printed as PyTorch prints it."""
    cls = _RETURN_TYPES.get(name)
    if cls is None:
        cls = _RETURN_TYPES[name] = _new_return_type(name, fields)
    return cls


def _new_return_type(name, fields):
    tp_name = f"torch.return_types.{name}"

    def __repr__(self):
        return f"{tp_name}(\n" + ",\n".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"

    def __setattr__(self, attr, value):  # (a structseq's: its fields read-only, its other attributes too)
        if attr in fields:
            raise make("AttributeError", "readonly attribute")
        if hasattr(type(self), attr):
            raise make("AttributeError", f"'{tp_name}' object attribute '{attr}' is read-only")
        raise make("AttributeError", f"'{tp_name}' object has no attribute '{attr}'")
    def __new__(cls, *args, **kwargs):  # (CPython's structseq_new: one sequence of exactly n_fields items)
        return tuple.__new__(cls, _structseq_items(tp_name, len(fields), args, kwargs))
    api = frozenset((*fields, "count", "index", "n_fields", "n_sequence_fields", "n_unnamed_fields"))
    body = {f: property(lambda self, i=i: self[i]) for i, f in enumerate(fields)}
    body.update(__new__=__new__, __api__=api, __settable__=api, __class_api__=frozenset(api - set(fields)), __repr__=__repr__, __str__=__repr__, __slots__=(),
                __module__="torch.return_types", __format__=c_type_format(tp_name), __setattr__=__setattr__, __tsh_bases_as_torch__=True,
                __delattr__=lambda self, attr: __setattr__(self, attr, None), n_fields=len(fields),
                n_sequence_fields=len(fields), n_unnamed_fields=0)
    cls = type(name, (tuple,), body)
    # (its tp_name dotted, as Python's own messages print it; the short name a program reads as type(r).__name__)
    cls.__name__, cls.__tsh_name__ = tp_name, name
    return cls


def _structseq_items(tp_name, n, args, kwargs):
    """The items of structseq(sequence, dict=None), with Argument Clinic's and structseq_new's TypeErrors."""
    if len(args) + len(kwargs) > 2:
        raise type_error(f"structseq() takes at most 2 arguments ({len(args) + len(kwargs)} given)")
    bound = dict(zip(("sequence", "dict"), args))
    if "sequence" not in bound and "sequence" not in kwargs:
        raise type_error("structseq() missing required argument 'sequence' (pos 1)")
    for key, value in kwargs.items():
        if key not in ("sequence", "dict") or key in bound:
            raise type_error(f"'{key}' is an invalid keyword argument for structseq()" if key not in ("sequence", "dict")
                             else f"argument for structseq() given by name ('{key}') and position "
                             f"({1 + ('sequence', 'dict').index(key)})")
        bound[key] = value
    sequence, extra = bound["sequence"], bound.get("dict", {})
    try:
        items = sequence if isinstance(sequence, (list, tuple)) else list(iter(sequence))
    except TypeError:
        raise type_error("constructor requires a sequence") from None
    if not isinstance(extra, dict):  # (None too: the clinic's default is no argument at all)
        raise type_error(f"{tp_name}() takes a dict as second arg, if any")
    if len(items) != n:
        raise type_error(f"{tp_name}() takes a {n}-sequence ({len(items)}-sequence given)")
    return items


def bind_args(op, names, defaults, args, kwargs):
    """Positional and keyword arguments of a method that must tell them apart (PyTorch's messages do)."""
    if len(args) > len(names):
        raise type_error(f"{op}() takes at most {len(names)} arguments ({len(args)} given)")
    values = dict(zip(names, defaults))
    values.update(zip(names, args))
    for key, value in kwargs.items():
        if key not in values:
            raise type_error(f"{op}() got an unexpected keyword argument '{key}'")
        values[key] = value
    return [values[n] for n in names]


def tensor_params(*names):
    """Check that the named parameters (after self) are tensors, with PyTorch's argument-parser message."""
    def wrap(fn):
        op = fn.__name__.rstrip("_") if fn.__name__ not in ("copy_",) else fn.__name__

        def checked(self, *args, **kwargs):
            for pos, (name, value) in enumerate(zip(names, args), start=1):
                if not isinstance(value, Tensor):
                    raise type_error(f"{op}(): argument '{name}' (position {pos}) must be Tensor, not {type_name(value)}")
            for name in names:
                if name in kwargs and not isinstance(kwargs[name], Tensor):
                    raise type_error(f"{op}(): argument '{name}' must be Tensor, not {type_name(kwargs[name])}")
            return fn(self, *args, **kwargs)
        checked.__name__ = fn.__name__
        checked.__doc__, checked.__wrapped__ = fn.__doc__, fn  # (the parser reads the op's parameter names)
        return checked
    return wrap


def check_dtype(op, dtype):
    dtypes.check_supported(dtype)
    if dtype is not None and not isinstance(dtype, dtypes.DType):
        raise type_error(f"{op}(): argument 'dtype' must be torch.dtype, not {type_name(dtype)}")


def zeros_of(t):
    """zeros_like: PyTorch's gradient where a value does not matter (+0., no history)."""
    return fresh(np.zeros(t._shape, t.dtype.np), t.dtype)


def zero_tensor_of(t):
    """at::_efficientzerotensor(t.sizes(), t.options()): a ZeroTensor (contiguous +0., no history; see ZeroCounter),
    the gradient of formulas that know it is zero without computing it (sgn_backward of a real input)."""
    out = zeros_of(t)
    out._version_counter = ZeroCounter(out._storage)
    return out


def _zero_tensor_result(a, b, np_fn, out):
    """The ZeroTensor kernels of add/sub/mul/div (ATen's add_zerotensor, mul_zerotensor, div_zerotensor) on out, the
    result the general path computed (its dtype, shape and node kept): a product or quotient of a ZeroTensor is one
    (+0. whatever the other's sign); a sum with one is a copy of the other operand (so its -0. stays -0., where
    0. + -0. is 0.), a difference ZeroTensor - t is t * -1; two ZeroTensors add to one. A quotient by a ZeroTensor
    is inf everywhere (nan for ZeroTensor / ZeroTensor), whatever the numerator's sign."""
    za, zb = isinstance(a, Tensor) and is_zero_tensor(a), isinstance(b, Tensor) and is_zero_tensor(b)
    if np_fn is np.true_divide and zb:
        out._np[...] = np.nan if za else np.inf
    elif np_fn is np.multiply or np_fn is np.true_divide or (za and zb and np_fn in (np.add, np.subtract)):
        out._np[...] = 0
        out._version_counter = ZeroCounter(out._storage)
    elif np_fn is np.add and (za or zb):
        out._np[...] = _values_of(b if za else a)
    elif np_fn is np.subtract and zb:
        out._np[...] = _values_of(a)
    elif np_fn is np.subtract and za:
        out._np[...] = np.negative(_values_of(b))
    return out


def _values_of(x):
    return x._np if isinstance(x, Tensor) else x


def check_outer_operands(self, vec2):
    """outer's (and ger's) check_1d of both vectors, before its mul (its out= variant's too)."""
    for name, t in (("self", self), ("vec2", vec2)):
        if t.dim() != 1:
            raise runtime(f"outer: Expected 1-D argument {name}, but got {t.dim()}-D")


def tensor_of(x, dtype=None):
    if isinstance(x, Tensor):
        return x
    return tensor(x, dtype=dtype)


_UNCHECKED = {}


def unchecked(name):
    """Tensor.<name> without PyTorch's argument parser in front: for the engine's own calls, whose arguments are
    right by construction (a list argument would be parsed again at every call)."""
    fn = _UNCHECKED.get(name)
    if fn is None:
        fn = getattr(Tensor, name)
        fn = _UNCHECKED[name] = getattr(fn, "__wrapped__", fn) if getattr(fn, "__signature_checked__", False) else fn
    return fn


def sum_to(grad, shape):
    """Reduce a broadcast gradient back to `shape` (PyTorch's at::sum_to)."""
    if grad._shape == tuple(shape):
        return grad
    lead = len(grad._shape) - len(shape)
    dims = list(range(lead)) + [lead + i for i, s in enumerate(shape) if s == 1 and grad._shape[lead + i] != 1]
    if dims and not autograd._grad_enabled[0] and (grad.dtype is dtypes.float32 or grad.dtype is dtypes.float64) \
            and grad._np.size:  # backward without a graph: sum's kernel and the view, without their argument checks
        grad = fresh(kernels.cascade_sum(grad._np, tuple(dims)), grad.dtype)
        if lead:
            shape = tuple(shape)
            if not grad._np.flags.c_contiguous:  # (the view's strides are computeStride's)
                return unchecked("view")(grad, shape)
            # (the sum is C-contiguous and ends in `shape`: its trailing strides are the contiguous strides of shape)
            grad = make_view(grad, shape, grad._stride[lead:], grad._offset, "ViewBackward0", (), grad._np.reshape(shape))
        return grad
    if not shape:  # (a 0-dim input's: at::sum_to's tensor.sum(), SumBackward0 under create_graph)
        return unchecked("sum")(grad)
    if dims:
        grad = unchecked("sum")(grad, dims, keepdim=True)
    if lead:
        grad = unchecked("view")(grad, tuple(shape))
    return grad


def input_meta(a, b):
    return ((a._shape, a.dtype) if isinstance(a, Tensor) else None, (b._shape, b.dtype) if isinstance(b, Tensor) else None)


def reduce_grad(grad, meta):
    """grad shaped and typed for an input with (shape, dtype) `meta` (None for Python scalars)."""
    if grad is None or meta is None:
        return None
    shape, dtype = meta
    if grad._shape == shape and grad.dtype is dtype:
        return grad
    g = sum_to(grad, shape)
    if g.dtype is not dtype:
        if g.dtype.category == 3 and dtype.category < 3:  # (a real input: the real part, derivatives.yaml's
            g = g.real                                    # handle_r_to_c)
        g = g.to(dtype)
    return g


def binary_operands(a, b, out_dtype=None, original=False):
    """a and b as numpy operands of their common dtype (out_dtype(common) when given: true division computes in
    float, so a Python number is converted to the float, never wrapped into an integer dtype first); original: the
    op reads a 0-dim or number other of a float16/bfloat16 op as a float (np.multiply: a number self too)."""
    dt = dtypes.result_type((a, b))
    if out_dtype is not None:
        dt = out_dtype(dt)
    # only the second operand is read as the original scalar (TensorIterator's is_scalar(2)); a Python number
    # first is the reflected `number * tensor`, PyTorch's tensor * number (`number // tensor` is floor_divide(number,
    # tensor): the number is operand 1, cast to the dtype)
    original_a = original is np.multiply and not isinstance(a, Tensor)
    if isinstance(a, Tensor) and a._is_wrapped_number:  # (read as the number it stands for)
        a = a._np.item()
    an = a._np if isinstance(a, Tensor) else a
    bn = b._np if isinstance(b, Tensor) else b
    if isinstance(a, Tensor) and a.dtype is not dt:  # (a 0-dim self is cast: ATen reads only its operand 2 as a float)
        an = operand_in(a, dt, False)
    if isinstance(b, Tensor) and b.dtype is not dt:
        bn = operand_in(b, dt, original)
    if not isinstance(a, Tensor):
        an = scalar_in(dt, an, original_a)
    if not isinstance(b, Tensor):
        bn = scalar_in(dt, bn, original)
    return an, bn, dt


# float16 and bfloat16 compute in float: mul and the divisions read a Python number as a float (PyTorch's
# original_scalar_value: `x * 0.3` is half(float(x) * 0.3f), not x * half(0.3)), the other ops cast it to the
# reduced dtype first (the common dtype)
ORIGINAL_SCALAR = (np.multiply, np.divide, np.floor_divide, kernels.div_trunc)


def as_default_float(t):
    """An integer or bool tensor read by a float-only op: its values in the default float dtype (PyTorch's promotion
    of an integer input); a float tensor itself."""
    if t.dtype.category == 2:
        return t
    dt = dtypes.DEFAULT_FLOAT
    return from_numpy(t._np.astype(dt.np) if dt is not _BF16 else dtypes.to_bfloat16(t._np.astype(np.float32)), dt)


def operand_in(t, dt, original=False):
    """t's values as an operand of dtype dt (TensorIterator's common dtype: an integer wraps, 1000 is -24 in int8)."""
    if t.dtype is dt:
        return t._np
    return t._np.astype(dt.np) if dt not in REDUCED_FLOATS else _reduced_operand(t, dt, original)


def _reduced_operand(t, dt, original):
    """A tensor operand of a float16 or bfloat16 (dt) op: cast to dt (TensorIterator's common dtype), but a 0-dim
    one read as a float by mul and div (PyTorch's original_scalar_value)."""
    if original and not t._shape:
        return t._np.astype(np.float32)
    return dtypes.to_bfloat16(t._np) if dt is _BF16 else dtypes.cast(t._np, dt)


def bfloat16_scalar(value):
    return dtypes.to_bfloat16(value)[()]


def scalar_in(dt, value, original=False):
    """A Python number as a value of dt; an integer out of an integer dtype's range wraps, as PyTorch's cast does
    (uint8 - (-2) adds 2)."""
    if dt is _BF16 and not original:
        return bfloat16_scalar(value)
    if original and dt in REDUCED_FLOATS:  # (a float: numpy then computes in float32, rounding once)
        return np.float32(value)
    if dt is dtypes.float16 and type(value) is float:
        return dtypes.cast(value, dt)[()]
    try:
        return dt.np.type(value)
    except OverflowError:
        return np.array(value).astype(dt.np)[()]


def check_broadcast(a, b):
    sa = a._shape if isinstance(a, (Tensor, Shaped)) else ()
    sb = b._shape if isinstance(b, (Tensor, Shaped)) else ()
    if sa == sb or not sa or not sb:
        return
    for i in range(1, builtins.min(len(sa), len(sb)) + 1):
        x, y = sa[-i], sb[-i]
        if x != y and x != 1 and y != 1:
            raise runtime(messages.BROADCAST.format(a=x, b=y, d=builtins.max(len(sa), len(sb)) - i))


class Shaped:
    """A shape where a tensor is expected by a shape check."""
    def __init__(self, shape):
        self._shape = shape


def check_broadcast_all(*operands):
    """TensorIterator's compute_shape over several inputs: each broadcast against the shape so far ("tensor a")."""
    shape = ()
    for t in operands:
        s = t._shape if isinstance(t, (Tensor, Shaped)) else ()
        for i in range(1, builtins.min(len(shape), len(s)) + 1):
            x, y = shape[-i], s[-i]
            if x != y and x != 1 and y != 1:
                raise runtime(messages.BROADCAST.format(a=x, b=y, d=builtins.max(len(shape), len(s)) - i))
        shape = np.broadcast_shapes(shape, s)


def check_result_size(an, bn, dt):
    """Refuse a broadcast whose result would pass the memory limit, before numpy allocates it."""
    sa = getattr(an, "shape", ())
    sb = getattr(bn, "shape", ())
    if sa != sb and sa and sb:
        n = 1
        for s in np.broadcast_shapes(sa, sb):
            n *= s
        check_size(n * dt.itemsize)


# kernel -> (its float16/bfloat16 form, steps(a, b, to_reduced) on float32 values rounding in between as c10's
# Half/BFloat16 arithmetic does, and whether only a divisor of more than one element takes it): floor and trunc
# divisions (a one-element divisor is read as a float: original_scalar_value, one rounding); xlogy (binary.py)
STEPWISE_REDUCED = {np.floor_divide: (kernels.div_floor_steps, True),
                    kernels.div_trunc: (kernels.div_trunc_steps, True)}


def _stepwise_reduced(steps, dt):
    to_reduced = dtypes.rounding(dt)
    return lambda x, y: steps(np.asarray(x, np.float32), np.asarray(y, np.float32), to_reduced).astype(dt.np)


def _complex_sum(sign):
    """add/sub of complex operands as ATen's add kernel computes them: self + alpha * other with alpha (1 or -1) a
    complex number multiplied in, so an infinite or NaN part of other makes its other part NaN (z + inf: inf+nanj)."""
    def kernel(a, b, out=None):
        with np.errstate(invalid="ignore"):
            return np.add(a, np.multiply(b, np.result_type(a, b).type(sign)), out=out)
    return kernel


# the kernels whose complex form is not numpy's: add/sub (alpha multiplied in), mul (the vector body's roundings),
# div (c10::complex's operator/)
COMPLEX_KERNELS = {np.add: _complex_sum(1), np.subtract: _complex_sum(-1), np.multiply: kernels.complex_multiply,
                   np.true_divide: kernels.complex_divide}
# their in-place forms where the loop writing over its first operand computes otherwise (div's scalar body, strided
# rows)
COMPLEX_INPLACE_KERNELS = {np.true_divide: lambda a, b: kernels.complex_divide(a, b, in_place=True),
                           np.multiply: lambda a, b: kernels.complex_multiply(a, b, in_place=True)}


def _is_complex(x):
    return type(x) is complex or isinstance(x, Tensor) and x.dtype.category == 3


def binary_op(a, b, np_fn, node_cls, out_dtype=None):
    if ZERO_SEEN[0] and (isinstance(a, Tensor) and is_zero_tensor(a) or isinstance(b, Tensor) and is_zero_tensor(b)):
        return _zero_tensor_result(a, b, np_fn, _binary_op(a, b, np_fn, node_cls, out_dtype))
    return _binary_op(a, b, np_fn, node_cls, out_dtype)


def _binary_op(a, b, np_fn, node_cls, out_dtype=None):
    if np_fn in COMPLEX_KERNELS and (_is_complex(a) or _is_complex(b)):
        np_fn = COMPLEX_KERNELS[np_fn]
    steps = STEPWISE_REDUCED.get(np_fn)
    if steps is not None and (not steps[1] or isinstance(b, Tensor) and b.numel() > 1):
        dt = dtypes.result_type((a, b))
        dt = dt if out_dtype is None else out_dtype(dt)
        if dt in REDUCED_FLOATS:
            np_fn = _stepwise_reduced(steps[0], dt)
    ta = isinstance(a, Tensor)
    if ta and (out_dtype is None or out_dtype is true_div_dtype and a.dtype.category == 2) and a._np.flags.c_contiguous:
        # hot paths: float tensor with a Python float/int, or two tensors of one dtype and shape
        tb = type(b)
        if tb is not Tensor and isinstance(b, Tensor):
            tb = Tensor  # a Parameter takes the tensors' path
        if (tb is float or tb is int) and a.dtype.category == 2 and not a._is_wrapped_number and (a.dim() < 2 or 0 not in a._shape and (
                1 not in a._shape or a._stride == _contiguous_strides(a._shape))):
            # (a size-1 dim's stride can still order TensorIterator's dims, and an empty tensor's strides and sizes
            # order them, numpy calling every empty array contiguous: the general path then)
            out = fresh(np_fn(a._np, scalar_in(a.dtype, b, np_fn in ORIGINAL_SCALAR) if a.dtype in REDUCED_FLOATS else b),
                        a.dtype)
        elif tb is Tensor and b.dtype is a.dtype and b._shape == a._shape and (1 not in a._shape or
                                                                             b._np.flags.c_contiguous):
            # (a's size-1 dims tie with others by stride: b's strides then order TensorIterator's dims)
            out = fresh(np_fn(a._np, b._np), a.dtype)
        else:
            out = None
        if out is not None:
            if node_cls is not None and autograd._grad_enabled[0] and (a.requires_grad or tb is Tensor and b.requires_grad) \
                    and (not INFERENCE_SEEN[0] or INFERENCE_MODE[0] or _autograd_dispatched((a, b))):
                attach(out, node_cls(a, b, out))
            return out
    if not ta and not isinstance(b, Tensor):
        raise type_error("expected a Tensor")
    if node_cls is not None and needs_grad(a, b):
        collect_edges(a, b)
    check_broadcast(a, b)
    an, bn, dt = binary_operands(a, b, out_dtype, np_fn if np_fn in ORIGINAL_SCALAR else False)
    check_result_size(an, bn, dt)
    shape = np.broadcast_shapes(np.shape(an), np.shape(bn))
    if np_fn in EXACT_ARITHMETIC and is_constant(an) and is_constant(bn) and len(shape) and np.shape(an) == shape:
        # an expanded scalar (the gradient of a sum) with a scalar: one value, computed once
        value = np_fn(an.flat[0], bn.flat[0] if isinstance(bn, np.ndarray) else bn)
        result = np.full(shape, value, dt.np)
    elif isinstance(np_fn, np.ufunc):
        result = np_fn(an, bn, out=layout.iter_output(shape, dt, (a, b)))
    elif len(shape) > 1:  # laid out as TensorIterator lays out its output (a transposed operand: transposed)
        result = layout.iter_output(shape, dt, (a, b))
        result[...] = np_fn(an, bn)
    else:
        result = np.asarray(np_fn(an, bn), order="C")  # (np.ascontiguousarray would make a 0-dim one 1-dim)
    out = layout.wrap(result, dt) if shape else from_numpy(np.asarray(result), dt)
    if node_cls is not None and needs_grad(a, b):
        attach(out, node_cls(a, b, out))
    return out


EXACT_ARITHMETIC = (np.add, np.subtract, np.multiply, np.divide)  # one IEEE rounding, scalar or vectorized


def is_constant(x):
    """A scalar, or an array whose every element is the same one (all strides 0)."""
    return not isinstance(x, np.ndarray) or x.ndim == 0 or (x.size > 0 and not any(x.strides))


def collect_edges(*xs):
    """PyTorch builds a node's edges before running the kernel, so a view's grad_fn errors come first."""
    for x in xs:
        if isinstance(x, Tensor) and x._view is not None:
            x.grad_fn


# in-place ops autograd's wrapper does not check: composites (fill_diagonal_ writes through a view, float_power_
# checks its dtype before the in-place op it calls) and Python-level
# ones; the ops without a derivative (logical ops) neither check nor collect edges
_NO_DERIVATIVE = frozenset({"logical_and_", "logical_not_", "logical_or_", "logical_xor_"})
_NOT_CHECKED_INPLACE = frozenset({"detach_", "requires_grad_", "resize_", "resize_as_", "retain_grad", "fill_diagonal_",
                                  "float_power_", "apply_", "map_", "map2_"}) | _NO_DERIVATIVE


def recorded_edges_first(self, *others, inplace=False):
    """What autograd's wrapper does before an op with a derivative runs, when grad mode records it: an in-place op's
    self checked (check_inplace), then every tensor's edges collected."""
    if autograd._grad_enabled[0]:
        tensors = [t for t in (self, *others) if isinstance(t, Tensor)]
        if needs_grad(*tensors):
            if inplace and isinstance(self, Tensor):
                check_inplace(self)
            collect_edges(*tensors)


def edges_first(fn, name=None):
    """The method fn, with its tensors' autograd edges collected before it checks anything (as PyTorch's autograd
    wrapper builds the node before the kernel runs, so a stale no-grad view's error comes first); an in-place op's
    wrapper checks self first (check_inplace: a view's own text, before its base's rebase is seen)."""
    name = name or fn.__name__
    if name in _NO_DERIVATIVE:
        return fn
    inplace = name.endswith("_") and not name.endswith("__") and name not in _NOT_CHECKED_INPLACE

    def op(self, *args, **kwargs):
        recorded_edges_first(self, *args, *kwargs.values(), inplace=inplace)
        if not inplace:
            return fn(self, *args, **kwargs)
        try:
            return fn(self, *args, **kwargs)
        except TorchError as e:
            refuse_unsupported_result(e, self)
            raise
    op.__name__, op.__doc__, op.__wrapped__ = fn.__name__, fn.__doc__, fn
    return op


def inference_saved_first(node_cls, *operands):
    """Autograd's kernel saves an op's inputs before the op checks them: an inference tensor among the inputs the
    node saves (node_cls.saved_names: self, then the other operand by any name) fails first when an input requires
    grad."""
    saved = getattr(node_cls, "saved_names", ())
    guards = getattr(node_cls, "save_guards", {})  # (an input read by one formula only: saved when that one is wanted)
    kept = [False, False]
    for name in saved:
        if name not in (None, "result"):
            guard = guards.get(name)
            kept[name != "self"] |= guard is None or getattr(operands[guard], "requires_grad", False)
    inference_saved_by(operands, [t for keeps, t in zip(kept, operands) if keeps])  # (other, mat2, vec: the second)


def inference_saved_by(inputs, saved):
    """Autograd's kernel saves what an op's node keeps (`saved`, the tensors its guards keep) before the op checks
    anything: an inference tensor among them fails first when one of the op's tensor `inputs` requires grad."""
    if not INFERENCE_SEEN[0]:  # (no inference tensor yet: the common case, at once)
        return
    inputs = [t for t in inputs if isinstance(t, Tensor)]
    if INFERENCE_MODE[0] or not autograd._grad_enabled[0] or not builtins.any(t.requires_grad for t in inputs) \
            or not _autograd_dispatched(inputs):
        return
    if builtins.any(isinstance(t, Tensor) and t._version_counter.inference for t in saved):
        raise runtime(messages.INFERENCE_SAVED)


def binary_result(values, dt, first, second):
    """The result of a binary TensorIterator kernel (a fused backward: threshold_backward, gelu_backward, ...) holding
    the array `values`: contiguous when both operands are, else laid out by the operands in the kernel's order."""
    if first._np.flags.c_contiguous and second._np.flags.c_contiguous:
        return fresh(np.asarray(values, dtype=dt.np), dt)
    return laid_out_like(values, dt, first, second)


def laid_out_like(values, dt, *operands):
    """An elementwise result holding `values`, laid out as PyTorch's TensorIterator lays it out (layout.py)."""
    out = layout.iter_output(np.shape(values), dt, [t for t in operands if t is not None])  # (a number: a wrapped
    # 0-dim operand, which keeps TensorIterator off its fast setup)
    out[...] = values
    return layout.wrap(out, dt)


class InputNode(Node):
    """A node of one tensor input that keeps the op's arguments: InputNode(x, *values) names them by `fields`, and
    saves the `saved_count` tensors that follow them (unpacked in backward)."""
    fields = ()
    saved_count = 0

    def __init__(self, x, *values):
        Node.__init__(self, (edge_of(x),))
        for name, value in zip(self.fields, values):
            setattr(self, name, value)
        if self.saved_count:
            self.saved = tuple(SavedTensor(t) for t in values[len(self.fields):])


class NotImplementedNode(Node):
    """An op PyTorch does not differentiate: its node is torch::autograd::NotImplemented, and its backward raises
    "derivative for aten::<op> is not implemented"."""
    __slots__ = ("op",)
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented, its repr is not)

    def __init__(self, op, *inputs):  # (edges only to the inputs that require grad, as PyTorch collects them)
        Node.__init__(self, tuple(operand_edge(t) for t in inputs if needs_grad(t)))
        self.op = op

    def backward(self, gg):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


class SavingNode(Node):
    """A node declared by what it saves: its inputs (their edges, in order), then the op's result, keeping the op's
    arguments named by `fields`: SavingNode(*inputs, out, *values), with `inputs` tensors (one unless the class
    says). Each class names what it saves in saved_names (PyTorch's `self`, `other`, ..., `result`); `saves_result`
    False keeps the result's place empty (PyTorch saves it under a condition: StdBackward0 does, VarBackward0 not),
    None: the result is no argument and has no place (a node that saves its inputs only). `saved_inputs` says which
    inputs it saves (their places; None: every one, (): none, as a node whose op saves its outputs later), and
    `keeps_shapes` keeps the inputs' shapes as `shapes` (a broadcast batch's gradient is summed back to them). Its
    __init__ is generated from these, so a declared node costs what a hand-written one did."""
    inputs = 1
    fields = ()
    saves_result = True
    saved_inputs = None
    keeps_shapes = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__init__" not in cls.__dict__:
            saved = tuple(range(cls.inputs)) if cls.saved_inputs is None else tuple(cls.saved_inputs)
            cls.__init__ = _saving_init(cls.inputs, tuple(cls.fields), cls.saves_result, saved, cls.keeps_shapes)


_SAVING_INITS = {}


def _saving_init(inputs, fields, saves_result, saved_inputs, keeps_shapes):
    """SavingNode's __init__ for one declaration, written out as a hand-written one would be."""
    key = (inputs, fields, saves_result, saved_inputs, keeps_shapes)
    init = _SAVING_INITS.get(key)
    if init is None:
        xs = [f"x{i}" for i in range(inputs)]
        saved = [f"SavedTensor(x{i})" for i in saved_inputs]
        if saves_result is not None:
            saved.append("SavedTensor(out, is_output=True)" if saves_result else "NOTHING_SAVED")
        params = xs + (["out"] if saves_result is not None else []) + list(fields)
        lines = [f"def __init__(self, {', '.join(params)}):",
                 f"    Node.__init__(self, ({''.join(f'edge_of({x}), ' for x in xs)}))"]
        lines += [f"    self.{f} = {f}" for f in fields]
        if keeps_shapes:
            lines.append(f"    self.shapes = ({''.join(f'{x}._shape, ' for x in xs)})")
        lines.append(f"    self.saved = ({''.join(f'{v}, ' for v in saved)})")
        scope = {"Node": Node, "edge_of": edge_of, "SavedTensor": SavedTensor, "NOTHING_SAVED": NOTHING_SAVED}
        exec("\n".join(lines), scope)
        init = _SAVING_INITS[key] = scope["__init__"]
    return init


class BinaryNode(Node):
    """Two-input nodes: `grads` gives raw gradients, reduced here to each input's shape and dtype. An in-place
    op (out None) passes `original`, self's pre-write copy, when the class's formula reads self (original_self)."""
    __slots__ = ("meta",)
    original_self = False
    number_edges = 2  # 1: PyTorch's overload for a Python number takes it as a Scalar, no edge (remainder.Scalar)

    def __init__(self, a, b, out, original=None):
        if isinstance(b, Tensor):
            edges = (operand_edge(a), edge_of(b))
            self.meta = input_meta(a, b)
        else:  # tensor op Python scalar: the common case, kept lean
            edges = (edge_of(a), NONE_EDGE)
            self.meta = ((a._shape, a.dtype), None)
        if self.number_edges == 1 and not (isinstance(a, Tensor) and isinstance(b, Tensor)):
            self.kept = 0 if isinstance(a, Tensor) else 1
            edges = (edges[self.kept],)
        Node.__init__(self, edges)
        self.setup(a if original is None else original, b, out)

    def backward(self, g):
        ga, gb = self.grads(g)
        ma, mb = self.meta
        if len(self.next_functions) == 1:
            return (reduce_grad(ga, ma) if self.kept == 0 else reduce_grad(gb, mb),)
        return reduce_grad(ga, ma), reduce_grad(gb, mb)

    def setup(self, a, b, out):
        pass

    def wants(self, i):
        """PyTorch's task_should_compute_output: input i has an edge that the walk under way needs (autograd.grad's
        inputs= leave the other input's formula, not_implemented's raise included, unrun)."""
        if len(self.next_functions) == 1:
            nxt = self.next_functions[0][0] if i == self.kept else None
        else:
            nxt = self.next_functions[i][0]
        needs = autograd._walk_needs[0]
        return nxt is not None and (needs is None or nxt in needs)


def true_div_dtype(dt):
    return dt if dt.category >= 2 else dtypes.DEFAULT_FLOAT


def cj(v):
    """The conjugate derivatives.yaml's formulas take of an operand (a tensor or a number): a real one as it is."""
    if type(v) is complex:
        return v.conjugate()
    return v.conj() if getattr(v, "dtype", None) is not None and v.dtype.category == 3 else v


def check_inplace(self):
    """PyTorch's check_inplace: leaves and views of leaves that require grad cannot be written."""
    view = self._view
    if view is not None:
        if view.grad_mode is IN_CUSTOM_FUNCTION:
            raise runtime(messages.custom_view_inplace(self._grad_fn, self._output_nr, False))
        if view.grad_mode is IN_MULTI_OUTPUT:
            raise runtime(messages.multi_view_inplace(self._grad_fn, self._output_nr, False))
        if not view.grad_mode:  # (the op needs grad here: from the view's base or from another operand)
            text = messages.INFERENCE_VIEW_INPLACE if view.grad_mode is IN_INFERENCE_MODE else \
                messages.NO_GRAD_VIEW_INPLACE
            raise runtime(text.format(who=no_grad_view_origin(self)))
        if self.requires_grad and view.base._grad_fn is None:
            raise runtime(messages.VIEW_OF_LEAF_INPLACE)
    # PyTorch's C++ is_leaf reads the stored grad_fn: a stale view's is not regenerated for this check
    if self.requires_grad and self._grad_fn is None:
        raise runtime(messages.LEAF_INPLACE)


def check_fits_output(self, *others):
    """In place into self: TensorIterator's compute_shape (a size mismatch first, numpy's text never), then the
    broadcast shape must be self's."""
    check_broadcast(self, *others) if len(others) == 1 else check_broadcast_all(self, *others)
    oshape = np.broadcast_shapes(self._shape, *(o._shape if isinstance(o, (Tensor, Shaped)) else () for o in others))
    if oshape != self._shape:
        raise runtime(messages.OUTPUT_SHAPE.format(_shape_list(self._shape), _shape_list(oshape)))


def precheck(self, *others, internal_overlap=True, overlap=True, differentiable=True,
             zero_text=messages.ZERO_TENSOR_IMMUTABLE):
    """PyTorch checks leaf/view in-place rules before anything else (shapes, dtypes), then overlap
    (fill_ and zero_ write one value, so PyTorch lets them write into an expanded tensor; overlap=False: the op
    checks no operand's overlap, or checks it later with check_overlap). differentiable=False: the op's autograd
    wants no gradient whatever its operands (copy_ into an integer tensor: isDifferentiableType). zero_text: the
    refusal of a ZeroTensor self (copy_ has its own)."""
    if differentiable and needs_grad(self, *others):
        check_inplace(self)
    if ZERO_SEEN[0] and is_zero_tensor(self):  # (PyTorch's ZeroTensor fallback, under autograd's checks)
        raise runtime(zero_text)
    if internal_overlap:
        check_internal_overlap(self)
    if overlap:
        check_overlap(self, others, partial_overlap)


def check_internal_overlap(self):
    """ATen's assert_no_internal_overlap of a tensor an op writes."""
    if internally_overlapping(self):
        raise runtime("unsupported operation: more than one element of the written-to tensor refers to a single "
                      "memory location. Please clone() the tensor before performing the operation.")


def check_written(self, inputs):
    """The checks ATen's meta functions make of the tensor an op writes in place (index_add_, index_copy_,
    scatter_ ...): assert_no_internal_overlap, then assert_no_overlap with each input, the index included."""
    check_internal_overlap(self)
    check_overlap(self, inputs)


def internally_overlapping(t):
    """PyTorch's has_internal_overlap(t) == Yes: a dim of more than one element at stride 0 (an empty tensor is
    non-overlapping and dense, so never)."""
    return 0 not in t._shape and any(stride == 0 and size > 1 for size, stride in zip(t._shape, t._stride))


def check_overlap(self, others, overlapping=None):
    """TensorIterator's assert_no_partial_overlap (overlapping=partial_overlap) or, by default, ATen's
    assert_no_overlap (index_put_, index_copy_, index_add_, scatter_: any shared element, self itself included)."""
    for other in others:
        if isinstance(other, Tensor) and other._storage is self._storage and \
                (overlapping or any_overlap)(self, other):
            raise runtime("unsupported operation: some elements of the input tensor and the written-to tensor "
                          "refer to a single memory location. Please clone() the tensor before performing the "
                          "operation.")


_non_overlapping_and_dense = autograd.non_overlapping_and_dense


def partial_overlap(a, b):
    """PyTorch's get_overlap_status(...) == Partial: only dense tensors are compared, by byte range."""
    if a is b or a.numel() == 0 or b.numel() == 0:
        return False
    if not (_non_overlapping_and_dense(a) and _non_overlapping_and_dense(b)):
        return False  # "too hard": PyTorch does not check
    a0, a1 = a._offset, a._offset + a.numel()
    b0, b1 = b._offset, b._offset + b.numel()
    if a0 == b0 and a1 == b1:
        return a._stride != b._stride
    return a0 < b1 and b0 < a1


def any_overlap(a, b):
    """PyTorch's get_overlap_status(...) is Full or Partial: the same tensor, or dense ones sharing a byte."""
    if a is b:
        return True
    if a.numel() == 0 or b.numel() == 0 or not (_non_overlapping_and_dense(a) and _non_overlapping_and_dense(b)):
        return False
    return a._offset < b._offset + b.numel() and b._offset < a._offset + a.numel()


def self_overlapping(t):
    """Elements of t (an unfold or as_strided view) that share an address, zero strides aside (refused earlier)."""
    dims = sorted((st, n) for n, st in zip(t._shape, t._stride) if n > 1)
    reach = 0
    for st, n in dims:
        if st <= reach:  # may overlap: count the distinct addresses
            grids = np.meshgrid(*[np.arange(n) * st for st, n in dims], indexing="ij", sparse=True)
            return np.unique(builtins.sum(grids).ravel()).size < t.numel()
        reach += (n - 1) * st
    return False


def write_rows(self, arr, row_values, others=()):
    """PyTorch's kernel on a self-overlapping view reads elements it has already written: its TensorIterator runs
    the rows of the fastest dimension one after another (dims ordered by the operands' strides, self first), so
    each row is computed from memory as the rows before it left it. row_values(index) gives one row's values."""
    shape = self._shape
    strides = [self._stride, self._stride] + [broadcast_strides(o, shape) for o in others if isinstance(o, Tensor)]
    perm = kernels.dim_order(shape, strides)
    outer = perm[:0:-1]  # slowest first
    for idx in np.ndindex(*[shape[d] for d in outer]):
        index = [slice(None)] * len(shape)
        for d, i in zip(outer, idx):
            index[d] = i
        index = tuple(index)
        arr[index] = row_values(index)


def write_values(self, arr, values, others=()):
    """arr[...] = values as PyTorch's copy kernel writes them: into a self-overlapping view the last write to an
    address wins, in its order (others: the operands whose strides order the iteration)."""
    if self_overlapping(self):
        write_rows(self, arr, lambda ix: values[ix], others)
    else:
        arr[...] = values


def write_recomputing(self, arr, values, fn, args=(), kwargs=None, others=()):
    """arr[...] = values, fn(self, *args, **kwargs) computed before the write; into a self-overlapping view (an
    unfold, an as_strided) PyTorch's kernel reads elements it has already written, so each row is fn of self's
    row as memory holds it then (and the operands' rows). float16 and bfloat16 kernels read their inputs before
    writing (measured)."""
    if self.dtype in (dtypes.float16, dtypes.bfloat16) or not self_overlapping(self):
        arr[...] = values
        return

    def row(t, data, ix):
        return from_numpy(np.broadcast_to(data, self._shape)[ix].copy(), t.dtype) if isinstance(t, Tensor) else t

    def row_values(ix):
        with autograd.no_grad():
            result = fn(row(self, arr, ix), *[row(a, a._np, ix) if isinstance(a, Tensor) else a for a in args],
                        **{k: row(v, v._np, ix) if isinstance(v, Tensor) else v for k, v in (kwargs or {}).items()})
        return dtypes.stored(result._np, self.dtype)
    write_rows(self, arr, row_values, others)


def aliased_operand(self, other):
    """other is a view of self's storage in a layout TensorIterator's overlap check calls too hard (strided or
    broadcast, so no error): PyTorch's kernel then reads some of other's elements after writing them."""
    return isinstance(other, Tensor) and other._storage is self._storage and other.numel() > 0 and not (
        other._offset == self._offset and other._stride == self._stride and other._shape == self._shape)


def write_reading_back(self, arr, other, compute):
    """Write self[...] = compute(self, other) as PyTorch's loop does when other aliases self (aliased_operand): rows
    of the fastest dimension one after another; in a row, the vectorized loop's blocks of two vectors (a broadcast
    other read once at the row's start, a contiguous one a block at a time), then element by element, each reading
    memory as the writes before it left it."""
    shape = self._shape
    if not shape:  # (one element: read, then written)
        arr[...] = compute(arr.copy(), other._np.copy())
        return
    other_strides = broadcast_strides(other, shape)
    perm = kernels.dim_order(shape, [self._stride, self._stride, other_strides])
    inner, outer = perm[0], perm[:0:-1]
    n, step = shape[inner], other_strides[inner]
    lanes = kernels.vector_lanes(self.dtype.np)
    block = 2 * lanes if lanes and self._stride[inner] == 1 and step in (0, 1) else n + 1
    live = np.broadcast_to(other._np, shape)  # (a view: reads see the writes)
    for idx in np.ndindex(*[shape[d] for d in outer]):
        index = [slice(None)] * len(shape)
        for d, i in zip(outer, idx):
            index[d] = i
        row, source = arr[tuple(index)], live[tuple(index)]
        start = source[0].copy() if n else None
        i = 0
        while i + block <= n:
            row[i:i + block] = compute(row[i:i + block], start if step == 0 else source[i:i + block].copy())
            i += block
        for j in range(i, n):
            row[j] = compute(row[j], source[j])


def broadcast_strides(t, shape):
    pad = len(shape) - len(t._shape)
    return (0,) * pad + tuple(0 if n == 1 else st for n, st in zip(t._shape, t._stride))


def write_inplace(self, write, make_node, others=(), save_output=False, any_dtype=False, copy=False):
    """Run an in-place op: check, build the node (saving pre-write values), write, bump, rebase history.
    any_dtype: the op records its node whatever self's dtype (fill_, masked_fill_, index_fill_ and index_put_ with
    a tensor value: their autograd wrappers check no dtype, so an integer tensor written a value that requires grad
    gets a grad_fn); other ops record nothing on an integer or bool tensor unless an earlier write gave it a
    history; copy_ (copy) not even then."""
    differentiable = make_node is not None and (any_dtype or self.dtype.category >= 2 or self.requires_grad and
                                                not copy) and needs_grad(self, *others)
    node = None
    if differentiable:
        check_inplace(self)
        node = make_node()
    storage = self._storage
    undo.touch(storage)
    write(self._np)
    if self.dtype is _BF16:
        dtypes.round_bfloat16(self._np)
    elif storage.mirrors is not None or type(storage) is ConjStorage:
        sync_conj(storage)
    counter = self._version_counter
    counter.bump()
    log, v, name = storage.log, counter.value, node.name_ if node is not None else None
    if log is not None and len(log) < LOG_CAP:  # (note_write's own short path, without a call: every write)
        log.append(("write", undo._location, undo.epoch, _weakref(self), (v - 1, v, name)))
    else:
        note_write(storage, self, v - 1, v, name)
    if node is not None:
        if save_output:
            saved = SavedTensor(self, is_output=True, inplace_on_view=self._view is not None)
            node.saved = node.saved + (saved,)
        rebase_history(self, node)
        if save_output and saved.inplace_on_view:
            saved.weak_fn = _weakref(self.grad_fn)
    return self


def built_in_place(t, writes):
    """A gradient ATen's formula builds by writes in place (at::zeros' zero_, which counts inside a backward as it does
    not for torch.zeros, then scatter_ or masked_fill_ into it): its _version counts them."""
    for _ in range(writes):
        t._version_counter.bump()
    return t


def written(self):
    """After a fast path wrote self in place (no autograd involved): its version moves and its storage's log
    notes the write, as write_inplace does."""
    if self.dtype is _BF16:
        dtypes.round_bfloat16(self._np)
    elif self._storage.mirrors is not None or type(self._storage) is ConjStorage:
        sync_conj(self._storage)
    counter = self._version_counter
    counter.bump()
    note_write(self._storage, self, counter.value - 1, counter.value, None)


def rebase_history(self, node):
    undo.touch(self)
    view = self._view
    if self.dtype.category < 2:  # (a gradient reaching this history fails in the engine)
        autograd.INTEGER_NODES.add(node)
    if view is None:
        move_retain_hooks(self._grad_fn, node)
        self._grad_fn = node
        self._output_nr = 0
        if autograd.PENDING_PACKS:
            autograd.pack_pending()
        return
    base = view.base
    undo.touch(base)
    base_grad_fn = CopySlices(edge_of(base), base, self, node)
    if base.dtype.category < 2:
        autograd.INTEGER_NODES.add(base_grad_fn)
    move_retain_hooks(base._grad_fn, base_grad_fn)
    base._grad_fn = base_grad_fn
    base._output_nr = 0
    if autograd.PENDING_PACKS:
        autograd.pack_pending()
    self.grad_fn  # PyTorch regenerates this view's grad_fn at once (AsStridedBackward0); its other views, on reading


def move_retain_hooks(old, new):
    """retain_grad() belongs to the tensor: an in-place op hands it to the tensor's new grad_fn."""
    if old is not None and old.retain_hooks:
        undo.touch_attrs(old, "retain_hooks")
        new.retain_hooks, old.retain_hooks = old.retain_hooks, None


def cast_for_inplace(self, result_dtype, cpp_name=False):
    """TensorIterator's rule for an in-place result; clamp's kernels name the output by its C++ type."""
    if not dtypes.can_cast(result_dtype, self.dtype):
        names = dtypes.C_NAMES if cpp_name else dtypes.SCALAR_NAMES
        raise runtime(messages.INPLACE_RESULT_TYPE.format(res=dtypes.SCALAR_NAMES[result_dtype.name],
                                                          out=names[self.dtype.name]))


def refuse_unsupported_result(error, self):
    """An in-place op's result of a dtype tensorsh has no tensors of (float16 op_ a complex: ComplexHalf), which
    `error` refused: TensorIterator refuses it for self's dtype first, before anything is computed."""
    dt = getattr(error, "unsupported_dtype", None)
    if dt is not None and isinstance(self, Tensor):
        cast_for_inplace(self, dt)


class ZeroGradNode(Node):
    """The node of an op whose gradient for self is zero (fills, copies; name given, or the class's)."""
    __slots__ = ("other_shape", "other_dtype")

    def __init__(self, name, x, other=None):
        Node.__init__(self, (edge_of(x),) if other is None else (edge_of(x), operand_edge(other)))
        if name is not None:
            self.name_ = name
        if isinstance(other, Tensor):
            self.other_shape, self.other_dtype = other._shape, other.dtype

    def backward(self, g):
        gs = zeros_of(g)
        if len(self.next_functions) > 1 and self.next_functions[1][0] is not None:
            return gs, sum_to(g, self.other_shape).to(self.other_dtype)
        return (gs,) + (None,) * (len(self.next_functions) - 1)


def zero_node(name, self, other=None):
    return ZeroGradNode(name, self, other)


# ------------------------------------------------------------------ views and in-place writes through them

VIEW_BACKWARD = {  # a view node's name -> its backward formula; the view ops register theirs
    "AsStridedBackward0": lambda g, shape, base_geometry, view_geometry:
        as_strided_backward(g, base_geometry, view_geometry),
}


# a view node's name -> the names of what PyTorch saves besides self_sym_sizes (the base's shape, always kept), in
# the order the view op passes them to make_view as `saved`; registered by the view ops with their formulas
VIEW_SAVED = {}
_VIEW_CLASSES = {}


# view nodes PyTorch defines in C++ without a Python type (unpack_dual's primal, _fw_primal's torch::autograd::Identity):
# type(grad_fn) is CppFunction, print(grad_fn) <CppFunction object at ...>, a tensor's repr grad_fn=<Identity>
CPP_FUNCTIONS = {"Identity"}


def given_saved_values(names):
    """The saved_values of a node class made per name (a view's, an in-place geometry change's): each of names but
    self_sym_sizes is node.given[i] in order, self_sym_sizes the shape the node keeps."""
    values = {n: (lambda node, i=i: node.given[i]) for i, n in enumerate(n for n in names if n != "self_sym_sizes")}
    if "self_sym_sizes" in names:
        values["self_sym_sizes"] = lambda node: tuple(node.shape)
    return values


class ViewNode(Node):
    """Backward of a view: the inverse mapping of the gradient (shape-only, recordable). Each view's node is of a
    class named as PyTorch's (made on first use), which exposes what PyTorch saves (grad_fn._saved_dim, ...)."""
    __slots__ = ("shape", "args", "given")

    def __new__(cls, name, base, args, saved=()):
        sub = _VIEW_CLASSES.get(name)
        if sub is None:
            values = given_saved_values(VIEW_SAVED.get(name, ()))
            cpp = name in CPP_FUNCTIONS  # (a node of no Python type: CppFunction, its name() qualified)
            sub = _VIEW_CLASSES[name] = type("CppFunction" if cpp else name, (ViewNode,), {
                "__slots__": (), "name_": name, "saved_values": values, "qualified": cpp})
        return Node.__new__(sub)

    def __init__(self, name, base, args, saved=()):
        Node.__init__(self, (edge_of(base),))
        self.shape = base._shape
        self.args = args
        self.given = saved  # PyTorch's saved values as the program gave them (a dim of -1 as 2**64 - 1)

    def backward(self, g):
        out = VIEW_BACKWARD[self.name_](g, self.shape, *self.args)
        fn = out._grad_fn
        if fn is not None and getattr(fn, "given", 0) is None:  # (create_graph: the gradient's own node, which
            fn.given = self.given  # shows what this one saved, as the program gave it)
        return (out,)


def make_view(self, shape, stride, offset, name, args=(), arr=None, saved=(), dtype=None, storage=None):
    """A view sharing storage and version counter; records the view node when the base requires grad (arr: its
    numpy view, when the caller has it; saved: what PyTorch's node saves, VIEW_SAVED[name]; dtype: view_as_real's
    and view_as_complex's element type; storage: conj's, the same memory shown conjugated)."""
    out = self._alias(shape, stride, offset, None, arr, dtype, storage)
    if self._version_counter.inference:  # an inference tensor's views carry no autograd view metadata
        return out
    base = self._view.base if self._view is not None else self
    grad_mode = autograd._grad_enabled[0]
    # a view of a view made in no_grad mode inherits that creation mode (PyTorch's propagate_creation_meta)
    out._view = ViewInfo(base, (grad_mode or (IN_INFERENCE_MODE if INFERENCE_MODE[0] else False))
                         and (self._view is None or self._view.grad_mode), self._version_counter.value,
                         chained_replay(self, out, name))
    if grad_mode and self.requires_grad:
        if out.dtype.category < 2 and self.dtype.category < 2:  # (an integer tensor given a history in place)
            raise runtime(f"Autograd not support dtype: {dtypes.SCALAR_NAMES[out.dtype.name]}")
        out._grad_fn = ViewNode(name, self, args, saved)
    note_view(self._storage, out, name)
    return out


VIEW_REPLAY = {}  # the views as_strided cannot give back (the dtype changes) -> the op, registered by it


def chained_replay(parent, out, name):
    """out's ViewInfo.replay, as PyTorch's ViewInfo::chain: a view_fn once a dtype-changing view is on the way
    (the parent's geometry first when it is an as_strided view), then as_strided onto each later view."""
    prev = parent._view.replay if parent._view is not None else None
    if name in VIEW_REPLAY:
        return (prev if prev is not None else ((parent._shape, parent._stride, parent._offset),)
                if parent._view is not None else ()) + (name,)
    return None if prev is None else prev + ((out._shape, out._stride, out._offset),)


def replay_view(t, replay):
    """PyTorch's view_fn(t): the steps of a view's replay on t, recorded."""
    for step in replay:
        t = VIEW_REPLAY[step](t) if isinstance(step, str) else \
            as_strided_view(t, (step[0], step[1], step[2] - t._offset))
    return t


def viewed_from_inference(inputs, out, base_shape, version=0):
    """out as the view of a fresh base_shape tensor that ATen's kernel returns (repeat: its result unfolded;
    roll without dims, stack: the flat or cat result viewed) when every input is an inference tensor outside
    inference mode: no autograd kernel runs then to keep that inner view from being recorded."""
    if INFERENCE_MODE[0] or not all(t._version_counter.inference for t in inputs) or not out.is_contiguous():
        return out  # (a channels-last result: left as it is)
    base = out._alias(tuple(base_shape), _contiguous_strides(tuple(base_shape)), 0)
    base._version_counter.value = version
    return make_view(base, out._shape, out._stride, 0, "ViewBackward0")


class EmbedBackward(Node):
    """The node of a view's gradient (SelectBackwardBackward0, ...), a class per name: its backward is the view
    again; it shows `given`, what the view's node saved (EMBED_SAVED[name] names them)."""
    __slots__ = ("view_fn", "given")

    def __init__(self, g, view_fn, given):
        Node.__init__(self, (edge_of(g),))
        self.view_fn, self.given = view_fn, given

    def backward(self, gg):
        return (self.view_fn(gg),)


EMBED_SAVED = {}
_EMBED_CLASSES = {}


def shown_given(names):
    """saved values read from node.given in order."""
    return {n: (lambda node, i=i: node.given[i]) for i, n in enumerate(names)}


def embed(g, shape, view_fn, name, given=None):
    """zeros(shape) with g written into view_fn(zeros) — the backward of select/slice, recordable (given: what
    its node shows; else the view's node gives it)."""
    z = np.zeros(shape, g.dtype.np)
    out = from_numpy(z, g.dtype)
    with autograd.no_grad():
        region = view_fn(out)
    region._np[...] = g._np
    if needs_grad(g):
        cls = _EMBED_CLASSES.get(name)
        if cls is None:
            cls = _EMBED_CLASSES[name] = type(name, (EmbedBackward,), {
                "__slots__": (), "name_": name, "saved_values": shown_given(EMBED_SAVED.get(name, ()))})
        attach(out, cls(g, view_fn, given))
    return out


class AsStridedBackward0(Node):
    """The grad_fn of a view whose base was modified in place (view replay is off, as in PyTorch); it saves the
    view's geometry as as_strided's arguments."""
    __slots__ = ("base_geometry", "view_geometry")
    name_ = "AsStridedBackward0"
    saved_values = {"size": lambda node: node.view_geometry[0], "stride": lambda node: node.view_geometry[1],
                    "storage_offset": lambda node: node.view_geometry[2]}

    def __init__(self, base_edge, base, view):
        Node.__init__(self, (base_edge,))
        self.base_geometry = (base._shape, base._stride, base._offset)
        self.view_geometry = (view._shape, view._stride, view._offset)

    def backward(self, g):
        return (as_strided_backward(g, self.base_geometry, self.view_geometry),)


def refresh_view_grad_fn(self):
    """A view whose base changed in place gets an AsStridedBackward0 onto the base's new history."""
    view = self._view
    base = view.base
    if view.grad_mode is IN_CUSTOM_FUNCTION and base.requires_grad:
        raise runtime(messages.custom_view_inplace(self._grad_fn, self._output_nr, True))
    if view.grad_mode is IN_MULTI_OUTPUT and (base.requires_grad or self._grad_fn is not None):
        raise runtime(messages.multi_view_inplace(self._grad_fn, self._output_nr, True))
    if not view.grad_mode and base.requires_grad:  # PyTorch refuses to guess this view's history
        text = messages.INFERENCE_VIEW_REBASED if view.grad_mode is IN_INFERENCE_MODE else \
            messages.NO_GRAD_VIEW_REBASED
        raise runtime(text.format(who=no_grad_view_origin(self)))
    undo.touch(self)
    if view.grad_mode and (base.requires_grad or self._grad_fn is not None):  # (a base detach_()ed since:
        old, self._grad_fn = self._grad_fn, AsStridedBackward0(autograd.edge_of(base), base, self) \
            if view.replay is None else _replayed_grad_fn(base, view.replay)  # PyTorch still regenerates)
        _move_own_retain_hook(old, self._grad_fn, self._output_nr)
        self._output_nr = 0
    self._view = ViewInfo(base, view.grad_mode, self._version_counter.value, view.replay)


def _replayed_grad_fn(base, replay):
    """The grad_fn of view_fn(base), replayed in grad mode (PyTorch's VariableHooks::grad_fn)."""
    previous, autograd._grad_enabled[0] = autograd._grad_enabled[0], True
    try:
        return replay_view(base, replay)._grad_fn
    finally:
        autograd._grad_enabled[0] = previous


def _move_own_retain_hook(old, new, nr):
    """A regenerated view keeps retain_grad() (PyTorch's update_tensor_hooks_on_new_gradfn): its own hook moves from
    its old grad_fn (output nr of it) to the new one."""
    if old is None or not old.retain_hooks:
        return
    if old.n_outputs == 1:
        move_retain_hooks(old, new)
        return
    mine = [h for h in old.retain_hooks if getattr(h, "nr", None) == nr]
    if mine:
        undo.touch_attrs(old, "retain_hooks")
        old.retain_hooks = [h for h in old.retain_hooks if h not in mine] or None
        new.retain_hooks = [mine[0].hook]


def empty_strided(geometry, dtype, fill=0):
    """A fresh tensor laid out like `geometry` (shape, strides; offset 0), as new_empty_strided gives."""
    shape, stride, _ = geometry
    extent = 0 if 0 in shape else 1 + builtins.sum((s - 1) * st for s, st in zip(shape, stride))  # (an empty
    buf = np.full(extent, fill, dtype.np)  # tensor's storage is empty, whatever its strides)
    out = from_numpy(buf, dtype)
    return out._alias(shape, stride, 0)


def as_strided_view(t, geometry):
    """A view of t's storage at `geometry` (offset relative to t): PyTorch's as_strided, recorded."""
    shape, stride, offset = geometry
    return make_view(t, shape, stride, t._offset + offset, "AsStridedBackward0",
                     ((t._shape, t._stride, t._offset), (tuple(shape), tuple(stride), t._offset + offset)),
                     saved=(tuple(shape), tuple(stride), t._offset + offset))


def relative_geometry(view_geometry, base_geometry):
    shape, stride, offset = view_geometry
    return shape, stride, offset - base_geometry[2]


def as_strided_backward(g, base_geometry, view_geometry):
    """Scatter the view's gradient into a zero tensor laid out like the base (overlaps accumulate); an empty base's
    is zeros outright (ATen's step 0: nothing recorded)."""
    if 0 in base_geometry[0]:
        return fresh(np.zeros(base_geometry[0], g.dtype.np), g.dtype)
    result = empty_strided(base_geometry, g.dtype)
    shape, stride, offset = relative_geometry(view_geometry, base_geometry)
    flat = np.full(shape, offset, dtype=np.int64)
    for d, (sz, st) in enumerate(zip(shape, stride)):
        flat = flat + (np.arange(sz) * st).reshape([-1 if k == d else 1 for k in range(len(shape))])
    lo = builtins.min(0, int(flat.min())) if flat.size else 0
    hi = builtins.max(result._storage.data.size, int(flat.max()) + 1 if flat.size else 0)  # (an empty view: zeros)
    # a view reaching outside its input's memory (as_strided's offset is the storage's: x[2:].as_strided(.., 1)):
    # ATen scatters into memory spanning both, then reads the input's part (the rest reaches no input)
    memory = result if lo == 0 and hi == result._storage.data.size else empty_strided(((hi - lo,), (1,), 0), g.dtype)
    if flat.size > 1 and np.unique(flat).size != flat.size:
        # an overlapping view (expanded, or as_strided over shared elements): a base element's gradient is the
        # sum of those of the view elements over it, added in the view's order (PyTorch's index_add_)
        np.add.at(memory._storage.data, flat - lo, g._np)
    else:
        as_strided_view(memory, (shape, stride, offset - lo)).copy_(g)
    if memory is not result:
        n = result._storage.data.size
        as_strided_view(result, ((n,), (1,), 0)).copy_(as_strided_view(memory, ((n,), (1,), -lo)))
    _share_among_base_copies(result, base_geometry)
    if g.requires_grad:  # (create_graph: ATen's last step, the storage seen through the base's geometry, recorded)
        result = as_strided_view(result, (result._shape, result._stride, 0))
    return result


def _share_among_base_copies(result, base_geometry):
    """Where the base itself repeats memory (an expanded base), PyTorch divides each element's gradient by how
    many places of the base show it, so that the base's own backward (summing the copies) counts it once."""
    shape, stride, _ = base_geometry
    if not builtins.any(st == 0 and n > 1 for n, st in zip(shape, stride)) and _non_overlapping_and_dense(result):
        return
    flat = np.zeros(shape, dtype=np.int64)
    for d, (n, st) in enumerate(zip(shape, stride)):
        flat = flat + (np.arange(n) * st).reshape([-1 if k == d else 1 for k in range(len(shape))])
    counts = np.bincount(flat.reshape(-1), minlength=result._storage.data.size)
    data = result._storage.data
    np.divide(data, counts.astype(data.dtype), out=data, where=counts > 1)


class CopySlices(Node):
    """The base's grad_fn after an in-place op on one of its views: the op's backward on the view's region."""
    __slots__ = ("fn", "base_geometry", "view_geometry", "replay")
    name_ = "CopySlices"
    qualified = True

    def __init__(self, base_edge, base, view, fn):
        Node.__init__(self, (base_edge,) + tuple(fn.next_functions[1:]))
        self.fn = fn
        self.base_geometry = (base._shape, base._stride, base._offset)
        self.view_geometry = (view._shape, view._stride, view._offset)
        self.replay = view._view.replay
        self.saved = (SavedTensor(None),)  # stands for fn itself: PyTorch's release drops it, even with nothing saved

    def saved_info(self):
        return self.saved if self.fn is None else self.fn.saved

    def release(self, released=None):
        """PyTorch's release_variables drops fn, and with it fn's edge to the view's grad_fn of before the write:
        a saved output of an in-place op on the view, read later, then names the node saving it (its weak grad_fn
        gone), unless the view itself still holds that grad_fn."""
        Node.release(self, released)
        if self.fn is not None:
            self.fn.release(released)
            autograd.note_dropped(self.fn, True)
            self.fn = None

    def _snapshot(self):
        return Node._snapshot(self), self.fn

    def _restore(self, snap):
        Node._restore(self, snap[0])
        if (self.fn is None) != (snap[1] is None):  # (undo gives fn back, redo drops it again)
            autograd.note_dropped(snap[1] or self.fn, snap[1] is None)
        self.fn = snap[1]

    def backward(self, g):
        # PyTorch's CopySlices::apply, written with engine ops so create_graph records it
        self.unpack()  # (a released CopySlices has no fn to call: backward through it a second time fails)
        result = empty_strided(self.base_geometry, g.dtype)
        result.copy_(g)
        grad_slice = as_strided_view(result, relative_geometry(self.view_geometry, self.base_geometry)) \
            if self.replay is None else replay_view(result, self.replay)
        needs = autograd._walk_needs[0]
        if needs is not None and self.fn.next_functions[0][0] is not None and self.next_functions[0][0] in needs:
            needs.add(self.fn.next_functions[0][0])  # (update_exec_info: fn's edge to the view stands for ours)
        outer, autograd._copy_slices[0] = autograd._copy_slices[0], self
        try:
            grads = self.fn.backward(grad_slice.clone())
        finally:
            autograd._copy_slices[0] = outer
        if grads[0] is None:
            grad_slice.zero_()
        else:
            grad_slice.copy_(grads[0])
        return (result,) + tuple(grads[1:])


def should_fold(t1, t2):
    """ATen's should_fold: the larger side (tensor2.mT when it is the larger) folds into a matrix for mm/mv when
    the other side is 1-D or 2-D, the other side requires grad, or folding needs no copy."""
    larger = t1.dim() >= t2.dim()
    big, small = (t1, t2) if larger else (t2, t1)
    if not (big.dim() >= 3 and small.dim() <= 2):
        return False
    if small.requires_grad:
        return True
    if t1.dim() == 2:
        return False
    if big.numel() == 0:
        return True
    shape, stride = list(big._shape), list(big._stride)
    if not larger:  # (tensor2.mT's geometry, without making the view)
        shape[-2:], stride[-2:] = shape[:-3:-1], stride[:-3:-1]
    return all(stride[i] == stride[i + 1] * shape[i + 1] for i in range(len(shape) - 2))

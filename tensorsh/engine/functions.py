"""Differentiable ops: each forward (numpy) beside its backward node, named as PyTorch names it."""
import builtins
import math
from weakref import ref as _weakref

import numpy as np

from . import autograd, dtypes, errors, kernels, layout, messages, multiview, nans, scalars, undo
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import runtime, index_error, type_error, value_error, warn, warn_once
from .storage import INFERENCE_MODE, LOG_CAP, Storage, VersionCounter, check_size, note_view, note_write
from .tensor import IN_MULTI_OUTPUT
from .tensor import (IN_CUSTOM_FUNCTION, IN_INFERENCE_MODE, Tensor, ViewInfo, _contiguous_strides, _shape_list,
                     no_grad_view_origin)

_wrap = Tensor._from_numpy
_new = Tensor._new
NONE_EDGE = (None, 0)


def _needs_grad(*xs):
    if not autograd._grad_enabled[0]:
        return False
    for x in xs:
        if isinstance(x, Tensor) and (x._requires_grad or x._grad_fn is not None or x._view is not None and x.requires_grad):
            return True
    return False


def _edge(x):
    return edge_of(x) if isinstance(x, Tensor) else NONE_EDGE


def _attach(out, node):
    out._grad_fn = node
    out._output_nr = 0
    if autograd.PENDING_PACKS:  # a saved-tensor hook sees the output with its grad_fn, as in PyTorch
        autograd.pack_pending()
    return out


def _bind(op, names, defaults, args, kwargs):
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


def _type_name(x):
    return "function" if callable(x) and not isinstance(x, type) else type(x).__name__


def tensor_params(*names):
    """Check that the named parameters (after self) are tensors, with PyTorch's argument-parser message."""
    def wrap(fn):
        op = fn.__name__.rstrip("_") if fn.__name__ not in ("copy_",) else fn.__name__

        def checked(self, *args, **kwargs):
            for pos, (name, value) in enumerate(zip(names, args), start=1):
                if not isinstance(value, Tensor):
                    raise type_error(f"{op}(): argument '{name}' (position {pos}) must be Tensor, not {_type_name(value)}")
            for name in names:
                if name in kwargs and not isinstance(kwargs[name], Tensor):
                    raise type_error(f"{op}(): argument '{name}' must be Tensor, not {_type_name(kwargs[name])}")
            return fn(self, *args, **kwargs)
        checked.__name__ = fn.__name__
        checked.__doc__ = fn.__doc__
        return checked
    return wrap


def check_dtype(op, dtype):
    if dtype is not None and not isinstance(dtype, dtypes.DType):
        raise type_error(f"{op}(): argument 'dtype' must be torch.dtype, not {_type_name(dtype)}")


def _zeros_like(t):
    """zeros_like: PyTorch's gradient where a value does not matter (+0., no history)."""
    return _new(np.zeros(t._shape, t.dtype.np), t.dtype)


def _as_tensor(x, dtype=None):
    if isinstance(x, Tensor):
        return x
    from .creation import tensor
    return tensor(x, dtype=dtype)


# ------------------------------------------------------------------ gradient helpers

def sum_to(grad, shape):
    """Reduce a broadcast gradient back to `shape` (PyTorch's at::sum_to)."""
    if grad._shape == tuple(shape):
        return grad
    lead = grad.dim() - len(shape)
    dims = list(range(lead)) + [lead + i for i, s in enumerate(shape) if s == 1 and grad._shape[lead + i] != 1]
    if dims:
        grad = grad.sum(dims, keepdim=True)
    if lead:
        grad = grad.view(tuple(shape))
    return grad


def _input_meta(a, b):
    return ((a._shape, a.dtype) if isinstance(a, Tensor) else None, (b._shape, b.dtype) if isinstance(b, Tensor) else None)


def _reduce_grad(grad, meta):
    """grad shaped and typed for an input with (shape, dtype) `meta` (None for Python scalars)."""
    if grad is None or meta is None:
        return None
    shape, dtype = meta
    if grad._shape == shape and grad.dtype is dtype:
        return grad
    g = sum_to(grad, shape)
    if g.dtype is not dtype:
        g = g.to(dtype)
    return g


# ------------------------------------------------------------------ elementwise unary

class _Unary(Node):
    __slots__ = ()

    def __init__(self, x, out):
        Node.__init__(self, (edge_of(x),))
        if self.saves == "self":
            self.saved = (SavedTensor(x),)
        elif self.saves == "result":
            self.saved = (SavedTensor(out, is_output=True),)


def _unary(name, np_fn, backward, saves="self", float_only=True):
    node_cls = type(name, (_Unary,), {"__slots__": (), "name_": name, "saves": saves, "float_only": float_only,
                                      "backward": lambda self, g: (backward(g, *self.unpack()),)})

    def op(self):
        x = self._np
        if float_only and self.dtype.category < 2:
            x = x.astype(np.float32)
        values = np_fn(x)  # (numpy keeps a dense input's layout; an expanded one's is TensorIterator's own)
        out = _wrap(values) if 0 not in self._stride else laid_out_like(values, dtypes.BY_NP[values.dtype], self)
        if _needs_grad(self):
            _attach(out, node_cls(self, out))
        return out
    op.node = node_cls
    return op


exp = _unary("ExpBackward0", kernels.exp, lambda g, r: g * r, "result")
log = _unary("LogBackward0", nans.with_pytorch_nans("log", kernels.via_double(np.log)), lambda g, x: g.div(x))
sin = _unary("SinBackward0", kernels.via_double(np.sin), lambda g, x: g * x.cos())
cos = _unary("CosBackward0", kernels.via_double(np.cos), lambda g, x: g * -x.sin())
class _BackwardOp(Node):
    """The node of a fused backward kernel (sigmoid_backward, ...): what create_graph records for it."""
    __slots__ = ("kind",)

    def __init__(self, kind, g, y):
        Node.__init__(self, (_edge(g), _edge(y)))
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
             lambda gg, g, y: (gg * (y > 0), None)),
}


def _backward_op(kind):
    def op(g, y):
        out = _new(np.asarray(_BACKWARD_OPS[kind][0](g, y)), g.dtype)
        if _needs_grad(g, y):
            _attach(out, _BackwardOp(kind, g, y))
        return out
    return op


tanh = _unary("TanhBackward0", kernels.tanh, _backward_op("tanh"), "result")
sigmoid = _unary("SigmoidBackward0", kernels.sigmoid, _backward_op("sigmoid"), "result")
sqrt = _unary("SqrtBackward0", nans.with_pytorch_nans("sqrt", np.sqrt), lambda g, r: g / (2 * r), "result")
def _refuse_bool(message, np_fn):
    """PyTorch's kernels that refuse bool tensors with a message of their own (the in-place twins too)."""
    def fn(x):
        if x.dtype == np.bool_:
            raise runtime(message)
        return np_fn(x)
    return fn


relu = _unary("ReluBackward0", _refuse_bool("Boolean inputs not supported for relu",
                                            lambda x: np.maximum(x, 0).astype(x.dtype)),
              _backward_op("relu"), "result", float_only=False)
abs_ = _unary("AbsBackward0", np.abs, lambda g, x: g * x.sign(), float_only=False)
neg = _unary("NegBackward0", _refuse_bool(messages.NEG_BOOL, np.negative), lambda g: -g, None, float_only=False)
log1p = _unary("Log1PBackward0", nans.with_pytorch_nans("log1p", kernels.via_double(np.log1p)), lambda g, x: g / (x + 1))
expm1 = _unary("Expm1Backward0", kernels.via_double(np.expm1), lambda g, r: g * (r + 1), "result")
reciprocal = _unary("ReciprocalBackward0", lambda x: np.reciprocal(x), lambda g, r: g * -(r * r), "result")
rsqrt = _unary("RsqrtBackward0", nans.with_pytorch_nans("rsqrt", lambda x: 1 / np.sqrt(x)), lambda g, r: g * -0.5 * r * r * r, "result")
sign = _unary("SignBackward0", lambda x: x.copy() if x.dtype == np.bool_ else np.sign(x), lambda g: _zeros_like(g), None, float_only=False)
tan = _unary("TanBackward0", kernels.via_double(np.tan), lambda g, r: g * (1 + r * r), "result")
sinh = _unary("SinhBackward0", kernels.sinh, lambda g, x: g * x.cosh())
cosh = _unary("CoshBackward0", kernels.cosh, lambda g, x: g * x.sinh())
atan = _unary("AtanBackward0", kernels.via_double(np.arctan), lambda g, x: g / (x * x + 1))
asin = _unary("AsinBackward0", nans.with_pytorch_nans("asin", kernels.via_double(np.arcsin)), lambda g, x: g * (-x * x + 1).rsqrt())
acos = _unary("AcosBackward0", nans.with_pytorch_nans("acos", kernels.via_double(np.arccos)), lambda g, x: g * -((-x * x + 1).rsqrt()))
exp2 = _unary("Exp2Backward0", kernels.exp2, lambda g, r: g * r * math.log(2), "result")
log2 = _unary("Log2Backward0", nans.with_pytorch_nans("log2", kernels.via_double(np.log2)), lambda g, x: g / (x * math.log(2)))
log10 = _unary("Log10Backward0", nans.with_pytorch_nans("log10", kernels.via_double(np.log10)), lambda g, x: g / (x * math.log(10)))


def _rounding(kernel, np_fn):
    """floor/ceil/round/trunc: an integer tensor comes back as a copy (PyTorch's kernel is the identity for
    integers); bool has no kernel."""
    def fn(x):
        if x.dtype == np.bool_:
            raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")
        return x.copy() if x.dtype.kind in "iu" else np_fn(x)
    return fn


floor = _unary("FloorBackward0", _rounding("floor_vml_cpu", np.floor), lambda g: _zeros_like(g), None, False)
ceil = _unary("CeilBackward0", _rounding("ceil_vml_cpu", np.ceil), lambda g: _zeros_like(g), None, False)
trunc = _unary("TruncBackward0", _rounding("trunc_vml_cpu", np.trunc), lambda g: _zeros_like(g), None, False)
_round_even = _unary("RoundBackward0", _rounding("round_vml_cpu", np.rint), lambda g: _zeros_like(g), None, False)


def _not_for_integers(kernel, x):
    if x.dtype.category < 2:
        raise errors.make("NotImplementedError",
                          f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")


def _frac_values(x):
    return x - np.trunc(x)  # PyTorch's frac kernel: a - trunc(a), in the tensor's dtype


_frac = _unary("FracBackward0", _frac_values, lambda g: g, None)


def frac(self):
    _not_for_integers("frac_cpu", self)
    return _frac(self)


def _decimals(decimals):
    if not isinstance(decimals, int) or isinstance(decimals, bool):
        raise type_error(f"round(): argument 'decimals' must be int, not {_type_name(decimals)}")
    return decimals


def _round_decimals_values(x, decimals):
    """PyTorch's round_decimals kernel, in the tensor's own dtype: nearbyint(x * 10^d) / 10^d, or for d < 0
    nearbyint(x / 10^-d) * 10^-d."""
    scale = x.dtype.type(10.0 ** abs(decimals))
    if decimals < 0:
        return np.rint(x / scale) * scale
    return np.rint(x * scale) / scale


class RoundBackward1(Node):
    __slots__ = ()
    name_ = "RoundBackward1"

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (_zeros_like(g),)


def rounded(self, *args, decimals=None):
    if args:
        raise type_error(f"round() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even(self)
    decimals = _decimals(decimals)
    _not_for_integers("round_cpu", self)
    out = _new(np.asarray(_round_decimals_values(self._np, decimals)), self.dtype)
    if _needs_grad(self):
        _attach(out, RoundBackward1(self))
    return out


def square(self):
    return pow_(self, 2)


def clamp(self, min=None, max=None):
    if min is None and max is None:
        raise runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        _check_broadcast_all(self, *[b for b in (min, max) if b is not None])
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
    out = _wrap(np.asarray(r, dtype=dt.np), dt)
    if isinstance(min, Tensor) or isinstance(max, Tensor):  # clamp.Tensor: ClampBackward0, an edge per operand
        if _needs_grad(self, min, max):
            _attach(out, ClampBackward0(self, min, max))
    elif _needs_grad(self):
        _attach(out, ClampBackward1(self, min, max))
    return out


class DivBackward1(Node):
    """tensor / number inside a backward formula (PyTorch's div.Scalar; Python's `t / 2` is DivBackward0)."""
    __slots__ = ("other",)
    name_ = "DivBackward1"

    def __init__(self, x, other):
        Node.__init__(self, (edge_of(x),))
        self.other = other

    def backward(self, g):
        return (_div_scalar(g, self.other),)


def _div_scalar(t, number):
    out = _new(np.asarray(t._np / t.dtype.np.type(number)), t.dtype)
    if _needs_grad(t):
        _attach(out, DivBackward1(t, number))
    return out


class ClampBackward1(Node):
    __slots__ = ("lo", "hi")
    name_ = "ClampBackward1"

    def __init__(self, x, lo, hi):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x),)
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
        Node.__init__(self, (_edge(x), _edge(lo), _edge(hi)))
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

def _operands(a, b, out_dtype=None):
    """a and b as numpy operands of their common dtype (out_dtype(common) when given: true division computes in
    float, so a Python number is converted to the float, never wrapped into an integer dtype first)."""
    dt = dtypes.result_type((a, b))
    if out_dtype is not None:
        dt = out_dtype(dt)
    an = a._np if isinstance(a, Tensor) else a
    bn = b._np if isinstance(b, Tensor) else b
    if isinstance(a, Tensor) and a.dtype is not dt:
        an = an.astype(dt.np)
    if isinstance(b, Tensor) and b.dtype is not dt:
        bn = bn.astype(dt.np)
    if not isinstance(a, Tensor):
        an = _scalar_in(dt, an)
    if not isinstance(b, Tensor):
        bn = _scalar_in(dt, bn)
    return an, bn, dt


def _scalar_in(dt, value):
    """A Python number as a value of dt; an integer out of an integer dtype's range wraps, as PyTorch's cast does
    (uint8 - (-2) adds 2)."""
    try:
        return dt.np.type(value)
    except OverflowError:
        return np.array(value).astype(dt.np)[()]


def _check_broadcast(a, b):
    sa = a._shape if isinstance(a, Tensor) else ()
    sb = b._shape if isinstance(b, Tensor) else ()
    if sa == sb or not sa or not sb:
        return
    for i in range(1, builtins.min(len(sa), len(sb)) + 1):
        x, y = sa[-i], sb[-i]
        if x != y and x != 1 and y != 1:
            raise runtime(messages.BROADCAST.format(a=x, b=y, d=builtins.max(len(sa), len(sb)) - i))


class _Shaped:
    """A shape where a tensor is expected by a shape check."""
    def __init__(self, shape):
        self._shape = shape


def _check_broadcast_all(*operands):
    """TensorIterator's compute_shape over several inputs: each broadcast against the shape so far ("tensor a")."""
    shape = ()
    for t in operands:
        s = t._shape if isinstance(t, (Tensor, _Shaped)) else ()
        for i in range(1, builtins.min(len(shape), len(s)) + 1):
            x, y = shape[-i], s[-i]
            if x != y and x != 1 and y != 1:
                raise runtime(messages.BROADCAST.format(a=x, b=y, d=builtins.max(len(shape), len(s)) - i))
        shape = np.broadcast_shapes(shape, s)


def _check_result_size(an, bn, dt):
    """Refuse a broadcast whose result would pass the memory limit, before numpy allocates it."""
    sa = getattr(an, "shape", ())
    sb = getattr(bn, "shape", ())
    if sa != sb and sa and sb:
        n = 1
        for s in np.broadcast_shapes(sa, sb):
            n *= s
        check_size(n * dt.itemsize)


def _binary(a, b, np_fn, node_cls, out_dtype=None):
    ta = isinstance(a, Tensor)
    if ta and (out_dtype is None or out_dtype is _true_div_dtype and a.dtype.category == 2) and a._np.flags.c_contiguous:
        # hot paths: float tensor with a Python float/int, or two tensors of one dtype and shape
        tb = type(b)
        if tb is not Tensor and isinstance(b, Tensor):
            tb = Tensor  # a Parameter takes the tensors' path
        if (tb is float or tb is int) and a.dtype.category == 2 and (1 not in a._shape or a.dim() < 2 or
                                                                     a._stride == _contiguous_strides(a._shape)):
            # (a size-1 dim's stride can still order TensorIterator's dims: the general path then)
            out = _new(np_fn(a._np, b), a.dtype)
        elif tb is Tensor and b.dtype is a.dtype and b._shape == a._shape:
            out = _new(np_fn(a._np, b._np), a.dtype)
        else:
            out = None
        if out is not None:
            if node_cls is not None and autograd._grad_enabled[0] and (a.requires_grad or tb is Tensor and b.requires_grad):
                _attach(out, node_cls(a, b, out))
            return out
    if not ta and not isinstance(b, Tensor):
        raise type_error("expected a Tensor")
    if node_cls is not None and _needs_grad(a, b):
        _collect_edges(a, b)
    _check_broadcast(a, b)
    an, bn, dt = _operands(a, b, out_dtype)
    _check_result_size(an, bn, dt)
    shape = np.broadcast_shapes(np.shape(an), np.shape(bn))
    if np_fn in _EXACT_ARITHMETIC and _constant(an) and _constant(bn) and len(shape) and np.shape(an) == shape:
        # an expanded scalar (the gradient of a sum) with a scalar: one value, computed once
        value = np_fn(an.flat[0], bn.flat[0] if isinstance(bn, np.ndarray) else bn)
        result = np.full(shape, value, dt.np)
    elif isinstance(np_fn, np.ufunc):
        result = np_fn(an, bn, out=layout.iter_output(shape, dt, (a, b)))
    else:
        result = np.asarray(np_fn(an, bn), order="C")  # (np.ascontiguousarray would make a 0-dim one 1-dim)
    out = layout.wrap(result, dt) if shape else _wrap(np.asarray(result), dt)
    if node_cls is not None and _needs_grad(a, b):
        _attach(out, node_cls(a, b, out))
    return out


_EXACT_ARITHMETIC = (np.add, np.subtract, np.multiply, np.divide)  # one IEEE rounding, scalar or vectorized


def _constant(x):
    """A scalar, or an array whose every element is the same one (all strides 0)."""
    return not isinstance(x, np.ndarray) or x.ndim == 0 or (x.size > 0 and not any(x.strides))


def _collect_edges(*xs):
    """PyTorch builds a node's edges before running the kernel, so a view's grad_fn errors come first."""
    for x in xs:
        if isinstance(x, Tensor) and x._view is not None:
            x.grad_fn


def edges_first(fn):
    """The method fn, with its tensors' autograd edges collected before it checks anything (as PyTorch's autograd
    wrapper builds the node before the kernel runs, so a stale no-grad view's error comes first)."""
    def op(self, *args, **kwargs):
        if autograd._grad_enabled[0]:
            tensors = [t for t in (self, *args, *kwargs.values()) if isinstance(t, Tensor)]
            if _needs_grad(*tensors):
                _collect_edges(*tensors)
        return fn(self, *args, **kwargs)
    op.__name__, op.__doc__, op.__wrapped__ = fn.__name__, fn.__doc__, fn
    return op


def laid_out_like(values, dt, *operands):
    """An elementwise result holding `values`, laid out as PyTorch's TensorIterator lays it out (layout.py)."""
    out = layout.iter_output(np.shape(values), dt, [t for t in operands if isinstance(t, Tensor)])
    out[...] = values
    return layout.wrap(out, dt)


class _BinaryNode(Node):
    """Two-input nodes: `grads` gives raw gradients, reduced here to each input's shape and dtype."""
    __slots__ = ("meta",)
    number_edges = 2  # 1: PyTorch's overload for a Python number takes it as a Scalar, no edge (remainder.Scalar)

    def __init__(self, a, b, out):
        if isinstance(b, Tensor):
            edges = (_edge(a), edge_of(b))
            self.meta = _input_meta(a, b)
        else:  # tensor op Python scalar: the common case, kept lean
            edges = (edge_of(a), NONE_EDGE)
            self.meta = ((a._shape, a.dtype), None)
        if self.number_edges == 1 and not (isinstance(a, Tensor) and isinstance(b, Tensor)):
            self.kept = 0 if isinstance(a, Tensor) else 1
            edges = (edges[self.kept],)
        Node.__init__(self, edges)
        self.setup(a, b, out)

    def backward(self, g):
        ga, gb = self.grads(g)
        ma, mb = self.meta
        if len(self.next_functions) == 1:
            return (_reduce_grad(ga, ma) if self.kept == 0 else _reduce_grad(gb, mb),)
        return _reduce_grad(ga, ma), _reduce_grad(gb, mb)

    def setup(self, a, b, out):
        pass

    def wants(self, i):
        if len(self.next_functions) == 1:
            return i == self.kept and self.next_functions[0][0] is not None
        return self.next_functions[i][0] is not None


class AddBackward0(_BinaryNode):
    __slots__ = ("alpha",)
    name_ = "AddBackward0"

    def setup(self, a, b, out):
        self.alpha = 1

    def grads(self, g):
        a_g = g if self.wants(0) else None
        b_g = (g if self.alpha == 1 else g * self.alpha) if self.wants(1) else None
        return a_g, b_g


class SubBackward0(AddBackward0):
    __slots__ = ()
    name_ = "SubBackward0"

    def grads(self, g):
        return (g if self.wants(0) else None), (-g if self.alpha == 1 else g * -self.alpha) if self.wants(1) else None


class RsubBackward1(Node):
    """scalar - tensor"""
    __slots__ = ()
    name_ = "RsubBackward1"

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(b),))

    def backward(self, g):
        return (-g,)


class MulBackward0(_BinaryNode):
    __slots__ = ()
    name_ = "MulBackward0"

    def setup(self, a, b, out):
        # PyTorch saves each operand only when the other one needs its gradient
        nf = self.next_functions
        self.saved = (SavedTensor(b) if nf[0][0] is not None else NOTHING_SAVED,
                      SavedTensor(a) if nf[1][0] is not None else NOTHING_SAVED)

    def grads(self, g):
        other, me = self.unpack()
        return (g * other if self.wants(0) else None), (g * me if self.wants(1) else None)


class DivBackward0(_BinaryNode):
    __slots__ = ()
    name_ = "DivBackward0"

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
    name_ = "PowBackward0"

    def __init__(self, a, b, out):
        Node.__init__(self, (edge_of(a),))
        self.saved = (SavedTensor(a),)
        self.exponent = b

    def backward(self, g):
        x, = self.unpack()
        e = self.exponent
        if e == 0:
            return (_zeros_like(g),)
        return (g * (e * x.pow(e - 1)),)


class PowBackward1(_BinaryNode):
    """tensor ** tensor"""
    __slots__ = ()
    name_ = "PowBackward1"

    def setup(self, a, b, out):
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
    name_ = "PowBackward2"

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
    return (alpha != 1 and type(self) is Tensor and type(other) is Tensor and self.dtype is other.dtype
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
        return _binary(self, other, lambda a, b: kernels.fma(b, scale, a), _alpha_node(AddBackward0, alpha))
    if alpha != 1:
        other = other * alpha
    return _binary(self, other, np.add, AddBackward0)


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
        return _binary(self, other, lambda a, b: kernels.fma(b, scale, a), _alpha_node(SubBackward0, alpha))
    if alpha != 1:
        other = other * alpha
    return _binary(self, other, np.subtract, SubBackward0)


def rsub(self, other):
    _check_sub(other, self)
    if isinstance(other, Tensor):
        return sub(other, self)
    return _binary(other, self, np.subtract, RsubBackward1)


def mul(self, other):
    return _binary(self, other, np.multiply, MulBackward0)


def _true_div_dtype(dt):
    return dt if dt.category == 2 else dtypes.DEFAULT_FLOAT


def div(self, other, rounding_mode=None):
    if rounding_mode == "floor":
        return _binary(self, other, np.floor_divide, DivBackward2)
    if rounding_mode == "trunc":
        return _binary(self, other, lambda a, b: np.trunc(a / b).astype(np.result_type(a, b)), DivBackward2)
    return _binary(self, other, np.true_divide, DivBackward0, out_dtype=_true_div_dtype)


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


def pow_(self, exponent):
    if isinstance(exponent, Tensor):
        integers = self.dtype.category < 2 and exponent.dtype.category < 2
        return _binary(self, exponent, _int_power if integers else np.power, PowBackward1)
    x = self._np
    if self.dtype.category < 2 and type(exponent) is int and exponent < 0:  # (checked before any kernel: empty too)
        raise runtime("Integers to negative integer powers are not allowed.")
    if self.dtype.category < 2 and isinstance(exponent, float):
        x = x.astype(np.float32)
    dt = dtypes.result_type((self, exponent))
    x = x.astype(dt.np, copy=False)
    if dt.category == 2 and not isinstance(exponent, bool):
        out = _wrap(np.asarray(kernels.pow_scalar(x, exponent)), dt)
    else:
        out = _wrap(np.power(x, dt.np.type(exponent)), dt)
    if _needs_grad(self):
        _attach(out, PowBackward0(self, exponent, out))
    return out


def rpow(self, base):
    dt = dtypes.result_type((base, self))
    power = _int_power if dt.category < 2 else np.power  # (an integer to a negative power: powi's 0, 1 or -1)
    out = _wrap(np.asarray(power(dt.np.type(base), self._np.astype(dt.np, copy=False))), dt)
    if _needs_grad(self):
        _attach(out, PowBackward2(base, self, out))
    return out


def _check_integer_division(a, b):
    """Integer // and % by zero: PyTorch's kernels raise (floats give inf and nan)."""
    if dtypes.result_type((a, b)).category < 2 and not np.all(_np_of(b)):
        raise runtime("ZeroDivisionError")


def floor_divide(self, other):
    _check_integer_division(self, other)
    return _binary(self, other, np.floor_divide, NotImplementedBackward)


def _np_remainder(a, b):
    """PyTorch's remainder: floor-mod for integers; for floats fmod, then + b where the signs differ (so
    -2.0 % 1 is -0.0, as PyTorch prints it, where numpy's mod gives 0.0)."""
    if np.result_type(a, b).kind != "f":
        return np.mod(a, b)
    m = np.fmod(a, b)
    return np.where((m != 0) & ((np.less(b, 0)) != (m < 0)), m + b, m)


def remainder(self, other):
    _check_integer_division(self, other)
    return _binary(self, other, _np_remainder, RemainderBackward0)


def _rfloordiv(self, other):
    _check_integer_division(other, self)
    return _binary(other, self, np.floor_divide, NotImplementedBackward)


def _rmod(self, other):
    _check_integer_division(other, self)
    return _binary(other, self, _np_remainder, _RemainderNotImplemented)


def _compare(np_fn):
    def op(self, other):
        _check_broadcast(self, other)
        an, bn, _ = _operands(self, other)
        return _wrap(np.asarray(np_fn(an, bn)), dtypes.bool_)
    return op


eq, ne, lt, le, gt, ge = (_compare(f) for f in (np.equal, np.not_equal, np.less, np.less_equal, np.greater,
                                               np.greater_equal))


def _logical_operand(name, other):
    if type(other) is not Tensor:
        raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {_type_name(other)}")


def logical_and(self, other):
    _logical_operand("logical_and", other)
    return _wrap(np.logical_and(self._np, _np_of(other)), dtypes.bool_)


def logical_or(self, other):
    _logical_operand("logical_or", other)
    return _wrap(np.logical_or(self._np, _np_of(other)), dtypes.bool_)


def _any_all(np_fn):
    def op(self, dim=None, keepdim=False):
        dt = dtypes.uint8 if self.dtype is dtypes.uint8 else dtypes.bool_  # (uint8 in, uint8 out: PyTorch's legacy)
        if dim is None:
            return _wrap(np.asarray(np_fn(self._np)).astype(dt.np), dt)
        axes = _dims(self, dim)  # an int or a tuple of them, as PyTorch's any.dims
        return _wrap(np.asarray(np_fn(self._np, axis=axes, keepdims=keepdim)).astype(dt.np), dt)
    return op


any_, all_ = _any_all(np.any), _any_all(np.all)


def logical_not(self):
    return _wrap(np.logical_not(self._np), dtypes.bool_)


def bitwise_not(self):
    if self.dtype.category == 2:
        raise type_error("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return _wrap(np.invert(self._np), self.dtype)


def _bitwise(name, np_fn):
    """&, |, ^ on bool and integer tensors (bitwise_and_cpu, ...), and their in-place forms."""
    def values(self, other):
        _check_broadcast(self, other)
        an, bn, dt = _operands(self, other)
        if dt.category == 2:
            raise errors.make("NotImplementedError", f"\"{name}_cpu\" not implemented for "
                                                     f"'{dtypes.SCALAR_NAMES[dt.name]}'")
        return np.asarray(np_fn(an, bn), dtype=dt.np), dt

    def op(self, other):
        if type(other) not in (Tensor, bool, int, float):
            return NotImplemented
        r, dt = values(self, other)
        return _wrap(r, dt)

    def op_(self, other):
        if type(other) not in (Tensor, bool, int, float):
            return NotImplemented
        _precheck(self, other)
        if type(other) is float or type(other) is Tensor and other.dtype.category == 2:  # (the cast check comes
            _check_broadcast(self, other)                                                 # before the kernel's)
            _check_fits_output(self, other)
            _cast_for_inplace(self, dtypes.result_type((self, other)))
        r, dt = values(self, other)
        _check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        _cast_for_inplace(self, dt)

        def write(arr):
            arr[...] = r
        return _inplace(self, write, None)
    return op, op_


bitwise_and, bitwise_and_ = _bitwise("bitwise_and", np.bitwise_and)
bitwise_or, bitwise_or_ = _bitwise("bitwise_or", np.bitwise_or)
bitwise_xor, bitwise_xor_ = _bitwise("bitwise_xor", np.bitwise_xor)


class _IdentityGradNode(Node):
    """x %= y: the gradient passes to x unchanged (RemainderBackward0's formula for self)."""
    __slots__ = ()

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
        _precheck(self, other)
        _check_fits_output(self, other)
        _cast_for_inplace(self, values.dtype)

        def make():
            if node_name == "NotImplemented":
                return NotImplementedBackward(self, other, None)
            return _IdentityGradNode(node_name + ("1" if type(other) is Tensor else "0"), self)

        def write(arr):
            arr[...] = values._np
        return _inplace(self, write, make if self.dtype.category == 2 else None)
    return op


def _np_of(x):
    return x._np if isinstance(x, Tensor) else x


class MaximumBackward0(_BinaryNode):
    """maximum/minimum: the gradient goes to the larger (smaller) operand, halved between equal ones."""
    __slots__ = ()
    name_ = "MaximumBackward0"
    loses = staticmethod(lt)

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        shared = where(a == b, g / 2, g)
        return (shared.masked_fill(self.loses(a, b), 0) if self.wants(0) else None,
                shared.masked_fill(self.loses(b, a), 0) if self.wants(1) else None)


class MinimumBackward0(MaximumBackward0):
    __slots__ = ()
    name_ = "MinimumBackward0"
    loses = staticmethod(gt)


class RemainderBackward0(_BinaryNode):
    """x % y: x's gradient passes unchanged, y's is -g * floor(x / y) (RemainderBackward1: y a tensor)."""
    __slots__ = ()
    name_ = "RemainderBackward0"
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


class DivBackward2(_BinaryNode):
    """div with a rounding mode: a gradient of zeros to both operands."""
    __slots__ = ()
    name_ = "DivBackward2"

    def grads(self, g):
        return (g * 0 if self.wants(0) else None), (g * 0 if self.wants(1) else None)


class NotImplementedBackward(_BinaryNode):
    """floor_divide, number % tensor: PyTorch records a node that refuses to run."""
    __slots__ = ()
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented, its repr is not)
    number_edges = 1
    op = "floor_divide"

    def grads(self, g):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


class _RemainderNotImplemented(NotImplementedBackward):
    __slots__ = ()
    op = "remainder"


def maximum(self, other):
    return _binary(self, other, np.maximum, MaximumBackward0)


def minimum(self, other):
    return _binary(self, other, np.minimum, MinimumBackward0)


def where(condition, input, other):
    if not isinstance(condition, Tensor):
        raise type_error(f"where(): argument 'condition' (position 1) must be Tensor, not {_type_name(condition)}")
    if condition.dtype is not dtypes.bool_ and condition.dtype is not dtypes.uint8:  # the kernel's own check
        raise runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                      f"{dtypes.SCALAR_NAMES[condition.dtype.name]}")
    _check_broadcast_all(condition, input, other)
    c = condition._np
    dt = dtypes.result_type((input, other))
    a = _np_of(input)
    b = _np_of(other)
    values = np.where(c, np.asarray(a, dtype=dt.np), np.asarray(b, dtype=dt.np))
    out = layout.iter_output(values.shape, dt, (condition, input, other))
    out[...] = values
    out = layout.wrap(out, dt)
    if _needs_grad(input, other):
        _attach(out, WhereBackward0(condition, input, other))
    return out


class WhereBackward0(Node):
    __slots__ = ("shapes",)
    name_ = "WhereBackward0"

    def __init__(self, cond, a, b):
        Node.__init__(self, (_edge(a), _edge(b)))
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
    return _wrap(np.isclose(a._np, _np_of(b), rtol=rtol, atol=atol, equal_nan=equal_nan), dtypes.bool_)


# ------------------------------------------------------------------ reductions

def _dims(self, dim):
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


def sum(self, dim=None, keepdim=False, dtype=None, axis=None):
    dim = axis if axis is not None else dim  # numpy's spelling, which PyTorch accepts
    dt = _reduction_dtype(self, dtype)
    dims = _dims(self, dim)
    if dims == ():
        dims = None  # sum(dim=[]) reduces everything, as PyTorch does
    out = _new(np.asarray(_sum_np(self._np, dims, keepdim, dt)), dt)
    if _needs_grad(self):
        node = SumBackward0(self) if dim is None else SumBackward1(self, dims, keepdim)
        _attach(out, node)
    return out


class SumBackward0(Node):
    __slots__ = ("shape",)
    name_ = "SumBackward0"

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))
        self.shape = x._shape

    def backward(self, g):
        if not g._shape and not autograd._grad_enabled[0]:  # the usual case: a scalar spread, no graph kept
            return (g._alias(self.shape, (0,) * len(self.shape), g._offset),)
        return (g.expand(self.shape),)


class SumBackward1(Node):
    __slots__ = ("shape", "dims", "keepdim")
    name_ = "SumBackward1"

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
    dims = _dims(self, dim)
    x = self._np.astype(dt.np, copy=False)
    count = 1
    for d in (dims if dims is not None else range(self.dim())):
        count *= self._shape[d]
    # PyTorch's CPU mean is its sum divided by the count, in the result's dtype
    r = np.divide(_sum_np(x, dims, keepdim, dt), dt.np.type(count) if count else dt.np.type("nan"))
    out = _wrap(np.asarray(r, dtype=dt.np), dt)
    if _needs_grad(self):
        node = MeanBackward0(self) if dim is None else MeanBackward1(self, dims, keepdim)
        _attach(out, node)
    return out


class MeanBackward0(SumBackward0):
    __slots__ = ("numel",)
    name_ = "MeanBackward0"

    def __init__(self, x):
        SumBackward0.__init__(self, x)
        self.numel = x.numel()

    def backward(self, g):
        return (_div_scalar(g.expand(self.shape), self.numel),)


class MeanBackward1(SumBackward1):
    __slots__ = ("count",)
    name_ = "MeanBackward1"

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
            out = _wrap(np.asarray(np_fn(self._np)), self.dtype)
            if _needs_grad(self):
                _attach(out, _ExtremeAll(kind, self, out))
            return out
        d = self._wrap_dim(dim)
        if self._shape and self._shape[d] == 0:
            raise index_error(f"{kind}(): Expected reduction dim {d} to have non-zero size.")
        if not self._shape:
            values = self * 1 if _needs_grad(self) else _wrap(self._np.copy(), self.dtype)
            r = ReturnTypes((values, _wrap(np.zeros((), np.int64), dtypes.int64)))
            r.kind = kind
            return r
        idx = np.asarray(arg_fn(self._np, axis=d))
        vals = np.take_along_axis(self._np, np.expand_dims(idx, d), axis=d)
        if not keepdim:
            vals = np.squeeze(vals, d)
        else:
            idx = np.expand_dims(idx, d)
        values = _wrap(np.asarray(vals), self.dtype)
        indices = _wrap(idx.astype(np.int64), dtypes.int64)
        if _needs_grad(self):
            _attach(values, _ExtremeDim(kind, self, d, keepdim, indices))
        r = ReturnTypes((values, indices))
        r.kind = kind
        return r
    return op


class _ExtremeAll(Node):
    __slots__ = ()

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
    __slots__ = ()
    name_ = "MaskedFillBackward1"

    def __init__(self, mask, value):
        Node.__init__(self, (NONE_EDGE, edge_of(value)))
        self.saved = (SavedTensor(mask),)

    def backward(self, g):
        mask, = self.unpack()
        return None, where(mask, g, 0.0).sum()


def _masked_fill_zeros(mask, value):
    out = _new(np.where(mask._np, value._np, value.dtype.np.type(0)).astype(value.dtype.np), value.dtype)
    if _needs_grad(value):
        _attach(out, MaskedFillBackward1(mask, value))
    return out


def isnan(self):
    return _new(np.isnan(self._np), dtypes.bool_)


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
    name_ = "ScatterBackward0"

    def __init__(self, src, dim, index):
        Node.__init__(self, (edge_of(src),))
        self.dim = dim
        self.saved = (SavedTensor(index),)

    def backward(self, g):
        index, = self.unpack()
        return (_new(np.take_along_axis(g._np, index._np, axis=self.dim), g.dtype),)


def _scatter_into_zeros(shape, dim, index, src):
    """The backward of max/min along a dim, recordable for create_graph (PyTorch uses scatter too)."""
    z = np.zeros(shape, src.dtype.np)
    np.put_along_axis(z, index._np, src._np, axis=dim)
    out = _wrap(z, src.dtype)
    if _needs_grad(src):
        _attach(out, ScatterBackward0(src, dim, index))
    return out


max = _extreme("max", np.max, np.argmax)
min = _extreme("min", np.min, np.argmin)


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
        return _wrap(np.asarray(np.argmax(self._np), dtype=np.int64), dtypes.int64)
    with autograd.no_grad():  # (not differentiable: PyTorch never looks at self's grad_fn)
        return max(self, dim, keepdim)[1]


def argmin(self, dim=None, keepdim=False):
    _arg_extreme_check("argmin", self, dim)
    if dim is None:
        return _wrap(np.asarray(np.argmin(self._np), dtype=np.int64), dtypes.int64)
    with autograd.no_grad():
        return min(self, dim, keepdim)[1]


class VarBackward0(Node):
    """var (VarBackward0) and std (StdBackward0): PyTorch's var_backward, std's through grad / (2 std)."""
    __slots__ = ("dims", "correction", "keepdim")
    name_ = "VarBackward0"
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
    __slots__ = ()
    name_ = "StdBackward0"
    take_sqrt = True


def _var_std(self, dim, unbiased, keepdim, correction, node_cls):
    name = "std" if node_cls.take_sqrt else "var"
    if self.dtype.category < 2:
        raise runtime("std and var only support floating point and complex dtypes")
    if correction is None:
        correction = 1 if unbiased else 0
    dims = _dims(self, dim)
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
    out = _new(np.asarray(r, self.dtype.np), self.dtype)
    if _needs_grad(self):
        _attach(out, node_cls(self, out, dims, correction, keepdim))
    return out


def var(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return _var_std(self, dim, unbiased, keepdim, correction, VarBackward0)


def std(self, dim=None, unbiased=True, keepdim=False, *, correction=None):
    return _var_std(self, dim, unbiased, keepdim, correction, StdBackward0)


class CumsumBackward0(Node):
    __slots__ = ("dim",)
    name_ = "CumsumBackward0"

    def __init__(self, x, dim):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim

    def backward(self, g):
        if g.numel() <= 1 or g._shape[self.dim] == 1:
            return (g,)
        return (_new(np.flip(_cumsum_np(np.flip(g._np, self.dim), self.dim, g.dtype), self.dim).copy(), g.dtype),)


def _cumsum_np(x, axis, dt):
    """PyTorch's CPU cumsum: running sums in double (float types) or int64, each rounded to dt as it is stored."""
    acc = np.float64 if dt.category == 2 else np.int64
    return np.cumsum(x.astype(acc), axis=axis).astype(dt.np)


def cumsum(self, *args, **kwargs):
    dim, dtype = _bind("cumsum", ("dim", "dtype"), (None, None), args, kwargs)
    if dim is None:
        raise type_error('cumsum() missing 1 required positional arguments: "dim"')
    if not isinstance(dim, int) or isinstance(dim, bool):
        where = " (position 1)" if args else ""
        raise type_error(f"cumsum(): argument 'dim'{where} must be int, not {type(dim).__name__}")
    check_dtype("cumsum", dtype)
    d = self._wrap_dim(dim)
    dt = dtype or (dtypes.int64 if self.dtype.category < 2 else self.dtype)
    out = _new(np.array(_cumsum_np(self._np.reshape(self._shape or (1,)), d, dt).reshape(self._shape), order="C"), dt)
    if _needs_grad(self):
        _attach(out, CumsumBackward0(self, d))
    return out


class ProdBackward0(Node):
    """prod() (ProdBackward0) and prod(dim) (ProdBackward1): PyTorch's prod_backward, with its zero-safe path."""
    __slots__ = ("dim", "keepdim")
    name_ = "ProdBackward0"

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
            return (_zeros_like(x),)  # PyTorch's shortcut: every product of the others has a zero (+0., not -0.)
        if autograd.is_grad_enabled():  # create_graph: the gradient is recorded, op by op
            if self.dim is None:
                return (_prod_zeros_recorded(g, x.contiguous().view(-1), 0).view_as(x),)
            return (_prod_zeros_recorded(g, x, self.dim),)
        return (_new(_prod_safe_zeros_backward(g._np, x._np, self.dim), x.dtype),)


class ProdBackward1(ProdBackward0):
    __slots__ = ()
    name_ = "ProdBackward1"


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
    one = _zeros_like(x.narrow(dim, 0, 1)) + 1
    before, after = [one], [one]
    for i in range(1, n):
        before.append(before[-1] * x.narrow(dim, i - 1, 1))
        after.append(after[-1] * x.narrow(dim, n - i, 1))
    return g * (cat(before, dim) * cat(after[::-1], dim))


_PROD_FORMS = " * (*, torch.dtype dtype = None)\n * (int dim, bool keepdim = False, *, torch.dtype dtype = None)\n"


def prod(self, *args, **kwargs):
    dim, keepdim, dtype = _bind("prod", ("dim", "keepdim", "dtype"), (None, False, None), args, kwargs)
    if dim is not None and (not isinstance(dim, int) or isinstance(dim, bool)):
        got = type(dim).__name__ if args else f"dim={type(dim).__name__}, "
        raise type_error(f"prod() received an invalid combination of arguments - got ({got}), but expected one "
                         f"of:\n{_PROD_FORMS}")
    dt = _reduction_dtype(self, dtype)
    dims = _dims(self, dim)
    r = kernels.prod(self._np.astype(dt.np, copy=False), dims[0] if dims else None, keepdim)
    if r is None:
        r = np.prod(self._np, axis=dims, keepdims=keepdim, dtype=dt.np)
    out = _wrap(np.asarray(r), dt)
    if _needs_grad(self):
        if dim is None:
            _attach(out, ProdBackward0(self, out))
        else:
            _attach(out, ProdBackward1(self, out, dims[0] if dims else None, keepdim))
    return out


_FLOAT_KERNEL_DTYPES = (dtypes.float32, dtypes.float64)  # float16 reduces in float32 in PyTorch: not these kernels


class LinalgVectorNormBackward0(Node):
    """PyTorch's norm_backward for the orders it defines: 1, 2, inf, and the general p."""
    __slots__ = ("p", "dims", "keepdim")
    name_ = "LinalgVectorNormBackward0"

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
    dims = _dims(self, dim)
    with autograd.no_grad():
        if self.dtype is dtypes.float16:  # (PyTorch reduces half in float, rounding the result once)
            out = to(norm(to(self, dtypes.float32), p, dim, keepdim), dtypes.float16)
        elif p == 0:  # the count of non-zero entries
            nonzero = _new(np.asarray(self._np != 0).astype(self.dtype.np), self.dtype)
            out = nonzero.sum(dims, keepdim) if dims is not None else \
                nonzero.sum(tuple(range(self.dim())), keepdim) if keepdim and self.dim() else nonzero.sum()
        elif p == 2 and self.dtype in _FLOAT_KERNEL_DTYPES and dims == (self.dim() - 1,):
            values = kernels.norm2_rows(self._np)
            out = _new(values.reshape(self._shape[:-1] + ((1,) if keepdim else ())), self.dtype)
        elif p == 2 and self.dtype in _FLOAT_KERNEL_DTYPES and dims is None:
            out = _new(kernels.norm2_rows(self._np.reshape(1, -1)).reshape((1,) * self.dim() if keepdim else ()),
                       self.dtype)
        elif math.isinf(p):
            out = self.abs()
            for d in sorted(dims if dims is not None else range(self.dim()), reverse=True):
                out = (out.max(d, keepdim) if p > 0 else out.min(d, keepdim))[0]
        elif self.dtype in _FLOAT_KERNEL_DTYPES:
            out = _new(kernels.norm_sequential(self._np, p, dims, keepdim), self.dtype)
        else:
            a = self.abs() ** p
            out = (a.sum(dims, keepdim) if dims is not None else a.sum()) ** (1.0 / p)
    if _needs_grad(self):
        _attach(out, LinalgVectorNormBackward0(self, out, p, dims, keepdim))
    return out


# ------------------------------------------------------------------ matrix products

class MmBackward0(Node):
    __slots__ = ()
    name_ = "MmBackward0"

    def __init__(self, a, b):
        Node.__init__(self, (edge_of(a), edge_of(b)))
        # saved (and unpacked) in the order of PyTorch's formulas: the second operand first
        self.saved = (SavedTensor(b) if self.next_functions[0][0] else NOTHING_SAVED,
                      SavedTensor(a) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        b, a = self.unpack()
        if not autograd._grad_enabled[0]:  # no graph to record: the same products, straight on the arrays
            gn, dt = g._np, g.dtype
            return (_new(_matmul_np(gn, b._np.T), dt) if self.next_functions[0][0] else None,
                    _new(_matmul_np(a._np.T, gn), dt) if self.next_functions[1][0] else None)
        return (g.mm(b.t()) if self.next_functions[0][0] else None,
                a.t().mm(g) if self.next_functions[1][0] else None)


class BmmBackward0(MmBackward0):
    __slots__ = ()
    name_ = "BmmBackward0"

    def backward(self, g):
        b, a = self.unpack()
        return (g.bmm(b.transpose(1, 2)) if self.next_functions[0][0] else None,
                a.transpose(1, 2).bmm(g) if self.next_functions[1][0] else None)


class DotBackward0(MmBackward0):
    __slots__ = ()
    name_ = "DotBackward0"

    def backward(self, g):
        b, a = self.unpack()
        return (g * b if self.next_functions[0][0] else None, g * a if self.next_functions[1][0] else None)


class MvBackward0(MmBackward0):
    __slots__ = ()
    name_ = "MvBackward0"

    def backward(self, g):
        b, a = self.unpack()
        return (g.unsqueeze(1) * b if self.next_functions[0][0] else None,
                a.t().mv(g) if self.next_functions[1][0] else None)


def _matmul_np(x, y):
    """The product of two arrays: PyTorch's own order for a short inner dimension, numpy's (OpenBLAS) otherwise."""
    r = kernels.small_matmul(x, y)
    if r is None and x.ndim == 1 and y.ndim == 1:
        r = kernels.small_dot(x, y)
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
    out = _new(_matmul_np(a._np, b._np), dt)  # falls back to _wrap for dot's numpy scalar
    if _needs_grad(a, b):
        _attach(out, node_cls(a, b))
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
    _check_broadcast_all(_Shaped(a._shape[:-2]), _Shaped(b._shape[:-2]))
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

class _ViewNode(Node):
    """Backward of a view: the inverse mapping of the gradient (shape-only, recordable)."""
    __slots__ = ("shape", "args")

    def __init__(self, name, base, args):
        Node.__init__(self, (edge_of(base),))
        self.name_ = name
        self.shape = base._shape
        self.args = args

    def backward(self, g):
        return (_VIEW_BACKWARD[self.name_](g, self.shape, *self.args),)


def _select_backward(g, shape, dim, index):
    return _embed(g, shape, lambda t: t.select(dim, index), "SelectBackwardBackward0")


def _slice_backward(g, shape, dim, start, stop, step):
    return _embed(g, shape, lambda t: t._slice(dim, start, stop, step), "SliceBackwardBackward0")


def _squeeze_backward(g, shape, *args):
    return g.reshape(shape)


_VIEW_BACKWARD = {
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
    "AsStridedBackward0": lambda g, shape, base_geometry, view_geometry:
        _as_strided_backward(g, base_geometry, view_geometry),
    "SliceBackward0": _slice_backward,
}


def _make_view(self, shape, stride, offset, name, args=()):
    """A view sharing storage and version counter; records the view node when the base requires grad."""
    out = self._alias(shape, stride, offset)
    if self._version_counter.inference:  # an inference tensor's views carry no autograd view metadata
        return out
    base = self._view.base if self._view is not None else self
    grad_mode = autograd._grad_enabled[0]
    # a view of a view made in no_grad mode inherits that creation mode (PyTorch's propagate_creation_meta)
    out._view = ViewInfo(base, (grad_mode or (IN_INFERENCE_MODE if INFERENCE_MODE[0] else False))
                         and (self._view is None or self._view.grad_mode), self._version_counter.value)
    if grad_mode and self.requires_grad:
        out._grad_fn = _ViewNode(name, self, args)
    note_view(self._storage, out, name)
    return out


class _EmbedBackward(Node):
    __slots__ = ("view_fn",)

    def __init__(self, name, g, view_fn):
        Node.__init__(self, (edge_of(g),))
        self.name_ = name
        self.view_fn = view_fn

    def backward(self, gg):
        return (self.view_fn(gg),)


def _embed(g, shape, view_fn, name):
    """zeros(shape) with g written into view_fn(zeros) — the backward of select/slice, recordable."""
    z = np.zeros(shape, g.dtype.np)
    out = _wrap(z, g.dtype)
    with autograd.no_grad():
        region = view_fn(out)
    region._np[...] = g._np
    if _needs_grad(g):
        _attach(out, _EmbedBackward(name, g, view_fn))
    return out


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
    return _make_view(self, shape, strides, self._offset, "ViewBackward0")


@tensor_params('other')
def view_as(self, other):
    return view(self, other._shape)


def reshape(self, *shape):
    shape = _infer_shape(_shape_arg(shape), self.numel())
    strides = _view_strides(self._shape, self._stride, shape)
    if strides is not None:
        return _make_view(self, shape, strides, self._offset, "ViewBackward0")
    return _unsafe_view(clone(self, contiguous=True), shape)


@tensor_params('other')
def reshape_as(self, other):
    return reshape(self, other._shape)


def _unsafe_view(self, shape):
    """_unsafe_view: a fresh (non-view) alias used by reshape-after-copy and matmul."""
    shape = _infer_shape(tuple(shape), self.numel())
    out = self._alias(shape, _contiguous_strides(shape), self._offset, counter=self._version_counter)
    if _needs_grad(self):
        _attach(out, _ViewNode("UnsafeViewBackward0", self, ()))
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
    return _make_view(self, self._shape[::-1], self._stride[::-1], self._offset, "TBackward0")


def transpose(self, dim0, dim1):
    n = self.dim()
    d0, d1 = self._wrap_dim(dim0), self._wrap_dim(dim1)
    shape, stride = list(self._shape), list(self._stride)
    if n:
        shape[d0], shape[d1] = shape[d1], shape[d0]
        stride[d0], stride[d1] = stride[d1], stride[d0]
    return _make_view(self, shape, stride, self._offset, "TransposeBackward0", (d0, d1))


def permute(self, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    if len(dims) != self.dim():
        raise runtime(f"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {self.dim()} is not equal to len(dims) = {len(dims)}")
    dims = tuple(self._wrap_dim(d) for d in dims)
    if len(set(dims)) != len(dims):
        raise runtime("permute(): duplicate dims are not allowed.")
    return _make_view(self, [self._shape[d] for d in dims], [self._stride[d] for d in dims], self._offset,
                      "PermuteBackward0", (dims,))


def unsqueeze(self, dim):
    d = self._wrap_dim(dim, self.dim() + 1)
    shape, stride = list(self._shape), list(self._stride)
    new_stride = shape[d] * stride[d] if d < len(shape) else 1
    shape.insert(d, 1)
    stride.insert(d, new_stride)
    return _make_view(self, shape, stride, self._offset, "UnsqueezeBackward0", (d,))


def squeeze(self, dim=None):
    if dim is None:
        keep = [i for i, s in enumerate(self._shape) if s != 1]
        name = "SqueezeBackward0"
    else:
        dims = _dims(self, dim) if self.dim() else ()
        keep = [i for i, s in enumerate(self._shape) if not (i in dims and s == 1)]
        name = "SqueezeBackward1" if not isinstance(dim, (tuple, list)) else "SqueezeBackward2"
    return _make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name)


def _squeeze_named(self, dim, name):
    keep = [i for i in range(self.dim()) if i != dim]
    return _make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name)


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
    return _make_view(self, shape[::-1], stride[::-1], self._offset, "ExpandBackward0")


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
    return _make_view(self, shape, stride, self._offset + i * self._stride[d], "SelectBackward0", (d, i))


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
    return _make_view(self, shape, stride, self._offset + start * self._stride[d], "SliceBackward0",
                      (d, start, stop, step))


def narrow(self, dim, start, length):
    d = self._wrap_dim(dim)
    return _slice(self, d, start, start + length, 1)


def alias(self):
    return _make_view(self, self._shape, self._stride, self._offset, "AliasBackward0")


def unbind(self, dim=0):
    return multiview.unbind(self, dim)


def chunk(self, chunks, dim=0):
    return multiview.chunk(self, chunks, dim)


def split(self, split_size, dim=0):
    return multiview.split(self, split_size, dim)


class AsStridedBackward0(Node):
    """The grad_fn of a view whose base was modified in place (view replay is off, as in PyTorch)."""
    __slots__ = ("base_geometry", "view_geometry")
    name_ = "AsStridedBackward0"

    def __init__(self, base_edge, base, view):
        Node.__init__(self, (base_edge,))
        self.base_geometry = (base._shape, base._stride, base._offset)
        self.view_geometry = (view._shape, view._stride, view._offset)

    def backward(self, g):
        return (_as_strided_backward(g, self.base_geometry, self.view_geometry),)


def _empty_strided(geometry, dtype, fill=0):
    """A fresh tensor laid out like `geometry` (shape, strides; offset 0), as new_empty_strided gives."""
    shape, stride, _ = geometry
    extent = 1 + builtins.sum((s - 1) * st for s, st in zip(shape, stride) if s > 0)
    buf = np.full(builtins.max(extent, 1), fill, dtype.np)
    out = _wrap(buf, dtype)
    return out._alias(shape, stride, 0)


def _as_strided(t, geometry):
    """A view of t's storage at `geometry` (offset relative to t): PyTorch's as_strided, recorded."""
    shape, stride, offset = geometry
    return _make_view(t, shape, stride, t._offset + offset, "AsStridedBackward0",
                      ((t._shape, t._stride, t._offset), (tuple(shape), tuple(stride), t._offset + offset)))


def _relative(view_geometry, base_geometry):
    shape, stride, offset = view_geometry
    return shape, stride, offset - base_geometry[2]


def _as_strided_backward(g, base_geometry, view_geometry):
    """Scatter the view's gradient into a zero tensor laid out like the base (overlaps accumulate)."""
    result = _empty_strided(base_geometry, g.dtype)
    region = _as_strided(result, _relative(view_geometry, base_geometry))
    shape, stride, offset = _relative(view_geometry, base_geometry)
    flat = np.full(shape, offset, dtype=np.int64)
    for d, (sz, st) in enumerate(zip(shape, stride)):
        flat = flat + (np.arange(sz) * st).reshape([-1 if k == d else 1 for k in range(len(shape))])
    if flat.size > 1 and np.unique(flat).size != flat.size:
        # an overlapping view (expanded, or as_strided over shared elements): a base element's gradient is the
        # sum of those of the view elements over it, added in the view's order (PyTorch's index_add_)
        np.add.at(result._storage.data, flat, g._np)
    else:
        region.copy_(g)
    _share_among_base_copies(result, base_geometry)
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
    __slots__ = ("fn", "base_geometry", "view_geometry")
    name_ = "CopySlices"
    qualified = True

    def __init__(self, base_edge, base, view, fn):
        Node.__init__(self, (base_edge,) + tuple(fn.next_functions[1:]))
        self.fn = fn
        self.base_geometry = (base._shape, base._stride, base._offset)
        self.view_geometry = (view._shape, view._stride, view._offset)
        self.saved = (SavedTensor(None),)  # stands for fn itself: PyTorch's release drops it, even with nothing saved

    def saved_info(self):
        return self.fn.saved

    def release(self, released=None):
        Node.release(self, released)
        self.fn.release(released)

    def backward(self, g):
        # PyTorch's CopySlices::apply, written with engine ops so create_graph records it
        self.unpack()  # (a released CopySlices has no fn to call: backward through it a second time fails)
        result = _empty_strided(self.base_geometry, g.dtype)
        result.copy_(g)
        grad_slice = _as_strided(result, _relative(self.view_geometry, self.base_geometry))
        grads = self.fn.backward(grad_slice.clone())
        if grads[0] is None:
            grad_slice.zero_()
        else:
            grad_slice.copy_(grads[0])
        return (result,) + tuple(grads[1:])


# ------------------------------------------------------------------ indexing

def _is_advanced(ix):
    return isinstance(ix, Tensor) or isinstance(ix, list)


def _index_tensor(ix):
    """An advanced index as a tensor: a list is a long one unless bool or uint8 (indexing_tensor_from_data)."""
    if isinstance(ix, Tensor):
        return ix
    t = _as_tensor(ix)
    return t if t.dtype in (dtypes.bool_, dtypes.uint8) or t.dtype is dtypes.int64 else _as_tensor(ix, dtypes.int64)


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
        return _as_tensor(index)
    if isinstance(index, tuple) and any(isinstance(ix, bool) for ix in index):
        return tuple(_as_tensor(ix) if isinstance(ix, bool) else ix for ix in index)
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
    out = _wrap(np.asarray(self._np[key]), self.dtype)
    if _needs_grad(self):
        _attach(out, IndexBackward0(self, key))
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
    name_ = "IndexBackward0"

    def __init__(self, x, key):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.key = x._shape, key

    def backward(self, g):
        z = np.zeros(self.shape, g.dtype.np)
        np.add.at(z, self.key, g._np)
        return (_wrap(z, g.dtype),)


def setitem(self, index, value):
    if not self._shape and isinstance(index, int) and not isinstance(index, bool) and isinstance(value, Tensor):
        raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))  # PyTorch's tensor-value path
    index = _bool_scalars(index)
    index_t = index if isinstance(index, tuple) else (index,)
    if any(_is_advanced(ix) for ix in index_t):
        return index_put_(self, index, value)
    target = getitem(self, index, setting=True)
    if isinstance(value, Tensor) and value._shape == target._shape:  # PyTorch's copy_to, its three ways
        copy_(target, value)
    elif isinstance(value, Tensor) and value.dim() == 0:
        fill_(target, value)
    elif isinstance(value, Tensor):
        # drop all the value's leading 1-dims, then expand it to the target (its errors first)
        lead = 0
        while lead < value.dim() and value._shape[lead] == 1:
            lead += 1
        if lead:
            value = value.view(value._shape[lead:])
        if value._shape != target._shape:
            value = expand(value, target._shape)
        copy_(target, value)
    elif isinstance(value, (list, tuple)):
        copy_(target, _as_tensor(value, dtype=self.dtype))
    else:  # PyTorch wraps the number in a 0-dim tensor first: fill_(Tensor), FillBackward3
        fill_(target, _wrap(np.asarray(scalars.checked_scalar(self.dtype, value)), self.dtype))


def index_put_(self, index, value):
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
    return _inplace(self, write, lambda: IndexPutBackward0(self, value, key), (value,))


class IndexPutBackward0(Node):
    __slots__ = ("key", "value_shape")
    name_ = "IndexPutBackward0"

    def __init__(self, x, value, key):
        Node.__init__(self, (edge_of(x), _edge(value)))
        self.key = key
        self.value_shape = value._shape if isinstance(value, Tensor) else ()

    def backward(self, g):
        gs = g._np.copy()
        gs[self.key] = 0
        gv = None
        if self.next_functions[1][0] is not None:
            gv, shape = _wrap(np.asarray(g._np[self.key]), g.dtype), self.value_shape
            extra = builtins.max(len(shape) - gv.dim(), 0)  # (leading 1-dims of the value that index_put_ dropped)
            gv = sum_to(gv, shape[extra:])
            gv = gv.reshape(shape) if extra else gv
        return (_wrap(gs, g.dtype), gv)


# ------------------------------------------------------------------ in-place machinery

def _check_inplace(self):
    """PyTorch's check_inplace: leaves and views of leaves that require grad cannot be written."""
    view = self._view
    if view is not None:
        if view.grad_mode is IN_CUSTOM_FUNCTION:
            raise runtime(messages.custom_view_inplace(self._grad_fn, self._output_nr, False))
        if view.grad_mode is IN_MULTI_OUTPUT:
            raise runtime(multiview.multi_view_inplace(self._grad_fn, self._output_nr, False))
        if not view.grad_mode:  # (the op needs grad here: from the view's base or from another operand)
            text = messages.INFERENCE_VIEW_INPLACE if view.grad_mode is IN_INFERENCE_MODE else \
                messages.NO_GRAD_VIEW_INPLACE
            raise runtime(text.format(who=no_grad_view_origin(self)))
        if self.requires_grad and view.base._grad_fn is None:
            raise runtime(messages.VIEW_OF_LEAF_INPLACE)
    # PyTorch's C++ is_leaf reads the stored grad_fn: a stale view's is not regenerated for this check
    if self.requires_grad and self._grad_fn is None:
        raise runtime(messages.LEAF_INPLACE)


def _check_fits_output(self, other):
    oshape = np.broadcast_shapes(self._shape, other._shape if isinstance(other, Tensor) else ())
    if oshape != self._shape:
        raise runtime(f"output with shape {_shape_list(self._shape)} doesn't match the broadcast shape "
                      f"{_shape_list(oshape)}")


def _precheck(self, *others, internal_overlap=True):
    """PyTorch checks leaf/view in-place rules before anything else (shapes, dtypes), then overlap
    (fill_ and zero_ write one value, so PyTorch lets them write into an expanded tensor)."""
    if _needs_grad(self, *others):
        _check_inplace(self)
    if internal_overlap and 0 not in self._shape and any(stride == 0 and size > 1 for size, stride in
                                                         zip(self._shape, self._stride)):  # (empty: nothing overlaps)
        raise runtime("unsupported operation: more than one element of the written-to tensor refers to a single "
                      "memory location. Please clone() the tensor before performing the operation.")
    for other in others:
        if isinstance(other, Tensor) and other._storage is self._storage and _partial_overlap(self, other):
            raise runtime("unsupported operation: some elements of the input tensor and the written-to tensor "
                          "refer to a single memory location. Please clone() the tensor before performing the "
                          "operation.")


_non_overlapping_and_dense = autograd.non_overlapping_and_dense


def _partial_overlap(a, b):
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


def _self_overlapping(t):
    """Elements of t (an unfold or as_strided view) that share an address, zero strides aside (refused earlier)."""
    dims = sorted((st, n) for n, st in zip(t._shape, t._stride) if n > 1)
    reach = 0
    for st, n in dims:
        if st <= reach:  # may overlap: count the distinct addresses
            grids = np.meshgrid(*[np.arange(n) * st for st, n in dims], indexing="ij", sparse=True)
            return np.unique(builtins.sum(grids).ravel()).size < t.numel()
        reach += (n - 1) * st
    return False


def _write_rows(self, arr, row_values, others=()):
    """PyTorch's kernel on a self-overlapping view reads elements it has already written: its TensorIterator runs
    the rows of the fastest dimension one after another (dims ordered by the operands' strides, self first), so
    each row is computed from memory as the rows before it left it. row_values(index) gives one row's values."""
    shape = self._shape
    strides = [self._stride, self._stride] + [_broadcast_strides(o, shape) for o in others if type(o) is Tensor]
    perm = kernels.dim_order(shape, strides)
    outer = perm[:0:-1]  # slowest first
    for idx in np.ndindex(*[shape[d] for d in outer]):
        index = [slice(None)] * len(shape)
        for d, i in zip(outer, idx):
            index[d] = i
        index = tuple(index)
        arr[index] = row_values(index)


def _broadcast_strides(t, shape):
    pad = len(shape) - len(t._shape)
    return (0,) * pad + tuple(0 if n == 1 else st for n, st in zip(t._shape, t._stride))


def _inplace(self, write, make_node, others=(), save_output=False):
    """Run an in-place op: check, build the node (saving pre-write values), write, bump, rebase history."""
    # an integer or bool tensor has no gradient: writing a grad-requiring value into it records nothing
    differentiable = make_node is not None and self.dtype.is_floating_point and _needs_grad(self, *others)
    node = None
    if differentiable:
        _check_inplace(self)
        node = make_node()
    storage = self._storage
    undo.touch(storage)
    write(self._np)
    counter = self._version_counter
    counter.bump()
    log, v, name = storage.log, counter.value, node.name_ if node is not None else None
    if log is not None and len(log) < LOG_CAP:  # (note_write's own short path, without a call: every write)
        log.append(("write", undo._location, undo.epoch, _weakref(self), (v - 1, v, name)))
    else:
        note_write(storage, self, v - 1, v, name)
    if node is not None:
        if save_output:
            node.saved = node.saved + (SavedTensor(self, is_output=True,
                                                   inplace_on_view=self._view is not None),)
        _rebase_history(self, node)
    return self


def written(self):
    """After a fast path wrote self in place (no autograd involved): its version moves and its storage's log
    notes the write, as _inplace does."""
    counter = self._version_counter
    counter.bump()
    note_write(self._storage, self, counter.value - 1, counter.value, None)


def _rebase_history(self, node):
    undo.touch(self)
    view = self._view
    if view is None:
        _move_retain_hooks(self._grad_fn, node)
        self._grad_fn = node
        self._output_nr = 0
        if autograd.PENDING_PACKS:
            autograd.pack_pending()
        return
    base = view.base
    undo.touch(base)
    base_grad_fn = CopySlices(edge_of(base), base, self, node)
    _move_retain_hooks(base._grad_fn, base_grad_fn)
    base._grad_fn = base_grad_fn
    base._output_nr = 0
    if autograd.PENDING_PACKS:
        autograd.pack_pending()
    self.grad_fn  # PyTorch regenerates this view's grad_fn at once (AsStridedBackward0); its other views, on reading


def _move_retain_hooks(old, new):
    """retain_grad() belongs to the tensor: an in-place op hands it to the tensor's new grad_fn."""
    if old is not None and old.retain_hooks:
        undo.touch_attrs(old, "retain_hooks")
        new.retain_hooks, old.retain_hooks = old.retain_hooks, None


def _cast_for_inplace(self, result_dtype, cpp_name=False):
    """TensorIterator's rule for an in-place result; clamp's kernels name the output by its C++ type."""
    if not dtypes.can_cast(result_dtype, self.dtype):
        names = dtypes.C_NAMES if cpp_name else dtypes.SCALAR_NAMES
        raise runtime(messages.INPLACE_RESULT_TYPE.format(res=dtypes.SCALAR_NAMES[result_dtype.name],
                                                          out=names[self.dtype.name]))


def _binary_inplace(np_fn, node_cls, true_div=False):
    sign = -1 if np_fn is np.subtract else 1

    def op(self, other, alpha=1):
        if np_fn is np.subtract:
            _check_sub(self, other)
        if node_cls in (AddBackward0, SubBackward0) and not (type(alpha) is int and alpha == 1):
            if _needs_grad(self, other):  # (PyTorch's order: the leaf check, the cast check, then alpha_check)
                _check_inplace(self)
            _check_fits_output(self, other)
            _cast_for_inplace(self, dtypes.result_type((self, other)))
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
        _precheck(self, other)
        if alpha != 1 and not fused:
            other = other * alpha
        _check_broadcast(self, other)
        an, bn, dt = _operands(self, other)
        if true_div:
            dt = _true_div_dtype(dt)
            an, bn = an.astype(dt.np, copy=False), (bn.astype(dt.np, copy=False) if isinstance(bn, np.ndarray) else dt.np.type(bn))
        _check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        _cast_for_inplace(self, dt)
        if _self_overlapping(self):
            bb = np.broadcast_to(bn, self._shape)
            scale = dt.np.type(sign * alpha) if fused else None

            def write(arr):
                if fused:
                    _write_rows(self, arr, lambda ix: kernels.fma(bb[ix], scale, arr[ix].astype(an.dtype)), (other,))
                else:
                    _write_rows(self, arr, lambda ix: np_fn(arr[ix].astype(an.dtype), bb[ix]), (other,))
        else:
            values = kernels.fma(bn, dt.np.type(sign * alpha), an) if fused else np_fn(an, bn)

            def write(arr):
                arr[...] = values

        def make():
            node = _inplace_node(node_cls, self, other)
            if fused:
                node.alpha = alpha
            return node
        return _inplace(self, write, make, (other,))
    return op


def _plain_operand(self, other):
    """other as a numpy operand when an in-place binary op on float self needs none of the general path: no
    autograd, no overlap, no broadcast or cast (a Python number, or a tensor of self's dtype and shape that does
    not share self's storage); else None."""
    if self.dtype.category != 2 or _needs_grad(self, other) or 0 in self._stride or \
            (self._view is not None and _self_overlapping(self)):
        return None
    t = type(other)
    if t is float or t is int:
        return self.dtype.np.type(other)
    if t is Tensor and other.dtype is self.dtype and other._shape == self._shape and other._storage is not self._storage:
        return other._np
    return None


def _inplace_node(node_cls, self, other):
    """The node of an in-place binary op; an operand needed for backward is saved as its pre-write copy."""
    original = self
    if node_cls in (MulBackward0, DivBackward0) and _needs_grad(other):
        original = self.clone()  # recorded, as PyTorch's original_self, so double backward reaches self
    node = node_cls.__new__(node_cls)
    Node.__init__(node, (edge_of(self), _edge(other)))
    node.meta = _input_meta(self, other)
    node.setup(original, other, None)
    return node


add_ = _binary_inplace(np.add, AddBackward0)
sub_ = _binary_inplace(np.subtract, SubBackward0)
mul_ = _binary_inplace(np.multiply, MulBackward0)
div_ = _binary_inplace(np.true_divide, DivBackward0, true_div=True)


def _unary_inplace(fn):
    node_cls = fn.node

    def op(self):
        _precheck(self)
        if self.dtype.category < 2 and node_cls.float_only:
            _cast_for_inplace(self, dtypes.DEFAULT_FLOAT)
        if _self_overlapping(self):
            values = None
        else:
            values = _unary_values(fn, self)

        def make():
            node = node_cls.__new__(node_cls)
            Node.__init__(node, (edge_of(self),))
            if node_cls.saves == "self":
                node.saved = (SavedTensor(self.clone()),)
            return node

        def write(arr):
            if values is None:
                _write_rows(self, arr, lambda ix: _unary_values(fn, Tensor._from_numpy(arr[ix].copy(), self.dtype)))
            else:
                arr[...] = values
        return _inplace(self, write, make, save_output=node_cls.saves == "result")
    return op


def _unary_values(fn, self):
    with autograd.no_grad():
        return fn(self)._np


exp_ = _unary_inplace(exp)
sigmoid_ = _unary_inplace(sigmoid)
tanh_ = _unary_inplace(tanh)
relu_ = _unary_inplace(relu)
neg_ = _unary_inplace(neg)
sqrt_ = _unary_inplace(sqrt)
log_ = _unary_inplace(log)
sin_ = _unary_inplace(sin)
cos_ = _unary_inplace(cos)
abs__ = _unary_inplace(abs_)
tan_, sinh_, cosh_, atan_, asin_, acos_ = (_unary_inplace(f) for f in (tan, sinh, cosh, atan, asin, acos))
exp2_, log2_, log10_ = (_unary_inplace(f) for f in (exp2, log2, log10))
floor_, ceil_, trunc_ = (_unary_inplace(f) for f in (floor, ceil, trunc))
_round_even_ = _unary_inplace(_round_even)
_frac_ = _unary_inplace(_frac)


def frac_(self):
    _not_for_integers("frac_cpu", self)
    return _frac_(self)


def round_(self, *args, decimals=None):
    if args:
        raise type_error(f"round_() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even_(self)
    decimals = _decimals(decimals)
    _not_for_integers("round_cpu", self)
    _precheck(self)
    values = _round_decimals_values(self._np, decimals)

    def make():
        node = RoundBackward1.__new__(RoundBackward1)
        Node.__init__(node, (edge_of(self),))
        return node

    def write(arr):
        arr[...] = values
    return _inplace(self, write, make)


def pow__(self, exponent):
    _precheck(self, exponent)
    with autograd.no_grad():
        values = pow_(self, exponent)
    _check_fits_output(self, exponent)
    _cast_for_inplace(self, values.dtype)

    def make():
        if isinstance(exponent, Tensor):
            node = PowBackward1.__new__(PowBackward1)
            Node.__init__(node, (edge_of(self), _edge(exponent)))
            node.meta = _input_meta(self, exponent)
            node.saved = (SavedTensor(self.clone()), SavedTensor(exponent))
            return node
        node = PowBackward0.__new__(PowBackward0)
        Node.__init__(node, (edge_of(self),))
        node.saved = (SavedTensor(self.clone()),)
        node.exponent = exponent
        return node

    def write(arr):
        if not isinstance(exponent, Tensor) and _self_overlapping(self):
            with autograd.no_grad():
                _write_rows(self, arr, lambda ix: pow_(Tensor._from_numpy(arr[ix].copy(), self.dtype), exponent)._np)
        else:
            arr[...] = values._np
    return _inplace(self, write, make, (exponent,), save_output=isinstance(exponent, Tensor))


def clamp_(self, min=None, max=None):
    _precheck(self)
    with autograd.no_grad():
        values = clamp(self, min, max)
    _cast_for_inplace(self, values.dtype, cpp_name=True)

    def make():
        node = ClampBackward1.__new__(ClampBackward1)
        Node.__init__(node, (edge_of(self),))
        node.saved = (SavedTensor(self.clone()),)
        node.lo, node.hi = min, max
        return node

    def write(arr):
        arr[...] = values._np
    return _inplace(self, write, make)


class _ZeroGradNode(Node):
    __slots__ = ("other_shape", "other_dtype")

    def backward(self, g):
        gs = _zeros_like(g)
        if len(self.next_functions) > 1 and self.next_functions[1][0] is not None:
            return gs, sum_to(g, self.other_shape).to(self.other_dtype)
        return (gs,) + (None,) * (len(self.next_functions) - 1)


def _zero_node(name, self, other=None):
    node = _ZeroGradNode.__new__(_ZeroGradNode)
    edges = (edge_of(self),) if other is None else (edge_of(self), _edge(other))
    Node.__init__(node, edges)
    node.name_ = name
    if isinstance(other, Tensor):
        node.other_shape, node.other_dtype = other._shape, other.dtype
    return node


def fill_(self, value):
    # fill_(Tensor) goes through PyTorch's TensorIterator checks; fill_(number) may write an expanded tensor
    alias = isinstance(value, Tensor) and value._storage is self._storage  # (PyTorch copies from a clone of it)
    _precheck(self, *(() if alias else (value,)), internal_overlap=isinstance(value, Tensor))
    if isinstance(value, Tensor):
        if value.dim() != 0:
            raise runtime(f"fill_ only supports 0-dimension value tensor but got tensor with {value.dim()} dimensions.")
        v = value._np
        make = lambda: _fill_tensor_node(self, value)
        others = (value,)
    else:
        v = scalars.checked_scalar(self.dtype, value)
        make = lambda: _zero_node("FillBackward2", self)
        others = ()

    def write(arr):
        arr[...] = v
    return _inplace(self, write, make, others)


def _fill_tensor_node(self, value):
    node = _zero_node("FillBackward3", self, value)
    node.other_shape = ()
    return node


def zero_(self):
    _precheck(self, internal_overlap=False)

    def write(arr):
        arr[...] = 0
    return _inplace(self, write, lambda: _zero_node("ZeroBackward0", self))


class CopyBackwards(_ZeroGradNode):
    __slots__ = ()
    name_ = "CopyBackwards"
    qualified = True


def copy_(self, src, non_blocking=False):
    if type(src) in (bool, int, float):  # PyTorch's argument parser wraps a Python number as a 0-dim tensor
        src = _as_tensor(src, dtypes.scalar_dtype(src) if type(src) is not float else dtypes.float64)
    if not isinstance(src, Tensor):
        raise type_error(f"copy_(): argument 'other' (position 1) must be Tensor, not {type(src).__name__}")
    _precheck(self, src, internal_overlap=src is not self)  # x.copy_(x) is a no-op write in PyTorch
    _check_broadcast(self, src)
    _check_fits_output(self, src)
    values = np.broadcast_to(src._np, self._shape)
    values = values.astype(self.dtype.np)

    def write(arr):
        if _self_overlapping(self):  # the last write to an address wins, in PyTorch's order
            _write_rows(self, arr, lambda ix: values[ix], (src,))
        else:
            arr[...] = values

    def make():
        node = CopyBackwards.__new__(CopyBackwards)
        Node.__init__(node, (edge_of(self), _edge(src)))
        node.other_shape, node.other_dtype = src._shape, src.dtype
        return node
    return _inplace(self, write, make, (src,))


# ------------------------------------------------------------------ copies and conversions

class CloneBackward0(Node):
    __slots__ = ()
    name_ = "CloneBackward0"

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
        out = _wrap(np.array(self._np, order="C", copy=True), self.dtype)
    else:  # preserve_format: a dense tensor's strides as they are, another's made dense in their order
        stride = self._stride if _non_overlapping_and_dense(self) else _dense_strides(self._shape, self._stride)
        out = _empty_strided((self._shape, stride, 0), self.dtype)
        out._np[...] = self._np
    if _needs_grad(self):
        _attach(out, CloneBackward0(self))
    return out


def contiguous(self, memory_format=None):
    if self.is_contiguous():
        return self
    return clone(self, contiguous=True)


class ToCopyBackward0(Node):
    __slots__ = ("dtype",)
    name_ = "ToCopyBackward0"

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
    out = _wrap(self._np.astype(dtype.np), dtype)
    if _needs_grad(self) and dtype.is_floating_point:
        _attach(out, ToCopyBackward0(self))
    return out


def type_(self, dtype=None):
    if dtype is None:
        return self.dtype.type_name
    return to(self, dtype)


def _conversion(dtype):
    """x.float(), x.long(), ...: to(x, dtype)."""
    return lambda self: to(self, dtype)


CONVERSIONS = {name: _conversion(dt) for name, dt in (
    ("float", dtypes.float32), ("double", dtypes.float64), ("half", dtypes.float16), ("long", dtypes.int64),
    ("int", dtypes.int32), ("short", dtypes.int16), ("char", dtypes.int8), ("byte", dtypes.uint8),
    ("bool", dtypes.bool_))}


def deepcopy(self, memo=None):
    """copy.deepcopy: leaves only; a new storage (shared among tensors copied together), same geometry,
    .grad copied too."""
    if not self.is_leaf:
        raise runtime(messages.DEEPCOPY_NON_LEAF)
    memo = {} if memo is None else memo
    if id(self) in memo:
        return memo[id(self)]
    owner = memo.get(id(self._storage))
    if owner is None:  # a flat tensor over the copied storage, to take views of
        data = self._storage.data.copy()
        owner = memo[id(self._storage)] = Tensor._make(Storage(data), 0, data.shape, (1,), self.dtype, data,
                                                      VersionCounter())
    out = owner._alias(self._shape, self._stride, self._offset, counter=VersionCounter())
    out._requires_grad = self.requires_grad  # (a no-grad view of a leaf that requires grad: True, as PyTorch's)
    out._version_counter.value = 1  # PyTorch's deepcopy fills the new tensor in place once
    if self._grad is not None:
        out._grad = deepcopy(self._grad, memo)
    memo[id(self)] = out
    return out


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
    name_ = "SoftmaxBackward0"
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
    __slots__ = ()
    name_ = "LogSoftmaxBackward0"
    log = True


def _softmax_backward(g, y, dim, log):
    """PyTorch's own kernel for the gradient, where no graph is recorded through it and the kernels have it."""
    if autograd._grad_enabled[0] or g._shape != y._shape:
        return None
    gn, yn = g._np, y._np
    if yn.ndim == 0:
        gn, yn, dim = gn.reshape(1), yn.reshape(1), 0
    r = kernels.softmax_backward(gn, yn, dim, log)
    return None if r is None else _new(r.reshape(y._shape), y.dtype)


def _softmax_op(self, dim, dtype, node_cls):
    check_dtype("log_softmax" if node_cls.log else "softmax", dtype)
    d = self._wrap_dim(dim)
    if self.numel() == 0:  # no kernel runs on nothing (so no dtype check either)
        out = _new(np.empty(self._shape, (dtype or self.dtype).np), dtype or self.dtype)
        if _needs_grad(self):
            _attach(out, node_cls(self, out, d))
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
    out = _new(r.reshape(self._shape), dtype or self.dtype)
    if _needs_grad(self):
        _attach(out, node_cls(self, out, d))
    return out


def softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, SoftmaxBackward0)


def log_softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, LogSoftmaxBackward0)


class MseLossBackward0(Node):
    __slots__ = ("reduction", "meta")
    name_ = "MseLossBackward0"

    def __init__(self, a, b, reduction):
        Node.__init__(self, (_edge(a), _edge(b)))
        self.reduction = reduction
        self.meta = _input_meta(a, b)
        self.saved = (SavedTensor(a), SavedTensor(b))

    def backward(self, g):
        a, b = self.unpack()
        scale = 2.0 / a.numel() if self.reduction == "mean" else 2.0
        d = (a - b) * (g * scale)
        return _reduce_grad(d, self.meta[0]), _reduce_grad(-d, self.meta[1])


def mse_loss(input, target, reduction="mean"):
    with autograd.no_grad():
        sq = (input - target) ** 2
        out = sq.mean() if reduction == "mean" else sq.sum() if reduction == "sum" else sq
    if _needs_grad(input, target) and reduction in ("mean", "sum"):
        _attach(out, MseLossBackward0(input, target, reduction))
    return out


# ------------------------------------------------------------------ joining

class CatBackward0(Node):
    __slots__ = ("dim", "sizes")
    name_ = "CatBackward0"

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
    name_ = "StackBackward0"

    def __init__(self, tensors, dim):
        Node.__init__(self, tuple(edge_of(t) for t in tensors))
        self.dim = dim

    def backward(self, g):
        return tuple(g.select(self.dim, i) if fn is not None else None
                     for i, (fn, _) in enumerate(self.next_functions))


def _tensor_list(op, tensors):
    """cat/stack's first argument: a sequence of tensors, with PyTorch's messages otherwise."""
    if not isinstance(tensors, (list, tuple)):
        raise type_error(f"{op}(): argument 'tensors' (position 1) must be tuple of Tensors, not {_type_name(tensors)}")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {_type_name(t)}")
    return list(tensors)


def _joined_dtype(tensors):
    dt = None
    for t in tensors:
        dt = dtypes.promote(dt, t.dtype)
    return dt


def cat(tensors, dim=0):
    tensors = _tensor_list("cat", tensors)
    if _needs_grad(*tensors):
        _collect_edges(*tensors)  # (PyTorch builds the node's edges before checking the shapes)
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
    out = _wrap(np.concatenate(arrays, axis=d) if arrays else np.zeros((0,), dt.np), dt)
    if _needs_grad(*tensors):
        _attach(out, CatBackward0(tensors, d))
    return out


def stack(tensors, dim=0):
    tensors = _tensor_list("stack", tensors)
    if _needs_grad(*tensors):
        _collect_edges(*tensors)  # (PyTorch builds the node's edges before checking the shapes)
    if not tensors:
        raise runtime("stack expects a non-empty TensorList")
    d = tensors[0]._wrap_dim(dim, tensors[0].dim() + 1)
    for i, t in enumerate(tensors):
        if t._shape != tensors[0]._shape:
            raise runtime(f"stack expects each tensor to be equal size, but got {_shape_list(tensors[0]._shape)} at entry 0 and {_shape_list(t._shape)} at entry {i}")
    dt = _joined_dtype(tensors)
    check_size(builtins.sum(t._np.size for t in tensors) * dt.itemsize)
    out = _wrap(np.stack([t._np.astype(dt.np, copy=False) for t in tensors], axis=d), dt)
    if _needs_grad(*tensors):
        _attach(out, StackBackward0(tensors, d))
    return out


# ------------------------------------------------------------------ the Tensor API

def _reflected(fn):
    return lambda self, other: fn(self, other)


_METHODS = {
    "exp": exp, "log": log, "sin": sin, "cos": cos, "tanh": tanh, "sigmoid": sigmoid, "sqrt": sqrt,
    "relu": relu, "abs": abs_, "neg": neg, "negative": neg, "log1p": log1p, "expm1": expm1,
    "reciprocal": reciprocal, "rsqrt": rsqrt, "sign": sign, "square": square, "clamp": clamp, "clip": clip,
    "tan": tan, "sinh": sinh, "cosh": cosh, "atan": atan, "arctan": atan, "asin": asin, "arcsin": asin,
    "acos": acos, "arccos": acos, "exp2": exp2, "log2": log2, "log10": log10, "floor": floor, "ceil": ceil,
    "trunc": trunc, "fix": trunc, "round": rounded, "frac": frac,
    "tan_": tan_, "sinh_": sinh_, "cosh_": cosh_, "atan_": atan_, "asin_": asin_, "acos_": acos_, "exp2_": exp2_,
    "log2_": log2_, "log10_": log10_, "floor_": floor_, "ceil_": ceil_, "trunc_": trunc_, "round_": round_,
    "frac_": frac_,
    "add": add, "sub": sub, "subtract": sub, "mul": mul, "multiply": mul, "div": div, "divide": div,
    "true_divide": div, "pow": pow_, "floor_divide": floor_divide, "remainder": remainder,
    "eq": eq, "ne": ne, "lt": lt, "le": le, "gt": gt, "ge": ge, "logical_and": logical_and,
    "logical_or": logical_or, "logical_not": logical_not, "maximum": maximum, "minimum": minimum,
    "equal": equal, "allclose": allclose, "isclose": isclose, "any": any_, "all": all_, "isnan": isnan,
    "sum": sum, "mean": mean, "max": max, "min": min, "argmax": argmax, "argmin": argmin, "prod": prod,
    "norm": norm, "var": var, "std": std, "cumsum": cumsum, "mm": mm, "bmm": bmm, "dot": dot, "mv": mv, "matmul": matmul,
    "view": view, "view_as": view_as, "reshape": reshape, "reshape_as": reshape_as, "flatten": flatten,
    "t": t, "transpose": transpose, "permute": permute, "unsqueeze": unsqueeze, "squeeze": squeeze,
    "expand": expand, "expand_as": expand_as, "select": select, "narrow": narrow, "unbind": unbind,
    "chunk": chunk, "split": split, "_slice": _slice,
    "add_": add_, "sub_": sub_, "mul_": mul_, "div_": div_, "exp_": exp_, "sigmoid_": sigmoid_,
    "tanh_": tanh_, "relu_": relu_, "neg_": neg_, "sqrt_": sqrt_, "log_": log_, "sin_": sin_, "cos_": cos_,
    "abs_": abs__, "pow_": pow__, "clamp_": clamp_, "fill_": fill_, "zero_": zero_, "copy_": copy_,
    "new_tensor": new_tensor, "new_ones": _new_filled("ones"), "new_zeros": _new_filled("zeros"),
    "new_empty": _new_filled("empty"), "new_full": new_full, "softmax": softmax, "log_softmax": log_softmax,
    "index_put_": index_put_, "clone": clone, "contiguous": contiguous, "to": to, "type": type_,
    **CONVERSIONS,
}

_VIEW_METHODS = {"view", "view_as", "reshape", "reshape_as", "flatten", "t", "transpose", "permute", "unsqueeze",
                 "squeeze", "expand", "expand_as", "select", "narrow", "unbind", "chunk", "split"}
for _name, _fn in _METHODS.items():
    # the view ops check their arguments after building the view's autograd edge, as PyTorch does
    setattr(Tensor, _name, edges_first(_fn) if _name in _VIEW_METHODS else _fn)

Tensor.__getitem__ = getitem
Tensor.__setitem__ = setitem
Tensor.__add__ = Tensor.__radd__ = add
Tensor.__sub__ = sub
Tensor.__rsub__ = rsub
Tensor.__mul__ = Tensor.__rmul__ = mul
Tensor.__truediv__ = div
Tensor.__rtruediv__ = rdiv
Tensor.__floordiv__ = floor_divide
Tensor.__mod__ = remainder
Tensor.__rfloordiv__ = _rfloordiv
Tensor.__rmod__ = _rmod
Tensor.__pow__ = pow_
Tensor.__rpow__ = rpow
Tensor.__matmul__ = matmul
Tensor.__rmatmul__ = lambda self, other: matmul(other, self) if type(other) is Tensor else NotImplemented
Tensor.__neg__ = neg
Tensor.__pos__ = lambda self: self
Tensor.__abs__ = abs_
Tensor.__invert__ = lambda self: logical_not(self) if self.dtype is dtypes.bool_ else bitwise_not(self)
Tensor.__and__ = Tensor.__rand__ = bitwise_and
Tensor.__or__ = Tensor.__ror__ = bitwise_or
Tensor.__xor__ = Tensor.__rxor__ = bitwise_xor
Tensor.__iand__ = bitwise_and_
Tensor.__ior__ = bitwise_or_
Tensor.__ixor__ = bitwise_xor_
Tensor.__ipow__ = pow__
Tensor.__imod__ = _augmented(remainder, "RemainderBackward")
Tensor.__ifloordiv__ = _augmented(floor_divide, "NotImplemented")
Tensor.__eq__ = eq
Tensor.__ne__ = ne
Tensor.__lt__ = lt
Tensor.__le__ = le
Tensor.__gt__ = gt
Tensor.__ge__ = ge
Tensor.__iadd__ = add_
Tensor.__isub__ = sub_
Tensor.__imul__ = mul_
Tensor.__itruediv__ = div_
Tensor.__hash__ = object.__hash__

# Everything the language may read on a tensor: the methods above plus the properties.
Tensor.__api__ = frozenset(_METHODS) - {"_slice"} | {
    "shape", "size", "dim", "ndim", "ndimension", "numel", "nelement", "stride", "storage_offset",
    "element_size", "untyped_storage", "data_ptr", "device", "is_cuda", "is_floating_point", "is_signed",
    "is_contiguous",
    "_version", "_base", "_is_view", "grad_fn", "requires_grad", "requires_grad_", "is_leaf", "output_nr",
    "grad", "retains_grad", "retain_grad", "register_hook", "register_post_accumulate_grad_hook", "detach", "detach_", "data", "backward", "item",
    "tolist", "dtype", "T", "mT", "where", "normal_", "uniform_", "random_", "storage",
}
Tensor.__settable__ = frozenset({"grad", "requires_grad", "data"})  # what a program may assign
def _numpy_T(self):
    if self.dim() != 2:  # PyTorch's warnings, each once per process
        warn_once(messages.T_OF_0D if self.dim() == 0 else messages.T_NOT_2D)
    return permute(self, *reversed(range(self.dim())))


Tensor.T = property(_numpy_T)
Tensor.where = lambda self, condition, other: where(condition, self, other)
def _matrix_T(self):
    if self.dim() == 0:
        warn_once("Tensor.mT is deprecated on 0-D tensors. This function is the identity in these cases.")
        return self
    if self.dim() < 2:
        raise runtime(f"tensor.mT is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor.")
    return transpose(self, -2, -1)


Tensor.mT = property(_matrix_T)

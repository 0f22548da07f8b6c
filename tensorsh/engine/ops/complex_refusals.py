"""The ops PyTorch has no complex kernel for, and what each says when a complex tensor reaches it (its dispatch
error '"lt_cpu" not implemented for 'ComplexFloat'', or the op's own check). registry.install puts refused() in
front of these rows: a complex operand raises PyTorch's error, any other call goes on as before."""
import numpy as np

from .. import dtypes
from ..errors import make


def _kernel(name):
    return lambda dt, args: ("NotImplementedError", f"\"{name}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def _says(kind, text):
    return lambda dt, args: (kind, text)


def _max_min(which):
    """max()/min(): the whole tensor's kernel; with another tensor, maximum's check; with a dim, its own check."""
    def message(dt, args):
        if not args:
            return "NotImplementedError", f"\"{which}_all\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'"
        if getattr(args[0], "dtype", None) is not None:
            return "RuntimeError", f"{which}imum not implemented for complex tensors."
        return "RuntimeError", f"{which}(): does not support complex input"
    return message


def _median(dt, args):
    return _kernel("median_out" if args else "median_cpu")(dt, args)


def _polygamma(dt, args):
    """polygamma(n, x): digamma's and trigamma's kernels for n 0 and 1, then polygamma's."""
    n = next((a for a in args if type(a) is int), 2)
    return _kernel({0: "digamma", 1: "trigamma"}.get(n, "polygamma"))(dt, args)


def _unique(dt, args):
    """unique's kernel, unique_dim's when a dim (an int among the arguments, not a bool flag) is given."""
    return _kernel("unique_dim" if any(type(a) is int for a in args) else "unique")(dt, args)


def _unique_consecutive(dt, args, t):
    """unique_consecutive's kernel: unique_dim's with a dim, unless the input is 1-D (dim 0 is then no dim)."""
    dims = [a for a in args if type(a) is int]
    return _kernel("unique_dim" if dims and (t.dim() != 1 or dims[0] != 0) else "unique")(dt, args)


_unique_consecutive.reads_tensor = True


def _histc(dt, args, t, positional, keywords):
    """histc(input, bins=100, min=0, max=0) finds its range with aminmax only when min == max over a non-empty input;
    else its dispatch is histogram's."""
    bound = dict(zip(("bins", "min", "max"), positional), **keywords)
    low, high = bound.get("min", 0), bound.get("max", 0)
    return _kernel("aminmax_cpu" if low == high and t.numel() else "histogram_cpu")(dt, args)


_histc.reads_call = True


def _aminmax(dt, args, t):
    """aminmax over a dim of a 0-dim tensor: its own dtype check; else its kernel's."""
    if t.dim() == 0 and any(type(a) is int for a in args):
        return "RuntimeError", f"aminmax not implemented for {dtypes.SCALAR_NAMES[dt.name]}"
    return _kernel("aminmax_cpu")(dt, args)


_aminmax.reads_tensor = True
_SORT = _says("RuntimeError", " Sort does not support complex dtypes on CPU")
_CLAMP = _says("NotImplementedError", "clamp is not supported for complex types")
_CLAMPS = ("clamp", "clamp_", "clip", "clip_", "clamp_min", "clamp_min_", "clamp_max", "clamp_max_")


def _one_bound(kernel):
    """clamp_min/clamp_max: a number bound meets the meta's complex check; a tensor bound has none (a binary op built
    after the broadcast) and reaches maximum's/minimum's kernel in the common dtype."""
    def message(dt, args, t):
        bound = next((a for a in args if a is not None), None)
        if getattr(bound, "dtype", None) is None:
            return _CLAMP(dt, args)
        return _kernel(f"{kernel}_cpu")(dtypes.promote(t.dtype, bound.dtype), args)
    message.reads_tensor = True
    return message
_NANSUM = _says("RuntimeError", "nansum on CPU does not support complex inputs")


def _nanmean(dt, args):
    """nanmean checks a dtype= given (an integer one refused) before its nansum refuses the complex input."""
    given = next((a for a in args if isinstance(a, dtypes.DType) and a.category < 2), None)
    if given is not None:
        from ..messages import MEAN_GIVEN_DTYPE
        return "RuntimeError", MEAN_GIVEN_DTYPE.format(op="nanmean", name=dtypes.SCALAR_NAMES[given.name])
    return _NANSUM(dt, args)
REFUSED = {
    **{f"{c}{s}": _kernel(f"{c}_cpu") for c in ("lt", "le", "gt", "ge") for s in ("", "_")},
    "max": _max_min("max"), "min": _max_min("min"),
    "maximum": _says("RuntimeError", "maximum not implemented for complex tensors."),
    "minimum": _says("RuntimeError", "minimum not implemented for complex tensors."),
    "argmax": _says("RuntimeError", "argmax(): does not support complex input"),
    "argmin": _says("RuntimeError", "argmin(): does not support complex input"),
    "sort": _SORT, "argsort": _SORT, "msort": _SORT,
    "topk": _says("RuntimeError", " topk does not support complex dtypes on CPU"),
    **{name: _CLAMP for name in _CLAMPS},
    **{f"clamp_{b}{s}": _one_bound(k) for b, k in (("min", "maximum"), ("max", "minimum")) for s in ("", "_")},
    "amax": _kernel("max_values_cpu"), "amin": _kernel("min_values_cpu"), "aminmax": _aminmax,
    "histc": _histc,
    "floor_divide": _kernel("div_floor_cpu"), "floor_divide_": _kernel("div_floor_cpu"),
    "remainder": _kernel("remainder_cpu"), "remainder_": _kernel("remainder_cpu"), "__rmod__": _kernel("remainder_cpu"),
    "__rfloordiv__": _kernel("div_floor_cpu"),
    "fmod": _kernel("fmod_cpu"), "fmod_": _kernel("fmod_cpu"),
    "kthvalue": _kernel("kthvalue_cpu"), "mode": _kernel("mode_cpu"), "cummax": _kernel("cummax_cpu"),
    "cummin": _kernel("cummin_cpu"), "median": _median, "nanmedian": _median, "unique": _unique,
    "unique_consecutive": _unique_consecutive,
    "nansum": _NANSUM, "nanmean": _nanmean,
    "abs_": _says("RuntimeError", "In-place abs is not supported for complex tensors."),
    "heaviside": _says("RuntimeError", "heaviside is not yet implemented for complex tensors."),
    **{name: _kernel(f"{name}_cpu") for name in ("atan2", "hypot", "xlogy", "copysign", "bitwise_and", "bitwise_or",
                                                  "bitwise_xor", "bincount", "logit")},
    **{f"__{r}{o}__": _kernel(f"bitwise_{o}_cpu") for o in ("and", "or", "xor") for r in ("", "r", "i")},
    **{f"{name}{s}": _kernel(f"{name}_cpu") for name in ("bitwise_and", "bitwise_or", "bitwise_xor", "copysign",
                                                         "xlogy") for s in ("_",)},
    **{f"bitwise_{d}_shift{s}": _kernel(f"{d[0]}shift_cpu") for d in ("left", "right") for s in ("", "_")},
    **{f"__{p}{d}shift__": _kernel(f"{d}shift_cpu") for d in ("l", "r") for p in ("", "r", "i")},
    "signbit": _says("NotImplementedError", "signbit is not implemented for complex tensors."),
    **{name: _says("RuntimeError", f"{name} does not support complex inputs.") for name in ("isposinf", "isneginf")},
    "logaddexp2": _kernel("logaddexp2_cpu"), "logit_": _kernel("logit_cpu"),
    "bitwise_not": _kernel("bitwise_not_cpu"), "bitwise_not_": _kernel("bitwise_not_cpu"),
    "hypot_": _kernel("hypot_cpu"), "atan2_": _kernel("atan2_cpu"),
    "heaviside_": _says("RuntimeError", "heaviside is not yet implemented for complex tensors."),
    "mvlgamma": _kernel("arange_cpu"), "mvlgamma_": _kernel("arange_cpu"),
    "erfinv": _kernel("erfinv_vml_cpu"), "erfinv_": _kernel("erfinv_vml_cpu"),
    "i0": _kernel("i0_vml_cpu"), "i0_": _kernel("i0_vml_cpu"),
    "polygamma": _polygamma, "polygamma_": _polygamma,
    "__invert__": _says("TypeError", "~ (operator.invert) is only implemented on integer and Boolean-type tensors"),
    "fmax": _says("RuntimeError", "fmax not implemented for complex tensors."),
    "fmin": _says("RuntimeError", "fmin not implemented for complex tensors."),
    **{f"{name}{s}": _says("RuntimeError", f"{name} is not supported for complex tensors.")
       for name in ("deg2rad", "rad2deg") for s in ("", "_")},
}


def _complex_operand(args, count, wanting_grad=False):
    """(position, tensor) of the first complex tensor among the first `count` arguments (one that requires grad,
    when asked), or None."""
    for i, t in enumerate(args[:count]):
        dt = getattr(t, "dtype", None)
        if dt is not None and dt.__class__ is dtypes.DType and dt.category == 3 and (not wanting_grad or t.requires_grad):
            return i, t
    return None


def _guarded(fn, name, guard):
    """fn behind guard(args, kwargs), which raises PyTorch's error or returns (no `self` of its own: fn's arity errors stay
    fn's); an in-place op's self meets autograd's in-place check first, as it does before any kernel."""
    from .core import check_inplace, needs_grad
    inplace = name.endswith("_") and not name.endswith("__")

    def op(*args, **kwargs):
        found = guard(args, kwargs)
        if found is not None and found[1] is _without_dispatch:
            return _without_dispatch(fn, name, args, kwargs, found[0][1])
        if found is not None:
            (i, t), error = found
            if inplace and i == 0 and needs_grad(t):
                check_inplace(t)
            raise error
        return fn(*args, **kwargs)
    op.__name__, op.__doc__, op.__wrapped__ = getattr(fn, "__name__", name), fn.__doc__, fn
    return op


# TensorIterator's binary ops: their kernel dispatches on the operands' common dtype, after an in-place result's cast
# check (a comparison writes its bool result into any self: none)
_BINARY_KERNELS = frozenset({
    *(f"{c}{s}" for c in ("lt", "le", "gt", "ge") for s in ("", "_")),
    *(f"{c}{s}" for c in ("floor_divide", "remainder", "fmod", "atan2", "hypot", "xlogy", "copysign", "bitwise_and",
                          "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift") for s in ("", "_")),
    "logaddexp2", "__rmod__", "__rfloordiv__",
    *(f"__{r}{o}__" for o in ("and", "or", "xor", "lshift", "rshift") for r in ("", "r", "i"))})


def _complex_common(name, args):
    """(position, tensor) of the first tensor and the common dtype when it is complex: a binary kernel's complex
    tensor or number (`t % 1j`, `torch.xlogy(1j, t)`, complex64 < complex128: ComplexDouble; float16 with a complex
    0-dim tensor: ComplexHalf), or a Python complex number meeting another op's real tensor; else None. An in-place
    op's cast check comes first."""
    from .core import Tensor, cast_for_inplace
    if len(args) < 2 or name not in _BINARY_KERNELS and not any(type(a) is complex for a in args[:2]):
        return None
    if not all(isinstance(a, (Tensor, bool, int, float, complex)) for a in args[:2]):
        return None  # (the parser's refusal)
    found = next(((i, a) for i, a in enumerate(args[:2]) if isinstance(a, Tensor)), None)
    if found is None:
        return None
    dt = dtypes.result_type(args[:2], tensorless=True)
    if dt.category != 3:
        return None
    inplace = name.startswith("__i") or name.endswith("_") and not name.endswith("__")  # (x &= 1j, x.fmod_(1j))
    if inplace and name[:2] not in ("lt", "le", "gt", "ge"):
        cast_for_inplace(args[0], dt)
    return found, dt


# ops whose argument checks (a dim's range, k, p, n, bins, an empty reduction) come before their
# kernel's complex refusal: run first on a real stand-in for the complex tensor (mvlgamma's of elements its value
# check passes)
_OWN_CHECKS_FIRST = frozenset({
    "mvlgamma", "mvlgamma_", "kthvalue", "mode", "median", "nanmedian", "cummax", "cummin", "topk", "sort", "argsort",
    "msort", "max", "min", "amax", "amin", "aminmax", "nansum", "nanmean", "histc", "polygamma",
    "polygamma_"})


def _empty_or_scalar(t, rest):
    return t.numel() == 0 or t.dim() == 0


# where there is nothing to compute PyTorch returns before its kernel's dispatch, so before the complex refusal:
# an empty amax/amin result (an empty input whose reduced dims are not empty), an empty or 0-dim mode and
# cummax/cummin (the 0-dim input copied), a 0-dim kthvalue, and the NaN median/nanmedian of an empty whole tensor;
# the op then runs on the complex tensor, and autograd refuses its complex output when the input requires grad
_NO_DISPATCH = {
    "amax": lambda t, rest: t.numel() == 0, "amin": lambda t, rest: t.numel() == 0,
    "mode": _empty_or_scalar, "cummax": _empty_or_scalar, "cummin": _empty_or_scalar,
    "kthvalue": lambda t, rest: t.dim() == 0,
    "median": lambda t, rest: not rest and t.numel() == 0, "nanmedian": lambda t, rest: not rest and t.numel() == 0,
}


def _without_dispatch(fn, name, args, kwargs, t):
    """fn run on the complex tensor t under no_grad (its argument errors stay its own), then autograd's refusal of a
    complex output when t requires grad."""
    from .. import autograd
    with autograd.no_grad():
        result = fn(*args, **kwargs)
    if autograd.is_grad_enabled() and t.requires_grad:
        raise make("RuntimeError", _NO_AUTOGRAD.format(name))
    return result


def _check_arguments(fn, args, kwargs, i, t):
    """fn's own argument errors, found by calling it with a real stand-in for the complex tensor t at args[i]."""
    from .. import autograd
    from .core import Tensor
    stand_in = Tensor._new(np.full(t._shape, 1e3, t.dtype.to_real().np), t.dtype.to_real())
    with autograd.no_grad():
        fn(*args[:i], stand_in, *args[i + 1:], **kwargs)


def _parsed_bound(bound):
    """A clamp bound PyTorch's parser takes (None, a tensor, a number; an int within 64 bits, signed or not)."""
    from .core import Tensor
    return bound is None or isinstance(bound, Tensor) or type(bound) in (bool, float, complex) or \
        type(bound) is int and -2 ** 63 <= bound < 2 ** 64


def _clamp_arguments(fn, name, args, kwargs, i, t):
    """clamp's meta refuses a complex self right after its 'At least one of 'min' or 'max'' check, before its bounds'
    promotion, conversion and broadcast: the stand-in runs (to meet that check or the parser's refusal) only where
    no bound is given or one does not parse."""
    from .core import Tensor, check_broadcast_all
    bounds = args[i + 1:] + tuple(kwargs.values())
    if all(b is None for b in bounds) or not all(map(_parsed_bound, bounds)) or set(kwargs) - {"min", "max"}:
        _check_arguments(fn, args, kwargs, i, t)
    elif name.startswith(("clamp_min", "clamp_max")):  # (a tensor bound: its broadcast first)
        check_broadcast_all(t, *(b for b in bounds if isinstance(b, Tensor)))


def refused(fn, name):
    """fn, raising PyTorch's error first when its first or second operand is a complex tensor, or a complex number
    makes the common dtype complex (the message reads the arguments besides the complex one; a binary kernel's names
    the common dtype)."""
    message = REFUSED[name]
    count = 1 if name in _CLAMPS else 2  # (clamp's complex tensor bounds: its promotion's and kernel's errors)

    def guard(args, kwargs):  # (keyword arguments read after the positional ones: `x.max(dim=0)` is a dim form)
        found = None if name in _BINARY_KERNELS else _complex_operand(args, count)
        if found is not None:
            i, t = found
            rest = args[:i] + args[i + 1:] + tuple(kwargs.values())
            if name in _NO_DISPATCH and _NO_DISPATCH[name](t, rest):
                return found, _without_dispatch
            if getattr(message, "reads_call", False):
                error = message(t.dtype, rest, t, args[i + 1:], kwargs)
            else:
                error = message(t.dtype, rest, t) if getattr(message, "reads_tensor", False) else message(t.dtype, rest)
            if name in _CLAMPS:
                _clamp_arguments(fn, name, args, kwargs, i, t)
            elif name in _OWN_CHECKS_FIRST:
                _check_arguments(fn, args, kwargs, i, t)
            return found, make(*error)
        common = _complex_common(name, args) if count == 2 else None
        if common is not None:
            (i, _), dt = common
            if dt is dtypes.complex32:  # (TensorIterator makes the ComplexHalf operand before the dispatch)
                from ..messages import COMPLEX_HALF
                from ..errors import warn_once
                warn_once(COMPLEX_HALF)
            return common[0], make(*message(dt, args[:i] + args[i + 1:] + tuple(kwargs.values())))
    return _guarded(fn, name, guard)


# ops whose complex gradient tensorsh does not compute as PyTorch does: refused when a complex operand requires grad
# (PyTorch's own text where PyTorch refuses too), never a wrong gradient
_NOT_YET = "tensorsh: the gradient of {} of a complex tensor is not supported yet"
_NO_AUTOGRAD = "{} does not support automatic differentiation for outputs with complex dtype."
GRADIENT_REFUSED = {
    **{name: _NOT_YET.format(name) for name in ("cov", "corrcoef")},  # (their last bits: complex sums)
    **{name: _NO_AUTOGRAD.format(name) for name in ("nan_to_num", "slice_scatter")},  # (nan_to_num_ records)
}


def no_complex_autograd(name):
    """The error of an op whose derivative is not implemented for complex numbers, raised once its result is made
    (throw_error_for_complex_autograd: after the op's own checks)."""
    return make("RuntimeError", _NO_AUTOGRAD.format(name))


def gradient_refused(fn, name):
    """fn, refusing (with GRADIENT_REFUSED's text) when grad mode is on and a complex tensor operand requires grad."""
    from .. import autograd
    text = GRADIENT_REFUSED[name]

    def guard(args, kwargs):
        found = _complex_operand(args, 3, wanting_grad=True) if autograd.is_grad_enabled() else None
        if found is not None:
            return found, make("RuntimeError", text)
    return _guarded(fn, name, guard)

"""torch.signal.windows: PyTorch's Python window functions (torch/signal/windows/windows.py) over engine ops, so each
window's linspace, its rounding in float32, its checks' words and its autograd graph are PyTorch's."""
from collections.abc import Iterable
from math import sqrt

from tensorsh.engine.errors import type_error, value_error
from tensorsh.engine.torch_api import NAMESPACE as T, Namespace


def _window_function_checks(function_name, M, dtype, layout):
    if M < 0:
        raise value_error(f"{function_name} requires non-negative window length, got M={M}")
    if layout is not T["strided"]:
        raise value_error(f"{function_name} is implemented for strided tensors only, got: {layout}")
    if dtype not in (T["float32"], T["float64"]):
        raise value_error(f"{function_name} expects float32 or float64 dtypes, got: {dtype}")


def _checked(function_name, M, dtype, layout):
    """The dtype a window is made in (the default dtype when none is given), after the common checks."""
    dtype = T["get_default_dtype"]() if dtype is None else dtype
    _window_function_checks(function_name, M, dtype, layout)
    return dtype


def _trivial(M, dtype, layout, device, requires_grad):
    """The window of length 0 (empty) or 1 (a one; exponential, cosine and gaussian compute theirs); None for longer
    windows."""
    if M == 0:
        return T["empty"]((0,), dtype=dtype, layout=layout, device=device, requires_grad=requires_grad)
    if M == 1:
        return T["ones"]((1,), dtype=dtype, layout=layout, device=device, requires_grad=requires_grad)
    return None


def exponential(M, *, center=None, tau=1.0, sym=True, dtype=None, layout=T["strided"], device=None,
                requires_grad=False):
    dtype = _checked("exponential", M, dtype, layout)
    if tau <= 0:
        raise value_error(f"Tau must be positive, got: {tau} instead.")
    if sym and center is not None:
        raise value_error("Center must be None for symmetric windows")
    if M == 0:
        return _trivial(M, dtype, layout, device, requires_grad)
    if center is None:
        center = (M if not sym and M > 1 else M - 1) / 2.0
    constant = 1 / tau
    k = T["linspace"](start=-center * constant, end=(-center + (M - 1)) * constant, steps=M, dtype=dtype,
                      layout=layout, device=device, requires_grad=requires_grad)
    return T["exp"](-T["abs"](k))


def cosine(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("cosine", M, dtype, layout)
    if M == 0:
        return _trivial(M, dtype, layout, device, requires_grad)
    constant = T["pi"] / (M + 1 if not sym and M > 1 else M)
    k = T["linspace"](start=0.5 * constant, end=(0.5 + (M - 1)) * constant, steps=M, dtype=dtype, layout=layout,
                      device=device, requires_grad=requires_grad)
    return T["sin"](k)


def gaussian(M, *, std=1.0, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("gaussian", M, dtype, layout)
    if std <= 0:
        raise value_error(f"Standard deviation must be positive, got: {std} instead.")
    if M == 0:
        return _trivial(M, dtype, layout, device, requires_grad)
    start = -(M if not sym and M > 1 else M - 1) / 2.0
    constant = 1 / (std * sqrt(2))
    k = T["linspace"](start=start * constant, end=(start + (M - 1)) * constant, steps=M, dtype=dtype, layout=layout,
                      device=device, requires_grad=requires_grad)
    return T["exp"](-(k ** 2))


def kaiser(M, *, beta=12.0, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("kaiser", M, dtype, layout)
    if beta < 0:
        raise value_error(f"beta must be non-negative, got: {beta} instead.")
    trivial = _trivial(M, dtype, layout, device, requires_grad)
    if trivial is not None:
        return trivial
    beta = T["tensor"](beta, dtype=dtype, device=device)  # (in the window's dtype, so no NaN at the ends)
    start = -beta
    constant = 2.0 * beta / (M if not sym else M - 1)
    end = T["minimum"](beta, start + (M - 1) * constant)
    k = T["linspace"](start=start, end=end, steps=M, dtype=dtype, layout=layout, device=device,
                      requires_grad=requires_grad)
    return T["i0"](T["sqrt"](beta * beta - T["pow"](k, 2))) / T["i0"](beta)


def general_cosine(M, *, a, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("general_cosine", M, dtype, layout)
    trivial = _trivial(M, dtype, layout, device, requires_grad)
    if trivial is not None:
        return trivial
    if not isinstance(a, Iterable):
        raise type_error("Coefficients must be a list/tuple")
    if not a:
        raise value_error("Coefficients cannot be empty")
    constant = 2 * T["pi"] / (M if not sym else M - 1)
    k = T["linspace"](start=0, end=(M - 1) * constant, steps=M, dtype=dtype, layout=layout, device=device,
                      requires_grad=requires_grad)
    a_i = T["tensor"]([(-1) ** i * w for i, w in enumerate(a)], device=device, dtype=dtype,
                      requires_grad=requires_grad)
    i = T["arange"](a_i.shape[0], dtype=a_i.dtype, device=a_i.device, requires_grad=a_i.requires_grad)
    return (a_i.unsqueeze(-1) * T["cos"](i.unsqueeze(-1) * k)).sum(0)


def general_hamming(M, *, alpha=0.54, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    return general_cosine(M, a=[alpha, 1.0 - alpha], sym=sym, dtype=dtype, layout=layout, device=device,
                          requires_grad=requires_grad)


def hamming(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    return general_hamming(M, sym=sym, dtype=dtype, layout=layout, device=device, requires_grad=requires_grad)


def hann(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    return general_hamming(M, alpha=0.5, sym=sym, dtype=dtype, layout=layout, device=device,
                           requires_grad=requires_grad)


def blackman(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("blackman", M, dtype, layout)
    return general_cosine(M, a=[0.42, 0.5, 0.08], sym=sym, dtype=dtype, layout=layout, device=device,
                          requires_grad=requires_grad)


def bartlett(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    dtype = _checked("bartlett", M, dtype, layout)
    trivial = _trivial(M, dtype, layout, device, requires_grad)
    if trivial is not None:
        return trivial
    constant = 2 / (M if not sym else M - 1)
    k = T["linspace"](start=-1, end=-1 + (M - 1) * constant, steps=M, dtype=dtype, layout=layout, device=device,
                      requires_grad=requires_grad)
    return 1 - T["abs"](k)


def nuttall(M, *, sym=True, dtype=None, layout=T["strided"], device=None, requires_grad=False):
    return general_cosine(M, a=[0.3635819, 0.4891775, 0.1365995, 0.0106411], sym=sym, dtype=dtype, layout=layout,
                          device=device, requires_grad=requires_grad)


WINDOWS = ("bartlett", "blackman", "cosine", "exponential", "gaussian", "general_cosine", "general_hamming",
           "hamming", "hann", "kaiser", "nuttall")
for _name in WINDOWS:
    globals()[_name].__module__ = "torch.signal.windows.windows"
NAMESPACE = {"windows": Namespace("torch.signal.windows", {name: globals()[name] for name in WINDOWS})}

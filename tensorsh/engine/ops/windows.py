"""The window functions (torch.hann_window, hamming_window, blackman_window, bartlett_window, kaiser_window) as
ATen's TensorFactories compose them: arange, then in-place scalar steps in the window's dtype (a periodic window is
the first N of N + 1, over the longer storage)."""
import math

import numpy as np

from .. import autograd, creation, dtypes
from ..errors import runtime
from ..storage import VersionCounter
from ..tensorimpl import Tensor
from .scalar_arith import cxx_inplace_number


def _checks(name, length, dtype, pin_memory):
    """ATen's window_function_checks, in its order (the dtype, then the length), before the window's allocation
    refuses pin_memory=True; a complex dtype passes them (its arange refuses it)."""
    dt = dtypes.DEFAULT_FLOAT if dtype is None else dtype
    if dt.category < 2:
        meta = dtypes.C_NAMES[dt.name]
        raise runtime(f"{name} expects floating point dtypes, got: TensorOptions(dtype={meta}, device=cpu, "
                      "layout=Strided (default), requires_grad=false (default), "
                      f"pinned_memory={'true' if pin_memory else 'false'}, memory_format=(nullopt))")
    if length < 0:
        raise runtime(f"{name} requires non-negative window_length, got window_length={length}")
    creation.refuse_pinning(pin_memory)
    return dt


def _mul_(w, number):
    """TensorFactories' `window.mul_(number)`: C++'s mul_(Scalar), a half or bfloat16 window's number in its dtype."""
    return w.mul_(cxx_inplace_number(w.dtype, number))


def _window(name, length, periodic, dtype, requires_grad, body, pin_memory=False):
    """window_function_checks, the lengths 0 and 1, then body(arange(N)) (N one longer when periodic) cut to the
    window's length over the same storage."""
    dt = _checks(name, length, dtype, pin_memory)
    if length <= 1:
        out = creation.ones(length, dtype=dt) if length else creation.empty(0, dtype=dt)
    else:
        n = length + 1 if periodic else length
        with autograd.no_grad():
            full = body(creation.arange(n, dtype=dt), n)
        # (ATen's in-place steps run below autograd: the window's version is 0, periodic or not)
        out = Tensor._make(full._storage, 0, (length,), (1,), dt, full._np[:length], VersionCounter())
    return out.requires_grad_() if requires_grad else out


def hamming_window(window_length, periodic=True, alpha=0.54, beta=0.46, *, dtype=None, layout=None, device=None,
                   pin_memory=False, requires_grad=False):
    return _window("hamming_window", window_length, periodic, dtype, requires_grad,
                   lambda w, n: _mul_(_mul_(w, math.pi * 2.0 / (n - 1)).cos_(), -beta).add_(alpha), pin_memory)


def hann_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                requires_grad=False):
    _checks("hann_window", window_length, dtype, pin_memory)
    return hamming_window(window_length, periodic, 0.5, 0.5, dtype=dtype, requires_grad=requires_grad)


def _blackman(w, n):
    _mul_(w, math.pi / (n - 1))
    return _mul_(w.mul(4).cos_(), 0.08) - _mul_(w.mul(2).cos_(), 0.5) + 0.42


def blackman_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                    requires_grad=False):
    return _window("blackman_window", window_length, periodic, dtype, requires_grad, _blackman, pin_memory)


def _bartlett(w, n):
    _mul_(w, 2.0 / (n - 1))
    first_half = ((n - 1) >> 1) + 1
    w.narrow(0, first_half, n - first_half).mul_(-1).add_(2)
    return w


def bartlett_window(window_length, periodic=True, *, dtype=None, layout=None, device=None, pin_memory=False,
                    requires_grad=False):
    return _window("bartlett_window", window_length, periodic, dtype, requires_grad, _bartlett, pin_memory)


def kaiser_window(window_length, periodic=True, beta=12.0, *, dtype=None, layout=None, device=None,
                  pin_memory=False, requires_grad=False):
    """kaiser_window_kernel: i0(beta * sqrt(|1 - ((i - alpha) / alpha)^2|)) / i0(beta), alpha = (N - 1) / 2, in the
    dtype's opmath (Math.h's calc_i0)."""
    from .bessel import _i0_values

    def body(w, n):
        T = np.float64 if w.dtype is dtypes.float64 else np.float32
        alpha = T((n - 1) / 2.0)
        i = w._np.astype(T)
        ratio = (i - alpha) / alpha
        arg = T(beta) * np.sqrt(np.abs(T(1) - ratio * ratio))
        values = _i0_values(arg.astype(T)) / _i0_values(np.array([beta], T))[0]
        w._np[...] = dtypes.to_bfloat16(values) if w.dtype is dtypes.bfloat16 else values.astype(w._np.dtype)
        return w
    return _window("kaiser_window", window_length, periodic, dtype, requires_grad, body, pin_memory)

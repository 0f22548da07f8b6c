"""Tensor.log_normal_, geometric_ and cauchy_: PyTorch's serial CPU kernels, one double draw (or normal sample) per
element in memory order, transformed in double with glibc's functions, then cast as static_cast<scalar_t>(double)
casts (dtypes.cast: a c10::Half through float, rounded twice). (Loaded on first use: rows in
ops/lazy.py.)"""
import math

import numpy as np

from . import creation, dtypes, kernels
from .errors import runtime
from .random import _per_element, random_op
from .ops.core import precheck
from .sampling import fill_random


def _exp(v):
    try:
        return math.exp(v)
    except OverflowError:  # (glibc's exp gives inf)
        return math.inf


def _kernel_dtype(self, kernel, floating=True):
    """The kernel's dispatch (after its impl returned for an empty tensor): no bool or complex, floats only."""
    dt = self.dtype
    if self.numel() and (dt is dtypes.bool_ or dt.category == 3 or (floating and not dt.is_floating_point)):
        raise creation.not_implemented_for(kernel, dt)


@random_op(kind="inplace")
def log_normal_inplace(self, mean=1.0, std=2.0, generator=None):
    """exp(normal_distribution<double>(mean, std)): the serial Box-Muller with its cached sample."""
    precheck(self)  # (autograd's check before the kernel's)
    if not std > 0.0:
        raise runtime(f"log_normal_ expects std > 0.0, but found std={std:g}")
    _kernel_dtype(self, "log_normal_cpu")
    z = creation._generator(generator)._normal_serial(self.numel())
    x = kernels.fma(z, np.float64(std), np.full(z.shape, float(mean)))
    return fill_random(self, dtypes.cast(_per_element(_exp, x), self.dtype), "LogNormalBackward0")


@random_op(kind="inplace")
def geometric_inplace(self, p, generator=None):
    """ceil(log(u) / log1p(-p)) for one double uniform per element, cast (integer tensors too)."""
    precheck(self)
    if not 0 < p < 1:
        raise runtime(f"geometric_ expects p to be in (0, 1), but got p={p:g}")
    _kernel_dtype(self, "geometric_cpu", floating=False)
    u = creation._generator(generator)._unit53(self.numel())
    with np.errstate(all="ignore"):
        values = np.ceil(_per_element(math.log, u) / math.log1p(-p)) if u.size and u.min() > 0 else \
            np.ceil(np.array([math.log(v) if v > 0 else -math.inf for v in u.tolist()]) / math.log1p(-p))
    return fill_random(self, dtypes.cast(values, self.dtype), "GeometricBackward0")


@random_op(kind="inplace")
def cauchy_inplace(self, median=0.0, sigma=1.0, generator=None):
    """median + sigma * tan(pi * (u - 0.5)) for one double uniform per element, cast."""
    precheck(self)
    if not sigma > 0.0:
        raise runtime(f"cauchy_ expects sigma > 0.0, but found sigma={sigma:g}")
    if not self.dtype.is_floating_point:
        raise runtime("Cauchy distribution is a continuous probability distribution. dtype must be a floating point "
                      f"but you specified {dtypes.C_NAMES[self.dtype.name]}")
    u = creation._generator(generator)._unit53(self.numel())
    t = _per_element(math.tan, math.pi * (u - 0.5))
    values = kernels.fma(t, np.float64(sigma), np.full(t.shape, float(median)))
    return fill_random(self, dtypes.cast(values, self.dtype), "CauchyBackward0")

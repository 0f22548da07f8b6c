"""Random in-place fills (normal_, uniform_, bernoulli_) and dropout, as PyTorch's CPU kernels draw them."""

import numpy as np

from . import creation, dtypes, kernels
from .errors import runtime, value_error, warn
from .tensorimpl import Tensor
from .ops.registry import op
from .ops.core import precheck, write_inplace, zero_node


def fill_random(self, values, node_name="NormalBackward0"):
    """Write the draws into self in memory order (the order TensorIterator's serial kernel visits elements)."""
    precheck(self)
    order = kernels.dim_order(self._shape, [self._stride])[::-1]  # (slowest dim first)
    inverse = [order.index(d) for d in range(self.dim())]
    arr = np.asarray(values).reshape([self._shape[d] for d in order]).transpose(inverse)

    def write(a):
        a[...] = arr
    return write_inplace(self, write, lambda: zero_node(node_name, self))


def normal_inplace(self, mean=0.0, std=1.0, generator=None):
    n = self.numel()
    values = creation._generator(generator).normal(n, self.dtype.name, mean, std,
                                                   contiguous=self.is_contiguous() or n < 16)
    return fill_random(self, values)


def uniform_inplace(self, from_=0.0, to=1.0, generator=None, **kw):
    if "from" in kw:
        from_ = kw["from"]
    values = creation._generator(generator).uniform(self.numel(), self.dtype.name, from_, to)
    return fill_random(self, values, "UniformBackward0")


def _check_bound(value, name, dt):
    """check_from_to_in_range: the dtype's range (CHECK_OUT_OF_BOUNDS), and a float's exact integers (a warning)."""
    if dt.category == 2:
        lo, hi = float(np.finfo(dt.np).min), float(np.finfo(dt.np).max)
    else:
        lo, hi = (0, 1) if dt is dtypes.bool_ else (int(np.iinfo(dt.np).min), int(np.iinfo(dt.np).max))
    if not lo <= value <= hi:
        raise runtime(f"{name} is out of bounds for {dtypes.C_NAMES[dt.name]}")
    digits = np.finfo(dt.np).nmant + 1 if dt.category == 2 else None
    if digits is not None and not -(1 << digits) <= value <= 1 << digits:
        warn(f"{name} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision limitations "
             f"{dtypes.C_NAMES[dt.name]} can support discrete uniform distribution only within this range. This warning "
             "will become an error in version 1.7 release, please fix the code in advance")


def _float_bound(bound, dt, step):
    """ATen's update_from (step 1) / update_to (step -1): a bound whose neighbour rounds past it in the float
    dtype moves inward by the dtype's spacing there."""
    near = int(np.asarray(bound + step, np.float64).astype(dt.np))
    if (near < bound) if step > 0 else (near >= bound):
        n = abs(bound + step).bit_length() - 1
        return near + step * (1 << (n - (np.finfo(dt.np).nmant + 1) + 1))
    return bound


def random_inplace(self, from_=None, to=None, generator=None, **kw):
    """Tensor.random_(), random_(to), random_(from, to): ATen's random_kernel (a word modulo the dtype's span:
    2^digits + 1 for a float, max + 1 for an integer, the low bit for bool) and random_from_to (the engine's
    randint draws, [from, to))."""
    from_ = kw.pop("from", from_)
    precheck(self)
    dt, n = self.dtype, self.numel()
    g = creation._generator(generator)
    if from_ is None and to is None:
        if dt is dtypes.bool_:
            values = g._words(n) & np.uint64(1)
        elif dt is dtypes.float64 or dt is dtypes.int64:
            span = (1 << 53) + 1 if dt is dtypes.float64 else 1 << 63
            values = g._words64(n) % np.uint64(span)
        else:
            span = (1 << (np.finfo(dt.np).nmant + 1)) + 1 if dt.category == 2 else int(np.iinfo(dt.np).max) + 1
            values = g._words(n) % np.uint64(span)
        return fill_random(self, values.astype(dt.np), "RandomBackward2")
    name = "RandomBackward0"
    if to is None:
        from_, to, name = 0, from_, "RandomBackward1"
    if not from_ < to:
        raise runtime(f"random_ expects 'from' to be less than 'to', but got from={from_} >= to={to}")
    if dt.category == 2:
        from_, to = _float_bound(from_, dt, 1), _float_bound(to, dt, -1)
        if not from_ < to:
            raise runtime("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got "
                          f"from={from_} >= to={to}")
    _check_bound(from_, "from", dt)
    _check_bound(to - 1, "to - 1", dt)
    values = g.randint(from_, to, n) if n else np.empty(0, np.int64)
    return fill_random(self, values.astype(dt.np), name)


def bernoulli_inplace(self, p=0.5, generator=None):
    """Tensor.bernoulli_(p) for a number p: element i is 1 when the i-th double uniform is below p
    (bernoulli_scalar_kernel_default; the MKL kernel runs only on Intel CPUs)."""
    precheck(self)  # (autograd's in-place checks come before the kernel's check of p)
    if isinstance(p, Tensor):
        raise runtime("tensorsh: bernoulli_ with a tensor of probabilities is not supported")
    if not 0 <= p <= 1:
        raise runtime(f"bernoulli_ expects p to be in [0, 1], but got p={float(p):g}")  # (a C++ double)
    u = creation._generator(generator)._unit53(self.numel())
    return fill_random(self, (u < p).astype(self.dtype.np), "BernoulliBackward2")


def dropout(input, p=0.5, train=True, inplace=False, feature=False):
    """ATen's _dropout on the CPU: noise = empty_like(input).bernoulli_(1 - p).div_(1 - p); input * noise.
    feature=True (feature_dropout): one noise value per (sample, channel), broadcast over the other dims."""
    if p < 0.0 or p > 1.0:
        raise value_error(f"dropout probability has to be between 0 and 1, but got {p}")
    if not train or p == 0:
        return input
    if input.numel() == 0:
        return input
    if p == 1:
        zeros = creation.zeros((), dtype=input.dtype)
        return input.mul_(zeros) if inplace else input * zeros
    if feature and input.dim() < 2:
        raise runtime("Feature dropout requires at least 2 dimensions in the input")
    noise = creation.empty(*(input._shape[:2] + (1,) * (input.dim() - 2)), dtype=input.dtype) if feature \
        else creation.empty_like(input)
    noise = bernoulli_inplace(noise, 1 - p)
    noise.div_(1 - p)
    return input.mul_(noise) if inplace else input * noise


# ------------------------------------------------------------------ the rows (see ops/registry.py)

op("normal_", normal_inplace)
op("uniform_", uniform_inplace)
op("random_", random_inplace)
op("bernoulli_", bernoulli_inplace)

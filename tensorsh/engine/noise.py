"""Random in-place fills (normal_, uniform_, bernoulli_) and dropout, as PyTorch's CPU kernels draw them."""

from . import creation
from .errors import runtime, value_error
from .tensorimpl import Tensor
from .ops.registry import op
from .ops.core import precheck, write_inplace, zero_node


def fill_random(self, values):
    precheck(self)
    arr = values.reshape(self._shape)

    def write(a):
        a[...] = arr
    return write_inplace(self, write, lambda: zero_node("NormalBackward0", self))


def normal_inplace(self, mean=0.0, std=1.0, generator=None):
    n = self.numel()
    values = creation._generator(generator).normal(n, self.dtype.name, mean, std,
                                                   contiguous=self.is_contiguous() or n < 16)
    return fill_random(self, values)


def uniform_inplace(self, from_=0.0, to=1.0, generator=None, **kw):
    if "from" in kw:
        from_ = kw["from"]
    values = creation._generator(generator).uniform(self.numel(), self.dtype.name, from_, to)
    return fill_random(self, values)


def bernoulli_inplace(self, p=0.5, generator=None):
    """Tensor.bernoulli_(p) for a number p: element i is 1 when the i-th double uniform is below p
    (bernoulli_scalar_kernel_default; the MKL kernel runs only on Intel CPUs)."""
    precheck(self)  # (autograd's in-place checks come before the kernel's check of p)
    if isinstance(p, Tensor):
        raise runtime("tensorsh: bernoulli_ with a tensor of probabilities is not supported")
    if not 0 <= p <= 1:
        raise runtime(f"bernoulli_ expects p to be in [0, 1], but got p={float(p):g}")  # (a C++ double)
    u = creation._generator(generator)._unit53(self.numel())
    return fill_random(self, (u < p).astype(self.dtype.np))


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
op("bernoulli_", bernoulli_inplace)

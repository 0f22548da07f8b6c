"""quantile/nanquantile, cov/corrcoef: ATen's composites written with the same engine ops, so their values and
grad_fns are PyTorch's. (Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import autograd, creation, dtypes
from ..autograd import Node, SavedTensor, edge_of
from ..errors import runtime, type_error
from ..saved_names import as_given, given
from ..tensorimpl import Tensor
from .core import attach, check_inplace, check_internal_overlap, fresh, needs_grad, type_name, write_inplace
from ..autocast import fp32_op

_MODES = ("linear", "lower", "higher", "midpoint", "nearest")


def _quantile_checks(self, q, interpolation, name):
    """quantile's checks in ATen's order (a number q's range, the interpolation's name, quantile_checks); q as a
    tensor."""
    if not isinstance(self, Tensor):
        raise type_error(f"{name}(): argument 'input' (position 1) must be Tensor, not {type_name(self)}")
    if not isinstance(q, Tensor):
        if not 0 <= q <= 1:
            raise runtime(f"{name}() q must be in the range [0, 1] but got {q:g}")
        q = creation.full((), q, dtype=self.dtype if self.dtype.is_floating_point else dtypes.float32)
    if interpolation not in _MODES:
        raise runtime(f"{name}() interpolation must be one of linear, lower, higher, midpoint or nearest, but got "
                      f"{interpolation}")
    if self.numel() == 0:
        raise runtime(f"{name}() input tensor must be non-empty")
    if q.dim() > 1:
        raise runtime(f"{name}() q must be a scalar or 1D tensor")
    if self.dtype not in (dtypes.float32, dtypes.float64):
        raise runtime(f"{name}() input tensor must be either float or double dtype")
    if q.dtype is not self.dtype:
        raise runtime(f"{name}() q tensor must be same dtype as the input tensor")
    return q


def _quantile_shape(self, q, wrapped, keepdim):
    """quantile_output_shape: q's size first when q is 1-D; a 0-dim input's dim keeps no size."""
    if wrapped is None or self.dim() == 0:
        out_shape = [1] * self.dim() if keepdim else []
    else:
        out_shape = list(self._shape)
        if keepdim:
            out_shape[wrapped] = 1
        else:
            del out_shape[wrapped]
    return [q.numel()] + out_shape if q.dim() > 0 else out_shape


def _quantile(self, q, dim, keepdim, interpolation, ignore_nan, name, out=None):
    q = _quantile_checks(self, q, interpolation, name)
    if out is not None:  # (quantile_out_impl: out's dtype, its resize, then the values copied in)
        if out.dtype is not self.dtype:
            raise runtime(f"{name}() out tensor must be same dtype as the input tensor")
        from .out_dtypes import warn_resized
        from .geometry_inplace import resize_output
        shape = tuple(_quantile_shape(self, q, None if dim is None else self._wrap_dim(dim), keepdim))
        warn_resized(out, shape)
        resize_output(out, shape)
        return out.copy_(_quantile(self, q, dim, keepdim, interpolation, ignore_nan, name))
    wrapped = None if dim is None else self._wrap_dim(dim)
    with autograd.no_grad():
        if not bool(((q >= 0) & (q <= 1)).all()):
            raise runtime(f"{name}() q values must be in the range [0, 1]")
    if (self.numel() if wrapped is None or not self.dim() else self._shape[wrapped]) > 1 << 24:
        raise runtime(f"{name}() input tensor is too large")  # (quantile_impl: the sorted length, past float's integers)
    out_shape = _quantile_shape(self, q, wrapped, keepdim)
    if wrapped is None:
        sorted_ = self.flatten().sort()[0]
    elif wrapped == self.dim() - 1:
        sorted_ = self.sort()[0]
    else:
        sorted_ = self.unsqueeze(-1).transpose(wrapped, -1).sort()[0]
    if q.dim() == 0:
        out_shape.insert(0, q.numel())
    in_shape = out_shape[1:] + [0]
    in_shape[-1] = sorted_._shape[-1]
    sorted_ = sorted_.view(in_shape)
    with autograd.no_grad():
        if ignore_nan:
            ranks = q * (sorted_.isnan().logical_not_().sum(-1, True) - 1)
            ranks.masked_fill_(ranks < 0, 0)
        else:
            last = sorted_._shape[-1] - 1
            a, b = _broadcast(q * last, sorted_.isnan().any(-1, True))
            ranks = a.masked_fill(b, last)
        if interpolation == "lower":
            ranks.floor_()
        elif interpolation == "higher":
            ranks.ceil_()
        elif interpolation == "nearest":
            ranks.round_()
        ranks_below = ranks.to(dtypes.int64)
    values_below = sorted_.gather(-1, ranks_below)
    if interpolation in ("linear", "midpoint"):
        with autograd.no_grad():
            weights = creation.full_like(ranks, 0.5) if interpolation == "midpoint" else ranks - ranks_below
            ranks_above = ranks.ceil_().to(dtypes.int64)
        values_above = sorted_.gather(-1, ranks_above)
        values_below.lerp_(values_above, weights)
    if q.dim() == 0:
        values_below.squeeze_(-1)
    else:
        values_below.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)
    return values_below


def _broadcast(a, b):
    from .predicates import broadcast_tensors
    return broadcast_tensors(a, b)


@fp32_op
def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, False, "quantile", out)


@fp32_op
def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile(input, q, dim, keepdim, interpolation, True, "quantile", out)  # (PyTorch's texts say quantile())


def _checked_weights(w, name, kind, allowed, n):
    if w.dim() > 1:
        raise runtime(f"cov(): expected {name} to have one or fewer dimensions but got {name} with {w.dim()} "
                      "dimensions")
    if not allowed(w.dtype):
        raise runtime(f"cov(): expected {name} to have {kind} dtype but got {name} with "
                      f"{dtypes.SCALAR_NAMES[w.dtype.name]} dtype")
    if w.numel() != n:
        raise runtime(f"cov(): expected {name} to have the same numel as there are observations in the input but "
                      f"got {w.numel()} != {n}")
    if n and not bool(w.min() >= 0):
        raise runtime(f"cov(): {name} cannot be negative")
    return w


def cov(input, *, correction=1, fweights=None, aweights=None):
    """ATen's cov: input as (variables, observations), weighted mean, centred product over the normalization."""
    if input.dim() > 2:
        raise runtime(f"cov(): expected input to have two or fewer dimensions but got an input with {input.dim()} "
                      "dimensions")
    if input.dtype is dtypes.bool_:
        raise runtime("cov(): bool dtype is not supported for input")
    x = input.view(1, -1) if input.dim() < 2 else input
    n = x._shape[1]
    w = None
    if fweights is not None:
        w = _checked_weights(fweights, "fweights", "integral", lambda dt: dt.category == 1, n)
    if aweights is not None:
        aw = _checked_weights(aweights, "aweights", "floating point", lambda dt: dt.is_floating_point, n)
        w = aw if w is None else w * aw
    w_sum = w.sum() if w is not None else creation.full((), n, dtype=dtypes.int64)
    if w is not None and not bool(w_sum != 0):
        raise runtime("cov(): weights sum to zero, can't be normalized")
    avg = (x * w if w is not None else x).sum(1) / w_sum
    if w is not None and aweights is not None and correction != 0:
        norm_factor = w_sum - correction * (w * aweights).sum() / w_sum
    else:
        norm_factor = w_sum - correction
    if bool(norm_factor <= 0):
        from ..errors import warn
        warn("cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of "
             "observations.")
        norm_factor = norm_factor * 0
    x = x - avg.unsqueeze(1)
    c = x.mm((x * w if w is not None else x).t().conj())
    return c.true_divide(norm_factor).squeeze()


def corrcoef(input):
    if input.dim() > 2:
        raise runtime(f"corrcoef(): expected input to have two or fewer dimensions but got an input with "
                      f"{input.dim()} dimensions")
    c = cov(input)
    if c.dim() == 0:
        return c / c
    d = c.diagonal()
    stddev = (d.real if d.is_complex() else d).sqrt()
    c = c / stddev.view(-1, 1)
    c = c / stddev.view(1, -1)
    # (a complex result's real and imaginary parts clipped each)
    if not c.is_complex():
        return c.clip(-1, 1)
    from .real_complex import complex_
    return complex_(c.real.clip(-1, 1), c.imag.clip(-1, 1))


# ------------------------------------------------------------------ renorm

_CPU_ACCUMULATE = {dtypes.float16: dtypes.float32, dtypes.bfloat16: dtypes.float32, dtypes.float32: dtypes.float64,
                   dtypes.float64: dtypes.float64}  # (at::toAccumulateType on the CPU; complex: complex128)


class RenormBackward0(Node):
    """PyTorch's renorm_backward: where a slice's norm exceeded maxnorm, (grad - invnorm * nb) * maxnorm / norm, nb
    the norm's own gradient (norm_backward) of the slice's sum of self * grad; elsewhere the gradient unchanged. The
    norm and that sum in the accumulate type (double on the CPU), self as it is."""
    __slots__ = ("p", "dim", "maxnorm")
    saved_names, saved_values = ("self",), {"p": "p", "dim": as_given("dim"), "maxnorm": "maxnorm"}

    def __init__(self, x, p, dim, maxnorm):
        Node.__init__(self, (edge_of(x),))
        self.p, self.dim, self.maxnorm = p, dim, maxnorm
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        """FunctionsManual's renorm_backward, op for op (the norm in the CPU's accumulate type; a C++
        `maxnorm * invnorm` is mul.Scalar, made after the difference it multiplies: GCC's order)."""
        from .reductions import norm_backward
        from .scalar_arith import add_scalar, mul_scalar
        x, = self.unpack()
        dims = [d for d in range(x.dim()) if d != self.dim]
        acc = _CPU_ACCUMULATE.get(x.dtype, dtypes.complex128)
        norm = x.norm(self.p, dims, True, dtype=acc if acc is not x.dtype else None)
        grad_output = x.conj() * g
        grad_output = (grad_output.real if grad_output.is_complex() else grad_output).sum(dims, True,
                                                                                         dtype=acc.to_real())
        nb = norm_backward(grad_output, x, norm, self.p, dims, True)
        invnorm = add_scalar(norm, 1e-7).reciprocal()
        difference = g - invnorm * nb
        grad_norm = mul_scalar(invnorm, self.maxnorm) * difference
        return (grad_norm.to(g.dtype).where(norm > self.maxnorm, g),)


def _renorm_values(self, p, dim, maxnorm):
    if maxnorm < 0:
        raise runtime(f"renorm: expected maxnorm to be >= 0 but got {maxnorm:g}")
    if self.dim() <= 1:
        raise runtime(f"renorm: input needs at least 2 dimensions, got {self.dim()} dimensions")
    if not p > 0:
        raise runtime("renorm: non-positive-norm not supported")
    d = self._wrap_dim(dim)
    dims = [i for i in range(self.dim()) if i != d]
    with autograd.no_grad():  # (float16/bfloat16: the norm and the factor in float, the factor rounded to self's)
        reduced = self.dtype in (dtypes.float16, dtypes.bfloat16)
        norm = self.norm(p, dims, True, dtype=dtypes.float32 if reduced else None)
        dt = norm.dtype.np.type
        arr = norm._np
        factor = np.where(arr > dt(maxnorm), dt(maxnorm) / (arr + dt(1e-7)), dt(1))
        factor = fresh(np.ascontiguousarray(factor, arr.dtype), norm.dtype)
        return d, (self * (factor.to(self.dtype) if reduced else factor)).contiguous()  # (renorm_out's: contiguous)


def renorm(self, p, dim, maxnorm):
    d, out = _renorm_values(self, p, dim, maxnorm)
    if needs_grad(self):
        attach(out, given(RenormBackward0(self, p, d, maxnorm), dim=dim))
    return out


def renorm_inplace(self, p, dim, maxnorm):
    if needs_grad(self):  # (autograd's check before the kernel's)
        check_inplace(self)
    d, values = _renorm_values(self, p, dim, maxnorm)
    check_internal_overlap(self)  # (the kernel's TensorIterator, after the meta function's argument checks)

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, lambda: given(RenormBackward0(self, p, d, maxnorm), dim=dim))

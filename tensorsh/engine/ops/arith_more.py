"""torch.pow with a number base, and the in-place twins PyTorch spells as methods: remainder_, fmod_, floor_divide_
(the `%=`/`//=` machinery of functions.py, with fmod's own kernel)."""
from .. import autograd, functions as F
from .core import Tensor, cast_for_inplace, check_fits_output, fresh, needs_grad, precheck, write_inplace


def pow_function(self, exponent):
    """torch.pow(input, exponent), or torch.pow(self: Number, exponent: Tensor) as PyTorch's pow.Scalar overload."""
    if isinstance(self, Tensor):
        return self.pow(exponent)
    return F.rpow(exponent, self)


def _inplace(fn, node_cls):
    """x %= y, x.fmod_(y): the out-of-place values written back under TensorIterator's cast rule, recording the
    op's own node (with y's edge when y is a tensor: its gradient is -g * floor(x / y), or trunc for fmod)."""
    def op(self, other):
        with autograd.no_grad():
            values = fn(self, other)
        precheck(self, other)
        check_fits_output(self, other)
        cast_for_inplace(self, values.dtype)
        original = fresh(self._np.copy(), self.dtype) if needs_grad(self, other) else None

        def write(arr):
            arr[...] = values._np
        return write_inplace(self, write, lambda: node_cls(other)(self, other, None, original), (other,))
    return op


def _fmod(self, other):
    from ..pointwise import fmod
    F._check_integer_division(self, other)  # (an integer fmod by zero raises, as remainder's does)
    return fmod(self, other)


def _fmod_node(other):
    from .. import pointwise
    return pointwise.FmodBackward1 if isinstance(other, Tensor) else pointwise.FmodBackward0


remainder_inplace = _inplace(F.remainder, lambda other: F.RemainderBackward0)
fmod_inplace = _inplace(_fmod, _fmod_node)
floor_divide_inplace = F._augmented(F.floor_divide, "NotImplemented")

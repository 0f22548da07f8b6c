"""torch.pow with a number base, and the in-place twins PyTorch spells as methods: remainder_, fmod_, floor_divide_
(the `%=`/`//=` machinery of functions.py, with fmod's own kernel)."""
from .. import functions as F
from .core import Tensor


def pow_function(self, exponent):
    """torch.pow(input, exponent), or torch.pow(self: Number, exponent: Tensor) as PyTorch's pow.Scalar overload."""
    if isinstance(self, Tensor):
        return self.pow(exponent)
    return F.rpow(exponent, self)


def _fmod(self, other):
    from ..pointwise import fmod
    F._check_integer_division(self, other)  # (an integer fmod by zero raises, as remainder's does)
    return fmod(self, other)


def _fmod_node(other):
    from .. import pointwise
    return pointwise.FmodBackward1 if isinstance(other, Tensor) else pointwise.FmodBackward0


remainder_inplace = F._augmented(F.remainder, lambda other: F.RemainderBackward0)
fmod_inplace = F._augmented(_fmod, _fmod_node)
floor_divide_inplace = F._augmented(F.floor_divide, "NotImplemented")

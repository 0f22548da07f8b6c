"""PyTorch's complex-number API on the real tensors tensorsh has: conj, conj_physical(_), resolve_conj, resolve_neg,
real (the tensor itself), imag (refused), isreal (all true), angle (0 or pi, NaN kept, AngleBackward0 with a zero
gradient), and the conjugate transposes adjoint/mH/H (a transpose; 0-d: the tensor itself, with its warning)."""
import math

import numpy as np

from .. import dtypes
from ..errors import runtime, warn
from .core import SavingNode, attach, fresh, needs_grad, precheck, write_inplace, zeros_of


def itself(self):
    """conj / conj_physical / resolve_conj / resolve_neg / real of a real tensor: the tensor itself."""
    return self


def conj_physical_inplace(self):
    precheck(self)
    return write_inplace(self, lambda arr: None, None)


def imag(self):
    raise runtime("imag is not implemented for tensors with non-complex dtypes.")


def isreal(self):
    return fresh(np.ones(self._shape, np.bool_), dtypes.bool_)


class AngleBackward0(SavingNode):
    """angle_backward of a real tensor: zeros like it."""
    saved_names, saves_result = ("self",), None

    def backward(self, g):
        x, = self.unpack()
        return (zeros_of(x),)


def angle(self):
    """NaN stays NaN, negatives are pi, the rest 0 (integers in the default float dtype)."""
    dt = self.dtype if self.dtype.category == 2 else dtypes.DEFAULT_FLOAT
    x = self._np
    values = np.where(np.isnan(x) if self.dtype.category == 2 else False, x,
                      np.where(x < 0, math.pi, 0.0)).astype(dt.np if dt is not dtypes.bfloat16 else np.float32)
    out = fresh(values, dt)
    if needs_grad(self):
        attach(out, AngleBackward0(self))
    return out


def _conjugate_transpose(self, name, zero_dim_warning, two_d_only=False):
    if self.dim() == 0:
        warn(zero_dim_warning)
        return self
    if two_d_only and self.dim() != 2:
        raise runtime(f"tensor.H is only supported on matrices (2-D tensors). Got {self.dim()}-D tensor."
                      + (" For batches of matrices, consider using tensor.mH" if self.dim() > 2 else ""))
    if self.dim() < 2:
        raise runtime(f"tensor.{name} is only supported on matrices or batches of matrices. Got {self.dim()}-D "
                      "tensor.")
    return self.transpose(-2, -1)


def adjoint(self):
    return _conjugate_transpose(self, "adjoint()", "adjoint() is deprecated on 0-D tensors. Consider using x.conj().")


def matrix_H(self):
    return _conjugate_transpose(self, "mH", "Tensor.mH is deprecated on 0-D tensors. Consider using x.conj().")


def H(self):
    return _conjugate_transpose(self, "H", "Tensor.H is deprecated on 0-D tensors. Consider using x.conj().", True)

"""Layers that draw random numbers: AlphaDropout, FeatureAlphaDropout (ATen's _dropout_impl with alpha: a Bernoulli
noise, then input * (noise * a) + b as its ops, so AddBackward0 <- MulBackward0) and RReLU (engine/rrelu.py)."""
import math

from tensorsh.engine import creation
from tensorsh.engine.errors import runtime
from tensorsh.engine.sampling import dropout_without_noise
from tensorsh.engine.rrelu import rrelu as _rrelu
from .c_functions import C
from .functional import _check_p
from .layers import _DropoutNd
from .module import Module


def _in(module_name):
    return "torch.nn.modules." + module_name


_ALPHA = 1.7580993408473766


def _alpha_dropout(input, p, training, inplace, feature):
    p = float(p)  # (a 0-dim tensor p: PyTorch's parser reads it as a double)
    result = dropout_without_noise(input, p, training, inplace, feature)
    if result is not None:
        return result
    # (make_feature_noise's is contiguous; otherwise empty_like keeps input's strides, and bernoulli_ draws in them)
    noise = creation.empty(*input.shape[:2], *(1,) * (input.dim() - 2), dtype=input.dtype) if feature \
        else creation.empty_like(input)
    noise.bernoulli_(1 - p)
    a = 1.0 / math.sqrt((_ALPHA * _ALPHA * p + 1) * (1 - p))
    b = noise.add(-1).mul_(_ALPHA * a).add_(_ALPHA * a * p)
    noise.mul_(a)
    return input.mul_(noise).add_(b) if inplace else input.mul(noise).add_(b)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    _check_p(p)
    C.alpha_dropout_(input, p, training) if inplace else C.alpha_dropout(input, p, training)
    return _alpha_dropout(input, p, training, inplace, False)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    _check_p(p)
    C.feature_alpha_dropout_(input, p, training) if inplace else C.feature_alpha_dropout(input, p, training)
    return _alpha_dropout(input, p, training, inplace, True)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    C.rrelu_(input, lower, upper, training) if inplace else C.rrelu(input, lower, upper, training)
    return rrelu_impl(input, lower, upper, training, inplace)


def rrelu_impl(input, lower, upper, training, inplace):
    if lower > upper:
        raise runtime("Lower bound should be less than or equal to the upper bound")
    return _rrelu(input, lower, upper, training, inplace=inplace)


class AlphaDropout(_DropoutNd):
    __module__ = _in("dropout")

    def forward(self, input):
        return alpha_dropout(input, self.p, self.training)


class FeatureAlphaDropout(_DropoutNd):
    __module__ = _in("dropout")

    def forward(self, input):
        return feature_alpha_dropout(input, self.p, self.training)


class RReLU(Module):
    __module__ = _in("activation")

    def __init__(self, lower=1.0 / 8, upper=1.0 / 3, inplace=False):
        super().__init__()
        self.lower = lower
        self.upper = upper
        self.inplace = inplace

    def forward(self, input):
        return rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self):
        inplace_str = ", inplace=True" if self.inplace else ""
        return f"lower={self.lower}, upper={self.upper}{inplace_str}"


FUNCTIONAL = ("alpha_dropout feature_alpha_dropout rrelu").split()

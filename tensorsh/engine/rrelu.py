"""rrelu (ATen's rrelu_with_noise on the CPU) beside RreluWithNoiseBackward0: in training each element <= 0 is
multiplied by its own draw from U(lower, upper) (one 64-bit draw each, in memory order, between the bounds as the
input's opmath type holds them (float for a float32 or bfloat16 input: 1/3 is 0.3333333432674408), as a double
cast to the input's type), which the node keeps as `noise`; in evaluation the slope is (lower + upper) / 2. rrelu_
(rrelu_with_noise_) writes the input and records RreluWithNoiseBackward1, whose formula reads the result."""
import numpy as np

from . import autograd, creation, dtypes
from .composite_backward import recorded
from .autograd import Node, SavedTensor
from .errors import runtime
from .messages import LEAKY_INPLACE_NEGATIVE_SLOPE
from .ops.core import attach, check_inplace, fresh, needs_grad, operand_edge, write_inplace, zeros_of


class RreluWithNoiseBackward0(Node):
    __slots__ = ("lower", "upper", "training")
    saved_names = ("self", "noise")
    saved_values = {"lower": "lower", "upper": "upper", "training": "training"}

    def __init__(self, x, noise, lower, upper, training):
        Node.__init__(self, (operand_edge(x),))
        self.lower, self.upper, self.training = lower, upper, training
        self.saved = (SavedTensor(x), SavedTensor(noise))

    def backward(self, g):
        x, noise = self.unpack()
        with autograd.no_grad():
            out = self._grad(g, x, noise)
        return (recorded(out, "RreluWithNoiseBackwardBackward0", self._grad, (g, x), (noise,),
                         (None, "self", "noise"),  # (its formula reads no grad_output: not saved in PyTorch)
                         lower=self.lower, upper=self.upper, training=self.training, double=self._double),)

    def _double(self, gg, g, x, noise):
        """derivatives.yaml: grad_output's rrelu_with_noise_backward(grad, ...), self's zeros_like(grad) (a zero,
        not an undefined gradient)."""
        return self._grad(gg, x, noise), zeros_of(gg)

    def _grad(self, g, x, noise):
        """rrelu_with_noise_backward: g * noise in training, else g where x > 0 and g * (lower + upper) / 2 (that of
        leaky_relu_backward, which refuses a negative slope on a result: the in-place twin's)."""
        if self.training and self.upper - self.lower > 1e-6:
            return g * noise
        slope = (self.lower + self.upper) / 2
        if slope < 0 and self.saved_names[-1] == "result":
            raise runtime(LEAKY_INPLACE_NEGATIVE_SLOPE)
        return g.where(x > 0, g * slope)


class RreluWithNoiseBackward1(RreluWithNoiseBackward0):
    """rrelu_'s: the formula on the result (saved by write_inplace, after the noise)."""
    __slots__ = ()
    saved_names = ("noise", "result")
    saved_values = RreluWithNoiseBackward0.saved_values

    def __init__(self, x, noise, lower, upper, training):
        Node.__init__(self, (operand_edge(x),))
        self.lower, self.upper, self.training = lower, upper, training
        self.saved = (SavedTensor(noise),)

    def unpack(self):
        noise, result = Node.unpack(self)
        return result, noise


def rrelu(input, lower=1.0 / 8.0, upper=1.0 / 3.0, training=False, generator=None, inplace=False):
    dt = input.dtype  # (the kernels' dispatch: floats in evaluation (leaky_relu's), and not half in training)
    if dt.category != 2 or training and dt is dtypes.float16:
        raise creation.not_implemented_for("rrelu_with_noise_out_cpu" if training else "leaky_relu_cpu", dt)
    if inplace and needs_grad(input):  # (autograd's leaf/view check runs before the kernel draws)
        check_inplace(input)
    x = input._np
    dt = x.dtype.type
    noise = np.ones(x.shape, x.dtype)
    if training:
        flat = np.asarray(x, order="C").reshape(-1)
        neg = flat <= 0
        u = creation._generator(generator)._unit53(int(neg.sum()))
        lo, hi = (lower, upper) if dt is np.float64 else (float(np.float32(lower)), float(np.float32(upper)))
        r = (u * (hi - lo) + lo).astype(x.dtype)  # (the bounds in the input's opmath type, the draw in double)
        out = flat.copy()
        out[neg] = (flat[neg] * r).astype(x.dtype)
        noise.reshape(-1)[neg] = r
        out = out.reshape(x.shape)
    else:
        op = np.float32 if dt is np.float16 else dt  # (leaky_relu's kernel: a half's slope and product in float)
        out = np.where(x > 0, x, (x.astype(op) * op((lower + upper) / 2)).astype(x.dtype))
    if inplace:
        def write(a):
            a[...] = out
        return write_inplace(input, write, lambda: RreluWithNoiseBackward1(input, fresh(noise, input.dtype), lower,
                                                                             upper, training), save_output=True)
    result = fresh(np.asarray(out, order="C"), input.dtype)  # (ascontiguousarray makes a 0-dim array 1-dim)
    if needs_grad(input):
        attach(result, RreluWithNoiseBackward0(input, fresh(noise, input.dtype), lower, upper, training))
    return result

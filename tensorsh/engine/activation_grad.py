"""The activations' gradients as differentiable ops (what their nodes compute under create_graph=True): gelu's,
leaky_relu's, elu's, hardtanh's and softplus's beside their nodes (GeluBackwardBackward0, ...), whose own backward
is ATen's formula (derivatives.yaml, FunctionsManual.cpp) composed of engine ops in its order; silu's is ATen's
infinitely_differentiable_silu_backward, itself a composition of ops."""
import numpy as np

from . import activation, kernels
from .autograd import Node, SavedTensor, edge_of
from .errors import runtime
from .ops.comparison import where
from .ops.scalar_arith import add_scalar as _add_scalar, div_scalar, mul_scalar, sub_scalar
from .ops.core import attach, fresh, needs_grad, operand_edge, zeros_of

M_2_SQRTPI, M_SQRT2, M_SQRT1_2 = 1.12837916709551257390, 1.41421356237309504880, 0.70710678118654752440  # <cmath>


def gelu_double_backward(ggI, gO, x, approximate):
    """FunctionsManual.cpp's gelu_double_backward, op for op (C++'s scalar-tensor operators as ATen spells them)."""
    if approximate == "tanh":
        k_beta = M_SQRT2 * M_2_SQRTPI * 0.5
        k_kappa = 0.044715
        inner = (x + x.pow(3) * k_kappa) * k_beta
        tanh_inner = inner.tanh()
        sech_inner = inner.cosh().reciprocal() * 1
        f = x * 0.5
        g = 1 - tanh_inner * tanh_inner
        h = (x * (3 * k_kappa) * x + 1) * k_beta
        f_prime_gh = g * 0.5 * h
        g_prime = sech_inner * 2 * (-sech_inner * tanh_inner) * h
        g_prime_fh = f * h * g_prime
        h_prime = x * (6 * k_kappa) * k_beta
        h_prime_fg = f * g * h_prime
        return ggI * gO * (f_prime_gh + f_prime_gh + g_prime_fh + h_prime_fg)
    k_beta = M_2_SQRTPI * M_SQRT1_2 * 0.5
    input_sq = x * x
    pdf = (input_sq * -0.5).exp() * k_beta
    d_grad_d_input = pdf * 2 - input_sq * pdf
    return ggI * gO * d_grad_d_input


class _BackwardBackward(Node):
    """The node of an activation's gradient op: its inputs the incoming gradient and the saved input (or result)."""
    __slots__ = ("params",)

    def __init__(self, grad, v, params):
        Node.__init__(self, (operand_edge(grad), operand_edge(v)))
        self.params = params
        self.saved = (SavedTensor(grad), SavedTensor(v))

    def backward(self, gg):
        grad, v = self.unpack()
        return (self.first(gg, v, *self.params) if self.next_functions[0][0] is not None else None,
                self.second(gg, grad, v, *self.params) if self.next_functions[1][0] is not None else None)


def _gradient_op(name, values, second):
    """An activation's gradient op computing `values` (the arrays of the first backward, so its bits), recorded as
    node `name` whose backward is (the op again on the new gradient, second(gg, grad, v, *params))."""
    node = type(name, (_BackwardBackward,), {"__slots__": (), "name_": name, "second": staticmethod(second)})

    def op(grad, v, *params):
        out = fresh(kernels.contiguous(values(grad._np, v._np, *params), dtype=grad.dtype.np), grad.dtype)
        if needs_grad(grad, v):
            attach(out, node(grad, v, params))
        return out
    node.first = staticmethod(op)
    return op


def _zeros(gg, grad, v, *params):
    return zeros_of(gg)  # (a piecewise-linear gradient: its slope in the input is zeros_like(grad))


def _below_zero(v, like):
    return (v < 0).to(like.dtype)  # (self_or_result < 0).type_as(grad)


def _elu_double(gg, grad, x, alpha, scale, input_scale):
    scaled = mul_scalar(gg * grad, input_scale)  # (C++'s `* input_scale.toDouble()`: mul.Scalar)
    return elu_backward(scaled, x, alpha, scale, input_scale) * _below_zero(x, gg)


def _elu_double_result(gg, grad, r, alpha, scale, input_scale):
    return mul_scalar(gg * grad, input_scale) * _below_zero(r, gg)


def _softplus_double(gg, grad, x, beta, threshold):
    """softplus_double_backward(grad * grad_output, self, beta, threshold): sigmoid_backward(grad, (x * beta).sigmoid())
    * (x * beta < threshold).type_as(grad) * beta."""
    from .ops.unary import _backward_op  # (sigmoid_backward as ATen's op, SigmoidBackwardBackward0 recorded)
    g = gg * grad
    bx = mul_scalar(x, beta)
    return mul_scalar(_backward_op("sigmoid")(g, bx.sigmoid()) * (bx < threshold).to(g.dtype), beta)


def _hardswish_double(gg, grad, x):
    """where(logical_and(-3.0 < self, self < 3.0), grad * grad_output / 3.0, zeros({}))."""
    return where((x > -3.0).logical_and(x < 3.0), div_scalar(gg * grad, 3.0), 0.0)


def _log_sigmoid_double(gg, grad, x, buffer):
    """log_sigmoid_double_backward(grad * grad_output, self): grad * (z - 1) * z, z = self.sigmoid()."""
    z = x.sigmoid()
    return gg * grad * sub_scalar(z, 1) * z


class _NotImplemented(Node):
    """A gradient op PyTorch does not differentiate: its node is `NotImplemented`, and its backward raises."""
    __slots__ = ("op",)
    name_ = "NotImplemented"

    def __init__(self, op, *inputs):
        Node.__init__(self, tuple(operand_edge(t) for t in inputs))
        self.op = op

    def backward(self, gg):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


def hardsigmoid_backward(grad, x):
    out = fresh(kernels.contiguous(activation._hardsigmoid_grad(grad._np, x._np), dtype=grad.dtype.np), grad.dtype)
    if needs_grad(grad, x):
        attach(out, _NotImplemented("hardsigmoid_backward", grad, x))
    return out


def mish_backward(grad, x):
    """infinitely_differentiable_mish_backward: grad * (tanh(softplus) + x * sigmoid * (1.0 - tanh(softplus)^2)),
    softplus = x.exp().log1p(); C++'s `1.0 - t` is empty_like(t).fill_(1.0).sub_(t)."""
    sigmoid = x.sigmoid()
    tanh_softplus = x.exp().log1p().tanh()
    one_minus = fresh(np.ones(tanh_softplus._shape, x.dtype.np), x.dtype).sub_(tanh_softplus * tanh_softplus)
    return grad * (tanh_softplus + x * sigmoid * one_minus)


gelu_backward = _gradient_op("GeluBackwardBackward0", activation._gelu_grad, gelu_double_backward)
leaky_relu_backward = _gradient_op("LeakyReluBackwardBackward0", activation._leaky_grad, _zeros)
elu_backward = _gradient_op("EluBackwardBackward0", activation._elu_grad, _elu_double)
elu_backward_result = _gradient_op("EluBackwardBackward0", activation._elu_grad_result, _elu_double_result)
hardtanh_backward = _gradient_op("HardtanhBackwardBackward0", activation._hardtanh_grad, _zeros)
hardshrink_backward = _gradient_op("HardshrinkBackwardBackward0", activation._shrink_grad, _zeros)
softshrink_backward = _gradient_op("SoftshrinkBackwardBackward0", activation._shrink_grad, _zeros)
threshold_backward = _gradient_op("ThresholdBackwardBackward0", activation._threshold_grad, _zeros)
softplus_backward = _gradient_op("SoftplusBackwardBackward0", activation._softplus_grad, _softplus_double)
hardswish_backward = _gradient_op("HardswishBackwardBackward0", activation._hardswish_grad, _hardswish_double)
log_sigmoid_backward = _gradient_op("LogSigmoidBackwardBackward0",
                                    lambda g, x, buffer: activation.log_sigmoid_grad(g, x, buffer._np),
                                    _log_sigmoid_double)


def silu_backward(grad, x):
    """infinitely_differentiable_silu_backward: grad * s * (1.0 + x * (1.0 - s)), s = x.sigmoid(); C++'s
    `1.0 - s` is empty_like(s).fill_(1.0).sub_(s)."""
    s = x.sigmoid()
    one_minus = fresh(np.ones(s._shape, s.dtype.np), s.dtype).sub_(s)
    return grad * s * _add_scalar(x * one_minus, 1.0)


DOUBLE = {"GeluBackward0": gelu_backward, "LeakyReluBackward0": leaky_relu_backward,
          "LeakyReluBackward1": leaky_relu_backward, "EluBackward0": elu_backward, "EluBackward1": elu_backward_result,
          "HardtanhBackward0": hardtanh_backward, "SoftplusBackward0": softplus_backward,
          "SiluBackward0": silu_backward, "CeluBackward0": elu_backward, "CeluBackward1": elu_backward_result,
          "HardswishBackward0": hardswish_backward, "HardsigmoidBackward0": hardsigmoid_backward,
          "MishBackward0": mish_backward, "HardshrinkBackward0": hardshrink_backward,
          "SoftshrinkBackward0": softshrink_backward, "ThresholdBackward0": threshold_backward,
          "ThresholdBackward1": threshold_backward}  # activation nodes whose gradient is itself differentiable

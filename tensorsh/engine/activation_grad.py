"""gelu's gradient as a differentiable op (what GeluBackward0 computes under create_graph=True), beside its node
GeluBackwardBackward0, whose own backward is ATen's gelu_double_backward composed of engine ops, in its order."""
import numpy as np

from . import activation
from .autograd import Node, SavedTensor
from .ops.core import attach, fresh, needs_grad, operand_edge

M_2_SQRTPI, M_SQRT2, M_SQRT1_2 = 1.12837916709551257390, 1.41421356237309504880, 0.70710678118654752440  # <cmath>


class GeluBackwardBackward0(Node):
    __slots__ = ("approximate",)
    name_ = "GeluBackwardBackward0"

    def __init__(self, grad, x, approximate):
        Node.__init__(self, (operand_edge(grad), operand_edge(x)))
        self.approximate = approximate
        self.saved = (SavedTensor(grad), SavedTensor(x))

    def backward(self, gg):
        grad, x = self.unpack()
        return (gelu_backward(gg, x, self.approximate) if self.next_functions[0][0] is not None else None,
                gelu_double_backward(gg, grad, x, self.approximate) if self.next_functions[1][0] is not None
                else None)


def gelu_backward(grad, x, approximate):
    """at::gelu_backward(grad, self, approximate): the values GeluBackward0 computes, recorded when they need grad."""
    values = activation._gelu_grad(grad._np, x._np, approximate)
    out = fresh(np.ascontiguousarray(values, dtype=grad.dtype.np), grad.dtype)
    if needs_grad(grad, x):
        attach(out, GeluBackwardBackward0(grad, x, approximate))
    return out


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


DOUBLE = {"GeluBackward0": gelu_backward}  # activation nodes whose gradient is itself differentiable

"""Activations of torch.nn.functional (leaky_relu, elu, gelu, silu, hardtanh): float32 arithmetic in PyTorch's
order, each forward beside its backward node (and the in-place twin PyTorch has, saving its result)."""
import math

import numpy as np

from . import autograd, dtypes, kernels
from .autograd import Node, SavedTensor, edge_of
from .errors import runtime, type_error
from .tensorimpl import Tensor
from .ops.core import attach, fresh, needs_grad, precheck, type_name, write_inplace


def _scalar(x, v):
    return x.dtype.type(v)


def _exp(x):
    return np.asarray(kernels.exp(np.ascontiguousarray(x)))


class _Activation(Node):
    """Saves its input (or, for the in-place twin, its result) and the op's parameters."""
    __slots__ = ("params",)

    def __init__(self, x, saved, params, copy_input=False):
        Node.__init__(self, (edge_of(x),))
        self.params = params
        if copy_input:  # in place, a formula on the input: a copy made before the write
            self.saved = (SavedTensor(x.clone()),)
        elif saved is not None:  # (None: in place, a formula on the result, which write_inplace saves)
            self.saved = (SavedTensor(saved, is_output=saved is not x),)

    def backward(self, g):
        v, = self.unpack()
        if autograd._grad_enabled[0]:  # create_graph: a gradient that is itself differentiable, where PyTorch's is
            from .activation_grad import DOUBLE
            if self.name_ in DOUBLE:
                return (DOUBLE[self.name_](g, v, *self.params),)
        return (fresh(np.asarray(self.grad(g._np, v._np, *self.params), dtype=g.dtype.np), g.dtype),)


def _op(name, forward, grad, inplace_name=None, inplace_grad=None, float_only=True):
    node = type(name, (_Activation,), {"__slots__": (), "name_": name, "grad": staticmethod(grad)})
    node_inplace = None if inplace_name is None else type(inplace_name, (_Activation,), {
        "__slots__": (), "name_": inplace_name, "grad": staticmethod(inplace_grad or grad)})

    def apply(x, params, inplace, op):
        if not isinstance(x, Tensor):
            raise type_error(f"{op}(): argument 'input' (position 1) must be Tensor, not {type_name(x)}")
        if float_only and not x.dtype.is_floating_point:
            raise runtime(f"\"{op}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")
        values = forward(x._np, *params)
        if not inplace:
            out = fresh(np.ascontiguousarray(values, dtype=x.dtype.np), x.dtype)
            if needs_grad(x):
                attach(out, node(x, x, params))
            return out
        precheck(x)
        cls = node_inplace or node

        def write(a):
            a[...] = values

        def make():
            return cls(x, None, params, copy_input=node_inplace is None)
        return write_inplace(x, write, make, save_output=node_inplace is not None)
    return apply


def _leaky_forward(x, slope):
    return np.where(x > 0, x, x * _scalar(x, slope))


def _leaky_grad(g, x, slope):
    return np.where(x > 0, g, g * _scalar(g, slope))


_leaky = _op("LeakyReluBackward0", _leaky_forward, _leaky_grad, "LeakyReluBackward1")


def leaky_relu(input, negative_slope=0.01, inplace=False):
    if inplace and negative_slope < 0 and input.requires_grad:
        raise runtime("In-place leakyReLu backward calculation is triggered with a negative slope which is not "
                      "supported. This is caused by calling in-place forward function with a negative slope, please "
                      "call out-of-place version instead. File an issue at https://github.com/pytorch/pytorch if "
                      "you do require supporting in-place leakRelu backward calculation with negative slope")
    return _leaky(input, (negative_slope,), inplace, "leaky_relu")


def _elu_forward(x, alpha, scale, input_scale):
    neg = np.expm1((x * _scalar(x, input_scale)).astype(np.float64)).astype(x.dtype) * _scalar(x, alpha * scale)
    return np.where(x <= 0, neg, x * _scalar(x, scale))


def _elu_grad(g, x, alpha, scale, input_scale):
    negcoef, ipt = _scalar(g, alpha * scale), _scalar(g, input_scale)
    e = _exp(x * ipt)
    return np.where(x <= 0, g * ipt * negcoef * e, g * _scalar(g, scale))


def _elu_grad_result(g, r, alpha, scale, input_scale):
    negcoef, ipt = _scalar(g, alpha * scale), _scalar(g, input_scale)
    return np.where(r <= 0, g * ipt * (r + negcoef), g * _scalar(g, scale))


_elu = _op("EluBackward0", _elu_forward, _elu_grad, "EluBackward1", _elu_grad_result)


def elu(input, alpha=1.0, inplace=False):
    if inplace and alpha < 0 and input.requires_grad:
        raise runtime("In-place elu backward calculation is triggered with a negative slope which is not supported. "
                      "This is caused by calling in-place forward function with a negative slope, please call "
                      "out-of-place version instead.")
    return _elu(input, (alpha, 1.0, 1.0), inplace, "elu")


def _silu_forward(x):
    return x / (_scalar(x, 1) + _exp(-x))


def _silu_grad(g, x):
    one = _scalar(x, 1)
    s = one / (one + _exp(-x))
    if x.dtype == np.float32:  # 1 + x * (1 - sigmoid): one fused multiply-add in the kernel
        return g * s * _fma(x, one - s, one)
    return g * s * (one + x * (one - s))


_silu = _op("SiluBackward0", _silu_forward, _silu_grad)


def silu(input, inplace=False):
    return _silu(input, (), inplace, "silu")


_ERF = np.frompyfunc(math.erf, 1, 1)


def _erf(x):
    return _ERF(x.astype(np.float64)).astype(np.float64).astype(x.dtype)


def _fma(a, b, c):
    return (np.asarray(a, np.float64) * np.asarray(b, np.float64) + c).astype(np.float32)


def _vector_erf(x):
    """Vectorized<float>::erf (AVX2): Abramowitz-Stegun 7.1.26 with fused multiply-adds and SLEEF's exp."""
    f = np.float32
    p, p1, p2, p3, p4, p5 = (f(0.3275911), f(0.254829592), f(-0.284496736), f(1.421413741), f(-1.453152027),
                             f(1.061405429))
    ax = np.abs(x)
    t = (f(1) / _fma(p, ax, f(1))).astype(f)
    r = _fma(_fma(_fma(_fma(p5, t, p4), t, p3), t, p2), t, p1)
    e = _exp(-(x * x).astype(f))
    res = _fma((-e * t).astype(f), r, f(1))
    return np.where(np.signbit(x), -res, res)


def _gelu_forward(x, approximate):
    one, half = _scalar(x, 1), _scalar(x, 0.5)
    if approximate == "none" and x.dtype == np.float32 and x.size > 1:  # (one element: the C library's erf)
        return (x * half).astype(x.dtype) * (one + _vector_erf((x * _scalar(x, math.sqrt(0.5))).astype(x.dtype)))
    if approximate == "tanh":
        k_beta, k_kappa = _scalar(x, math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5), _scalar(x, 0.044715)
        inner = k_beta * (x + k_kappa * (x * x * x))
        return half * x * (one + np.tanh(inner.astype(np.float64)).astype(x.dtype))
    return x * half * (one + _erf(x * _scalar(x, math.sqrt(0.5))))


def _gelu_grad(g, x, approximate):
    one, half = _scalar(x, 1), _scalar(x, 0.5)
    if approximate == "tanh":
        k_beta, k_kappa = _scalar(x, math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5), _scalar(x, 0.044715)
        x_sq = x * x
        inner = k_beta * (x + k_kappa * x_sq * x)
        t = np.tanh(inner.astype(np.float64)).astype(x.dtype)
        left, right = half * x, one + t
        left_d, tanh_d = half * right, one - t * t
        inner_d = k_beta * (one + _scalar(x, 3) * k_kappa * x_sq)
        return g * (left_d + left * tanh_d * inner_d)
    k_beta = _scalar(x, 2 / math.sqrt(math.pi) * math.sqrt(0.5) * 0.5)
    if x.dtype == np.float32 and x.size > 1:
        cdf = half * (one + _vector_erf((x * _scalar(x, math.sqrt(0.5))).astype(x.dtype)))
        pdf = k_beta * _exp((x * x * _scalar(x, -0.5)).astype(x.dtype))
        return g * _fma(x, pdf, cdf)
    cdf = half * (one + _erf(x * _scalar(x, math.sqrt(0.5))))
    pdf = k_beta * _exp(x * x * _scalar(x, -0.5))
    return g * (cdf + x * pdf)


_gelu = _op("GeluBackward0", _gelu_forward, _gelu_grad)


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise runtime("approximate argument must be either none or tanh.")
    return _gelu(input, (approximate,), False, "gelu")


def _hardtanh_forward(x, lo, hi):
    return np.minimum(np.maximum(x, _scalar(x, lo)), _scalar(x, hi))


def _hardtanh_grad(g, x, lo, hi):
    return np.where((x <= _scalar(x, lo)) | (x >= _scalar(x, hi)), _scalar(g, 0), g)


_hardtanh = _op("HardtanhBackward0", _hardtanh_forward, _hardtanh_grad)  # (in place: the input saved as a copy)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise runtime("min_val cannot be greater than max_val")
    return _hardtanh(input, (min_val, max_val), inplace, "hardtanh")


def _softplus_forward(x, beta, threshold):
    b = _scalar(x, beta)
    return np.where(x * b > _scalar(x, threshold), x,
                    np.log1p(_exp(x * b).astype(np.float64)).astype(x.dtype) / b)


def _softplus_grad(g, x, beta, threshold):
    b = _scalar(x, beta)
    z = _exp(x * b)
    return np.where(x * b > _scalar(x, threshold), g, g * z / (z + _scalar(x, 1)))


_softplus = _op("SoftplusBackward0", _softplus_forward, _softplus_grad)


def softplus(input, beta=1.0, threshold=20.0):
    return _softplus(input, (beta, threshold), False, "softplus")

"""Activations of torch.nn.functional (leaky_relu, elu, gelu, silu, hardtanh): float32 arithmetic in PyTorch's
order, each forward beside its backward node (and the in-place twin PyTorch has, saving its result); below them,
the gradients as differentiable ops (what the nodes compute under create_graph=True)."""
import math

import numpy as np

from . import autograd, dtypes, kernels, layout, onednn_gelu
from .autograd import Node, SavedTensor, edge_of
from .composite_backward import recorded
from .errors import make, runtime, type_error
from .scalars import real_scalar
from .saved_names import unsigned
from .messages import LEAKY_INPLACE_NEGATIVE_SLOPE
from .creation import not_implemented_for
from .tensorimpl import Tensor
from .ops.comparison import where
from .ops.core import (NotImplementedNode, SavingNode, attach, binary_result, check_inplace, fresh, laid_out_like,
                       needs_grad, operand_edge, precheck, self_overlapping, type_name, write_inplace, write_rows,
                       zeros_of)
from .ops.scalar_arith import add_scalar as _add_scalar, div_scalar, mul_scalar, number_minus, number_over, sub_scalar
from .ops.unary import _sigmoid_backward
from . import autocast
from .autocast import ACTIVE as AUTOCAST


def _scalar(x, v):
    return x.dtype.type(v)


_REDUCED = (dtypes.float16, dtypes.bfloat16)


def _in_float(a):
    """float16 computes in float, rounded once when stored (PyTorch's kernels for half: Vectorized<float>)."""
    return a.astype(np.float32) if a.dtype == np.float16 else a


def _exp(x):
    return np.asarray(kernels.exp(kernels.contiguous(x)))


class _Activation(Node):
    """Saves its input (or, for the in-place twin, its result) and the op's parameters. Its gradient's layout is
    its backward kernel's TensorIterator's: operands (grad, self), or (self, grad) where self_first (leaky_relu's,
    threshold's)."""
    __slots__ = ("params",)
    self_first = False
    half_grad = None
    negative_slope_refusal = None  # (the in-place leaky_relu/elu twins': their backward refuses a negative params[0])

    def __init__(self, x, saved, params, copy_input=False):
        Node.__init__(self, (edge_of(x),))
        self.params = params
        if copy_input:  # in place, a formula on the input: a copy made before the write
            self.saved = (SavedTensor(x.clone()),)
        elif saved is not None:  # (None: in place, a formula on the result, which write_inplace saves)
            self.saved = (SavedTensor(saved, is_output=saved is not x),)

    def backward(self, g):
        if self.negative_slope_refusal is not None and self.params[0] < 0:
            raise runtime(self.negative_slope_refusal)
        v, = self.unpack()
        if autograd._grad_enabled[0]:  # create_graph: a gradient that is itself differentiable, where PyTorch's is
            if self.name_ in DOUBLE:
                return (DOUBLE[self.name_](g, v, *self.params),)
        operands = (v, g) if self.self_first else (g, v)
        if v.dtype in _REDUCED and self.half_grad is not None:
            values = self.half_grad(_in_float(g._np), kernels.widened(v._np), v.dtype, *self.params)
        else:
            values = self.grad(_in_float(g._np), _in_float(v._np), *self.params)
        return (binary_result(values, g.dtype, *operands),)


def _op(name, forward, grad, inplace_name=None, inplace_grad=None, float_only=True, kernel=None,
        inplace_saves_input=False, saves=None, self_first=False, half_forward=None, half_grad=None, like_input=False,
        overlap_checked=True, negative_slope_refusal=None):
    """saves: {PyTorch's name: function of the params} for grad_fn._saved_<name> (besides the saved tensor);
    self_first: the backward kernel's operands are (self, grad); half_forward: the forward of a float16 input (in
    float32) where PyTorch's half kernel is not the float one; half_grad(g, x, dtype, *params): the gradient of a
    float16 or bfloat16 input (in float32) where its kernel is not float32's; like_input: the output is laid out as
    empty_like(input) (an op written into one: hardtanh); overlap_checked=False: the in-place kernel's TensorIterator
    checks no memory overlap (threshold's), so an expanded or unfolded input reads what earlier elements wrote;
    negative_slope_refusal: the in-place twin's backward (leaky_relu_backward/elu_backward with is_result, ATen's
    check) raises this when params[0] is negative; the forward, with or without grad, runs."""
    values = {k: (lambda node, f=f: f(node.params)) for k, f in (saves or {}).items()}
    node = type(name, (_Activation,), {"__slots__": (), "name_": name, "grad": staticmethod(grad),
                                       "half_grad": staticmethod(half_grad) if half_grad else None,
                                       "saved_names": ("self",), "saved_values": values, "self_first": self_first})
    node_inplace = None if inplace_name is None else type(inplace_name, (_Activation,), {
        "__slots__": (), "name_": inplace_name, "grad": staticmethod(inplace_grad or grad),
        "saved_names": ("self" if inplace_saves_input else "result",), "saved_values": values,
        "self_first": self_first, "negative_slope_refusal": negative_slope_refusal})

    def apply(x, params, inplace, op):
        if not isinstance(x, Tensor):
            raise type_error(f"{op}(): argument 'input' (position 1) must be Tensor, not {type_name(x)}")
        if float_only and not x.dtype.is_floating_point:
            if inplace and needs_grad(x):  # (a complex leaf: autograd's in-place check runs before the kernel)
                precheck(x)
            raise not_implemented_for(kernel or f"{op}_cpu", x.dtype)
        if half_forward is not None and x.dtype is dtypes.float16:
            values = half_forward(kernels.widened(x._np), *params)
        else:
            values = forward(_in_float(x._np), *params)
        if not inplace:  # (TensorIterator's layout: a channels_last or transposed input's own)
            if like_input:
                out = layout.like(values, x.dtype, x)
            else:
                out = fresh(kernels.contiguous(values, dtype=x.dtype.np), x.dtype) if x._np.flags.c_contiguous else \
                    laid_out_like(values, x.dtype, x)
            if needs_grad(x):
                attach(out, node(x, x, params))
            return out
        precheck(x, internal_overlap=overlap_checked)
        cls = node_inplace or node

        def write(a):
            if not overlap_checked and self_overlapping(x):
                write_rows(x, a, lambda ix: forward(_in_float(a[ix]), *params))
            else:
                a[...] = values

        saves_input = node_inplace is None or inplace_saves_input

        def make():
            return cls(x, None, params, copy_input=saves_input)
        return write_inplace(x, write, make, save_output=not saves_input)
    return apply


def _leaky_forward(x, slope):
    return np.where(x > 0, x, x * _scalar(x, slope))


def _leaky_grad(g, x, slope):
    return np.where(x > 0, g, g * _scalar(g, slope))


_leaky = _op("LeakyReluBackward0", _leaky_forward, _leaky_grad, "LeakyReluBackward1",
              saves={"negative_slope": lambda p: p[0]}, self_first=True, negative_slope_refusal=LEAKY_INPLACE_NEGATIVE_SLOPE)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    negative_slope = _floating_kernel_number(input, negative_slope)
    return _leaky(input, (negative_slope,), inplace, "leaky_relu")


def _elu_forward(x, alpha, scale, input_scale):
    neg = kernels.loop_expm1((x * _scalar(x, input_scale)).astype(x.dtype), x) * (_scalar(x, alpha) * _scalar(x, scale))
    return np.where(x < 0, neg, x * _scalar(x, scale))  # (measured: a zero of either sign gives itself times scale)


def _elu_grad(g, x, alpha, scale, input_scale):
    negcoef, ipt = _scalar(g, alpha) * _scalar(g, scale), _scalar(g, input_scale)
    e = kernels.loop_exp((x * ipt).astype(x.dtype), x)  # (SLEEF's on the vector chunks, the C library's on the rest)
    return np.where(x <= 0, g * ipt * negcoef * e, g * _scalar(g, scale))


def _elu_grad_result(g, r, alpha, scale, input_scale):
    negcoef, ipt = _scalar(g, alpha) * _scalar(g, scale), _scalar(g, input_scale)
    return np.where(r <= 0, g * ipt * (r + negcoef), g * _scalar(g, scale))


_ELU_REFUSAL = ("In-place elu backward calculation is triggered with a negative slope which is not supported. "
                "This is caused by calling in-place forward function with a negative slope, please call "
                "out-of-place version instead.")
_elu = _op("EluBackward0", _elu_forward, _elu_grad, "EluBackward1", _elu_grad_result,
           saves={"alpha": lambda p: p[0], "scale": lambda p: p[1], "input_scale": lambda p: p[2]},
           negative_slope_refusal=_ELU_REFUSAL)


def elu(input, alpha=1.0, inplace=False):
    alpha = _floating_kernel_number(input, alpha)
    return _elu(input, (alpha, 1, 1), inplace, "elu")  # (ints, as ATen's Scalar defaults: _saved_scale prints 1)


def _silu_forward(x):
    return x / (_scalar(x, 1) + kernels.loop_exp(-x, x))


def _silu_grad(g, x):
    one = _scalar(x, 1)
    s = one / (one + kernels.loop_exp(-x, x))
    if x.dtype in (np.float32, np.float64):  # 1 + x * (1 - sigmoid): one fused multiply-add in the kernel
        return g * s * kernels.fma(x, one - s, one)
    return g * s * (one + x * (one - s))


_silu = _op("SiluBackward0", _silu_forward, _silu_grad)


def _silu_complex_forward(x):
    with np.errstate(all="ignore"):
        return x / (x.dtype.type(1) + np.exp(-x))


_silu_complex = _op("SiluBackward0", _silu_complex_forward, _silu_grad, float_only=False)


def silu(input, inplace=False):
    """silu_cpu dispatches over complex types too; the out-of-place op's autograd refuses a complex output."""
    if isinstance(input, Tensor) and input.dtype.category == 3:
        if not inplace and needs_grad(input):
            raise runtime("silu does not support automatic differentiation for outputs with complex dtype.")
        return _silu_complex(input, (), inplace, "silu")
    return _silu(input, (), inplace, "silu")


_ERF = np.frompyfunc(math.erf, 1, 1)


def _erf(x):
    x = np.asarray(x)  # (a 0-dim input's arithmetic gives numpy scalars)
    return np.asarray(_ERF(x.astype(np.float64))).astype(np.float64).astype(x.dtype)


def _fma(a, b, c):
    return (np.asarray(a, np.float64) * np.asarray(b, np.float64) + c).astype(np.float32)


def _vector_erf(x, scalar=None):
    """float32 GeluKernelImpl's erf: Vectorized<float>::erf, the C library's erff where `scalar` (the elements the
    loop gives its scalar body: the ends past whole chunks, every element of x[::2] or of short rows: measured)."""
    values = kernels.vector_erf(x)
    if scalar is None or not scalar.any():
        return values
    return np.where(scalar, kernels.libm_erf(x), values)


def _onednn(x, approximate):
    """Whether PyTorch hands this gelu to oneDNN (ATen's use_mkldnn: a contiguous float32 tensor of 2+ elements)."""
    return approximate == "none" and x.dtype == np.float32 and x.size > 1 and x.flags.c_contiguous


def _gelu_forward(x, approximate):
    if _onednn(x, approximate):
        return onednn_gelu.gelu(x, kernels.AVX512_CORE)
    return _aten_gelu(x, approximate)


def _aten_gelu(x, approximate):
    """ATen's GeluKernelImpl (float32 here: a float16 input's values in float)."""
    one, half = _scalar(x, 1), _scalar(x, 0.5)
    if approximate == "none" and x.dtype == np.float32 and x.size > 1:  # (one element: the C library's erf)
        return (x * half).astype(x.dtype) * (one + _vector_erf((x * _scalar(x, math.sqrt(0.5))).astype(x.dtype),
                                                                   kernels.scalar_body_mask(x)))
    if approximate == "none" and x.dtype == np.float64:  # SLEEF's erf on the vector chunks, libm's on the rest
        return x * half * (one + kernels.loop_erf(x * _scalar(x, math.sqrt(0.5)), x))
    if approximate == "tanh":
        k_beta, k_kappa = _scalar(x, math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5), _scalar(x, 0.044715)
        if x.dtype in kernels.FLOAT_DTYPES:  # x + kappa * x^3 fused; the vector body's tanh SLEEF's (measured)
            inner = (k_beta * kernels.fma(k_kappa, (x * x * x).astype(x.dtype), x)).astype(x.dtype)
            return half * x * (one + kernels.loop_tanh(inner, x))
        inner = k_beta * (x + k_kappa * (x * x * x))
        return half * x * (one + np.tanh(inner.astype(np.float64)).astype(x.dtype))
    return x * half * (one + _erf(x * _scalar(x, math.sqrt(0.5))))


def _gelu_grad(g, x, approximate):
    if _onednn(x, approximate):  # (bfloat16 too: PyTorch hands it to oneDNN on a CPU with AVX-512 BF16)
        return onednn_gelu.gelu_backward(np.asarray(g, np.float32), x)
    return _aten_gelu_grad(g, x, approximate)


def _fused_in_vector_body(x, pdf, cdf, scalar):
    """GELU's gradient `cdf + x * pdf`: fused in the kernel's vector body, not in its scalar body (where `scalar`;
    float32, float64 and the reduced floats' kernel alike: measured)."""
    out = _fma(x, pdf, cdf) if x.dtype == np.float32 else kernels.fma(x, pdf, cdf)
    return out if scalar is None or not scalar.any() else np.where(scalar, cdf + x * pdf, out)


def _aten_gelu_grad(g, x, approximate, reduced=False):
    """ATen's GeluBackwardKernelImpl (reduced: a float16 or bfloat16 input's, in float: its vector chunks are the
    reduced type's, so no float32 chunking is assumed)."""
    one, half = _scalar(x, 1), _scalar(x, 0.5)
    if approximate == "tanh":
        k_beta, k_kappa = _scalar(x, math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5), _scalar(x, 0.044715)
        x_sq = x * x
        if x.dtype in kernels.FLOAT_DTYPES and not reduced:  # the kernel's contractions (measured): x + kappa * x^3, 1 - t * t, 1 + 3 kappa x^2
            inner = (k_beta * kernels.fma(k_kappa, (x * x * x).astype(x.dtype), x)).astype(x.dtype)
            t = kernels.loop_tanh(inner, x)
            left_d, tanh_d = half * (one + t), kernels.fma(-t, t, one)
            inner_d = k_beta * kernels.fma(_scalar(x, 3) * k_kappa, x_sq, one)
            return g * (left_d + half * x * tanh_d * inner_d)
        inner = k_beta * (x + k_kappa * x_sq * x)
        t = np.tanh(inner.astype(np.float64)).astype(x.dtype)
        left, right = half * x, one + t
        left_d, tanh_d = half * right, one - t * t
        inner_d = k_beta * (one + _scalar(x, 3) * k_kappa * x_sq)
        return g * (left_d + left * tanh_d * inner_d)
    k_beta = _scalar(x, 2 / math.sqrt(math.pi) * math.sqrt(0.5) * 0.5)
    if x.dtype == np.float32 and x.size > 1:  # Vectorized<float>::erf, the C library's erff on the scalar body
        # (a reduced float's loop walks two vectors of 32 halves: its scalar body's exp is expf too)
        scalar = kernels.scalar_body_mask(x, floats=16, element_bytes=2) if reduced else kernels.scalar_body_mask(x)
        cdf = half * (one + _vector_erf((x * _scalar(x, math.sqrt(0.5))).astype(x.dtype), scalar))
        squares = (x * x * _scalar(x, -0.5)).astype(x.dtype)
        if reduced:
            exps = _exp(squares)
            exps = exps if scalar is None or not scalar.any() else np.where(scalar, kernels.libm_exp(squares), exps)
        else:
            exps = kernels.loop_exp(squares, x)
        return g * _fused_in_vector_body(x, k_beta * exps, cdf, scalar)
    if x.dtype == np.float64 and not reduced:  # the vector body: SLEEF's erf and exp
        cdf = half * (one + kernels.loop_erf(x * _scalar(x, math.sqrt(0.5)), x))
        pdf = k_beta * kernels.loop_exp(x * x * _scalar(x, -0.5), x)
        return g * _fused_in_vector_body(x, pdf, cdf, kernels.scalar_body_mask(x))
    cdf = half * (one + _erf(x * _scalar(x, math.sqrt(0.5))))
    pdf = k_beta * _exp(x * x * _scalar(x, -0.5))
    return g * (cdf + x * pdf)


def _gelu_grad_reduced(g, x, dtype, approximate):
    """float16's and bfloat16's gradient (x in float): a contiguous one's oneDNN's where the CPU has AVX-512 (bfloat16:
    ATen's use_mkldnn and mkldnn_bf16_device_check) or AVX-512 FP16 (float16: mkldnn_fp16_device_check), the rest
    ATen's reduced-float kernel in float."""
    if (kernels.AVX512_CORE if dtype is dtypes.bfloat16 else kernels.ONEDNN_FP16) and _onednn(x, approximate):
        return onednn_gelu.gelu_backward(np.asarray(g, np.float32), x)
    return _aten_gelu_grad(g, x, approximate, True)


def _gelu_half(x, approximate):
    """float16 gelu: oneDNN's in float32 for a contiguous tensor of 2+ elements where the CPU has AVX-512 FP16 (ATen's
    use_mkldnn: mkldnn_fp16_device_check); else ATen's, the float kernel's vector erf on whole two-vector chunks
    (AVX-512's, 64 halves), the C library's erf on the rest (its scalar body)."""
    if kernels.ONEDNN_FP16 and _onednn(x, approximate):
        return onednn_gelu.gelu(x, kernels.AVX512_CORE)
    out = _aten_gelu(x, approximate)
    mask = kernels.scalar_body_mask(x, floats=16, element_bytes=2) if approximate == "none" else None
    if mask is not None and mask.any() and x.size > 1:
        one, half = _scalar(x, 1), _scalar(x, 0.5)
        out = np.where(mask, x * half * (one + _erf(x * _scalar(x, math.sqrt(0.5)))), out)
    return out


_gelu = _op("GeluBackward0", _gelu_forward, _gelu_grad, kernel="GeluKernelImpl", saves={"approximate": lambda p: p[0]},
            half_forward=_gelu_half, half_grad=_gelu_grad_reduced)


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise runtime("approximate argument must be either none or tanh.")
    return _gelu(input, (approximate,), False, "gelu")


def _hardtanh_forward(x, lo, hi):
    return kernels.minimum(kernels.maximum(x, _scalar(x, lo)), _scalar(x, hi))


def _hardtanh_grad(g, x, lo, hi):
    return np.where((x <= _scalar(x, lo)) | (x >= _scalar(x, hi)), _scalar(g, 0), g)


_hardtanh = _op("HardtanhBackward0", _hardtanh_forward, _hardtanh_grad, float_only=False, like_input=True,
                saves={"min_val": lambda p: p[0], "max_val": lambda p: p[1]})  # (in place: the input saved as a copy)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """ATen's hardtanh/hardtanh_ (F.hardtanh's min_val > max_val ValueError is its Python's, nn/functional.py)."""
    if isinstance(input, Tensor) and input.dtype is dtypes.bool_:
        raise runtime("Bool inputs not supported for hardtanh")
    if isinstance(input, Tensor) and input.dtype.category == 3:  # (hardtanh is at::clamp, hardtanh_ clamp_)
        raise make("NotImplementedError", "clamp is not supported for complex types")
    if isinstance(input, Tensor) and input.dtype.category < 2:  # (ATen's hardtanh_out: the limits as longs)
        min_val, max_val = int(min_val), int(max_val)
        if input.dtype is dtypes.uint8 and (min_val < 0 or max_val < 0):
            raise runtime("cannot do hardtanh on an unsigned type with negative limits")
    return _hardtanh(input, (min_val, max_val), inplace, "hardtanh")


def _softplus_forward(x, beta, threshold):
    b = _scalar(x, beta)
    return np.where(x * b > _scalar(x, threshold), x, kernels.loop_log1p(kernels.loop_exp(x * b, x), x) / b)


def _softplus_grad(g, x, beta, threshold):
    b = _scalar(x, beta)
    z = kernels.loop_exp(x * b, x)
    return np.where(x * b > _scalar(x, threshold), g, g * z / (z + _scalar(x, 1)))


_softplus = _op("SoftplusBackward0", _softplus_forward, _softplus_grad,
                saves={"beta": lambda p: p[0], "threshold": lambda p: p[1]})


def _floating_kernel_number(input, value):
    """A number a floating-only kernel reads in its compute type (another dtype's refusal comes first)."""
    return real_scalar(value, input.dtype, opmath=True) if isinstance(input, Tensor) and input.dtype.category == 2 \
        else value


def softplus(input, beta=1, threshold=20):  # (ints, as ATen's Scalar defaults: grad_fn._saved_beta prints 1)
    beta, threshold = (_floating_kernel_number(input, v) for v in (beta, threshold))
    return _softplus(input, (beta, threshold), False, "softplus")


# ------------------------------------------------------------------ selu, celu (elu's kernel with other coefficients)

_SELU_ALPHA, _SELU_SCALE = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946


def selu(input, inplace=False):
    return _elu(input, (_SELU_ALPHA, _SELU_SCALE, 1), inplace, "elu")


def _celu_scale(grad):
    """celu's gradient: elu_backward with input_scale 1.0 / alpha.toFloat() (derivatives.yaml: alpha taken as a
    float there, where the forward divides by the double)."""
    return lambda g, v, alpha, scale, input_scale: grad(g, v, alpha, scale, 1.0 / float(np.float32(alpha)))


_celu = _op("CeluBackward0", _elu_forward, _celu_scale(_elu_grad), "CeluBackward1", _celu_scale(_elu_grad_result),
            kernel="elu_cpu", saves={"alpha": lambda p: p[0]}, negative_slope_refusal=_ELU_REFUSAL)


def celu(input, alpha=1.0, inplace=False):
    if inplace and needs_grad(input):  # (celu_'s autograd check comes before the alpha one)
        check_inplace(input)
    alpha = real_scalar(alpha, dtypes.float64)  # (read as a double first, whatever input's dtype)
    if alpha == 0:
        raise runtime("ZeroDivisionError: alpha cannot be 0 for CELU")  # (PyTorch's RuntimeError says so)
    return _celu(input, (alpha, 1, 1.0 / alpha), inplace, "celu")


# ------------------------------------------------------------------ hard and piecewise activations

def _hardswish_forward(x):
    three, six = _scalar(x, 3), _scalar(x, 6)
    return x * np.minimum(np.maximum(x + three, _scalar(x, 0)), six) / six


def _hardswish_grad(g, x):
    three = _scalar(x, 3)
    return np.where(x <= -three, _scalar(g, 0), np.where(x < three, g * (x / three + _scalar(x, 0.5)), g))


_hardswish = _op("HardswishBackward0", _hardswish_forward, _hardswish_grad)


def hardswish(input, inplace=False):
    return _hardswish(input, (), inplace, "hardswish")


def _hardsigmoid_forward(x):
    six = _scalar(x, 6)
    return np.minimum(np.maximum(x + _scalar(x, 3), _scalar(x, 0)), six) / six


def _hardsigmoid_grad(g, x):
    three = _scalar(x, 3)
    return np.where((x > -three) & (x < three), g * _scalar(g, np.float32(1.0) / np.float32(6.0)), _scalar(g, 0))


_hardsigmoid = _op("HardsigmoidBackward0", _hardsigmoid_forward, _hardsigmoid_grad)


def hardsigmoid(input, inplace=False):
    return _hardsigmoid(input, (), inplace, "hardsigmoid")


def _threshold_forward(x, threshold, value):
    return np.where(x <= _scalar(x, threshold), _scalar(x, value), x)


def _threshold_grad(g, x, threshold, value):
    return np.where(x <= _scalar(x, threshold), _scalar(g, 0), g)


_threshold = _op("ThresholdBackward0", _threshold_forward, _threshold_grad, "ThresholdBackward1", float_only=False,
                 self_first=True,
                 inplace_saves_input=True, saves={"threshold": lambda p: p[0]}, overlap_checked=False)


def threshold(input, threshold, value, inplace=False):
    if isinstance(input, Tensor) and (input.dtype is dtypes.bool_ or input.dtype.category == 3):
        raise not_implemented_for("threshold_cpu", input.dtype)
    if isinstance(input, Tensor):  # (the threshold read in the kernel's compute type, the value in input's own)
        threshold, value = real_scalar(threshold, input.dtype, opmath=True), real_scalar(value, input.dtype)
    return _threshold(input, (threshold, value), inplace, "threshold")


def _hardshrink_forward(x, lambd):
    lam = _scalar(x, lambd)
    return np.where((x >= -lam) & (x <= lam), _scalar(x, 0), x)


def _shrink_grad(g, x, lambd, *_):
    lam = _scalar(x, lambd)
    return np.where((x >= -lam) & (x <= lam), _scalar(g, 0), g)


_hardshrink = _op("HardshrinkBackward0", _hardshrink_forward, _shrink_grad, saves={"lambd": lambda p: p[0]})


def hardshrink(input, lambd=0.5):
    return _hardshrink(input, (lambd,), False, "hardshrink")


def _softshrink_forward(x, lambd, reduced=False):
    """softshrink_kernel: the scalar body's a * 0 between the bounds (a NaN, a negative zero kept); the vector body
    puts +0 there (a NaN still passes); float16 and bfloat16 compute in float (x is float32 then), their vectors
    holding twice as many elements."""
    lam = _scalar(x, lambd)
    outside = np.where(x > lam, x - lam, x + lam)
    shrunk = (x > lam) | (x < -lam)
    scalar = np.where(shrunk, outside, x * _scalar(x, 0))
    mask = kernels.scalar_body_mask(x, floats=8, element_bytes=2 if reduced else None)
    if mask is None or mask.all():
        return scalar if mask is not None else np.where(shrunk | np.isnan(x), scalar, _scalar(x, 0))
    return np.where(shrunk | np.isnan(x) | mask, scalar, _scalar(x, 0))


_softshrink = _op("SoftshrinkBackward0", _softshrink_forward, _shrink_grad, kernel="softshrink_check",
                  saves={"lambd": lambda p: p[0]})


def softshrink(input, lambd=0.5):
    if isinstance(input, Tensor) and input.dtype.is_floating_point:
        top = dtypes.finite_max(input.dtype)
        if not 0 <= lambd <= top:
            raise runtime(f"lambda must be in range [0, {top:g}] for input dtype "
                          f"{dtypes.SCALAR_NAMES[input.dtype.name]}, but found {lambd:g}")
    reduced = isinstance(input, Tensor) and input.dtype in (dtypes.float16, dtypes.bfloat16)
    return _softshrink(input, (lambd, reduced), False, "softshrink")


# ------------------------------------------------------------------ smooth activations through exp/log1p/tanh

def _log1p(x):
    return np.log1p(x.astype(np.float64)).astype(x.dtype)


def _tanh(x):
    return np.tanh(x.astype(np.float64)).astype(x.dtype)


def _tanh_softplus(x):
    """tanh(log1p(exp(x))) as mish's kernel bodies compute it (SLEEF's three on vector chunks, libm's on the rest)."""
    return kernels.loop_tanh(kernels.loop_log1p(kernels.loop_exp(x, x), x), x)


def _mish_forward(x):
    return x * _tanh_softplus(x)


def _mish_grad(g, x):
    one = _scalar(x, 1)
    sigmoid = one / (one + kernels.loop_exp(-x, x))
    t = _tanh_softplus(x)
    if x.dtype in (np.float32, np.float64):  # t + (x * sigmoid) * (1 - t * t): two fused multiply-adds (measured)
        return g * kernels.fma((x * sigmoid).astype(x.dtype), kernels.fma(-t, t, one), t)
    return g * (t + x * sigmoid * (one - t * t))


_mish = _op("MishBackward0", _mish_forward, _mish_grad)


def mish(input, inplace=False):
    return _mish(input, (), inplace, "mish")


class LogSigmoidBackward0(Node):
    """Saves self and the buffer exp(-|x|) the forward computed, as log_sigmoid_forward returns it."""
    __slots__ = ()
    name_ = "LogSigmoidBackward0"
    saved_names = ("self", "buffer")

    def __init__(self, x, buffer):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(buffer))

    def backward(self, g):
        x, z = self.unpack()
        if autograd._grad_enabled[0]:  # create_graph: log_sigmoid_backward recorded (LogSigmoidBackwardBackward0)
            return (log_sigmoid_backward(g, x, z),)
        return (fresh(np.asarray(log_sigmoid_grad(_in_float(g._np), _in_float(x._np), _in_float(z._np)), dtype=g.dtype.np),
                      g.dtype),)


def log_sigmoid_grad(ga, xa, za):
    """log_sigmoid_backward's kernel on arrays: (max_deriv - sign * z / (1 + z)) * grad, z the forward's buffer."""
    one = _scalar(xa, 1)
    negative = xa < 0
    max_deriv = np.where(negative, one, _scalar(xa, 0))
    sign = np.where(negative, one, -one)
    return (max_deriv - sign * (za / (one + za))) * ga


def log_sigmoid_values(x):
    """log_sigmoid_cpu's values of array x, before they are stored in x's type, and its buffer exp(-|x|)."""
    x = _in_float(x)
    buffer = kernels.sleef_exp(-np.abs(x))  # (its own loop: the vector body over the tail too)
    return np.minimum(x, _scalar(x, 0)) - kernels.log1p(buffer), buffer


def logsigmoid(input):
    if not isinstance(input, Tensor):
        raise type_error(f"log_sigmoid(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    if not input.dtype.is_floating_point:
        raise not_implemented_for("log_sigmoid_cpu", input.dtype)
    values, buffer = log_sigmoid_values(input._np)
    out = fresh(kernels.contiguous(values, dtype=input.dtype.np), input.dtype)
    if needs_grad(input):
        attach(out, LogSigmoidBackward0(input, fresh(kernels.contiguous(buffer), input.dtype)))
    return out


logsigmoid.__name__ = "log_sigmoid"  # (F.logsigmoid is ATen's log_sigmoid itself)


# ------------------------------------------------------------------ glu, prelu

class GluBackward0(Node):
    __slots__ = ("dim", "given_dim")
    name_ = "GluBackward0"
    saved_names, saved_values = ("self",), {"dim": lambda node: unsigned(node.given_dim)}

    def __init__(self, x, dim, given_dim):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x),)
        self.dim, self.given_dim = dim, given_dim

    def backward(self, g):
        x, = self.unpack()
        return (glu_backward(g, x, self.dim, self.given_dim),)


def glu_backward(g, x, dim, given_dim):
    """ATen's glu_backward as an op (GluBackwardBackward0 under create_graph): sigmoid(b) g for the first half,
    (1 - sigmoid(b)) sigmoid(b) a g for the second."""
    a, b = np.split(_in_float(x._np), 2, axis=dim)
    s = np.asarray(kernels.sigmoid(kernels.contiguous(b)))
    gn = _in_float(g._np)
    if x.dtype in (dtypes.float16, dtypes.bfloat16):  # (PyTorch: the sigmoid in the dtype, the rest in float)
        s = dtypes.rounding(x.dtype)(s)
    one = _scalar(b, 1)
    first = s * gn
    second = (one - s) * s * a * gn
    out = fresh(kernels.contiguous(np.concatenate((first, second), axis=dim), dtype=g.dtype.np), g.dtype)
    if needs_grad(g, x):
        attach(out, GluBackwardBackward0(g, x, dim, given_dim))
    return out


class GluBackwardBackward0(SavingNode):
    """derivatives.yaml's glu_backward: glu_double_backward_grad_output for grad_output, glu_double_backward for
    self (FunctionsManual.cpp's compositions, op for op)."""
    __slots__ = ("dim", "given_dim")
    inputs, saves_result, fields = 2, None, ("dim", "given_dim")
    saved_names, saved_values = ("grad_output", "self"), {"dim": lambda node: unsigned(node.given_dim)}

    def backward(self, gg):
        gO, x = self.unpack()
        dim, half = self.dim, x._shape[self.dim] // 2
        grad_output = self_grad = None
        if self.next_functions[0][0] is not None:
            sizes = list(x._shape)
            sizes[dim] = half
            tmp = gg * glu_backward(fresh(np.ones(sizes, x.dtype.np), x.dtype), x, dim, self.given_dim)
            grad_output = tmp.narrow(dim, 0, half) + tmp.narrow(dim, half, half)
        if self.next_functions[1][0] is not None:
            from .ops.joining import cat
            first, second = x.narrow(dim, 0, half), x.narrow(dim, half, half)
            sig = second.sigmoid()
            one_sub_sig = number_minus(1, sig)  # (C++'s `1 - sig`: filled, then sub_)
            sig_one_sub_sig = sig * one_sub_sig
            gg_first, gg_second = gg.narrow(dim, 0, half), gg.narrow(dim, half, half)
            gI_first = gg_second * gO * sig_one_sub_sig
            second_order = sig_one_sub_sig * one_sub_sig - sig.pow(2) * one_sub_sig
            gI_second = gg_second * first * gO * second_order + gg_first * gO * sig_one_sub_sig
            self_grad = cat([gI_first, gI_second], dim)
        return grad_output, self_grad


def glu(input, dim=-1):
    if not isinstance(input, Tensor):
        raise type_error(f"glu(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
    if input.dim() == 0:
        raise runtime("glu does not support scalars because halving size must be even")
    d = input._wrap_dim(dim)
    if input._shape[d] % 2:
        raise runtime(f"Halving dimension must be even, but dimension {d} is size {input._shape[d]}")
    if not input.dtype.is_floating_point:
        raise not_implemented_for("glu_cpu", input.dtype)
    a, b = np.split(_in_float(input._np), 2, axis=d)
    with autograd.no_grad():  # (its TensorIterator's operands: the halves, input's strides)
        half = input.narrow(d, 0, input._shape[d] // 2)
    out = laid_out_like(np.asarray(a * np.asarray(kernels.sigmoid(kernels.contiguous(b))), dtype=input.dtype.np),
                        input.dtype, half)
    if needs_grad(input):
        attach(out, GluBackward0(input, d, dim))
    return out


class PreluKernelBackward0(SavingNode):
    """_prelu_kernel's node: the input's gradient, and the weight's summed to the weight's (broadcast) shape."""
    __slots__ = ()
    name_ = "PreluKernelBackward0"
    saved_names = ("self", "weight")
    inputs, saves_result = 2, None

    def backward(self, g):
        x, w = self.unpack()
        xa, wa, ga = x._np, w._np, g._np
        positive = xa > 0
        grad_input = fresh(kernels.contiguous(np.where(positive, ga, wa * ga)), g.dtype)
        collector = fresh(kernels.contiguous(np.where(positive, _scalar(xa, 0), xa * ga)), g.dtype)
        dims = tuple(d for d in range(x.dim()) if w._shape[d] == 1 and x._shape[d] != 1)
        if autograd._grad_enabled[0]:  # (the kernel's weight gradient has the input's shape; the engine's sum_to
            grad_input, collector = (  # makes it the weight's, a SumBackward1 under create_graph)
                recorded(out, "PreluKernelBackwardBackward0", None, (g, x, w), (), ("grad_output", "self", "weight"),
                         double=double) for out, double in ((grad_input, _prelu_double_input),
                                                            (collector, _prelu_double_weight)))
        return grad_input, (collector.sum(dims, keepdim=True) if dims else collector)


def _prelu_double_input(gg, g, x, w):
    """_prelu_kernel_backward's formulas for its first output's gradient gg (grads[1] undefined): grad_output's
    where(self >= 0, gg, gg * weight), self's zeros_like(self), weight's where(self >= 0, 0, grad_output * gg)
    (the input's shape: summed to the weight's as the engine's sum_to does)."""
    nonneg = x >= 0
    gw = where(nonneg, _zero(w), g * gg)
    return where(nonneg, gg, gg * w), zeros_of(x), gw.sum_to_size(w._shape)


def _prelu_double_weight(gg, g, x, w):
    """... and for its second's (grads[0] undefined): grad_output's where(self >= 0, 0, gg * self), self's
    where(self >= 0, 0, grad_output * gg), weight's zeros_like(self)."""
    nonneg = x >= 0
    return where(nonneg, _zero(g), gg * x), where(nonneg, _zero(x), g * gg), zeros_of(w)


def _zero(like):
    return fresh(np.zeros((), like.dtype.np), like.dtype)  # (at::zeros({}, like.options()))


def prelu(input, weight):
    """ATen's prelu: the weight viewed to broadcast over input's channel dim 1, then _prelu_kernel."""
    if AUTOCAST[0]:
        return autocast.lower(prelu, input, weight)
    for position, (name, t) in enumerate((("self", input), ("weight", weight)), 1):
        if not isinstance(t, Tensor):
            raise type_error(f"prelu(): argument '{name}' (position {position}) must be Tensor, not {type_name(t)}")
    if input.dtype is not weight.dtype:
        raise runtime(f"prelu: Type promoting not supported. Got {dtypes.SCALAR_NAMES[input.dtype.name]} and "
                      f"{dtypes.SCALAR_NAMES[weight.dtype.name]}")
    if weight.numel() != 1:
        if input.dim() == 0:
            raise runtime("Not allow zero-dim input tensor.")
        channels = input._shape[1] if input.dim() > 1 else 1
        if channels != weight.numel():
            raise runtime(f"Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                          f"{weight.numel()} and channel size = {channels}.")
    if weight.dim() > 1:
        raise runtime(f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.dim()}")
    if input.dim() != weight.dim():
        shape = [1] * input.dim()
        if input.dim() > 1:
            shape[1] = weight.numel()
        weight = weight.reshape(shape)
    if not input.dtype.is_floating_point:
        raise not_implemented_for("prelu_cpu", input.dtype)
    xa = input._np
    out = laid_out_like(np.where(xa > 0, xa, weight._np * xa).astype(input.dtype.np, copy=False), input.dtype, input,
                        weight)
    if needs_grad(input, weight):
        attach(out, PreluKernelBackward0(input, weight))
    return out

# ------------------------------------------------------------------ the gradients as differentiable ops
# The activations' gradients as differentiable ops (what their nodes compute under create_graph=True): gelu's,
# leaky_relu's, elu's, hardtanh's and softplus's beside their nodes (GeluBackwardBackward0, ...), whose own backward
# is ATen's formula (derivatives.yaml, FunctionsManual.cpp) composed of engine ops in its order; silu's is ATen's
# infinitely_differentiable_silu_backward, itself a composition of ops.

M_2_SQRTPI, M_SQRT2, M_SQRT1_2 = 1.12837916709551257390, 1.41421356237309504880, 0.70710678118654752440  # <cmath>


def gelu_double_backward(ggI, gO, x, approximate):
    """FunctionsManual.cpp's gelu_double_backward, op for op: C++'s `double * tensor` is mul.Scalar (MulBackward1),
    `1 + t` add.Scalar, and `1 - t`, `1 / t` fill a new tensor and subtract or divide in place."""
    if approximate == "tanh":
        k_beta = M_SQRT2 * M_2_SQRTPI * 0.5
        k_kappa = 0.044715
        inner = mul_scalar(x + mul_scalar(x.pow(3), k_kappa), k_beta)
        tanh_inner = inner.tanh()
        sech_inner = number_over(1, inner.cosh())
        f = mul_scalar(x, 0.5)
        g = number_minus(1, tanh_inner * tanh_inner)
        h = mul_scalar(_add_scalar(mul_scalar(x, 3 * k_kappa) * x, 1), k_beta)
        f_prime_gh = mul_scalar(g, 0.5) * h
        g_prime = mul_scalar(sech_inner, 2) * (-sech_inner * tanh_inner) * h
        g_prime_fh = f * h * g_prime
        h_prime = mul_scalar(mul_scalar(x, 6 * k_kappa), k_beta)
        h_prime_fg = f * g * h_prime
        return ggI * gO * (mul_scalar(f_prime_gh, 2) + g_prime_fh + h_prime_fg)
    k_beta = M_2_SQRTPI * M_SQRT1_2 * 0.5
    input_sq = x * x
    pdf = mul_scalar(mul_scalar(input_sq, -0.5).exp(), k_beta)
    d_grad_d_input = mul_scalar(pdf, 2) - input_sq * pdf
    return ggI * gO * d_grad_d_input


class _BackwardBackward(SavingNode):
    """The node of an activation's gradient op: its inputs the incoming gradient and the saved input (or result)."""
    __slots__ = ("params",)
    inputs, saves_result, fields = 2, None, ("params",)

    def backward(self, gg):
        grad, v = self.unpack()
        return (self.first(gg, v, *self.params) if self.next_functions[0][0] is not None else None,
                self.second(gg, grad, v, *self.params) if self.next_functions[1][0] is not None else None)


def _gradient_op(name, values, second, saved=("grad_output", "self"), params=(), **constants):
    """An activation's gradient op computing `values` (the arrays of the first backward, so its bits), recorded as
    node `name` whose backward is (the op again on the new gradient, second(gg, grad, v, *params)). Its
    grad_fn._saved_*: `saved` names the gradient and the input (None: kept, not shown, as PyTorch's formula does not
    read it), `params` the op's arguments in order (None: not shown), `constants` fixed values."""
    shown = {p: (lambda n, i=i: n.params[i]) for i, p in enumerate(params) if p is not None}
    shown.update({k: (lambda n, v=v: v) for k, v in constants.items()})
    node = type(name, (_BackwardBackward,), {"__slots__": (), "name_": name, "second": staticmethod(second),
                                             "saved_names": saved, "saved_values": shown})

    def op(grad, v, *params):
        out = fresh(kernels.contiguous(values(_in_float(grad._np), _in_float(v._np), *params), dtype=grad.dtype.np),
                    grad.dtype)
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
    g = gg * grad
    bx = mul_scalar(x, beta)
    return mul_scalar(_sigmoid_backward(g, bx.sigmoid()) * (bx < threshold).to(g.dtype), beta)


def _hardswish_double(gg, grad, x):
    """where(logical_and(-3.0 < self, self < 3.0), grad * grad_output / 3.0, zeros({}))."""
    return where((x > -3.0).logical_and(x < 3.0), div_scalar(gg * grad, 3.0), 0.0)


def _log_sigmoid_double(gg, grad, x, buffer):
    """log_sigmoid_double_backward(grad * grad_output, self): grad * (z - 1) * z, z = self.sigmoid()."""
    z = x.sigmoid()
    return gg * grad * sub_scalar(z, 1) * z


def hardsigmoid_backward(grad, x):
    out = fresh(kernels.contiguous(_hardsigmoid_grad(_in_float(grad._np), _in_float(x._np)), dtype=grad.dtype.np),
                grad.dtype)
    if needs_grad(grad, x):
        attach(out, NotImplementedNode("hardsigmoid_backward", grad, x))
    return out


def mish_backward(grad, x):
    """infinitely_differentiable_mish_backward: grad * (tanh(softplus) + x * sigmoid * (1.0 - tanh(softplus)^2)),
    softplus = x.exp().log1p(); C++'s `1.0 - t` is empty_like(t).fill_(1.0).sub_(t)."""
    sigmoid = x.sigmoid()
    tanh_softplus = x.exp().log1p().tanh()
    one_minus = number_minus(1, tanh_softplus * tanh_softplus)
    return grad * (tanh_softplus + x * sigmoid * one_minus)


_ELU = ("alpha", "scale", "input_scale")
gelu_backward = _gradient_op("GeluBackwardBackward0", _gelu_grad, gelu_double_backward, params=("approximate",))
leaky_relu_backward = _gradient_op("LeakyReluBackwardBackward0", _leaky_grad, _zeros, (None, "self"),
                                   ("negative_slope",))
elu_backward = _gradient_op("EluBackwardBackward0", _elu_grad, _elu_double, ("grad_output", "self_or_result"), _ELU,
                            is_result=False)
elu_backward_result = _gradient_op("EluBackwardBackward0", _elu_grad_result, _elu_double_result,
                                   ("grad_output", "self_or_result"), _ELU, is_result=True)
hardtanh_backward = _gradient_op("HardtanhBackwardBackward0", _hardtanh_grad, _zeros, (None, "self"),
                                 ("min_val", "max_val"))
hardshrink_backward = _gradient_op("HardshrinkBackwardBackward0", _shrink_grad, _zeros, (None, "self"), ("lambd",))
softshrink_backward = _gradient_op("SoftshrinkBackwardBackward0", _shrink_grad, _zeros, (None, "self"), ("lambd",))
threshold_backward = _gradient_op("ThresholdBackwardBackward0", _threshold_grad, _zeros, (None, "self"),
                                  ("threshold",))
softplus_backward = _gradient_op("SoftplusBackwardBackward0", _softplus_grad, _softplus_double,
                                 params=("beta", "threshold"))
hardswish_backward = _gradient_op("HardswishBackwardBackward0", _hardswish_grad, _hardswish_double)
log_sigmoid_backward = _gradient_op("LogSigmoidBackwardBackward0",
                                    lambda g, x, buffer: log_sigmoid_grad(g, x, buffer._np),
                                    _log_sigmoid_double, params=("buffer",))


def silu_backward(grad, x):
    """infinitely_differentiable_silu_backward: grad * s * (1.0 + x * (1.0 - s)), s = x.sigmoid(); C++'s
    `1.0 - s` is empty_like(s).fill_(1.0).sub_(s)."""
    s = x.sigmoid()
    one_minus = number_minus(1, s)
    return grad * s * _add_scalar(x * one_minus, 1.0)


DOUBLE = {"GeluBackward0": gelu_backward, "LeakyReluBackward0": leaky_relu_backward,
          "LeakyReluBackward1": leaky_relu_backward, "EluBackward0": elu_backward, "EluBackward1": elu_backward_result,
          "HardtanhBackward0": hardtanh_backward, "SoftplusBackward0": softplus_backward,
          "SiluBackward0": silu_backward, "CeluBackward0": _celu_scale(elu_backward),
          "CeluBackward1": _celu_scale(elu_backward_result),
          "HardswishBackward0": hardswish_backward, "HardsigmoidBackward0": hardsigmoid_backward,
          "MishBackward0": mish_backward, "HardshrinkBackward0": hardshrink_backward,
          "SoftshrinkBackward0": softshrink_backward, "ThresholdBackward0": threshold_backward,
          "ThresholdBackward1": threshold_backward}  # activation nodes whose gradient is itself differentiable

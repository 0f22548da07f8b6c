"""Elementwise ops of one tensor: the unary family (one row each: kernel, grad_fn, backward formula, what it
saves, the in-place twin derived), rounding, frac, sgn, the floating-point tests (isnan, isinf, isfinite,
signbit, ...) and nan_to_num."""
import math

import numpy as np

from .. import autograd, dtypes, errors, kernels, layout, messages, nans
from ..autograd import Node, SavedTensor, edge_of
from ..errors import runtime, type_error
from ..tensorimpl import Tensor
from .core import (REDUCED_FLOATS, InputNode, SavingNode, attach, binary_result, cast_for_inplace, fresh, from_numpy,
                   laid_out_like, needs_grad, operand_edge, precheck, self_overlapping, type_name, write_inplace,
                   write_rows, zero_tensor_of, zeros_of)
from .registry import op, operator
from .scalar_arith import add_scalar, mul_scalar, number_minus, sub_scalar


class _Unary(Node):

    def __init__(self, x, out, inplace=False):
        Node.__init__(self, (edge_of(x),))
        if self.saves == "self":  # in place: a copy of the input made before the write (PyTorch's original_self)
            self.saved = (SavedTensor(x.clone() if inplace else x),)
        elif self.saves == "result" and not inplace:  # (in place, write_inplace saves the output)
            self.saved = (SavedTensor(out, is_output=True),)
        elif self.saves == "self+result":  # (a formula reading both: its double backward reaches x through each)
            self.saved = (SavedTensor(x), SavedTensor(out, is_output=True))


def unary(name, grad_fn, kernel, backward, saves="self", float_only=True, inplace=True, aliases=(), operators=(),
          inplace_function=False, reduced_kernel=None):
    """A row of the elementwise unary family: torch.<name> and Tensor.<name> computing kernel(array), recording
    grad_fn whose gradient is backward(grad, *saved) with saved what saves says ("self", "result", "self+result" or
    None), and
    (inplace) the twin <name>_, derived; float_only: integer inputs compute in the default float dtype, as
    PyTorch's do; float16 and bfloat16 compute in float32 and round once, or by reduced_kernel(x in float32,
    rounding to the dtype) where PyTorch's kernel rounds in between."""
    def node_backward(self, g):
        saved = self.unpack()
        if g.dtype.category == 3 or saved and saved[0].dtype.category == 3:
            return (_complex_backward(grad_fn, g, saved),)
        return (backward(g, *saved),)
    node_cls = type(grad_fn, (_Unary,), {"__slots__": (), "name_": grad_fn, "saves": saves, "float_only": float_only,
                                         "backward": node_backward})

    def fn(self):
        x, src = self._np, self.dtype
        if float_only and src.category < 2:  # (an integer input is read as the default float dtype)
            src = dtypes.DEFAULT_FLOAT
            x = x.astype(src.np) if src is not dtypes.bfloat16 else dtypes.to_bfloat16(x.astype(np.float32))
        if src is dtypes.float16:
            x = x.astype(np.float32)
        # (numpy keeps a dense input's layout, unless the kernel made its values element by element; an expanded
        # input's is TensorIterator's own)
        if src.category == 3:
            values = _complex_values(grad_fn, x, src)
        else:
            values = kernel(x) if reduced_kernel is None or src not in REDUCED_FLOATS else \
                reduced_kernel(x, dtypes.rounding(src))
        dt = dtypes.BY_NP[values.dtype] if src not in REDUCED_FLOATS or values.dtype != np.float32 else \
            src  # (float16 and bfloat16 compute in float32: the result rounds back)
        out = from_numpy(values, dt) if x.flags.c_contiguous or (0 not in self._stride and 1 not in self._shape and
                                                                  not values.flags.c_contiguous) \
            else laid_out_like(values, dt, self)
        if needs_grad(self):
            attach(out, node_cls(self, out))
        return out
    fn.node = node_cls
    fn.formula, fn.saves = backward, saves  # (forward_ad applies the formula to a tangent: auto_element_wise)
    fn.inplace = _unary_inplace(fn) if inplace else None
    if name is not None:  # (Python's own argument errors name the op as PyTorch spells it)
        fn.__qualname__ = name
        if inplace:
            fn.inplace.__qualname__ = name + "_"
        op(name, fn, aliases, function=True, operators=operators, inplace=inplace and name + "_", grad_fn=grad_fn,
           saves=tuple(saves.split("+")) if saves else ())
        if inplace:
            op(name + "_", fn.inplace, tuple(a + "_" for a in aliases),
               function=inplace_function or name + "_" in TORCH_INPLACE_FUNCTIONS, grad_fn=grad_fn)
    return fn


def _reciprocal(z):
    """1 / z in c10::complex's division (reciprocal's and rsqrt's kernels, both bodies; pow's -1): 1 / (3+0j) has
    imaginary part +0, 1 / 0 is inf+nanj (numpy's reciprocal gives -0 and nan+nanj)."""
    return kernels.c10_complex_div(np.ones_like(z), z)


def _complex_neg(z):
    """-z as ATen's neg kernel: its vector body subtracts from zero (0 - 0 is +0), the scalar body negates."""
    tail = kernels.complex_scalar_body(z)
    vector = np.subtract(z.dtype.type(0), z)
    return vector if tail is None else np.where(tail, np.negative(z), vector)


def _complex_log_base(base):
    """log2/log10 of complex z as VML's Vectorized::log2/log10 (every element: vec::map): log(z), both parts divided
    by log(base) rounded to the part's type."""
    def values(z):
        logs, ln = np.log(z), z.real.dtype.type(math.log(base))
        out = np.empty(z.shape, z.dtype)
        out.real, out.imag = logs.real / ln, logs.imag / ln
        return out
    return values


def _complex_acos(z):
    """acos as Vectorized<complex<double>>::acos, pi/2 - asin(z) part by part (the imaginary part 0 - asin's:
    acos(0j) is +0j); complex64's maps std::acos."""
    if z.dtype != np.complex128:
        return np.arccos(z)
    a = np.arcsin(z)
    out = np.empty(z.shape, z.dtype)
    out.real, out.imag = math.pi / 2 - a.real, 0.0 - a.imag
    return out


_libm = {name: kernels.libm_each(name, getattr(np, name)) for name in ("sin", "cos", "exp", "expm1")}


def _complex_expm1(z):
    """c10::complex's expm1 (every element: its vector body maps it too): expm1(x) cos(y) - 2 sin(y/2)^2 (one fma) +
    i exp(x) sin(y), the C library's functions of the parts."""
    x, y = z.real, z.imag
    a = _libm["sin"](y / y.dtype.type(2))
    out = np.empty(z.shape, z.dtype)
    with np.errstate(all="ignore"):
        out.real = kernels.fma(_libm["expm1"](x), _libm["cos"](y), -(y.dtype.type(2) * a * a))  # (as compiled)
        out.imag = _libm["exp"](x) * _libm["sin"](y)
    return out


# grad_fn -> (the complex kernel, its derivative f'(z) from what the node saves: x or the result r); the gradient
# PyTorch's formulas give a holomorphic f is grad * conj(f'(z)) (derivatives.yaml's .conj() placements)
_LN2, _LN10 = 0.6931471805599453, 2.3025850929940456  # (derivatives.yaml's literals; math.log(10) is 1 ulp above)
COMPLEX_UNARY = {
    "ExpBackward0": (np.exp, lambda r: r), "LogBackward0": (np.log, lambda x: 1 / x),
    "SinBackward0": (np.sin, np.cos), "CosBackward0": (np.cos, lambda x: -np.sin(x)),
    "TanBackward0": (np.tan, lambda r: 1 + r * r), "TanhBackward0": (np.tanh, lambda r: 1 - r * r),
    "SigmoidBackward0": (lambda z: _reciprocal(1 + np.exp(-z)), lambda r: r * (1 - r)), "SqrtBackward0": (np.sqrt, lambda r: 1 / (2 * r)),
    "RsqrtBackward0": (lambda z: _reciprocal(np.sqrt(z)), lambda r: -0.5 * r ** 3),
    "ReciprocalBackward0": (_reciprocal, lambda r: -r * r), "NegBackward0": (_complex_neg, None),
    "SinhBackward0": (np.sinh, np.cosh), "CoshBackward0": (np.cosh, np.sinh),
    "Expm1Backward0": (_complex_expm1, lambda r: r + 1), "Log1PBackward0": (kernels.c10_log1p, lambda x: 1 / (1 + x)),
    "Log2Backward0": (_complex_log_base(2), lambda x: 1 / (x * _LN2)),
    "Log10Backward0": (_complex_log_base(10), lambda x: 1 / (x * _LN10)),
    "Exp2Backward0": (np.exp2, lambda r: r * _LN2), "AsinBackward0": (np.arcsin, lambda x: 1 / np.sqrt(1 - x * x)),
    "AcosBackward0": (_complex_acos, lambda x: -1 / np.sqrt(1 - x * x)), "AtanBackward0": (np.arctan, lambda x: 1 / (1 + x * x)),
    "AsinhBackward0": (np.arcsinh, lambda x: 1 / np.sqrt(x * x + 1)),
    "AcoshBackward0": (np.arccosh, lambda x: kernels.complex_multiply(_reciprocal(np.sqrt(x + 1)),
                                                                           _reciprocal(np.sqrt(x - 1)))),  # (not
    # rsqrt(z * z - 1), the real case's: sqrt(xy) = sqrt(x) sqrt(y) for positive reals only)
    "AtanhBackward0": (np.arctanh, lambda x: 1 / (1 - x * x)),
    "AbsBackward0": (kernels.complex_abs, None),  # (hypot: numpy's complex abs is not)
}
# PyTorch's refusals of the real-only unary kernels for a complex input
_COMPLEX_REFUSED = {"FloorBackward0": "floor is not supported for complex inputs",
                    "CeilBackward0": "ceil is not supported for complex inputs",
                    "TruncBackward0": "trunc is not supported for complex inputs",
                    "ReluBackward0": "clamp is not supported for complex types",
                    "SignBackward0": "Unlike NumPy, torch.sign is not intended to support complex numbers. Please use "
                                     "torch.sgn instead.",
                    "RoundBackward0": '"round_vml_cpu" not implemented for \'{}\'',
                    "FracBackward0": '"frac_cpu" not implemented for \'{}\'',
                    "ErfBackward0": '"erf_vml_cpu" not implemented for \'{}\'',
                    "LgammaBackward0": '"lgamma_vml_cpu" not implemented for \'{}\'',
                    "DigammaBackward0": '"digamma" not implemented for \'{}\'',
                    "ErfcBackward0": '"erfc_vml_cpu" not implemented for \'{}\'',
                    "SpecialEntrBackward0": '"entr_cpu" not implemented for \'{}\'',
                    "SpecialNdtriBackward0": '"ndtri_cpu" not implemented for \'{}\''}


def _complex_values(grad_fn, x, dt):
    entry = COMPLEX_UNARY.get(grad_fn)
    if entry is None:
        message = _COMPLEX_REFUSED.get(grad_fn)
        if message is None:
            raise runtime(f"tensorsh: {grad_fn[:-9].lower()} is not supported for complex tensors yet")
        raise errors.make("NotImplementedError", message.format(dtypes.SCALAR_NAMES[dt.name]))
    with np.errstate(all="ignore"):
        values = entry[0](x)
    return values.astype(dt.np) if values.dtype.kind == "c" else values.astype(dt.to_real().np)


# derivatives.yaml's complex gradients as ops, of the gradient and what the node saved (the input z or the result
# r), for a gradient with history (create_graph): its nodes are PyTorch's (MulBackward0, DivBackward0, abs's SgnBackward0)
COMPLEX_GRAPH = {
    "ExpBackward0": lambda g, r: g * r.conj(),
    "SinBackward0": lambda g, z: g * z.cos().conj(), "CosBackward0": lambda g, z: g * -z.sin().conj(),
    "SinhBackward0": lambda g, z: g * z.cosh().conj(), "CoshBackward0": lambda g, z: g * z.sinh().conj(),
    "LogBackward0": lambda g, z: g.div(z.conj()), "SqrtBackward0": lambda g, r: g / mul_scalar(r.conj(), 2),
    "ReciprocalBackward0": lambda g, r: -g * (r * r).conj(), "RsqrtBackward0": lambda g, r: mul_scalar(g, -0.5) * r.pow(3).conj(),
    "TanBackward0": lambda g, r: g * (1 + r.pow(2)).conj(), "Expm1Backward0": lambda g, r: g * add_scalar(r.conj(), 1),
    "NegBackward0": lambda g, _: g.neg(), "AbsBackward0": lambda g, z: g * z.sgn(),
    "AcoshBackward0": lambda g, z: g * ((z + 1).rsqrt() * (z - 1).rsqrt()).conj(),
    "AsinBackward0": lambda g, z: g * add_scalar(-z * z, 1).rsqrt().conj(),
    "AcosBackward0": lambda g, z: g * -(add_scalar(-z * z, 1).rsqrt()).conj(),
    "AtanBackward0": lambda g, z: g / add_scalar(z * z, 1).conj(),
    "AsinhBackward0": lambda g, z: g * add_scalar(z.pow(2), 1).rsqrt().conj(),
    "AtanhBackward0": lambda g, z: mul_scalar(g, 1) / number_minus(1, z.pow(2)).conj(),
    "Log1PBackward0": lambda g, z: g / add_scalar(z, 1).conj(),
    "Log2Backward0": lambda g, z: g / mul_scalar(z.conj(), _LN2),
    "Log10Backward0": lambda g, z: g / mul_scalar(z.conj(), _LN10),
    "Exp2Backward0": lambda g, r: mul_scalar(g * r.conj(), _LN2),
    "TanhBackward0": lambda g, r: _tanh_backward(g, r), "SigmoidBackward0": lambda g, r: _sigmoid_backward(g, r),
}


def _complex_backward(grad_fn, g, saved):
    """The gradient of a complex input: grad * conj(f'(z)) (abs: grad * sgn(z), its real grad times z/|z|); as ops
    when it is to have history."""
    formula = COMPLEX_GRAPH.get(grad_fn)
    if autograd.is_grad_enabled() and (g.requires_grad or saved and saved[0].requires_grad):
        if formula is None:
            raise runtime(f"tensorsh: the gradient of {grad_fn[:-9].lower()} of a complex tensor with create_graph "
                          "is not supported yet")
        return formula(g, saved[0] if saved else None)
    if formula is not None:  # (the formula's ops, each in its kernel's arithmetic)
        with autograd.no_grad():
            return formula(g, saved[0] if saved else None)
    if grad_fn == "AbsBackward0":  # (sgn's own kernel: its z / |z| rounds as the forward sgn does)
        return g * saved[0].sgn()
    derivative = COMPLEX_UNARY[grad_fn][1]
    if derivative is None:  # (neg)
        return -g
    with np.errstate(all="ignore"):
        values = g._np * np.conj(derivative(saved[0]._np))
    return fresh(values.astype(saved[0].dtype.np), saved[0].dtype)


# the in-place twins PyTorch binds as torch functions too (torch.abs_(x)); the others are methods only
TORCH_INPLACE_FUNCTIONS = frozenset({"abs_", "acos_", "asin_", "atan_", "ceil_", "cos_", "cosh_", "exp2_", "floor_",
                                     "frac_", "log10_", "log2_", "log_", "neg_", "round_", "sin_", "sinh_", "sqrt_",
                                     "tan_", "trunc_", "expm1_", "log1p_", "reciprocal_", "rsqrt_"})


def _unary_inplace(fn):
    node_cls = fn.node

    def op(self):
        precheck(self)
        if self.dtype.category < 2 and node_cls.float_only:
            cast_for_inplace(self, dtypes.DEFAULT_FLOAT)
        if self_overlapping(self):
            values = None
        else:
            values = _unary_values(fn, self)

        def make():
            return node_cls(self, None, inplace=True)

        def write(arr):
            if values is None:
                write_rows(self, arr, lambda ix: _unary_values(fn, Tensor._from_numpy(arr[ix].copy(), self.dtype)))
            else:
                arr[...] = values
        return write_inplace(self, write, make, save_output=node_cls.saves == "result")
    return op


def _unary_values(fn, self):
    with autograd.no_grad():
        return fn(self)._np


def vml_unary(name, grad_fn, kernel, backward, *args, nan_bits=False, reduced=None, **kwargs):
    """A row whose float32/float64 kernel is MKL's VML (kernels.mkl_vml): float16 and bfloat16 do not reach MKL,
    theirs are the correctly rounded values, or reduced(x in float32) where their Vectorized<float> function is
    not. nan_bits: NaNs from other inputs get PyTorch's bits (nans.py) where MKL's kernel is not the one
    computing them."""
    rounded = nans.with_pytorch_nans(name, kernel.correctly_rounded) if nan_bits else kernel.correctly_rounded
    reduced = rounded if reduced is None else nans.with_pytorch_nans(name, reduced) if nan_bits else reduced

    def full(x):
        return kernel(x) if x.dtype in kernel.ported else rounded(x)
    return unary(name, grad_fn, full, backward, *args, reduced_kernel=lambda x, rounding: reduced(x), **kwargs)


exp = vml_unary("exp", "ExpBackward0", kernels.vml_exp, lambda g, r: g * r, "result", inplace_function=True)
log = vml_unary("log", "LogBackward0", kernels.vml_log, lambda g, x: g.div(x), nan_bits=True)
sin = vml_unary("sin", "SinBackward0", kernels.vml_sin, lambda g, x: g * x.cos())
cos = vml_unary("cos", "CosBackward0", kernels.vml_cos, lambda g, x: g * -x.sin())


class _BackwardOp(Node):
    """The node of a fused backward kernel (sigmoid_backward, ...): what create_graph records for it; a subclass per
    kernel (_backward_op) names it and what it saves (grad_fn._saved_*: None where PyTorch's formula reads no g)."""
    __slots__ = ()

    def __init__(self, g, y):
        Node.__init__(self, (operand_edge(g), operand_edge(y)))
        self.saved = (SavedTensor(g), SavedTensor(y))

    def backward(self, gg):
        g, y = self.unpack()
        return self.formula(gg, g, y)


def _backward_op(name, values, formula, saved=("grad_output", "output"), saved_values=None, operands=None):
    """The differentiable op of a fused backward kernel: values(g, y) as an array (operands: the kernel's operands
    in its order, for the result's layout), recorded under create_graph as node `name` whose backward is
    formula(gg, g, y)."""
    node = type(name, (_BackwardOp,), {"__slots__": (), "name_": name, "formula": staticmethod(formula),
                                        "saved_names": saved, "saved_values": saved_values or {}})

    def op(g, y):
        out = binary_result(values(g, y), g.dtype, *(operands(g, y) if operands else (g, y)))
        if needs_grad(g, y):
            attach(out, node(g, y))
        return out
    return op


# derivatives.yaml's: each op's gradient for grad_output is the op again on the new gradient; for the output
# sigmoid_backward's grad * grad_output * (-2 * output + 1), tanh_backward's grad * (-2 * output * grad_output)
# (C++'s number * tensor and tensor + number: mul.Scalar, add.Scalar)
# A complex output's kernels conjugate the factor (grad_output * conj((1 - y) * y), * conj(1 - y * y)): the op is
# conjugate-linear in the output, so its gradients are tanh_backward(grad, output.conj()) for grad_output and
# grad.conj() * (-2 * output.conj() * grad_output) for the output (sigmoid's likewise; checked against PyTorch)
def _sigmoid_backward_values(g, y):
    if y.dtype.is_complex:
        return kernels.complex_tanh_sigmoid_backward(g._np, y._np, sigmoid=True)
    return kernels.sigmoid_backward(g._np, y._np)


def _sigmoid_backward_grads(gg, g, y):
    if y.dtype.is_complex:
        yc = y.conj()
        return _sigmoid_backward(gg, yc), gg.conj() * (g * add_scalar(mul_scalar(yc, -2), 1))
    return _sigmoid_backward(gg, y), gg * g * add_scalar(mul_scalar(y, -2), 1)


def _tanh_backward_values(g, y):
    if y.dtype.is_complex:
        return kernels.complex_tanh_sigmoid_backward(g._np, y._np, sigmoid=False)
    return kernels.tanh_backward(g._np, y._np)


def _tanh_backward_grads(gg, g, y):
    if y.dtype.is_complex:
        yc = y.conj()
        return _tanh_backward(gg, yc), gg.conj() * (mul_scalar(yc, -2) * g)
    return _tanh_backward(gg, y), gg * (mul_scalar(y, -2) * g)


_sigmoid_backward = _backward_op("SigmoidBackwardBackward0", _sigmoid_backward_values, _sigmoid_backward_grads)
_tanh_backward = _backward_op("TanhBackwardBackward0", _tanh_backward_values, _tanh_backward_grads)
# threshold_backward(grad, result, 0): `self <= threshold ? 0 : grad`, so a NaN result passes the gradient on; its
# operands are (self, grad), its gradient for self zeros_like(grad)
_relu_backward = _backward_op("ThresholdBackwardBackward0", lambda g, y: kernels.relu_backward(g._np, y._np),
                              lambda gg, g, y: (_relu_backward(gg, y), zeros_of(gg)), (None, "self"),
                              {"threshold": lambda node: 0}, lambda g, y: (y, g))


tanh = vml_unary("tanh", "TanhBackward0", kernels.vml_tanh, _tanh_backward, "result", inplace_function=True)
sigmoid = unary("sigmoid", "SigmoidBackward0", kernels.sigmoid, _sigmoid_backward, "result",
                inplace_function=True)
_reduced_sqrt = nans.with_pytorch_nans("sqrt", np.sqrt)  # (float16/bfloat16: Vectorized<float>'s sqrt, correctly
# rounded, then rounded to the dtype; MKL's float32 vsSqrt is not theirs: float16 sqrt(65504) is 255.875, not 256)
sqrt = unary("sqrt", "SqrtBackward0", nans.with_pytorch_nans("sqrt", kernels.sqrt), lambda g, r: g / mul_scalar(r, 2),
             "result", reduced_kernel=lambda x, rounding: _reduced_sqrt(x))
def _refuse_bool(message, np_fn):
    """PyTorch's kernels that refuse bool tensors with a message of their own (the in-place twins too)."""
    def fn(x):
        if x.dtype.kind == "b":  # (bool: the one dtype of kind "b")
            raise runtime(message)
        return np_fn(x)
    return fn


relu = unary("relu", "ReluBackward0", _refuse_bool("Boolean inputs not supported for relu",
                                                 lambda x: kernels.maximum(x, x.dtype.type(0))),
             _relu_backward, "result", float_only=False, inplace_function=True)
def _abs_values(x):
    if x.dtype == np.bool_:  # PyTorch's abs has no bool kernel
        raise errors.make("NotImplementedError", "\"abs_cpu\" not implemented for 'Bool'")
    return np.abs(x)


absolute = unary("abs", "AbsBackward0", _abs_values, lambda g, x: g * x.sgn(), float_only=False,
                 operators=("__abs__",))
op("absolute", absolute, function=True, grad_fn="AbsBackward0")
op("absolute_", absolute.inplace, grad_fn="AbsBackward0")  # (a method only: PyTorch has no torch.absolute_)
neg = unary("neg", "NegBackward0", _refuse_bool(messages.NEG_BOOL, np.negative), lambda g: -g, None,
            float_only=False, aliases=("negative",), operators=("__neg__",))
log1p = unary("log1p", "Log1PBackward0", nans.with_pytorch_nans("log1p", kernels.log1p), lambda g, x: g / add_scalar(x, 1))
expm1 = unary("expm1", "Expm1Backward0", kernels.expm1, lambda g, r: g * add_scalar(r, 1), "result")
reciprocal = unary("reciprocal", "ReciprocalBackward0", lambda x: np.reciprocal(x), lambda g, r: -g * (r * r),
                   "result")
rsqrt = unary("rsqrt", "RsqrtBackward0", nans.with_pytorch_nans("rsqrt", lambda x: 1 / np.sqrt(x)), lambda g, r: mul_scalar(g, -0.5) * r.pow(3), "result",
              reduced_kernel=kernels.reduced_rsqrt)
def _complex_sgn(z):
    """sgn of complex values as ATen's kernel: 0 at 0, else z / |z| (|z| the hypot of the parts): the vector body
    divides each part by it, the scalar body (kernels.complex_scalar_body) divides by complex(|z|, 0) as c10::complex
    does, each part times the reciprocal (two roundings). Its vectors are the CPU's width (AVX-512's: measured)."""
    re, im = z.real, z.imag
    a = kernels.complex_abs(z, floats=None)  # (sgn_stub: compiled for AVX-512 too)
    tail = kernels.complex_scalar_body(z, floats=None)
    values = np.empty(z.shape, z.dtype)
    with np.errstate(all="ignore"):
        if tail is not None and tail is not True and not tail.all():
            values.real, values.imag = re / a, im / a
        if tail is None or tail is True or tail.any():
            scale, zero = a.dtype.type(1) / a, a.dtype.type(0)
            scalar = np.empty(z.shape, z.dtype)
            scalar.real, scalar.imag = (re + im * zero) * scale, (im - re * zero) * scale
            values = scalar if tail is None or tail is True or tail.all() else np.where(tail, scalar, values)
    return np.where(z == 0, z.dtype.type(0), values)


def _sign_values(x):
    """PyTorch's sign, (0 < x) - (x < 0): a NaN's sign is 0 (numpy's is NaN)."""
    if x.dtype == np.bool_:
        return x.copy()
    if x.dtype.kind == "c":
        return _complex_sgn(x)
    values = np.sign(x)
    if values.dtype.kind == "f" and np.isnan(values).any():
        values = np.where(np.isnan(values), values.dtype.type(0), values)
    return values


sign = unary("sign", "SignBackward0", _sign_values,
             lambda g: zeros_of(g), None, float_only=False)
tan = vml_unary("tan", "TanBackward0", kernels.vml_tan, lambda g, r: g * add_scalar(r.pow(2), 1), "result")
sinh = unary("sinh", "SinhBackward0", kernels.sinh, lambda g, x: g * x.cosh())
cosh = unary("cosh", "CoshBackward0", kernels.cosh, lambda g, x: g * x.sinh())
atan = vml_unary("atan", "AtanBackward0", kernels.vml_atan, lambda g, x: g / add_scalar(x * x, 1),
                  aliases=("arctan",))
asin = vml_unary("asin", "AsinBackward0", kernels.vml_asin, lambda g, x: g * add_scalar(-x * x, 1).rsqrt(),
                  aliases=("arcsin",), nan_bits=True)
acos = vml_unary("acos", "AcosBackward0", kernels.vml_acos, lambda g, x: g * -(add_scalar(-x * x, 1).rsqrt()),
                  aliases=("arccos",), nan_bits=True)
exp2 = unary("exp2", "Exp2Backward0", kernels.exp2, lambda g, r: mul_scalar(g * r, math.log(2)), "result")
class _InplaceNotImplemented(_Unary):
    """asinh_/acosh_/atanh_: PyTorch records <Name>Backward1, whose derivative it has not implemented."""
    __slots__ = ()
    saves, float_only, op = None, True, None

    def backward(self, g):
        raise errors.make("NotImplementedError", f"the derivative for 'inplace version of {self.op}' is not "
                                                 "implemented.")


def _hyperbolic(name, kernel, backward):
    """asinh, acosh, atanh (arc<name> too), their in-place twins recording the node PyTorch cannot differentiate."""
    grad_fn = name.capitalize() + "Backward"
    fn = unary(name, grad_fn + "0", kernel, backward, aliases=("arc" + name[1:],), inplace=False)

    def values(self):
        return fn(self)
    values.node = type(grad_fn + "1", (_InplaceNotImplemented,), {"__slots__": (), "name_": grad_fn + "1", "op": name})
    op(name + "_", _unary_inplace(values), ("arc" + name[1:] + "_",), grad_fn=grad_fn + "1")
    return fn


# asinh and acosh are the C library's per element (PyTorch's scalar loop: bit for bit); atanh SLEEF's on vector
# chunks and the C library's on the rest; their gradients as derivatives.yaml's C++ spells them (a number beside a
# tensor: the Scalar overloads; `1 - t`, `1 / t`: fill_ then sub_/div_)
asinh = _hyperbolic("asinh", kernels.libm_each("asinh", np.arcsinh),
                    lambda g, x: g * add_scalar(x.pow(2), 1).rsqrt())
acosh = _hyperbolic("acosh", kernels.libm_each("acosh", np.arccosh), lambda g, x: g * sub_scalar(x * x, 1).rsqrt())
atanh = _hyperbolic("atanh", kernels.atanh, lambda g, x: mul_scalar(g, 1) / number_minus(1, x.pow(2)))
log2 = vml_unary("log2", "Log2Backward0", kernels.vml_log2, lambda g, x: g / mul_scalar(x, _LN2), nan_bits=True)
log10 = vml_unary("log10", "Log10Backward0", kernels.vml_log10, lambda g, x: g / mul_scalar(x, _LN10), nan_bits=True)


def _rounding(kernel, np_fn):
    """floor/ceil/round/trunc: an integer tensor comes back as a copy (PyTorch's kernel is the identity for
    integers); bool has no kernel."""
    def fn(x):
        if x.dtype == np.bool_:
            raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for 'Bool'")
        return x.copy() if x.dtype.kind in "iu" else np_fn(x)
    return fn


floor = unary("floor", "FloorBackward0", _rounding("floor_vml_cpu", np.floor), lambda g: zeros_of(g), None, False)
ceil = unary("ceil", "CeilBackward0", _rounding("ceil_vml_cpu", np.ceil), lambda g: zeros_of(g), None, False)
trunc = unary("trunc", "TruncBackward0", _rounding("trunc_vml_cpu", np.trunc), lambda g: zeros_of(g), None, False,
              aliases=("fix",))
_round_even = unary(None, "RoundBackward0", _rounding("round_vml_cpu", np.rint), lambda g: zeros_of(g), None, False)


def _not_for_integers(kernel, x):
    if x.dtype.category < 2:
        raise errors.make("NotImplementedError",
                          f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")


def _frac_values(x):
    return x - np.trunc(x)  # PyTorch's frac kernel: a - trunc(a), in the tensor's dtype


_frac = unary(None, "FracBackward0", _frac_values, lambda g: g, None)


def frac(self):
    _not_for_integers("frac_cpu", self)
    return _frac(self)


def _decimals(decimals):
    if not isinstance(decimals, int) or isinstance(decimals, bool):
        raise type_error(f"round(): argument 'decimals' must be int, not {type_name(decimals)}")
    return decimals


def _round_kernel(x, decimals):
    """round.decimals' dispatch: decimals=0 runs round's own kernel; neither has an integer or complex one."""
    if x.dtype.category != 2:
        raise errors.make("NotImplementedError", f"\"{'round_cpu' if decimals else 'round_vml_cpu'}\" not "
                                                 f"implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")
    return decimals


def _round_decimals_values(x, decimals):
    """PyTorch's round_decimals kernel, in the tensor's own dtype (float16 in float, rounded once): nearbyint(x *
    10^d) / 10^d, or for d < 0 nearbyint(x / 10^-d) * 10^-d."""
    if x.dtype == np.float16:
        return _round_decimals_values(x.astype(np.float32), decimals).astype(np.float16)
    with np.errstate(all="ignore"):  # (std::pow(10, decimals) past the dtype's range is inf: values become nan)
        scale = x.dtype.type(np.power(10.0, float(abs(decimals))))
        if decimals < 0:
            return np.rint(x / scale) * scale
        return np.rint(x * scale) / scale


class RoundBackward1(InputNode):

    def backward(self, g):
        return (zeros_of(g),)


def rounded(self, *args, decimals=None):
    if args:
        raise type_error(f"round() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even(self)
    decimals = _round_kernel(self, _decimals(decimals))
    out = fresh(np.asarray(_round_decimals_values(self._np, decimals)), self.dtype)
    if needs_grad(self):
        attach(out, RoundBackward1(self))
    return out


def isnan(self):
    return fresh(np.isnan(self._np), dtypes.bool_)


def _test(np_fn, integers):
    def op(self):
        if self.dtype.category < 2:
            return fresh(np.full(self._shape, integers, np.bool_), dtypes.bool_)
        return fresh(np.asarray(np_fn(self._np)), dtypes.bool_)
    return op


isinf = _test(np.isinf, False)
isfinite = _test(np.isfinite, True)
isposinf = _test(np.isposinf, False)
isneginf = _test(np.isneginf, False)


class NanToNumBackward0(SavingNode):
    saves_result = None
    saved_names = ("self",)

    def backward(self, g):
        x, = self.unpack()
        return (g * x.isfinite(),)


def nan_to_num(self, nan=0.0, posinf=None, neginf=None):
    if self.dtype.category < 2:
        return self.clone()
    big = float.fromhex("0x1.fep127") if self.dtype is dtypes.bfloat16 else np.finfo(self.dtype.np).max
    nan, posinf, neginf = (dtypes.stored(float(v), self.dtype) for v in (0.0 if nan is None else nan,
                                                                         big if posinf is None else posinf,
                                                                         -big if neginf is None else neginf))
    values = np.nan_to_num(self._np, nan=nan, posinf=posinf, neginf=neginf)  # (the numbers in the dtype: c10's casts)
    out = layout.like(values, self.dtype, self)  # (nan_to_num_out into empty_like(self))
    if needs_grad(self):
        attach(out, NanToNumBackward0(self))
    return out


class SgnBackward0(InputNode):
    """sgn_backward: the sign of a real tensor is flat wherever it has a derivative (zero gradient); a complex one's
    is (g - sgn * sgn * conj(g)) / (2 |x|), 0 where x is 0, in ops (so it has a graph under create_graph)."""
    saved_names = ("self", "result")

    def backward(self, g):
        if g.dtype.category != 3:
            return (zero_tensor_of(g),)
        x, result = self.unpack()
        a = x.abs()
        return (((g - (result * result) * g.conj()) / (a * 2.0)).masked_fill_(a == 0.0, 0.0),)


def sgn(self):
    out = laid_out_like(_sign_values(self._np), self.dtype, self)
    if needs_grad(self):
        node = SgnBackward0(self)
        node.saved = (SavedTensor(self), SavedTensor(out, is_output=True))
        attach(out, node)
    return out


def sgn_inplace(self):
    precheck(self)
    values = _sign_values(self._np)
    def make():  # (PyTorch's original_self: a clone saved before the write; the result after it)
        node = SgnBackward0(self)
        node.saved = (SavedTensor(self.clone()),)
        return node
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), make, save_output=True)


def nan_to_num_inplace(self, nan=0.0, posinf=None, neginf=None):
    precheck(self)
    with autograd.no_grad():
        values = nan_to_num(self, nan, posinf, neginf)._np

    def make():
        node = NanToNumBackward0(self)
        node.saved = (SavedTensor(self.clone()),)  # (PyTorch's original self)
        return node
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), make)


def positive(self):
    if self.dtype is dtypes.bool_:
        raise runtime("The `+` operator, on a bool tensor is not supported.")
    return self


def signbit(self):
    return laid_out_like(np.signbit(self._np), dtypes.bool_, self)


_round_even.inplace = _unary_inplace(_round_even)
_frac.inplace = _unary_inplace(_frac)


def frac_inplace(self):
    _not_for_integers("frac_cpu", self)
    return _frac.inplace(self)


def round_inplace(self, *args, decimals=None):
    if args:
        raise type_error(f"round_() takes from 1 to 0 positional arguments but {len(args)} were given")
    if decimals is None:
        return _round_even.inplace(self)
    decimals = _round_kernel(self, _decimals(decimals))
    precheck(self)
    values = _round_decimals_values(self._np, decimals)

    def make():
        return RoundBackward1(self)

    def write(arr):
        arr[...] = values
    return write_inplace(self, write, make)


op("round", rounded, function=True)
op("frac", frac, function=True)
op("round_", round_inplace, function=True)
op("frac_", frac_inplace, function=True)
op("isnan", isnan, function=True)
operator("__pos__", positive)  # (PyTorch's __pos__ is positive: a bool tensor refused)
op("isinf", isinf, function=True)  # (isinf, isposinf, isneginf, signbit: not differentiable, no edges)
op("isfinite", isfinite, function=True, edges=True)
op("isposinf", isposinf, function=True)
op("isneginf", isneginf, function=True)
op("nan_to_num", nan_to_num, function=True, edges=True)
op("sgn", sgn, function=True, edges=True)
op("sgn_", sgn_inplace)
op("nan_to_num_", nan_to_num_inplace, function=True)
op("positive", positive, function=True)
op("signbit", signbit, function=True)

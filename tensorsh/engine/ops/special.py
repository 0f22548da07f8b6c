"""Special functions and their neighbours: erf, erfc, erfinv, lgamma, digamma (unary, with in-place twins),
copysign, float_power, logaddexp, logaddexp2, dist, nansum, nanmean; values as PyTorch's CPU kernels compute them
(correctly rounded where PyTorch calls SLEEF or the C library, its own series where it has one)."""
import math

import numpy as np

from .. import autograd, dtypes, kernels, messages
from ..kernels import c10_complex_div, c10_log1p
from ..autograd import Node, SavedTensor, edge_of
from ..errors import make, runtime, type_error
from ..saved_names import given
from .binary import _augmented, binary, binary_node, reduced_log_product
from .comparison import where
from .reductions import _cast_first, _sum_np, norm, norm_backward, reduce_dims
from .scalar_arith import AddBackward1, MulBackward1, add_scalar, mul_scalar, number_minus
from .unary import COMPLEX_GRAPH, COMPLEX_UNARY, unary, vml_unary
from .core import (SavingNode, Tensor, as_default_float, attach, binary_operands, cast_for_inplace, check_broadcast, check_dtype, fresh,
                   laid_out_like, needs_grad, precheck, true_div_dtype, type_name, write_inplace, zeros_of,
                   STEPWISE_REDUCED)

_SQRT_PI = math.sqrt(math.pi)


def _per_element(scalar_fn, libm_name=None):
    """A double function on each element, rounded once into the array's dtype: the C library's double `libm_name`
    where it has one (PyTorch's double loop; measured against PyTorch 2.13, float32 agrees best with the
    correctly rounded value too: erf 99.8%, erfc 99.5%, lgamma 99.3% of elements), else scalar_fn."""
    def kernel(x):
        fn = _libm_double(libm_name) or scalar_fn
        flat = [fn(v) for v in x.astype(np.float64).reshape(-1).tolist()]
        return np.array(flat, np.float64).reshape(x.shape).astype(x.dtype)
    return kernel


_LIBM_DOUBLE = {}


def _libm_double(name):
    """The C library's double function `name` (kernels._libm reads a trailing f as float: erf is double)."""
    if name is None:
        return None
    if name not in _LIBM_DOUBLE:
        try:
            import ctypes
            import ctypes.util
            fn = getattr(ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6"), name)
            fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_double]
        except (OSError, AttributeError, TypeError):
            fn = None
        _LIBM_DOUBLE[name] = fn
    return _LIBM_DOUBLE[name]


def _lgamma(v):
    try:
        return math.lgamma(v)
    except ValueError:  # a pole (0, -1, ...): +inf, as lgamma(3) gives
        return math.inf
    except OverflowError:
        return math.inf


def _erfinv_values(y):
    """PyTorch's calc_erfinv in the array's own precision: a rational first guess, two Newton steps."""
    T = y.dtype.type
    a = [T(0.886226899), T(-1.645349621), T(0.914624893), T(-0.140543331)]
    b = [T(-2.118377725), T(1.442710462), T(-0.329097515), T(0.012229801)]
    c = [T(-1.970840454), T(-1.624906493), T(3.429567803), T(1.641345311)]
    d = [T(3.543889200), T(1.637067800)]
    erf = _per_element(math.erf, "erf")
    with np.errstate(all="ignore"):
        ya = np.abs(y)
        z = y * y
        num = ((a[3] * z + a[2]) * z + a[1]) * z + a[0]
        dem = (((b[3] * z + b[2]) * z + b[1]) * z + b[0]) * z + T(1.0)
        central = y * num / dem
        z = np.sqrt(-np.log((T(1.0) - ya) / T(2.0)))
        num = ((c[3] * z + c[2]) * z + c[1]) * z + c[0]
        dem = (d[1] * z + d[0]) * z + T(1.0)
        tail = np.copysign(num, y) / dem
        x = np.where(ya <= T(0.7), central, tail).astype(y.dtype)
        k = T(T(2.0) / T(math.sqrt(math.pi)))
        for _ in range(2):
            x = x - (erf(x) - y) / (k * _exp(-x * x))
        x = np.where(ya == 1, np.copysign(T(np.inf), y), x)
        return np.where(ya > 1, T(np.nan), x).astype(y.dtype)


_exp = _per_element(math.exp, "exp")


def _digamma_scalar(x, T):
    """PyTorch's calc_digamma (float or double): reflection below 0, recurrence up to 10, asymptotic series."""
    x = T(x)
    if x == 0:
        return math.copysign(math.inf, -x)
    if x < 0:
        if x == -math.inf or float(x) == math.trunc(float(x)):  # (C's trunc(-inf) is -inf)
            return math.nan
        r = math.modf(float(x))[0]  # (pi / tan(pi * r) in double, rounded once)
        return T(_digamma_scalar(T(1) - x, T) - T(math.pi / math.tan(math.pi * r)))
    result = T(0)
    while x < 10:
        result -= T(1) / x
        x += T(1)
    if x == 10:
        return result + T(2.25175258906672110764)
    A = [T(v) for v in (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
                        -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
                        8.33333333333333333333E-2)]
    y = T(0)
    if x < 1.0e17:
        z = T(1) / (x * x)
        poly = A[0]
        for coef in A[1:]:
            poly = poly * z + coef
        y = z * poly
    log = kernels._libm("logf" if T is np.float32 else "log") or math.log
    return result + T(log(float(x))) - (T(0.5) / x) - y


def _digamma_values(x):
    T = np.float64 if x.dtype == np.float64 else np.float32
    flat = [_digamma_scalar(v, T) if not math.isnan(v) else math.nan for v in x.astype(T).reshape(-1).tolist()]
    return np.array(flat, T).reshape(x.shape).astype(x.dtype)


def _trigamma(x):
    """polygamma(1, x) as PyTorch's calc_trigamma: in x's float dtype, the asymptotic series' multiply-adds fused
    as its build compiles them."""
    T = np.float64 if x.dtype == np.float64 else np.float32
    pi, one = T(math.pi), T(1)
    v = x.astype(T)
    result = np.zeros(v.shape, T)
    reflected = v < T(0.5)
    with np.errstate(all="ignore"):
        if reflected.any():
            s = _sin(pi * v[reflected])  # (the C library's sin; of inf, NaN)
            result[reflected] -= pi * pi / (s * s)  # (float's: pi<float> squared in float)
            v = np.where(reflected, one - v, v)
        for _ in range(6):
            result += one / (v * v)
            v = v + one
        ixx = one / (v * v)
        series = kernels.fma(-ixx, np.full(v.shape, T(1. / 42)), np.full(v.shape, T(1. / 30)))
        series = kernels.fma(ixx, kernels.fma(-ixx, series, np.full(v.shape, T(1. / 6))), one + one / (T(2) * v))
        result += series / v
    return np.where(reflected, -result, result).astype(x.dtype)


erf = vml_unary(None, "ErfBackward0", kernels.mkl_vml("Erf", None, ex=(np.float32, np.float64), z0=(np.float32, np.float64),
                                                     correctly_rounded=_per_element(math.erf, "erf")),
                lambda g, x: mul_scalar((-x.pow(2)).exp(), 2.0 / _SQRT_PI) * g,
                reduced=kernels.vector_erf)  # (float16/bfloat16: Vectorized<float>::erf on every element, 1 too)
erfc = vml_unary(None, "ErfcBackward0", kernels.mkl_vml("Erfc", None, ex=(np.float32, np.float64), z0=(np.float32,),
                                                       correctly_rounded=_per_element(math.erfc, "erfc")),
                 lambda g, x: mul_scalar((-x.pow(2)).exp(), -2.0 / _SQRT_PI) * g)
erfinv = vml_unary(None, "ErfinvBackward0", kernels.mkl_vml("ErfInv", None, ex=(np.float32, np.float64), z0=(np.float32,),
                                                           correctly_rounded=_erfinv_values),
                   lambda g, x: mul_scalar(x.erfinv().pow(2).exp(), 0.5 * _SQRT_PI) * g)
# (SLEEF's lgamma on every element: ATen's vml::vlgamma maps its vector function over the tail too)
lgamma = unary(None, "LgammaBackward0", kernels.sleef_everywhere("loop_lgamma", _per_element(_lgamma, "lgamma"),
                                                                kernels.FLOAT_DTYPES),
               lambda g, x: g * x.digamma())
digamma = unary(None, "DigammaBackward0", _digamma_values, lambda g, x: g * _polygamma(1, x))
erf_inplace, erfc_inplace, erfinv_inplace = erf.inplace, erfc.inplace, erfinv.inplace
lgamma_inplace, digamma_inplace = lgamma.inplace, digamma.inplace


# ------------------------------------------------------------------ copysign, float_power

def _copysign_self_backward(g, self, result):
    return g * (result / self).masked_fill(self == 0, 0)  # (PyTorch's copysign_tensor_self_backward)


CopysignBackward0 = binary_node("CopysignBackward0", _copysign_self_backward, zeros_of)
CopysignBackward1 = binary_node("CopysignBackward1", _copysign_self_backward, number_edges=1)  # (other a number)


def copysign(self, other):
    check_broadcast(self, other)
    dt = dtypes.result_type((self, other))
    if dt.category < 2:  # (integers compute in the default float, a number operand kept as it is: uint8 by -1)
        dt = dtypes.DEFAULT_FLOAT
    an, bn = (x._np.astype(dt.np) if isinstance(x, Tensor) else dt.np.type(x) for x in (self, other))
    values = np.copysign(np.asarray(an, dt.np), np.asarray(bn, dt.np))
    out = laid_out_like(values, dt, self, other)
    if needs_grad(self, other):
        attach(out, (CopysignBackward0 if isinstance(other, Tensor) else CopysignBackward1)(self, other, out))
    return out


copysign_inplace = _augmented(copysign, lambda other: CopysignBackward0 if isinstance(other, Tensor) else
                              CopysignBackward1)


def _double(x):
    """float_power's operands in double (a complex one in complex double)."""
    if isinstance(x, Tensor):
        return x.to(dtypes.complex128 if x.dtype.category == 3 else dtypes.float64)
    return x if type(x) is complex else float(x)


def float_power(self, exponent):
    if not isinstance(self, Tensor):  # torch.float_power(number, tensor)
        return _double(exponent).__rpow__(_double(self))
    return _double(self).pow(_double(exponent))


def float_power_inplace(self, exponent):
    complex_ = self.dtype.category == 3 or type(exponent) is complex or \
        (isinstance(exponent, Tensor) and exponent.dtype.category == 3)
    want = dtypes.complex128 if complex_ else dtypes.float64  # (the result's dtype: double, or complex double)
    if self.dtype is not want:
        raise runtime(f"the base given to float_power_ has dtype {dtypes.SCALAR_NAMES[self.dtype.name]} but the "
                      f"operation's result requires dtype {dtypes.SCALAR_NAMES[want.name]}")
    return self.pow_(_double(exponent))


# ------------------------------------------------------------------ logaddexp, logaddexp2

def _rounded(fn, x):
    """fn in double, rounded into x's float type (a correctly rounded SLEEF result)."""
    return fn(x.astype(np.float64)).astype(x.dtype)


def _logaddexp_values(a, b, base2):
    with np.errstate(all="ignore"):
        m = np.maximum(a, b)
        gap = -np.abs(a - b)
        if base2:  # (m + log1p(exp2(gap)) * (1 / ln 2): the compiler fuses it, one rounding)
            r = kernels.fma(_rounded(np.log1p, _rounded(np.exp2, gap)), np.full_like(m, 1 / math.log(2)), m)
        else:
            r = m + _rounded(np.log1p, _rounded(np.exp, gap))
    return np.where(np.isinf(a) & (a == b), a, r)


def _logaddexp_bodies(walked, a, b, tail, base2):
    """logaddexp's kernel: max(a, b) + log1p(exp(-|a - b|)), a where both are the same infinity; logaddexp2's
    max(a, b) + log1p(exp2(-|a - b|)) * (1 / ln 2), fused by the compiler (one rounding)."""
    with np.errstate(all="ignore"):
        m = np.maximum(a, b)
        t = kernels.chained_bodies(("loop_exp2" if base2 else "loop_exp", "loop_log1p"), -np.abs(a - b), tail)
        r = kernels.fma(t, np.full_like(m, 1 / math.log(2)), m) if base2 else m + t
    return np.where(np.isinf(a) & (a == b), a, r)


def _logaddexp_complex(x, y):
    """LogAddExp.h's complex _log_add_exp_helper: min and max by real part (a NaN in either part taken for both),
    NaN + NaNj for a NaN, min where both real parts are -inf, log(exp(min) + exp(max)) where both are +inf, else
    log1p(exp(min - max)) + max."""
    nan_x, nan_y = np.isnan(x), np.isnan(y)  # (either part)
    lo = np.where(nan_y, y, np.where(nan_x, x, np.where(x.real < y.real, x, y)))
    hi = np.where(nan_y, y, np.where(nan_x, x, np.where(x.real < y.real, y, x)))
    with np.errstate(all="ignore"):
        both_inf = ~np.isfinite(lo.real) & (lo.real == hi.real)
        out = c10_log1p(np.exp(lo - hi)) + hi
        out = np.where(both_inf, np.where(lo.real < 0, lo, np.log(np.exp(lo) + np.exp(hi))), out)
    return np.where(np.isnan(lo), x.dtype.type(complex(math.nan, math.nan)), out)


LogaddexpBackward0 = binary_node("LogaddexpBackward0",
                                 lambda g, self, other: g / add_scalar((other - self).exp(), 1).conj(),
                                 lambda g, self, other: g / add_scalar((self - other).exp(), 1).conj())
Logaddexp2Backward0 = binary_node("Logaddexp2Backward0",
                                  lambda g, self, other: g / add_scalar((other - self).__rpow__(2), 1),
                                  lambda g, self, other: g / add_scalar((self - other).__rpow__(2), 1))


def _logaddexp(name, base2, node_cls):
    def op(self, other):
        if not isinstance(other, Tensor):
            raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        if dt.category < 2:
            raise make("NotImplementedError", f"\"{name}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
        work = np.float32 if dt is dtypes.float16 else dt.np  # (half: PyTorch's kernel computes in float)
        walk = None if dt is dtypes.float16 or dt.category == 3 or kernels.compiled is None else \
            kernels.binary_scalar_body(np.asarray(an, work), np.asarray(bn, work))
        if walk is not None:  # (SLEEF's exp/exp2 and log1p on the vector body, the C library's on the rest)
            values = _logaddexp_bodies(*walk, base2)
        else:
            a, b = np.broadcast_arrays(np.asarray(an, work), np.asarray(bn, work))
            values = _logaddexp_complex(a, b) if dt.category == 3 else _logaddexp_values(a, b, base2)
        out = laid_out_like(values.astype(dt.np), dt, self, other)
        if needs_grad(self, other):
            attach(out, node_cls(self, other, out))
        return out
    op.__name__ = name
    return op


logaddexp = _logaddexp("logaddexp", False, LogaddexpBackward0)
logaddexp2 = _logaddexp("logaddexp2", True, Logaddexp2Backward0)


# ------------------------------------------------------------------ dist, nansum, nanmean

class DistBackward0(SavingNode):
    """dist(self, other, p): norm_backward of self - other for self, its negation for other."""
    __slots__ = ("p",)
    inputs, fields = 2, ("p",)
    saved_names, saved_values = ("self", "other", "result"), {"p": "p"}

    def backward(self, g):
        a, b, result = self.unpack()
        return self.in_name_order(("self", "other"), lambda: self._grad(g, a, b, result, 1),
                                  lambda: self._grad(g, a, b, result, -1))

    def _grad(self, g, a, b, result, sign):
        """norm_backward(grad, self - other, p, result), negated for other (each computed anew, as PyTorch's two
        formulas do); p 0's is undefined, which other's negation refuses."""
        from .core import sum_to
        gd = norm_backward(g, a - b, result, self.p, None, False)
        if gd is None and sign < 0:
            raise runtime(messages.UNDEFINED_ARGUMENT.format(i=0, name="self"))
        return None if gd is None else sum_to(gd if sign > 0 else -gd, (a if sign > 0 else b)._shape)


def dist(self, other, p=2):
    if not isinstance(other, Tensor):
        raise type_error(f"dist(): argument 'other' (position 1) must be Tensor, not {type_name(other)}")
    if type(p) is bool:  # (a Scalar: True is the 1-norm, False the 0-norm)
        p = int(p)
    with autograd.no_grad():
        diff = self - other
        if diff.dtype.category < 2:
            raise runtime(f"norm(): input dtype should be either floating point or complex. Got "
                          f"{dtypes.SCALAR_NAMES[diff.dtype.name]} instead.")
        out = norm(diff, p)
    if needs_grad(self, other):
        attach(out, DistBackward0(self, other, out, p))
    return out


class NansumBackward0(Node):
    __slots__ = ("dims", "keepdim")
    saved_names = ("self",)
    saved_values = {"dim": lambda n: n.__dict__.get("dim_given"), "keepdim": "keepdim"}  # (None: no dim given)

    def __init__(self, x, dims, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.dims, self.keepdim = dims, keepdim
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        x, = self.unpack()
        if not self.keepdim and x.dim() and self.__dict__.get("dim_given"):  # (sum_backward: no dims given, or
            for d in sorted(self.dims):  # an empty list, expands at once)
                g = g.unsqueeze(d)
        return (g.expand(x._shape) * x.isnan().logical_not(),)  # (a tuple: a 0-dim x expands to ())


def nansum(self, dim=None, keepdim=False, *, dtype=None):
    check_dtype("nansum", dtype)
    dt = dtype or (dtypes.int64 if self.dtype.category < 2 else self.dtype)
    dims = reduce_dims(self, dim, empty_is_all=True)
    if dt.category == 3 and self.dtype.category == 2:  # (a complex dtype= of a floating input: the kernel's
        # dispatch; an integral or bool input's nansum is sum, which computes in it)
        raise make("NotImplementedError", f"\"nansum_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
    x = _cast_first(self, dt)
    if self.dtype.category == 2:  # (kept in self's layout: the sum's order follows it)
        x = kernels.in_layout(x, np.where(np.isnan(x), x.dtype.type(0), x))
    if self.dtype is dt and dt in (dtypes.float16, dtypes.bfloat16):  # (summed in float in self's layout, each
        # row's sum stored into the half/bfloat16 output: no float buffer, unlike sum's)
        values = _sum_np(kernels.in_layout(x, x, np.float32), dims, keepdim, dt, stores_rounded=True)
    else:
        values = _sum_np(x.astype(dt.np, copy=False), dims, keepdim, dt)
    out = fresh(np.asarray(values, dt.np), dt)
    if needs_grad(self):  # (an integer dtype= of an input requiring grad: set_history's refusal)
        node = NansumBackward0(self, dims, keepdim)
        attach(out, node if dim is None else given(node, dim=dim if isinstance(dim, (tuple, list)) else (dim,)))
    return out


def nanmean(self, dim=None, keepdim=False, *, dtype=None):
    if self.dtype.category < 2:
        raise runtime(f"nanmean(): expected input to have floating point or complex dtype but got "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]}")
    if dtype is not None and dtype.category < 2:
        raise runtime(messages.MEAN_GIVEN_DTYPE.format(op="nanmean", name=dtypes.SCALAR_NAMES[dtype.name]))
    factor = self.isnan().logical_not().sum(dim, keepdim) if dim is not None else \
        self.isnan().logical_not().sum()
    return nansum(self, dim, keepdim, dtype=dtype).div(factor)


# ------------------------------------------------------------------ logit, sinc, entr, ndtr

_sin = kernels.libm_each("sin", np.sin)


def _opmath(x):
    return x.astype(np.float32) if x.dtype == np.float16 else x


def _sinc_values(x):
    p = _opmath(x) * _opmath(x).dtype.type(math.pi)  # (c10::pi in the computing type)
    with np.errstate(all="ignore"):
        r = _sin(p) / p
    return np.where(x == 0, r.dtype.type(1), r).astype(x.dtype)


def _sinc_complex(z):
    """sin(pi z) / (pi z) (1 at 0) in c10::complex: pi z the product of complex numbers, glibc's csin (numpy's
    complex sin), c10's division."""
    T = z.real.dtype.type
    p = np.empty(z.shape, z.dtype)
    p.real, p.imag = T(math.pi) * z.real - T(0) * z.imag, T(math.pi) * z.imag + T(0) * z.real
    with np.errstate(all="ignore"):
        return np.where(z == 0, z.dtype.type(1), c10_complex_div(np.sin(p), p))


def _sinc_backward(g, x):
    """PyTorch's sinc_backward, step for step (its double backward runs through these ops): grad times the
    derivative's quotient, conjugated for a complex input."""
    # (C++'s `self * M_PI`: mul.Scalar, MulBackward1)
    self_pi = mul_scalar(x, math.pi)
    self_squared_pi = mul_scalar(x * x, math.pi)
    sin_pi = self_pi.sin()  # (first: GCC evaluates operator-'s right operand first, and the nodes' order decides
    out = g * (((self_pi * self_pi.cos()) - sin_pi) / self_squared_pi).conj()  # how a double backward adds up)
    return where(self_squared_pi == 0.0, g.new_zeros(()), out)


def _entr_values(x, to_reduced=None):
    """-x * log(x) (0 at 0, -inf below); float16/bfloat16 (to_reduced) in c10's Half arithmetic: the log rounded to
    the dtype before the product."""
    w = _opmath(x)
    rounded = to_reduced or (lambda v: v)
    with np.errstate(all="ignore"):
        r = np.where(w > 0, -w * rounded(kernels.libm_log(np.where(w > 0, w, 1))), np.where(w == 0, 0, -np.inf))
    return np.where(np.isnan(w), w, rounded(r)).astype(x.dtype)


sinc = unary(None, "SincBackward0", _sinc_values, _sinc_backward)
COMPLEX_UNARY["SincBackward0"] = (_sinc_complex, None)
COMPLEX_GRAPH["SincBackward0"] = _sinc_backward  # (its complex gradient is the real formula's, conjugated)
sinc_inplace = sinc.inplace
entr = unary(None, "SpecialEntrBackward0", _entr_values, lambda g, x: g * (-add_scalar(x.log(), 1)), inplace=False,
             reduced_kernel=_entr_values)


def _scalar_step(x, node_cls, number, fn):
    """A C++ composite's tensor-Scalar step: fn's values (ATen wraps the Scalar as Python's `t * number` does),
    recorded by the Scalar overload's own node (MulBackward1 showing _saved_other, AddBackward1)."""
    with autograd.no_grad():
        out = fn(x)
    if needs_grad(x):
        attach(out, node_cls(x, number))
    return out


def ndtr(self):
    """torch.special.ndtr: PyTorch composes it in C++, (1 + erf(x * M_SQRT1_2)) * 0.5 (Scalar overloads)."""
    if self.dtype.category < 2:
        self = self.to(dtypes.DEFAULT_FLOAT)
    scaled = _scalar_step(self, MulBackward1, math.sqrt(0.5), lambda x: x * math.sqrt(0.5))
    shifted = _scalar_step(erf(scaled), AddBackward1, 1, lambda x: x + 1)
    return _scalar_step(shifted, MulBackward1, 0.5, lambda x: x * 0.5)


class _SelfAndArgument(Node):
    """A node saving self (in place: the clone PyTorch saves as original self) and one argument of the op, named
    by the subclass's `saved_values`."""
    __slots__ = ("argument",)

    def __init__(self, x, argument, inplace=False):
        Node.__init__(self, (edge_of(x),))
        self.argument = argument
        self.saved = (SavedTensor(x.clone() if inplace else x),)


class LogitBackward0(_SelfAndArgument):
    """PyTorch's logit_backward: grad / (x (1 - x)); NaN outside [0, 1] without eps, 0 outside [eps, 1 - eps]."""
    __slots__ = ()
    saved_names, saved_values = ("self",), {"eps": "argument"}

    @property
    def eps(self):
        return self.argument

    def backward(self, g):
        x, = self.unpack()
        r = g / (x * number_minus(1.0, x))  # (C++'s `1.0 - self`: fill_ then sub_, SubBackward0)
        if autograd._grad_enabled[0]:  # create_graph: infinitely_differentiable_logit_backward, a where over constants
            lo, hi = (0.0, 1.0) if self.eps is None else (self.eps, 1.0 - self.eps)
            constant = fresh(np.array(math.nan if self.eps is None else 0, x.dtype.np), x.dtype)
            return (where((x >= lo).logical_and(x <= hi), r, constant),)
        if self.eps is None or self.eps < 0:
            return (r.masked_fill((x < 0).logical_or(x > 1), math.nan),)
        return (r.masked_fill((x < self.eps).logical_or(x > 1 - self.eps), 0),)


def _logit_values(self, eps):
    w = self._np if self.dtype.category == 2 else self._np.astype(np.float32)
    scalar = w.dtype is self.dtype.np and kernels.walks_scalar(w)  # (before the clamp's copy)
    T = w.dtype.type  # (half: each step rounded to half, as PyTorch's Half arithmetic; the log in float)
    R = dtypes.to_bfloat16 if self.dtype is dtypes.bfloat16 else T  # (bfloat16 too, held in float32)
    if eps is not None and eps >= 0:
        lo = R(T(eps))
        hi = R(T(1) - lo)
        w = np.where(w < lo, lo, np.where(w > hi, hi, w))
    with np.errstate(all="ignore"):
        q = R(w / R(T(1) - w))
        # (float32/float64: torch.log's kernel, measured, where the loop vectorizes; an input whose innermost
        # elements are apart (x[::2]) takes only the scalar body, std::log, the C library's; half's in float, the
        # C library's)
        log = kernels.vml_log(q) if self.dtype.np is q.dtype and not scalar else kernels.libm_log(_opmath(q))
        r = np.where(w == 1, T(np.inf), log)
    return r.astype(w.dtype)


def logit(self, eps=None):
    x = as_default_float(self)
    values = _logit_values(x, eps)
    out = laid_out_like(values, x.dtype if x.dtype is dtypes.bfloat16 else dtypes.BY_NP[values.dtype], self)
    if needs_grad(self):
        attach(out, LogitBackward0(self, eps))
    return out


def logit_inplace(self, eps=None):
    precheck(self)
    if self.dtype.category < 2:
        cast_for_inplace(self, dtypes.DEFAULT_FLOAT)
    values = _logit_values(self, eps)
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values),
                         lambda: LogitBackward0(self, eps, inplace=True))


# ------------------------------------------------------------------ polygamma, mvlgamma

_ZETA_A = (12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
           -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15, 1.8152105401943546773e17,
           -7.1661652561756670113e18)
_MACHEP = 1.11022302462515654042E-16


def _zeta(x, q, single, acc=np.float64):
    """Math.h's zeta(x, q) (Hurwitz), accumulated in acc (acc_type: double for float and double, float for c10::Half
    and BFloat16, whose every power is then powf) from arguments of the tensor's dtype; its first power is the dtype's
    own pow (powf for float). IEEE arithmetic throughout (numpy scalars, the C library's pow): huge or infinite
    arguments give C's inf/nan/0, not Python's exceptions."""
    T = acc
    x, q = T(x), T(q)
    if x == 1:
        return math.inf
    if x < 1:
        return math.nan
    if q <= 0:
        if q == np.floor(q):  # (C's floor(-inf) is -inf)
            return math.inf
        if x != np.floor(x):
            return math.nan
    powf = kernels._libm("powf", 2) or _ieee_pow
    pow_ = powf if T is np.float32 else kernels._libm("pow", 2) or _ieee_pow
    machep, one = T(_MACHEP), T(1)
    with np.errstate(all="ignore"):
        s = T((powf if single else pow_)(q, -x))
        a, i, b = q, 0, T(0)
        while i < 9 or a <= 9:
            i += 1
            a = T(a + one)
            b = T(pow_(a, -x))
            s = T(s + b)
            if -machep * s < b < machep * s:
                return float(s)
        w = a
        s = T(s + b * w / (x - one))
        s = T(s - T(0.5) * b)
        a, k = one, T(0)
        for coefficient in _ZETA_A:
            a = T(a * (x + k))
            b = T(b / w)
            t = T(a * b / T(coefficient))
            s = T(s + t)
            if abs(t / s) < machep:
                return float(s)
            k = T(k + one)
            a = T(a * (x + k))
            b = T(b / w)
            k = T(k + one)
    return float(s)


def _ieee_pow(a, b):
    with np.errstate(all="ignore"):
        return float(np.power(np.float64(a), np.float64(b)))


def _polygamma_values(n, x, reduced=None):
    """polygamma(n, x): digamma for 0, trigamma for 1, else Math.h's calc_polygamma in the dtype:
    (+-1 * exp(lgamma(n + 1))) * zeta(n + 1, x); reduced: float16 or bfloat16 (then held in x's float32)."""
    if n == 0:
        return _digamma_values(x)
    if n == 1:
        return _trigamma(x)
    T = np.float64 if x.dtype == np.float64 else np.float32
    single = T is np.float32
    lgamma_ = (kernels._libm("lgammaf") if single else _libm_double("lgamma")) or math.lgamma
    exp_ = (kernels._libm("expf") if single else _libm_double("exp")) or math.exp
    factor = T(T(1) if n % 2 else T(-1)) * T(exp_(float(lgamma_(float(T(n) + T(1))))))
    # (a float16/bfloat16 zeta accumulates in float and returns the dtype's value, which the product then reads)
    acc, to_dtype = (np.float32, dtypes.rounding(reduced)) if reduced else (np.float64, lambda v: v)
    zetas = to_dtype(np.array([_zeta(float(T(n + 1)), v, single, acc) for v in x.astype(T).reshape(-1).tolist()], T))
    return (factor * zetas).astype(T).reshape(x.shape).astype(x.dtype)


class PolygammaBackward0(_SelfAndArgument):
    """grad * polygamma(n + 1, self)."""
    __slots__ = ()
    saved_names, saved_values = ("self",), {"n": "argument"}

    def backward(self, g):
        x, = self.unpack()
        return (g * _polygamma(self.argument + 1, x),)


PolygammaBackward1 = type("PolygammaBackward1", (PolygammaBackward0,), {  # (polygamma_'s own derivatives.yaml
    "__slots__": (), "saved_names": ("self",), "saved_values": {"n": "argument"}})  # entry, over the original self


def _reduced(dt):
    return dt if dt in (dtypes.float16, dtypes.bfloat16) else None


def _polygamma_check(n):
    if n < 0:
        raise runtime("polygamma(n, x) does not support negative n.")


def _polygamma(n, self):
    _polygamma_check(n)
    t = as_default_float(self)
    x = t._np
    dt = dtypes.BY_NP[x.dtype] if t.dtype is not dtypes.bfloat16 else t.dtype
    out = laid_out_like(_polygamma_values(n, x, _reduced(t.dtype)), dt, self)
    if needs_grad(self):
        attach(out, PolygammaBackward0(self, n))
    return out


def polygamma_method(self, n):
    """Tensor.polygamma(n)."""
    return _polygamma(n, self)


def polygamma(n, input):
    """torch.polygamma(n, input) / torch.special.polygamma: n first."""
    if not isinstance(input, Tensor):
        raise type_error(f"polygamma(): argument 'input' (position 2) must be Tensor, not {type_name(input)}")
    return _polygamma(n, input)


def polygamma_inplace(self, n):
    precheck(self)  # (autograd's in-place rules before the kernel's check of n)
    _polygamma_check(n)
    if self.dtype.category < 2:
        cast_for_inplace(self, dtypes.DEFAULT_FLOAT)
    values = _polygamma_values(n, self._np, _reduced(self.dtype))

    def write(arr):
        arr[...] = values
    return write_inplace(self, write, lambda: PolygammaBackward1(self, n, inplace=True))


class MvlgammaBackward0(_SelfAndArgument):
    """mvlgamma_backward: grad * (arange(-p/2 + 1/2, 1/2, 1/2) + self[..., None]).digamma_().sum(-1)."""
    __slots__ = ()
    saved_names, saved_values = ("self",), {"p": "argument"}

    def backward(self, g):
        x, = self.unpack()
        return (g * _mvlgamma_args(x, self.argument, x.dtype).digamma_().sum(-1),)


def _mvlgamma_args(x, p, dt):
    """ATen's `arange(-p * HALF + HALF, HALF, HALF).add(self.unsqueeze(-1))` (the halves exact in every dtype)."""
    halves = fresh(np.array([-p * 0.5 + 0.5 + 0.5 * i for i in range(p)], dt.np), dt)
    return halves.add(x.unsqueeze(-1))


def _mvlgamma_values(self, p):
    if self.dtype is dtypes.bool_:
        raise runtime("The input tensor may not be a boolean tensor.")
    if p < 1:
        raise runtime("p has to be greater than or equal to 1")
    dt = dtypes.DEFAULT_FLOAT if self.dtype.category < 2 else self.dtype
    with autograd.no_grad():  # (ATen's add_ on the sum runs below autograd: the result counts no version)
        return _mvlgamma_args(self, p, dt).lgamma_().sum(-1).add(p * (p - 1) * math.log(math.pi) * 0.25)


def mvlgamma(self, p):
    """torch.mvlgamma / Tensor.mvlgamma / torch.special.multigammaln: the sum of lgamma over the p half-shifts,
    plus p(p - 1)/4 log(pi), as ATen composes it, recorded as one MvlgammaBackward0."""
    out = _mvlgamma_values(self, p)
    if needs_grad(self):
        attach(out, MvlgammaBackward0(self, p))
    return out


def mvlgamma_inplace(self, p):
    precheck(self)  # (autograd's in-place rules first)
    if self.dtype is dtypes.bool_:
        raise runtime("The input tensor may not be a boolean tensor.")
    if p < 1:
        raise runtime("p has to be greater than or equal to 1")
    if self.dtype.category < 2:
        raise runtime(f"mvlgamma: result type {dtypes.SCALAR_NAMES[self.dtype.name]} can't be cast to the desired "
                      f"output type {dtypes.SCALAR_NAMES[dtypes.DEFAULT_FLOAT.name]}")
    values = _mvlgamma_values(self, p)
    cast_for_inplace(self, values.dtype)

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, lambda: MvlgammaBackward0(self, p, inplace=True))


# ------------------------------------------------------------------ special.xlog1py, special.zeta

_PARSER_CHOICES = {
    "special_xlog1py": " * (Tensor input, Tensor other, *, Tensor out = None)\n"
                       " * (Number self, Tensor other, *, Tensor out = None)\n"
                       " * (Tensor input, Number other, *, Tensor out = None)\n",
    "special_zeta": " * (Tensor input, Tensor other, *, Tensor out = None)\n"
                    " * (Number self, Tensor other, *, Tensor out = None)\n"
                    " * (Tensor input, Number other, *, Tensor out = None)\n"}


def _two_operands(name):
    """The argument parser's refusal of special_<name>(a, b) with no tensor (or a non-number beside one)."""
    def check(self, other):
        numbers = (bool, int, float, complex)
        if (isinstance(self, Tensor) and (isinstance(other, Tensor) or type(other) in numbers)) or \
                (type(self) in numbers and isinstance(other, Tensor)):
            return
        raise type_error(f"{name}() received an invalid combination of arguments - got ({type_name(self)}, "
                         f"{type_name(other)}), but expected one of:\n{_PARSER_CHOICES[name]}")
    return check


def _libm_each_double(name, y):
    """The C library's `name` on each element in the array's dtype (float: name + f)."""
    scalar = kernels._libm(name + "f") if y.dtype == np.float32 else _libm_double(name)
    flat = np.ascontiguousarray(y).reshape(-1).tolist()
    return np.array([scalar(v) for v in flat], y.dtype).reshape(y.shape)


def _no_complex_kernel(name, x):
    if x.dtype.kind == "c":
        raise make("NotImplementedError", f"\"{name}_cpu\" not implemented for "
                                          f"'{'ComplexFloat' if x.dtype == np.complex64 else 'ComplexDouble'}'")


def _xlog1py_values(x, y):
    """xlog1py_kernel: NaN where y is, 0 where x is 0, else x * log1p(y)."""
    _no_complex_kernel("xlog1py", x)
    x, y = np.broadcast_arrays(x, np.asarray(y, x.dtype))
    with np.errstate(all="ignore"):
        r = x * _libm_each_double("log1p", y)
    r = np.where(x == 0, x.dtype.type(0), r)
    return np.where(np.isnan(y), y, r)


def _xlog1py_self_backward(g, self, other):
    """xlog1py(grad, other), 0 where self == 0 and other <= -1."""
    mask = (self == 0) & (other <= -1) if isinstance(other, Tensor) else (self == 0) if other <= -1 else None
    return xlog1py(g, other) if mask is None else xlog1py(g, other).masked_fill(mask, 0.0)


def _xlog1py_other_backward(g, self, other):
    return _times(g, self) / add_scalar(other, 1)


def _times(g, self):
    """grad * self of a formula: mul.Scalar (MulBackward1) where self is the overload's Scalar."""
    return g * self if isinstance(self, Tensor) else mul_scalar(g, self)


def _zeta_values(x, q):
    """Math.h's zeta on each pair (accumulated in double; float's first power powf)."""
    _no_complex_kernel("zeta", x)
    x, q = np.broadcast_arrays(x, np.asarray(q, x.dtype))
    single = x.dtype == np.float32
    out = [_zeta(a, b, single) for a, b in zip(x.reshape(-1).tolist(), q.reshape(-1).tolist())]
    return np.array(out, np.float64).astype(x.dtype).reshape(x.shape)


def _zeta_self_backward(g, self, other):
    raise make("NotImplementedError", "the derivative for 'zeta' is not implemented.")


def _zeta_other_backward(g, self, other):
    return _times(g, -self) * zeta(add_scalar(self, 1.0) if isinstance(self, Tensor) else self + 1.0, other)


def _zeta_dtype(dt):
    """zeta's kernel: float32 and float64 only (integers computed in the default float)."""
    dt = true_div_dtype(dt)
    if dt in (dtypes.float16, dtypes.bfloat16):
        raise make("NotImplementedError", f"\"zeta_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
    return dt


STEPWISE_REDUCED[_xlog1py_values] = (reduced_log_product(lambda y: _libm_each_double("log1p", y)), False)
xlog1py = binary(None, "SpecialXlog1PyBackward0", _xlog1py_values, _xlog1py_self_backward, _xlog1py_other_backward,
                 check=_two_operands("special_xlog1py"), out_dtype=true_div_dtype, edges=True,
                 number_grad_fn=binary_node("SpecialXlog1PyBackward2", _xlog1py_self_backward, number=1),
                 number_self=binary_node("SpecialXlog1PyBackward1", None, _xlog1py_other_backward, number=0))
zeta = binary(None, "SpecialZetaBackward0", _zeta_values, _zeta_self_backward, _zeta_other_backward,
              check=_two_operands("special_zeta"), out_dtype=_zeta_dtype, edges=True,
              number_grad_fn=binary_node("SpecialZetaBackward2", _zeta_self_backward, number=1),
              number_self=binary_node("SpecialZetaBackward1", None, _zeta_other_backward, number=0))


# ------------------------------------------------------------------ special.ndtri

# Math.h's calc_ndtri tables (Cephes): |y - 1/2| <= 3/8, then z = sqrt(-2 log y) in [2, 8] and [8, 64]
_NDTRI_P0 = [-5.99633501014107895267E1, 9.80010754185999661536E1, -5.66762857469070293439E1, 1.39312609387279679503E1, -1.23916583867381258016E0]
_NDTRI_Q0 = [1.00000000000000000000E0, 1.95448858338141759834E0, 4.67627912898881538453E0, 8.63602421390890590575E1, -2.25462687854119370527E2, 2.00260212380060660359E2, -8.20372256168333339912E1, 1.59056225126211695515E1, -1.18331621121330003142E0]
_NDTRI_P1 = [4.05544892305962419923E0, 3.15251094599893866154E1, 5.71628192246421288162E1, 4.40805073893200834700E1, 1.46849561928858024014E1, 2.18663306850790267539E0, -1.40256079171354495875E-1, -3.50424626827848203418E-2, -8.57456785154685413611E-4]
_NDTRI_Q1 = [1.00000000000000000000E0, 1.57799883256466749731E1, 4.53907635128879210584E1, 4.13172038254672030440E1, 1.50425385692907503408E1, 2.50464946208309415979E0, -1.42182922854787788574E-1, -3.80806407691578277194E-2, -9.33259480895457427372E-4]
_NDTRI_P2 = [3.23774891776946035970E0, 6.91522889068984211695E0, 3.93881025292474443415E0, 1.33303460815807542389E0, 2.01485389549179081538E-1, 1.23716634817820021358E-2, 3.01581553508235416007E-4, 2.65806974686737550832E-6, 6.23974539184983293730E-9]
_NDTRI_Q2 = [1.00000000000000000000E0, 6.02427039364742014255E0, 3.67983563856160859403E0, 1.37702099489081330271E0, 2.16236993594496635890E-1, 1.34204006088543189037E-2, 3.28014464682127739104E-4, 2.89247864745380683936E-6, 6.79019408009981274425E-9]


def _fma_scalar(a, b, c, T):
    return T(kernels.fma(np.array([a], T), np.array([b], T), np.array([c], T))[0])


def _polevl(x, coefficients, T):
    """Math.h's polevl, each step one fused multiply-add (the AVX2 build's)."""
    r = T(0)
    for a in coefficients:
        r = _fma_scalar(r, x, T(a), T)
    return r


def _ndtri_scalar(y0, T):
    """calc_ndtri: the central rational approximation, else the tails' in z = 1 / sqrt(-2 log y); its ::log and
    ::sqrt are the C library's double functions (for float too), rounded to the dtype on assignment."""
    if y0 == 0:
        return -math.inf
    if y0 == 1:
        return math.inf
    if not 0 < y0 < 1:
        return math.nan
    code, y = True, T(y0)
    e2 = T(0.13533528323661269189)
    if y > T(1) - e2:
        y, code = T(T(1) - y), False
    if y > e2:
        y = T(y - T(0.5))
        y2 = T(y * y)
        ratio = T(y2 * _polevl(y2, _NDTRI_P0, T) / _polevl(y2, _NDTRI_Q0, T))
        return T(_fma_scalar(y, ratio, y, T) * T(2.50662827463100050242E0))
    log = _libm_double("log") or math.log
    x = T(math.sqrt(-2.0 * log(float(y))))
    x0 = T(float(x) - log(float(x)) / float(x))
    z = T(T(1) / x)
    p, q = (_NDTRI_P1, _NDTRI_Q1) if x < T(8.0) else (_NDTRI_P2, _NDTRI_Q2)
    x = T(x0 - T(z * _polevl(z, p, T) / _polevl(z, q, T)))
    return -x if code else x


def _ndtri_values(x):
    T = np.float64 if x.dtype == np.float64 else np.float32
    flat = [_ndtri_scalar(v, T) if not math.isnan(v) else math.nan for v in x.astype(T).reshape(-1).tolist()]
    return np.array(flat, T).reshape(x.shape).astype(x.dtype)


def _ndtri_backward(g, result):
    """grad * sqrt(2 pi) * (result.square() / 2).exp()."""
    from .scalar_arith import div_scalar
    return mul_scalar(g, math.sqrt(2 * math.pi)) * div_scalar(result.square(), 2).exp()


def _ndtri_reduced(x, to_reduced):
    raise make("NotImplementedError", f"\"ndtri_cpu\" not implemented for "
                                      f"'{'BFloat16' if to_reduced is dtypes.to_bfloat16 else 'Half'}'")


ndtri = unary(None, "SpecialNdtriBackward0", _ndtri_values, _ndtri_backward, "result", inplace=False,
              reduced_kernel=_ndtri_reduced)  # (its kernel has float32 and float64 only)

"""The modified Bessel functions of the first kind: torch.i0 (torch.special.i0), torch.special.i0e, i1, i1e, as
ATen's Math.h computes them (Cephes' Chebyshev series, chbevl, in the tensor's own dtype, its multiply-add fused as
PyTorch's AVX2 build compiles it; the exponential is the C library's), each beside its backward node."""
import numpy as np

from .. import dtypes, kernels
from ..errors import make
from .comparison import where
from .core import SavingNode, attach, laid_out_like, needs_grad
from .unary import unary

# Chebyshev coefficients of exp(-x) I0(x) on [0, 8] and of exp(-x) sqrt(x) I0(x) on [8, inf) (Math.h's i0e_A/B)
I0_A = (-4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16,
        1.71539128555513303061E-15, -1.16853328779934516808E-14, 7.67618549860493561688E-14,
        -4.85644678311192946090E-13, 2.95505266312963983461E-12, -1.72682629144155570723E-11,
        9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
        -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7,
        1.11738753912010371815E-6, -4.41673835845875056359E-6, 1.64484480707288970893E-5,
        -5.75419501008210370398E-5, 1.88502885095841655729E-4, -5.76375574538582365885E-4,
        1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
        -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2,
        1.71620901522208775349E-1, -3.04682672343198398683E-1, 6.76795274409476084995E-1)
I0_B = (-7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17,
        3.46122286769746109310E-17, -2.82762398051658348494E-16, -3.42548561967721913462E-16,
        1.77256013305652638360E-15, 3.81168066935262242075E-15, -9.55484669882830764870E-15,
        -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
        7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11,
        -3.14991652796324136454E-11, 1.18891471078464383424E-11, 4.94060238822496958910E-10,
        3.39623202570838634515E-9, 2.26666899049817806459E-8, 2.04891858946906374183E-7,
        2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
        8.04490411014108831608E-1)
# the same for I1 (double; float uses the last 17 and the last 7, Math.h's float tables)
I1_A = (2.77791411276104639959E-18, -2.11142121435816608115E-17, 1.55363195773620046921E-16,
        -1.10559694773538630805E-15, 7.60068429473540693410E-15, -5.04218550472791168711E-14,
        3.22379336594557470981E-13, -1.98397439776494371520E-12, 1.17361862988909016308E-11,
        -6.66348972350202774223E-11, 3.62559028155211703701E-10, -1.88724975172282928790E-9,
        9.38153738649577178388E-9, -4.44505912879632808065E-8, 2.00329475355213526229E-7,
        -8.56872026469545474066E-7, 3.47025130813767847674E-6, -1.32731636560394358279E-5,
        4.78156510755005422638E-5, -1.61760815825896745588E-4, 5.12285956168575772895E-4,
        -1.51357245063125314899E-3, 4.15642294431288815669E-3, -1.05640848946261981558E-2,
        2.47264490306265168283E-2, -5.29459812080949914269E-2, 1.02643658689847095384E-1,
        -1.76416518357834055153E-1, 2.52587186443633654823E-1)
I1_B = (7.51729631084210481353E-18, 4.41434832307170791151E-18, -4.65030536848935832153E-17,
        -3.20952592199342395980E-17, 2.96262899764595013876E-16, 3.30820231092092828324E-16,
        -1.88035477551078244854E-15, -3.81440307243700780478E-15, 1.04202769841288027642E-14,
        4.27244001671195135429E-14, -2.10154184277266431302E-14, -4.08355111109219731823E-13,
        -7.19855177624590851209E-13, 2.03562854414708950722E-12, 1.41258074366137813316E-11,
        3.25260358301548823856E-11, -1.89749581235054123450E-11, -5.58974346219658380687E-10,
        -3.83538038596423702205E-9, -2.63146884688951950684E-8, -2.51223623787020892529E-7,
        -3.88256480887769039346E-6, -1.10588938762623716291E-4, -9.76109749136146840777E-3,
        7.78576235018280120474E-1)


def _tables(T, a, b, float_a=None, float_b=None):
    if T is np.float32 and float_a is not None:
        return a[-float_a:], b[-float_b:]
    return a, b


def _chbevl(y, coefficients):
    """Math.h's chbevl in y's dtype, `y * b1 - b2` one fused multiply-add (kernels.fma: rounded once); in the first
    step b2 is 0, which the compiler drops, so it is one fused `y * array[0] + array[1]`."""
    T = y.dtype.type
    b0 = np.full(y.shape, T(coefficients[0]), T)
    b1 = b2 = np.zeros(y.shape, T)
    for i, c in enumerate(coefficients[1:]):
        b2, b1 = b1, b0
        b0 = kernels.fma(y, b1, np.full(y.shape, T(c))) if i == 0 else kernels.fma(y, b1, -b2) + T(c)
    return T(0.5) * (b0 - b2)


_exp = kernels.libm_each("exp", np.exp)  # (std::exp in the scalar loop: the C library's expf / exp)


def _series(x, a, b, float_a=None, float_b=None):
    """|x|, then the series on [0, 8] and on (8, inf) at every element (the caller picks by |x| <= 8)."""
    work = np.float32 if x.dtype == np.float16 else x.dtype.type
    ax = np.abs(x.astype(work))
    A, B = _tables(work, a, b, float_a, float_b)
    with np.errstate(all="ignore"):
        small = _chbevl(ax / work(2) - work(2), A)
        big = _chbevl(work(32) / ax - work(2), B)
    return ax, small, big


def _i0_values(x):
    ax, small, big = _series(x, I0_A, I0_B)
    e = _exp(ax)
    with np.errstate(all="ignore"):
        return np.where(ax <= 8, e * small, e * big / np.sqrt(ax)).astype(x.dtype)


def _i0e_values(x):
    ax, small, big = _series(x, I0_A, I0_B)
    with np.errstate(all="ignore"):
        return np.where(ax <= 8, small, big / np.sqrt(ax)).astype(x.dtype)


def _i0e_reduced(x, to_reduced):
    """float16/bfloat16 i0e (x in float32): the vector body computes in float (_i0e_values); the scalar body,
    Math.h's calc_i0e on c10::Half/BFloat16, rounds every step of chbevl to the dtype (its coefficients too), its
    final square root left in float."""
    out = _i0e_values(x)
    mask = kernels.scalar_body_mask(x, floats=8, element_bytes=2)
    if mask is not None and not mask.any():
        return out
    ax = np.abs(x)
    with np.errstate(all="ignore"):
        small = _chbevl_rounded(to_reduced(ax / np.float32(2) - np.float32(2)), I0_A, to_reduced)
        big = to_reduced(_chbevl_rounded(to_reduced(to_reduced(np.float32(32) / ax) - np.float32(2)), I0_B,
                                         to_reduced) / np.sqrt(ax))
    steps = np.where(ax <= 8, small, big)
    return steps if mask is None else np.where(mask, steps, out)


def _chbevl_rounded(y, coefficients, to_reduced):
    """Math.h's chbevl with every operation rounded by to_reduced (float32 arrays holding the dtype's values)."""
    b0 = np.full(y.shape, to_reduced(np.float32(coefficients[0])), np.float32)
    b1 = b2 = np.zeros(y.shape, np.float32)
    for c in coefficients[1:]:
        b2, b1 = b1, b0
        b0 = to_reduced(to_reduced(to_reduced(y * b1) - b2) + to_reduced(np.float32(c)))
    return to_reduced(np.float32(0.5) * to_reduced(b0 - b2))


def _i1_values(x):
    ax, small, big = _series(x, I1_A, I1_B, 17, 7)
    e = _exp(ax)
    with np.errstate(all="ignore"):
        out = np.where(ax <= 8, e * ax * small, e * big / np.sqrt(ax))
    return np.where(x < 0, -out, out).astype(x.dtype)


def _i1e_values(x):
    ax, small, big = _series(x, I1_A, I1_B, 17, 7)
    with np.errstate(all="ignore"):
        out = np.where(ax <= 8, small * ax, big / np.sqrt(ax))
    return np.where(x < 0, -out, out).astype(x.dtype)


def _float_values(x):
    return x._np.astype(np.float32) if x.dtype.category < 2 else x._np


def _saving_op(node_cls, values, reduced=None):
    """torch.special.<name>(input): values in floating point (integers in float32), a node saving self and result;
    reduced(x in float32, rounding to the dtype): float16/bfloat16 values where PyTorch's kernel rounds in between.
    No complex kernel."""
    kernel = node_cls.__name__[len("Special"):-len("Backward0")].lower() + "_cpu"

    def fn(self):
        if self.dtype.category == 3:
            raise make("NotImplementedError",
                       f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[self.dtype.name]}'")
        dt = self.dtype if self.dtype.category == 2 else dtypes.float32
        values_ = values(_float_values(self)) if reduced is None or dt not in (dtypes.float16, dtypes.bfloat16) else \
            reduced(kernels.widened(self._np), dtypes.rounding(dt))
        out = laid_out_like(values_, dt, self)  # (float32 values of a float16/bfloat16 input round back to it)
        if needs_grad(self):
            attach(out, node_cls(self, out))
        return out
    return fn


def _tiny_safe(self, formula):
    """i1_backward / i1e_backward: x within machine epsilon of 0 takes the limit 0.5 (`where`, which computes both
    branches as PyTorch's does, so the formula is evaluated at eps there)."""
    eps = float(np.finfo(self._np.dtype).eps)
    not_tiny = self.abs() > eps
    safe = where(not_tiny, self, self.new_full((), eps))
    return where(not_tiny, formula(safe), self.new_full((), 0.5))


class SpecialI0EBackward0(SavingNode):
    saved_names = ("self", "result")

    def backward(self, g):
        x, result = self.unpack()
        return (g * (special_i1e(x) - x.sgn() * result),)


def _no_reduced_kernel(name, x):
    """i1_backward / i1e_backward: ATen's kernels have no float16/bfloat16 dispatch."""
    if x.dtype in (dtypes.float16, dtypes.bfloat16):
        raise make("NotImplementedError", f"\"{name}\" not implemented for '{dtypes.SCALAR_NAMES[x.dtype.name]}'")


class SpecialI1Backward0(SavingNode):
    saved_names = ("self", "result")

    def backward(self, g):
        x, result = self.unpack()
        _no_reduced_kernel("i1_backward", x)
        return (g * _tiny_safe(x, lambda s: i0(s) - result * s.reciprocal()),)


class SpecialI1EBackward0(SavingNode):
    saved_names = ("self", "result")

    def backward(self, g):
        x, result = self.unpack()
        _no_reduced_kernel("i1e_backward", x)
        return (g * _tiny_safe(x, lambda s: special_i0e(s) - result * (s.sgn() + s.reciprocal())),)


i0 = unary(None, "I0Backward0", _i0_values, lambda g, x: g * special_i1(x))
i0_inplace = i0.inplace
special_i0e = _saving_op(SpecialI0EBackward0, _i0e_values, _i0e_reduced)
special_i1 = _saving_op(SpecialI1Backward0, _i1_values)
special_i1e = _saving_op(SpecialI1EBackward0, _i1e_values)

"""torch.special's orthogonal polynomials (Chebyshev T/U/V/W and their shifted forms, Hermite H/He, Laguerre L,
Legendre P) and airy_ai: Math.h's recurrences (and airy_ai's Cephes forms) on each element in the operands' common float dtype, n read as that dtype and
truncated to an integer (a NaN or infinite n: none, so 0), the products GCC fuses into multiply-adds fused, the
trigonometric forms through the C library. Not differentiable: the result never requires grad."""
import math

import numpy as np

from .. import dtypes, kernels
from ..errors import make, runtime
from ..signatures import Parser
from .core import binary_operands, laid_out_like, true_div_dtype


def _libm(name, T):
    fn = kernels._libm(name + "f" if T is np.float32 else name)
    return lambda v: np.array([fn(float(e)) for e in np.ravel(v)], T).reshape(np.shape(v))


def _fma(a, b, c):
    a, b, c = np.broadcast_arrays(a, b, c)
    return kernels.fma(np.ascontiguousarray(a), np.ascontiguousarray(b), np.ascontiguousarray(c))


def _recur(q, p, n, first, step):
    """Steps first..n of r = step(k, p, q) (p, q the two previous terms); r is q once the loop has run."""
    for k in range(first, n + 1):
        p, q = q, step(k, p, q)
    return q


def _chebyshev(kind, shifted):
    """Math.h's chebyshev_polynomial_{t,u,v,w}_forward (shifted: of 2x - 1, its own edge cases and thresholds)."""
    def values(x, n, T):
        one = T(1)
        y = x + x - one if shifted else x
        two_y = (x + x - one + (x + x - one)) if shifted else x + x
        acos = _libm("acos", T)
        out = np.empty_like(x)
        done = np.zeros(x.shape, bool)

        def put(mask, value):
            mask = mask & ~done
            out[mask] = np.broadcast_to(value, x.shape)[mask] if np.ndim(value) else value
            done[mask] = True

        if n < 0:
            return np.zeros_like(x)
        odd = n % 2 == 1
        if shifted:
            at_one, at_minus = x == one, x == T(0)
        else:
            at_one, at_minus = np.abs(x) == one, np.zeros(x.shape, bool)
            at_minus, at_one = at_one & (x <= 0), at_one & (x > 0)
        edge_one = {"t": one, "u": T(n + 1), "v": one, "w": T(n + n + 1)}[kind]
        edge_minus = {"t": -one if odd else one, "u": T(-(n + 1)) if odd else T(n + 1),
                      "v": T(-(n + n + 1)) if odd else T(n + n + 1), "w": -one if odd else one}[kind]
        put(at_one, edge_one)
        put(at_minus, edge_minus)
        limit = {"t": 6, "u": 8, "v": 8, "w": 8}[kind] if not shifted else (4 if kind == "w" else 6)
        if n > limit:
            trig = (np.abs(y) < one) & ~done
            if trig.any():
                theta = acos(np.where(trig, y, T(0)))
                with np.errstate(all="ignore"):
                    if kind == "t":
                        put(trig, _libm("cos", T)(T(n) * theta))
                    elif kind == "u":
                        s = _libm("sin", T)(theta)
                        put(trig & (s != 0), _libm("sin", T)(T(n + 1) * theta) / s)
                        put(trig, T(n + 1) * _libm("cos", T)(T(n + 1) * theta) / y)
                    elif kind == "v":
                        half = theta / T(2)
                        put(trig & (_libm("sin", T)(half) != one),
                            _libm("cos", T)((T(n) + T(0.5)) * theta) / _libm("cos", T)(half))
                        put(trig, edge_minus)
                    else:
                        half = theta / T(2)
                        put(trig & (_libm("cos", T)(half) != one),
                            _libm("sin", T)((T(n) + T(0.5)) * theta) / _libm("sin", T)(half))
                        put(trig & (x > (T(0.5) if shifted else T(0))), T(n + n + 1))
                        put(trig, edge_minus)
        if n == 0:
            put(~done, one)
            return out
        first = {"t": y, "u": two_y, "v": two_y - one, "w": two_y + one}[kind]
        if n == 1:
            put(~done, first)
            return out
        with np.errstate(all="ignore"):
            r = _recur(first, np.full(x.shape, one), n, 2, lambda k, p, q: _fma(two_y, q, -p))
        put(~done, r)
        return out
    return values


def _low_degree(x, n, T):
    """The degrees below the recurrence: 0 for a negative one, 1 for degree 0 (None otherwise)."""
    if n < 0:
        return np.zeros_like(x)
    if n == 0:
        return np.full(x.shape, T(1))
    return None


def _hermite(physicists):
    def values(x, n, T):
        one = T(1)
        low = _low_degree(x, n, T)
        if low is not None:
            return low
        if n == 1:
            return x + x if physicists else x.copy()
        if n > (128 if T is np.float32 else 512):
            return np.full(x.shape, np.nan, T)
        with np.errstate(all="ignore"):
            if physicists:
                p, q = np.full(x.shape, one), x + x
                for k in range(2, n + n, 2):
                    p, q = q, _fma(x + x, q, -(T(k) * p))
                return q
            return _recur(x, np.full(x.shape, one), n - 1, 1, lambda k, p, q: _fma(x, q, -(T(k) * p)))
    return values


def _laguerre(x, n, T):
    one = T(1)
    low = _low_degree(x, n, T)
    if low is not None:
        return low
    with np.errstate(all="ignore"):
        if n == 1:
            r = one - x
        else:
            r = _recur(one - x, np.full(x.shape, one), n - 1, 1,
                       lambda k, p, q: _fma(T(k + k) + (one - x), q, -(T(k) * p)) / T(k + 1))
    return np.where(np.abs(x) == T(0), one, r)


def _legendre(x, n, T):
    one = T(1)
    if n < 0:
        return np.zeros_like(x)
    with np.errstate(all="ignore"):
        if n == 0:
            r = np.full(x.shape, one)
        elif n == 1:
            r = x.copy()
        else:
            r = _recur(x, np.full(x.shape, one), n - 1, 1,
                       lambda k, p, q: _fma(T(k + k + 1) * x, q, -(T(k) * p)) / T(k + 1))
    edge = np.abs(x) == one
    return np.where(edge, np.where((x > 0) | (n % 2 == 0), one, -one), r)


_VALUES = {"chebyshev_polynomial_t": _chebyshev("t", False), "chebyshev_polynomial_u": _chebyshev("u", False),
           "chebyshev_polynomial_v": _chebyshev("v", False), "chebyshev_polynomial_w": _chebyshev("w", False),
           "shifted_chebyshev_polynomial_t": _chebyshev("t", True),
           "shifted_chebyshev_polynomial_u": _chebyshev("u", True),
           "shifted_chebyshev_polynomial_v": _chebyshev("v", True),
           "shifted_chebyshev_polynomial_w": _chebyshev("w", True),
           "hermite_polynomial_h": _hermite(True), "hermite_polynomial_he": _hermite(False),
           "laguerre_polynomial_l": _laguerre, "legendre_polynomial_p": _legendre}
NAMES = tuple(_VALUES)


# Math.h's airy_ai_forward (Cephes): the asymptotic rational forms below -2.09 and above 2.09, the power series
# between (and up to 8.32 above), every multiply-add GCC contracts fused
_AN = [3.46538101525629032477e-01, 1.20075952739645805542e+01, 7.62796053615234516538e+01,
    1.68089224934630576269e+02, 1.59756391350164413639e+02, 7.05360906840444183113e+01,
    1.40264691163389668864e+01, 9.99999999999999995305e-01]
_AD = [5.67594532638770212846e-01, 1.47562562584847203173e+01, 8.45138970141474626562e+01,
    1.77318088145400459522e+02, 1.64234692871529701831e+02, 7.14778400825575695274e+01,
    1.40959135607834029598e+01, 1.00000000000000000470e+00]
_AFN = [-1.31696323418331795333e-01, -6.26456544431912369773e-01, -6.93158036036933542233e-01,
    -2.79779981545119124951e-01, -4.91900132609500318020e-02, -4.06265923594885404393e-03,
    -1.59276496239262096340e-04, -2.77649108155232920844e-06, -1.67787698489114633780e-08]
_AFD = [1.33560420706553243746e+01, 3.26825032795224613948e+01, 2.67367040941499554804e+01,
    9.18707402907259625840e+00, 1.47529146771666414581e+00, 1.15687173795188044134e-01,
    4.40291641615211203805e-03, 7.54720348287414296618e-05, 4.51850092970580378464e-07]
_AGN = [1.97339932091685679179e-02, 3.91103029615688277255e-01, 1.06579897599595591108e+00,
    9.39169229816650230044e-01, 3.51465656105547619242e-01, 6.33888919628925490927e-02,
    5.85804113048388458567e-03, 2.82851600836737019778e-04, 6.98793669997260967291e-06,
    8.11789239554389293311e-08, 3.41551784765923618484e-10]
_AGD = [9.30892908077441974853e+00, 1.98352928718312140417e+01, 1.55646628932864612953e+01,
    5.47686069422975497931e+00, 9.54293611618961883998e-01, 8.64580826352392193095e-02,
    4.12656523824222607191e-03, 1.01259085116509135510e-04, 1.17166733214413521882e-06,
    4.91834570062930015649e-09]


def _fma1(a, b, c, T):
    return T(kernels.fma(np.array([a], T), np.array([b], T), np.array([c], T))[0])


def _airy_ai(x, T):
    suffix = "f" if T is np.float32 else ""
    sqrt, sin, cos, exp = ((lambda fn: lambda v: T(fn(float(v))))(kernels._libm(name + suffix))
                           for name in ("sqrt", "sin", "cos", "exp"))

    def poly(coefficients, y):
        acc = T(0)
        for c in coefficients:
            acc = _fma1(acc, y, T(c), T)
        return acc

    if np.isinf(x):
        return T(np.nan)
    if x > T(103.892):
        return T(0)
    ai, past = T(0), False
    if x < T(-2.09):
        z = T(1) / (T(-2) * x * sqrt(-x) / T(3))
        zz = z * z
        afn, afd, agn, agd = poly(_AFN, zz), poly(_AFD, zz), poly(_AGN, zz), poly(_AGD, zz)
        t = T(-2) * x * sqrt(-x) / T(3) + T(T(0.25) * T(math.pi))
        return T(5.64189583547756286948e-01) / sqrt(sqrt(-x)) * _fma1(
            sin(t), T(1) + z * z * afn / afd, -(cos(t) * (z * agn / agd)), T)
    if x >= T(2.09):
        past = True
        zeta = T(2) * x * sqrt(x) / T(3)
        an, ad = poly(_AN, T(1) / zeta), poly(_AD, T(1) / zeta)
        ai = T(5.64189583547756286948e-01) * (an / ad) / (T(2) * sqrt(sqrt(x)) * exp(zeta))
        if x > T(8.3203353):
            return ai
    f, g, k, m, n, t, z = T(1), x, T(1), T(1), x, T(1), x * x * x
    eps = np.finfo(T).eps
    while t > eps:
        m = m * z
        k = k + T(1)
        m = m / k
        n = n * z
        k = k + T(1)
        n = n / k
        m = m / k
        f = f + m
        k = k + T(1)
        n = n / k
        g = g + n
        t = abs(m / f)
    if past:
        return ai
    return _fma1(T(0.355028053887817239260), f, -(T(0.258819403792806798405) * g), T)


def airy_ai(input, *, out=None):
    """torch.special.airy_ai: Math.h's per element in the input's float dtype (integers in the default float); not
    differentiable."""
    if out is not None:
        raise runtime("tensorsh: out= is not supported here")
    dt = true_div_dtype(input.dtype)
    if dt not in (dtypes.float32, dtypes.float64):
        raise make("NotImplementedError", f"\"airy_ai_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
    T = dt.np.type
    x = np.asarray(input._np, dt.np)
    with np.errstate(all="ignore"):
        values = [_airy_ai(T(v), T) for v in x.reshape(-1).tolist()]
    return laid_out_like(np.array(values, dt.np).reshape(x.shape), dt, input)


def _degrees(n):
    """n (in the common float dtype) as the kernel's int64_t: truncated; NaN and infinities none (negative)."""
    with np.errstate(all="ignore"):
        finite = np.isfinite(n)
        return np.where(finite, np.trunc(np.where(finite, n, 0)), -1).astype(np.int64)


def polynomial(name):
    compute = _VALUES[name]
    parser = f"special_{name}"
    checks = Parser([f"{parser}(Tensor x, Tensor n, *, Tensor out=None)",
                     f"{parser}(Scalar x, Tensor n, *, Tensor out=None)",
                     f"{parser}(Tensor x, Scalar n, *, Tensor out=None)"])

    def function(*args, **kwargs):
        checks.parse(args, kwargs)  # (PyTorch's parser: its TypeError texts)
        bound = dict(zip(("x", "n"), args), **kwargs)
        if bound.get("out") is not None:
            raise runtime("tensorsh: out= is not supported here")
        x, n = bound["x"], bound["n"]
        xv, nv, dt = binary_operands(x, n, true_div_dtype)
        if dt not in (dtypes.float32, dtypes.float64):
            raise make("NotImplementedError", f"\"{name}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
        xv, nv = np.broadcast_arrays(np.asarray(xv, dt.np), np.asarray(nv, dt.np))
        degrees = _degrees(nv)
        result = np.empty(xv.shape, dt.np)
        for d in np.unique(degrees):
            mask = degrees == d
            result[mask] = compute(xv[mask], int(d), dt.np.type)
        return laid_out_like(result, dt, x, n)
    function.__name__ = function.__qualname__ = parser
    return function

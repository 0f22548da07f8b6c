"""torch.special's orthogonal polynomials (Chebyshev T/U/V/W and their shifted forms, Hermite H/He, Laguerre L,
Legendre P): Math.h's recurrences on each element in the operands' common float dtype, n read as that dtype and
truncated to an integer (a NaN or infinite n: none, so 0), the products GCC fuses into multiply-adds fused, the
trigonometric forms through the C library. Not differentiable: the result never requires grad."""
import numpy as np

from .. import dtypes, kernels
from ..errors import make, runtime
from ..signatures import Parser
from .core import binary_operands, fresh, true_div_dtype


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
        if dt.np not in (np.float32, np.float64):
            raise make("NotImplementedError", f"\"{name}_cpu\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
        xv, nv = np.broadcast_arrays(np.asarray(xv, dt.np), np.asarray(nv, dt.np))
        degrees = _degrees(nv)
        result = np.empty(xv.shape, dt.np)
        for d in np.unique(degrees):
            mask = degrees == d
            result[mask] = compute(xv[mask], int(d), dt.np.type)
        return fresh(result, dt)
    function.__name__ = function.__qualname__ = parser
    return function

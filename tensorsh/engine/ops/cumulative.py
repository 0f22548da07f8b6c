"""Cumulative ops beyond cumsum: cumprod (with PyTorch's zero-safe backward), cummax, cummin, logcumsumexp."""
import numpy as np

from .. import autograd, dtypes, kernels
from ..autograd import Node, SavedTensor, edge_of
from ..errors import index_error, make, runtime
from ..saved_names import as_given, as_program_gave, given
from .reductions import CumsumBackward0, _cast_first, _cumsum_np, _sum_np, cumulative_acc, values_indices
from .core import (InputNode, SavingNode, attach, built_in_place, check_dtype, fresh, needs_grad, write_inplace,
                   precheck)


def _along(x, d, fn):
    """fn over axis d of x (a 0-dim x as one element)."""
    return fn(x.reshape(1), 0).reshape(()) if x.ndim == 0 else fn(x, d)


def _cumprod_np(x, d, dt):
    """PyTorch's CPU cumprod: running products in cumulative_acc(dt), each stored rounded to dt; the first is 1 * x
    (a complex -0-2j is -2j: 1 * -0 - 0 * -2)."""
    acc = cumulative_acc(dt)

    def products(a, ax):
        if acc is np.complex128 and a.shape[ax]:
            a = a.copy()
            a[(slice(None),) * ax + (0,)] *= 1
        return np.cumprod(a, axis=ax)
    return np.array(_along(x.astype(acc), d, products), dt.np, order="C")


def _reversed_cumsum(t, d):
    return t.flip(d).cumsum(d).flip(d)


class CumprodBackward0(Node):
    """PyTorch's cumprod_backward: sum of later gradients over the input when no element is zero; with zeros, the
    masks of the first zero (and, under create_graph, the O(n^2) products that it can differentiate again)."""
    __slots__ = ("dim",)
    saved_names, saved_values = ("self", "result"), {"dim": as_given("dim")}

    def __init__(self, x, out, dim, original=None):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim
        self.saved = (SavedTensor(x if original is None else original),) + (
            () if out is None else (SavedTensor(out, is_output=True),))

    def backward(self, g):
        x, out = self.unpack()
        d = self.dim if x.dim() else 0
        if x.numel() <= 1 or x._shape[d] == 1:
            return (g,)
        if x.dtype.category == 3:  # (holomorphic: the real formula over the conjugates, as cumprod_backward's)
            x, out = x.conj(), out.conj()
        w = out * g
        is_zero = x == 0
        if not bool(is_zero.any()):
            return (_reversed_cumsum(w, d).div(x),)
        if not autograd.is_grad_enabled():
            return (fresh(_zeros_backward(g._np, x._np, out._np, d), x.dtype),)
        return (_recorded_backward(g, x, d),)


def _zeros_backward(g, x, out, d):
    """The O(n) path of cumprod_backward with zeros (no create_graph), in numpy with PyTorch's operation order."""
    grad = np.zeros(x.shape, g.dtype)
    csum = np.cumsum(x == 0, axis=d)
    mask = csum == 0
    w = np.where(mask, out * g, 0).astype(g.dtype)
    with np.errstate(all="ignore"):
        wide = np.complex128 if w.dtype.kind == "c" else np.float64
        before = np.flip(np.cumsum(np.flip(w, d).astype(wide), axis=d).astype(g.dtype), d) / x
    grad[mask] = before[mask]
    mask = csum == 1
    first = np.argmax(mask, axis=d)
    first_mask = np.zeros(x.shape, bool)
    np.put_along_axis(first_mask, np.expand_dims(first, d), True, axis=d)
    first_mask &= mask
    mask &= ~first_mask
    prods = _cumprod_np(np.where(mask, x, 1).astype(x.dtype), d, dtypes.BY_NP[x.dtype])
    term = (prods * np.where(csum != 1, 0, g).astype(g.dtype)).astype(g.dtype)
    summed = _sum_np(term, (d,), True, dtypes.BY_NP[g.dtype])
    n = x.shape[d]
    ones = np.ones(x.shape[:d] + (1,) + x.shape[d + 1:], x.dtype)
    shifted = np.concatenate([ones, np.take(out, np.arange(n - 1), axis=d)], axis=d)
    grad[first_mask] = (summed * shifted)[first_mask]
    return grad


def _recorded_backward(g, x, d):
    """cumprod_backward under create_graph: for each k, sum(grad[k:] * the products omitting x[k]), recorded, copied
    into row k of a zeros tensor (`grad_input.select(dim, k).copy_(grad_slice)`: the gradient's node is CopySlices;
    ATen stacks the rows only for tensor subclasses)."""
    from .joining import cat
    n = x._shape[d]
    ones_shape = list(x._shape)
    ones_shape[d] = 1
    ones = fresh(np.ones((1,), g.dtype.np), g.dtype).expand(*ones_shape)
    grad_input = built_in_place(fresh(np.zeros(x._shape, g.dtype.np), g.dtype), 1)  # (at::zeros inside a backward)
    for k in range(n):
        if k == 0:
            omitted = cat([ones, x.narrow(d, 1, n - 1).cumprod(d)], d)
        elif k == n - 1:
            omitted = x.narrow(d, 0, k).prod(d, keepdim=True)
        else:
            until = x.narrow(d, 0, k).prod(d, keepdim=True)
            after = x.narrow(d, k + 1, n - k - 1).cumprod(d)
            omitted = cat([until, until.expand_as(after) * after], d)
        grad_input.select(d, k).copy_((g.narrow(d, k, n - k) * omitted).sum(d))
    return grad_input


def _cum_dtype(self, dtype):
    check_dtype("cumprod", dtype)
    return dtype or (dtypes.int64 if self.dtype.category < 2 else self.dtype)


def cumprod(self, dim, *, dtype=None):
    d = self._wrap_dim(dim)
    dt = _cum_dtype(self, dtype)
    if dt is dtypes.bool_ and self.dim() and self.numel():  # (ATen's kernel has no Bool; 0-dim or empty: none runs)
        raise make("NotImplementedError", "\"cumprod_out_cpu\" not implemented for 'Bool'")
    out = fresh(_cumprod_np(_cast_first(self, dt), d, dt), dt)
    if needs_grad(self):  # (an integer dtype= of an input requiring grad: set_history's refusal)
        attach(out, given(CumprodBackward0(self, out, d), dim=dim))
    return out


def _inplace_dtype(self, dtype, name):
    """cumsum_/cumprod_ write in self's dtype: another dtype= is refused, as is bool (the kernel's dispatch)."""
    if dtype is not None and dtype is not self.dtype:
        raise runtime(f"Bad in-place call: input tensor dtype {dtypes.C_NAMES[self.dtype.name]} and output tensor "
                      f"dtype {dtypes.C_NAMES[dtype.name]} should match")
    if self.dtype is dtypes.bool_ and self.dim() and self.numel():  # (a 0-dim or empty tensor: no kernel runs)
        raise make("NotImplementedError", f"\"{name}_out_cpu\" not implemented for 'Bool'")
    return self.dtype


def cumsum_inplace(self, dim, *, dtype=None):
    d = self._wrap_dim(dim)
    dt = _inplace_dtype(self, dtype, "cumsum")
    precheck(self)
    values = _cumsum_np(self._np, d, dt).reshape(self._shape)
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), lambda: CumsumBackward0(self, d))


def cumprod_inplace(self, dim, *, dtype=None):
    d = self._wrap_dim(dim)
    dt = _inplace_dtype(self, dtype, "cumprod")
    precheck(self)
    values = _cumprod_np(self._np, d, dt)
    original = self.clone() if needs_grad(self) else None

    def node():
        return given(CumprodBackward0(self, None, d, original), dim=dim)
    return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values), node, save_output=True)


class _CumExtremeBackward(InputNode):
    """cummax/cummin's backward: the gradient scattered-added at the indices the values came from."""
    fields, saved_count = ("dim",), 2  # (x, dim, self, indices): PyTorch keeps self too

    def backward(self, g):
        _, indices = self.unpack()
        if g.numel() == 0:
            return (g,)
        zeros = fresh(np.zeros(g._shape, g.dtype.np), g.dtype)  # (at::zeros, then scatter_add_: two writes)
        return (built_in_place(zeros.scatter_add(as_program_gave(self, "dim") if g.dim() else 0, indices, g), 2),)


class CummaxBackward0(_CumExtremeBackward):
    saved_names, saved_values = ("self", "indices"), {"dim": as_given("dim")}


class CumminBackward0(_CumExtremeBackward):
    saved_names, saved_values = ("self", "indices"), {"dim": as_given("dim")}


def _cum_extreme(kind, better):
    node_cls = CummaxBackward0 if kind == "cummax" else CumminBackward0

    def op(self, dim):
        if not self._shape and dim not in (0, -1):  # (a 0-dim tensor: checked before any wrap)
            raise index_error(f"{kind}(): Expected reduction dim -1 or 0 for scalar but got {dim}")
        d = self._wrap_dim(dim) if self.numel() else dim  # (ATen wraps the dim of a non-empty input only)
        x = self._np.reshape(self._shape or (1,))
        values = np.empty(x.shape, x.dtype)
        indices = np.zeros(x.shape, np.int64)
        if x.size:
            n = x.shape[d]
            best = np.take(x, 0, axis=d)
            where = np.zeros(best.shape, np.int64)
            for i in range(n):
                cur = np.take(x, i, axis=d)
                with np.errstate(invalid="ignore"):  # a NaN wins and stays: PyTorch's isnan(x) || x >= best
                    take = (np.isnan(cur) | (~np.isnan(best) & better(cur, best))) if x.dtype.kind == "f" else \
                        better(cur, best)
                best = np.where(take, cur, best)
                where = np.where(take, i, where)
                idx = [slice(None)] * x.ndim
                idx[d] = i
                values[tuple(idx)], indices[tuple(idx)] = best, where
        values_t = fresh(values.reshape(self._shape), self.dtype)
        indices_t = fresh(indices.reshape(self._shape), dtypes.int64)
        if needs_grad(self):
            attach(values_t, given(node_cls(self, d, self, indices_t), dim=dim))
        return values_indices(kind, values_t, indices_t)
    op.__name__ = kind
    return op


cummax = _cum_extreme("cummax", np.greater_equal)
cummin = _cum_extreme("cummin", np.less_equal)


_EXP, _LOG1P = kernels.libm_each("exp", np.exp), kernels.libm_each("log1p", np.log1p)


def _log_add_exp(x, acc):
    """PyTorch's _log_add_exp_helper(x, acc), elementwise in x's precision, with the C library's exp and log1p."""
    with np.errstate(all="ignore"):
        lo = np.where(np.isnan(acc), acc, np.minimum(x, acc))
        hi = np.where(np.isnan(acc), acc, np.maximum(x, acc))
        lo = np.where(np.isnan(x) & ~np.isnan(acc), x, lo)  # (std::min/max return the first argument on NaN)
        hi = np.where(np.isnan(x) & ~np.isnan(acc), x, hi)
        general = _LOG1P(_EXP(lo - hi)) + hi
    return np.where((lo != hi) | np.isfinite(lo), general, x)


def _cexp_clog():
    """glibc's cexp and clog of double complex numbers (c10::complex<double>'s std::exp and std::log), numpy's
    without a C library."""
    kind = kernels.ctypes_complex(np.complex128)
    fns = [kernels._libm(name, 1, kind) for name in ("cexp", "clog")]
    if None in fns:
        return np.exp, np.log
    return [lambda z, fn=fn: np.array([complex((r := fn(kind(v.real, v.imag))).re, r.im) for v in z.reshape(-1)],
                                      np.complex128).reshape(z.shape) for fn in fns]


def _log_add_exp_complex(x, acc):
    """PyTorch's complex _log_add_exp_helper(x, acc) in complex<double>: min and max by real part (the accumulator
    first on ties; a NaN in either part of acc, then of x, is both), NaN + NaN j when min has a NaN, min itself when
    both real parts are -inf, log(exp(min) + exp(max)) when both are +inf, else log1p(exp(min - max)) + max with
    c10's log1p."""
    cexp, clog = _cexp_clog()
    nan_acc, nan_x = np.isnan(acc.real) | np.isnan(acc.imag), np.isnan(x.real) | np.isnan(x.imag)
    x_first = ~nan_acc & (nan_x | (x.real < acc.real))
    lo = np.where(nan_acc, acc, np.where(nan_x, x, np.where(x_first, x, acc)))
    hi = np.where(nan_acc, acc, np.where(nan_x, x, np.where(x_first, acc, x)))
    with np.errstate(all="ignore"):
        general = kernels.c10_log1p(cexp(lo - hi)) + hi
        both_inf = clog(cexp(lo) + cexp(hi))
    same_inf = ~np.isfinite(lo.real) & (lo.real == hi.real)
    out = np.where(same_inf, np.where(lo.real < 0, lo, both_inf), general)
    return np.where(np.isnan(lo.real) | np.isnan(lo.imag), complex(np.nan, np.nan), out)


class LogcumsumexpBackward0(SavingNode):
    __slots__ = ("dim",)
    fields = ("dim",)
    saved_names, saved_values = ("self", "result"), {"dim": as_given("dim")}

    def backward(self, g):
        x, result = self.unpack()
        if g.dim() == 0 or g.numel() == 0:
            return (g,)
        d = self.dim

        def rev(t):
            return t.flip(d).logcumsumexp(d).flip(d)
        if g.dtype.category == 3:  # (no positive and negative parts: the log of the conjugate gradient)
            return ((rev(g.conj().log() - result) + x).exp().conj(),)
        from .comparison import where
        lowest = fresh(np.array(-dtypes.finite_max(g.dtype), g.dtype.np), g.dtype)  # (numeric_limits::lowest)
        log_abs = g.abs().log()
        pos = where(g > 0, log_abs, lowest)
        neg = where(g < 0, log_abs, lowest)
        return ((rev(pos - result) + x).exp() - (rev(neg - result) + x).exp(),)


def logcumsumexp(self, dim):
    d = self._wrap_dim(dim)
    if self.dtype.category < 2:
        raise make("NotImplementedError", f"\"logcumsumexp_out_cpu\" not implemented for "
                                          f"'{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    # (the accumulator is acc_type's: double for float and double, float for float16 and bfloat16, complex<double>
    # for both complex dtypes; the start is -inf, -inf + 0j)
    complex_ = self.dtype.category == 3
    work = np.complex128 if complex_ else np.float32 if self.dtype.itemsize == 2 else np.float64
    step = _log_add_exp_complex if complex_ else _log_add_exp
    x = self._np.reshape(self._shape or (1,)).astype(work)
    out = np.empty(x.shape, work)
    acc = np.full(np.take(x, 0, axis=d).shape if x.size else (), -np.inf, work)
    for i in range(x.shape[d]):
        acc = step(np.take(x, i, axis=d), acc)
        idx = [slice(None)] * x.ndim
        idx[d] = i
        out[tuple(idx)] = acc
    result = fresh(out.astype(self.dtype.np).reshape(self._shape), self.dtype)
    if needs_grad(self):
        attach(result, given(LogcumsumexpBackward0(self, result, d), dim=dim))
    return result

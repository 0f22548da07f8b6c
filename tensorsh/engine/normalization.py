"""layer_norm and batch_norm as PyTorch's CPU kernels compute them, each beside its backward node.

layer_norm's mean and variance are PyTorch's RowwiseMoments: a Welford pass over 8-float lanes in chunks of 16
vectors combined in a binary cascade (fused multiply-adds, as the compiled kernel has them), a plain scalar
Welford over the row's tail, then the lanes folded in; y = (x - mean) * rstd (* gamma + beta). batch_norm
sums each channel in double, takes the variance from squares in the input's type, and keeps running statistics in
the parameter's type (momentum * new + (1 - momentum) * old; float32's running_var with the first product fused),
written in place without a version bump, as PyTorch's kernel writes them. Its float32 and float64 gradients are
ATen's batch_norm_cpu_backward kernels' (measured bit for bit): per image, vec::reduce_all of dy and
vec::map2_reduce_all of (x - mean) * dy (32-byte vectors), the images added in double; an (N, C) or (N, C, 1, 1)
input, or a channels_last one, by rows of channels over the threads; a gradient not laid out as the input (an
expanded one) by ATen's generic loop."""
import numpy as np

from . import autograd, dtypes, kernels, layout
from .creation import not_implemented_for
from .autograd import NOTHING_SAVED, Node, SavedTensor
from .composite_backward import recorded
from .errors import runtime, value_error
from .saved_names import output_data
from .tensorimpl import CHANNELS_LAST, CHANNELS_LAST_3D
from .ops.core import attach, check_no_requires_grad, fresh, inference_saved_by, needs_grad, operand_edge, zeros_of

_F32 = np.float32


def _fma(a, b, c):
    return (np.asarray(a, np.float64) * b + c).astype(_F32)


def _fma_of(T):
    """The fused multiply-add of the kernel's type: float32's over double, float64's exact."""
    return _fma if T is _F32 else (lambda a, b, c: kernels.fma64(*np.broadcast_arrays(
        np.asarray(a, np.float64), np.asarray(b, np.float64), np.asarray(c, np.float64))))


def _add_moments_vec(m0_add, m1_add, m2_add, m0, m1, m2, T=_F32):
    """AddMomentsVec, as the compiled kernel rounds it (measured: rows of any length bit for bit): m1 + c * delta
    unfused; m2 + m2_add, then (delta * c) * (delta * m0) fused onto it."""
    n = m0 + m0_add
    c = T(0) if n == 0 else T(T(m0_add) / T(n))
    delta = (m1_add - m1).astype(T)
    m1 = (m1 + (c * delta).astype(T)).astype(T)
    m2 = _fma_of(T)((delta * c).astype(T), (delta * T(m0)).astype(T), (m2 + m2_add).astype(T))
    return n, m1, m2


def _add_moments(m0_add, m1_add, m2_add, m0, m1, m2, T=_F32):
    """AddMoments (the scalar fold of the lanes): m1 += c * delta; m2 += m2_add + delta * delta * c * m0, evaluated
    left to right, the last product contracted with m2_add into an FMA (measured)."""
    n = m0 + m0_add
    c = T(0) if n == 0 else T(T(m0_add) / T(n))
    delta = (m1_add - m1).astype(T)
    fma = _fma_of(T)
    m1 = fma(delta, c, m1)
    m2 = (m2 + fma(((delta * delta).astype(T) * c).astype(T), T(m0), m2_add)).astype(T)
    return n, m1, m2


def rowwise_moments(x):
    """(mean, biased variance) per row of a 2-D float32 or float64 array, in PyTorch's order (RowwiseMomentsImpl:
    vectors of 8 floats or 4 doubles)."""
    T = x.dtype.type
    lanes = 8 if T is _F32 else 4
    fma = _fma_of(T)
    rows, n_total = x.shape
    n = n_total // lanes
    m = -(-n // 16)
    depth = max(1, (m - 1).bit_length())
    zeros = np.zeros((rows, lanes), T)
    m0s, m1s, m2s = [0] * depth, [zeros] * depth, [zeros] * depth
    c_vecs = [T(T(1) / T(j + 1)) for j in range(16)]
    for i in range(m):
        count = min(16, n - i * 16)
        m1v = m2v = zeros
        for j in range(count):
            xv = x[:, (i * 16 + j) * lanes:(i * 16 + j) * lanes + lanes]
            delta = (xv - m1v).astype(T)
            m1v = fma(delta, c_vecs[j], m1v)
            m2v = fma(delta, (xv - m1v).astype(T), m2v)
        m0s[0], m1s[0], m2s[0] = _add_moments_vec(count, m1v, m2v, m0s[0], m1s[0], m2s[0], T)
        mask, j = i + 1, 1
        while j < depth and (mask & 1) == 0:
            m0s[j], m1s[j], m2s[j] = _add_moments_vec(m0s[j - 1], m1s[j - 1], m2s[j - 1], m0s[j], m1s[j], m2s[j], T)
            m0s[j - 1], m1s[j - 1], m2s[j - 1] = 0, zeros, zeros
            mask >>= 1
            j += 1
    for i in range(1, depth):
        m0s[0], m1s[0], m2s[0] = _add_moments_vec(m0s[i], m1s[i], m2s[i], m0s[0], m1s[0], m2s[0], T)
    m0, m1, m2 = 0, np.zeros(rows, T), np.zeros(rows, T)
    for k in range(n * lanes, n_total):  # the tail: a plain Welford step per element
        xk = x[:, k]
        delta = (xk - m1).astype(T)
        m0 += 1
        m1 = (m1 + (delta / T(m0)).astype(T)).astype(T)
        m2 = (m2 + (delta * (xk - m1).astype(T)).astype(T)).astype(T)
    for lane in range(lanes):
        m0, m1, m2 = _add_moments(n, m1s[0][:, lane], m2s[0][:, lane], m0, m1, m2, T)
    return m1, (m2 / T(n_total)).astype(T)


class NativeLayerNormBackward0(Node):
    __slots__ = ("normalized", "eps")
    saved_names = ("input", "weight", None, None, "bias")
    saved_values = {"normalized_shape": "normalized", "result1": output_data(2), "result2": output_data(3)}

    def __init__(self, x, weight, bias, mean, rstd, normalized, eps):
        Node.__init__(self, (operand_edge(x), operand_edge(weight), operand_edge(bias)))
        self.normalized, self.eps = normalized, eps
        self.saved = (SavedTensor(x), SavedTensor(weight) if weight is not None else NOTHING_SAVED,
                      SavedTensor(mean, is_output=True), SavedTensor(rstd, is_output=True),
                      SavedTensor(bias) if bias is not None else NOTHING_SAVED)  # (PyTorch keeps bias too)

    def backward(self, g):
        x, w, mean, rstd, b = self.unpack()
        grads = self._grads(g, x, w, mean, rstd, b)
        if not autograd._grad_enabled[0]:
            return grads
        inputs = (g, x, mean.detach(), rstd.detach(), w, b)  # (native_layer_norm_backward's arguments: grad_out,
        # input, mean, rstd, weight, bias)
        return tuple(None if out is None else recorded(out, "NativeLayerNormBackwardBackward0", (
            lambda g, x, _m, _r, w, _b, i=i: _layer_norm_grads(g, x, w, self.normalized, self.eps)[i]), inputs, (),
            ("grad_out", "input", "mean", "rstd", "weight", None), normalized_shape=self._saved_normalized_shape)
            for i, out in enumerate(grads))

    def _grads(self, g, x, w, mean, rstd, b):
        k = int(np.prod(self.normalized))
        rows = mean._np.size  # (k may be 0: nothing to compute)
        if k == 0:
            return (zeros_of(x) if self.next_functions[0][0] else None,) + tuple(
                zeros_of(t) if t is not None and self.next_functions[i][0] else None for i, t in ((1, w), (2, b)))
        if (x.dtype.np in (np.float32, np.float64) or x.dtype in (dtypes.float16, dtypes.bfloat16)) and \
                kernels._vector_lanes() is not None:
            return self._aten_backward(g, x, w, mean, rstd, rows, k)
        xn = x._np.reshape(rows, k).astype(np.float64)
        gn = g._np.reshape(rows, k).astype(np.float64)
        mu, rs = mean._np.reshape(-1, 1).astype(np.float64), rstd._np.reshape(-1, 1).astype(np.float64)
        xhat = (xn - mu) * rs
        wv = w._np.reshape(1, k).astype(np.float64) if w is not None else 1.0
        gx = gn * wv
        dx = rs * (gx - gx.mean(1, keepdims=True) - xhat * (gx * xhat).mean(1, keepdims=True))
        dt = x.dtype
        out = [fresh(dx.reshape(x._shape).astype(dt.np), dt) if self.next_functions[0][0] else None]
        out.append(fresh((gn * xhat).sum(0).reshape(self.normalized).astype(dt.np), dt)
                   if self.next_functions[1][0] else None)
        out.append(fresh(gn.sum(0).reshape(self.normalized).astype(dt.np), dt) if self.next_functions[2][0] else None)
        return tuple(out)


    def _aten_backward(self, g, x, w, mean, rstd, rows, k):
        """ATen's layer_norm_backward_frame, row by row in the input's type (float32 or float64; half and bfloat16 in
        float, their gamma and beta buffers in their own type); its reductions in the vector lanes' order (measured
        on an AVX-512 CPU: 8 floats, 4 doubles, as on AVX2); gamma's and beta's gradients summed per thread over its
        rows with both products fused, then over the threads. (Measured against torch on random rows of 4-100, float32
        and float64, with gamma and without: bit for bit.)"""
        reduced = x.dtype in (dtypes.float16, dtypes.bfloat16)
        t = np.float32 if reduced else np.dtype(x.dtype.np).type  # (half, bfloat16: in float, as ATen's)
        dy = np.ascontiguousarray(g._np, dtype=t).reshape(rows, k)
        xs = np.ascontiguousarray(x._np, dtype=t).reshape(rows, k)
        gamma = None if w is None else np.ascontiguousarray(w._np, dtype=t).reshape(1, k)
        mu, a = mean._np.reshape(rows, 1).astype(t), rstd._np.reshape(rows, 1).astype(t)
        nf = self.next_functions
        out = [None, None, None]
        if nf[0][0] is not None:
            if gamma is None:  # (_reduce_all's 32-byte vectors: each row's sum, kept as a column; map2/map3_reduce_all
                ds, db = _reduce_all(dy, t, xs)[:, None], _reduce_all(dy, t)[:, None]  # fuse the partial last
            else:  # vector's last product onto the sum)
                ds, db = _reduce_all((dy * xs).astype(t), t, gamma)[:, None], _reduce_all(dy, t, gamma)[:, None]
            scale = t(1) / t(k)  # (the compiler's fused multiply-adds where measured to match, bit for bit)
            b = kernels.fma(db, mu, -ds) * a * a * a * scale
            c = kernels.fma(-b, mu, -(db * a * scale))
            dx = kernels.fma(np.broadcast_to(b, xs.shape), xs, a * dy if gamma is None else a * dy * gamma) + c
            out[0] = fresh((dtypes.rounding(x.dtype)(dx) if reduced else dx).reshape(x._shape).astype(x.dtype.np),
                           x.dtype)
        if (w is not None and nf[1][0] is not None) or (len(nf) > 2 and nf[2][0] is not None):
            ranges = kernels._thread_ranges(rows, kernels.num_threads(), 1)
            param = (w if w is not None else b).dtype
            rounded = dtypes.rounding(x.dtype) if reduced else None  # (the threads' buffers: the input's type;
            # their sum in float, in the parameters' type: float32 ones (mixed type) are not rounded)
            dgamma, dbeta = np.zeros(k, t), np.zeros(k, t)
            for begin, end in ranges:  # (each thread's buffer, summed in thread order)
                pg, pb = np.zeros(k, t), np.zeros(k, t)
                for i in range(begin, end):  # (a reduced type's buffer is of that type: each row's sum rounded)
                    pg = kernels.fma(dy[i], kernels.fma(a[i], xs[i], -a[i] * mu[i]), pg)  # (both fused)
                    pb = pb + dy[i]
                    if rounded is not None:
                        pg, pb = rounded(pg), rounded(pb)
                dgamma, dbeta = dgamma + pg, dbeta + pb
            if w is not None and nf[1][0] is not None:
                out[1] = fresh(dgamma.reshape(self.normalized).astype(param.np), param)
            if len(nf) > 2 and nf[2][0] is not None:
                out[2] = fresh(dbeta.reshape(self.normalized).astype(param.np), param)
        return tuple(out)



def _layer_norm_grads(g, x, w, normalized, eps):
    """native_layer_norm_backward in differentiable ops, the statistics recomputed from x (so that the gradient of
    the gradient follows them): the gradients of input, weight and bias."""
    dims = tuple(range(x.dim() - len(normalized), x.dim()))
    mu = x.mean(dims, keepdim=True)
    rstd = (x.var(dims, correction=0, keepdim=True) + eps).rsqrt()
    xhat = (x - mu) * rstd
    gx = g if w is None else g * w
    dx = rstd * (gx - gx.mean(dims, keepdim=True) - xhat * (gx * xhat).mean(dims, keepdim=True))
    lead = tuple(range(x.dim() - len(normalized)))
    return dx, (g * xhat).sum(lead) if lead else g * xhat, g.sum(lead) if lead else g


def check_floating(kernel, input):
    """The norms' kernels dispatch floating types only (half and bfloat16 too): ATen's NotImplementedError."""
    if input.dtype.category != 2:
        raise not_implemented_for(kernel, input.dtype)


def check_mixed_dtype(input, *params):
    """ATen's mixed_type checks of the CPU norms: parameters (the defined ones, in order) of a dtype other than the
    input's are accepted only as float32 ones of a float16/bfloat16 input; a later parameter unlike the first fails
    in the kernel."""
    defined = [p for p in params if p is not None]
    if not defined:
        return
    if defined[0].dtype is not input.dtype:
        if any(p.dtype is not dtypes.float32 for p in defined):
            raise runtime("mixed dtype (CPU): expect parameter to have scalar type of Float")
        if input.dtype is not dtypes.float16 and input.dtype is not dtypes.bfloat16:
            raise runtime("mixed dtype (CPU): all inputs must share same datatype.")
        return True
    for p in defined[1:]:
        if p.dtype is not input.dtype:
            raise runtime(dtypes.expected_scalar_type(input.dtype, p.dtype))


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    return native_layer_norm(input, normalized_shape, weight, bias, eps)[0]


def native_layer_norm(input, normalized_shape, weight, bias, eps):
    """torch.native_layer_norm: (output, mean, rstd), the statistics shaped [*, 1, ...] and not differentiable."""
    normalized = tuple(normalized_shape) if isinstance(normalized_shape, (list, tuple)) else (normalized_shape,)
    nd = len(normalized)
    inference_saved_by((input, weight, bias), (input, weight, bias))  # (its node keeps all three, before any check)
    if not nd:  # (ATen's _check_layer_norm_inputs, in its order)
        raise runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
                      "but got normalized_shape = []")
    for name, t in (("weight", weight), ("bias", bias)):
        if t is not None and t._shape != normalized:
            raise runtime(f"Expected {name} to be of same shape as normalized_shape, but got {name} of shape "
                          f"{list(t._shape)} and normalized_shape = {list(normalized)}")
    if input._shape[input.dim() - nd:] != normalized or input.dim() < nd:
        raise runtime(f"Given normalized_shape={list(normalized)}, expected input with shape [*, "
                      f"{', '.join(map(str, normalized))}], but got input of size{list(input._shape)}")
    mixed = check_mixed_dtype(input, weight, bias)
    check_floating("LayerNormKernelImpl", input)
    k = int(np.prod(normalized))
    dt = np.float32 if input.dtype is dtypes.float16 else input.dtype.np  # (half computes in float, as bfloat16)
    x = np.ascontiguousarray(input._np, dtype=dt).reshape(int(np.prod(input._shape[:input.dim() - nd])), k)  # (k may
    # be 0)
    if k == 0:  # (ATen's: mean 0, rstd NaN)
        mean, rstd = np.zeros(x.shape[0], dt), np.full(x.shape[0], np.nan, dt)
    elif dt == np.float32:
        mean, var = rowwise_moments(x)
        rstd = (_F32(1) / np.sqrt((var + _F32(eps)).astype(_F32))).astype(_F32)
    elif dt == np.float64:
        mean, var = rowwise_moments(x)
        rstd = 1 / np.sqrt(var + eps)
    else:
        mean, var = x.mean(1), x.var(1)
        rstd = 1 / np.sqrt(var + eps)
    y = ((x - mean[:, None]).astype(dt) * rstd[:, None]).astype(dt)
    gamma = None if weight is None else weight._np.reshape(1, k).astype(dt, copy=False)
    beta = None if bias is None else bias._np.reshape(1, k).astype(dt, copy=False)
    if gamma is not None and beta is not None and dt in (np.float32, np.float64):
        y = _fma_of(np.dtype(dt).type)(y, gamma, beta)  # (y * gamma + beta, fused in the kernel)
    else:
        if gamma is not None:
            y = (y * gamma).astype(dt)
        if beta is not None:
            y = (y + beta).astype(dt)
    out = fresh(np.ascontiguousarray(y.reshape(input._shape)), input.dtype)
    stat_shape = input._shape[:input.dim() - nd] + (1,) * nd
    stats = dtypes.float32 if mixed else input.dtype  # (a mixed-type kernel's mean and rstd are float's)
    mean_t = fresh(np.ascontiguousarray(mean.reshape(stat_shape)).astype(stats.np), stats)
    rstd_t = fresh(np.ascontiguousarray(rstd.reshape(stat_shape)).astype(stats.np), stats)
    if needs_grad(input, weight, bias):
        attach(out, NativeLayerNormBackward0(input, weight, bias, mean_t, rstd_t, normalized, eps))
    return out, mean_t, rstd_t


class NativeBatchNormBackward0(Node):
    __slots__ = ("training", "eps")
    saved_names = ("input", "weight", "running_mean", "running_var")
    saved_values = {"eps": "eps", "training": "training", "result1": output_data(4), "result2": output_data(5)}

    def __init__(self, x, weight, bias, running_mean, running_var, mean, invstd, training, eps):
        Node.__init__(self, (operand_edge(x), operand_edge(weight), operand_edge(bias)))
        self.training, self.eps = training, eps
        self.saved = (SavedTensor(x), SavedTensor(weight) if weight is not None else NOTHING_SAVED,
                      SavedTensor(running_mean) if running_mean is not None else NOTHING_SAVED,
                      SavedTensor(running_var) if running_var is not None else NOTHING_SAVED,
                      SavedTensor(mean, is_output=True), SavedTensor(invstd, is_output=True))

    def backward(self, g):
        x, w, rm, rv, mean, invstd = self.unpack()
        grads = self._grads(g, x, w, rm, rv, mean, invstd)
        if not autograd._grad_enabled[0]:
            return grads
        training, eps = self.training, self.eps
        return tuple(None if out is None else recorded(out, "NativeBatchNormBackwardBackward0", (
            lambda g, x, w, rm, rv, _m, _r, i=i: _batch_norm_grads(g, x, w, rm, rv, training, eps)[i]),
            (g, x, w, rm, rv), (mean.detach(), invstd.detach()),
            ("grad_out", "input", "weight", "running_mean", "running_var", "save_mean", "save_invstd"),
            train=training, eps=eps) for i, out in enumerate(grads))

    def _grads(self, g, x, w, rm, rv, mean, invstd):
        c = x._shape[1]
        dt = np.dtype(_F32 if x.dtype is dtypes.float16 else x.dtype.np)  # (half: in float)
        param = w if w is not None else rm
        mixed = param is not None and param.dtype is not x.dtype
        if mixed and _kernel_operands(x, g) and not _by_rows(x):
            return self._mixed_grads(g, x, w, rm, rv, mean, invstd)
        if x.dtype.itemsize == 2 and not mixed and not _kernel_operands(x, g):
            return self._reduced_loop_grads(g, x, w, rm, rv, mean, invstd)
        if self.training:
            mu, rs = mean._np.astype(dt), invstd._np.astype(dt)
        else:
            mu = rm._np.astype(dt)
            rs = (1 / np.sqrt(rv._np.astype(np.float64) + self.eps)).astype(dt)
        wv = w._np.astype(dt) if w is not None else np.ones(c, dt)
        generic = not _kernel_operands(x, g)  # (ATen's loop over each channel's elements, no kernel)
        by_rows = generic or _by_rows(x)  # (channel, batch, image), or (channel, row, 1): by rows or elements
        xs = np.moveaxis(x._np, 1, 0).reshape((c, -1, 1) if by_rows else (c, x._shape[0], -1)).astype(dt, copy=False)
        gs = np.moveaxis(g._np, 1, 0).reshape(xs.shape).astype(dt, copy=False)
        centred = (xs - mu[:, None, None]).astype(dt)
        if generic:
            total = kernels.cascade_sum(np.asarray(g._np).astype(dt, copy=False), (0,) + tuple(range(2, g.dim()))
                                        ).reshape(c)
            order = _memory_order(x)  # (the reduce iterator's: x's elements of a channel as they lie in memory)
            xo = np.transpose(x._np, order).reshape(c, -1).astype(dt, copy=False)
            go = np.transpose(g._np, order).reshape(c, -1).astype(dt, copy=False)
            dotp = np.cumsum(((xo - mu[:, None]).astype(dt) * go).astype(dt).astype(np.float64), axis=1)[:, -1]
        else:
            total, dotp = (_sums_by_rows if by_rows else _sums_by_images)(centred, gs, dt)
        # (ATen's sum and dotp: double accumulators for float32 (acc_type), rounded where a float is taken)
        count = dt.type(xs.shape[1] * xs.shape[2])
        r = rs[:, None, None]
        if self.training:  # ((dy - grad_mean) - (x - mean) * k) * invstd * w, k = dotp * invstd * invstd / count
            k = ((((dotp.astype(dt) * rs).astype(dt) * rs).astype(dt) / count).astype(dt))[:, None, None]
            t = (gs - (total / count).astype(dt)[:, None, None]).astype(dt)
            if dt in (np.float32, np.float64) and not generic:  # (the product fused, as compiled: but in the
                v = kernels.fma(-centred, k, t)  # channels-last kernel's partial last vector of channels (measured))
                tail = c % (32 // dt.itemsize) if by_rows and not mixed else 0
                if tail:
                    v[c - tail:] = t[c - tail:] - centred[c - tail:] * k[c - tail:]
            else:
                v = (t - centred * k).astype(dt)
        else:
            v = gs
        if mixed:  # (a mixed-type kernel's: v * (invstd * w), measured)
            gi = (v * (rs * wv).astype(dt)[:, None, None]).astype(dt)
        else:
            gi = ((v * r).astype(dt) * wv[:, None, None]).astype(dt)
        gi = np.moveaxis(gi.reshape((c, x._shape[0]) + x._shape[2:]), 0, 1).astype(x.dtype.np)
        ct = x.dtype
        pt = ct if param is None else param.dtype  # (a mixed-type kernel's: float's)
        return (layout.output_like(gi, ct, x) if self.next_functions[0][0] else None,  # (x's suggested format)
                fresh((dotp * rs).astype(dt).astype(pt.np), pt) if self.next_functions[1][0] else None,
                fresh(total.astype(dt).astype(pt.np), pt) if self.next_functions[2][0] else None)


    def _reduced_loop_grads(self, g, x, w, rm, rv, mean, invstd):
        """A half or bfloat16 input with parameters of its type, not both laid out densely alike
        (batch_norm_backward_cpu_template's loop): every operation of c10::Half (BFloat16) rounds to the type;
        at::sum of the gradient, the dot product of (x - mean) and dy summed in float in memory order, then
        k = dotp * invstd * invstd / n and dx = (dy - sum / n - (x - mean) * k) * invstd * w step by step."""
        r, f, c = dtypes.rounding(x.dtype), _F32, x._shape[1]
        count = f(x.numel() // c)
        if self.training:
            mu, rs = mean._np.astype(f), invstd._np.astype(f)
        else:  # (1 / std::sqrt(running_var + eps) in double, held in the type)
            mu, rs = rm._np.astype(f), r((1 / np.sqrt(rv._np.astype(np.float64) + self.eps)).astype(f))
        wv = w._np.astype(f) if w is not None else np.ones(c, f)
        order = _memory_order(x)
        xo = np.transpose(x._np, order).astype(f)
        go = np.transpose(g._np, order).astype(f)
        shape = (c,) + (1,) * (x.dim() - 1)
        total = r(kernels.cascade_sum(np.asarray(g._np).astype(f), (0,) + tuple(range(2, g.dim()))).reshape(c))
        centred = r(xo - mu.reshape(shape))
        dotp = np.cumsum(r(centred * go).reshape(c, -1), axis=1, dtype=f)[:, -1]
        if self.training:
            k = r(r(r(r(dotp) * rs) * rs) / count).reshape(shape)
            v = r(r(go - r(total / count).reshape(shape)) - r(centred * k))
        else:
            v = go
        gi = r(r(v * rs.reshape(shape)) * wv.reshape(shape))
        gi = np.transpose(gi, np.argsort(order)).astype(x.dtype.np)
        pt = x.dtype
        return (layout.output_like(gi, pt, x) if self.next_functions[0][0] else None,
                fresh(r(dotp * rs).astype(pt.np), pt) if self.next_functions[1][0] else None,
                fresh(total.astype(pt.np), pt) if self.next_functions[2][0] else None)

    def _mixed_grads(self, g, x, w, rm, rv, mean, invstd):
        """A half or bfloat16 input with float32 parameters, channels first
        (batch_norm_cpu_backward_channels_first_impl<scalar_t, float>): per channel, dy and (x - mean) * dy summed
        in float (16 elements a step into eight lanes, the rest one by one, the lanes folded last), then
        dx = (dy - sum / N - (x - mean) * k) * (invstd * w) in float, rounded once; weight's and bias's gradients
        dotp * invstd and sum, in float."""
        f = _F32
        n, c = x._shape[0], x._shape[1]
        xs = x._np.astype(f).reshape(n, c, -1)
        gs = g._np.astype(f).reshape(n, c, -1)
        size = xs.shape[2]
        if self.training:
            mu, rs = mean._np.astype(f), invstd._np.astype(f)
        else:
            mu = rm._np.astype(f)
            rs = (1 / np.sqrt(rv._np.astype(np.float64) + self.eps)).astype(f)
        centred = (xs - mu[None, :, None]).astype(f)
        prods = (centred * gs).astype(f)
        full = size - size % 16
        total, dotp = np.zeros(c, f), np.zeros(c, f)
        lanes_sum, lanes_dotp = np.zeros((c, 8), f), np.zeros((c, 8), f)
        for b in range(n):
            for d in range(0, full, 8):
                lanes_sum = lanes_sum + gs[b, :, d:d + 8]
                lanes_dotp = lanes_dotp + prods[b, :, d:d + 8]
            for d in range(full, size):
                total = total + gs[b, :, d]
                dotp = dotp + prods[b, :, d]
        for lanes, acc in ((lanes_sum, "total"), (lanes_dotp, "dotp")):
            while lanes.shape[1] > 1:
                half = lanes.shape[1] // 2
                lanes = lanes[:, :half] + lanes[:, half:]
            if acc == "total":
                total = total + lanes[:, 0]
            else:
                dotp = dotp + lanes[:, 0]
        scale = (rs * (w._np.astype(f) if w is not None else f(1))).astype(f)[None, :, None]
        if self.training:
            k = (dotp * rs * rs / f(n * size)).astype(f)[None, :, None]
            dx = ((gs - (total / f(n * size)).astype(f)[None, :, None]) - centred * k) * scale
        else:
            dx = gs * scale
        gi = dtypes.rounding(x.dtype)(dx.astype(f)).astype(x.dtype.np).reshape(x._shape)
        return (fresh(gi, x.dtype) if self.next_functions[0][0] else None,
                fresh((dotp * rs).astype(f), dtypes.float32) if self.next_functions[1][0] else None,
                fresh(total, dtypes.float32) if self.next_functions[2][0] else None)


def _batch_norm_grads(g, x, w, rm, rv, training, eps):
    """native_batch_norm_backward in differentiable ops (training: the batch statistics recomputed from x, so that
    the gradient of the gradient follows them): the gradients of input, weight and bias."""
    dims = (0,) + tuple(range(2, x.dim()))
    shape = (1, x._shape[1]) + (1,) * (x.dim() - 2)
    if training:
        mu = x.mean(dims, keepdim=True)
        rstd = (x.var(dims, correction=0, keepdim=True) + eps).rsqrt()
    else:
        mu, rstd = rm.reshape(shape), (rv.reshape(shape) + eps).rsqrt()
    xhat = (x - mu) * rstd
    gx = g if w is None else g * w.reshape(shape)
    if training:
        dx = rstd * (gx - gx.mean(dims, keepdim=True) - xhat * (gx * xhat).mean(dims, keepdim=True))
    else:
        dx = gx * rstd
    return dx, (g * xhat).sum(dims), g.sum(dims)


def _kernel_operands(x, g):
    """Whether ATen's batch_norm backward hands x and the gradient to its kernels: both contiguous in a memory
    format, the same one suggested (batch_norm_backward_cpu_template's all_contiguous; an expanded gradient, as
    sum()'s, is not)."""
    return _dense(x) and _dense(g) and layout.suggest_memory_format(x) is layout.suggest_memory_format(g)


def _by_rows(t):
    """Whether ATen's batch_norm kernels take t as rows of channels (its channels-last kernels): t contiguous with
    one element per channel and image ((N, C), (N, C, 1, 1)), or channels_last (channels_last_3d) and not
    contiguous."""
    if t.is_contiguous():
        return t.dim() <= 2 or int(np.prod(t._shape[2:])) == 1
    return t.dim() in (4, 5) and t.is_contiguous(memory_format=CHANNELS_LAST if t.dim() == 4 else CHANNELS_LAST_3D)


def _sums_by_rows(centred, gs, dt):
    """An (N, C) or (N, C, 1, 1) input or a channels_last one, as rows of channels: (sum of dy, sum of (x - mean) *
    dy) per channel (batch_norm_cpu_backward_channels_last_impl)."""
    rows_x, rows_g = centred[:, :, 0].T, gs[:, :, 0].T
    return _threads_total(_thread_sums(rows_g, None, dt), dt), _threads_total(_thread_sums(rows_x, rows_g, dt), dt)


def _thread_sums(a, b, dt):
    """The buffers of PyTorch's threads, each summing its share of the rows of a (rows, C) in the input's type as
    the channels-last kernels add them: a's rows (b None), or a * b fused onto the sum."""
    n = a.shape[0]
    chunk = -(-n // min(kernels.num_threads(), n))
    loop = getattr(kernels.compiled, "fma_rows", None) if dt in (np.float32, np.float64) else None
    parts = []
    for start in range(0, n, chunk):
        share = a[start:start + chunk]
        if b is None:
            parts.append(np.cumsum(share, axis=0, dtype=dt)[-1])  # (one row after another)
            continue
        acc = np.zeros(a.shape[1], dt)
        if loop is not None:
            loop(np.ascontiguousarray(share), np.ascontiguousarray(b[start:start + chunk]), acc)
        else:
            for row_a, row_b in zip(share, b[start:start + chunk]):
                acc = kernels.fma(row_a, row_b, acc) if dt in (np.float32, np.float64) else (acc + row_a * row_b
                                                                                             ).astype(dt)
        parts.append(acc)
    return parts


def _threads_total(parts, dt):
    """The threads' buffers added in order in ATen's accumulator (double), rounded to the input's type."""
    return np.cumsum(np.array(parts, np.float64), axis=0)[-1].astype(dt)


def _reduce_all(v, dt, factor=None):
    """vec::reduce_all(+) over the last axis: 32-byte vectors (8 floats, 4 doubles) accumulated, then folded (a
    float32 vector by a tree, a double's lanes in order, a short row lane by lane). With a factor,
    vec::map2_reduce_all of v * factor as batch_norm's compiled kernel rounds it (measured): whole vectors'
    products rounded and added, the partial last vector's fused onto the accumulator, a short row's products
    rounded and added lane by lane."""
    size, lanes = v.shape[-1], 4 if np.dtype(dt) == np.float64 else 8
    if factor is not None and (size < lanes or size % lanes == 0):
        v, factor = (v * factor).astype(dt), None
    if size < lanes:
        acc = v[..., 0]
        for i in range(1, size):
            acc = (acc + v[..., i]).astype(dt)
        return acc
    full = size - size % lanes
    acc = v[..., :lanes] if factor is None else (v[..., :lanes] * factor[..., :lanes]).astype(dt)
    for d in range(lanes, full, lanes):
        acc = (acc + (v[..., d:d + lanes] if factor is None else
                      (v[..., d:d + lanes] * factor[..., d:d + lanes]).astype(dt))).astype(dt)
    if size > full:
        acc, r = acc.copy(), size - full
        if factor is None:
            acc[..., :r] = (acc[..., :r] + v[..., full:]).astype(dt)
        else:
            acc[..., :r] = kernels.fma(np.ascontiguousarray(v[..., full:]), np.ascontiguousarray(factor[..., full:]),
                                       np.ascontiguousarray(acc[..., :r]))
    if lanes == 4:
        return ((acc[..., 0] + acc[..., 1]) + acc[..., 2]) + acc[..., 3]
    acc = (acc[..., :4] + acc[..., 4:]).astype(dt)
    acc = (acc[..., :2] + acc[..., 2:]).astype(dt)
    return (acc[..., 0] + acc[..., 1]).astype(dt)


def _sums_by_images(centred, gs, dt):
    """An N-C-image input: per channel, each image's sum of dy (vec::reduce_all) and of (x - mean) * dy
    (vec::map2_reduce_all), the images' sums added in order into a double (ATen's acc_type: double for float
    too; batch_norm_cpu_backward_contiguous_impl)."""
    per_total, per_dotp = _reduce_all(gs, dt), _reduce_all(centred, dt, gs)  # (channel, image)
    acc = np.float64 if dt == _F32 else dt
    return (np.cumsum(per_total.astype(acc), axis=1)[:, -1], np.cumsum(per_dotp.astype(acc), axis=1)[:, -1])


def native_batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps):
    """torch.native_batch_norm: (output, save_mean, save_invstd), the statistics not differentiable (empty in
    evaluation mode); the kernel's own refusal of an empty input when training (at::batch_norm does not reach it)."""
    if input.numel() == 0:
        if training:  # (the kernel reads the channels first: a 1-d input's IndexError; evaluation's empty result
            input.size(1)  # reads no size)
            raise runtime(f"input tensor must have at least one element, but got input_sizes = {list(input._shape)}")
        with autograd.no_grad():
            out, mean, invstd = input.clone(), input.new_empty(0), input.new_empty(0)
        if needs_grad(input, weight, bias):
            attach(out, NativeBatchNormBackward0(input, weight, bias, running_mean, running_var, mean, invstd,
                                                  training, eps))
        return out, mean, invstd
    return batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps, stats=True)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5,
               stats=False):
    if input.numel() == 0:  # (ATen's _batch_norm_impl_index: a clone, scaled and shifted by the first elements,
        out = input.clone()  # C++'s weight[0]: select's error for an empty one, an instance norm's of no batch;
        if weight is not None:  # the channels are not read, an empty 1-d input's too)
            out = out * weight.select(0, 0)
        return out + bias.select(0, 0) if bias is not None else out
    if input.dim() < 2 and not stats and not training and running_mean is None:  # (its next check, before the
        raise runtime("running_mean must be defined in evaluation mode")  # kernel reads the channels)
    c = input.size(1)  # (a 1-d input's IndexError)
    if stats:  # (native_batch_norm's kernel: the dispatch and the mixed types checked first, sizes not at all)
        check_floating("batch_norm", input)
        mixed = check_mixed_dtype(input, weight, bias, running_mean, running_var)
    for name, t in (("running_mean", running_mean), ("running_var", running_var), ("weight", weight), ("bias", bias)):
        if t is not None and t.numel() != c:
            raise runtime(f"{name} should contain {c} elements not {t.numel()}")
        if t is None and not training and name.startswith("running"):
            raise runtime(f"{name} must be defined in evaluation mode")
    for name, t in (("running_mean", running_mean), ("running_var", running_var)):
        check_no_requires_grad(t, name, "native_batch_norm")
    if (running_mean is None) != (running_var is None):
        raise value_error("running_mean and running_var must either both be None or neither be None")
    x = np.ascontiguousarray(input._np)
    if x.dtype == np.float16:  # (half: in float, as bfloat16, rounded once at the end)
        x = x.astype(_F32)
    dt = x.dtype
    axes = (0,) + tuple(range(2, x.ndim))
    count = x.size // c
    if not stats:
        check_floating("batch_norm", input)
        mixed = check_mixed_dtype(input, weight, bias, running_mean, running_var)
    shape = (1, c) + (1,) * (x.ndim - 2)
    strided = not _dense(input)  # (ATen's non-contiguous path: its own statistics and transform)
    if training and strided:
        mean, invstd = _strided_stats(input, c, count, dtypes.float32 if mixed else input.dtype, momentum, eps,
                                      running_mean, running_var)
        use_mean, use_invstd = mean, invstd
    elif training:
        xc = np.moveaxis(x, 1, 0).reshape(c, -1)
        mean, var_sum = (_stats_by_rows if _by_rows(input) else _stats_by_images)(xc, dt)  # (xc's columns: the
        # rows of a channels_last input in memory order, n then its pixels)
        # var_sum / n and var_sum / (n - 1) divide in float (the accessor's type); the running statistics are
        # updated in float too (momentum and 1 - momentum rounded; both 100% bit for bit, measured)
        # (a bfloat16 input with parameters of its type: mean, the squares' sum and invstd kept in that type, as
        # the kernel's tensors, and the running statistics in its arithmetic; a half one's statistics and updates
        # are float's, as a mixed kernel's, rounded once when stored: measured, 300 of 300 each)
        stored = dtypes.rounding(input.dtype) if input.dtype is dtypes.bfloat16 and not mixed else None
        invstd = (1 / np.sqrt((var_sum / dt.type(count)).astype(dt).astype(np.float64) + eps)).astype(dt)
        m = dt.type(momentum)  # (ATen's momentum_ and 1 - momentum_, in the parameter's type)
        if stored is not None:
            mean, var_sum = stored(mean), stored(var_sum)
            _stats_update(stored, mean, var_sum, count, momentum, running_mean, running_var)
            invstd = stored((1 / np.sqrt(_over(stored, var_sum, count).astype(np.float64) + eps)).astype(dt))
        else:
            if running_mean is not None:
                _update(running_mean, m * mean.astype(dt) + (dt.type(1) - m) * running_mean._np)
            if running_var is not None:  # (float32: momentum * unbiased_var fused onto the other product, measured)
                unbiased = (var_sum / dt.type(count - 1)).astype(dt)
                rest = ((dt.type(1) - m) * running_var._np).astype(dt)
                _update(running_var, kernels.fma(np.full(c, m), unbiased, rest) if dt == _F32 else
                        m * unbiased + rest)
        if input.dtype is dtypes.float16 and not mixed:  # (the transform reads the saved statistics, in half)
            mean, invstd = dtypes.to_float16(mean.astype(dt)), dtypes.to_float16(invstd)
        use_mean, use_invstd = mean, invstd
    else:
        use_mean = running_mean._np
        use_invstd = (1 / np.sqrt(running_var._np + dt.type(eps))).astype(dt)
        if strided and input.dtype.itemsize == 2 and not mixed:  # (1 / at::sqrt(running_var + eps): three ops
            r = dtypes.rounding(input.dtype)  # of the half type, each rounded)
            use_invstd = r(1 / r(np.sqrt(r(running_var._np + dt.type(eps)))))
        mean = invstd = np.zeros(0, dt)
    wv = weight._np if weight is not None else np.ones(c, dt)
    bv = bias._np if bias is not None else np.zeros(c, dt)
    alpha = (use_invstd * wv).astype(dt)
    if strided:  # (cpu_kernel's ((input - mean) * invstd) * weight + bias, each step in the parameter's type)
        step = dtypes.rounding(input.dtype) if input.dtype.itemsize == 2 and not mixed else (lambda v: v.astype(dt))
        y = _strided_transform(x.astype(dt), [v.astype(dt).reshape(shape) for v in (use_mean, use_invstd, wv, bv)],
                               step)
    elif dt in (np.float32, np.float64):  # bias - mean * alpha, then x * alpha + beta: both contracted into FMAs in
        fma = _fma_of(dt.type)  # PyTorch's kernel
        beta = fma(-use_mean.astype(dt), alpha, bv)
        y = fma(x, alpha.reshape(shape), beta.reshape(shape))
    else:
        beta = (bv - use_mean * alpha).astype(dt)
        y = (x * alpha.reshape(shape) + beta.reshape(shape)).astype(dt)
    out = layout.output_like(y.astype(input.dtype.np), input.dtype, input)  # (empty_like(input,
    # input.suggest_memory_format()))
    grad = needs_grad(input, weight, bias)
    if grad or stats:
        saved = dtypes.float32 if mixed else input.dtype  # (a mixed-type kernel's statistics are float's)
        mean = fresh(np.ascontiguousarray(mean).astype(saved.np), saved)
        invstd = fresh(np.ascontiguousarray(invstd).astype(saved.np), saved)
        if grad:
            attach(out, NativeBatchNormBackward0(input, weight, bias, running_mean, running_var, mean, invstd,
                                                  training, eps))
    return (out, mean, invstd) if stats else out


def _dense(t):
    """ATen's is_contiguous of batch_norm: contiguous, channels_last or channels_last_3d."""
    return t.is_contiguous() or (t.dim() in (4, 5) and t.is_contiguous(
        memory_format=CHANNELS_LAST if t.dim() == 4 else CHANNELS_LAST_3D))


def _memory_order(t):
    """The channel dim, then t's other dims from the outermost in memory to the innermost (a TensorIterator with
    dim 1 squashed walks each channel's elements so)."""
    return [1] + sorted((d for d in range(t.dim()) if d != 1), key=lambda d: -t._stride[d])


def _strided_stats(input, c, count, pdt, momentum, eps, running_mean, running_var):
    """batch_norm_cpu_update_stats_template's non-contiguous path: save_mean is at::mean over all dims but 1 (in
    the parameter's type), each channel's squared deviations summed in the accumulate type (double; float for half
    and bfloat16) in memory order, invstd = 1 / sqrt(var_sum / n + eps) in double, and the running statistics
    updated with the double momentum: (mean, invstd) as the parameter's type holds them."""
    from .ops.reductions import _mean_values
    mean = np.asarray(_mean_values(input, (0,) + tuple(range(2, input.dim())), False, pdt)._np)
    acc = np.float32 if input.dtype.itemsize == 2 else np.float64
    xs = np.transpose(input._np, _memory_order(input)).reshape(c, -1).astype(acc)
    m = mean.astype(acc)
    d = (xs - m[:, None]).astype(acc)
    var_sum = np.cumsum((d * d).astype(acc), axis=1)[:, -1] if count else np.zeros(c, acc)
    invstd = 1 / np.sqrt((var_sum / acc(count)).astype(acc).astype(np.float64) + eps)
    if running_mean is not None:
        _update(running_mean, momentum * m.astype(np.float64) + (1 - momentum) * running_mean._np.astype(np.float64))
    if running_var is not None:
        unbiased = (var_sum / acc(count - 1)).astype(acc).astype(np.float64)
        _update(running_var, momentum * unbiased + (1 - momentum) * running_var._np.astype(np.float64))
    held = np.float32 if pdt.itemsize == 2 else pdt.np
    stored = dtypes.rounding(pdt) if pdt.itemsize == 2 else (lambda v: v)
    return stored(mean.astype(held)), stored(invstd.astype(acc).astype(held))


def _strided_transform(x, params, step):
    """((x - mean) * invstd) * weight + bias, elementwise, each operation rounded by step (to the parameter's
    type: c10::Half's and BFloat16's operators round each result)."""
    mean, invstd, w, b = params
    return step(step(step(step(x - mean) * invstd) * w) + b)


def _over(stored, v, n):
    """c10::BFloat16 / int64_t: the count converted to the type, the quotient rounded to it."""
    return stored(v / stored(np.float32(n)))


def _stats_update(stored, mean, var_sum, count, momentum, running_mean, running_var):
    """The running statistics of a bfloat16 kernel with parameters of its type, in c10::BFloat16 arithmetic as
    batch_norm_cpu_update_stats_template writes them: momentum_ is the type's, each product and
    sum of two of the type rounded to it; momentum_ * unbiased_var is a float (the quotient rounded first) and
    the other product is added to it in float, rounded once when stored."""
    m = stored(np.float32(momentum))
    rest = stored(np.float32(1) - m)
    if running_mean is not None:
        _update(running_mean, stored(stored(m * mean) + stored(rest * running_mean._np)))
    if running_var is not None:
        unbiased = _over(stored, var_sum, count - 1)
        _update(running_var, stored(m * unbiased + stored(rest * running_var._np)))


def _stats_by_images(xc, dt):
    """(mean, sum of squared deviations) per channel: a double accumulator element by element, the squares
    taken in float (batch_norm_cpu_collect_stats_contiguous_impl)."""
    count = xc.shape[1]
    sums = np.zeros(xc.shape[0])
    for k in range(count):
        sums += xc[:, k]
    mean = (sums / count).astype(dt)
    d = (xc - mean[:, None]).astype(dt)
    sq = (d * d).astype(dt)
    var_sum = np.zeros(xc.shape[0])
    for k in range(count):
        var_sum += sq[:, k]
    return mean, var_sum.astype(dt)


def _stats_by_rows(xc, dt):
    """(mean, sum of squared deviations) of an (N, C) or (N, C, 1, 1) input or a channels_last one, as rows of
    channels (batch_norm_cpu_collect_stats_channels_last_impl): each thread's rows summed in the input's type
    (squares fused), the threads' sums added in double."""
    rows = xc.T
    n = rows.shape[0]
    mean = (np.cumsum(np.array(_thread_sums(rows, None, dt), np.float64), axis=0)[-1] / n).astype(dt)
    d = (rows - mean).astype(dt)
    return mean, _threads_total(_thread_sums(d, d, dt), dt)


def _update(buffer, values):
    """A running statistic written in place by the kernel: journaled for undo, no version bump (as PyTorch)."""
    from . import undo
    undo.touch(buffer._storage)
    buffer._np[...] = dtypes.to_bfloat16(values) if buffer.dtype is dtypes.bfloat16 else values


class NativeGroupNormBackward0(Node):
    __slots__ = ("groups", "eps", "shape")
    saved_names = ("input", "weight", "result1", "result2")  # (its mean and rstd print with grad_fn in PyTorch)
    saved_values = {"N": lambda n: n.shape[0], "C": lambda n: n.shape[1],
                    "HxW": lambda n: int(np.prod(n.shape[2:])), "group": "groups", "eps": "eps"}

    n_outputs = 3  # (the output, mean and rstd: a gradient reaching only the statistics is no gradient)

    def __init__(self, x, weight, bias, mean, rstd, groups, eps=1e-5):
        Node.__init__(self, (operand_edge(x), operand_edge(weight), operand_edge(bias)))
        self.groups, self.eps, self.shape = groups, eps, x._shape
        mean._grad_fn, mean._output_nr, rstd._grad_fn, rstd._output_nr = self, 1, self, 2
        self.saved = (SavedTensor(x), SavedTensor(weight) if weight is not None else NOTHING_SAVED,
                      SavedTensor(mean, is_output=True), SavedTensor(rstd, is_output=True))

    def backward(self, grads):
        g = grads[0]
        if g is None:
            return (None,) * 3
        x, w, mean, rstd = self.unpack()
        if x._np.size == 0:  # (an empty batch: empty input gradient, zero parameter gradients)
            zeros = [fresh(np.zeros(shape, x.dtype.np), x.dtype) for shape in (x._shape, x._shape[1:2], x._shape[1:2])]
            return tuple(z if edge[0] else None for z, edge in zip(zeros, self.next_functions))
        if autograd._grad_enabled[0]:  # create_graph: PyTorch composes it of ops (a view of c1 * dy + c2 * x + c3)
            return self._recorded_backward(g, x, w)
        if x.dtype.np in (_F32, np.float64) or x.dtype is dtypes.float16:  # (half: in float, as bfloat16)
            return self._float_backward(g, x, w, mean, rstd)
        n, c = x._shape[:2]
        gr = self.groups
        xn = x._np.reshape(n, c, -1).astype(np.float64)
        gn = g._np.reshape(n, c, -1).astype(np.float64)
        mu = np.repeat(mean._np.reshape(n, gr).astype(np.float64), c // gr, axis=1)[:, :, None]
        rs = np.repeat(rstd._np.reshape(n, gr).astype(np.float64), c // gr, axis=1)[:, :, None]
        xhat = (xn - mu) * rs
        wv = w._np.astype(np.float64)[None, :, None] if w is not None else 1.0
        gx = (gn * wv).reshape(n, gr, -1)
        xh = xhat.reshape(n, gr, -1)
        dx = (gx - gx.mean(2, keepdims=True) - xh * (gx * xh).mean(2, keepdims=True)).reshape(n, c, -1) * rs
        dt = x.dtype
        return (layout.output_like(dx.reshape(x._shape).astype(dt.np), dt, x) if self.next_functions[0][0] else None,
                fresh((gn * xhat).sum((0, 2)).astype(dt.np), dt) if self.next_functions[1][0] else None,
                fresh(gn.sum((0, 2)).astype(dt.np), dt) if self.next_functions[2][0] else None)


    def _recorded_backward(self, g, x, w):
        """The kernel's formula in differentiable ops, per (sample, group) of D channels of HxW elements:
        c2 = (db * mean - ds) * rstd^3 / (D * HxW), c3 = -c2 * mean - db * rstd / (D * HxW), dx = c1 * dy + c2 * x
        + c3 with c1 = rstd * gamma, viewed back to x's shape; dgamma, dbeta summed over the batch. The statistics
        are recomputed from x, so that the gradient of the gradient follows them."""
        n, c = x._shape[:2]
        gr = self.groups
        s = 1.0 / ((c // gr) * int(np.prod(x._shape[2:])))
        dy, xv = g.reshape(n, c, -1), x.reshape(n, c, -1)
        ds, db = (dy * xv).sum(2), dy.sum(2)  # (n, c)
        xg = x.reshape(n, gr, -1)
        mu, rs = xg.mean(2, keepdim=True), (xg.var(2, correction=0, keepdim=True) + self.eps).rsqrt()
        wv = w.reshape(1, c) if w is not None else None
        dsg = (ds if wv is None else ds * wv).reshape(n, gr, -1).sum(2, keepdim=True)
        dbg = (db if wv is None else db * wv).reshape(n, gr, -1).sum(2, keepdim=True)
        c1 = rs.expand(n, gr, c // gr).reshape(n, c, 1)
        if wv is not None:
            c1 = c1 * wv.reshape(1, c, 1)
        c2 = (dbg * mu - dsg) * rs * rs * rs * s
        c3 = -c2 * mu - dbg * rs * s
        per_group = (lambda t: t.expand(n, gr, c // gr).reshape(n, c, 1))
        dx = (dy * c1 + xv * per_group(c2) + per_group(c3)).view(x._shape)
        xhat = (xv - per_group(mu)) * per_group(rs)
        return (dx if self.next_functions[0][0] else None,
                (dy * xhat).sum((0, 2)).view(c) if self.next_functions[1][0] else None,
                db.sum(0).view(c) if self.next_functions[2][0] else None)

    def _float_backward(self, g, x, w, mean, rstd):
        """GroupNormBackwardKernelImpl in float (a reduced input's too) or double: ds, db per (sample, channel) by vec::reduce_all; per group their
        gamma-weighted sums, c2 = (db * mean - ds) * rstd^3 / (D * HxW), c3 = -c2 * mean - db * rstd / (D * HxW),
        dx = c1 * dy + c2 * x + c3 with c1 = rstd * gamma; dgamma/dbeta summed over the batch (fused as measured:
        dgamma bit for bit, dx 99.9%: c3's -db * rstd * s fused onto the rounded -c2 * mean)."""
        n, c = x._shape[:2]
        gr = self.groups
        d = c // gr
        T = np.float64 if x.dtype is dtypes.float64 else _F32
        fma = _fma_of(T)
        xs = np.ascontiguousarray(x._np, dtype=T).reshape(n, c, -1)
        dy = np.ascontiguousarray(g._np, dtype=T).reshape(n, c, -1)
        hw = xs.shape[2]
        ds = _reduce_all((dy * xs).astype(T), T).reshape(n, gr, d)
        db = _reduce_all(dy, T).reshape(n, gr, d)
        gam = w._np.astype(T).reshape(gr, d) if w is not None else np.ones((gr, d), T)
        m, r = mean._np.astype(T).reshape(n, gr), rstd._np.astype(T).reshape(n, gr)
        dt = x.dtype
        pt = dt if w is None else w.dtype  # (float32 parameters of a reduced input: float's gradients)
        out = [None, None, None]
        if self.next_functions[0][0]:
            ds_val, db_val = _gamma_sum(ds, gam), _gamma_sum(db, gam)
            s = T(T(1) / T(d * hw))
            c2 = ((((fma(db_val, m, -ds_val) * r).astype(T) * r).astype(T) * r).astype(T) * s).astype(T)
            c3 = fma(-(db_val * r).astype(T), np.full_like(m, s), (-c2 * m).astype(T))  # (-c2 * mean rounded first)
            c1 = (r[:, :, None] * gam[None]).astype(T)[..., None]
            xr, dyr = xs.reshape(n, gr, d, hw), dy.reshape(n, gr, d, hw)
            dx = (fma(c1, dyr, (c2[:, :, None, None] * xr).astype(T)) + c3[:, :, None, None]).astype(T)
            if dt.itemsize == 2:
                dx = dtypes.rounding(dt)(dx).astype(dt.np)
            out[0] = layout.output_like(dx.reshape(x._shape), dt, x)  # (x's suggested format)
        if self.next_functions[1][0] or self.next_functions[2][0]:
            mm, rr = np.repeat(m, d, axis=1), np.repeat(r, d, axis=1)
            dsf, dbf = ds.reshape(n, c), db.reshape(n, c)
            dgamma, dbeta = np.zeros(c, T), np.zeros(c, T)
            for k in range(n):
                dgamma = fma(fma(-dbf[k], mm[k], dsf[k]), rr[k], dgamma)
                dbeta = (dbeta + dbf[k]).astype(T)
            out[1] = fresh(dgamma.astype(pt.np), pt) if self.next_functions[1][0] else None
            out[2] = fresh(dbeta.astype(pt.np), pt) if self.next_functions[2][0] else None
        return tuple(out)


def _gamma_sum(v, gam):
    """GroupNormInputBackward's per-group sum of v * gamma over a group's D channels (v: (N, G, D) float32 or
    float64): CalcDsDb's lanes (8 floats, 4 doubles) over the channels in whole vectors (fused multiply-adds),
    std::accumulate of the lanes in order from 0, then the channels left over fused one by one (measured)."""
    n, gr, d = v.shape
    T = v.dtype.type
    fma, width = _fma_of(T), 8 if T is _F32 else 4
    inner = d - d % width
    out = np.zeros((n, gr), T)
    if inner:
        lanes = np.zeros((n, gr, width), T)
        for j in range(0, inner, width):
            lanes = fma(v[:, :, j:j + width], np.broadcast_to(gam[None, :, j:j + width], lanes.shape), lanes)
        for lane in range(width):
            out = (out + lanes[:, :, lane]).astype(T)
    for j in range(inner, d):
        out = fma(v[:, :, j], np.broadcast_to(gam[None, :, j], out.shape), out)
    return out


def check_group_norm_inputs(input, weight, bias, c, num_groups):
    if num_groups <= 0:
        raise runtime(f"Expected num groups to be greater than 0, got {num_groups}")
    if c % num_groups:
        raise runtime(f"Expected number of channels in input to be divisible by num_groups, but got input of shape "
                      f"{list(input._shape)} and num_groups={num_groups}")
    for name, t in (("weight", weight), ("bias", bias)):
        if t is not None and (t.dim() != 1 or t.numel() != c):
            shown = t if name == "weight" else weight  # (ATen's bias message shows the weight's shape)
            raise runtime(f"Expected {name} to be a vector of size equal to the number of channels in input, but "
                          f"got {name} of shape {list(shown._shape) if shown is not None else [0]} and input of "
                          f"shape {list(input._shape)}")


def native_group_norm(input, weight, bias, N, C, HxW, group, eps):
    """torch.native_group_norm: (output, mean, rstd), ATen's kernel reading the input as (N, C, HxW) after the
    checks with the C given."""
    check_group_norm_inputs(input, weight, bias, C, group)
    if input.dim() < 2 or (N, C, HxW) != (input._shape[0], input._shape[1], int(np.prod(input._shape[2:]))):
        raise runtime("tensorsh: native_group_norm with N, C, HxW other than the input's sizes is not supported yet")
    return group_norm(input, group, weight, bias, eps, stats=True)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5, stats=False):
    """native_group_norm's CPU kernel (and its mean and rstd if stats): each (sample, group) row's RowwiseMoments,
    rstd = 1 / sqrt(max(var, 0) + eps); without affine (x - mean) * rstd, with it scale = rstd * gamma,
    bias = -scale * mean + beta and y = scale * x + bias per channel (float arithmetic; contracted as measured)."""
    n, c = input._shape[:2]
    check_group_norm_inputs(input, weight, bias, c, num_groups)
    mixed = check_mixed_dtype(input, weight, bias)
    check_floating("GroupNormKernelImpl", input)
    dt = np.dtype(_F32) if input.dtype is dtypes.float16 else input.dtype.np  # (half: in float, as bfloat16)
    inner = int(np.prod(input._shape[2:], dtype=np.int64))  # (sizes given: an empty batch has no -1 to infer)
    x = np.ascontiguousarray(input._np, dtype=dt).reshape(n * num_groups, c // num_groups * inner)
    mean, var = rowwise_moments(x)
    rstd = (1 / np.sqrt(np.maximum(var, 0).astype(np.float64) + eps)).astype(dt)  # (eps is a double there)
    if weight is None and bias is None:
        y = ((x - mean[:, None]).astype(dt) * rstd[:, None]).astype(dt)
    else:
        d = c // num_groups
        gamma = weight._np.astype(dt).reshape(num_groups, d) if weight is not None else np.ones((num_groups, d), dt)
        beta = bias._np.astype(dt).reshape(num_groups, d) if bias is not None else np.zeros((num_groups, d), dt)
        scale = (rstd.reshape(n, num_groups, 1) * gamma[None]).astype(dt)            # (n, groups, d)
        xs = x.reshape(n, num_groups, d, inner)
        fma = _fma_of(dt.type)  # (both contracted into FMAs in PyTorch's kernel, float and double: measured)
        shift = fma(-scale, mean.reshape(n, num_groups, 1), beta[None])
        y = fma(scale[..., None], xs, shift[..., None])
    out = layout.output_like(y.reshape(input._shape).astype(input.dtype.np), input.dtype, input)
    grad = needs_grad(input, weight, bias)
    if grad or stats:
        stats_type = dtypes.float32 if mixed else input.dtype  # (a mixed-type kernel's mean and rstd are float's)
        mean_t = fresh(np.ascontiguousarray(mean.reshape(n, num_groups)).astype(stats_type.np), stats_type)
        rstd_t = fresh(np.ascontiguousarray(rstd.reshape(n, num_groups)).astype(stats_type.np), stats_type)
    if grad:
        attach(out, NativeGroupNormBackward0(input, weight, bias, mean_t, rstd_t, num_groups, eps))
    return (out, mean_t, rstd_t) if stats else out

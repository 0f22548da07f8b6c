"""PyTorch's fused CPU optimizer kernels (_fused_sgd_, _fused_adam_, _fused_adamw_, _fused_adagrad_) as torch 2.13's AVX2 build runs
them: each tensor's elements in vectors of 8 floats with the kernel's fused multiply-adds, the last numel % 8 in
its scalar loop (whose compiled contractions differ), written in place without a version bump, as PyTorch's fused
ops leave versions alone. The contractions were measured against torch, bit for bit on float32 and on float64
(whose fused multiply-adds round once, kernels.fma64)."""
import numpy as np

from . import dtypes, kernels, undo

_F64 = np.float64


def _fma(a, b, c, dt):
    """a * b + c rounded once to dt (float32: the product is exact in double; float64: fma64's exact product)."""
    if dt == np.float32:
        return (np.asarray(a, _F64) * np.asarray(b, _F64) + np.asarray(c, _F64)).astype(dt)
    return kernels.fma64(*np.broadcast_arrays(np.asarray(a, dt), np.asarray(b, dt), np.asarray(c, dt)))


def _split(t):
    """(array, the dtype the kernel computes in, index where the scalar tail starts): Vectorized<float> is 8 wide,
    <double> 4; float16 and bfloat16 compute in float (their opmath type), 16 to a vector, each stored value
    rounded back (_write)."""
    a = t._np
    dt = a.dtype.type
    n = a.size
    if t.dtype.name in ("float16", "bfloat16"):
        return a, np.float32, n - n % 16
    return a, dt, n - n % (8 if dt == np.float32 else 4)


def _write(t, values):
    """Store values into t in place (journaled for undo) without a version bump, rounded to t's dtype."""
    undo.touch(t._storage)
    if t.dtype.name == "bfloat16":
        values = dtypes.to_bfloat16(values)
    t._np[...] = values.reshape(t._np.shape)


def _reduced_constant(name):
    """A float16/bfloat16 kernel's vector-loop constant, fVec(scalar_t(v)): v rounded to that dtype, then widened
    to float (their scalar tails take opmath_t(v), v rounded to float only)."""
    if name == "bfloat16":
        return lambda v: np.float32(dtypes.to_bfloat16(np.float32(v)))
    return lambda v: np.float32(np.float16(v))


def _reduced_sgd_vectors(param, grad, buf, nv, weight_decay, momentum, dampening, maximize, is_first_step):
    """torch 2.13's fused SGD vector loop for float16/bfloat16 (FusedSGDKernel.cpp's reduced sgd_math): it never
    stores the parameter (those elements keep their value), and past the first step it loads the momentum buffer as
    float vectors from the reduced buffer's bytes (fVec::loadu(momentum_buf_ptr + d) and + d + 8 elements): 16
    elements a chunk read as 8 floats from their 32 bytes and 8 from the 32 bytes 8 elements on; each chunk's update,
    in float with the constants rounded to the dtype (fused as the float kernel's), is stored rounded back. Bytes past the buffer read as zeros
    (PyTorch reads whatever memory follows)."""
    red = param.dtype.name
    c = _reduced_constant(red)
    G = grad._np.reshape(-1)[:nv].astype(np.float32)
    if maximize:
        G = G * np.float32(-1)
    if weight_decay != 0:
        G = _fma(param._np.reshape(-1)[:nv].astype(np.float32), c(weight_decay), G, np.float32)
    if momentum == 0:
        return None
    if is_first_step:
        return G
    old = buf._np.reshape(-1)  # (its 16-bit patterns: bfloat16 is held widened to float32, its upper half)
    raw = np.zeros(old.size + 16, np.uint16)
    raw[:old.size] = (old.astype(np.float32).view(np.uint32) >> 16) if red == "bfloat16" else old.view(np.uint16)
    M = np.empty(nv, np.float32)
    for d in range(0, nv, 16):
        loaded = np.concatenate([raw[d:d + 16].view(np.float32), raw[d + 8:d + 24].view(np.float32)])
        M[d:d + 16] = _fma(c(1 - dampening), G[d:d + 16], (loaded * c(momentum)).astype(np.float32), np.float32)
    return M


def fused_sgd_(params, grads, momentum_buffers, weight_decay, momentum, lr, dampening, nesterov, maximize,
               is_first_step):
    for i, (param, grad) in enumerate(zip(params, grads)):
        p, dt, nv = _split(param)
        if param.dtype.name in ("float16", "bfloat16") and nv:
            kept = p.reshape(-1)[:nv].astype(dt)
            vectors = _reduced_sgd_vectors(param, grad, momentum_buffers[i] if momentum != 0 else None, nv,
                                           weight_decay, momentum, dampening, maximize, is_first_step)
        p, g = p.reshape(-1).astype(dt), grad._np.reshape(-1).astype(dt)
        buf = momentum_buffers[i]._np.reshape(-1).astype(dt) if momentum != 0 else None
        c = dt
        for lo, hi, vector in ((0, nv, True), (nv, p.size, False)):
            P, G = p[lo:hi], g[lo:hi]
            if maximize:
                G = -G
            if weight_decay != 0:
                G = _fma(P, c(weight_decay), G, dt)
            if momentum != 0:
                if is_first_step:
                    M = G
                elif vector:
                    M = _fma(c(1 - dampening), G, (buf[lo:hi] * c(momentum)).astype(dt), dt)
                else:
                    M = _fma(buf[lo:hi], c(momentum), (G * c(1 - dampening)).astype(dt), dt)
                buf[lo:hi] = M
                G = _fma(M, c(momentum), G, dt) if nesterov else M
            p[lo:hi] = _fma(G, c(-lr), P, dt)
        if param.dtype.name in ("float16", "bfloat16") and nv:
            p[:nv] = kept
            if vectors is not None:
                buf[:nv] = vectors
        _write(param, p)
        if momentum != 0:
            _write(momentum_buffers[i], buf)


def fused_adam_(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps, lr, beta1, beta2, weight_decay, eps,
                amsgrad, maximize, adamw):
    for i, (param, grad) in enumerate(zip(params, grads)):
        p, dt, nv = _split(param)
        c = dt
        p, g = p.reshape(-1).astype(dt), grad._np.reshape(-1).astype(dt)
        m, v = exp_avgs[i]._np.reshape(-1).astype(dt), exp_avg_sqs[i]._np.reshape(-1).astype(dt)
        vmax = max_exp_avg_sqs[i]._np.reshape(-1).astype(dt) if amsgrad else None
        step = float(steps[i]._np)
        bias_correction1 = 1 - beta1 ** step
        bias_correction2_sqrt = (1 - beta2 ** step) ** 0.5
        step_size = lr / bias_correction1
        w, w2 = c(1 - beta1), c(1 - beta2)
        for lo, hi, vector in ((0, nv, True), (nv, p.size, False)):
            P, G, M, S = p[lo:hi], g[lo:hi], m[lo:hi], v[lo:hi]
            if maximize:
                G = -G
            if weight_decay != 0:
                if adamw:
                    P = (P * c(1 - lr * weight_decay)).astype(dt)
                else:
                    G = _fma(P, c(weight_decay), G, dt)
            diff = (G - M).astype(dt)  # exp_avg.lerp_(grad, 1 - beta1), as Vectorized's lerp
            M = _fma(w, diff, M, dt) if abs(w) < 0.5 else _fma(c(w - 1), diff, G, dt)
            scaled = (w2 * G).astype(dt)  # (the vector loop and the scalar tail contract exp_avg_sq's update apart)
            S = _fma(scaled, G, (S * c(beta2)).astype(dt), dt) if vector else \
                _fma(S, c(beta2), (scaled * G).astype(dt), dt)
            base = S
            if amsgrad:
                base = vmax[lo:hi] = np.maximum(vmax[lo:hi], S)
            denom = ((np.sqrt(base) / c(bias_correction2_sqrt)).astype(dt) + c(eps)).astype(dt)
            p[lo:hi] = (P + ((c(-step_size) * M).astype(dt) / denom).astype(dt)).astype(dt)
            m[lo:hi], v[lo:hi] = M, S
        _write(param, p)
        _write(exp_avgs[i], m)
        _write(exp_avg_sqs[i], v)
        if amsgrad:
            _write(max_exp_avg_sqs[i], vmax)


def fused_adagrad_(params, grads, state_sums, steps, lr, lr_decay, weight_decay, eps, maximize):
    for i, (param, grad) in enumerate(zip(params, grads)):
        p, dt, nv = _split(param)
        p, g = p.reshape(-1).astype(dt), grad._np.reshape(-1).astype(dt)
        s = state_sums[i]._np.reshape(-1).astype(dt)
        clr = lr / (1 + (float(steps[i]._np) - 1) * lr_decay)
        reduced = param.dtype.name in ("float16", "bfloat16")
        for lo, hi, c in ((0, nv, _reduced_constant(param.dtype.name) if reduced else dt), (nv, p.size, dt)):
            P, G = p[lo:hi], g[lo:hi]
            G = -G if maximize else G  # (the vector loop and the tail contract alike here)
            if weight_decay != 0:
                G = _fma(P, c(weight_decay), G, dt)
            s[lo:hi] = _fma(G, G, s[lo:hi], dt)
            std = (np.sqrt(s[lo:hi]) + c(eps)).astype(dt)
            p[lo:hi] = (P - ((c(clr) * G).astype(dt) / std).astype(dt)).astype(dt)
        _write(param, p)
        _write(state_sums[i], s)

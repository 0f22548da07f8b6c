"""F.scaled_dot_product_attention as ATen runs it on the CPU: its input checks, its choice between the fused flash
kernel (_scaled_dot_product_flash_attention_for_cpu: 4-D inputs of one batch and head count, no dropout, one head
size, a 2-D or 4-D mask that needs no gradient) and the composite math path (scaled q and k, matmul, mask added in
place, _safe_softmax, dropout, matmul). The flash kernel's arithmetic follows FlashAttentionKernel.cpp: scores
scaled after the product (mask added), the row's maximum, exp_u20 over blocks of eight lanes (the rest by expf),
the lanes' sum folded as AVX2 folds them, the unnormalised weights times value, times 1 / sum; its two matrix
products are the engine's (MKL's own order is not known for those calls: the last bits can differ)."""
import math

import numpy as np

from . import autograd, dtypes, kernels, layout, messages
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import runtime, type_error
from .tensorimpl import Tensor
from .ops.core import attach, fresh, needs_grad, type_name
from .ops.linalg import _matmul_np
from .ops.softmax import SoftmaxBackward0, softmax
from . import autocast
from .autocast import ACTIVE as AUTOCAST


class SafeSoftmaxBackward0(SoftmaxBackward0):
    saved_names, saved_values = ("result",), {"dim": "dim"}


def safe_softmax(x, dim):
    """ATen's _safe_softmax: softmax, with rows that are all -inf given zeros instead of nan."""
    d = x._wrap_dim(dim)
    with autograd.no_grad():
        values = softmax(x, d)._np
    rows = np.all(x._np == -np.inf, axis=d, keepdims=True)
    if rows.any():
        values = np.where(rows, x.dtype.np.type(0), values)
    out = fresh(values, x.dtype)
    if needs_grad(x):
        attach(out, SafeSoftmaxBackward0(x, out, d))
    return out


_F32 = np.float32
_REDUCED = (dtypes.float16, dtypes.bfloat16)
_U20 = tuple(_F32(c) for c in (0.999999701, 0.499991506, 0.166676521, 0.0418978221, 0.00828929059))
_LOG2E, _LN2, _LN_MIN, _LN_MAX = np.array([0x3fb8aa3b, 0x3f317218, 0xc2aeac50, 0x42b17218], np.uint32).view(_F32)


def _exp_u20(x):
    """Vectorized<float>::exp_u20 (AVX2): 2^n times a degree-5 polynomial of the remainder, every step one fused
    multiply-add; inputs below ln(FLT_MIN) give 0."""
    fma = kernels.fma
    src = np.maximum(np.minimum(x, _LN_MAX), _LN_MIN)
    fx = np.floor(fma(src, _LOG2E, _F32(0.5))).astype(_F32)
    r = fma(-fx, _LN2, src).astype(_F32)
    res = fma(r, _U20[4], _U20[3])
    for c in (_U20[2], _U20[1], _U20[0], _F32(1)):
        res = fma(r, res, c)
    two_n = np.ldexp(_F32(1), (fx - 1).astype(np.int32)).astype(_F32)
    two_n = np.where(x < _LN_MIN, _F32(0), two_n)
    return (res.astype(_F32) * two_n * _F32(2)).astype(_F32)


def _expf(x):
    return np.exp(x.astype(np.float64)).astype(x.dtype)


def _exp_reduce_sum(d, lanes):
    """_exp_reduce_sum_fusion_kernel over the last axis: exp of each (exp_u20 in blocks of `lanes`, expf after),
    the lanes' sums folded (AVX2's permute/shuffle order), then the rest added one by one."""
    n = d.shape[-1]
    full = n // lanes * lanes
    e = np.empty_like(d)
    if d.dtype == _F32:
        e[..., :full] = _exp_u20(d[..., :full])
    else:  # (double's exp_u20 is Sleef's exp)
        e[..., :full] = np.exp(d[..., :full])
    e[..., full:] = _expf(d[..., full:])
    acc = np.zeros(d.shape[:-1] + (lanes,), d.dtype)
    for i in range(0, full, lanes):
        acc = acc + e[..., i:i + lanes]
    while acc.shape[-1] > 1:
        half = acc.shape[-1] // 2
        acc = acc[..., :half] + acc[..., half:]
    total = acc[..., 0]
    for i in range(full, n):
        total = total + e[..., i]
    return e, total


def _flash_values(q, k, v, mask, is_causal, scale, reduced=None):
    """cpu_flash_attention's output and logsumexp for arrays (B, H, L, E), (B, H, S, E); mask (B|1, H|1, L|1, S|1)
    or None. kv blocks of 512, each row's running max and sum as the kernel keeps them. For a bfloat16 or half
    input (`reduced` its rounding; the arrays float32) the kernel accumulates in float and stores the exponentials
    in the input's type (qk_reduced_data) before their product with value."""
    dt = q.dtype
    lanes = 8 if dt == _F32 else 4
    B, H, L, E = q.shape
    S = v.shape[2]
    k = k[:, :, :S]
    sc = dt.type(scale if scale is not None else 1.0 / math.sqrt(E))
    neg = dt.type(-np.inf)
    row_max = np.full((B, H, L, 1), neg, dt)
    row_sum = np.zeros((B, H, L, 1), dt)
    dst = np.zeros((B, H, L, E), dt)
    block = 512
    for n in range(0, S, block):
        kb, vb = k[:, :, n:n + block], v[:, :, n:n + block]
        width = kb.shape[2]
        qk = _matmul_np(q, np.swapaxes(kb, -1, -2)).astype(dt)
        if is_causal:
            cols = np.arange(n, n + width)[None, :] > np.arange(L)[:, None]
            qk = np.where(cols, neg, qk)
        if mask is not None:
            m = np.broadcast_to(mask[..., n:n + width], qk.shape).astype(dt)
            full = width // lanes * lanes
            scaled = qk * sc
            qk = np.concatenate([scaled[..., :full] + m[..., :full],
                                 kernels.fma(qk[..., full:], sc, m[..., full:]).astype(dt)], axis=-1)
        else:
            qk = qk * sc
        tmp_max = np.maximum(np.max(qk, axis=-1, keepdims=True), row_max)
        dead = tmp_max == neg
        e, total = _exp_reduce_sum(np.where(dead, dt.type(0), qk - tmp_max), lanes)
        e = np.where(dead, dt.type(0), e)
        exp_tmp = _expf(np.where(dead, dt.type(0), row_max - tmp_max))
        new_sum = kernels.fma(exp_tmp, row_sum, total[..., None]).astype(dt)
        row_sum = np.where(dead, row_sum, new_sum)
        if n:
            dst = np.where(dead, dst, dst * exp_tmp)
        row_max = np.where(dead, row_max, tmp_max)
        pv = _matmul_np(np.ascontiguousarray(e if reduced is None else reduced(e)), vb).astype(dt)
        dst = pv if n == 0 else dst + pv
    row_max = np.where(row_max == neg, dt.type(0), row_max)
    row_sum = np.where(row_sum == 0, dt.type(1), row_sum)
    out = dst * (dt.type(1) / row_sum)
    lse = row_max[..., 0] + np.log(row_sum[..., 0].astype(np.float64)).astype(dt)
    return out.astype(dt), lse.astype(dt)


def _lane_dot(a, b, lanes):
    """vec::map2_reduce_all(x * y, x + y) over the last axis: lane sums (a short row: one lane after another),
    folded as _exp_reduce_sum folds them."""
    n = a.shape[-1]
    p = (a * b).astype(a.dtype)
    if n < lanes:
        total = p[..., 0]
        for i in range(1, n):
            total = total + p[..., i]
        return total
    acc = p[..., :lanes]
    full = n // lanes * lanes
    for i in range(lanes, full, lanes):
        acc = acc + p[..., i:i + lanes]
    if full < n:
        acc = np.concatenate([acc[..., :n - full] + p[..., full:], acc[..., n - full:]], axis=-1)
    while acc.shape[-1] > 1:
        half = acc.shape[-1] // 2
        acc = acc[..., :half] + acc[..., half:]
    return acc[..., 0]


class ScaledDotProductFlashAttentionForCpuBackward0(Node):
    __slots__ = ("dropout_p", "is_causal", "scale", "group")
    saved_names = ("query", "key", "value", "attn_mask", "output", "logsumexp")
    saved_values = {"dropout_p": "dropout_p", "is_causal": "is_causal", "scale": "scale"}

    def __init__(self, q, k, v, mask, out, lse, dropout_p, is_causal, scale):
        Node.__init__(self, (edge_of(q), edge_of(k), edge_of(v)))
        self.dropout_p, self.is_causal, self.scale, self.group = dropout_p, is_causal, scale, 1
        self.saved = (SavedTensor(q), SavedTensor(k), SavedTensor(v),
                      SavedTensor(mask) if mask is not None else NOTHING_SAVED,
                      SavedTensor(out, is_output=True), SavedTensor(lse))

    def backward(self, g):
        q, k, v, mask, out, lse = self.unpack()
        reduced = dtypes.rounding(q.dtype) if q.dtype.itemsize == 2 else None  # (bfloat16, half: in float)
        work = _F32 if reduced is not None else q._np.dtype
        qn, kn, vn, on, gn = (t._np.astype(work) for t in (q, k, v, out, g))
        dt = qn.dtype
        if self.group > 1:  # (grouped-query attention: each key/value head serves `group` query heads)
            kn, vn = np.repeat(kn, self.group, 1), np.repeat(vn, self.group, 1)
        S = vn.shape[2]
        kn = kn[:, :, :S]
        sc = dt.type(self.scale if self.scale is not None else 1.0 / math.sqrt(qn.shape[-1]))
        qk = _matmul_np(qn, np.swapaxes(kn, -1, -2)).astype(dt) * sc
        if self.is_causal:
            L = qn.shape[2]
            qk = np.where(np.arange(S)[None, :] > np.arange(L)[:, None], dt.type(-np.inf), qk)
        if mask is not None:
            qk = qk + mask._np.astype(dt)
        p = _expf(qk - lse._np[..., None].astype(dt))
        stored = (lambda x: x) if reduced is None else reduced  # (attn and grad_attn in the input's type before
        grad_v = _matmul_np(np.ascontiguousarray(np.swapaxes(stored(p), -1, -2)), gn).astype(dt)  # their products)
        dp = _matmul_np(gn, np.ascontiguousarray(np.swapaxes(vn, -1, -2))).astype(dt)
        ds = stored(p * (dp - _lane_dot(gn, on, 8 if dt == _F32 else 4)[..., None]))
        grad_q = _matmul_np(ds, kn).astype(dt) * sc
        grad_k = _matmul_np(np.ascontiguousarray(np.swapaxes(ds, -1, -2)), qn).astype(dt) * sc
        if self.group > 1:
            grad_k, grad_v = (x.reshape(x.shape[0], -1, self.group, *x.shape[2:]).sum(2, dtype=dt)
                              for x in (grad_k, grad_v))
        if grad_k.shape != k._shape:  # (a key longer than value: its extra rows get no gradient)
            grad_k = np.concatenate([grad_k, np.zeros(k._shape[:2] + (k._shape[2] - S,) + k._shape[3:], dt)], 2)
        if reduced is not None:
            grad_q, grad_k, grad_v = (reduced(x).astype(q.dtype.np) for x in (grad_q, grad_k, grad_v))
        return fresh(grad_q, q.dtype), fresh(grad_k, k.dtype), fresh(grad_v, v.dtype)


def _repeat_heads(t, heads):
    return t if t._shape[-3] == heads else t.repeat_interleave(heads // t._shape[-3], -3)


def flash_attention_for_cpu(q, k, v, mask, dropout_p, is_causal, scale, enable_gqa=False):
    if dropout_p != 0.0:
        raise runtime("scaled_dot_product_attention_flash_attention: Currently do not support dropout > 0")
    heads = q._shape[1]
    group = heads // k._shape[1] if enable_gqa else 1
    kn, vn = (np.repeat(k._np, group, 1), np.repeat(v._np, group, 1)) if group > 1 else (k._np, v._np)
    m = None if mask is None else mask._np
    if m is not None and m.ndim == 2:
        m = m[None, None]
    if q.dtype.is_floating_point and q.dtype.itemsize == 2:  # (bfloat16, half: accumulated in float)
        reduced = dtypes.rounding(q.dtype)
        qn, kn, vn = (a.astype(_F32) for a in (q._np, kn, vn))
        out, lse = _flash_values(qn, kn, vn, None if m is None else m.astype(_F32), is_causal, scale, reduced)
        output, logsumexp = layout.like(reduced(out).astype(q.dtype.np), q.dtype, q), fresh(lse, dtypes.float32)
    else:
        out, lse = _flash_values(q._np, kn, vn, m, is_causal, scale)
        output, logsumexp = layout.like(out, q.dtype, q), fresh(lse, q.dtype)  # (the output is empty_like(query))
    if needs_grad(q, k, v):
        node = ScaledDotProductFlashAttentionForCpuBackward0(q, k, v, mask, output, logsumexp, dropout_p, is_causal,
                                                             scale)
        node.group = group
        attach(output, node)
    return output


def _bool_mask(mask, dtype):
    """convert_boolean_attn_mask: a bool mask as 0 where it holds and -inf elsewhere, in the query's dtype."""
    if mask is None or mask.dtype is not dtypes.bool_:
        return mask
    return fresh(np.where(mask._np, dtype.np.type(0), dtype.np.type(-np.inf)), dtype)


def _use_flash(q, k, v, mask, dropout_p, enable_gqa):
    """use_flash_attention_cpp's gates, in its order (the mask's shape check reads size(-2) first)."""
    if dropout_p > 0.0:
        return False
    if not (q.dim() == k.dim() == v.dim() == 4):
        return False
    if not (q._shape[0] == k._shape[0] == v._shape[0]):
        return False
    hq, hk, hv = q._shape[1], k._shape[1], v._shape[1]
    if enable_gqa:
        if hk != hv:
            return False
        if hq % hk:
            raise runtime("Number of heads in key and value must divide the number of heads in ")
    elif not (hq == hk == hv):
        return False
    if mask is not None:
        if mask.requires_grad:
            return False
        rows, cols = mask.size(-2), mask.size(-1)
        if mask.dim() not in (2, 4) or rows not in (1, q._shape[2]) or cols not in (1, k._shape[2]):
            return False
        if mask.dim() == 4 and (mask._shape[0] not in (1, q._shape[0]) or mask._shape[1] not in (1, hq)):
            return False
    if not (q._shape[-1] == k._shape[-1] == v._shape[-1]):
        return False
    if 0 in (q._shape[2], k._shape[2], v._shape[2]):
        return False
    if q.dtype not in (dtypes.float32, dtypes.float64, dtypes.bfloat16, dtypes.float16):
        return False
    return q._stride[-1] == 1 and k._stride[-1] == 1 and v._stride[-1] == 1


def _math(q, k, v, mask, dropout_p, is_causal, scale, enable_gqa):
    """_scaled_dot_product_attention_math: engine ops in ATen's order (so its grad_fns). A half or bfloat16 query,
    key or value is taken to float first ("in high precision for accuracy") and the output back to the query's
    dtype (ToCopyBackward0s at both ends)."""
    from .sampling import dropout
    from .ops.scalar_arith import mul_scalar
    origin = q.dtype
    q, k, v = (t.to(dtypes.float32) if t.dtype in _REDUCED else t for t in (q, k, v))
    negative = scale is not None and scale < 0.0
    factor = math.sqrt(abs(scale) if negative else scale if scale is not None else 1.0 / math.sqrt(q._shape[-1]))
    scaled = mul_scalar if q.dtype.category == 2 else (lambda t, f: t * f)  # (a SymFloat: mul.Scalar, MulBackward1;
    # mul_scalar keeps the dtype, an integer input's product promotes)
    query = scaled(q, (0.0 - factor) if negative else factor)
    if is_causal:
        if mask is not None:
            raise runtime("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")
        L, S = query.size(-2), k.size(-2)
        mask = _bool_mask(fresh(np.tril(np.ones((L, S), bool)), dtypes.bool_), query.dtype)
    if enable_gqa:
        heads = q.size(-3)
        if heads % k.size(-3) or heads % v.size(-3):
            raise runtime("Number of heads in key and value must divide the number of heads in ")
        k, v = _repeat_heads(k, heads), _repeat_heads(v, heads)
    attn = query.matmul(scaled(k.transpose(-2, -1), factor))
    if mask is not None:
        attn = attn.add(mask) if mask.requires_grad else attn.add_(mask)
    attn = safe_softmax(attn, -1)
    if dropout_p > 0.0:
        if dropout_p > 1.0:
            raise runtime(f"dropout probability has to be between 0 and 1, but got {messages.cpp_double(dropout_p)}")
        attn = dropout(attn, dropout_p, True)
    return attn.matmul(v).to(origin)


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, *, scale=None,
                                 enable_gqa=False):
    if AUTOCAST[0]:
        return autocast.lower(scaled_dot_product_attention, query, key, value, attn_mask, dropout_p, is_causal,
                              scale=scale, enable_gqa=enable_gqa)
    for pos, (name, t) in enumerate((("query", query), ("key", key), ("value", value)), 1):
        if not isinstance(t, Tensor):
            raise type_error(f"scaled_dot_product_attention(): argument '{name}' (position {pos}) must be Tensor, "
                             f"not {type_name(t)}")
    if attn_mask is not None and not isinstance(attn_mask, Tensor):
        raise type_error(f"scaled_dot_product_attention(): argument 'attn_mask' (position 4) must be Tensor, not "
                         f"{type_name(attn_mask)}")
    c = dtypes.C_NAMES
    if not (query.dtype is key.dtype is value.dtype):
        raise runtime(f"Expected query, key, and value to have the same dtype, but got query.dtype: "
                      f"{c[query.dtype.name]} key.dtype: {c[key.dtype.name]} and value.dtype: {c[value.dtype.name]} "
                      f"instead.")
    if query.dim() < 2 or key.dim() < 2 or value.dim() < 2:
        raise runtime(f"Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: "
                      f"{query.dim()} key.dim: {key.dim()} and value.dim: {value.dim()} instead.")
    if attn_mask is not None and attn_mask.dtype not in (dtypes.bool_, dtypes.float32, query.dtype):
        raise runtime(f"Expected attn_mask dtype to be bool or float or to match query dtype, but got "
                      f"attn_mask.dtype: {c[attn_mask.dtype.name]} and  query.dtype: {c[query.dtype.name]} instead.")
    if 0 in (query.numel(), key.numel(), value.numel()):  # (ATen's answer for nothing to attend: zeros, kept in
        from .creation import zeros                         # the graph of every input)
        total = (query.sum() + key.sum() + value.sum()) * 0.0
        return zeros(*(query._shape[:-1] + value._shape[-1:]), dtype=query.dtype) + total
    flash = _use_flash(query, key, value, attn_mask, dropout_p, enable_gqa)
    mask = _bool_mask(attn_mask, query.dtype)
    if flash:
        if any(getattr(t, "_fw_grad", None) is not None for t in (query, key, value, attn_mask)):
            from .forward_ad import _unsupported  # (the fused kernel has no forward-AD formula)
            _unsupported("_scaled_dot_product_flash_attention_for_cpu")
        return flash_attention_for_cpu(query, key, value, mask, dropout_p, is_causal, scale, enable_gqa)
    return _math(query, key, value, mask, dropout_p, is_causal, scale, enable_gqa)

"""cdist: the p-norm distance of every row of x1 to every row of x2 (batched), by ATen's direct kernel
(CdistBackward0) or, for the 2-norm of more than 25 rows, by its matmul form composed of engine ops."""
import math

import numpy as np

from .. import autograd, dtypes, kernels
from ..autograd import Node, SavedTensor, edge_of
from ..composite_backward import undifferentiable
from ..errors import make, runtime, type_error
from .core import (SavingNode, Shaped, Tensor, attach, check_broadcast, check_broadcast_all, fresh, needs_grad,
                   type_name)
from .joining import cat
from ..autocast import fp32_op


def _direct(a, b, p):
    """ATen's run_parallel_cdist per pair: |a - b| mapped and added along the row in the tensors' type, then
    finished (sqrt, or pow(agg, 1.0 / p) in double). The 2-norm's loop is compiled as 16-byte blocks (4 floats,
    2 doubles) whose squares are rounded, then added in order, and a rest whose multiply-adds are fused (measured
    for every row length to 69)."""
    d = np.abs(a[..., :, None, :] - b[..., None, :, :])
    agg = np.zeros(d.shape[:-1], a.dtype)
    blocked = d.shape[-1] - d.shape[-1] % (16 // a.itemsize) if a.dtype != np.float16 else d.shape[-1]
    with np.errstate(all="ignore"):
        for k in range(d.shape[-1]):
            col = d[..., k]
            if p == 2:
                agg = agg + col * col if k < blocked else kernels.fma(col, col, agg)
            elif p == 1:
                agg = agg + col
            elif p == 0:
                agg = agg + (col != 0).astype(a.dtype)
            elif math.isinf(p):
                agg = np.maximum(agg, col)
            else:
                agg = agg + np.power(col.astype(np.float64), float(p)).astype(a.dtype)
        if p == 2:
            return np.sqrt(agg)
        if p in (0, 1) or math.isinf(p):
            return agg
        return np.power(agg.astype(np.float64), 1.0 / float(a.dtype.type(p))).astype(a.dtype)


class CdistBackward0(SavingNode):
    """PyTorch's _cdist_backward: each pair's gradient through its difference, summed over the other side."""
    __slots__ = ("p",)
    inputs, fields = 2, ("p",)
    saved_names, saved_values = ("x1", "x2", "result"), {"p": lambda n: float(n.p)}

    def backward(self, g):
        x1, x2, dist = self.unpack()
        p = self.p
        diff = x1._np[..., :, None, :] - x2._np[..., None, :, :]
        dist_, gn = dist._np[..., None], g._np[..., None]
        with np.errstate(all="ignore"):
            if p == 0:
                per = np.zeros_like(diff)
            elif p == 1:
                per = gn * np.sign(diff)
            elif p == 2:
                per = np.where(dist_ == 0, 0, gn * diff / dist_)
            elif math.isinf(p):
                per = gn * np.sign(diff) * (np.abs(diff) == dist_)
            elif p < 2:
                per = np.where(dist_ == 0, 0, gn * np.sign(diff) * np.abs(diff) ** (p - 1) / dist_ ** (p - 1))
            else:
                per = np.where(dist_ == 0, 0, gn * diff * np.abs(diff) ** (p - 2) / dist_ ** (p - 1))
        dt = g.dtype
        g1 = per.sum(-2).astype(dt.np)
        g2 = (-per).sum(-3).astype(dt.np)
        return undifferentiable(tuple(fresh(np.ascontiguousarray(_sum_to(v, s)), dt) if nxt is not None else None
                                      for v, s, (nxt, _) in zip((g1, g2), (x1._shape, x2._shape), self.next_functions)),
                                "CdistBackwardBackward0", "_cdist_backward", (g, x1, x2, dist))


def _sum_to(v, shape):
    while v.ndim > len(shape):
        v = v.sum(0)
    return v.sum(tuple(i for i, s in enumerate(shape) if s == 1 and v.shape[i] != 1), keepdims=True)


class EuclideanDistBackward0(Node):
    """PyTorch's _euclidean_dist_backward."""

    def __init__(self, x1, x2, out):
        Node.__init__(self, (edge_of(x1), edge_of(x2)))
        self.saved = (SavedTensor(x1), SavedTensor(x2), SavedTensor(out, is_output=True))

    def backward(self, g):
        x1, x2, res = self.unpack()
        ratio = (g / res).masked_fill(res == 0, 0)
        return (x1 * ratio.sum(-1, True) - ratio.matmul(x2) if self.next_functions[0][0] else None,
                x2 * ratio.sum(-2, False).unsqueeze(-1) - ratio.mT.matmul(x1) if self.next_functions[1][0] else None)


def _euclidean(x1, x2):
    """ATen's _euclidean_dist: [-2 x1, |x1|^2, 1] @ [x2, 1, |x2|^2]^T, clamped at 0, square-rooted."""
    with autograd.no_grad():
        x1_norm, x2_norm = x1.pow(2).sum(-1, True), x2.pow(2).sum(-1, True)
        x1_ = cat([x1.mul(-2), x1_norm, x1_norm.new_ones(x1_norm._shape)], -1)
        x2_ = cat([x2, x2_norm.new_ones(x2_norm._shape), x2_norm], -1)
        done = x1_.matmul(x2_.mT).clamp_min_(0).sqrt_()
    out = fresh(np.ascontiguousarray(done._np), done.dtype)  # (ATen's in-place steps below autograd: version 0)
    if needs_grad(x1, x2):
        attach(out, EuclideanDistBackward0(x1, x2, out))
    return out


_COMPUTE_MODES = ("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist")


@fp32_op
def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    for name, pos, t in (("x1", 1, x1), ("x2", 2, x2)):
        if not isinstance(t, Tensor):
            raise type_error(f"cdist(): argument '{name}' (position {pos}) must be Tensor, not {type_name(t)}")
    if compute_mode not in _COMPUTE_MODES:  # (torch/functional.py's, before torch._VF.cdist parses p)
        raise make("ValueError", f"{compute_mode} is not a valid value for compute_mode")
    if isinstance(p, Tensor) and p.numel() == 1:  # (torch._VF.cdist's parser: a double, a number or 0-dim tensor)
        p = p.item()
    if not isinstance(p, (int, float)):
        raise type_error(f"cdist(): argument 'p' (position 3) must be float, not {type_name(p)}")
    for name, t in (("X1", x1), ("X2", x2)):
        if t.dim() < 2:
            raise runtime(f"cdist only supports at least 2D tensors, {name} got: {t.dim()}D")
    if x1._shape[-1] != x2._shape[-1]:
        raise runtime(f"X1 and X2 must have the same number of columns. X1: {x1._shape[-1]} X2: {x2._shape[-1]}")
    for name, t in (("X1", x1), ("X2", x2)):
        if t.dtype.category != 2:
            raise runtime(f"cdist only supports floating-point dtypes, {name} got: "
                          f"{dtypes.SCALAR_NAMES[t.dtype.name]}")
    r1, r2 = x1._shape[-2], x2._shape[-2]
    empty = not x1.numel() or not x2.numel()  # (ATen's cdist: _cdist_forward, which makes no product, p checked)
    mm = not empty and p == 2 and (compute_mode == "use_mm_for_euclid_dist" or
                                   (compute_mode == "use_mm_for_euclid_dist_if_necessary" and (r1 > 25 or r2 > 25)))
    if not mm and p < 0:
        raise runtime("cdist only supports non-negative p values")
    if not mm and not empty:  # (the kernel: dispatched on x1's dtype, no reduced floats; x2 read as x1's type)
        if x1.dtype in (dtypes.float16, dtypes.bfloat16):
            raise make("NotImplementedError", f"\"cdist\" not implemented for '{dtypes.SCALAR_NAMES[x1.dtype.name]}'")
        if x1.dtype is not x2.dtype:
            raise runtime(dtypes.expected_scalar_type(x1.dtype, x2.dtype))
    check_broadcast_all(Shaped(x1._shape[:-2]), Shaped(x2._shape[:-2]))  # (infer_size of the batch dims)
    if mm:  # (_euclidean_dist: a matmul, any float dtype, both the same)
        if x1.dtype is not x2.dtype:
            raise runtime(f"expected m1 and m2 to have the same dtype, but got: {dtypes.C_NAMES[x1.dtype.name]} != "
                          f"{dtypes.C_NAMES[x2.dtype.name]}")
        batch = np.broadcast_shapes(x1._shape[:-2], x2._shape[:-2])
        a = x1.expand(*batch, r1, x1._shape[-1]).reshape(-1, r1, x1._shape[-1])
        b = x2.expand(*batch, r2, x2._shape[-1]).reshape(-1, r2, x2._shape[-1])
        return _euclidean(a, b).view(*batch, r1, r2)
    values = _direct(x1._np, x2._np, p)
    out = fresh(np.ascontiguousarray(values, x1.dtype.np), x1.dtype)
    if needs_grad(x1, x2):
        attach(out, CdistBackward0(x1, x2, out, p))
    return out


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """torch.pairwise_distance (nn.functional's): ATen's at::norm(x1 - x2 + eps, p, innermost dim, keepdim), so
    NormBackward1 over AddBackward1 over SubBackward0."""
    from .reductions import aten_norm
    from .scalar_arith import add_scalar
    innermost = max(x1.dim(), x2.dim()) - 1
    d = x1 - x2  # (an integer difference + eps is a float tensor: add.Scalar's type promotion)
    return aten_norm(add_scalar(d, eps) if d.dtype.is_floating_point else d + eps, float(p), (innermost,), keepdim)


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """ATen: integer inputs converted to the common (floating) dtype, both expanded to one shape, each divided by
    its norm (clamped to eps under no_grad, in place on a clone), the products summed over dim."""
    if eps < 0:
        raise runtime(f"eps must be non-negative, got: {float(eps):g}")
    common = dtypes.result_type((x1, x2))
    if not common.is_floating_point:
        raise runtime(f"expected common dtype to be floating point, yet common dtype is {dtypes.SCALAR_NAMES[common.name]}")
    x1, x2 = (x if x.dtype.is_floating_point else x.to(common) for x in (x1, x2))
    if x1.shape != x2.shape:  # (ATen's expand_outplace: both, when their shapes differ)
        check_broadcast(x1, x2)
        n = max(x1.dim(), x2.dim())
        s1, s2 = ((1,) * (n - x.dim()) + tuple(x.shape) for x in (x1, x2))
        shape = tuple(b if a == 1 else a for a, b in zip(s1, s2))
        x1, x2 = x1.expand(shape), x2.expand(shape)
    x1n = x1.norm(2, dim, True).clone()
    x2n = x2.norm(2, dim, True).clone()
    with autograd.no_grad():
        x1n.clamp_min_(eps)
        x2n.clamp_min_(eps)
    return ((x1 / x1n) * (x2 / x2n)).sum(dim)


def _reduce_row(values, red):
    """vec::map2_reduce_all over each row's last axis, as PyTorch's pdist kernel runs it with its CPU vectors
    (float32: 8 lanes, reduced across as a tree at the end; float64: 4 lanes, reduced in order): a row shorter than
    one vector reduced in order; otherwise lane-wise over whole vectors, the tail into its first lanes."""
    lanes = 8 if values.dtype == np.float32 else 4
    m = values.shape[-1]
    if m < lanes:
        acc = values[..., 0]
        for k in range(1, m):
            acc = red(acc, values[..., k])
        return acc
    acc = values[..., :lanes].copy()
    d = lanes
    while d + lanes <= m:
        acc = red(acc, values[..., d:d + lanes])
        d += lanes
    if m > d:
        acc[..., :m - d] = red(acc[..., :m - d], values[..., d:])
    if values.dtype == np.float32:  # (its horizontal reduce: halves added pairwise)
        while acc.shape[-1] > 1:
            half = acc.shape[-1] // 2
            acc = red(acc[..., :half], acc[..., half:])
        return acc[..., 0]
    out = acc[..., 0]
    for k in range(1, lanes):
        out = red(out, acc[..., k])
    return out


def _vector_pow(x, exponent):
    """Vectorized<T>::pow on every element (SLEEF's where the compiled loops are built)."""
    x = np.ascontiguousarray(x)
    exponent = np.full(x.shape, exponent, x.dtype)
    if kernels.compiled is None or not x.size:
        return np.power(x, exponent)
    out = np.empty_like(x)
    kernels.compiled.loop_pow(x, exponent, out, out.size)
    return out


def _pdist_values(x, p):
    """ATen's _pdist_forward kernel: each pair i < j in order, |x_i - x_j| mapped, reduced and finished."""
    i, j = np.triu_indices(x.shape[0], 1)
    diff = np.abs(x[i] - x[j])
    with np.errstate(all="ignore"):
        if p == 2:
            return np.sqrt(_reduce_row(diff * diff, np.add))
        if p == 1:
            return _reduce_row(diff, np.add)
        if p == 0:
            return _reduce_row((diff != 0).astype(x.dtype), np.add)
        if math.isinf(p):
            return _reduce_row(diff, np.maximum)
        agg = _reduce_row(_vector_pow(diff, p), np.add)
        return kernels.pow_scalar_libm(agg.astype(np.float64), 1.0 / float(x.dtype.type(p))).astype(x.dtype)


class PdistBackward0(SavingNode):
    """ATen's _pdist_backward: each row's gradient added up over its pairs in order (minus where it is the
    second of the pair)."""
    __slots__ = ("p",)
    inputs, fields = 1, ("p",)
    saved_names, saved_values = ("self", "result"), {"p": lambda n: float(n.p)}

    def backward(self, g):
        x, dist = self.unpack()
        p, a = self.p, x._np
        n = a.shape[0]
        i, j = np.triu_indices(n, 1)
        diff = a[i] - a[j]
        gk, dk = g._np[:, None], dist._np[:, None]
        with np.errstate(all="ignore"):
            if p == 0 or n <= 1:
                per = np.zeros_like(diff)
            elif p == 1:
                per = gk * np.sign(diff)
            elif p == 2:
                per = np.where(dk == 0, 0, gk * diff / dk).astype(a.dtype)
            elif math.isinf(p):
                per = gk * np.sign(diff) * (np.abs(diff) == dk)
            elif p < 2:
                dk_ = np.broadcast_to(dk, diff.shape)
                per = np.where((dk == 0) | ((diff == 0) & (p < 1)), 0,
                               np.sign(diff) * _vector_pow(np.abs(diff), p - 1) * gk / _vector_pow(dk_, p - 1))
            else:
                dk_ = np.broadcast_to(dk, diff.shape)
                per = np.where(dk == 0, 0, diff * _vector_pow(np.abs(diff), p - 2) * gk / _vector_pow(dk_, p - 1))
        per = per.astype(a.dtype)
        res = np.zeros_like(a)
        for k in range(len(i)):  # (the kernel's order: row i's own pairs after the pairs it ends)
            res[i[k]] += per[k]
            res[j[k]] -= per[k]
        return undifferentiable((fresh(res, g.dtype),), "PdistBackwardBackward0", "_pdist_backward",
                                (g, x, dist))


@fp32_op
def pdist(input, p=2.0):
    """torch.pdist (nn.functional's): the p-norm distance of every pair of rows, the upper triangle row by row."""
    if input.dim() != 2:
        raise runtime(f"pdist only supports 2D tensors, got: {input.dim()}D")
    if input.dtype.category != 2:
        raise runtime("pdist only supports floating-point dtypes")
    if p < 0:
        raise runtime("pdist only supports non-negative p values")
    n, m = input._shape
    if input.dtype in (dtypes.float16, dtypes.bfloat16) and n > 1 and m:
        raise make("NotImplementedError", f"\"pdist\" not implemented for '{dtypes.SCALAR_NAMES[input.dtype.name]}'")
    a = np.ascontiguousarray(input._np)
    if n <= 1:
        values = np.zeros(0, a.dtype)
    elif m == 0:
        values = np.zeros(n * (n - 1) // 2, a.dtype)
    else:
        values = _pdist_values(a, p)
    out = fresh(np.ascontiguousarray(values, input.dtype.np), input.dtype)
    if needs_grad(input):
        attach(out, PdistBackward0(input, out, p))
    return out

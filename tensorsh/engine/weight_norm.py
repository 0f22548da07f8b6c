"""torch._weight_norm and norm_except_dim, as nn.utils.weight_norm (and parametrizations.weight_norm) call them.

dim 0 and the last dim take ATen's fused CPU kernel (_weight_norm_interface, grad_fn WeightNormInterfaceBackward0),
reproduced bit for bit: a row's sum of squares is vec::map_reduce_all over Vectorized lanes of 32 bytes (8 floats,
4 doubles; sequential below one vector, then the lanes' butterfly), sqrt, w = v * (g / norm); the backward's
grad_v = a * grad_w - b * v with the subtraction fused (one rounding). Other dims are ATen's composite
v * (g / norm_except_dim(v, 2, dim)). Loaded on first use.
"""
import numpy as np

from . import dtypes
from .errors import runtime
from .autograd import Node, SavedTensor, edge_of
from .ops.core import attach, fresh, needs_grad
from .tensorimpl import Tensor


def _lane_sums(products):
    """vec::map_reduce_all's sum of each row of products (rounded products, shape (M, N))."""
    dt = products.dtype
    lanes = 32 // dt.itemsize
    m, n = products.shape
    if n < lanes:  # one partial vector, its first n lanes added in order
        acc = products[:, 0].copy()
        for i in range(1, n):
            acc = (acc + products[:, i]).astype(dt)
        return acc
    acc = products[:, :lanes].copy()
    d = lanes
    while d < n - n % lanes:
        acc = (acc + products[:, d:d + lanes]).astype(dt)
        d += lanes
    if n - d > 0:
        r = n - d
        acc[:, :r] = (acc[:, :r] + products[:, d:n]).astype(dt)
    step = lanes // 2
    idx = np.arange(lanes)
    while step:
        acc = (acc + acc[:, idx ^ step]).astype(dt)
        step //= 2
    return acc[:, 0]


def _column_sums(products):
    """weight_norm_last_dim_kernel's vertical sums: rows added in order into one buffer row per thread chunk."""
    from .torch_api import NAMESPACE
    m, _ = products.shape
    threads = max(1, min(NAMESPACE["get_num_threads"](), m))
    chunk = -(-m // threads)
    total = np.zeros(products.shape[1], products.dtype)
    for t in range(0, m, chunk):
        buf = np.zeros(products.shape[1], products.dtype)
        for i in range(t, min(m, t + chunk)):
            buf = (buf + products[i]).astype(products.dtype)
        total = (total + buf).astype(products.dtype)
    return total


def _rows(v, dim):
    """v as (M, N) rows of the reduced elements: dim 0 -> rows, last dim -> columns of the (M, N) view."""
    a = np.ascontiguousarray(v._np)
    if dim == 0:
        return a.reshape(a.shape[0], -1)
    return a.reshape(-1, a.shape[-1])


class WeightNormInterfaceBackward0(Node):
    __slots__ = ("dim",)
    name_ = "WeightNormInterfaceBackward0"
    saved_names = ("v", "g", "result1")

    def __init__(self, v, g, norms, dim):
        Node.__init__(self, (edge_of(v), edge_of(g)))
        self.saved = (SavedTensor(v), SavedTensor(g), SavedTensor(norms))
        self.dim = dim

    def backward(self, grad):
        v, g, norms = self.unpack()
        dt = v.dtype.np
        gw, va = _rows(grad, self.dim), _rows(v, self.dim)
        prods = (gw * va).astype(dt)
        gn = np.ascontiguousarray(g._np).reshape(-1).astype(dt)
        nn = np.ascontiguousarray(norms._np).reshape(-1).astype(dt)
        sums = _lane_sums(prods) if self.dim == 0 else _column_sums(prods)
        grad_g = (sums / nn).astype(dt)
        a = (gn / nn).astype(dt)
        b = ((a * grad_g).astype(dt) / nn).astype(dt)
        if self.dim == 0:
            a, b = a[:, None], b[:, None]
        # Vec(a) * grad_w - Vec(b) * v: the product a * grad_w rounded, b * v fused into the subtraction
        wide = np.float64 if dt == np.float32 else np.longdouble
        grad_v = ((a * gw).astype(dt).astype(wide) - b.astype(wide) * va.astype(wide)).astype(dt)
        return (fresh(grad_v.reshape(v._shape), v.dtype), fresh(grad_g.reshape(g._shape), g.dtype))


def norm_except_dim(v, pow=2, dim=0):
    if v.dtype.category < 2:  # (its norms are at::norm's, not linalg's)
        raise runtime(f"norm(): input dtype should be either floating point or complex. Got "
                      f"{dtypes.SCALAR_NAMES[v.dtype.name]} instead.")
    if dim == -1:
        return v.norm(pow)
    if dim == 0:
        return v.contiguous().view(v.size(0), -1).norm(pow, 1).view((v.size(0),) + (1,) * (v.dim() - 1))
    if dim == v.dim() - 1:
        return v.contiguous().view(-1, v.size(v.dim() - 1)).norm(pow, 0).view((1,) * (v.dim() - 1) + (v.size(-1),))
    return norm_except_dim(v.transpose(0, dim), pow, 0).transpose(0, dim)


def weight_norm(v, g, dim=0):
    """torch._weight_norm: the fused kernel for the first or last dim, else v * (g / norm_except_dim(v, 2, dim))."""
    if not isinstance(v, Tensor) or not isinstance(g, Tensor):
        from .errors import type_error
        raise type_error("_weight_norm(): argument 'v' and 'g' must be Tensors")
    if dim < -1:
        dim += v.dim()
    if dim not in (0, v.dim() - 1) or dim == -1:
        return v * (g / norm_except_dim(v, 2, dim))
    dt = v.dtype.np
    rows = _rows(v, dim)
    squares = (rows * rows).astype(dt)
    norms = np.sqrt(_lane_sums(squares) if dim == 0 else _column_sums(squares)).astype(dt)
    gn = np.ascontiguousarray(g._np).reshape(-1).astype(dt)
    a = (gn / norms).astype(dt)
    w = (rows * (a[:, None] if dim == 0 else a)).astype(dt)
    out = fresh(np.ascontiguousarray(w.reshape(v._shape)), v.dtype)
    if needs_grad(v, g):
        norm_shape = g._shape
        attach(out, WeightNormInterfaceBackward0(v, g, fresh(norms.reshape(norm_shape), v.dtype), dim))
    return out

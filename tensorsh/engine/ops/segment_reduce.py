"""torch.segment_reduce over lengths or offsets (1-D, along axis 0): ATen's CPU kernel per segment (initial first,
then the elements in order; max/min propagate NaN; a mean divides by the length, an empty one without initial is
NaN) and its SegmentReduceBackward0."""
import numpy as np

from .. import dtypes
from ..autograd import Node, edge_of
from ..errors import make, runtime
from .core import attach, fresh, needs_grad

_REDUCTIONS = {"max": "max", "amax": "max", "min": "min", "amin": "min", "sum": "sum", "mean": "mean", "prod": "prod"}
_EMPTY = {"max": -np.inf, "min": np.inf, "sum": 0, "mean": 0, "prod": 1}


class SegmentReduceBackward0(Node):
    __slots__ = ("reduce", "x", "result", "bounds", "dtype")

    def __init__(self, data, reduce, x, result, bounds):
        Node.__init__(self, (edge_of(data),))
        self.reduce, self.x, self.result, self.bounds, self.dtype = reduce, x, result, bounds, data.dtype

    def backward(self, g):
        gn = g._np
        grad = np.zeros_like(self.x)
        for s, (a, b) in enumerate(self.bounds):
            seg, gs = self.x[a:b], gn[s]
            if b == a:
                continue
            if self.reduce == "sum":
                grad[a:b] = gs
            elif self.reduce == "mean":
                grad[a:b] = gs / (b - a)
            elif self.reduce in ("max", "min"):
                hit = seg == self.result[s]
                grad[a:b] = np.where(hit, gs / np.maximum(hit.sum(0), 1), 0)
            else:  # prod: the product of the others
                for k in range(b - a):
                    others = np.prod(np.delete(seg, k, 0), 0) if b - a > 1 else np.ones_like(seg[0])
                    grad[a + k] = gs * others
        return (fresh(grad.astype(self.x.dtype), self.dtype),)


def segment_reduce(data, reduce, *, lengths=None, indices=None, offsets=None, axis=0, unsafe=False, initial=None):
    axis = data._wrap_dim(axis)
    if indices is not None:
        raise runtime("segment_reduce(): indices based reduction is not supported yet.")
    if lengths is None and offsets is None:
        raise runtime("segment_reduce(): Either lengths or offsets must be defined.")
    if reduce not in _REDUCTIONS:
        raise runtime(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")
    reduction = _REDUCTIONS[reduce]
    given, label = (offsets, "offsets") if offsets is not None else (lengths, "lengths")
    if axis != given.dim() - 1:
        raise runtime(f"segment_reduce(): Expected axis to be the last dimension of {label} but got {axis}.")
    if given.dim() != 1:
        raise make("NotImplementedError", "tensorsh: segment_reduce with lengths or offsets of more than one "
                                          "dimension is not supported")
    if offsets is None and not unsafe:
        if given._np.size and given._np.min() < 0:
            raise runtime("lengths contains negative value!")
        if int(given._np.sum()) != data.size(axis):
            raise runtime("segment_reduce(): Expected all rows of lengths along axis to sum to "
                          "data.size(lengths.dim()-1) when !unsafe.")
    if data.dtype.category < 2:
        raise make("NotImplementedError",
                   f"\"_segment_reduce_cpu\" not implemented for '{dtypes.SCALAR_NAMES[data.dtype.name]}'")
    if given.dtype not in (dtypes.int32, dtypes.int64):
        kernel = "_segment_reduce_offsets_cpu_kernel1" if offsets is not None else "_segment_reduce_lengths_cpu_kernel1"
        raise make("NotImplementedError",
                   f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[given.dtype.name]}'")
    points = given._np.tolist()
    if offsets is not None:
        bounds = list(zip(points[:-1], points[1:]))
    else:
        ends = np.cumsum([0] + points).tolist()
        bounds = list(zip(ends[:-1], ends[1:]))
    x = np.ascontiguousarray(data._np)
    dt = x.dtype.type
    out = np.empty((len(bounds),) + x.shape[1:], x.dtype)
    start = _EMPTY[reduction] if initial is None else initial
    for s, (a, b) in enumerate(bounds):
        res = np.full(x.shape[1:], start, x.dtype)
        for row in x[a:b]:
            if reduction in ("sum", "mean"):
                res = res + row
            elif reduction == "prod":
                res = res * row
            else:
                pick = np.maximum if reduction == "max" else np.minimum
                res = np.where(np.isnan(row), row, pick(res, row))
        if reduction == "mean":
            if b == a and initial is None:
                res = np.full(x.shape[1:], np.nan, x.dtype)
            elif b > a:
                res = np.where(np.isnan(res), res, res / dt(b - a))
        out[s] = res
    result = fresh(out, data.dtype)
    if needs_grad(data):
        attach(result, SegmentReduceBackward0(data, reduction, x, out, bounds))
    return result

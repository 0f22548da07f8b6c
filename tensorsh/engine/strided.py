"""Views PyTorch makes from strides alone: as_strided, diagonal, unfold, movedim/moveaxis, broadcast_to. Each
shares its input's storage and version counter (ops.core.make_view); each backward is registered with the
other views' in ops.core.VIEW_BACKWARD."""
import numpy as np

from . import functions as F
from .autograd import Node, edge_of
from .errors import runtime, type_error
from .tensorimpl import _shape_list
from .ops.core import VIEW_BACKWARD, attach, embed, fresh, make_view, needs_grad


def _ints(op, name, values):
    values = tuple(values) if isinstance(values, (list, tuple)) else (values,)
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool):
            raise type_error(f"{op}(): argument '{name}' must be tuple of ints, but found element of type "
                             f"{type(v).__name__} at pos 0")
    return values


# ------------------------------------------------------------------ as_strided

def as_strided(self, size, stride, storage_offset=None):
    size, stride = _ints("as_strided", "size", size), _ints("as_strided", "stride", stride)
    offset = self._offset if storage_offset is None else storage_offset
    if len(size) != len(stride):
        raise runtime("mismatch in length of strides and shape")
    if any(st < 0 for st in stride):
        raise runtime(f"as_strided: Negative strides are not supported at the moment, got strides: {_shape_list(stride)}")
    if offset < 0:
        raise runtime(f"Tensor: invalid storage offset {offset}")
    for n in size:
        if n < 0:
            raise runtime(f"Trying to create tensor with negative dimension {n}: {_shape_list(size)}")
    needed = 0 if 0 in size else offset + 1 + sum((n - 1) * st for n, st in zip(size, stride))
    available = self._storage.data.size
    if needed > available:
        item = self.dtype.itemsize
        raise runtime(f"setStorage: sizes {_shape_list(size)}, strides {_shape_list(stride)}, storage offset {offset}, "
                      f"and itemsize {item} requiring a storage size of {needed * item} are out of bounds for "
                      f"storage of size {available * item}")
    geometry = ((self._shape, self._stride, self._offset), (size, stride, offset))
    return make_view(self, size, stride, offset, "AsStridedBackward0", geometry)


# ------------------------------------------------------------------ diagonal

def diagonal(self, offset=0, dim1=0, dim2=1):
    d1, d2 = self._wrap_dim(dim1), self._wrap_dim(dim2)
    if d1 == d2:
        raise runtime(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    n1, n2 = self._shape[d1], self._shape[d2]
    length = max(min(n1, n2 - offset), 0) if offset >= 0 else max(min(n1 + offset, n2), 0)
    start = self._offset
    if length:  # (an offset off the end leaves the storage offset alone, as PyTorch does)
        start += offset * self._stride[d2] if offset >= 0 else -offset * self._stride[d1]
    keep = [d for d in range(self.dim()) if d not in (d1, d2)]
    shape = [self._shape[d] for d in keep] + [length]
    stride = [self._stride[d] for d in keep] + [self._stride[d1] + self._stride[d2]]
    return make_view(self, shape, stride, start, "DiagonalBackward0", (offset, d1, d2))


def _diagonal_backward(g, shape, offset, d1, d2):
    return embed(g, shape, lambda t: t.diagonal(offset, d1, d2), "DiagonalBackwardBackward0")


# ------------------------------------------------------------------ unfold

def unfold(self, dimension, size, step):
    d = self._wrap_dim(dimension)
    n = self._shape[d] if self.dim() else 1
    if size > n:
        raise runtime(f"maximum size for tensor at dimension {d} is {n} but size is {size}")
    if size < 0:
        raise runtime(f"size is {size} but must be >= 0")
    if step <= 0:
        raise runtime(f"step is {step} but must be > 0")
    shape, stride = list(self._shape), list(self._stride)
    if self.dim():
        shape[d] = (n - size) // step + 1
        stride[d] = self._stride[d] * step
        shape.append(size)
        stride.append(self._stride[d])
    else:
        shape, stride = [size], [1]
    return make_view(self, shape, stride, self._offset, "UnfoldBackward0", (d, size, step))


class UnfoldBackwardBackward0(Node):
    __slots__ = ("dim", "size", "step")

    def __init__(self, g, dim, size, step):
        Node.__init__(self, (edge_of(g),))
        self.dim, self.size, self.step = dim, size, step

    def backward(self, gg):
        return (gg.unfold(self.dim, self.size, self.step),)


def _unfold_backward(g, shape, dim, size, step):
    """Each window's gradient added back where the window came from (windows that overlap add up)."""
    out = np.zeros(shape, g.dtype.np)
    if not shape:
        out[...] = np.sum(g._np)
    else:
        windows = g._np
        moved = np.moveaxis(out, dim, -1)
        for w in range(windows.shape[dim]):  # window w covers [w * step, w * step + size) along dim
            piece = np.take(windows, w, axis=dim)
            moved[..., w * step:w * step + size] += piece
    result = fresh(out, g.dtype)
    if needs_grad(g):
        attach(result, UnfoldBackwardBackward0(g, dim, size, step))
    return result


# ------------------------------------------------------------------ movedim, broadcast_to

def movedim(self, source, destination):
    src, dst = _ints("movedim", "source", source), _ints("movedim", "destination", destination)
    if len(src) != len(dst):
        raise runtime(f"movedim: Invalid source or destination dims: source ({_shape_list(src)} dims) should "
                      f"contain the same number of dims as destination ({_shape_list(dst)} dims)")
    src = tuple(self._wrap_dim(d) for d in src)
    dst = tuple(self._wrap_dim(d) for d in dst)
    for name, dims in (("source", src), ("destination", dst)):
        if len(set(dims)) != len(dims):
            raise runtime(f"movedim: repeated dim in `{name}` ({_shape_list(dims)})")
    if not self.dim():  # a scalar: PyTorch returns an alias of it
        return make_view(self, (), (), self._offset, "AliasBackward0")
    order = [None] * self.dim()
    for s, d in zip(src, dst):
        order[d] = s
    rest = iter(d for d in range(self.dim()) if d not in src)
    order = [o if o is not None else next(rest) for o in order]
    return F.permute(self, order)


def broadcast_to(self, size):
    return F.expand(self, size)


VIEW_BACKWARD["DiagonalBackward0"] = _diagonal_backward
VIEW_BACKWARD["UnfoldBackward0"] = _unfold_backward

"""Small ops people reach for, composed from engine ops as PyTorch composes them: atleast_1d/2d/3d, flipud, fliplr,
argwhere, take_along_dim; and rad2deg/deg2rad, fmax/fmin with their own nodes."""
import math

import numpy as np

from .. import dtypes
from ..autograd import Node, SavedTensor, edge_of
from ..errors import runtime, type_error
from .core import (BinaryNode, Tensor, attach, binary_operands, check_broadcast, laid_out_like, needs_grad,
                   type_name)


def _at_least(n):
    from .sorting_more import _at_least as one, check_tensors

    def op(*tensors):
        if len(tensors) == 1 and not isinstance(tensors[0], (list, tuple, Tensor)):
            got = type_name(tensors[0])
            raise type_error(f"atleast_{n}d() received an invalid combination of arguments - got ({got}), but expected "
                             f"one of:\n * (Tensor input)\n      didn't match because some of the arguments have "
                             f"invalid types: (!{got}!)\n * (tuple of Tensors tensors)\n      didn't match because "
                             f"some of the arguments have invalid types: (!{got}!)\n")
        if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
            tensors = tuple(tensors[0])
        elif len(tensors) == 1:
            return one(tensors[0], n)
        check_tensors(tensors, 0)
        return tuple(one(t, n) for t in tensors)
    op.__name__ = op.__qualname__ = f"atleast_{n}d"
    return op


atleast_1d, atleast_2d, atleast_3d = _at_least(1), _at_least(2), _at_least(3)


def flipud(self):
    if self.dim() < 1:
        raise runtime("Input must be >= 1-d.")
    return self.flip(0)


def fliplr(self):
    if self.dim() < 2:
        raise runtime("Input must be >= 2-d.")
    return self.flip(1)


def argwhere(self):
    return self.nonzero()


def take_along_dim(self, indices, dim=None):
    if dim is None:
        return self.view(-1).gather(0, indices.view(-1))
    d = self._wrap_dim(dim)
    sizes = list(self._shape)
    sizes[d] = indices._shape[d]
    shape = tuple(np.broadcast_shapes(tuple(sizes), indices._shape))
    if indices._shape != shape:
        indices = indices.expand(*shape)
    sizes = list(indices._shape)
    sizes[d] = self._shape[d]
    shape = tuple(np.broadcast_shapes(tuple(sizes), self._shape))
    if self._shape != shape:
        self = self.expand(*shape)
    return self.gather(d, indices)


class _ScaleBackward(Node):
    __slots__ = ()
    factor = 1.0

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (g.mul(self.factor),)


class Rad2DegBackward0(_ScaleBackward):
    factor = 180.0 / math.pi


class Deg2RadBackward0(_ScaleBackward):
    factor = math.pi / 180.0


def _scaled(node_cls):
    def op(self):
        from .. import autograd
        with autograd.no_grad():
            x = self if self.dtype.category == 2 else self.to(dtypes.DEFAULT_FLOAT)
            out = x.mul(node_cls.factor)
        if needs_grad(self):
            attach(out, node_cls(self))
        return out
    return op


rad2deg, deg2rad = _scaled(Rad2DegBackward0), _scaled(Deg2RadBackward0)


class FmaxBackward0(BinaryNode):
    """fmax: the gradient goes to self where self >= other or other is NaN, to other elsewhere (fmin: <=)."""
    pick = staticmethod(np.greater_equal)

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        keep = (a >= b if self.pick is np.greater_equal else a <= b).logical_or(b.isnan())
        return ((g.masked_fill(keep.logical_not(), 0) if self.wants(0) else None),
                (g.masked_fill(keep, 0) if self.wants(1) else None))


class FminBackward0(FmaxBackward0):
    pick = staticmethod(np.less_equal)


def _fm(np_fn, node_cls):
    def op(self, other):
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        out = laid_out_like(np.asarray(np_fn(an, bn), dt.np), dt, self, other)
        if needs_grad(self, other):
            attach(out, node_cls(self, other, out))
        return out
    return op


fmax, fmin = _fm(np.fmax, FmaxBackward0), _fm(np.fmin, FminBackward0)

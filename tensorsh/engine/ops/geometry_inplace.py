"""In-place changes of a tensor's geometry (unsqueeze_, squeeze_, t_, transpose_): the tensor takes the geometry of
the view the out-of-place op makes, its version moves (PyTorch counts them as in-place ops), and its history gains
the in-place op's node, whose backward puts the gradient back in the old geometry."""
from .. import autograd, undo
from ..autograd import Node, edge_of
from ..errors import runtime
from .core import check_inplace, needs_grad


class GeometryBackward(Node):
    """UnsqueezeBackward1, SqueezeBackward3/4/5, TBackward1, TransposeBackward1: the inverse of the geometry change."""
    __slots__ = ("inverse",)

    def __init__(self, name, edge, inverse):
        Node.__init__(self, (edge,))
        self.name_ = name
        self.inverse = inverse

    def backward(self, g):
        return (self.inverse(g),)


def _change_geometry(self, view, name, inverse):
    record = needs_grad(self)
    if record:
        check_inplace(self)
    with autograd.no_grad():
        v = view(self)
    edge = edge_of(self) if record else None
    undo.touch(self)
    self._shape, self._stride, self._np = v._shape, v._stride, v._np
    counter = self._version_counter
    counter.bump()
    if record:
        self._grad_fn = GeometryBackward(name, edge, inverse)
        self._output_nr = 0
        if self._view is not None:  # (its grad_fn is current: nothing to regenerate on reading it)
            undo.touch_attrs(self._view, "attr_version")
            self._view.attr_version = counter.value
    return self


def unsqueeze_inplace(self, dim):
    d = self._wrap_dim(dim, self.dim() + 1)
    return _change_geometry(self, lambda t: t.unsqueeze(d), "UnsqueezeBackward1", lambda g: g.squeeze(d))


def squeeze_inplace(self, dim=None):
    shape = self._shape
    name = "SqueezeBackward3" if dim is None else "SqueezeBackward5" if isinstance(dim, (tuple, list)) else \
        "SqueezeBackward4"
    return _change_geometry(self, lambda t: t.squeeze() if dim is None else t.squeeze(dim), name,
                            lambda g: g.reshape(shape))


def transpose_inplace(self, dim0, dim1):
    return _change_geometry(self, lambda t: t.transpose(dim0, dim1), "TransposeBackward1",
                            lambda g: g.transpose(dim0, dim1))


def t_inplace(self):
    if self.dim() > 2:
        raise runtime(f"t_() expects a tensor with <= 2 dimensions, but self is {self.dim()}D")
    return _change_geometry(self, lambda t: t.t(), "TBackward1", lambda g: g.t())


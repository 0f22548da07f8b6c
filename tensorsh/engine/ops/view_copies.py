"""The copying twins of the views: *_scatter (a copy of self with src written where the view would be) and *_copy
(the view's values in a fresh contiguous tensor, recording the view's backward as `<View>Backward0_copy`).
(Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import autograd
from ..autograd import Node, should_compute_output
from ..errors import make, runtime, type_error
from ..saved_names import unsigned
from ..tensorimpl import Tensor, _shape_list
from .copies import _written_from_inference
from .core import NotImplementedNode, attach, fresh, needs_grad, operand_edge, type_name
from .real_complex import view_as_complex, view_as_real
from .views import _slice, narrow


def _slice_view(t, dim=0, start=None, end=None, step=1):
    """aten::slice: a view even of the whole dimension (indexing would skip it: slice_copy records SliceBackward0)."""
    if not t._shape:
        raise make("IndexError", "slice() cannot be applied to a 0-dim tensor.")
    d = t._wrap_dim(dim)
    if step <= 0:
        raise runtime("slice step must be positive")
    return _slice(t, d, start, end, step)


_VIEWS = {
    "slice": _slice_view,
    "select": lambda t, dim, index: t.select(dim, index),
    "diagonal": lambda t, offset=0, dim1=0, dim2=1: t.diagonal(offset, dim1, dim2),
    "as_strided": lambda t, size, stride, storage_offset=None: t.as_strided(size, stride, storage_offset),
}


class _ScatterBackward(Node):
    """self's gradient: the incoming one with the view's places zeroed; src's: the incoming one's view."""
    __slots__ = ("view", "args", "src_dtype")

    def __init__(self, x, src, view, args):
        Node.__init__(self, (operand_edge(x), operand_edge(src)))
        self.view, self.args, self.src_dtype = view, args, src.dtype

    def backward(self, g):
        view = _VIEWS[self.view]
        if self.view == "as_strided":  # (over the gradient's own memory: a dense copy of it)
            g = g.contiguous()
        gs = view(g, *self.args) if should_compute_output(self, 1) else None
        gx = None
        if self.next_functions[0][0] is not None and self.view == "as_strided":
            # (PyTorch 2.13's as_strided_scatter_backward: the gradient where src went, zero elsewhere)
            gx = _scatter(self.view, g.new_zeros(g._shape), view(g, *self.args), self.args)
        elif self.next_functions[0][0] is not None:
            gx = _scatter(self.view, g, view(g, *self.args).new_zeros(view(g, *self.args)._shape), self.args)
        return gx, gs


def _node(name, saved):
    cls = type(name, (_ScatterBackward,), {"__slots__": (), "saved_names": (), "saved_values": saved})
    return cls


_NODES = {
    "slice": _node("SliceScatterBackward0", {"dim": "dim_", "start": "start_", "end": "end_", "step": "step_"}),
    "select": _node("SelectScatterBackward0", {"dim": "dim_", "index": "index_"}),
    "diagonal": _node("DiagonalScatterBackward0", {"offset": "offset_", "dim1": "dim1_", "dim2": "dim2_"}),
    "as_strided": _node("AsStridedScatterBackward0", {"size": "size_", "stride": "stride_",
                                                      "storage_offset": "storage_offset_"}),
}
_NAMES = {"slice": ("dim", "start", "end", "step"), "select": ("dim", "index"),
          "diagonal": ("offset", "dim1", "dim2"), "as_strided": ("size", "stride", "storage_offset")}


def _scatter(kind, self, src, args):
    """The values: self cloned (its layout kept), src written into the view of the clone."""
    name = kind + "_scatter"
    if not isinstance(self, Tensor):
        raise type_error(f"{name}(): argument 'input' (position 1) must be Tensor, not {type_name(self)}")
    if not isinstance(src, Tensor):
        raise type_error(f"{name}(): argument 'src' (position 2) must be Tensor, not {type_name(src)}")
    with autograd.no_grad():
        out = self.clone()
        if kind == "as_strided":
            out = out.contiguous()
        view = _VIEWS[kind](out, *args)
        if view._shape != src._shape:
            raise runtime(f"expected src to have a size equal to the slice of self. src size = "
                          f"{_shape_list(src._shape)}, slice size = {_shape_list(view._shape)}")
        view._np[...] = src.to(out.dtype)._np if src.dtype is not out.dtype else src._np
    return out


def _scatter_op(kind):
    names = _NAMES[kind]

    def op(input, src, *args, **kwargs):
        values = dict(zip(names, args))
        values.update(kwargs)
        call = tuple(values.get(n, d) for n, d in zip(names, _DEFAULTS[kind]))
        out = _scatter(kind, input, src, call)
        if needs_grad(input, src):
            node = _NODES[kind](input, src, kind, call)
            for n, v in zip(names, call):  # (as PyTorch's getters give them: a negative int as its uint64)
                node.__dict__[n + "_"] = tuple(v) if isinstance(v, (tuple, list)) else \
                    unsigned(v) if isinstance(v, int) else v
            attach(out, node)
        return out
    op.__name__ = op.__qualname__ = kind + "_scatter"
    return op


_REQUIRED = object()
_DEFAULTS = {"slice": (0, None, None, 1), "select": (_REQUIRED, _REQUIRED), "diagonal": (0, 0, 1),
             "as_strided": (_REQUIRED, _REQUIRED, None)}

slice_scatter, select_scatter = _scatter_op("slice"), _scatter_op("select")
diagonal_scatter, as_strided_scatter = _scatter_op("diagonal"), _scatter_op("as_strided")


class ViewCopyBackward(Node):
    """`<View>Backward0_copy`: the view's own backward, its edges, under the copy's name (and any composite's node
    under the name of ATen's own: torch.pdist's PdistBackward0)."""
    __slots__ = ("inner",)

    def __init__(self, inner, name):
        Node.__init__(self, inner.next_functions)
        self.inner, self.name_ = inner, name

    def backward(self, g):
        return self.inner.backward(g)


def _copy_of(view, name=None, cloned=True):
    """The copying twin of a view op: the view's contiguous clone (cloned; narrow_copy has a kernel of its own, no
    clone: an inference input leaves it at version 0)."""
    def op(input, *args, **kwargs):
        v = view(input, *args, **kwargs)
        out = fresh(np.array(v._np, order="C"), v.dtype)  # (ascontiguousarray would make a 0-dim view 1-dim)
        fn = v.grad_fn if needs_grad(input) else None
        if fn is not None:
            attach(out, ViewCopyBackward(fn, name or fn.name_ + "_copy"))
        return _written_from_inference(input, out) if cloned else out
    return op


view_copy = _copy_of(lambda t, *size: t.view(*size))
transpose_copy = _copy_of(lambda t, dim0, dim1: t.transpose(dim0, dim1))
t_copy = _copy_of(lambda t: t.t())
permute_copy = _copy_of(lambda t, dims: t.permute(dims))
expand_copy = _copy_of(lambda t, size, *, implicit=False: t.expand(size))
select_copy = _copy_of(lambda t, dim, index: t.select(dim, index))
slice_copy = _copy_of(_VIEWS["slice"])
diagonal_copy = _copy_of(_VIEWS["diagonal"])
alias_copy = _copy_of(lambda t: t[...])
squeeze_copy = _copy_of(lambda t, dim=None: t.squeeze() if dim is None else t.squeeze(dim))
unsqueeze_copy = _copy_of(lambda t, dim: t.unsqueeze(dim))
unfold_copy = _copy_of(lambda t, dimension, size, step: t.unfold(dimension, size, step))
as_strided_copy = _copy_of(_VIEWS["as_strided"])
view_as_real_copy = _copy_of(lambda t: view_as_real(t, True))  # (a conjugated tensor's values, resolved)


def view_as_complex_copy(input):
    out = _copy_of(view_as_complex)(input)
    if out.requires_grad:  # (ATen's autograd kernel checks its result)
        raise runtime("view_as_complex_copy does not support automatic differentiation for outputs with complex dtype.")
    return out


def _narrow(t, dim, start, length):
    if isinstance(dim, int) and dim >= t.dim() and t.dim():  # (narrow_copy's own check, before the dim is wrapped)
        raise runtime("Expected dim < static_cast<int64_t>(self_sizes.size()) to be true, but got false.  (Could "
                      "this error message be improved?  If so, please report an enhancement request to PyTorch.)")
    return narrow(t, dim, start, length, length_first=False)


narrow_copy = _copy_of(_narrow, "NarrowCopyBackward0", cloned=False)


def split_with_sizes(self, split_sizes, dim=0):
    return self.split(list(split_sizes), dim)


def _copies_of(pieces_of):
    """The copying twin of a view op with several outputs (split_copy, unbind_copy, ...): contiguous copies sharing
    one `<Node>_copy` over the views' node, each its own output of it."""
    def op(input, *args, **kwargs):
        pieces = pieces_of(input, *args, **kwargs)
        outs = tuple(fresh(np.array(p._np, order="C"), p.dtype) for p in pieces)  # (copies, never p's memory)
        fn = pieces[0].grad_fn if pieces and needs_grad(input) else None
        if fn is not None:
            node = ViewCopyBackward(fn, fn.name_ + "_copy")
            node.n_outputs = fn.n_outputs
            for i, out in enumerate(outs):
                out._grad_fn, out._output_nr = node, i
        return tuple(_written_from_inference(input, out) for out in outs)
    return op


split_copy = _copies_of(lambda t, split_size, dim=0: t.split(split_size, dim))
split_with_sizes_copy = _copies_of(lambda t, split_sizes, dim=0: t.split_with_sizes(split_sizes, dim))
unbind_copy = _copies_of(lambda t, dim=0: t.unbind(dim))


def detach_copy(input):
    """torch.detach_copy: a contiguous copy that (as PyTorch's) keeps requiring grad, through a NotImplemented
    node."""
    out = fresh(np.array(input._np, order="C"), input.dtype)
    if needs_grad(input):
        attach(out, NotImplementedNode("detach_copy", input))
    return _written_from_inference(input, out)

"""Joining tensors: cat and stack, and their backward nodes."""
import builtins

import numpy as np

from .. import dtypes
from ..autograd import Node, edge_of
from ..errors import make, runtime, type_error
from ..storage import check_size
from ..tensorimpl import Tensor, _shape_list
from .core import attach, collect_edges, fresh, from_numpy, needs_grad, type_name, viewed_from_inference
from .registry import op
from ..layout import joined_array, view_strides, wrap
from ..saved_names import as_given, given


def list_grads(node, pieces):
    """The gradients of a Tensor[] input, as derivatives.yaml computes them: every element's, wanted or not (the list is
    one input: the post hooks see them all), a real element's the real part of a complex gradient."""
    return tuple(g.real if g.dtype.is_complex and not dtype.is_complex else g for g, dtype in zip(pieces, node.dtypes))


class ListBackward(Node):
    """A node of a Tensor[] input: each element's dtype kept."""
    __slots__ = ("dtypes",)
    keeps_unused_grads = True

    def __init__(self, tensors):
        Node.__init__(self, tuple(edge_of(t) for t in tensors))
        self.dtypes = [t.dtype for t in tensors]


class CatBackward0(ListBackward):
    __slots__ = ("dim", "sizes")
    saved_values = {"dim": as_given("dim")}

    def __init__(self, tensors, dim):
        ListBackward.__init__(self, tensors)
        # (a legacy empty tensor, shape (0,), joins any cat: its gradient is a fresh (0,), PyTorch's rule)
        self.dim, self.sizes = dim, [None if t._shape == (0,) else t._shape[dim] if t.dim() else 0 for t in tensors]

    def backward(self, g):
        out, start = [], 0
        for size in self.sizes:
            if size is None:
                out.append(fresh(np.zeros((0,), g.dtype.np), g.dtype))
                continue
            out.append(g.narrow(self.dim, start, size))
            start += size
        return list_grads(self, out)


class StackBackward0(ListBackward):
    __slots__ = ("dim",)
    saved_values = {"dim": as_given("dim")}

    def __init__(self, tensors, dim):
        ListBackward.__init__(self, tensors)
        self.dim = dim

    def backward(self, g):
        return list_grads(self, [g.select(self.dim, i) for i in range(len(self.dtypes))])


def _tensor_list(op, tensors):
    """cat/stack's first argument: a sequence of tensors, with PyTorch's messages otherwise."""
    if not isinstance(tensors, (list, tuple)):
        raise type_error(f"{op}(): argument 'tensors' (position 1) must be tuple of Tensors, not {type_name(tensors)}")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {type_name(t)}")
    return list(tensors)


def _joined_dtype(tensors):
    dt = None
    for t in tensors:
        dt = dtypes.promote(dt, t.dtype)
    return dt


def _inputs(op, tensors, kind, empty):
    """cat/stack's tensors: the list checked, autograd's edges collected (PyTorch builds the node's edges before
    checking the shapes), then the empty list refused with PyTorch's error (kind, empty)."""
    tensors = _tensor_list(op, tensors)
    if needs_grad(*tensors):
        collect_edges(*tensors)
    if not tensors:
        raise make(kind, empty)
    return tensors


def _joined(values, dt, geometries, shape=None):
    """A new tensor holding `values` in the layout ATen's cat gives inputs of these geometries (numpy's concatenate
    keeps transposed inputs' order, PyTorch's does not); shape: the cat's shape, when values is stack's, a view of
    it (stack is cat and a view)."""
    arr = joined_array(values.shape if shape is None else shape, dt, geometries)
    if shape is not None:  # (splitting one dim: a view, its strides computeStride's, size-1 dims' included)
        stride = view_strides(shape, [s // arr.itemsize for s in arr.strides], values.shape)
        arr = np.lib.stride_tricks.as_strided(arr, values.shape, [s * arr.itemsize for s in stride])
    arr[...] = values
    return wrap(arr, dt)


def cat(tensors, dim=0):
    tensors = _inputs("cat", tensors, "ValueError", "torch.cat(): expected a non-empty list of Tensors")
    for i, t in enumerate(tensors):
        if not t._shape:
            raise runtime(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    ref = next((t for t in tensors if t._shape != (0,)), None)  # (legacy_cat_wrap_dim skips the 1-d empties;
    d = dim if ref is None else ref._wrap_dim(dim)  # with none left dim is taken as it is)
    ref = tensors[0] if ref is None else ref
    dt = _joined_dtype(tensors)
    for i, t in enumerate(tensors):
        if t._shape == (0,):
            continue
        if t.dim() != ref.dim():
            raise runtime(f"Tensors must have same number of dimensions: got {ref.dim()} and {t.dim()}")
        for k in range(ref.dim()):
            if k != d and t._shape[k] != ref._shape[k]:
                raise runtime(f"Sizes of tensors must match except in dimension {d}. Expected size {ref._shape[k]} but got size {t._shape[k]} for tensor number {i} in the list.")
    check_size(builtins.sum(t._np.size for t in tensors) * dt.itemsize)
    arrays = [t._np.astype(dt.np, copy=False) for t in tensors if t._shape != (0,)]
    joined = np.concatenate(arrays, axis=d) if arrays else np.zeros((0,), dt.np)
    out = _joined(joined, dt, [(t._shape, t._stride) for t in tensors]) if joined.ndim >= 4 else \
        from_numpy(np.ascontiguousarray(joined), dt)
    if needs_grad(*tensors):
        attach(out, given(CatBackward0(tensors, d), dim=dim))
    return out


def stack(tensors, dim=0):
    tensors = _inputs("stack", tensors, "RuntimeError", "stack expects a non-empty TensorList")
    d = tensors[0]._wrap_dim(dim, tensors[0].dim() + 1)
    for i, t in enumerate(tensors):
        if t._shape != tensors[0]._shape:
            raise runtime(f"stack expects each tensor to be equal size, but got {_shape_list(tensors[0]._shape)} at entry 0 and {_shape_list(t._shape)} at entry {i}")
    dt = _joined_dtype(tensors)
    check_size(builtins.sum(t._np.size for t in tensors) * dt.itemsize)
    values = np.stack([t._np.astype(dt.np, copy=False) for t in tensors], axis=d)
    out = _stacked(values, dt, tensors, d) if values.ndim >= 4 else from_numpy(np.ascontiguousarray(values), dt)
    if needs_grad(*tensors):
        attach(out, given(StackBackward0(tensors, d), dim=dim))
    if d < tensors[0].dim():  # (ATen's stack: cat along d, viewed)
        shape = out._shape
        return viewed_from_inference(tensors, out, shape[:d] + (shape[d] * shape[d + 1],) + shape[d + 2:])
    return out


def _stacked(values, dt, tensors, d):
    """stack's result as ATen makes it: the inputs cat along d and viewed, or (d the new last dim) the inputs
    unsqueezed there cat along it."""
    n = tensors[0].dim()
    if d < n:
        shape = values.shape[:d] + (values.shape[d] * values.shape[d + 1],) + values.shape[d + 2:]
        return _joined(values, dt, [(t._shape, t._stride) for t in tensors], shape)
    return _joined(values, dt, [(t._shape + (1,), t._stride + (1,)) for t in tensors])


op("cat", cat, aliases=("concat", "concatenate"), method=False, function=cat)
op("stack", stack, method=False, function=stack)

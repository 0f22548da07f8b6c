"""In-place changes of a tensor's geometry (unsqueeze_, squeeze_, t_, transpose_, as_strided_, and set_, which
moves it onto another storage): the tensor takes the geometry of
the view the out-of-place op makes, its version moves (PyTorch counts them as in-place ops), and its history gains
the in-place op's node, whose backward puts the gradient back in the old geometry."""
import math

import numpy as np

from .. import autograd, dtypes, errors, messages, undo
from ..autograd import Node, edge_of
from ..errors import runtime
from ..saved_names import unsigned
from ..storage import Storage, TypedStorage
from .args import as_strided_geometry
from .core import Tensor, check_inplace, given_saved_values, needs_grad, rebase_history
from ..tensorimpl import _contiguous_strides, _shape_list, numel_overflows, resize_storage, storage_view


def unsqueeze_to(g, shape, dims=None):
    """PyTorch's unsqueeze_to, squeeze's gradient: g.unsqueeze(d) for each size-1 dim d of shape (of dims, wrapped,
    when given), in order (UnsqueezeBackward0 under create_graph)."""
    for d, n in enumerate(shape):
        if n == 1 and (dims is None or d in dims):
            g = g.unsqueeze(d)
    return g


# what PyTorch's in-place geometry nodes save, in the order the ops pass them as `given` (self_sym_sizes: self's
# shape before the change)
GEOMETRY_SAVED = {"SqueezeBackward3": ("self_sym_sizes",), "SqueezeBackward4": ("dim", "self_sym_sizes"),
                  "SqueezeBackward5": ("dim", "self_sym_sizes"), "UnsqueezeBackward1": ("dim",),
                  "TransposeBackward1": ("dim0", "dim1"), "AsStridedBackward1": ("size", "stride", "storage_offset")}
_GEOMETRY_CLASSES = {}


class GeometryBackward(Node):
    """UnsqueezeBackward1, SqueezeBackward3/4/5, TBackward1, TransposeBackward1: the inverse of the geometry change.
    Each name's nodes are of a class named so (made on first use), which shows what PyTorch saves
    (grad_fn._saved_dim: the argument as the program gave it, -1 as its uint64)."""
    __slots__ = ("inverse", "shape", "given")

    def __new__(cls, name, edge, inverse, shape=(), given=()):
        sub = _GEOMETRY_CLASSES.get(name)
        if sub is None:
            sub = _GEOMETRY_CLASSES[name] = type(name, (GeometryBackward,), {
                "__slots__": (), "name_": name, "saved_values": given_saved_values(GEOMETRY_SAVED.get(name, ()))})
        return Node.__new__(sub)

    def __init__(self, name, edge, inverse, shape=(), given=()):
        Node.__init__(self, (edge,))
        self.inverse = inverse
        self.shape = shape
        self.given = tuple(None if v is None else tuple(map(unsigned, v)) if isinstance(v, (tuple, list)) else
                           unsigned(v) for v in given)

    def backward(self, g):
        return (self.inverse(g),)


def _change_geometry(self, view, name, inverse, given=()):
    record = needs_grad(self)
    if record:
        check_inplace(self)
    with autograd.no_grad():
        v = view(self)
    edge = edge_of(self) if record else None
    undo.touch(self)
    shape = self._shape
    self._shape, self._stride, self._offset, self._np = v._shape, v._stride, v._offset, v._np
    counter = self._version_counter
    counter.bump()
    if record:
        self._grad_fn = GeometryBackward(name, edge, inverse, shape, given)
        self._output_nr = 0
        if self._view is not None:  # (its grad_fn is current: nothing to regenerate on reading it)
            undo.touch_attrs(self._view, "attr_version")
            self._view.attr_version = counter.value
    return self


def restride_inplace(self, stride):
    """self.as_strided_(self.shape, stride) over the same elements (adaptive_avg_pool's channels_last 1x1 output):
    AsStridedBackward1 puts the gradient back in the old geometry."""
    from .core import as_strided_backward
    base, view = (self._shape, self._stride, self._offset), (self._shape, tuple(stride), self._offset)
    return _change_geometry(self, lambda t: t.as_strided(self._shape, stride, self._offset), "AsStridedBackward1",
                            lambda g: as_strided_backward(g, base, view), (self._shape, stride, None))


def as_strided_inplace(self, size, stride, storage_offset=None):
    """as_strided_: the tensor takes the geometry as_strided gives (its storage offset kept when none is given)."""
    from .core import as_strided_backward
    _check_inplace_first(self)
    view = as_strided_geometry(self, size, stride, storage_offset, "as_strided_")
    base = (self._shape, self._stride, self._offset)
    return _change_geometry(self, lambda t: t.as_strided(*view), "AsStridedBackward1",
                            lambda g: as_strided_backward(g, base, view), (size, stride, storage_offset))


def _check_inplace_first(self):
    """Autograd's in-place check, which runs before the op's own argument checks."""
    if needs_grad(self):
        check_inplace(self)


def unsqueeze_inplace(self, dim):
    _check_inplace_first(self)
    d = self._wrap_dim(dim, self.dim() + 1)
    return _change_geometry(self, lambda t: t.unsqueeze(d), "UnsqueezeBackward1", lambda g: g.squeeze(d), (dim,))


def squeeze_inplace(self, dim=None):
    shape = self._shape
    name = "SqueezeBackward3" if dim is None else "SqueezeBackward5" if isinstance(dim, (tuple, list)) else \
        "SqueezeBackward4"

    def backward(g):  # (derivatives.yaml's unsqueeze_to; dims wrapped here, as the in-place checks come first)
        dims = None if dim is None else [d + len(shape) if d < 0 else d for d in (
            dim if isinstance(dim, (tuple, list)) else (dim,))]
        return unsqueeze_to(g, shape, dims)
    return _change_geometry(self, lambda t: t.squeeze() if dim is None else t.squeeze(dim), name, backward,
                            () if dim is None else (dim,))


def transpose_inplace(self, dim0, dim1):
    return _change_geometry(self, lambda t: t.transpose(dim0, dim1), "TransposeBackward1",
                            lambda g: g.transpose(dim0, dim1), (dim0, dim1))


def t_inplace(self):
    _check_inplace_first(self)
    if self.dim() > 2:
        raise runtime(f"t_() expects a tensor with <= 2 dimensions, but self is {self.dim()}D")
    return _change_geometry(self, lambda t: t.t(), "TBackward1", lambda g: g.t())



class SetBackward(Node):
    """set_ on a tensor with history, or to a tensor that requires grad: PyTorch records a node that refuses to run,
    its edges to self and (set_(Tensor) only) the source, one without history an empty edge."""
    __slots__ = ()
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented)

    def backward(self, g):
        raise runtime("derivative for set_ is not implemented")


def set_inplace(self, source=None, storage_offset=0, size=None, stride=None):
    """set_(): the tensor moves onto another storage (a tensor's, or an untyped storage at an offset, size and
    stride; none at all for set_()); it stays a view of what it was a view of, and its version moves."""
    inputs = (self, source) if isinstance(source, Tensor) and size is None else (self,)
    if isinstance(source, Tensor):
        if source.dtype is not self.dtype:
            raise runtime(f"Could not set tensor of type {dtypes.C_NAMES[source.dtype.name]} to a tensor of type "
                          f"{dtypes.C_NAMES[self.dtype.name]}")
        if size is None:  # (a conj view's memory itself: set_ takes no conj bit)
            storage, offset, shape, strides = source.untyped_storage(), source._offset, source._shape, source._stride
        else:
            return set_inplace(self, source.untyped_storage(), storage_offset, size, stride)
    else:
        if isinstance(source, TypedStorage):  # (python_variable_methods' set_: its buffer, of self's dtype)
            if source.dtype is not self.dtype:
                raise runtime(f"Expected a Storage of type {dtypes.C_NAMES[self.dtype.name]} or an UntypedStorage, "
                              f"but got type {dtypes.SCALAR_NAMES[source.dtype.name]} for argument 1 'storage'")
            source = source._untyped
        item = self.dtype.npsize  # (the bytes of the numpy array holding the storage: bfloat16's are float32's)
        storage = Storage(np.empty(0, self.dtype.np)) if source is None else source
        offset = storage_offset
        shape = (storage.data.nbytes // item,) if size is None else tuple(size)
        strides = _contiguous_strides(shape) if not stride else tuple(stride)
        _check_set_storage(self, storage, offset, shape, strides, stride)
        strides = _nonnegative_strides(shape, strides)
        needed = (offset + sum((n - 1) * s for n, s in zip(shape, strides))) * item + item
        if shape and 0 not in shape and needed > storage.data.nbytes:  # (the storage grows, as resize_ grows it)
            resize_storage(storage, needed // item * self.dtype.itemsize)
    node = None
    if needs_grad(*inputs):
        check_inplace(self)
        node = SetBackward(tuple(edge_of(t) for t in inputs))
    undo.touch(self)
    arr = storage_view(storage, self.dtype, shape, strides, offset)
    self._storage, self._offset, self._shape, self._stride, self._np = storage, offset, shape, strides, arr
    self._version_counter.bump()
    if node is not None:
        rebase_history(self, node)  # (a view's base records CopySlices over it)
    return self


def _check_set_storage(self, storage, offset, shape, strides, given):
    """ATen's checkSetStorage: the offset, then (sizes and any strides given unchanged: resize_impl, which would grow
    the storage, then does nothing) the new geometry within the storage."""
    if given and len(given) != len(shape):
        raise runtime(f"unequal size length ({len(shape)}) and stride length ({len(given)})")
    if offset < 0:
        raise runtime(f"Tensor: invalid storage offset {offset}")
    if numel_overflows(shape):  # (resize_impl: set_sizes_and_strides' numel, then the storage's bytes)
        raise runtime("numel: integer multiplication overflow")
    if given and 0 not in shape and _nbytes_overflows(shape, strides, offset, self.dtype.itemsize):
        raise runtime(f"Storage size calculation overflowed with sizes={_shape_list(shape)} and "
                      f"strides={_shape_list(strides)}")
    if shape == self._shape and (not given or strides == self._stride) and 0 not in shape and \
            (offset + 1 + sum((n - 1) * s for n, s in zip(shape, strides))) * self.dtype.npsize > storage.data.nbytes:
        raise runtime(messages.storage_out_of_bounds(shape, strides, offset, self.dtype.itemsize, storage.nbytes(),
                                                     given or ()))


def _nonnegative_strides(shape, strides):
    """set_sizes_and_strides: a negative stride (of a size 0 or 1, the only ones that pass) becomes the contiguous
    stride over the dimensions after it."""
    out = list(strides)
    for d in range(len(out) - 1, -1, -1):
        if out[d] < 0:
            out[d] = 1 if d == len(out) - 1 else max(shape[d + 1], 1) * out[d + 1]
    return tuple(out)


_WRAP = 1 << 64  # (c10's safe arithmetic is on uint64: a negative int64 reads as 2**64 plus it)


def _nbytes_overflows(shape, strides, offset, itemsize):
    """computeStorageNbytes: offset + 1 + each stride * (size - 1), times the item size, overflows likewise."""
    total, over = offset + 1, False
    for n, st in zip(shape, strides):
        term = (st % _WRAP) * ((n - 1) % _WRAP)
        total += term % _WRAP
        over |= term >= _WRAP or total >= _WRAP
        total %= _WRAP
    return over or total * itemsize >= 1 << 63


def is_set_to(self, tensor):
    """True when both tensors are the same storage, offset, sizes and strides."""
    return (self._storage is tensor._storage and self._offset == tensor._offset and self._shape == tensor._shape
            and self._stride == tensor._stride)


def _sizes(size, name):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = tuple(size[0])
    return tuple(int(s) for s in size)  # (_resize checks the numel: negative sizes beside a zero are taken)


def resize_inplace(self, *size, memory_format=None):
    """resize_: the tensor takes the shape, contiguous strides from its offset, and the storage grows (never
    shrinks) when the new shape needs more; a tensor that requires grad refuses."""
    if self.requires_grad:  # (before the sizes' own check)
        raise runtime("cannot resize variables that require grad")
    shape = _sizes(size, "resize_")
    return _resize(self, shape, memory_format)


def resize_output(out, shape, strides=None):
    """ATen's resize_output, an out= argument taking its result's shape: resize_ below autograd (no version bump);
    strides: a structured op's advisory strides, which set_output's resize_out takes only if out was resized."""
    resized = shape != out._shape
    _resize(out, shape, bump=False)
    if resized and strides is not None and strides != out._stride:
        _restride(out, shape, strides)
    return out


def _resize(self, shape, memory_format=None, bump=True):
    """ATen's resize_: new sizes get contiguous strides (the storage grown when they need more), then a given
    memory_format restrides the tensor (its errors come after the resize, as PyTorch's); the version moves only when
    the sizes changed (ADInplaceOrView's resize_), and only if nothing failed; bump=False: resize_output's, below
    autograd (its out= may require grad: the fallback of the view copies, or no_grad)."""
    from ..tensorimpl import PRESERVE_FORMAT
    resized = shape != self._shape
    if resized:
        if numel_overflows(shape):  # (resize_impl: set_sizes_contiguous's numel, then the contiguous bytes)
            raise runtime("numel: integer multiplication overflow")
        needed = (self._offset + math.prod(shape)) * self.dtype.itemsize  # (PyTorch's bytes: bfloat16's are 2)
        if needed >= 1 << 63:
            raise runtime(f"Storage size calculation overflowed with sizes={_shape_list(shape)}")
        if needed > self._offset * self.dtype.itemsize and needed > self._storage.nbytes():
            if not self._storage.growable:
                raise runtime("Trying to resize storage that is not resizable")
            resize_storage(self._storage, needed)
        _restride(self, shape, _contiguous_strides(shape))
    if memory_format is not None:  # (empty_tensor_restride)
        if memory_format is PRESERVE_FORMAT:
            raise runtime("Unsupported memory formatPreserve")
        memory_format.check_rank(shape)
        strides = memory_format.strides(shape) if memory_format.rank else _contiguous_strides(shape)
        if strides != self._stride:
            _restride(self, shape, strides)
    if resized and bump:
        self._version_counter.bump()
    return self


def _restride(self, shape, strides):
    undo.touch(self)
    self._shape, self._stride = shape, strides
    self._np = storage_view(self._storage, self.dtype, shape, strides, self._offset)


def resize_as_inplace(self, the_template, *, memory_format=None):
    if not isinstance(the_template, Tensor):
        from .core import type_name
        raise errors.type_error(f"resize_as_(): argument 'the_template' (position 1) must be Tensor, not "
                                f"{type_name(the_template)}")
    if self.requires_grad:  # (VariableType's resize_as_)
        raise runtime("cannot resize variables that require grad")
    from ..layout import suggest_memory_format
    from ..tensorimpl import PRESERVE_FORMAT
    if memory_format is PRESERVE_FORMAT:  # (resize_as_: the template's suggested format; resize_ refuses preserve)
        memory_format = suggest_memory_format(the_template)
    return _resize(self, the_template._shape, memory_format)

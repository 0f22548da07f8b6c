"""Views: outputs that share their input's storage and version counter (ops.core.make_view): view/reshape,
flatten/unflatten, t/transpose/permute/swapaxes/movedim, squeeze/unsqueeze, expand/broadcast_to, select/narrow/
slices, unbind/chunk/split, as_strided, diagonal, unfold, T/mT. Each backward is registered in
ops.core.VIEW_BACKWARD."""
import numpy as np

from .. import dtypes, messages
from . import multiview
from ..errors import TorchError, index_error, runtime, type_error, value_error, warn_once
from ..pyapi import _parse
from ..storage import BFloat16Storage, INFERENCE_MODE, VersionCounter
from ..layout import view_strides as _view_strides
from ..tensorimpl import Tensor, _contiguous_strides, _shape_list, int_elements, numel_overflows
from .args import _int_list, _ints, as_strided_geometry
from .copies import clone
from .geometry_inplace import unsqueeze_to as _unsqueeze_to
from ..saved_names import INT64_MAX, _signed, unsigned
from .core import (EMBED_SAVED, InputNode, VIEW_BACKWARD, VIEW_SAVED, ViewNode, attach, embed, fresh, make_view, needs_grad,
                   refresh_view_grad_fn, shown_given, sum_to, tensor_params, type_name, unchecked)
from .reductions import reduce_dims
from .registry import op


def _select_backward(g, shape, dim, index):
    return embed(g, shape, lambda t: t.select(dim, index), "SelectBackwardBackward0")


def _slice_backward(g, shape, dim, start, stop, step):
    return embed(g, shape, lambda t: t._slice(dim, start, stop, step), "SliceBackwardBackward0")


def _squeeze_backward(g, shape, *args):
    return g.reshape(shape)


VIEW_BACKWARD.update({
    "ViewBackward0": lambda g, shape: g.reshape(shape),
    "ReshapeAliasBackward0": lambda g, shape: g.reshape(shape),
    "UnsafeViewBackward0": lambda g, shape: g.reshape(shape),
    "AliasBackward0": lambda g, shape: g,
    "TBackward0": lambda g, shape: unchecked("t")(g),  # (every nn.Linear's weight: past the argument parser)
    "TransposeBackward0": lambda g, shape, d0, d1: g.transpose(d0, d1),
    "PermuteBackward0": lambda g, shape, dims: g.permute(tuple(np.argsort(dims).tolist())),  # (0-dim: ())
    "UnsqueezeBackward0": lambda g, shape, d: g.squeeze(d),
    "SqueezeBackward0": _unsqueeze_to,
    "SqueezeBackward1": _unsqueeze_to,
    "SqueezeBackward2": _unsqueeze_to,
    "SqueezeBackward4": _squeeze_backward,
    "ExpandBackward0": lambda g, shape: sum_to(g, shape),
    "SelectBackward0": _select_backward,
    "SliceBackward0": _slice_backward,
})
VIEW_SAVED.update({  # what PyTorch's view nodes save (self_sym_sizes: the base's shape), as make_view gets it
    **dict.fromkeys(("ViewBackward0", "ReshapeAliasBackward0", "UnsafeViewBackward0", "ExpandBackward0",
                     "SqueezeBackward0"), ("self_sym_sizes",)),
    "SqueezeBackward1": ("dim", "self_sym_sizes"), "SqueezeBackward2": ("dim", "self_sym_sizes"),
    "TransposeBackward0": ("dim0", "dim1"), "PermuteBackward0": ("dims",), "UnsqueezeBackward0": ("dim",),
    "SelectBackward0": ("dim", "index", "self_sym_sizes"),
    "SliceBackward0": ("dim", "start", "end", "step", "self_sym_sizes"),
    "AsStridedBackward0": ("size", "stride", "storage_offset"),
    "DiagonalBackward0": ("dim1", "dim2", "offset", "self_sym_sizes"),
    "UnfoldBackward0": ("dimension", "self_sym_sizes", "size", "step"),
})
EMBED_SAVED.update({"SelectBackwardBackward0": ("dim", "index"), "SliceBackwardBackward0": ("dim", "start", "end", "step"),
                    "DiagonalBackwardBackward0": ("dim1", "dim2", "offset")})  # (their view's saved values, in order)


def _infer_shape(shape, numel):
    """ATen's infer_size: one pass over the sizes (a second -1 or a size below -1 refused where it stands)."""
    shape = list(shape)
    infer, known = None, 1
    for i, s in enumerate(shape):
        if s == -1:
            if infer is not None:
                raise runtime("only one dimension can be inferred")
            infer = i
        elif s >= 0:
            known *= s
        else:
            raise runtime(f"invalid shape dimension {s} at index {i} of shape {_shape_list(shape)}")
    if known == numel or (infer is not None and known > 0 and numel % known == 0):
        if infer is not None:
            if known == 0:
                raise runtime(f"cannot reshape tensor of 0 elements into shape {_shape_list(shape)} because the "
                              f"unspecified dimension size -1 can be any value and is ambiguous")
            shape[infer] = numel // known
        return tuple(shape)
    raise runtime(messages.VIEW_INVALID.format(shape=_shape_list(shape), n=numel))


def _shape_arg(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    return int_elements(shape, lambda s, i: type_error(
        f"view(): argument 'size' (position 1) must be tuple of ints, but found element of type {type(s).__name__} at pos 0"))


def _view_dtype(self, dtype):
    """Tensor.view(dtype) (ATen's view_dtype): the same bytes read as dtype, the last dimension rescaled when the
    element sizes differ. Not differentiable and not a view to autograd (no _base, no grad_fn), but the storage
    and the version counter are shared."""
    from ..tensorimpl import Tensor, hold_as_bfloat16, storage_view
    for lazy, what in ((self.is_conj(), "conjugate view tensors"), (self.is_neg(), "tensors with negative bit set")):
        if lazy:  # (before its own dtype's shortcut: a conj view's bytes are not its values)
            raise runtime(f"torch.Tensor.view is not supported for {what} when converting to a different dtype.")
    shape, stride, offset = self._shape, self._stride, self._offset
    old, new = self.dtype.itemsize, dtype.itemsize

    def names():
        return f"{self.dtype.type_name[6:-6]} as {dtype.type_name[6:-6]} (different element sizes)"
    if old != new:
        if not shape:
            raise runtime(f"self.dim() cannot be 0 to view {names()}")
        if old > new:
            _unit_last_stride(stride, names)
            ratio = old // new
            shape = shape[:-1] + (shape[-1] * ratio,)
            stride = tuple(s * ratio for s in stride[:-1]) + (1,)
            offset *= ratio
        else:
            ratio = new // old
            if shape[-1] % ratio:
                raise runtime(f"self.size(-1) must be divisible by {ratio} to view {names()}, but got {shape[-1]}")
            if offset % ratio:
                raise runtime(f"self.storage_offset() must be divisible by {ratio} to view {names()}, but got "
                              f"{offset}")
            _unit_last_stride(stride, names)  # (after the size and offset when the elements grow)
            for d, s in enumerate(stride[:-1]):
                if s % ratio:
                    raise runtime(f"self.stride({d}) must be divisible by {ratio} to view {names()}, but got {s}")
            shape = shape[:-1] + (shape[-1] // ratio,)
            stride = tuple(s // ratio for s in stride[:-1]) + (1,)
            offset //= ratio
    if dtype is not self.dtype and 0 not in shape and (dtype is dtypes.bfloat16 or isinstance(self._storage,
                                                                                           BFloat16Storage)):
        # (bfloat16 is held as float32 words: a 2-byte dtype reads their high halves, no other dtype their bytes)
        if not (new == 2 == old and (isinstance(self._storage, BFloat16Storage) or hold_as_bfloat16(self._storage))):
            raise runtime(f"tensorsh: view(dtype) between bfloat16 and {(self.dtype, dtype)[self.dtype is dtypes.bfloat16].name}"
                          f" is not supported")
    # (made in inference mode it is an inference tensor, whatever self is: view_dtype builds a TensorImpl there,
    # and no view bookkeeping gives it self's key set and counter, as a view's would)
    counter = VersionCounter() if INFERENCE_MODE[0] else self._version_counter
    return Tensor._make(self._storage, offset, shape, stride, dtype,
                        storage_view(self._storage, dtype, shape, stride, offset), counter)


def _unit_last_stride(stride, names):
    if stride[-1] != 1:
        raise runtime(f"self.stride(-1) must be 1 to view {names()}, but got {stride[-1]}")


def view(self, *shape, size=None, dtype=None):
    if size is not None or dtype is not None:  # (the keyword spellings: x.view(size=(-1,)), x.view(dtype=...))
        shape = (size if dtype is None else dtype,)
    if len(shape) == 1 and isinstance(shape[0], dtypes.DType):
        return _view_dtype(self, shape[0])
    shape = _infer_shape(_shape_arg(shape), self.numel())
    strides = _view_strides(self._shape, self._stride, shape)
    if strides is None:
        raise runtime(messages.VIEW_STRIDE)
    return make_view(self, shape, strides, self._offset, "ViewBackward0")


@tensor_params('other')
def view_as(self, other):
    return view(self, other._shape)


def reshape(self, *shape, **keyword):  # (x.reshape(shape=(3, 2)); torch.reshape(x, shape=...))
    shape = _infer_shape(_shape_arg(shape or tuple(keyword.values())), self.numel())
    strides = _view_strides(self._shape, self._stride, shape)
    if strides is not None:  # (ATen views a contiguous tensor, and aliases another with the strides it computed)
        name = "ViewBackward0" if self.is_contiguous() else "ReshapeAliasBackward0"
        return make_view(self, shape, strides, self._offset, name)
    return _unsafe_view(clone(self, contiguous=True), shape)


@tensor_params('other')
def reshape_as(self, other):
    return reshape(self, other._shape)


def _unsafe_view(self, shape):
    """_unsafe_view: a fresh (non-view) alias used by reshape-after-copy, matmul and kron, with view's strides (and
    its error where the layout cannot be viewed so)."""
    shape = _infer_shape(tuple(shape), self.numel())
    strides = _contiguous_strides(shape) if self.is_contiguous() else _view_strides(self._shape, self._stride, shape)
    if strides is None:
        raise runtime(messages.VIEW_STRIDE)
    out = self._alias(shape, strides, self._offset, counter=self._version_counter)
    if needs_grad(self):
        attach(out, ViewNode("UnsafeViewBackward0", self, ()))
    return out


def flatten(self, start_dim=0, end_dim=-1):
    s = self._wrap_dim(start_dim)
    e = self._wrap_dim(end_dim)
    if self.dim() == 0:
        return reshape(self, 1)
    if s > e:
        raise runtime("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return self
    n = 1
    for d in range(s, e + 1):
        n *= self._shape[d]
    return reshape(self, self._shape[:s] + (n,) + self._shape[e + 1:])


def swapaxes(self, axis0, axis1):
    return self.transpose(axis0, axis1)


def unflatten_view(self, dim, sizes):
    d = self._wrap_dim(dim)
    if not self.dim():  # (PyTorch's message goes on with a C++ stack dump, whose addresses no run shares)
        raise runtime("unflatten got an unexpected error:\n" + messages.DIM_NO_DIMS.format(d))
    sizes = _int_list("unflatten", "sizes", (sizes,))
    if not sizes:
        raise runtime(messages.UNFLATTEN_EMPTY)
    n = self._shape[d]
    try:
        inferred = _infer_shape(sizes, n)
    except TorchError as e:  # unflatten_impl rewords infer_size's size mismatch and wraps its other errors
        if "is invalid for input of size" not in str(e):
            raise runtime(f"unflatten got an unexpected error:\n{e}") from None
        raise runtime(f"unflatten: Provided sizes {_shape_list(sizes)} don't multiply up to the size of dim {d} "
                      f"({n}) in the input tensor") from None
    return self.view(self._shape[:d] + tuple(inferred) + self._shape[d + 1:])


def unflatten(self, dim, sizes):
    """Tensor.unflatten: empty sizes refused in Python, then TensorBase.unflatten's parser."""
    if _truth(sizes) is False:
        raise runtime(messages.UNFLATTEN_EMPTY)
    bound = _parse(("unflatten(int64_t dim, SymIntArrayRef sizes)",), (dim, sizes), {})
    return unflatten_view(self, bound["dim"], bound["sizes"])  # (as parsed: dim=np.int64(1), sizes=(tensor(2), -1))


unflatten.__qualname__ = "Tensor.unflatten"


def _truth(v):
    """Python's `not v` as torch's Python code evaluates it (a tensor's truth is its one element's)."""
    return bool(v)


def t(self):
    if len(self._shape) > 2:
        raise runtime(f"t() expects a tensor with <= 2 dimensions, but self is {self.dim()}D")
    return make_view(self, self._shape[::-1], self._stride[::-1], self._offset, "TBackward0", (), self._np.T)


def transpose(self, dim0, dim1):
    n = self.dim()
    d0, d1 = self._wrap_dim(dim0), self._wrap_dim(dim1)
    shape, stride = list(self._shape), list(self._stride)
    if n:
        shape[d0], shape[d1] = shape[d1], shape[d0]
        stride[d0], stride[d1] = stride[d1], stride[d0]
    return make_view(self, shape, stride, self._offset, "TransposeBackward0", (dim0, dim1),  # (its gradient's
                     saved=(unsigned(dim0), unsigned(dim1)))  # transpose takes the dims as given, as PyTorch's)


def permute(self, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    if len(dims) != self.dim():
        raise runtime(f"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {self.dim()} is not equal to len(dims) = {len(dims)}")
    given = tuple(unsigned(d) for d in dims)
    dims = tuple(self._wrap_dim(d) for d in dims)
    if len(set(dims)) != len(dims):
        raise runtime("permute(): duplicate dims are not allowed.")
    return make_view(self, [self._shape[d] for d in dims], [self._stride[d] for d in dims], self._offset,
                      "PermuteBackward0", (dims,), saved=(given,))


def unsqueeze(self, dim):
    d = self._wrap_dim(dim, self.dim() + 1)
    shape, stride = list(self._shape), list(self._stride)
    new_stride = shape[d] * stride[d] if d < len(shape) else 1
    shape.insert(d, 1)
    stride.insert(d, new_stride)
    return make_view(self, shape, stride, self._offset, "UnsqueezeBackward0", (dim,),  # (its gradient's squeeze:
                     saved=(unsigned(dim),))  # the dim as given)


def _zero_dim_dims(self, dim):
    """squeeze's dims of a 0-dim tensor: each checked as a dim (0 or -1), none repeated; nothing to squeeze."""
    seen = set()
    for d in dim if isinstance(dim, (tuple, list)) else (dim,):
        w = self._wrap_dim(d)
        if w in seen:
            raise runtime(f"dim {w} appears multiple times in the list of dims")
        seen.add(w)
    return ()


def squeeze(self, dim=None):
    if dim is None:
        keep = [i for i, s in enumerate(self._shape) if s != 1]
        name = "SqueezeBackward0"
    else:
        dims = reduce_dims(self, dim) if self.dim() else _zero_dim_dims(self, dim)
        keep = [i for i, s in enumerate(self._shape) if not (i in dims and s == 1)]
        name = "SqueezeBackward1" if not isinstance(dim, (tuple, list)) else "SqueezeBackward2"
    given = () if dim is None else (tuple(map(unsigned, dim)) if isinstance(dim, (tuple, list)) else unsigned(dim),)
    return make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name,
                     () if dim is None else (dims,), saved=given)


def _squeeze_named(self, dim, name):
    keep = [i for i in range(self.dim()) if i != dim]
    return make_view(self, [self._shape[i] for i in keep], [self._stride[i] for i in keep], self._offset, name)


def expand(self, *sizes, size=None, implicit=False):
    """x.expand(*sizes) (implicit: the parser's flag of an expand made by broadcasting; no effect on the view)."""
    sizes = _shape_arg(sizes if size is None else (size,))
    if len(sizes) < self.dim():
        # (PyTorch's toString: the legacy type name, but for the types that have none)
        kind = dtypes.cpp_type_name(self.dtype)
        raise runtime(f"expand({kind}{{{_shape_list(self._shape)}}}, size={_shape_list(sizes)}): the number of sizes provided ({len(sizes)}) must be greater or equal to the number of dimensions in the tensor ({self.dim()})")
    if not self._shape and any(s < 0 for s in sizes):  # (a 0-dim tensor's sizes are taken as they are)
        raise runtime("numel: integer multiplication overflow")
    lead = len(sizes) - self.dim()
    shape, stride = [], []
    for i in range(len(sizes) - 1, -1, -1):  # PyTorch checks from the last dimension backwards
        s = sizes[i]
        if i < lead:
            if s == -1:  # (only -1: another negative size passes, to fail as the view's numel)
                raise runtime(f"The expanded size of the tensor ({s}) isn't allowed in a leading, non-existing dimension {i}")
            shape.append(s)  # (a new dimension of size 1 steps over the ones after it, as inferExpandGeometry's)
            stride.append(shape[-2] * stride[-1] if s == 1 and len(shape) > 1 else 0)
            continue
        old = self._shape[i - lead]
        if s == -1:
            s = old
        if old == s:
            shape.append(s)
            stride.append(self._stride[i - lead])
        elif old == 1:
            shape.append(s)
            stride.append(0)
        else:
            raise runtime(f"The expanded size of the tensor ({s}) must match the existing size ({old}) at non-singleton dimension {i}.  Target sizes: {_shape_list(sizes)}.  Tensor sizes: {_shape_list(self._shape)}")
    if numel_overflows(shape[::-1]):  # (a size of 1 expanded to -2: the view's numel, as an unsigned product; beside a
        raise runtime("numel: integer multiplication overflow")  # zero the product is 0 and PyTorch takes it)
    return make_view(self, shape[::-1], stride[::-1], self._offset, "ExpandBackward0")


@tensor_params('other')
def expand_as(self, other):
    return expand(self, other._shape)


def select(self, dim, index):
    if self.dim() == 0:
        raise index_error("select() cannot be applied to a 0-dim tensor.")
    d = self._wrap_dim(dim)
    n = self._shape[d]
    if index < -n or index >= n:
        raise index_error(f"select(): index {index} out of range for tensor of size "
                          f"[{', '.join(map(str, self._shape))}] at dimension {d}")  # (indexing checks first)
    i = index + n if index < 0 else index
    shape = self._shape[:d] + self._shape[d + 1:]
    stride = self._stride[:d] + self._stride[d + 1:]
    return make_view(self, shape, stride, self._offset + i * self._stride[d], "SelectBackward0", (d, i),
                     saved=(unsigned(dim), unsigned(index)))


def _slice(self, dim, start, stop, step, given_dim=None):
    d = dim
    n = self._shape[d]
    if step is None:
        step = 1
    if step <= 0:
        raise value_error("step must be greater than zero") if step < 0 else value_error("slice step cannot be zero")
    given = (d if given_dim is None else given_dim, unsigned(start or 0), INT64_MAX if stop is None else unsigned(stop), step)
    start = 0 if start is None else start
    stop = n if stop is None else stop
    if start < 0:
        start += n
    if stop < 0:
        stop += n
    start = 0 if start < 0 else n if start > n else start
    stop = start if stop < start else n if stop > n else stop
    length = _signed(unsigned(stop - start + step - 1))  # (ATen's int64 arithmetic: a huge step overflows)
    shape = list(self._shape)
    stride = list(self._stride)
    shape[d] = length // step if length >= 0 else -(-length // step)
    stride[d] = _signed(unsigned(self._stride[d] * step))
    if shape[d] < 0 or stride[d] < 0:
        as_strided_geometry(self, shape, stride, self._offset + start * self._stride[d])  # (its errors)
    return make_view(self, shape, stride, self._offset + start * self._stride[d], "SliceBackward0",
                      (d, start, stop, step), saved=given)


def narrow(self, dim, start, length, length_first=True):
    """narrow's checks in its order; length_first=False: narrow_copy's, whose negative length fails the last one
    (start + length), after start's range."""
    if isinstance(start, Tensor):  # (narrow.Tensor: a 0-dim integer tensor's value, checked before all else)
        if start.dim() or start.dtype.category != 1:
            raise runtime("start must be an 0-dim integral Tensor.")
        start = start.item()
    if not self._shape:
        raise runtime("narrow() cannot be applied to a 0-dim tensor.")
    if length < 0 and length_first:
        raise runtime("narrow(): length must be non-negative.")
    d = self._wrap_dim(dim)
    size = self._shape[d]
    if not -size <= start <= size:
        raise index_error(f"start out of range (expected to be in range of [{-size}, {size}], but got {start})")
    start = start + size if start < 0 else start  # (PyTorch's node saves it wrapped, and dim as given)
    if length < 0 or start > size - length:
        raise runtime(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    return _slice(self, d, start, start + length, 1, unsigned(dim))


def alias(self):
    return make_view(self, self._shape, self._stride, self._offset, "AliasBackward0")


def as_subclass(self, *args, **kwargs):
    """An alias of the tensor as cls: only Tensor itself here (a program cannot subclass it), PyTorch's checks (its
    C reader's texts: one positional argument, then cls, then no other keyword)."""
    if len(args) > 1:
        raise type_error(f"as_subclass() takes 1 positional argument but {len(args)} were given")
    if not args and "cls" not in kwargs:
        raise type_error('as_subclass() missing 1 required positional arguments: "cls"')
    if args and "cls" in kwargs:
        raise type_error("as_subclass() got multiple values for argument 'cls'")
    extra = [k for k in kwargs if k != "cls"]
    if extra:
        raise type_error(f"as_subclass() got an unexpected keyword argument '{extra[0]}'")
    cls = args[0] if args else kwargs["cls"]
    if not isinstance(cls, type):
        raise type_error(f"cls must be a type (got {type_name(cls)})")
    from ..legacy_types import LEGACY
    if cls is not LEGACY["Tensor"] and not issubclass(cls, Tensor):  # (the language's torch.Tensor, or the engine's)
        raise type_error("Creating a Tensor subclass from a class that does not inherit from Tensor is not possible. "
                         "Make sure your class inherits from Tensor.")
    return alias(self)


def unbind(self, dim=0):
    return multiview.unbind(self, dim)


def chunk(self, chunks, dim=0):
    return multiview.chunk(self, chunks, dim)


def split(self, split_size, dim=0):
    return multiview.split(self, split_size, dim)


def _numpy_T(self):
    if self.dim() != 2:  # PyTorch's warnings, each once per process
        warn_once(messages.T_OF_0D if self.dim() == 0 else messages.T_NOT_2D)
    return permute(self, *reversed(range(self.dim())))


def _matrix_T(self):
    if self.dim() == 0:
        warn_once("Tensor.mT is deprecated on 0-D tensors. This function is the identity in these cases.")
        return self
    if self.dim() < 2:
        raise runtime(f"tensor.mT is only supported on matrices or batches of matrices. Got {self.dim()}-D tensor.")
    return transpose(self, -2, -1)


def as_strided(self, size, stride, storage_offset=None):
    size, stride, offset = as_strided_geometry(self, size, stride, storage_offset)
    geometry = ((self._shape, self._stride, self._offset), (size, stride, offset))
    return make_view(self, size, stride, offset, "AsStridedBackward0", geometry,
                     saved=(size, stride, storage_offset))


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
    return make_view(self, shape, stride, start, "DiagonalBackward0", (offset, d1, d2),
                     saved=(unsigned(dim1), unsigned(dim2), unsigned(offset)))


def _diagonal_backward(g, shape, offset, d1, d2):
    return embed(g, shape, lambda t: t.diagonal(offset, d1, d2), "DiagonalBackwardBackward0")


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
    return make_view(self, shape, stride, self._offset, "UnfoldBackward0", (d, size, step),
                     saved=(unsigned(dimension), size, step))


class UnfoldBackwardBackward0(InputNode):
    fields = ("dim", "size", "step")
    given = None  # (UnfoldBackward0's saved dimension, size, step: what this node shows)
    saved_values = shown_given(("dim", "size", "step"))

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


def movedim(self, source, destination):
    src, dst = _ints("movedim", "source", source), _ints("movedim", "destination", destination)
    if len(src) != len(dst):
        raise runtime(f"movedim: Invalid source or destination dims: source ({_shape_list(src)} dims) should "
                      f"contain the same number of dims as destination ({_shape_list(dst)} dims)")
    given = {"source": src, "destination": dst}
    src = tuple(self._wrap_dim(d) for d in src)
    dst = tuple(self._wrap_dim(d) for d in dst)
    for name, dims in (("source", src), ("destination", dst)):
        if len(set(dims)) != len(dims):  # (named as given: [0, -3])
            raise runtime(f"movedim: repeated dim in `{name}` ({_shape_list(given[name])})")
    if not self.dim():  # a scalar: PyTorch returns an alias of it
        return make_view(self, (), (), self._offset, "AliasBackward0")
    order = [None] * self.dim()
    for s, d in zip(src, dst):
        order[d] = s
    rest = iter(d for d in range(self.dim()) if d not in src)
    order = [o if o is not None else next(rest) for o in order]
    return permute(self, order)


def broadcast_to(self, size):
    return expand(self, size)


VIEW_BACKWARD["DiagonalBackward0"] = _diagonal_backward
VIEW_BACKWARD["UnfoldBackward0"] = _unfold_backward


op("view", view, edges=True, view=True)
op("view_as", view_as, edges=True, view=True)
op("as_subclass", as_subclass)
op("reshape", reshape, function=True, edges=True)
op("reshape_as", reshape_as, edges=True)
op("flatten", flatten, function=True)  # (composite: self, or reshape's view and its edges)
op("t", t, function=True, edges=True, view=True)
op("transpose", transpose, function=True, edges=True, view=True)
op("permute", permute, function=True, edges=True, view=True)
op("unsqueeze", unsqueeze, function=True, edges=True, view=True)
op("squeeze", squeeze, function=True, edges=True, view=True)
op("expand", expand, edges=True, view=True)
op("expand_as", expand_as, edges=True, view=True)
op("select", select, function=True, edges=True, view=True)
op("narrow", narrow, function=True, edges=True, view=True)
op("unbind", unbind, function=True, edges=True, view=True)
op("chunk", chunk, function=True, edges=True, view=True)
op("split", multiview.tensor_split_method, function=multiview.torch_split, view=True)  # (Python-level in torch: the
# edges are collected after its parse, by the op it calls)
op("_slice", _slice, view=True)
op("T", property(_numpy_T), view=True)
op("mT", property(_matrix_T), view=True)
op("_refresh_view_grad_fn", refresh_view_grad_fn)
op("swapaxes", swapaxes, aliases=("swapdims",), function=True, edges=True, view=True)
op("unflatten", unflatten, function=True, view=True)  # (Python-level in torch, then a composite: its view collects
# the edges, after unflatten's checks)
op("as_strided", as_strided, function=True, edges=True, view=True)
op("diagonal", diagonal, function=True, edges=True, view=True)
op("unfold", unfold, edges=True, view=True)
op("movedim", movedim, aliases=("moveaxis",), function=True, edges=True, view=True)
op("broadcast_to", broadcast_to, function=True, edges=True, view=True)

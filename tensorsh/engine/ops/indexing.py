"""Indexing with Python keys: x[key] (basic and advanced) and x[key] = value, index_put_."""
import builtins
import operator
import math

import numpy as np

from .. import dtypes, kernels, layout, messages, scalars, undo
from ..autograd import Node, SavedTensor, edge_of
from ..errors import index_error, runtime, type_error, warn
from ..storage import check_size
from ..tensorimpl import Tensor, _shape_list, refuse_if_batched
from ..typenames import tp_name
from .copies import copy_inplace, fill_inplace
from .core import (InputNode, attach, check_overlap, empty_strided, fold_at, from_numpy, internally_overlapping, needs_grad, operand_edge, precheck, sum_to, tensor_of,
                   write_inplace)
from .registry import op
from .views import _slice, alias, expand, select, unsqueeze


def _is_advanced(ix):
    return isinstance(ix, (Tensor, list, range)) or type(ix) is tuple  # (a range is a sequence: a long tensor of it)


_SEQUENCE_INDEX = ("Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in "
                   "pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as tensor "
                   "index, x[torch.tensor(seq)], which will result either in an error or a different result")


def _sequence_as_tuple(index):
    """treatSequenceAsTuple (python_variable_indexing.cpp, NumPy's old heuristic): a list or str shorter than 32
    holding a tensor, a sequence, a slice, Ellipsis or None is a tuple of indices (deprecated: a warning); any other
    list is one advanced index."""
    if not isinstance(index, (list, str)) or len(index) >= 32:
        return index
    for item in index:
        if isinstance(item, (Tensor, list, tuple, str, slice, range)) or item is Ellipsis or item is None:
            warn(_SEQUENCE_INDEX)
            return tuple(index)
    return index


def _byte_mask(t):
    """A uint8 index is a mask, deprecated (ATen's expandTensors)."""
    if t.dtype is dtypes.uint8:
        warn("indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead.")
        return t.to(dtypes.bool_)
    return t


_INDEX_DTYPES = frozenset({dtypes.int64, dtypes.int32, dtypes.uint8, dtypes.bool_})


def _index_tensor(ix, as_given=False):
    """An advanced index as a tensor: a list is a long one unless bool or uint8 (indexing_tensor_from_data); a uint8
    one becomes the bool mask it stands for unless as_given."""
    if isinstance(ix, Tensor):
        if ix.dtype not in _INDEX_DTYPES:
            raise index_error("tensors used as indices must be long, int, byte or bool tensors")
        return ix if as_given else _byte_mask(ix)
    t = tensor_of(ix)
    return t if t.dtype in (dtypes.bool_, dtypes.uint8) or t.dtype is dtypes.int64 else tensor_of(ix, dtypes.int64)


def _expand_index(self, index):
    if not self._shape and not isinstance(index, tuple):  # a lone index on a 0-dim tensor: its own messages
        if isinstance(index, slice):
            raise index_error("slice() cannot be applied to a 0-dim tensor.")
        if isinstance(index, int) and not isinstance(index, bool) and scalars.unpack_long(index) != 0:
            raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))
        if isinstance(index, int) and not isinstance(index, bool):
            raise index_error("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                              "in C++ to convert a 0-dim tensor to a number")
    if not isinstance(index, tuple):
        index = (index,)
    consuming = builtins.sum(1 for ix in index if ix is not None and ix is not Ellipsis and not isinstance(ix, bool))
    for ix in index:
        if isinstance(ix, Tensor) and ix.dtype is dtypes.bool_ or _is_bool_scalar(ix):
            consuming += ix.dim() - 1
    if consuming > self.dim():
        raise index_error(messages.TOO_MANY_INDICES.format(n=self.dim()))
    return index, consuming  # (each Ellipsis moves on by the dims no index names: x[..., 0, ...] is x[..., 0])


def _has_index(ix):
    """A program's object with __index__ (PyIndex_Check): an integer to PyTorch's indexing."""
    return type(ix).__module__ == "__main__" and hasattr(type(ix), "__index__")


def _is_bool_scalar(ix):
    """A 0-dim bool or byte tensor in an index: a bool to PyTorch's indexing (a new dim of 1, then index [0] or [])."""
    return isinstance(ix, Tensor) and not ix._shape and ix.dtype in (dtypes.bool_, dtypes.uint8)


_SYMINT_MIN = -2 ** 62  # (c10::SymInt::min_representable_int)


def _slice_index(v):
    """A slice's bound as PyTorch's __PySlice_Unpack reads it: None, or what __index__ gives (a float refused),
    clamped to a Py_ssize_t as CPython's _PyEval_SliceIndex clamps it, then one below what a SymInt can hold raised to
    it, with a warning."""
    if v is None:
        return None
    if not hasattr(type(v), "__index__"):
        raise type_error("slice indices must be integers or None or have an __index__ method")
    v = builtins.min(operator.index(v), 2 ** 63 - 1)
    if v < _SYMINT_MIN:
        warn("Truncating the start/stop/step of slice. This is likely because of saved old models when the "
             "start/stop/step were larger.")
        return _SYMINT_MIN
    return v


def _is_integer_scalar(ix):
    """A 0-dim integer tensor in an index: an integer to PyTorch's indexing (select), read or written."""
    return isinstance(ix, Tensor) and not ix._shape and ix.dtype.category == 1 and ix.dtype is not dtypes.uint8


def _bool_scalar_index(ix):
    return Tensor._from_numpy(np.zeros(int(bool(ix._np)), np.int64), dtypes.int64)


def _bool_scalars(index):
    """A Python bool in an index is a 0-dim bool tensor index, as PyTorch takes it (x[True] adds a dim of 1); a
    numpy array is the tensor indexing_tensor_from_data makes of it (bool and uint8 kept, any other dtype long:
    x[np.array(1)] selects, as a 0-dim long tensor does)."""
    if isinstance(index, _AS_TENSOR):
        return _as_index_tensor(index)
    if isinstance(index, tuple) and any(isinstance(ix, _AS_TENSOR) for ix in index):
        return tuple(_as_index_tensor(ix) if isinstance(ix, _AS_TENSOR) else ix for ix in index)
    return index


_AS_TENSOR = (bool, np.ndarray)


def _as_index_tensor(ix):
    if isinstance(ix, bool) or ix.dtype in (np.bool_, np.uint8):
        return tensor_of(ix)
    if ix.dtype.kind == "u":  # (uint16/32/64: converted to long as any other, though tensorsh has no such tensors)
        ix = ix.astype(np.int64)
    return tensor_of(ix, dtypes.int64)


def getitem(self, index, setting=False):
    """self[index]. PyTorch skips a slice that covers its whole dimension (start 0, stop past the end, step 1)
    inside a tuple index, and when setting even a lone one: setting, the write then goes to self itself."""
    keep_full = not setting and isinstance(index, slice)
    index, consuming = _expand_index(self, _bool_scalars(_sequence_as_tuple(index)))
    out = self
    dim = 0
    advanced = []
    for position, ix in enumerate(index):  # (PyTorch's errors name an index by its position: real_dim)
        if ix is None:
            out = unsqueeze(out, dim)
            dim += 1
        elif ix is Ellipsis:
            dim += self.dim() - consuming
        elif isinstance(ix, bool):
            raise index_error("tensorsh does not support boolean scalar indices")
        elif _is_bool_scalar(ix):
            out = unsqueeze(out, dim)
            advanced.append((dim, _bool_scalar_index(ix)))
            dim += 1
        elif isinstance(ix, int) or _is_integer_scalar(ix) or \
                isinstance(ix, np.integer) or _has_index(ix):  # (numpy's integers, a program's object with __index__)
            i = scalars.unpack_long(operator.index(ix) if type(ix).__module__ == "__main__" else int(ix))
            _within(out, dim)
            n = out._shape[dim]
            if i < -n or i >= n:
                raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=position, n=n))
            out = select(out, dim, i)
        elif isinstance(ix, slice):
            start, stop, step = map(_slice_index, (ix.start, ix.stop, ix.step))
            _within(out, dim)
            n = out._shape[dim]
            whole = start in (None, 0) and (stop is None or stop >= n) and step in (None, 1)  # (-n: not whole)
            if keep_full or not whole:
                out = _slice(out, dim, start, stop, step)
            dim += 1
        elif _is_advanced(ix):
            t = _index_tensor(ix)
            if t.dtype is dtypes.bool_:
                refuse_if_batched(t, messages.VMAP_BOOLEAN_MASK)
            advanced.append((dim, t))
            dim += t.dim() if t.dtype is dtypes.bool_ else 1
        elif isinstance(ix, str):  # (a sequence: PyTorch makes a tensor of it)
            raise type_error("new(): invalid data type 'str'")
        else:
            raise index_error("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " + tp_name(ix) + ")")
    if not advanced:
        return alias(self) if out is self and not setting else out  # (x[()] and x[...] too: a new tensor)
    if advanced[-1][0] >= out.dim():  # (past the end after Ellipses: ATen's index counts the indices recorded)
        raise index_error(f"{messages.TOO_MANY_INDICES.format(n=out.dim())} (got {advanced[-1][0] + 1})")
    return _index(out, advanced)


def _within(out, dim):
    """An integer or slice past the last dim (after several Ellipses): PyTorch reads its size past the end of the
    sizes (undefined behaviour), so tensorsh refuses it."""
    if dim >= out.dim():
        raise index_error("tensorsh: an integer or slice index past the last dimension (after several Ellipses) "
                          "is not supported")


def _first_out_of_bounds(out_of_bounds, arrays):
    """The index kernel's error: at the first element (in the broadcast indices' order) with an index out of bounds,
    the first index tensor's there; and that element's place in the broadcast indices (None: they do not
    broadcast)."""
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        shape = None
    if shape is None:
        position, n, values, bad = out_of_bounds[0]
        i, first = int(values[bad].reshape(-1)[0]), None
    else:
        flags = [np.broadcast_to(bad, shape).reshape(-1) for _, _, _, bad in out_of_bounds]
        first = min(int(np.argmax(f)) for f in flags if f.any())
        position, n, values, _ = next(o for o, f in zip(out_of_bounds, flags) if f[first])
        i = int(np.broadcast_to(values, shape).reshape(-1)[first])
    error = index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=position, n=n))
    error.first_bad = first
    return error


def _check_mask_shape(shape, dim, mask):
    """A mask's sizes are the sizes of the dims it covers from `dim` (ATen's expandTensors, and
    canDispatchToMaskedFill before it hands a mask to masked_fill_)."""
    for j, size in enumerate(mask._shape):
        if dim + j < len(shape) and size != shape[dim + j]:
            raise index_error(f"The shape of the mask {_shape_list(mask._shape)} at index {j} does not match the "
                              f"shape of the indexed tensor {_shape_list(shape)} at index {dim + j}")


def _np_index(shape, advanced, deferred=None):
    """numpy's key for the advanced indices (dim, tensor); an index out of bounds raises, or with a list `deferred`
    is appended to it as the error (the key then has zeros in the bad places) for the caller to raise after the checks
    that come before the kernel's (index_put_'s shapes and dtypes)."""
    key = [slice(None)] * len(shape)
    skip = set()
    zero_dim_masks = []  # a 0-dim bool index takes no dimension: numpy's too, inserted before dim
    out_of_bounds = []
    shapes, indexed = [], set()  # (the index tensors' shapes, a mask's nonzero() columns each [n]: broadcast first)
    position = 0  # (the index kernel names a bad index's place among the index tensors, a mask's nonzero() columns
    for dim, t in advanced:  # counted: its "dimension")
        if t.dtype is dtypes.bool_ and t.dim() == 0:
            zero_dim_masks.append((dim, t._np))
        elif t.dtype is dtypes.bool_:
            _check_mask_shape(shape, dim, t)
            key[dim] = t._np
            position += t.dim()
            shapes += [(int(np.count_nonzero(t._np)),)] * t.dim()
            indexed.update(range(dim, dim + t.dim()))
            for k in range(dim + 1, dim + t.dim()):
                skip.add(k)
        else:
            n = shape[dim]
            shapes.append(t._shape)
            indexed.add(dim)
            bad = (t._np >= n) | (t._np < -n)
            if bad.any():
                out_of_bounds.append((position, n, t._np, bad))
                key[dim] = np.where(bad, 0, t._np)
            else:
                key[dim] = t._np
            position += 1
    try:
        index_shape = np.broadcast_shapes(*shapes)
    except ValueError:
        raise index_error("shape mismatch: indexing tensors could not be broadcast together with shapes " +
                          ", ".join(_shape_list(sh) for sh in shapes)) from None
    if any(shape[d] == 0 for d in indexed) and 0 not in index_shape:  # (AdvancedIndex's own check)
        raise index_error("index is out of bounds for dimension with size 0")
    # (the kernel checks the index of each element it visits: none when the result has no elements)
    visited = math.prod(index_shape) * math.prod(n for d, n in enumerate(shape) if d not in indexed)
    if out_of_bounds and visited and all(m.item() for _, m in zero_dim_masks):
        error = _first_out_of_bounds(out_of_bounds, [t._np for _, t in advanced if t.dtype is not dtypes.bool_])
        if deferred is None:
            raise error
        deferred.append(error)
    for dim, mask in reversed(zero_dim_masks):
        key.insert(dim, mask)
        skip = {k + 1 if k >= dim else k for k in skip}
    return tuple(k for i, k in enumerate(key) if i not in skip)


def _index(self, advanced):
    key = _np_index(self._shape, advanced)
    _check_index_size(self, key)
    values = np.asarray(self._np[key])
    empty = 0 in values.shape  # (then each stride is the product of the faster dims' sizes, the 0 included)
    order = None if not empty and _leading_contiguous(self, advanced) else _index_order(self, advanced, values.shape)
    if order is not None and (order != list(range(values.ndim - 1, -1, -1)) or not values.flags.c_contiguous):
        out = _in_order(values, order, self.dtype)
    else:
        out = from_numpy(values, self.dtype)
    if needs_grad(self):
        attach(out, _index_node(self, self._shape, key, _as_given(advanced)))
    return out


def _leading_contiguous(self, advanced):
    """x[i] with one contiguous index tensor on the first dim of an x whose other dims run in order: ATen's result
    is contiguous, as numpy's is (the common case, decided without _index_order)."""
    if len(advanced) != 1 or advanced[0][0] != 0:
        return False
    t = advanced[0][1]
    if t.dtype is dtypes.bool_ or not t.is_contiguous():
        return False
    stride = self._stride
    return all(stride[d] > stride[d + 1] for d in range(1, len(stride) - 1))


def _index_order(self, advanced, shape):
    """The dims of x[indices]'s result, fastest first, as ATen's index kernel lays it out: a TensorIterator over self
    restrided (the indexed dims replaced by the indices' broadcast shape, stride 0; moved to the front when the
    indices are not adjacent) and the index tensors viewed into those dims. None: numpy's layout stands (a 0-dim
    mask, or shapes this does not model)."""
    dims, strides = [], []
    for dim, t in advanced:
        if t.dim() == 0 and t.dtype is dtypes.bool_:  # (boolToIndexingTensor: a long index [0] or [] on its new dim)
            dims.append(dim)
            strides.append(((1 if t.item() else 0,), (1,)))
        elif t.dtype is dtypes.bool_:  # (expandTensors: a mask's nonzero() columns, (n, k) contiguous, one per dim)
            n, k = int(t._np.sum()), t.dim()
            dims += range(dim, dim + k)
            strides += [((n,), (k,))] * k
        else:
            dims.append(dim)
            strides.append((t._shape, t._stride))
    try:
        index_shape = np.broadcast_shapes(*(sh for sh, _ in strides))
    except ValueError:
        return None
    m = len(index_shape)
    index_strides = []
    for sh, st in strides:  # (expand_outplace: broadcast dims stride 0)
        lead = m - len(sh)
        index_strides.append([0] * lead + [0 if n == 1 and index_shape[lead + i] != 1 else s
                                           for i, (n, s) in enumerate(zip(sh, st))])
    rest = [d for d in range(self.dim()) if d not in dims]
    if dims != list(range(dims[0], dims[0] + len(dims))):  # (transposeToFront)
        before, after = [], rest
    else:
        before, after = [d for d in rest if d < dims[0]], [d for d in rest if d > dims[0]]
    src = [self._stride[d] for d in before] + [0] * m + [self._stride[d] for d in after]
    if len(src) != len(shape):
        return None
    # (reshape_indexer views each index with 1s before and after its dims; TensorIterator zeroes a stride only
    # where that 1 is broadcast, so a dim of 1 in the result keeps the view's stride, which orders it)
    lead, ones = len(before), [1] * len(before) + list(index_shape) + [1] * len(after)
    if 0 in shape and list(shape) == ones:  # (every operand of this shape and empty, so contiguous: fast setup)
        return list(range(len(shape) - 1, -1, -1))
    operands = [src]
    for st in index_strides:
        viewed = layout.view_strides(index_shape, st, ones) or ones
        operands.append([st[k - lead] if lead <= k < lead + m else viewed[k] if shape[k] == 1 else 0
                         for k in range(len(shape))])
    return kernels.dim_order(shape, operands)


def _in_order(values, order, dtype):
    """A tensor of values whose memory runs over the dims in `order` (fastest first), each dim's stride the product
    of the faster dims' sizes (a dim of 1 too, which numpy's layout would not keep; TensorIterator's
    compatible_stride: a dim of 0 too, so the dims slower than it have stride 0)."""
    stride, step = [0] * values.ndim, 1
    for d in order:
        stride[d], step = step, step * values.shape[d]
    out = empty_strided((values.shape, tuple(stride), 0), dtype)
    out._np[...] = values
    return out


def _as_given(advanced):
    """The index tensors one per index item, None for a plain dimension: PyTorch's saved `indices`."""
    given, dim = [], 0
    for d, t in advanced:
        given += [None] * (d - dim)
        given.append(t)
        dim = d + (t.dim() if t.dtype is dtypes.bool_ else 1)
    return tuple(given)


def _check_index_size(self, key):
    """Advanced indexing makes a copy as large as the indices' shape times the dimensions they leave."""
    arrays = [k for k in key if isinstance(k, np.ndarray)]
    n = math.prod(np.broadcast_shapes(*[a.shape if a.dtype != np.bool_ else (int(a.sum()),) for a in arrays]))
    dims = iter(self._shape)
    for k in key:
        if isinstance(k, np.ndarray):
            for _ in range(builtins.max(k.ndim, 1) if k.dtype == np.bool_ else 1):
                next(dims, None)
        else:
            n *= next(dims, 1)
    check_size(n * self.dtype.itemsize)


def _places(given):
    """Indices as ATen's index/index_put_ take them (None where a dim is not indexed): (the place of each in the
    tensors saved, None for a None; those tensors)."""
    places, k = [], 0
    for t in given:
        places.append(None if t is None else k)
        k += t is not None
    return places, [t for t in given if t is not None]


def _index_node(x, shape, key, given):
    """IndexBackward0 of x[key]."""
    places, tensors = _places(given)
    return IndexBackward0(x, shape, key, places, *tensors)


class IndexBackward0(InputNode):
    """The index tensors are saved (freed by backward, versions checked) and given back in their places."""
    fields = ("shape", "key", "places")
    saved_count = 1 << 30  # (every index tensor that follows)
    saved_values, saved_lists = {"self_sym_sizes": lambda n: tuple(n.shape)}, {"indices": "places"}

    def backward(self, g):
        indices = self.unpack()
        return (_index_put_into_zeros(self.shape, self.key, self.places, indices, g),)


def _index_put_into_zeros(shape, key, places, indices, g):
    """index_backward: PyTorch's _index_put_impl_(zeros, indices, g, accumulate=True) in place (version 1), recorded
    as IndexPutImplBackward0 when g requires grad (create_graph)."""
    z = np.zeros(shape, g.dtype.np)
    fold_at(np.add, z, key, g._np, g.dtype, in_turn=True)
    out = from_numpy(z, g.dtype)
    out._version_counter.bump()
    if needs_grad(g):
        attach(out, IndexPutImplBackward0(g, key, places, indices))
    return out


class IndexPutImplBackward0(Node):
    """The node of index_backward's accumulating put into zeros: no gradient for the zeros, the values' gradient is
    g at the indices (IndexBackward0 again, so every order differentiates)."""
    __slots__ = ("key", "places")
    saved_values, saved_lists = {"accumulate": lambda n: True}, {"indices": "places"}

    def __init__(self, values, key, places, indices):
        Node.__init__(self, ((None, 0), edge_of(values)))
        self.key, self.places = key, places
        self.saved = tuple(SavedTensor(t) for t in indices)

    def backward(self, g):
        indices = self.unpack()
        out = from_numpy(np.asarray(g._np[self.key]), g.dtype)
        if needs_grad(g):
            attach(out, IndexBackward0(g, g._shape, self.key, self.places, *indices))
        return (None, out)


def split_basic(self, index):
    """Index assignment that mixes advanced indices with integers, slices or None (`w[0, [1, 2]] = v`): PyTorch
    applies the basic part first as views (select, slice, unsqueeze) and index_put_ writes the advanced part into
    that view. (view, advanced index for it) for the tuple `index` (Python bools already 0-dim bool tensors), or None when
    every non-advanced entry is ':' or '...' (index_put_ takes the index as it is)."""
    full = slice(None)
    if all(_is_advanced(ix) and not _is_bool_scalar(ix) or ix is Ellipsis or (isinstance(ix, slice) and ix == full)
           for ix in index):
        return None
    basic, rest = [], []
    for ix in index:
        if not _is_advanced(ix):
            basic.append(ix)
            if ix is Ellipsis or isinstance(ix, slice) or ix is None:
                rest.append(Ellipsis if ix is Ellipsis else full)  # (an int's dim is gone from the view)
            continue
        if _is_bool_scalar(ix):  # a new dim of 1, index [0] or none of it
            basic.append(None)
            rest.append(_bool_scalar_index(ix))
            continue
        t = _index_tensor(ix, as_given=True)  # (a uint8 mask's warning is index_put_'s, when it gets that far)
        basic.extend([full] * (t.dim() if t.dtype in (dtypes.bool_, dtypes.uint8) else 1))
        rest.append(ix)
    return getitem(self, tuple(basic), setting=True), tuple(rest)


def value_to_tensor(self, value):
    """PyTorch's valueToTensor (setitem's value, the Tensor.real/imag setters'): a tensor as it is; a number a 0-dim
    tensor of self's dtype (an int unpacked as a long long first), filled as one element is (a float16/bfloat16
    value is not range-checked); nothing else."""
    if isinstance(value, Tensor):
        return value
    if isinstance(value, np.generic):
        value = scalars.from_numpy_scalars((value,))[0]
    if not isinstance(value, (int, float, complex)):
        raise type_error(f"can't assign a {tp_name(value)} to a {self.dtype.type_name}")
    return from_numpy(np.asarray(scalars.checked_scalar(self.dtype, scalars.unpack_long(value), reduced=False)),
                      self.dtype)


def setitem(self, index, value):
    value = value_to_tensor(self, value)
    if index is False:  # (THPVariable_setitem: a lone False writes nothing, once the value is converted)
        return
    if index is True:  # (and a lone True writes self.unsqueeze(0) as copy_to does; in a tuple it is an index)
        target = unsqueeze(self, 0)
    else:
        index = _bool_scalars(_sequence_as_tuple(index))
        index_t = index if isinstance(index, tuple) else (index,)
        if any(_is_advanced(ix) and not _is_integer_scalar(ix) for ix in index_t):
            _expand_index(self, index_t)  # (applySlicing counts the indices before index_put_'s leaf check)
            if builtins.sum(ix is Ellipsis for ix in index_t) > 1:
                getitem(self, index_t)  # (several Ellipses: applySlicing's dims and their errors, as a read meets them)
            split = split_basic(self, index_t)  # (ints, slices, None beside advanced indices: views first)
            value = _without_leading_ones(value)  # (set_item's slicePrefix1sSize, before index_put_)
            index_put_inplace(self, index, value) if split is None else index_put_inplace(*split, value)
            return  # (__setitem__ returns None)
        target = getitem(self, index, setting=True)
    if value._shape == target._shape:  # PyTorch's copy_to, its three ways (a number is a 0-dim tensor by now:
        copy_inplace(target, value)  # copied into a 0-dim target, CopyBackwards; else filled, FillBackward3)
    elif value.dim() == 0:
        fill_inplace(target, value)
    else:  # (the value's leading 1-dims dropped, then expanded to the target: its errors first)
        value = _without_leading_ones(value)
        if value._shape != target._shape:
            value = expand(value, target._shape)
        copy_inplace(target, value)


def _without_leading_ones(value):
    """value viewed without its leading 1-dims (ATen's slicePrefix1sSize), as x[...] = value writes it."""
    lead = 0
    while lead < value.dim() and value._shape[lead] == 1:
        lead += 1
    return value.view(value._shape[lead:]) if lead else value


def index_put_method(self, indices, values, accumulate=False):
    """Tensor.index_put_ / torch.index_put_: `indices` is one index tensor per leading dimension (a list too)."""
    return index_put_inplace(self, _aten_indices(self, indices), values, accumulate)


def _aten_indices(self, indices):
    """index_put's indices as ATen takes them (not Python's x[...]): tensors only (its parser's TypeError), and more
    of them than self has dims is _index_put_impl_'s own text (a mask's dims are counted later, with its shape)."""
    indices = tuple(indices)
    for i, t in enumerate(indices):
        if not isinstance(t, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {tp_name(t)}")
    if len(indices) > self.dim():
        raise index_error(f"{messages.TOO_MANY_INDICES.format(n=self.dim())} (got {len(indices)})")
    at = 0
    for t in indices:  # (expandTensors: a mask's sizes against self's from where it stands, self.size(d) wrapped)
        if t.dtype in (dtypes.bool_, dtypes.uint8):
            for j, n in enumerate(t._shape):
                if n != self._shape[self._wrap_dim(at + j)]:
                    raise index_error(f"The shape of the mask {_shape_list(t._shape)} at index {j} does not match "
                                      f"the shape of the indexed tensor {_shape_list(self._shape)} at index {at + j}")
            at += t.dim()
        else:
            at += 1
    return indices


def _same_dtype(self, values):  # (index_put_'s check; x[i] = v meets it too, but for one mask and a one-element v,
    # which go to masked_fill_ and convert)
    if isinstance(values, Tensor) and values.dtype is not self.dtype:
        raise runtime(f"Index put requires the source and destination dtypes match, got "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} for the destination and "
                      f"{dtypes.SCALAR_NAMES[values.dtype.name]} for the source.")


def index_put(self, indices, values, accumulate=False):
    """Tensor.index_put / torch.index_put: index_put_ into a copy, recorded as one IndexPutBackward0 whose edges
    are self's and the values' (no CloneBackward0 between, as ATen's composite records it)."""
    result = layout.like(self._np, self.dtype, self)  # (ATen's self.clone(preserve_format).index_put_(...): the
    key, v, given = _put_operands(result, _aten_indices(self, indices), values, accumulate)  # clone overlaps nothing)
    _put(result._np, key, v, accumulate, self.dtype)
    if self.dtype.category >= 2 and needs_grad(self, values):  # (floating and complex)
        attach(result, IndexPutBackward0(self, values, key, given, accumulate))
    return result


def _put(arr, key, v, accumulate, dtype):
    if accumulate:  # (the kernel's serial loop: a float16/bfloat16 sum rounded after each value)
        fold_at(np.add, arr, key, np.broadcast_to(v, arr[key].shape), dtype, in_turn=True)
    else:
        arr[key] = v


def index_put_inplace(self, index, value, accumulate=False):
    precheck(self, value, internal_overlap=False, overlap=False)  # (autograd's in-place rules before the kernel's)
    key, v, given = _put_operands(self, index, value, accumulate, partial=True)

    def write(arr):
        _put(arr, key, v, accumulate, self.dtype)
    return write_inplace(self, write, lambda: IndexPutBackward0(self, value, key, given, accumulate), (value,),
                         any_dtype=True)


def _put_operands(self, index, value, accumulate=False, partial=False):
    """The numpy key of index_put_'s indices (their checks and warnings first), the value as it is written, and the
    indices as ATen's index_put_ takes them (applySlicing's: a tensor each, None for each dim ':' or '...' passes
    before the last)."""
    index, consuming = _expand_index(self, index)
    advanced, given = [], []
    dim = 0
    for ix in index:
        if _is_advanced(ix):
            t = _index_tensor(ix, as_given=True)
            advanced.append((dim, t))
            given.append(t)
            dim += t.dim() if t.dtype in (dtypes.bool_, dtypes.uint8) else 1
        elif isinstance(ix, slice) and ix == slice(None):
            dim += 1
            given.append(None)
        elif ix is Ellipsis:
            dim += self.dim() - consuming
            given += [None] * (self.dim() - consuming)
        else:
            raise index_error("tensorsh supports mixing advanced indices only with ':' and '...' in assignments")
    expanded = internally_overlapping(self)
    if expanded:
        warn("Use of index_put_ on expanded tensors is deprecated. Please clone() the tensor before performing this "
             "operation. This also applies to advanced indexing e.g. tensor[indices] = tensor")
    if not index and not accumulate and value.numel() == 1:  # (index_put_ given no indices: its masked_fill_
        raise runtime("masked_fill_ only supports boolean masks, but got mask with dtype nullptr (uninitialized)"
                      if not self.dim() else "sym_strides() called on an undefined Tensor")  # dispatch, no mask)
    masks = [t for _, t in advanced if t.dtype in (dtypes.bool_, dtypes.uint8)]
    masked_fill = (not isinstance(value, Tensor) or value.numel() == 1) and len(advanced) == 1 and masks \
        and not accumulate
    if masked_fill and masks[0].dtype is dtypes.uint8:  # (its shape checked first, as for a bool mask)
        _check_mask_shape(self._shape, *advanced[0])
        raise runtime("masked_fill_ only supports boolean masks, but got mask with dtype unsigned char")
    advanced = [(d, _byte_mask(t)) for d, t in advanced]
    deferred = []  # (an index out of bounds is the kernel's error: after the shape and dtype checks)
    key = _np_index(self._shape, advanced, deferred)
    if masked_fill:
        if expanded:  # (ATen's index_put_ hands one mask and a one-element value to masked_fill_: its warning, and
            warn("Use of masked_fill_ on expanded tensors is deprecated. Please clone() the tensor before performing "
                 "this operation. This also applies to advanced indexing e.g. tensor[mask] = scalar")
    else:  # no overlap check; the other cases check that the value and the indices share no element with self)
        check_overlap(self, (value,) + tuple(t for _, t in advanced))
    v = value._np if isinstance(value, Tensor) else value
    if masked_fill and isinstance(value, Tensor):  # (masked_fill_(mask, value.item()): its kernel's checked convert)
        return key, scalars.checked_scalar(self.dtype, value.item()), _trimmed(given)
    if isinstance(value, Tensor):  # (index_put_: the value, leading 1-dims dropped, must broadcast to the result)
        vshape, target = value._shape, np.empty(self._shape, np.bool_)[key].shape
        while vshape and vshape[0] == 1 and len(vshape) > len(target):
            vshape = vshape[1:]
        if len(vshape) > len(target) or any(a not in (1, b) for a, b in zip(vshape[::-1], target[::-1])):
            raise runtime(f"shape mismatch: value tensor of shape {_shape_list(value._shape)} cannot be broadcast to "
                          f"indexing result of shape {_shape_list(target)}")
        if not masked_fill:  # (index_put_'s kernel, after the shapes: x[idx] = v converts no tensor v but a mask's
            # one element, which goes to masked_fill_ and converts)
            _same_dtype(self, value)
        v = v.reshape(vshape) if not masked_fill else dtypes.stored(v.reshape(vshape), self.dtype)
    if not index and self.numel():  # (or its kernel, with no index tensor to iterate)
        raise runtime('ntensor >= 3 INTERNAL ASSERT FAILED at "/__w/pytorch/pytorch/aten/src/ATen/native/cpu/'
                      'IndexKernelUtils.h":8, please report a bug to PyTorch. ')
    if deferred:
        if partial and getattr(deferred[0], "first_bad", None) is not None and not masked_fill:
            _write_until(self, key, v, deferred[0].first_bad, accumulate)
        raise deferred[0]
    return key, v, _trimmed(given)


def _trimmed(given):
    """applySlicing's indices end at the last tensor."""
    while given and given[-1] is None:
        given.pop()
    return tuple(given)


def _write_until(self, key, v, first_bad, accumulate):
    """index_put_'s kernel meets an index out of bounds after writing the elements before it (the indexing result
    in C order: the dims before the indexed ones at 0, the broadcast indices up to the bad one, all dims after);
    those writes stay, as in PyTorch (undone with the statement if nothing catches the error)."""
    arrays = [i for i, k in enumerate(key) if isinstance(k, np.ndarray)]
    if any(key[i].ndim == 0 for i in arrays):
        return
    places = np.arange(self.numel()).reshape(self._shape)[key]
    adjacent = arrays == list(range(arrays[0], arrays[0] + len(arrays)))
    slices = len(key) - len(arrays)
    consumed = slices + sum(key[i].ndim if key[i].dtype == np.bool_ else 1 for i in arrays)
    index_ndim = places.ndim - slices - (self.dim() - consumed)
    after = places.shape[(arrays[0] if adjacent else 0) + index_ndim:]
    count = first_bad * int(np.prod(after, dtype=np.int64))
    if not count:
        return
    targets = np.unravel_index(places.reshape(-1)[:count], self._shape)
    values = np.broadcast_to(v, places.shape).reshape(-1)[:count]
    undo.touch(self._storage)
    if accumulate:
        fold_at(np.add, self._np, targets, values, self.dtype, in_turn=True)
    else:
        self._np[targets] = values


class IndexPutBackward0(Node):
    """grad self: g with the written places zeroed (kept whole when accumulating); grad values: g at them."""
    __slots__ = ("key", "value_shape", "places", "accumulate")
    saved_values, saved_lists = {"accumulate": "accumulate"}, {"indices": "places"}

    def __init__(self, x, value, key, indices=(), accumulate=False):
        Node.__init__(self, (edge_of(x), operand_edge(value)))
        self.key, self.accumulate = key, accumulate
        self.places, tensors = _places(indices)
        self.saved = tuple(SavedTensor(t) for t in tensors)
        self.value_shape = value._shape if isinstance(value, Tensor) else ()

    def backward(self, g):
        tensors = self.unpack()
        indices = [None if p is None else tensors[p] for p in self.places]
        recording = needs_grad(g)  # (create_graph: grad.index_put(indices, zeros, false) and grad.index(indices))
        if self.accumulate and recording:
            gx = g
        else:
            gs = g._np.copy()
            if not self.accumulate:
                gs[self.key] = 0
            gx = from_numpy(gs, g.dtype)
            if recording:
                attach(gx, IndexPutBackward0(g, tensor_of(0.0, g.dtype), self.key, indices))
        gv = None
        if self.next_functions[1][0] is not None:
            gv, shape = from_numpy(np.asarray(g._np[self.key]), g.dtype), self.value_shape
            if recording:
                attach(gv, _index_node(g, g._shape, self.key, indices))
            extra = builtins.max(len(shape) - gv.dim(), 0)  # (leading 1-dims of the value that index_put_ dropped)
            gv = sum_to(gv, shape[extra:])
            gv = gv.reshape(shape) if extra else gv
        return (gx, gv)


op("index_put_", index_put_method, function=True)
op("index_put", index_put, function=True)
op("__getitem__", getitem, method=False, operators=("__getitem__",))
op("__setitem__", setitem, method=False, operators=("__setitem__",))

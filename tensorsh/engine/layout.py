"""The memory layout PyTorch's TensorIterator gives an elementwise op's new output: contiguous when every operand
is, the operands' own strides when they all share one dense layout, else the dims ordered by the operands' strides
(broadcast dims ignored) and laid out contiguously in that order."""
import numpy as np

from . import dtypes, kernels
from .autograd import non_overlapping_and_dense
from .storage import BFloat16Storage, Storage, VersionCounter
from .tensorimpl import CHANNELS_LAST, CHANNELS_LAST_3D, CONTIGUOUS_FORMAT, PRESERVE_FORMAT, Tensor, _contiguous_strides


def iter_output(shape, dt, operands):
    """An empty numpy array of `shape` and dtype dt laid out as TensorIterator would allocate the output. A Python
    number among the operands is PyTorch's wrapped 0-dim scalar operand (the operands then differ in shape)."""
    shape = tuple(shape)
    n = len(shape)
    tensors = [t for t in operands if isinstance(t, Tensor)]
    if n <= 1 or not tensors:
        return np.empty(shape, dt.np)
    if len(tensors) == len(operands) and all(t._shape == shape for t in tensors):  # (compute_fast_setup_type)
        if all(t.is_contiguous() for t in tensors):
            return np.empty(shape, dt.np)
        if n == 4 and all(CHANNELS_LAST.is_contiguous(t._shape, t._stride) for t in tensors):  # (CHANNELS_LAST setup)
            return _channels_last(shape, dt)
        first = tensors[0]._stride
        if non_overlapping_and_dense(tensors[0]) and all(t._stride == first for t in tensors):
            size = int(np.prod(shape))  # (empty_strided with those very strides, size-1 dims' included)
            return np.lib.stride_tricks.as_strided(np.empty(max(size, 1), dt.np), shape,
                                                   [s * np.dtype(dt.np).itemsize for s in first])
    strides = []
    for t in tensors:
        lead = n - t.dim()
        strides.append([0] * lead + [0 if size == 1 and shape[lead + i] != 1 else st
                                     for i, (size, st) in enumerate(zip(t._shape, t._stride))])
    perm = kernels.dim_order(shape, strides)  # fastest first
    if 0 in shape and perm != list(range(n - 1, -1, -1)):
        # (compatible_stride: each dim's stride the product of the faster dims' sizes, a 0 among them included)
        item, acc, stride = np.dtype(dt.np).itemsize, 1, [0] * n
        for d in perm:
            stride[d] = acc * item
            acc *= shape[d]
        return np.lib.stride_tricks.as_strided(np.empty(1, dt.np), shape, stride)
    return _permuted(shape, dt, perm[::-1])


_CHANNELS_LAST_ORDER = {4: (1, 3, 2, 0), 5: (1, 4, 3, 2, 0)}  # (c10's is_channels_last_strides_2d_s4 / 3d_s5)


def channels_last(shape, stride):
    """c10's suggest_memory_format for a tensor of this geometry: True when PyTorch reads its strides as
    channels_last (4 dims) or channels_last_3d (5 dims), the dims' strides non-decreasing from C over the spatial
    dims to N, an ambiguous N111-like tensor counted contiguous."""
    order = _CHANNELS_LAST_ORDER.get(len(shape))
    if order is None or stride[1] == 0:
        return False
    low = 0
    for d in order:
        if shape[d] == 0 or stride[d] < low or (d == 0 and low == stride[1]):
            return False
        low = stride[d] * shape[d] if shape[d] > 1 else stride[d]
    return True


def suggest_memory_format(t):
    """c10's suggest_memory_format: channels_last (channels_last_3d) when t's strides read as it, else contiguous."""
    if channels_last(t._shape, t._stride):
        return CHANNELS_LAST if t.dim() == 4 else CHANNELS_LAST_3D
    return CONTIGUOUS_FORMAT


def format_strides(t, memory_format):
    """The strides of torch.empty_like(t, memory_format=...) (clone's, _to_copy's): preserve_format (or None) as
    preserved_strides; contiguous_format contiguous; a channels-last format its strides, t's rank checked first."""
    if memory_format is None or memory_format is PRESERVE_FORMAT:
        return preserved_strides(t)
    if memory_format is CONTIGUOUS_FORMAT:
        return _contiguous_strides(t._shape)
    memory_format.check_rank(t._shape)
    return memory_format.strides(t._shape)


def joined_array(shape, dt, geometries):
    """The output array cat allocates for inputs of these (shape, stride) geometries (ATen's
    cat_compute_output_memory_format): channels_last (or _3d) when every input's strides suggest it, else
    contiguous."""
    if len(shape) in _CHANNELS_LAST_ORDER and all(channels_last(*g) for g in geometries):
        return _channels_last(shape, dt)
    return np.empty(shape, dt.np)


def _channels_last(shape, dt):
    """An empty array of shape (N, C, ...) laid out channels_last (C fastest, then the spatial dims, N slowest)."""
    return _permuted(shape, dt, [0] + list(range(2, len(shape))) + [1])


def view_strides(oldshape, oldstride, newshape):
    """PyTorch's computeStride: strides for viewing, or None when the layout does not allow it."""
    if not oldshape:
        return tuple(1 for _ in newshape)
    numel = 1
    for s in oldshape:
        numel *= s
    if numel == 0:  # an empty tensor views as any shape of the same numel: as itself, its own strides kept
        return tuple(oldstride) if tuple(oldshape) == tuple(newshape) else _contiguous_strides(newshape)
    newstride = [0] * len(newshape)
    view_d = len(newshape) - 1
    chunk = oldstride[-1]
    tensor_numel = 1
    view_numel = 1
    for d in range(len(oldshape) - 1, -1, -1):
        tensor_numel *= oldshape[d]
        if d == 0 or (oldshape[d - 1] != 1 and oldstride[d - 1] != tensor_numel * chunk):
            while view_d >= 0 and (view_numel < tensor_numel or newshape[view_d] == 1):
                newstride[view_d] = view_numel * chunk
                view_numel *= newshape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if d > 0:
                chunk = oldstride[d - 1]
                tensor_numel = 1
                view_numel = 1
    if view_d != -1:
        return None
    return tuple(newstride)


def preserved_strides(t):
    """The strides of torch.empty_like(t) (preserve_format; _to_copy's too): a non-overlapping and dense tensor's
    own, a size-1 dim's included; another's made dense in their order (PyTorch's infer_dense_strides: zero strides
    left in place, equal strides: the smaller size inside)."""
    if non_overlapping_and_dense(t):
        return t._stride
    out, acc = [0] * t.dim(), 1
    for d in kernels.dim_order(t._shape, [t._stride]):
        out[d] = acc
        acc *= t._shape[d] if t._shape[d] > 1 else 1
    return tuple(out)


def like(values, dt, t, stride=None):
    """A fresh tensor holding `values`, laid out as torch.empty_like(t) (sort's results), or with the given dense
    strides."""
    out = over_storage(np.empty(int(np.prod(t._shape)), dt.np), dt, t, stride)
    out._np[...] = dtypes.cast(values, dt) if dt is dtypes.float16 else values
    if dt is dtypes.bfloat16:
        dtypes.round_bfloat16(out._np)
    return out


def over_storage(flat, dt, t, stride=None, shape=None):
    """A fresh tensor over the 1-D array `flat` (its elements in memory order) with t's shape, laid out as
    torch.empty_like(t) (or with the given dense strides; t None: of the given shape)."""
    stride = preserved_strides(t) if stride is None else stride
    shape = t._shape if shape is None else tuple(shape)
    arr = np.lib.stride_tricks.as_strided(flat, shape, [s * flat.itemsize for s in stride])
    storage = Storage(flat) if dt is not dtypes.bfloat16 else BFloat16Storage(flat)
    return Tensor._make(storage, 0, shape, tuple(stride), dt, arr, VersionCounter())


def in_format(values, dt, memory_format):
    """A fresh tensor holding the array `values`, laid out in memory_format as an op's output PyTorch allocates
    with it (a channels-last format: its strides; else contiguous). The values are the contiguous result's, copied."""
    values = np.asarray(values)  # (not ascontiguousarray: it makes a 0-dim array 1-dim)
    src = Tensor._new(values if values.flags.c_contiguous else values.copy(), dt)
    if memory_format.rank is None:
        return src
    out = over_storage(np.empty(src._np.size, src._np.dtype), dt, None, memory_format.strides(src._shape), src._shape)
    out._np[...] = src._np
    return out


def output_like(values, dt, *inputs, ranks=(4, 5)):
    """An op's fresh output holding `values`, laid out in op_format(*inputs) (ranks: where the op's kernel has a
    channels-last path: (4,) for one with channels_last only)."""
    return in_format(values, dt, op_format(*inputs, ranks=ranks))


def op_format(*tensors, ranks=(4, 5)):
    """The memory format of an op's output PyTorch lays out by its inputs (convolution's, batch_norm's, the 2-d
    poolings'): channels_last when any input's strides suggest it, else contiguous."""
    for t in tensors:
        if t is not None and t.dim() in ranks:
            f = suggest_memory_format(t)
            if f is not CONTIGUOUS_FORMAT:
                return f
    return CONTIGUOUS_FORMAT


def _permuted(shape, dt, order):
    """An array of `shape` whose memory runs over the dims in `order` (slowest first)."""
    inverse = [order.index(d) for d in range(len(shape))]
    return np.empty([shape[d] for d in order], dt.np).transpose(inverse)


def wrap(arr, dt):
    """A new tensor over arr (a fresh result) with arr's own strides, a size-1 dim's included: numpy calls such an
    array C-contiguous, and Tensor._new would give it contiguous strides PyTorch's output does not have. An empty
    array's strides count only when iter_output set them (numpy gives an empty array zero strides)."""
    t = Tensor._from_numpy(arr, dt)
    if arr.ndim > 1 and (arr.size > 1 or arr.size == 0 and any(arr.strides)) and arr.flags.c_contiguous:
        stride = tuple(s // arr.itemsize for s in arr.strides)
        if stride != t._stride:
            arr = t._np  # (bfloat16: the rounded copy, same shape)
            t = Tensor._make(type(t._storage)(arr.reshape(-1)), 0, arr.shape, stride, dt, arr, VersionCounter())
    return t

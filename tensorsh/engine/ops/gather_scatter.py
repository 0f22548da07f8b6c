"""Ops that read or write along an index tensor or a mask: gather, scatter/scatter_add, index_select/index_add/
index_fill/index_copy, masked_fill/masked_select/masked_scatter. Each forward is numpy's exact copy of the
elements; each backward is PyTorch's formula from derivatives.yaml, written with engine ops so that create_graph
records it. (Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import autograd, dtypes, kernels, layout, messages, scalars, undo
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of, should_compute_output
from ..creation import not_implemented_for
from ..errors import TorchError, index_error, runtime, type_error, warn, warn_once
from ..saved_names import as_given, as_program_gave, given
from ..scalars import checked_scalar
from ..tensorimpl import Tensor, _shape_list, refuse_if_batched
from .args import _fresh, _index_dtype, _invalid_combination, select_index
from .core import (REDUCED_FLOATS, NotImplementedNode, attach, built_in_place, check_broadcast, check_fits_output,
                   check_overlap, check_written,
                   fold_at, fresh, inference_saved_by,
                   internally_overlapping, needs_grad, operand_edge, precheck, sum_to, tensor_params, type_name, write_inplace, zeros_of)
from .views import expand
from .. import autocast
from ..autocast import ACTIVE as AUTOCAST


_MISSING = object()


def _warn_if_expanded(op, self):
    """masked_fill_ and index_fill_ write into an expanded tensor, with PyTorch's deprecation warning."""
    if internally_overlapping(self):
        warn(f"Use of {op} on expanded tensors is deprecated. Please clone() the tensor before performing this "
             "operation. This also applies to advanced indexing e.g. tensor[mask] = scalar")


def _mask_and_value(op, self, mask, value, inplace):
    """The argument parser's checks, then ATen's in its order: masked_fill expands mask against self first ("tensor
    a" is mask); masked_fill_ checks autograd's rules, the value's dims and the mask's dtype, warns of an expanded
    self, then its TensorIterator broadcasts self ("tensor a") with mask. (The value is converted last, by the kernel.)"""
    if not isinstance(mask, Tensor) or not isinstance(value, (*scalars.NUMBER, Tensor)):
        given = [v for v in (mask, value) if v is not _MISSING]
        raise _invalid_combination(op, given, {}, ((("Tensor", "mask"), ("Tensor", "value")),
                                                   (("Tensor", "mask"), ("Number", "value"))))
    if inplace:
        precheck(self, value, internal_overlap=False, overlap=False)  # (a value tensor is read as a number first)
    else:
        check_broadcast(mask, self)
    if isinstance(value, Tensor) and value.dim():
        raise runtime(f"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                      f"{value.dim()} dimension(s).")
    if mask.dtype is not dtypes.bool_:
        raise runtime(f"masked_fill_ only supports boolean masks, but got mask with dtype {dtypes.C_NAMES[mask.dtype.name]}")
    if inplace:
        _warn_if_expanded("masked_fill_", self)
        check_fits_output(self, mask)


def _fill_value(self, value):
    """The number a fill writes, converted as ATen converts it (a 0-dim value tensor read as a number first)."""
    return np.asarray(checked_scalar(self.dtype, value._np.item() if isinstance(value, Tensor) else value))


class MaskedFillBackward0(Node):
    __slots__ = ("shape",)
    saved_names = ("mask",)

    def __init__(self, x, mask, value=None):
        Node.__init__(self, (edge_of(x),) if value is None else (edge_of(x), operand_edge(value)))
        self.saved = (SavedTensor(mask),)
        self.shape = x._shape

    def backward(self, g):
        mask, = self.unpack()
        gx = sum_to(g.masked_fill(mask, 0), self.shape) if self.next_functions[0][0] else None
        if len(self.next_functions) == 1:
            return (gx,)
        gv = g.masked_select(mask).sum() if self.next_functions[1][0] else None
        return gx, gv


class MaskedFillBackward1(MaskedFillBackward0):
    saved_names = ("mask",)


def masked_fill(self, mask=_MISSING, value=_MISSING):
    _mask_and_value("masked_fill", self, mask, value, inplace=False)
    # (np.array, not np.ascontiguousarray: that one makes a 0-dim result 1-dim)
    out = fresh(np.array(np.where(mask._np, _fill_value(self, value), self._np), self.dtype.np, order="C"), self.dtype)
    if needs_grad(self, value):
        tensor_value = isinstance(value, Tensor)
        node = (MaskedFillBackward1 if tensor_value else MaskedFillBackward0)(self, mask, value if tensor_value else None)
        attach(out, node)
    return out


def masked_fill_inplace(self, mask=_MISSING, value=_MISSING):
    _mask_and_value("masked_fill_", self, mask, value, inplace=True)
    fill = _fill_value(self, value)
    m = mask._np
    tensor_value = isinstance(value, Tensor)

    def make():
        cls = MaskedFillBackward1 if tensor_value else MaskedFillBackward0
        return cls(self, mask, value if tensor_value else None)

    def write(arr):
        np.copyto(arr, fill, where=np.broadcast_to(m, arr.shape))
    return write_inplace(self, write, make, (value,), any_dtype=tensor_value)


@tensor_params("mask")
def masked_select(self, mask):
    inference_saved_by((self, mask), (self, mask))
    refuse_if_batched(mask, messages.VMAP_MASKED_SELECT)
    if mask.dtype is not dtypes.bool_:
        raise runtime("masked_select: expected BoolTensor for mask")
    check_broadcast(mask, self)
    shape = np.broadcast_shapes(mask._shape, self._shape)
    m = np.broadcast_to(mask._np, shape)
    out = fresh(_fresh(np.broadcast_to(self._np, shape)[m]), self.dtype)
    if needs_grad(self):
        attach(out, MaskedSelectBackward0(self, mask))
    return out


class MaskedSelectBackward0(Node):
    __slots__ = ("shape",)
    saved_names = ("self", "mask")

    def __init__(self, x, mask):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(mask))  # PyTorch keeps self (for its sizes) and checks it
        self.shape = x._shape

    def backward(self, g):
        x, mask = self.unpack()  # (masked_select_backward: zeros_like(self expanded to mask), masked_scatter_ into it)
        shape = np.broadcast_shapes(mask._shape, self.shape)
        full = layout.like(np.zeros(shape), g.dtype, expand(x, shape))
        return (sum_to(masked_scatter_inplace(full, mask, g), self.shape),)


@tensor_params("mask", "source")
def masked_scatter(self, mask, source):
    """masked_scatter: ATen's expand_outplace(mask, self), then masked_scatter_ into the expanded self's clone:
    source's leading elements fill mask's places."""
    check_broadcast(mask, self)
    shape = np.broadcast_shapes(mask._shape, self._shape)
    m = _masked_scatter_checks(self, mask, source, shape)
    arr = np.array(np.broadcast_to(self._np, shape), dtype=self.dtype.np, order="C")
    arr[m] = source._np.reshape(-1)[:int(m.sum())]
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, MaskedScatterBackward0(self, mask, source))
    return out


def _masked_scatter_checks(self, mask, source, shape):
    """masked_scatter_'s checks in ATen's order (the dtypes, the mask expanded to shape, the mask's dtype, source's
    count in the kernel); the mask as an array of shape."""
    if self.dtype is not source.dtype:
        raise runtime("masked_scatter: expected self and source to have same dtypes but got"
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and {dtypes.SCALAR_NAMES[source.dtype.name]}")
    m = np.broadcast_to(expand(mask, shape)._np, shape)
    if mask.dtype is dtypes.uint8:  # (a deprecation warning, then refused all the same)
        warn("masked_scatter_ received a mask with dtype torch.uint8, this behavior is now deprecated,please use a "
             "mask with dtype torch.bool instead.")
    if mask.dtype.name != "bool":
        raise runtime("masked_scatter_ only supports boolean masks, but got mask with dtype "
                      f"{dtypes.SCALAR_NAMES[mask.dtype.name]}")
    if int(np.prod(shape)) and int(m.sum()) > source.numel():
        raise runtime(_SOURCE_SHORT)
    return m


_SOURCE_SHORT = "Number of elements of source < number of ones in mask"


class MaskedScatterBackward0(Node):
    __slots__ = ("shape", "source_shape")
    saved_names, saved_values = ("mask",), {"source_sym_sizes": lambda n: tuple(n.source_shape)}

    def __init__(self, x, mask, source):
        Node.__init__(self, (operand_edge(x), operand_edge(source)))
        self.saved = (SavedTensor(mask),)
        self.shape, self.source_shape = x._shape, source._shape

    def backward(self, g):
        mask, = self.unpack()
        gx = sum_to(g.masked_fill(mask, 0), self.shape) if self.next_functions[0][0] else None
        gs = None
        if self.next_functions[1][0]:
            picked = g.masked_select(mask)
            n = int(np.prod(self.source_shape))
            from .joining import cat
            gs = cat([picked, g.new_zeros(n - picked.numel())]).view(self.source_shape) if picked.numel() < n \
                else picked.view(self.source_shape)
        return gx, gs


def _gather_geometry(self, dim, index, op, src=None, dispatch=None):
    """dim wrapped, and the index checked as PyTorch's gather/scatter shape checks do (their texts differ); then
    dispatch() (the kernel's dtype refusals), before the kernel's loop checks the index's bounds."""
    d = self._wrap_dim(dim)
    gather = op == "gather"
    if not index.numel():  # (ATen checks no shape of an empty index, and its kernels return at once)
        if dispatch is not None:
            dispatch()
        return d, index._np.astype(np.int64)
    if index.dim() != self.dim() and not (index.dim() <= 1 and self.dim() <= 1):
        raise runtime(f"Index tensor must have the same number of dimensions as {'input' if gather else 'self'} tensor")
    # PyTorch's scatter_shape_check, in its order: index against self (apart from dim), then against src (every
    # dim; a dim src lacks fails there), then src's number of dims, then the size message
    wrong = any(k != d and index._shape[k] > (self._shape[k] if self.dim() else 1) for k in range(index.dim()))
    if not wrong and not gather and isinstance(src, Tensor):
        for k in range(max(self.dim(), 1)):
            src_size = src._shape[src._wrap_dim(k)] if src.dim() else 1
            if (index._shape[k] if index.dim() else 1) > src_size:
                wrong = True
                break
    if not gather and isinstance(src, Tensor) and max(src.dim(), 1) != max(index.dim(), 1):
        raise runtime("Index tensor must have the same number of dimensions as src tensor")
    if wrong:
        where = (f"expected index {_shape_list(index._shape)} to be no larger than self "
                 f"{_shape_list(self._shape)} apart from dimension {d}")
        if gather:
            k = next(k for k in range(index.dim()) if k != d and index._shape[k] > self._shape[k])
            raise runtime(f"Size does not match at dimension {k} {where}")
        tail = f" and to be no larger size than src {_shape_list(src._shape)}" if isinstance(src, Tensor) else ""
        raise runtime(f"E{where[1:]}{tail}")
    if dispatch is not None:
        dispatch()
    size = self._shape[d] if self.dim() else 1
    idx = index._np.astype(np.int64)
    bad = (idx < 0) | (idx >= size)
    if bad.any():
        raise _out_of_bounds(runtime(messages.INDEX_OUT_OF_RANGE.format(i=int(idx[bad][0]), d=d, n=size)))
    return d, idx


def _index_add_scatters(self, d, alpha):
    """index_add_cpu_ goes through scatter_add (an index expanded to source's shape) for a matrix or more along its
    first or last dim with alpha 1 (measured); otherwise it adds one slice per index entry."""
    return self.dim() > 1 and alpha == 1 and d in (0, self.dim() - 1)


def _out_of_bounds(error):
    """An index out of bounds, met by the kernel's loop: the in-place ops keep what it wrote before (_kept_before)."""
    error.out_of_bounds = True
    return error


def _kept_before(error, self, dim, idx, write, along=True, negatives=False, slices=False):
    """After a kernel's index out of bounds (error from _out_of_bounds): the places its loop wrote before meeting it
    are written (write(self's array, places in it, places in the loop)), as they stay written in PyTorch. The loop
    runs in C order over self's shape with idx's entries along dim (along: index_fill_/index_copy_/index_add_; slices:
    one whole slice per entry, index_add_'s own loop) or over idx's own shape (scatter_, scatter_add_). A 0-dim self
    is one element along dim 0 (the kernels restride it so: its entries before the bad one all land there)."""
    if not getattr(error, "out_of_bounds", False) or not along and self.dtype in REDUCED_FLOATS:
        return  # (measured: the scatters into float16/bfloat16 keep nothing of what came before a bad index)
    arr = self._np if self.dim() else self._np.reshape(1)  # (a view: written through)
    d = self._wrap_dim(dim) if self.dim() else 0
    size = arr.shape[d]
    if along:
        first = 0 if slices else d  # (where the index's entries go in the loop's order)
        shape = list(arr.shape)
        del shape[d]
        shape.insert(first, idx.size)
        idx = idx.reshape((1,) * first + (idx.size,) + (1,) * (arr.ndim - first - 1))
    else:
        first, shape = d, idx.shape
    flat = np.broadcast_to(idx, shape).reshape(-1)
    bad = (flat >= size) | (flat < (-size if negatives else 0))
    count = int(np.argmax(bad))
    if not count:
        return
    loop = list(np.unravel_index(np.arange(count), shape))
    places = loop[:first] + loop[first + 1:]
    places.insert(d, np.where(flat[:count] < 0, flat[:count] + size, flat[:count]))
    loop.insert(d, loop.pop(first))
    undo.touch(self._storage)
    write(arr, tuple(places), tuple(loop))

def _index_grid(idx, d):
    """Full index arrays addressing, for every element of idx, position idx along d and its own elsewhere."""
    grid = list(np.indices(idx.shape, sparse=True))
    grid[d] = idx
    return tuple(grid)


class _IndexedBackward(Node):
    """gather / index_select: the gradient added back at the places read (scatter_add / index_add)."""
    __slots__ = ("dim", "shape")

    def __init__(self, x, dim, index):
        Node.__init__(self, (edge_of(x),))
        # what PyTorch's node keeps (and checks the version of): gather keeps self too, index_select its sizes
        self.saved = (SavedTensor(x), SavedTensor(index)) if self.keeps_self else (SavedTensor(index),)
        self.dim, self.shape = dim, x._shape

    def backward(self, g):
        index = self.unpack()[-1]
        added = getattr(g.new_zeros(self.shape), self.add_back)(as_program_gave(self, "dim"), index, g)
        return (built_in_place(added, 1),)  # (new_zeros, then scatter_add_ / index_add_ into it: one write)


class GatherBackward0(_IndexedBackward):
    __slots__ = ("sparse_grad",)
    add_back, keeps_self = "scatter_add", True
    saved_names, saved_values = ("self", "index"), {"dim": as_given("dim"), "sparse_grad": lambda n: n.sparse_grad}

    def __init__(self, x, dim, index, sparse_grad):
        _IndexedBackward.__init__(self, x, dim, index)
        self.sparse_grad = bool(sparse_grad)

    def backward(self, g):
        if self.sparse_grad:  # (PyTorch's gradient is a sparse COO tensor)
            raise runtime("tensorsh: gather's sparse gradient (sparse_grad=True) is not supported yet")
        return _IndexedBackward.backward(self, g)


IndexSelectBackward0 = type("IndexSelectBackward0", (_IndexedBackward,), {
    "__slots__": (), "name_": "IndexSelectBackward0", "add_back": "index_add", "keeps_self": False,
    "saved_names": ("index",), "saved_values": {"dim": as_given("dim"), "self_sym_sizes": lambda n: tuple(n.shape)}})


def gather(self, dim, index, sparse_grad=False):
    inference_saved_by((self, index), (self, index))  # (GatherBackward0 keeps both before the kernel's checks)
    _index_dtype("gather", index, "gather(): Expected dtype int32/int64 for index")
    d, idx = _gather_geometry(self, dim, index, "gather")
    if not self.dim():
        values = np.broadcast_to(self._np, idx.shape).copy()
    elif not idx.size:
        values = np.empty(idx.shape, self._np.dtype)
    else:
        values = self._np[_index_grid(idx.reshape(idx.shape or (1,)), d)].reshape(idx.shape)
    out = fresh(_fresh(values), self.dtype)
    if needs_grad(self):
        attach(out, given(GatherBackward0(self, d, index, sparse_grad), dim=dim))
    return out


class _IndexAndSourceBackward(Node):
    """An op writing a source into self along an index (scatter_add, index_copy): edges to self and the source,
    the index saved, the dim kept."""
    __slots__ = ("dim",)
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}

    def __init__(self, x, dim, index, src):
        Node.__init__(self, (operand_edge(x), operand_edge(src)))
        self.saved = (SavedTensor(index),)
        self.dim = dim


def _checked_src_grad(node, gs, shape):
    """PyTorch's formula gives src the index's shape; its engine (validate_outputs) refuses one src cannot take."""
    if gs is not None and gs._shape != shape:
        raise runtime(messages.INVALID_GRADIENT.format(name=autograd.checked_name(node), i=1,
                                                       got=_shape_list(gs._shape), expected=_shape_list(shape)))
    return gs


class ScatterAddBackward0(_IndexAndSourceBackward):
    __slots__ = ("src_shape",)
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}

    def __init__(self, x, dim, index, src):
        _IndexAndSourceBackward.__init__(self, x, dim, index, src)
        self.src_shape = src._shape
        if not self.next_functions[1][0]:  # (only src's formula reads the index: PyTorch saves it for that)
            self.saved = (NOTHING_SAVED,)

    def backward(self, g):
        index, = self.unpack()
        return (g if self.next_functions[0][0] else None,
                _checked_src_grad(self, g.gather(as_program_gave(self, "dim"), index), self.src_shape)
                if self.next_functions[1][0]
                else None)


def _scatter_meta(op, self, dim, index, src, reduction=lambda: None, dispatch=None, written=False):
    """scatter_meta_impl's checks (scatter, scatter_add, scatter_reduce), in its order: the dtypes of an index with
    elements and of a tensor src, the shapes, (written: in place) self's overlaps, reduction() (the reduce name's);
    then dispatch() (the kernel's refusals) before the kernel meets an index out of bounds.
    (dim, the int64 index, what reduction() returned)"""
    _index_dtype(op, index, "scatter(): Expected dtype int32/int64 for index")
    if isinstance(src, Tensor) and src.dtype is not self.dtype:
        raise runtime("scatter(): Expected self.dtype to be equal to src.dtype")
    reduced = []

    def meta():
        if written:
            check_written(self, (index, src))
        reduced.append(reduction())
        if dispatch is not None:
            dispatch()
    d, idx = _gather_geometry(self, dim, index, op, src, meta)
    return d, idx, reduced[0]


def scatter_add(self, dim, index, src):
    return _scatter_add(self, dim, index, src)


def _scatter_add(self, dim, index, src, written=False):
    if not isinstance(src, Tensor):
        _index_dtype("scatter_add", index, None)
        raise type_error(f"scatter_add(): argument 'src' (position 3) must be Tensor, not {type_name(src)}")
    d, idx, _ = _scatter_meta("scatter_add", self, dim, index, src, written=written)
    arr = self._np.copy()
    if not self.dim():  # a scalar: every index is 0, each value added in turn
        _add_in_turn(arr, src._np.reshape(-1)[:idx.size], self.dtype)
    elif idx.size:
        grid_idx = idx.reshape(idx.shape or (1,))  # a 0-dim index into a vector: one element
        values = src._np.reshape(src._np.shape or (1,))
        fold_at(np.add, arr, _index_grid(grid_idx, d), values[tuple(slice(0, n) for n in grid_idx.shape)], self.dtype)
    out = fresh(arr, self.dtype)
    if needs_grad(self, src):
        attach(out, given(ScatterAddBackward0(self, d, index, src), dim=dim))
    return out


def _add_slices(arr, d, idx, src, alpha, dtype):
    """index_add_cpu_ of a matrix or more with an alpha: selfSlice.add_(sourceSlice, alpha) for each index entry in
    turn, with the add kernel's arithmetic over the slices' layout (one fused multiply-add; float16/bfloat16's
    vector and scalar loops)."""
    rounded = dtypes.rounding(dtype) if dtype in REDUCED_FLOATS else None
    lead = (slice(None),) * d
    for k, i in enumerate(idx.tolist()):
        a, b = arr[lead + (i,)], src[lead + (k,)]
        arr[lead + (i,)] = kernels.add_alpha(a, b, alpha) if rounded is None else \
            rounded(kernels.reduced_add_alpha(a, b, alpha, rounded))


def _add_in_turn(scalar, values, dtype, in_turn=False):
    fold_at(np.add, scalar.reshape(1), np.zeros(values.size, np.intp), values, dtype, in_turn)


def index_select(self, dim, index):
    inference_saved_by((self, index), (index,))  # (IndexSelectBackward0 keeps the index before the kernel checks)
    d, size, idx = select_index("index_select", self, dim, index)
    if not self.dim():  # a scalar: one index, 0, and a scalar out
        if idx[0] != 0:
            raise index_error(messages.INDEX_OUT_OF_RANGE_SELF)
        values = self._np.copy()
    else:
        if size == 0 and idx.size and self.dim() > 1:
            raise runtime("index_select(): self indexing axis dim should be positive")
        bad = (idx < 0) | (idx >= size)
        if bad.any():  # PyTorch's CPU kernel has its own path, and message, for dim 1 and for an empty self
            if d == 1 or self.numel() == 0 and self.dim() > 1:
                raise runtime(f"INDICES element is out of DATA bounds, id={int(idx[bad][0])} axis_dim={size}")
            raise index_error(messages.INDEX_OUT_OF_RANGE_SELF)
        values = np.take(self._np, idx, axis=d)
    out = fresh(_fresh(values), self.dtype)
    if needs_grad(self):
        attach(out, given(IndexSelectBackward0(self, d, index), dim=dim))
    return out


class IndexAddBackward0(Node):
    __slots__ = ("dim", "alpha", "source_dim")
    saved_names = ("index", "source")
    saved_values = {"alpha": "alpha", "dim": as_given("dim"), "source_dim": "source_dim"}

    def __init__(self, x, dim, index, source, alpha):
        Node.__init__(self, (operand_edge(x), operand_edge(source)))
        # PyTorch keeps source (its grad is expand_as it), and the index, for source's formula only
        self.saved = (SavedTensor(index), SavedTensor(source)) if self.next_functions[1][0] else \
            (NOTHING_SAVED, NOTHING_SAVED)
        self.dim, self.alpha, self.source_dim = dim, alpha, source.dim()

    def backward(self, g):
        index, _ = self.unpack()
        gs = None
        if self.next_functions[1][0]:
            gs = g.index_select(self.dim, index)
            if self.alpha != 1:
                gs = gs * self.alpha
        return (g if self.next_functions[0][0] else None, gs)


def _index_func_meta(func, self, dim, index, source):
    """index_func_meta_impl (index_add, index_reduce): (dim, its size, the flat index), its checks in its order."""
    d, size, idx = select_index(func, self, dim, index)
    if not isinstance(source, Tensor):
        raise type_error(f"{func}(): argument 'source' (position 3) must be Tensor, not {type_name(source)}")
    if source.dtype is not self.dtype:
        raise runtime(f"{func}_(): self ({dtypes.SCALAR_NAMES[self.dtype.name]}) and source "
                      f"({dtypes.SCALAR_NAMES[source.dtype.name]}) must have the same scalar type")
    # (the dim against source's dims, the index's count, the other sizes)
    if d != 0 and d >= source.dim():
        raise runtime(f"{func}_(): Indexing dim {d} is out of bounds of the source tensor with dim {source.dim()}")
    if idx.size != (source._shape[d] if source.dim() else 1):  # (its message reads source.size(dim): a 0-dim
        raise runtime(f"{func}_(): Number of indices ({idx.size}) should be equal to source.size(dim): "  # source's
                      f"({source.size(d)}), for dim: {d}")  # IndexError instead)
    self_sizes, source_sizes = list(self._shape), list(source._shape)
    if self.dim() and source.dim():
        del self_sizes[d], source_sizes[d]
    if self_sizes != source_sizes:
        raise runtime(f"source tensor shape must match self tensor shape, excluding the specified dimension. Got "
                      f"self.shape = {_shape_list(self._shape)} source.shape = {_shape_list(source._shape)}")
    return d, size, idx


def _index_add_alpha(self, size, idx, alpha):
    """alpha as the kernel reads it (c10's checked_convert to self's dtype): a vector's loop converts it first, a
    matrix's per-slice adds only when there is one to do and the first index is in bounds (else alpha is unread)."""
    if self.dim() <= 1 or idx.size and self.numel() and 0 <= idx[0] < size:
        value = checked_scalar(self.dtype, alpha)
        return 1 if value == 1 else value
    return 1


def index_add(self, dim, index, source, alpha=1):
    return _index_add(self, dim, index, source, alpha)


def _index_add(self, dim, index, source, alpha, written=False):
    """index_add's values (written: index_add_'s, its overlap checks after the meta function's others)."""
    d, size, idx = _index_func_meta("index_add", self, dim, index, source)
    if written:
        check_written(self, (index, source))
    factor = _index_add_alpha(self, size, idx, alpha)
    bad = (idx < 0) | (idx >= size)
    if bad.any() and not (self.numel() == 0 and self.dim() > 1):  # (an empty matrix checks no index)
        if not _index_add_scatters(self, d, alpha):  # (its loop over the index, one slice each: its own message)
            raise _out_of_bounds(index_error("index out of range in self"))
        raise _out_of_bounds(runtime(messages.INDEX_OUT_OF_RANGE.format(i=int(idx[bad][0]), d=d, n=size)))
    arr = np.array(self._np, copy=True, order="K" if written else "C")  # (index_add_ adds into self's layout)
    # a reduced float type: added in float and rounded once by the scatter_add path, after each add by the others
    in_turn = not _index_add_scatters(self, d, alpha)
    if self.numel() == 0:
        pass
    elif self.dim() > 1 and factor != 1 and self.dtype.category == 2:  # (per-slice add_ with alpha, fused there)
        _add_slices(arr, d, idx, source._np, factor, self.dtype)
    else:
        src = source._np if factor == 1 else source._np * factor
        if self.dim() <= 1 and factor != 1 and self.dtype in REDUCED_FLOATS:  # (a vector's loop: the product
            src = dtypes.rounding(self.dtype)(src)  # rounded)
        if self.dim():
            fold_at(np.add, arr, (slice(None),) * d + (idx,), src, self.dtype, in_turn)
        else:
            _add_in_turn(arr, np.broadcast_to(src, idx.shape).reshape(-1), self.dtype, in_turn)
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, given(IndexAddBackward0(self, d, index, source, alpha), dim=dim))
    return out


_REDUCE_STEP = {"prod": np.multiply, "mean": np.add, "amax": np.maximum, "amin": np.minimum}


def _index_reduce_values(self, dim, index, source, reduce, include_self, inplace=False):
    """index_reduce_cpu_out: self, its indexed places first filled with the reduction's identity unless include_self
    (index_fill_, its checks), each index entry's source slice folded in in turn (NaN propagates through amax/amin),
    mean divided by the counts (floor division for integers). (d, the values)."""
    if reduce not in _REDUCE_STEP:
        raise runtime(f"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.")
    d, size, idx = _index_func_meta("index_reduce", self, dim, index, source)
    if inplace:  # (the meta function's overlap checks, before the kernel's warning)
        check_written(self, (index, source))
    warn_once("index_reduce() is in beta and the API may change at any time.")
    # (ATen dispatches over the real types with Half and BFloat16: the identity's fill, then a vector's loop; a
    # matrix's loop runs each slice through mul_/add_/maximum_/minimum_'s kernels, which take bool and complex)
    real = self.dtype.category < 3 and self.dtype is not dtypes.bool_
    if not include_self and not real:
        raise not_implemented_for("index_reduce_func_exclude_input_init", self.dtype)
    arr = np.array(self._np, copy=True, order="C")  # (index_reduce.out allocates a contiguous result)
    if not include_self:
        init = _reduce_identity(self, reduce)
        try:
            arr = self.index_fill(d, index.long(), init)._np.copy()
        except TorchError as e:  # (index_reduce_'s index_fill_ into self keeps what it wrote before its bad index)
            if inplace:
                _kept_before(e, self, d, idx, lambda kept, at, _: kept.__setitem__(at, init), negatives=True)
            raise
    if self.dim() <= 1 and not real:
        raise not_implemented_for("index_func_", self.dtype)
    if self.dim() > 1 and not idx.size:
        return d, arr
    bad = (idx < 0) | (idx >= size)
    stop = int(np.argmax(bad)) if bad.any() else idx.size  # (the loop's first bad index entry)
    if stop == 0 < idx.size:
        raise index_error("index out of range in self")
    if self.dtype.category == 3 and reduce in ("amax", "amin"):  # (maximum_/minimum_ on its first slice)
        raise not_implemented_for({"amax": "maximum_cpu", "amin": "minimum_cpu"}[reduce], self.dtype)
    if reduce == "mean" and self.dtype is dtypes.bool_ and stop == idx.size:  # (the sums' floor division by the
        raise not_implemented_for("div_floor_cpu", self.dtype)  # counts)
    step = _REDUCE_STEP[reduce]
    if reduce in ("amax", "amin") and self.dtype.category == 2:
        step = _tie_keeping_step(step, arr, d, source, self.dtype)
    rounded = dtypes.rounding(self.dtype) if self.dtype in REDUCED_FLOATS else np.asarray  # (each step's, in turn)
    src = source._np
    for i, k in enumerate(idx[:stop].tolist()):
        place = (slice(None),) * d + (k,) if self.dim() else ()
        arr[place] = rounded(step(arr[place], src[(slice(None),) * d + (i,)] if source.dim() else src))
    if stop < idx.size:  # (in place, the slices folded in before the bad entry stay written: mean's not divided)
        if inplace:
            undo.touch(self._storage)
            self._np[...] = arr.reshape(self._shape)
        raise index_error("index out of range in self")
    if reduce == "mean":
        arr = _divided_by_counts(arr, self, include_self, lambda counts: counts.index_add_(d, index, source.new_ones(
            source._shape)))
    return d, arr


def _tie_keeping_step(step, arr, d, source, dtype):
    """index_reduce's amax/amin step for a float self (C-contiguous arr) as ATen leaves a tie of signed zeros: a
    vector's loop keeps self's value (std::max/min); a matrix's runs maximum_/minimum_ on each slice, whose vector
    body (two vectors of AVX2's width, as those kernels are registered even on an AVX-512 CPU: measured) gives the
    source's value and whose scalar body, on the end of each run of contiguous elements, keeps self's."""
    vector = False
    if arr.ndim > 1 and kernels.compiled is not None and kernels._vector_lanes() is not None and \
            source._np.flags.c_contiguous:
        item = 8 if dtype is dtypes.float64 else 4  # (a float32/float64 array of the slice's layout, never read)
        place = (slice(None),) * d + (0,)
        strides = [st // arr.itemsize * item for st in arr[place].strides]
        shape = arr[place].shape
        layout = np.lib.stride_tricks.as_strided(np.zeros(1, np.float64 if item == 8 else np.float32), shape, strides)
        scalar = kernels.scalar_body_mask(layout, floats=8, element_bytes=2 if dtype in REDUCED_FLOATS else None)
        vector = False if scalar is None else ~scalar

    def kept(a, b):
        out = step(a, b)
        ties = np.asarray(a == b)
        return np.where(ties, np.where(vector, b, a), out) if ties.any() else out
    return kept


def _divided_by_counts(arr, self, include_self, add_ones):
    """A mean's sums (already in their dtype) divided by how many values each took (self counted if included): ATen's
    counts are a tensor of self's dtype (ones_like/zeros_like of the result) into which add_ones folds a one for each
    value by the op's own adding kernel (index_add_, scatter_add_), so they wrap in a small integer type and round in
    float16/bfloat16 as that kernel rounds (bfloat16's in-turn sums stop at 256); then masked_fill_(counts == 0, 1)
    and div_ by them, in float for a float type, floor for an integer one."""
    counts = add_ones(self.new_ones(self._shape) if include_self else self.new_zeros(self._shape))._np
    counts = np.where(counts == 0, np.ones((), counts.dtype), counts).reshape(arr.shape)
    if arr.dtype.kind in "iub":
        return arr // counts
    quotient = arr / counts.astype(arr.dtype if arr.dtype.itemsize > 4 else np.float32)
    return (dtypes.rounding(self.dtype)(quotient) if self.dtype in REDUCED_FLOATS else quotient).astype(arr.dtype)


def index_reduce(self, dim, index, source, reduce, *, include_self=True):
    d, arr = _index_reduce_values(self, dim, index, source, reduce, include_self)
    return _reduced("index_reduce", self, source, arr, lambda out: given(IndexReduceBackward0(
        self, d, index, source, reduce, include_self, out), dim=dim))


def index_reduce_inplace(self, dim, index, source, reduce, *, include_self=True):
    precheck(self, source, internal_overlap=False, overlap=False)
    d, values = _index_reduce_values(self, dim, index, source, reduce, include_self, inplace=True)
    return _reduced_into(self, source, values, lambda original: given(IndexReduceBackward0(
        self, d, index, source, reduce, include_self, original=original), dim=dim))


def _reduced(op, self, src, values, make_node):
    """scatter_reduce's and index_reduce's result, and its node where a float self or src wants a gradient."""
    out = fresh(values, self.dtype)
    if needs_grad(self, src) and self.dtype.category == 3:
        raise runtime(f"{op} does not support automatic differentiation for outputs with complex dtype.")
    if needs_grad(self, src) and self.dtype.category == 2:
        attach(out, make_node(out))
    return out


def _reduced_into(self, src, values, make_node):
    """scatter_reduce_'s and index_reduce_'s write (their values computed and checked): self's clone for the node
    (original_self), the result saved."""
    original = self.clone() if needs_grad(self, src) else None

    def write(arr):
        arr[...] = values
    return write_inplace(self, write, lambda: make_node(original), (src,), save_output=True)


def _fill_index(op, self, dim, index, source=None, inplace=False, value=None):
    """(dim, flat int64 indices) for index_fill/index_copy, with PyTorch's checks (index_copy's of its source,
    from its meta function, before the kernel's; index_fill's of a complex value, before the index's)."""
    if not isinstance(index, Tensor):
        raise type_error(f"{op}(): argument 'index' (position 2) must be Tensor, not {type_name(index)}")
    if source is not None:
        _copy_source(self, self._wrap_dim(dim), index, source, written=inplace)
    if index.dtype is not dtypes.int64:
        raise index_error(f"{op}_(): Expected dtype int64 for index.")
    if op == "index_fill" and inplace:
        check_overlap(self, (index,))
        _warn_if_expanded("index_fill_", self)
    if not self.dtype.is_complex and (type(value) is complex or isinstance(value, Tensor) and value.dtype.is_complex):
        raise runtime("index_fill_(): Converting complex Scalar to non-complex type is not supported")
    d = self._wrap_dim(dim)
    if op == "index_fill" and index.dim() > 1:
        raise runtime("Index has to be a vector/scalar")
    size = self._shape[d] if self.dim() else 1
    idx = index._np.reshape(-1)
    if op == "index_fill" and not _restrided(self, d, idx.size, inplace):
        return d, idx[:0]
    if self.numel() == 0 and idx.size and self.dim() == 1 and op == "index_copy":
        _restrided(self, d, idx.size, inplace=False)  # (its storage check fails: see _restrided)
    bad = (idx < (0 if op == "index_copy" else -size)) | (idx >= size)  # (index_fill_ wraps a negative index)
    if bad.any():
        prefix = f"{op}_(): " if op == "index_copy" else ""
        raise _out_of_bounds(index_error(prefix + messages.INDEX_OUT_OF_RANGE.format(i=int(idx[bad][0]), d=d, n=size)))
    return d, np.where(idx < 0, idx + size, idx)


def _restrided(self, d, n, inplace):
    """Whether index_fill_'s kernel visits any element: it restrides self to the index's length n along d (stride 0)
    over self's storage (out of place, over the clone's), and PyTorch's storage check fails when that view reaches
    past the storage (an empty self given indices); a view with no elements checks no index."""
    if not inplace and self.numel():
        return n > 0  # (the clone's dense storage holds any such view)
    sizes, strides = ([n], [0]) if not self.dim() else (list(self._shape), list(self.stride()))
    sizes[d], strides[d] = n, 0
    if not all(sizes):
        return False
    item = self.dtype.itemsize
    offset, have = (self.storage_offset(), self.untyped_storage().nbytes()) if inplace else (0, self.numel() * item)
    if (offset + 1 + sum((size - 1) * stride for size, stride in zip(sizes, strides))) * item > have:
        raise runtime(messages.storage_out_of_bounds(sizes, strides, offset, item, have))
    return True


def _along(arr, d, idx):
    return (slice(None),) * d + (idx,) if arr.ndim else ()


class IndexFillBackward0(Node):
    """index_fill with a number: the filled places get no gradient."""
    __slots__ = ("dim",)
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}

    def __init__(self, x, dim, index, value=None):
        Node.__init__(self, (edge_of(x),) if value is None else (edge_of(x), operand_edge(value)))
        self.saved = (SavedTensor(index),)
        self.dim = dim

    def backward(self, g):
        index, = self.unpack()
        gx = g.index_fill(self.dim, index, 0) if self.next_functions[0][0] else None
        if len(self.next_functions) == 1:
            return (gx,)
        unique = fresh(np.unique(index._np.reshape(-1)), dtypes.int64)
        return gx, (g.index_select(self.dim, unique).sum() if self.next_functions[1][0] else None)


class IndexFillBackward1(IndexFillBackward0):
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}


def _index_fill_value_checked(value):
    """The parser's and the Tensor overload's checks of the value, before any of the index's."""
    if isinstance(value, Tensor):
        if value.dim():
            raise runtime(f"index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                          f"{value.dim()} dimension(s).")
    elif not isinstance(value, scalars.NUMBER):
        raise type_error(f"index_fill(): argument 'value' must be Number, not {type_name(value)}")


def _index_fill_value(self, value):
    _index_fill_value_checked(value)
    if self.dtype.category < 3 and (value.dtype.category == 3 if isinstance(value, Tensor) else type(value) is complex):
        raise runtime("index_fill_(): Converting complex Scalar to non-complex type is not supported")
    return _fill_value(self, value)


def index_fill(self, dim, index, value):
    inference_saved_by((self, index, value), (index,))
    _index_fill_value_checked(value)
    d, idx = _fill_index("index_fill", self, dim, index, inplace=False, value=value)
    fill = _index_fill_value(self, value)
    out = layout.like(self._np, self.dtype, self)  # (PyTorch clones self keeping its layout, then fills)
    out._np[_along(out._np, d, idx)] = fill
    if needs_grad(self, value):
        tensor_value = isinstance(value, Tensor)
        attach(out, given((IndexFillBackward1 if tensor_value else IndexFillBackward0)(
            self, d, index, value if tensor_value else None), dim=dim))
    return out


def index_fill_inplace(self, dim, index, value):
    precheck(self, value, internal_overlap=False, overlap=False)  # (a value tensor is read as a number first)
    _index_fill_value_checked(value)
    try:
        d, idx = _fill_index("index_fill", self, dim, index, inplace=True, value=value)
    except TorchError as e:
        _kept_before(e, self, dim, index._np.reshape(-1), lambda arr, at, _: arr.__setitem__(
            at, _index_fill_value(self, value)), negatives=True)
        raise
    fill = _index_fill_value(self, value)
    tensor_value = isinstance(value, Tensor)

    def write(arr):
        arr[_along(arr, d, idx)] = fill
    return write_inplace(self, write, lambda: (IndexFillBackward1 if tensor_value else IndexFillBackward0)(
        self, d, index, value if tensor_value else None), (value,), any_dtype=tensor_value)


class IndexCopyBackward0(_IndexAndSourceBackward):
    __slots__ = ("source_dim",)
    saved_names, saved_values = ("index", "source"), {"dim": as_given("dim"), "source_dim": "source_dim"}

    def __init__(self, x, dim, index, src):
        _IndexAndSourceBackward.__init__(self, x, dim, index, src)
        self.saved += (SavedTensor(src) if self.next_functions[1][0] else NOTHING_SAVED,)  # (as PyTorch's)
        self.source_dim = src.dim()

    def backward(self, g):
        index = self.unpack()[0]
        return (g.index_fill(self.dim, index, 0) if self.next_functions[0][0] else None,
                g.index_select(self.dim, index) if self.next_functions[1][0] else None)


def _copy_source(self, d, index, source, written=False):
    """index_copy's meta function checks, in ATen's order (written: in place, self's overlaps first)."""
    if not isinstance(source, Tensor):
        raise type_error(f"index_copy(): argument 'source' (position 3) must be Tensor, not {type_name(source)}")
    if written:
        check_written(self, (index, source))
    if index.dim() >= 2:
        raise index_error(f"index_copy_(): Index should have dimension 1 or 0 (got {index.dim()})")
    n = index.numel()
    if source.dim() == 0 and n != 1:
        raise index_error(f"index_copy_(): When source is scalar, index should have one element (got {n})")
    if source.dim() != self.dim() and source.dim() and self.dim():
        raise index_error(f"index_copy_(): When source and destination are not scalars, their dimensionality must "
                          f"match. Source dimensionality ({source.dim()}), destination dimensionality ({self.dim()})")
    if index.dtype is not dtypes.int64:
        raise runtime(f"index_copy_(): Expected a long tensor for index, but got "
                      f"{dtypes.SCALAR_NAMES[index.dtype.name]}")
    if source.dtype is not self.dtype:
        raise runtime(f"index_copy_(): self and source expected to have the same dtype, but got (self) "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and (source) {dtypes.SCALAR_NAMES[source.dtype.name]}")
    mine = [s for k, s in enumerate(self._shape) if k != d]
    theirs = [s for k, s in enumerate(source._shape) if k != d]
    if mine != theirs:
        raise runtime(f"index_copy_(): Source/destination tensor must have same slice shapes. Destination slice "
                      f"shape: {' '.join(map(str, mine))} at dimension {d} and source slice shape: "
                      f"{' '.join(map(str, theirs))} at dimension 0.")
    if source.dim() and n != source._shape[d]:
        raise index_error(f"index_copy_(): Number of indices ({n}) should be equal to source.size(dim) "
                          f"({source._shape[d]})")


def _copy_along(arr, d, idx, src):
    """index_copy's kernel: source's k-th slice to place idx[k] along d, in order (a repeated index: the last copy
    stays, as PyTorch's CPU loop leaves it); a 0-dim self is one element each of a source's elements lands on."""
    if arr.ndim:
        arr[_along(arr, d, idx)] = src
    else:
        arr.reshape(1)[idx] = src.reshape(-1)


def index_copy(self, dim, index, source):
    if AUTOCAST[0]:
        return autocast.promote(index_copy, self, dim, index, source)
    inference_saved_by((self, index, source), (index,))
    d, idx = _fill_index("index_copy", self, dim, index, source)
    arr = self._np.copy()
    _copy_along(arr, d, idx, source._np)
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, given(IndexCopyBackward0(self, d, index, source), dim=dim))
    return out


def index_copy_inplace(self, dim, index, source):
    precheck(self, source, internal_overlap=False, overlap=False)
    try:
        d, idx = _fill_index("index_copy", self, dim, index, source, inplace=True)
    except TorchError as e:
        _kept_before(e, self, dim, index._np.reshape(-1), lambda arr, at, loop: arr.__setitem__(
            at, source._np[loop]))
        raise

    def write(arr):
        _copy_along(arr, d, idx, source._np)
    return write_inplace(self, write, lambda: IndexCopyBackward0(self, d, index, source), (source,))


class ScatterBackward0(Node):
    """scatter of a tensor: the overwritten places get no gradient; src gets what lands where it went."""
    __slots__ = ("dim", "src_shape")
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}

    def __init__(self, x, dim, index, src=None):
        Node.__init__(self, (operand_edge(x),) if src is None else (operand_edge(x), operand_edge(src)))
        self.saved = (SavedTensor(index),)
        self.dim = dim
        self.src_shape = None if src is None else src._shape

    def backward(self, g):
        index, = self.unpack()
        gx = g.scatter(self.dim, index, 0) if self.next_functions[0][0] else None
        if len(self.next_functions) == 1:
            return (gx,)
        gs = g.gather(self.dim, index) if should_compute_output(self, 1) else None
        return gx, _checked_src_grad(self, gs, self.src_shape)


class ScatterBackward1(ScatterBackward0):
    saved_names, saved_values = ("index",), {"dim": as_given("dim")}


_SCATTER_REDUCE = {None: None, "add": np.add, "multiply": np.multiply}


def _scatter_reduce_kernel(src, reduce):
    """scatter's deprecated reduce= ('add' or 'multiply'): the ufunc that folds src in (None: plain writes)."""
    if reduce not in _SCATTER_REDUCE:
        raise runtime("reduce argument must be either add or multiply.")
    return _SCATTER_REDUCE[reduce]


def _warn_scatter_reduce(src, reduce):
    """scatter.reduce's meta function warns before its checks."""
    if reduce is not None and isinstance(src, Tensor):
        warn_once("The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a "
                  "future PyTorch release. Use torch.scatter_reduce instead for more reduction options.")


def _scatter_node(self, d, index, src, reduce, op="scatter"):
    """scatter's node: PyTorch does not differentiate scatter with reduce= (NotImplemented, naming op)."""
    tensor_src = isinstance(src, Tensor)
    if reduce is not None:
        return NotImplementedNode(op, *((self, src) if tensor_src else (self,)))
    return (ScatterBackward0 if tensor_src else ScatterBackward1)(self, d, index, src if tensor_src else None)


def _scatter_source(self, d, idx, src):
    if isinstance(src, Tensor) and idx.size:
        values = src._np.reshape(src._np.shape or (1,))
        return values[tuple(slice(0, n) for n in (idx.shape or (1,)))].reshape(idx.shape)
    if not isinstance(src, (Tensor, *scalars.NUMBER)):
        raise type_error(f"scatter(): argument 'value' must be Number, not {type_name(src)}")
    return _fill_value(self, src) if idx.size else None  # (the kernel reads the value when it has a place to write)


def _scatter_into(arr, d, idx, values, ufunc=None, dtype=None):
    """Write values at idx along d (ufunc: fold them in with ufunc.at, repeated places each time)."""
    if not idx.size:
        return
    if ufunc is not None:
        grid_idx = idx.reshape(idx.shape or (1,))
        flat = arr.reshape(arr.shape or (1,))  # (a view of arr, 0-d included)
        fold_at(ufunc, flat, _index_grid(grid_idx, d), np.broadcast_to(values, idx.shape).reshape(grid_idx.shape), dtype)
    elif arr.ndim:
        grid_idx = idx.reshape(idx.shape or (1,))
        arr[_index_grid(grid_idx, d)] = np.broadcast_to(values, idx.shape).reshape(grid_idx.shape)
    elif idx.size:
        arr[...] = np.broadcast_to(values, idx.shape).reshape(-1)[-1]


def scatter(self, dim, index, src=None, value=None, reduce=None):
    src = value if src is None else src
    inference_saved_by((self, index, src), (index,) if reduce is None else ())  # (with reduce: not differentiable)
    _warn_scatter_reduce(src, reduce)
    d, idx, ufunc = _scatter_meta("scatter", self, dim, index, src, lambda: _scatter_reduce_kernel(src, reduce))
    values = _scatter_source(self, d, idx, src)
    arr = self._np.copy()
    _scatter_into(arr, d, idx, values, ufunc, self.dtype)
    out = fresh(arr, self.dtype)
    if needs_grad(self, src):
        node = _scatter_node(self, d, index, src, reduce)
        attach(out, node if reduce is not None else given(node, dim=dim))
    return out


def scatter_inplace(self, dim, index, src=None, value=None, reduce=None):
    src = value if src is None else src
    precheck(self, src, internal_overlap=False, overlap=False)  # (autograd's rules, then the meta function's checks)
    _warn_scatter_reduce(src, reduce)
    try:
        d, idx, ufunc = _scatter_meta("scatter_", self, dim, index, src, lambda: _scatter_reduce_kernel(src, reduce),
                                      written=True)
    except TorchError as e:
        _kept_before(e, self, dim, index._np.astype(np.int64), lambda arr, at, loop: _scatter_prefix(
            self, arr, at, loop, src, _scatter_reduce_kernel(src, reduce)), along=False)
        raise
    values = _scatter_source(self, d, idx, src)

    def write(arr):
        _scatter_into(arr, d, idx, values, ufunc, self.dtype)
    return write_inplace(self, write, lambda: _scatter_node(self, d, index, src, reduce, "scatter_"), (src,))


# ------------------------------------------------------------------ in-place twins of index_add, scatter_add, masked_scatter

def _written_like(self, others, compute, make_node):
    """An in-place twin whose values the out-of-place op computes: autograd's in-place checks first (as PyTorch's
    wrapper makes them), then the op's own checks (self's overlaps among them) and values, written into self under
    the op's node."""
    precheck(self, *others, internal_overlap=False, overlap=False)
    with autograd.no_grad():
        values = compute()

    def write(arr):
        arr[...] = values._np
    return write_inplace(self, write, make_node, others)


def _scatter_prefix(self, arr, at, loop, src, ufunc=None):
    values = src._np[loop] if isinstance(src, Tensor) else np.full(len(loop[0]), _fill_value(self, src))
    if ufunc is None:
        arr[at] = values
    else:
        ufunc.at(arr, at, values)


def index_add_inplace(self, dim, index, source, alpha=1):
    try:
        return _written_like(self, (source,), lambda: _index_add(self, dim, index, source, alpha, written=True),
                             lambda: IndexAddBackward0(self, self._wrap_dim(dim) if self.dim() else 0, index, source,
                                                       alpha))
    except TorchError as e:
        _kept_before(e, self, dim, index._np.reshape(-1), lambda arr, at, loop: np.add.at(
            arr, at, source._np[loop] if alpha == 1 else source._np[loop] * checked_scalar(self.dtype, alpha)),
            slices=self.dim() > 1 and not _index_add_scatters(self, self._wrap_dim(dim), alpha))
        raise


def scatter_add_inplace(self, dim, index, src):
    try:
        return _written_like(self, (src,), lambda: _scatter_add(self, dim, index, src, written=True),
                             lambda: ScatterAddBackward0(self, self._wrap_dim(dim) if self.dim() else 0, index, src))
    except TorchError as e:
        _kept_before(e, self, dim, index._np.astype(np.int64), lambda arr, at, loop: np.add.at(arr, at, src._np[loop]),
                     along=False)
        raise


def masked_scatter_inplace(self, mask, source):
    precheck(self, source, overlap=False)
    try:
        _masked_scatter_checks(self, mask, source, self._shape)
    except TorchError as e:
        if str(e) == _SOURCE_SHORT:  # (the kernel writes source's elements in order until they run out)
            m = np.broadcast_to(mask._np, self._shape)
            undo.touch(self._storage)
            places = tuple(p[:source.numel()] for p in np.nonzero(m))
            self._np[places] = source._np.reshape(-1)
        raise
    aliased = source._storage is self._storage and source.is_contiguous()  # (another is read as its contiguous copy)
    compute = (lambda: _masked_scatter_reading_back(self, mask, source)) if aliased else \
        (lambda: masked_scatter(self, mask, source))
    return _written_like(self, (source,), compute, lambda: MaskedScatterBackward0(self, mask, source))


def _masked_scatter_reading_back(self, mask, source):
    """masked_scatter_ from a source sharing self's memory: the kernel's serial loop writes mask's places in order,
    each reading source's next element from memory as the writes before left it (y[:3].masked_scatter_(y[:3] > 1,
    y[:3]) of 1, 2, 3 is 1, 1, 1)."""
    from types import SimpleNamespace
    from ..tensorimpl import storage_view
    memory = SimpleNamespace(data=self._storage.data.copy())
    mine = storage_view(memory, self.dtype, self._shape, self._stride, self._offset)
    theirs = storage_view(memory, source.dtype, source._shape, source._stride, source._offset)
    places = np.argwhere(np.broadcast_to(mask._np, self._shape))
    for k, place in enumerate(places):
        mine[tuple(place)] = theirs[np.unravel_index(k, source._shape)] if source._shape else theirs[()]
    return fresh(mine.copy(), self.dtype)


class TakeBackward0(Node):
    """take: the gradient put back at the flat indices it came from, added where an index repeats."""
    __slots__ = ("shape",)
    saved_names = ("index", "self")

    def __init__(self, x, index):
        Node.__init__(self, (edge_of(x),))
        self.shape = x._shape
        self.saved = (SavedTensor(index), SavedTensor(x))

    def backward(self, g):
        index, _ = self.unpack()
        out = np.zeros(int(np.prod(self.shape)), g.dtype.np)
        flat = index._np.reshape(-1)
        fold_at(np.add, out, np.where(flat < 0, flat + out.size, flat), g._np.reshape(-1), g.dtype, in_turn=True)
        result = layout.like(out.reshape(self.shape), g.dtype, self.unpack()[1])  # (self's layout, as zeros_like's)
        result._version_counter.bump()  # (PyTorch's zeros_like(self).put_(index, grad, true): in place)
        if needs_grad(g):
            from .flat_put import PutBackward0
            attach(result, PutBackward0(zeros_of(result), index, g, True))
        return (result,)


def take(self, index):
    if not isinstance(index, Tensor):
        raise type_error(f"take(): argument 'index' (position 1) must be Tensor, not {type_name(index)}")
    inference_saved_by((self, index), (self, index))
    if index.dtype is not dtypes.int64:
        raise runtime(f"take(): Expected a long tensor for index, but got {dtypes.SCALAR_NAMES[index.dtype.name]}")
    n = self.numel()
    flat = index._np.reshape(-1)
    if flat.size and n == 0:
        raise index_error("take(): tried to take from an empty tensor")
    bad = flat[(flat >= n) | (flat < -n)]
    if bad.size:
        raise index_error(f"out of range: tried to access index {int(bad[0])} on a tensor of {n} elements.")
    values = np.ascontiguousarray(self._np).reshape(-1)[flat].reshape(index._shape)
    out = fresh(np.require(values, self.dtype.np, "C"), self.dtype)
    if needs_grad(self):
        attach(out, TakeBackward0(self, index))
    return out


_REDUCTIONS = {"sum": np.add, "prod": np.multiply, "mean": np.add, "amax": np.maximum, "amin": np.minimum}


_REDUCED = {"dim": as_given("dim"), "reduce": "reduce", "include_self": "include_self"}


class _ReduceIntoBackward(Node):
    """scatter_reduce_backward / index_reduce_backward, with engine ops (so create_graph records it): the class
    names the ops that add back, pick, reduce again and clear along its index."""
    __slots__ = ("dim", "reduce", "include_self")

    def __init__(self, x, dim, index, src, reduce, include_self, out=None, original=None):
        Node.__init__(self, (operand_edge(x), operand_edge(src)))
        self.dim, self.reduce, self.include_self = dim, reduce, include_self
        self.saved = (SavedTensor(original if original is not None else x), SavedTensor(index), SavedTensor(src)) + \
            ((SavedTensor(out, is_output=True),) if out is not None else ())

    def backward(self, g):
        x, index, src, result = self.unpack()
        d, reduce = self.dim, self.reduce
        add_back, refold, clear = (getattr(Tensor, name) for name in (self.add_back, self.refold, self.clear))

        def pick(t):
            return getattr(t, self.pick)(d, index)
        if reduce == "sum":
            gx, gs = g, pick(g)
        elif reduce == "mean":
            n = add_back(g.new_ones(g._shape) if self.include_self else g.new_zeros(g._shape), d, index,
                         src.new_ones(src._shape))
            n = n.masked_fill(n == 0, 1)
            gx, gs = g / n, pick(g) / pick(n)
        elif reduce == "prod":
            masked_self = x.masked_fill(x == 0, 1)
            gx = g * refold(masked_self, d, index, src, reduce, include_self=self.include_self) / masked_self
            src_zero = src == 0
            zeros = pick(add_back(x.new_zeros(x._shape), d, index, src_zero.to(x.dtype)))
            single = src_zero.logical_and(zeros == 1)
            masked_result = refold(x, d, index, src.masked_fill(single, 1), reduce, include_self=self.include_self)
            gs = pick(g * masked_result).where(single, pick(g * result) / src.masked_fill(src_zero, 1))
        else:  # amax, amin: the gradient shared evenly by self and the sources equal to the result
            value = pick(result)
            self_is = (x == result).to(x.dtype)
            src_is = (src == value).to(x.dtype)
            share = g / add_back(self_is, d, index, src_is)
            gx, gs = (x == result) * share, (src == value) * pick(share)
        if not self.include_self:
            gx = clear(gx, d, index, 0)
        return (gx if self.next_functions[0][0] else None), (gs if self.next_functions[1][0] else None)


class ScatterReduceBackward0(_ReduceIntoBackward):
    """PyTorch's scatter_reduce_backward."""
    saved_names, saved_values = ("self", "index", "src", "result"), _REDUCED
    add_back, pick, refold, clear = "scatter_add", "gather", "scatter_reduce", "scatter"


class IndexReduceBackward0(_ReduceIntoBackward):
    """index_reduce_backward (FunctionsManual.cpp): scatter_reduce's formulas along an index."""
    saved_names, saved_values = ("self", "index", "source", "result"), _REDUCED
    add_back, pick, refold, clear = "index_add", "index_select", "index_reduce", "index_fill"


def _scatter_reduce_values(self, dim, index, src, reduce, include_self, written=False):
    _index_dtype("scatter_reduce", index, None)
    if not isinstance(src, Tensor):
        raise type_error(f"scatter_reduce(): argument 'src' (position 3) must be Tensor, not {type_name(src)}")
    reduce = {"max": "amax", "min": "amin"}.get(reduce, reduce)

    def reduction():
        if reduce not in _REDUCTIONS:
            raise runtime(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")

    def dispatch():
        if self.dtype.category == 3 and reduce in ("amax", "amin") and index.numel():  # (when the kernel runs)
            raise not_implemented_for(f"scatter_gather_tensor_cpu_reduce_{reduce}", self.dtype)
        if self.dtype is dtypes.bool_ and reduce == "mean":  # (with no index, the counts' floor division refuses it)
            raise not_implemented_for("scatter_gather_tensor_cpu_reduce_mean" if index.numel() else "div_floor_cpu",
                                      self.dtype)
    d, idx, _ = _scatter_meta("scatter_reduce", self, dim, index, src, reduction, dispatch, written)
    arr = self._np.reshape(self._shape or (1,)).copy()
    if not idx.size:
        return d, reduce, np.require(arr.reshape(self._shape), self.dtype.np, requirements="C")
    idx = idx.reshape(idx.shape or (1,))
    grid = _index_grid(idx, d)
    values = src._np.reshape(src._shape or (1,))[tuple(slice(0, n) for n in idx.shape)]
    if not include_self:
        arr[grid] = _reduce_identity(self, reduce)
    start = arr.copy() if reduce in ("amax", "amin") and self.dtype.category == 2 else None
    with np.errstate(all="ignore"):
        fold_at(_REDUCTIONS[reduce], arr, grid, values, self.dtype)
        if reduce == "mean":
            # (the expanded-index path divides each row by its count kept as an integer, the other by a tensor)
            exact = dtypes.int64 if _expanded_index_path(self, d, index, src) else None
            arr = _divided_by_counts(arr, self, include_self, lambda counts: counts.to(
                exact or counts.dtype).scatter_add_(d, index, src.new_ones(src._shape, dtype=exact)))
    if start is not None:
        _zero_ties(arr, start, grid, values, include_self, last=_expanded_index_path(self, d, index, src))
    return d, reduce, np.require(arr.reshape(self._shape), self.dtype.np, requirements="C")  # (0-d stays 0-d)


def _expanded_index_path(self, d, index, src):
    """Whether scatter_reduce takes ATen's fast path for an expanded index (can_use_expanded_index_path, "GNN
    usage"): a floating self, nothing empty or 0-dim, index of src's sizes past dim 0 with at least 16 elements a
    row, strides 1 along dim 0 and 0 or 1 elsewhere, dim 0, self and src contiguous. Its rows are reduced with
    vectors (at::vec::maximum: the source's value at a tie), where the other path's std::max keeps self's."""
    if self.dtype.category != 2 or d != 0 or 0 in (self.numel(), index.numel(), src.numel()) or \
            0 in (self.dim(), index.dim(), src.dim()):
        return False
    if any(src._shape[k] != index._shape[k] for k in range(1, index.dim())) or \
            index.numel() // index._shape[0] < 16:
        return False
    return index._stride[0] == 1 and all(st <= 1 for st in index._stride[1:]) and src.is_contiguous() and \
        self.is_contiguous()


def _zero_ties(arr, start, key, values, include_self, last):
    """amax/amin's result arr (folded by numpy, which settles a tie of signed zeros its own way) with each zero's
    sign as ATen's loop leaves it: the first value equal to the result kept (std::max/min keep their running value,
    self's first when included), or the last where the reduction runs in vectors (last). start: arr before the
    fold; key, values: the places and the values folded in, in the kernel's order."""
    flat = arr.reshape(-1)
    zero = flat == 0
    if not zero.any():
        return
    places = np.arange(arr.size).reshape(arr.shape)[key]
    values = np.broadcast_to(values, places.shape).reshape(-1)
    places = places.reshape(-1)[values == 0]
    negative = np.signbit(values[values == 0])
    if last:
        places, negative = places[::-1], negative[::-1]
    sign = np.zeros(arr.size, np.int8)  # (0: no zero folded in, 1: +0., 2: -0.)
    found, first = np.unique(places, return_index=True)
    sign[found] = np.where(negative[first], 2, 1)
    if include_self:
        own = start.reshape(-1) == 0
        own &= (sign == 0) if last else own
        sign[own] = np.where(np.signbit(start.reshape(-1)[own]), 2, 1)
    fix = zero & (sign > 0)
    flat[fix] = np.where(sign[fix] == 2, -0.0, 0.0)


def _reduce_identity(self, reduce):
    """What scatter_reduce/index_reduce(include_self=False) first write at every place the index names."""
    floating = self.dtype.category == 2
    info = None if self.dtype.category >= 2 or self.dtype is dtypes.bool_ else np.iinfo(self.dtype.np)
    return {"sum": 0, "mean": 0, "prod": 1, "amax": -np.inf if floating else (info.min if info else False),
            "amin": np.inf if floating else (info.max if info else True)}[reduce]


def _reduced_prefix(self, arr, at, loop, src, reduce, include_self):
    """What scatter_reduce_ wrote before its bad index: without self, its first pass (the identity scattered over
    the index) is the loop that fails; with self, the source folded in (mean not yet divided)."""
    reduce = {"max": "amax", "min": "amin"}.get(reduce, reduce)
    if not include_self:
        arr[at] = _reduce_identity(self, reduce)
        return
    with np.errstate(all="ignore"):
        fold_at(_REDUCTIONS[reduce], arr, at, src._np[loop], self.dtype)


def scatter_reduce(self, dim, index, src, reduce, *, include_self=True):
    d, reduce, values = _scatter_reduce_values(self, dim, index, src, reduce, include_self)
    return _reduced("scatter_reduce", self, src, values, lambda out: given(ScatterReduceBackward0(
        self, d, index, src, reduce, include_self, out), dim=dim))


def scatter_reduce_inplace(self, dim, index, src, reduce, *, include_self=True):
    precheck(self, src, internal_overlap=False, overlap=False)
    try:
        d, reduce, values = _scatter_reduce_values(self, dim, index, src, reduce, include_self, written=True)
    except TorchError as e:
        _kept_before(e, self, dim, index._np.astype(np.int64), lambda arr, at, loop: _reduced_prefix(
            self, arr, at, loop, src, reduce, include_self), along=False)
        raise
    return _reduced_into(self, src, values, lambda original: ScatterReduceBackward0(
        self, d, index, src, reduce, include_self, original=original))

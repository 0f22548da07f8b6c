"""Ops that pick, reorder, mask or repeat elements: masked_fill, where-like clamps, flip, roll, repeat/tile,
tril/triu, diag, gather/scatter/scatter_add, index_select/index_add/index_fill/index_copy, amax/amin, and small
aliases (cpu, type_as, outer, swapaxes, unflatten). Each forward is numpy's exact copy of the elements; each backward is PyTorch's formula
from derivatives.yaml, written with engine ops so that create_graph records it."""

import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of, should_compute_output
from .errors import index_error, runtime, type_error, warn
from .functions import where
from .tensorimpl import Tensor, _shape_list
from .ops.core import (InputNode, attach, embed, cast_for_inplace, check_broadcast, check_fits_output, fresh, from_numpy, laid_out_like,
                       needs_grad, operand_edge, precheck, sum_to, tensor_params, type_name, write_inplace)
from .scalars import checked_scalar

_C_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "int32": "int", "uint8": "unsigned char",
            "float16": "c10::Half", "bool": "bool"}


def _arg_type(v):
    return "Tensor" if isinstance(v, Tensor) else type(v).__name__


def _accepts(kind, v):
    return isinstance(v, Tensor) if kind == "Tensor" else isinstance(v, (int, float))


def _invalid_combination(op, args, kwargs, forms):
    """PyTorch's argument-parser message: each overload, and where the argument count fits it, which types
    did not match (marked !type!). forms: ((kind, name), ...) per overload."""
    def listed(mark):
        pos = [mark(i, _arg_type(a)) for i, a in enumerate(args)]
        kw = [mark(len(args) + i, f"{k}={_arg_type(v)}") + ", " for i, (k, v) in enumerate(kwargs.items())]
        return ", ".join(pos) + (", " if pos and kw else "") + "".join(kw)
    given = list(args) + list(kwargs.values())
    text = f"{op}() received an invalid combination of arguments - got ({listed(lambda i, t: t)}), but expected one of:\n"
    for form in forms:
        text += " * (" + ", ".join(f"{kind} {name}" for kind, name in form) + ")\n"
        names = [name for _, name in form]
        unknown = [k for k in kwargs if k not in names]
        if unknown:
            text += "      didn't match because some of the keywords were incorrect: " + ", ".join(unknown) + "\n"
        elif len(given) == len(form):
            # the parser stops at the first argument that does not fit: it and all after it are marked
            kinds = [kind for kind, _ in form[:len(args)]] + [dict((n, k) for k, n in form)[k] for k in kwargs]
            first = next((i for i, (kind, v) in enumerate(zip(kinds, given)) if not _accepts(kind, v)), len(given))
            text += ("      didn't match because some of the arguments have invalid types: ("
                     + listed(lambda i, t: f"!{t}!" if i >= first else t) + ")\n")
    return type_error(text)


def _int_list(op, name, values):
    """dims/shifts/sizes given as one int, a sequence, or spread over the call (x.flip(0, 1))."""
    if len(values) == 1 and isinstance(values[0], (list, tuple)):
        values = tuple(values[0])
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool):
            raise type_error(f"{op}(): argument '{name}' must be tuple of ints, but found element of type "
                             f"{type_name(v)} at pos 0")
    return tuple(values)


def _wrap_dims(self, op, dims):
    wrapped = [self._wrap_dim(d) for d in dims]
    for i, d in enumerate(wrapped):
        if d in wrapped[:i]:
            raise runtime(f"dim {d} appears multiple times in the list of dims")
    return tuple(wrapped)


def _fresh(values):
    """A new C-ordered array of values that the result owns alone (0-dim stays 0-dim)."""
    return np.array(values, order="C")


def _unsqueeze_dims(t, dims):
    for d in sorted(dims):
        t = t.unsqueeze(d)
    return t


# ------------------------------------------------------------------ masked_fill

_MISSING = object()


def _warn_if_expanded(op, self):
    """masked_fill_ and index_fill_ write into an expanded tensor, with PyTorch's deprecation warning."""
    if any(stride == 0 and size > 1 for size, stride in zip(self._shape, self._stride)):
        warn(f"Use of {op} on expanded tensors is deprecated. Please clone() the tensor before performing this "
             "operation. This also applies to advanced indexing e.g. tensor[mask] = scalar")


def _mask_and_value(op, mask, value, self=None):
    """The argument parser's checks, then (self given: in place) autograd's, then the kernel's."""
    if not isinstance(mask, Tensor) or not isinstance(value, (int, float, Tensor)):
        given = [v for v in (mask, value) if v is not _MISSING]
        raise _invalid_combination(op, given, {}, ((("Tensor", "mask"), ("Tensor", "value")),
                                                   (("Tensor", "mask"), ("Number", "value"))))
    if self is not None:
        precheck(self, value, internal_overlap=False)
        _warn_if_expanded("masked_fill_", self)
    if isinstance(value, Tensor) and value.dim():  # PyTorch checks the value's dimensions before the mask's dtype
        raise runtime(f"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                      f"{value.dim()} dimension(s).")
    if mask.dtype is not dtypes.bool_:
        raise runtime(f"masked_fill_ only supports boolean masks, but got mask with dtype {_C_NAMES[mask.dtype.name]}")


def _fill_value(self, value):
    if not isinstance(value, Tensor):
        return np.asarray(checked_scalar(self.dtype, value))
    return np.asarray(value._np).astype(self.dtype.np)


class MaskedFillBackward0(Node):
    __slots__ = ("shape",)

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
    pass


def masked_fill(self, mask=_MISSING, value=_MISSING):
    _mask_and_value("masked_fill", mask, value)
    check_broadcast(mask, self)
    # (np.array, not np.ascontiguousarray: that one makes a 0-dim result 1-dim)
    out = fresh(np.array(np.where(mask._np, _fill_value(self, value), self._np), self.dtype.np, order="C"), self.dtype)
    if needs_grad(self, value):
        tensor_value = isinstance(value, Tensor)
        node = (MaskedFillBackward1 if tensor_value else MaskedFillBackward0)(self, mask, value if tensor_value else None)
        attach(out, node)
    return out


def masked_fill_inplace(self, mask=_MISSING, value=_MISSING):
    _mask_and_value("masked_fill_", mask, value, self)
    check_broadcast(mask, self)
    check_fits_output(self, mask)
    fill = _fill_value(self, value)
    m = mask._np
    tensor_value = isinstance(value, Tensor)

    def make():
        cls = MaskedFillBackward1 if tensor_value else MaskedFillBackward0
        return cls(self, mask, value if tensor_value else None)

    def write(arr):
        np.copyto(arr, fill, where=np.broadcast_to(m, arr.shape))
    return write_inplace(self, write, make, (value,))


@tensor_params("mask")
def masked_select(self, mask):
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

    def __init__(self, x, mask):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(mask))  # PyTorch keeps self (for its sizes) and checks it
        self.shape = x._shape

    def backward(self, g):
        _, mask = self.unpack()
        shape = np.broadcast_shapes(mask._shape, self.shape)
        full = g.new_zeros(shape).masked_scatter(mask, g)
        return (sum_to(full, self.shape),)


@tensor_params("mask", "source")
def masked_scatter(self, mask, source):
    """masked_scatter, as the backward of masked_select needs it: source's leading elements fill mask's places."""
    if mask.dtype.name != "bool":  # (was numpy's IndexError about index arrays)
        raise runtime("masked_scatter_ only supports boolean masks, but got mask with dtype "
                      f"{dtypes.SCALAR_NAMES[mask.dtype.name]}")
    shape = np.broadcast_shapes(mask._shape, self._shape)
    arr = np.array(np.broadcast_to(self._np, shape), dtype=self.dtype.np, order="C")
    m = np.broadcast_to(mask._np, shape)
    arr[m] = source._np.reshape(-1)[:int(m.sum())]
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, MaskedScatterBackward0(self, mask, source))
    return out


class MaskedScatterBackward0(Node):
    __slots__ = ("shape", "source_shape")

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
            from .functions import cat
            gs = cat([picked, g.new_zeros(n - picked.numel())]).view(self.source_shape) if picked.numel() < n \
                else picked.view(self.source_shape)
        return gx, gs


# ------------------------------------------------------------------ clamp_min / clamp_max




class _ClampBound(Node):
    """clamp_min/clamp_max: the gradient passes where the bound did not bite (and to a tensor bound where it did)."""
    __slots__ = ("bound",)

    def __init__(self, x, bound):
        tensor_bound = isinstance(bound, Tensor)
        Node.__init__(self, (edge_of(x), operand_edge(bound)) if tensor_bound else (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(bound)) if tensor_bound else (SavedTensor(x),)
        self.bound = None if tensor_bound else bound

    def backward(self, g):
        values = self.unpack()
        x = values[0]
        bound = values[1] if len(values) > 1 else self.bound
        keep = x >= bound if self.lower else x <= bound
        gx = where(keep, g, 0.0) if self.next_functions[0][0] else None
        if len(values) == 1:
            return (gx,)
        gb = where(keep.logical_not(), g, 0.0) if self.next_functions[1][0] else None
        return gx, (sum_to(gb, bound._shape) if gb is not None else None)


def _bound_node(name, lower):
    return type(name, (_ClampBound,), {"__slots__": (), "name_": name, "lower": lower})


ClampMinBackward0, ClampMinBackward1 = _bound_node("ClampMinBackward0", True), _bound_node("ClampMinBackward1", True)
ClampMaxBackward0, ClampMaxBackward1 = _bound_node("ClampMaxBackward0", False), _bound_node("ClampMaxBackward1", False)


def _clamp_bound(op, lower):
    nodes = (ClampMinBackward0, ClampMinBackward1) if lower else (ClampMaxBackward0, ClampMaxBackward1)
    np_fn = np.maximum if lower else np.minimum
    key = op[6:]  # the parameter: min or max

    def values(self, args, kwargs):
        if len(args) == 1 and not kwargs:
            bound = args[0]
        elif not args and list(kwargs) == [key]:
            bound = kwargs[key]
        else:
            bound = None
        if bound is None or not isinstance(bound, (int, float, Tensor)):
            raise _invalid_combination(op, args, kwargs, ((("Tensor", key),), (("Number", key),)))
        dt = dtypes.result_type([self, bound])
        b = bound._np.astype(dt.np) if isinstance(bound, Tensor) else checked_scalar(dt, bound)
        return bound, dt, np_fn(self._np.astype(dt.np, copy=False), b)

    def fn(self, *args, **kwargs):
        bound, dt, r = values(self, args, kwargs)
        out = from_numpy(np.asarray(r, dtype=dt.np), dt)
        if needs_grad(self, bound):
            attach(out, nodes[isinstance(bound, Tensor)](self, bound))
        return out

    def fn_(self, *args, **kwargs):
        bound, dt, r = values(self, args, kwargs)
        precheck(self, bound)
        check_fits_output(self, bound)
        cast_for_inplace(self, dt, cpp_name=True)

        def write(arr):
            arr[...] = r
        return write_inplace(self, write, lambda: nodes[isinstance(bound, Tensor)](self.clone(), bound), (bound,))
    fn.__name__, fn_.__name__ = op, op + "_"
    return fn, fn_


clamp_min, clamp_min_inplace = _clamp_bound("clamp_min", True)
clamp_max, clamp_max_inplace = _clamp_bound("clamp_max", False)


# ------------------------------------------------------------------ reorder: flip, roll, repeat, tril/triu

class FlipBackward0(InputNode):
    fields = ("dims",)

    def backward(self, g):
        return (g.flip(self.dims),)


def flip(self, *dims):
    if not dims:
        raise type_error('flip() missing 1 required positional arguments: "dims"')
    dims = _wrap_dims(self, "flip", _int_list("flip", "dims", dims))
    out = laid_out_like(np.flip(self._np, dims) if self.dim() else self._np.copy(), self.dtype, self)
    if needs_grad(self):
        attach(out, FlipBackward0(self, dims))
    return out


class RollBackward0(Node):
    __slots__ = ("shifts", "dims")

    def __init__(self, x, shifts, dims):
        Node.__init__(self, (edge_of(x),))
        self.shifts, self.dims = shifts, dims

    def backward(self, g):
        return (g.roll(tuple(-s for s in self.shifts), self.dims),)


def roll(self, shifts, dims=()):
    shifts = _int_list("roll", "shifts", (shifts,))
    if not shifts:
        raise runtime("`shifts` required")
    dims = _int_list("roll", "dims", (dims,)) if dims is not None else ()
    if not dims:
        if len(shifts) != 1:
            raise runtime(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:0")
        values = np.roll(self._np.reshape(-1), shifts[0]).reshape(self._shape)
    else:
        if len(shifts) != len(dims):
            raise runtime(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:{len(dims)}")
        if not self.dim():
            raise index_error(f"Dimension specified as {dims[0]} but tensor has no dimensions")
        axes = tuple(self._wrap_dim(d) for d in dims)
        values = np.roll(self._np, shifts, axes) if self.dim() else self._np
    out = fresh(_fresh(values), self.dtype)
    if needs_grad(self):
        attach(out, RollBackward0(self, shifts, dims))
    return out


class RepeatBackward0(Node):
    __slots__ = ("repeats", "shape")

    def __init__(self, x, repeats):
        Node.__init__(self, (edge_of(x),))
        self.repeats, self.shape = repeats, x._shape

    def backward(self, g):
        """PyTorch's repeat_backward: the new leading dims summed one by one, then each repeated dim split in
        (repeat, size) and all repeats summed at once."""
        if 0 in self.repeats:
            return (g.new_zeros(self.shape),)
        lead = g.dim() - len(self.shape)
        for _ in range(lead):
            g = g.sum(0)
        size, sum_dims = [], []
        for d, n in enumerate(self.shape):
            r = self.repeats[d + lead]
            if r != 1:
                size.append(r)
                sum_dims.append(len(size) - 1)
            size.append(n)
        g = g.reshape(size)
        return (g.sum(sum_dims) if sum_dims else g,)


def repeat(self, *sizes):
    if not sizes:
        raise type_error('repeat() missing 1 required positional arguments: "repeats"')
    sizes = _int_list("repeat", "repeats", sizes)
    if len(sizes) < self.dim():
        raise runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
    padded = (1,) * (len(sizes) - self.dim()) + self._shape
    target = [r * n for r, n in zip(sizes, padded)]
    for n in target:
        if n < 0:
            raise runtime(f"Trying to create tensor with negative dimension {n}: {_shape_list(target)}")
    from .storage import check_size
    import math
    check_size(math.prod(target) * self.dtype.itemsize)         # Python ints: np.prod would wrap around
    out = fresh(_fresh(np.tile(self._np.reshape(padded), sizes)), self.dtype)
    if needs_grad(self):
        attach(out, RepeatBackward0(self, sizes))
    return out


class _TriangleNode(InputNode):
    fields = ("diagonal",)

    def backward(self, g):
        return (getattr(g, self.op)(self.diagonal),)


def _triangle(op, np_fn, name):
    node_cls = type(name, (_TriangleNode,), {"__slots__": (), "name_": name, "op": op})

    def check(self, diagonal, inplace=False):
        if not isinstance(diagonal, int) or isinstance(diagonal, bool):
            raise type_error(f"{op}(): argument 'diagonal' must be int, not {type_name(diagonal)}")
        if inplace:  # autograd's in-place rules come before the kernel's own checks
            precheck(self, internal_overlap=False)  # PyTorch's tril_/triu_ write an expanded tensor as it is
        if self.dim() < 2:
            raise runtime(f"{op}: input tensor must have at least 2 dimensions")

    def fn(self, diagonal=0):
        check(self, diagonal)
        out = fresh(_fresh(np_fn(self._np, diagonal)), self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, diagonal))
        return out

    def fn_(self, diagonal=0):
        check(self, diagonal, inplace=True)
        values = np_fn(self._np, diagonal)

        def make_node():
            return node_cls(self, diagonal)

        def write(arr):
            arr[...] = values
        return write_inplace(self, write, make_node)
    fn.__name__, fn_.__name__ = op, op + "_"
    return fn, fn_


tril, tril_inplace = _triangle("tril", np.tril, "TrilBackward0")
triu, triu_inplace = _triangle("triu", np.triu, "TriuBackward0")


# ------------------------------------------------------------------ gather / scatter_add, index_select / index_add

def _index_dtype(op, index, message):
    if not isinstance(index, Tensor):
        raise type_error(f"{op}(): argument 'index' (position 2) must be Tensor, not {type_name(index)}")
    if index.dtype not in (dtypes.int64, dtypes.int32):
        raise runtime(message)


def _gather_geometry(self, dim, index, op, src=None):
    """dim wrapped, and the index checked as PyTorch's gather/scatter shape checks do (their texts differ)."""
    d = self._wrap_dim(dim)
    gather = op == "gather"
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
    size = self._shape[d] if self.dim() else 1
    idx = index._np.astype(np.int64)
    bad = (idx < 0) | (idx >= size)
    if bad.any():
        raise runtime(f"index {int(idx[bad][0])} is out of bounds for dimension {d} with size {size}")
    return d, idx


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
        return (getattr(g.new_zeros(self.shape), self.add_back)(self.dim, index, g),)


GatherBackward0 = type("GatherBackward0", (_IndexedBackward,), {
    "__slots__": (), "name_": "GatherBackward0", "add_back": "scatter_add", "keeps_self": True})
IndexSelectBackward0 = type("IndexSelectBackward0", (_IndexedBackward,), {
    "__slots__": (), "name_": "IndexSelectBackward0", "add_back": "index_add", "keeps_self": False})


def gather(self, dim, index, sparse_grad=False):
    _index_dtype("gather", index, "gather(): Expected dtype int32/int64 for index")
    d, idx = _gather_geometry(self, dim, index, "gather")
    if not self.dim():
        values = np.broadcast_to(self._np, idx.shape).copy()
    else:
        values = self._np[_index_grid(idx.reshape(idx.shape or (1,)), d)].reshape(idx.shape)
    out = fresh(_fresh(values), self.dtype)
    if needs_grad(self):
        attach(out, GatherBackward0(self, d, index))
    return out


class ScatterAddBackward0(Node):
    __slots__ = ("dim",)

    def __init__(self, x, dim, index, src):
        Node.__init__(self, (operand_edge(x), operand_edge(src)))
        self.saved = (SavedTensor(index),)
        self.dim = dim

    def backward(self, g):
        index, = self.unpack()
        return (g if self.next_functions[0][0] else None,
                g.gather(self.dim, index) if self.next_functions[1][0] else None)


def scatter_add(self, dim, index, src):
    _index_dtype("scatter_add", index, "scatter(): Expected dtype int32/int64 for index")
    if not isinstance(src, Tensor):
        raise type_error(f"scatter_add(): argument 'src' (position 3) must be Tensor, not {type_name(src)}")
    if src.dtype is not self.dtype:
        raise runtime("scatter(): Expected self.dtype to be equal to src.dtype")
    d, idx = _gather_geometry(self, dim, index, "scatter_add", src)
    arr = self._np.copy()
    if self.dim():
        grid_idx = idx.reshape(idx.shape or (1,))  # a 0-dim index into a vector: one element
        values = src._np.reshape(src._np.shape or (1,))
        np.add.at(arr, _index_grid(grid_idx, d), values[tuple(slice(0, n) for n in grid_idx.shape)])
    else:  # a scalar: every index is 0, each value added in turn
        _add_in_turn(arr, src._np.reshape(-1)[:idx.size])
    out = fresh(arr, self.dtype)
    if needs_grad(self, src):
        attach(out, ScatterAddBackward0(self, d, index, src))
    return out


def _add_in_turn(scalar, values):
    for v in values:
        scalar[...] = scalar + v


def _select_index(op, self, dim, index):
    _index_dtype(op, index, f"{op}(): Expected dtype int32 or int64 for index")
    if index.dim() > 1:
        raise index_error(f"{op}(): Index is supposed to be a vector")
    d = self._wrap_dim(dim)
    size = self._shape[d] if self.dim() else 1
    idx = index._np.reshape(-1).astype(np.int64)
    return d, size, idx


def index_select(self, dim, index):
    d, size, idx = _select_index("index_select", self, dim, index)
    if not self.dim():  # a scalar: one index, 0, and a scalar out
        if idx.size != 1:
            raise runtime(f"index_select(): Index to scalar can have only 1 value, got {idx.size} value(s)")
        if idx[0] != 0:
            raise index_error("index out of range in self")
        values = self._np.copy()
    else:
        if size == 0 and idx.size:
            raise runtime("index_select(): self indexing axis dim should be positive")
        bad = (idx < 0) | (idx >= size)
        if bad.any():  # PyTorch's CPU kernel has its own path, and message, for dim 1
            if d == 1:
                raise runtime(f"INDICES element is out of DATA bounds, id={int(idx[bad][0])} axis_dim={size}")
            raise index_error("index out of range in self")
        values = np.take(self._np, idx, axis=d)
    out = fresh(_fresh(values), self.dtype)
    if needs_grad(self):
        attach(out, IndexSelectBackward0(self, d, index))
    return out


class IndexAddBackward0(Node):
    __slots__ = ("dim", "alpha")

    def __init__(self, x, dim, index, source, alpha):
        Node.__init__(self, (operand_edge(x), operand_edge(source)))
        self.saved = (SavedTensor(index), SavedTensor(source))  # PyTorch keeps source (its grad is expand_as it)
        self.dim, self.alpha = dim, alpha

    def backward(self, g):
        index, _ = self.unpack()
        gs = None
        if self.next_functions[1][0]:
            gs = g.index_select(self.dim, index)
            if self.alpha != 1:
                gs = gs * self.alpha
        return (g if self.next_functions[0][0] else None, gs)


def index_add(self, dim, index, source, alpha=1):
    d, size, idx = _select_index("index_add", self, dim, index)
    if not isinstance(source, Tensor):
        raise type_error(f"index_add(): argument 'source' (position 3) must be Tensor, not {type_name(source)}")
    if source.dtype is not self.dtype:
        raise runtime(f"index_add_(): self ({self.dtype.type_name.split('.')[0]}) and source "
                      f"({source.dtype.type_name.split('.')[0]}) must have the same scalar type")
    if source.dim() != self.dim() or any(source._shape[k] != self._shape[k] for k in range(self.dim()) if k != d):
        if self.dim() and source.dim() and d >= source.dim():
            raise runtime(f"index_add_(): Indexing dim {d} is out of bounds of the source tensor with dim "
                          f"{source.dim()}")
        raise runtime(f"source tensor shape must match self tensor shape, excluding the specified dimension. Got "
                      f"self.shape = {_shape_list(self._shape)} source.shape = {_shape_list(source._shape)}")
    if self.dim() and source._shape[d] != idx.size:
        raise runtime(f"index_add_(): Number of indices ({idx.size}) should be equal to source.size(dim): "
                      f"({source._shape[d]}), for dim: {d}")
    bad = (idx < 0) | (idx >= size)
    if bad.any():
        raise runtime(f"index {int(idx[bad][0])} is out of bounds for dimension {d} with size {size}")
    arr = self._np.copy()
    src = source._np if alpha == 1 else source._np * self.dtype.np.type(alpha)
    if self.dim():
        np.add.at(arr, (slice(None),) * d + (idx,), src)
    else:
        _add_in_turn(arr, np.broadcast_to(src, idx.shape).reshape(-1))
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, IndexAddBackward0(self, d, index, source, alpha))
    return out


# ------------------------------------------------------------------ amax / amin

class ReductionBackward(Node):
    """A reduction over dims that keeps its input and result (amax, logsumexp): both brought back to x's rank."""
    __slots__ = ("dims", "keepdim")

    def __init__(self, x, out, dims, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(out, is_output=True))
        self.dims, self.keepdim = dims, keepdim

    def restored(self, g):
        x, result = self.unpack()
        if not self.keepdim:
            g, result = _unsqueeze_dims(g, self.dims), _unsqueeze_dims(result, self.dims)
        return x, g, result


class _ExtremeBackward(ReductionBackward):

    def backward(self, g):
        """PyTorch's scale_grad_by_count: the gradient shared evenly by the elements equal to the extreme."""
        x, g, result = self.restored(g)
        mask = result == x
        return ((g / mask.sum(list(self.dims), keepdim=True)) * mask,)


AmaxBackward0 = type("AmaxBackward0", (_ExtremeBackward,), {"__slots__": (), "name_": "AmaxBackward0"})
AminBackward0 = type("AminBackward0", (_ExtremeBackward,), {"__slots__": (), "name_": "AminBackward0"})


def _extreme(op, np_fn, node_cls):
    def fn(self, dim=(), keepdim=False):
        dims = _int_list(op, "dim", (dim,))
        if not self.dim():
            _wrap_dims(self, op, dims)  # (a dim given twice is an error on a 0-dim tensor too)
            dims = ()
            reduced = ()
        else:
            reduced = _wrap_dims(self, op, dims) if dims else tuple(range(self.dim()))
        if self.numel() == 0:
            if not dims:
                raise runtime(f"{op}(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                              f"reduction dim with the 'dim' argument.")
            for d in reduced:
                if self._shape[d] == 0:
                    raise index_error(f"{op}(): Expected reduction dim {d} to have non-zero size.")
        out = fresh(np.require(np_fn(self._np, axis=reduced, keepdims=keepdim), self.dtype.np, "C"), self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, out, reduced, keepdim))
        return out
    fn.__name__ = op
    return fn


amax = _extreme("amax", np.amax, AmaxBackward0)
amin = _extreme("amin", np.amin, AminBackward0)


# ------------------------------------------------------------------ aliases

def cpu(self, *args, **kwargs):
    return self  # already on the CPU: PyTorch returns the tensor itself, not a copy


@tensor_params("other")
def type_as(self, other):
    return self.to(other.dtype)


@tensor_params("vec2")
def outer(self, vec2):
    for name, t in (("self", self), ("vec2", vec2)):
        if t.dim() != 1:
            raise runtime(f"outer: Expected 1-D argument {name}, but got {t.dim()}-D")
    return self.reshape(self._shape[0], 1) * vec2  # PyTorch's composite: its grad_fn is MulBackward0


def swapaxes(self, axis0, axis1):
    return self.transpose(axis0, axis1)


def unflatten(self, dim, sizes):
    if not self.dim():  # (PyTorch's own message here is a C++ stack dump around this line)
        raise index_error(f"Dimension specified as {dim} but tensor has no dimensions")
    d = self._wrap_dim(dim)
    sizes = _int_list("unflatten", "sizes", (sizes,))
    if not sizes:
        raise runtime("unflatten: sizes must be non-empty")
    n = self._shape[d]
    known = 1
    for s in sizes:
        known *= s if s != -1 else 1
    inferred = [s if s != -1 else (n // known if known else 0) for s in sizes]
    if sizes.count(-1) > 1 or int(np.prod(inferred)) != n:
        raise runtime(f"unflatten: Provided sizes {_shape_list(sizes)} don't multiply up to the size of dim {d} "
                      f"({n}) in the input tensor")
    return self.view(self._shape[:d] + tuple(inferred) + self._shape[d + 1:])




# ------------------------------------------------------------------ tile, diag

def tile(self, *dims):
    dims = _int_list("tile", "dims", dims)
    return repeat(self, *((1,) * (self.dim() - len(dims)) + dims)) if dims or self.dim() else repeat(self, ())


class DiagEmbedBackward0(InputNode):
    fields = ("offset",)

    def backward(self, g):
        return (g.diagonal(self.offset),)


class DiagonalBackward0_copy(Node):  # noqa: N801 (PyTorch's own name, printed as it is)
    __slots__ = ("offset", "shape")
    name_ = "DiagonalBackward0_copy"

    def __init__(self, x, offset):
        Node.__init__(self, (edge_of(x),))
        self.offset, self.shape = offset, x._shape

    def backward(self, g):
        return (embed(g, self.shape, lambda t: t.diagonal(self.offset), "DiagonalBackwardBackward0"),)


def diag(self, diagonal=0):
    if not isinstance(diagonal, int) or isinstance(diagonal, bool):
        raise type_error(f"diag(): argument 'diagonal' must be int, not {type_name(diagonal)}")
    if self.dim() == 1:
        n = self._shape[0] + abs(diagonal)
        out = np.zeros((n, n), self.dtype.np)
        rows = np.arange(self._shape[0]) + max(-diagonal, 0)
        out[rows, rows + diagonal] = self._np
        result = fresh(out, self.dtype)
        if needs_grad(self):
            attach(result, DiagEmbedBackward0(self, diagonal))
        return result
    if self.dim() != 2:
        raise runtime(f"diag(): Supports 1D or 2D tensors. Got {self.dim()}D")
    result = fresh(_fresh(np.diagonal(self._np, diagonal)), self.dtype)
    if needs_grad(self):
        attach(result, DiagonalBackward0_copy(self, diagonal))
    return result


# ------------------------------------------------------------------ index_fill, index_copy, scatter

def _fill_index(op, self, dim, index):
    """(dim, flat int64 indices) for index_fill/index_copy, with PyTorch's checks."""
    if not isinstance(index, Tensor):
        raise type_error(f"{op}(): argument 'index' (position 2) must be Tensor, not {type_name(index)}")
    if index.dtype is not dtypes.int64:
        raise index_error(f"{op}_(): Expected dtype int64 for index.")
    d = self._wrap_dim(dim)
    size = self._shape[d] if self.dim() else 1
    idx = index._np.reshape(-1)
    bad = (idx < -size) | (idx >= size)
    if bad.any():
        prefix = f"{op}_(): " if op == "index_copy" else ""
        raise index_error(f"{prefix}index {int(idx[bad][0])} is out of bounds for dimension {d} with size {size}")
    return d, np.where(idx < 0, idx + size, idx)


def _along(arr, d, idx):
    return (slice(None),) * d + (idx,) if arr.ndim else ()


class IndexFillBackward0(Node):
    """index_fill with a number: the filled places get no gradient."""
    __slots__ = ("dim",)

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
    pass


def _index_fill_value(self, value):
    if isinstance(value, Tensor):
        if value.dim():
            raise runtime(f"index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                          f"{value.dim()} dimension(s).")
        return value._np.astype(self.dtype.np)
    if not isinstance(value, (int, float)):
        raise type_error(f"index_fill(): argument 'value' must be Number, not {type_name(value)}")
    return np.asarray(checked_scalar(self.dtype, value))


def index_fill(self, dim, index, value):
    d, idx = _fill_index("index_fill", self, dim, index)
    fill = _index_fill_value(self, value)
    arr = self._np.copy(order="K")  # (PyTorch clones self keeping its layout, then fills)
    arr[_along(arr, d, idx)] = fill
    out = from_numpy(arr, self.dtype)
    if needs_grad(self, value):
        tensor_value = isinstance(value, Tensor)
        attach(out, (IndexFillBackward1 if tensor_value else IndexFillBackward0)(self, d, index,
                                                                                   value if tensor_value else None))
    return out


def index_fill_inplace(self, dim, index, value):
    precheck(self, value, internal_overlap=False)  # autograd's in-place rules come before the kernel's checks
    _warn_if_expanded("index_fill_", self)
    d, idx = _fill_index("index_fill", self, dim, index)
    fill = _index_fill_value(self, value)
    tensor_value = isinstance(value, Tensor)

    def write(arr):
        arr[_along(arr, d, idx)] = fill
    return write_inplace(self, write, lambda: (IndexFillBackward1 if tensor_value else IndexFillBackward0)(
        self, d, index, value if tensor_value else None), (value,))


class IndexCopyBackward0(Node):
    __slots__ = ("dim",)

    def __init__(self, x, dim, index, source):
        Node.__init__(self, (operand_edge(x), operand_edge(source)))
        self.saved = (SavedTensor(index),)
        self.dim = dim

    def backward(self, g):
        index, = self.unpack()
        return (g.index_fill(self.dim, index, 0) if self.next_functions[0][0] else None,
                g.index_select(self.dim, index) if self.next_functions[1][0] else None)


def _copy_source(self, d, idx, source):
    if not isinstance(source, Tensor):
        raise type_error(f"index_copy(): argument 'source' (position 3) must be Tensor, not {type_name(source)}")
    if source.dim() and source._shape[d] != idx.size:
        raise index_error(f"index_copy_(): Number of indices ({idx.size}) should be equal to source.size(dim) "
                          f"({source._shape[d]})")
    if source.dtype is not self.dtype:
        raise runtime(f"index_copy_(): self and source expected to have the same dtype, but got "
                      f"(self) {dtypes.SCALAR_NAMES[self.dtype.name]} and (source) "
                      f"{dtypes.SCALAR_NAMES[source.dtype.name]}")
    return source._np


def index_copy(self, dim, index, source):
    d, idx = _fill_index("index_copy", self, dim, index)
    src = _copy_source(self, d, idx, source)
    arr = self._np.copy()
    arr[_along(arr, d, idx)] = src  # (a repeated index: the last copy stays, as PyTorch's CPU loop leaves it)
    out = fresh(arr, self.dtype)
    if needs_grad(self, source):
        attach(out, IndexCopyBackward0(self, d, index, source))
    return out


def index_copy_inplace(self, dim, index, source):
    precheck(self, source, internal_overlap=False)
    d, idx = _fill_index("index_copy", self, dim, index)
    src = _copy_source(self, d, idx, source)
    precheck(self, source)

    def write(arr):
        arr[_along(arr, d, idx)] = src
    return write_inplace(self, write, lambda: IndexCopyBackward0(self, d, index, source), (source,))


class ScatterBackward0(Node):
    """scatter of a tensor: the overwritten places get no gradient; src gets what lands where it went."""
    __slots__ = ("dim", "src_shape")

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
        if gs is not None and gs._shape != self.src_shape:  # PyTorch's formula gives index's shape: its engine refuses
            raise runtime(f"Function {self.name_} returned an invalid gradient at index 1 - got "
                          f"{_shape_list(gs._shape)} but expected shape compatible with {_shape_list(self.src_shape)}")
        return gx, gs


class ScatterBackward1(ScatterBackward0):
    pass


def _scatter_source(self, d, idx, src, reduce):
    if reduce is not None:
        raise runtime("scatter(): reduce= is not supported by tensorsh (PyTorch deprecates it; use scatter_add or "
                      "scatter_reduce in PyTorch)")
    if isinstance(src, Tensor):
        if src.dtype is not self.dtype:
            raise runtime("scatter(): Expected self.dtype to be equal to src.dtype")
        values = src._np.reshape(src._np.shape or (1,))
        return values[tuple(slice(0, n) for n in (idx.shape or (1,)))].reshape(idx.shape)
    if not isinstance(src, (int, float)):
        raise type_error(f"scatter(): argument 'value' must be Number, not {type_name(src)}")
    return np.asarray(src).astype(self.dtype.np)


def _scatter_into(arr, d, idx, values):
    if arr.ndim:
        grid_idx = idx.reshape(idx.shape or (1,))
        arr[_index_grid(grid_idx, d)] = np.broadcast_to(values, idx.shape).reshape(grid_idx.shape)
    elif idx.size:
        arr[...] = np.broadcast_to(values, idx.shape).reshape(-1)[-1]


def scatter(self, dim, index, src=None, value=None, reduce=None):
    src = value if src is None else src
    _index_dtype("scatter", index, "scatter(): Expected dtype int32/int64 for index")
    d, idx = _gather_geometry(self, dim, index, "scatter", src)
    values = _scatter_source(self, d, idx, src, reduce)
    arr = self._np.copy()
    _scatter_into(arr, d, idx, values)
    out = fresh(arr, self.dtype)
    if needs_grad(self, src):
        tensor_src = isinstance(src, Tensor)
        attach(out, (ScatterBackward0 if tensor_src else ScatterBackward1)(self, d, index, src if tensor_src else None))
    return out


def scatter_inplace(self, dim, index, src=None, value=None, reduce=None):
    src = value if src is None else src
    precheck(self, src, internal_overlap=False)  # autograd's rules, then the kernel's checks, then its overlap one
    _index_dtype("scatter_", index, "scatter(): Expected dtype int32/int64 for index")
    d, idx = _gather_geometry(self, dim, index, "scatter", src)
    values = _scatter_source(self, d, idx, src, reduce)
    precheck(self, src)
    tensor_src = isinstance(src, Tensor)

    def write(arr):
        _scatter_into(arr, d, idx, values)
    return write_inplace(self, write, lambda: (ScatterBackward0 if tensor_src else ScatterBackward1)(
        self, d, index, src if tensor_src else None), (src,))

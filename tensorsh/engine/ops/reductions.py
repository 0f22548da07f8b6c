"""Reductions: sum, mean, max/min (values and indices) with amax/amin, argmax/argmin, var/std, prod, norm,
cumsum, any/all, logsumexp, count_nonzero, sum_to_size. Sums follow PyTorch's order (kernels.py)."""
import functools
import math

import numpy as np

from .. import autograd, dtypes, kernels, messages
from ..autograd import Node, SavedTensor, edge_of
from ..errors import index_error, library_code, make, runtime, type_error, warn
from ..pyapi import _parse, _small
from ..signatures import NOT_GIVEN
from ..tensorimpl import Tensor, _shape_list, int_elements
from ..typenames import tp_name
from .args import _int_list, _unsqueeze_dims, _wrap_dims
from .binary import _div_scalar, maximum, minimum
from .scalar_arith import mul_scalar
from .comparison import where
from . import out_dtypes
from .copies import to
from .core import (InputNode, NONE_EDGE, SavingNode, attach, bind_args, built_in_place, check_dtype, fresh, from_numpy,
                   needs_grad, return_type, sum_to, zeros_of)
from .joining import cat
from .registry import Lazy, op
from ..saved_names import as_given, as_program_gave, given
from ..autocast import fp32_op


def _any_all(name, np_fn):
    """A row of any/all: bool (uint8 for uint8) results, no grad_fn."""
    def fn(self, dim=None, keepdim=False):
        dt = dtypes.uint8 if self.dtype is dtypes.uint8 else dtypes.bool_  # (uint8 in, uint8 out: PyTorch's legacy)
        # an int or a tuple of them, as PyTorch's any.dims; None all of them (still kept with keepdim)
        axes = None if dim is None else reduce_dims(self, dim)
        # (a reduction's result is contiguous, whatever order numpy left it in)
        return from_numpy(np.asarray(np_fn(self._np, axis=axes, keepdims=keepdim), dt.np, order="C"), dt)
    return op(name, fn, function=True)


tensor_any, tensor_all = _any_all("any", np.any), _any_all("all", np.all)


def reduce_dims(self, dim, empty_is_all=False):
    """The dims a reduction reduces, wrapped and sorted (None: dim not given); empty_is_all: an empty list means every
    dim, as ATen's make_reduction reads it (nansum, var/std, count_nonzero, norm)."""
    if dim is None:
        return None
    if empty_is_all and isinstance(dim, (list, tuple)) and not len(dim):
        return tuple(range(self.dim()))
    if isinstance(dim, (list, tuple)):  # (PyTorch's dim_list_to_bitset: a dim given twice is an error, 0-dim too)
        wrapped = [self._wrap_dim(d) for d in dim]
        for i, d in enumerate(wrapped):
            if d in wrapped[:i]:
                raise runtime(messages.DIM_REPEATED.format(d))
    if not self._shape:  # a 0-dim tensor accepts dim 0 / -1 and reduces nothing
        self._wrap_dim(dim) if not isinstance(dim, (list, tuple)) else None
        return ()
    if isinstance(dim, (list, tuple)):
        return tuple(sorted(wrapped))
    return (self._wrap_dim(dim),)


def _reduction_dtype(self, dtype):
    if dtype is not None:
        return dtype
    return dtypes.int64 if self.dtype.category < 2 else self.dtype


def _sum_np(x, axis, keepdims, dt, stores_rounded=False):
    """x summed over axis in PyTorch's order, into dt; stores_rounded: a half/bfloat16 sum with no float buffer
    (nansum's), each row's sum rounded into the output as it is stored."""
    if dt.np in (np.float32, np.float64, np.complex64, np.complex128) or dt is dtypes.float16:  # PyTorch's order
        if dt is dtypes.bfloat16 or dt is dtypes.float16:  # (in float, each thread's partial sum rounded to dt)
            reduced = tuple(range(x.ndim)) if axis is None else axis
            r = kernels.cascade_sum(x.astype(np.float32, copy=False), reduced,
                                    dtypes.round_bfloat16 if dt is dtypes.bfloat16 else dtypes.to_float16,
                                    dtypes.rounding(dt) if stores_rounded else None)
            r = r.astype(dt.np, copy=False)
            return r if keepdims else r.reshape([s for d, s in enumerate(r.shape) if d not in reduced])
        if axis is None and not keepdims and x.dtype == dt.np and dt.category != 3:
            total = kernels.sum_all(x)
            if total is not None:
                return total
        reduced = tuple(range(x.ndim)) if axis is None else axis
        r = kernels.cascade_sum(x.astype(dt.np, copy=False), reduced)
        return r if keepdims else r.reshape([s for d, s in enumerate(r.shape) if d not in reduced])
    return np.sum(x, axis=axis, keepdims=keepdims, dtype=dt.np)


class SumBackward0(Node):
    """sum(): the gradient spread back over the input (SumBackward1: over the dims reduced); mean's (MeanBackward0,
    MeanBackward1) divided by the count, as PyTorch's sum_backward and mean_backward."""
    __slots__ = ("shape", "dims", "keepdim", "count", "numel")
    saved_values = {"self_sym_sizes": "shape"}
    over_dims = mean = False

    def __init__(self, x, dims=None, keepdim=False):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.dims, self.keepdim = x._shape, dims, keepdim
        if self.mean:
            self.numel, self.count = x.numel(), 1
            for d in (dims or range(x.dim())):  # (dim=[]: everything, as for sum)
                self.count *= x._shape[d]

    def backward(self, g):
        if self.over_dims:
            if not self.keepdim and self.dims is not None:  # (unsqueeze_multiple: one dim as given, else in order)
                for d in as_program_gave(self, "dims") if len(self.dims) == 1 else self.dims:
                    g = g.unsqueeze(d)
        elif not self.mean and not g._shape and not autograd._grad_enabled[0]:  # a scalar spread, no graph kept
            return (g._alias(self.shape, (0,) * len(self.shape), g._offset),)
        g = g.expand(self.shape)
        return (_div_scalar(g, self.count) if self.mean else g,)


def _given(node, attr, dim, as_list=True):
    """saved_names.given for a dim argument: a tuple where PyTorch's op takes a list of dims (one int given too)."""
    return given(node, **{attr: (dim,) if as_list and isinstance(dim, int) else dim})


def _spread_node(name, over_dims, mean):
    saved = {"self_sym_numel": "numel", "self_sym_sizes": "shape"} if mean else {"self_sym_sizes": "shape"}
    if over_dims:
        saved.update(dim=as_given("dims"), keepdim="keepdim")
    return type(name, (SumBackward0,), {"__slots__": (), "name_": name, "over_dims": over_dims, "mean": mean,
                                        "saved_values": saved})


SumBackward1 = _spread_node("SumBackward1", True, False)
MeanBackward0, MeanBackward1 = _spread_node("MeanBackward0", False, True), _spread_node("MeanBackward1", True, True)


def _real_read(self, dt):
    """self's values, a complex input's real part (warned, as copy_ warns) where a real dtype= reads it."""
    if self.dtype.category == 3 and dt.category < 3:
        from .copies import real_values
        return real_values(self, dt)
    return self._np


def _cast_first(self, dt):
    """self's values as a sum or cumsum into another reduced float dtype reads them: cast to it first (ATen's
    iterator casts the input; sum(x, dtype=torch.half) is x.half().sum())."""
    if self.dtype.category == 3 and dt.category < 3:  # (a complex input read as a real dtype: its real part, warned)
        return _cast_first(fresh(np.require(_real_read(self, dt), requirements="C"), self.dtype.to_real()), dt)
    if (dt is dtypes.float16 or dt is dtypes.bfloat16) and self.dtype is not dt:
        return dtypes.rounding(dt)(self._np.astype(np.float32))
    if self.dtype.category == 2 and dt.category == 1:  # (a float read as int32: NaN, inf and 3e9 are INT_MIN first)
        return to(self, dt)._np
    return self._np


def _sum_values(self, dims, keepdim, dtype):
    dt = _reduction_dtype(self, dtype)
    if dims == ():
        dims = None  # sum(dim=[]) reduces everything, as PyTorch does
    return fresh(np.asarray(_sum_np(_cast_first(self, dt), dims, keepdim, dt)), dt)


def _mean_check(self, dtype):
    if dtype is None and self.dtype.category < 2:
        raise runtime(messages.MEAN_DTYPE.format(name=dtypes.SCALAR_NAMES[self.dtype.name]))
    if dtype is not None and dtype.category < 2:
        raise runtime(messages.MEAN_GIVEN_DTYPE.format(op="mean", name=dtypes.SCALAR_NAMES[dtype.name]))


def _mean_values(self, dims, keepdim, dtype):
    dt = dtype or self.dtype
    if dims == ():
        dims = None  # mean(dim=[]) reduces everything, as PyTorch does
    half = dt is dtypes.float16 or dt is dtypes.bfloat16
    x = _real_read(self, dt).astype(np.float32 if half else dt.np, copy=False)  # (a reduced dtype: summed in float)
    count = 1
    for d in (dims if dims is not None else range(len(self._shape))):
        count *= self._shape[d]
    # PyTorch's CPU mean is its sum divided by the count, in the result's dtype; float16 and bfloat16 sum into
    # float32, divide there and round once (cast_fp32 -> sum -> div -> cast)
    if half:
        dt = dtypes.float32
    total = _sum_np(x, dims, keepdim, dt)
    if count:  # (np.errstate costs more than a small mean: entered only where 0 / 0 can happen)
        r = np.divide(total, dt.np.type(count))
    else:
        with np.errstate(invalid="ignore"):  # (an empty mean is 0 / 0: the processor's NaN, sign bit set, as PyTorch's)
            r = np.divide(total, dt.np.type(count))
    if half:
        return from_numpy(np.asarray(r, dtype=np.float32), dtype or self.dtype)
    return from_numpy(np.asarray(r, dtype=dt.np), dt)


def spread_reduction(name, nodes, values, check=None):
    """A row of the sum family: Tensor.<name>(dim=None, keepdim=False, dtype=None) and torch.<name>, whose
    values(self, dims, keepdim, dtype) reduce and whose nodes (over everything, over dims) spread the gradient
    back; check(self, dtype) runs before the dims are read. A dim given, None too, is the dim overload's node."""
    def fn(self, dim=NOT_GIVEN, keepdim=False, dtype=None, axis=NOT_GIVEN):
        dim = axis if axis is not NOT_GIVEN else dim  # numpy's spelling, which PyTorch accepts
        overall = dim is NOT_GIVEN
        dim = None if overall else dim
        if check is not None:
            check(self, dtype)
        dims = reduce_dims(self, dim)
        out = values(self, dims, keepdim, dtype)
        if needs_grad(self):
            attach(out, nodes[0](self) if overall else _given(nodes[1](self, dims, keepdim), "dims", dim))
        return out
    op(name, fn, function=True, grad_fn=nodes[0].name_)
    return fn


tensor_sum = spread_reduction("sum", (SumBackward0, SumBackward1), _sum_values)
mean = spread_reduction("mean", (MeanBackward0, MeanBackward1), _mean_values, _mean_check)


_VALUES_INDICES = {}


def values_indices(kind, values, indices):
    """torch.return_types.<kind> (max, min, sort, topk, kthvalue, median, mode, cummax, ...): a (values, indices)
    pair with names, of a class named kind as PyTorch has one per op (`type(x.sort()).__name__` is 'sort')."""
    cls = _VALUES_INDICES.get(kind)
    if cls is None:
        cls = _VALUES_INDICES[kind] = return_type(kind, ("values", "indices"))
    return cls((values, indices))


def _extreme(kind, np_fn, arg_fn):
    """A row of max/min: over everything (MaxBackward1), over a dim (values and indices, MaxBackward0), or
    elementwise with a tensor (maximum)."""
    def fn(self, dim=None, keepdim=False):
        if isinstance(dim, Tensor):
            return (maximum if kind == "max" else minimum)(self, dim)
        if dim is None:
            if self.numel() == 0:
                raise runtime(messages.REDUCTION_DIM_NEEDED.format(kind))
            out = from_numpy(np.asarray(np_fn(self._np)), self.dtype)
            if needs_grad(self):
                attach(out, _EXTREME_ALL[kind](self, out))
            return out
        d = self._wrap_dim(dim)
        if self._shape and self._shape[d] == 0:
            raise index_error(messages.REDUCTION_DIM_EMPTY.format(kind, d))
        if not self._shape:  # (a 0-dim tensor: itself, index 0, recorded as the selection it is)
            values, indices = from_numpy(self._np.copy(), self.dtype), from_numpy(np.zeros((), np.int64), dtypes.int64)
            if needs_grad(self):
                attach(values, _given(_EXTREME_DIM[kind](self, d, keepdim, indices), "dim", dim, as_list=False))
            return values_indices(kind, values, indices)
        idx = np.asarray(arg_fn(self._np, axis=d))
        vals = np.take_along_axis(self._np, np.expand_dims(idx, d), axis=d)
        if not keepdim:
            vals = np.squeeze(vals, d)
        else:
            idx = np.expand_dims(idx, d)
        values = from_numpy(np.asarray(vals), self.dtype)
        indices = from_numpy(idx.astype(np.int64), dtypes.int64)
        if needs_grad(self):
            attach(values, _given(_EXTREME_DIM[kind](self, d, keepdim, indices), "dim", dim, as_list=False))
        return values_indices(kind, values, indices)
    return op(kind, fn, function=True)


class _ExtremeAll(SavingNode):
    """max() / min() (MaxBackward1, MinBackward1): the gradient shared by the elements equal to the result."""

    def backward(self, g):
        # PyTorch's evenly_distribute_backward on the CPU: zeros.masked_fill_(mask, grad / count)
        x, r = self.unpack()
        mask = x.isnan() if bool(r.isnan()) else x == r
        return (built_in_place(_masked_fill_zeros(mask, g / mask.sum()), 1),)  # (new_zeros' zero_ does not count)


class MaskedFillBackward1(Node):
    """zeros.masked_fill_(mask, value) with a 0-dim tensor value: the value's gradient sums the masked grads."""
    saved_names = ("mask",)

    def __init__(self, mask, value):
        Node.__init__(self, (NONE_EDGE, edge_of(value)))
        self.saved = (SavedTensor(mask),)

    def backward(self, g):
        mask, = self.unpack()
        return None, where(mask, g, 0.0).sum()


def _masked_fill_zeros(mask, value):
    out = fresh(np.where(mask._np, value._np, value.dtype.np.type(0)).astype(value.dtype.np), value.dtype)
    if needs_grad(value):
        attach(out, MaskedFillBackward1(mask, value))
    return out


class SelectingBackward(Node):
    """max(dim) / min(dim) (MaxBackward0, MinBackward0), the selections of order_statistics.py: the gradient put
    back at the indices (PyTorch's value_selecting_reduction_backward)."""
    __slots__ = ("dim", "keepdim", "shape")

    def __init__(self, x, dim, keepdim, indices):
        Node.__init__(self, (edge_of(x),))
        self.dim, self.keepdim, self.shape = dim, keepdim, x._shape
        self.saved = (SavedTensor(indices),)

    def backward(self, g):
        idx, = self.unpack()
        dim = as_program_gave(self, "dim")  # (the formula's ops save the dim as given: ScatterBackward0's)
        if not self.keepdim and self.shape:
            g, idx = g.unsqueeze(dim), idx.unsqueeze(dim)
        return (selected_into_zeros(self.shape, dim, idx, g),)


def selected_into_zeros(shape, dim, idx, g):
    """value_selecting_reduction_backward's `at::zeros(sizes).scatter_(dim, indices, grad)`: two writes."""
    return built_in_place(fresh(np.zeros(shape, g.dtype.np), g.dtype).scatter(dim, idx, g), 2)


def _extreme_nodes(base, number, **declared):
    return {kind: type(f"{kind.capitalize()}Backward{number}", (base,), dict(__slots__=(), **declared))
            for kind in ("max", "min")}


_EXTREME_ALL = _extreme_nodes(_ExtremeAll, 1, saved_names=("self", "result"))
_EXTREME_DIM = _extreme_nodes(SelectingBackward, 0, saved_names=("indices",), saved_values={
    "dim": as_given("dim"), "keepdim": "keepdim", "self_sym_sizes": "shape"})


tensor_max = _extreme("max", np.max, np.argmax)
tensor_min = _extreme("min", np.min, np.argmin)


def _arg_extreme_check(op, self, dim):
    """argmax/argmin of bool or of nothing: PyTorch's errors."""
    if self.dtype is dtypes.bool_:
        raise runtime(f"{op}(): does not support bool input")
    if dim is None and self.numel() == 0:
        raise index_error(f"{op}(): Expected reduction dim to be specified for input.numel() == 0.")
    if dim is not None and self.dim() and self._shape[self._wrap_dim(dim)] == 0:
        raise index_error(messages.REDUCTION_DIM_EMPTY.format(op, self._wrap_dim(dim)))


def argmax(self, dim=None, keepdim=False):
    _arg_extreme_check("argmax", self, dim)
    if dim is None:  # (keepdim: every dim kept, of size 1)
        return from_numpy(np.asarray(np.argmax(self._np), dtype=np.int64).reshape((1,) * self.dim() if keepdim else ()),
                          dtypes.int64)
    with autograd.no_grad():  # (not differentiable: PyTorch never looks at self's grad_fn)
        return tensor_max(self, dim, keepdim)[1]


def argmin(self, dim=None, keepdim=False):
    _arg_extreme_check("argmin", self, dim)
    if dim is None:  # (keepdim: every dim kept, of size 1)
        return from_numpy(np.asarray(np.argmin(self._np), dtype=np.int64).reshape((1,) * self.dim() if keepdim else ()),
                          dtypes.int64)
    with autograd.no_grad():
        return tensor_min(self, dim, keepdim)[1]


class ReductionBackward(SavingNode):
    """A reduction over dims that keeps its input and result (amax, logsumexp): both brought back to x's rank."""
    __slots__ = ("dims", "keepdim")
    fields = ("dims", "keepdim")

    def restored(self, g):
        x, result = self.unpack()
        if not self.keepdim:
            g, result = _unsqueeze_dims(g, self.dims), _unsqueeze_dims(result, self.dims)
        return x, g, result


class _ExtremeBackward(ReductionBackward):

    def backward(self, g):
        """PyTorch's scale_grad_by_count: the gradient shared evenly by the elements equal to the extreme; g and the
        result brought back to x's rank by restore_reduced_dims (a reshape: ViewBackward0 under create_graph)."""
        x, result = self.unpack()
        if not self.keepdim:
            kept = [1 if d in self.dims else n for d, n in enumerate(x._shape)]
            g, result = g.reshape(kept), result.reshape(kept)
        mask = result == x
        return ((g / mask.sum(list(self.dims), keepdim=True)) * mask,)


_AMAX_SAVES = {"__slots__": (), "saved_names": ("self", "result"),
               "saved_values": {"dim": as_given("dims"), "keepdim": "keepdim"}}
AmaxBackward0 = type("AmaxBackward0", (_ExtremeBackward,), dict(_AMAX_SAVES, name_="AmaxBackward0"))
AminBackward0 = type("AminBackward0", (_ExtremeBackward,), dict(_AMAX_SAVES, name_="AminBackward0"))


def _zero_ties(x, reduced, is_max, dtype):
    """amax/amin of a floating input, single-threaded, as binary_kernel_reduce_vec walks it, where
    only the sign of a zero result depends on the walk: the scalar step (std::max/min) keeps the value it has on a
    tie, the AVX2 step (_mm256_max_ps/min_ps) takes its second operand. A reduced trailing block is an inner
    reduction (vectorized_inner_reduction: four accumulating vectors over the row's 4-vector chunks, folded, then the
    lanes and the tail one by one); a block before kept dims an outer one (vectorized_outer_reduction: 4-vector
    column blocks down the rows, the remaining columns one by one). An AVX2 vector holds 8 floats, 4 doubles, 16
    halves or bfloat16s (compared as floats; REGISTER_DISPATCH runs the AVX2 kernel on AVX512 machines too). None where
    ATen walks it otherwise (the kept dims out of their order in memory: the output is contiguous, TensorIterator
    walks it first)."""
    order = sorted(range(x.ndim), key=lambda d: -x.strides[d])  # (TensorIterator walks memory in order)
    x = x.transpose(order)
    reduced = [order.index(d) for d in reduced]
    kept_order = [order[d] for d in range(x.ndim) if d not in reduced and x.shape[d] != 1]
    keep = [s for s in x.shape if s != 1]
    shape = [s for d, s in enumerate(x.shape) if s != 1 or d in reduced]
    axes = [i for i, d in enumerate(d for d, s in enumerate(x.shape) if s != 1 or d in reduced) if d in reduced]
    if dtype.category != 2 or not x.flags.c_contiguous or x.size >= 32768 or not keep or \
            axes != list(range(axes[0], axes[-1] + 1)) or kept_order != sorted(kept_order):
        return None
    lanes = 4 * {8: 4, 4: 8}.get(dtype.itemsize, 16)
    kept_shape = [x.shape[d] for d in range(x.ndim) if d not in reduced]
    return _zero_walk(x, shape, axes, is_max, lanes).reshape(kept_shape)


def _zero_walk(x, shape, axes, is_max, lanes):
    """_zero_ties' walk of a contiguous x (shape: its dims, reduced or not 1; axes: the reduced block in it)."""
    vec = (lambda a, b: np.where(a > b, a, b)) if is_max else (lambda a, b: np.where(a < b, a, b))
    keep_first = (lambda a, b: np.where(a < b, b, a)) if is_max else (lambda a, b: np.where(b < a, b, a))
    before, block = math.prod(shape[:axes[0]]), math.prod(shape[axes[0]:axes[-1] + 1])
    after = math.prod(shape[axes[-1] + 1:])
    if after == 1:  # inner: rows of `block`
        rows = x.reshape(before, block)
        full = block // lanes * lanes
        out = None
        if full:
            chunks = rows[:, :full].reshape(before, full // lanes, 4, lanes // 4)
            acc = chunks[:, 0]
            for i in range(1, chunks.shape[1]):
                acc = vec(acc, chunks[:, i])
            folded = vec(vec(acc[:, 0], acc[:, 1]), vec(acc[:, 2], acc[:, 3]))
            out = folded[:, 0]
            for j in range(1, folded.shape[1]):
                out = keep_first(out, folded[:, j])
        for k in range(full, block):
            out = rows[:, k] if out is None else keep_first(out, rows[:, k])
        return out
    slab = x.reshape(before, block, after)  # outer: down the `block` rows of each slab
    full = after // lanes * lanes
    out = slab[:, 0].copy()
    for i in range(1, block):
        out[:, :full] = vec(out[:, :full], slab[:, i, :full])
        out[:, full:] = keep_first(out[:, full:], slab[:, i, full:])
    return out


def _amax_amin(name, np_fn, node_cls):
    """A row of amax/amin: the extreme over dims, its gradient shared by the elements equal to it."""
    def fn(self, dim=(), keepdim=False):
        dims = _int_list(name, "dim", (() if dim is None else dim,))  # (int[1] dim=[] takes None as [])
        if self.numel() == 0 and self.dim():  # PyTorch checks the sizes first, naming each dim as given
            for d in dims:
                if self._shape[self._wrap_dim(d)] == 0:
                    raise index_error(messages.REDUCTION_DIM_EMPTY.format(name, d))
        if not self.dim():
            _wrap_dims(self, name, dims)  # (a dim given twice is an error on a 0-dim tensor too)
            dims = ()
            reduced = ()
        else:
            reduced = _wrap_dims(self, name, dims) if dims else tuple(range(self.dim()))
        if self.numel() == 0:
            if not dims:
                raise runtime(messages.REDUCTION_DIM_NEEDED.format(name))
            for d in reduced:
                if self._shape[d] == 0:
                    raise index_error(messages.REDUCTION_DIM_EMPTY.format(name, d))
        values = np_fn(self._np, axis=reduced, keepdims=keepdim)
        if self.numel() and (values == 0).any():  # (a zero's sign: ATen's walk, where it is known)
            walked = _zero_ties(self._np, reduced, np_fn is np.amax, self.dtype)
            if walked is not None:
                values = np.where(values == 0, walked.reshape(np.shape(values)), values)
        out = fresh(np.require(values, self.dtype.np, "C"), self.dtype)
        if needs_grad(self):
            attach(out, _given(node_cls(self, out, reduced, keepdim), "dims", dim))
        return out
    fn.__name__ = name
    return op(name, fn, function=True, edges=True, grad_fn=node_cls.name_, saves=("self", "result"))


amax = _amax_amin("amax", np.amax, AmaxBackward0)
amin = _amax_amin("amin", np.amin, AminBackward0)


class VarBackward0(SavingNode):
    """var (VarBackward0) and std (StdBackward0, which keeps its result): PyTorch's var_backward, std's through
    grad / (2 std)."""
    __slots__ = ("dims", "correction", "keepdim")
    fields = ("dims", "correction", "keepdim")
    take_sqrt = saves_result = False
    saved_names = ("self", None)
    saved_values = {"dim": as_given("dims"), "correction": as_given("correction"), "keepdim": "keepdim"}

    def backward(self, g):
        x, result = self.unpack()
        if self.take_sqrt:
            g = (g / mul_scalar(result, 2)).masked_fill_(result == 0, 0)  # (std_backward's grad_var)
        return (var_backward(g, x, self.dims, self.correction, self.keepdim, self.__dict__.get("rnumel")),)


def var_backward(g, x, dims, correction, keepdim, rnumel=None):
    """PyTorch's var_backward: (2 / (n - correction)) * grad * (x - mean), n the elements per reduction (rnumel: 1 for
    an empty dim list, whose mean is over everything); over everything (no dims) a dof <= 0 gives inf, or NaN where
    x is its mean."""
    if x.dim() == 0 or dims is None:
        dof = x.numel() - correction
        if dof <= 0:  # (grad * where(self == mean, nan, inf): MulBackward0 under create_graph; real, so a complex
            with autograd.no_grad():  # input's is the engine's cast of it, nan + 0j)
                factor = (x == x.mean()).float().masked_fill(x != x.mean(), math.inf).masked_fill(
                    x == x.mean(), math.nan).to(x.dtype.to_real())
            return (g * factor).to(x.dtype)
        return mul_scalar(g, 2.0 / dof) * (x - x.mean())
    if not keepdim and x.dim() > 1:
        for d in dims:
            g = g.unsqueeze(d)
    n = math.prod(x._shape[d] for d in dims) if rnumel is None else rnumel
    dof = n - correction
    return mul_scalar(g, 2.0 / dof if dof else math.inf) * (x - x.mean(dims, keepdim=True))


class StdBackward0(VarBackward0):
    take_sqrt = saves_result = True
    saved_names = ("self", "result")
    saved_values = VarBackward0.saved_values


def check_dof(self, name, axes, correction):
    """PyTorch's warning when the correction leaves no degrees of freedom (its reduction factor: the input's numel
    divided by the output's); a complex input's, once for each part ATen reduces."""
    out_numel = math.prod(s for d, s in enumerate(self._shape) if d not in axes)
    for _ in range(0 if self.numel() // (out_numel or 1) - correction > 0 else 2 if self.dtype.category == 3 else 1):
        warn(f"{name}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor "
             "(input numel divided by output numel).")


def variance_reduction(name, node_cls):
    """A row of var/std: the variance over dims (kernels.variance), std its square root; the node keeps the
    correction as PyTorch saves it."""
    def fn(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        if dim.__class__ is bool:  # (x.std(False): the overload whose one argument is unbiased)
            dim, unbiased = None, dim
        # (PyTorch's saved correction: None for std()/var() with no dim, unbiased or correction given, else the number used)
        given_correction = correction if correction is not None else None if dim is None and unbiased is None else \
            (0 if unbiased is False else 1)
        unbiased = True if unbiased is None else unbiased
        if self.dtype.category < 2:
            raise runtime("std and var only support floating point and complex dtypes")
        if correction is None:
            correction = 1 if unbiased else 0
        dims = reduce_dims(self, dim, empty_is_all=True)
        axes = tuple(range(self.dim())) if dims is None else dims
        check_dof(self, name, axes, correction)
        with np.errstate(all="ignore"):
            if self._np.size == 0:
                r = np.full([1 if d in axes else s for d, s in enumerate(self._shape)] if keepdim else
                            [s for d, s in enumerate(self._shape) if d not in axes], np.nan)
            elif self.dtype.category == 3:  # (a complex tensor's: its parts' variances, each rounded, summed in the
                x, real = self._np, self.dtype.to_real().np  # real dtype, then its square root there)
                r = kernels.variance(np.require(x.real, requirements="C"), axes, correction, keepdim).astype(real) + \
                    kernels.variance(np.require(x.imag, requirements="C"), axes, correction, keepdim).astype(real)
            else:
                r = kernels.variance(self._np, axes, correction, keepdim)
            if node_cls.take_sqrt:  # (a complex tensor's: at::sqrt_out of the sum, its vectorized kernel's root)
                r = kernels.sqrt(np.asarray(r)) if self.dtype.category == 3 else np.sqrt(r)
        dt = self.dtype.to_real()
        # (contiguous, as ATen allocates it; WelfordOps's double made a c10::Half through float)
        out = fresh(np.asarray(dtypes.cast(r, dt), dt.np, order="C"), dt)
        if needs_grad(self):
            node = _given(node_cls(self, out, dims, correction, keepdim), "dims", dim)
            node.__dict__["correction_given"] = given_correction
            if isinstance(dim, (list, tuple)) and not len(dim):  # (var_backward's _safe_size of no dims)
                node.__dict__["rnumel"] = 1
            attach(out, node)
        return out
    fn.__name__ = fn.__qualname__ = name
    return op(name, fn, function=True, grad_fn=node_cls.name_, saves=("self", "result") if node_cls.saves_result
              else ("self",))


class CumsumBackward0(InputNode):
    fields = ("dim",)
    saved_values = {"dim": as_given("dim")}

    def backward(self, g):
        if g.numel() <= 1 or g._shape[self.dim] == 1:
            return (g,)
        if needs_grad(g):  # create_graph: PyTorch's formula, recorded (FlipBackward0, CumsumBackward0, ...)
            dim = as_program_gave(self, "dim")
            return (g.flip(dim).cumsum(dim).flip(dim),)
        return (fresh(np.flip(_cumsum_np(np.flip(g._np, self.dim), self.dim, g.dtype), self.dim).copy(), g.dtype),)


def cumulative_acc(dt):
    """The type ATen's cumsum/cumprod run their sums and products in (at::acc_type<scalar_t, false>): float for
    float16 and bfloat16, double for the other floats, complex<double>, int64."""
    if dt in (dtypes.float16, dtypes.bfloat16):
        return np.float32
    return np.float64 if dt.category == 2 else np.complex128 if dt.category == 3 else np.int64


def _cumsum_np(x, axis, dt):
    """PyTorch's CPU cumsum: running sums in cumulative_acc(dt), each rounded to dt as it is stored."""
    acc = cumulative_acc(dt)
    if x.ndim == 0:  # (a 0-dim tensor is copied: no kernel runs)
        return x.astype(dt.np)
    if acc is not np.int64:  # (ATen's sum starts at +0.: a run of -0. sums to +0., numpy's keeps -0.)
        return (np.cumsum(x.astype(acc), axis=axis) + 0.0).astype(dt.np)
    return np.cumsum(x.astype(acc), axis=axis).astype(dt.np)


def cumsum(self, *args, **kwargs):
    dim, dtype = bind_args("cumsum", ("dim", "dtype"), (None, None), args, kwargs)
    if dim is None:
        raise type_error('cumsum() missing 1 required positional arguments: "dim"')
    if not isinstance(dim, int) or isinstance(dim, bool):
        where = " (position 1)" if args else ""
        raise type_error(f"cumsum(): argument 'dim'{where} must be int, not {type(dim).__name__}")
    check_dtype("cumsum", dtype)
    d = self._wrap_dim(dim)
    dt = dtype or (dtypes.int64 if self.dtype.category < 2 else self.dtype)
    if dt is dtypes.bool_ and self.dim() and self.numel():  # (ATen's kernel has no Bool; 0-dim or empty: none runs)
        raise make("NotImplementedError", "\"cumsum_out_cpu\" not implemented for 'Bool'")
    out = fresh(np.array(_cumsum_np(_cast_first(self, dt), d, dt).reshape(self._shape), order="C"), dt)
    if needs_grad(self):
        attach(out, _given(CumsumBackward0(self, d), "dim", dim, as_list=False))
    return out


class ProdBackward0(SavingNode):
    """prod() (ProdBackward0) and prod(dim) (ProdBackward1): PyTorch's prod_backward, with its zero-safe path."""
    __slots__ = ("dim", "keepdim")
    fields = ("dim", "keepdim")
    saved_names = ("self", "result")

    def backward(self, g):
        x, result = self.unpack()
        if x.dim() == 0:
            return (g,)
        if self.dim is not None and not self.keepdim:
            g, result = g.unsqueeze(self.dim), result.unsqueeze(self.dim)
        zeros = int((x._np == 0).sum())
        if not zeros:
            return (g * (result / x).conj(),)
        if self.dim is None and zeros > 1 and not autograd.is_grad_enabled():
            return (zeros_of(x),)  # PyTorch's shortcut: every product of the others has a zero (+0., not -0.)
        if autograd.is_grad_enabled():  # create_graph: the gradient is recorded, op by op
            if self.dim is None:
                return (_prod_zeros_recorded(g, x.contiguous().view(-1), 0).view_as(x),)
            return (_prod_zeros_recorded(g, x, self.dim),)
        if x.numel() == 1 or self.dim is not None and x._shape[self.dim] == 1:
            return (g.view_as(x) if self.dim is None else g,)  # (prod_safe_zeros_backward gives grad itself back)
        return (fresh(_prod_safe_zeros_backward(g._np, x._np, self.dim), x.dtype),)


class ProdBackward1(ProdBackward0):
    saved_names = ("self", "result")
    saved_values = {"dim": as_given("dim"), "keepdim": "keepdim"}


def _prod_safe_zeros_backward(g, x, dim):
    """grad * conj(product of the others), as PyTorch's prod_safe_zeros_backward builds it: exclusive cumulative
    products from both ends (cumprod accumulates in double on the CPU, rounded at each step)."""
    shape = x.shape
    if dim is None:
        x, dim = x.reshape(-1), 0
    ones = np.ones(x.shape[:dim] + (1,) + x.shape[dim + 1:], x.dtype)
    head = np.concatenate([ones, np.delete(x, -1, axis=dim)], axis=dim)
    tail = np.concatenate([ones, np.flip(np.delete(x, 0, axis=dim), axis=dim)], axis=dim)
    wide = np.complex128 if x.dtype.kind == "c" else np.float64
    before = np.cumprod(head.astype(wide), axis=dim).astype(x.dtype)
    after = np.flip(np.cumprod(tail.astype(wide), axis=dim).astype(x.dtype), axis=dim)
    return (g.reshape(g.shape if g.ndim == x.ndim else ()) * np.conj(before * after)).astype(x.dtype).reshape(shape)


def _prod_zeros_recorded(g, x, dim):
    """PyTorch's prod_safe_zeros_backward in ops (under create_graph): grad * (products of the elements before) *
    (products of those after), the exclusive products the cumprods of ones and the input shifted (forward, and
    flipped for those after)."""
    n = x._shape[dim]
    if x.numel() == 0:
        return g.expand_as(x)
    if n == 1:
        return g
    ones_size = list(x._shape)
    ones_size[dim] = 1
    ones = fresh(np.ones(ones_size, g.dtype.np), g.dtype)
    before = cat([ones, x.narrow(dim, 0, n - 1)], dim).cumprod(dim)
    after = cat([ones, x.narrow(dim, 1, n - 1).flip(dim)], dim).cumprod(dim).flip(dim)
    return g * (before * after).conj()


_PROD_FORMS = " * (*, torch.dtype dtype = None)\n * (int dim, bool keepdim = False, *, torch.dtype dtype = None)\n"


@fp32_op
def prod(self, *args, **kwargs):
    dim, keepdim, dtype = bind_args("prod", ("dim", "keepdim", "dtype"), (None, False, None), args, kwargs)
    if dim is not None and (not isinstance(dim, int) or isinstance(dim, bool)):
        got = type(dim).__name__ if args else f"dim={type(dim).__name__}, "
        raise type_error(f"prod() received an invalid combination of arguments - got ({got}), but expected one "
                         f"of:\n{_PROD_FORMS}")
    dt = _reduction_dtype(self, dtype)
    dims = reduce_dims(self, dim)
    kept = keepdim and bool(self._shape)  # (a 0-dim tensor's product stays 0-dim)
    src = _real_read(self, dt)
    if dt is dtypes.bfloat16:  # (each product rounded to it: its own kernel; float16's numpy's own arithmetic)
        rounding = dtypes.rounding(dt)
        values = src.astype(np.float32, copy=False)  # (a bfloat16 tensor's own values keep its layout)
        values = values if self.dtype is dt else rounding(values)
        r = kernels.prod(values, dims[0] if dims else None, kept, rounding)
    else:
        r = kernels.prod(src.astype(dt.np, copy=False), dims[0] if dims else None, kept)
    if r is None:
        r = np.prod(src, axis=dims, keepdims=kept, dtype=dt.np)
    out = from_numpy(np.asarray(r), dt)
    if needs_grad(self):
        if dim is None:
            attach(out, ProdBackward0(self, out, None, False))
        else:
            attach(out, _given(ProdBackward1(self, out, dims[0] if dims else None, keepdim), "dim", dim,
                               as_list=False))
    return out


_FLOAT_KERNEL_DTYPES = (dtypes.float32, dtypes.float64)  # float16 reduces in float32 in PyTorch: not these kernels


class LinalgVectorNormBackward0(SavingNode):
    __slots__ = ("p", "dims", "keepdim")
    fields = ("p", "dims", "keepdim")
    saved_names = ("self", "result")
    saved_values = {"dim": as_given("dims"), "keepdim": "keepdim", "ord": "p"}

    def backward(self, g):
        x, norm = self.unpack()
        given_dims = as_program_gave(self, "dims")
        one = self.dims is not None and len(self.dims) == 1  # (unsqueeze_multiple: one dim as given; dim=(): none)
        dims = given_dims if one else None if given_dims is not None and not len(given_dims) else self.dims
        return (norm_backward(g, x, norm, self.p, dims, self.keepdim),)


class NormBackward1(LinalgVectorNormBackward0):
    """at::norm(self, p, dim, keepdim) as ATen's C++ composites call it (pairwise_distance): the same gradient."""
    __slots__ = ()
    name_ = "NormBackward1"
    saved_names = ("self", "result")
    saved_values = {"dim": as_given("dims"), "keepdim": "keepdim", "p": "p"}


def aten_norm(self, p, dim, keepdim):
    """at::norm.ScalarOpt_dim: linalg.vector_norm's values, recorded as NormBackward1 (p kept as the double given)."""
    with autograd.no_grad():
        out = norm(self, p, dim, keepdim)
    if needs_grad(self):
        attach(out, _given(NormBackward1(self, out, p, reduce_dims(self, dim), keepdim), "dims", dim))
    return out


def norm_backward(g, x, norm, p, dims, keepdim):
    """PyTorch's norm_backward for the orders it defines: 1, 2, inf, and the general p (None for p 0: PyTorch
    defines no gradient for the count of non-zeros)."""
    if p == 0:
        return None
    p = float(p)  # (p_.toDouble(): the gradient's graph shows pow(1.0))
    if not keepdim and x.dim() != 0 and dims is not None:  # (unsqueeze_multiple: none for all dims)
        for d in sorted(dims):
            g, norm = g.unsqueeze(d), norm.unsqueeze(d)
    zero = norm == 0
    if p == 1:
        return x.sgn() * g
    if p == 2:
        return g * (x / norm).masked_fill_(zero, 0)
    if math.isinf(p):
        mask = (x.abs() == norm).logical_or(x.abs().isnan())
        return x.sgn() * ((g / mask.sum(dims if dims is not None else tuple(range(x.dim())), keepdim=True)) * mask)
    if p < 1:
        scaled = x.sgn() * x.abs().pow_(p - 1).masked_fill_(x == 0, 0)
        return scaled * g * norm.pow(1 - p)
    scaled = x.sgn() * x.abs().pow_(p - 1) if p < 2 else x * x.abs().pow_(p - 2)
    return scaled * (g / norm.pow(p - 1)).masked_fill_(zero, 0)


def norm(self, p=2, dim=None, keepdim=False, dtype=None):
    """torch.norm / Tensor.norm, as linalg.vector_norm computes it: the 2-norm of rows and of whole tensors by
    PyTorch's lastdim kernel, the other orders by its sequential reduction (kernels.py); dtype: computed in it."""
    if self.dtype.category < 2:
        raise runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                      f"Got {dtypes.SCALAR_NAMES[self.dtype.name]}")
    if isinstance(p, Tensor) and not p._shape:  # (the parser reads a 0-dim tensor as the number)
        p = p.item()
    if not self._np.size and isinstance(p, (int, float)) and (p < 0 or p == math.inf):
        _empty_norm_check(self, p, dim)
    check_norm_dtype("linalg.vector_norm", dtype, self.dtype)
    if dtype is not None and dtype is not self.dtype:
        check_dtype("norm", dtype)
        with autograd.no_grad():  # (computed in dtype inside the kernel: one node on self, no ToCopyBackward0)
            out = norm(to(self, dtype), p, dim, keepdim)
        if needs_grad(self):
            attach(out, _given(LinalgVectorNormBackward0(self, out, 2 if p == "fro" else p, reduce_dims(self, dim),
                                                         keepdim), "dims", dim))
        return out
    if p == "fro":
        p = 2
    elif isinstance(p, str) or not isinstance(p, (int, float)) or isinstance(p, bool):
        raise runtime(f"tensorsh supports vector norms only (p a number or 'fro'), not p={p!r}")
    dims = reduce_dims(self, dim, empty_is_all=True)
    axes = tuple(range(self.dim())) if dims is None else dims
    reduced = self.dtype is dtypes.float16 or self.dtype is dtypes.bfloat16
    with autograd.no_grad():
        if all(self._shape[d] == 1 for d in axes):  # (is_reduce_over_1D_vector: |x|, or x != 0 for p 0)
            one = self if keepdim else self.squeeze(axes)
            out = to(one != 0, self.dtype.to_real()) if p == 0 else one.abs()
        elif p == 0:  # the count of non-zero entries (float16 and bfloat16 count in float32)
            out = to(to(self != 0, dtypes.float32 if reduced else self.dtype.to_real()).sum(axes, keepdim),
                     self.dtype.to_real())
        elif math.isinf(p):
            out = self.abs()
            for d in sorted(axes, reverse=True):
                out = (out.max(d, keepdim) if p > 0 else out.min(d, keepdim))[0]
        elif reduced:  # (float16 and bfloat16 reduce in float32, rounded once; float16 never by the lastdim kernel)
            x = self._np.astype(np.float32)
            out = to(fresh(kernels.vector_norm(x, p, axes, keepdim, self.dtype is dtypes.bfloat16), dtypes.float32),
                     self.dtype)
        elif self.dtype in _FLOAT_KERNEL_DTYPES:
            out = fresh(kernels.vector_norm(self._np, p, axes, keepdim), self.dtype)
        elif self.dtype.category == 3:  # (the generic reduction of std::abs, the C library's hypot, laid out as self)
            part = self.dtype.to_real()
            out = fresh(kernels.vector_norm(np.hypot(*kernels.complex_parts(self._np)), p, axes, keepdim, False), part)
        else:
            a = self.abs() ** p
            out = a.sum(axes, keepdim) ** (1.0 / p)
    if needs_grad(self):
        attach(out, _given(LinalgVectorNormBackward0(self, out, p, dims, keepdim), "dims", dim))
    return out


def check_norm_dtype(name, dtype, self_dtype):
    """check_linalg_norm_dtype: a dtype= floating (complex exactly for complex inputs) that the input's converts to
    without narrowing."""
    if not isinstance(dtype, dtypes.DType):
        return
    given = dtypes.SCALAR_NAMES[dtype.name]
    if dtype.category < 2:
        raise runtime(f"{name}: dtype should be floating point or complex, but got {given}")
    kind = "complex" if self_dtype.category == 3 else "real"
    if (self_dtype.category == 3) != (dtype.category == 3):
        raise runtime(f"{name}: dtype should be {kind} for {kind} inputs, but got {given}")
    if dtypes.promote(self_dtype, dtype) is not dtype:
        raise runtime(f"{name}: the dtype of the input ({dtypes.SCALAR_NAMES[self_dtype.name]}) should be convertible "
                      f"without narrowing to the specified dtype ({given})")


def _empty_norm_check(self, p, dim):
    """linalg.vector_norm's refusal of an order without identity (negative or inf) over an empty reduction."""
    dims = (dim,) if isinstance(dim, int) else dim
    text = f"linalg.vector_norm cannot compute the {p:g} norm on "
    if not dims:
        raise runtime(text + "an empty tensor because the operation does not have an identity")
    for d in dims:
        if self._shape[self._wrap_dim(d)] == 0:
            raise runtime(text + f"the dimension {d}because this dimension is empty and the operation does not "
                                 "have an identity")


class LogsumexpBackward0(ReductionBackward):
    saved_names = ("self", "result")
    saved_values = {"dim": as_given("dims"), "keepdim": "keepdim"}

    def backward(self, g):
        x, g, result = self.restored(g)
        e = (x - result).exp()
        return (g * (e.conj() if e.dtype.category == 3 else e),)


def logsumexp(self, dim=None, keepdim=False):
    return logsumexp_into(None, self, dim, keepdim)


def logsumexp_into(into, self, dim=None, keepdim=False):
    """logsumexp, its sum, log and shift made in dtype `into` (logsumexp's out=: ATen's sum_out into the result)."""
    if dim is None:
        raise type_error('logsumexp() missing 1 required positional arguments: "dim"')
    if self.dtype.category == 3 and into is not None:
        raise runtime("tensorsh: logsumexp of a complex tensor into out= is not supported yet")
    x = self if self.dtype.category >= 2 else self.float()
    real = x.real if x.dtype.category == 3 else x  # (a complex input is shifted by the max of its real parts)
    dims = reduce_dims(x, dim)
    dims = tuple(range(x.dim())) if dims is None or (dims == () and x.dim()) else dims
    into = None if into is x.dtype else into
    if x.numel() and x.dim() and not keepdim and isinstance(dim, (tuple, list)) and not len(dim):
        # (dim=(): every dim summed, but the max kept as [1, ...] and not squeezed: result.add_(maxes) fails)
        raise runtime(f"output with shape [] doesn't match the broadcast shape [{', '.join(['1'] * x.dim())}]")
    if x.numel() == 0:  # PyTorch: log(sum(exp(x))) without the shift (no max of nothing): -inf, or empty
        with autograd.no_grad():
            out = x.exp().sum(list(dims), keepdim=keepdim, dtype=into).log()
        if needs_grad(self):
            attach(out, _given(LogsumexpBackward0(self, out, dims, keepdim), "dims", dim))
        return out
    with autograd.no_grad():  # PyTorch's kernel: shift by the max (an infinite max shifts by 0), sum, log, add back
        maxes = real.amax(dims, keepdim=True) if x.dim() else real.clone()
        maxes = maxes.masked_fill(maxes.abs() == float("inf"), 0.0)
        total = (x - maxes).exp().sum(list(dims), keepdim=keepdim, dtype=into) if x.dim() else (x - maxes).exp()
        shift = maxes if keepdim or not x.dim() else maxes.squeeze(dims)
        if into is None:
            out = fresh(np.asarray(total.log()._np + shift._np), x.dtype)
        else:  # (result.log_().add_(maxes): the in-place add computes in the common dtype)
            out = total.to(into).log().add_(shift)
    if needs_grad(self):
        attach(out, _given(LogsumexpBackward0(self, out, dims, keepdim), "dims", dim))
    return out


out_dtypes.INTO["logsumexp"] = logsumexp_into


def count_nonzero(self, dim=None):
    dims = reduce_dims(self, dim, empty_is_all=True)
    return fresh(np.asarray(np.count_nonzero(self._np, axis=dims), np.int64, order="C"), dtypes.int64)


def sum_to_size(self, *size):
    if len(size) == 1 and isinstance(size[0], (list, tuple)):
        size = tuple(size[0])
    shape = int_elements(size, lambda v, i: type_error(f"sum_to_size(): argument 'size' must be tuple of ints, but found "
                                                       f"element of type {type(v).__name__} at pos {i}"))
    lead = len(self._shape) - len(shape)
    ok = lead >= 0 and all(s == n or s == 1 for s, n in zip(shape, self._shape[lead:]))
    if not ok:
        raise runtime(f"size {{{_shape_list(shape)}}} is not expandable to size {{{_shape_list(self._shape)}}}.")
    return tensor_sum(self) if not shape else sum_to(self, shape)  # (ATen's sum_to: an empty size is sum())


_VECTOR_NORM = ("linalg_vector_norm(Tensor input, Scalar ord=2, IntArrayRef[1]? dim=None, bool keepdim=False, *, "
                "ScalarType? dtype=None, Tensor out=None)",)
_MATRIX_NORM = ("linalg_matrix_norm(Tensor input, Scalar ord, IntArrayRef dim={-2,-1}, bool keepdim=False, *, "
                "ScalarType? dtype=None, Tensor out=None)",
                "linalg_matrix_norm(Tensor input, c10::string_view ord=\"fro\", IntArrayRef dim={-2,-1}, "
                "bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)")


_MATRIX_NORM_OP = Lazy("ops.matrix_functions", "matrix_norm")


def tensor_norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    """Tensor.norm: torch.norm(self, p, dim, keepdim, dtype=dtype)."""
    return torch_norm(self, p, dim, keepdim, dtype=dtype)


tensor_norm.__qualname__ = "Tensor.norm"


def torch_norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """torch.norm (torch/functional.py) on a strided CPU tensor: 'fro' over at most two dims and every number are
    linalg.vector_norm (p None: 2), other strings linalg.matrix_norm ('nuc', and the errors of the rest)."""
    if not isinstance(input, Tensor):
        raise make("AttributeError", f"'{tp_name(input)}' object has no attribute 'layout'")
    _dim = [dim] if isinstance(dim, int) else dim
    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, int) or _len(dim) <= 2):
            with library_code(_NORM_LINES[out is None, "fro"]):
                return vector_norm_call(input, 2, _dim, keepdim, dtype, out)
        if _dim is None:
            _dim = list(range(input.dim()))
        with library_code(_NORM_LINES[out is None, "matrix"]):
            _parse(_MATRIX_NORM, (input, p, _dim, keepdim), _passed(dtype=dtype, out=out))
            result = _MATRIX_NORM_OP.load()(input, p, _dim, keepdim, dtype)
            return result if out is None else out_dtypes.composite_out("linalg.matrix_norm", out, result)
    with library_code(_NORM_LINES[out is None, "p"]):
        return vector_norm_call(input, 2.0 if p is None else p, _dim, keepdim, dtype, out)


# the lines of torch/functional.py's norm that call linalg (with out= and without): a warning of the call (out='s
# resize) is theirs, shown once per process for each line
_NORM_LINES = {(out_none, kind): f"torch/functional.py:{line}" for out_none, kind, line in (
    (True, "fro", 1866), (False, "fro", 1870), (True, "matrix", 1879), (False, "matrix", 1881),
    (True, "p", 1888), (False, "p", 1890))}


torch_norm.__qualname__ = torch_norm.__name__ = "norm"


def _passed(**kwargs):
    """The keywords torch.norm passes on: dtype always, out only when given."""
    return {k: v for k, v in kwargs.items() if k == "dtype" or v is not None}


def _len(v):
    try:
        return len(v)
    except TypeError:
        raise type_error(f"object of type '{tp_name(v)}' has no len()") from None


def vector_norm_call(input, ord, dim, keepdim, dtype, out):
    common = (type(ord) is float or (type(ord) is int and _small(ord))) and type(keepdim) is bool and \
        dtype is None and out is None and (dim is None or isinstance(dim, (list, tuple)) and
                                           all(type(d) is int and _small(d) for d in dim))
    if not common:  # (the common call is what the parse would accept)
        _parse(_VECTOR_NORM, (input, ord, dim, keepdim), _passed(dtype=dtype, out=out))
        if type(ord) is bool:  # (a Scalar: True is the 1-norm)
            ord = int(ord)
    if out is not None:
        # (a partial: an out= that is input itself reduces again with these arguments, reduced_into_input.py)
        return _norm_out("linalg_vector_norm", functools.partial(
            norm, p=ord, dim=None if dim is None else tuple(dim), keepdim=keepdim, dtype=dtype), input, out)
    return norm(input, ord, None if dim is None else tuple(dim), keepdim, dtype)


def _norm_out(name, fn, input, out):
    """torch.norm(..., out=): linalg's vector_norm/matrix_norm out= (their result's dtype exactly)."""
    from ..signatures import OUT_WRITER
    return OUT_WRITER[0](name, fn, (input,), {"out": out})


op("argmax", argmax, function=True)
op("argmin", argmin, function=True)
op("prod", prod, function=True, grad_fn="ProdBackward0", saves=("self", "result"))
op("norm", tensor_norm, function=torch_norm,  # torch.norm's Python dispatch, then norm
   grad_fn="LinalgVectorNormBackward0", saves=("self", "result"))
var = variance_reduction("var", VarBackward0)
std = variance_reduction("std", StdBackward0)
op("cumsum", cumsum, function=True)
op("logsumexp", logsumexp, function=True, edges=True, grad_fn="LogsumexpBackward0", saves=("self", "result"))
op("count_nonzero", count_nonzero, function=True)  # (not differentiable: no edges to build)
op("sum_to_size", sum_to_size, edges=True)

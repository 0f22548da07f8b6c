"""Differentiable ops: each forward (numpy) beside its backward node, named as PyTorch names it."""
import builtins
import math

import numpy as np

from . import autograd, dtypes, errors, kernels, layout, messages, multiview, nans, scalars, undo
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .errors import runtime, index_error, type_error, value_error, warn, warn_once
from .storage import check_size
from .tensorimpl import (Tensor, _contiguous_strides, _shape_list)
from .ops.registry import op, operator
from .ops.core import (InputNode, BinaryNode, NONE_EDGE, VIEW_BACKWARD, ViewNode, ZeroGradNode, _non_overlapping_and_dense, Shaped, attach, binary_op,
                       binary_operands, bind_args, cast_for_inplace, check_broadcast, check_inplace, check_broadcast_all, check_dtype,
                       check_fits_output, collect_edges, embed, empty_strided, fresh, from_numpy,
                       input_meta, laid_out_like, make_view, needs_grad, operand_edge, precheck, reduce_grad,
                       refresh_view_grad_fn, self_overlapping, sum_to, tensor_of, tensor_params,
                       true_div_dtype, type_name, write_inplace, write_rows, written, zero_node, zeros_of)
from .ops.copies import copy_inplace, fill_inplace
from .ops.views import _slice, _squeeze_named, _unsafe_view, alias, expand, select, unsqueeze



# ------------------------------------------------------------------ gradient helpers


# ------------------------------------------------------------------ elementwise unary


# ------------------------------------------------------------------ binary arithmetic


# ------------------------------------------------------------------ reductions


# ------------------------------------------------------------------ matrix products

class MmBackward0(Node):

    def __init__(self, a, b):
        Node.__init__(self, (edge_of(a), edge_of(b)))
        # saved (and unpacked) in the order of PyTorch's formulas: the second operand first
        self.saved = (SavedTensor(b) if self.next_functions[0][0] else NOTHING_SAVED,
                      SavedTensor(a) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        b, a = self.unpack()
        if not autograd._grad_enabled[0]:  # no graph to record: the same products, straight on the arrays
            gn, dt = g._np, g.dtype
            return (fresh(_matmul_np(gn, b._np.T), dt) if self.next_functions[0][0] else None,
                    fresh(_matmul_np(a._np.T, gn), dt) if self.next_functions[1][0] else None)
        return (g.mm(b.t()) if self.next_functions[0][0] else None,
                a.t().mm(g) if self.next_functions[1][0] else None)


class BmmBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g.bmm(b.transpose(1, 2)) if self.next_functions[0][0] else None,
                a.transpose(1, 2).bmm(g) if self.next_functions[1][0] else None)


class DotBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g * b if self.next_functions[0][0] else None, g * a if self.next_functions[1][0] else None)


class MvBackward0(MmBackward0):

    def backward(self, g):
        b, a = self.unpack()
        return (g.unsqueeze(1) * b if self.next_functions[0][0] else None,
                a.t().mv(g) if self.next_functions[1][0] else None)


def _matmul_np(x, y):
    """The product of two arrays: PyTorch's own order for a short inner dimension, numpy's (OpenBLAS) otherwise."""
    r = kernels.small_matmul(x, y)
    if r is None and x.ndim == 1 and y.ndim == 1:
        r = kernels.small_dot(x, y)
    return np.matmul(x, y) if r is None else r


def _mm_like(a, b, node_cls):
    dt = dtypes.promote(a.dtype, b.dtype)
    if a.dtype is not b.dtype:
        na, nb = dtypes.SCALAR_NAMES[a.dtype.name], dtypes.SCALAR_NAMES[b.dtype.name]
        if node_cls is DotBackward0:
            raise runtime(f"dot : expected both vectors to have same dtype, but found {na} and {nb}")
        if node_cls is MvBackward0:
            raise runtime(f"addmv input tensors must have the same dtype, but got {nb}, {na}, and {nb}")
    check_size(a.numel() // builtins.max(a._shape[-1], 1) * (b._shape[-1] if b.dim() > 1 else 1) * dt.itemsize)
    if a.dtype is not b.dtype:
        raise runtime(f"expected m1 and m2 to have the same dtype, but got: {a.dtype.name.replace('float32','float').replace('float64','double').replace('int64','long int')} != {b.dtype.name.replace('float32','float').replace('float64','double').replace('int64','long int')}")
    out = fresh(_matmul_np(a._np, b._np), dt)  # falls back to from_numpy for dot's numpy scalar
    if needs_grad(a, b):
        attach(out, node_cls(a, b))
    return out


@tensor_params('mat2')
def mm(self, mat2):
    if self.dim() != 2:
        raise runtime(f"self must be a matrix")
    if mat2.dim() != 2:
        raise runtime(f"mat2 must be a matrix")
    if self._shape[1] != mat2._shape[0]:
        raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, self._shape)), b="x".join(map(str, mat2._shape))))
    return _mm_like(self, mat2, MmBackward0)


@tensor_params('mat2')
def bmm(self, mat2):
    if self.dim() != 3:
        raise runtime("batch1 must be a 3D tensor")
    if mat2.dim() != 3:
        raise runtime("batch2 must be a 3D tensor")
    if mat2._shape[:2] != (self._shape[0], self._shape[2]):
        _bmm_mismatch(self._shape[0], self._shape[2], mat2._shape[:2])
    return _mm_like(self, mat2, BmmBackward0)


def _bmm_mismatch(batch, k, got):
    raise runtime(f"Expected size for first two dimensions of batch2 tensor to be: [{batch}, {k}] but got: "
                  f"[{got[0]}, {got[1]}].")


@tensor_params('tensor')
def dot(self, other):
    if self.dim() != 1 or other.dim() != 1:
        raise runtime(f"1D tensors expected, but got {self.dim()}D and {other.dim()}D tensors")
    if self._shape != other._shape:
        raise runtime(f"inconsistent tensor size, expected tensor [{self._shape[0]}] and src [{other._shape[0]}] to have the same number of elements, but got {self._shape[0]} and {other._shape[0]} elements respectively")
    return _mm_like(self, other, DotBackward0)


@tensor_params('vec')
def mv(self, vec):
    if self.dim() and (self.dim() != 2 or vec.dim() != 1):
        raise runtime(f"vector + matrix @ vector expected, got 1, {self.dim()}, {vec.dim()}")
    if self._shape[1] != vec._shape[0]:
        raise runtime(f"size mismatch, got input ({self._shape[0]}), mat ({self._shape[0]}x{self._shape[1]}), vec ({vec._shape[0]})")
    return _mm_like(self, vec, MvBackward0)


def matmul(self, other):
    if not isinstance(other, Tensor):
        raise type_error(f"matmul(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    da, db = self.dim(), other.dim()
    if da == 0 or db == 0:
        raise runtime(f"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D")
    if da == 1 and db == 1:
        return dot(self, other)
    if da == 2 and db == 1:
        return mv(self, other)
    if da == 1 and db == 2:
        if self._shape[0] != other._shape[0]:
            raise runtime(messages.MM_SHAPES.format(a=f"1x{self._shape[0]}", b="x".join(map(str, other._shape))))
        return _squeeze_named(mm(self.unsqueeze(0), other), 0, "SqueezeBackward4")
    if da == 2 and db == 2:
        return mm(self, other)
    if da >= 3 and db <= 2:
        lead = self._shape[:-1]
        folded = self.reshape(-1, self._shape[-1])
        if db == 1:
            r = mv(folded, other)
            return _unsafe_view(r, lead)
        if folded._shape[1] != other._shape[0]:
            raise runtime(messages.MM_SHAPES.format(a="x".join(map(str, folded._shape)), b="x".join(map(str, other._shape))))
        return _unsafe_view(mm(folded, other), lead + (other._shape[-1],))
    # general batched case: broadcast batch dims, fold to 3-D, bmm, unfold
    a = self.unsqueeze(0) if da == 1 else self
    b = other.unsqueeze(-1) if db == 1 else other
    check_broadcast_all(Shaped(a._shape[:-2]), Shaped(b._shape[:-2]))
    batch = tuple(np.broadcast_shapes(a._shape[:-2], b._shape[:-2]))
    if a._shape[-1] != b._shape[-2]:  # (folded to bmm, which checks the sizes)
        n = int(np.prod(batch))
        _bmm_mismatch(n, a._shape[-1], (n, b._shape[-2]))
    a3 = a.expand(batch + a._shape[-2:]).reshape(-1, *a._shape[-2:])
    b3 = b.expand(batch + b._shape[-2:]).reshape(-1, *b._shape[-2:])
    shape = batch + (a._shape[-2], b._shape[-1])
    if da == 1:
        shape = batch + (b._shape[-1],)
    elif db == 1:
        shape = batch + (a._shape[-2],)
    return _unsafe_view(bmm(a3, b3), shape)


# ------------------------------------------------------------------ views


# ------------------------------------------------------------------ indexing

def _is_advanced(ix):
    return isinstance(ix, Tensor) or isinstance(ix, list)


def _index_tensor(ix):
    """An advanced index as a tensor: a list is a long one unless bool or uint8 (indexing_tensor_from_data)."""
    if isinstance(ix, Tensor):
        return ix
    t = tensor_of(ix)
    return t if t.dtype in (dtypes.bool_, dtypes.uint8) or t.dtype is dtypes.int64 else tensor_of(ix, dtypes.int64)


def _expand_index(self, index):
    if not self._shape and not isinstance(index, tuple):  # a lone index on a 0-dim tensor: its own messages
        if isinstance(index, slice):
            raise index_error("slice() cannot be applied to a 0-dim tensor.")
        if isinstance(index, int) and not isinstance(index, bool) and index != 0:
            raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))
        if isinstance(index, int) and not isinstance(index, bool):
            raise index_error("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                              "in C++ to convert a 0-dim tensor to a number")
    if not isinstance(index, tuple):
        index = (index,)
    consuming = builtins.sum(1 for ix in index if ix is not None and ix is not Ellipsis and not isinstance(ix, bool))
    for ix in index:
        if isinstance(ix, Tensor) and ix.dtype is dtypes.bool_:
            consuming += ix.dim() - 1
    if consuming > self.dim():
        raise index_error(messages.TOO_MANY_INDICES.format(n=self.dim()))
    if builtins.sum(1 for ix in index if ix is Ellipsis) > 1:
        raise index_error("an index can only have a single ellipsis ('...')")
    return index, consuming


def _bool_scalars(index):
    """A Python bool in an index is a 0-dim bool tensor index, as PyTorch takes it (x[True] adds a dim of 1)."""
    if isinstance(index, bool):
        return tensor_of(index)
    if isinstance(index, tuple) and any(isinstance(ix, bool) for ix in index):
        return tuple(tensor_of(ix) if isinstance(ix, bool) else ix for ix in index)
    return index


def getitem(self, index, setting=False):
    """self[index]. PyTorch skips a slice that covers its whole dimension (start 0, stop past the end, step 1)
    inside a tuple index, and when setting even a lone one: setting, the write then goes to self itself."""
    keep_full = not setting and isinstance(index, slice)
    index, consuming = _expand_index(self, _bool_scalars(index))
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
        elif isinstance(ix, int) or (isinstance(ix, Tensor) and ix.dim() == 0 and ix.dtype.category == 1):
            i = int(ix)
            n = out._shape[dim]
            if i < -n or i >= n:
                raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=position, n=n))
            out = select(out, dim, i)
        elif isinstance(ix, slice):
            start, stop, step = (None if v is None else int(v) for v in (ix.start, ix.stop, ix.step))
            n = out._shape[dim] if dim < out.dim() else 0
            whole = start in (None, 0) and (stop is None or stop >= n) and step in (None, 1)  # (-n: not whole)
            if keep_full or not whole:
                out = _slice(out, dim, start, stop, step)
            dim += 1
        elif _is_advanced(ix):
            t = _index_tensor(ix)
            if t.dtype.category == 2:
                raise index_error("tensors used as indices must be long, int, byte or bool tensors")
            advanced.append((dim, t))
            dim += t.dim() if t.dtype is dtypes.bool_ else 1
        else:
            raise index_error("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " + type(ix).__name__ + ")")
    if not advanced:
        if out is self and not setting:
            return alias(self) if index else self
        return out
    return _index(out, advanced)


def _np_index(shape, advanced):
    key = [slice(None)] * len(shape)
    skip = set()
    zero_dim_masks = []  # a 0-dim bool index takes no dimension: numpy's too, inserted before dim
    for dim, t in advanced:
        if t.dtype is dtypes.bool_ and t.dim() == 0:
            zero_dim_masks.append((dim, t._np))
        elif t.dtype is dtypes.bool_:
            key[dim] = t._np
            for k in range(dim + 1, dim + t.dim()):
                skip.add(k)
        else:
            n = shape[dim]
            bad = (t._np >= n) | (t._np < -n)
            if bad.any():
                if n == 0:
                    raise index_error("index is out of bounds for dimension with size 0")
                i = int(t._np[bad].reshape(-1)[0])
                raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=i, d=dim, n=n))
            key[dim] = t._np
    for dim, mask in reversed(zero_dim_masks):
        key.insert(dim, mask)
        skip = {k + 1 if k >= dim else k for k in skip}
    return tuple(k for i, k in enumerate(key) if i not in skip)


def _index(self, advanced):
    key = _np_index(self._shape, advanced)
    _check_index_size(self, key)
    out = from_numpy(np.asarray(self._np[key]), self.dtype)
    if needs_grad(self):
        attach(out, IndexBackward0(self, key))
    return out


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


class IndexBackward0(Node):
    __slots__ = ("shape", "key")

    def __init__(self, x, key):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.key = x._shape, key

    def backward(self, g):
        z = np.zeros(self.shape, g.dtype.np)
        np.add.at(z, self.key, g._np)
        return (from_numpy(z, g.dtype),)


def setitem(self, index, value):
    if not self._shape and isinstance(index, int) and not isinstance(index, bool) and isinstance(value, Tensor):
        raise index_error(messages.INDEX_OUT_OF_RANGE.format(i=index, d=0, n=0))  # PyTorch's tensor-value path
    index = _bool_scalars(index)
    index_t = index if isinstance(index, tuple) else (index,)
    if any(_is_advanced(ix) for ix in index_t):
        return index_put_inplace(self, index, value)
    target = getitem(self, index, setting=True)
    if isinstance(value, Tensor) and value._shape == target._shape:  # PyTorch's copy_to, its three ways
        copy_inplace(target, value)
    elif isinstance(value, Tensor) and value.dim() == 0:
        fill_inplace(target, value)
    elif isinstance(value, Tensor):
        # drop all the value's leading 1-dims, then expand it to the target (its errors first)
        lead = 0
        while lead < value.dim() and value._shape[lead] == 1:
            lead += 1
        if lead:
            value = value.view(value._shape[lead:])
        if value._shape != target._shape:
            value = expand(value, target._shape)
        copy_inplace(target, value)
    elif isinstance(value, (list, tuple)):
        copy_inplace(target, tensor_of(value, dtype=self.dtype))
    else:  # PyTorch wraps the number in a 0-dim tensor first: fill_(Tensor), FillBackward3
        fill_inplace(target, from_numpy(np.asarray(scalars.checked_scalar(self.dtype, value)), self.dtype))


def index_put_inplace(self, index, value):
    index, consuming = _expand_index(self, index)
    advanced = []
    dim = 0
    for ix in index:
        if _is_advanced(ix):
            t = _index_tensor(ix)
            advanced.append((dim, t))
            dim += t.dim() if t.dtype is dtypes.bool_ else 1
        elif isinstance(ix, slice) and ix == slice(None):
            dim += 1
        elif ix is Ellipsis:
            dim += self.dim() - consuming
        else:
            raise index_error("tensorsh supports mixing advanced indices only with ':' and '...' in assignments")
    key = _np_index(self._shape, advanced)
    v = value._np if isinstance(value, Tensor) else value
    if isinstance(value, Tensor):  # (index_put_: the value, leading 1-dims dropped, must broadcast to the result)
        vshape, target = value._shape, np.empty(self._shape, np.bool_)[key].shape
        while vshape and vshape[0] == 1 and len(vshape) > len(target):
            vshape = vshape[1:]
        if len(vshape) > len(target) or any(a not in (1, b) for a, b in zip(vshape[::-1], target[::-1])):
            raise runtime(f"shape mismatch: value tensor of shape {_shape_list(value._shape)} cannot be broadcast to "
                          f"indexing result of shape {_shape_list(target)}")
        v = v.reshape(vshape)

    def write(arr):
        arr[key] = v
    return write_inplace(self, write, lambda: IndexPutBackward0(self, value, key), (value,))


class IndexPutBackward0(Node):
    __slots__ = ("key", "value_shape")

    def __init__(self, x, value, key):
        Node.__init__(self, (edge_of(x), operand_edge(value)))
        self.key = key
        self.value_shape = value._shape if isinstance(value, Tensor) else ()

    def backward(self, g):
        gs = g._np.copy()
        gs[self.key] = 0
        gv = None
        if self.next_functions[1][0] is not None:
            gv, shape = from_numpy(np.asarray(g._np[self.key]), g.dtype), self.value_shape
            extra = builtins.max(len(shape) - gv.dim(), 0)  # (leading 1-dims of the value that index_put_ dropped)
            gv = sum_to(gv, shape[extra:])
            gv = gv.reshape(shape) if extra else gv
        return (from_numpy(gs, g.dtype), gv)


# ------------------------------------------------------------------ in-place machinery


# ------------------------------------------------------------------ copies and conversions


# ------------------------------------------------------------------ new_* (same dtype as self)


# ------------------------------------------------------------------ softmax and losses (torch.nn.functional)

class SoftmaxBackward0(Node):
    __slots__ = ("dim",)
    log = False

    def __init__(self, x, out, dim):
        Node.__init__(self, (edge_of(x),))
        self.dim = dim
        self.saved = (SavedTensor(out, is_output=True),)

    def backward(self, g):
        y, = self.unpack()
        r = _softmax_backward(g, y, self.dim, self.log)
        if r is not None:
            return (r,)
        if self.log:
            return (g - y.exp() * g.sum(self.dim, keepdim=True),)
        return (y * (g - (g * y).sum(self.dim, keepdim=True)),)


class LogSoftmaxBackward0(SoftmaxBackward0):
    log = True


def _softmax_backward(g, y, dim, log):
    """PyTorch's own kernel for the gradient, where no graph is recorded through it and the kernels have it."""
    if autograd._grad_enabled[0] or g._shape != y._shape:
        return None
    gn, yn = g._np, y._np
    if yn.ndim == 0:
        gn, yn, dim = gn.reshape(1), yn.reshape(1), 0
    r = kernels.softmax_backward(gn, yn, dim, log)
    return None if r is None else fresh(r.reshape(y._shape), y.dtype)


def _softmax_op(self, dim, dtype, node_cls):
    check_dtype("log_softmax" if node_cls.log else "softmax", dtype)
    d = self._wrap_dim(dim)
    if self.numel() == 0:  # no kernel runs on nothing (so no dtype check either)
        out = fresh(np.empty(self._shape, (dtype or self.dtype).np), dtype or self.dtype)
        if needs_grad(self):
            attach(out, node_cls(self, out, d))
        return out
    if dtype is None and self.dtype.category < 2:
        kernel = ("log_softmax" if node_cls.log else "softmax") + ("_lastdim" if d >= self.dim() - 1 else "")
        raise errors.make("NotImplementedError", f"\"{kernel}_kernel_impl\" not implemented for "
                                                 f"'{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    x = self._np if dtype is None else self._np.astype(dtype.np)
    half = x.dtype == np.float16  # (PyTorch computes half in float, rounding the result once)
    x = x.astype(np.float32) if half else x
    if x.ndim == 0:
        x, d = x.reshape(1), 0  # as PyTorch views a 0-d input
    r = (kernels.log_softmax if node_cls.log else kernels.softmax)(x, d)
    r = r.astype(np.float16) if half and r is not None else r
    if r is None:
        shifted = x - np.max(x, axis=d, keepdims=True)
        e = np.exp(shifted)
        r = shifted - np.log(np.sum(e, axis=d, keepdims=True)) if node_cls.log else e / np.sum(e, axis=d, keepdims=True)
        r = np.asarray(r, dtype=np.float16 if half else x.dtype)
    out = fresh(r.reshape(self._shape), dtype or self.dtype)
    if needs_grad(self):
        attach(out, node_cls(self, out, d))
    return out


def softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, SoftmaxBackward0)


def log_softmax(self, dim, dtype=None):
    return _softmax_op(self, dim, dtype, LogSoftmaxBackward0)


# ------------------------------------------------------------------ joining


# ------------------------------------------------------------------ the rows (see ops/registry.py)


op("mm", mm, function=True)
op("bmm", bmm, function=True)
op("dot", dot, function=True)
op("mv", mv, function=True)
op("matmul", matmul, function=True, operators=("__matmul__",))
op("softmax", softmax, function=True)
op("log_softmax", log_softmax, function=True)
op("index_put_", index_put_inplace)
op("__getitem__", getitem, method=False, operators=("__getitem__",))
op("__setitem__", setitem, method=False, operators=("__setitem__",))
operator("__rmatmul__", lambda self, other: matmul(other, self) if type(other) is Tensor else NotImplemented)

"""Ops PyTorch composes from others, composed here from the engine's ops in PyTorch's order (so their grad_fn chains are
PyTorch's): atleast_1d/2d/3d, flipud, fliplr, argwhere, take_along_dim, repeat_interleave, diff, meshgrid, the stacks
(hstack/vstack/dstack/column_stack/row_stack); and rad2deg/deg2rad, fmax/fmin with their own nodes."""
import math

import numpy as np

from .. import dtypes, kernels, layout, messages
from ..tensorimpl import CONTIGUOUS_FORMAT
from ..autograd import Node, SavedTensor, edge_of
from ..errors import make, runtime, type_error, warn_once
from .copies import copy_inplace
from .joining import cat
from .core import (BinaryNode, Tensor, attach, binary_operands, check_broadcast,
                   empty_strided, fresh, laid_out_like, needs_grad, type_name)


def check_tensors(values, arg):
    """PyTorch's parser on a list of tensors: the first element that is not one."""
    for i, v in enumerate(values):
        if not isinstance(v, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument {arg}, but got {type_name(v)}")


def repeat_interleave(self, repeats=None, dim=None, *, output_size=None):
    if repeats is None:  # torch.repeat_interleave(repeats): the indices repeated
        return _repeat_indices(self, output_size)
    if not isinstance(self, Tensor):
        raise type_error(f"repeat_interleave(): argument 'input' (position 1) must be Tensor, not {type_name(self)}")
    x = self if dim is not None else self.flatten()
    given = 0 if dim is None else dim
    if isinstance(repeats, Tensor):
        if repeats.dim() > 1:
            raise runtime("repeats must be 0-dim or 1-dim tensor")
        if not x._shape:  # (input.size(dim) of a 0-dim tensor)
            raise make("IndexError", messages.DIM_NO_DIMS.format(given))
        d = x._wrap_dim(given)
        if repeats.dim() == 0 or repeats._shape[0] == 1:
            repeats = repeats.reshape(1).expand(x._shape[d])
        elif repeats._shape[0] != x._shape[d]:
            raise runtime(f"repeats must have the same size as input along dim, but got repeats.size(0) = "
                          f"{repeats._shape[0]} and input.size({given}) = {x._shape[d]}")
        return x.index_select(d, _repeat_indices(repeats, output_size))
    d = x._wrap_dim(given)
    if repeats < 0:
        raise runtime("Repeats must be non-negative")
    n = x._shape[d] if x._shape else 1
    x = x.unsqueeze(d + 1)  # (of a 0-dim tensor given a dim: unsqueeze's range error)
    if output_size is not None and output_size != n * repeats:
        raise runtime(f"repeat_interleave: Invalid output_size, expected {n * repeats} but got {output_size}")
    shape = list(x._shape)
    shape[d + 1] = repeats
    # (ATen's clone in contiguous format: a channels-last input's result is contiguous)
    return x.expand(*shape).clone(memory_format=CONTIGUOUS_FORMAT).flatten(d, d + 1)


def _repeat_indices(repeats, output_size=None):
    if repeats.dtype.category != 1:  # (the kernel's dispatch comes first)
        raise make("NotImplementedError", f"\"repeat_interleave_cpu\" not implemented for "
                                          f"'{dtypes.SCALAR_NAMES[repeats.dtype.name]}'")
    if repeats.dim() != 1:
        raise runtime("repeat_interleave only accept 1D vector as repeat")
    if repeats.dtype not in (dtypes.int64, dtypes.int32):
        raise runtime("repeats has to be Long or Int tensor")
    if output_size is not None and repeats.numel() and output_size != int(repeats._np.sum()):
        raise runtime("allocated size does not match required size")  # (checked before each repeat's sign)
    if repeats.numel() and repeats._np.min() < 0:
        raise runtime("repeats can not be negative")
    return fresh(np.repeat(np.arange(repeats.numel(), dtype=np.int64), repeats._np), dtypes.int64)


def diff(self, n=1, dim=-1, prepend=None, append=None):
    if not self._shape:
        raise runtime("diff expects input to be at least one-dimensional")
    if n < 0:
        raise runtime(f"order must be non-negative but got {n}")
    d = self._wrap_dim(dim)
    for other in (prepend, append):  # (ATen's diff_check_compatible_shape, before cat's own checks)
        if other is None:
            continue
        if other.dim() != self.dim():
            raise runtime("diff expects prepend or append to be the same dimension as input")
        for i, (a, b) in enumerate(zip(self._shape, other._shape)):
            if i != d and a != b:
                raise runtime("diff expects the shape of tensor to prepend or append to match that of input except "
                              f"along the differencing dimension; input.size({i}) = {a}, but got tensor.size({i}) = {b}")
    if n == 0:  # (ATen's empty_like(self).copy_(self), prepend and append unused: version 1, CopyBackwards)
        stride = layout.format_strides(self, None)
        return copy_inplace(empty_strided((self._shape, stride, 0), self.dtype), self)
    if prepend is not None or append is not None:
        parts = [t for t in (prepend, self, append) if t is not None]
        self = cat(parts, d)
    out_len = self._shape[d] - 1
    result = self
    for _ in range(min(n, self._shape[d])):
        if self.dtype is dtypes.bool_:
            result = result.narrow(d, 1, out_len).logical_xor(result.narrow(d, 0, out_len))
        else:
            result = result.narrow(d, 1, out_len) - result.narrow(d, 0, out_len)
        out_len -= 1
    return result


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    check_tensors(tensors, 0)
    if indexing is None:
        warn_once("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.")
        indexing = "ij"
    if isinstance(indexing, bytes):  # (the parser's str reads bytes too)
        indexing = indexing.decode()
    if not isinstance(indexing, str):
        raise type_error(f"meshgrid(): argument 'indexing' must be str, not {type(indexing).__name__}")
    if not tensors:
        raise runtime("meshgrid expects a non-empty TensorList")
    if any(t.dtype is not tensors[0].dtype for t in tensors):
        raise runtime("meshgrid expects all tensors to have the same dtype")
    if indexing not in ("ij", "xy"):
        raise runtime(f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}')
    refs = list(tensors)
    swap = indexing == "xy" and len(refs) >= 2
    if swap:  # (ATen swaps the first two before it checks their dims)
        refs[0], refs[1] = refs[1], refs[0]
    for t in refs:
        if t.dim() > 1:
            raise runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: " + _streamed(t))
    shape = [t.numel() for t in refs]
    grids = []
    for i, t in enumerate(refs):
        view_shape = [1] * len(refs)
        view_shape[i] = -1
        grids.append(t.view(*view_shape).expand(*shape))
    if swap:
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)


def _streamed(t):
    """A tensor streamed into an ATen message: its values converted to double (a complex one's real part, with
    copy_'s warning)."""
    values = t.detach()._np
    if np.iscomplexobj(values):
        if values.size:
            warn_once(messages.COMPLEX_TO_REAL)
        values = values.real
    return messages.cpp_tensor(np.asarray(values, np.float64), tuple(t.shape), dtypes.cpp_type_name(t.dtype))


def _tensor_seq(name, tensors, kernel=None):
    """tensors checked as the Python binding of `name` does, then as its kernel (`kernel`, default `name`) does."""
    if not isinstance(tensors, (list, tuple)):
        raise type_error(f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
                         f"{type_name(tensors)}")
    check_tensors(tensors, 0)
    if not tensors:
        raise runtime(f"{kernel or name} expects a non-empty TensorList")
    return list(tensors)


def _at_least(t, n):
    if t.dim() >= n:
        return t
    if t.dim() == 0:
        return t.reshape(*([1] * n))
    if n == 2 or t.dim() == 2:
        return t.unsqueeze(0) if n == 2 else t.unsqueeze(-1)
    return t.unsqueeze(0).unsqueeze(-1)  # 1-D to 3-D


def hstack(tensors):
    ts = [_at_least(t, 1) for t in _tensor_seq("hstack", tensors)]
    return cat(ts, 0 if ts[0].dim() == 1 else 1)


def vstack(tensors):
    return cat([_at_least(t, 2) for t in _tensor_seq("vstack", tensors)], 0)


def row_stack(tensors):
    return cat([_at_least(t, 2) for t in _tensor_seq("row_stack", tensors, "vstack")], 0)  # (ATen's
    # row_stack is vstack)


def dstack(tensors):
    return cat([_at_least(t, 3) for t in _tensor_seq("dstack", tensors)], 2)


def column_stack(tensors):
    ts = _tensor_seq("column_stack", tensors)
    return cat([t.reshape(t.numel(), 1) if t.dim() <= 1 else t for t in ts], 1)


def _at_least_function(n):
    one = _at_least

    def op(*tensors):
        if len(tensors) == 1 and not isinstance(tensors[0], (list, tuple, Tensor)):
            got = type_name(tensors[0])
            raise type_error(f"atleast_{n}d() received an invalid combination of arguments - got ({got}), but expected "
                             f"one of:\n * (Tensor input)\n      didn't match because some of the arguments have "
                             f"invalid types: (!{got}!)\n * (tuple of Tensors tensors)\n      didn't match because "
                             f"some of the arguments have invalid types: (!{got}!)\n")
        if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
            tensors = tuple(tensors[0])
        elif len(tensors) == 1:
            return one(tensors[0], n)
        check_tensors(tensors, 0)
        return tuple(one(t, n) for t in tensors)
    op.__name__ = op.__qualname__ = f"atleast_{n}d"
    return op


atleast_1d, atleast_2d, atleast_3d = _at_least_function(1), _at_least_function(2), _at_least_function(3)


def flipud(self):
    if self.dim() < 1:
        raise runtime("Input must be >= 1-d.")
    return self.flip(0)


def fliplr(self):
    if self.dim() < 2:
        raise runtime("Input must be >= 2-d.")
    return self.flip(1)


def argwhere(self):
    from .sorting import nonzero_kernel
    return nonzero_kernel(self)


def take_along_dim(self, indices, dim=None):
    if dim is None:
        return self.view(-1).gather(0, indices.view(-1))
    from .args import along_dim_operands
    self, indices, d = along_dim_operands(self, indices, dim)
    # indices wrapped into the dim's size (remainder's, Python's sign: -1 is the last, 7 of 3 is 1; of 0, its
    # ZeroDivisionError) -- so no index is out of bounds
    return self.gather(d, indices.remainder(self._shape[d]) if indices.numel() else indices)


class _ScaleBackward(Node):
    __slots__ = ()
    factor = 1.0

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        return (g.mul(self.factor),)


class Rad2DegBackward0(_ScaleBackward):
    factor = 180.0 / math.pi


class Deg2RadBackward0(_ScaleBackward):
    factor = math.pi / 180.0


def _scaled(node_cls):
    def op(self):
        from .. import autograd
        with autograd.no_grad():
            x = self if self.dtype.category == 2 else self.to(dtypes.DEFAULT_FLOAT)
            out = x.mul(node_cls.factor)
        if needs_grad(self):
            attach(out, node_cls(self))
        return out
    return op


rad2deg, deg2rad = _scaled(Rad2DegBackward0), _scaled(Deg2RadBackward0)


def _scaled_inplace(node_cls):
    def op(self):
        from .. import autograd
        from .core import cast_for_inplace, precheck, write_inplace
        precheck(self)
        with autograd.no_grad():
            values = _scaled(node_cls)(self)
        cast_for_inplace(self, values.dtype)
        return write_inplace(self, lambda arr: arr.__setitem__(Ellipsis, values._np), lambda: node_cls(self))
    return op


rad2deg_inplace, deg2rad_inplace = _scaled_inplace(Rad2DegBackward0), _scaled_inplace(Deg2RadBackward0)


class FmaxBackward0(BinaryNode):
    """fmax: the gradient goes to self where self >= other or other is NaN, to other elsewhere (fmin: <=)."""
    pick = staticmethod(np.greater_equal)
    saved_names = ("self", "other")

    def setup(self, a, b, out):
        self.saved = (SavedTensor(a), SavedTensor(b))

    def grads(self, g):
        a, b = self.unpack()
        keep = (a >= b if self.pick is np.greater_equal else a <= b).logical_or(b.isnan())
        return ((g.masked_fill(keep.logical_not(), 0) if self.wants(0) else None),
                (g.masked_fill(keep, 0) if self.wants(1) else None))


class FminBackward0(FmaxBackward0):
    pick = staticmethod(np.less_equal)
    saved_names = ("self", "other")


def _fm(np_fn, node_cls):
    def op(self, other):
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        out = laid_out_like(np.asarray(kernels.first_at_ties(np_fn(an, bn), an, bn), dt.np), dt, self, other)
        if needs_grad(self, other):
            attach(out, node_cls(self, other, out))
        return out
    return op


fmax, fmin = _fm(np.fmax, FmaxBackward0), _fm(np.fmin, FminBackward0)


def ravel(self):
    """Tensor.ravel: contiguous() then view(-1) (a clone first when self is not contiguous)."""
    return self.contiguous().view(-1)


def msort(self):
    return self.sort(0)[0]

"""Reductions whose out= is their own input (`torch.var(x, 1, out=x)`, `torch.max(x, 0, out=(x, i))`): ATen's
out and self are then one TensorImpl, so every resize of out reshapes self under the kernel, which reads self as
it has become, the elements it has already written included. Two kernel families are modelled:

- make_reduction's (std, var, linalg.vector_norm): out is resized to the reduced shape (vector_norm's meta does it
  first, its impl re-wraps dim against the resized self and reduces again), then viewed with the reduced dims of the
  input's rank put back at stride 0, and a TensorIterator broadcasts that view against self as it now is; each output
  element in turn reduces its elements of self from memory as it is then.
- compare_base_kernel's (max/min with a dim, aminmax, and mode's): the structured meta resizes the outs (mode_out has
  no meta: its kernel reads self's dim size and stride before any resize); the kernel wraps dim
  against the resized self, takes that dim's size and stride, unsqueezes each out at dim, resizes it to self's
  shape with that dim 1 (self shrinks with it), and each output reads that many elements at that stride from its
  own place; then the outs are squeezed again. A 0-dim self is filled. (ATen hands those outputs to its threads one
  by one: where one output's elements are read after another's write, two threads can finish in either order; the
  model runs them in order.)
"""
import numpy as np

from .. import dtypes
from ..errors import silenced
from ..tensorimpl import Tensor, storage_view
from .core import Shaped, check_broadcast, from_numpy, write_inplace
from .geometry_inplace import _restride

_COMPARED = frozenset({"max", "min", "aminmax", "mode"})
_MADE_REDUCTIONS = frozenset({"std", "var", "linalg_vector_norm"})


def reads_itself(name, outs, args, kwargs):
    """Whether name(..., out=) writes its own input in a way modelled here."""
    self = args[0] if args else None
    if not isinstance(self, Tensor) or not self.numel() or self.dtype.category == 3:
        return False
    if name in ("max", "min"):
        return len(args) + len(kwargs) >= 2 and isinstance(_arg(args, kwargs, 1, "dim"), int) and outs[0] is self
    if name == "aminmax":
        return any(o is self for o in outs)
    if name == "mode":  # (values and indices one tensor: unsqueezed twice, not modelled)
        return self.dim() > 0 and any(o is self for o in outs) and outs[0] is not outs[1]
    return name in _MADE_REDUCTIONS and outs[0] is self and self.dtype in (dtypes.float32, dtypes.float64)


def reduce_into_input(name, fn, outs, args, kwargs, resize, return_type):
    result = fn(*args, **kwargs)  # (the op's own argument checks, on self as given, come first)
    results = result if isinstance(result, tuple) else (result,)
    ndim = args[0].dim()
    for r, o in zip(results, outs):  # (the meta function's set_output; std/var's make_reduction: the same shape;
        if name != "mode":           # mode_out has none: its kernel resizes)
            resize(r._shape, o, r.dtype)
    if name in _COMPARED:
        _compare_into_input(name, outs, args, kwargs, resize, ndim)
    else:
        _made_reduction_into_input(name, fn, outs[0], args, kwargs, resize, ndim)
    return return_type(type(result))(outs) if isinstance(result, tuple) else outs[0]


def _arg(args, kwargs, i, key, default=None):
    return args[i] if len(args) > i else kwargs.get(key, default)


def _compare_into_input(name, outs, args, kwargs, resize, ndim):
    self = args[0]
    if name == "aminmax":  # (its impl wraps dim against self as resized)
        dim, keepdim = kwargs.get("dim"), kwargs.get("keepdim", False)
    elif name == "mode":  # (no resize before its kernel, which reads self's dim size and stride first)
        dim, keepdim = _arg(args, kwargs, 1, "dim", -1), _arg(args, kwargs, 2, "keepdim", False)
    else:  # (max.dim's meta precomputes dim wrapped against self as given)
        dim, keepdim = _arg(args, kwargs, 1, "dim"), _arg(args, kwargs, 2, "keepdim", False)
        dim = dim % max(ndim, 1) if dim < 0 else dim
    if dim is None:  # (aminmax's all-reduce of self.contiguous(): its first element, now 0-dim)
        value = self._np.reshape(-1)[0]
        for o in outs:
            _write(o, np.full(o._shape, value, o.dtype.np))
        return
    d = self._wrap_dim(dim)
    if self.dim() == 0 and self.numel() == 1:  # (the fill of a one-element 0-dim self)
        value = self._np[()]
        for i, o in enumerate(outs):
            if name == "aminmax":  # (resize_({}): no warning)
                _restride(o, (), ())
            _write(o, np.full(o._shape, 0 if i and name != "aminmax" else value, o.dtype.np))  # (indices: 0)
        return
    size, stride = self._shape[d], self._stride[d]
    kept = list(self._shape)
    kept[d] = 1
    if name == "mode":  # (the out= resize unsqueezes mode's outs at dim itself: its warning names that shape)
        for o in outs:
            resize(tuple(kept) if keepdim else tuple(kept[:d] + kept[d + 1:]), o, o.dtype, to_kernel_shape=True)
    else:
        if not keepdim:
            for o in outs:
                if o.dim() >= d:
                    _unsqueeze(o, d)
        for o in outs:
            resize(tuple(kept), o, o.dtype)
    buffer = buffer_of(self)
    src = storage_view(buffer, self.dtype, tuple(kept) + (size,), self._stride + (stride,), self._offset)
    firsts, seconds = np.empty(tuple(kept), self.dtype.np), np.empty(tuple(kept), outs[1].dtype.np)
    written = storage_view(buffer, self.dtype, tuple(kept), self._stride, self._offset)
    for ix in np.ndindex(*kept):  # (one output after another, each reading memory as the last left it)
        row = src[ix]
        firsts[ix], seconds[ix] = _mode(row, self.dtype) if name == "mode" else _compared(name, row)
        if outs[0] is self:
            written[ix] = firsts[ix]
        elif outs[1] is self:
            written[ix] = seconds[ix]
    _write(outs[0], firsts)
    _write(outs[1], seconds.astype(outs[1].dtype.np))
    if not keepdim:
        for o in outs:
            _squeeze(o, d)


def _mode(row, dt):
    """mode_kernel_impl's (value, index) of one row, by the engine's own mode."""
    values, indices = from_numpy(np.array(row), dt).mode(0)
    return values._np[()], indices._np[()]


def _compared(name, row):
    """(values, indices) of max/min along a row (the first extreme, or the first NaN), or aminmax's (min, max)."""
    nans = np.isnan(row) if row.dtype.kind == "f" else np.zeros(row.shape, bool)
    if name == "aminmax":
        if nans.any():
            return row[nans.argmax()], row[nans.argmax()]
        return row.min(), row.max()
    if nans.any():
        at = int(nans.argmax())
    else:
        at = int(row.argmax() if name == "max" else row.argmin())
    return row[at], at


def _made_reduction_into_input(name, fn, out, args, kwargs, resize, ndim):
    self = out
    mask, keepdim = _reduced_dims(fn, args, kwargs, ndim)
    if name == "linalg_vector_norm":  # (its impl: dim wrapped against self as resized, make_reduction again)
        ndim = self.dim()
        listed = fn.keywords["dim"] or ()  # (fn: vector_norm_call's partial of norm)
        wrapped = {self._wrap_dim(x) for x in listed}
        mask = [not listed or i in wrapped for i in range(ndim)]
        shape = tuple(1 if m else n for n, m in zip(self._shape, mask) if keepdim or not m)
        resize(shape, self, self.dtype)
    if keepdim:
        view_shape, view_stride = self._shape, self._stride
    else:
        view_shape, view_stride, kept = [], [], iter(zip(self._shape, self._stride))
        for m in mask:
            n, st = (1, 0) if m else next(kept, (1, 0))
            view_shape.append(n)
            view_stride.append(st)
        view_shape, view_stride = tuple(view_shape), tuple(view_stride)
    shape = _broadcast(view_shape, self._shape)
    reduced = [i for i, n in enumerate(shape) if i < len(mask) and mask[i] or view_stride[i] == 0 and n > 1]
    lead = len(shape) - self.dim()
    in_stride = tuple([0] * lead + [st if n > 1 else 0 for n, st in zip(self._shape, self._stride)])
    buffer = buffer_of(self)
    src = storage_view(buffer, self.dtype, shape, in_stride, self._offset)
    dest = storage_view(buffer, self.dtype, shape, view_stride, self._offset)
    outer = [n if i not in reduced else 1 for i, n in enumerate(shape)]
    # (each piece reduced by the op itself, over the reduced dims of the piece)
    if name == "linalg_vector_norm":
        def reduce(piece):
            return fn(piece, dim=tuple(reduced))
    else:
        def reduce(piece):
            given = args[1:] if len(args) > 1 and isinstance(args[1], bool) else args[2:]  # (std(x, unbiased))
            return fn(piece, tuple(reduced), *given, **{k: v for k, v in kwargs.items() if k != "dim"})
    # (the iterator's degrees-of-freedom warning, its numel over its outputs': the op's own on zeros of its shape)
    reduce(from_numpy(np.zeros(shape, self.dtype.np), self.dtype))
    with silenced():
        for ix in np.ndindex(*outer):
            at = tuple(slice(None) if i in reduced else k for i, k in enumerate(ix))
            piece = np.array(src[at]).reshape([shape[i] if i in reduced else 1 for i in range(len(shape))])
            value = reduce(from_numpy(piece, self.dtype))
            dest[ix] = value._np.reshape(-1)[0]
    _write(self, storage_view(buffer, self.dtype, self._shape, self._stride, self._offset).copy())


def _reduced_dims(fn, args, kwargs, ndim):
    """(which of an ndim-dim input's dims the call reduces, keepdim): the call made on zeros of sizes 2, 3, 4, ..."""
    probe = from_numpy(np.zeros(tuple(range(2, ndim + 2)), np.float64), dtypes.float64)
    with silenced():
        shape = fn(probe, *args[1:], **kwargs)._shape
    keepdim = ndim > 0 and len(shape) == ndim
    if keepdim:
        return [n == 1 for n in shape], True
    return [n not in shape for n in range(2, ndim + 2)], False


def _broadcast(a, b):
    """TensorIterator's shape of out (a) and self (b), with its message when they do not broadcast."""
    check_broadcast(Shaped(a), Shaped(b))
    return tuple(np.broadcast_shapes(a, b))


def buffer_of(t):
    """A copy of t's storage bytes, as storage_view reads a storage: a kernel's writes simulated on it."""
    return type("Buffer", (), {"data": np.frombuffer(t._storage.data, np.uint8).copy()})()


def _unsqueeze(t, d):
    """unsqueeze_ of an out (metadata only: no version, no history)."""
    stride = t._shape[d] * t._stride[d] if d < t.dim() else 1
    _restride(t, t._shape[:d] + (1,) + t._shape[d:], t._stride[:d] + (stride,) + t._stride[d:])


def _squeeze(t, d):
    if d < t.dim() and t._shape[d] == 1:
        _restride(t, t._shape[:d] + t._shape[d + 1:], t._stride[:d] + t._stride[d + 1:])


def _write(out, values):
    """The kernel's writes into an out: one version, no history."""
    from .. import autograd

    def write(arr):
        arr[...] = np.asarray(values, out.dtype.np)
    with autograd.no_grad():
        write_inplace(out, write, None)

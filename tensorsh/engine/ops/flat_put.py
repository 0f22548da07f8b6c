"""put_/put: writes at flat (row-major) indices of a tensor, the inverse of take. (Loaded on first use: rows in
ops/lazy.py.)"""
import numpy as np

from .. import dtypes, layout, undo
from ..defaults import alert_not_deterministic
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of, should_compute_output
from ..errors import TorchError, index_error, runtime, type_error
from .core import (attach, check_overlap, fold_at, inference_saved_by, needs_grad, operand_edge, precheck, type_name,
                   write_inplace)


class PutBackward0(Node):
    """self's gradient is the incoming one with the written places zeroed (kept whole when accumulating); source's
    is what take() reads back at the index. source is saved only for its own gradient (self's formula reads its
    size alone: derivatives.yaml's zeros_like(source), a TypeAndSize), so `_saved_source` is None otherwise."""
    __slots__ = ("accumulate", "source_shape")
    saved_names, saved_values = ("index", "source"), {"accumulate": "accumulate"}

    def __init__(self, x, index, source, accumulate):
        Node.__init__(self, (edge_of(x), operand_edge(source)))
        self.accumulate, self.source_shape = accumulate, source._shape
        self.saved = (SavedTensor(index), SavedTensor(source) if self.next_functions[1][0] else NOTHING_SAVED)

    def backward(self, g):
        index, _ = self.unpack()  # (source too when saved: its version is checked)
        gx = gs = None
        if self.next_functions[0][0] is not None:
            gx = g if self.accumulate else g.put(index, g.new_zeros(self.source_shape))
        if should_compute_output(self, 1):
            gs = g.take(index).reshape(self.source_shape)
        return gx, gs


def _checked(self, index, source, accumulate, inplace=False):
    if not isinstance(index, Tensor_()):
        raise type_error(f"put_(): argument 'index' (position 1) must be Tensor, not {type_name(index)}")
    if not isinstance(source, Tensor_()):
        raise type_error(f"put_(): argument 'source' (position 2) must be Tensor, not {type_name(source)}")
    if not accumulate:  # (a repeated index: which value stays is unspecified)
        alert_not_deterministic("put_")
    if index.dtype is not dtypes.int64:
        raise runtime(f"put_(): Expected a long tensor for index, but got {dtypes.SCALAR_NAMES[index.dtype.name]}")
    if source.dtype is not self.dtype:
        raise runtime(f"put_(): self and source expected to have the same dtype, but got self.dtype = "
                      f"{dtypes.SCALAR_NAMES[self.dtype.name]} and source.dtype = "
                      f"{dtypes.SCALAR_NAMES[source.dtype.name]}")
    n, m = source._np.size, index._np.size
    if n != m:
        raise index_error(f"put_(): Expected source and index to have the same number of elements, but got "
                          f"source.numel() = {n}, index.numel() = {m}")
    size = self._np.size
    if size == 0 and m:
        raise index_error("put_(): Tried to put elements into an empty tensor")
    if inplace:  # (put's self is a fresh clone: nothing to check)
        precheck(self, overlap=False)  # (assert_no_internal_overlap(self), then no overlap with index or source)
        check_overlap(self, (index, source))
    flat = index._np.reshape(-1)
    bad = (flat >= size) | (flat < -size)
    if bad.any():
        error = index_error(f"out of range: tried to access index {int(flat[bad][0])} on a tensor of {size} elements.")
        error.written = int(np.argmax(bad))  # (the kernel's loop wrote the elements before it)
        raise error
    return np.where(flat < 0, flat + size, flat), source._np.reshape(-1)


def Tensor_():
    from ..tensorimpl import Tensor
    return Tensor


def _write(arr, flat, values, accumulate, dtype):
    """Row-major positions of arr (any strides): a repeated index keeps the last value, or adds them all (in turn,
    a float16/bfloat16 sum rounded after each)."""
    positions = np.unravel_index(flat, arr.shape) if arr.ndim else ()
    if accumulate:
        fold_at(np.add, arr.reshape(arr.shape or (1,)), positions or (np.zeros(flat.size, np.intp),), values, dtype,
                in_turn=True)
    elif arr.ndim:
        arr[positions] = values
    elif values.size:
        arr[()] = values[-1]


def put_inplace(self, index, source, accumulate=False):
    precheck(self, source, internal_overlap=False, overlap=False)
    try:
        flat, values = _checked(self, index, source, accumulate, inplace=True)
    except TorchError as e:
        count = getattr(e, "written", 0)
        if count:  # (what put_'s loop wrote before an index out of bounds stays written, as in PyTorch)
            size = self._np.size
            written = index._np.reshape(-1)[:count]
            undo.touch(self._storage)
            _write(self._np, np.where(written < 0, written + size, written), source._np.reshape(-1)[:count],
                   accumulate, self.dtype)
        raise
    return write_inplace(self, lambda arr: _write(arr, flat, values, accumulate, self.dtype),
                         lambda: PutBackward0(self, index, source, accumulate), (source,))


def put(self, index, source, accumulate=False):
    inference_saved_by((self, index, source), (index,))
    flat, values = _checked(self, index, source, accumulate)
    arr = np.array(self._np, copy=True, order="C")
    _write(arr, flat, values, accumulate, self.dtype)
    out = layout.like(arr, self.dtype, self)  # (ATen's self.clone(preserve_format).put_(...))
    if needs_grad(self, source):
        attach(out, PutBackward0(self, index, source, accumulate))
    return out

"""Ops that copy elements into a new arrangement: flip, roll, repeat, tile, tril/triu, diag. (Loaded on first
use: rows in ops/lazy.py.)"""
import numpy as np

from .. import autograd, layout, messages
from ..errors import index_error, runtime, type_error
from ..saved_names import as_given, as_program_gave, given, unsigned
from ..tensorimpl import _shape_list
from .args import _fresh, _int_list, _wrap_dims
from .core import (InputNode, attach, check_internal_overlap, embed, fresh, needs_grad, precheck, type_name,
                   viewed_from_inference, write_inplace, write_values)


class FlipBackward0(InputNode):
    fields = ("dims",)
    saved_values = {"dims": as_given("dims")}

    def backward(self, g):
        return (g.flip(as_program_gave(self, "dims")),)


def flip(self, *dims):
    if not dims:
        raise type_error('flip() missing 1 required positional arguments: "dims"')
    given_dims = _int_list("flip", "dims", dims)
    dims = _wrap_dims(self, "flip", given_dims)
    out = layout.like(np.flip(self._np, dims) if self.dim() else self._np.copy(), self.dtype, self)  # (empty_like)
    if needs_grad(self):
        attach(out, given(FlipBackward0(self, dims), dims=given_dims))
    return out


class RollBackward0(InputNode):
    fields = ("shifts", "dims")
    saved_values = {"shifts": lambda n: tuple(map(unsigned, n.shifts)), "dims": lambda n: tuple(map(unsigned, n.dims))}

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
        # (an empty tensor is cloned before its dims are read)
        values = np.roll(self._np, shifts, tuple(self._wrap_dim(d) for d in dims)) if self.numel() else self._np
    # (roll's kernel writes into empty_like(self, suggest_memory_format): a channels-last input's format kept)
    fmt = layout.suggest_memory_format(self) if dims else None
    out = layout.in_format(values, self.dtype, fmt) if fmt is not None and fmt.rank else fresh(_fresh(values),
                                                                                                self.dtype)
    if needs_grad(self):
        attach(out, RollBackward0(self, shifts, dims))
    return out if dims else viewed_from_inference((self,), out, (self.numel(),))


class RepeatBackward0(InputNode):
    fields = ("repeats", "shape")
    saved_values = {"repeats": lambda n: tuple(n.repeats), "self_sym_sizes": lambda n: tuple(n.shape)}

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
            raise runtime(messages.NEGATIVE_DIMENSION.format(n, _shape_list(target)))
    from ..storage import check_size
    import math
    check_size(math.prod(target) * self.dtype.itemsize)         # Python ints: np.prod would wrap around
    out = fresh(_fresh(np.tile(self._np.reshape(padded), sizes)), self.dtype)
    if needs_grad(self):
        attach(out, RepeatBackward0(self, sizes, self._shape))
    return out if 0 in target else viewed_from_inference((self,), out, target, version=1)


class _TriangleNode(InputNode):
    fields = ("diagonal",)

    def backward(self, g):
        return (getattr(g, self.op)(self.diagonal),)


def _triangle(op, np_fn, name):
    node_cls = type(name, (_TriangleNode,), {"__slots__": (), "name_": name, "op": op,
                                             "saved_values": {"diagonal": lambda n: unsigned(n.diagonal)}})

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

    def fn_inplace(self, diagonal=0):
        """ATen's compute_triu_tril: a self of at most 3 dims, or whose batches lie as a contiguous one's, is
        written in place, only its zeros (an expanded or unfolded self keeps the elements another row zeroed);
        another is computed in a contiguous copy and copied back (copy_'s overlap check, the last write wins)."""
        check(self, diagonal, inplace=True)
        n, m = self._shape[-2:]
        zeroed = ~np.tri(n, m, diagonal, bool) if op == "tril" else np.tri(n, m, diagonal - 1, bool)
        in_place = _batches_in_place(self)
        if not in_place:
            check_internal_overlap(self)
            values = np_fn(self._np, diagonal)

        def make_node():
            return node_cls(self, diagonal)

        def write(arr):
            if in_place:
                arr[..., zeroed] = 0
            else:
                write_values(self, arr, values)
        return write_inplace(self, write, make_node)
    fn.__name__, fn_inplace.__name__ = op, op + "_"
    return fn, fn_inplace


def _batches_in_place(t):
    """checkTrilTriuBatchContiguous(t, allow_zero_stride=True): contiguous, at most 3 dims, or batch dims laid out
    as a contiguous tensor's (the first may be expanded or of size 1)."""
    if t.is_contiguous() or t.dim() <= 3:
        return True
    expected = t._shape[-1] * t._shape[-2]
    for i in range(t.dim() - 3, -1, -1):
        if i == 0 and (t._stride[0] == 0 or t._shape[0] == 1):
            continue
        if t._stride[i] != expected:
            return False
        expected *= t._shape[i]
    return True


tril, tril_inplace = _triangle("tril", np.tril, "TrilBackward0")
triu, triu_inplace = _triangle("triu", np.triu, "TriuBackward0")


def tile(self, *dims):
    dims = _int_list("tile", "dims", dims)
    return repeat(self, *((1,) * (self.dim() - len(dims)) + dims)) if dims or self.dim() else repeat(self, ())


class DiagEmbedBackward0(InputNode):
    fields = ("offset",)
    saved_values = {"dim1": lambda n: unsigned(-2), "dim2": lambda n: unsigned(-1), "offset": lambda n: unsigned(n.offset)}

    def backward(self, g):
        return (g.diagonal(self.offset),)


class DiagonalBackward0_copy(InputNode):  # noqa: N801 (PyTorch's own name, printed as it is)
    fields = ("offset", "shape")
    name_ = "DiagonalBackward0_copy"
    saved_values = {"dim1": lambda n: 0, "dim2": lambda n: 1, "offset": lambda n: unsigned(n.offset),
                    "self_sym_sizes": lambda n: tuple(n.shape)}

    def backward(self, g):
        return (embed(g, self.shape, lambda t: t.diagonal(self.offset), "DiagonalBackwardBackward0",
                      (0, 1, unsigned(self.offset))),)


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
        attach(result, DiagonalBackward0_copy(self, diagonal, self._shape))
    return result


class Rot90Backward0(InputNode):
    fields = ("k", "dims")
    saved_values = {"k": as_given("k"), "dims": lambda n: tuple(map(unsigned, n.dims))}

    def backward(self, g):
        return (g.rot90(-self.k, self.dims),)


def rot90(self, k=1, dims=(0, 1)):
    """ATen's rot90: flip one dim and transpose the result in place (k 1, 3), flip both (2), a clone (0)."""
    dims = list(dims)
    if len(dims) != 2:
        raise runtime(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if self.dim() < 2:
        raise runtime(f"expected total dims >= 2, but got total dims = {self.dim()}")
    self._wrap_dim(dims[0]), self._wrap_dim(dims[1])  # (out of range: IndexError first)
    if dims[0] == dims[1] or abs(dims[0] - dims[1]) == self.dim():
        raise runtime(f"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}")
    k, k_given = k % 4, k
    with autograd.no_grad():
        if k in (1, 3):
            flipped = self.flip(dims[1] if k == 1 else dims[0])
            a, b = flipped._wrap_dim(dims[0]), flipped._wrap_dim(dims[1])
            shape, stride = list(flipped._shape), list(flipped._stride)
            shape[a], shape[b], stride[a], stride[b] = shape[b], shape[a], stride[b], stride[a]
            out = flipped._alias(shape, stride, flipped._offset)
        elif k == 2:
            out = self.flip(*dims)
        else:
            out = fresh(np.array(self._np, order="C"), self.dtype)  # (a contiguous clone)
    if needs_grad(self):
        attach(out, given(Rot90Backward0(self, k, dims), k=k_given))
    return out


def fill_diagonal_inplace(self, fill_value, wrap=False):
    """ATen's fill_diagonal_: fill_ of the main diagonal as an as_strided view (and, wrap, of the diagonal's
    repeats below a tall matrix)."""
    if self.dim() < 2:
        raise runtime("dimensions must larger than 1")
    height, width = self._shape[0], self._shape[1]
    if self.dim() > 2 and any(s != height for s in self._shape[1:]):
        raise runtime("all dimensions of input must be of equal length")
    stride = sum(self._stride)
    size = min(height, width)
    self.as_strided((size,), (stride,), self._offset).fill_(fill_value)
    if wrap and self.dim() == 2 and height > width + 1:
        step = width + 1
        wrap_size = (self.numel() + step - 1) // step - size
        self.as_strided((wrap_size,), (stride,), self._offset + self._stride[0] * (width + 1)).fill_(fill_value)
    return self

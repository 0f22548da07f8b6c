"""Non-constant padding (F.pad's reflect, replicate, circular): ATen's pad dispatch, its checks and texts, the
reflection/replication kernels beside their nodes, and _pad_circular as ATen composes it (slice copies: CopySlices).

Each output element copies one input element (PyTorch's index formulas, negative amounts crop); backward adds
grad_output into grad_input in output order, one element at a time, as PyTorch's CPU padding_backward loop does."""
import numpy as np

from . import autograd, dtypes, layout, messages
from .autograd import Node, SavedTensor, edge_of
from .errors import make, runtime
from .interpolation import _in_rounds
from .ops.core import attach, fresh, needs_grad, operand_edge
from . import autocast
from .autocast import ACTIVE as AUTOCAST

_NAMES = {"reflect": "Reflection", "replicate": "Replication"}


def _not_implemented(message):
    return make("NotImplementedError", message)


def _index(mode, size, left, right):
    """Input index of each output position along one dimension (ATen's ReflectionPad/ReplicationPad index)."""
    i_start, o_start = max(0, -left), max(0, left)
    j = np.arange(size + left + right)
    if mode == "reflect":
        ip = np.where(j < left, 2 * left - j, np.where(j < size + left, j, 2 * (size + left - 1) - j))
    else:
        ip = np.where(j < left, left, np.where(j < size + left, j, size + left - 1))
    return ip - o_start + i_start


class _PadBackward(Node):
    """<Name>Pad<k>DBackward0: saves self (its version checked) and the padding; under create_graph the gradient
    is recorded as PyTorch's <Name>Pad<k>DBackwardBackward0."""
    __slots__ = ("mode", "pad", "format")
    saved_names = ("self",)

    def __init__(self, x, mode, pad):
        Node.__init__(self, (edge_of(x),))
        self.mode, self.pad = mode, pad
        self.format = layout.op_format(x)  # (the gradient is laid out in x's suggested format)
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        x, = self.unpack()
        gx = _pad_backward(g, self.mode, self.pad, x._shape, self.format)
        if autograd._grad_enabled[0] and needs_grad(g, x):
            attach(gx, _NODES[self.mode, len(self.pad) // 2, True](g, x, self.mode, self.pad))
        return (gx,)


class _PadBackwardBackward(Node):
    """derivatives.yaml's <name>_pad<k>d_backward: grad_output's gradient pads the incoming one again, self's is
    zeros_like(self)."""
    __slots__ = ("mode", "pad", "shape")
    saved_names = ()

    def __init__(self, g, x, mode, pad):
        Node.__init__(self, (edge_of(g), edge_of(x)))
        self.mode, self.pad, self.shape = mode, pad, x._shape

    def backward(self, gg):
        nf = self.next_functions
        return (_reflect_or_replicate(gg, self.mode, self.pad) if nf[0][0] is not None else None,
                gg.new_zeros(self.shape) if nf[1][0] is not None else None)


_NODES = {(mode, k, twice): type(name, (base,), {"__slots__": (), "name_": name, "saved_names": base.saved_names,
                                                 "saved_values": {"padding": lambda node: tuple(node.pad)}})
          for mode, title in _NAMES.items() for k in (1, 2, 3)
          for twice, base, name in ((False, _PadBackward, f"{title}Pad{k}DBackward0"),
                                    (True, _PadBackwardBackward, f"{title}Pad{k}DBackwardBackward0"))}


def _flat_index(mode, shape, pad):
    """For the last k = len(pad)//2 dimensions: the flat input position of every output position (row-major)."""
    k = len(pad) // 2
    spatial = shape[-k:]
    index = np.zeros((), np.int64)
    for d in range(k):  # pad lists the last dimension first
        left, right = pad[2 * (k - 1 - d)], pad[2 * (k - 1 - d) + 1]
        index = index[..., None] * spatial[d] + _index(mode, spatial[d], left, right)
    return index.reshape(-1)


def _pad_backward(g, mode, pad, shape, memory_format):
    k = len(pad) // 2
    lead = shape[:-k]
    plane = int(np.prod(shape[-k:]))
    gn = np.ascontiguousarray(g._np).reshape(int(np.prod(lead)), int(np.prod(g._shape[-k:])))
    out = np.zeros((gn.shape[0], plane), gn.dtype)
    index = _flat_index(mode, shape, pad)
    if g.dtype is dtypes.bfloat16:  # (each += in c10::BFloat16, rounded: a cell's k-th addition in round k)
        def update(sel):
            cells = index[sel]
            out[:, cells] = dtypes.to_bfloat16(out[:, cells] + gn[:, sel])
        _in_rounds(index, update)
    else:
        for r in range(gn.shape[0]):  # np.add.at adds in index order: each output element in turn, as PyTorch's loop
            np.add.at(out[r], index, gn[r])
    return layout.in_format(out.reshape(shape), g.dtype, memory_format)


def _check_valid_input(x, k):
    """ATen's padding::check_valid_input: only the batch dimension may be empty."""
    shape = x._shape
    batch = len(shape) == k + 2
    if any(s == 0 for s in (shape[1:] if batch else shape)):
        raise runtime(f"Expected {k + 1}D or {k + 2}D (batch mode) tensor with possibly 0 batch size and other "
                      f"non-zero dimensions for input, but got: {_list(shape)}")


def _list(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def _reflect_or_replicate(x, mode, pad):
    k = len(pad) // 2
    op = f"{'reflection' if mode == 'reflect' else 'replication'}_pad{k}d"
    if x.dtype is dtypes.bool_:
        raise _not_implemented(f"\"{op}\" not implemented for 'Bool'")
    _check_valid_input(x, k)
    shape = x._shape
    nd = len(shape)
    sizes = [shape[nd - 1 - d] for d in range(k)]  # W, H, D
    outs = [sizes[d] + pad[2 * d] + pad[2 * d + 1] for d in range(k)]
    if mode == "reflect":
        for d in range(k):
            left, right = pad[2 * d], pad[2 * d + 1]
            if not (left < sizes[d] and right < sizes[d]):
                raise runtime(f"Argument #{4 + 2 * d}: Padding size should be less than the corresponding input "
                              f"dimension, but got: padding ({left}, {right}) at dimension {nd - 1 - d} of input "
                              f"{_list(shape)}")
    out_shape = list(shape[:nd - k]) + outs[::-1]
    if k == 1 and outs[0] < 1:
        raise runtime(f"input (W: {sizes[0]}) is too small. Calculated output W: {outs[0]}")
    if k == 2 and outs[0] < 1 and outs[1] < 1:
        space = " " if mode == "replicate" else ""
        raise runtime(f"input (H: {sizes[1]}, W: {sizes[0]}{space}) is too small. Calculated output H: {outs[1]} "
                      f"W: {outs[0]}")
    if any(s < 0 for s in outs):
        if mode == "reflect" and k == 2:
            raise runtime("numel: integer multiplication overflow")
        bad = next(s for s in out_shape if s < 0)
        raise runtime(messages.NEGATIVE_DIMENSION.format(bad, _list(out_shape)))
    lead = shape[:nd - k]
    xn = np.ascontiguousarray(x._np).reshape(lead + (int(np.prod(shape[nd - k:])),))
    values = xn[..., _flat_index(mode, shape, pad)]
    out = layout.output_like(values.reshape(out_shape), x.dtype, x)  # (x's suggested format)
    if needs_grad(x):
        attach(out, _NODES[mode, k, False](x, mode, list(pad)))
    return out


def _pad_circular(x, pad):
    """ATen's _pad_circular_symint: an empty output, the input copied into its middle, then each padded
    dimension's ends copied from the other end of the output (corners written more than once)."""
    shape = x._shape
    k = len(pad) // 2
    before = len(shape) - k
    out_shape = list(shape)
    for i in range(k):
        left, right = pad[2 * (k - i - 1)], pad[2 * (k - i - 1) + 1]
        size = shape[before + i]
        out_shape[before + i] = size + left + right
        if not (left <= size and right <= size):
            raise runtime("Padding value causes wrapping around more than once.")
        if out_shape[before + i] < 0:
            raise runtime("Negative padding value is resulting in an empty dimension")
    out = x.new_empty(out_shape)
    out_slice, in_slice = out, x
    for i in range(k):
        dim = k - i + before - 1
        left, right = pad[2 * i], pad[2 * i + 1]
        out_slice = out_slice.narrow(dim, max(left, 0), out_shape[dim] - max(right, 0) - max(left, 0))
        in_slice = in_slice.narrow(dim, max(-left, 0), shape[dim] - max(-right, 0) - max(-left, 0))
    out_slice.copy_(in_slice)
    for i in range(k):
        dim = k - i + before - 1
        left, right = pad[2 * i], pad[2 * i + 1]
        if left > 0:
            out.narrow(dim, 0, left).copy_(out.narrow(dim, out_shape[dim] - left - max(right, 0), left))
        if right > 0:
            out.narrow(dim, out_shape[dim] - right, right).copy_(out.narrow(dim, max(left, 0), right))
    return out


_SUPPORTED = ("Supported combinations for non-constant padding:\n"
              "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
              "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
              "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")


def pad(input, pad, mode, value):
    """at::pad for the non-constant modes (after F.pad's shared checks)."""
    if mode not in ("reflect", "replicate", "circular"):
        raise _not_implemented(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise runtime(f"Padding mode \"{mode}\" doesn't take in value argument")
    n, nd = len(pad), input.dim()
    if not (n in (2, 4, 6) and nd in (n // 2 + 1, n // 2 + 2)):
        raise _not_implemented(f"Padding size {n} is not supported for {nd}D input tensor.\n" + _SUPPORTED)
    if mode == "circular":
        return _pad_circular(input, list(pad))
    if AUTOCAST[0] and (mode == "replicate" or n < 6):  # (reflection_pad1d/2d and replication_pad1d/2d/3d: autocast's
        return autocast.fp32(_reflect_or_replicate, input, mode, list(pad))  # float32 list; reflection_pad3d is not)
    return _reflect_or_replicate(input, mode, list(pad))


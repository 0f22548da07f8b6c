"""torch._pack_padded_sequence (ATen's PackedSequence.cpp): a padded batch of sequences as one tensor of time
steps, longest first, and the batch size at each step; PackPaddedSequenceBackward0 scatters the gradient back."""
import numpy as np

from .. import dtypes
from ..autograd import Node, edge_of
from ..errors import runtime
from .core import attach, from_numpy, needs_grad


def _batch_sizes_of(lengths):
    """The batch size at every time step, from lengths sorted longest first."""
    return [sum(1 for length in lengths if length > step) for step in range(lengths[0])]


def pack_padded_sequence(input, lengths, batch_first):
    """(data, batch_sizes): ATen's _pack_padded_sequence, its checks in its order."""
    if lengths.dim() != 1 or lengths.dtype is not dtypes.int64:
        raise runtime(f"'lengths' argument should be a 1D CPU int64 tensor, but got {lengths.dim()}D "
                      f"cpu {lengths.dtype.type_name[6:-6]} tensor")
    x = input.transpose(0, 1) if batch_first else input
    batch_size = x.size(1)
    values = lengths.tolist()
    if len(values) != batch_size:
        raise runtime(f"Expected `len(lengths)` to be equal to batch_size, but got {len(values)} "
                      f"(batch_size={batch_size})")
    if values[-1] <= 0:
        raise runtime("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0")
    for i in range(batch_size - 1):
        if values[batch_size - 1 - i] > values[batch_size - 2 - i]:
            raise runtime("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can "
                          "pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this "
                          "requirement if you do not need ONNX exportability.")
    sizes = _batch_sizes_of(values)
    arr = x._np
    # (a length past the input's reads no rows there, as ATen's slices do: its batch size is still listed)
    data = np.concatenate([arr[step:step + 1, :size].reshape((-1,) + arr.shape[2:])
                           for step, size in enumerate(sizes)], 0)
    out = from_numpy(np.ascontiguousarray(data), input.dtype)
    batch_sizes = from_numpy(np.array(sizes, dtype=np.int64), dtypes.int64)
    if needs_grad(input):
        attach(out, PackPaddedSequenceBackward0(input, sizes, batch_sizes, batch_first))
    return out, batch_sizes


class PackPaddedSequenceBackward0(Node):
    __slots__ = ("input_sizes", "sizes", "batch_sizes", "batch_first")
    saved_values = {"batch_first": "batch_first", "input_sym_sizes": "input_sizes", "result1": "batch_sizes"}

    def __init__(self, input, sizes, batch_sizes, batch_first):
        Node.__init__(self, (edge_of(input),))
        self.input_sizes, self.sizes, self.batch_sizes, self.batch_first = input._shape, sizes, batch_sizes, \
            batch_first

    def backward(self, grad):
        """_pack_padded_sequence_backward: zeros of the (time-major) input, each step's rows copied in."""
        from ..creation import zeros
        shape = list(self.input_sizes)
        if self.batch_first:
            shape[0], shape[1] = shape[1], shape[0]
        grad_input = zeros(shape, dtype=grad.dtype)
        offset = 0
        for step, size in enumerate(self.sizes):
            if step < shape[0]:
                grad_input[step, :size].copy_(grad[offset:offset + size])
                offset += size
        return (grad_input.transpose(0, 1) if self.batch_first else grad_input,)

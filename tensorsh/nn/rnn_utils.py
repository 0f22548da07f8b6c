"""torch.nn.utils.rnn: PackedSequence and the functions that pack, pad and unpack sequences, as PyTorch's
rnn.py composes them from ATen's ops (_pack_padded_sequence here in the engine; pad_sequence and
_pad_packed_sequence's copies into a filled tensor, so their gradients run through CopySlices as PyTorch's do)."""
from collections import namedtuple

from tensorsh.engine import creation, dtypes, errors
from tensorsh.engine.errors import make, runtime, value_error
from tensorsh.engine.ops.packing import pack_padded_sequence as _pack_padded
from tensorsh.engine.ops.sorting import sort
from tensorsh.engine.tensor import Tensor


class PackedSequence(namedtuple("PackedSequence", ["data", "batch_sizes", "sorted_indices", "unsorted_indices"])):
    __module__ = "torch.nn.utils.rnn"
    __slots__ = ()
    __api__ = frozenset({"data", "batch_sizes", "sorted_indices", "unsorted_indices", "is_cuda", "to", "float",
                         "double", "half", "long", "int", "short", "char", "byte", "cpu", "count", "index",
                         "is_pinned", "_fields"})

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is not None:  # (_packed_sequence_init_args reads batch_sizes.device.type)
            if not isinstance(batch_sizes, Tensor):
                raise errors.AttributeError(f"'{type(batch_sizes).__name__}' object has no attribute 'device'")
        elif not (isinstance(data, (list, tuple)) and len(data) == 2):  # PackedSequence(*pack_result)
            raise make("AssertionError", "Expected data to be a list or tuple of length 2")
        else:
            data, batch_sizes = data
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    @property
    def is_cuda(self):
        return False

    def is_pinned(self):
        return False

    def _with_data(self, data):
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def to(self, *args, **kwargs):
        data = self.data.to(*args, **kwargs)
        return self if data is self.data else self._with_data(data)

    def cpu(self):
        return self


def _cast(dtype):
    def method(self):
        return self.to(dtype=dtype)
    return method


for _name, _dtype in (("float", dtypes.float32), ("double", dtypes.float64), ("half", dtypes.float16),
                      ("long", dtypes.int64), ("int", dtypes.int32), ("short", dtypes.int16), ("char", dtypes.int8),
                      ("byte", dtypes.uint8)):  # (PackedSequence's dtype methods: its data cast, the rest kept)
    setattr(PackedSequence, _name, _cast(_dtype))


def invert_permutation(permutation):
    if permutation is None:
        return None
    output = creation.empty_like(permutation)
    output.scatter_(0, permutation, creation.arange(0, permutation.numel()))
    return output


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    if not isinstance(lengths, Tensor):
        lengths = creation.as_tensor(lengths, dtype=dtypes.int64)
    else:
        lengths = lengths.to(dtype=dtypes.int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        lengths, sorted_indices = sort(lengths, descending=True)
        input = input.index_select(0 if batch_first else 1, sorted_indices)
    data, batch_sizes = _pack_padded(input, lengths, batch_first)
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    max_seq_length = sequence.batch_sizes.size(0)
    if total_length is not None:
        if total_length < max_seq_length:
            raise value_error("Expected total_length to be at least the length of the longest sequence in input, but "
                              f"got total_length={total_length} and max sequence length being {max_seq_length}")
        max_seq_length = total_length
    padded_output, lengths = _pad_packed(sequence.data, sequence.batch_sizes, batch_first, padding_value,
                                         max_seq_length)
    if sequence.unsorted_indices is not None:
        batch_dim = 0 if batch_first else 1
        return (padded_output.index_select(batch_dim, sequence.unsorted_indices),
                lengths[sequence.unsorted_indices])
    return padded_output, lengths


def _pad_packed(data, batch_sizes, batch_first, padding_value, total_length):
    """ATen's _pad_packed_sequence: a filled (time, batch, *) tensor, each run of equal batch sizes copied in."""
    sizes = batch_sizes.tolist()
    max_batch_size = sizes[0]
    output = creation.full((total_length, max_batch_size) + tuple(data.shape[1:]), padding_value, dtype=data.dtype)
    lengths = [0] * max_batch_size
    slot = max_batch_size - 1
    offset, prev_batch_size, prev_i = 0, max_batch_size, 0
    for i in range(len(sizes) + 1):
        batch_size = sizes[i] if i != len(sizes) else 0
        if batch_size != prev_batch_size:
            n = prev_batch_size * (i - prev_i)
            rows = data[offset:offset + n].view((i - prev_i, prev_batch_size) + tuple(data.shape[1:]))
            output[prev_i:i][:, :prev_batch_size].copy_(rows)
            offset += n
            prev_i = i
        for _ in range(prev_batch_size - batch_size):
            lengths[slot] = i
            slot -= 1
        prev_batch_size = batch_size
    if batch_first:
        output = output.transpose(0, 1)
    return output, creation.tensor(lengths, dtype=dtypes.int64)


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """ATen's pad_sequence: a filled tensor with each sequence copied into its column (or row)."""
    if isinstance(sequences, Tensor):
        sequences = sequences.unbind(0)
    sequences = list(sequences)
    if not sequences:
        raise runtime("received an empty list of sequences")
    if padding_side not in ("left", "right"):
        raise runtime(f"Expected padding_side to be one of left or right, but got {padding_side}.")
    max_len = max(s.size(0) for s in sequences)
    trailing = tuple(sequences[0].shape[1:])
    n = len(sequences)
    out_dims = (n, max_len) + trailing if batch_first else (max_len, n) + trailing
    out = creation.full(out_dims, padding_value, dtype=sequences[0].dtype)
    for i, seq in enumerate(sequences):
        length = seq.size(0)
        start = max_len - length if padding_side == "left" else 0
        if batch_first:
            out.select(0, i).narrow(0, start, length).copy_(seq)
        else:
            out.narrow(0, start, length).select(1, i).copy_(seq)
    return out


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    if not batch_first:
        padded_sequences.transpose_(0, 1)  # (in place, as PyTorch's: the caller's tensor is left transposed)
    idx = creation.arange(padded_sequences.shape[1])
    return [seq[idx < length] for seq, length in zip(padded_sequences, lengths, strict=True)]


def pack_sequence(sequences, enforce_sorted=True):
    lengths = creation.as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    padded_sequences, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded_sequences, lengths, batch_first=True)


NAMES = ("PackedSequence", "invert_permutation", "pack_padded_sequence", "pad_packed_sequence", "pad_sequence",
         "unpad_sequence", "pack_sequence", "unpack_sequence")

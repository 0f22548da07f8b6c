"""Splits beyond split/chunk: tensor_split, hsplit, vsplit, dsplit (slices, SliceBackward0 each, as PyTorch's are)
and unsafe_split/unsafe_chunk (pieces over the same storage that are not views: their own version counters, one
UnsafeSplitBackward0 node)."""
from .. import autograd, dtypes, messages
from ..errors import runtime
from .views import _slice
from .multiview import MultiViewBackward, split as _split
from ..storage import INFERENCE_MODE, VersionCounter
from .core import Tensor


def _sections_or_indices(self, spec, d):
    if isinstance(spec, Tensor):
        if spec.dtype is not dtypes.int64:  # (PyTorch checks the dtype first)
            raise runtime("tensor_split expected tensor_indices_or_sections to have dtype of long, but got "
                          f"{dtypes.SCALAR_NAMES[spec.dtype.name]}")
        if spec.dim() > 1:
            raise runtime("tensor_split expected tensor_indices_or_sections to be a zero-dimensional or "
                          f"one-dimensional tensor, but got a tensor with {spec.dim()} dims")
        spec = spec._np.item() if spec.dim() == 0 else [int(i) for i in spec._np.tolist()]
    if isinstance(spec, int):
        if spec <= 0:
            raise runtime(f"number of sections must be larger than 0, got {spec}")
        n = self._shape[d]
        size, extra = divmod(n, spec)
        bounds, start = [], 0
        for i in range(spec):
            end = start + size + (1 if i < extra else 0)
            bounds.append((start, end))
            start = end
        return bounds
    indices = list(spec)
    starts = [0] + indices
    ends = indices + [self._shape[d]]
    return list(zip(starts, ends))


def tensor_split(self, indices_or_sections, dim=0):
    if not self._shape:
        raise runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
    d = self._wrap_dim(dim)
    return tuple(_slice(self, d, start, end, 1) for start, end in _sections_or_indices(self, indices_or_sections, d))


def _directional(name, dim, min_dims):
    def op(self, indices_or_sections):
        if self.dim() < min_dims:
            s = "" if min_dims == 1 else ""
            raise runtime(f"torch.{name} requires a tensor with at least {min_dims} dimension{s}, but got a tensor "
                          f"with {self.dim()} dimensions!")
        d = dim if name != "hsplit" or self.dim() > 1 else 0
        if isinstance(indices_or_sections, int) and not isinstance(indices_or_sections, bool):
            n = self._shape[d]
            if indices_or_sections == 0 or n % indices_or_sections:
                raise runtime(f"torch.{name} attempted to split along dimension {d}, but the size of the dimension "
                              f"{n} is not divisible by the split_size {indices_or_sections}!")
        return tensor_split(self, indices_or_sections, d)
    op.__name__ = name
    return op


hsplit = _directional("hsplit", 1, 1)
vsplit = _directional("vsplit", 0, 2)
dsplit = _directional("dsplit", 2, 3)


def unsafe_split(self, split_size, dim=0):
    """split's pieces, each with its own version counter and no view metadata (writing one in place is allowed
    and invisible to the others' versions), sharing one UnsafeSplit(WithSizes)Backward0 node."""
    with autograd.no_grad():
        views = _split(self, split_size, dim)
    if INFERENCE_MODE[0]:  # (no autograd kernel runs to hide that split's pieces are views; ATen's own kernel still
        for v in views:    # gives each its own counter, which an inference tensor does not have)
            if not v._version_counter.inference:
                v._version_counter = VersionCounter(normal=True)
        return views
    pieces = tuple(self._alias(v._shape, v._stride, v._offset, counter=VersionCounter()) for v in views)
    if autograd._grad_enabled[0] and self.requires_grad:
        name = "UnsafeSplitBackward0" if isinstance(split_size, int) else "UnsafeSplitWithSizesBackward0"
        node = MultiViewBackward(name, self, [p._shape for p in pieces], self._wrap_dim(dim))
        for i, p in enumerate(pieces):
            p._grad_fn, p._output_nr = node, i
    return pieces


def unsafe_split_with_sizes(self, split_sizes, dim=0):
    return unsafe_split(self, list(split_sizes), dim)


def unsafe_chunk(self, chunks, dim=0):
    if not self._shape:
        raise runtime(messages.CHUNK_0_DIM)
    if chunks <= 0:
        raise runtime(messages.CHUNK_COUNT.format(chunks))
    n = self._shape[self._wrap_dim(dim)]
    if n == 0:  # ATen's chunk of an empty dim: `chunks` pieces of size 0, by unsafe_split_with_sizes
        return unsafe_split(self, [0] * chunks, dim)
    return unsafe_split(self, -(-n // chunks), dim)

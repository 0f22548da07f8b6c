"""Views that are the outputs of one node (split, chunk, unbind): PyTorch's SplitBackward0, SplitWithSizesBackward0
and UnbindBackward0 (such views, CreationMeta::MULTI_OUTPUT_NODE, cannot be written in place:
messages.multi_view_inplace); Tensor.split and torch.split with their parsers' texts."""
import numpy as np

from .. import autograd, messages
from ..autograd import Node, edge_of
from ..errors import index_error, make, runtime
from ..pyapi import _parse, _small
from ..scalars import check_long_list
from ..storage import INFERENCE_MODE, note_view
from ..tensorimpl import IN_INFERENCE_MODE, IN_MULTI_OUTPUT, Tensor, ViewInfo, _shape_list
from ..typenames import tp_name as _type_name
from ..saved_names import as_given, as_program_gave, given
from .joining import cat, stack
from .core import chained_replay, recorded_edges_first

class MultiViewBackward(Node):
    """One node for all the pieces: their gradients (zeros where none came) joined by cat, or stack for unbind."""
    __slots__ = ("shapes", "dim", "dtype")

    def __init__(self, name, base, shapes, dim):
        Node.__init__(self, (edge_of(base),))
        self.name_ = name
        self.n_outputs = len(shapes)
        self.shapes, self.dim, self.dtype = shapes, dim, base.dtype

    def backward(self, grads):
        if self.n_outputs == 1:  # (a one-output node gets its gradient bare, not in a list)
            grads = [grads]
        grads = [g if g is not None else Tensor._from_numpy(np.zeros(shape, self.dtype.np), self.dtype)
                 for g, shape in zip(grads, self.shapes)]
        if self.name_ == "UnbindBackward0":  # (unbind_backward stacks at the dim as given, split_backward wraps it)
            return (stack(grads, as_program_gave(self, "dim")),)
        return (cat(grads, self.dim),)


_SPLIT_SAVES = {"dim": as_given("dim"), "self_sym_sizes": lambda node: node.__dict__["base_shape"]}
_NODES = {name: type(name, (MultiViewBackward,), {"__slots__": (), "name_": name, "saved_values": values})
          for name, values in (
              ("SplitBackward0", dict(_SPLIT_SAVES, split_size=lambda node: node.__dict__["split"])),
              ("SplitWithSizesBackward0", dict(_SPLIT_SAVES, split_sizes=lambda node: node.__dict__["split"])),
              ("UnbindBackward0", {"dim": as_given("dim")}))}  # (each PyTorch's node, with what it saves)


def multi_view(self, geometries, name, dim, given_dim=None, split=None):
    """The pieces (shape, stride, offset) of self as views sharing one node, as PyTorch's split/unbind make them;
    given_dim and split (the size or sizes) are what grad_fn._saved_dim / _saved_split_size(s) show."""
    outs = tuple(self._alias(shape, stride, offset) for shape, stride, offset in geometries)
    if self._version_counter.inference:
        return outs
    base = self._view.base if self._view is not None else self
    grad_mode = autograd._grad_enabled[0]
    mode = IN_MULTI_OUTPUT if grad_mode else IN_INFERENCE_MODE if INFERENCE_MODE[0] else False
    if self._view is not None and self._view.grad_mode is IN_INFERENCE_MODE:  # (propagate_creation_meta)
        mode = IN_INFERENCE_MODE
    node = _NODES[name](name, self, [o._shape for o in outs], dim) if grad_mode and self.requires_grad else None
    if node is not None:
        given(node, dim=dim if given_dim is None else given_dim)
        node.__dict__.update(base_shape=self._shape, split=split)
    for i, out in enumerate(outs):
        out._view = ViewInfo(base, mode, self._version_counter.value, chained_replay(self, out, name))
        if node is not None:
            out._grad_fn, out._output_nr = node, i
        note_view(self._storage, out, name)
    return outs


def split(self, split_size, dim=0):
    """split (SplitBackward0, or SplitWithSizesBackward0 for a list of sizes) and chunk."""
    if not self._shape:
        raise runtime("split expects at least a 1-dimensional tensor")
    if isinstance(split_size, int) and split_size < 0:  # (checked before dim is read)
        raise runtime(f"split expects split_size be non-negative, but got split_size={split_size}")
    d = self._wrap_dim(dim)
    n = self._shape[d]
    if isinstance(split_size, int):  # (at least one piece: an empty dimension splits into one empty piece)
        if split_size == 0 and n:
            raise runtime(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        sizes = [min(split_size, n - s) for s in range(0, n, split_size)] if n else [0]
        name = "SplitBackward0"
    else:
        sizes, name = list(split_size), "SplitWithSizesBackward0"
        if any(size < 0 for size in sizes):
            raise runtime(f"split_with_sizes expects split_sizes have only non-negative entries, but got "
                          f"split_sizes={_shape_list(sizes)}")
        if sum(sizes) != n:
            raise runtime(f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size at "
                          f"dimension {dim}), but got split_sizes={_shape_list(sizes)}")
    geometries, start = [], 0
    for size in sizes:
        shape = self._shape[:d] + (size,) + self._shape[d + 1:]
        geometries.append((shape, self._stride, self._offset + start * self._stride[d]))
        start += size
    return multi_view(self, geometries, name, d, dim, split_size if isinstance(split_size, int) else tuple(sizes))


def chunk(self, chunks, dim=0):
    if not self._shape:
        raise runtime(messages.CHUNK_0_DIM)
    if chunks <= 0:
        raise runtime(messages.CHUNK_COUNT.format(chunks))
    d = self._wrap_dim(dim)
    n = self._shape[d]
    if n == 0:  # PyTorch: `chunks` empty pieces, by split_with_sizes
        return split(self, [0] * chunks, dim)
    return split(self, -(-n // chunks), dim)  # (dim as given: what grad_fn._saved_dim shows)


def unbind(self, dim=0):
    if not self._shape:  # (dim wrapped as for one dimension first: -1 is named 0)
        raise index_error(messages.DIM_NO_DIMS.format(self._wrap_dim(dim, 1)))
    d = self._wrap_dim(dim)
    shape, stride = self._shape[:d] + self._shape[d + 1:], self._stride[:d] + self._stride[d + 1:]
    return multi_view(self, [(shape, stride, self._offset + i * self._stride[d]) for i in range(self._shape[d])],
                      "UnbindBackward0", d, dim)


def tensor_split_method(self, split_size, dim=0):
    """Tensor.split: an int (or a one-element tensor) splits by size (torch._VF.split), anything else by a list of
    sizes (torch._VF.split_with_sizes), each with its parser's texts."""
    if type(split_size) is int and type(dim) is int and _small(split_size) and _small(dim):
        recorded_edges_first(self)  # (after the Python call's own argument errors, before split's checks)
        return split(self, split_size, dim)  # (the common call: what the parse would accept)
    if isinstance(split_size, Tensor) and split_size.numel() == 1:
        split_size = int(split_size.item())
    if isinstance(split_size, int):
        dim = _parse(("split(Tensor input, SymInt split_size, int64_t dim=0)",
                      "split(Tensor input, SymIntArrayRef split_size, int64_t dim=0)"), (self, split_size, dim), {})["dim"]
    else:
        bound = _parse(("split_with_sizes(Tensor input, SymIntArrayRef split_sizes, int64_t dim=0)",),
                       (self, split_size, dim), {})
        check_long_list(split_size)
        split_size, dim = bound["split_sizes"], bound["dim"]  # (as parsed: numpy's ints read as ints)
    recorded_edges_first(self)
    return split(self, split_size, dim)


tensor_split_method.__qualname__ = "Tensor.split"


def torch_split(tensor, split_size_or_sections, dim=0):
    """torch.split (torch/functional.py): tensor.split(...)."""
    if not isinstance(tensor, Tensor):
        raise make("AttributeError", f"'{_type_name(tensor)}' object has no attribute 'split'")
    return tensor.split(split_size_or_sections, dim)


torch_split.__qualname__ = torch_split.__name__ = "split"

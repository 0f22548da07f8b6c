"""Counting: unique (torch.unique's dispatch included) and bincount, with the nodes that refuse their backward."""
import numpy as np

from .. import dtypes, messages
from ..tensorimpl import refuse_if_batched
from ..autograd import Node, edge_of, should_compute_output
from ..errors import make, runtime, type_error
from .copies import real_values
from .core import NotImplementedNode, Tensor, attach, fresh, needs_grad, type_name


class _UniqueBackward(Node):
    """unique's and unique_consecutive's nodes (derivatives.yaml's not_implemented): PyTorch records one, and its
    backward raises only when the walk needs self's gradient (a backward(inputs=[result]) runs it harmlessly)."""
    __slots__ = ()
    op = "_unique2"

    def __init__(self, x):
        Node.__init__(self, (edge_of(x),))

    def backward(self, g):
        if should_compute_output(self, 0):
            raise make("NotImplementedError", f"the derivative for '{self.op}' is not implemented.")
        return (None,)


class Unique2Backward0(_UniqueBackward):
    __slots__ = ()


class UniqueDimBackward0(_UniqueBackward):
    __slots__ = ()
    op = "unique_dim"


class UniqueConsecutiveBackward0(_UniqueBackward):
    __slots__ = ()
    op = "unique_consecutive"


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """Tensor.unique (torch/_tensor.py: Python's argument errors name it so)."""
    for flag in (return_counts, return_inverse):  # (torch.unique's boolean_dispatch tests their truth first)
        if isinstance(flag, Tensor):
            bool(flag)
    for name, flag in (("sorted", sorted), ("return_inverse", return_inverse), ("return_counts", return_counts)):
        if not isinstance(flag, bool):
            raise type_error(f"_unique2(): argument '{name}' must be bool, not {type_name(flag)}")
    if dim is not None and (not isinstance(dim, int) or isinstance(dim, bool)):
        raise type_error(f"unique_dim(): argument 'dim' (position 2) must be int, not {type_name(dim)}")
    refuse_if_batched(self, messages.VMAP_DYNAMIC_SHAPE.format(op="_unique2" if dim is None else "unique_dim"))
    if dim is not None:
        dim = self._wrap_size_dim(dim)  # (a 0-dim tensor has no dim to take: maybe_wrap_dim without wrap_scalar)
    if dim is not None:
        check_empty_dim(self, dim)
    if dim is None:
        values, inverse, counts = _unique_flat(self._np.reshape(-1))
        inverse = inverse.reshape(self._shape)
    elif self.dtype.category == 2 and _nan_or_negative_zero(self._np):
        values, inverse, counts = _unique_dim_std(self._np, self._wrap_dim(dim))
    else:  # (no NaN, no -0.: equal slices are the same bytes, and numpy's groups are std::sort's)
        values, inverse, counts = np.unique(self._np, return_inverse=True, return_counts=True,
                                            axis=self._wrap_dim(dim))
    out = [fresh(np.array(values, self.dtype.np, order="C"), self.dtype) if dim is None
           else moved_back(np.moveaxis(values, self._wrap_dim(dim), 0), self._wrap_dim(dim), self.dtype)]
    if needs_grad(self):
        attach(out[0], (Unique2Backward0 if dim is None else UniqueDimBackward0)(self))
    if return_inverse:
        out.append(fresh(np.array(inverse, np.int64, order="C"), dtypes.int64))
    if return_counts:
        out.append(fresh(np.array(counts, np.int64, order="C"), dtypes.int64))
    return out[0] if len(out) == 1 else tuple(out)


def check_empty_dim(self, dim):
    """_unique_dim_cpu_template's checks of an empty input (unique and unique_consecutive along a dim)."""
    if self.numel() == 0:
        if self._shape[dim] != 0:
            raise runtime("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied")
        if self._shape.count(0) != 1:
            raise runtime("Number of zero sized dimensions is more than one, so unique cannot be applied ")


def moved_back(front, d, dtype):
    """unique's result along dim d, from its slices stacked along the first dimension: ATen makes it contiguous so,
    then moves that dimension back to d (not a view: only the strides show it); an empty one is contiguous."""
    if front.size == 0:
        return fresh(np.ascontiguousarray(np.moveaxis(front, 0, d), dtype.np), dtype)
    out = fresh(np.ascontiguousarray(front, dtype.np), dtype)
    order = list(range(1, d + 1)) + [0] + list(range(d + 1, out.dim()))
    return out._alias([out._shape[i] for i in order], [out._stride[i] for i in order], 0)


def _nan_or_negative_zero(x):
    return bool(np.isnan(x).any() or np.signbit(x[x == 0]).any())


def _groups(ordered_new, order):
    """(inverse, counts) from the sorted order and where each group of equal values starts in it."""
    ids = np.cumsum(ordered_new) - 1
    inverse = np.empty(len(order), np.int64)
    inverse[order] = ids
    starts = np.flatnonzero(ordered_new)
    return inverse, np.diff(np.append(starts, len(order)))


def _unique_flat(flat):
    """_unique2's CPU kernel: the flattened input's sort (NaN last), a new value wherever one differs from the
    last (each NaN its own, as NaN != NaN), the first of equal values in the sort's order kept (0. or -0.)."""
    from .sorting import _order
    # (only NaN and -0. tell equal values' orders apart)
    order = _order(flat, 0, False, stable=not (flat.dtype.kind == "f" and _nan_or_negative_zero(flat)))
    ordered = flat[order]
    new = np.ones(len(ordered), bool)
    new[1:] = ordered[1:] != ordered[:-1]
    inverse, counts = _groups(new, order)
    return ordered[new], inverse, counts


def _unique_dim_std(x, d):
    """unique_dim's CPU kernel where its order is not numpy's: slices along d sorted by std::sort with a
    lexicographic `<` (a NaN compares neither way, so the next element decides), a new group where a slice is not
    at::equal to the group's first (NaN never is); with NaN or -0. the groups and their order depend on it."""
    from .order_statistics import _std_sort
    flat = np.moveaxis(x, d, 0)
    rest = flat.shape[1:]
    rows = flat.reshape(len(flat), -1).tolist()
    width = len(rows[0]) if rows else 0

    def less(a, b):
        ra, rb = rows[a], rows[b]
        for i in range(width):
            if ra[i] < rb[i]:
                return True
            if ra[i] > rb[i]:
                return False
        return False
    order = list(range(len(rows)))
    _std_sort(order, 0, len(order), less)
    new, first = np.zeros(len(order), bool), None
    for i, r in enumerate(order):
        if first is None or not all(a == b for a, b in zip(rows[r], rows[first])):  # (at::equal: NaN unequal)
            new[i], first = True, r
    inverse, counts = _groups(new, np.asarray(order, np.int64))
    values = flat[np.asarray(order)[new]].reshape((int(new.sum()),) + rest)
    return np.moveaxis(values, 0, d), inverse, counts


unique.__qualname__ = "Tensor.unique"


def _unique_returning(name):
    """One of torch/functional.py's four unique functions (Python's argument errors name it), whose first parse is
    torch._unique2's."""
    def returning(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
        if not isinstance(input, Tensor):
            raise type_error(f"_unique2(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
        return unique(input, sorted, return_inverse, return_counts, dim)
    returning.__name__ = returning.__qualname__ = name
    return returning


_UNIQUE = {(False, False): _unique_returning("_return_output"), (False, True): _unique_returning("_return_counts"),
           (True, False): _unique_returning("_return_inverse"), (True, True): _unique_returning("_unique_impl")}


def unique_function(*args, **kwargs):
    """torch.unique: torch/functional.py's boolean_dispatch on return_inverse (position 2), then return_counts
    (position 3)."""
    return _UNIQUE[dispatch_flag(args, kwargs, "return_inverse", 2), dispatch_flag(args, kwargs, "return_counts", 3)](
        *args, **kwargs)


def dispatch_flag(args, kwargs, name, index):
    """torch.functional's boolean_dispatch: the flag by keyword, else the positional argument at index."""
    return bool(kwargs[name] if name in kwargs else args[index] if index < len(args) else False)


def bincount(self, weights=None, minlength=0):
    if self.dtype.category == 2 or self.dtype is dtypes.bool_:  # (no kernel for these: checked before the shape)
        raise make("NotImplementedError", f"\"bincount_cpu\" not implemented for '{dtypes.SCALAR_NAMES[self.dtype.name]}'")
    if self.dim() != 1 or self.dtype.category != 1 or (self.numel() and self._np.min() < 0):
        raise runtime("bincount only supports 1-d non-negative integral inputs.")
    if minlength < 0:
        raise runtime("minlength should be >= 0")
    if weights is not None and weights._shape != self._shape:
        raise runtime("weights should be 1-d and have the same length as input")
    if weights is None or not self.numel():  # (an empty input: zeros(minlength, long), whatever the weights)
        return fresh(np.bincount(self._np, minlength=minlength).astype(np.int64), dtypes.int64)
    dt = dtypes.float32 if weights.dtype is dtypes.float32 else dtypes.float64  # (half, bfloat16: double too)
    counts = np.zeros(max(minlength, int(self._np.max()) + 1), dt.np)
    values = real_values(weights, dt).astype(dt.np)  # (weights.to(double): a complex one's real part, warning once)
    np.add.at(counts, self._np, values)  # (each weight added in turn, in the output's dtype)
    out = fresh(counts, dt)
    if needs_grad(weights):
        attach(out, NotImplementedNode("bincount", weights))
    return out


# ------------------------------------------------------------------ composites

"""Index assignment that mixes advanced indices with integers, slices or None (`w[0, [1, 2]] = v`): PyTorch applies
the basic part first as views (select, slice, unsqueeze) and index_put_ writes the advanced part into that view."""
import numpy as np

from .. import dtypes
from .core import Tensor


def split_basic(self, index):
    """(view, advanced index for it) for the tuple `index` (Python bools already 0-dim bool tensors), or None when
    every non-advanced entry is ':' or '...' (index_put_ takes the index as it is)."""
    from .indexing import _is_advanced, _index_tensor, getitem
    full = slice(None)
    if all(_is_advanced(ix) or ix is Ellipsis or (isinstance(ix, slice) and ix == full) for ix in index):
        return None
    basic, rest = [], []
    for ix in index:
        if not _is_advanced(ix):
            basic.append(ix)
            if ix is Ellipsis or isinstance(ix, slice) or ix is None:
                rest.append(Ellipsis if ix is Ellipsis else full)  # (an int's dim is gone from the view)
            continue
        t = _index_tensor(ix)
        if t.dtype is dtypes.bool_ and t.dim() == 0:  # a bool scalar: a new dim of 1, index [0] or none of it
            basic.append(None)
            rest.append(Tensor._from_numpy(np.zeros(int(bool(t._np)), np.int64), dtypes.int64))
        else:
            basic.extend([full] * (t.dim() if t.dtype is dtypes.bool_ else 1))
            rest.append(ix)
    return getitem(self, tuple(basic), setting=True), tuple(rest)

"""Argument checks several op files share: lists of ints, dims wrapped once each, index tensors, PyTorch's "invalid combination of
arguments" text for the ops whose parser this engine does not run, and the linear-algebra ops' matrix checks."""
import numpy as np

from .. import dtypes, messages
from ..errors import index_error, make, runtime, type_error
from ..tensorimpl import Tensor, _shape_list, int_elements
from .core import Shaped, check_broadcast, check_broadcast_all, type_name


def _arg_type(v):
    return "Tensor" if isinstance(v, Tensor) else type(v).__name__


def _accepts(kind, v):
    return isinstance(v, Tensor) if kind == "Tensor" else isinstance(v, (int, float))


def _invalid_combination(op, args, kwargs, forms):
    """PyTorch's argument-parser message: each overload, and where the argument count fits it, which types
    did not match (marked !type!). forms: ((kind, name), ...) per overload."""
    def listed(mark):
        pos = [mark(i, _arg_type(a)) for i, a in enumerate(args)]
        kw = [mark(len(args) + i, f"{k}={_arg_type(v)}") + ", " for i, (k, v) in enumerate(kwargs.items())]
        return ", ".join(pos) + (", " if pos and kw else "") + "".join(kw)
    given = list(args) + list(kwargs.values())
    text = f"{op}() received an invalid combination of arguments - got ({listed(lambda i, t: t)}), but expected one of:\n"
    for form in forms:
        text += " * (" + ", ".join(f"{kind} {name}" for kind, name in form) + ")\n"
        names = [name for _, name in form]
        unknown = [k for k in kwargs if k not in names]
        if unknown:
            text += "      didn't match because some of the keywords were incorrect: " + ", ".join(unknown) + "\n"
        elif len(given) == len(form):
            # the parser stops at the first argument that does not fit: it and all after it are marked
            kinds = [kind for kind, _ in form[:len(args)]] + [dict((n, k) for k, n in form)[k] for k in kwargs]
            first = next((i for i, (kind, v) in enumerate(zip(kinds, given)) if not _accepts(kind, v)), len(given))
            text += ("      didn't match because some of the arguments have invalid types: ("
                     + listed(lambda i, t: f"!{t}!" if i >= first else t) + ")\n")
    return type_error(text)


def _int_list(op, name, values):
    """dims/shifts/sizes given as one int, a sequence, or spread over the call (x.flip(0, 1))."""
    if len(values) == 1 and isinstance(values[0], (list, tuple)):
        values = tuple(values[0])
    return int_elements(values, lambda v, i: type_error(
        f"{op}(): argument '{name}' must be tuple of ints, but found element of type {type_name(v)} at pos 0"))


def _wrap_dims(self, op, dims):
    wrapped = [self._wrap_dim(d) for d in dims]
    for i, d in enumerate(wrapped):
        if d in wrapped[:i]:
            raise runtime(messages.DIM_REPEATED.format(d))
    return tuple(wrapped)


def _fresh(values):
    """A new C-ordered array of values that the result owns alone (0-dim stays 0-dim)."""
    return np.array(values, order="C")


def _unsqueeze_dims(t, dims):
    for d in sorted(dims):
        t = t.unsqueeze(d)
    return t


def check_matrix(op, A, name="A"):
    if A.dim() < 2:
        raise runtime(f"{op}: The input tensor {name} must have at least 2 dimensions.")


def check_square(op, A, name="A"):
    check_matrix(op, A, name)
    if A._shape[-1] != A._shape[-2]:
        prefix = f"{op}: " if op else ""
        raise runtime(f"{prefix}{name} must be batches of square matrices, but they are {A._shape[-2]} by "
                      f"{A._shape[-1]} matrices")


def check_system(op, n, b_shape, left):
    """The equation AX = B (XA = B where not left): B's rows (columns) against A's order n."""
    if (b_shape[-2] if left else b_shape[-1]) != n:
        eq = "AX = B" if left else "XA = B"
        raise runtime(f"{op}: Incompatible shapes of A and B for the equation {eq} ({n}x{n} and "
                      f"{b_shape[-2]}x{b_shape[-1]})")


def _ints(op, name, values):
    values = tuple(values) if isinstance(values, (list, tuple)) else (values,)
    return int_elements(values, lambda v, i: type_error(
        f"{op}(): argument '{name}' must be tuple of ints, but found element of type {type(v).__name__} at pos 0"))


def as_strided_geometry(self, size, stride, storage_offset, name="as_strided"):
    """as_strided's size, stride and storage offset (None: self's), checked as ATen's setStrided checks them."""
    size, stride = _ints(name, "size", size), _ints(name, "stride", stride)
    offset = self._offset if storage_offset is None else storage_offset
    if len(size) != len(stride):
        raise runtime("mismatch in length of strides and shape")
    if any(st < 0 for st in stride):
        raise runtime(f"as_strided: Negative strides are not supported at the moment, got strides: "
                      f"{_shape_list(stride)}")
    if offset < 0:
        raise runtime(f"Tensor: invalid storage offset {offset}")
    if any(n < 0 for n in size) and 0 not in size:
        # (computeStorageNbytes multiplies unsigned: a negative size with a stride overflows, unless as_strided_
        # has set the sizes first; then numel's product overflows)
        if name == "as_strided" and self.dtype.itemsize > 1 and any(n < 0 and st for n, st in zip(size, stride)):
            raise runtime(f"Storage size calculation overflowed with sizes={_shape_list(size)} and "
                          f"strides={_shape_list(stride)}")
        raise runtime("numel: integer multiplication overflow")
    for n in size:
        if n < 0:
            raise runtime(messages.NEGATIVE_DIMENSION.format(n, _shape_list(size)))
    needed = 0 if 0 in size else offset + 1 + sum((n - 1) * st for n, st in zip(size, stride))
    if needed * self.dtype.npsize > self._storage.data.nbytes:  # (in bytes: the buffer's elements need not be
        raise runtime(messages.storage_out_of_bounds(             # self's, after view(dtype) or set_)
            size, stride, offset, self.dtype.itemsize, self._storage.nbytes()))
    return size, stride, offset


def _index_dtype(op, index, message):
    if not isinstance(index, Tensor):
        raise type_error(f"{op}(): argument 'index' (position 2) must be Tensor, not {type_name(index)}")
    if message is not None and index.dtype not in (dtypes.int64, dtypes.int32) and index.numel():
        raise runtime(message)  # (ATen checks the dtype of an index that has elements)


def select_index(op, self, dim, index):
    """(dim, its size, the flat index) for index_select/index_add/index_reduce, checked in their kernels' orders: the
    dim, then the index's dims, (index_select's: a scalar self's one index,) then its dtype, empty or not."""
    _index_dtype(op, index, None)
    d = self._wrap_dim(dim)
    name = dtypes.SCALAR_NAMES[index.dtype.name]
    if op in ("index_add", "index_reduce"):  # (index_func_meta_impl)
        if index.dim() > 1:
            raise index_error(f"{op}_(): Index is supposed to be a vector, but got dim: {index.dim()} with "
                              f"type: {name} and size: {_shape_list(index._shape)}")
        if index.dtype not in (dtypes.int64, dtypes.int32):
            raise runtime(f"{op}_(): Expected dtype int32/int64 for index but got: {name}")
    else:  # (index_select_out_cpu_)
        if index.dim() > 1:
            raise index_error(f"{op}(): Index is supposed to be a vector")
        if not self.dim() and index.numel() != 1:
            raise runtime(f"index_select(): Index to scalar can have only 1 value, got {index.numel()} value(s)")
        if index.dtype not in (dtypes.int64, dtypes.int32):
            raise runtime(f"{op}(): Expected dtype int32 or int64 for index")
    size = self._shape[d] if self.dim() else 1
    idx = index._np.reshape(-1).astype(np.int64)
    return d, size, idx


def search_checks(boundaries, input, right=False, side=None, sorter=None):
    """searchsorted_pre_check's checks before out='s dtype: (right, the values tensor or None, its shape)."""
    if not isinstance(boundaries, Tensor):
        raise type_error(f"searchsorted(): argument 'sorted_sequence' (position 1) must be Tensor, not "
                         f"{type_name(boundaries)}")
    if side is not None and side not in ("left", "right"):
        raise runtime(f"torch.searchsorted(): side can only be 'left' or 'right' but got {side}")
    if side is not None and (side == "right") != bool(right) and right:
        raise runtime(f"torch.searchsorted(): side and right can't be set to opposites, got side of {side} while "
                      f"right was {right}")
    right = right or side == "right"
    values = input if isinstance(input, Tensor) else None
    vshape = values._shape if values is not None else ()
    if sorter is not None:
        if sorter.dtype is not dtypes.int64:
            raise runtime(f"torch.searchsorted(): sorter must be a tensor of long dtype but got dtype "
                          f"{dtypes.SCALAR_NAMES[sorter.dtype.name]}")
        if sorter._shape != boundaries._shape:
            raise runtime(f"torch.searchsorted(): boundary and sorter must have the same size, but got boundary "
                          f"tensor {_shape_list(boundaries._shape)}and got sorter tensor "
                          f"{_shape_list(sorter._shape)}")
        if sorter.numel() and not (sorter._np.min() >= 0 and sorter._np.max() < sorter._shape[-1]):
            raise runtime("torch.searchsorted(): sorter index out of range")
    if not vshape and boundaries.dim() != 1:  # (a Python number or a 0-dim tensor)
        raise runtime(f"torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is "
                      f"1, but we got boundaries tensor dim({boundaries.dim()}) and input value's dim(0) numel(1)")
    if boundaries.dim() == 0:
        raise runtime("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension")
    if boundaries.dim() != 1 and (len(vshape) != boundaries.dim() or vshape[:-1] != boundaries._shape[:-1]):
        raise runtime(f"torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions "
                      f"of boundaries tensor and input value tensor must match, but we got boundaries tensor "
                      f"{_shape_list(boundaries._shape)} and input value tensor {_shape_list(vshape)}")
    return right, values, vshape


def bucketize_checks(input, boundaries, right=False):
    if not isinstance(boundaries, Tensor):
        raise type_error(f"bucketize(): argument 'boundaries' (position 2) must be Tensor, not "
                         f"{type_name(boundaries)}")
    if boundaries.dim() != 1:
        raise runtime(f"boundaries tensor must be 1 dimension, but got dim({boundaries.dim()})")
    search_checks(boundaries, input, right)


def along_dim_operands(self, indices, dim):
    """ATen's _take_along_dim_helper: its checks (dims, the index's dtype, the broadcast), then self and indices
    broadcast to each other but at dim, and dim wrapped."""
    if self.dim() != indices.dim():
        raise runtime("torch.take_along_dim(): input and indices should have the same number of dimensions, but got "
                      f"{self.dim()} dimensions for input, and {indices.dim()} dimensions for indices")
    if indices.dtype is not dtypes.int64:
        raise runtime("torch.take_along_dim(): dtype of indices should be Long but got "
                      f"{dtypes.SCALAR_NAMES[indices.dtype.name]}")
    d = self._wrap_dim(dim)
    if not indices.dim():  # (indices.size(dim), unwrapped for a scalar)
        raise make("IndexError", messages.DIM_NO_DIMS.format(d))
    sizes = list(self._shape)
    sizes[d] = indices._shape[d]
    check_broadcast_all(Shaped(tuple(sizes)), indices)  # (ATen's infer_size: its text, the sizes "tensor a")
    shape = tuple(np.broadcast_shapes(tuple(sizes), indices._shape))
    if indices._shape != shape:
        indices = indices.expand(*shape)
    sizes = list(indices._shape)
    sizes[d] = self._shape[d]
    check_broadcast_all(Shaped(tuple(sizes)), self)
    shape = tuple(np.broadcast_shapes(tuple(sizes), self._shape))
    return self.expand(*shape), indices, d  # (ATen's broadcast_to: an ExpandBackward0 whatever the shape)


def isin_checks(elements, test_elements):
    """isin's meta function's type checks (no bool or complex kernel: elements checked first; a number's own
    tensor), before its out= is taken."""
    for v in (elements, test_elements):
        dt = v.dtype if isinstance(v, Tensor) else {bool: dtypes.bool_, complex: dtypes.complex128}.get(type(v))
        if dt is dtypes.bool_ or dt is not None and dt.category == 3:
            raise runtime(f"Unsupported input type encountered for isin(): {dtypes.SCALAR_NAMES[dt.name]}")


def parts_check(a, b, shapes=True):
    """complex_check_floating and complex_check_dtype's check of the parts (then, shapes: TensorIterator's)."""
    for t in (a, b):
        if not isinstance(t, Tensor):
            raise make("TypeError", f"complex(): argument 'real' (position 1) must be Tensor, not {type(t).__name__}")
    if a.dtype not in (dtypes.float32, dtypes.float64, dtypes.float16) or \
            b.dtype not in (dtypes.float32, dtypes.float64, dtypes.float16):
        raise runtime(f"Expected both inputs to be Half, Float or Double tensors but got "
                      f"{dtypes.SCALAR_NAMES[a.dtype.name]} and {dtypes.SCALAR_NAMES[b.dtype.name]}")
    if a.dtype is not b.dtype:
        raise runtime(f"Expected object of scalar type {dtypes.SCALAR_NAMES[a.dtype.name]} but got scalar type "
                      f"{dtypes.SCALAR_NAMES[b.dtype.name]} for second argument")
    if shapes:
        check_broadcast(a, b)  # (TensorIterator's shapes)


def parts_out_check(a, b, out):
    """complex_out / polar_out: the parts' checks, then complex_check_dtype's of out (the parts' complex type),
    before the shapes are broadcast."""
    parts_check(a, b, shapes=False)
    want = a.dtype.to_complex()
    if out.dtype is not want:
        raise runtime(f"Expected object of scalar type {dtypes.SCALAR_NAMES[want.name]} but got scalar type "
                      f"{dtypes.SCALAR_NAMES[out.dtype.name]} for argument 'out'")

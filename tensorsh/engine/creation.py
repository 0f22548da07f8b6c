"""Tensor creation: tensor(), ones/zeros/full/empty, *_like, arange, linspace, eye, random tensors."""
import math
import operator

import numpy as np

from . import dtypes, errors, kernels, layout, messages, random as rng, undo
from .autograd import is_grad_enabled
from .errors import make, runtime, type_error, value_error, warn
from .scalars import checked_scalar, fits
from .storage import Storage, TypedStorage, VersionCounter, check_size
from .tensorimpl import (BATCHING, CONTIGUOUS_FORMAT, Tensor, _contiguous_strides, _holds_batched, _shape_list,
                         batched_only_from_batched, int_elements, storage_view)
from .typenames import tp_name as type_name

_wrap = Tensor._from_numpy


def dtype_checked(fn):
    """A creation function's `dtype` (by keyword, or by position where it has one) must be a torch.dtype (or
    Python's float/int/bool, read as PyTorch's parser reads them)."""
    import inspect
    param = inspect.signature(fn).parameters.get("dtype")
    position = None
    if param is not None and param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
        position = list(inspect.signature(fn).parameters).index("dtype")

    def checked(*args, **kwargs):
        given = position is not None and len(args) > position
        dtype = args[position] if given else kwargs.get("dtype")
        dtypes.check_supported(dtype)
        if dtype is not None and not isinstance(dtype, dtypes.DType):
            if type(dtype) is type and dtype in dtypes.PYTHON_TYPES:  # (dtype=float: PyTorch's parser reads float64)
                return checked(*args[:position], dtypes.PYTHON_TYPES[dtype], *args[position + 1:], **kwargs) \
                    if "dtype" not in kwargs else checked(*args, **dict(kwargs, dtype=dtypes.PYTHON_TYPES[dtype]))
            raise type_error(f"{fn.__name__}(): argument 'dtype' must be torch.dtype, not {type(dtype).__name__}")
        if BATCHING[0]:
            return batched_only_from_batched(fn(*args, **kwargs), args, kwargs)
        return fn(*args, **kwargs)
    checked.__name__ = fn.__name__
    checked.__doc__ = fn.__doc__
    return checked


def _finish(arr, dtype, requires_grad):
    return _requiring_grad(_wrap(arr, dtype), requires_grad)


def _requiring_grad(out, requires_grad):
    """A creation function's requires_grad=: only a floating-point tensor can take it."""
    if requires_grad:
        if out.dtype.category < 2:
            raise runtime(messages.CREATE_REQUIRES_GRAD_NON_FLOAT)
        out._requires_grad = True
    return out


def _size(args, size=None):
    if size is not None:
        args = (size,)
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = tuple(args[0])
    shape = int_elements(args, lambda s, i: type_error(
        f"empty(): argument 'size' (position 1) must be tuple of ints, but found element of type {type(s).__name__} at pos {i}"))
    for s in shape:
        if s < 0:
            raise runtime(messages.NEGATIVE_DIMENSION.format(s, _shape_list(shape)))
    return tuple(shape)


def _alloc_check(shape, dtype):
    n = 1
    for s in shape:
        n *= s
    check_size(n * dtype.itemsize)


# ------------------------------------------------------------------ tensor()

def _infer(data, depth=0, first=True):
    """(shape, dtype) of nested Python data, with PyTorch's errors for ragged input; `first`: data is reached by
    first elements only (the path along which PyTorch measures the sizes)."""
    if isinstance(data, Tensor):  # inside a sequence, a tensor where the first elements measured a number is one
        if depth and first and data.numel() != 1:  # number (PyTorch reads it as a Python scalar); elsewhere it may
            raise _NotOneElement(data)  # be a sequence (iterated)
        return (data._shape if not depth or not first else ()), data.dtype
    if isinstance(data, (list, tuple)):
        if not data:
            return (0,), None
        if first and isinstance(data[0], str):  # (a string there would be one more dimension)
            raise value_error("too many dimensions 'str'")
        shapes, dt = None, None
        for i, item in enumerate(data):
            s, d = _infer(item, depth + 1, first and i == 0)
            if shapes is None:
                shapes = s
            elif s != shapes and isinstance(item, Tensor) and shapes == ():  # (a tensor where a number goes)
                if item.numel() != 1:
                    raise _NotOneElement(item)
            elif s != shapes:
                raise _Ragged
            dt = _merge(dt, d)
        return (len(data),) + shapes, dt
    if isinstance(data, (np.ndarray, np.generic)):  # (numpy's own dtype: np.float64 is a float, yet float64)
        from .arrays import array_dtype
        if depth and first and isinstance(data, np.ndarray) and data.ndim == 0:
            raise type_error("len() of unsized object")  # (compute_sizes measures a 0-d array as a sequence)
        return np.shape(data), array_dtype(np.asarray(data))
    if isinstance(data, bool):
        return (), dtypes.bool_
    if isinstance(data, int):
        return (), dtypes.int64
    if isinstance(data, float):
        return (), dtypes.DEFAULT_FLOAT
    if isinstance(data, complex):
        return (), dtypes.default_complex()
    if isinstance(data, (str, bytes)):  # (THPUtils_checkString)
        raise type_error(f"new(): invalid data type '{type(data).__name__}'")
    if is_sequence(data):
        raise _HasSequence
    raise runtime(f"Could not infer dtype of {type_name(data)}")


class _NotOneElement(Exception):
    """A tensor of more or fewer than one element where a number goes (read when stored: see _one_element_error)."""


def _one_element_error(data, dtype, item=None):
    """recursive_store reads a tensor where a number goes as a number of the result's dtype: an integer or bool one
    through __index__ (a TypeError), a float one through __float__ (ValueError, after its warning for a tensor
    that requires grad)."""
    dt = dtype or _scalar_type(data)
    if dt.category < 2:
        return type_error("only integer tensors of a single element can be converted to an index")
    if item is not None and item.requires_grad and is_grad_enabled():
        errors.warn_once(messages.SCALAR_OF_GRAD_TENSOR)
    return value_error(messages.ONE_ELEMENT)


def _has_float_tensor(data):
    if isinstance(data, Tensor):
        return data.dtype.category == 2
    return isinstance(data, (list, tuple)) and any(_has_float_tensor(item) for item in data)


class _Ragged(Exception):
    """Raised up to the outermost _infer, which finds PyTorch's error for the whole data."""


class _HasSequence(Exception):
    """Raised up to tensor(), which reads each range or other sequence in the data as the list of its items and
    infers again (PyTorch takes any Python sequence: torch.tensor(range(3)), x[range(n), target], a program's class
    with __len__ and __getitem__, a deque)."""


def is_sequence(obj):
    """PySequence_Check beyond lists and tuples: a class that reads items by __getitem__, but a dict's or a numpy
    scalar's (a mapping's subscript only)."""
    return hasattr(type(obj), "__getitem__") and not isinstance(obj, (dict, np.generic))


def _sequences_as_lists(data):
    """The data with each sequence in it a list of its items, as PySequence_Length and PySequence_GetItem read them
    ("object of type 'S' has no len()" for one without __len__)."""
    if isinstance(data, (list, tuple)):
        return type(data)(_sequences_as_lists(item) for item in data)
    if isinstance(data, range) or (is_sequence(data) and not isinstance(data, (Tensor, np.ndarray, str, bytes))):
        return [_sequences_as_lists(data[i]) for i in range(len(data))]
    return data


def _ragged(data, dtype):
    """Nested data whose sequences do not nest as the first elements' do: PyTorch's error, or with no element to
    store (a size 0 along the first elements) the (shape, dtype) of the empty result."""
    dt = _scalar_type(data)
    shape, inner = [], data
    while isinstance(inner, (list, tuple, np.ndarray)) and not _is_0d_array(inner):  # (compute_sizes: along the
        shape.append(len(inner))  # first elements, through anything PySequence_Check takes)
        if not len(inner):
            break
        inner = inner[0]
    if 0 in shape:
        return tuple(shape), dt
    raise _store_error(data, shape, 0, dtype or dt) or value_error("ragged data")


def _is_0d_array(obj):
    return isinstance(obj, np.ndarray) and obj.ndim == 0


def _scalar_type(data):
    """infer_scalar_type over every element, its errors first."""
    if isinstance(data, (list, tuple)):
        dt = None
        for item in data:
            dt = _merge(dt, _scalar_type(item))
        return dt or dtypes.DEFAULT_FLOAT
    if isinstance(data, Tensor):  # (whatever its number of elements)
        return data.dtype
    return _infer(data, 1)[1]


def _store_error(obj, shape, dim, dt):
    """recursive_store's first error: a non-sequence where a dimension goes on ("not a sequence"), a length that is
    not the first element's, a sequence where a number goes (unpacked as the dtype's scalar: a list refused by the
    parser's unpacking, an array by numpy's __index__ or __float__). It warns at each array it stores."""
    if dim == len(shape):
        if isinstance(obj, (list, tuple)):
            if dt.category == 2:
                return type_error(f"must be real number, not {type(obj).__name__}")
            return type_error(f"'{type(obj).__name__}' object cannot be interpreted as an integer")
        if isinstance(obj, np.ndarray) and obj.ndim:
            try:
                float(obj) if dt.category >= 2 else operator.index(obj)
            except TypeError as e:
                return type_error(str(e))
        if isinstance(obj, Tensor) and obj.numel() != 1:
            return _one_element_error(obj, dt)
        return None
    if isinstance(obj, Tensor) and obj.dim():
        obj = obj.unbind(0)
    elif not isinstance(obj, (list, tuple, np.ndarray)) or _is_0d_array(obj):
        return type_error("not a sequence")
    if len(obj) != shape[dim]:
        return value_error(f"expected sequence of length {shape[dim]} at dim {dim} (got {len(obj)})")
    for item in obj:
        if isinstance(item, np.ndarray):
            errors.warn_once(messages.LIST_OF_ARRAYS)
        error = _store_error(item, shape, dim + 1, dt)
        if error is not None:
            return error
    return None


def _merge(a, b):
    """infer_scalar_type's fold over a sequence: promoteTypes of its elements' types (a float16 tensor or numpy
    scalar beside an int stays float16)."""
    return dtypes.promote(a, b)


def _flatten(data, out):
    if isinstance(data, Tensor):
        if data.requires_grad and is_grad_enabled():  # each element read as a Python float (THPVariable_float_scalar)
            errors.warn_once(messages.SCALAR_OF_GRAD_TENSOR)
        out.extend(data._np.reshape(-1).tolist())
    elif isinstance(data, (list, tuple)):
        for item in data:
            if isinstance(item, np.ndarray) and item.size:  # (recursive_store's, once per process)
                errors.warn_once(messages.LIST_OF_ARRAYS)
            _flatten(item, out)
    elif isinstance(data, np.ndarray):
        out.extend(data.reshape(-1).tolist())
    else:
        out.append(data)
    return out


def _complex_as_real(v, dt):
    """recursive_store's reading of a complex number where a real dtype's number goes: as a float through
    PyFloat_AsDouble (Python's complex has no __float__: refused; numpy's scalars have one, which warns and drops
    the imaginary part), as an integer through __index__ (refused), as a bool true when either part is non-zero
    if it is a Python complex (numpy's complex128 is one; its complex64 goes through __index__)."""
    if not isinstance(v, (complex, np.complexfloating)):
        return v
    if dt.category == 0 and isinstance(v, complex):
        return bool(v)
    if dt.category == 2:
        if not isinstance(v, np.complexfloating):
            raise type_error("must be real number, not complex")
        warn("Casting complex values to real discards the imaginary part", "ComplexWarning")
        return float(v.real)
    raise type_error(f"'{type_name(v)}' object cannot be interpreted as an integer")


@dtype_checked
def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False, _spelled="torch.tensor"):
    if pin_memory:
        raise runtime(messages.NO_PINNED_MEMORY)
    if isinstance(data, Tensor):
        warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
             f"sourceTensor.detach().clone().requires_grad_(True), rather than {_spelled}(sourceTensor).")
        if BATCHING[0] and getattr(data, "_vmap_batched", False) is True:  # (internal_new_from_data's detach_, on a
            # BatchedTensor: functorch's fallback, which refuses a view)
            warn(messages.VMAP_FALLBACK_WARNING.format("detach_"))
            raise runtime(messages.DETACH_VIEW_INPLACE)
        # (internal_new_from_data: detach().to(dtype, copy=True), whose copy keeps a dense tensor's strides)
        return _requiring_grad(data.detach().to(dtype or data.dtype, copy=True), requires_grad)
    if isinstance(data, (Storage, TypedStorage)):
        return _requiring_grad(_over_storage(data, dtype), requires_grad)
    if isinstance(data, np.ndarray):  # (tensor_from_numpy, then to(dtype, copy=True): its strides, casts, no checks)
        from .arrays import from_numpy
        array = from_numpy(data, warn_if_not_writeable=False)
        return _requiring_grad(array.to(dtype or array.dtype, copy=True), requires_grad)
    else:
        if not isinstance(data, (list, tuple, str, bytes)) and is_sequence(data):
            data = _sequences_as_lists(data)  # (the sequence's items, as compute_sizes reads them)
        if BATCHING[0] and isinstance(data, (list, tuple)) and _holds_batched(data):  # (each read by item())
            raise runtime(messages.VMAP_ITEM)
        if dtype is not None and not isinstance(data, (list, tuple, int, float, complex, str, bytes, np.generic)):
            raise type_error(f"must be real number, not {type_name(data)}")
        try:
            try:
                shape, inferred = _infer(data)
            except _HasSequence:
                data = _sequences_as_lists(data)
                shape, inferred = _infer(data)
        except _Ragged:
            shape, inferred = _ragged(data, dtype)
            data = []
        except _NotOneElement as e:
            raise _one_element_error(data, dtype, e.args[0]) from None
        values = None
    if inferred is None:
        inferred = dtypes.DEFAULT_FLOAT
    dt = dtype or inferred
    if dtype is None and inferred.category == 3 and dtypes.DEFAULT_FLOAT is dtypes.bfloat16 and \
            any(isinstance(v, complex) for v in _flatten(data, [])):  # (infer_scalar_type: no complex type for it)
        raise runtime("invalid default scalar type for complex")
    dtypes.check_supported(dt)
    if dt.category < 2 and inferred.category == 2 and values is None and _has_float_tensor(data):
        raise _one_element_error(data, dt)  # (a float tensor where an integer goes: __index__ refuses it)
    _alloc_check(shape, dt)
    if values is None:
        flat = _flatten(data, [])
        if dt.category < 3 and inferred.category == 3:
            flat = [_complex_as_real(v, dt) for v in flat]
        if dt.category == 1:  # (torch.tensor names the dtype, not its C type; an int64 int is the parser's)
            for v in flat:
                if isinstance(v, np.bool_):  # (unpacked through __index__, which a numpy bool has not)
                    try:
                        operator.index(v)
                    except TypeError as e:
                        raise type_error(str(e)) from None
                if isinstance(v, int) and not -2 ** 63 <= v < 2 ** 63:  # (unpacked as a long long first)
                    raise value_error(messages.LONG_OVERFLOW)
                if not isinstance(v, bool) and (dt is not dtypes.int64 or isinstance(v, float)) and not fits(dt, v):
                    raise runtime(f"value cannot be converted to type {dt.name} without overflow")
        try:
            wide = np.int64 if dt.category == 1 and inferred.category == 1 else np.float64  # (cast after: wraps)
            values = np.array(flat, dtype=dt.np if dt.category >= 2 and dt is not dtypes.float16 or
                              inferred.category in (0, 3) else wide)  # (float16: from doubles, as c10 casts)
        except OverflowError:
            raise value_error(messages.LONG_OVERFLOW) from None
        values = dtypes.cast(values, dt).reshape(shape)
    return _finish(np.asarray(values, dtype=dt.np), dt, requires_grad)


def as_tensor(data, dtype=None, device=None):
    """torch.as_tensor: a tensor is returned as it is (or converted, recorded: ToCopyBackward0), other data copied."""
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    if isinstance(data, np.ndarray):  # shares the array's memory, as torch.from_numpy does
        from .arrays import from_numpy
        return from_numpy(data) if dtype is None or dtype.np == data.dtype else from_numpy(data).to(dtype)
    return tensor(data, dtype=dtype)


def _over_storage(storage, dtype):
    """internal_new_from_data's storage path (torch.tensor, as_tensor, asarray): a typed storage must be of the dtype
    asked for (the default float when none is), an untyped one is read as that dtype or, without one, as the Long
    its items (ints) infer; the tensor is set_ to the whole storage, sharing it, below ADInplaceOrView (version 0)."""
    typed = isinstance(storage, TypedStorage)
    wanted = dtype or dtypes.DEFAULT_FLOAT
    if typed and storage.dtype is not wanted:
        raise runtime(f"Expected a Storage of type {dtypes.SCALAR_NAMES[wanted.name]} or an UntypedStorage, but got "
                      f"{dtypes.SCALAR_NAMES[storage.dtype.name]}")
    if typed:
        storage = storage._untyped
    dt = wanted if typed or dtype is not None else dtypes.int64 if storage.nbytes() else dtypes.DEFAULT_FLOAT
    shape = (storage.nbytes() // dt.itemsize,)  # (PyTorch's bytes: a bfloat16 storage's 2 an element)
    return Tensor._make(storage, 0, shape, (1,), dt, storage_view(storage, dt, shape, (1,), 0), VersionCounter())


def legacy_from_storage(storage, dtype):
    """torch.FloatTensor(storage), x.new(storage) (new_with_storage): a 1-d tensor set_ to the whole storage (its
    version 1); a TypedStorage must be of the dtype."""
    from .storage import TypedStorage
    if isinstance(storage, TypedStorage) and storage.dtype is not dtype:
        raise runtime(f"Expected a Storage of type {dtypes.SCALAR_NAMES[dtype.name]} or an UntypedStorage, but got "
                      f"type {dtypes.SCALAR_NAMES[storage.dtype.name]} for argument 1 'storage'")
    return tensor([], dtype=dtype).set_(storage)


def legacy_from_data(data, dtype):
    """torch.FloatTensor(data), x.new(data) (legacy_new_from_sequence): a sequence's values; an array aliased as
    as_tensor aliases it (its memory shared when the dtype is the array's)."""
    if isinstance(data, np.ndarray):
        return as_tensor(data, dtype)
    return tensor(list(data) if isinstance(data, range) else data, dtype=dtype)


def asarray(obj, dtype=None, device=None, copy=None, requires_grad=None):
    """torch.asarray (tensor_new.cpp): a tensor aliased (itself) unless copy=True or another dtype asks for a copy
    (copy=False then refuses), requires_grad set on it when given (a non-leaf given False is detached); other data
    made as torch.tensor makes it (an array aliased as as_tensor does; copy=False refuses a sequence)."""
    if isinstance(obj, Tensor):
        t = obj
        wrong_dtype = dtype is not None and dtype is not t.dtype
        if copy or (copy is None and wrong_dtype):
            t = t.to(dtype, copy=True) if wrong_dtype else t.clone()
        elif wrong_dtype:
            raise value_error(f"can't alias tensor with dtype '{dtypes.SCALAR_NAMES[t.dtype.name]}' into dtype "
                              f"'{dtypes.SCALAR_NAMES[dtype.name]}'.")
        if requires_grad is None:
            if obj.requires_grad:
                errors.warn_once("torch.asarray: unspecified requires_grad now defaults to obj.requires_grad instead "
                                 "of False. Pass requires_grad=False explicitly to get the old behavior and silence "
                                 "this warning.")
        elif t.is_leaf:
            t.requires_grad_(requires_grad)
        elif not requires_grad:
            t = t.detach()
        return t
    if isinstance(obj, np.ndarray):  # (aliased as a tensor is; a read-only array warns only where it is aliased)
        from .arrays import NOT_WRITABLE, from_numpy
        t = from_numpy(obj, warn_if_not_writeable=False)
        if not copy and dtype in (None, t.dtype) and not obj.flags.writeable:
            errors.warn_once(NOT_WRITABLE)
        return asarray(t, dtype, device, copy, requires_grad)
    if copy is False:
        raise value_error("can't alias arbitrary sequence into a tensor.")
    return tensor(obj, dtype=dtype, requires_grad=bool(requires_grad))


# ------------------------------------------------------------------ filled tensors

def refuse_pinning(pin_memory):
    """A factory's pin_memory=True, refused where its allocation comes (a CPU-only build has no pinned allocator):
    for the factories whose own checks come first (signatures._CHECKED_BEFORE_PINNING)."""
    if pin_memory:
        raise runtime(messages.NO_PINNED_MEMORY)


def _filled(value, args, size, dtype, requires_grad, default=None, name=None, pin_memory=False):
    if name is not None and not args and size is None:
        raise type_error(f'{name}() missing 1 required positional arguments: "size"')
    given = size if size is not None else args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
    if name == "zeros" and any(type(s) is int and s < 0 for s in (given if isinstance(given, (tuple, list)) else
                                                                 (given,))):
        raise runtime("zeros: Dimension size must be non-negative.")  # (ATen's zeros checks before it allocates)
    refuse_pinning(pin_memory)
    shape = _size(args, size)
    dt = dtype or default or dtypes.DEFAULT_FLOAT
    _alloc_check(shape, dt)
    return _finish(np.full(shape, checked_scalar(dt, value, reduced=math.prod(shape) != 1), dtype=dt.np), dt,
                   requires_grad)


@dtype_checked
def ones(*size, dtype=None, requires_grad=False, device=None, **kw):
    return _filled(1, size, kw.get("size"), dtype, requires_grad, name="ones")


@dtype_checked
def zeros(*size, dtype=None, requires_grad=False, device=None, **kw):
    return _filled(0, size, kw.get("size"), dtype, requires_grad, name="zeros", pin_memory=kw.get("pin_memory"))


@dtype_checked
def empty(*size, dtype=None, requires_grad=False, device=None, memory_format=None, **kw):
    out = _filled(0, size, kw.get("size"), dtype, requires_grad, name="empty")
    if memory_format is None or memory_format is CONTIGUOUS_FORMAT:
        return out
    if memory_format.rank is None:  # (empty_tensor_restride: preserve_format is no layout of its own)
        raise runtime("unsupported memory format Preserve")
    memory_format.check_rank(out._shape)
    return _requiring_grad(layout.like(out._np, out.dtype, out, memory_format.strides(out._shape)), requires_grad)


@dtype_checked
def full(size, fill_value, dtype=None, requires_grad=False, device=None, **_):
    default = dtypes.scalar_dtype(fill_value) if not isinstance(fill_value, Tensor) else fill_value.dtype
    if isinstance(fill_value, complex):  # (infer_full_options: complex128 under the default float64, else complex64)
        default = dtypes.complex128 if dtypes.DEFAULT_FLOAT is dtypes.float64 else dtypes.complex64
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    return _filled(fill_value, (size,), None, dtype, requires_grad, default)


def _check_input(op, input):
    if not isinstance(input, Tensor):
        raise type_error(f"{op}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")


def _like_result(name, input, dtype, memory_format, requires_grad, values):
    """*_like(input): input's shape, laid out as torch.empty_like(input, memory_format=...) lays it out;
    values(n, contiguous) gives its n elements in memory order, the order PyTorch's fills and draws write them."""
    _check_input(name, input)
    dt = dtype or input.dtype
    _alloc_check(input._shape, dt)
    flat = np.empty(math.prod(input._shape), dt.np)
    out = layout.over_storage(flat, dt, input, layout.format_strides(input, memory_format))
    if flat.size or not name.startswith("rand"):  # (no draws into nothing: no kernel, no dtype check; fill_
        # of nothing still checks its value)
        flat[...] = values(flat.size, out.is_contiguous())  # (out's elements are flat's, in memory order)
    return _requiring_grad(out, requires_grad)


def _like(value, name):
    def op(input, dtype=None, requires_grad=False, device=None, memory_format=None, **_):
        return _like_result(name, input, dtype, memory_format, requires_grad, lambda n, _: value)
    op.__name__ = name
    return op


ones_like = dtype_checked(_like(1, "ones_like"))
zeros_like = dtype_checked(_like(0, "zeros_like"))
empty_like = dtype_checked(_like(0, "empty_like"))


@dtype_checked
def full_like(input, fill_value, dtype=None, requires_grad=False, device=None, memory_format=None, **_):
    return _like_result("full_like", input, dtype, memory_format, requires_grad,
                        lambda n, _: checked_scalar(dtype or input.dtype, fill_value, reduced=n != 1))


@dtype_checked
def arange(start, end=None, step=1, dtype=None, requires_grad=False, device=None, **_):
    if end is None:
        start, end = 0, start
    start, end, step = (v.item() if isinstance(v, Tensor) else v for v in (start, end, step))
    is_float = any(isinstance(v, (float, complex)) for v in (start, end, step))
    dt = dtype or (dtypes.DEFAULT_FLOAT if is_float else dtypes.int64)
    start, end, step = range_scalars("arange_cpu", dt, (start, end, step))
    # (ATen's arange_out: its checks on the ends and step as doubles, the size in double but for int64)
    if not (float(step) > 0 or float(step) < 0):
        raise runtime("step must be nonzero")
    if not (math.isfinite(float(start)) and math.isfinite(float(end))):
        raise runtime(f"unsupported range: {messages.cpp_double(start)} -> {messages.cpp_double(end)}")
    if not ((step > 0 and end >= start) or (step < 0 and end <= start)):
        raise runtime("upper bound and lower bound inconsistent with step sign")
    if dt.category == 2:
        n = math.ceil((float(end) - float(start)) / float(step))
    else:  # (the accumulate type is int64: the ends and step truncated toward zero)
        if dt is dtypes.int64:
            start, end, step = int(start), int(end), int(step)
            if not all(-2 ** 63 <= v < 2 ** 63 for v in (start, end, step)):  # (as int64_t, checked)
                raise runtime("value cannot be converted to type int64_t without overflow")
            if step == 0:
                raise value_error("step must be nonzero")
            span = end - start + step - (1 if step > 0 else -1)
            n = abs(span) // abs(step) * (1 if (span >= 0) == (step > 0) else -1)
        else:
            n = math.ceil((float(end) - float(start)) / float(step))
            start, step = int(start), int(step)
    if dt is not dtypes.int64:  # (the kernel's start and step; the end is not read)
        accumulate_checked(dt, (start, step))
    if not 0 <= n <= 2 ** 63 - 1:
        raise runtime("invalid size, possible overflow?")
    check_size(n * dt.itemsize)
    if dt.category == 2:
        arr = _arange_floats(start, step, n, dt)
    else:
        arr = (start + np.arange(n, dtype=np.int64) * step).astype(dt.np)
    return _finish(arr, dt, requires_grad)


_ARANGE_LANES = {"float32": 8, "float64": 4, "float16": 16, "bfloat16": 16}


def _arange_floats(start, step, n, dt):
    """arange_kernel: pairs of vectors Vectorized::arange(base, step) (base = start + step * idx in the accumulate
    type, rounded to the dtype; lane i = base + i * step in the accumulate type, rounded), the rest one by one
    (start + step * idx); the accumulate type is double, float for float16/bfloat16, each `+ *` one fused
    multiply-add (the compiler's). The chunks of parallel_for (beyond 32768 elements) start their own vectors."""
    acc = np.float64 if dt.itemsize >= 4 else np.float32
    lanes = _ARANGE_LANES[dt.name]
    a_start, a_step = np.full(n, start, acc), np.full(n, step, acc)
    values = kernels.fma(a_step, np.arange(n, dtype=acc), a_start)  # (the one-by-one values)
    for begin, stop in kernels._thread_ranges(n, kernels.num_threads()):
        vectors = (stop - begin) // (2 * lanes) * (2 * lanes)
        if vectors:
            part = slice(begin, begin + vectors)
            base_idx = np.repeat(np.arange(begin, begin + vectors, lanes).astype(acc), lanes)
            base = _round_to(kernels.fma(a_step[part], base_idx, a_start[part]), dt).astype(acc)
            values[part] = kernels.fma(np.tile(np.arange(lanes, dtype=acc), vectors // lanes), a_step[part], base)
    return _round_to(values, dt)


def _round_to(values, dt):
    if dt is dtypes.bfloat16:
        return dtypes.round_bfloat16(values.astype(np.float32))
    return values.astype(dt.np)


@dtype_checked
def linspace(start, end, steps, dtype=None, requires_grad=False, device=None, pin_memory=False, **_):
    _zero_dim_ends("linspace", start, end)
    if steps < 0:
        raise runtime("number of steps must be non-negative")
    dtype, start, end = _complex_ends("torch.linspace()", dtype, start, end)
    refuse_pinning(pin_memory)  # (at::empty of the inferred options)
    if dtype is not None and dtype.category == 3:  # (c10::complex's arithmetic: each part its own real line)
        for v in (start, end)[:steps]:  # (fill_(start) of one element, the kernel's both ends of more)
            checked_scalar(dtype, v)
        real, imag = (linspace(getattr(start, part), getattr(end, part), steps, dtype=dtype.to_real())._np
                      for part in ("real", "imag"))
        return _finish(kernels.complex_of(real, imag, dtype.np), dtype, requires_grad)
    dt = dtype or dtypes.DEFAULT_FLOAT
    check_size(steps * dt.itemsize)
    start, end = (v.item() if isinstance(v, Tensor) else v for v in (start, end))  # (0-dim ends: their numbers)
    if steps <= 1:  # (no kernel: nothing converted, or a one-element fill_(start))
        arr = np.array([checked_scalar(dt, start, reduced=False)] if steps else [])
    else:
        if dt is dtypes.bool_ and steps > 1:
            raise not_implemented_for("linspace_cpu", dt)
        # PyTorch fills the first half from start and the second half back from end: the ends converted to the
        # dtype first (an integer dtype truncates them), the step (end - start) / (steps - 1) in the dtype (in double
        # for integers), each value one fused multiply-add (exact products in float64 for float32)
        idx = np.arange(steps, dtype=np.float64)
        if dt.category == 2:
            T = dt.np.type
            lo, hi = (T(checked_scalar(dt, v)) for v in (start, end))  # (Scalar::to<scalar_t>, checked)
            step = T(T(hi - lo) / T(steps - 1))
        else:  # (the ends converted to the integer type as c10 converts a number: a negative int wraps into an
            lo, hi = _integer_ends(dt, start, end)  # unsigned type, a value beyond it is refused)
            step = (hi - lo) / (steps - 1)
        if dt.itemsize == 2 and dt.category == 2:  # (float16, bfloat16: every operation rounded to the dtype)
            arr = _linspace_reduced(lo, hi, steps, dt)
        elif dt is dtypes.float64:
            arr = np.where(idx < steps // 2, kernels.fma(np.full(steps, step), idx, np.full(steps, lo)),
                           kernels.fma(np.full(steps, -step), steps - 1 - idx, np.full(steps, hi)))
        else:
            lo, hi, step = float(lo), float(hi), float(step)
            arr = np.where(idx < steps // 2, lo + step * idx, hi - step * (steps - 1 - idx))
    arr = arr.astype(dt.np) if dt.category == 2 else np.trunc(arr).astype(dt.np)
    return _finish(arr, dt, requires_grad)


def _linspace_reduced(lo, hi, steps, dt):
    """linspace_kernel in c10::Half / c10::BFloat16 arithmetic, each operation in float rounded to the dtype: the
    step (end - start) / (steps - 1), then start + step * idx below halfway (steps / 2) and end - step * (steps - idx
    - 1) from there, element by element (measured: no vector body's arange for these dtypes)."""
    r = dtypes.rounding(dt)
    lo, hi = r(np.float32(lo)), r(np.float32(hi))
    step = r(r(hi - lo) / r(np.float32(steps - 1)))
    idx = np.arange(steps, dtype=np.float32)
    return np.where(idx < steps // 2, r(lo + r(step * r(idx))), r(hi - r(step * r(steps - 1 - idx))))


@dtype_checked
def eye(n, m=None, dtype=None, requires_grad=False, device=None, **_):
    m = n if m is None else m
    for name, v in (("n", n), ("m", m)):
        if v < 0:
            raise runtime(f"{name} must be greater or equal to 0, got {v}")
    dt = dtype or dtypes.DEFAULT_FLOAT
    check_size(n * m * dt.itemsize)
    return _finish(np.eye(n, m, dtype=dt.np), dt, requires_grad)


# ------------------------------------------------------------------ random tensors

def _generator(generator):
    if generator is not None and not isinstance(generator, rng.Generator):
        raise type_error(f"argument 'generator' must be torch.Generator, not {type(generator).__name__}")
    g = generator if generator is not None else rng.default_generator
    if undo._journal is not None:
        undo.touch(_GeneratorState(g), ("generator", id(g)))
    return g


class _GeneratorState:
    """Lets the undo journal restore a generator a failed statement drew from."""
    __slots__ = ("g",)

    def __init__(self, g):
        self.g = g

    def _snapshot(self):
        return self.g._snapshot()

    def _restore(self, state):
        self.g._restore(state)


def not_implemented_for(kernel, dt):
    """ATen's dispatch error: NotImplementedError "<kernel>" not implemented for '<scalar name>'."""
    return make("NotImplementedError", f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def _float_dtype(dtype):
    dt = dtype or dtypes.DEFAULT_FLOAT
    if dt.category < 2:
        raise not_implemented_for("check_uniform_bounds", dt)
    return dt


_RANDOM_FORMS = (" * (tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, "
                 "torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = "
                 "False)\n * (tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = "
                 "None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")


def _random_size(name, size):
    if not size:
        raise type_error(f"{name}() received an invalid combination of arguments - got (), but expected one of:\n"
                         + _RANDOM_FORMS)
    return _size(size)


@dtype_checked
@rng.random_op
def rand(*size, generator=None, dtype=None, requires_grad=False, device=None, **_):
    shape = _random_size("rand", size)
    dt = _float_dtype(dtype)
    _alloc_check(shape, dt)
    n = math.prod(shape)
    arr = _draws("uniform", dt, generator)(n).reshape(shape)
    return _finish(arr, dt, requires_grad)


def _draws(kind, dt, generator):
    """draw(n, contiguous) giving n values of dt from the generator's uniform or normal draws; a complex dtype's are
    a fill of view_as_real, its 2n parts one after the other (normal_impl_: std 1/sqrt(2))."""
    gen = _generator(generator)
    if dt.category == 3:
        real = dt.to_real().name
        if kind == "uniform":
            return lambda n, contiguous=True: np.ascontiguousarray(gen.uniform(2 * n, real)).view(dt.np)
        return lambda n, contiguous=True: np.ascontiguousarray(
            gen.normal(2 * n, real, std=1 / math.sqrt(2), contiguous=contiguous)).view(dt.np)
    if kind == "uniform":
        return lambda n, contiguous=True: gen.uniform(n, dt.name)
    return lambda n, contiguous=True: gen.normal(n, dt.name, contiguous=contiguous)


@dtype_checked
@rng.random_op
def randn(*size, generator=None, dtype=None, requires_grad=False, device=None, **_):
    shape = _random_size("randn", size)
    dt = dtype or dtypes.DEFAULT_FLOAT
    if dt.category < 2 and math.prod(shape):  # (normal_ of nothing runs no kernel)
        raise not_implemented_for("normal_kernel_cpu", dt)
    _alloc_check(shape, dt)
    n = math.prod(shape)
    arr = _draws("normal", dt, generator)(n).reshape(shape) if n else np.zeros(shape, dt.np)
    return _finish(arr, dt, requires_grad)


def _float_digits(dt):
    """std::numeric_limits<scalar_t>::digits of a float dtype (bfloat16's 8: it is held in float32 here)."""
    return 8 if dt is dtypes.bfloat16 else np.finfo(dt.np).nmant + 1


def _float_bound(bound, dt, step):
    """ATen's update_from (step 1) / update_to (step -1): a bound whose neighbour rounds past it in the float
    dtype moves inward by the dtype's spacing there."""
    wrapped = (bound + step + (1 << 63)) % (1 << 64) - (1 << 63)  # (int64 arithmetic)
    with np.errstate(over="ignore"):  # (static_cast<scalar_t>(int64): a half type's through float)
        rounded = np.asarray(wrapped, np.int64).astype(np.float64 if dt is dtypes.float64 else np.float32)
        rounded = dtypes.to_bfloat16(rounded.reshape(1))[0] if dt is dtypes.bfloat16 else rounded.astype(dt.np)
    # (the cast back to int64 of a value out of its range, inf too, is x86's INT64_MIN: to = 2^63 - 1 is not moved)
    near = int(rounded) if -2.0 ** 63 <= float(rounded) < 2.0 ** 63 else -(1 << 63)
    if (near < bound) if step > 0 else (near >= bound):
        n = abs(bound + step).bit_length() - 1
        return near + step * (1 << (n - _float_digits(dt) + 1))
    return bound


def random_bounds(from_, to, dt):
    """random_from_to_impl's [from, to) for a tensor of dtype dt (random_(from, to), randint): from < to; a float
    dtype's bounds moved inward to values it holds (update_from/update_to); the dtype's range checked. `to` None:
    up to the dtype's top (an integer's max, a float's 2^digits, capped at int64's max), that included."""
    if to is None:
        if dt.category == 3:
            raise runtime("random_from_to_impl handles only integral, floating-point and boolean types")
        if dt.category == 2:
            to_inc = min(1 << _float_digits(dt), (1 << 63) - 1)
            from_ = _float_bound(from_, dt, 1)
            if not from_ < to_inc:
                raise runtime("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to "
                              f"dtype, but got from={from_} > to_inc={to_inc}")
        else:
            to_inc = 1 if dt is dtypes.bool_ else int(np.iinfo(dt.np).max)
        check_random_bound(from_, "from", dt)
        check_random_bound(to_inc, "to - 1", dt)
        return from_, to_inc + 1
    if not from_ < to:
        raise runtime(messages.RANDOM_FROM_TO.format(low=from_, high=to))
    if dt.category == 2:
        from_, to = _float_bound(from_, dt, 1), _float_bound(to, dt, -1)
        if not from_ < to:
            raise runtime("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got "
                          f"from={from_} >= to={to}")
    check_random_bound(from_, "from", dt)
    check_random_bound(to - 1, "to - 1", dt)
    return from_, to


@dtype_checked
def check_random_bound(value, name, dt):
    """check_from_to_in_range: the dtype's range (CHECK_OUT_OF_BOUNDS), and a float's exact integers (a warning)."""
    if dt.category == 3:
        raise runtime("check_random_bounds handles only integral, floating-point and boolean types")
    if dt.category == 2:
        lo, hi = float(np.finfo(dt.np).min), float(np.finfo(dt.np).max)
    else:
        lo, hi = (0, 1) if dt is dtypes.bool_ else (int(np.iinfo(dt.np).min), int(np.iinfo(dt.np).max))
    if not lo <= value <= hi:
        raise runtime(f"{name} is out of bounds for {dtypes.C_NAMES[dt.name]}")
    digits = _float_digits(dt) if dt.category == 2 else None
    if digits is not None and not -(1 << digits) <= value <= 1 << digits:
        warn(f"{name} is out of bounds [-(2^{digits}), 2^{digits}]. Due to precision limitations "
             f"{dtypes.C_NAMES[dt.name]} can support discrete uniform distribution only within this range. This warning "
             "will become an error in version 1.7 release, please fix the code in advance")


@rng.random_op
def randint(*args, size=None, generator=None, dtype=None, requires_grad=False, device=None, low=None, high=None, **_):
    args = list(args)
    if size is None and args and isinstance(args[-1], (tuple, list)):
        size = args.pop()
    if high is None:  # (the last positional is high, one before it low: also beside high=, as the parser binds)
        if not args:
            raise type_error("randint() received an invalid combination of arguments")
        high = args.pop()
    if low is None:
        low = args.pop() if args else 0
    if size is None:
        raise type_error("randint() missing 1 required positional arguments: \"size\"")
    shape = _size((size,))
    if low >= high:
        raise runtime(messages.RANDOM_FROM_TO.format(low=low, high=high))
    dt = dtype or dtypes.int64
    _alloc_check(shape, dt)
    low, high = random_bounds(low, high, dt)  # (randint is random_(low, high) on a new tensor)
    n = math.prod(shape)
    arr = _generator(generator).randint(low, high, n).reshape(shape)
    return _finish(arr.astype(dt.np), dt, requires_grad)


@dtype_checked
@rng.random_op
def rand_like(input, dtype=None, requires_grad=False, generator=None, memory_format=None, **_):
    _check_input("rand_like", input)
    dt = _float_dtype(dtype or input.dtype)
    return _like_result("rand_like", input, dt, memory_format, requires_grad, _draws("uniform", dt, generator))


@dtype_checked
@rng.random_op
def randn_like(input, dtype=None, requires_grad=False, generator=None, memory_format=None, **_):
    _check_input("randn_like", input)
    dt = dtype or input.dtype
    if dt.category < 2 and input.numel():  # (normal_ of nothing runs no kernel)
        raise not_implemented_for("normal_kernel_cpu", dt)
    return _like_result("randn_like", input, dt, memory_format, requires_grad, _draws("normal", dt, generator))


@dtype_checked
@rng.random_op
def randint_like(input, low=0, high=None, dtype=None, requires_grad=False, generator=None, memory_format=None, **_):
    _check_input("randint_like", input)
    if high is None:
        if isinstance(low, Tensor) and low.dim() != 0:  # (the Tensor-high overload: a 0-dim tensor only)
            raise runtime("high must be a scalar tensor and on CPU")
        low, high = 0, low
    low, high = (v.item() if isinstance(v, Tensor) else v for v in (low, high))
    dt = dtype or input.dtype
    low, high = random_bounds(low, high, dt)  # (randint_like is empty_like(input).random_(low, high))
    draw = _generator(generator).randint
    return _like_result("randint_like", input, dt, memory_format, requires_grad, lambda n, _: draw(low, high, n))


@dtype_checked
def logspace(start, end, steps, base=10.0, dtype=None, requires_grad=False, device=None, pin_memory=False, **_):
    """PyTorch's CPU logspace: the first half of the exponents from start, the second back from end (the step in
    double from the ends in the output type), each power the C library's pow in double, stored in the output."""
    _zero_dim_ends("logspace", start, end)
    if steps < 0:
        raise runtime("number of steps must be non-negative")
    dtype, start, end = _complex_ends("torch.logspace()", dtype, start, end)
    refuse_pinning(pin_memory)
    dt = dtype or dtypes.DEFAULT_FLOAT
    check_size(steps * dt.itemsize)
    pow_ = kernels._libm("pow", 2) or math.pow
    if dt.category == 3:
        for v in (start, end) if steps > 1 else ():  # (the kernel's ends, checked)
            checked_scalar(dt, v)
        return _finish(_complex_logspace(start, end, steps, base, dt, pow_), dt, requires_grad)
    if steps <= 1:  # (no element: no kernel runs to refuse a dtype; one: fill_(pow(base, start)))
        arr = np.array([checked_scalar(dt, pow_(float(base), float(start)), reduced=False)] if steps else [])
    else:
        if dt.category == 2:
            s, e = (dt.np.type(checked_scalar(dt, v)) for v in (start, end))  # (Scalar::to<scalar_t>, checked)
            b, step = float(base), float(e - s) / (steps - 1) if steps > 1 else 0.0
        elif dt is dtypes.bool_:
            raise not_implemented_for("logspace_cpu", dt)
        else:
            s, e = _integer_ends(dt, start, end)
            b, step = float(np.float32(base)), float(e - s) / (steps - 1) if steps > 1 else 0.0
        arr = np.array([pow_(b, float(s) + step * i) if i < steps // 2 else pow_(b, float(e) - step * (steps - i - 1))
                        for i in range(steps)], np.float64)
    with np.errstate(all="ignore"):
        arr = arr.astype(dt.np) if dt.category == 2 else np.trunc(arr).astype(dt.np)
    return _finish(arr, dt, requires_grad)


def accumulate_checked(dt, values):
    """arange/range's numbers as their kernels read them, in at::acc_type (int64_t for the integer dtypes, float for
    float16/bfloat16): Scalar::to, checked ('value cannot be converted to type int64_t without overflow')."""
    if dt.category == 1 or dt.itemsize == 2:
        for v in values:
            checked_scalar(dtypes.int64 if dt.category == 1 else dtypes.float32, v)


def range_scalars(kernel, dt, values):
    """arange/range's dispatch (no bool or complex kernel) before their checks, then the ends and step as doubles
    (Scalar::to<double>): a complex number is its real part, one with an imaginary part overflows."""
    if dt is dtypes.bool_ or dt.category == 3:
        raise not_implemented_for(kernel, dt)
    if any(isinstance(v, complex) and v.imag for v in values):
        raise runtime("value cannot be converted to type double without overflow")
    return [v.real if isinstance(v, complex) else v for v in values]


def _complex_logspace(start, end, steps, base, dt, pow_):
    """logspace_cpu_out's complex branch: the exponents in complex<T> (the step divided as c10::complex divides, by
    the reciprocal of the real divisor), each power libstdc++'s std::pow of complex<T> (the C library's cpow); one
    step is std::pow(double, complex<double>), the polar form for a positive base."""
    if steps == 0:
        return np.empty(0, dt.np)
    if steps == 1:
        b = float(base)
        if b > 0:
            rho, theta = pow_(b, start.real), start.imag * math.log(b)
            value = complex(rho * math.cos(theta), rho * math.sin(theta))
        else:
            value = complex(kernels.complex_pow(b, np.array([start]), np.complex128)[0])
        return np.array([checked_scalar(dt, value)])  # (fill_ of the power, checked)
    T = dt.to_real().np.type
    scl = T(1) / T(steps - 1)
    step_re, step_im = T(T(end.real) - T(start.real)) * scl, T(T(end.imag) - T(start.imag)) * scl
    i = np.arange(steps)
    first = i < steps // 2
    k = np.where(first, i, steps - 1 - i).astype(dt.to_real().np)
    sign = np.where(first, T(1), T(-1))
    re = np.where(first, T(start.real), T(end.real)) + sign * (k * step_re)
    im = np.where(first, T(start.imag), T(end.imag)) + sign * (k * step_im)
    return kernels.complex_pow(complex(T(base)), kernels.complex_of(re, im, dt.np), dt.np)


def _complex_ends(name, dtype, start, end):
    """linspace_logspace_infer_options: complex ends make the default complex dtype and refuse a real one; the ends
    as Python numbers (complex ones for a complex dtype)."""
    start, end = (v.item() if isinstance(v, Tensor) else v for v in (start, end))
    if complex in (type(start), type(end)):
        if dtype is None:
            dtype = dtypes.default_complex()
            dtypes.check_supported(dtype)  # (complex32 under the default float16)
        elif dtype.category != 3:
            raise runtime(f"{name}: inferred dtype {dtypes.C_NAMES[dtypes.default_complex().name]} can't be safely "
                          f"cast to passed dtype {dtypes.SCALAR_NAMES[dtype.name]}")
    if dtype is not None and dtype.category == 3:
        start, end = complex(start), complex(end)
    return dtype, start, end


def _zero_dim_ends(name, start, end):
    """linspace/logspace's tensor ends must be 0-dim. With two tensor ends (the Tensor_Tensor overload) PyTorch's
    message names both ends' dims, even a 0-dim one; with one, only that end's."""
    ends = [(what, v) for what, v in (("start", start), ("end", end)) if isinstance(v, Tensor)]
    if any(v.dim() for _, v in ends):
        said = " and ".join(f"{what} with {v.dim()} dimension(s)" for what, v in ends)
        raise runtime(f"{name} only supports 0-dimensional start and end tensors, but got {said}.")


def _integer_ends(dt, start, end):
    """linspace/logspace's ends in integer type dt (Scalar::to<scalar_t>), as Python numbers."""
    return tuple(float(checked_scalar(dt, v.item() if isinstance(v, Tensor) else v)) for v in (start, end))


def _triangle_indices(name, lower):
    def fn(row, col, offset=0, *, dtype=None, device=None, layout=None, pin_memory=False, requires_grad=False):
        for arg, v in (("row", row), ("col", col)):  # (check_args, before the kernel's index-type dispatch)
            if v < 0:
                raise runtime(f"{arg} must be non-negative, got{v}")
        refuse_pinning(pin_memory)
        dt = dtype or dtypes.int64
        if dt not in (dtypes.int64, dtypes.int32):
            raise make("NotImplementedError", f"\"{name}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
        rows, cols = (np.tril_indices if lower else np.triu_indices)(row, offset, col)
        arr = np.array(np.stack([rows, cols]), dt.np, order="C").reshape(2, -1)
        return _finish(arr, dt, requires_grad)
    fn.__name__ = fn.__qualname__ = name
    return fn


tril_indices = _triangle_indices("tril_indices", True)
triu_indices = _triangle_indices("triu_indices", False)

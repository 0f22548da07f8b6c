"""Tensor's data (PyTorch's TensorImpl): a (storage, offset, shape, strides, dtype) view with its autograd
metadata. Its ops come from the registry (ops/registry.py); `tensor.py` is the Tensor with them installed."""
import operator
import sys
import weakref

import numpy as np

from . import autograd, dtypes, errors, messages, typenames, undo
from .errors import runtime, index_error, type_error, hook_type_error, warn, warn_once
from .scalars import unpack_long
from .storage import (BFloat16Storage, ConjStorage, INFERENCE_VIEW_COUNTER, Storage, VersionCounter, detached_counter,
                      is_zero_tensor, note)

np.seterr(all="ignore")  # PyTorch computes inf/nan silently


def size_items(items):
    """THPSize_pynew's check of each item: an int, else what its __index__ gives (a bool, a numpy integer or 0-d
    integer array, an integral tensor of one element)."""
    out = []
    for i, v in enumerate(items):
        if isinstance(v, np.integer):  # (THPUtils_checkLong takes a numpy integer as it is: the Size holds it)
            out.append(v)
            continue
        if not isinstance(v, int):
            try:
                v = operator.index(v)
            except Exception:  # (whatever __index__ raised: PyTorch's own message instead)
                raise type_error(f"torch.Size() takes an iterable of 'int' (item {i} is "
                                 f"'{typenames.tp_name(items[i])}')") from None
        out.append(int(unpack_long(v)))
    return out


class Size(tuple):
    """torch.Size."""
    __module__ = "torch"  # repr(type(x.shape)) is <class 'torch.Size'>
    __api__ = frozenset({"numel", "count", "index"})
    __format__ = errors.c_type_format("torch.Size")
    __tsh_bases_as_torch__ = True  # (its __mro__ is PyTorch's: (torch.Size, tuple, object))

    def __new__(cls, *args, **kwargs):
        """torch.Size(iterable): tuple's own argument errors, then each item an int of 64 bits (or an integral
        one-element tensor: size_items). The engine makes its Sizes by tuple.__new__, unchecked."""
        if kwargs:
            raise type_error("tuple() takes no keyword arguments")
        if len(args) > 1:
            raise type_error(f"tuple expected at most 1 argument, got {len(args)}")
        items = tuple(args[0]) if args else ()
        for v in items:
            if type(v) is not int:
                return tuple.__new__(cls, size_items(items))
        return tuple.__new__(cls, items)  # (an int past 64 bits is kept: reading it back as a long long fails)

    def _check_long_long(self):
        if any(type(s) is int and not -2 ** 63 <= s < 2 ** 63 for s in self):
            raise errors.make("ValueError", messages.LONG_OVERFLOW)

    def __repr__(self):
        self._check_long_long()
        return "torch.Size([" + ", ".join(str(s) for s in self) + "])"

    __str__ = __repr__

    @errors.c_method("Size", 0)
    def numel(self):
        self._check_long_long()
        n = 1
        for s in self:
            n *= int(s)
        return n

    def __getitem__(self, item):
        try:
            r = tuple.__getitem__(self, item)
        except IndexError as e:  # (a program's error, raised as the engine raises PyTorch's)
            raise index_error(str(e)) from None
        except TypeError as e:
            raise type_error(str(e)) from None
        return tuple.__new__(Size, r) if isinstance(item, slice) else r

    def __add__(self, other):  # (THPSize's concatenation and repetition give Sizes)
        if not isinstance(other, tuple):
            raise type_error(f"can only concatenate tuple (not {type(other).__name__}) to torch.Size")
        return tuple.__new__(Size, tuple.__add__(self, other))

    def __radd__(self, other):
        return tuple.__new__(Size, tuple.__add__(other, self)) if isinstance(other, tuple) else NotImplemented

    def __mul__(self, n):
        if not hasattr(type(n), "__index__"):
            raise type_error(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        return tuple.__new__(Size, tuple.__mul__(self, n))

    __rmul__ = __mul__


DEVICE_BLOCKS = {}  # `with torch.device(...)`'s enter and exit: defaults registers them as it loads


class Device:
    """torch.device: a type and an optional index (a tensor's is always the index-less cpu)."""
    __api__ = frozenset({"type", "index"})
    __slots__ = ("type", "index")
    __module__ = "torch"
    __format__ = errors.c_type_format("torch.device")
    __tsh_bases_as_torch__ = True
    parse = None  # pyapi.make_device behind PyTorch's parser (torch_api binds it): torch.device(...) in a program

    def __new__(cls, *args, **kwargs):
        return Device.parse(*args, **kwargs)

    @classmethod
    def make(cls, type="cpu", index=None):
        self = object.__new__(cls)
        self.type, self.index = type, index
        return self

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (Device.make, (self.type, self.index))

    def __repr__(self):
        return f"device(type='{self.type}')" if self.index is None else \
            f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):  # (torch.device('cpu') == 'cpu' is False in PyTorch)
        return isinstance(other, Device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))

    def __lt__(self, other):  # (THPDevice_rc: two devices are not ordered; anything else is Python's to refuse)
        if not isinstance(other, Device):
            return NotImplemented
        raise type_error("comparison not implemented")

    __le__ = __gt__ = __ge__ = __lt__

    def __enter__(self):
        return DEVICE_BLOCKS["enter"](self)

    def __exit__(self, *exc):
        DEVICE_BLOCKS["exit"]()


# Python's tp_name of these (its own messages print it: "'torch.Size' object is not callable"); a program reads the
# short name as type(x).__name__ (__tsh_name__), and the class's repr is its module and __qualname__
Device.__qualname__, Device.__name__, Device.__tsh_name__ = "device", "torch.device", "device"
Size.__name__, Size.__tsh_name__ = "torch.Size", "Size"
CPU = Device.make()
Storage.device = CPU  # (an untyped storage's device)


class MemoryFormat:
    """torch.preserve_format, torch.contiguous_format, torch.channels_last, torch.channels_last_3d: how clone(),
    contiguous(), to() and the *_like functions lay their result out. A channels-last format has its rank (4, 5) and
    its dims' order in memory, fastest first: C, the spatial dims from the last, N."""
    __slots__ = ("name", "rank", "order")
    __format__ = errors.c_type_format("torch.memory_format")
    __tsh_bases_as_torch__ = True
    __api__ = frozenset()
    __module__ = "torch"

    def __init__(self, *args, **kwargs):
        if kwargs.get("_made") is not True:  # (the four formats are the only ones: torch.memory_format(...) is refused)
            raise type_error("cannot create 'torch.memory_format' instances")
        self.name, self.rank = args if len(args) == 2 else (args[0], None)
        self.order = None if self.rank is None else (1,) + tuple(range(self.rank - 1, 1, -1)) + (0,)

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):
        return self.name  # (copy.copy/deepcopy give the format itself, as PyTorch's)

    def check_rank(self, shape):
        """c10's empty_tensor_restride: a channels-last format needs a tensor of its rank."""
        if self.rank is not None and len(shape) != self.rank:
            raise runtime(f"required rank {self.rank} tensor to use {self.name} format")

    def strides(self, shape):
        """get_channels_last_strides_2d/_3d: C's stride 1, each slower dim's the product of the faster dims' sizes
        (a size 0 included, unlike contiguous strides)."""
        out, acc = [0] * len(shape), 1
        for d in self.order:
            out[d] = acc
            acc *= shape[d]
        return tuple(out)

    def is_contiguous(self, shape, stride):
        """compute_channels_last_contiguous_2d/_3d: False for a tensor of another rank."""
        if len(shape) != self.rank:
            return False
        expected = 1
        for d in self.order:
            if shape[d] != 1:
                if stride[d] != expected:
                    return False
                expected *= shape[d]
        return True


PRESERVE_FORMAT = MemoryFormat("preserve_format", _made=True)
CONTIGUOUS_FORMAT = MemoryFormat("contiguous_format", _made=True)
autograd.CONTIGUOUS_FORMAT[0] = CONTIGUOUS_FORMAT
CHANNELS_LAST = MemoryFormat("channels_last", 4, _made=True)
CHANNELS_LAST_3D = MemoryFormat("channels_last_3d", 5, _made=True)
errors.name_c_type(MemoryFormat, "torch.memory_format")


class _InferenceMode:
    """ViewInfo.grad_mode of a view made in inference_mode: false like no_grad's, with its own error texts."""
    __slots__ = ()

    def __bool__(self):
        return False


IN_INFERENCE_MODE = _InferenceMode()
IN_CUSTOM_FUNCTION = "custom"  # ViewInfo.grad_mode of a view a custom Function made (or an input it returned)
IN_MULTI_OUTPUT = "multi"  # ViewInfo.grad_mode of an output of split/chunk/unbind (CreationMeta::MULTI_OUTPUT_NODE)
WRAPPED_REPR = [None]  # func.wrapped_repr, set by func.py (which makes the tensors with a _func_level)
FUNC_LEVELS = []  # the levels of the torch.func grad/vjp/jvp transforms under way (func.py): a tensor made inside
# one is functorch's GradTrackingTensor and prints as one (its `_func_level`: the innermost level that wraps it)
BATCHING = [0]  # func._run_vmap's per-element runs under way: a tensor made in one (not a view of a tensor from outside
# it) stands for its element of one of vmap's BatchedTensors, whose data a program cannot read (`_vmap_batched`)


_METHOD_WRAPPERS = frozenset({"tensorsh.engine.signatures", "tensorsh.engine.ops.registry"})


def _called_by_engine(frame):
    """Whether the frame that called a Tensor method (past the wrappers that check its arguments or load it) is the
    engine's."""
    while frame is not None and frame.f_globals.get("__name__") in _METHOD_WRAPPERS:
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").startswith("tensorsh.engine")


def _called_by_library(frame):
    """Whether the frame that called a Tensor method (past the wrappers) is tensorsh's own Python (the engine, nn,
    optim, distributions: PyTorch's C++ or library code), not the program's."""
    while frame is not None and frame.f_globals.get("__name__") in _METHOD_WRAPPERS:
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").startswith("tensorsh.") and \
        not frame.f_globals.get("__name__", "").startswith("tensorsh.lang")


def _holds_batched(v):
    if isinstance(v, (tuple, list)):
        return any(map(_holds_batched, v))
    return getattr(v, "_vmap_batched", False) is True


def batched_only_from_batched(out, args, kwargs):
    """An op's result in a vmapped run (BATCHING) is batched only where one of its inputs is: a factory's, or an
    op's on tensors from outside the run, is a plain tensor, as functorch's are."""
    if _holds_batched(args) or _holds_batched(tuple(kwargs.values())):
        return out
    for t in out if isinstance(out, (tuple, list)) else (out,):
        if getattr(t, "_vmap_batched", False) is True:
            t._vmap_batched = False
    return out


BATCH_ELEMENT = [0]  # which element of its chunk func._run_vmap runs (an op of the batch is called once a chunk)
BATCH_SIZE = [0]  # the size of the batch (its chunk) whose element func._run_vmap runs (the physical batch dim)
# functorch's in-place batching rules: the binary ones that broadcast the batched operand into self (so a self that is
# not batched gets the in-place broadcast error of the physical shapes), those that refuse "inplace arithmetic", and
# those that name themselves; any other in-place op goes through the fallback, which names its aten op and level
_INPLACE_BROADCASTS = frozenset({"add_", "__iadd__", "atan2_"})
_INPLACE_ARITHMETIC = frozenset({"sub_", "subtract_", "mul_", "multiply_", "div_", "divide_", "true_divide_",
                                 "__isub__", "__imul__", "__itruediv__", "copy_", "__setitem__", "clamp_min_",
                                 "clamp_max_", "masked_fill_.Scalar", "logical_and_", "logical_or_", "logical_xor_"})
_INPLACE_NAMED = frozenset({"fill_", "index_add_", "index_fill_", "index_put_"})
# the overloads of the in-place aten ops the fallback names, told by their last argument (a Tensor or not)
_OVERLOADS = {n: (".Tensor", ".Scalar") for n in (
    "pow_", "clamp_", "clip_", "remainder_", "fmod_", "lerp_", "masked_fill_", "eq_", "ne_", "lt_", "le_", "gt_",
    "ge_", "bitwise_and_", "bitwise_or_", "bitwise_xor_", "float_power_")}
_OVERLOADS.update(scatter_=(".src", ".value"), set_=(".source_Tensor", ".source_Storage"))


def _holds_tensor(v):
    return any(map(_holds_tensor, v)) if isinstance(v, (tuple, list)) else isinstance(v, Tensor)


_RANDOM_INPLACE = frozenset({"bernoulli_", "normal_", "uniform_", "random_", "exponential_", "cauchy_", "geometric_",
                             "log_normal_"})


def refuse_inplace_into_unbatched(name, self, args, kwargs):
    """An in-place op (name: its method or operator) in a vmapped run that would write a batched operand into a
    tensor that is not batched (a tensor from outside the function, or one made in it by a factory): each element
    would write it in turn, where PyTorch's one batched op refuses it."""
    if getattr(self, "_vmap_batched", False) is True or not isinstance(self, Tensor) or name in _RANDOM_INPLACE or \
            not (_holds_batched(args) or _holds_batched(tuple(kwargs.values()))):
        return  # (the random fills have their own rules: random.py's, functorch's random_inplace_batching_rule)
    if name == "__setitem__" and _holds_tensor(args[0]):  # (an advanced index writes by index_put_, not copy_)
        name = "index_put_"
    if name in _INPLACE_BROADCASTS:
        other = args[0] if args else kwargs.get("other")
        shape = np.broadcast_shapes(tuple(self._shape), tuple(getattr(other, "_shape", ())))
        raise runtime(f"output with shape {list(self._shape)} doesn't match the broadcast shape "
                      f"{[BATCH_SIZE[0], *shape]}")
    overloads = _OVERLOADS.get(name)
    overload = "" if overloads is None else overloads[not isinstance((list(args) + list(kwargs.values()))[-1], Tensor)]
    if name in _INPLACE_ARITHMETIC or name + overload in _INPLACE_ARITHMETIC:
        what, where = "inplace arithmetic", "in a vmap"
    elif name in _INPLACE_NAMED:
        what, where = name, "in a vmap"
    else:  # (the fallback warns before it refuses)
        what, where = f"aten::{name}", f"at level {BATCHING[0]}"
        warn(messages.VMAP_FALLBACK_WARNING.format(name + overload))
    raise runtime(messages.VMAP_INPLACE_INTO_UNBATCHED.format(what=what, where=where))


def _tensor_overload(position, keyword, tensor, other):
    """The overload functorch's fallback names, told by one argument (the rest after self): a Tensor or not."""
    def overload(rest, kwargs):
        value = rest[position] if len(rest) > position else kwargs.get(keyword)
        return tensor if isinstance(value, Tensor) else other
    return overload


# The ops of this engine that PyTorch 2.13's functorch runs through its fallback (no batching rule: the loop over the
# batch, with BatchedFallback.cpp's warning) whenever one of their tensors is batched, measured: name -> the overload
# it names ("" none; None: that overload has a rule, no warning)
_NO_RULE = {name: "" for name in ("take", "put", "put_", "masked_scatter", "masked_scatter_", "index_reduce",
                                  "index_reduce_", "histc", "bincount")}
_NO_RULE.update(masked_fill=_tensor_overload(1, "value", ".Tensor", None),
                masked_fill_=_tensor_overload(1, "value", ".Tensor", None),
                quantile=_tensor_overload(0, "q", "", ".scalar"), nanquantile=_tensor_overload(0, "q", "", ".scalar"))


def warn_if_no_batching_rule(name, rest, kwargs):
    """The fallback's warning for an op without a batching rule (_NO_RULE) called in a vmapped run with a batched
    tensor among its arguments (self and rest, the arguments after it): tensorsh runs every op per element, so
    nothing else about the fallback shows, and the first element warns for its chunk."""
    overload = _NO_RULE.get(name)
    if overload is None or BATCH_ELEMENT[0]:  # (PyTorch's one call of the op warns once for the chunk)
        return
    if not isinstance(overload, str):
        overload = overload(rest, kwargs)
        if overload is None:
            return
    warn(messages.VMAP_FALLBACK_WARNING.format(name + overload))


def refuse_if_batched(t, message):
    """An op whose output's shape would depend on a batched tensor's data (see BATCHING): functorch refuses it."""
    if BATCHING[0] and getattr(t, "_vmap_batched", False):
        raise runtime(message)


PRINTED_IN_VMAP = [None]  # while a vmapped run's elements run: where a program's printed text goes (the language's
# print writes there, Python's through sys.stdout), and the repr of a batched tensor (func._VmapPrints)
FORWARD_AD_OFF = [False]  # forward_ad.py's _BUSY (a rule, or a custom Function's forward/jvp, runs): prints show no tangent
# while an op runs under forward AD: whether a dual tensor reached an engine function the level does not swap
# (scalar_arith's mul_scalar, add_scalar, ..., which composites such as F.rms_norm and triplet_margin_loss call by
# name): the composite's inner tangents miss that term, so its own rule must give the tangent
TANGENT_DROPPED = [False]


class ViewInfo:
    """What a differentiable view remembers: its root base, how it was created, when its grad_fn was made, and
    replay: None when as_strided on the base gives it back, else PyTorch's view_fn as steps from the base (a view
    through view_as_real/view_as_complex, which change the dtype): a view node's name or a geometry for as_strided."""
    __slots__ = ("base", "grad_mode", "attr_version", "replay")

    def __init__(self, base, grad_mode, attr_version, replay=None):
        self.base, self.grad_mode, self.attr_version, self.replay = base, grad_mode, attr_version, replay


_BF16 = dtypes.bfloat16


def _bfloat16_tensor(arr):
    """A tensor over `arr`, a fresh dense float32 array of bfloat16 values (to_bfloat16 keeps a result's memory
    order), in a storage that counts PyTorch's 2 bytes an element."""
    flat = arr.ravel(order="K")
    if not np.may_share_memory(flat, arr) or any(s < 0 for s in arr.strides):
        arr = np.ascontiguousarray(arr)
        flat = arr.reshape(-1)
    if arr.flags.c_contiguous or arr.size <= 1:
        stride = _contiguous_strides(arr.shape)
    else:
        stride = tuple(s // 4 for s in arr.strides)
    return Tensor._make(BFloat16Storage(flat), 0, arr.shape, stride, _BF16, arr, VersionCounter())


_META = ("_storage", "_offset", "_shape", "_stride", "dtype", "_np", "_requires_grad", "_grad_fn", "_grad",
         "_version_counter", "_view", "_output_nr", "_hooks", "_grad_accumulator", "_grad_dtype")
OWN_DTYPE = "dtype"  # (a leaf's grad_dtype unless set: its gradients are cast to its own dtype)
_get_meta = operator.attrgetter(*_META)  # every field in one call: undo snapshots tensors on hot paths


def no_grad_view_origin(t):
    """How PyTorch names a view made in no_grad mode in its errors: by the op that made it, if it has one."""
    fn = t._grad_fn
    if fn is None:
        return "A view was created in"
    return f"Output {t._output_nr} of {fn.short_name()} is a view of a view which was created in"


def storage_view(storage, dtype, shape, stride, offset):
    """The numpy array of a geometry over a storage (strides and offset in elements of dtype)."""
    if 0 in shape:  # no element to view, and its offset may point past the buffer's end (a negative size beside
        return np.empty([max(n, 0) for n in shape], dtype.np)  # a zero, as expand(-2, -1) of an empty tensor: none)
    item, start = dtype.npsize, 0
    if item == 2 and isinstance(storage, BFloat16Storage):  # (int16/float16 over bfloat16's float32 words,
        item, start = 4, 2                                   # view(dtype): each element one word's high half)
    try:
        if storage.data.nbytes:  # (numpy checks a buffer's size, but not an empty one's)
            return np.ndarray(shape, dtype.np, storage.data, offset * item + start, tuple([s * item for s in stride]))
    except ValueError:  # (past the end of a storage resized smaller under the tensor: ATen's storage bounds check)
        pass
    raise runtime(messages.storage_out_of_bounds(shape, stride, offset, dtype.itemsize, storage.nbytes()))


class _StorageResize:
    """A storage's buffer replaced by a resized (or re-held: hold_as_bfloat16) copy and every tensor over it
    re-viewed; undoing puts the old buffer, its class and the views back."""
    __slots__ = ("storage", "_born")

    def __init__(self, storage):
        self.storage, self._born = storage, storage._born

    def _snapshot(self):
        return (self.storage.data, [(t, t._np) for t in _tensors_over(self.storage)], self.storage in SHRUNK,
                type(self.storage), self.storage.place)

    def _restore(self, snap):
        self.storage.data, self.storage.__class__, self.storage.place = snap[0], snap[3], snap[4]
        for t, arr in snap[1]:
            t._np = arr
        (SHRUNK.add if snap[2] else SHRUNK.discard)(self.storage)


SHRUNK = weakref.WeakSet()  # storages resized smaller than a tensor over them reaches: its views read the storage


def _tensors_over(storage):
    import gc
    return [t for t in gc.get_referrers(storage) if isinstance(t, Tensor) and t._storage is storage]


def resize_storage(storage, nbytes):
    """The storage holds nbytes (whole elements of its buffer's type): the bytes it keeps are kept, new ones are
    zeros (PyTorch's are uninitialised memory); the tensors over it that still fit are re-viewed, the others keep
    reading the old buffer (PyTorch's read past a shrunk storage's end is undefined, often a crash)."""
    from .storage import check_size
    if not storage.growable:
        raise runtime("Trying to resize storage that is not resizable")
    old = storage.data
    check_size(nbytes)
    undo.touch(_StorageResize(storage), ("resize", id(storage)))
    per = len(storage) // old.size if old.size else (2 if isinstance(storage, BFloat16Storage) else old.itemsize)
    data = np.zeros(-(-nbytes // per), old.dtype)
    n = min(old.size, data.size)
    data[:n] = old[:n]
    storage.data = data
    storage.reallocate()
    SHRUNK.discard(storage)
    for t in _tensors_over(storage):
        end = t._offset + 1 + sum((k - 1) * st for k, st in zip(t._shape, t._stride))  # (in t's elements, which
        if 0 in t._shape or end * t.dtype.itemsize <= storage.nbytes():               # need not be the buffer's)
            t._np = storage_view(storage, t.dtype, t._shape, t._stride, t._offset)
        else:
            SHRUNK.add(storage)


def hold_as_bfloat16(storage):
    """Re-hold a storage of 2-byte elements (int16, float16) as bfloat16's, float32 words whose high halves are its
    bytes, so that a bfloat16 view(dtype) of it reads them; the tensors over it are re-viewed (storage_view). False
    where it cannot: its memory shared with numpy or shown conjugated, a tensor over it of another element size."""
    over = _tensors_over(storage)
    if type(storage) is not Storage or not storage.growable or storage.mirrors is not None or storage in SHRUNK \
            or storage.data.itemsize != 2 or any(t.dtype.npsize != 2 for t in over):
        return False
    undo.touch(_StorageResize(storage), ("resize", id(storage)))
    storage.data = (storage.data.view(np.uint16).astype(np.uint32) << np.uint32(16)).view(np.float32)
    storage.__class__ = BFloat16Storage
    for t in over:
        t._np = storage_view(storage, t.dtype, t._shape, t._stride, t._offset)
    return True


def _resize_storage_method(self, size):
    """UntypedStorage.resize_(nbytes)."""
    if isinstance(size, bool) or not isinstance(size, int):
        raise runtime(f"resize_ expects an int, but got {type(size).__name__}")
    if size < 0:
        raise runtime(f"[enforce fail at alloc_cpu.cpp:98] ((ptrdiff_t)nbytes) >= 0. alloc_cpu() seems to have been "
                      f"called with negative number: {size + (1 << 64)}")
    resize_storage(self, size)
    return self


Storage.resize_ = _resize_storage_method


# The size of PyTorch's C tensor object (THPVariable: its object header, the tensor handle and two hook slots), what
# object.__sizeof__ reports for any tensor.
THPVARIABLE_BASICSIZE = 48


class Tensor:
    __slots__ = _META + ("__weakref__", "_fw_grad", "_func_level", "_vmap_batched", "__dict__")  # (_fw_grad: the
    # tangent at forward_ad's level, set only there; _func_level: set only inside torch.func's grad/vjp/jvp;
    # _vmap_batched: see BATCHING; __dict__: the
    # attributes a program sets on a tensor, `x.label = "w"`, as PyTorch's Tensor keeps them)
    _is_wrapped_number = False  # (WrappedNumber below)

    # ------------------------------------------------------------ construction

    @staticmethod
    def _make(storage, offset, shape, stride, dtype, arr, counter):
        """The one constructor: geometry over a storage, a numpy view of it, and fresh autograd metadata."""
        t = Tensor.__new__(Tensor)
        t._storage = storage
        t._offset = offset
        t._shape = shape
        t._stride = stride
        t.dtype = dtype
        t._np = arr
        t._requires_grad = False
        t._grad_fn = None
        t._grad = None
        t._version_counter = counter
        t._view = None
        t._output_nr = 0
        t._hooks = None
        t._grad_accumulator = None
        t._grad_dtype = OWN_DTYPE
        if FUNC_LEVELS:
            t._func_level = FUNC_LEVELS[-1]
        if BATCHING[0]:
            t._vmap_batched = True
        return t

    def _refuse_if_batched(self, message):
        """vmap refuses a program's read of a batched tensor's data (the engine's own reads, of one element, go on:
        PyTorch's batching rules do those on the whole batch)."""
        if BATCHING[0] and getattr(self, "_vmap_batched", False) and not _called_by_engine(sys._getframe(2)):
            raise runtime(message)

    @staticmethod
    def _new(arr, dtype):
        """Fast wrap of a fresh C-contiguous numpy result of the given dtype (the hot path of every op)."""
        flags = arr.flags if type(arr) is np.ndarray else None
        if flags is None or not flags.c_contiguous or not flags.writeable or arr.dtype != dtype.np or dtype is _BF16:
            return Tensor._from_numpy(arr, dtype)
        shape = arr.shape
        stride = _STRIDES.get(shape)
        if stride is None:
            stride = _STRIDES[shape] = _contiguous_strides(shape)
        return Tensor._make(Storage(arr.ravel() if arr.ndim != 1 else arr), 0, shape, stride, dtype, arr,
                            VersionCounter())  # (ravel: a C-contiguous array's flat view, as reshape(-1) gives it)

    @staticmethod
    def _from_numpy(arr, dtype=None):
        """Wrap a fresh numpy result in a new storage (keeps a dense layout, as PyTorch's outputs do)."""
        arr = np.asarray(arr)
        if not arr.flags.writeable:  # (a broadcast_to view, say: a new tensor owns memory it may write)
            arr = arr.copy(order="K")
        if dtype is None:
            dtype = dtypes.BY_NP[arr.dtype]
        elif dtype is _BF16:  # (a copy: arr may be another tensor's buffer)
            return _bfloat16_tensor(dtypes.to_bfloat16(arr))
        elif arr.dtype != dtype.np:
            arr = arr.astype(dtype.np)
        if arr.flags.c_contiguous:
            return Tensor._new(arr, dtype)
        flat = arr.ravel(order="K")
        if not np.may_share_memory(flat, arr) or any(s < 0 for s in arr.strides):
            arr = np.ascontiguousarray(arr)
            flat = arr.reshape(-1)
        item = arr.itemsize
        stride = tuple(s // item for s in arr.strides) if arr.size > 1 else _contiguous_strides(arr.shape)
        return Tensor._make(Storage(flat), 0, arr.shape, stride, dtype, arr, VersionCounter())

    def _data_only(self):
        """The same data, geometry and version counter without autograd history (a node's own saved output), at
        the same torch.func level."""
        t = Tensor._make(self._storage, self._offset, self._shape, self._stride, self.dtype, self._np,
                         self._version_counter)
        level = getattr(self, "_func_level", None)
        if level is not None:
            t._func_level = level
        return self._batched_as_self(t)

    def _batched_as_self(self, t):
        """t, a view of self: batched (see BATCHING) where self is (a view of a tensor from outside a vmapped run
        is not)."""
        if BATCHING[0] and not getattr(self, "_vmap_batched", False):
            t._vmap_batched = False
        return t

    def _alias(self, shape, stride, offset, counter=None, arr=None, dtype=None, storage=None):
        """A new Tensor over the same storage (no autograd meta); shares the version counter unless given one.
        arr: the numpy view of that geometry when the caller has it at hand (a transpose: self._np.T); dtype: the
        element type it reads the storage as (view_as_real: a complex tensor's parts), else self's."""
        shape, stride, dtype, storage = tuple(shape), tuple(stride), dtype or self.dtype, storage or self._storage
        if arr is None or 0 in shape or (SHRUNK and storage in SHRUNK):  # (SHRUNK: self's arr is the old buffer's)
            arr = storage_view(storage, dtype, shape, stride, offset)
        if counter is None:  # (a view of a detached inference tensor: an inference tensor without a counter)
            counter = self._version_counter
            if counter.inference and counter.counts:
                counter = INFERENCE_VIEW_COUNTER
        return self._batched_as_self(Tensor._make(storage, offset, shape, stride, dtype, arr, counter))

    @property
    def _born(self):
        return self._storage._born  # a tensor over a storage made in this statement needs no undo record

    def _snapshot(self):
        return _get_meta(self)

    def _restore(self, snap):
        for k, v in zip(_META, snap):
            setattr(self, k, v)

    # ------------------------------------------------------------ metadata

    @property
    def shape(self):
        return tuple.__new__(Size, self._shape)

    def size(self, dim=None):
        if dim is None:
            return tuple.__new__(Size, self._shape)
        return self._shape[self._wrap_size_dim(dim)]

    def _wrap_size_dim(self, dim):
        """size(dim) / stride(dim): a 0-dim tensor has no dim to give (PyTorch's own text, not wrap_dim's)."""
        if not self._shape and isinstance(dim, int):
            raise index_error(f"Dimension specified as {dim} but tensor has no dimensions")
        return self._wrap_dim(dim)

    def dim(self):
        return len(self._shape)

    ndim = property(dim)

    def ndimension(self):
        return len(self._shape)

    def numel(self):
        return self._np.size

    def nelement(self):
        return self._np.size

    def stride(self, dim=None):
        if dim is None:
            return self._stride
        return self._stride[self._wrap_size_dim(dim)]

    def storage_offset(self):
        return self._offset

    def element_size(self):
        return self.dtype.itemsize

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):  # (the elements' bytes, numel * itemsize, not the storage's)
        return self._np.size * self.dtype.itemsize

    def untyped_storage(self):
        storage = self._storage
        return storage.source if type(storage) is ConjStorage else storage  # (a conj view's: the memory it shows)

    def storage(self):
        from .storage import TypedStorage
        warn_once(messages.TYPED_STORAGE_WARNING)  # (PyTorch warns on the first call of the process)
        return TypedStorage(self.untyped_storage(), self.dtype)

    def data_ptr(self):
        self._refuse_if_batched(messages.VMAP_NO_STORAGE)
        if 0 in self._shape or is_zero_tensor(self):  # PyTorch gives no address for a tensor without elements (nor
            return 0  # for a ZeroTensor: its storage has no data)
        return self._storage.ptr + self._offset * self.dtype.itemsize

    const_data_ptr = data_ptr

    @property
    def device(self):
        return CPU

    @property
    def is_cuda(self):
        return False

    def is_floating_point(self):
        return self.dtype.is_floating_point

    def is_signed(self):
        return self.dtype.is_signed

    def is_complex(self):
        return self.dtype.category == 3

    def is_conj(self):
        return type(self._storage) is ConjStorage and self.dtype.category == 3  # (conj()'s views, their complex views)

    def is_neg(self):
        return type(self._storage) is ConjStorage and self.dtype.category != 3  # (a conj view's imag)

    is_sparse = is_quantized = is_meta = is_mkldnn = is_nested = False

    def is_contiguous(self, memory_format=None):
        if memory_format is not None and memory_format.rank is not None:  # (channels_last, channels_last_3d)
            return memory_format.is_contiguous(self._shape, self._stride)
        expected = 1
        for size, stride in zip(reversed(self._shape), reversed(self._stride)):
            if size == 0:
                return True
            if size != 1:
                if stride != expected:
                    return 0 in self._shape  # (c10: an empty tensor is contiguous whatever its strides)
                expected *= size
        return True

    @property
    def _version(self):
        if not self._version_counter.counts:
            raise runtime(messages.INFERENCE_VERSION)
        return self._version_counter.value

    def is_inference(self):
        return self._version_counter.inference

    @property
    def _base(self):
        return self._view.base if self._view is not None else None

    def _is_view(self):
        return self._view is not None

    def _wrap_dim(self, dim, ndim=None):
        n = len(self._shape) if ndim is None else ndim
        lo, hi = (-n, n - 1) if n else (-1, 0)
        if not isinstance(dim, int):
            raise type_error(f"dim must be an int, got {type(dim).__name__}")
        if dim.__class__ is bool:  # (where the parser let one through: a later element of a list of dims)
            dim = int(dim)
        if dim < lo or dim > hi:
            raise index_error(messages.DIM_OUT_OF_RANGE.format(lo=lo, hi=hi, d=dim))
        return (dim + n if dim < 0 else dim) if n else 0  # a 0-dim tensor's only dim (0 or -1) is 0

    # ------------------------------------------------------------ autograd metadata

    @property
    def grad_fn(self):
        view = self._view
        if view is not None and view.attr_version != self._version_counter.value:
            self._refresh_view_grad_fn()
        return self._grad_fn

    @property
    def requires_grad(self):
        if self._requires_grad or self._grad_fn is not None:
            return True
        view = self._view
        return view is not None and view.base.requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        # PyTorch's setter (THPVariable_set_requires_grad) has checks and texts of its own
        if type(value) is not bool:  # (PyBool_Check: not 1, not a 0-dim tensor)
            raise runtime("requires_grad must be a bool")
        if not self.is_leaf:
            raise runtime(messages.REQUIRES_GRAD_NON_LEAF if not value else messages.REQUIRES_GRAD_SET_NON_LEAF)
        if value and self.dtype.category < 2:
            raise runtime(messages.REQUIRES_GRAD_SET_NON_FLOAT)
        self.requires_grad_(bool(value))

    def requires_grad_(self, requires_grad=True):
        if autograd.TRANSFORMS[0] and not _called_by_library(sys._getframe(1)):  # (the attribute's setter, a
            raise runtime(messages.REQUIRES_GRAD_IN_TRANSFORM)            # Parameter's making: allowed)
        if not requires_grad and not self.is_leaf:  # (PyTorch asks is_leaf only when turning it off)
            raise runtime(messages.REQUIRES_GRAD_NON_LEAF)
        if requires_grad and self._grad_fn is not None:
            return self
        if requires_grad and self.dtype.category < 2:
            raise runtime(messages.REQUIRES_GRAD_NON_FLOAT)
        if requires_grad and self._version_counter.inference and not autograd.inference_mode_enabled():
            raise runtime(messages.INFERENCE_REQUIRES_GRAD)
        undo.touch(self)
        if self._requires_grad != bool(requires_grad):
            note(self._storage, "requires_grad", self, bool(requires_grad))
        self._requires_grad = bool(requires_grad)
        return self

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def output_nr(self):
        return self._output_nr

    @property
    def grad(self):
        if self._grad is None and self._grad_fn is not None and not self._retains_grad():  # C++ is_leaf
            warn(messages.NON_LEAF_GRAD_WARNING)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise type_error(f"assigned grad expected to be a Tensor or None but got grad of type {type(value).__name__}")
            if value is self:
                raise runtime("can't assign Variable as its own grad")
            want = self._gradient_dtype()
            if want is not None and value.dtype is not want:
                raise runtime(messages.ASSIGN_GRAD_DTYPE.format(g=dtypes.C_NAMES[value.dtype.name],
                                                                t=dtypes.SCALAR_NAMES[want.name]))
            if value._shape != self._shape:
                raise runtime(messages.ASSIGN_GRAD_SIZE.format(g=_shape_list(value._shape), t=_shape_list(self._shape)))
        undo.touch(self)
        if value is None and self._grad is not None:
            note(self._storage, "grad=None", self)
        self._grad = value

    @property
    def grad_dtype(self):
        """The dtype a leaf's gradients are cast to (its own unless set; None: any dtype is kept)."""
        if self.grad_fn is not None:  # (is_leaf: a stale no-grad view's error first)
            raise runtime("grad_dtype can only be accessed on leaf tensors.")
        return self._gradient_dtype()

    @grad_dtype.setter
    def grad_dtype(self, value):
        grad = self.grad  # (PyTorch reads the gradient first: a non-leaf's warning)
        if self.grad_fn is not None:
            raise runtime("grad_dtype can only be set on leaf tensors.")
        if value is not None and not isinstance(value, dtypes.DType):
            raise runtime(f"grad_dtype must be a torch.dtype or None, but got {type(value).__name__}")
        if grad is not None and value is not None and grad.dtype is not value:
            raise runtime(f"Cannot set grad_dtype to '{dtypes.SCALAR_NAMES[value.name]}' because there is already a "
                          f"gradient with dtype '{dtypes.C_NAMES[grad.dtype.name]}'. Please clear the gradient "
                          "(.grad = None) before changing grad_dtype, or ensure the new grad_dtype matches the "
                          "existing gradient's dtype.")
        undo.touch(self)
        self._grad_dtype = value

    def _gradient_dtype(self):
        """The dtype a gradient for this tensor is cast to: its own, or a leaf's grad_dtype (None: any)."""
        return self.dtype if self._grad_dtype is OWN_DTYPE or self._grad_fn is not None else self._grad_dtype

    def _retains_grad(self):
        fn = self._grad_fn
        if fn is None or not fn.retain_hooks:
            return False
        return fn.n_outputs == 1 or any(getattr(h, "nr", None) == self._output_nr for h in fn.retain_hooks)

    @property
    def retains_grad(self):  # (PyTorch reads the flag: no grad_fn, so no stale no-grad view's error)
        return self._retains_grad()

    def retain_grad(self):
        if not self.requires_grad:
            raise runtime(messages.RETAIN_GRAD_NO_GRAD)
        if self.is_leaf or self._retains_grad():
            return None
        fn = self.grad_fn
        undo.touch_attrs(fn, "retain_hooks")
        ref = weakref.ref(self)  # the hook must not keep its tensor alive (tensor -> grad_fn -> hook)

        def retain(grad):
            tensor = ref()
            if tensor is None or grad is None:  # (no gradient reached it: .grad stays)
                return
            undo.touch(tensor)
            if tensor._grad is None:  # a contiguous copy (with history only under create_graph), as PyTorch's hook
                tensor._grad = grad.clone(memory_format=CONTIGUOUS_FORMAT)
            else:
                tensor._grad = tensor._grad + grad
        if fn.n_outputs > 1:  # one retain hook per output of a node with several
            fn.retain_hooks = list(fn.retain_hooks or ()) + [autograd.OnOutput(self._output_nr, retain)]
            return None
        fn.retain_hooks = [retain]
        return None

    def register_hook(self, hook):
        if not self.requires_grad:
            raise runtime(messages.HOOK_NO_GRAD)
        if self.is_leaf:
            if self._hooks is None:
                undo.touch(self)
                self._hooks = []
            return autograd.add_to_hooks(self._hooks, hook)
        fn = self.grad_fn
        if fn.pre_hooks is None:
            undo.touch_attrs(fn, "pre_hooks")
            fn.pre_hooks = []
        if fn.n_outputs > 1:
            hook = autograd.OnOutput(self._output_nr, hook)
        return autograd.add_to_hooks(fn.pre_hooks, hook)

    def register_post_accumulate_grad_hook(self, hook):
        return autograd.register_post_accumulate_grad_hook(self, hook)

    def detach(self):
        out = self._alias(self._shape, self._stride, self._offset, detached_counter(self._version_counter, True))
        note(self._storage, "detach", out)
        return out

    def detach_(self):
        if self._view is not None:
            raise runtime(messages.DETACH_VIEW_INPLACE)
        undo.touch(self)
        note(self._storage, "detach_", self, self._grad_fn.name_ if self._grad_fn is not None else None)
        self._grad_fn = None
        self._requires_grad = False
        self._output_nr = 0
        return self

    @property
    def data(self):
        out = self._alias(self._shape, self._stride, self._offset, detached_counter(self._version_counter, False))
        note(self._storage, "data", out)
        return out

    @data.setter
    def data(self, other):
        if not isinstance(other, Tensor):  # (THPVariable_set_data)
            raise type_error(f"Variable data has to be a tensor, but got {type(other).__name__}")
        if self.requires_grad and other.dtype.category < 2:  # (VariableHooks::set_data)
            raise runtime(messages.SET_DATA_NON_FLOAT)
        undo.touch(self)
        note(self._storage, "data=", self)
        if other.dtype is not self.dtype:  # (a new accumulator for the new type; one of another shape is kept)
            self._grad_accumulator = None
        for k in ("_storage", "_offset", "_shape", "_stride", "dtype", "_np"):
            setattr(self, k, getattr(other, k))

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        autograd.backward([self], grads_tuple(gradient, 1), retain_graph, create_graph, inputs)
        return None

    # ------------------------------------------------------------ values

    def item(self):
        self._refuse_if_batched(messages.VMAP_ITEM)
        if self._np.size != 1:
            raise runtime(messages.ITEM_NUMEL.format(n=self._np.size))
        return self._np.reshape(-1)[0].item()

    def tolist(self):
        self._refuse_if_batched(messages.VMAP_NO_STORAGE)
        if is_zero_tensor(self):  # (a ZeroTensor has no data)
            raise runtime("tolist() shouldn't be called on a tensor with unallocated storage")
        return self._np.tolist()

    def _is_zerotensor(self):
        return is_zero_tensor(self)

    def __repr__(self):
        if PRINTED_IN_VMAP[0] is not None and getattr(self, "_vmap_batched", False) is True and \
                getattr(self, "_func_level", None) is None:
            return PRINTED_IN_VMAP[0].batched_repr(self)
        if getattr(self, "_func_level", None) is not None:
            return WRAPPED_REPR[0](self)
        return self._plain_repr()

    def _plain_repr(self, tracked=True, tangent=True):
        """The tensor's own repr; tracked=False leaves out its autograd flags, tangent=False its tangent."""
        from . import printing
        from .errors import TorchError
        try:
            fn = self.grad_fn
            fn_name = fn.name_ if fn is not None else None
        except TorchError:  # a view whose history PyTorch cannot tell prints as <Invalid>
            fn, fn_name = True, "Invalid"
        tangent = getattr(self, "_fw_grad", None) if tangent else None  # (formatted as PyTorch's f-string does)
        if tangent is not None and FORWARD_AD_OFF[0]:  # (inside a custom Function's forward or jvp forward AD is off)
            tangent = None
        return printing.tensor_repr(self._np, self.dtype.name, options=printing.OPTIONS,
                                    requires_grad=tracked and self.requires_grad and fn is None,
                                    grad_fn=fn_name if tracked else None,
                                    tangent=None if tangent is None else f"{tangent}",
                                    shape=self._shape if not self._np.size else None)

    __str__ = __repr__

    def __format__(self, format_spec):
        spec = format_spec
        if not self._shape and type(self) is Tensor:  # PyTorch formats a 0-dim tensor (not a Parameter) as its number
            return self.item().__format__(spec)
        if not isinstance(spec, str):  # (object.__format__'s argument clinic)
            raise TypeError(f"__format__() argument must be str, not {type(spec).__name__}")
        if spec:  # (object.__format__)
            from .typenames import tp_name
            raise type_error(f"unsupported format string passed to {tp_name(self)}.__format__")
        return str(self)

    def __sizeof__(self):
        """PyTorch's answer: object.__sizeof__ of its C tensor object (THPVariable), whatever the tensor holds - torch
        2.13's Tensor counts no storage, so `x.__sizeof__()` is 48 for any tensor or Parameter."""
        return THPVARIABLE_BASICSIZE

    def __len__(self):
        if not self._shape:
            raise type_error("len() of a 0-d tensor")
        return self._shape[0]

    def __iter__(self):
        if not self._shape:
            raise type_error("iteration over a 0-d tensor")
        return iter(self.unbind(0))  # (torch/_tensor.py's: the rows are unbind's views, UnbindBackward0)

    def __delitem__(self, index):  # (PyTorch's mapping slot with no value to assign)
        raise type_error("Tensor does not support deleting items")

    def __reversed__(self):  # (torch/_tensor.py: reversed(x) is x.flip(0), a 0-dim x itself)
        return self if not self._shape else self.flip(0)

    def __contains__(self, element):  # (torch/_tensor.py: `element in x` is (element == x).any())
        if not isinstance(element, (Tensor, bool, int, float, complex)):
            raise runtime(f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
                          f"<class '{type(element).__name__}'>.")
        return bool((element == self).any().item())

    def __bool__(self):
        self._refuse_if_batched(messages.VMAP_CONTROL_FLOW)
        if self._np.size != 1:
            raise runtime(messages.AMBIGUOUS_BOOL if self._np.size else messages.EMPTY_BOOL)
        return bool(self._np.reshape(-1)[0])

    def _warn_scalar_of_grad(self):
        """THPVariable_float_scalar's and complex's warning, given before the element count is checked (int() and
        bool() give none); PyTorch checks GradMode too: silent under no_grad."""
        if self.requires_grad and autograd.is_grad_enabled():
            errors.warn_once(messages.SCALAR_OF_GRAD_TENSOR)

    def __float__(self):
        self._refuse_if_batched(messages.VMAP_ITEM)
        self._warn_scalar_of_grad()
        if self._np.size != 1:  # (Python's conversions say this; item() says "cannot be converted to Scalar")
            raise errors.value_error(messages.ONE_ELEMENT)
        return float(self._real_item("double"))

    def __int__(self):
        self._refuse_if_batched(messages.VMAP_ITEM)
        if self._np.size != 1:
            raise errors.value_error(messages.ONE_ELEMENT)
        return int(self._real_item("int64_t"))

    def _real_item(self, c_type):
        """item() for a conversion to a real number: a complex value with a non-zero imaginary part overflows, and
        into an int64_t a NaN or infinite one or one beyond its range (c10's checked_convert)."""
        value = self.item()
        if type(value) is complex:
            if value.imag != 0 or c_type == "int64_t" and not -2.0 ** 63 <= value.real <= 2.0 ** 63:
                raise runtime(f"value cannot be converted to type {c_type} without overflow")
            return -value.real if value.real == 2.0 ** 63 and c_type == "int64_t" else value.real  # (x86's wrap)
        return value

    def __complex__(self):
        self._refuse_if_batched(messages.VMAP_ITEM)
        self._warn_scalar_of_grad()
        if self._np.size != 1:
            raise errors.value_error(messages.ONE_ELEMENT)
        return complex(self.item())

    def __index__(self):
        self._refuse_if_batched(messages.VMAP_ITEM)
        if self.dtype.category >= 2 or self._np.size != 1:
            raise hook_type_error("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    __hash__ = object.__hash__

    def _warn_if_has_hooks(self):
        """torch.utils.hooks.warn_if_has_hooks, as Tensor.__reduce_ex__ calls it (copy.copy, torch.save): a
        warning per hook register_hook put on this tensor (not one marked __torch_unserializable__)."""
        if self.is_leaf:
            hooks = self._hooks or ()
        else:
            hooks = [h.hook if type(h) is autograd.OnOutput else h for h in self.grad_fn.pre_hooks or ()
                     if type(h) is not autograd.NodePreHook and (type(h) is not autograd.OnOutput or
                                                                 h.nr == self._output_nr)]
        for hook in hooks:
            if not hasattr(hook, "__torch_unserializable__"):
                warn(f"backward hook {hook!r} on tensor will not be serialized.  If this is expected, you can "
                     "decorate the function with @torch.utils.hooks.unserializable_hook to suppress this warning")

    def __copy__(self):
        """copy.copy: PyTorch rebuilds the tensor over the same storage (set_ on a new tensor, so its own
        version counter at 1): same geometry, same requires_grad, a leaf, not a view, no .grad."""
        self._warn_if_has_hooks()
        out = self._alias(self._shape, self._stride, self._offset, counter=VersionCounter())
        out._requires_grad = self.requires_grad
        out._version_counter.value = 1
        if self.__dict__:  # (a program's own attributes: the same values)
            out.__dict__.update(self.__dict__)
        return out

    def __deepcopy__(self, memo=None):
        """copy.deepcopy: leaves only; a new storage (shared among tensors copied together), same geometry,
        .grad copied too."""
        if not self.is_leaf:
            raise runtime(messages.DEEPCOPY_NON_LEAF)
        memo = {} if memo is None else memo
        if id(self) in memo:
            return memo[id(self)]
        # a flat tensor over the copied storage, to take views of (a conj view's: its values, as PyTorch's
        # conj_physical of the copy)
        copied = self._storage.__deepcopy__(memo)
        owner = Tensor._make(copied, 0, copied.data.shape, (1,), self.dtype, copied.data, VersionCounter())
        out = owner._alias(self._shape, self._stride, self._offset, counter=VersionCounter())
        out._requires_grad = self.requires_grad  # (a no-grad view of a leaf that requires grad: True, as PyTorch's)
        out._version_counter.value = 0 if self.is_conj() else 1  # PyTorch's deepcopy fills it in place once (a conj
        # view's is conj_physical's fresh result)
        if self._grad is not None:
            out.grad = self._grad.__deepcopy__(memo)  # (checked: a grad_dtype's gradient fits no copy)
        memo[id(self)] = out
        if self.__dict__:  # (a program's own attributes, deep-copied with the same memo)
            import copy
            out.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return out


# ---------------------------------------------------------------- backward's gradients (torch.autograd)

def grads_tuple(grad_tensors, n):
    """_tensor_or_tensors_to_tuple then _make_grads' type check: None, one Tensor, or an iterable of them; surplus
    entries (zip with the outputs) are never looked at."""
    if grad_tensors is None:
        return [None] * n
    if isinstance(grad_tensors, Tensor):
        return [grad_tensors]
    try:
        grads = list(grad_tensors)
    except TypeError:
        raise type_error(f"'{typenames.tp_name(grad_tensors)}' object is not iterable") from None
    for g in grads[:n]:
        if g is not None and not isinstance(g, Tensor):
            raise type_error(f"gradients can be either Tensors or None, but got {typenames.tp_name(g)}")
    return grads


_shape_list = messages.shape_list


def leaf_or_its_view(t):
    """A leaf, or a view of one: what an out= or in-place write may not give a history (PyTorch's check_inplace)."""
    return t.is_leaf or t._view is not None and t._view.base.is_leaf


def int_elements(values, refuse):
    """An int list as PyTorch's argument parser reads it: it checks only the first element's type (an int or a
    one-element integer tensor, never a bool), then unpacks every element as an index, so a later bool is 0 or 1
    and a later integer tensor its value. refuse(value, position) makes the error for an element that is neither."""
    out = []
    for i, v in enumerate(values):
        if type(v) is int or (isinstance(v, int) and not isinstance(v, bool)) or (i and isinstance(v, bool)):
            out.append(int(v))
        elif isinstance(v, Tensor) and v.dtype.category == 1 and v.numel() == 1:
            out.append(v.__index__())
        else:
            raise refuse(v, i)
    return tuple(out)


_STRIDES = {}


def numel_overflows(shape):
    """c10's safe_compute_numel: the sizes multiplied as unsigned 64-bit numbers (a negative size is 2**64 minus
    its magnitude), any step's overflow kept, and the product past int64's range (beside a zero, negative sizes
    multiply to 0 and PyTorch takes them)."""
    total, over = 1, False
    for n in shape:
        total *= n % (1 << 64)
        over |= total >= 1 << 64
        total %= 1 << 64
    return over or total >= 1 << 63


def _contiguous_strides(shape):
    strides = []
    acc = 1
    for s in reversed(shape):
        strides.append(acc)
        acc *= max(s, 1)
    return tuple(reversed(strides))


typenames.bind(Tensor, MemoryFormat)  # (messages name a tensor's and a memory format's types)


class WrappedNumber(Tensor):
    """PyTorch's wrapped number: a Python number given where a tensor is taken (torch.sub(0.1, t)), a 0-dim tensor
    of the number's own precision (double, long or bool) that type promotion and the kernels read as the number."""
    __slots__ = ()
    _is_wrapped_number = True

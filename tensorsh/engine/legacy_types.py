"""torch.Tensor, torch.FloatTensor, ...: the legacy tensor types (their constructors, isinstance, x.type()'s
targets)."""
from . import creation, dtypes, signatures
from .errors import type_error
from .tensorimpl import Tensor
from .typenames import tp_name
from . import storage as _storage


class _LegacyType(type):
    """torch.Tensor / torch.FloatTensor ...: calling one builds a tensor of its dtype; isinstance works. A CPU
    build's torch.cuda.FloatTensor ... (is_cuda) exist but make nothing and are no tensor's type."""

    def __instancecheck__(cls, obj):
        return not cls.is_cuda and isinstance(obj, Tensor) and (cls.dtype is None or obj.dtype is cls.dtype)

    def __subclasscheck__(cls, sub):  # (issubclass(nn.Parameter, torch.Tensor); nn.Buffer says it is one too)
        if cls.dtype is None and isinstance(sub, type) and (issubclass(sub, Tensor) or "_tensor_class" in vars(sub)):
            return True
        return type.__subclasscheck__(cls, sub)

    def __call__(cls, *args, **kwargs):
        cls.check_available()
        from .ops.constructors import legacy_construct  # (the ops sit above this module)
        return legacy_construct(args, kwargs, cls.dtype or dtypes.DEFAULT_FLOAT, cls.dtype is not None)

    def check_available(cls):
        """python_tensor.cpp's is_available check: a CUDA type of a CPU build refuses to make tensors."""
        if cls.is_cuda:
            raise type_error(f"type {cls.__name__} not available. Torch not compiled with CUDA enabled.")

    def __repr__(cls):
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"

    def __getattr__(cls, name):  # (only names the class itself lacks: the tensor methods, unbound)
        if name in _METHODS:
            return _descriptor(name)
        raise AttributeError(f"type object '{cls.__name__}' has no attribute '{name}'")

    def dunder(cls, name):
        """`torch.Tensor.__repr__(x)`, `torch.Tensor.__add__`: an operator hook taken from the class, unbound, as
        PyTorch has it: TensorBase's C method (under the name it is bound to: `__abs__` is 'abs') or torch/_tensor.py's
        Python function."""
        d = _DESCRIPTORS.get(name)
        if d is None:
            fn = getattr(Tensor, name)
            shown = _C_DUNDERS.get(name)
            d = _DESCRIPTORS[name] = fn if shown is None else method_descriptor(shown, fn)
        return d


# (type(torch.FloatTensor) is PyTorch's C metatype torch.tensortype)
_LegacyType.__module__, _LegacyType.__name__, _LegacyType.__qualname__ = "torch", "torch.tensortype", "tensortype"
_LegacyType.__tsh_name__ = "tensortype"


class method_descriptor:  # noqa: N801 - Python's name for it (`type(torch.Tensor.abs).__name__`)
    """`torch.Tensor.abs`: one of TensorBase's C methods taken from the class, as CPython's method descriptor
    checks the tensor it is called on (`torch.Tensor.abs()`: "unbound method TensorBase.abs() needs an argument")."""

    __slots__ = ("__name__", "__qualname__", "_fn")
    __api__ = frozenset()

    def __init__(self, name, fn):
        self.__name__, self.__qualname__, self._fn = name, "TensorBase." + name, fn

    def __call__(self, *args, **kwargs):
        if not args:
            raise type_error(f"unbound method {self.__qualname__}() needs an argument")
        if not isinstance(args[0], Tensor):
            raise type_error(f"descriptor '{self.__name__}' for 'torch._C.TensorBase' objects doesn't apply to a "
                             f"'{tp_name(args[0])}' object")
        return self._fn(*args, **kwargs)

    def __repr__(self):
        return f"<method '{self.__name__}' of 'torch._C.TensorBase' objects>"


# TensorBase's operator hooks that are C methods (python_variable_methods.cpp), each with the name it shows; the
# others (__len__, __repr__, __rsub__, __floordiv__, __pow__, ...) are torch/_tensor.py's Python functions.
_C_DUNDERS = {**{n: n for n in (
    "__bool__ __float__ __int__ __complex__ __index__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __invert__ __add__ "
    "__radd__ __iadd__ __sub__ __isub__ __mul__ __rmul__ __imul__ __truediv__ __ifloordiv__ __mod__ __imod__ "
    "__matmul__ __and__ __rand__ __iand__ __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__ __lshift__ __ilshift__ "
    "__rshift__ __irshift__").split()},
    "__abs__": "abs", "__neg__": "neg", "__pos__": "positive", "__itruediv__": "__idiv__"}

_DESCRIPTORS = {}   # name -> its one descriptor (`torch.Tensor.abs is torch.FloatTensor.abs`, as in PyTorch)


def _descriptor(name):
    """The class's member `name`: TensorBase's C methods (those PyTorch's parser or its no-argument binding takes)
    as method descriptors; the Python-level ones (`split`, `backward`) as their function."""
    d = _DESCRIPTORS.get(name)
    if d is None:
        fn = getattr(Tensor, name)
        d = _DESCRIPTORS[name] = method_descriptor(name, fn) if name in signatures.listed("method") else fn
    return d


class _TensorMethods:
    """`torch.Tensor.add(x, 2)`, `map(torch.Tensor.item, ts)`: the tensor methods a program may take from the class
    (public, callable: not the properties)."""

    def __init__(self, attributes=()):
        self.attributes = frozenset(attributes)  # (the class's own: dtype, is_cuda, is_sparse)

    def __contains__(self, name):
        return name in self.attributes or (
            name[:1] != "_" and name in Tensor.__api__ and callable(getattr(Tensor, name, None)))


_METHODS = _TensorMethods()
_LEGACY_API = _TensorMethods({"dtype", "is_cuda", "is_sparse"})


def _legacy(name, dtype, is_cuda=False):
    """One legacy type: torch.Tensor is a Python class (named 'Tensor' in messages), the typed ones C types whose
    tp_name is dotted ('torch.FloatTensor', 'torch.cuda.FloatTensor'), their short name a program's __name__."""
    module = "torch.cuda" if is_cuda else "torch"
    return _LegacyType(name if dtype is None else f"{module}.{name}", (), {
        "dtype": dtype, "is_cuda": is_cuda, "is_sparse": False, "__api__": frozenset(), "__class_api__": _LEGACY_API,
        "__module__": module, "__qualname__": name, "__tsh_name__": name})


_TYPED = {"FloatTensor": dtypes.float32, "DoubleTensor": dtypes.float64, "LongTensor": dtypes.int64,
          "BoolTensor": dtypes.bool_, "IntTensor": dtypes.int32, "ByteTensor": dtypes.uint8, "CharTensor": dtypes.int8,
          "ShortTensor": dtypes.int16, "HalfTensor": dtypes.float16, "BFloat16Tensor": dtypes.bfloat16}
LEGACY = {"Tensor": _legacy("Tensor", None), **{name: _legacy(name, dt) for name, dt in _TYPED.items()}}
CUDA_LEGACY = {name: _legacy(name, dt, is_cuda=True) for name, dt in _TYPED.items()}  # (torch.cuda's)


class _LegacyStorageMeta(type):
    """torch.FloatStorage ... (torch/storage.py's _LegacyStorage classes): calling one makes a TypedStorage of its
    dtype (of a size, or of a sequence's values); isinstance asks a TypedStorage's dtype."""

    def __instancecheck__(cls, obj):
        from .storage import TypedStorage
        return isinstance(obj, TypedStorage) and obj.dtype is cls.dtype

    def __call__(cls, *args, **kwargs):
        """TypedStorage.__new__'s forms: no arguments, (int size), (Sequence data), (*, UntypedStorage
        wrap_storage); anything else its messages."""
        from . import messages
        from .errors import make, runtime, type_error, warn_once
        from .storage import Storage, TypedStorage
        from .tensorimpl import Tensor
        warn_once(messages.TYPED_STORAGE_WARNING)
        head = (f"{cls!r}.__new__ received an invalid combination of arguments. Expected one of:\n * no arguments\n"
                " * (int size)\n * (Sequence data)\n * (*, UntypedStorage wrap_storage)\n")

        def unrecognized(value):
            name = "torch.Tensor" if isinstance(value, Tensor) else "torch.storage.UntypedStorage" if isinstance(
                value, Storage) else type(value).__name__
            return type_error(f"{head}Argument type not recognized: <class '{name}'>")
        for key in kwargs:
            if key in ("dtype", "device"):
                raise runtime(f"{head}Keyword argument '{key}' cannot be specified")
            if key != "wrap_storage":
                raise type_error(f"TypedStorage.__new__() got an unexpected keyword argument '{key}'")
        if "wrap_storage" in kwargs:
            wrapped = kwargs["wrap_storage"]
            if args:
                raise runtime(f"{head}No positional arguments should be given when using 'wrap_storage'")
            if not isinstance(wrapped, Storage):
                raise type_error(f"{head}Argument 'wrap_storage' must be UntypedStorage, but got "
                                 f"<class '{type(wrapped).__name__}'>")
            return TypedStorage(wrapped, cls.dtype)
        if len(args) > 1:
            raise runtime(f"{head}Too many positional arguments")
        data = args[0] if args else 0
        if isinstance(data, (str, bytes)):
            raise type_error(f"new(): invalid data type '{type(data).__name__}'")
        if isinstance(data, int):
            data = int(data)  # (a bool is a size too)
            if data >= 2 ** 63:
                raise make("ValueError", "Overflow when unpacking long long")
            if data < 0:
                raise runtime(f"[enforce fail at alloc_cpu.cpp:98] ((ptrdiff_t)nbytes) >= 0. alloc_cpu() seems to "
                              f"have been called with negative number: {2 ** 64 + data * cls.dtype.itemsize}")
            return creation.zeros(data, dtype=cls.dtype).storage()
        if not isinstance(data, (list, tuple)):
            raise unrecognized(data)
        flat = []  # (the sequence's leaves in order, each converted as a Python number: nested lists flatten)
        stack = [iter(data)]
        while stack:
            item = next(stack[-1], stack)
            if item is stack:
                stack.pop()
            elif isinstance(item, (list, tuple)):
                stack.append(iter(item))
            elif isinstance(item, Tensor):  # (read as a Python number: float(t), or operator.index(t))
                if cls.dtype.category >= 2 and item.numel() != 1:
                    raise make("ValueError", "only one element tensors can be converted to Python scalars")
                if cls.dtype.category < 2 and (item.numel() != 1 or item.dtype.category >= 2):
                    raise type_error("only integer tensors of a single element can be converted to an index")
                flat.append(item.item())
            elif not isinstance(item, (int, float, complex)):
                raise type_error(f"must be real number, not {type(item).__name__}" if cls.dtype.category >= 2 else
                                 f"'{type(item).__name__}' object cannot be interpreted as an integer")
            else:
                flat.append(item)
        return creation.tensor(flat, dtype=cls.dtype).storage()

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


_LegacyStorageMeta.__module__ = "torch.storage"
LEGACY_STORAGES = {dt: _LegacyStorageMeta(dt.type_name[6:-6] + "Storage", (), {"dtype": dt, "__api__": frozenset(),
                                                                     "__class_api__": frozenset({"dtype"})})
                   for dt in (dtypes.float32, dtypes.float64, dtypes.int64, dtypes.bool_, dtypes.int32, dtypes.uint8,
                              dtypes.int8, dtypes.int16, dtypes.float16, dtypes.bfloat16, dtypes.complex64,
                              dtypes.complex128)}


def storage_type(self):
    """Tensor.storage_type(): the legacy storage class of its dtype (torch.FloatStorage), with storage()'s warning."""
    from .errors import warn_once
    from . import messages
    warn_once(messages.TYPED_STORAGE_WARNING)
    return LEGACY_STORAGES[self.dtype]


storage_type.__qualname__ = "Tensor.storage_type"  # (a Python method: its argument errors name it so)


def cast_storage(storage, dtype_name):
    """torch/storage.py's _to: the elements (an UntypedStorage's are its bytes) as a tensor converted to the dtype;
    its memory as a new TypedStorage (a copy when the conversion kept the same memory)."""
    from .storage import TypedStorage
    source = creation.empty(0, dtype=storage.dtype if isinstance(storage, TypedStorage) else dtypes.uint8)
    source.set_(storage)
    out = source.to(dtypes.from_name(dtype_name))
    memory = out.untyped_storage()
    return TypedStorage(memory.clone() if out.data_ptr() == source.data_ptr() else memory, out.dtype)


def set_elements(storage, idx, value):
    """TypedStorage's `s[i] = v` / `s[a:b] = v`: torch/storage.py's _setitem writes through a new tensor set_ to the
    storage (its own version counter), so the value is cast, rounded, broadcast and checked as a tensor's setitem."""
    elements = creation.empty(0, dtype=storage.dtype)
    elements.set_(storage)
    elements[idx] = value


_storage.cast_storage, _storage.set_elements = cast_storage, set_elements

"""torch.Tensor, torch.FloatTensor, ...: the legacy tensor types (their constructors, isinstance, x.type()'s
targets)."""
from . import creation, dtypes, pyapi, signatures
from .errors import type_error
from .tensorimpl import Tensor
from .typenames import tp_name


class _LegacyType(type):
    """torch.Tensor / torch.FloatTensor ...: calling one builds a tensor of its dtype; isinstance works."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and (cls.dtype is None or obj.dtype is cls.dtype)

    def __subclasscheck__(cls, sub):  # (issubclass(nn.Parameter, torch.Tensor); nn.Buffer says it is one too)
        if cls.dtype is None and isinstance(sub, type) and (issubclass(sub, Tensor) or "_tensor_class" in vars(sub)):
            return True
        return type.__subclasscheck__(cls, sub)

    def __call__(cls, *args, **kwargs):
        dtype = cls.dtype or dtypes.DEFAULT_FLOAT
        form = pyapi.legacy_new(args, kwargs)  # (PyTorch's parser of these constructors)
        if form[0] == "data":
            return creation.legacy_from_data(form[1], dtype)
        if form[0] == "other":
            other = form[1]
            if other.dtype is not dtype and cls.dtype is not None:   # the legacy constructor does not convert
                raise type_error(f"expected {_options(dtype)} (got {_options(other.dtype)})")
            from .ops.core import make_view  # (PyTorch's alias of it, whatever its dtype: a view, AliasBackward0)
            return make_view(other, other._shape, other._stride, other._offset, "AliasBackward0")
        return creation.zeros(*form[1], dtype=dtype) if form[0] == "size" else creation.tensor([], dtype=dtype)

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"

    def __getattr__(cls, name):  # (only names the class itself lacks: the tensor methods, unbound)
        if name in _METHODS:
            return _descriptor(name)
        raise AttributeError(f"type object '{cls.__name__}' has no attribute '{name}'")


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

    def __contains__(self, name):
        return name[:1] != "_" and name in Tensor.__api__ and callable(getattr(Tensor, name, None))


_METHODS = _TensorMethods()


def _options(dtype):
    return (f"TensorOptions(dtype={dtypes.C_NAMES[dtype.name]}, device=cpu, layout=Strided, requires_grad=false "
            "(default), pinned_memory=false (default), memory_format=(nullopt))")


def _legacy(name, dtype):
    return _LegacyType(name, (), {"dtype": dtype, "__api__": frozenset(), "__class_api__": _METHODS,
                                  "__module__": "torch"})


LEGACY = {"Tensor": _legacy("Tensor", None), "FloatTensor": _legacy("FloatTensor", dtypes.float32),
          "DoubleTensor": _legacy("DoubleTensor", dtypes.float64), "LongTensor": _legacy("LongTensor", dtypes.int64),
          "BoolTensor": _legacy("BoolTensor", dtypes.bool_), "IntTensor": _legacy("IntTensor", dtypes.int32),
          "ByteTensor": _legacy("ByteTensor", dtypes.uint8), "CharTensor": _legacy("CharTensor", dtypes.int8),
          "ShortTensor": _legacy("ShortTensor", dtypes.int16), "HalfTensor": _legacy("HalfTensor", dtypes.float16),
          "BFloat16Tensor": _legacy("BFloat16Tensor", dtypes.bfloat16)}


class _LegacyStorageMeta(type):
    """torch.FloatStorage ... (torch/storage.py's _LegacyStorage classes): calling one makes a TypedStorage of its
    dtype (of a size, or of a sequence's values); isinstance asks a TypedStorage's dtype."""

    def __instancecheck__(cls, obj):
        from .storage import TypedStorage
        return isinstance(obj, TypedStorage) and obj.dtype is cls.dtype

    def __call__(cls, data=0):
        from .errors import warn_once
        from . import messages
        warn_once(messages.TYPED_STORAGE_WARNING)
        t = creation.zeros(data, dtype=cls.dtype) if isinstance(data, int) else creation.tensor(data, dtype=cls.dtype)
        return t.storage()

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

"""torch.Tensor, torch.FloatTensor, ...: the legacy tensor types (their constructors, isinstance, x.type()'s
targets)."""
from . import creation, dtypes, pyapi
from .errors import type_error
from .tensorimpl import Tensor


class _LegacyType(type):
    """torch.Tensor / torch.FloatTensor ...: calling one builds a tensor of its dtype; isinstance works."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and (cls.dtype is None or obj.dtype is cls.dtype)

    def __call__(cls, *args, **kwargs):
        dtype = cls.dtype or dtypes.DEFAULT_FLOAT
        form = pyapi.legacy_new(args, kwargs)  # (PyTorch's parser of these constructors)
        if form[0] == "data":
            data = form[1]
            return creation.tensor(list(data) if isinstance(data, range) else data, dtype=dtype)
        if form[0] == "other":
            other = form[1]
            if other.dtype is not dtype and cls.dtype is not None:   # the legacy constructor does not convert
                raise type_error(f"expected {_options(dtype)} (got {_options(other.dtype)})")
            return other if other.dtype is dtype else other.to(dtype)
        return creation.zeros(*form[1], dtype=dtype) if form[0] == "size" else creation.tensor([], dtype=dtype)

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"

    def __getattr__(cls, name):  # (only names the class itself lacks: the tensor methods, unbound)
        if name in _METHODS:
            return getattr(Tensor, name)
        raise AttributeError(f"type object '{cls.__name__}' has no attribute '{name}'")


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
    return _LegacyType(name, (), {"dtype": dtype, "__api__": frozenset(), "__class_api__": _METHODS})


LEGACY = {"Tensor": _legacy("Tensor", None), "FloatTensor": _legacy("FloatTensor", dtypes.float32),
          "DoubleTensor": _legacy("DoubleTensor", dtypes.float64), "LongTensor": _legacy("LongTensor", dtypes.int64),
          "BoolTensor": _legacy("BoolTensor", dtypes.bool_), "IntTensor": _legacy("IntTensor", dtypes.int32),
          "ByteTensor": _legacy("ByteTensor", dtypes.uint8), "CharTensor": _legacy("CharTensor", dtypes.int8),
          "ShortTensor": _legacy("ShortTensor", dtypes.int16), "HalfTensor": _legacy("HalfTensor", dtypes.float16),
          "BFloat16Tensor": _legacy("BFloat16Tensor", dtypes.bfloat16)}

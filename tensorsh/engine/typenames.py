"""Python's tp_name of a value's type as PyTorch's messages print it (`Tensor`, `NoneType`, `torch.dtype`, ...):
below autograd, so every layer's texts can use it; tensorimpl binds its classes here as it loads."""
from .dtypes import DType as _DType
from .random import Generator as _Generator

_Tensor = _MemoryFormat = None  # bound by tensorimpl (bind)


def bind(tensor_cls, memory_format_cls):
    global _Tensor, _MemoryFormat
    _Tensor, _MemoryFormat = tensor_cls, memory_format_cls


def tp_name(value):
    """Python's tp_name of the value's type as PyTorch prints it (`Tensor`, `NoneType`, `torch.dtype`, ...)."""
    cls = type(value)
    if isinstance(value, _DType):
        return "torch.dtype"
    if cls is _MemoryFormat:
        return "torch.memory_format"
    if _Generator is not None and isinstance(value, _Generator):
        return "torch._C.Generator"
    if cls.__qualname__ == "Size" and isinstance(value, tuple):
        return "torch.Size"
    if callable(value) and not isinstance(value, type) and not isinstance(value, _Tensor) and \
            cls.__module__.startswith("tensorsh.lang"):
        return "function"
    if cls.__module__ == "numpy" and "." not in cls.__name__:  # (numpy's scalars: dotted, 'numpy.float64')
        return "numpy." + cls.__name__
    return class_tp_name(cls)


def class_tp_name(cls):
    """Python's tp_name of an engine class: its __name__ (dotted where PyTorch's C type's is, 'torch.return_types.max',
    the short name a program reads in __tsh_name__)."""
    return cls.__name__


def type_name(x):
    """The type name an argument-parser message gives a value ("function" for a callable)."""
    if callable(x) and not isinstance(x, type):
        return "function"
    cls = type(x)
    return "numpy." + cls.__name__ if cls.__module__ == "numpy" else cls.__name__  # (numpy's tp_names are dotted)

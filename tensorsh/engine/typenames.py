"""Python's tp_name of a value's type as PyTorch's messages print it (`Tensor`, `NoneType`, `torch.dtype`, ...), and
a function renamed as a class's own __init__ (the name Python's argument errors print):
below autograd, so every layer's texts can use it; tensorimpl binds its classes here as it loads."""
import types

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
    return "function" if callable(x) and not isinstance(x, type) else type(x).__name__


def own_init(init, class_name):
    """A copy of `init` as the class's own __init__: Python's argument errors name it ('Conv2d.__init__() got an
    unexpected keyword argument ...'), as they name PyTorch's, which each class defines."""
    init = getattr(init, "__wrapped__", init)  # (the layer's own, not Module's device check around it: the class
    qualname, code = f"{class_name}.__init__", init.__code__  # made wraps its copy again)
    if hasattr(code, "co_qualname"):  # (Python 3.11's messages read the code's name, 3.10's the function's)
        code = code.replace(co_qualname=qualname)
    own = types.FunctionType(code, init.__globals__, "__init__", init.__defaults__, init.__closure__)
    own.__kwdefaults__, own.__qualname__ = init.__kwdefaults__, qualname
    return own

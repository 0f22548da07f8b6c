"""Python's tp_name of a value's type as PyTorch's messages print it (`Tensor`, `NoneType`, `torch.dtype`, ...), and
a function renamed as a class's own method (the name Python's argument errors print):
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
    return numpy_dotted(cls)


def class_repr(value):
    """repr(type(value)) as torch's Python f-strings print it (<class 'torch.Tensor'>, <class 'tuple'>)."""
    return f"<class '{'torch.Tensor' if isinstance(value, _Tensor) else tp_name(value)}'>"


def numpy_dotted(cls):
    """numpy's tp_names are dotted ('numpy.float64'); the engine's ndarray class already has its dotted __name__."""
    if cls.__module__ == "numpy" and "." not in cls.__name__:
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
    return numpy_dotted(type(x))


def own_method(function, class_name, name="__init__"):
    """A copy of `function` as the class's own method `name`: Python's argument errors name it ('Conv2d.__init__()
    got an unexpected keyword argument ...', 'Adam.step() takes ...'), as they name PyTorch's, which each class
    defines. A wrapper (Module's device check, an optimizer's step hooks) is copied unwrapped; the caller wraps it."""
    function = getattr(function, "__wrapped__", function)
    qualname, code = f"{class_name}.{name}", function.__code__
    if hasattr(code, "co_qualname"):  # (Python 3.11's messages read the code's name, 3.10's the function's)
        code = code.replace(co_qualname=qualname)
    own = types.FunctionType(code, function.__globals__, name, function.__defaults__, function.__closure__)
    own.__kwdefaults__, own.__qualname__ = function.__kwdefaults__, qualname
    return own

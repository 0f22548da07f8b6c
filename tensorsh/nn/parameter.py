"""nn.Parameter: a leaf tensor a Module registers as a parameter; nn.Buffer: a tensor marked to be registered as a
buffer (PyTorch's torch/nn/parameter.py)."""
import weakref

from tensorsh.engine.tensor import Tensor
from tensorsh.engine import creation, messages, serialization
from tensorsh.engine.errors import runtime
from tensorsh.engine.ops.core import type_name


class Parameter(Tensor):
    """A Tensor subclass: built over the same storage and version counter as its data (PyTorch's
    _make_subclass detaches), a leaf, `requires_grad=True` unless told otherwise."""
    __slots__ = ()
    __module__ = "torch.nn.parameter"

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            data = creation.empty(0)
        p = data.detach()  # (a list raises Python's AttributeError here, as in PyTorch)
        if type(requires_grad) is not bool:  # (_make_subclass's parser)
            raise TypeError(f"_make_subclass(): argument 'require_grad' (position 3) must be bool, not "
                            f"{type_name(requires_grad)}")
        if requires_grad and p.dtype.category < 2:
            raise runtime(messages.CREATE_REQUIRES_GRAD_NON_FLOAT)
        p.__class__ = cls
        if requires_grad:
            p.requires_grad_(True)
        return p

    def __init__(self, data=None, requires_grad=True):
        pass

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(self.data.clone(), self.requires_grad)
        memo[id(self)] = result
        return result

    def __copy__(self):
        """copy.copy: a Parameter over self.data (same storage, .data's own version counter), no .grad."""
        return type(self)(self.data, self.requires_grad)

    def __repr__(self):
        return "Parameter containing:\n" + Tensor.__repr__(self)

    __str__ = __repr__

    def __reduce_ex__(self, proto):
        raise TypeError("tensorsh cannot pickle a Parameter")


serialization.SUBCLASSES["torch.nn.parameter.Parameter"] = Parameter  # (torch.load rebuilds a saved Parameter)

_BUFFERS = {}  # id(tensor) -> (weak reference, persistent): the tensors nn.Buffer marked (PyTorch's _is_buffer)


class _BufferMeta(type):
    def __instancecheck__(cls, instance):
        entry = _BUFFERS.get(id(instance))
        return entry is not None and entry[0]() is instance


class Buffer(metaclass=_BufferMeta):
    """nn.Buffer(data, persistent=True): a detached Tensor (not a subclass, as in PyTorch) that a Module registers as
    a buffer when it is assigned as an attribute."""
    __module__ = "torch.nn.parameter"
    _tensor_class = True  # (issubclass(nn.Buffer, torch.Tensor), as PyTorch's metaclass answers)

    def __new__(cls, data=None, *, persistent=True):
        if data is None:
            data = creation.empty(0)
        t = data.detach().requires_grad_(data.requires_grad)
        key = id(t)
        _BUFFERS[key] = (weakref.ref(t, lambda _ref: _BUFFERS.pop(key, None)), persistent)
        return t


def buffer_persistent(value):
    """A marked Buffer's persistent flag, None for any other value."""
    return _BUFFERS[id(value)][1] if isinstance(value, Buffer) else None


def typename(obj):
    """torch.typename: a tensor's legacy type name, else the object's module-qualified class name."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        module, qualname = type(obj).__module__ or "", type(obj).__qualname__
    return qualname if module in ("", "builtins") else f"{module}.{qualname}"

"""Tensor.resize / resize_as (deprecated, torch/_tensor.py's): torch.autograd._functions.Resize (function.py), the
Python Function that views the same elements in another shape. (Its own module, loaded on first use: rows in
ops/lazy.py; geometry_inplace cannot import function.py without an import circle.)"""
from . import errors
from .function import Resize
from .tensorimpl import Tensor
from .typenames import tp_name


def resize(self, *sizes):
    errors.warn("non-inplace resize is deprecated")
    return Resize.apply(self, sizes)


def resize_as(self, tensor):
    errors.warn("non-inplace resize_as is deprecated")
    if not isinstance(tensor, Tensor):  # (torch's Python asks it for .size())
        raise errors.make("AttributeError", f"'{tp_name(tensor)}' object has no attribute 'size'")
    return Resize.apply(self, tensor.size())


resize.__qualname__, resize_as.__qualname__ = "Tensor.resize", "Tensor.resize_as"  # (Python methods: their
# argument errors name them so)

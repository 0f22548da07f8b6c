"""Tensor.resize / resize_as (deprecated, torch/_tensor.py's): torch.autograd._functions.Resize, the Python
Function that views the same elements in another shape. (Loaded on first use: rows in ops/lazy.py.)"""
import functools
import operator

from . import errors
from .errors import runtime
from .function import Function
from .ops.views import alias


class Resize(Function):
    @staticmethod
    def forward(ctx, tensor, sizes):
        ctx.sizes = sizes
        ctx.numel = functools.reduce(operator.mul, sizes, 1)  # (a tuple given whole repeats: PyTorch's text)
        if tensor.numel() != ctx.numel:
            raise runtime(f"requested resize to {'x'.join(map(str, sizes))} ({ctx.numel} elements in total), "
                          f"but the given tensor has a size of {'x'.join(map(str, tensor.size()))} "
                          f"({tensor.numel()} elements). autograd's resize can only change the shape of a given "
                          "tensor, while preserving the number of elements. ")
        ctx.input_sizes = tensor.size()
        if tensor.is_contiguous():
            return alias(tensor).contiguous().view(*sizes)  # (tensor.new(tensor): an alias of it)
        return tensor.contiguous().view(*sizes)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.contiguous().view(ctx.input_sizes), None


def resize(self, *sizes):
    errors.warn("non-inplace resize is deprecated")
    return Resize.apply(self, sizes)


def resize_as(self, tensor):
    errors.warn("non-inplace resize_as is deprecated")
    return Resize.apply(self, tensor.size())

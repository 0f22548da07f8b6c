"""The identity op nn's full backward hooks wrap a module's inputs and outputs in (PyTorch's
BackwardHookFunction): its node hands the gradient passing through to a callback, which may replace it."""
from .ops.core import InputNode, attach


class BackwardHookFunctionBackward(InputNode):
    fields = ("callback",)
    name_ = "BackwardHookFunctionBackward"

    def backward(self, g):
        return (self.callback(g),)

    def __repr__(self):
        return f"<torch.autograd.function.BackwardHookFunctionBackward object at {self.address()}>"


def hook_identity(x, callback):
    """x again (same storage and version counter) with a BackwardHookFunctionBackward whose callback sees the
    gradient flowing back through it: callback(grad) -> grad."""
    out = x._alias(x._shape, x._stride, x._offset)
    return attach(out, BackwardHookFunctionBackward(x, callback))

"""A gradient recorded under create_graph as the one node PyTorch records for it (BinaryCrossEntropyBackwardBackward0,
NativeLayerNormBackwardBackward0, EmbeddingDenseBackwardBackward0, ...), where PyTorch's backward is a kernel of its
own: the node's inputs are saved, and its gradients are those of the same formula written with the engine's
differentiable ops (so every further order differentiates too)."""
from . import autograd
from .autograd import Node, NOTHING_SAVED, SavedTensor
from .tensorimpl import Tensor
from .ops.core import NONE_EDGE, attach, edge_of


class CompositeBackward(Node):
    """formula(*inputs) -> the gradient; `inputs` are its tensors (None where PyTorch's op has an undefined one),
    one edge each, in PyTorch's order of the op's arguments."""
    __slots__ = ("formula",)

    def __init__(self, name, formula, inputs):
        Node.__init__(self, tuple(edge_of(t) if isinstance(t, Tensor) and t.requires_grad else NONE_EDGE
                                  for t in inputs))
        self.name_, self.formula = name, formula
        self.saved = tuple(SavedTensor(t) if isinstance(t, Tensor) else NOTHING_SAVED for t in inputs)

    def backward(self, gg):
        inputs = [None if s is NOTHING_SAVED else s.unpack(self) for s in self.saved]
        wanted = [i for i, (fn, _) in enumerate(self.next_functions) if fn is not None]
        create = autograd._grad_enabled[0]
        with autograd.enable_grad():
            for i in wanted:  # (each input behind a node of its own, where the gradient is captured: an input that
                inputs[i] = inputs[i].view_as(inputs[i])  # depends on another, as g on x, is not walked through
            out = self.formula(*inputs)
        if not out.requires_grad:
            return (None,) * len(inputs)
        grads = autograd.run_backward([out], [gg], True, create, inputs=[inputs[i] for i in wanted],  # (retained: under
                                      allow_unused=True)  # create_graph the gradients' own graph reads what it saved)
        result = [None] * len(inputs)
        for i, g in zip(wanted, grads):
            result[i] = g
        return tuple(result)


def recorded(out, name, formula, inputs):
    """out (the gradient computed by the kernel) with a CompositeBackward attached when an input requires grad under
    create_graph."""
    if autograd._grad_enabled[0] and any(isinstance(t, Tensor) and t.requires_grad for t in inputs):
        attach(out, CompositeBackward(name, formula, inputs))
    return out

"""A gradient recorded under create_graph as the one node PyTorch records for it (BinaryCrossEntropyBackwardBackward0,
NativeLayerNormBackwardBackward0, EmbeddingDenseBackwardBackward0, ...), where PyTorch's backward is a kernel of its
own: the node's inputs are saved, and its gradients are those of the same formula written with the engine's
differentiable ops (so every further order differentiates too)."""
from . import autograd
from .autograd import Node, NOTHING_SAVED, SavedTensor
from .tensorimpl import Tensor
from .ops.core import NONE_EDGE, attach, edge_of


class CompositeBackward(Node):
    """formula(*inputs, *extra) -> the gradient; `inputs` are the op's differentiable arguments (None where PyTorch's
    is undefined), one edge each in PyTorch's order, `extra` tensors it reads without an edge; all are saved, in that
    order (the class's saved_names name them), and `values` holds the saved values that are not tensors."""
    __slots__ = ("formula",)

    def __init__(self, formula, inputs, extra, values):
        Node.__init__(self, tuple(edge_of(t) if isinstance(t, Tensor) and t.requires_grad else NONE_EDGE
                                  for t in inputs))
        self.formula = formula
        self.saved = tuple(SavedTensor(t) if isinstance(t, Tensor) else NOTHING_SAVED for t in inputs + extra)
        self.__dict__["values"] = values

    def backward(self, gg):
        args = [None if s is NOTHING_SAVED else s.unpack(self) for s in self.saved]
        double = self.__dict__["values"].get("double")
        if double is not None:  # (PyTorch's own double-backward formula, composed of ops)
            return double(gg, *args)
        wanted = [i for i, (fn, _) in enumerate(self.next_functions) if fn is not None]
        create = autograd._grad_enabled[0]
        with autograd.enable_grad():
            for i in wanted:  # (each input behind a node of its own, where the gradient is captured: an input that
                args[i] = args[i].view_as(args[i])  # depends on another, as g on x, is not walked through
            out = self.formula(*args)
        result = [None] * len(self.next_functions)
        if not out.requires_grad:
            return tuple(result)
        grads = autograd.run_backward([out], [gg], True, create, inputs=[args[i] for i in wanted],  # (retained: under
                                      allow_unused=True)  # create_graph the gradients' own graph reads what it saved)
        for i, g in zip(wanted, grads):
            result[i] = g
        return tuple(result)


_CLASSES = {}


def recorded(out, name, formula, inputs, extra=(), saved_names=(), **values):
    """out (the gradient the kernel computed) with a node `name` attached when an input requires grad under
    create_graph; saved_names and the keyword values are its grad_fn._saved_* attributes, but `double`: PyTorch's
    double-backward formula double(gg, *inputs, *extra) -> a gradient per input, where it has one of ops."""
    if autograd._grad_enabled[0] and any(isinstance(t, Tensor) and t.requires_grad for t in inputs):
        cls = _CLASSES.get(name)
        if cls is None:
            cls = _CLASSES[name] = type(name, (CompositeBackward,), {
                "__slots__": (), "saved_names": saved_names,
                "saved_values": {k: (lambda n, k=k: n.__dict__["values"][k]) for k in values if k != "double"}})
        attach(out, cls(formula, tuple(inputs), tuple(extra), values))
    return out


class UndifferentiableBackward(Node):
    """A gradient PyTorch records under create_graph with a node whose own derivative it does not implement
    (CdistBackwardBackward0, EmbeddingBagBackwardBackward0): differentiating it is its NotImplementedError."""
    __slots__ = ("op",)

    def __init__(self, name, op, inputs):
        Node.__init__(self, tuple(edge_of(t) if isinstance(t, Tensor) and t.requires_grad else NONE_EDGE
                                  for t in inputs))
        self.name_, self.op = name, op

    def backward(self, gg):
        from .errors import make
        raise make("NotImplementedError", f"the derivative for '{self.op}' is not implemented.")


def undifferentiable(grads, name, op, inputs):
    """grads (the kernel's, None where not wanted) each with an UndifferentiableBackward attached when an input
    requires grad under create_graph."""
    if autograd._grad_enabled[0] and any(isinstance(t, Tensor) and t.requires_grad for t in inputs):
        for out in grads:
            if out is not None:
                attach(out, UndifferentiableBackward(name, op, inputs))
    return grads

"""grad_fn._saved_* / _raw_saved_* attributes: which value a node saved is which, as PyTorch names them."""
from . import autograd
from .autograd import Node

# which saved value is which, in the order each node keeps them (PyTorch's attribute names after _saved_)
SAVED_NAMES = {
    "MulBackward0": ("other", "self"), "DivBackward0": ("other", "self"), "PowBackward0": ("self",),
    "PowBackward1": ("self", "exponent", "result"), "PowBackward2": ("result",), "MmBackward0": ("mat2", "self"),
    "MvBackward0": ("vec", "self"), "ClampBackward1": ("self",), "SoftmaxBackward0": ("result",),
}
# the values a node keeps that are not tensors: _saved_<name> reads them off the node
SAVED_VALUES = {
    "PowBackward0": {"exponent": lambda n: n.exponent},
    "SumBackward0": {"self_sym_sizes": lambda n: n.shape},
    "MeanBackward0": {"self_sym_numel": lambda n: n.numel, "self_sym_sizes": lambda n: n.shape},
    "AddBackward0": {"alpha": lambda n: n.alpha}, "SubBackward0": {"alpha": lambda n: n.alpha},
    "ClampBackward1": {"min": lambda n: n.lo, "max": lambda n: n.hi},
    "SoftmaxBackward0": {"dim": lambda n: n.dim},
}


def _names_of(node):
    names = SAVED_NAMES.get(type(node).name_)
    if names is None:
        saves = getattr(type(node), "saves", None)  # the elementwise unary nodes: "self" or "result"
        names = (saves,) if saves in ("self", "result") else ()
    return names


def _saved_attribute(node, name):
    """node._saved_<x> (the value, unpacked as backward would) or node._raw_saved_<x>; None if not saved."""
    raw = name.startswith("_raw_saved_")
    key = name[len("_raw_saved_"):] if raw else name[len("_saved_"):]
    names = _names_of(node)
    if key not in names:
        raise AttributeError(name)
    saved = node.saved[names.index(key)] if names.index(key) < len(node.saved) else None
    if saved is None or saved is autograd.NOTHING_SAVED:
        return None
    if raw:
        from .saved_hooks import RawSavedTensor  # (the hooks' module loads on first use)
        return RawSavedTensor(saved)
    value = saved.unpack(node)
    if isinstance(value, (int, float, bool)):  # a Python number is saved as PyTorch's wrapped 0-dim tensor
        from .creation import tensor
        value = tensor(value)
    return value


def install():
    """Give every node class that saves named values its _saved_* / _raw_saved_* attributes (and __api__)."""
    stack = [Node]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if "name_" not in cls.__dict__ and "saves" not in cls.__dict__:
            continue
        names = SAVED_NAMES.get(cls.__dict__.get("name_")) or (
            (cls.saves,) if getattr(cls, "saves", None) in ("self", "result") else ())
        values = SAVED_VALUES.get(cls.__dict__.get("name_"), {})
        if not names and not values:
            continue
        api = {a for a in cls.__api__ if not a.startswith(("_saved_", "_raw_saved_"))}  # (not a parent's)
        cls.__api__ = frozenset(api) | {p + n for n in names for p in ("_saved_", "_raw_saved_")} | {
            "_saved_" + n for n in values}
        for n in names:
            for prefix in ("_saved_", "_raw_saved_"):
                attr = prefix + n
                setattr(cls, attr, property(lambda self, a=attr: _saved_attribute(self, a)))
        for n, get in values.items():
            setattr(cls, "_saved_" + n, property(get))

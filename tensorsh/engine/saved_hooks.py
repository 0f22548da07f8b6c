"""torch.autograd.graph: saved-tensor hooks (pack when saved, unpack when backward needs it), and the
grad_fn._saved_* / _raw_saved_* attributes that show what a node saved."""
from . import autograd
from .autograd import Node, address as _address
from .errors import runtime

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


class saved_tensors_hooks:
    """with torch.autograd.graph.saved_tensors_hooks(pack, unpack): what is saved inside goes through pack."""
    __api__ = frozenset()

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook, self.unpack_hook = pack_hook, unpack_hook

    def __enter__(self):
        if autograd.SAVED_HOOKS_DISABLED[0] is not None:
            raise runtime(autograd.SAVED_HOOKS_DISABLED[0])
        autograd.SAVED_HOOKS.append((self.pack_hook, self.unpack_hook))
        return None

    def __exit__(self, *exc):
        autograd.SAVED_HOOKS.pop()
        return False

    def __repr__(self):
        return f"<torch.autograd.graph.{type(self).__name__} object at {_address(self)}>"


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors go to CPU memory: on a CPU-only machine a copy, given back as it was."""

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack(t):  # PyTorch's tensor.cpu(): the tensor itself when it is on CPU already
            return (t.device, t)

        def unpack(packed):
            return packed[1]
        saved_tensors_hooks.__init__(self, pack, unpack)


class disable_saved_tensors_hooks:
    """Inside it, registering saved-tensor hooks raises RuntimeError(error_message)."""
    __api__ = frozenset()

    def __init__(self, error_message):
        self.error_message = error_message

    def __enter__(self):
        self._prev = autograd.SAVED_HOOKS_DISABLED[0]
        autograd.SAVED_HOOKS_DISABLED[0] = self.error_message
        return None

    def __exit__(self, *exc):
        autograd.SAVED_HOOKS_DISABLED[0] = self._prev
        return False

    def __repr__(self):
        return f"<torch.autograd.graph.disable_saved_tensors_hooks object at {_address(self)}>"


class RawSavedTensor:
    """grad_fn._raw_saved_*: torch._C._autograd.SavedTensor; register_hooks(pack, unpack) packs it now."""
    __api__ = frozenset({"register_hooks"})

    def __init__(self, saved):
        self._saved = saved

    def register_hooks(self, pack_hook, unpack_hook):
        saved = self._saved
        if saved.freed:
            raise runtime("Calling register_hooks on a saved tensor after it has been freed. Saved intermediate "
                          "values of the graph are freed when you call .backward() or autograd.grad(). Specify "
                          "retain_graph=True if you need to backward through the graph a second time or if you "
                          "need to access saved values after calling backward.")
        if saved.hooks is not None:
            raise runtime("Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only "
                          "one pair of hooks is allowed at a time.")
        if saved.value is None:
            raise runtime("Calling register_hooks on a saved tensor with value None is forbidden")
        saved.pack_with(pack_hook, unpack_hook)

    def __repr__(self):
        return f"<torch._C._autograd.SavedTensor object at {_address(self)}>"


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

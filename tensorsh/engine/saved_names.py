"""grad_fn._saved_* / _raw_saved_* attributes: which value a node saved is which, as PyTorch names them."""
from . import autograd
from .autograd import Node

# A node class says which saved value is which beside the code that saves them, in PyTorch's names (after
# _saved_): `saved_names`, the tensors in the order the node keeps them, and `saved_values`, the values that are not
# tensors, each the node's attribute holding it (MulBackward0.saved_names = ("other", "self"), ClampBackward1's
# saved_values = {"min": "lo", "max": "hi"}); the elementwise unary nodes say it with their row's `saves`. A name
# None in saved_names is a tensor kept in that place that PyTorch does not expose; a saved value given as a function
# of the node is computed from what the node holds (a dim list as PyTorch's tuple).


def unsigned(i):
    """An int as PyTorch's saved-value getters give a negative one: as the uint64 it is stored as (-1: 2**64 - 1)."""
    return i % (1 << 64)


INT64_MAX = (1 << 63) - 1  # a slice's end when none was given, as PyTorch saves it


def given(node, **values):
    """Keep on node the arguments as the program gave them (a dim of -1), which its saved values show."""
    for k, v in values.items():
        node.__dict__[k + "_given"] = None if v is None else tuple(map(unsigned, v)) if isinstance(v, (tuple, list)) \
            else unsigned(v)
    return node


def as_given(attr):
    """A saved value: the argument as given (see given), else the node's attribute `attr` (the wrapped dim)."""
    return lambda node: node.__dict__.get(attr + "_given", getattr(node, attr))


def as_program_gave(node, attr):
    """The argument as the program gave it (-1, not its uint64), where a gradient formula hands it on to an op whose
    node saves it; else the node's attribute."""
    v = node.__dict__.get(attr + "_given")
    if v is None:
        return getattr(node, attr)
    return tuple(map(_signed, v)) if isinstance(v, tuple) else _signed(v)


def _signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def output_data(i):
    """A saved value: the node's own output kept at saved[i] as PyTorch gives a non-differentiable one (mean,
    rstd): its data, no history."""
    def get(node):
        saved = node.saved[i]
        if saved.freed:
            from .errors import runtime
            from .messages import FREED_GRAPH
            raise runtime(FREED_GRAPH)
        return saved.value
    return get


def _declared(cls):
    """(saved names, saved values) of the node class that names cls's nodes (the one defining name_)."""
    own = next((c for c in cls.__mro__ if "name_" in c.__dict__), cls)
    names = own.__dict__.get("saved_names")
    if names is None:
        saves = getattr(cls, "saves", None)  # the elementwise unary nodes: "self", "result" or "self+result"
        names = tuple(saves.split("+")) if saves else ()
    return names, own.__dict__.get("saved_values", {})


def _names_of(node):
    return _declared(type(node))[0]


def _saved_attribute(node, name):
    """node._saved_<x> (the value, unpacked as backward would) or node._raw_saved_<x>; None if not saved."""
    raw = name.startswith("_raw_saved_")
    key = name[len("_raw_saved_"):] if raw else name[len("_saved_"):]
    names = _names_of(node)
    if key not in names:
        raise AttributeError(name)
    saved = node.saved[names.index(key)] if names.index(key) < len(node.saved) else None
    if raw:  # (an undefined one is a SavedTensor too, whose register_hooks refuses it)
        return _raw(autograd.NOTHING_SAVED if saved is None else saved)
    if saved is None or saved is autograd.NOTHING_SAVED:
        return None
    value = saved.unpack(node)
    if isinstance(value, (int, float, bool, complex)):  # a Python number is saved as PyTorch's wrapped 0-dim
        from .creation import tensor  # tensor (a float's is double, a complex's complex128: scalar_to_tensor)
        from .dtypes import complex128, float64
        value = tensor(value, dtype=float64) if type(value) is float else \
            tensor(value, dtype=complex128) if type(value) is complex else tensor(value)
    return value


def install():
    """Give every node class that saves named values its _saved_* / _raw_saved_* attributes (and __api__): those
    defined now, and those of modules loaded on first use as they are defined (Node.__init_subclass__)."""
    stack = [Node]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        _install_class(cls)
    autograd.NEW_NODE_CLASS[0] = _install_class


def _install_class(cls):
    if "name_" not in cls.__dict__ and "saves" not in cls.__dict__:
        return
    names, values = _declared(cls)
    api = {a for a in cls.__api__ if not _is_saved_name(a)}  # (not a parent's)
    own = {p + n for n in names if n is not None for p in ("_saved_", "_raw_saved_")} | {"_saved_" + n for n in values}
    for base in cls.__mro__[1:]:  # a parent's saved names that this node does not have (BmmBackward0 of Mm's)
        for attr in base.__dict__:
            if _is_saved_name(attr) and attr not in own and attr not in cls.__dict__:
                setattr(cls, attr, property(lambda self, a=attr: _no_attribute(self, a)))
    cls.__api__ = frozenset(api | own)
    for n in names:
        if n is None:
            continue
        for prefix in ("_saved_", "_raw_saved_"):
            attr = prefix + n
            setattr(cls, attr, property(lambda self, a=attr: _saved_attribute(self, a)))
    for n, attr in values.items():
        setattr(cls, "_saved_" + n, property(attr if callable(attr) else lambda self, a=attr: getattr(self, a)))
    own_class = next((c for c in cls.__mro__ if "name_" in c.__dict__), cls)
    for n, places in own_class.__dict__.get("saved_lists", {}).items():  # (a list of tensors: IndexBackward0's
        cls.__api__ |= {"_saved_" + n, "_raw_saved_" + n}  # indices, None where a dim was not indexed)
        setattr(cls, "_saved_" + n, property(lambda self, p=places: tuple(
            None if s is None else s.unpack(self) for s in _saved_list(self, p))))
        setattr(cls, "_raw_saved_" + n, property(lambda self, p=places: tuple(  # (an undefined one: a SavedTensor too)
            _raw(autograd.NOTHING_SAVED if s is None else s) for s in _saved_list(self, p))))


def _saved_list(node, places):
    """The SavedTensors of a saved list, in order: node.saved[i] for each place i of getattr(node, places); once
    freed, the list is refused whole (PyTorch's <name>_released_ check), raw too."""
    saved = [None if i is None else node.saved[i] for i in getattr(node, places)]
    if any(s is not None and s.freed for s in saved):
        from .errors import runtime
        from .messages import FREED_GRAPH
        raise runtime(FREED_GRAPH)
    return saved


def _raw(saved):
    from .saved_hooks import RawSavedTensor  # (the hooks' module loads on first use)
    return RawSavedTensor(saved)


def _is_saved_name(attr):
    """One saved value's attribute (a custom Function's node's _raw_saved_tensors is all of them: its own)."""
    return attr.startswith(("_saved_", "_raw_saved_")) and attr != "_raw_saved_tensors"


def _no_attribute(node, name):
    raise AttributeError(f"'{node.name().rsplit('::', 1)[-1]}' object has no attribute '{name}'")

"""The engine's error type (PyTorch's exception kind and exact text) and its warning channel."""
import contextlib
import functools

from . import undo


class TorchError(Exception):
    """An error PyTorch would raise: `kind` is the Python exception name, `message` its text."""

    def __init__(self, kind, message, blame=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.blame = blame  # opaque location of the statement that caused it (see undo.location)

    def __str__(self):  # as Python's: str() of a KeyError is its argument's repr
        return repr(self.message) if self.kind == "KeyError" else self.message


_KINDS = {}

# The AttributeError PyTorch's own Python raises to a program (Module.__getattr__'s "'Linear' object has no
# attribute 'bias'", also from inside a module's repr or forward): Python's class, so hasattr and `except
# AttributeError` work, and marked, so the language reports it as the program's error (a bare AttributeError from
# tensorsh's own code is a bug in tensorsh).
AttributeError = type("AttributeError", (AttributeError,), {"__module__": "builtins", "_tsh_kind": "AttributeError"})


def make(kind, message):
    """A TorchError whose class is named like the Python exception PyTorch raises (RuntimeError, ...). An IndexError
    is also Python's, as it ends the iteration of a program's class that has `__getitem__` and no `__iter__`
    (`for x, y in dataset`, `list(dataset)`: CPython's sequence protocol stops on IndexError alone)."""
    cls = _KINDS.get(kind)
    if cls is None:
        cls = _KINDS[kind] = type(kind, (TorchError, IndexError) if kind == "IndexError" else (TorchError,), {})
    return cls(kind, message)


_PYTHON_CLASSES = {}


def python_class(kind):
    """The exception class a program sees for a dotted kind PyTorch defines (torch._C._LinAlgError,
    torch.autograd.gradcheck.GradcheckError): a RuntimeError subclass named and placed as PyTorch's, so
    `type(e).__name__`, `type(e)` and `except torch.linalg.LinAlgError` read as in PyTorch. `_tsh_kind` is the
    qualified name an uncaught error is reported under."""
    cls = _PYTHON_CLASSES.get(kind)
    if cls is None:
        module, name = kind.rsplit(".", 1)
        cls = _PYTHON_CLASSES[kind] = type(name, (RuntimeError,), {"__module__": module, "_tsh_kind": kind})
    return cls


def runtime(message):
    return make("RuntimeError", message)


_HOOK_TYPE_ERROR = type("TypeError", (TorchError, TypeError), {})


def hook_type_error(message):
    """The TypeError of a tensor's number hook (__index__), also Python's, as CPython's own callers catch it
    (`"%x" % t` of a float tensor answers "%x format: an integer is required, not Tensor")."""
    return _HOOK_TYPE_ERROR("TypeError", message)


def index_error(message):
    return make("IndexError", message)


def type_error(message):
    return make("TypeError", message)


def c_type_format(type_name):
    """object.__format__ as one of PyTorch's C types has it: an empty spec gives str(self), any other is refused
    with the type's C name (`f"{x.dtype:>10}"`: "unsupported format string passed to torch.dtype.__format__")."""
    def __format__(self, spec):
        if spec:
            raise type_error(f"unsupported format string passed to {type_name}.__format__")
        return str(self)
    return __format__


def c_method(owner, arity):
    """A method of one of PyTorch's C types as CPython binds it, METH_NOARGS (arity 0) or METH_O (arity 1): its
    argument errors are CPython's, naming the type (`Size.numel() takes no arguments (1 given)`,
    `Generator.manual_seed() takes exactly one argument (0 given)`)."""
    def bind(f):
        name = f.__name__

        @functools.wraps(f)
        def method(self, *args, **kwargs):
            if kwargs:
                raise type_error(f"{owner}.{name}() takes no keyword arguments")
            if arity == 0 and args:
                raise type_error(f"{owner}.{name}() takes no arguments ({len(args)} given)")
            if arity == 1 and len(args) != 1:
                raise type_error(f"{owner}.{name}() takes exactly one argument ({len(args)} given)")
            return f(self, *args)
        return method
    return bind


def name_c_type(cls, tp_name):
    """Name a class standing for one of PyTorch's C types by its tp_name, which Python's own messages print ("'torch.layout'
    object is not callable", "... not 'torch._C.Generator'"); a program reads the short name as type(x).__name__."""
    cls.__name__, cls.__qualname__ = tp_name, tp_name.rsplit(".", 1)[-1]
    cls.__tsh_name__ = cls.__qualname__


def value_error(message):
    return make("ValueError", message)


def _default_sink(category, message, site=None):
    import sys
    print(f"{category}: {message}", file=sys.stderr)


_sink = _default_sink


def set_warning_sink(fn):
    """Route engine warnings to fn(category, message, site=None); returns the previous sink."""
    global _sink
    previous, _sink = _sink, fn
    return previous


# PyTorch's warnings.warn (and TORCH_WARN) names the innermost Python frame its stacklevel reaches: inside torch's
# own Python code (a built-in module's forward or __init__, a deprecated helper) that is torch's file and line, so
# Python's "default" filter shows such a warning once per process however many program lines reach it.
# LIBRARY_SITE = [site, statement]: the torch location in effect while the program's `statement` (the one running
# when the library was entered) is still the current one.
LIBRARY_SITE = [None, None]


def warn(message, category="UserWarning", site=None):
    """A warning at the running statement; `site` names the line of PyTorch's own code a Python warning of
    PyTorch's is attributed to (stacklevel inside torch), which Python's filters then show once, not once a line;
    without one, the torch location in effect (LIBRARY_SITE) is the sink's to ask for."""
    _sink(category, message, site)


def triggered_internally(message, category="UserWarning"):
    """The message as PyTorch's Python sees a warning its C++ gave: with " (Triggered internally at <file>:<line>.)"
    (messages.TRIGGERED_AT); a warning of torch's Python code, the program's or numpy's (a ComplexWarning of the same
    words, from reading a numpy complex scalar as a real number) unchanged."""
    if category == "ComplexWarning":
        return message
    from .messages import TRIGGERED_AT
    for start, where in TRIGGERED_AT:
        if message.startswith(start):
            return f"{message} (Triggered internally at /__w/pytorch/pytorch/{where}.)"
    return message


@contextlib.contextmanager
def silenced():
    """Run a computation the program does not see (a check made ahead, a probe): its warnings are dropped, and a
    TORCH_WARN_ONCE it reaches is still due afterwards."""
    previous, once = set_warning_sink(lambda *_, **__: None), set(WARNED_ONCE)
    try:
        yield
    finally:
        set_warning_sink(previous)
        WARNED_ONCE.intersection_update(once)


@contextlib.contextmanager
def library_code(site):
    """Run as PyTorch's own Python code at `site` (a module's forward, a torch/functional.py line calling _VF):
    a warning given inside, a C++ warning of the op it calls among them, is attributed to that line."""
    saved = LIBRARY_SITE[:]
    LIBRARY_SITE[:] = site, undo.location()
    try:
        yield
    finally:
        LIBRARY_SITE[:] = saved


def library_site(loc):
    """The torch location a warning given now has (None: the program's statement `loc`)."""
    site, entered = LIBRARY_SITE
    return site if entered is loc else None


IMPORTED = set()  # libraries torch imports on first use that a program's run has reached (reset_state forgets them)
FILTERS_CHANGED = [0]  # how often such an import changed Python's warning filters (the session compares its count)


def library_imported(name):
    """torch imports `name` on first use; sympy's import (torch.fx.experimental.symbolic_shapes, from _make_grads given
    a gradient tensor, torch.func's transforms, ...) calls warnings.simplefilter, and a change of the filters makes
    Python show again, once, every warning its "default" action has shown."""
    if name not in IMPORTED:
        IMPORTED.add(name)
        FILTERS_CHANGED[0] += 1


WARNED_ONCE = set()  # PyTorch's TORCH_WARN_ONCE texts already given in this process (reset_state forgets them)


def warn_once(message, category="UserWarning", key=None):
    """TORCH_WARN_ONCE: once per process for its call site (key; by default the message names the site)."""
    key = message if key is None else key
    if key not in WARNED_ONCE:
        WARNED_ONCE.add(key)
        warn(message, category)

"""AST -> Python closures. Each expression becomes `fn(frame) -> value`; each statement `fn(frame)`.

The tree is walked once, at compile time; a loop body runs its closures directly. Values are plain
Python values and engine objects; operators are Python's `operator` functions (the engine's Tensor
implements the dunders). Attribute access is limited to each class's `__api__` (engine objects) or
a small allowlist (Python values), so a program can never reach a Python internal.
"""
import _string
import builtins as _builtins
import operator
import re
import string
import sys
import types
import typing

from tensorsh.engine import undo
from tensorsh.engine.namespaces import Namespace as _EngineNamespace
from tensorsh.engine.autograd import Node
from tensorsh.engine.errors import python_class, runtime
from tensorsh.engine.legacy_types import LEGACY
from tensorsh.engine.namespaces import LazyMember
from tensorsh.engine.ops.registry import _LazyMethod
from tensorsh.engine.random import Generator as _Generator
from tensorsh.engine.tensorimpl import Tensor as _Tensor
from tensorsh.engine.typenames import class_tp_name
from tensorsh.lang import ast as A
from tensorsh.lang.errors import UserError, UserAttributeError, Note, did_you_mean, python_suggestion
from tensorsh.lang.scope import Scope, ScopeError, CLASS_CELL, bound_names, check_names, factory, target_names, \
    uses_name

MAX_DEPTH = 100                 # nesting of expressions; deeper gives a located error, never RecursionError
MAX_ITEMS = 10_000_000          # longest list/str/tuple a program may build from Python values
MAX_INT_BITS = 100_000          # largest int `**` may produce
PRIVATE_OK = frozenset({"_version", "_base", "_metadata"})  # (_metadata: a state dict's, on an OrderedDict)

# The Python values a program can hold, and the few attributes each may use.
_SET_METHODS = frozenset({"union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
                          "isdisjoint", "copy"})
_DICT_METHODS = frozenset({"keys", "values", "items", "get", "pop", "setdefault", "update", "copy", "clear",
                           "popitem", "fromkeys"})
_BYTES_METHODS = frozenset({"hex", "decode", "count", "find", "index", "startswith", "endswith", "fromhex"})
SAFE_ATTRS = {
    str: frozenset({"join", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower", "startswith",
                    "endswith", "count", "find", "rfind", "index", "rindex", "isdigit", "isalpha", "isalnum",
                    "isspace", "islower", "isupper", "isnumeric", "isdecimal", "isidentifier", "title", "capitalize",
                    "splitlines", "replace", "ljust", "rjust", "center", "zfill", "partition", "rpartition",
                    "swapcase", "casefold", "removeprefix", "removesuffix", "expandtabs", "translate", "maketrans",
                    "isascii", "isprintable", "istitle"}),
    list: frozenset({"append", "extend", "pop", "index", "count", "insert", "reverse", "copy", "clear", "remove",
                     "sort"}),
    tuple: frozenset({"index", "count"}),
    bytes: _BYTES_METHODS,  # (the buffers torch.frombuffer reads)
    bytearray: _BYTES_METHODS | {"append", "extend", "pop", "insert", "reverse", "copy", "clear", "remove"},
    memoryview: frozenset({"nbytes", "itemsize", "format", "readonly", "shape", "ndim", "tobytes", "tolist", "hex",
                           "cast", "release"}),
    int: frozenset({"real", "imag", "bit_length", "bit_count", "numerator", "denominator", "conjugate",
                    "as_integer_ratio", "to_bytes", "from_bytes"}),
    float: frozenset({"real", "imag", "is_integer", "as_integer_ratio", "conjugate", "hex", "fromhex"}),
    complex: frozenset({"real", "imag", "conjugate"}),
    bool: frozenset(),
    range: frozenset({"start", "stop", "step", "index", "count"}),
    type(None): frozenset(),
    slice: frozenset({"start", "stop", "step"}),
    dict: _DICT_METHODS,
    set: _SET_METHODS | {"add", "discard", "remove", "pop", "update", "clear", "difference_update",
                         "intersection_update", "symmetric_difference_update"},
    frozenset: _SET_METHODS,
    types.GeneratorType: frozenset({"send", "throw", "close"}),
    property: frozenset({"setter", "getter", "deleter"}),
    BaseException: frozenset({"args"}),
    AttributeError: frozenset({"args", "name", "obj"}),
    NameError: frozenset({"args", "name"}),
    StopIteration: frozenset({"args", "value"}),
}


SAFE_SETTABLE = {}  # type -> the names of SAFE_ATTRS a program may also set


def _more_safe_attrs():
    import collections
    SAFE_ATTRS[collections.OrderedDict] = _DICT_METHODS | {"move_to_end", "_metadata"}
    SAFE_SETTABLE[collections.OrderedDict] = frozenset({"_metadata"})  # (a state dict rebuilt keeps the versions)
    SAFE_ATTRS[collections.Counter] = _DICT_METHODS | {"most_common", "elements", "subtract", "total"}
    SAFE_ATTRS[collections.defaultdict] = _DICT_METHODS
    SAFE_ATTRS[collections.deque] = frozenset({"append", "appendleft", "pop", "popleft", "extend", "extendleft",
                                               "rotate", "clear", "maxlen", "count", "index", "copy", "remove"})
    import numpy as np  # (numpy's scalars and dtypes, as `.numpy()` and the numpy module give them)
    SAFE_ATTRS[np.generic] = frozenset({"item", "dtype", "shape", "ndim", "tolist", "astype", "real", "imag",
                                        "is_integer"})
    SAFE_ATTRS[np.dtype] = frozenset({"name", "itemsize", "kind", "char", "type", "str"})
    flags = type(np.empty(0).flags)  # (an array's flags: setting one calls the array's setflags, which journals)
    SAFE_ATTRS[flags] = frozenset({"c_contiguous", "f_contiguous", "contiguous", "fortran", "owndata", "writeable",
                                   "aligned", "writebackifcopy", "behaved", "carray", "farray", "forc", "fnc", "num"})
    SAFE_SETTABLE[flags] = frozenset({"writeable", "aligned", "writebackifcopy"})
    import dataclasses  # (a config class's fields, as dataclasses.fields gives them)
    SAFE_ATTRS[dataclasses.Field] = frozenset({"name", "type", "default", "default_factory", "init", "repr",
                                                "compare", "kw_only"})
    import io  # (the in-memory files the io module gives, for torch.save/torch.load)
    _FILE = frozenset({"read", "write", "seek", "tell", "getvalue", "truncate", "close", "closed", "readable",
                       "writable", "seekable", "flush"})
    SAFE_ATTRS[io.BytesIO] = _FILE | {"getbuffer", "read1", "readinto"}
    SAFE_ATTRS[io.StringIO] = _FILE | {"readline", "readlines", "writelines"}
    SAFE_ATTRS[type(sys.version_info)] = frozenset({"major", "minor", "micro", "releaselevel", "serial"})
    SAFE_ATTRS[type(sys.float_info)] = frozenset(sys.float_info.__match_args__) | {"index", "count"}
    import functools  # (a cached function's statistics; a partial's parts)
    SAFE_ATTRS[functools._lru_cache_wrapper] = frozenset({"cache_info", "cache_clear", "cache_parameters"})
    SAFE_ATTRS[functools._CacheInfo] = frozenset({"hits", "misses", "maxsize", "currsize", "index", "count"})
    SAFE_ATTRS[functools.partial] = frozenset({"func", "args", "keywords"})
    import contextlib  # (an ExitStack a program enters its context managers on)
    SAFE_ATTRS[contextlib.ExitStack] = frozenset({"enter_context", "callback", "push", "pop_all", "close"})
    import weakref  # (the weak containers and finalizers of the weakref module)
    SAFE_ATTRS[weakref.finalize] = frozenset({"alive", "detach", "peek", "atexit"})
    SAFE_SETTABLE[weakref.finalize] = frozenset({"atexit"})
    SAFE_ATTRS[weakref.WeakValueDictionary] = _DICT_METHODS | {"valuerefs", "itervaluerefs"}
    SAFE_ATTRS[weakref.WeakKeyDictionary] = _DICT_METHODS | {"keyrefs"}
    SAFE_ATTRS[weakref.WeakSet] = SAFE_ATTRS[set]


_more_safe_attrs()

BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv,
    "%": operator.mod, "@": operator.matmul, "**": operator.pow, "&": operator.and_, "|": operator.or_,
    "^": operator.xor, "<<": operator.lshift, ">>": operator.rshift,
}
INPLACE = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv, "//": operator.ifloordiv,
    "%": operator.imod, "@": operator.imatmul, "**": operator.ipow, "&": operator.iand, "|": operator.ior,
    "^": operator.ixor, "<<": operator.ilshift, ">>": operator.irshift,
}
UNARY = {"-": operator.neg, "+": operator.pos, "~": operator.invert, "not": operator.not_}
COMPARE = {
    "<": operator.lt, ">": operator.gt, "==": operator.eq, ">=": operator.ge, "<=": operator.le,
    "!=": operator.ne, "is": operator.is_, "is not": operator.is_not,
    "in": lambda a, b: a in b, "not in": lambda a, b: a not in b,
}
_SEQ = (str, list, tuple, bytes)


class Limit(Exception):
    """A resource guard tripped (the program asked for an absurdly large Python value)."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind, self.message = kind, message


def _too_long(n):
    raise Limit("MemoryError", f"result would have {n} items (tensorsh's limit for Python values is {MAX_ITEMS})")


def guarded_mul(a, b):
    ta, tb = type(a), type(b)
    if ta in _SEQ and (tb is int or tb is bool) and len(a) * b > MAX_ITEMS:
        _too_long(len(a) * b)
    if tb in _SEQ and (ta is int or ta is bool) and len(b) * a > MAX_ITEMS:
        _too_long(len(b) * a)
    return a * b


def guarded_lshift(a, b):
    if type(a) is int and type(b) is int and a and a.bit_length() + b > MAX_INT_BITS:
        raise Limit("OverflowError", f"integer result too large (more than {MAX_INT_BITS} bits)")
    return a << b


def guarded_pow(a, b):
    if type(a) is int and type(b) is int and b > 0 and abs(a) > 1 and a.bit_length() * b > MAX_INT_BITS:
        raise Limit("OverflowError", f"integer result too large (more than {MAX_INT_BITS} bits)")
    return a ** b


_WIDTH = re.compile(r"(\d{5,})")


def check_format_spec(spec):
    m = _WIDTH.search(spec or "")
    if m and int(m.group(1)) > 10000:
        raise Limit("ValueError", "format width or precision too large for tensorsh")


def guarded_mod(a, b):
    if type(a) is str:
        check_format_spec(a)
    return a % b


GUARDED = {"*": guarded_mul, "**": guarded_pow, "%": guarded_mod, "<<": guarded_lshift}


def _inplace_guard(op):
    base = INPLACE[op]
    if op == "*":
        def imul(a, b):
            guarded_mul(a, b) if type(a) in _SEQ else None
            return base(a, b)
        return imul
    if op == "<<":
        def ilshift(a, b):
            return guarded_lshift(a, b) if type(a) is int else base(a, b)
        return ilshift
    if op == "**":
        def ipow(a, b):
            if type(a) is int:
                return guarded_pow(a, b)
            return base(a, b)
        return ipow
    return base


class NoAttribute(AttributeError):
    """The language refused or could not find an attribute (a user error, unlike an engine AttributeError)."""


class Lazy:
    """A module member loaded the first time a program reads it (`torch.nn`, `torch.optim`), so start-up does
    not pay for what a program never uses. `load()` must return the same object every time."""
    __slots__ = ("load",)

    def __init__(self, load):
        self.load = load


class Deprecated:
    """A module attribute PyTorch's module __getattr__ computes and warns about on every read (`torch.has_cuda`)."""
    __slots__ = ("message", "value")

    def __init__(self, message, value):
        self.message, self.value = message, value


class Namespace:
    """A module-like value (`torch`, `copy`, `torchviz`, `torch.autograd` if given as a dict)."""

    def __init__(self, name, members):
        self._name = name
        self._members = members

    def __repr__(self):
        return f"<module '{self._name}'>"


def type_name(obj):
    return type(obj).__name__


def class_name(cls):
    """`cls.__name__` as a program reads it: a class whose Python tp_name is spelled for messages (the engine's
    ndarray is "numpy.ndarray" there, as numpy's own type) says its short name in `__tsh_name__`."""
    return cls.__dict__.get("__tsh_name__") or cls.__name__


class _UserClasses:
    """`cls in USER_CLASSES`: cls was made by a program's class statement (its own dict holds `__tsh_user__`)."""

    def __contains__(self, cls):
        return isinstance(cls, type) and "__tsh_user__" in cls.__dict__


USER_CLASSES = _UserClasses()      # a program's classes: their own names are the program's to read
_USER_PRIVATE = set()              # `_names` a program set on its own objects (readable back)
# Dunders that lead nowhere further: a class's or function's name and docstring.
HARMLESS_DUNDERS = frozenset({"__name__", "__doc__", "__qualname__"})
# Dunders a program may define in a class body (Python calls them for operators, len(), repr(), ...).
DEFINABLE_DUNDERS = frozenset({
    "__init__", "__call__", "__repr__", "__str__", "__len__", "__getitem__", "__setitem__", "__delitem__",
    "__iter__", "__next__", "__contains__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    "__bool__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
    "__floordiv__", "__mod__", "__pow__", "__matmul__", "__neg__", "__pos__", "__abs__", "__iadd__", "__isub__",
    "__imul__", "__enter__", "__exit__", "__doc__", "__module__", "__qualname__", "__int__", "__float__", "__index__",
    # the rest of Python's operators, reflected and in place, and the builtins' hooks (round, math.floor, format,
    # reversed, copy), which CPython calls on the program's own functions
    "__rmatmul__", "__rfloordiv__", "__rmod__", "__rpow__", "__divmod__", "__rdivmod__", "__itruediv__",
    "__ifloordiv__", "__imod__", "__ipow__", "__imatmul__", "__invert__", "__and__", "__rand__", "__iand__", "__or__",
    "__ror__", "__ior__", "__xor__", "__rxor__", "__ixor__", "__lshift__", "__rlshift__", "__ilshift__", "__rshift__",
    "__rrshift__", "__irshift__", "__round__", "__floor__", "__ceil__", "__trunc__", "__complex__", "__format__",
    "__reversed__", "__missing__", "__copy__", "__deepcopy__", "__getstate__", "__setstate__", "__post_init__",
    # attribute hooks: __getattr__ answers what the language finds nowhere else, __setattr__/__delattr__ run for
    # the program's own assignments (super()'s take no dunder name)
    "__getattr__", "__setattr__", "__delattr__", "__init_subclass__",
    "__getitems__"})  # (a Dataset's batched fetch, which the DataLoader and Subset call)
SUPER_DUNDERS = DEFINABLE_DUNDERS - {"__doc__", "__module__", "__qualname__"}
class builtin_function_or_method:  # noqa: N801 - Python's name for it, which its messages print
    """A tensor's C method read as a value (`f = x.size`, `x.size[0]`), as PyTorch's is a builtin method: Python's
    errors name its type 'builtin_function_or_method' ("'builtin_function_or_method' object is not
    subscriptable"), its repr is `<built-in method size of Tensor object at 0x...>`. Calling it calls the method."""

    __slots__ = ("_method", "__name__", "__qualname__", "_of", "__weakref__")
    __api__ = frozenset()

    def __init__(self, method, name, of="Tensor"):
        self._method, self.__name__, self._of = method, name, of
        self.__qualname__ = name if of is None else (of if of != "type" else "_VariableFunctionsClass") + "." + name

    def __call__(self, *args, **kwargs):
        if (args or kwargs) and self._of == "Tensor":
            from tensorsh.engine import signatures
            if self.__name__ in signatures.NOARGS:  # (a bound method's error names the object's type)
                raise signatures.noargs_error(self.__name__, args, kwargs, "Tensor")
        return self._method(*args, **kwargs)

    def __repr__(self):
        if self._of is None:  # (a function of torch._C._nn: F.gelu)
            return f"<built-in function {self.__name__}>"
        owner = self._method.__self__ if self._of != "type" else builtin_function_or_method
        return f"<built-in method {self.__name__} of {self._of} object at {hex(id(owner))}>"

    def __eq__(self, other):
        return type(other) is builtin_function_or_method and other._method == self._method

    def __hash__(self):
        return hash(self._method)


_C_METHODS = []


def _c_methods():
    """The Tensor methods PyTorch binds in C (its argument parser's table, and those taking no arguments)."""
    if not _C_METHODS:
        from tensorsh.engine import signatures
        # (and those python_variable_methods.cpp parses itself: `x.type`, `x.new_tensor`, `x.apply_`)
        _C_METHODS.append(frozenset(signatures.listed("method")) | {"type", "new_tensor", "apply_", "as_subclass"})
    return _C_METHODS[0]


# torch.<name> that PyTorch binds in C besides those its parser's table lists (and not its classes there)
_MORE_C_FUNCTIONS = frozenset({"tensor", "as_tensor", "asarray", "from_numpy", "get_num_threads", "set_num_threads",
                               "is_grad_enabled", "is_inference_mode_enabled", "is_anomaly_enabled",
                               "is_anomaly_check_nan_enabled", "get_default_dtype"})
_TORCH_C_FUNCTIONS = frozenset({"get_num_threads", "set_num_threads", "is_grad_enabled", "is_inference_mode_enabled",
                                "is_anomaly_enabled", "is_anomaly_check_nan_enabled", "get_default_dtype"})  # torch._C's
_NODE_METHODS = frozenset({"name", "register_hook", "register_prehook", "_sequence_nr"})  # a graph node's, C's
_GENERATOR_METHODS = frozenset({"manual_seed", "seed", "initial_seed", "get_state", "set_state", "clone_state",
                                "get_offset", "set_offset", "graphsafe_get_state", "graphsafe_set_state"})  # C's
_TORCH_BUILTINS = {}  # name -> torch.<name> as the one builtin_function_or_method a program sees
# torch.nn.functional's names that are C functions in PyTorch: torch's own (`F.conv1d is torch.conv1d`), and
# torch._C._nn's (`<built-in function gelu>`; F.logsigmoid is log_sigmoid)
_F_TORCH_METHODS = frozenset(
    "adaptive_avg_pool1d avg_pool1d bilinear celu_ channel_shuffle conv1d conv2d conv3d conv_tbc conv_transpose1d "
    "conv_transpose2d conv_transpose3d cosine_similarity hardshrink native_channel_shuffle pairwise_distance pdist "
    "pixel_shuffle pixel_unshuffle prelu relu_ rrelu_ selu_ threshold_".split())
# torch's submodules whose functions are all C functions named "<prefix>_<name>"
_C_SUBMODULES = {"torch.special": "special", "torch.linalg": "linalg", "torch.fft": "fft"}
_F_NN_FUNCTIONS = {name: name for name in "avg_pool2d avg_pool3d elu_ gelu hardtanh_ leaky_relu_ linear one_hot "
                   "scaled_dot_product_attention softplus softshrink".split()} | {"logsigmoid": "log_sigmoid"}


def attribute_value(obj, name, value):
    """`obj.name` read as a value (not called there): a tensor's C method, and a torch function PyTorch binds in C,
    is PyTorch's builtin method (one object per torch function: `torch.relu is torch.relu`)."""
    if type(value) is types.MethodType and isinstance(obj, _Tensor):
        return builtin_function_or_method(value, name) if name in _c_methods() else _python_method(obj, name, value)
    if type(value) is types.MethodType and isinstance(obj, Node):  # (a graph node's methods are C's: `grad_fn.name`)
        return builtin_function_or_method(value, name, obj.name().rsplit("::", 1)[-1])
    if type(value) is types.MethodType and isinstance(obj, _Generator):  # (torch._C.Generator's are C's too:
        return builtin_function_or_method(value, name, "torch._C.Generator")  # `print(g.initial_seed)`)
    if type(obj) is Namespace and obj._name == "torch" and name in _c_functions() and callable(value) and \
            not isinstance(value, type):
        wrapped = _TORCH_BUILTINS.get(name)
        if wrapped is None or wrapped._method is not value:
            wrapped = _TORCH_BUILTINS[name] = builtin_function_or_method(
                value, name, None if name in _TORCH_C_FUNCTIONS else "type")
        return wrapped
    if type(obj) is _EngineNamespace and obj._name in _C_SUBMODULES and \
            f"{_C_SUBMODULES[obj._name]}_{name}" in _c_submodule_functions():
        key = f"{_C_SUBMODULES[obj._name]}_{name}"  # (torch.special.xlogy is torch._C._special's special_xlogy)
        wrapped = _TORCH_BUILTINS.get(key)
        if wrapped is None or wrapped._method is not value:
            wrapped = _TORCH_BUILTINS[key] = builtin_function_or_method(value, key, None)
        return wrapped
    if type(obj) is _EngineNamespace and obj._name == "torch.nn.functional" and callable(value) and (
            name in _F_TORCH_METHODS or name in _F_NN_FUNCTIONS):
        key = "F." + name
        wrapped = _TORCH_BUILTINS.get(key)
        if wrapped is None or wrapped._method is not value:
            wrapped = _TORCH_BUILTINS[key] = builtin_function_or_method(
                value, _F_NN_FUNCTIONS.get(name, name), None if name in _F_NN_FUNCTIONS else "type")
        return wrapped
    return engine_held(value) if type(value) is types.FunctionType else value


_TENSOR_METHODS = {}  # engine function -> its copy named as torch/_tensor.py's method


def _python_method(tensor, name, method):
    """A tensor's method torch/_tensor.py defines, read as a value: bound to a function named as PyTorch's
    (`<bound method Tensor.split of tensor(...)>`); the engine's function is often a factory's `op` or torch.<name>
    too, so a copy of it carries the name."""
    fn, qualname = method.__func__, "Tensor." + name
    if name[0] == "_" or (fn.__qualname__, fn.__name__) == (qualname, name) or \
            type(fn) not in (types.FunctionType, _LazyMethod):
        return method
    named = _TENSOR_METHODS.get(fn)
    if named is None:
        if type(fn) is _LazyMethod:  # (an op loaded on first call: torch.stft's module)
            named = _LazyMethod(fn.lazy)
        else:
            named = types.FunctionType(fn.__code__, fn.__globals__, name, fn.__defaults__, fn.__closure__)
            named.__kwdefaults__, named.__dict__ = fn.__kwdefaults__, fn.__dict__
        named.__qualname__ = qualname
        _TENSOR_METHODS[fn] = named
    return types.MethodType(named, tensor)


_F_HELD = []


def engine_held(value):
    """An F C-function the engine keeps (TransformerEncoderLayer's `activation` of 'gelu' is F.gelu), read from any
    object, as the one builtin the F namespace gives (`layer.activation is F.gelu`, `<built-in function gelu>`).
    Until the program loads torch.nn, no object holds one (and its import is not paid here)."""
    if not _F_HELD:
        if "tensorsh.nn.functional" not in sys.modules:
            return value
        import tensorsh.nn as nn
        _F_HELD.append({getattr(nn.functional, name): name for name in _F_TORCH_METHODS | _F_NN_FUNCTIONS.keys()
                        if getattr(nn.functional, name, None) is not None})
        _F_HELD.append(nn.functional)
    name = _F_HELD[0].get(value)
    return value if name is None else attribute_value(_F_HELD[1], name, value)


_C_FUNCTIONS = []


def _c_submodule_functions():
    """torch._C._special's, _linalg's and _fft's functions, by their C names (special_xlogy, ...)."""
    if not _C_SUBMODULE_FUNCTIONS:
        from tensorsh.engine import signatures
        _C_SUBMODULE_FUNCTIONS.append(frozenset().union(*map(signatures.listed, _C_SUBMODULES.values()),
                                                        ("special_gammainc", "special_gammaincc")))  # (no parser)
        _C_SUBMODULE_FUNCTIONS.append(frozenset(n.split("_", 1)[1] for n in _C_SUBMODULE_FUNCTIONS[0]))
    return _C_SUBMODULE_FUNCTIONS[0]


_C_SUBMODULE_FUNCTIONS = []  # (their C names, then the names a program reads them by)


def _c_functions():
    if not _C_FUNCTIONS:
        from tensorsh.engine import signatures
        _C_FUNCTIONS.append(frozenset(signatures.listed("function")) | _MORE_C_FUNCTIONS)
    return _C_FUNCTIONS[0]


TYPE_OF = []  # the language's type() (builtins.TypeOf), which x.__class__ answers as
HASH_OF = []  # the language's hash(), which x.__hash__() answers as (a tensor's is its id())
# A tensor's protocol and operator methods, which a program may call by name as on PyTorch's Tensor.
# A container's item protocol as bound methods (a forward hook that stores its output in a lambda).
CONTAINER_DUNDERS = frozenset({"__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__"})
_CONTAINERS = (dict, list, tuple, set, frozenset, str)
TENSOR_DUNDERS = frozenset(
    "__len__ __repr__ __str__ __format__ __getitem__ __setitem__ __iter__ __contains__ __bool__ __float__ __int__ __complex__ "
    "__index__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __hash__ __reversed__ __abs__ __neg__ __pos__ __invert__ "
    "__add__ __radd__ __iadd__ __sub__ __rsub__ __isub__ __mul__ __rmul__ __imul__ __truediv__ __rtruediv__ "
    "__itruediv__ __floordiv__ __rfloordiv__ __ifloordiv__ __mod__ __rmod__ __imod__ __pow__ __rpow__ __ipow__ "
    "__matmul__ __rmatmul__ __and__ __rand__ __iand__ __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__ __lshift__ "
    "__rlshift__ __ilshift__ __rshift__ __rrshift__ __irshift__ __array__ __array_priority__ __deepcopy__ "
    "__sizeof__".split())
_LEGACY_TYPES = frozenset(LEGACY.values())  # torch.Tensor, torch.FloatTensor, ...
_ITERATOR_DUNDERS = frozenset({"__next__", "__iter__"})
_SHOWN_DUNDERS = frozenset({"__repr__", "__str__", "__format__"})  # (what repr(), str() and format() show)
_NUMBERS = (int, float, complex, bool)  # (a number's operator and builtin hooks are its own pure methods)
_NUMBER_INTERNALS = frozenset({"__new__", "__init__", "__getattribute__", "__getnewargs__", "__reduce__",
                               "__reduce_ex__", "__init_subclass__", "__subclasshook__", "__dir__", "__class__"})
_CHAINING = frozenset({"__cause__", "__context__", "__suppress_context__"})  # an exception's chain, readable


def _user_getattr(t):
    """The __getattr__ a program's class along t's MRO defines (None when it defines none)."""
    for c in t.__mro__:
        if c in USER_CLASSES and "__getattr__" in c.__dict__:
            hook = c.__dict__["__getattr__"]
            return getattr(hook, "_tsh_program", hook)
    return None


def _program_getattr(hook):
    """A class's __getattr__ as Python's machinery and the engine meet it (`getattr(x, "__deepcopy__", None)`,
    `getattr(obj, "_born", 0)`): never asked for an underscored name, which only the program's own reads
    (load_attr calls the program's function itself) hand it."""
    def __getattr__(self, name):
        if name[:1] == "_":
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        return hook(self, name)
    __getattr__._tsh_program = hook
    return __getattr__


def _no_dunder_names(method):
    """super().__setattr__ / __delattr__ as a program may call them: on its own names, never a dunder."""
    def guarded(name, *value):
        if isinstance(name, str) and name[:2] == "__" and name[-2:] == "__":
            raise NoAttribute(f"tensorsh does not let a program set '{name}'")
        return method(name, *value)
    return guarded


def _object_setattr(obj, name, *value):
    """object.__setattr__(self, name, value) / object.__delattr__(self, name), as a program's class calls them to
    pass by its own hook: the instance's dict, never a dunder; on an engine object, the language's assignment."""
    if not isinstance(name, str):
        raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
    if name[:2] == "__" and name[-2:] == "__":
        raise NoAttribute(f"tensorsh does not let a program set '{name}'")
    if type(obj) not in USER_CLASSES:
        return store_attr(obj, name, *value) if value else delete_attr(obj, name)
    _touch_attribute(obj, name)
    if name[:1] == "_":
        _USER_PRIVATE.add(name)
    (object.__setattr__ if value else object.__delattr__)(obj, name, *value)


def _object_repr(obj):
    """object.__repr__(x): `<module.Class object at 0x...>`, the class as the program sees it (torch.Tensor)."""
    t = TYPE_OF[0](obj) if TYPE_OF else type(obj)
    return f"<{load_attr(t, '__module__')}.{t.__qualname__} object at {hex(id(obj))}>"


def _object_getattribute(obj, name):
    """object.__getattribute__(self, name): the attribute as the language reads it."""
    if not isinstance(name, str):
        raise TypeError(f"attribute name must be string, not '{type(name).__name__}'")
    return load_attr(obj, name)


def _object_format(obj, spec):
    """object.__format__(x, spec): str(x), for the empty spec only."""
    if not isinstance(spec, str):
        raise TypeError(f"__format__() argument must be str, not {type(spec).__name__}")
    if spec:
        t = TYPE_OF[0](obj) if TYPE_OF else type(obj)
        raise TypeError(f"unsupported format string passed to {t.__qualname__}.__format__")
    return str(obj)


# object's slots a program's class calls past its own (`object.__setattr__(self, ...)`, `super().__repr__()`'s
# unbound spelling); its comparisons and hash are Python's own, and __str__ is repr()
OBJECT_DUNDERS = {"__setattr__": _object_setattr, "__delattr__": _object_setattr, "__repr__": _object_repr,
                  "__str__": _builtins.repr, "__format__": _object_format, "__eq__": object.__eq__,
                  "__ne__": object.__ne__, "__hash__": object.__hash__, "__init__": object.__init__,
                  "__getattribute__": _object_getattribute}


def _check_slots(slots):
    """A class's __slots__ names its instances' attributes, never a dunder (`__dict__`, `__weakref__` would reach
    Python's machinery); Python checks the rest (a string or an iterable of strings, conflicts)."""
    for n in (slots,) if isinstance(slots, str) else slots if isinstance(slots, (tuple, list)) else ():
        if isinstance(n, str) and n[:2] == "__" and n[-2:] == "__":
            raise SyntaxError(f"tensorsh does not let __slots__ name '{n}'")


def _user_names(cls):
    """Non-dunder names the program's own classes define along cls's MRO."""
    for c in cls.__mro__:
        if c in USER_CLASSES:
            yield from (n for n in vars(c) if n[:2] != "__")


def _is_user_name(obj, t, name):
    if _user_defined(t, name):
        return True
    d = getattr(obj, "__dict__", None)
    if type(d) is dict and name in d:
        return name[:1] != "_" or name in _USER_PRIVATE or all(c in USER_CLASSES or c is object or
                                                              c.__module__ == "builtins" for c in t.__mro__)
    return False


def _user_defined(cls, name):
    """Whether a program's class along cls's MRO defines name (a property, a method)."""
    return any(c in USER_CLASSES and name in c.__dict__ for c in cls.__mro__)


def _engine_class_member(cls, name):
    """A public name an engine base class defines (`MyFn.apply` of a torch.autograd.Function subclass)."""
    return name[:1] != "_" and any(c.__module__.startswith("tensorsh.") and name in c.__dict__ for c in cls.__mro__)


def attribute_names(obj):
    """The names a program may read on obj (for completion and 'did you mean')."""
    t = type(obj)
    if t is Namespace:
        return sorted(obj._members)
    names = set()
    if t in USER_CLASSES or hasattr(t, "__readonly__"):
        names.update(_user_names(t))
        names.update(n for n in getattr(obj, "__dict__", {}) if n[:1] != "_")
    if getattr(t, "__torch_dict__", False):
        names.update(obj.__dict__)
    if isinstance(obj, type) and obj in USER_CLASSES:
        names.update(_user_names(obj))
    api = getattr(t, "__api__", None)
    if api is None and (t.__module__.startswith("tensorsh.") or isinstance(obj, type)):  # (an engine class: the
        api = getattr(obj, "__api__", None)                                              # names of its instances)
    if api is not None:
        extra = getattr(t, "__tsh_attrs__", None)
        return sorted(names | set(api) | set(extra(obj) if extra is not None else ()))
    for base in t.__mro__:
        if base in SAFE_ATTRS:
            return sorted(names | SAFE_ATTRS[base])
    return sorted(names)


IMPORTED = {}  # names `import` bound to what the language already gives (torch, copy): in order, as a set
_MODULE_DUNDERS = ("__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__",
                   "__file__", "__cached__")   # a script's module dict starts with these
_LARGE_MODULES = frozenset({"torch"})          # PyTorch's own has 750 names or more: Python suggests none of them


def suggestion_candidates(obj):
    """The names Python's AttributeError suggestion reads for obj: dir(obj) of Python's own values and of a
    program's classes, the names the language gives an engine object (PyTorch's public API) otherwise."""
    t = type(obj)
    if t is Namespace:
        return () if obj._name in _LARGE_MODULES else sorted(obj._members)
    if t.__module__ == "builtins" and not isinstance(obj, type):
        return dir(obj)
    if t.__module__ == "numpy":  # (the language's ndarray has a part of numpy's names: a refusal is no typo)
        return ()
    names = set(attribute_names(obj))
    if t in USER_CLASSES or any(c in USER_CLASSES for c in t.__mro__):
        names.update(n for n in dir(obj) if not n.startswith("__tsh"))
    return sorted(names)


def name_suggestion(name, scope, variables):
    """Python 3.11's suggestion for an undefined name: among the function's local names, else the module's
    globals, else Python's builtins."""
    if scope.kind in ("function", "comp"):
        found = python_suggestion(name, [n for n in scope.slots if n != CLASS_CELL])
        if found is not None:
            return found
    found = python_suggestion(name, _MODULE_DUNDERS + tuple(IMPORTED) + tuple(n for n in variables if n not in IMPORTED))
    return found if found is not None else python_suggestion(name, _builtins.__dict__)


def _no_attr(obj, t, name):
    """Python's AttributeError, its name and obj set as getattr sets them."""
    if t.__module__ == "tensorsh.engine.namespaces" and t.__name__ == "Namespace":  # torch.nn.functional, ...
        message = f"module '{obj._name}' has no attribute '{name}'"
    elif isinstance(obj, type):
        message = f"type object '{obj.__name__}' has no attribute '{name}'"
    else:
        message = f"'{_class_name(obj, t)}' object has no attribute '{name}'"
    return NoAttribute(message, name=name, obj=obj)


def _engine_made(obj, t):
    """Whether obj is the engine's (a torch function, class, method or object): its module is tensorsh's or the
    torch module name an engine class carries, not a program's or Python's."""
    if isinstance(obj, types.MethodType):
        obj, t = obj.__func__, type(obj.__func__)
    module = getattr(obj, "__module__", None) if isinstance(obj, (type, types.FunctionType)) else t.__module__
    return isinstance(module, str) and module.split(".")[0] in ("tensorsh", "torch")


def _class_name(obj, t):
    """Python's name of obj's class as PyTorch shows it: a graph node's is its node's name (the engine computes
    several nodes with one class: 'SliceBackwardBackward0', not 'EmbedBackward')."""
    return obj.name().rsplit("::", 1)[-1] if isinstance(obj, Node) else class_tp_name(t)


_DATA_TYPES = frozenset({str, list, tuple, dict, set, frozenset, int, float})  # (their methods read from the class)
_ALLOWED = {}  # type -> names its class-level __api__ (or SAFE_ATTRS entry) let load_attr read: asked once each


def load_attr(obj, name):
    """`obj.name`, if the language allows it; AttributeError (Python's wording) otherwise."""
    t = type(obj)
    allowed = _ALLOWED.get(t)
    if allowed is not None and name in allowed:  # (the common case: a method of a tensor, module or optimizer)
        return getattr(obj, name)
    if t is Namespace:
        if name == "__name__":
            return obj._name
        try:
            value = obj._members[name]
        except KeyError:
            raise NoAttribute(f"module '{obj._name}' has no attribute '{name}'") from None
        if type(value) is Lazy or type(value) is LazyMember:  # (an engine package's member loaded on first use)
            value = obj._members[name] = value.load()
        elif type(value) is Deprecated:
            from tensorsh.engine.errors import warn
            warn(value.message)
            return value.value
        return value
    if name[:2] == "__":
        if name == "__traceback__" and isinstance(obj, BaseException):
            return TracebackOf(obj) if getattr(obj, "_tsh_node", None) is not None else None
        if name in _CHAINING and isinstance(obj, BaseException):  # (`raise ... from e`'s e, the error being handled)
            value = getattr(obj, name)
            return python_exception(value) if isinstance(value, BaseException) else value
        if name in HARMLESS_DUNDERS:
            value = getattr(obj, name, None) if (isinstance(obj, type) or callable(obj) or name == "__doc__"
                                                 or t is types.GeneratorType) else None
            if value is None and name != "__doc__" or not isinstance(value, (str, type(None))):
                raise _no_attr(obj, t, name)
            if name == "__doc__" and _engine_made(obj, t):  # (the engine's are its own, or none)
                raise RuntimeError("tensorsh: the docstrings of torch's functions and classes are not available")
            return class_name(obj) if name == "__name__" and isinstance(obj, type) else value
        if name in getattr(t, "__api__", ()):  # (an engine class's own, by name: `torch.no_grad().__enter__()`)
            return getattr(obj, name)
        if t is super and name == "__init__" and obj.__self__ is None:
            return _unbound_super_init(obj)
        if obj is object and name in OBJECT_DUNDERS:
            return OBJECT_DUNDERS[name]
        if t is super and name in SUPER_DUNDERS:
            return _no_dunder_names(getattr(obj, name)) if name in ("__setattr__", "__delattr__") else getattr(obj, name)
        if name == "__dict__" and _open_dict(t):
            return obj.__dict__
        if name in ("__getstate__", "__setstate__") and getattr(t, "__torch_dict__", False) and any(
                name in c.__dict__ for c in t.__mro__ if c is not object):
            return getattr(obj, name)  # (an optimizer's: PyTorch's own pickling protocol, a program may call it)
        if name in ("__mro__", "__bases__", "__base__") and isinstance(obj, type) and (
                obj in USER_CLASSES or _module_class(obj) or _engine_made(obj, t) or obj.__module__ == "builtins") \
                and (name != "__base__" or "__tsh_bases_as_torch__" in obj.__dict__):  # (__base__: torch's C types
            # only, torch.Size's, dtype's ...; Python's own stay refused, the way out of the language they are)
            if all(map(_shown_class, _shown_bases(obj, "__mro__"))):
                return _shown_bases(obj, name) if name != "__base__" else next(iter(_shown_bases(obj, "__bases__")), None)
            raise RuntimeError(f"tensorsh: the {name} of {obj.__name__} (built on tensorsh's own classes) is not "
                               "available")
        if name in TENSOR_DUNDERS and isinstance(obj, _Tensor):  # x.__len__(), x.__add__(1): PyTorch's methods
            return (lambda: HASH_OF[0](obj)) if name == "__hash__" else getattr(obj, name)
        if name in TENSOR_DUNDERS and isinstance(obj, type) and (  # (a type first: a dict is not hashable)
                obj in _LEGACY_TYPES or issubclass(obj, _Tensor) and _engine_made(obj, t)):  # torch.Tensor.__repr__(x)
            return HASH_OF[0] if name == "__hash__" else obj.dunder(name) if obj in _LEGACY_TYPES else getattr(obj, name)
        if name in CONTAINER_DUNDERS and isinstance(obj, _CONTAINERS):  # `lambda m, i, o: acts.__setitem__(k, o)`
            return getattr(obj, name)
        if name in getattr(t, "__dunder_api__", ()) and hasattr(t, name):  # (`seq.__len__()`: the protocol an
            return getattr(obj, name)                                       # engine class defines as PyTorch's)
        if name in _ITERATOR_DUNDERS and (t is types.GeneratorType or t.__module__ == "builtins" and "__next__" in t.__dict__):
            return getattr(obj, name)  # (`it.__next__()` of a Python iterator or generator)
        if t in _NUMBERS and name in t.__dict__ and name not in _NUMBER_INTERNALS:  # (`v.item().__round__(2)`)
            return getattr(obj, name)
        if name in _SHOWN_DUNDERS and not isinstance(obj, type):  # (`torch.Size([2]).__repr__()`: what repr() shows)
            return getattr(obj, name)
        if name == "__slots__" and (t in USER_CLASSES or obj in USER_CLASSES) and hasattr(obj, name):
            return getattr(obj, name)  # (what a program's class declared: names)
        if name == "__module__" and (isinstance(obj, _Tensor) or t in USER_CLASSES or obj in USER_CLASSES):
            return obj.__module__ if not isinstance(obj, _Tensor) else \
                "torch.nn.parameter" if t.__name__ in ("Parameter", "Buffer") else "torch"
        if name == "__module__" and _torch_or_python_module(getattr(obj, "__module__", None)):
            return obj.__module__  # (nn.Linear's, a module's or optimizer's class's, OrderedDict's)
        if name == "__class__" and TYPE_OF:  # what type(x) gives (torch.Tensor for a tensor), never more
            return TYPE_OF[0](obj)
        if name == "__init__" and (_reinitializable(obj) if isinstance(obj, type) else _reinitializable(t, False)):
            return getattr(obj, name)  # `nn.Module.__init__(self)`, `Base.__init__(self, n)`, `m.__init__(4, 5)`
        raise _no_attr(obj, t, name)
    if "__tsh_user__" in t.__dict__ and _is_user_name(obj, t, name):
        return getattr(obj, name)
    if t is super:
        return getattr(obj, name)
    if t is type or isinstance(obj, type):
        if obj in USER_CLASSES and (any(name in c.__dict__ for c in obj.__mro__ if c in USER_CLASSES)
                                    or name in getattr(obj, "__api__", ()) or _engine_class_member(obj, name)) \
                or name in getattr(obj, "__class_api__", ()) \
                or obj in _DATA_TYPES and name in SAFE_ATTRS[obj] \
                or _module_class(obj) and name in obj.__api__ and isinstance(getattr(obj, name, None), types.FunctionType):
            return getattr(obj, name)  # an engine class's own (nn.Embedding.from_pretrained), a Python type's method
                                       # (str.upper), an nn class's method (nn.Linear.forward, to call or patch)
        raise _no_attr(obj, t, name)
    if hasattr(t, "__readonly__") or _program_function(obj, name) or getattr(t, "__torch_dict__", False) or \
            name in _USER_PRIVATE and isinstance(obj, Node):
        own = obj.__dict__  # what a program set on a tensor (`x.label`) or its own function (`wrapper.calls`), or
        if name in own:     # an engine object's state named as PyTorch's (`sched._milestones`)
            return own[name]
    if name[:1] == "_" and name not in PRIVATE_OK and name not in getattr(t, "__api__", ()) and \
            not (t.__name__ == "Namespace" and name in getattr(obj, "__api__", ())):  # a torch namespace's listed private name
        hook = _user_getattr(t)
        if hook is not None:
            return hook(obj, name)
        raise _no_attr(obj, t, name)
    api = getattr(t, "__api__", None)
    per_type = api is not None
    if api is None and (t.__module__.startswith("tensorsh.") or isinstance(obj, type)):  # (an engine class: the
        api = getattr(obj, "__api__", None)                                              # names of its instances)   # engine objects whose API is per instance (namespaces)
    if api is None:
        per_type = True
        for base in t.__mro__:
            if base in SAFE_ATTRS:
                api = SAFE_ATTRS[base]
                break
        else:
            api = ()
    if name in api or name in getattr(t, "__class_api__", ()):  # (a class's own, read from an instance as in Python:
        if per_type:  # `emb.from_pretrained`; the answer depends on the type and the name alone)
            _ALLOWED.setdefault(t, set()).add(name)
        return getattr(obj, name)
    extra = getattr(t, "__tsh_attrs__", None)  # names that depend on the instance (a Module's parameters)
    if extra is not None and name[:1] != "_" and name in extra(obj):
        return getattr(obj, name)
    if t is str and name in ("format", "format_map"):
        return _str_format(obj) if name == "format" else _str_format_map(obj)
    hook = _user_getattr(t)
    if hook is not None:
        return hook(obj, name)
    raise _no_attr(obj, t, name)


class _SafeFormatter(string.Formatter):
    """str.format whose fields reach attributes and items only through the language's own rules."""

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = load_attr(obj, key) if is_attr else obj[key]  # (an item as the language's x[k] reads it)
        return obj, first

    def format_field(self, value, format_spec):
        check_format_spec(format_spec)
        return format(value, format_spec)


_FORMATTER = _SafeFormatter()


def _str_format(text):
    check_format_spec(text)

    def format(*args, **kwargs):  # '{}'.format(...): specs checked like f-strings, fields by the language's rules
        return _FORMATTER.vformat(text, args, kwargs)
    return format


def _str_format_map(text):
    check_format_spec(text)

    def format_map(mapping):
        return _FORMATTER.vformat(text, (), mapping)
    return format_map


# What PyTorch programs reach for that tensorsh leaves out on purpose (an AttributeError with this note).
_NOT_PROVIDED = {"torch.compile": "no compiler: run the module itself",
                 "torch.jit": "no TorchScript: run the module itself", "torch.distributed": "one process only",
                 "torch.sparse": "no sparse tensors",
                 "torch.nn.LinearCrossEntropyOptions": "no chunked linear_cross_entropy: leave options=None"}

_FUNCTION_MARKS = frozenset({"_from_public_api"})  # (what torch sets on a program's function: a state-dict post-hook)


def _program_function(obj, name):
    """`fn.name` of a function the program defined (not an engine's), a public name or one torch sets: the
    program's own attribute."""
    return type(obj) is types.FunctionType and (name[:1] != "_" or name in _FUNCTION_MARKS) and \
        obj.__module__ == "__main__"


def _open_dict(t):
    """Whether `obj.__dict__` / `vars(obj)` shows obj's attributes as Python's would: a tensor's (the program's own),
    an instance of a program's class with no engine base, an nn.Module's (PyTorch's state: training, _parameters,
    the hooks' dicts, its own attributes), an engine object whose `__dict__` holds what PyTorch's does (a
    scheduler's)."""
    return hasattr(t, "__readonly__") or getattr(t, "__torch_dict__", False) or t in USER_CLASSES and all(
        c in USER_CLASSES or c.__module__ == "builtins" for c in t.__mro__) or _module_class(t)


def _module_class(cls):
    """Whether cls is nn.Module or a subclass of it."""
    return any(c.__module__ == "torch.nn.modules.module" and c.__name__ == "Module" for c in cls.__mro__)


def _unbound_super_init(unbound):
    """`super(B).__init__` (the classic slip for `super(B, self).__init__()`): the unbound super object's own
    initialiser. Called with no arguments in a method, CPython re-initialises that super object from the method's
    frame (its __class__ cell, its first argument) and nothing else happens: the module is left uninitialised, and
    its first assignment fails ("cannot assign module before Module.__init__() call"). tensorsh's frames are not
    Python's, so the no-argument form is that no-op here; with arguments it is super.__init__ itself."""
    def __init__(*args, **kwargs):
        if args or kwargs:
            return unbound.__init__(*args, **kwargs)
        return None
    return __init__


def _reinitializable(cls, python_types=True):
    """Whether a program may read `cls.__init__` (or an instance's): an explicit base-class initialiser call
    (`nn.Module.__init__(self)`, `A.__init__(self, 3)`, `torch.optim.Optimizer.__init__(self, params, defaults)`,
    `dict.__init__(self)`) or a re-initialisation (`m.__init__(4, 5)`), as in Python. A program's classes, nn.Module
    and the engine classes whose state is PyTorch's (optimizers, schedulers, datasets, samplers, loaders), and
    Python's own types read as classes (`dict.__init__`: a slot wrapper, whose dunders stay refused)."""
    return cls in USER_CLASSES or _module_class(cls) or getattr(cls, "__torch_dict__", False) or \
        python_types and cls.__module__ == "builtins" and cls is not type


def _torch_dict_name(obj, t, name):
    """Whether a program may set or delete `obj.name` on an engine object whose `__dict__` is PyTorch's: its state
    (`sched._last_lr`) or a new name, never one its class defines (a method of the engine's)."""
    return getattr(t, "__torch_dict__", False) and (name in obj.__dict__ or not hasattr(t, name))


def _torch_or_python_module(module):
    """Whether a program may read an object's `__module__`: an engine class (or its instance) standing where
    PyTorch's does carries torch's module name ('torch.nn.modules.linear'), Python's own objects theirs; the
    engine's internals (its functions, 'tensorsh...') stay hidden."""
    return isinstance(module, str) and (module == "torch" or module.startswith("torch.") or
                                        not module.startswith("tensorsh"))


def _shown_bases(cls, name):
    """`cls.__mro__` or `cls.__bases__` as PyTorch's classes have them: a base tensorsh adds to share code
    (`__tsh_helper__` in its own dict: ReLU's _InplaceActivation) is left out, its own bases standing for it."""
    if name == "__mro__":
        return tuple(c for c in cls.__mro__ if "__tsh_helper__" not in c.__dict__)
    bases = []
    for base in cls.__bases__:
        for b in _shown_bases(base, name) if "__tsh_helper__" in base.__dict__ else (base,):
            if b not in bases:
                bases.append(b)
    return tuple(bases)


def _shown_class(cls):
    """A class `cls.__mro__` may show: a program's, Python's, or an engine class that stands where PyTorch's does
    (nn.Module's family: `<class 'torch.nn.modules.module.Module'>`, an error class such as torch._C._LinAlgError)."""
    return cls in USER_CLASSES or cls.__module__ == "builtins" or cls.__module__.startswith("torch.nn.") or \
        "_tsh_kind" in cls.__dict__ or "__tsh_bases_as_torch__" in cls.__dict__  # (torch.Size, torch.dtype, ...)


def _tensor_attr_refused(t, name):
    """Why a program may not set or delete `name` on a tensor (None when the name is the program's own): PyTorch's
    text for TensorBase's attributes without a setter, tensorsh's for the engine's internals."""
    if name in t.__readonly__ or name[:1] != "_" and hasattr(type(getattr(t, name, None)), "__set__"):
        return NoAttribute(f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable")
    if name[:1] == "_" and hasattr(t, name):
        return NoAttribute(f"tensorsh does not let a program set '{name}' on a tensor")
    return None


def store_attr(obj, name, value):
    t = type(obj)
    if name[:2] == "__":
        raise NoAttribute(f"tensorsh does not let a program set '{name}'")
    if _program_function(obj, name):  # (a decorator's `wrapper.calls = 0`)
        undo.touch_vars(obj)
        setattr(obj, name, value)
        return
    if isinstance(obj, Node) and _node_keeps(obj, t, name):  # (a custom Function's ctx: `ctx._cache = x`)
        _USER_PRIVATE.add(name)
        setattr(obj, name, value)
        return
    if hasattr(t, "__readonly__") and name not in t.__settable__:  # a tensor keeps any attribute of the program's
        refused = _tensor_attr_refused(t, name)
        if refused is not None:
            raise refused
        undo.touch_vars(obj)
        setattr(obj, name, value)
        return
    if t in USER_CLASSES or (isinstance(obj, type) and obj in USER_CLASSES):
        if name[:1] == "_" or "*" not in getattr(t, "__settable__", ()):
            _touch_attribute(obj, name)
            if name[:1] == "_":
                _USER_PRIVATE.add(name)
            _python_attr(setattr, obj, name, value)
            return
    if name[:1] != "_" and "*" in getattr(t, "__settable__", ()) or _torch_dict_name(obj, t, name):
        setattr(obj, name, value)  # any public name (a Module registers parameters and submodules itself)
        return
    if name in SAFE_SETTABLE.get(t, ()):
        if hasattr(obj, "__dict__"):
            undo.touch_vars(obj)
        setattr(obj, name, value)
        return
    api = getattr(t, "__api__", None)
    if api is None or name not in api or (name[:1] == "_" and name not in PRIVATE_OK) or t is Namespace:
        if t is Namespace:
            raise NoAttribute(f"cannot set attributes of module '{obj._name}' in tensorsh")
        raise NoAttribute(f"'{_class_name(obj, t)}' object has no attribute '{name}'")
    if name not in getattr(t, "__settable__", ()):
        if callable(getattr(t, name, None)):
            raise NoAttribute(f"tensorsh does not let a program replace the method '{name}' of a '{t.__name__}'")
        raise NoAttribute(f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable"
                          if t.__name__ == "Tensor" else f"attribute '{name}' of '{t.__name__}' objects is not writable")
    setattr(obj, name, value)


_TENSOR_DELETE_REFUSED = {"data": "Deleting tensor data is not allowed. Delete tensor instead!",
                          "requires_grad": "requires_grad must be a bool"}


def _node_keeps(node, t, name):
    """Whether a program's `node.name = v` is kept as its own private name; raises PyTorch's refusal (its node types'
    getters and methods, a C++ node having no __dict__)."""
    refused = node.attr_refusal(name)
    if refused is not None:
        raise NoAttribute(refused)
    return name[:1] == "_" and (name in _USER_PRIVATE or not hasattr(t, name))


def _touch_attribute(obj, name):
    """Journal obj's attribute `name` before a program sets or deletes it: a class's own, or a slot of an instance
    of __slots__, by name; else the instance's whole __dict__."""
    if isinstance(obj, type) or not hasattr(obj, "__dict__"):
        undo.touch_attrs(obj, name)
    else:
        undo.touch_vars(obj)


def delete_attr(obj, name):
    t = type(obj)
    if isinstance(obj, Node) and _node_keeps(obj, t, name) and name in obj.__dict__:
        delattr(obj, name)
        return
    if _program_function(obj, name) and name in obj.__dict__:
        undo.touch_vars(obj)
        delattr(obj, name)
        return
    if hasattr(t, "__readonly__") and name[:2] != "__":  # a tensor: the attributes the program set on it
        if name in obj.__dict__:
            undo.touch_vars(obj)
            del obj.__dict__[name]
            return
        if name == "grad":  # (TensorBase's setters given NULL: the gradient goes, the rest refuse in their words)
            obj.grad = None
            return
        if name in _TENSOR_DELETE_REFUSED:
            raise runtime(_TENSOR_DELETE_REFUSED[name])
        refused = _tensor_attr_refused(t, name)
        raise refused if refused is not None else _no_attr(obj, t, name)
    if name[:2] != "__" and (t in USER_CLASSES and _is_user_name(obj, t, name) or
                             name[:1] != "_" and "*" in getattr(t, "__settable__", ()) or
                             _torch_dict_name(obj, t, name) and name in obj.__dict__ or
                             name in SAFE_SETTABLE.get(t, ()) and name in getattr(obj, "__dict__", ())):
        _touch_attribute(obj, name)
        _python_attr(delattr, obj, name)
        return
    if name[:2] != "__" and obj in USER_CLASSES and name in obj.__dict__:  # `del Config.debug`: a program's class's own
        undo.touch_attrs(obj, name)
        delattr(obj, name)
        return
    if name in getattr(t, "__settable__", ()) and "__delattr__" in vars(t):  # (an engine class's own refusal)
        delattr(obj, name)
        return
    raise _no_attr(obj, t, name)


def _python_attr(fn, obj, *args):
    """setattr/delattr on a program's object: Python's own refusal (a property without a setter, __slots__) is the
    program's AttributeError, not a tensorsh bug; one the program's code raised passes as it is."""
    try:
        fn(obj, *args)
    except AttributeError as e:
        if type(e) is AttributeError and getattr(e, "_tsh_node", None) is None:
            raise NoAttribute(str(e)) from None
        raise


SIZED_TYPES = frozenset({list, tuple, set, frozenset, dict, bytearray})


class SessionCall:
    """A builtin the session runs itself (show, graph): a call site hands it to hooks.special_call."""


class _Spread(list):
    """The items of a `*value` argument, spliced into the call's positional arguments."""


def _not_iterable(value, in_call):
    """The TypeError of `*value` where value is no iterable: a display's message (CPython's LIST_EXTEND, also a
    call's whose positional arguments are more than the one `*value`); a call's with that one argument alone names
    its function (see _call_args), for which it carries value's type name (a TypeError still, as Python's)."""
    e = TypeError(f"Value after * must be an iterable, not {type_name(value)}")
    if in_call:
        e._tsh_spread_of = type_name(value)
    return e


def function_str(f):
    """How CPython names a callable in a call's argument errors (_PyObject_FunctionStr): `__main__.f()`,
    `Tensor.add()`, `print()`; an object without a __qualname__ by its str."""
    if type(f) is types.MethodType and isinstance(f.__self__, _Tensor):
        return f"Tensor.{_engine_name(_Tensor.__dict__, f.__func__, f.__name__)}()"
    if type(f) is builtin_function_or_method:
        if f._of is None:  # (a C function's module: torch, torch._C._nn, torch._C._special, ...)
            module = "torch" if f.__name__ in _TORCH_C_FUNCTIONS else "torch._C._" + (
                f.__name__.split("_", 1)[0] if f.__name__ in _c_submodule_functions() else "nn")
            return f"{module}.{f.__qualname__}()"
        return f"torch.{f.__qualname__}()" if f._of == "type" else f"{f.__qualname__}()"
    if type(f).__name__ == "builtin_function_or_method":   # (the language's print, len, ...)
        return f"{f.__name__}()"
    if getattr(f, "__module__", None) is not None and f.__module__.startswith("tensorsh.engine"):
        from tensorsh.engine.torch_api import NAMESPACE
        name = _engine_name(NAMESPACE, f, None)
        if name is not None:
            return f"torch._VariableFunctionsClass.{name}()" if name in _c_functions() else f"torch.{name}()"
        for module, prefix in _C_SUBMODULES.items():  # (torch.special.zeta: torch._C._special.special_zeta)
            name = _engine_name(getattr(NAMESPACE[prefix], "_members", {}), f, None)
            if name is not None and f"{prefix}_{name}" in _c_submodule_functions():
                return f"torch._C._{prefix}.{prefix}_{name}()"
    qualname = getattr(f, "__qualname__", None)
    if not isinstance(qualname, str) or not (isinstance(f, (types.FunctionType, types.MethodType, type)) or
                                             callable(f) and type(f).__module__.startswith("tensorsh.lang")):
        return str(f)
    module = getattr(f, "__module__", None)
    if type(f).__module__.startswith("tensorsh.lang") or module is None or module.startswith("tensorsh"):
        module = "__main__"   # (a program's function)
    return f"{qualname}()" if module == "builtins" else f"{module}.{qualname}()"


def _spliced(values):
    """Positional argument values with each `*value` (a _Spread) spliced in."""
    flat = []
    for v in values:
        flat.extend(v) if type(v) is _Spread else flat.append(v)
    return flat


def _located_pair(op, left, right, node):
    """op(left, right) as a closure; an error is located at node."""
    def pair(frame):
        a = left(frame)
        b = right(frame)
        try:
            return op(a, b)
        except BaseException as e:
            locate(e, node)
            raise
    return pair


def locate(exc, node):
    """Remember the innermost node an exception passed through (first one wins)."""
    if getattr(exc, "_tsh_node", None) is None:
        try:
            exc._tsh_node = node
        except (AttributeError, TypeError):
            pass


def located_call(exc, node):
    """At a call site: locate an error raised by the callee itself, or add this call to its chain of calls."""
    if getattr(exc, "_tsh_node", None) is None and not getattr(exc, "line", 0):
        locate(exc, node)
        return
    try:
        calls = exc.__dict__.setdefault("_tsh_calls", [])
    except AttributeError:
        return
    if len(calls) < 10_000:
        calls.append(node)


class Location:
    """Where a statement is: what the session reports and what the engine's blame points to."""

    __slots__ = ("filename", "line", "col", "end_line", "end_col", "source_line")

    def __init__(self, filename, line, col, end_line, end_col, source_line):
        self.filename, self.line, self.col = filename, line, col
        self.end_line, self.end_col, self.source_line = end_line, end_col, source_line

    def __repr__(self):
        return f"{self.filename}:{self.line}:{self.col}"


_MISSING = object()
_CONST, _GLOBAL = "const", "global"     # how a fast call reads an argument in place
_NOTHING = {}


_U = type("Unbound", (), {"__repr__": lambda self: "<unbound>"})()   # an unassigned local's slot


class _Signal:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


BREAK, CONTINUE, RETURN = _Signal("break"), _Signal("continue"), _Signal("return")
_UNDO = undo.__dict__            # `_UNDO["_location"] = loc`: the statement running now (blame notes, warnings, Ctrl-C)
HANDLING = []                    # exceptions whose `except` block runs now (a bare `raise` re-raises the last)


class TracebackOf:
    """`e.__traceback__` as a program holds it: e's frames, for the traceback module (never Python's traceback of
    the interpreter)."""
    __slots__ = ("exception",)
    __api__ = frozenset()

    def __init__(self, exception):
        self.exception = exception

    def __repr__(self):
        return f"<traceback object at {hex(id(self))}>"


TracebackOf.__name__ = TracebackOf.__qualname__ = "traceback"  # (Python's name for it, which its messages print)


def python_exception(exc):
    """The Python exception a program sees for exc: an engine TorchError or a tensorsh error becomes the
    builtin exception it names (`except RuntimeError as e`, `str(e)` PyTorch's text); others are themselves."""
    kind = getattr(exc, "kind", None)
    if kind is None or type(exc).__name__ == "InternalError" or not isinstance(kind, str):
        return exc
    seen = getattr(exc, "_tsh_python", None)
    if seen is not None:
        return seen
    cls = python_class(kind) if "." in kind else getattr(_builtins, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = RuntimeError
    message = getattr(exc, "message", str(exc))
    new = cls(message, **getattr(exc, "fields", {})) if message else cls()  # (an AttributeError's name and obj)
    for attr in ("_tsh_node", "_tsh_calls", "blame"):
        if getattr(exc, attr, None) is not None:
            setattr(new, attr, getattr(exc, attr))
    new._tsh_notes = getattr(exc, "notes", None)
    new._tsh_src = getattr(exc, "_tsh_src", None)
    if isinstance(exc, UserError) and exc.line:
        new._tsh_error = exc
    try:
        exc._tsh_python = new
    except AttributeError:
        pass
    return new


def exit_with(ctx, e):
    """A with statement's `ctx.__exit__` for the exception e its body raised, given as the program sees it (an
    engine error as Python's RuntimeError: `suppress(RuntimeError)`, `issubclass(typ, RuntimeError)`)."""
    exc = python_exception(e)
    return ctx.__exit__(type(exc), exc, exc.__traceback__)


def _literal(node):
    """Whether CPython's compiler sees a constant other than None, True, False and ... (after folding `-1` and
    tuples of constants)."""
    if type(node) is A.TupleExpr:
        return all(_literal(e) or type(e) is A.Const for e in node.elts)
    if type(node) is A.UnaryOp and node.op in ("-", "+", "~") and type(node.operand) is A.Const:
        return type(node.operand.value) in (int, float, complex)
    return type(node) is A.Const and not any(node.value is v for v in (None, True, False, Ellipsis))


class Compiler:
    """Compiles statements of one Source against a session's variables and builtins."""

    def __init__(self, source, variables, builtins, hooks):
        self.source = source
        self.variables = variables
        self.builtins = builtins
        self.hooks = hooks          # the session: .enter_statement(loc), .special_call(...), .interrupts
        self.depth = 0
        self.scope = Scope("module", None)
        self.nesting = 0            # statements being compiled, outermost first (1: a top-level statement)
        self.statement_call = None  # (call node, location, nested): a call that is a whole statement
        self.syntax_warnings = []   # (line, message): what CPython's compiler warns of, in order
        self.future_annotations = False  # (`from __future__ import annotations`: annotations kept as their text)

    # ---- errors ----
    def error(self, node, kind, message, detail=None, notes=None):
        return self.source.error_at(node, kind, message, detail=detail, notes=notes)

    def location(self, node):
        return Location(self.source.filename, node.line, node.col, node.end_line, node.end_col,
                        self.source.line(node.line))

    # ---- statements: fn(frame) -> None, or BREAK / CONTINUE / RETURN ----
    def statement(self, node):
        node._src, node._code = self.source, self.scope.code_name
        self.nesting += 1
        try:
            return getattr(self, "stmt_" + type(node).__name__)(node)
        except ScopeError as e:
            raise self.error(e.node, "SyntaxError", e.message) from None
        finally:
            self.nesting -= 1

    def block(self, nodes):
        fns = tuple(self.statement(n) for n in nodes)
        if len(fns) == 1:
            return fns[0]

        def run_block(frame):
            for fn in fns:
                r = fn(frame)
                if r is not None:
                    return r
        return run_block

    def _entered(self, node, body):
        """Wrap a simple statement so the session knows which statement runs (blame, Ctrl-C)."""
        loc = self.location(node)

        def run(frame):
            _UNDO["_location"] = loc
            body(frame)
        return run

    def stmt_ExprStmt(self, node):
        loc = self.location(node)
        self.statement_call = (node.value, loc, self.nesting > 1)
        try:
            value = self.expr(node.value)
        finally:
            taken, self.statement_call = self.statement_call is None, None
        if taken:
            return value                # `f(x)` as a statement: the call notes where it runs itself
        if self.nesting > 1:
            def expr_stmt(frame):
                _UNDO["_location"] = loc
                value(frame)
            return expr_stmt
        result = self.hooks.results

        def expr_stmt_top(frame):       # the session echoes a top-level expression's value
            _UNDO["_location"] = loc
            result[0] = value(frame)
        return expr_stmt_top

    def stmt_Pass(self, node):
        return lambda frame: None

    def stmt_Global(self, node):
        return lambda frame: None

    stmt_Nonlocal = stmt_Global

    def stmt_Assign(self, node):
        value = self.expr(node.value)
        stores = [self.store(t) for t in node.targets]
        loc = self.location(node)
        target = node.targets[0]
        where = self.scope.resolve(target.id) if len(stores) == 1 and target.__class__ is A.Name else ("",)
        if where[0] == "local":             # `c = a * 2` in a def: the slot written in place
            slot = where[1]

            def assign_local(frame):
                _UNDO["_location"] = loc
                frame[slot] = value(frame)
            return assign_local
        if where[0] == "global":
            variables, name = self.variables, target.id

            def assign_global(frame):
                _UNDO["_location"] = loc
                variables[name] = value(frame)
            return assign_global
        if len(stores) == 1:
            store = stores[0]

            def assign(frame):
                _UNDO["_location"] = loc
                store(frame, value(frame))
            return assign

        def assign_many(frame):
            _UNDO["_location"] = loc
            v = value(frame)
            for s in stores:
                s(frame, v)
        return assign_many

    def stmt_AnnAssign(self, node):
        annotation = None
        if self.future_annotations:
            text = self.source.text_of(node.annotation)
            annotation = lambda frame: text  # noqa: E731
        elif self.scope.kind != "function":
            annotation = self.expr(node.annotation)
        if self.scope.kind == "class" and isinstance(node.target, A.Name):  # (the class's __annotations__, as
            name, evaluate = node.target.id, annotation                    # @dataclass reads its fields from)

            def annotation(frame):
                value = evaluate(frame)
                frame[2].setdefault("__annotations__", {})[name] = value
                return value
        if node.value is None:
            if annotation is None:
                return lambda frame: None
            return self._entered(node, lambda frame: annotation(frame) and None)
        assign = self.stmt_Assign(A.Assign([node.target], node.value, line=node.line, col=node.col,
                                           end_line=node.end_line, end_col=node.end_col))
        if self.scope.kind != "class" or not isinstance(node.target, A.Name):
            return assign

        def annotated_assign(frame):
            annotation(frame)
            return assign(frame)
        return annotated_assign

    def stmt_AugAssign(self, node):
        op = _inplace_guard(node.op)
        value = self.expr(node.value)
        target = node.target
        if isinstance(target, A.Name) and self.scope.resolve(target.id)[0] == "global":
            name, variables, load, loc = target.id, self.variables, self.expr(target), self.location(node)
            get = variables.get

            def aug_global(frame):      # `total += i` in a loop: one closure
                _UNDO["_location"] = loc
                current = get(name, _MISSING)
                if current is _MISSING:
                    current = load(frame)
                rhs = value(frame)
                try:
                    variables[name] = op(current, rhs)
                except BaseException as e:
                    locate(e, node)
                    raise
            return aug_global
        if isinstance(target, A.Name):
            load, store = self.expr(target), self.store(target)

            def run(frame):
                current = load(frame)
                rhs = value(frame)
                try:
                    result = op(current, rhs)
                except BaseException as e:
                    locate(e, node)
                    raise
                store(frame, result)
            return self._entered(node, run)
        obj = self.expr(target.value)
        if isinstance(target, A.Attribute):
            attr = target.attr

            def get(o, k):
                return load_attr(o, attr)

            def put(o, k, v):
                store_attr(o, attr, v)
            key = lambda frame: None  # noqa: E731
        else:
            key = self.subscript(target.index)
            get, put = operator.getitem, operator.setitem

        def run(frame):
            o = obj(frame)
            k = key(frame)
            try:
                current = get(o, k)
            except BaseException as e:
                locate(e, target)
                raise
            rhs = value(frame)
            try:
                put(o, k, op(current, rhs))
            except BaseException as e:
                locate(e, node)
                raise
        return self._entered(node, run)

    def stmt_Delete(self, node):
        deletes = []
        for t in node.targets:
            if isinstance(t, A.Name):
                deletes.append((t, self._delete_name(t), None, None))
            elif isinstance(t, A.Attribute):
                deletes.append((t, None, self.expr(t.value), t.attr))
            else:
                deletes.append((t, None, self.expr(t.value), self.subscript(t.index)))

        def run(frame):
            for t, delete, obj, key in deletes:
                if delete is not None:
                    delete(frame)
                    continue
                o = obj(frame)
                try:
                    if type(key) is str:
                        delete_attr(o, key)
                    else:
                        del o[key(frame)]
                except BaseException as e:
                    locate(e, t)
                    raise
        return self._entered(node, run)

    def _delete_name(self, node):
        name = node.id
        where = self.scope.resolve(name)
        if where[0] == "local":
            slot = where[1]

            def delete_local(frame):
                if frame[slot] is _U:
                    raise self.error(node, "UnboundLocalError",
                                     f"cannot access local variable '{name}' where it is not associated with a value")
                frame[slot] = _U
            return delete_local
        unbind = self.hooks.unbind_global
        if where[0] == "class":
            def delete_class(frame):
                if name not in frame[2]:
                    raise self.error(node, "NameError", f"name '{name}' is not defined")
                del frame[2][name]
                unbind(name)
            return delete_class
        if where[0] == "free":
            raise self.error(node, "SyntaxError", f"cannot delete free variable '{name}'")
        variables = self.variables

        def delete_global(frame):
            if name not in variables:
                raise self.error(node, "NameError", f"name '{name}' is not defined")
            del variables[name]
            unbind(name)
        return delete_global

    def stmt_Assert(self, node):
        test = self.expr(node.test)
        msg = self.expr(node.msg) if node.msg is not None else None

        def run(frame):
            if not test(frame):
                e = AssertionError(msg(frame)) if msg is not None else AssertionError()
                locate(e, node.test)  # (where Python 3.11 points: the test)
                raise e
        return self._entered(node, run)

    def stmt_Import(self, node):
        binds = tuple((alias or dotted.split(".")[0], dotted if alias else dotted.split(".")[0], dotted)
                      for dotted, alias in node.names)
        stores = tuple(self.store(A.Name(name, line=node.line, col=node.col, end_line=node.end_line,
                                         end_col=node.end_col)) for name, _, _ in binds)
        variables, builtins, resolve = self.variables, self.builtins, self.hooks.module
        module_level = self.scope.kind == "module"

        def run(frame):
            for _, _, dotted in binds:
                resolve(dotted, node)   # ModuleNotFoundError for anything tensorsh does not provide
            for (name, bound, _), store in zip(binds, stores):
                value = resolve(bound, node)
                if not module_level or name in variables or builtins.get(name, _MISSING) is not value:
                    store(frame, value)
                else:  # (a global in Python's module dict all the same: NameError suggestions read it)
                    IMPORTED.setdefault(name)
        return self._entered(node, run)

    def stmt_FromImport(self, node):
        resolve = self.hooks.module
        names = node.names
        if node.module == "__future__":
            return self._future(node)
        stores = tuple(self.store(A.Name(alias or name, line=node.line, col=node.col, end_line=node.end_line,
                                         end_col=node.end_col)) for name, alias in names)

        def run(frame):
            module = resolve(node.module, node)
            values = []
            for name, alias in names:
                try:
                    values.append(load_attr(module, name))
                except AttributeError:
                    raise self.error(node, "ImportError",
                                     f"cannot import name '{name}' from '{node.module}' (unknown location)",
                                     detail=f"'{node.module}' has no '{name}' in tensorsh") from None
            for store, value in zip(stores, values):
                store(frame, value)
        return self._entered(node, run)

    def _future(self, node):
        """`from __future__ import ...`: Python 3's features, each on already but `annotations` (annotations then
        kept unevaluated, as their text); the names bound to Python's own feature records."""
        import __future__
        values = []
        for name, _ in node.names:
            if name not in __future__.all_feature_names:
                raise self.error(node, "SyntaxError", "not a chance" if name == "braces" else
                                 f"future feature {name} is not defined")
            values.append(getattr(__future__, name))
            self.future_annotations |= name == "annotations"
        stores = tuple(self.store(A.Name(alias or name, line=node.line, col=node.col, end_line=node.end_line,
                                         end_col=node.end_col)) for name, alias in node.names)

        def run(frame):
            for store, value in zip(stores, values):
                store(frame, value)
        return run

    def with_parts(self, node, block):
        """A with statement's pieces: enter(frame) -> the entered context manager (its value stored), the body."""
        ctx_fn = self.expr(node.context)
        store = self.store(A.Name(node.name, line=node.line, col=node.col, end_line=node.end_line,
                                  end_col=node.end_col)) if node.name else None
        loc = self.location(node)
        # the shell's `with no_grad:` (a builtin's bare name) enters an instance; `torch.no_grad` or a variable
        # holding the class is Python's TypeError
        builtin, variables = getattr(node.context, "id", None), self.variables
        if builtin is not None and self.scope.resolve(builtin)[0] != "global":
            builtin = None

        def enter(frame):
            _UNDO["_location"] = loc
            ctx = ctx_fn(frame)
            if builtin is not None and builtin not in variables and isinstance(ctx, type) and ctx not in USER_CLASSES:
                ctx = ctx()
            kind = type(ctx)
            if not (hasattr(kind, "__enter__") and hasattr(kind, "__exit__")):
                e = TypeError(f"'{type_name(ctx)}' object does not support the context manager protocol")
                locate(e, node.context)
                raise e
            value = ctx.__enter__()
            if store is not None:
                store(frame, value)
            return ctx
        return enter, block(node.body)

    def stmt_With(self, node):
        enter, body = self.with_parts(node, self.block)

        def run(frame):
            ctx = enter(frame)
            try:
                r = body(frame)
            except BaseException as e:
                if not exit_with(ctx, e):
                    raise
                return None
            ctx.__exit__(None, None, None)
            return r
        return run

    def _loop_body(self, nodes):
        self.scope.loops += 1
        try:
            return self.block(nodes)
        finally:
            self.scope.loops -= 1

    def stmt_For(self, node):
        iterable = self.expr(node.iter)
        store = self.store(node.target)
        body = self._loop_body(node.body)
        orelse = self.block(node.orelse) if node.orelse else None
        plain = not _has_signal(node.body)
        loc = self.location(node)
        slot = global_name = None
        variables = self.variables
        if isinstance(node.target, A.Name):
            where = self.scope.resolve(node.target.id)
            if where[0] == "local":
                slot = where[1]
            elif where[0] == "global":
                global_name = node.target.id

        def run(frame):
            _UNDO["_location"] = loc
            it = iterable(frame)
            try:
                it = iter(it)
            except TypeError as e:
                locate(e, node.iter)
                raise
            if plain and slot is not None:
                for frame[slot] in it:
                    body(frame)
            elif plain and global_name is not None:
                for variables[global_name] in it:
                    body(frame)
            elif plain:
                for item in it:
                    store(frame, item)
                    body(frame)
            else:
                for item in it:
                    store(frame, item)
                    r = body(frame)
                    if r is not None:
                        if r is BREAK:
                            return None
                        if r is not CONTINUE:
                            return r
            if orelse is not None:
                return orelse(frame)
            return None
        return run

    def stmt_While(self, node):
        test = self.expr(node.test)
        body = self._loop_body(node.body)
        orelse = self.block(node.orelse) if node.orelse else None
        loc = self.location(node)

        def run(frame):
            _UNDO["_location"] = loc
            while test(frame):
                r = body(frame)
                if r is not None:
                    if r is BREAK:
                        return None
                    if r is not CONTINUE:
                        return r
            if orelse is not None:
                return orelse(frame)
            return None
        return run

    def stmt_If(self, node):
        test = self.expr(node.test)
        body = self.block(node.body)
        orelse = self.block(node.orelse) if node.orelse else None
        loc = self.location(node)
        if orelse is None:
            def if_(frame):
                _UNDO["_location"] = loc
                if test(frame):
                    return body(frame)
            return if_

        def if_else(frame):
            _UNDO["_location"] = loc
            if test(frame):
                return body(frame)
            return orelse(frame)
        return if_else

    # ---- match statements (PEP 634, as CPython 3.11 runs them) ----
    def stmt_Match(self, node):
        choose = self.match_case(node)
        bodies = tuple(self.block(c.body) for c in node.cases)

        def match(frame):
            i = choose(frame)
            return None if i is None else bodies[i](frame)
        return match

    def match_case(self, node):
        """choose(frame) -> the index of the case a match statement runs (its names bound), or None."""
        subject = self.expr(node.subject)
        cases = tuple((i, self._pattern(c.pattern), None if c.guard is None else self.expr(c.guard))
                      for i, c in enumerate(node.cases))
        loc = self.location(node)

        def choose(frame):
            _UNDO["_location"] = loc
            value = subject(frame)
            for i, matches, guard in cases:
                binds = []
                if matches(value, frame, binds):
                    for store, v in binds:      # (bound when the whole pattern matched, before the guard)
                        store(frame, v)
                    if guard is None or guard(frame):
                        return i
            return None
        return choose

    def _pattern(self, node):
        """A pattern as `matches(value, frame, binds) -> bool`; binds collects (store, value) of its names."""
        def located(fn):
            def run(value, frame, binds):
                try:
                    return fn(value, frame, binds)
                except BaseException as e:
                    locate(e, node)
                    raise
            return run

        kind = node.__class__
        if kind is A.MatchCapture:
            inner = None if node.pattern is None else self._pattern(node.pattern)
            store = None if node.name is None else self._store_name(node.name)

            def capture(value, frame, binds):
                if inner is not None and not inner(value, frame, binds):
                    return False
                if store is not None:
                    binds.append((store, value))
                return True
            return capture
        if kind is A.MatchValue:
            expected = self.expr(node.value)
            if node.identity:
                return lambda value, frame, binds: value is expected(frame)
            return located(lambda value, frame, binds: bool(value == expected(frame)))
        if kind is A.MatchOr:
            alternatives = tuple(self._pattern(p) for p in node.patterns)

            def either(value, frame, binds):
                for alt in alternatives:
                    mine = []
                    if alt(value, frame, mine):
                        binds.extend(mine)
                        return True
                return False
            return either
        if kind is A.MatchSequence:
            return located(self._sequence_pattern(node))
        if kind is A.MatchMapping:
            return located(self._mapping_pattern(node))
        if kind is A.MatchClass:
            return located(self._class_pattern(node))
        raise self.error(node, "SyntaxError", "invalid pattern")

    def _sequence_pattern(self, node):
        import collections.abc
        star = next((i for i, p in enumerate(node.patterns) if p.__class__ is A.MatchStar), None)
        before = tuple(self._pattern(p) for p in node.patterns[:star])
        after = () if star is None else tuple(self._pattern(p) for p in node.patterns[star + 1:])
        rest = None if star is None or node.patterns[star].name is None else self._store_name(node.patterns[star].name)
        n = len(before) + len(after)

        def sequence(value, frame, binds):
            if not isinstance(value, collections.abc.Sequence) or isinstance(value, (str, bytes, bytearray)):
                return False
            size = len(value)
            if size < n or (star is None and size != n):
                return False
            items = list(value)
            for p, v in zip(before, items):
                if not p(v, frame, binds):
                    return False
            for p, v in zip(after, items[size - len(after):]):
                if not p(v, frame, binds):
                    return False
            if rest is not None:
                binds.append((rest, items[len(before):size - len(after)]))
            return True
        return sequence

    def _mapping_pattern(self, node):
        import collections.abc
        keys = tuple(self.expr(k) for k in node.keys)
        values = tuple(self._pattern(p) for p in node.patterns)
        rest = None if node.rest is None else self._store_name(node.rest)
        missing = object()

        def mapping(value, frame, binds):
            if not isinstance(value, collections.abc.Mapping):
                return False
            if len(value) < len(keys):
                return False
            wanted = [k(frame) for k in keys]
            seen = set()
            for k in wanted:
                if k in seen:
                    raise ValueError(f"mapping pattern checks duplicate key ({k!r})")
                seen.add(k)
            get = value.get
            for k, p in zip(wanted, values):
                v = get(k, missing)
                if v is missing or not p(v, frame, binds):
                    return False
            if rest is not None:
                left = dict(value)
                for k in wanted:
                    del left[k]
                binds.append((rest, left))
            return True
        return mapping

    _SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)

    def _class_pattern(self, node):
        cls_of = self.expr(node.cls)
        positional = tuple(self._pattern(p) for p in node.patterns)
        named = tuple(zip(node.kwd_attrs, (self._pattern(p) for p in node.kwd_patterns)))
        self_matching = self._SELF_MATCHING

        def attribute(value, name):
            try:
                return True, load_attr(value, name)
            except AttributeError:
                return False, None

        def instance(value, frame, binds):
            cls = cls_of(frame)
            if not isinstance(cls, type):
                raise TypeError("called match pattern must be a type")
            if not isinstance(value, cls):
                return False
            pairs = []
            if positional:  # (CPython's match_class: __match_args__, else the subject itself for int(x), str(x), ...)
                names = getattr(cls, "__match_args__", None)
                match_self = names is None and any(c in self_matching for c in cls.__mro__)
                if names is None:
                    names = ()
                elif not isinstance(names, tuple):
                    raise TypeError(f"{class_name(cls)}.__match_args__ must be a tuple (got {type(names).__name__})")
                allowed = 1 if match_self else len(names)
                if len(positional) > allowed:
                    raise TypeError(f"{class_name(cls)}() accepts {allowed} positional sub-pattern"
                                    f"{'' if allowed == 1 else 's'} ({len(positional)} given)")
                if match_self:
                    if not positional[0](value, frame, binds):
                        return False
                else:
                    pairs.extend(zip(names, positional))
            pairs.extend(named)
            seen = set()
            for name, p in pairs:
                if name in seen:
                    raise TypeError(f"{class_name(cls)}() got multiple sub-patterns for attribute {name!r}")
                seen.add(name)
                found, v = attribute(value, name)
                if not found or not p(v, frame, binds):
                    return False
            return True
        return instance

    def stmt_Break(self, node):
        if not self.scope.loops:
            raise self.error(node, "SyntaxError", "'break' outside loop")
        return lambda frame: BREAK

    def stmt_Continue(self, node):
        if not self.scope.loops:
            raise self.error(node, "SyntaxError", "'continue' not properly in loop")
        return lambda frame: CONTINUE

    def stmt_Return(self, node):
        if not self.scope.in_function:
            raise self.error(node, "SyntaxError", "'return' outside function")
        value = self.expr(node.value) if node.value is not None else (lambda frame: None)
        loc = self.location(node)

        def return_(frame):
            _UNDO["_location"] = loc
            frame[1] = value(frame)
            return RETURN
        return return_

    def stmt_Raise(self, node):
        exc = self.expr(node.exc) if node.exc is not None else None
        cause = self.expr(node.cause) if node.cause is not None else None
        loc = self.location(node)

        def raise_(frame):
            _UNDO["_location"] = loc
            if exc is None:
                if not HANDLING:
                    e = RuntimeError("No active exception to reraise")
                    locate(e, node)
                    raise e
                raise HANDLING[-1]
            e = _exception_value(exc(frame), node)
            if cause is not None:
                c = cause(frame)
                if c is not None:
                    c = _exception_value(c, node.cause)
                e.__cause__ = c
                e.__suppress_context__ = True
            e._tsh_node = node
            e.__dict__.pop("_tsh_calls", None)
            raise e
        return raise_

    def try_parts(self, node, block):
        """A try statement's pieces: its body, match(frame, exc) -> (handler, unbind) or None, else, finally."""
        body = block(node.body)
        handlers = []
        for h in node.handlers:
            types_ = self.expr(h.type) if h.type is not None else None
            name = A.Name(h.name, line=h.line, col=h.col, end_line=h.end_line, end_col=h.end_col) if h.name else None
            handlers.append((types_, self.store(name) if name else None, self._delete_name(name) if name else None,
                             block(h.body), h))
        handlers = tuple(handlers)
        hooks = self.hooks

        def match(frame, exc):
            for types_, store, unbind, handler, h in handlers:
                if types_ is not None:
                    wanted = types_(frame)
                    if not _catchable(wanted):
                        te = TypeError("catching classes that do not inherit from BaseException is not allowed")
                        locate(te, h.type)
                        raise te from None
                    if not isinstance(exc, wanted):
                        continue
                if isinstance(exc, KeyboardInterrupt):
                    hooks.interrupts += 1
                    if hooks.interrupts > 1:
                        return None        # a second Ctrl-C always stops the program
                if store is not None:
                    store(frame, exc)
                return handler, unbind
            return None
        return (body, match if handlers else None, block(node.orelse) if node.orelse else None,
                block(node.finalbody) if node.finalbody else None)

    def stmt_Try(self, node):
        body, match, orelse, final = self.try_parts(node, self.block)

        def try_except(frame):
            try:
                r = body(frame)
            except BaseException as e:
                exc = python_exception(e)
                found = match(frame, exc)
                if found is None:
                    raise
                handler, unbind = found
                HANDLING.append(exc)
                exc = None  # (Python's `del e`: its traceback holds this frame, which would hold it, and the values
                #           the interpreter's frames saw would live until a gc: a weakref.ref(y) after `del y` alive)
                try:
                    r = handler(frame)
                finally:
                    HANDLING.pop()
                    unbound(unbind, frame)
                return r
            if r is None and orelse is not None:      # `else` runs when the body ran to its end
                return orelse(frame)
            return r

        run = try_except if match is not None else body
        if final is None:
            return run

        def try_finally(frame):
            try:
                r = run(frame)
            finally:
                f = final(frame)
                if f is not None:
                    return f       # noqa: B012 - `return`/`break` in finally drops the exception, as Python does
            return r
        return try_finally

    # ---- def, lambda, class ----
    def _function(self, node, name, params, body_nodes, is_lambda=False):
        """Compile a def's or lambda's body; returns make(frame) -> a real Python function."""
        check_names(params, node)
        outer = self.scope
        scope = Scope("function", outer, name)
        for p in params.names():
            scope.add(p)
            scope.params.add(p)
        if is_lambda:
            scope.kind_lambda = True
            bound_names([A.ExprStmt(body_nodes)], scope)
        else:
            bound_names(body_nodes, scope)
        for n in scope.nonlocals:
            if scope._free(n, 1)[0] != "free":
                raise self.error(node, "SyntaxError", f"no binding for nonlocal '{n}' found")
        cell_slot = None
        if outer.kind == "class" and (uses_name(body_nodes if not is_lambda else [body_nodes], "super")
                                      or uses_name(body_nodes if not is_lambda else [body_nodes], CLASS_CELL)):
            cell_slot = scope.add(CLASS_CELL)
        defaults = tuple(self.expr(d) for d in params.defaults)
        kw_defaults = tuple((k, self.expr(v)) for k, v in params.kw_defaults.items())
        for a in params.annotations:
            self.expr(a)        # compiled for their errors; not evaluated (as `from __future__ import annotations`)
        self.scope = scope
        saved_depth = self.depth
        self.depth = 0
        entry = node
        operands = signal = None
        is_generator = False
        try:
            value = None
            if is_lambda:
                run = self.expr(value := body_nodes)
            elif any(generators.yields(n) for n in body_nodes):
                run = generators.generator_body(self, body_nodes, name, scope.qualname)
                is_generator = True
            elif len(body_nodes) == 1 and isinstance(body_nodes[0], A.Return) and body_nodes[0].value is not None:
                run = self.expr(value := body_nodes[0].value)   # `def f(a, b): return a + b`: the value is the body
                body_nodes[0]._src = self.source
                entry = body_nodes[0]
            else:
                run = self.block(body_nodes)    # the generated function reads the RETURN signal itself
                signal = RETURN
            found = self._operator_of_params(value) if value is not None and cell_slot is None else None
            if found is not None:               # the function applies the operator itself: no frame, no closure
                op, where, operands = found
                run = (op, lambda e: locate(e, where))
        finally:
            self.scope = outer
            self.depth = saved_depth
        nslots = len(scope.slots)
        make_fn = factory(params, nslots, name, operands, signal)
        loc = self.location(entry)
        qualname = scope.qualname
        doc = None
        if not is_lambda and body_nodes and isinstance(body_nodes[0], A.ExprStmt) and \
                isinstance(body_nodes[0].value, A.Const) and isinstance(body_nodes[0].value.value, str):
            doc = body_nodes[0].value.value
        parent_of = _parent_frame(outer)

        def make(frame):
            d = tuple([f(frame) for f in defaults]) if defaults else ()
            k = {key: f(frame) for key, f in kw_defaults} if kw_defaults else {}
            body_run = run
            if cell_slot is not None:
                cell = frame[1]

                def body_run(f):
                    f[cell_slot] = cell
                    return run(f)
            fn = make_fn(body_run, parent_of(frame), _U, d, k, _UNDO, loc)
            fn.__name__ = name
            fn.__qualname__ = qualname
            fn.__doc__ = doc
            if is_generator:  # (what inspect.isgeneratorfunction tells of a Python one: torch.no_grad() wraps
                fn.__tsh_generator__ = True  # each resumption, autograd.context_decorator)
            return fn
        return make

    def _operator_of_params(self, node):
        """(op, node, (a, b)) when node is `a <op> b` of two parameters never rebound (a def's whole body)."""
        if node.__class__ is A.BinOp and len(node.ops) == 1 and all(
                o.__class__ is A.Name and self._param_slot(o) is not None for o in node.operands):
            return GUARDED.get(node.ops[0]) or BINARY[node.ops[0]], node, tuple(o.id for o in node.operands)
        return None

    def stmt_FunctionDef(self, node):
        if self.scope.kind == "class" and node.name[:2] == "__" and node.name[-2:] == "__" \
                and node.name not in DEFINABLE_DUNDERS:
            raise self.error(node, "SyntaxError", f"tensorsh does not let a class define '{node.name}'",
                             detail=f"'{node.name}' would reach Python's machinery")
        decorators = tuple(self.expr(d) for d in node.decorators)
        loops, self.scope.loops = self.scope.loops, 0
        try:
            make = self._function(node, node.name, node.params, node.body)
        finally:
            self.scope.loops = loops
        store = self.store(A.Name(node.name, line=node.line, col=node.col, end_line=node.end_line,
                                  end_col=node.end_col))
        loc = self.location(node)
        return self._decorated(decorators, make, store, loc, node)

    def _decorated(self, decorators, make, store, loc, node):
        def define(frame):
            _UNDO["_location"] = loc
            decos = [d(frame) for d in decorators]
            value = make(frame)
            for d, deco_node in zip(reversed(decos), reversed(node.decorators)):
                try:
                    value = d(value)
                except BaseException as e:
                    located_call(e, deco_node)
                    raise
            store(frame, value)
        return define

    def expr_Lambda(self, node):
        loops, self.scope.loops = self.scope.loops, 0
        try:
            make = self._function(node, "<lambda>", node.params, node.body, is_lambda=True)
        finally:
            self.scope.loops = loops
        return make

    def stmt_ClassDef(self, node):
        for k in node.keywords:
            raise self.error(k, "TypeError", "tensorsh classes take no keyword arguments (metaclass=...)")
        decorators = tuple(self.expr(d) for d in node.decorators)
        bases = tuple(self._argument(b) for b in node.bases)
        outer = self.scope
        scope = Scope("class", outer, node.name)
        bound_names(node.body, scope)
        for n in scope.assigned:
            if n[:2] == "__" and n[-2:] == "__" and n not in DEFINABLE_DUNDERS and n != "__slots__":
                raise self.error(node, "SyntaxError", f"tensorsh does not let a class define '{n}'")
        self.scope = scope
        loops, scope.loops = outer.loops, 0
        try:
            body = self.block(node.body) if node.body else (lambda frame: None)
        finally:
            self.scope = outer
        name, qualname = node.name, scope.qualname
        doc = None
        if node.body and isinstance(node.body[0], A.ExprStmt) and isinstance(node.body[0].value, A.Const) \
                and isinstance(node.body[0].value.value, str):
            doc = node.body[0].value.value
        parent_of = _parent_frame(outer)
        bases_node = node

        def make(frame):
            values = _spliced([b(frame) for b in bases])
            for b in values:
                if b is typing.NamedTuple:  # (class P(NamedTuple): the tuple class its annotations declare)
                    continue
                if not isinstance(b, type) or issubclass(b, type) or b is types.FunctionType:
                    e = TypeError(f"tensorsh classes derive from classes, not from '{type_name(b)}'"
                                  if not isinstance(b, type) else f"tensorsh does not let a class derive from '{b.__name__}'")
                    locate(e, bases_node)
                    raise e
                if b in LEGACY.values():  # (torch.Tensor's constructor would make plain tensors: a wrong answer)
                    e = RuntimeError(f"tensorsh: subclasses of torch.{b.__name__} are not supported yet")
                    locate(e, bases_node)
                    raise e
            ns = {"__module__": "__main__", "__qualname__": qualname, "__tsh_user__": True}
            if doc is not None:
                ns["__doc__"] = doc
            cell = [None]
            body([parent_of(frame), cell, ns])
            if callable(ns.get("__getattr__")):
                ns["__getattr__"] = _program_getattr(ns["__getattr__"])
            try:
                if "__slots__" in ns:
                    _check_slots(ns["__slots__"])
                cls = types.new_class(name, tuple(values), {}, lambda space: space.update(ns))
            except BaseException as e:
                locate(e, bases_node)
                raise
            cell[0] = cls
            return cls
        store = self.store(A.Name(node.name, line=node.line, col=node.col, end_line=node.end_line,
                                  end_col=node.end_col))
        loc = self.location(node)
        return self._decorated(decorators, make, store, loc, node)

    # ---- assignment targets: fn(frame, value) ----
    def store(self, node):
        if isinstance(node, A.Name):
            return self._store_name(node.id)
        if isinstance(node, A.Attribute):
            obj, attr = self.expr(node.value), node.attr

            def store_attribute(frame, value):
                o = obj(frame)
                try:
                    store_attr(o, attr, value)
                except BaseException as e:
                    locate(e, node)
                    raise
            return store_attribute
        if isinstance(node, A.Subscript):
            obj, key = self.expr(node.value), self.subscript(node.index)

            def store_item(frame, value):
                o = obj(frame)
                k = key(frame)
                try:
                    o[k] = value
                except BaseException as e:
                    locate(e, node)
                    raise
            return store_item
        if isinstance(node, (A.TupleExpr, A.ListExpr)):
            return self._store_unpack(node)
        if isinstance(node, A.Starred):
            raise self.error(node, "SyntaxError", "starred assignment target must be in a list or tuple")
        raise self.error(node, "SyntaxError", "cannot assign to expression")

    def _store_name(self, name):
        where = self.scope.resolve(name)
        if where[0] == "local":
            slot = where[1]

            def store_local(frame, value):
                frame[slot] = value
            return store_local
        if where[0] == "free":
            _, depth, slot = where

            def store_free(frame, value):
                for _ in range(depth):
                    frame = frame[0]
                frame[slot] = value
            return store_free
        if where[0] == "class":
            def store_class(frame, value):
                frame[2][name] = value
            return store_class
        variables = self.variables

        def store_name(frame, value):
            variables[name] = value
        return store_name

    def _store_unpack(self, node):
        starred = [i for i, e in enumerate(node.elts) if isinstance(e, A.Starred)]
        if len(starred) > 1:
            raise self.error(node, "SyntaxError", "multiple starred expressions in assignment")
        stores = [self.store(e.value if isinstance(e, A.Starred) else e) for e in node.elts]
        n = len(stores)
        star = starred[0] if starred else None

        def store_unpack(frame, value):
            try:
                items = list(value) if type(value) not in (list, tuple) else value
            except TypeError:
                e = TypeError(f"cannot unpack non-iterable {type_name(value)} object")
                locate(e, node)
                raise e from None
            if star is None:
                if len(items) != n:
                    if len(items) > n:
                        e = ValueError(f"too many values to unpack (expected {n})")
                    else:
                        e = ValueError(f"not enough values to unpack (expected {n}, got {len(items)})")
                    locate(e, node)
                    raise e
                for s, v in zip(stores, items):
                    s(frame, v)
                return
            after = n - star - 1
            if len(items) < n - 1:
                e = ValueError(f"not enough values to unpack (expected at least {n - 1}, got {len(items)})")
                locate(e, node)
                raise e
            for s, v in zip(stores[:star], items[:star]):
                s(frame, v)
            stores[star](frame, list(items[star:len(items) - after]))
            for s, v in zip(stores[star + 1:], items[len(items) - after:]):
                s(frame, v)
        return store_unpack

    # ---- expressions: fn(frame) -> value ----
    def expr(self, node):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.error(node, "RecursionError", "maximum recursion depth exceeded during compilation",
                                 detail=f"expression is too deeply nested (the limit is {MAX_DEPTH} levels)")
            node._src, node._code = self.source, self.scope.code_name
            return getattr(self, "expr_" + type(node).__name__)(node)
        finally:
            self.depth -= 1

    def expr_Const(self, node):
        value = node.value
        return lambda frame: value

    def expr_Name(self, node):
        name = node.id
        where = self.scope.resolve(name)
        if name == CLASS_CELL and where[0] in ("local", "free"):  # a method's `__class__`: the class (its cell's)
            load_cell = self._load_name(node, name, where)
            return lambda frame: load_cell(frame)[0]
        return self._load_name(node, name, where)

    def _load_name(self, node, name, where):
        if where[0] == "local" and self._param_slot(node) is not None:
            return operator.itemgetter(where[1])      # a parameter never unbound: read in C
        if where[0] == "local":
            slot = where[1]

            def load_local(frame):
                v = frame[slot]
                if v is _U:
                    raise self.error(node, "UnboundLocalError",
                                     f"cannot access local variable '{name}' where it is not associated with a value")
                return v
            return load_local
        if where[0] == "free":
            _, depth, slot = where

            def load_free(frame):
                for _ in range(depth):
                    frame = frame[0]
                v = frame[slot]
                if v is _U:
                    raise self.error(node, "NameError", f"cannot access free variable '{name}' where it is not "
                                                        f"associated with a value in enclosing scope")
                return v
            return load_free
        load_global = self._load_global(node)
        if where[0] == "class":
            outer = where[1]
            fallback = load_global
            if outer[0] == "free":
                _, depth, slot = outer

                def fallback(frame):
                    for _ in range(depth):
                        frame = frame[0]
                    v = frame[slot]
                    return load_global(frame) if v is _U else v

            def load_class(frame):
                v = frame[2].get(name, _MISSING)
                return fallback(frame) if v is _MISSING else v
            return load_class
        return load_global

    def _param_slot(self, node):
        """The frame slot of a name that is a parameter of the running function and is never unbound."""
        if isinstance(node, A.Name):
            scope = self.scope
            if node.id in scope.params and node.id not in scope.deleted and node.id not in scope.nonlocals \
                    and node.id not in scope.globals:
                return scope.slots[node.id]
        return None

    def _load_global(self, node):
        name = node.id
        variables, builtins, scope = self.variables, self.builtins, self.scope
        get, unbound_names = variables.get, self.hooks.unbound_names

        def load_name(frame):
            value = get(name, _MISSING)
            if value is _MISSING:
                value = builtins.get(name, _MISSING) if name not in unbound_names else _MISSING
                if value is _MISSING:
                    note = did_you_mean(name, list(variables) + [b for b in builtins if b not in unbound_names]
                                        + ["True", "False", "None"])
                    if name == "help":
                        note = Note("tensorsh has no help(); in the shell, :help explains the language and "
                                    ":help NAME a function or a tensor method (e.g. :help add_)")
                    e = self.error(node, "NameError", f"name '{name}' is not defined", notes=[note] if note else None)
                    e.suggestion = name_suggestion(name, scope, variables)
                    e.fields = {"name": name}
                    raise e
                if type(value) is Lazy:
                    value = builtins[name] = value.load()
            return value
        return load_name

    def expr_NamedExpr(self, node):
        value = self.expr(node.value)
        scope = self.scope
        while scope.kind == "comp":
            scope = scope.parent
        saved, self.scope = self.scope, scope
        try:
            depth = 0
            s = saved
            while s is not scope:
                depth += 1
                s = s.parent
            store = self._store_name(node.target)
        finally:
            self.scope = saved

        def walrus(frame):
            v = value(frame)
            f = frame
            for _ in range(depth):
                f = f[0]
            store(f, v)
            return v
        return walrus

    def _elements(self, elts):
        """A display's items as fn(frame) -> list, with `*iterable` spliced in."""
        fns = tuple(self._argument(e) for e in elts)
        if any(isinstance(e, A.Starred) for e in elts):
            return lambda frame: _spliced([f(frame) for f in fns])
        return lambda frame: [f(frame) for f in fns]

    def expr_ListExpr(self, node):
        return self._elements(node.elts)

    def expr_TupleExpr(self, node):
        items = self._elements(node.elts)
        return lambda frame: tuple(items(frame))

    def expr_SetExpr(self, node):
        items = self._elements(node.elts)
        return _located(lambda frame: set(items(frame)), node)

    def expr_DictExpr(self, node):
        pairs = tuple((self.expr(k) if k is not None else None, self.expr(v)) for k, v in zip(node.keys, node.values))

        def dict_(frame):
            out = {}
            for k, v in pairs:
                if k is None:
                    m = v(frame)
                    if not hasattr(m, "keys"):
                        raise TypeError(f"'{type_name(m)}' object is not a mapping")
                    out.update(m)
                else:
                    key = k(frame)
                    out[key] = v(frame)
            return out
        return _located(dict_, node)

    def expr_Starred(self, node):
        raise self.error(node, "SyntaxError", "can't use starred expression here")

    def expr_DoubleStarred(self, node):
        raise self.error(node, "SyntaxError", "invalid syntax")

    def expr_BinOp(self, node):
        fns = [self.expr(o) for o in node.operands]
        ops = [GUARDED.get(op) or BINARY[op] for op in node.ops]
        if len(ops) == 1:
            left, right, op = fns[0], fns[1], ops[0]
            const = node.operands[1]
            if const.__class__ is A.Const and type(const.value) is int and op is guarded_mul:
                c = const.value

                def binop_mul_int(frame):       # `a * 2`: the sequence guard inline
                    a = left(frame)
                    try:
                        if type(a) in _SEQ and len(a) * c > MAX_ITEMS:
                            _too_long(len(a) * c)
                        return a * c
                    except BaseException as e:
                        locate(e, node)
                        raise
                return binop_mul_int
            if isinstance(const, A.Const) and type(const.value) in (float, int) and \
                    (op is not guarded_mul or type(const.value) is float) and op is not guarded_pow:
                # `tensor * 1.0001`: the constant folded in (a float cannot repeat a sequence, so no guard)
                op, c = BINARY[node.ops[0]] if op is guarded_mul else op, const.value

                def binop_const(frame):
                    a = left(frame)
                    try:
                        return op(a, c)
                    except BaseException as e:
                        locate(e, node)
                        raise
                return binop_const
            i, j = self._param_slot(node.operands[0]), self._param_slot(node.operands[1])
            if i is not None and j is not None:
                def binop_params(frame):        # `a + b` of two parameters: the hot body of a small def
                    try:
                        return op(frame[i], frame[j])
                    except BaseException as e:
                        locate(e, node)
                        raise
                return binop_params
            return _located_pair(op, left, right, node)
        first = fns[0]
        steps = []
        for i, (op, fn) in enumerate(zip(ops, fns[1:])):
            last = node.operands[i + 1]
            span = A.Node(line=node.line, col=node.col, end_line=last.end_line, end_col=last.end_col)
            span._src = self.source
            steps.append((op, fn, span))
        steps = tuple(steps)

        def chain(frame):
            value = first(frame)
            for op, fn, span in steps:
                b = fn(frame)
                try:
                    value = op(value, b)
                except BaseException as e:
                    locate(e, span)
                    raise
            return value
        return chain

    def expr_UnaryOp(self, node):
        operand, op = self.expr(node.operand), UNARY[node.op]

        def unary(frame):
            v = operand(frame)
            try:
                return op(v)
            except BaseException as e:
                locate(e, node)
                raise
        return unary

    def expr_BoolOp(self, node):
        values = tuple(self.expr(v) for v in node.values)
        first, last = values[:-1], values[-1]  # (Python never asks the last operand for its truth)
        if node.op == "and":
            def and_(frame):
                for fn in first:
                    v = fn(frame)
                    if not v:
                        return v
                return last(frame)
            return _located(and_, node)

        def or_(frame):
            for fn in first:
                v = fn(frame)
                if v:
                    return v
            return last(frame)
        return _located(or_, node)

    def expr_Compare(self, node):
        for op, a, b in zip(node.ops, [node.left] + node.comparators, node.comparators):
            if op in ("is", "is not") and (_literal(a) or _literal(b)):  # (CPython's check_compare)
                self.syntax_warnings.append((node.line, '"is" with a literal. Did you mean "=="?' if op == "is"
                                             else '"is not" with a literal. Did you mean "!="?'))
                break  # (one a comparison)
        left = self.expr(node.left)
        rest = tuple((COMPARE[op], self.expr(c)) for op, c in zip(node.ops, node.comparators))
        if len(rest) == 1:
            (op, right), = rest
            return _located_pair(op, left, right, node)

        def compare_chain(frame):
            a = left(frame)
            result = True
            for op, fn in rest:
                b = fn(frame)
                result = op(a, b)
                if not result:
                    return result
                a = b
            return result
        return _located(compare_chain, node)

    # ---- comprehensions: a scope of their own, the first iterable evaluated outside it ----
    def _comprehension(self, node, generators, results, name):
        """Compile generators and result expressions in a new scope; returns (first_iter, loops, results, nslots)."""
        first = self.expr(generators[0].iter)
        outer = self.scope
        scope = Scope("comp", outer, name)
        scope.in_function = False
        if name != "<genexpr>":  # (a list, set or dict display runs at once: a frame of its own at node, in a traceback)
            scope.code_name = (name, node)
        for g in generators:
            for n in target_names(g.target, []):
                scope.add(n)
        walrus = []
        for r in results + [c for g in generators for c in g.ifs] + [g.iter for g in generators[1:]]:
            _walrus_targets(r, walrus)
        for n in walrus:
            if n in scope.slots:
                raise self.error(node, "SyntaxError",
                                 f"assignment expression cannot rebind comprehension iteration variable '{n}'")
            scope.nonlocals.add(n)
        if outer.kind == "module" or outer.kind == "class":
            scope.globals.update(walrus)
        self.scope = scope
        try:
            levels = []
            for i, g in enumerate(generators):
                it = first if i == 0 else self.expr(g.iter)
                levels.append((it, self.store(g.target), tuple(self.expr(c) for c in g.ifs)))
            compiled = tuple(self.expr(r) for r in results)
        finally:
            self.scope = outer
        return tuple(levels), compiled, len(scope.slots), _parent_frame(outer)

    def _comp_runner(self, node, generators, results, name, emit_kind):
        levels, compiled, nslots, parent_of = self._comprehension(node, generators, results, name)
        n = len(levels)
        pad = [_U] * nslots

        def run(frame, out):
            cf = [parent_of(frame), None] + pad
            add = out.append if emit_kind == "list" else out.add if emit_kind == "set" else None
            if emit_kind == "dict":
                k, v = compiled

                def add(_unused):
                    out[k(cf)] = v(cf)
            elt = compiled[0]

            def loop(level, source):
                it, store, conds = levels[level]
                if type(source) is range and len(source) > MAX_ITEMS:
                    _too_long(len(source))
                last = level == n - 1
                for item in source:
                    store(cf, item)
                    if conds and not all(c(cf) for c in conds):
                        continue
                    if last:
                        add(elt(cf) if emit_kind != "dict" else None)
                        if len(out) > MAX_ITEMS:
                            _too_long(len(out))
                    else:
                        loop(level + 1, levels[level + 1][0](cf))
            loop(0, levels[0][0](frame))
            return out
        return run

    def expr_ListComp(self, node):
        run = self._comp_runner(node, node.generators, [node.elt], "<listcomp>", "list")
        return _located(lambda frame: run(frame, []), node)

    def expr_SetComp(self, node):
        run = self._comp_runner(node, node.generators, [node.elt], "<setcomp>", "set")
        return _located(lambda frame: run(frame, set()), node)

    def expr_DictComp(self, node):
        run = self._comp_runner(node, node.generators, [node.key, node.value], "<dictcomp>", "dict")
        return _located(lambda frame: run(frame, {}), node)

    def expr_GeneratorExp(self, node):
        levels, compiled, nslots, parent_of = self._comprehension(node, node.generators, [node.elt], "<genexpr>")
        elt = compiled[0]
        n = len(levels)
        pad = [_U] * nslots

        def genexp(frame):
            cf = [parent_of(frame), None] + pad
            try:
                source = iter(levels[0][0](frame))
            except TypeError as e:
                locate(e, node.generators[0].iter)
                raise

            def gen(level, source):
                it, store, conds = levels[level]
                for item in source:
                    store(cf, item)
                    if conds and not all(c(cf) for c in conds):
                        continue
                    if level == n - 1:
                        yield elt(cf)
                    else:
                        yield from gen(level + 1, levels[level + 1][0](cf))
            return gen(0, source)
        return genexp

    def expr_IfExp(self, node):
        test, body, orelse = self.expr(node.test), self.expr(node.body), self.expr(node.orelse)
        return lambda frame: body(frame) if test(frame) else orelse(frame)

    def expr_Attribute(self, node):
        if node.attr == "__name__" and isinstance(node.value, A.Attribute) and node.value.attr == "__class__":
            inner = self.expr(node.value.value)     # x.__class__.__name__: the name, never the class
            tensor = self.builtins.get("type")
            return lambda frame: class_name(tensor(inner(frame)) if tensor else type(inner(frame)))
        obj, attr = self.expr(node.value), node.attr
        if (attr in _c_methods() or attr in _c_functions() or attr in _F_TORCH_METHODS or attr in _F_NN_FUNCTIONS
                or attr in _NODE_METHODS or attr in _GENERATOR_METHODS or _c_submodule_functions() and attr in _C_SUBMODULE_FUNCTIONS[1]) and \
                not getattr(node, "_called", False):
            def c_method(frame):   # `x.size` as a value: PyTorch's C method, builtin_function_or_method
                o = obj(frame)
                try:
                    v = load_attr(o, attr)
                except UserAttributeError:
                    raise
                except AttributeError as e:
                    raise self._attribute_error(node, o, attr, e) from None
                except BaseException as e:
                    locate(e, node)
                    raise
                return attribute_value(o, attr, v)
            return c_method

        as_value = attr[0] != "_" and not getattr(node, "_called", False)  # (`f = x.split`: torch/_tensor.py's)

        def attribute(frame):
            o = obj(frame)
            try:
                value = load_attr(o, attr)
                if type(value) is types.FunctionType:
                    return engine_held(value)
                if as_value and type(value) is types.MethodType and isinstance(o, _Tensor):
                    return _python_method(o, attr, value)
                return value
            except UserAttributeError:  # (one a property's getter let out: located where it was raised)
                raise
            except AttributeError as e:
                raise self._attribute_error(node, o, attr, e) from None
            except BaseException as e:
                locate(e, node)
                raise
        return attribute

    def _attribute_error(self, node, obj, attr, exc):
        notes = []
        note = did_you_mean(attr, [n for n in attribute_names(obj) if n != attr])  # (not itself: a property
        # whose getter failed, as Python's suggestion leaves it out)
        where = f"{obj._name}.{attr}" if isinstance(obj, (Namespace, _EngineNamespace)) else None
        if where in _NOT_PROVIDED:
            notes.append(Note(f"tensorsh does not provide {where} ({_NOT_PROVIDED[where]})"))
        elif isinstance(obj, _EngineNamespace) and obj._name == "torch.distributed":
            notes.append(Note(f"tensorsh provides only torch.distributed.is_available and is_initialized "
                              f"({_NOT_PROVIDED['torch.distributed']})"))
        elif note:
            notes.append(note)
        elif attr.startswith("_"):
            notes.append(Note("tensorsh does not expose Python internals"))
        err = UserAttributeError("AttributeError", str(exc), self.source.filename, node.line, node.col, node.end_col,
                        self.source.line(node.line), notes=notes, end_line=node.end_line)
        err.fields = {"name": attr, "obj": obj}
        refused_getter = str(exc).endswith("objects is not readable")  # (a C setter without a getter: Python
        if str(exc).endswith(f"has no attribute '{attr}'") or refused_getter:  # suggests among the other names)
            candidates = suggestion_candidates(obj)
            if refused_getter or attr not in candidates or not isinstance(exc, NoAttribute):  # (a name the
                # language refuses is there in Python: no error, no hint; one Python itself found missing, a
                # property whose getter failed, gets Python's hint among the other names)
                err.suggestion = python_suggestion(attr, [c for c in candidates if c != attr])
        return err

    def subscript(self, node):
        if isinstance(node, A.Slice):
            parts = [self.expr(p) if p is not None else None for p in (node.lower, node.upper, node.step)]
            lo, hi, st = parts
            return lambda frame: slice(lo(frame) if lo else None, hi(frame) if hi else None, st(frame) if st else None)
        if isinstance(node, A.TupleExpr):
            items = tuple(self.subscript(e) for e in node.elts)
            return lambda frame: tuple([i(frame) for i in items])
        return self.expr(node)

    def expr_Subscript(self, node):
        obj, key = self.expr(node.value), self.subscript(node.index)

        def index(frame):
            o = obj(frame)
            k = key(frame)
            try:
                return o[k]
            except BaseException as e:
                locate(e, node)
                raise
        return index

    def expr_Slice(self, node):
        raise self.error(node, "SyntaxError", "invalid syntax", detail="a slice ':' is only valid inside []")

    def _super_call(self, node):
        """Zero-argument super(): the class being defined and the method's first argument."""
        where = self.scope.resolve(CLASS_CELL)
        scope = self.scope
        has_first = scope.kind == "function" and bool(scope.slots) and next(iter(scope.slots)) != CLASS_CELL
        cell = self.expr(A.Name(CLASS_CELL, line=node.line, col=node.col, end_line=node.end_line,
                                end_col=node.end_col)) if where[0] in ("local", "free") else None
        py_super = super

        def zero_arg_super(frame):
            if cell is None:
                e = RuntimeError("super(): __class__ cell not found")
            elif not has_first:
                e = RuntimeError("super(): no arguments")
            else:
                cls = cell(frame)
                if cls is None:
                    e = RuntimeError("super(): empty __class__ cell")
                else:
                    return py_super(cls, frame[2])
            locate(e, node)
            raise e
        return zero_arg_super

    def _asked(self, node, func, call):
        """`why(...)` sees its argument unrun (tensorsh.lang.questions); any other call is `call` itself."""
        if node.func.__class__ is A.Name and node.func.id == "why":
            from tensorsh.lang import questions
            if questions.asks(node):
                return questions.compile_why(self, node, func, call)
        return call

    def expr_Call(self, node):
        if isinstance(node.func, A.Name) and node.func.id == "super" and not node.args and not node.keywords \
                and self.scope.resolve("super")[0] == "global" and "super" not in self.variables:
            return self._super_call(node)
        if node.func.__class__ is A.Attribute:
            node.func._called = True   # (x.size(0): the bound method itself, no value of its own)
        func = self.expr(node.func)
        args = tuple(self._argument(a, len(node.args) == 1) for a in node.args)
        kwargs = tuple((k.name, self.expr(k.value)) for k in node.keywords if isinstance(k, A.Keyword))
        spreads = tuple(self.expr(k.value) for k in node.keywords if isinstance(k, A.DoubleStarred))
        special = self.hooks.special_call
        texts = tuple(self.source.text_of(a) for a in node.args)
        if any(isinstance(a, A.Starred) for a in node.args):
            def positional(frame):
                return _spliced([x(frame) for x in args])
        elif len(args) == 0:
            def positional(frame):
                return ()
        elif len(args) == 1:
            (arg,) = args

            def positional(frame):
                return (arg(frame),)
        else:
            def positional(frame):
                return [x(frame) for x in args]

        if not kwargs and not spreads and len(args) <= 2 and not any(isinstance(a, A.Starred) for a in node.args):
            loc = None
            stmt = self.statement_call
            if stmt is not None and stmt[0] is node and stmt[2] and not (
                    node.func.__class__ is A.Name and node.func.id == "why"):
                loc, self.statement_call = stmt[1], None
            return self._asked(node, func, self._fast_call(node, func, args, special, texts, loc))
        if not kwargs and not spreads:
            def call(frame):
                f = func(frame)
                a = _call_args(positional, frame, f)
                try:
                    if a and type(a[0]) is range and len(a[0]) > MAX_ITEMS and _sized_type(f):
                        raise Limit("MemoryError", f"range of {len(a[0])} items is too long "
                                                   f"(tensorsh's limit is {MAX_ITEMS})")
                    if isinstance(f, SessionCall):
                        return special(f, list(a), {}, texts, node)
                    return f(*a)
                except BaseException as e:
                    located_call(e, node)
                    raise
            return self._asked(node, func, call)

        def call_kw(frame):
            f = func(frame)
            a = _call_args(positional, frame, f)
            kw = {k: v(frame) for k, v in kwargs}
            for s in spreads:
                m = s(frame)
                if not hasattr(m, "keys"):
                    e = TypeError(f"{function_str(f)} argument after ** must be a mapping, not {type_name(m)}")
                    locate(e, node)
                    raise e
                for key in m.keys():
                    if key in kw:
                        e = TypeError(f"{function_str(f)} got multiple values for keyword argument '{key}'")
                        locate(e, node)
                        raise e
                    kw[key] = m[key]
            try:
                if isinstance(f, SessionCall):
                    return special(f, list(a), kw, texts, node)
                return f(*a, **kw)
            except BaseException as e:
                located_call(e, node)
                raise
        return call_kw

    def _fast_call(self, node, func, args, special, texts, loc):
        """A call with at most two plain positional arguments (most calls): no argument list is built; a global
        function's name, a global name or a constant as an argument are read in place, not by a closure each.
        `loc`: the call is a statement of its own inside a block, and notes where it runs (no wrapper)."""
        get = bget = _NOTHING.get
        name = None
        if isinstance(node.func, A.Name) and self.scope.resolve(node.func.id)[0] == "global":
            get, bget, name = self.variables.get, self.builtins.get, node.func.id
        slow = func
        kinds = tuple(self._fast_arg(a) for a in node.args)
        if len(args) == 0:
            def call0(frame):
                if loc is not None:
                    _UNDO["_location"] = loc
                f = get(name, _MISSING)
                if f is _MISSING:
                    f = bget(name, _MISSING)
                    if f is _MISSING or f.__class__ is Lazy:
                        f = slow(frame)
                try:
                    if isinstance(f, SessionCall):
                        r = special(f, [], {}, texts, node)
                    else:
                        r = f()
                except BaseException as e:
                    located_call(e, node)
                    raise
                return r if loc is None else None     # a statement returns no signal
            return call0
        vget = self.variables.get
        if len(args) == 1:
            (a0,), ((k0, v0),) = args, kinds

            def call1(frame):
                if loc is not None:
                    _UNDO["_location"] = loc
                f = get(name, _MISSING)
                if f is _MISSING:
                    f = bget(name, _MISSING)
                    if f is _MISSING or f.__class__ is Lazy:
                        f = slow(frame)
                if k0 is _GLOBAL:
                    x = vget(v0, _MISSING)
                    if x is _MISSING:
                        x = a0(frame)
                else:
                    x = v0 if k0 is _CONST else a0(frame)
                try:
                    if type(x) is range and len(x) > MAX_ITEMS and _sized_type(f):
                        raise Limit("MemoryError", f"range of {len(x)} items is too long "
                                                   f"(tensorsh's limit is {MAX_ITEMS})")
                    if isinstance(f, SessionCall):
                        r = special(f, [x], {}, texts, node)
                    else:
                        r = f(x)
                except BaseException as e:
                    located_call(e, node)
                    raise
                return r if loc is None else None
            return call1
        (a0, a1), ((k0, v0), (k1, v1)) = args, kinds

        def call2(frame):
            if loc is not None:
                _UNDO["_location"] = loc
            f = get(name, _MISSING)
            if f is _MISSING:
                f = bget(name, _MISSING)
                if f is _MISSING or f.__class__ is Lazy:
                    f = slow(frame)
            if k0 is _GLOBAL:
                x = vget(v0, _MISSING)
                if x is _MISSING:
                    x = a0(frame)
            else:
                x = v0 if k0 is _CONST else a0(frame)
            if k1 is _GLOBAL:
                y = vget(v1, _MISSING)
                if y is _MISSING:
                    y = a1(frame)
            else:
                y = v1 if k1 is _CONST else a1(frame)
            try:
                if isinstance(f, SessionCall):
                    r = special(f, [x, y], {}, texts, node)
                else:
                    r = f(x, y)
            except BaseException as e:
                located_call(e, node)
                raise
            return r if loc is None else None
        return call2

    def _fast_arg(self, node):
        """How a fast call reads an argument: (_CONST, value), (_GLOBAL, name) or (None, None): its closure."""
        if node.__class__ is A.Const:
            return _CONST, node.value
        if node.__class__ is A.Name and self.scope.resolve(node.id)[0] == "global":
            return _GLOBAL, node.id
        return None, None

    def _argument(self, node, alone_in_call=False):
        """A positional argument as fn(frame); `*value` as a closure yielding a _Spread of its items (alone_in_call:
        a call's one positional argument, whose error names the function)."""
        if not isinstance(node, A.Starred):
            return self.expr(node)
        value = self.expr(node.value)

        def spread(frame):
            v = value(frame)
            n = len(v) if hasattr(v, "__len__") else 0
            if n > MAX_ITEMS:
                _too_long(n)
            try:
                return _Spread(v)
            except TypeError:
                e = _not_iterable(v, alone_in_call)
                locate(e, node)
                raise e from None
        return spread

    def expr_FString(self, node):
        pieces = []
        for part in node.parts:
            if isinstance(part, str):
                pieces.append(part)
                continue
            value = self.expr(part.value)
            conv = {"r": repr, "s": str, "a": ascii}.get(part.conversion)
            if part.self_doc and conv is None and not part.spec:
                conv = repr
            spec = part.spec or ""
            if type(spec) is list:          # f"{x:{w}.{p}f}": the spec is an f-string of its own
                spec = self.expr_FString(A.FString(spec, line=part.line, col=part.col, end_line=part.end_line,
                                                   end_col=part.end_col))
            else:
                try:
                    check_format_spec(spec)
                except Limit as e:
                    raise self.error(part, e.kind, e.message) from None
            pieces.append((value, conv, spec, part.self_doc or "", part))
        pieces = tuple(pieces)

        def fstring(frame):
            out = []
            for p in pieces:
                if type(p) is str:
                    out.append(p)
                    continue
                value, conv, spec, prefix, part = p
                v = value(frame)
                try:
                    if conv is not None:
                        v = conv(v)
                    if type(spec) is not str:
                        spec = spec(frame)
                        check_format_spec(spec)
                    out.append(prefix + format(v, spec))
                except BaseException as e:
                    locate(e, part)
                    raise
            return "".join(out)
        return fstring

    def expr_Yield(self, node):       # a yield the generator compiler did not take (tensorsh.lang.generators)
        raise generators.refuse(self, node)

    def expr_Keyword(self, node):  # pragma: no cover - keywords are compiled by expr_Call
        raise self.error(node, "SyntaxError", "invalid syntax")


def _parent_frame(scope):
    """How a function or comprehension made in `scope` finds its parent frame from the running frame."""
    if scope.kind == "module":
        return lambda frame: None
    if scope.kind == "class":
        return lambda frame: frame[0]
    return lambda frame: frame


def _walrus_targets(node, out):
    if isinstance(node, A.NamedExpr):
        out.append(node.target)
    if isinstance(node, A.Lambda):
        return out
    from tensorsh.lang.scope import children
    for c in children(node):
        _walrus_targets(c, out)
    return out


def _has_signal(body):
    """Whether a loop body can break, continue or return (else the loop runs without checking)."""
    stack = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, (A.Break, A.Continue, A.Return)):
            return True
        if isinstance(n, (A.FunctionDef, A.ClassDef)):
            continue
        for k in ("body", "orelse", "finalbody", "handlers"):
            stack.extend(getattr(n, k, ()) or ())
    return False


def _engine_name(members, value, default):
    """The name under which members (a class's dict, a namespace) holds value (an error's text: a linear search)."""
    return next((k for k, v in members.items() if v is value), default)


def _call_args(positional, frame, f):
    """A call's positional arguments; a `*value` that is no iterable, the call's one positional argument, names the
    function, as CPython's CALL_FUNCTION_EX does (beside others the arguments are a list extended by it)."""
    try:
        return positional(frame)
    except TypeError as e:
        of = e.__dict__.pop("_tsh_spread_of", None)  # (taken: a call around this one renames nothing)
        if of is not None:
            e.args = (f"{function_str(f)} argument after * must be an iterable, not {of}",)
        raise


def _sized_type(f):
    """f is a type a call fills from an iterable (list, set, ...): asked without hashing f (a program's object
    with `__eq__` and no `__hash__` is callable and unhashable)."""
    return isinstance(f, type) and f in SIZED_TYPES


def unbound(unbind, frame):
    """After an `except ... as e` block: e is unbound, as in Python (already unbound is fine)."""
    if unbind is not None:
        try:
            unbind(frame)
        except UserError:
            pass


def _catchable(wanted):
    if isinstance(wanted, tuple):
        return all(_catchable(w) for w in wanted)
    return isinstance(wanted, type) and issubclass(wanted, BaseException)


def _exception_value(value, node):
    """What `raise value` raises: an instance of an exception class (a class is called first)."""
    if isinstance(value, type) and issubclass(value, BaseException):
        value = value()
    if not isinstance(value, BaseException):
        e = TypeError("exceptions must derive from BaseException")
        locate(e, node)
        raise e
    return python_exception(value)


def _located(fn, node):
    def run(frame):
        try:
            return fn(frame)
        except BaseException as e:
            locate(e, node)
            raise
    return run


from tensorsh.lang import generators  # noqa: E402 - it builds on this module's closures

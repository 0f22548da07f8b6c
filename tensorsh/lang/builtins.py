"""The one table of builtins, where the short spelling and the PyTorch spelling meet.

`torch.<name>` resolves through the engine's NAMESPACE; every name there is also a bare builtin.
Python's own builtins (print, len, range, sum, max, ...) keep Python's meaning, as in a pasted
script. Short forms: `tensor(..., grad)`, `backward(y, retain)`, `grad(y, x)`, `deepcopy(x)`,
`with no_grad:`, `graph(y)` (= torchviz's `make_dot`), `show(...)`.
"""
import builtins as _py

from tensorsh.engine.namespaces import Namespace as TorchNamespace
from tensorsh.lang.compiler import Deprecated, Lazy, Namespace, NoAttribute, Limit, MAX_ITEMS, SessionCall, USER_CLASSES, \
    TYPE_OF, HASH_OF, builtin_function_or_method, attribute_names, attribute_value, check_format_spec, guarded_pow, delete_attr, load_attr, store_attr

CREATION = ("tensor", "ones", "zeros", "full", "empty", "rand", "randn", "randint", "arange", "linspace", "eye",
            "ones_like", "zeros_like", "full_like", "empty_like", "rand_like", "randn_like", "as_tensor")
MODULES = ("torch", "torch.autograd", "copy", "torchviz")


class Flag:
    """A bare word that stands for a keyword argument: `retain`, `create`."""

    __api__ = frozenset()

    def __init__(self, name, meaning):
        self.name, self.meaning = name, meaning

    def __repr__(self):
        return self.name


RETAIN = Flag("retain", "retain_graph=True")
CREATE = Flag("create", "create_graph=True")


class Special(SessionCall):
    """A builtin the session runs itself, because it needs the session (show, graph)."""

    __api__ = frozenset()

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<built-in function {self.name}>"


SHOW = Special("show")
GRAPH = Special("graph")
WHY = Special("why")            # answers (tensorsh.render.why); its argument reaches the session unrun
HISTORY = Special("history")
COMPARE = Special("compare")


def _engine():
    from tensorsh.engine import torch_api
    return torch_api.NAMESPACE, torch_api.COPY


def _flags(args, kwargs):
    """Move `grad`, `retain`, `create` flags from positional arguments into keywords."""
    rest = []
    for a in args:
        if a is GRAD:
            kwargs["requires_grad"] = True
        elif a is RETAIN:
            kwargs["retain_graph"] = True
        elif a is CREATE:
            kwargs["create_graph"] = True
        else:
            rest.append(a)
    return rest


def _with_grad_flag(fn, name):
    def create(*args, **kwargs):
        return fn(*_flags(args, kwargs), **kwargs)
    create.__name__ = name
    return create


class GradFunction:
    """`grad(y, x)` is torch.autograd.grad(y, x); a bare `grad` in a creation call means requires_grad=True."""

    __api__ = frozenset()

    def __init__(self, autograd):
        self._autograd = autograd

    def __call__(self, *args, **kwargs):
        return self._autograd.grad(*_flags(args, kwargs), **kwargs)

    def __repr__(self):
        return "<built-in function grad>"


GRAD = GradFunction(None)


def backward(tensor, *args, **kwargs):
    """`backward(y)`, `backward(y, retain)`, `backward(y, ones(5))`, `backward(y, create)`."""
    rest = _flags(args, kwargs)
    return tensor.backward(*rest, **kwargs)


# ---- Python's builtins, guarded where a C loop could hang or eat memory ----
def _check_size(*values):
    for v in values:
        if type(v) is range and len(v) > MAX_ITEMS:
            raise Limit("MemoryError", f"range of {len(v)} items is too long (tensorsh's limit is {MAX_ITEMS})")


def _sized(fn):
    def guarded(*args, **kwargs):
        _check_size(*args)
        return fn(*args, **kwargs)
    guarded.__name__ = fn.__name__
    return guarded


def _round(number, ndigits=None):
    return _py.round(number) if ndigits is None else _py.round(number, ndigits)


def _pow(base, exp, mod=None):
    return guarded_pow(base, exp) if mod is None else _py.pow(base, exp, mod)


def _hasattr(obj, name):
    try:
        load_attr(obj, name)
    except AttributeError:
        return False
    return True


_NO_DEFAULT = object()


def _getattr(obj, name, default=_NO_DEFAULT):
    """getattr through the language's attribute rules (never a Python internal)."""
    if not isinstance(name, str):
        raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
    try:
        return attribute_value(obj, name, load_attr(obj, name))
    except AttributeError:
        if default is _NO_DEFAULT:
            raise
        return default


class BuiltinFunction:
    """A builtin the language implements in Python, seen by a program as CPython's own: `print(len)` and
    `repr(print)` give `<built-in function print>`, `type(print).__name__` is 'builtin_function_or_method'.
    Each is an instance of a class of its own whose `__call__` is the function (no extra frame per call)."""

    __slots__ = ("__weakref__",)
    __api__ = frozenset()

    def __repr__(self):
        return f"<built-in function {self.__name__}>"

    def __reduce__(self):       # deepcopy/copy keep the one builtin
        return self.__name__


def builtin(name, fn):
    return type("builtin_function_or_method", (BuiltinFunction,),
                {"__slots__": (), "__call__": staticmethod(fn), "__name__": name, "__qualname__": name})()


class TypeOf:
    """type(x): Python's answer, except that a tensor's type is torch.Tensor (as in PyTorch) and a class's type
    is this object, never Python's `type` (which would make classes outside the language's rules)."""

    __api__ = frozenset()
    __name__ = "type"

    def __init__(self, tensor_class):
        self._tensor = tensor_class

    def __call__(self, *args):
        if len(args) != 1:
            raise TypeError("type() takes 1 argument in tensorsh (a class is made with a class statement)")
        obj = args[0]
        if isinstance(obj, (BuiltinFunction, builtin_function_or_method)):  # (torch.add, x.add, grad_fn.name)
            return _BUILTIN_TYPE
        if type(obj) in (Namespace, TorchNamespace):  # (torch, torch.autograd.graph, torch.nn.functional)
            return _MODULE_TYPE
        if obj is self:
            return self
        if isinstance(obj, self._tensor) and _py.type(obj).__name__ == "Tensor":  # (a Parameter is its own class)
            return self._tensor
        kind = _py.type(obj)
        if kind.__module__.startswith("tensorsh.engine") and isinstance(obj, _node_base()):
            return node_class(obj)
        if kind is NoAttribute:  # (the language's own refusal is Python's AttributeError to a program)
            return AttributeError
        return self if issubclass(kind, _py.type) else kind

    def __instancecheck__(self, obj):
        return isinstance(obj, _py.type)

    def __repr__(self):
        return "<class 'type'>"


def _format(value, spec=""):
    check_format_spec(spec)
    return _py.format(value, spec)


def _vars(*args):
    """vars(obj): obj.__dict__ where the language shows it (a tensor's, a program's object's), Python's TypeError
    for a value without one."""
    if len(args) != 1:
        raise TypeError("vars() takes 1 argument in tensorsh (vars() of the running scope is not supported)")
    obj = args[0]
    if not hasattr(obj, "__dict__") or isinstance(obj, type) and obj not in USER_CLASSES:
        raise TypeError("vars() argument must have __dict__ attribute")
    return load_attr(obj, "__dict__")


def _dir(*args):
    """dir(obj): Python's answer (names only) for Python's values and a program's objects and classes; for an
    engine object the names the language lets a program read on it (PyTorch's own list is longer)."""
    if len(args) != 1:
        raise TypeError("dir() takes 1 argument in tensorsh (dir() of the running scope is not supported)")
    obj = args[0]
    kind = obj if isinstance(obj, type) else _py.type(obj)
    if all(c in USER_CLASSES or c.__module__ == "builtins" for c in kind.__mro__):
        return [n for n in _py.dir(obj) if n[:5] != "__tsh"]
    tensor_class = getattr(obj, "__class_api__", None) if isinstance(obj, type) else None
    if tensor_class is not None:  # (torch.Tensor and the legacy types: a tensor's names, and their own)
        from tensorsh.engine.tensorimpl import Tensor
        return sorted(Tensor.__api__ | tensor_class.attributes)
    names = obj.__torch_dir__() if hasattr(kind, "__torch_dir__") and not isinstance(obj, type) else None
    if names is not None:  # (an engine object that knows PyTorch's whole list: a graph node)
        return names
    names = set(attribute_names(obj)) | set(getattr(obj, "__dict__", {}) if hasattr(kind, "__readonly__") else ())
    if not isinstance(obj, type) and kind.__dir__ is not object.__dir__:  # (a class with its own __dir__ says which
        names &= set(obj.__dir__())                                       # it lists: Module's leaves out '0', '1')
    return sorted(names)


def _setattr(obj, name, value):
    if not isinstance(name, str):
        raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
    store_attr(obj, name, value)


def _delattr(obj, name):
    if not isinstance(name, str):
        raise TypeError("attribute name must be string, not '%s'" % type(name).__name__)
    delete_attr(obj, name)


_BUILTIN_TYPE, _MODULE_TYPE = type(len), type(_py)


def _node_base():
    from tensorsh.engine.autograd import Node
    return Node


class _NodeClass(type):
    """The class PyTorch shows for a graph node (`<class 'ViewBackward0'>`), whichever engine class computes it:
    a node is an instance of it when its name is the class's."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, _node_base()) and _shown_name(obj) == cls.__name__

    def __repr__(cls):
        return f"<class '{cls.__name__}'>"


_NODE_CLASSES = {}


def _shown_name(node):
    """The name of a node's Python type: its name's last part, or CppFunction for a C++ node of no Python type
    (unpack_dual's primal's torch::autograd::Identity)."""
    return "CppFunction" if type(node).__name__ == "CppFunction" else node.name().rsplit("::", 1)[-1]


def node_class(node):
    """type(grad_fn): one class per PyTorch node name (so `type(a.grad_fn) is type(b.grad_fn)` when the names agree)."""
    name = _shown_name(node)
    cls = _NODE_CLASSES.get(name)
    if cls is None:
        cls = _NODE_CLASSES[name] = _NodeClass(name, (), {"__api__": frozenset(), "__module__": "builtins",
                                                           "stands_for_node": True})
    return cls


class Ids:
    """id(x): small numbers in the order a program first asks, stable while the session lives (never addresses)."""

    def __init__(self):
        self.numbers = {}

    def __call__(self, obj):
        key = _py.id(obj)
        entry = self.numbers.get(key)
        if entry is None or entry[1] is not obj:
            entry = self.numbers[key] = (len(self.numbers) + 1, obj)   # holds obj: its number is never reused
        return entry[0]


# Python's own exception classes, as a program names them in `except` and `raise`.
EXCEPTIONS = ("BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError", "IndexError",
              "KeyError", "LookupError", "NameError", "NotImplementedError", "OverflowError", "RecursionError",
              "RuntimeError", "StopIteration", "TypeError", "ValueError", "ZeroDivisionError", "KeyboardInterrupt",
              "MemoryError", "ImportError", "ModuleNotFoundError", "UnboundLocalError", "FloatingPointError",
              "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning", "GeneratorExit", "OSError",
              "FileNotFoundError", "PermissionError", "IsADirectoryError", "IOError", "EOFError", "FutureWarning",
              "PendingDeprecationWarning", "SyntaxWarning", "ResourceWarning", "ImportWarning", "UnicodeWarning",
              "BytesWarning")
# Types a call may fill from an iterable: a huge range is refused before Python's C loop would fill memory.
SIZED_TYPES = frozenset({_py.list, _py.tuple, _py.set, _py.frozenset, _py.dict, _py.bytearray})


def python_builtins(print_fn):
    from tensorsh.engine.tensorimpl import Tensor
    ids = Ids()

    def hash_of(obj):  # (PyTorch's Tensor.__hash__ is id(self))
        return ids(obj) if isinstance(obj, Tensor) else _py.hash(obj)
    table = {
        "print": builtin("print", print_fn), "len": _py.len, "range": _py.range, "int": _py.int, "float": _py.float,
        "bool": _py.bool, "str": _py.str, "repr": _py.repr, "abs": _py.abs, "round": builtin("round", _round), "pow": builtin("pow", _pow),
        "enumerate": _py.enumerate, "zip": _py.zip, "reversed": _py.reversed, "slice": _py.slice,
        "isinstance": _py.isinstance, "issubclass": _py.issubclass, "hasattr": builtin("hasattr", _hasattr), "getattr": builtin("getattr", _getattr),
        "setattr": builtin("setattr", _setattr), "vars": builtin("vars", _vars), "dir": builtin("dir", _dir), "delattr": builtin("delattr", _delattr), "list": _py.list, "tuple": _py.tuple, "set": _py.set, "frozenset": _py.frozenset,
        "dict": _py.dict, "iter": _py.iter, "next": _py.next, "map": _py.map, "filter": _py.filter,
        "callable": _py.callable, "id": builtin("id", ids), "divmod": _py.divmod, "chr": _py.chr, "ord": _py.ord,
        "hex": _py.hex, "bin": _py.bin, "oct": _py.oct, "format": builtin("format", _format), "hash": builtin("hash", hash_of), "complex": _py.complex,
        "object": _py.object, "super": _py.super, "staticmethod": _py.staticmethod,
        "classmethod": _py.classmethod, "property": _py.property, "NotImplemented": _py.NotImplemented,
        "Ellipsis": _py.Ellipsis, "ascii": _py.ascii,
        "bytes": _py.bytes, "bytearray": _py.bytearray, "memoryview": _py.memoryview,  # (torch.frombuffer's buffers)
        "__name__": "__main__",  # (a program is its script's main module: `if __name__ == "__main__": main()`)
    }
    for fn in (_py.min, _py.max, _py.sum, _py.sorted, _py.any, _py.all):
        table[fn.__name__] = builtin(fn.__name__, _sized(fn))
    for name in EXCEPTIONS:
        table[name] = getattr(_py, name)
    return table


# The bare names Python itself has; every other bare builtin (`ones`, `e`, `pi`, `torch`, ...) is the shell's
# shorthand, which a name the program bound and then unbound (`del e`, the end of `except ... as e`) no longer
# falls back to: Python finds only its builtins there.
PYTHON_NAMES = frozenset(python_builtins(None)) | {"type"}


def _math():
    import math
    members = {k: getattr(math, k) for k in dir(math) if not k.startswith("_")}
    for name in ("factorial", "comb", "perm"):
        members[name] = _bounded(getattr(math, name))
    return Namespace("math", members)


def _bounded(fn):
    def bounded(*args):
        if any(type(a) is int and a > 100_000 for a in args):
            raise Limit("OverflowError", f"{fn.__name__}() argument too large for tensorsh (more than 100000)")
        return fn(*args)
    bounded.__name__ = fn.__name__
    return bounded


def _random():
    import random
    rng = random.Random()     # Python's own Mersenne Twister: random.seed(n) gives CPython's numbers
    names = ("seed", "random", "randint", "randrange", "uniform", "choice", "choices", "shuffle", "sample",
             "gauss", "normalvariate", "getrandbits", "betavariate", "expovariate", "triangular", "lognormvariate")
    return Namespace("random", {n: getattr(rng, n) for n in names})


def _time():
    import time
    names = ("perf_counter", "perf_counter_ns", "process_time", "process_time_ns", "time", "time_ns", "monotonic",
             "sleep")
    return Namespace("time", {n: getattr(time, n) for n in names})


def _collections():
    import collections
    members = {n: getattr(collections, n) for n in ("OrderedDict", "defaultdict", "Counter", "deque")}
    members["namedtuple"] = builtin("namedtuple", _namedtuple)
    return Namespace("collections", members)


def _namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """collections.namedtuple, the class a program's own (its fields and methods readable, `__main__`'s name)."""
    import collections
    cls = collections.namedtuple(typename, field_names, rename=rename, defaults=defaults, module=module or "__main__")
    cls.__tsh_user__ = True
    return cls


def _types():
    """types.SimpleNamespace, a program's config object (`cfg = SimpleNamespace(lr=0.1)`): its attributes the
    program's own, as a class of its own has them; Python's repr, equality and texts."""

    class SimpleNamespace:
        __tsh_user__ = True
        __hash__ = None

        def __init__(self, *args, **kwargs):
            if args:
                raise TypeError("no positional arguments expected")
            self.__dict__.update(kwargs)

        def __repr__(self):
            return "namespace(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"

        def __eq__(self, other):
            return self.__dict__ == other.__dict__ if isinstance(other, SimpleNamespace) else NotImplemented
    # (Python's tp_name, in its messages: "'types.SimpleNamespace' object has no attribute 'x'")
    SimpleNamespace.__module__, SimpleNamespace.__qualname__ = "types", "SimpleNamespace"
    SimpleNamespace.__name__, SimpleNamespace.__tsh_name__ = "types.SimpleNamespace", "SimpleNamespace"
    return Namespace("types", {"SimpleNamespace": SimpleNamespace})


def _typing():
    import typing
    names = ("Any", "Callable", "Dict", "Iterable", "Iterator", "List", "Optional", "Sequence", "Set", "Tuple",
             "Union", "Mapping", "Type", "NamedTuple")
    return Namespace("typing", {n: getattr(typing, n) for n in names})


_NUMPY_NAMES = (
    "array asarray zeros ones empty full zeros_like ones_like full_like empty_like arange linspace eye identity "
    "concatenate stack vstack hstack reshape transpose squeeze expand_dims sum mean std var max min argmax argmin "
    "prod cumsum abs exp log sqrt sin cos tanh floor ceil sign round clip maximum minimum dot matmul outer where "
    "add subtract multiply divide power square negative mod floor_divide log1p expm1 log2 log10 tan arctan "
    "arcsin arccos sinh cosh ravel flip diff einsum tile repeat count_nonzero nonzero "
    "allclose array_equal isclose isnan isinf isfinite shares_memory may_share_memory copy sort argsort unique "
    "float16 float32 float64 int8 int16 int32 int64 uint8 uint16 uint32 uint64 bool_ dtype ndarray pi e nan inf "
    "newaxis complex64 complex128 str_ int_ intp bool integer floating number generic all any median percentile "
    "triu tril diag trace ascontiguousarray logical_and logical_or logical_not logical_xor argwhere searchsorted "
    "bincount cumprod meshgrid inner vdot cross broadcast_to broadcast_shapes "
    "nansum nanmean nanmax nanmin nanstd nanvar nanargmax nanargmin nanmedian nanprod nancumsum nan_to_num absolute "
    "fabs hypot arctan2 deg2rad rad2deg degrees radians sinc exp2 cbrt reciprocal rint trunc fix around isreal "
    "iscomplex isposinf isneginf signbit copysign heaviside fmax fmin fmod remainder true_divide float_power "
    "logaddexp logaddexp2 average ptp amax amin histogram digitize interp polyfit polyval convolve correlate corrcoef "
    "cov kron atleast_1d atleast_2d atleast_3d column_stack dstack split array_split hsplit vsplit moveaxis swapaxes "
    "rollaxis roll rot90 fliplr flipud pad append insert delete take take_along_axis lexsort partition argpartition "
    "tensordot isin intersect1d union1d setdiff1d equal not_equal greater less greater_equal less_equal array_equiv "
    "gradient trapezoid cumulative_sum cumulative_prod arcsinh arccosh arctanh positive conj conjugate real "
    "imag angle bitwise_and bitwise_or bitwise_xor invert left_shift right_shift ndim size shape result_type "
    "promote_types can_cast longlong tri vander diagflat diagonal indices unravel_index "
    "ravel_multi_index ix_ select choose compress extract flatnonzero longdouble clongdouble "
    # how arrays print: process-wide options the engine's reset_state and a step's undo put back
    "set_printoptions get_printoptions printoptions array2string array_str array_repr format_float_positional "
    "format_float_scientific").split()
_NUMPY_TESTING = "assert_allclose assert_array_equal assert_array_almost_equal assert_equal assert_almost_equal".split()
_NUMPY_DRAWS = "normal standard_normal uniform choice permutation shuffle exponential poisson binomial beta gamma " \
    "multinomial".split()
_NUMPY_RANDOM = "seed rand randn randint random random_sample".split() + _NUMPY_DRAWS
_NUMPY_GENERATOR = ["random", "integers"] + _NUMPY_DRAWS  # (np.random.default_rng's Generator methods)


class NumpyGenerator:
    """np.random.default_rng(seed): numpy's Generator, its draws as the language's arrays."""
    __api__ = frozenset(_NUMPY_GENERATOR)

    def __init__(self, generator, wrap):
        self._generator = generator
        for name in _NUMPY_GENERATOR:
            setattr(self, name, wrap(getattr(generator, name), (0,) if name == "shuffle" else ()))

    def __repr__(self):
        return repr(self._generator)


def _numpy():
    """numpy, as far as tensor experiments need it: arrays made, read, written and shared with tensors
    (`torch.from_numpy`, `.numpy()`). Arrays are the engine's journaled ndarray, so a failed statement takes a
    write back; functions that write (`out=`, `np.random.shuffle`) journal what they write first."""
    import numpy as np
    from tensorsh.engine import arrays, undo

    def as_array(value):
        if type(value) is np.ndarray:
            return arrays.adopt(value)
        if type(value) in (tuple, list) and any(type(v) is np.ndarray for v in value):
            return type(value)(as_array(v) for v in value)
        return value

    def wrap(fn, writes=()):
        def call(*args, **kwargs):
            for target in [kwargs.get(k) for k in writes if k in kwargs] + [args[i] for i in writes if
                                                                            isinstance(i, int) and i < len(args)]:
                for arr in target if isinstance(target, tuple) else (target,):
                    if isinstance(arr, np.ndarray):
                        undo.touch_array(arr)
            # (numpy's own arrays for what it only reads: a subclass takes other paths, nanmax's "All-NaN axis")
            args = [a if i in writes else arrays.plain(a) for i, a in enumerate(args)]
            kwargs = {k: v if k in writes else arrays.plain(v) for k, v in kwargs.items()}
            return as_array(arrays.as_numpy_computes(fn, *args, **kwargs))
        call.__name__ = call.__qualname__ = getattr(fn, "__name__", "function")
        return call

    members = {}
    for name in _NUMPY_NAMES:
        value = getattr(np, name)
        members[name] = wrap(value, ("out",)) if callable(value) and not isinstance(value, type) else value
    random = {n: wrap(getattr(np.random, n), (0,) if n == "shuffle" else ()) for n in _NUMPY_RANDOM}
    random["default_rng"] = lambda seed=None: NumpyGenerator(np.random.default_rng(seed), wrap)
    members["random"] = Namespace("numpy.random", random)
    members["linalg"] = Namespace("numpy.linalg", {n: wrap(getattr(np.linalg, n)) for n in ("norm", "inv", "det")})
    def plain_arrays(fn):  # (numpy's own arrays: its messages print an array's repr by its class's __name__)
        return lambda *args, **kwargs: fn(*(a.view(np.ndarray) if isinstance(a, arrays.ndarray) else a for a in args),
                                          **kwargs)
    members["testing"] = Namespace("numpy.testing", {n: wrap(plain_arrays(getattr(np.testing, n)))
                                                     for n in _NUMPY_TESTING})
    return Namespace("numpy", members)


class Stream:
    """sys.stdout / sys.stderr as a program writes to them (`print(..., file=sys.stderr)`, `sys.stdout.write(s)`):
    through the session's own output."""

    __api__ = frozenset({"write", "flush", "isatty"})

    def __init__(self, name, write):
        self._name, self._write = name, write

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._write(text)
        return len(text)

    def flush(self):
        return None

    def isatty(self):
        return False

    def __repr__(self):
        return f"<_io.TextIOWrapper name='<{self._name}>' mode='w' encoding='utf-8'>"


# What CPython 3.11's sys.getsizeof adds to a tensor's __sizeof__: the GC header and the pre-header of the managed
# __dict__ PyTorch's Tensor type carries (tensorsh's Tensor keeps its __dict__ in a slot, so Python would add less).
_TENSOR_SIZEOF_HEADERS = 32


def _getsizeof(*args, **kwargs):
    """sys.getsizeof: Python's for Python's values (and its argument errors); a tensor's as PyTorch's, the same for
    any tensor (the classic surprise: its storage is not counted)."""
    import sys
    from tensorsh.engine.tensorimpl import Tensor
    if 1 <= len(args) <= 2 and not kwargs and isinstance(args[0], Tensor):
        return args[0].__sizeof__() + _TENSOR_SIZEOF_HEADERS
    return sys.getsizeof(*args, **kwargs)


def _sys(session):
    """sys, for its constants (`torch.set_printoptions(threshold=sys.maxsize)` prints a whole tensor), the session's
    two output streams, the script's argv (`len(sys.argv)`: its path only) and getsizeof."""
    import sys
    members = {n: getattr(sys, n) for n in ("maxsize", "byteorder", "version", "version_info", "float_info",
                                            "platform")}
    members.update(stdout=Stream("stdout", session.write), stderr=Stream("stderr", session.write_err),
                   argv=[session.script_name()], getsizeof=builtin("getsizeof", _getsizeof))
    return Namespace("sys", members)


def _traceback(session):
    """traceback, for the handler that prints what it caught (`traceback.print_exc()`) and goes on."""
    from tensorsh.lang import tracebacks
    from tensorsh.lang.compiler import HANDLING
    stderr = Stream("stderr", session.write_err)
    members = tracebacks.module(stderr, lambda: HANDLING[-1] if HANDLING else None)
    return Namespace("traceback", {name: builtin(name, fn) for name, fn in members.items()})


def _pprint(session):
    """pprint's pretty forms of a program's containers (a state dict, a config of tensors), written where the
    session writes (`pprint(obj)`, or to a `stream=` the program gives)."""
    import pprint

    def printer(name, sorted_by_default):
        def write(obj, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=sorted_by_default,
                  underscore_numbers=False):
            text = pprint.pformat(obj, indent=indent, width=width, depth=depth, compact=compact,
                                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers) + "\n"
            session.write(text) if stream is None else stream.write(text)
        return builtin(name, write)
    return Namespace("pprint", {"pprint": printer("pprint", True), "pp": printer("pp", False),
                                "pformat": pprint.pformat, "saferepr": pprint.saferepr,
                                "isreadable": pprint.isreadable, "isrecursive": pprint.isrecursive})


def _itertools():
    """itertools (an optimizer over two models' `chain`ed parameters, a grid's `product`); the endless ones (count,
    cycle, repeat) stop with tensorsh's limit past MAX_ITEMS items (`list()` of one would fill memory), and the
    combinatorial ones are refused, as a long range is, when they would yield more than MAX_ITEMS."""
    import itertools
    import math

    def counted(fn, count):
        def guarded(*args, **kwargs):
            sizes = [len(a) if isinstance(a, (list, tuple, range, str)) else None for a in args]
            n = count(sizes, args, kwargs) if args and None not in sizes else 0
            if n > MAX_ITEMS:
                raise Limit("MemoryError", f"{fn.__name__}() of {n} items is too long (tensorsh's limit is {MAX_ITEMS})")
            return fn(*args, **kwargs)
        guarded.__name__ = guarded.__qualname__ = fn.__name__
        return guarded

    def r_of(args, kwargs):
        r = args[1] if len(args) > 1 else kwargs.get("r")
        return r if isinstance(r, int) and r >= 0 else None

    def product(sizes, args, kwargs):
        return math.prod(sizes) ** kwargs.get("repeat", 1) if isinstance(kwargs.get("repeat", 1), int) else 0

    def combinations(sizes, args, kwargs):
        r = r_of(args, kwargs)
        return 0 if r is None else math.comb(sizes[0], r)

    def with_replacement(sizes, args, kwargs):
        r = r_of(args, kwargs)
        return 0 if r is None or not sizes[0] else math.comb(sizes[0] + r - 1, r)

    def permutations(sizes, args, kwargs):
        r = r_of(args, kwargs)
        return math.factorial(sizes[0]) if r is None else math.perm(sizes[0], r)

    def endless(fn):  # (count, cycle, repeat without times: refused past MAX_ITEMS items, as a long range is)
        def bounded(*args, **kwargs):
            for n, item in enumerate(fn(*args, **kwargs)):
                if n == MAX_ITEMS:
                    raise Limit("MemoryError", f"{fn.__name__}() past {MAX_ITEMS} items (tensorsh's limit)")
                yield item
        bounded.__name__ = bounded.__qualname__ = fn.__name__
        return bounded

    members = {n: getattr(itertools, n) for n in ("chain", "islice", "accumulate", "zip_longest", "starmap", "groupby",
                                                  "pairwise", "compress", "dropwhile", "takewhile", "filterfalse")}
    members.update({fn.__name__: endless(fn) for fn in (itertools.count, itertools.cycle, itertools.repeat)})
    for fn, count in ((itertools.product, product), (itertools.combinations, combinations),
                      (itertools.combinations_with_replacement, with_replacement),
                      (itertools.permutations, permutations)):
        members[fn.__name__] = counted(fn, count)
    return Namespace("itertools", members)


def _dataclasses():
    """dataclasses, for a training script's config class (`@dataclass class Config: lr: float = 1e-3`)."""
    import dataclasses
    return Namespace("dataclasses", {n: getattr(dataclasses, n) for n in ("dataclass", "field", "asdict", "astuple",
                                                                          "replace", "fields", "is_dataclass",
                                                                          "FrozenInstanceError", "MISSING", "make_dataclass",
                                                                          "InitVar", "KW_ONLY")})


def _functools():
    """functools' partial (a scheduler's `lr_lambda=partial(warmup, steps=100)`), reduce, the decorators' helpers
    (`@functools.wraps(fn)` copies the name and docstring a program reads back) and the caches."""
    import functools
    return Namespace("functools", {name: getattr(functools, name) for name in (
        "partial", "reduce", "wraps", "update_wrapper", "lru_cache", "cache", "cmp_to_key", "cached_property",
        "total_ordering")})


def _operator():
    """operator's functions (`reduce(operator.mul, shape)`, `sorted(pairs, key=itemgetter(1))`); attrgetter and
    methodcaller read attributes by the language's rules, as `obj.name` does."""
    import operator
    members = {name: getattr(operator, name) for name in (
        "add sub mul truediv floordiv mod pow matmul neg pos abs not_ truth eq ne lt le gt ge and_ or_ xor invert "
        "lshift rshift index concat contains countOf indexOf getitem setitem delitem is_ is_not iadd isub imul "
        "itruediv ifloordiv imod ipow imatmul iand ior ixor ilshift irshift length_hint itemgetter").split()}

    def attrgetter(*names):
        def get(obj, dotted):
            for part in dotted.split("."):
                obj = load_attr(obj, part)
            return obj
        if len(names) == 1:
            return lambda obj: get(obj, names[0])
        return lambda obj: tuple(get(obj, n) for n in names)

    def methodcaller(name, *args, **kwargs):
        return lambda obj: load_attr(obj, name)(*args, **kwargs)
    members.update(attrgetter=attrgetter, methodcaller=methodcaller)
    return Namespace("operator", members)


def _statistics():
    """statistics' summaries of a program's numbers (losses gathered with .item())."""
    import statistics
    return Namespace("statistics", {name: getattr(statistics, name) for name in (
        "mean", "fmean", "median", "median_low", "median_high", "mode", "multimode", "stdev", "pstdev", "variance",
        "pvariance", "geometric_mean", "harmonic_mean", "quantiles", "StatisticsError")})


def _json():
    """json's text forms of a program's values (no files: dumps and loads)."""
    import json
    return Namespace("json", {"dumps": json.dumps, "loads": json.loads, "JSONDecodeError": json.JSONDecodeError})


def _io():
    """io, for the in-memory files `torch.save`/`torch.load` take in place of a path (a state dict copied through a
    BytesIO); nothing here touches the file system."""
    import io
    return Namespace("io", {"BytesIO": io.BytesIO, "StringIO": io.StringIO, "SEEK_SET": io.SEEK_SET,
                            "SEEK_CUR": io.SEEK_CUR, "SEEK_END": io.SEEK_END})


def _abc():
    """abc's ABC and abstractmethod, for a program's base classes (`class Model(ABC)` with an `@abstractmethod`):
    instantiating one with abstract methods left fails with Python's TypeError."""
    import abc
    return Namespace("abc", {"ABC": abc.ABC, "abstractmethod": abc.abstractmethod})


def _heapq():
    """heapq, a program's priority queue (the k smallest losses, `nlargest(k, t)` over a tensor's elements)."""
    import heapq
    return Namespace("heapq", {n: getattr(heapq, n) for n in (
        "heappush", "heappop", "heapify", "heappushpop", "heapreplace", "nlargest", "nsmallest", "merge")})


def _bisect():
    """bisect, searching a program's sorted list (of milestones, thresholds)."""
    import bisect
    return Namespace("bisect", {n: getattr(bisect, n) for n in (
        "bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right")})


def _string():
    """string's constants (`string.ascii_lowercase` for a toy vocabulary)."""
    import string
    return Namespace("string", {n: getattr(string, n) for n in (
        "ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation",
        "printable", "whitespace", "capwords")})


def _numbers():
    """numbers' abstract classes, for a program's checks (`isinstance(lr, numbers.Real)`; a tensor is none)."""
    import numbers
    return Namespace("numbers", {n: getattr(numbers, n) for n in ("Number", "Complex", "Real", "Rational", "Integral")})


def _textwrap():
    """textwrap, for laying out a program's printed text (a tensor's repr indented under a heading)."""
    import textwrap
    return Namespace("textwrap", {n: getattr(textwrap, n) for n in ("dedent", "indent", "fill", "wrap", "shorten")})


def _discard(text):
    return None


class _Redirect:
    """contextlib.redirect_stdout / redirect_stderr: inside the block the session's stream (`_stream`: what print and
    sys.stdout write, or warnings and sys.stderr) goes to the program's file-like object; reentrant, as Python's is."""

    __api__ = frozenset({"__enter__", "__exit__"})
    _stream = None

    def __init__(self, session, target):
        self._session, self._target, self._saved = session, target, []

    def __enter__(self):
        self._saved.append(getattr(self._session, self._stream))
        # (None, the idiom that silences a block: Python's print and warnings write nothing where the stream is None)
        setattr(self._session, self._stream, _discard if self._target is None else load_attr(self._target, "write"))
        return self._target

    def __exit__(self, *exc):
        setattr(self._session, self._stream, self._saved.pop())
        return False

    def __repr__(self):
        return f"<contextlib.{type(self).__name__} object at {hex(id(self))}>"


class redirect_stdout(_Redirect):  # noqa: N801 - Python's names
    _stream = "_write"


class redirect_stderr(_Redirect):  # noqa: N801
    _stream = "_write_err"


def _contextlib(session):
    """contextlib: `@contextmanager` over a program's generator function (a timer, a temporary flag around a
    block), `suppress(RuntimeError)`, `nullcontext()` and the redirections of the session's output, which the
    `with` statement enters as Python does."""
    import contextlib
    members = {n: getattr(contextlib, n) for n in ("contextmanager", "suppress", "nullcontext", "ExitStack")}
    for redirect in (redirect_stdout, redirect_stderr):
        members[redirect.__name__] = builtin(redirect.__name__, lambda new_target, r=redirect: r(session, new_target))
    return Namespace("contextlib", members)


def _weakref():
    """weakref, for the experiments on when a tensor, a module or an optimizer is freed (`r = weakref.ref(y)`;
    `del y`; `r()` is None), and finalize's note when it goes; a graph node, as PyTorch's, has no weak references."""
    import weakref
    from tensorsh.engine.autograd import Node
    from tensorsh.engine.function import BackwardCFunction
    from tensorsh.engine.defaults import finfo, iinfo
    from tensorsh.engine.ops.predicates import Layout

    class ref(weakref.ref):
        """weakref.ref, refusing what PyTorch's C++ objects refuse (a graph node but a custom Function's, finfo,
        iinfo, a layout): the engine's own bookkeeping refers to them weakly."""
        __slots__ = ()

        def __new__(cls, ob, callback=None):
            if not (isinstance(ob, (Node, finfo, iinfo, Layout)) and not isinstance(ob, BackwardCFunction)):
                return weakref.ref.__new__(cls, ob, callback)
            raise TypeError(f"cannot create weak reference to '{type(ob).__name__}' object")

        def __init__(self, ob, callback=None):
            weakref.ref.__init__(self, ob, callback)
    ref.__module__, ref.__qualname__ = "builtins", "weakref"  # (type(r) is weakref.ref's class, ReferenceType)
    members = {n: getattr(weakref, n) for n in (
        "finalize", "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "WeakMethod", "getweakrefcount")}
    members.update(ref=ref, ReferenceType=ref)
    return Namespace("weakref", members)


def _gc():
    """gc, to collect reference cycles (a graph kept alive by a hook closing over its tensor) before a weak reference
    is read."""
    import gc
    return Namespace("gc", {n: getattr(gc, n) for n in ("collect", "enable", "disable", "isenabled")})


PYTHON_MODULES = {"abc": _abc, "math": _math, "random": _random, "time": _time, "collections": _collections, "typing": _typing,
                  "numpy": _numpy, "io": _io, "itertools": _itertools,
                  "dataclasses": _dataclasses, "functools": _functools, "operator": _operator,
                  "statistics": _statistics, "json": _json,
                  "heapq": _heapq, "bisect": _bisect, "string": _string,
                  "textwrap": _textwrap, "numbers": _numbers, "weakref": _weakref, "gc": _gc,
                  "types": _types}


def build(print_fn):
    """name -> value for every bare name a program can use (variables shadow these)."""
    namespace, copy_ns = _engine()
    deepcopy = copy_ns.deepcopy
    autograd = namespace["autograd"]
    GRAD._autograd = autograd
    table = {k: v for k, v in namespace.items() if not k.startswith("_")}
    for name in CREATION:
        table[name] = _with_grad_flag(table[name], name)
    table.update(python_builtins(print_fn))
    table["type"] = TypeOf(namespace["Tensor"])
    TYPE_OF[:] = [table["type"]]
    HASH_OF[:] = [table["hash"]]
    torch_ns = Namespace("torch", dict(namespace))
    torchviz_ns = Namespace("torchviz", {"make_dot": GRAPH})
    table.update({
        "torch": torch_ns, "copy": copy_ns, "torchviz": torchviz_ns, "deepcopy": deepcopy,
        "backward": backward, "grad": GRAD, "retain": RETAIN, "create": CREATE,
        "show": SHOW, "graph": GRAPH, "make_dot": GRAPH, "why": WHY, "history": HISTORY, "compare": COMPARE,
    })
    nn, optim = Lazy(_package("nn")), Lazy(_package("optim"))
    utils, distributions, testing = Lazy(_utils), Lazy(_package("distributions")), Lazy(_package("testing"))
    quasirandom, signal = Lazy(_package("quasirandom")), Lazy(_package("signal"))
    torch_ns._members.update(nn=nn, optim=optim, utils=utils, distributions=distributions, testing=testing,
                             quasirandom=quasirandom, signal=signal)
    torch_ns._members.update({name: Deprecated(f"'{name}' is deprecated, please use 'torch.backends.{backend}()'", value)
                              for name, backend, value in (("has_mps", "mps.is_built", False),
                                                           ("has_cuda", "cuda.is_built", False),
                                                           ("has_cudnn", "cudnn.is_available", False),
                                                           ("has_mkldnn", "mkldnn.is_available", True))})
    version = torch_ns._members["version"] = Namespace("torch.version", {  # (what the CPU wheel's torch/version.py holds)
        "__version__": "2.13.0+cpu", "debug": False, "cuda": None, "hip": None, "rocm": None, "xpu": None,
        "git_version": "cf30153c4c131c8164ee7798e5022d810682e2cb"})
    from tensorsh.engine import printing
    torch_ns._members["_tensor_str"] = Namespace("torch._tensor_str", {  # (torch.set_printoptions's module)
        "set_printoptions": printing.set_printoptions, "get_printoptions": printing.get_printoptions,
        "printoptions": printing.printoptions, "PRINT_OPTS": printing.PRINT_OPTS})
    from tensorsh.engine.nn_signature_table import TORCH
    torch_ns._members.update({name: Lazy(_torch_builtin(name)) for name in TORCH})  # (torch.max_pool1d, torch.lstm..)
    table.update(nn=nn, optim=optim)
    modules = {"torch": torch_ns, "copy": copy_ns, "torchviz": torchviz_ns, "torch.autograd": autograd,
               "torch.nn": nn, "torch.optim": optim, "torch.special": namespace["special"],
               "torch.distributions": distributions, "torch.testing": testing, "torch.quasirandom": quasirandom,
               "torch.signal": signal, "torch.signal.windows": Lazy(lambda: load_attr(signal.load(), "windows")),
               "torch.linalg": namespace["linalg"], "torch.fft": namespace["fft"], "torch.func": namespace["func"], "torch.utils": utils,
               "torch.random": namespace["random"], "torch.version": version,
               "torch._tensor_str": torch_ns._members["_tensor_str"],
               "torch.utils.data": Lazy(lambda: load_attr(utils.load(), "data")),
               "torch.utils.checkpoint": Lazy(lambda: load_attr(utils.load(), "checkpoint")),
               "torch.serialization": Lazy(lambda: load_attr(torch_ns, "serialization"))}
    for dotted in SUBMODULES:
        modules[dotted] = Lazy(_submodule(dotted))
    for dotted in ("torch.amp", "torch.cpu", "torch.cpu.amp", "torch.cuda", "torch.cuda.amp"):  # (the engine's)
        modules[dotted] = Lazy(lambda path=dotted.split(".")[1:]: _member(namespace, path))
    modules["torch.utils.hooks"] = Lazy(lambda: load_attr(utils.load(), "hooks"))
    for member in ("dataloader", "dataset", "sampler", "distributed"):  # torch.utils.data's submodules, by name
        modules["torch.utils.data." + member] = Lazy(lambda m=member: load_attr(load_attr(utils.load(), "data"), m))
    modules["torch.utils.data._utils.collate"] = Lazy(lambda: load_attr(load_attr(load_attr(utils.load(), "data"),
                                                                                  "_utils"), "collate"))
    # importable, but (as in PyTorch, whose torch.optim deletes the name) not an attribute of torch.optim
    modules["torch.optim.optimizer"] = Lazy(lambda: (optim.load(), _optimizer_module())[1])
    for member in ("function", "graph", "functional", "forward_ad", "grad_mode", "anomaly_mode"):  # torch.autograd's
        modules["torch.autograd." + member] = Lazy(lambda m=member: load_attr(autograd, m))  # submodules, by name
    modules["torch.autograd.gradcheck"] = Lazy(_gradcheck_module)  # (the attribute is the function, as in PyTorch)
    for name, make in PYTHON_MODULES.items():
        modules[name] = Lazy(make)
    modules["sys"] = Lazy(lambda: _sys(print_fn.__self__))   # (its streams write where the session writes)
    modules["traceback"] = Lazy(lambda: _traceback(print_fn.__self__))
    modules["pprint"] = Lazy(lambda: _pprint(print_fn.__self__))
    modules["contextlib"] = Lazy(lambda: _contextlib(print_fn.__self__))  # (its redirections: the session's streams)
    return table, modules


def _member(namespace, path):
    value = namespace[path[0]]
    for name in path[1:]:
        value = load_attr(value, name)
    return value


def _optimizer_module():
    from tensorsh.optim import OPTIMIZER
    return OPTIMIZER


def _gradcheck_module():
    from tensorsh.engine import gradcheck
    from tensorsh.engine.errors import python_class
    return Namespace("torch.autograd.gradcheck", {"gradcheck": gradcheck.gradcheck, "gradgradcheck": gradcheck.gradgradcheck,
                                                  "GradcheckError": python_class(gradcheck.GRADCHECK_ERROR)})


# Submodules a program may import by their dotted name; each is an attribute of its package's namespace.
SUBMODULES = ("torch.nn.functional", "torch.nn.init", "torch.nn.parameter", "torch.nn.utils", "torch.nn.utils.rnn",
              "torch.nn.utils.parametrize", "torch.nn.utils.parametrizations", "torch.nn.utils.prune",
              "torch.nn.utils.fusion", "torch.nn.utils.stateless", "torch.nn.modules", "torch.nn.modules.module",
              "torch.nn.modules.utils",
              *("torch.nn.modules." + m for m in ("activation", "adaptive", "batchnorm", "channelshuffle", "container",
                                                  "conv", "distance", "dropout", "flatten", "fold", "instancenorm",
                                                  "linear", "loss", "normalization", "padding", "pixelshuffle",
                                                  "pooling", "rnn", "sparse", "transformer", "upsampling")),
              "torch.optim.lr_scheduler", "torch.optim.swa_utils", "torch.distributions.categorical", "torch.distributions.normal",
              "torch.distributions.bernoulli", "torch.distributions.uniform", "torch.distributions.kl", "torch.distributions.utils",
              "torch.distributions.independent", "torch.distributions.multivariate_normal",
              *("torch.distributions." + m for m in ("exponential", "laplace", "log_normal", "poisson", "gamma",
                                                     "beta", "dirichlet", "geometric", "cauchy", "binomial",
                                                     "one_hot_categorical", "chi2", "studentT", "multinomial",
                                                     "transforms", "transformed_distribution", "constraints",
                                                     "half_normal", "half_cauchy", "gumbel", "weibull", "pareto",
                                                     "mixture_same_family", "relaxed_bernoulli",
                                                     "relaxed_categorical", "inverse_gamma",
                                                     "negative_binomial", "fishersnedecor", "kumaraswamy",
                                                     "continuous_bernoulli", "von_mises",
                                                     "lowrank_multivariate_normal", "wishart",
                                                     "lkj_cholesky", "constraint_registry", "logistic_normal",
                                                     "exp_family", "generalized_pareto", "distribution")))
_PACKAGES = {}


def _torch_builtin(name):
    """torch.<name> for the C functions tensorsh.nn implements (torch.batch_norm, torch.kl_div, ...), on first use."""
    def load():
        from tensorsh.nn.torch_builtins import function
        return function(name)
    return load


def _package(name):
    """torch.nn / torch.optim / torch.distributions / torch.testing: imported on first use, one Namespace per
    process."""
    def load():
        if name not in _PACKAGES:
            import importlib
            package = importlib.import_module(f"tensorsh.{name}")
            _PACKAGES[name] = Namespace(f"torch.{name}", package.NAMESPACE)
        return _PACKAGES[name]
    return load


def _utils():
    """torch.utils: its data package (DataLoader and friends) and checkpoint, imported on first use."""
    if "utils" not in _PACKAGES:
        def data():
            from tensorsh import data
            return Namespace("torch.utils.data", dict(data.NAMESPACE, dataloader=data.DATALOADER,
                                                      dataset=data.DATASET, sampler=data.SAMPLER, _utils=data.UTILS,
                                                      distributed=data.DISTRIBUTED))
        def checkpoint():
            from tensorsh.engine.checkpoint import NAMESPACE
            return Namespace("torch.utils.checkpoint", NAMESPACE)
        from tensorsh.engine.autograd import RemovableHandle
        _PACKAGES["utils"] = Namespace("torch.utils", {"data": Lazy(data), "checkpoint": Lazy(checkpoint), "hooks":
                                                       Namespace("torch.utils.hooks", {"RemovableHandle": RemovableHandle})})
    return _PACKAGES["utils"]


def _submodule(dotted):
    _, package, *members = dotted.split(".")

    def load():
        value = _package(package)()
        for member in members:
            value = load_attr(value, member)
        return value
    return load

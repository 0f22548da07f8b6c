"""The op registry: a row per op, and install(), which builds from the rows Tensor's methods and operators, the
`torch` functions and the names the language may read. PyTorch's spellings of an op appear only in its row."""
import importlib
from types import MethodType

_FUNCTION = type(lambda: None)
ROWS = {}  # PyTorch's name -> Row, in registration order
FUNCTIONS = {}  # torch.<name> -> function, as install() built them


class Row:
    """One op. name/aliases: PyTorch's spellings; fn: the Python function (a Lazy for ops of a module loaded on
    first use); method: a Tensor method; function: torch.<name> (True: the method with PyTorch's check that input
    is a tensor; a callable: that callable); operators: the dunders it implements; edges: autograd's edges are
    collected before the op checks its arguments (PyTorch's autograd wrapper builds the node before the kernel
    runs); inplace: the name of its in-place twin; view: its output shares the input's storage; grad_fn: the node
    it records; saves: the names of what that node saves, in PyTorch's order (grad_fn._saved_<name>)."""
    __slots__ = ("name", "fn", "aliases", "method", "function", "operators", "edges", "inplace", "view", "grad_fn",
                 "saves")

    def __init__(self, name, fn, aliases, method, function, operators, edges, inplace, view, grad_fn, saves):
        self.name, self.fn, self.aliases, self.method, self.function = name, fn, aliases, method, function
        self.operators, self.edges, self.inplace, self.view, self.grad_fn = operators, edges, inplace, view, grad_fn
        self.saves = saves


def op(name, fn, aliases=(), method=True, function=False, operators=(), edges=False, inplace=None, view=False,
       grad_fn=None, saves=()):
    """Register one op (see Row); returns fn, so a row can name a function as it is defined."""
    ROWS[name] = Row(name, fn, aliases, method, function, operators, edges, inplace, view, grad_fn, saves)
    return fn


def operator(dunder, fn, edges=False):
    """A Python operator that is no op of its own (reflected or augmented forms, unary plus); edges: as op's."""
    ROWS[dunder] = Row(dunder, fn, (), False, False, (dunder,), edges, None, False, None, ())


class Lazy:
    """The function `attr` of engine module `module`, imported the first time a program calls it."""
    __slots__ = ("module", "attr", "fn", "name")

    def __init__(self, module, attr):
        self.module, self.attr, self.fn, self.name = module, attr, None, None

    def load(self):
        if self.fn is None:
            fn = getattr(importlib.import_module("tensorsh.engine." + self.module), self.attr)
            _pytorch_qualname(fn, self.name)
            self.fn = fn
        return self.fn


class _LazyMethod:
    """A Lazy's function as a method: binds as a function does, and `__wrapped__` (what inspect reads for
    signatures and help) is the function itself, loaded then."""
    __slots__ = ("lazy", "__name__", "__qualname__")

    def __init__(self, lazy):
        self.lazy, self.__name__, self.__qualname__ = lazy, lazy.name, lazy.name

    def __call__(self, *args, **kwargs):
        return (self.lazy.fn or self.lazy.load())(*args, **kwargs)

    def __get__(self, obj, cls=None):
        return self if obj is None else MethodType(self, obj)

    @property
    def __wrapped__(self):
        return self.lazy.fn or self.lazy.load()

    def __repr__(self):  # (a Python function's: torch.einsum is torch/functional.py's, torch.Tensor.stft _tensor.py's)
        return f"<function {self.__qualname__} at {hex(id(self))}>"


# (a program's type() of one reads Python's function type, as torch's are Python functions)
_LazyMethod.__name__ = _LazyMethod.__qualname__ = _LazyMethod.__tsh_name__ = "function"


def _pytorch_qualname(fn, name):
    """A module-level op function is named as its row: Python's own argument errors then spell it as PyTorch."""
    if name is not None and type(fn) is _FUNCTION and "." not in fn.__qualname__ and "<" not in fn.__qualname__ and \
            not getattr(fn, "python_name", False):  # (torch's Python function of another name: torch.lu's)
        fn.__qualname__ = name


def _callable(fn, name):
    if type(fn) is Lazy:
        fn.name = fn.name or name
        return _LazyMethod(fn)
    _pytorch_qualname(fn, name)
    return fn


def surface(kind, name, fn):
    """The one place a spelling is bound: kind "method" (Tensor.<name>) or "function" (torch.<name>), fn the
    callable as the registry built it, with PyTorch's argument parser in front of it where its table lists the
    name (signatures.py)."""
    from .. import signatures
    return signatures.checked(kind, name, fn)


def surface_all(tensor_cls, namespace):
    """Bind through surface() what is no row: Tensor's own methods (size, dim, item, ...) and the torch functions
    torch_api adds to the rows' (creation, dtypes, grad mode): every spelling PyTorch's parser checks is bound
    here or by install()."""
    from .. import signatures
    for name in sorted(signatures.listed("method")):
        fn = tensor_cls.__dict__.get(name)
        if fn is not None:
            setattr(tensor_cls, name, surface("method", name, fn))
    for name in sorted(signatures.listed("function")):
        fn = namespace.get(name)
        if fn is not None:
            namespace[name] = surface("function", name, fn)


_BINARY = frozenset(f"__{p}{n}__" for n in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and",
                                                "or", "xor", "lshift", "rshift") for p in ("", "r", "i")) | frozenset(
    f"__{n}__" for n in ("lt", "le", "gt", "ge", "eq", "ne"))


def _operand_checked(fn, tensor_cls, dunder):
    """A binary operator returns NotImplemented for an operand PyTorch's parser refuses (a str, None, a list; for @
    anything but a tensor), as PyTorch's TypeError_to_NotImplemented_ does: Python then says "unsupported operand
    type(s) for +: 'Tensor' and 'str'", compares by identity (x == None is False), or repeats a str (x * 'a')."""
    import numbers
    from ..signatures import check_scalar_int
    from ..tensorimpl import BATCHING, batched_only_from_batched, refuse_inplace_into_unbatched
    tensors_only = "matmul" in dunder
    inplace = dunder.startswith("__i")
    exact = frozenset({tensor_cls} if tensors_only else {tensor_cls, bool, int, float, complex})
    accepted = tensor_cls if tensors_only else (tensor_cls, numbers.Number)

    def operator(self, other):
        if other.__class__ not in exact and (not isinstance(other, accepted) or not isinstance(other, tensor_cls)
                                             and other.__class__.__module__ == "numpy"):  # (numpy's scalars)
            return _array_operand(fn, self, other, dunder)
        if other.__class__ is int and not -9223372036854775808 <= other <= 18446744073709551615:
            check_scalar_int(other)
        if BATCHING[0]:  # (as signatures' wrappers of the methods: see tensorimpl.BATCHING)
            if inplace:
                refuse_inplace_into_unbatched(dunder, self, (other,), {})
            return batched_only_from_batched(fn(self, other), (self, other), {})
        return fn(self, other)
    if dunder == "__pow__":  # pow(x, 2, 5): no three-argument form (Python's "unsupported operand type(s)" text)
        binary = operator

        def operator(self, other, modulo=None):
            return binary(self, other) if modulo is None else NotImplemented
    operator.__name__ = operator.__qualname__ = dunder
    return operator


def _batching_checked(fn, dunder):
    """A unary operator or an index (-t, ~t, abs(t), t[i]) keeps its result batched in a vmapped run only where an
    operand is (tensorimpl.BATCHING), as the binary operators and the methods do: `-torch.ones(2)` or an index of a
    tensor from outside the vmapped function is a plain tensor whose item() PyTorch reads."""
    from ..tensorimpl import BATCHING, batched_only_from_batched, refuse_inplace_into_unbatched

    def operator(self, *args):
        if BATCHING[0]:
            if dunder == "__setitem__":
                refuse_inplace_into_unbatched(dunder, self, args, {})
            return batched_only_from_batched(fn(self, *args), (self,) + args, {})
        return fn(self, *args)
    operator.__name__ = operator.__qualname__ = dunder
    operator.__wrapped__ = fn
    return operator


def _array_operand(fn, self, other, dunder):
    """A numpy array where PyTorch's operator wants a tensor or a number: declined (numpy then computes `t + arr`
    itself over the tensor's __array__, its result wrapped by __array_wrap__), but for `==`, which compares with the
    array as a tensor, and the reflected `/`, which PyTorch writes in Python as `self.reciprocal() * other`."""
    import numpy as np
    if isinstance(other, np.generic) and "matmul" not in dunder:  # (numpy's scalars: Python's numbers to PyTorch's parser)
        from ..scalars import from_numpy_scalars
        return fn(self, from_numpy_scalars((other,))[0])
    if not isinstance(other, np.ndarray):
        return NotImplemented
    if dunder == "__rtruediv__":
        return self.reciprocal() * other
    if dunder == "__eq__":
        from ..arrays import array_dtype, from_numpy
        try:
            array_dtype(other)
        except Exception:  # noqa: BLE001 (an array of a type PyTorch cannot convert: declined)
            return NotImplemented
        return fn(self, from_numpy(np.array(other)))
    return NotImplemented


def torch_function(name, method):
    """torch.<name>(input, ...) for a Tensor method, with PyTorch's message when input is not a tensor."""
    from .core import type_name, Tensor
    from ..errors import type_error

    def function(input, *args, **kwargs):
        if not isinstance(input, Tensor):
            raise type_error(f"{name}(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
        return method(input, *args, **kwargs)
    function.__name__ = function.__qualname__ = name  # Python's own arity errors name it as PyTorch's
    function.method = method  # (whose parameters say whether it takes out=: signatures._writes_out)
    return function


def install(tensor_cls, api=()):
    """Give tensor_cls every row's methods and operators, and FUNCTIONS every row's torch functions; the language
    may read the methods (not those named with a leading underscore) and the names in `api` (tensor_cls's own)."""
    from .core import edges_first, tensor
    from .complex_refusals import GRADIENT_REFUSED, REFUSED, gradient_refused, refused
    from .. import signatures
    signatures.bind(tensor_cls, tensor)
    names = set(api)
    for row in ROWS.values():
        fn = _callable(row.fn, row.name)
        method = edges_first(fn, row.name) if row.edges else fn  # (a property is bound as it is)
        if row.name in REFUSED:  # (no complex kernel: PyTorch's error for a complex operand)
            method = refused(method, row.name)
        if row.name in GRADIENT_REFUSED:
            method = gradient_refused(method, row.name)
        spellings = (row.name,) + row.aliases
        if row.method:
            for name in spellings:
                setattr(tensor_cls, name, surface("method", name, method))
            names.update(name for name in spellings if name[0] != "_")
        for dunder in row.operators:
            setattr(tensor_cls, dunder, _operand_checked(method, tensor_cls, dunder) if dunder in _BINARY
                    else _batching_checked(method, dunder))
        if row.function:  # (torch.<name> calls the method behind the parser: the function's parse is PyTorch's)
            function = None if row.function is True else _callable(row.function, row.name)
            if function is not None and row.name in REFUSED:
                function = refused(function, row.name)
            if function is not None and row.name in GRADIENT_REFUSED:
                function = gradient_refused(function, row.name)
            for name in spellings:
                FUNCTIONS[name] = surface("function", name, torch_function(name, method)
                                          if function is None else function)
    tensor_cls.__api__ = frozenset(names)

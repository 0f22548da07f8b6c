"""torch's namespaces (torch.autograd, copy, ...) as attribute bags, and torch.special and torch.linalg: PyTorch's
names there mapped to the engine's ops (most are aliases of torch.<op>; linalg's norms follow ATen's linalg_norm /
linalg_matrix_norm dispatch)."""
import math

from . import messages
from .errors import python_class, runtime, type_error
from .ops.core import Tensor, type_name
from .ops.reductions import vector_norm_call
from .ops.registry import Lazy


class Namespace:
    """A read-only attribute bag (torch.autograd, copy, ...) whose attributes the language may read."""

    def __init__(self, name, members):
        self._name = name
        self._members = dict(members)
        self.__api__ = frozenset(self._members)

    def __getattr__(self, item):
        try:
            value = self._members[item]
        except KeyError:
            raise AttributeError(item) from None
        if type(value) is LazyMember:
            value = self._members[item] = value.load()
        return value

    def __repr__(self):  # (as the language prints `torch` itself)
        return f"<module '{self._name}'>"


class LazyMember:
    """A namespace member whose module is imported the first time a program reads it (start-up stays short)."""
    __slots__ = ("load",)

    def __init__(self, load):
        self.load = load


def _input(name, x):
    if not isinstance(x, Tensor):
        raise type_error(f"{name}(): argument 'input' (position 1) must be Tensor, not {type_name(x)}")


def _function(name, method):
    """torch.special.<x> / torch.linalg.<x> calling a Tensor method (or a Lazy), named as PyTorch's C function."""
    def function(input, *args, **kwargs):
        _input(name, input)
        fn = method.fn or method.load() if type(method) is Lazy else method
        return fn(input, *args, **kwargs)
    function.__name__ = function.__qualname__ = name
    return function


def special(namespace):
    aliases = {"expit": "sigmoid", "erf": "erf", "erfc": "erfc", "erfinv": "erfinv", "log1p": "log1p",
               "expm1": "expm1", "exp2": "exp2", "gammaln": "lgamma", "digamma": "digamma", "psi": "digamma",
               "softmax": "softmax", "log_softmax": "log_softmax", "logsumexp": "logsumexp",
               "sinc": "sinc", "logit": "logit"}
    members = {name: _function("special_" + name, getattr(Tensor, target)) for name, target in aliases.items()}
    members["xlogy"] = namespace["xlogy"]
    members["round"] = _function("special_round", lambda x, *, decimals=0: x.round(decimals=decimals))
    for name in ("entr", "ndtr"):
        members[name] = _function("special_" + name, Lazy("ops.special", name))
    return Namespace("torch.special", members)


# ------------------------------------------------------------------ torch.linalg's norms

def _dims(dim):
    return [dim] if isinstance(dim, int) else (None if dim is None else list(dim))


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    _input("linalg_vector_norm", x)
    return vector_norm_call(x, ord, _dims(dim), keepdim, dtype, None)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None):
    _input("linalg_matrix_norm", A)
    dim = list(dim)
    if not isinstance(ord, str) and abs(ord) not in (1, 2, math.inf):
        raise runtime(messages.MATRIX_NORM_ORDER.format(_number(ord)))
    if isinstance(ord, str) and ord not in ("fro", "nuc"):
        raise runtime(messages.MATRIX_NORM_ORDER.format(ord))
    if A.dtype.category < 2:
        raise runtime(f"linalg.matrix_norm: Expected a floating point or complex tensor as input. Got "
                      f"{_dtype_name(A)}")
    if A.dim() < 2:
        raise runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    dim = [A._wrap_dim(d) for d in dim]
    if dim[0] == dim[1]:
        raise runtime(f"linalg.matrix_norm: dims must be different. Got ({dim[0]}, {dim[1]})")
    if ord == "fro":
        return vector_norm(A, 2, dim, keepdim, dtype=dtype)
    if ord == "nuc" or abs(ord) == 2:
        return Lazy("ops.matrix_functions", "svd_norm").load()(A, ord, dim, keepdim, dtype)
    if ord in (math.inf, -math.inf):  # (the infinity norm is the 1-norm of the transpose)
        dim = dim[::-1]
    if not keepdim and dim[0] < dim[1]:
        dim[1] -= 1
    sums = vector_norm(A, 1.0, [dim[0]], keepdim, dtype=dtype)
    return sums.amax(dim[1], keepdim) if ord > 0 else sums.amin(dim[1], keepdim)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    _input("linalg_norm", A)
    dims = _dims(dim)
    if isinstance(ord, str):
        if dims is not None and len(dims) not in (1, 2):
            raise runtime(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {dims}")
        if dims is None and A.dim() not in (1, 2):
            raise runtime(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got "
                          f"{A.dim()}D.")
        return matrix_norm(A, ord, dims if dims is not None else [0, 1], keepdim, dtype=dtype)
    if dims is not None and len(dims) not in (1, 2):
        raise runtime(f"linalg.norm: If {'ord' if ord is not None else 'dim'} is specified, it must be of length 1 "
                      f"or 2. Got {dims}")
    if dims is None and ord is not None and A.dim() not in (1, 2):
        raise runtime(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {A.dim()}D.")
    if ord is not None and ((dims is not None and len(dims) == 2) or (dims is None and A.dim() == 2)):
        return matrix_norm(A, ord, dims if dims is not None else [0, 1], keepdim, dtype=dtype)
    return vector_norm(A, 2.0 if ord is None else ord, dims, keepdim, dtype=dtype)


def _number(v):
    return int(v) if float(v).is_integer() else v


def _dtype_name(t):
    from . import dtypes
    return dtypes.SCALAR_NAMES[t.dtype.name]


def linalg(namespace):
    members = {"norm": norm, "vector_norm": vector_norm, "matrix_norm": matrix_norm,
               "cross": _function("linalg_cross", Lazy("ops.products", "linalg_cross"))}
    for name, attr in (("inv", "inv"), ("inv_ex", "inv_ex"), ("det", "det"), ("slogdet", "linalg_slogdet"),
                       ("solve", "solve"), ("solve_ex", "solve_ex")):
        members[name] = _function("linalg_" + name, Lazy("ops.solvers", attr))
    for module, names in (("decompositions", ("cholesky", "cholesky_ex", "qr", "eigh", "eigvalsh", "svd", "svdvals",
                                              "solve_triangular", "matrix_power", "vecdot")),
                          ("lu", ("lu_factor", "lu_factor_ex", "lu", "lu_solve")),
                          ("matrix_functions", ("pinv", "matrix_rank", "cond", "matrix_exp", "lstsq"))):
        for name in names:
            members[name] = _function("linalg_" + name, Lazy("ops." + module, name))
    multi_dot = Lazy("ops.matrix_functions", "multi_dot")

    def linalg_multi_dot(tensors):  # (a list, not a tensor, comes first)
        return multi_dot.load()(tensors)
    members["multi_dot"] = linalg_multi_dot
    members["LinAlgError"] = python_class("torch._C._LinAlgError")
    return Namespace("torch.linalg", members)

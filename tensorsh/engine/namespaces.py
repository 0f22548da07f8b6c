"""torch's namespaces (torch.autograd, copy, ...) as attribute bags, and torch.special and torch.linalg: PyTorch's
names there mapped to the engine's ops (most are aliases of torch.<op>; linalg's norms follow ATen's linalg_norm /
linalg_matrix_norm dispatch)."""
import math

from . import dtypes, messages, pyapi
from .errors import python_class, runtime, type_error
from .ops.core import Tensor, type_name
from .ops.out_dtypes import composite_out
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
    function.op_target = method  # (whose parameter names the parser passes keywords by)
    return function


def _two_operand_function(name, lazy):
    def function(input, other):
        return (lazy.fn or lazy.load())(input, other)
    function.__name__ = function.__qualname__ = name
    return function


def _special_polygamma(n, input):
    if not isinstance(n, int) or isinstance(n, bool):
        raise type_error(f"special_polygamma(): argument 'n' (position 1) must be int, not {type_name(n)}")
    if not isinstance(input, Tensor):
        raise type_error(f"special_polygamma(): argument 'input' (position 2) must be Tensor, not {type_name(input)}")
    return input.polygamma(n)


_SPECIAL_BESSEL = ("log_ndtr", "erfcx", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0",
                   "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0",
                   "scaled_modified_bessel_k1", "spherical_bessel_j0")  # (ops/special_bessel.py)


def special(namespace):
    aliases = {"expit": "sigmoid", "erf": "erf", "erfc": "erfc", "erfinv": "erfinv", "log1p": "log1p",
               "expm1": "expm1", "exp2": "exp2", "gammaln": "lgamma", "digamma": "digamma", "psi": "digamma",
               "softmax": "softmax", "log_softmax": "log_softmax", "logsumexp": "logsumexp",
               "sinc": "sinc", "logit": "logit"}
    members = {name: _function("special_" + name, getattr(Tensor, target)) for name, target in aliases.items()}
    xlogy = namespace["xlogy"]
    members["xlogy"] = lambda *args, **kwargs: xlogy(*args, **kwargs)  # (behind special_xlogy's own parser)
    members["round"] = _function("special_round", lambda x, *, decimals=0: x.round(decimals=decimals))
    for name in ("entr", "ndtr", "ndtri"):
        members[name] = _function("special_" + name, Lazy("ops.special", name))
    members["i0"] = _function("special_i0", Tensor.i0)
    members["multigammaln"] = _function("special_multigammaln", Tensor.mvlgamma)
    members["polygamma"] = _special_polygamma
    for name in ("xlog1py", "zeta"):
        members[name] = _two_operand_function("special_" + name, Lazy("ops.special", name))
    for name in ("gammainc", "gammaincc"):
        members[name] = LazyMember(Lazy("ops.igamma", name).load)
    for name in ("i0e", "i1", "i1e"):
        members[name] = _function("special_" + name, Lazy("ops.bessel", "special_" + name))
    for name in _SPECIAL_BESSEL:
        members[name] = _function("special_" + name, Lazy("ops.special_bessel", name))
    for name in _POLYNOMIALS:
        members[name] = _polynomial(name)
    members["airy_ai"] = _function("special_airy_ai", Lazy("ops.polynomials", "airy_ai"))
    from . import signatures
    for name, fn in members.items():  # (PyTorch's argument parser of each, signature_table.SPECIAL)
        members[name] = signatures.checked("special", "special_" + name, fn)
    return Namespace("torch.special", members)


_POLYNOMIALS = tuple(f"{family}_polynomial_{kind}" for family, kinds in (
    ("chebyshev", "tuvw"), ("shifted_chebyshev", "tuvw"), ("hermite", ("h", "he")), ("laguerre", "l"),
    ("legendre", "p")) for kind in kinds)  # (ops/polynomials.py)


def _polynomial(name):
    lazy = Lazy("ops.polynomials", "polynomial")

    def function(*args, **kwargs):
        return (lazy.fn or lazy.load())(name)(*args, **kwargs)
    function.__name__ = function.__qualname__ = "special_" + name
    return function


# ------------------------------------------------------------------ torch.linalg's norms

def _dims(dim):
    return [dim] if isinstance(dim, int) else (None if dim is None else list(dim))


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    _input("linalg_vector_norm", x)
    return vector_norm_call(x, ord, _dims(dim), keepdim, dtype, out)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    _input("linalg_matrix_norm", A)
    if out is not None:  # (linalg_matrix_norm_out is composite, as linalg_norm_out)
        return composite_out("linalg.matrix_norm", out, matrix_norm(A, ord, dim, keepdim, dtype=dtype))
    return _MATRIX_NORM.load()(A, ord, dim, keepdim, dtype)


_MATRIX_NORM = Lazy("ops.matrix_functions", "matrix_norm")


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None, out=None):
    _input("linalg_norm", A)
    if out is not None:
        return composite_out("linalg.norm", out, norm(A, ord, dim, keepdim, dtype=dtype))
    dims = _dims(dim)
    if dims is not None and len(dims) not in (1, 2):  # (the same words whether or not ord is given)
        raise runtime(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {dims}")
    if dims is None and ord is not None and A.dim() not in (1, 2):
        raise runtime(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {A.dim()}D.")
    if isinstance(ord, str):
        return matrix_norm(A, ord, dims if dims is not None else [0, 1], keepdim, dtype=dtype)
    if ord is not None and ((dims is not None and len(dims) == 2) or (dims is None and A.dim() == 2)):
        return matrix_norm(A, ord, dims if dims is not None else [0, 1], keepdim, dtype=dtype)
    return vector_norm(A, 2.0 if ord is None else ord, dims, keepdim, dtype=dtype)


def linalg_diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    if not isinstance(A, Tensor):
        raise type_error(f"linalg_diagonal(): argument 'A' (position 1) must be Tensor, not {type_name(A)}")
    return A.diagonal(offset, dim1, dim2)


def vander(x, N=None):
    """linalg_vander: a column of ones beside the cumulative products of x repeated N - 1 times (ATen's)."""
    _input("linalg_vander", x)
    if x.dtype.category == 0 or x.dtype in (dtypes.float16, dtypes.bfloat16):
        raise runtime(f"linalg.vander supports floating point, complex, and integer tensors, but got "
                      f"{dtypes.SCALAR_NAMES[x.dtype.name]}")
    x_ = x.unsqueeze(-1) if x.dim() == 0 else x
    shape = list(x_.shape)
    n = shape[-1] if N is None else N
    if n <= 1:
        raise runtime("N must be greater than 1.")
    result = x_.unsqueeze(-1).expand(shape + [n - 1]).cumprod(-1)
    ones = result.new_ones(shape + [1])
    from .ops.joining import cat
    return cat([ones, result], -1)


_FFT = ("fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn", "hfft",
        "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn", "fftshift", "ifftshift")


def fft(namespace):
    """torch.fft (ops/spectral.py, imported on first use); fftfreq/rfftfreq take a length, not a tensor."""
    members = {name: _function("fft_" + name, Lazy("ops.spectral", name)) for name in _FFT}
    for name in ("fftfreq", "rfftfreq"):  # (their out= is arange_out's)
        members[name] = pyapi.with_out("fft_" + name, _lazy_call(Lazy("ops.spectral", name)))
    from . import signatures
    for name, fn in members.items():  # (PyTorch's argument parser of each, signature_table.FFT)
        members[name] = signatures.checked("fft", "fft_" + name, fn)
    return Namespace("torch.fft", members)


def _lazy_call(lazy):
    def function(*args, **kwargs):
        return (lazy.fn or lazy.load())(*args, **kwargs)
    function.__name__ = function.__qualname__ = lazy.attr
    return function


_VALUES_INDICES = ("values", "indices")
_RETURN_TYPE_FIELDS = {  # (PyTorch's torch.return_types: each also as <name>_out)
    **{name: _VALUES_INDICES for name in ("cummax", "cummin", "kthvalue", "max", "median", "min", "mode", "nanmedian",
                                          "sort", "topk")},
    "aminmax": ("min", "max"), "frexp": ("mantissa", "exponent"), "geqrf": ("a", "tau"),
    "histogram": ("hist", "bin_edges"), "linalg_cholesky_ex": ("L", "info"),
    "linalg_eig": ("eigenvalues", "eigenvectors"), "linalg_eigh": ("eigenvalues", "eigenvectors"),
    "linalg_inv_ex": ("inverse", "info"), "linalg_ldl_factor": ("LD", "pivots"),
    "linalg_ldl_factor_ex": ("LD", "pivots", "info"),
    "linalg_lstsq": ("solution", "residuals", "rank", "singular_values"), "linalg_lu": ("P", "L", "U"),
    "linalg_lu_factor": ("LU", "pivots"), "linalg_lu_factor_ex": ("LU", "pivots", "info"), "linalg_qr": ("Q", "R"),
    "linalg_slogdet": ("sign", "logabsdet"), "linalg_solve_ex": ("result", "info"), "linalg_svd": ("U", "S", "Vh"),
    "lu_unpack": ("P", "L", "U"), "qr": ("Q", "R"), "slogdet": ("sign", "logabsdet"), "svd": ("U", "S", "V"),
    "triangular_solve": ("solution", "cloned_coefficient")}


def return_types():
    """torch.return_types: the named-tuple classes the ops return (the same classes: ops.core.return_type)."""
    from .ops.core import return_type
    members = {name + end: return_type(name + end, fields) for name, fields in _RETURN_TYPE_FIELDS.items()
               for end in ("", "_out")}
    members["histogramdd"] = return_type("histogramdd", ("hist", "bin_edges"))  # (no _out)
    return Namespace("torch.return_types", members)


def linalg(namespace):
    members = {"norm": norm, "vector_norm": vector_norm, "matrix_norm": matrix_norm,
               "cross": _function("linalg_cross", Lazy("ops.products", "linalg_cross"))}
    for name, attr in (("inv", "inv"), ("inv_ex", "inv_ex"), ("det", "det"), ("slogdet", "linalg_slogdet"),
                       ("solve", "solve"), ("solve_ex", "solve_ex"), ("tensorinv", "tensorinv"),
                       ("tensorsolve", "tensorsolve")):
        members[name] = _function("linalg_" + name, Lazy("ops.solvers", attr))
    for module, names in (("decompositions", ("cholesky", "cholesky_ex", "qr", "eig", "eigvals", "eigh", "eigvalsh", "svd", "svdvals",
                                              "solve_triangular", "matrix_power", "vecdot",
                                              "householder_product")),
                          ("lu", ("lu_factor", "lu_factor_ex", "lu", "lu_solve")),
                          ("ldl", ("ldl_factor", "ldl_factor_ex", "ldl_solve")),
                          ("matrix_functions", ("pinv", "matrix_rank", "cond", "matrix_exp", "lstsq"))):
        for name in names:
            members[name] = _function("linalg_" + name, Lazy("ops." + module, name))
    members["matmul"] = _function("linalg_matmul", Tensor.matmul)
    members["diagonal"] = linalg_diagonal
    members["vander"] = vander
    multi_dot = Lazy("ops.matrix_functions", "multi_dot")

    def linalg_multi_dot(tensors, *, out=None):  # (a list, not a tensor, comes first)
        return multi_dot.load()(tensors, out)
    members["multi_dot"] = linalg_multi_dot
    from . import signatures
    for name, fn in members.items():  # (PyTorch's argument parser of each, signature_table.LINALG)
        members[name] = signatures.checked("linalg", "linalg_" + name, fn)
    members["LinAlgError"] = python_class("torch._C._LinAlgError")
    return Namespace("torch.linalg", members)

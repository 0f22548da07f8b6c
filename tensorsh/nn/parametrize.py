"""torch.nn.utils.parametrize and torch.nn.utils.parametrizations (weight_norm, spectral_norm, orthogonal), ported from
PyTorch's parametrize.py / parametrizations.py: registering a parametrization swaps the module's class for
`Parametrized<Class>` with a property for the tensor, keeps the original in `parametrizations.<name>.original`
(or original0, original1, ... when right_inverse returns several) and computes the tensor on every read."""
from contextlib import contextmanager
from enum import Enum, auto

from tensorsh.engine import autograd, creation
from tensorsh.engine.ops.linalg import geqrf_no_grad, qr_no_grad
from tensorsh.engine.torch_api import NAMESPACE as _TORCH
from tensorsh.engine.errors import make, runtime, value_error
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.weight_norm import norm_except_dim, weight_norm as _weight_norm

from . import functional as F
from .container import ModuleDict, ModuleList
from .module import Module
from .norm_hooks import default_dim
from .parameter import Parameter

_cache_enabled = 0
_cache = {}


@contextmanager
def cached():
    global _cache, _cache_enabled
    _cache_enabled += 1
    try:
        yield
    finally:
        _cache_enabled -= 1
        if not _cache_enabled:
            _cache = {}


def _register_parameter_or_buffer(module, name, X):
    if isinstance(X, Parameter):
        module.register_parameter(name, X)
    else:
        module.register_buffer(name, X)


def _maybe_set(dest, src):
    dest.set_(src)


class ParametrizationList(ModuleList):
    __module__ = "torch.nn.utils.parametrize"
    __api__ = ModuleList.__api__ | {"right_inverse", "is_tensor", "ntensors", "unsafe"}

    def __init__(self, modules, original, unsafe=False):
        if len(modules) == 0:
            raise value_error("ParametrizationList requires one or more modules.")
        super().__init__(modules)
        self.unsafe = unsafe
        original_shape, original_dtype = original.shape, original.dtype
        with autograd.no_grad():
            new = original
            for module in reversed(list(self)):
                if hasattr(module, "right_inverse"):
                    try:
                        new = module.right_inverse(new)
                    except Exception as e:  # noqa: BLE001 - Python's NotImplementedError or the engine's kind
                        if not (isinstance(e, NotImplementedError) or getattr(e, "kind", None) == "NotImplementedError"):
                            raise
        if not isinstance(new, (Tensor, list, tuple)):
            raise value_error("'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). "
                              f"Got {type(new).__name__}")
        self.is_tensor = isinstance(new, Tensor)
        self.ntensors = 1 if self.is_tensor else len(new)
        if self.is_tensor:
            if original.dtype != new.dtype:
                raise value_error("When `right_inverse` outputs one tensor, it may not change the dtype.\n"
                                  f"original.dtype: {original.dtype}\nright_inverse(original).dtype: {new.dtype}")
            with autograd.no_grad():
                _maybe_set(original, new)
            _register_parameter_or_buffer(self, "original", original)
        else:
            for i, originali in enumerate(new):
                if not isinstance(originali, Tensor):
                    raise value_error("'right_inverse' must return a Tensor or a Sequence of tensors (list, "
                                      f"tuple...). Got element {i} of the sequence with type "
                                      f"{type(originali).__name__}.")
                if isinstance(original, Parameter):
                    originali = Parameter(originali, original.requires_grad)
                originali.requires_grad_(original.requires_grad)
                _register_parameter_or_buffer(self, f"original{i}", originali)
        if not self.unsafe:
            Z = self()
            if not isinstance(Z, Tensor):
                raise value_error(f"A parametrization must return a tensor. Got {type(Z).__name__}.")
            if Z.dtype != original_dtype:
                raise value_error("Registering a parametrization may not change the dtype of the tensor, unless "
                                  f"`unsafe` flag is enabled.\nunparametrized dtype: {original_dtype}\n"
                                  f"parametrized dtype: {Z.dtype}")
            if Z.shape != original_shape:
                raise value_error("Registering a parametrization may not change the shape of the tensor, unless "
                                  f"`unsafe` flag is enabled.\nunparametrized shape: {original_shape}\n"
                                  f"parametrized shape: {Z.shape}")

    def right_inverse(self, value):
        with autograd.no_grad():
            for module in reversed(list(self)):
                if hasattr(module, "right_inverse"):
                    value = module.right_inverse(value)
                else:
                    raise runtime(f"parametrization {type(module).__name__} does not implement right_inverse.")
            if self.is_tensor:
                if not isinstance(value, Tensor):
                    raise value_error(f"`right_inverse` should return a tensor. Got {type(value).__name__}")
                if value.dtype != self.original.dtype:
                    raise value_error(f"The tensor returned by `right_inverse` has dtype {value.dtype} while "
                                      f"`original` has dtype {self.original.dtype}")
                _maybe_set(self.original, value)
            else:
                if len(value) != self.ntensors:
                    raise value_error("'right_inverse' must return a sequence of tensors of length "
                                      f"{self.ntensors}. Got a sequence of length {len(value)}.")
                for i, tensor in enumerate(value):
                    original_i = getattr(self, f"original{i}")
                    if original_i.dtype != tensor.dtype:
                        raise value_error(f"Tensor {i} returned by `right_inverse` has dtype {tensor.dtype} while "
                                          f"`original{i}` has dtype {original_i.dtype}")
                    _maybe_set(original_i, tensor)

    def forward(self):
        if self.is_tensor:
            x = self[0](self.original)
        else:
            x = self[0](*(getattr(self, f"original{i}") for i in range(self.ntensors)))
        curr_idx = 1
        while hasattr(self, str(curr_idx)):
            x = self[curr_idx](x)
            curr_idx += 1
        return x


def _inject_new_class(module):
    cls = module.__class__
    param_cls = type(f"Parametrized{cls.__name__}", (cls,), {"__module__": "torch.nn.utils.parametrize",
                                                             "__tsh_properties__": frozenset()})
    module.__class__ = param_cls


def _inject_property(module, tensor_name):
    if hasattr(module, tensor_name):
        raise make("AssertionError", f"Module already has an attribute named '{tensor_name}'")

    def get_parametrized(self):
        parametrization = self.parametrizations[tensor_name]
        if _cache_enabled:
            key = (id(module), tensor_name)
            tensor = _cache.get(key)
            if tensor is None:
                tensor = _cache[key] = parametrization()
            return tensor
        return parametrization()

    def set_original(self, value):
        self.parametrizations[tensor_name].right_inverse(value)

    cls = module.__class__
    setattr(cls, tensor_name, property(get_parametrized, set_original))
    cls.__tsh_properties__ = cls.__tsh_properties__ | {tensor_name}  # (readable by a program, as a parameter)


def register_parametrization(module, tensor_name, parametrization, *, unsafe=False):
    parametrization.train(module.training)
    if is_parametrized(module, tensor_name):
        if not unsafe:
            Y = getattr(module, tensor_name)
            X = parametrization(Y)
            if not isinstance(X, Tensor):
                raise value_error(f"A parametrization must return a tensor. Got {type(X).__name__}.")
            if X.dtype != Y.dtype:
                raise value_error("Registering a parametrization may not change the dtype of the tensor, unless the "
                                  f"`unsafe` flag is enabled.\nmodule.{tensor_name}.dtype: {Y.dtype}\n"
                                  f"parametrization(module.{tensor_name}).dtype: {X.dtype}")
            if X.shape != Y.shape:
                raise value_error("Registering a parametrization may not change the shape of the tensor, unless the "
                                  f"`unsafe` flag is enabled.\nmodule.{tensor_name}.shape: {Y.shape}\n"
                                  f"parametrization(module.{tensor_name}).shape: {X.shape}")
        module.parametrizations[tensor_name].append(parametrization)
        module.parametrizations[tensor_name].unsafe |= unsafe
    elif tensor_name in module._buffers or tensor_name in module._parameters:
        original = getattr(module, tensor_name)
        parametrizations = ParametrizationList([parametrization], original, unsafe=unsafe)
        delattr(module, tensor_name)
        if not is_parametrized(module):
            _inject_new_class(module)
            module.parametrizations = ModuleDict()
        _inject_property(module, tensor_name)
        module.parametrizations[tensor_name] = parametrizations
    else:
        raise value_error(f"Module '{module}' does not have a parameter, a buffer, or a parametrized element with "
                          f"name '{tensor_name}'")
    return module


def is_parametrized(module, tensor_name=None):
    parametrizations = module.__dict__.get("_modules", {}).get("parametrizations")
    if parametrizations is None or not isinstance(parametrizations, ModuleDict):
        return False
    if tensor_name is None:
        return len(parametrizations) > 0
    return tensor_name in parametrizations


def remove_parametrizations(module, tensor_name, leave_parametrized=True):
    if not is_parametrized(module, tensor_name):
        raise value_error(f"Module {module} does not have a parametrization on {tensor_name}")
    parametrizations = module.parametrizations[tensor_name]
    if parametrizations.is_tensor:
        original = parametrizations.original
        if leave_parametrized:
            with autograd.no_grad():
                t = getattr(module, tensor_name)
                _maybe_set(original, t)
    else:
        if leave_parametrized:
            t = getattr(module, tensor_name)
            original = Parameter(t) if t.requires_grad else t
        else:
            raise value_error("Cannot leave unparametrized (`leave_parametrized=False`) a tensor that is "
                              "parametrized in terms of a sequence of tensors.")
    cls = module.__class__
    delattr(cls, tensor_name)
    cls.__tsh_properties__ = cls.__tsh_properties__ - {tensor_name}
    del module.parametrizations[tensor_name]
    _register_parameter_or_buffer(module, tensor_name, original)
    if not is_parametrized(module):
        delattr(module, "parametrizations")
        module.__class__ = module.__class__.__bases__[0]
    return module


def type_before_parametrizations(module):
    return module.__class__.__bases__[0] if is_parametrized(module) else type(module)


# ---- torch.nn.utils.parametrizations ----
class _WeightNorm(Module):
    __module__ = "torch.nn.utils.parametrizations"
    __api__ = Module.__api__ | {"right_inverse"}

    def __init__(self, dim=0):
        super().__init__()
        self.dim = -1 if dim is None else dim

    def forward(self, weight_g, weight_v):
        return _weight_norm(weight_v, weight_g, self.dim)

    def right_inverse(self, weight):
        return norm_except_dim(weight, 2, self.dim), weight


def weight_norm(module, name="weight", dim=0):
    register_parametrization(module, name, _WeightNorm(dim), unsafe=True)
    return module


class _SpectralNorm(Module):
    __module__ = "torch.nn.utils.parametrizations"
    __api__ = Module.__api__ | {"right_inverse"}

    def __init__(self, weight, n_power_iterations=1, dim=0, eps=1e-12):
        super().__init__()
        ndim = weight.ndim
        if dim >= ndim or dim < -ndim:
            raise make("IndexError", f"Dimension out of range (expected to be in range of [-{ndim}, {ndim - 1}] but "
                                     f"got {dim})")
        if n_power_iterations <= 0:
            raise value_error("Expected n_power_iterations to be positive, but got "
                              f"n_power_iterations={n_power_iterations}")
        self.dim = dim if dim >= 0 else dim + ndim
        self.eps = eps
        if ndim > 1:
            self.n_power_iterations = n_power_iterations
            weight_mat = self._reshape_weight_to_matrix(weight)
            h, w = weight_mat.size()
            u = weight_mat.new_empty(h).normal_(0, 1)
            v = weight_mat.new_empty(w).normal_(0, 1)
            self.register_buffer("_u", F.normalize(u, dim=0, eps=self.eps))
            self.register_buffer("_v", F.normalize(v, dim=0, eps=self.eps))
            self._power_method(weight_mat, 15)

    def _reshape_weight_to_matrix(self, weight):
        if self.dim != 0:
            weight = weight.permute(self.dim, *(d for d in range(weight.dim()) if d != self.dim))
        return weight.flatten(1)

    def _power_method(self, weight_mat, n_power_iterations):
        with autograd.no_grad():
            for _ in range(n_power_iterations):
                self._u = F.normalize(weight_mat.mv(self._v), dim=0, eps=self.eps, out=self._u)
                self._v = F.normalize(weight_mat.t().mv(self._u), dim=0, eps=self.eps, out=self._v)

    def forward(self, weight):
        if weight.ndim == 1:
            return F.normalize(weight, dim=0, eps=self.eps)
        weight_mat = self._reshape_weight_to_matrix(weight)
        if self.training:
            self._power_method(weight_mat, self.n_power_iterations)
        u = self._u.clone()
        v = self._v.clone()
        sigma = u.vdot(weight_mat.mv(v))
        return weight / sigma

    def right_inverse(self, value):
        return value


def spectral_norm(module, name="weight", n_power_iterations=1, eps=1e-12, dim=None):
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise value_error(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if dim is None:
        dim = default_dim(module)
    register_parametrization(module, name, _SpectralNorm(weight, n_power_iterations, dim, eps))
    return module


def _is_orthogonal(Q):
    n, k = Q.size(-2), Q.size(-1)
    Id = creation.eye(k, dtype=Q.dtype)
    eps = 10.0 * n * finfo(Q.dtype).eps
    return (Q.mH @ Q).allclose(Id, atol=eps)


def _make_orthogonal(A):
    """The Q of A = QR with R's diagonal made non-negative (PyTorch's geqrf + householder_product, here LAPACK's QR
    through qr_no_grad: the same Householder signs, last digits of a different LAPACK)."""
    q, r = qr_no_grad(A)
    return q * r.diagonal(dim1=-2, dim2=-1).sgn().unsqueeze(-2)


def _householder_product(A, tau):
    """linalg.householder_product(A, tau) of a tall A (n x k, reflectors below the diagonal): H_0 H_1 ... H_(k-1) of
    H_i = I - tau_i v_i v_i^H (v_i: A's column i below the diagonal, 1 on it), the first k columns, composed of
    engine ops so that autograd goes through them."""
    n, k = A.size(-2), A.size(-1)
    Q = creation.eye(n, k, dtype=A.dtype).expand(*A.shape[:-2], n, k)
    for i in reversed(range(k)):
        v = A[..., :, i] + creation.eye(n, dtype=A.dtype)[i]
        Q = Q - (tau[..., i, None] * v).unsqueeze(-1) @ (v.unsqueeze(-2) @ Q)
    return Q


finfo, torch_add, torch_cat, linalg_solve = _TORCH["finfo"], _TORCH["add"], _TORCH["cat"], _TORCH["linalg"].solve


class _OrthMaps(Enum):
    matrix_exp = auto()
    cayley = auto()
    householder = auto()


_OrthMaps.__module__ = "torch.nn.utils.parametrizations"


class _Orthogonal(Module):
    __module__ = "torch.nn.utils.parametrizations"
    __api__ = Module.__api__ | {"right_inverse", "shape", "orthogonal_map", "base"}

    def __init__(self, weight, orthogonal_map, *, use_trivialization=True):
        super().__init__()
        if weight.is_complex() and orthogonal_map == _OrthMaps.householder:
            raise value_error("The householder parametrization does not support complex tensors.")
        self.shape = weight.shape
        self.orthogonal_map = orthogonal_map
        if use_trivialization:
            self.register_buffer("base", None)

    def forward(self, X):
        n, k = X.size(-2), X.size(-1)
        transposed = n < k
        if transposed:
            X = X.mT
            n, k = k, n
        if self.orthogonal_map == _OrthMaps.matrix_exp or self.orthogonal_map == _OrthMaps.cayley:
            X = X.tril()
            if n != k:
                X = torch_cat([X, X.new_zeros(n, n - k).expand(*X.shape[:-2], -1, -1)], dim=-1)
            A = X - X.mH
            if self.orthogonal_map == _OrthMaps.matrix_exp:
                Q = A.matrix_exp()
            else:
                Id = creation.eye(n, dtype=A.dtype)
                Q = linalg_solve(torch_add(Id, A, alpha=-0.5), torch_add(Id, A, alpha=0.5))
            if n != k:
                Q = Q[..., :k]
        else:
            A = X.tril(diagonal=-1)
            tau = 2.0 / (1.0 + (A * A).sum(dim=-2))
            Q = _householder_product(A, tau)
            Q = Q * X.diagonal(dim1=-2, dim2=-1).int().unsqueeze(-2)
        if hasattr(self, "base"):
            Q = self.base @ Q
        if transposed:
            Q = Q.mT
        return Q

    def right_inverse(self, Q):
        with autograd.no_grad():
            if Q.shape != self.shape:
                raise value_error(f"Expected a matrix or batch of matrices of shape {self.shape}. "
                                  f"Got a tensor of shape {Q.shape}.")
            Q_init = Q
            n, k = Q.size(-2), Q.size(-1)
            transpose = n < k
            if transpose:
                Q = Q.mT
                n, k = k, n
            if not hasattr(self, "base"):
                if self.orthogonal_map == _OrthMaps.cayley or self.orthogonal_map == _OrthMaps.matrix_exp:
                    raise make("NotImplementedError", "It is not possible to assign to the matrix exponential or "
                                                      "the Cayley parametrizations when use_trivialization=False.")
                A, tau = geqrf_no_grad(Q)
                A.diagonal(dim1=-2, dim2=-1).sign_()
                A.diagonal(dim1=-2, dim2=-1)[tau == 0.0] *= -1
                return A.mT if transpose else A
            if n == k:
                Q = _make_orthogonal(Q) if not _is_orthogonal(Q) else Q.clone()
            else:
                N = creation.randn(*(Q.size()[:-2] + (n, n - k)), dtype=Q.dtype)
                Q = _make_orthogonal(torch_cat([Q, N], dim=-1))
            self.base = Q
            neg_Id = creation.zeros_like(Q_init)
            neg_Id.diagonal(dim1=-2, dim2=-1).fill_(-1.0)
            return neg_Id


def orthogonal(module, name="weight", orthogonal_map=None, *, use_trivialization=True):
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise value_error(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if weight.ndim < 2:
        raise value_error(f"Expected a matrix or batch of matrices. Got a tensor of {weight.ndim} dimensions.")
    if orthogonal_map is None:
        orthogonal_map = "matrix_exp" if weight.size(-2) == weight.size(-1) or weight.is_complex() else "householder"
    orth_enum = getattr(_OrthMaps, orthogonal_map, None)
    if orth_enum is None:
        raise value_error('orthogonal_map has to be one of "matrix_exp", "cayley", "householder". '
                          f"Got: {orthogonal_map}")
    orth = _Orthogonal(weight, orth_enum, use_trivialization=use_trivialization)
    register_parametrization(module, name, orth, unsafe=True)
    return module


PARAMETRIZE = ("cached", "ParametrizationList", "register_parametrization", "is_parametrized",
               "remove_parametrizations", "type_before_parametrizations")
PARAMETRIZATIONS = ("weight_norm", "spectral_norm", "orthogonal")

"""torch.distributions as policy-gradient and VAE programs use it: Categorical, Normal, Bernoulli, Uniform.

PyTorch's Python classes ported line for line on engine ops, so samples draw from the generator in PyTorch's order
(Categorical: multinomial with replacement; Normal: torch.normal, rsample: normal_ into an empty tensor), the
graphs are PyTorch's (`logits - logsumexp`, softmax, ...) and argument validation (on by default, as in PyTorch)
raises PyTorch's ValueError texts. Loaded the first time a program reads `torch.distributions`.
"""
import math
import types

from tensorsh.engine import autograd
from tensorsh.engine.errors import TorchError, make, value_error, warn
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE as T, Namespace
from tensorsh.nn.functional import binary_cross_entropy_with_logits


def _is_number(x):
    return isinstance(x, (int, float))


def broadcast_all(*values):
    if not all(isinstance(v, Tensor) or _is_number(v) for v in values):
        raise value_error("Input arguments must all be instances of Number, torch.Tensor or objects implementing "
                          "__torch_function__.")
    if not all(isinstance(v, Tensor) for v in values):
        dtype = next((v.dtype for v in values if isinstance(v, Tensor)), T["get_default_dtype"]())
        values = [v if isinstance(v, Tensor) else T["tensor"](v, dtype=dtype) for v in values]
    return T["broadcast_tensors"](*values)


def _size(shape=()):
    return shape if type(shape) is T["Size"] else T["Size"](shape)


# ---- constraints (their checks and reprs as torch.distributions.constraints has them) ----
class _Constraint:
    __api__ = frozenset({"check", "event_dim", "is_discrete"})
    event_dim = 0  # the rightmost dims one check covers (PyTorch's Constraint.event_dim)
    is_discrete = False

    def check(self, value):  # (the base class's: each constraint defines its own)
        raise make("NotImplementedError", "")

    def __repr__(self):
        return type(self).__name__[1:] + "()"


class _Real(_Constraint):
    def check(self, value):
        return value == value


class _GreaterThan(_Constraint):
    __api__ = _Constraint.__api__ | {"lower_bound"}

    def __init__(self, lower_bound):
        self.lower_bound = lower_bound

    def check(self, value):
        return self.lower_bound < value

    def __repr__(self):
        return f"GreaterThan(lower_bound={self.lower_bound})"


class _GreaterThanEq(_GreaterThan):
    def check(self, value):
        return self.lower_bound <= value

    def __repr__(self):
        return f"GreaterThanEq(lower_bound={self.lower_bound})"


class _IntegerGreaterThan(_GreaterThan):
    is_discrete = True
    def check(self, value):
        return (value % 1 == 0) & (value >= self.lower_bound)

    def __repr__(self):
        return f"IntegerGreaterThan(lower_bound={self.lower_bound})"


class _LessThan(_Constraint):
    __api__ = _Constraint.__api__ | {"upper_bound"}

    def __init__(self, upper_bound):
        self.upper_bound = upper_bound

    def check(self, value):
        return value < self.upper_bound

    def __repr__(self):
        return f"LessThan(upper_bound={self.upper_bound})"


class _Interval(_Constraint):
    __api__ = _Constraint.__api__ | {"lower_bound", "upper_bound"}

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound, self.upper_bound = lower_bound, upper_bound

    def check(self, value):
        return (self.lower_bound <= value) & (value <= self.upper_bound)

    def __repr__(self):
        return f"{type(self).__name__[1:]}(lower_bound={self.lower_bound}, upper_bound={self.upper_bound})"


class _IntegerInterval(_Interval):
    is_discrete = True
    def check(self, value):
        return (value % 1 == 0) & (self.lower_bound <= value) & (value <= self.upper_bound)


class _Boolean(_Constraint):
    is_discrete = True
    def check(self, value):
        return (value == 0) | (value == 1)


class _Simplex(_Constraint):
    event_dim = 1
    def check(self, value):
        return T["all"](value >= 0, dim=-1) & ((value.sum(-1) - 1).abs() < 1e-6)


class _IndependentConstraint(_Constraint):
    __api__ = _Constraint.__api__ | {"base_constraint", "reinterpreted_batch_ndims"}

    def __init__(self, base_constraint, reinterpreted_batch_ndims):
        self.base_constraint, self.reinterpreted_batch_ndims = base_constraint, reinterpreted_batch_ndims
        self.event_dim = base_constraint.event_dim + reinterpreted_batch_ndims
        self.is_discrete = base_constraint.is_discrete

    def check(self, value):
        result = self.base_constraint.check(value)
        if result.dim() < self.reinterpreted_batch_ndims:
            raise value_error(f"Expected value.dim() >= {self.event_dim} but got {value.dim()}")
        result = result.reshape(tuple(result.shape[:result.dim() - self.reinterpreted_batch_ndims]) + (-1,))
        return result.all(-1)

    def __repr__(self):
        return f"IndependentConstraint({self.base_constraint!r}, {self.reinterpreted_batch_ndims})"


class _PositiveDefinite(_Constraint):
    event_dim = 2
    def check(self, value):
        if value.shape[-2] != value.shape[-1]:
            return T["full"](tuple(value.shape[:-2]), False, dtype=T["bool"])
        sym = T["isclose"](value, value.mT, atol=1e-6).all(-2).all(-1)
        if not sym.all().item():
            return sym
        return T["linalg"].cholesky_ex(value).info.eq(0)


class _LowerTriangular(_Constraint):
    event_dim = 2
    def check(self, value):
        return (value.tril() == value).view(tuple(value.shape[:-2]) + (-1,)).min(-1)[0]


class _LowerCholesky(_Constraint):
    event_dim = 2
    def check(self, value):
        lower_triangular = _LowerTriangular.check(self, value)  # (tril first: its error before diagonal's)
        positive_diagonal = (value.diagonal(dim1=-2, dim2=-1) > 0).min(-1)[0]
        return lower_triangular & positive_diagonal


class _CorrCholesky(_Constraint):
    event_dim = 2

    def check(self, value):
        tol = T["finfo"](value.dtype).eps * value.size(-1) * 10
        row_norm = T["linalg"].norm(value.detach(), dim=-1)
        unit_row_norm = (row_norm - 1.0).abs().le(tol).all(dim=-1)
        return _LowerCholesky().check(value) & unit_row_norm


class _Square(_Constraint):
    event_dim = 2
    def check(self, value):
        return T["full"](tuple(value.shape[:-2]), value.shape[-2] == value.shape[-1], dtype=T["bool"])


class _Symmetric(_Square):
    def check(self, value):
        square_check = super().check(value)
        if not square_check.all():
            return square_check
        return T["isclose"](value, value.mT, atol=1e-6).all(-2).all(-1)


class _PositiveSemidefinite(_Symmetric):
    def check(self, value):
        sym_check = super().check(value)
        if not sym_check.all():
            return sym_check
        return T["linalg"].eigvalsh(value).ge(0).all(-1)


class _OneHot(_Constraint):
    is_discrete = True
    event_dim = 1
    def check(self, value):
        is_boolean = (value == 0) | (value == 1)
        return is_boolean.all(-1) & value.sum(-1).eq(1)


class _Dependent(_Constraint):
    """A placeholder for a support that depends on other variables: no check; is_discrete/event_dim if given."""

    def __init__(self, *, is_discrete=NotImplemented, event_dim=NotImplemented):
        self._is_discrete, self._event_dim = is_discrete, event_dim

    @property
    def is_discrete(self):
        if self._is_discrete is NotImplemented:
            raise make("NotImplementedError", ".is_discrete cannot be determined statically")
        return self._is_discrete

    @property
    def event_dim(self):
        if self._event_dim is NotImplemented:
            raise make("NotImplementedError", ".event_dim cannot be determined statically")
        return self._event_dim

    def __call__(self, *, is_discrete=NotImplemented, event_dim=NotImplemented):
        return _Dependent(is_discrete=self._is_discrete if is_discrete is NotImplemented else is_discrete,
                          event_dim=self._event_dim if event_dim is NotImplemented else event_dim)

    def check(self, x):
        raise value_error("Cannot determine validity of dependent constraint")


def is_dependent(constraint):
    return isinstance(constraint, _Dependent)


class _DependentProperty(property, _Dependent):
    """@constraints.dependent_property: a property on an instance, a dependent constraint on the class."""

    def __init__(self, fn=None, *, is_discrete=NotImplemented, event_dim=NotImplemented):
        property.__init__(self, fn)
        self._is_discrete, self._event_dim = is_discrete, event_dim

    def __call__(self, fn):
        return _DependentProperty(fn, is_discrete=self._is_discrete, event_dim=self._event_dim)


class _Cat(_Constraint):
    """Constraints applied to consecutive slices (of the given lengths) along dim."""

    def __init__(self, cseq, dim=0, lengths=None):
        self.cseq = list(cseq)
        self.lengths = list(lengths) if lengths is not None else [1] * len(self.cseq)
        self.dim = dim

    is_discrete = property(lambda self: any(c.is_discrete for c in self.cseq))
    event_dim = property(lambda self: max(c.event_dim for c in self.cseq))

    def check(self, value):
        _check_dim(self.dim, value)
        checks, start = [], 0
        for constr, length in zip(self.cseq, self.lengths):
            checks.append(constr.check(value.narrow(self.dim, start, length)))
            start = start + length
        return T["cat"](checks, self.dim)


def _check_dim(dim, value):
    """cat's and stack's constraints assert their dim is one of value's first."""
    if not -value.dim() <= dim < value.dim():
        raise make("AssertionError", f"dim {dim} out of range for value with {value.dim()} dimensions")


class _Stack(_Constraint):
    """A constraint for each index along dim."""

    def __init__(self, cseq, dim=0):
        self.cseq, self.dim = list(cseq), dim

    is_discrete = property(lambda self: any(c.is_discrete for c in self.cseq))

    @property
    def event_dim(self):
        dim = max(c.event_dim for c in self.cseq)
        return dim + 1 if self.dim + dim < 0 else dim

    def check(self, value):
        _check_dim(self.dim, value)
        vs = [value.select(self.dim, i) for i in range(value.size(self.dim))]
        return T["stack"]([constr.check(v) for v, constr in zip(vs, self.cseq)], self.dim)


real = _Real()
positive = _GreaterThan(0.0)
simplex = _Simplex()
real_vector = _IndependentConstraint(real, 1)
unit_interval = _Interval(0.0, 1.0)
boolean = _Boolean()
nonnegative = _GreaterThanEq(0.0)
nonnegative_integer = _IntegerGreaterThan(0)


_OWN_MODULES = (__name__, "tensorsh.distribution_transforms", "tensorsh.distributions_extra")


def named_as_own(cls):
    """A family's methods inherited from a helper base of tensorsh's (_LocScale, _Rate, ...) or bound under another
    name (`expand = _expand_given`) are copied under the family's name, where PyTorch's family defines its own:
    Python's TypeError for a wrong call names it (`Normal.__init__() missing 1 required positional argument: 'scale'`)."""
    for name in dir(cls):
        if name.startswith("_") and name != "__init__":
            continue
        owner = next(c for c in cls.__mro__ if name in c.__dict__)
        fn = owner.__dict__[name]
        if isinstance(fn, types.FunctionType) and (owner.__name__.startswith("_") or fn.__name__ != name):
            own = types.FunctionType(fn.__code__, fn.__globals__, name, fn.__defaults__, fn.__closure__)
            own.__kwdefaults__, own.__doc__ = fn.__kwdefaults__, fn.__doc__
            own.__qualname__ = f"{cls.__name__}.{name}"
            setattr(cls, name, own)


def _is_all_true(valid):
    """torch._is_all_true, which the validation of parameters and samples asks: vmap's batching rule answers it for
    the whole batch (an unbatched bool), so a distribution made or scored inside vmap is checked, not refused as a
    read of a batched tensor's data would be."""
    return bool(valid._np.all())


class Distribution:
    """The base class: shapes, argument and sample validation, sample() as rsample() without grad, the repr."""
    __api__ = frozenset({"batch_shape", "event_shape", "sample", "rsample", "log_prob", "entropy", "mean", "mode",
                         "variance", "stddev", "arg_constraints", "support", "has_rsample", "perplexity", "cdf",
                         "icdf", "expand", "enumerate_support", "has_enumerate_support", "sample_n",
        # (the protected helpers PyTorch's own subclasses use, which a program's subclass calls too)
        "_extended_shape", "_validate_sample", "_validate_args", "_batch_shape", "_event_shape",
        "_get_checked_instance"})
    __class_api__ = frozenset({"set_default_validate_args", "arg_constraints", "support", "has_rsample",
                               "has_enumerate_support", "_validate_args"})
    has_rsample = False
    has_enumerate_support = False
    _validate_args = True  # (PyTorch's class-wide default, __debug__; an instance's own shadows it)
    _checked = None  # the parameters validated, when not those given (Chi2's df, computed from its concentration)
    _given = None  # the parameters given (each family's own); a program's subclass: those in its __dict__

    def _given_params(self):
        given = self._given
        return given if given is not None else tuple(p for p in self.arg_constraints if p in vars(self))

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__module__ in _OWN_MODULES:  # (a program's subclass keeps its
            # family's: expand's check names that)
            cls._family_cls = cls
            if not cls.__name__.startswith("_"):
                named_as_own(cls)
        cls.__api__ = cls.__api__ | set(cls.__dict__.get("_given") or ())  # (its parameters are its attributes)

    @staticmethod
    def set_default_validate_args(value):
        """Validation on or off for every distribution built without validate_args (PyTorch's class-wide switch)."""
        if value not in (True, False):
            raise value_error("")
        Distribution._validate_args = value

    def _expand_given(self, batch_shape, _instance=None):
        """expand() of the families whose given parameters all broadcast to the batch shape."""
        return self._expanded(self._family_cls, batch_shape, _instance, self._given)

    @property
    def arg_constraints(self):  # (PyTorch's abstract properties: a family, or a program's subclass, sets them)
        raise make("NotImplementedError", "")

    support = arg_constraints

    def __init__(self, batch_shape=(), event_shape=(), validate_args=None):
        self._batch_shape, self._event_shape = _size(batch_shape), _size(event_shape)
        if validate_args is not None:
            self._validate_args = validate_args
        if self._validate_args:
            try:
                arg_constraints = self.arg_constraints
            except TorchError as e:
                if type(e).__name__ != "NotImplementedError":
                    raise
                arg_constraints = {}
                warn(f"{self.__class__} does not define `arg_constraints`. Please set `arg_constraints = {{}}` or "
                     "initialize the distribution with `validate_args=False` to turn off validation.")
            for param, constraint in arg_constraints.items():
                if is_dependent(constraint) or param not in (self._checked or self._given_params()):
                    continue  # (a dependent constraint cannot be checked; a lazily computed parameter is not)
                value = getattr(self, param)
                if not _is_all_true(constraint.check(value)):
                    raise value_error(f"Expected parameter {param} ({type(value).__name__} of shape "
                                      f"{tuple(value.shape)}) of distribution {self!r} to satisfy the constraint "
                                      f"{constraint!r}, but found invalid values:\n{value}")

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def event_shape(self):
        return self._event_shape

    def _extended_shape(self, sample_shape=()):
        return _size(tuple(_size(sample_shape)) + tuple(self._batch_shape) + tuple(self._event_shape))

    def sample(self, sample_shape=()):
        with autograd.no_grad():
            return self.rsample(sample_shape)

    def sample_n(self, n):
        warn("`sample_n(n)` will be deprecated. Use `sample((n,))` instead.", "FutureWarning")
        return self.sample(T["Size"]((n,)))

    # (PyTorch's abstract methods, with their signatures: a wrong call is Python's TypeError naming them)
    def rsample(self, sample_shape=()):
        raise make("NotImplementedError", "")

    def expand(self, batch_shape, _instance=None):
        raise make("NotImplementedError", "")

    def log_prob(self, value):
        raise make("NotImplementedError", "")

    def cdf(self, value):
        raise make("NotImplementedError", "")

    def icdf(self, value):
        raise make("NotImplementedError", "")

    def entropy(self):
        raise make("NotImplementedError", "")

    def enumerate_support(self, expand=True):
        raise make("NotImplementedError", "")

    @property
    def mean(self):
        raise make("NotImplementedError", "")

    variance = mean

    @property
    def mode(self):
        raise make("NotImplementedError", f"{type(self)} does not implement mode")

    def _get_checked_instance(self, cls, _instance=None):
        if _instance is None and type(self).__init__ is not cls.__init__:
            raise make("NotImplementedError", f"Subclass {type(self).__name__} of {cls.__name__} that defines a custom "
                                              "__init__ method must also define a custom .expand() method.")
        return object.__new__(type(self)) if _instance is None else _instance

    def _expanded(self, cls, batch_shape, _instance, names=(), event_shape=(), parts=None):
        """PyTorch's expand(): each parameter in names expanded to the batch shape (and event shape), the other
        attributes parts(batch_shape) gives set, the new instance unvalidated, keeping this one's validation flag."""
        new = self._get_checked_instance(cls, _instance)
        batch_shape = _size(batch_shape)
        for name in names:
            setattr(new, name, getattr(self, name).expand(tuple(batch_shape) + tuple(event_shape)))
        for name, value in (parts(batch_shape) if parts else {}).items():
            setattr(new, name, value)
        Distribution.__init__(new, batch_shape, event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @property
    def stddev(self):
        return self.variance.sqrt()

    def perplexity(self):
        return T["exp"](self.entropy())

    def _validate_sample(self, value):
        if not isinstance(value, Tensor):
            raise value_error("The value argument to log_prob must be a Tensor")
        event_dim_start = len(value.size()) - len(self._event_shape)
        if tuple(value.size()[event_dim_start:]) != tuple(self._event_shape):
            raise value_error(f"The right-most size of value must match event_shape: {value.size()} vs "
                              f"{self._event_shape}.")
        actual_shape = value.size()
        expected_shape = self._extended_shape()
        for i, j in zip(reversed(actual_shape), reversed(expected_shape)):
            if i != 1 and j != 1 and i != j:
                raise value_error(f"Value is not broadcastable with batch_shape+event_shape: {actual_shape} vs "
                                  f"{expected_shape}.")
        support = self.support
        if not _is_all_true(support.check(value)):
            raise value_error(f"Expected value argument ({type(value).__name__} of shape {tuple(value.shape)}) to be "
                              f"within the support ({support!r}) of the distribution {self!r}, but found invalid "
                              f"values:\n{value}")

    def _has(self, param):
        return param in self._given_params()

    def __repr__(self):  # the parameters given or already computed (PyTorch's lazy properties fill __dict__)
        parts = []
        for p in self.arg_constraints:
            if self._has(p):
                v = getattr(self, p)
                parts.append(f"{p}: {v if v.numel() == 1 else v.size()}")
        return type(self).__name__ + "(" + ", ".join(parts) + ")"


# ---- torch.distributions.utils ----
def clamp_probs(probs):
    eps = T["finfo"](probs.dtype).eps
    return probs.clamp(min=eps, max=1 - eps)


def probs_to_logits(probs, is_binary=False):
    ps_clamped = clamp_probs(probs)
    if is_binary:
        return T["log"](ps_clamped) - T["log1p"](-ps_clamped)
    return T["log"](ps_clamped)


def logits_to_probs(logits, is_binary=False):
    return T["sigmoid"](logits) if is_binary else T["softmax"](logits, dim=-1)


def _tril_mask(n, diag):
    arange = T["arange"](n)
    return arange < arange.view(-1, 1) + (diag + 1)


def tril_matrix_to_vec(mat, diag=0):
    n = mat.shape[-1]
    if diag < -n or diag >= n:
        raise value_error(f"diag ({diag}) provided is outside [{-n}, {n - 1}].")
    return mat[..., _tril_mask(n, diag)]


def vec_to_tril_matrix(vec, diag=0):
    n = (-(1 + 2 * diag) + ((1 + 2 * diag) ** 2 + 8 * vec.shape[-1] + 4 * abs(diag) * (diag + 1)) ** 0.5) / 2
    if round(n) - n > T["finfo"](vec.dtype).eps:
        raise value_error(f"The size of last dimension is {vec.shape[-1]} which cannot be expressed as the lower "
                          "triangular part of a square D x D matrix.")
    n = round(n)
    mat = vec.new_zeros(tuple(vec.shape[:-1]) + (n, n))
    mat[..., _tril_mask(n, diag)] = vec
    return mat


class lazy_property:
    """A method computed on first read, its value then stored on the instance under the method's name."""

    def __init__(self, wrapped):
        self.wrapped = wrapped
        self.__doc__, self.__name__ = getattr(wrapped, "__doc__", None), getattr(wrapped, "__name__", None)

    def __get__(self, instance, obj_type=None):
        if instance is None:
            return self
        with autograd.enable_grad():
            value = self.wrapped(instance)
        setattr(instance, self.wrapped.__name__, value)
        return value


def computed_once(cache, name, make):
    """cache[name], made on first read as lazy_property makes it: with grad enabled even when read without."""
    if name not in cache:
        with autograd.enable_grad():
            cache[name] = make()
    return cache[name]


class ExponentialFamily(Distribution):
    """A family with natural parameters and a log normalizer: its entropy (and the KL between two of one type)
    by autograd's gradient of the log normalizer, as PyTorch's Bregman-divergence formulas."""
    __class_api__ = Distribution.__class_api__ | {"entropy"}

    def __init_subclass__(cls, **kwargs):  # (the Bregman parts a program reads or defines, each family's own too)
        super().__init_subclass__(**kwargs)
        cls.__api__ = cls.__api__ | {"_natural_params", "_log_normalizer", "_mean_carrier_measure"}

    @property
    def _natural_params(self):
        raise make("NotImplementedError", "")

    def _log_normalizer(self, *natural_params):
        raise make("NotImplementedError", "")

    @property
    def _mean_carrier_measure(self):
        raise make("NotImplementedError", "")

    def entropy(self):
        result = -self._mean_carrier_measure
        nparams = [p.detach().requires_grad_() for p in self._natural_params]
        lg_normal = self._log_normalizer(*nparams)
        gradients = T["autograd"].grad(lg_normal.sum(), nparams, create_graph=True)
        result += lg_normal
        for np_, g in zip(nparams, gradients):
            result -= (np_ * g).reshape(tuple(self._batch_shape) + (-1,)).sum(-1)
        return result


def _kl_expfamily_expfamily(p, q):
    if type(p) is not type(q):  # (the text keeps the indent of the source line its backslash continues)
        raise make("NotImplementedError", "The cross KL-divergence between different exponential families cannot"
                                          + " " * 29 + "be computed using Bregman divergences")
    p_nparams = [np_.detach().requires_grad_() for np_ in p._natural_params]
    q_nparams = q._natural_params
    lg_normal = p._log_normalizer(*p_nparams)
    gradients = T["autograd"].grad(lg_normal.sum(), p_nparams, create_graph=True)
    result = q._log_normalizer(*q_nparams) - lg_normal
    for pnp, qnp, g in zip(p_nparams, q_nparams, gradients):
        result -= _sum_rightmost((qnp - pnp) * g, len(q.event_shape))
    return result


class _ProbsOrLogits(Distribution):
    """probs and logits: the one given is stored; the other is computed on first read and kept."""

    def _take(self, probs, logits):
        if (probs is None) == (logits is None):
            raise value_error("Either `probs` or `logits` must be specified, but not both.")
        self._given = ("probs",) if probs is not None else ("logits",)
        self._probs = self._logits = None

    @property
    def probs(self):
        if self._probs is None:
            self._probs = computed_once({}, "", lambda: self._logits_to_probs(self._logits))
        return self._probs

    @property
    def logits(self):
        if self._logits is None:
            self._logits = computed_once({}, "", lambda: self._probs_to_logits(self._probs))
        return self._logits

    def _has(self, param):
        return getattr(self, "_" + param) is not None

    @property
    def _param(self):
        return self._probs if "probs" in self._given else self._logits

    def expand(self, batch_shape, _instance=None):
        return self._expanded(self._family_cls, batch_shape, _instance, parts=self._expanded_probs)

    def _expanded_probs(self, shape, given=()):
        """expand()'s probs and logits: those already computed, expanded to shape (logits the parameter if set)."""
        return {"_probs": self._probs.expand(shape) if self._probs is not None else None,
                "_logits": self._logits.expand(shape) if self._logits is not None else None,
                "_given": given + ("logits" if self._logits is not None else "probs",)}

    @property
    def param_shape(self):
        return self._param.size()


class Categorical(_ProbsOrLogits):
    __api__ = Distribution.__api__ | {"probs", "logits", "param_shape"}
    arg_constraints = {"probs": simplex, "logits": real_vector}
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._take(probs, logits)
        if probs is not None:
            if probs.dim() < 1:
                raise value_error("`probs` parameter must be at least one-dimensional.")
            self._probs = probs / probs.sum(-1, keepdim=True)
        else:
            if logits.dim() < 1:
                raise value_error("`logits` parameter must be at least one-dimensional.")
            self._logits = logits - logits.logsumexp(dim=-1, keepdim=True)
        self._num_events = self._param.size()[-1]
        batch_shape = self._param.size()[:-1] if self._param.ndimension() > 1 else ()
        super().__init__(batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(Categorical, batch_shape, _instance, parts=lambda b: dict(
            self._expanded_probs(tuple(b) + (self._num_events,)), _num_events=self._num_events))

    @staticmethod
    def _logits_to_probs(logits):
        return T["softmax"](logits, dim=-1)

    @staticmethod
    def _probs_to_logits(probs):
        return probs_to_logits(probs)

    @property
    def support(self):
        return _IntegerInterval(0, self._num_events - 1)

    @property
    def mean(self):
        return T["full"](self._extended_shape(), math.nan, dtype=self.probs.dtype)

    variance = mean

    @property
    def mode(self):
        return self.probs.argmax(dim=-1)

    def sample(self, sample_shape=()):
        sample_shape = _size(sample_shape)
        probs_2d = self.probs.reshape(-1, self._num_events)
        samples_2d = T["multinomial"](probs_2d, sample_shape.numel(), True).T
        return samples_2d.reshape(self._extended_shape(sample_shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        value = value.long().unsqueeze(-1)
        value, log_pmf = T["broadcast_tensors"](value, self.logits)
        value = value[..., :1]
        return log_pmf.gather(-1, value).squeeze(-1)

    def entropy(self):
        min_real = T["finfo"](self.logits.dtype).min
        logits = T["clamp"](self.logits, min=min_real)
        p_log_p = logits * self.probs
        return -p_log_p.sum(-1)

    def enumerate_support(self, expand=True):
        values = T["arange"](self._num_events, dtype=T["long"])
        values = values.view((-1,) + (1,) * len(self._batch_shape))
        if expand:
            values = values.expand((-1,) + tuple(self._batch_shape))
        return values


class _BinaryProbs(_ProbsOrLogits):
    """Bernoulli's, Geometric's and Binomial's probs and logits: a probability of success and its log-odds."""

    def _take_one(self, probs, logits, validate_args):
        """Bernoulli's and Geometric's __init__: the one given broadcast, the batch shape its own unless a number."""
        self._take(probs, logits)
        given = probs if probs is not None else logits
        (param,) = broadcast_all(given)
        if probs is not None:
            self._probs = param
        else:
            self._logits = param
        Distribution.__init__(self, () if _is_number(given) else param.size(), validate_args=validate_args)

    @staticmethod
    def _logits_to_probs(logits):
        return T["sigmoid"](logits)

    @staticmethod
    def _probs_to_logits(probs):
        return probs_to_logits(probs, is_binary=True)


class Bernoulli(_BinaryProbs, ExponentialFamily):
    __api__ = Distribution.__api__ | {"probs", "logits", "param_shape"}
    arg_constraints = {"probs": unit_interval, "logits": real}
    support = boolean
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._take_one(probs, logits, validate_args)

    @property
    def mean(self):
        return self.probs

    @property
    def variance(self):
        return self.probs * (1 - self.probs)

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        with autograd.no_grad():
            return T["bernoulli"](self.probs.expand(shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = broadcast_all(self.logits, value)
        return -binary_cross_entropy_with_logits(logits, value, reduction="none")

    def entropy(self):
        return binary_cross_entropy_with_logits(self.logits, self.probs, reduction="none")

    @property
    def mode(self):
        mode = (self.probs >= 0.5).to(self.probs)
        mode[self.probs == 0.5] = math.nan
        return mode

    def enumerate_support(self, expand=True):
        values = T["arange"](2, dtype=self._param.dtype)
        values = values.view((-1,) + (1,) * len(self._batch_shape))
        if expand:
            values = values.expand((-1,) + tuple(self._batch_shape))
        return values

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return (T["logit"](self.probs),)

    def _log_normalizer(self, x):
        return T["log1p"](T["exp"](x))


_LOC = property(lambda self: self.loc, doc="mean and mode of the distributions located at loc")


def _delegated(owner, name):
    """A property read from the distribution this one wraps (Independent's base_dist, OneHotCategorical's
    Categorical), as PyTorch's one-line properties do."""
    return property(lambda self: getattr(getattr(self, owner), name))


def _two_parameters(self, a, b, validate_args):
    """Normal's and Uniform's __init__: the two parameters (named by _given) broadcast, the batch shape theirs
    unless both are numbers, then the base class's validation."""
    values = broadcast_all(a, b)
    for name, value in zip(self._given, values):
        setattr(self, name, value)
    batch_shape = () if _is_number(a) and _is_number(b) else values[0].size()
    Distribution.__init__(self, batch_shape, validate_args=validate_args)


class _LocScale(Distribution):
    """Normal's, Laplace's and Cauchy's common part: a real loc and a positive scale, broadcast."""
    arg_constraints = {"loc": real, "scale": positive}
    support = real
    has_rsample = True
    _given = ("loc", "scale")

    def __init__(self, loc, scale, validate_args=None):
        _two_parameters(self, loc, scale, validate_args)

    expand = Distribution._expand_given


class Normal(_LocScale, ExponentialFamily):

    mean = mode = _LOC

    @property
    def stddev(self):
        return self.scale

    @property
    def variance(self):
        return self.stddev.pow(2)

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        with autograd.no_grad():
            return T["normal"](self.loc.expand(shape), self.scale.expand(shape))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        eps = T["empty"](shape, dtype=self.loc.dtype).normal_()
        return self.loc + eps * self.scale

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        var = self.scale ** 2
        log_scale = self.scale.log()
        return -((value - self.loc) ** 2) / (2 * var) - log_scale - math.log(math.sqrt(2 * math.pi))

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 0.5 * (1 + T["erf"]((value - self.loc) * self.scale.reciprocal() / math.sqrt(2)))

    def icdf(self, value):
        return self.loc + self.scale * T["erfinv"](2 * value - 1) * math.sqrt(2)

    def entropy(self):
        return 0.5 + 0.5 * math.log(2 * math.pi) + T["log"](self.scale)

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return (self.loc / self.scale.pow(2), -0.5 * self.scale.pow(2).reciprocal())

    def _log_normalizer(self, x, y):
        return -0.25 * x.pow(2) / y + 0.5 * T["log"](-math.pi / y)


class Uniform(Distribution):
    has_rsample = True
    _given = ("low", "high")

    def __init__(self, low, high, validate_args=None):
        _two_parameters(self, low, high, validate_args)

    expand = Distribution._expand_given

    @property
    def arg_constraints(self):
        return {"low": _LessThan(self.high), "high": _GreaterThan(self.low)}

    @property
    def support(self):
        return _Interval(self.low, self.high)

    @property
    def mean(self):
        return (self.high + self.low) / 2

    @property
    def mode(self):
        return math.nan * self.high

    @property
    def stddev(self):
        return (self.high - self.low) / 12 ** 0.5

    @property
    def variance(self):
        return (self.high - self.low).pow(2) / 12

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        rand = T["rand"](shape, dtype=self.low.dtype)
        return self.low + rand * (self.high - self.low)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        lb = self.low.le(value).type_as(self.low)
        ub = self.high.gt(value).type_as(self.low)
        return T["log"](lb.mul(ub)) - T["log"](self.high - self.low)

    def entropy(self):
        return T["log"](self.high - self.low)

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        result = (value - self.low) / (self.high - self.low)
        return result.clamp(min=0, max=1)

    def icdf(self, value):
        return value * (self.high - self.low) + self.low


def _sum_rightmost(value, dim):
    return value if dim == 0 else value.reshape(tuple(value.shape[:-dim]) + (-1,)).sum(-1)


class Independent(Distribution):
    """Reinterprets the rightmost batch dims of a distribution as event dims (log_prob and entropy summed)."""
    __api__ = Distribution.__api__ | {"base_dist", "reinterpreted_batch_ndims"}
    arg_constraints = {}
    _given = ()

    def __init__(self, base_distribution, reinterpreted_batch_ndims, validate_args=None):
        if reinterpreted_batch_ndims > len(base_distribution.batch_shape):
            raise value_error("Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), actual "
                              f"{reinterpreted_batch_ndims} vs {len(base_distribution.batch_shape)}")
        shape = tuple(base_distribution.batch_shape) + tuple(base_distribution.event_shape)
        event_dim = reinterpreted_batch_ndims + len(base_distribution.event_shape)
        self.base_dist = base_distribution
        self.reinterpreted_batch_ndims = reinterpreted_batch_ndims
        super().__init__(shape[:len(shape) - event_dim], shape[len(shape) - event_dim:], validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(Independent, batch_shape, _instance, (), self._event_shape, lambda b: {
            "base_dist": self.base_dist.expand(tuple(b) + tuple(self._event_shape[:self.reinterpreted_batch_ndims])),
            "reinterpreted_batch_ndims": self.reinterpreted_batch_ndims})

    has_rsample = _delegated("base_dist", "has_rsample")

    @property
    def support(self):
        result = self.base_dist.support
        return _IndependentConstraint(result, self.reinterpreted_batch_ndims) if self.reinterpreted_batch_ndims \
            else result

    mean, mode, variance = (_delegated("base_dist", name) for name in ("mean", "mode", "variance"))

    def sample(self, sample_shape=()):
        return self.base_dist.sample(sample_shape)

    def rsample(self, sample_shape=()):
        return self.base_dist.rsample(sample_shape)

    def log_prob(self, value):
        return _sum_rightmost(self.base_dist.log_prob(value), self.reinterpreted_batch_ndims)

    def entropy(self):
        return _sum_rightmost(self.base_dist.entropy(), self.reinterpreted_batch_ndims)

    @property
    def has_enumerate_support(self):
        return False if self.reinterpreted_batch_ndims > 0 else self.base_dist.has_enumerate_support

    def enumerate_support(self, expand=True):
        if self.reinterpreted_batch_ndims > 0:
            raise make("NotImplementedError", "Enumeration over cartesian product is not implemented")
        return self.base_dist.enumerate_support(expand=expand)

    def __repr__(self):
        return f"{type(self).__name__}({self.base_dist!r}, {self.reinterpreted_batch_ndims})"


def _batch_mv(bmat, bvec):
    return T["matmul"](bmat, bvec.unsqueeze(-1)).squeeze(-1)


def _batch_mahalanobis(bL, bx):
    """PyTorch's: the squared norms of L^-1 x, L's batch dims lined up with x's by reshapes and permutes."""
    n = bx.size(-1)
    bx_batch_shape = tuple(bx.shape[:-1])
    bx_batch_dims = len(bx_batch_shape)
    bL_batch_dims = bL.dim() - 2
    outer_batch_dims = bx_batch_dims - bL_batch_dims
    old_batch_dims = outer_batch_dims + bL_batch_dims
    new_batch_dims = outer_batch_dims + 2 * bL_batch_dims
    bx_new_shape = tuple(bx.shape[:outer_batch_dims])
    for sL, sx in zip(bL.shape[:-2], bx.shape[outer_batch_dims:-1]):
        bx_new_shape += (sx // sL, sL)
    bx_new_shape += (n,)
    bx = bx.reshape(bx_new_shape)
    permute_dims = (list(range(outer_batch_dims)) + list(range(outer_batch_dims, new_batch_dims, 2))
                    + list(range(outer_batch_dims + 1, new_batch_dims, 2)) + [new_batch_dims])
    bx = bx.permute(permute_dims)
    flat_L = bL.reshape(-1, n, n)
    flat_x = bx.reshape(-1, flat_L.size(0), n)
    flat_x_swap = flat_x.permute(1, 2, 0)
    M_swap = T["linalg"].solve_triangular(flat_L, flat_x_swap, upper=False).pow(2).sum(-2)
    M = M_swap.t()
    permuted_M = M.reshape(tuple(bx.shape[:-1]))
    permute_inv_dims = list(range(outer_batch_dims))
    for i in range(bL_batch_dims):
        permute_inv_dims += [outer_batch_dims + i, old_batch_dims + i]
    return permuted_M.permute(permute_inv_dims).reshape(bx_batch_shape)


def _precision_to_scale_tril(P):
    """The lower Cholesky factor of P's inverse, as PyTorch's multivariate_normal computes it (flipped Cholesky)."""
    Lf = T["linalg"].cholesky(T["flip"](P, (-2, -1)))
    L_inv = T["transpose"](T["flip"](Lf, (-2, -1)), -2, -1)
    Id = T["eye"](P.shape[-1], dtype=P.dtype)
    return T["linalg"].solve_triangular(L_inv, Id, upper=False)


class MultivariateNormal(Distribution):
    __api__ = Distribution.__api__ | {"loc", "covariance_matrix", "precision_matrix", "scale_tril"}
    arg_constraints = {"loc": real_vector, "covariance_matrix": _PositiveDefinite(),
                       "precision_matrix": _PositiveDefinite(), "scale_tril": _LowerCholesky()}
    support = real_vector
    has_rsample = True

    def __init__(self, loc, covariance_matrix=None, precision_matrix=None, scale_tril=None, validate_args=None):
        if loc.dim() < 1:
            raise value_error("loc must be at least one-dimensional.")
        if (covariance_matrix is not None) + (scale_tril is not None) + (precision_matrix is not None) != 1:
            raise value_error("Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.")
        given = next(name for name, m in (("scale_tril", scale_tril), ("covariance_matrix", covariance_matrix),
                                          ("precision_matrix", precision_matrix)) if m is not None)
        matrix = {"scale_tril": scale_tril, "covariance_matrix": covariance_matrix,
                  "precision_matrix": precision_matrix}[given]
        if matrix.dim() < 2:
            raise value_error(f"{given} matrix must be at least two-dimensional, with optional leading batch "
                              "dimensions" if given == "scale_tril" else
                              f"{given} must be at least two-dimensional, with optional leading batch dimensions")
        batch_shape = tuple(T["broadcast_shapes"](matrix.shape[:-2], loc.shape[:-1]))
        self._given = ("loc", given)
        self._matrices = {given: matrix.expand(batch_shape + (-1, -1))}
        self.loc = loc.expand(batch_shape + (-1,))
        super().__init__(batch_shape, self.loc.shape[-1:], validate_args=validate_args)
        if given == "scale_tril":
            self._unbroadcasted_scale_tril = scale_tril
        elif given == "covariance_matrix":
            self._unbroadcasted_scale_tril = T["linalg"].cholesky(covariance_matrix)
        else:
            self._unbroadcasted_scale_tril = _precision_to_scale_tril(precision_matrix)

    def _has(self, param):
        return param == "loc" or param in self._matrices

    def expand(self, batch_shape, _instance=None):
        event = tuple(self._event_shape)
        return self._expanded(MultivariateNormal, batch_shape, _instance, ("loc",), self._event_shape, lambda b: {
            "_unbroadcasted_scale_tril": self._unbroadcasted_scale_tril, "_given": self._given,
            "_matrices": {k: m.expand(tuple(b) + event * 2) for k, m in self._matrices.items()}})

    def _matrix(self, name, make):
        return computed_once(self._matrices, name, lambda: make().expand(
            tuple(self._batch_shape) + tuple(self._event_shape) * 2))

    @property
    def scale_tril(self):
        return self._matrix("scale_tril", lambda: self._unbroadcasted_scale_tril)

    @property
    def covariance_matrix(self):
        return self._matrix("covariance_matrix", lambda: T["matmul"](self._unbroadcasted_scale_tril,
                                                                     self._unbroadcasted_scale_tril.mT))

    @property
    def precision_matrix(self):
        return self._matrix("precision_matrix", lambda: T["cholesky_inverse"](self._unbroadcasted_scale_tril))

    mean = mode = _LOC

    @property
    def variance(self):
        return self._unbroadcasted_scale_tril.pow(2).sum(-1).expand(tuple(self._batch_shape) +
                                                                     tuple(self._event_shape))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        eps = T["empty"](shape, dtype=self.loc.dtype).normal_()
        return self.loc + _batch_mv(self._unbroadcasted_scale_tril, eps)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        diff = value - self.loc
        M = _batch_mahalanobis(self._unbroadcasted_scale_tril, diff)
        half_log_det = self._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
        return -0.5 * (self._event_shape[0] * math.log(2 * math.pi) + M) - half_log_det

    def entropy(self):
        half_log_det = self._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
        H = 0.5 * self._event_shape[0] * (1.0 + math.log(2 * math.pi)) + half_log_det
        return H if len(self._batch_shape) == 0 else H.expand(tuple(self._batch_shape))


def _one_parameter(self, value, validate_args, event_shape=()):
    """The __init__ of the one-parameter families (named by _given): the parameter broadcast, the batch shape its
    own unless it is a number."""
    (param,) = broadcast_all(value)
    setattr(self, self._given[0], param)
    Distribution.__init__(self, () if _is_number(value) else param.size(), event_shape, validate_args=validate_args)


class _Rate(Distribution):
    """Exponential's and Poisson's common part: one rate, broadcast."""
    _given = ("rate",)

    def __init__(self, rate, validate_args=None):
        _one_parameter(self, rate, validate_args)

    expand = Distribution._expand_given


class Exponential(_Rate, ExponentialFamily):
    arg_constraints = {"rate": positive}
    support = nonnegative
    has_rsample = True

    @property
    def mean(self):
        return self.rate.reciprocal()

    @property
    def mode(self):
        return T["zeros_like"](self.rate)

    @property
    def stddev(self):
        return self.rate.reciprocal()

    @property
    def variance(self):
        return self.rate.pow(-2)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        return self.rate.new(shape).exponential_() / self.rate

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return self.rate.log() - self.rate * value

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 1 - T["exp"](-self.rate * value)

    def icdf(self, value):
        return -T["log1p"](-value) / self.rate

    def entropy(self):
        return 1.0 - T["log"](self.rate)

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return (-self.rate,)

    def _log_normalizer(self, x):
        return -T["log"](-x)


class Laplace(_LocScale):

    mean = mode = _LOC

    @property
    def variance(self):
        return 2 * self.scale.pow(2)

    @property
    def stddev(self):
        return (2 ** 0.5) * self.scale

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        finfo = T["finfo"](self.loc.dtype)
        u = self.loc.new(shape).uniform_(finfo.eps - 1, 1)
        return self.loc - self.scale * u.sign() * T["log1p"](-u.abs())

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return -T["log"](2 * self.scale) - T["abs"](value - self.loc) / self.scale

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 0.5 - 0.5 * (value - self.loc).sign() * T["expm1"](-(value - self.loc).abs() / self.scale)

    def icdf(self, value):
        term = value - 0.5
        return self.loc - self.scale * (term).sign() * T["log1p"](-2 * term.abs())

    def entropy(self):
        return 1 + T["log"](2 * self.scale)


class Cauchy(_LocScale):

    @property
    def mean(self):
        return T["full"](self._extended_shape(), math.nan, dtype=self.loc.dtype)

    mode = _LOC

    @property
    def variance(self):
        return T["full"](self._extended_shape(), math.inf, dtype=self.loc.dtype)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        eps = self.loc.new(shape).cauchy_()
        return self.loc + eps * self.scale

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return -math.log(math.pi) - self.scale.log() - (((value - self.loc) / self.scale) ** 2).log1p()

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return T["atan"]((value - self.loc) / self.scale) / math.pi + 0.5

    def icdf(self, value):
        return T["tan"](math.pi * (value - 0.5)) * self.scale + self.loc

    def entropy(self):
        return math.log(4 * math.pi) + self.scale.log()


class Poisson(_Rate, ExponentialFamily):
    arg_constraints = {"rate": nonnegative}
    support = nonnegative_integer

    @property
    def mean(self):
        return self.rate

    @property
    def mode(self):
        return self.rate.floor()

    @property
    def variance(self):
        return self.rate

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        with autograd.no_grad():
            return T["poisson"](self.rate.expand(shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        rate, value = broadcast_all(self.rate, value)
        return value.xlogy(rate) - rate - (value + 1).lgamma()

    @property
    def _natural_params(self):
        return (T["log"](self.rate),)

    def _log_normalizer(self, x):
        return T["exp"](x)


class Gamma(ExponentialFamily):
    arg_constraints = {"concentration": positive, "rate": positive}
    support = nonnegative
    has_rsample = True
    _given = ("concentration", "rate")

    def __init__(self, concentration, rate, validate_args=None):
        _two_parameters(self, concentration, rate, validate_args)

    expand = Distribution._expand_given

    @property
    def mean(self):
        return self.concentration / self.rate

    @property
    def mode(self):
        return ((self.concentration - 1) / self.rate).clamp(min=0)

    @property
    def variance(self):
        return self.concentration / self.rate.pow(2)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        value = T["_standard_gamma"](self.concentration.expand(shape)) / self.rate.expand(shape)
        value.detach().clamp_(min=T["finfo"](value.dtype).tiny)  # (not recorded in the graph)
        return value

    def log_prob(self, value):
        value = T["as_tensor"](value, dtype=self.rate.dtype)
        if self._validate_args:
            self._validate_sample(value)
        return (T["xlogy"](self.concentration, self.rate) + T["xlogy"](self.concentration - 1, value)
                - self.rate * value - T["lgamma"](self.concentration))

    def entropy(self):
        return (self.concentration - T["log"](self.rate) + T["lgamma"](self.concentration)
                + (1.0 - self.concentration) * T["digamma"](self.concentration))

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return T["special"].gammainc(self.concentration, self.rate * value)

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return (self.concentration - 1, -self.rate)

    def _log_normalizer(self, x, y):
        return T["lgamma"](x + 1) + (x + 1) * T["log"](-y.reciprocal())


class Chi2(Gamma):
    __api__ = Gamma.__api__ | {"df"}
    arg_constraints = {"df": positive}
    _checked = ("df",)

    def __init__(self, df, validate_args=None):
        super().__init__(0.5 * df, 0.5, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Chi2, _instance)
        return super().expand(batch_shape, new)

    @property
    def df(self):
        return self.concentration * 2


class StudentT(Distribution):
    arg_constraints = {"df": positive, "loc": real, "scale": positive}
    support = real
    has_rsample = True
    _given = ("df", "loc", "scale")

    @property
    def mean(self):
        m = self.loc.clone(memory_format=T["contiguous_format"])
        m[self.df <= 1] = math.nan
        return m

    mode = _LOC

    @property
    def variance(self):
        m = self.df.clone(memory_format=T["contiguous_format"])
        m[self.df > 2] = self.scale[self.df > 2].pow(2) * self.df[self.df > 2] / (self.df[self.df > 2] - 2)
        m[(self.df <= 2) & (self.df > 1)] = math.inf
        m[self.df <= 1] = math.nan
        return m

    def __init__(self, df, loc=0.0, scale=1.0, validate_args=None):
        self.df, self.loc, self.scale = broadcast_all(df, loc, scale)
        self._chi2 = Chi2(self.df)
        super().__init__(self.df.size(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(StudentT, batch_shape, _instance, self._given,
                              parts=lambda b: {"_chi2": self._chi2.expand(b)})

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        X = T["empty"](shape, dtype=self.df.dtype).normal_()
        Z = self._chi2.rsample(sample_shape)
        Y = X * T["rsqrt"](Z / self.df)
        return self.loc + self.scale * Y

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        y = (value - self.loc) / self.scale
        Z = (self.scale.log() + 0.5 * self.df.log() + 0.5 * math.log(math.pi) + T["lgamma"](0.5 * self.df)
             - T["lgamma"](0.5 * (self.df + 1.0)))
        return -0.5 * (self.df + 1.0) * T["log1p"](y ** 2.0 / self.df) - Z

    def entropy(self):
        lbeta = T["lgamma"](0.5 * self.df) + math.lgamma(0.5) - T["lgamma"](0.5 * (self.df + 1))
        return (self.scale.log() + 0.5 * (self.df + 1) * (T["digamma"](0.5 * (self.df + 1))
                                                          - T["digamma"](0.5 * self.df))
                + 0.5 * self.df.log() + lbeta)


def _dirichlet_backward(x, concentration, grad_output):
    total = concentration.sum(-1, True).expand_as(concentration)
    grad = T["_dirichlet_grad"](x, concentration, total)
    return grad * (grad_output - (x * grad_output).sum(-1, True))


def _dirichlet_function():
    """torch.distributions.dirichlet._Dirichlet: _sample_dirichlet as an autograd Function (_DirichletBackward)."""
    from tensorsh.engine.function import Function, once_differentiable

    class _Dirichlet(Function):
        @staticmethod
        def forward(ctx, concentration):
            x = T["_sample_dirichlet"](concentration)
            ctx.save_for_backward(x, concentration)
            return x

        @staticmethod
        @once_differentiable
        def backward(ctx, grad_output):
            x, concentration = ctx.saved_tensors
            return _dirichlet_backward(x, concentration, grad_output)
    _Dirichlet.__module__ = "torch.distributions.dirichlet"
    return _Dirichlet


class Dirichlet(ExponentialFamily):
    arg_constraints = {"concentration": _IndependentConstraint(positive, 1)}
    support = simplex
    has_rsample = True
    _given = ("concentration",)
    _function = None

    def __init__(self, concentration, validate_args=None):
        if concentration.dim() < 1:
            raise value_error("`concentration` parameter must be at least one-dimensional.")
        self.concentration = concentration
        super().__init__(concentration.shape[:-1], concentration.shape[-1:], validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(Dirichlet, batch_shape, _instance, self._given, self._event_shape)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        concentration = self.concentration.expand(shape)
        if Dirichlet._function is None:
            Dirichlet._function = _dirichlet_function()
        return Dirichlet._function.apply(concentration)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return (T["xlogy"](self.concentration - 1.0, value).sum(-1) + T["lgamma"](self.concentration.sum(-1))
                - T["lgamma"](self.concentration).sum(-1))

    @property
    def mean(self):
        return self.concentration / self.concentration.sum(-1, True)

    @property
    def mode(self):
        from tensorsh.nn.functional import one_hot
        concentrationm1 = (self.concentration - 1).clamp(min=0.0)
        mode = concentrationm1 / concentrationm1.sum(-1, True)
        mask = (self.concentration < 1).all(dim=-1)
        mode[mask] = one_hot(mode[mask].argmax(dim=-1), concentrationm1.shape[-1]).to(mode)
        return mode

    @property
    def variance(self):
        con0 = self.concentration.sum(-1, True)
        return self.concentration * (con0 - self.concentration) / (con0.pow(2) * (con0 + 1))

    def entropy(self):
        k = self.concentration.size(-1)
        a0 = self.concentration.sum(-1)
        return (T["lgamma"](self.concentration).sum(-1) - T["lgamma"](a0) - (k - a0) * T["digamma"](a0)
                - ((self.concentration - 1.0) * T["digamma"](self.concentration)).sum(-1))

    @property
    def _natural_params(self):
        return (self.concentration,)

    def _log_normalizer(self, x):
        return x.lgamma().sum(-1) - T["lgamma"](x.sum(-1))


class Beta(ExponentialFamily):
    __api__ = Distribution.__api__ | {"concentration1", "concentration0"}
    arg_constraints = {"concentration1": positive, "concentration0": positive}
    support = unit_interval
    has_rsample = True
    _given = ()

    def __init__(self, concentration1, concentration0, validate_args=None):
        if _is_number(concentration1) and _is_number(concentration0):
            concentration1_concentration0 = T["tensor"]([float(concentration1), float(concentration0)])
        else:
            concentration1, concentration0 = broadcast_all(concentration1, concentration0)
            concentration1_concentration0 = T["stack"]([concentration1, concentration0], -1)
        self._dirichlet = Dirichlet(concentration1_concentration0, validate_args=validate_args)
        super().__init__(self._dirichlet._batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(Beta, batch_shape, _instance, parts=lambda b: {"_dirichlet": self._dirichlet.expand(b)})

    @property
    def mean(self):
        return self.concentration1 / (self.concentration1 + self.concentration0)

    @property
    def mode(self):
        return self._dirichlet.mode[..., 0]

    @property
    def variance(self):
        total = self.concentration1 + self.concentration0
        return self.concentration1 * self.concentration0 / (total.pow(2) * (total + 1))

    def rsample(self, sample_shape=()):
        return self._dirichlet.rsample(sample_shape).select(-1, 0)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        heads_tails = T["stack"]([value, 1.0 - value], -1)
        return self._dirichlet.log_prob(heads_tails)

    def entropy(self):
        return self._dirichlet.entropy()

    @property
    def concentration1(self):
        return self._dirichlet.concentration[..., 0]

    @property
    def concentration0(self):
        return self._dirichlet.concentration[..., 1]

    @property
    def _natural_params(self):
        return (self.concentration1, self.concentration0)

    def _log_normalizer(self, x, y):
        return T["lgamma"](x) + T["lgamma"](y) - T["lgamma"](x + y)


class Geometric(_BinaryProbs):
    __api__ = Distribution.__api__ | {"probs", "logits"}
    arg_constraints = {"probs": unit_interval, "logits": real}
    support = nonnegative_integer

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._take_one(probs, logits, validate_args)
        if self._validate_args and probs is not None:
            value = self.probs
            valid = value > 0
            if not valid.all().item():
                raise value_error(f"Expected parameter probs ({type(value).__name__} of shape {tuple(value.shape)}) "
                                  f"of distribution {self!r} to be positive but found invalid values:\n"
                                  f"{value.data[~valid]}")

    @property
    def mean(self):
        return 1.0 / self.probs - 1.0

    @property
    def mode(self):
        return T["zeros_like"](self.probs)

    @property
    def variance(self):
        return (1.0 / self.probs - 1.0) / self.probs

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        tiny = T["finfo"](self.probs.dtype).tiny
        with autograd.no_grad():
            u = self.probs.new(shape).uniform_(tiny, 1)
            return (u.log() / (-self.probs).log1p()).floor()

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        value, probs = broadcast_all(value, self.probs)
        probs = probs.clone(memory_format=T["contiguous_format"])
        probs[(probs == 1) & (value == 0)] = 0
        return value * (-probs).log1p() + self.probs.log()

    def entropy(self):
        return binary_cross_entropy_with_logits(self.logits, self.probs, reduction="none") / self.probs


def _clamp_by_zero(x):
    return (x.clamp(min=0) + x - x.clamp(max=0)) / 2


def _counted(self, cls, total_count, probs, logits, validate_args):
    """Binomial's and NegativeBinomial's __init__ (torch's two, alike): total_count broadcast with the parameter."""
    self._take(probs, logits)
    self._given = ("total_count",) + self._given
    total_count, param = broadcast_all(total_count, probs if probs is not None else logits)
    self.total_count = total_count.type_as(param)
    if probs is not None:
        self._probs = param
    else:
        self._logits = param
    super(cls, self).__init__(self._param.size(), validate_args=validate_args)


def _expanded_counted(self, cls, batch_shape, _instance):
    return self._expanded(cls, batch_shape, _instance, ("total_count",),
                          parts=lambda b: self._expanded_probs(b, ("total_count",)))


class Binomial(_BinaryProbs):
    __api__ = Distribution.__api__ | {"total_count", "probs", "logits", "param_shape"}
    arg_constraints = {"total_count": nonnegative_integer, "probs": unit_interval, "logits": real}
    has_enumerate_support = True

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        _counted(self, Binomial, total_count, probs, logits, validate_args)

    def expand(self, batch_shape, _instance=None):
        return _expanded_counted(self, Binomial, batch_shape, _instance)

    def _has(self, param):
        return param == "total_count" or _ProbsOrLogits._has(self, param)

    @property
    def support(self):
        return _IntegerInterval(0, self.total_count)

    @property
    def mean(self):
        return self.total_count * self.probs

    @property
    def mode(self):
        return ((self.total_count + 1) * self.probs).floor().clamp(max=self.total_count)

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        with autograd.no_grad():
            return T["binomial"](self.total_count.expand(shape), self.probs.expand(shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        log_factorial_n = T["lgamma"](self.total_count + 1)
        log_factorial_k = T["lgamma"](value + 1)
        log_factorial_nmk = T["lgamma"](self.total_count - value + 1)
        normalize_term = (self.total_count * _clamp_by_zero(self.logits)
                          + self.total_count * T["log1p"](T["exp"](-T["abs"](self.logits))) - log_factorial_n)
        return value * self.logits - log_factorial_k - log_factorial_nmk - normalize_term

    def _homogeneous_count(self, what):
        total_count = int(self.total_count.max())
        if not (self.total_count.min() == total_count).item():
            raise make("NotImplementedError", f"Inhomogeneous total count not supported by `{what}`.")
        return total_count

    def entropy(self):
        self._homogeneous_count("entropy")
        log_prob = self.log_prob(self.enumerate_support(False))
        return -(T["exp"](log_prob) * log_prob).sum(0)

    def enumerate_support(self, expand=True):
        total_count = self._homogeneous_count("enumerate_support")
        values = T["arange"](1 + total_count, dtype=self._param.dtype)
        values = values.view((-1,) + (1,) * len(self._batch_shape))
        if expand:
            values = values.expand((-1,) + tuple(self._batch_shape))
        return values


class _Multinomial(_Constraint):
    is_discrete = True
    event_dim = 1

    def __init__(self, upper_bound):
        self.upper_bound = upper_bound

    def check(self, x):
        return (x >= 0).all(dim=-1) & (x.sum(dim=-1) <= self.upper_bound)


class Multinomial(Distribution):
    """Counts of total_count draws from a Categorical (sample: its multinomial with replacement, scatter_add_)."""
    __api__ = Distribution.__api__ | {"total_count", "probs", "logits", "param_shape"}
    arg_constraints = {"probs": simplex, "logits": real_vector}
    _given = ()
    _checked = ("probs", "logits")  # (properties, not lazily computed: PyTorch validates both)

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise make("NotImplementedError", "inhomogeneous total_count is not supported")
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        self._binomial = Binomial(total_count=total_count, probs=self.probs)
        super().__init__(self._categorical.batch_shape, self._categorical.param_shape[-1:],
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(Multinomial, batch_shape, _instance, (), self._event_shape, lambda b: {
            "total_count": self.total_count, "_categorical": self._categorical.expand(b)})

    probs, logits, param_shape = (_delegated("_categorical", name) for name in ("probs", "logits", "param_shape"))

    @property
    def support(self):
        return _Multinomial(self.total_count)

    @property
    def mean(self):
        return self.probs * self.total_count

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def sample(self, sample_shape=()):
        sample_shape = _size(sample_shape)
        samples = self._categorical.sample(_size((self.total_count,) + tuple(sample_shape)))
        shifted_idx = list(range(samples.dim()))
        shifted_idx.append(shifted_idx.pop(0))
        samples = samples.permute(*shifted_idx)
        counts = samples.new(self._extended_shape(sample_shape)).zero_()
        counts.scatter_add_(-1, samples, T["ones_like"](samples))
        return counts.type_as(self.probs)

    def entropy(self):
        n = T["tensor"](self.total_count)
        cat_entropy = self._categorical.entropy()
        term1 = n * cat_entropy - T["lgamma"](n + 1)
        support = self._binomial.enumerate_support(expand=False)[1:]
        binomial_probs = T["exp"](self._binomial.log_prob(support))
        weights = T["lgamma"](support + 1)
        term2 = (binomial_probs * weights).sum([0, -1])
        return term1 + term2

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = broadcast_all(self.logits, value)
        logits = logits.clone(memory_format=T["contiguous_format"])
        log_factorial_n = T["lgamma"](value.sum(-1) + 1)
        log_factorial_xs = T["lgamma"](value + 1).sum(-1)
        logits[(value == 0) & (logits == -math.inf)] = 0
        log_powers = (logits * value).sum(-1)
        return log_factorial_n - log_factorial_xs + log_powers


class _HalfOpenInterval(_Interval):
    def check(self, value):
        return (self.lower_bound <= value) & (value < self.upper_bound)


class NegativeBinomial(_BinaryProbs):
    """Failures before total_count successes: a Poisson of a Gamma's rate (sample), logsigmoid terms (log_prob)."""
    __api__ = Distribution.__api__ | {"total_count", "probs", "logits", "param_shape"}
    arg_constraints = {"total_count": _GreaterThanEq(0), "probs": _HalfOpenInterval(0.0, 1.0), "logits": real}
    support = nonnegative_integer

    def __init__(self, total_count, probs=None, logits=None, validate_args=None):
        _counted(self, NegativeBinomial, total_count, probs, logits, validate_args)

    def expand(self, batch_shape, _instance=None):
        return _expanded_counted(self, NegativeBinomial, batch_shape, _instance)

    _has = Binomial._has

    @property
    def mean(self):
        return self.total_count * T["exp"](self.logits)

    @property
    def mode(self):
        return ((self.total_count - 1) * self.logits.exp()).floor().clamp(min=0.0)

    @property
    def variance(self):
        return self.mean / T["sigmoid"](-self.logits)

    def sample(self, sample_shape=()):
        with autograd.no_grad():
            rate = Gamma(self.total_count, T["exp"](-self.logits), validate_args=False).sample(sample_shape)
            return T["poisson"](rate)

    def log_prob(self, value):
        from tensorsh.nn.functional import logsigmoid
        if self._validate_args:
            self._validate_sample(value)
        log_unnormalized_prob = self.total_count * logsigmoid(-self.logits) + value * logsigmoid(self.logits)
        log_normalization = (-T["lgamma"](self.total_count + value) + T["lgamma"](1.0 + value)
                             + T["lgamma"](self.total_count))
        log_normalization = log_normalization.masked_fill(self.total_count + value == 0.0, 0.0)
        return log_unnormalized_prob - log_normalization


class _OneHot(_Constraint):
    is_discrete = True
    event_dim = 1

    def check(self, value):
        is_boolean = (value == 0) | (value == 1)
        is_normalized = value.sum(-1).eq(1)
        return is_boolean.all(-1) & is_normalized


class OneHotCategorical(Distribution):
    __api__ = Distribution.__api__ | {"probs", "logits", "param_shape"}
    arg_constraints = {"probs": simplex, "logits": real_vector}
    support = _OneHot()
    has_enumerate_support = True
    _given = ()

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._categorical = Categorical(probs, logits)
        super().__init__(self._categorical.batch_shape, self._categorical.param_shape[-1:],
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(OneHotCategorical, batch_shape, _instance, (), self._event_shape,
                              lambda b: {"_categorical": self._categorical.expand(b)})

    _param, probs, logits, mean, param_shape = (_delegated("_categorical", name) for name in (
        "_param", "probs", "logits", "probs", "param_shape"))

    @property
    def mode(self):
        from tensorsh.nn.functional import one_hot
        probs = self._categorical.probs
        mode = probs.argmax(dim=-1)
        return one_hot(mode, num_classes=probs.shape[-1]).to(probs)

    @property
    def variance(self):
        return self._categorical.probs * (1 - self._categorical.probs)

    def sample(self, sample_shape=()):
        from tensorsh.nn.functional import one_hot
        sample_shape = _size(sample_shape)
        probs = self._categorical.probs
        num_events = self._categorical._num_events
        indices = self._categorical.sample(sample_shape)
        return one_hot(indices, num_events).to(probs)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        indices = value.max(-1)[1]
        return self._categorical.log_prob(indices)

    def entropy(self):
        return self._categorical.entropy()

    def enumerate_support(self, expand=True):
        n = self._event_shape[0]
        values = T["eye"](n, dtype=self._param.dtype)
        values = values.view((n,) + (1,) * len(self._batch_shape) + (n,))
        if expand:
            values = values.expand((n,) + tuple(self._batch_shape) + (n,))
        return values


class OneHotCategoricalStraightThrough(OneHotCategorical):
    has_rsample = True

    def rsample(self, sample_shape=()):
        samples = self.sample(sample_shape)
        probs = self._categorical.probs
        return samples + (probs - probs.detach())


class MixtureSameFamilyConstraint(_Constraint):
    __api__ = _Constraint.__api__ | {"base_constraint"}

    def __init__(self, base_constraint):
        self.base_constraint = base_constraint
        self.event_dim = base_constraint.event_dim
        self.is_discrete = base_constraint.is_discrete

    def check(self, value):
        result = self.base_constraint.check(value.unsqueeze(-1 - self.event_dim))
        if value.dim() < self.event_dim:
            raise value_error(f"Expected value.dim() >= {self.event_dim} but got {value.dim()}")
        result = result.reshape(tuple(result.shape[:value.dim() - self.event_dim]) + (-1,))
        return result.all(-1)

    def __repr__(self):
        return f"MixtureSameFamilyConstraint({self.base_constraint!r})"


class MixtureSameFamily(Distribution):
    """A Categorical's mixture of one family's batch of components (their last batch dim)."""
    __api__ = Distribution.__api__ | {"mixture_distribution", "component_distribution"}
    arg_constraints = {}
    _given = ()

    def __init__(self, mixture_distribution, component_distribution, validate_args=None):
        self._mixture_distribution = mixture_distribution
        self._component_distribution = component_distribution
        if not isinstance(mixture_distribution, Categorical):
            raise value_error(" The Mixture distribution needs to be an  instance of torch.distributions.Categorical")
        if not isinstance(component_distribution, Distribution):
            raise value_error("The Component distribution needs to be an instance of torch.distributions.Distribution")
        mdbs = mixture_distribution.batch_shape
        cdbs = component_distribution.batch_shape[:-1]
        for size1, size2 in zip(reversed(mdbs), reversed(cdbs)):
            if size1 != 1 and size2 != 1 and size1 != size2:
                raise value_error(f"`mixture_distribution.batch_shape` ({mdbs}) is not compatible with "
                                  f"`component_distribution.batch_shape`({cdbs})")
        km = mixture_distribution.logits.shape[-1]
        kc = component_distribution.batch_shape[-1]
        if km != kc:
            raise value_error(f"`mixture_distribution component` ({km}) does not equal "
                              f"`component_distribution.batch_shape[-1]` ({kc})")
        self._num_component = km
        event_shape = component_distribution.event_shape
        self._event_ndims = len(event_shape)
        super().__init__(cdbs, event_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(MixtureSameFamily, batch_shape, _instance, (), self._event_shape, lambda b: {
            "_component_distribution": self._component_distribution.expand(tuple(b) + (self._num_component,)),
            "_mixture_distribution": self._mixture_distribution.expand(b), "_num_component": self._num_component,
            "_event_ndims": self._event_ndims})

    @property
    def support(self):
        return MixtureSameFamilyConstraint(self._component_distribution.support)

    mixture_distribution = property(lambda self: self._mixture_distribution)
    component_distribution = property(lambda self: self._component_distribution)

    @property
    def mean(self):
        probs = self._pad_mixture_dimensions(self.mixture_distribution.probs)
        return T["sum"](probs * self.component_distribution.mean, dim=-1 - self._event_ndims)

    @property
    def variance(self):
        probs = self._pad_mixture_dimensions(self.mixture_distribution.probs)
        mean_cond_var = T["sum"](probs * self.component_distribution.variance, dim=-1 - self._event_ndims)
        var_cond_mean = T["sum"](probs * (self.component_distribution.mean - self._pad(self.mean)).pow(2.0),
                                 dim=-1 - self._event_ndims)
        return mean_cond_var + var_cond_mean

    def cdf(self, x):
        cdf_x = self.component_distribution.cdf(self._pad(x))
        return T["sum"](cdf_x * self.mixture_distribution.probs, dim=-1)

    def log_prob(self, x):
        if self._validate_args:
            self._validate_sample(x)
        log_prob_x = self.component_distribution.log_prob(self._pad(x))
        log_mix_prob = T["log_softmax"](self.mixture_distribution.logits, dim=-1)
        return T["logsumexp"](log_prob_x + log_mix_prob, dim=-1)

    def sample(self, sample_shape=()):
        with autograd.no_grad():
            sample_shape = _size(sample_shape)
            gather_dim = len(sample_shape) + len(self.batch_shape)
            es = tuple(self.event_shape)
            mix_sample = self.mixture_distribution.sample(sample_shape)
            mix_shape = tuple(mix_sample.shape)
            comp_samples = self.component_distribution.sample(sample_shape)
            mix_sample_r = mix_sample.reshape(mix_shape + (1,) * (len(es) + 1))
            mix_sample_r = mix_sample_r.repeat((1,) * len(mix_shape) + (1,) + es)
            return T["gather"](comp_samples, gather_dim, mix_sample_r).squeeze(gather_dim)

    def _pad(self, x):
        return x.unsqueeze(-1 - self._event_ndims)

    def _pad_mixture_dimensions(self, x):
        dist_batch_ndims = len(self.batch_shape)
        cat_batch_ndims = len(self.mixture_distribution.batch_shape)
        pad_ndims = 0 if cat_batch_ndims == 1 else dist_batch_ndims - cat_batch_ndims
        xs = tuple(x.shape)
        return x.reshape(xs[:-1] + (1,) * pad_ndims + xs[-1:] + (1,) * self._event_ndims)

    def __repr__(self):
        return f"MixtureSameFamily(\n  {self.mixture_distribution},\n  {self.component_distribution})"


def _kl_normal_normal(p, q):
    var_ratio = (p.scale / q.scale).pow(2)
    t1 = ((p.loc - q.loc) / q.scale).pow(2)
    return 0.5 * (var_ratio + t1 - 1 - var_ratio.log())


def _kl_categorical_categorical(p, q):
    t = p.probs * (p.logits - q.logits)
    t[(q.probs == 0).expand_as(t)] = math.inf
    t[(p.probs == 0).expand_as(t)] = 0
    return t.sum(-1)


def _kl_bernoulli_bernoulli(p, q):
    from tensorsh.nn.functional import softplus
    t1 = p.probs * (softplus(-q.logits) - softplus(-p.logits))
    t1[q.probs == 0] = math.inf
    t1[p.probs == 0] = 0
    t2 = (1 - p.probs) * (softplus(q.logits) - softplus(p.logits))
    t2[q.probs == 1] = math.inf
    t2[p.probs == 1] = 0
    return t1 + t2


def _kl_uniform_uniform(p, q):
    result = ((q.high - q.low) / (p.high - p.low)).log()
    result[(q.low > p.low) | (q.high < p.high)] = math.inf
    return result


def _kl_uniform_normal(p, q):
    common_term = p.high - p.low
    t1 = (math.sqrt(math.pi * 2) * q.scale / common_term).log()
    t2 = (common_term).pow(2) / 12
    t3 = ((p.high + p.low - 2 * q.loc) / 2).pow(2)
    return t1 + 0.5 * (t2 + t3) / q.scale.pow(2)


def _infinite_like(p, q):
    first = {"Exponential": "rate", "Gamma": "concentration", "Poisson": "rate", "Pareto": "scale",
             "ContinuousBernoulli": "probs", "Beta": "concentration1"}.get(_family(p), "loc")
    return T["full_like"](getattr(p, first), math.inf)


def _kl_binomial_binomial(p, q):
    if (p.total_count < q.total_count).any().item():
        raise make("NotImplementedError", "KL between Binomials where q.total_count > p.total_count is not "
                                          "implemented")
    kl = p.total_count * (p.probs * (p.logits - q.logits) + (-p.probs).log1p() - (-q.probs).log1p())
    inf_idxs = p.total_count > q.total_count
    kl[inf_idxs] = T["full_like"](kl[inf_idxs], math.inf)
    return kl


def _kl_onehotcategorical_onehotcategorical(p, q):
    return _kl_categorical_categorical(p._categorical, q._categorical)


def _kl_bernoulli_poisson(p, q):
    return -p.entropy() - (p.probs * q.rate.log() - q.rate)


def _kl_exponential_exponential(p, q):
    rate_ratio = q.rate / p.rate
    t1 = -rate_ratio.log()
    return t1 + rate_ratio - 1


def _kl_gamma_gamma(p, q):
    t1 = q.concentration * (p.rate / q.rate).log()
    t2 = T["lgamma"](q.concentration) - T["lgamma"](p.concentration)
    t3 = (p.concentration - q.concentration) * T["digamma"](p.concentration)
    t4 = (q.rate - p.rate) * (p.concentration / p.rate)
    return t1 + t2 + t3 + t4


def _kl_beta_beta(p, q):
    sum_params_p = p.concentration1 + p.concentration0
    sum_params_q = q.concentration1 + q.concentration0
    t1 = q.concentration1.lgamma() + q.concentration0.lgamma() + (sum_params_p).lgamma()
    t2 = p.concentration1.lgamma() + p.concentration0.lgamma() + (sum_params_q).lgamma()
    t3 = (p.concentration1 - q.concentration1) * T["digamma"](p.concentration1)
    t4 = (p.concentration0 - q.concentration0) * T["digamma"](p.concentration0)
    t5 = (sum_params_q - sum_params_p) * T["digamma"](sum_params_p)
    return t1 - t2 + t3 + t4 + t5


def _kl_dirichlet_dirichlet(p, q):
    sum_p_concentration = p.concentration.sum(-1)
    sum_q_concentration = q.concentration.sum(-1)
    t1 = sum_p_concentration.lgamma() - sum_q_concentration.lgamma()
    t2 = (p.concentration.lgamma() - q.concentration.lgamma()).sum(-1)
    t3 = p.concentration - q.concentration
    t4 = p.concentration.digamma() - sum_p_concentration.digamma().unsqueeze(-1)
    return t1 - t2 + (t3 * t4).sum(-1)


def _kl_geometric_geometric(p, q):
    return -p.entropy() - T["log1p"](-q.probs) / p.probs - q.logits


def _kl_laplace_laplace(p, q):
    scale_ratio = p.scale / q.scale
    loc_abs_diff = (p.loc - q.loc).abs()
    t1 = -scale_ratio.log()
    t2 = loc_abs_diff / q.scale
    t3 = scale_ratio * T["exp"](-loc_abs_diff / p.scale)
    return t1 + t2 + t3 - 1


def _kl_poisson_poisson(p, q):
    return p.rate * (p.rate.log() - q.rate.log()) - (p.rate - q.rate)


def _kl_cauchy_cauchy(p, q):
    t1 = ((p.scale + q.scale).pow(2) + (p.loc - q.loc).pow(2)).log()
    t2 = (4 * p.scale * q.scale).log()
    return t1 - t2


def _kl_independent_independent(p, q):
    if p.reinterpreted_batch_ndims != q.reinterpreted_batch_ndims:
        raise make("NotImplementedError", "")
    return _sum_rightmost(kl_divergence(p.base_dist, q.base_dist), p.reinterpreted_batch_ndims)


def _batch_trace_XXT(bmat):
    """The trace of X X^T for each matrix of a batch."""
    return bmat.reshape(-1, bmat.size(-2) * bmat.size(-1)).pow(2).sum(-1).reshape(bmat.shape[:-2])


def _kl_multivariatenormal_multivariatenormal(p, q):
    if p.event_shape != q.event_shape:
        raise value_error("KL-divergence between two Multivariate Normals with                          different "
                          "event shapes cannot be computed")
    half_term1 = (q._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
                  - p._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1))
    combined_batch_shape = tuple(T["broadcast_shapes"](q._unbroadcasted_scale_tril.shape[:-2],
                                                       p._unbroadcasted_scale_tril.shape[:-2]))
    n = p.event_shape[0]
    q_scale_tril = q._unbroadcasted_scale_tril.expand(combined_batch_shape + (n, n))
    p_scale_tril = p._unbroadcasted_scale_tril.expand(combined_batch_shape + (n, n))
    m = T["linalg"].solve_triangular(q_scale_tril, p_scale_tril, upper=False)
    term2 = _batch_trace_XXT(m)
    term3 = _batch_mahalanobis(q._unbroadcasted_scale_tril, (q.loc - p.loc))
    return half_term1 + 0.5 * (term2 + term3 - n)


def _kl_lognormal_lognormal(p, q):  # (TransformedDistribution's: the same transforms, the bases' KL)
    return kl_divergence(p.base_dist, q.base_dist)


_EULER_GAMMA = 0.57721566490153286060


def _kl_exponential_gamma(p, q):
    ratio = q.rate / p.rate
    t1 = -q.concentration * T["log"](ratio)
    return t1 + ratio + q.concentration.lgamma() + q.concentration * _EULER_GAMMA - (1 + _EULER_GAMMA)


def _kl_gamma_exponential(p, q):
    return -p.entropy() - q.rate.log() + q.rate * p.concentration / p.rate


def _kl_exponential_normal(p, q):
    var_normal = q.scale.pow(2)
    rate_sqr = p.rate.pow(2)
    t1 = 0.5 * T["log"](rate_sqr * var_normal * 2 * math.pi)
    t2 = rate_sqr.reciprocal()
    t3 = q.loc / p.rate
    t4 = q.loc.pow(2) * 0.5
    return t1 - 1 + (t2 - t3 + t4) / var_normal


def _kl_laplace_normal(p, q):
    var_normal = q.scale.pow(2)
    scale_sqr_var_ratio = p.scale.pow(2) / var_normal
    t1 = 0.5 * T["log"](2 * scale_sqr_var_ratio / math.pi)
    t2 = 0.5 * p.loc.pow(2)
    t3 = p.loc * q.loc
    t4 = 0.5 * q.loc.pow(2)
    return -t1 + scale_sqr_var_ratio + (t2 - t3 + t4) / var_normal - 1


def _x_log_x(tensor):
    return T["special"].xlogy(tensor, tensor)  # (0 at 0, as PyTorch's kl.py computes it)


def _kl_beta_gamma(p, q):
    t1 = -p.entropy()
    t2 = q.concentration.lgamma() - q.concentration * q.rate.log()
    t3 = (q.concentration - 1) * (p.concentration1.digamma() - (p.concentration1 + p.concentration0).digamma())
    t4 = q.rate * p.concentration1 / (p.concentration1 + p.concentration0)
    return t1 + t2 - t3 + t4


def _kl_beta_normal(p, q):
    E_beta = p.concentration1 / (p.concentration1 + p.concentration0)
    var_normal = q.scale.pow(2)
    t1 = -p.entropy()
    t2 = 0.5 * (var_normal * 2 * math.pi).log()
    t3 = (E_beta * (1 - E_beta) / (p.concentration1 + p.concentration0 + 1) + E_beta.pow(2)) * 0.5
    t4 = q.loc * E_beta
    t5 = q.loc.pow(2) * 0.5
    return t1 + t2 + (t3 - t4 + t5) / var_normal


def _kl_beta_uniform(p, q):
    result = -p.entropy() + (q.high - q.low).log()
    result[(q.low > p.support.lower_bound) | (q.high < p.support.upper_bound)] = math.inf
    return result


def _kl_gamma_normal(p, q):
    var_normal = q.scale.pow(2)
    beta_sqr = p.rate.pow(2)
    t1 = 0.5 * T["log"](beta_sqr * var_normal * 2 * math.pi) - p.concentration - p.concentration.lgamma()
    t2 = 0.5 * (p.concentration.pow(2) + p.concentration) / beta_sqr
    t3 = q.loc * p.concentration / p.rate
    t4 = 0.5 * q.loc.pow(2)
    return t1 + (p.concentration - 1) * p.concentration.digamma() + (t2 - t3 + t4) / var_normal


def _kl_normal_laplace(p, q):
    loc_diff = p.loc - q.loc
    scale_ratio = p.scale / q.scale
    loc_diff_scale_ratio = loc_diff / p.scale
    t1 = T["log"](scale_ratio)
    t2 = math.sqrt(2 / math.pi) * p.scale * T["exp"](-0.5 * loc_diff_scale_ratio.pow(2))
    t3 = loc_diff * T["erf"](math.sqrt(0.5) * loc_diff_scale_ratio)
    return -t1 + (t2 + t3) / q.scale - (0.5 * (1 + math.log(0.5 * math.pi)))


def _kl_uniform_beta(p, q):
    common_term = p.high - p.low
    t1 = T["log"](common_term)
    t2 = (q.concentration1 - 1) * (_x_log_x(p.high) - _x_log_x(p.low) - common_term) / common_term
    t3 = (q.concentration0 - 1) * (_x_log_x(1 - p.high) - _x_log_x(1 - p.low) + common_term) / common_term
    t4 = q.concentration1.lgamma() + q.concentration0.lgamma() - (q.concentration1 + q.concentration0).lgamma()
    result = t3 + t4 - t1 - t2
    result[(p.high > q.support.upper_bound) | (p.low < q.support.lower_bound)] = math.inf
    return result


def _kl_uniform_exponential(p, q):
    result = q.rate * (p.high + p.low) / 2 - ((p.high - p.low) * q.rate).log()
    result[p.low < q.support.lower_bound] = math.inf
    return result


def _kl_uniform_gamma(p, q):
    common_term = p.high - p.low
    t1 = common_term.log()
    t2 = q.concentration.lgamma() - q.concentration * q.rate.log()
    t3 = (1 - q.concentration) * (_x_log_x(p.high) - _x_log_x(p.low) - common_term) / common_term
    t4 = q.rate * (p.high + p.low) / 2
    result = -t1 + t2 + t3 + t4
    result[p.low < q.support.lower_bound] = math.inf
    return result


def _kl_beta_exponential(p, q):
    return -p.entropy() - q.rate.log() + q.rate * (p.concentration1 / (p.concentration1 + p.concentration0))


_KL = {("Uniform", "Normal"): _kl_uniform_normal,
       ("Normal", "Normal"): _kl_normal_normal, ("Categorical", "Categorical"): _kl_categorical_categorical,
       ("Bernoulli", "Bernoulli"): _kl_bernoulli_bernoulli, ("Uniform", "Uniform"): _kl_uniform_uniform,
       ("Exponential", "Exponential"): _kl_exponential_exponential, ("Gamma", "Gamma"): _kl_gamma_gamma,
       ("Beta", "Beta"): _kl_beta_beta, ("Dirichlet", "Dirichlet"): _kl_dirichlet_dirichlet,
       ("Geometric", "Geometric"): _kl_geometric_geometric, ("Laplace", "Laplace"): _kl_laplace_laplace,
       ("Poisson", "Poisson"): _kl_poisson_poisson, ("Cauchy", "Cauchy"): _kl_cauchy_cauchy,
       ("LogNormal", "LogNormal"): _kl_lognormal_lognormal, ("Exponential", "Gamma"): _kl_exponential_gamma,
       ("Gamma", "Exponential"): _kl_gamma_exponential, ("Exponential", "Normal"): _kl_exponential_normal,
       ("Laplace", "Normal"): _kl_laplace_normal, ("Beta", "Exponential"): _kl_beta_exponential,
       ("Binomial", "Binomial"): _kl_binomial_binomial, ("Bernoulli", "Poisson"): _kl_bernoulli_poisson,
       ("OneHotCategorical", "OneHotCategorical"): _kl_onehotcategorical_onehotcategorical,
       ("Independent", "Independent"): _kl_independent_independent, ("Beta", "Gamma"): _kl_beta_gamma,
       ("Beta", "Normal"): _kl_beta_normal, ("Beta", "Uniform"): _kl_beta_uniform,
       ("Gamma", "Normal"): _kl_gamma_normal,
       ("Normal", "Laplace"): _kl_normal_laplace, ("Uniform", "Beta"): _kl_uniform_beta,
       ("Uniform", "Exponential"): _kl_uniform_exponential, ("Uniform", "Gamma"): _kl_uniform_gamma,
       ("MultivariateNormal", "MultivariateNormal"): _kl_multivariatenormal_multivariatenormal,
       ("ExponentialFamily", "ExponentialFamily"): _kl_expfamily_expfamily}
for _pair in [(p, q) for p, qs in (  # (PyTorch's _kl_<p>_infinity pairs: a support q does not cover)
        ("Beta", "Pareto"), ("ContinuousBernoulli", "Pareto"), ("Poisson", "Bernoulli Binomial"),
        ("Exponential", "Beta ContinuousBernoulli Pareto Uniform"), ("Gamma", "Beta ContinuousBernoulli Pareto Uniform"),
        ("Pareto", "Beta ContinuousBernoulli Uniform"),
        *((p, "Beta ContinuousBernoulli Exponential Gamma Pareto Uniform") for p in ("Gumbel", "Laplace", "Normal")))
        for q in qs.split()]:
    _KL[_pair] = _infinite_like


_REGISTERED = {}  # register_kl's pairs: (type_p, type_q) -> function


def register_kl(type_p, type_q):
    """The decorator registering a program's KL(p || q) for a pair of Distribution classes."""
    def decorator(fun):
        _REGISTERED[type_p, type_q] = fun
        return fun
    return decorator


def _depth(d, cls):
    return type(d).__mro__.index(cls)


def _registered(p, q):
    """The most specific registered pair p and q are instances of, with its specificity (MRO positions), as
    PyTorch's _dispatch_kl orders matches; None when none matches."""
    matches = [((_depth(p, tp), _depth(q, tq)), fun) for (tp, tq), fun in _REGISTERED.items()
               if isinstance(tp, type) and isinstance(tq, type) and isinstance(p, tp) and isinstance(q, tq)]
    return min(matches, key=lambda m: m[0]) if matches else None


def _builtin_kl(p, q):
    """The most specific pair of PyTorch's table among the classes p and q derive from, with its MRO positions
    (_dispatch_kl's order: TransformedDistribution's pair for a Pareto and a Gumbel, ExponentialFamily's last)."""
    names_p, names_q = ([c.__name__ for c in type(d).__mro__] for d in (p, q))
    matches = [(i, j) for i, a in enumerate(names_p) for j, b in enumerate(names_q) if (a, b) in _KL]
    if not matches:
        return None
    i, j = min(matches)
    return (i, j), _KL[names_p[i], names_q[j]]


def kl_divergence(p, q):
    """KL(p || q) for the pairs PyTorch registers among these families (its formulas from torch/distributions/kl.py)
    and those a program registers (register_kl), the most specific match first."""
    builtin = _builtin_kl(p, q)
    mine = _registered(p, q) if _REGISTERED else None
    if mine is not None and (builtin is None or mine[0] <= builtin[0]):
        builtin = mine
    if builtin is None:
        raise make("NotImplementedError", f"No KL(p || q) is implemented for p type {type(p).__name__} and q type "
                                          f"{type(q).__name__}")
    fun = builtin[1]
    return fun(p, q)


_FAMILIES = frozenset({"Bernoulli", "Beta", "Chi2", "ContinuousBernoulli", "Dirichlet", "Exponential",
                                   "Gamma", "Normal", "Poisson", "Wishart"})


_FAMILIES = frozenset({"Normal", "Categorical", "Bernoulli", "Uniform", "Exponential", "Gamma", "Beta", "Dirichlet",
                       "Geometric", "Laplace", "Poisson", "Cauchy", "LogNormal", "Binomial",
                       "OneHotCategorical", "Independent", "MultivariateNormal", "TransformedDistribution",
                       "HalfNormal", "HalfCauchy", "Gumbel", "Weibull", "Pareto"})


def _family(d):
    return next((c.__name__ for c in type(d).__mro__ if c.__name__ in _FAMILIES), None)


NAMESPACE = {"Distribution": Distribution, "ExponentialFamily": ExponentialFamily, "Categorical": Categorical,
             "Bernoulli": Bernoulli, "Normal": Normal,
             "Uniform": Uniform, "Independent": Independent, "MultivariateNormal": MultivariateNormal,
             "Exponential": Exponential, "Laplace": Laplace, "Poisson": Poisson,
             "Gamma": Gamma, "Beta": Beta, "Dirichlet": Dirichlet, "Geometric": Geometric, "Cauchy": Cauchy,
             "Binomial": Binomial, "OneHotCategorical": OneHotCategorical, "Chi2": Chi2,
             "StudentT": StudentT, "Multinomial": Multinomial, "MixtureSameFamily": MixtureSameFamily,
             "NegativeBinomial": NegativeBinomial, "OneHotCategoricalStraightThrough": OneHotCategoricalStraightThrough}
for _name, _cls in list(NAMESPACE.items()):
    _cls.__module__ = "torch.distributions." + {"Distribution": "distribution", "ExponentialFamily": "exp_family",
                                                "MultivariateNormal": "multivariate_normal",
                                                "OneHotCategorical": "one_hot_categorical",
                                                "StudentT": "studentT",
                                                "MixtureSameFamily": "mixture_same_family",
                                                "NegativeBinomial": "negative_binomial",
                                                "OneHotCategoricalStraightThrough": "one_hot_categorical"}.get(
        _name, _name.lower())

NAMESPACE["kl_divergence"] = kl_divergence
NAMESPACE["register_kl"] = register_kl
NAMESPACE["utils"] = Namespace("torch.distributions.utils", {
    "broadcast_all": broadcast_all, "logits_to_probs": logits_to_probs, "clamp_probs": clamp_probs,
    "probs_to_logits": probs_to_logits, "lazy_property": lazy_property, "tril_matrix_to_vec": tril_matrix_to_vec,
    "vec_to_tril_matrix": vec_to_tril_matrix, "euler_constant": _EULER_GAMMA})
NAMESPACE["kl"] = Namespace("torch.distributions.kl", {"kl_divergence": kl_divergence, "register_kl": register_kl})
# the submodules a program may import (`from torch.distributions.normal import Normal`)
_SUBMODULES = {}
for _name in [n for n in NAMESPACE if n not in ("kl_divergence", "kl", "register_kl")]:
    _SUBMODULES.setdefault(NAMESPACE[_name].__module__.rsplit(".", 1)[1], {})[_name] = NAMESPACE[_name]
for _module, _members in _SUBMODULES.items():
    NAMESPACE[_module] = Namespace("torch.distributions." + _module, _members)

from tensorsh import distribution_transforms  # noqa: E402  (it builds on the classes above)
distribution_transforms.install(NAMESPACE)
from tensorsh import distributions_extra  # noqa: E402  (the families that build on those above)
distributions_extra.install(NAMESPACE)
from tensorsh import distribution_bijections  # noqa: E402  (transforms of shapes, biject_to, LogisticNormal)
distribution_bijections.install(NAMESPACE)


def _subclasses(cls):
    return [cls] + [sub for direct in cls.__subclasses__() for sub in _subclasses(direct)]


# the constraint classes are torch.distributions.constraints' (`type(d.support)` names that module)
for _cls in _subclasses(_Constraint):
    _cls.__module__ = "torch.distributions.constraints"
_Constraint.__name__ = _Constraint.__qualname__ = "Constraint"  # (its public name there: constraints.Constraint)

"""The transforms between shapes and spaces (torch.distributions.transforms' StickBreaking, LowerCholesky,
PositiveDefinite, CorrCholesky, Reshape, Cat, Stack, CumulativeDistribution), the constraint registries
`biject_to`/`transform_to` and LogisticNormal: PyTorch's Python ported on engine ops, as distribution_transforms.py
ports the elementwise ones."""
import math

from tensorsh import distributions as D
from tensorsh import distribution_transforms as DT
from tensorsh.engine.errors import make, type_error, value_error
from tensorsh.engine.torch_api import NAMESPACE as T, Namespace
from tensorsh.nn.functional import logsigmoid, pad, softplus

Transform, ComposeTransform, AffineTransform = DT.Transform, DT.ComposeTransform, DT.AffineTransform


def _check_shape(shape, least):
    if len(shape) < least:
        raise value_error("Too few dimensions on input")


class _Singleton(Transform):
    """A transform without parameters: equal to any other of its class."""

    def __eq__(self, other):
        return isinstance(other, type(self))

    __hash__ = object.__hash__


class StickBreakingTransform(_Singleton):
    domain, codomain = D.real_vector, D.simplex
    bijective = True

    def _call(self, x):
        offset = x.shape[-1] + 1 - x.new_ones(x.shape[-1]).cumsum(-1)
        z = DT._clipped_sigmoid(x - offset.log())
        z_cumprod = (1 - z).cumprod(-1)
        return pad(z, [0, 1], value=1) * pad(z_cumprod, [1, 0], value=1)

    def _inverse(self, y):
        y_crop = y[..., :-1]
        offset = y.shape[-1] - y.new_ones(y_crop.shape[-1]).cumsum(-1)
        sf = T["clamp"](1 - y_crop.cumsum(-1), min=T["finfo"](y.dtype).tiny)  # (positive when y[-1] ~ 0)
        return y_crop.log() - sf.log() + offset.log()

    def log_abs_det_jacobian(self, x, y):
        offset = x.shape[-1] + 1 - x.new_ones(x.shape[-1]).cumsum(-1)
        x = x - offset.log()
        return (-x + logsigmoid(x) + y[..., :-1].log()).sum(-1)  # (1 - sigmoid(x) = exp(-x) * sigmoid(x))

    def forward_shape(self, shape):
        _check_shape(shape, 1)
        return tuple(shape[:-1]) + (shape[-1] + 1,)

    def inverse_shape(self, shape):
        _check_shape(shape, 1)
        return tuple(shape[:-1]) + (shape[-1] - 1,)


class LowerCholeskyTransform(_Singleton):
    domain, codomain = D._IndependentConstraint(D.real, 2), D._LowerCholesky()

    def _call(self, x):
        return x.tril(-1) + x.diagonal(dim1=-2, dim2=-1).exp().diag_embed()

    def _inverse(self, y):
        return y.tril(-1) + y.diagonal(dim1=-2, dim2=-1).log().diag_embed()


class PositiveDefiniteTransform(_Singleton):
    domain, codomain = D._IndependentConstraint(D.real, 2), D._PositiveDefinite()

    def _call(self, x):
        x = LowerCholeskyTransform()(x)
        return x @ x.mT

    def _inverse(self, y):
        return LowerCholeskyTransform().inv(T["linalg"].cholesky(y))


class CorrCholeskyTransform(Transform):
    """A vector of D(D-1)/2 reals to the Cholesky factor of a D x D correlation matrix (tanh, then
    stick-breaking on the squares)."""
    domain, codomain = D.real_vector, D._CorrCholesky()
    bijective = True

    def _call(self, x):
        x = T["tanh"](x)
        eps = T["finfo"](x.dtype).eps
        r = D.vec_to_tril_matrix(x.clamp(min=-1 + eps, max=1 - eps), diag=-1)
        z1m_cumprod_sqrt = (1 - r ** 2).sqrt().cumprod(-1)
        r = r + T["eye"](r.shape[-1], dtype=r.dtype)
        return r * pad(z1m_cumprod_sqrt[..., :-1], [1, 0], value=1)

    def _inverse(self, y):
        y_cumsum = 1 - T["cumsum"](y * y, dim=-1)
        y_cumsum_shifted = pad(y_cumsum[..., :-1], [1, 0], value=1)
        t = D.tril_matrix_to_vec(y, diag=-1) / D.tril_matrix_to_vec(y_cumsum_shifted, diag=-1).sqrt()
        return (t.log1p() - t.neg().log1p()) / 2

    def log_abs_det_jacobian(self, x, y, intermediates=None):
        y1m_cumsum_tril = D.tril_matrix_to_vec(1 - (y * y).cumsum(dim=-1), diag=-2)
        stick_breaking_logdet = 0.5 * y1m_cumsum_tril.log().sum(-1)
        tanh_logdet = -2 * (x + softplus(-2 * x) - math.log(2.0)).sum(dim=-1)
        return stick_breaking_logdet + tanh_logdet

    def forward_shape(self, shape):
        _check_shape(shape, 1)
        n = shape[-1]
        d = round((0.25 + 2 * n) ** 0.5 + 0.5)
        if d * (d - 1) // 2 != n:
            raise value_error("Input is not a flattened lower-diagonal number")
        return tuple(shape[:-1]) + (d, d)

    def inverse_shape(self, shape):
        _check_shape(shape, 2)
        if shape[-2] != shape[-1]:
            raise value_error("Input is not square")
        d = shape[-1]
        return tuple(shape[:-2]) + (d * (d - 1) // 2,)


class ReshapeTransform(Transform):
    __api__ = Transform.__api__ | {"in_shape", "out_shape"}
    bijective = True

    def __init__(self, in_shape, out_shape, cache_size=0):
        self.in_shape, self.out_shape = T["Size"](in_shape), T["Size"](out_shape)
        if self.in_shape.numel() != self.out_shape.numel():
            raise value_error("in_shape, out_shape have different numbers of elements")
        super().__init__(cache_size=cache_size)

    domain = property(lambda self: D._IndependentConstraint(D.real, len(self.in_shape)))
    codomain = property(lambda self: D._IndependentConstraint(D.real, len(self.out_shape)))

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else \
            ReshapeTransform(self.in_shape, self.out_shape, cache_size=cache_size)

    def _call(self, x):
        return x.reshape(tuple(x.shape[:x.dim() - len(self.in_shape)]) + tuple(self.out_shape))

    def _inverse(self, y):
        return y.reshape(tuple(y.shape[:y.dim() - len(self.out_shape)]) + tuple(self.in_shape))

    def log_abs_det_jacobian(self, x, y):
        return x.new_zeros(x.shape[:x.dim() - len(self.in_shape)])

    def forward_shape(self, shape):
        return self._reshaped(shape, self.in_shape, self.out_shape)

    def inverse_shape(self, shape):
        return self._reshaped(shape, self.out_shape, self.in_shape)

    @staticmethod
    def _reshaped(shape, source, target):
        _check_shape(shape, len(source))
        cut = len(shape) - len(source)
        if tuple(shape[cut:]) != tuple(source):
            raise value_error(f"Shape mismatch: expected {T['Size'](shape[cut:])} but got {source}")
        return T["Size"](tuple(shape[:cut]) + tuple(target))  # (torch.Size's __radd__ keeps the Size)


def _check_dim(dim, t, letter, name, expected, what):
    if not -t.dim() <= dim < t.dim():
        raise make("AssertionError", f"dim {dim} out of range for {name} with {t.dim()} dimensions")
    if t.size(dim) != expected:
        raise make("AssertionError", f"{letter}.size({dim}) = {t.size(dim)} must equal {what} {expected}")


class CatTransform(Transform):
    """A transform for each consecutive slice (of the given lengths) along dim."""
    __api__ = Transform.__api__ | {"transforms", "lengths", "dim", "length"}

    def __init__(self, tseq, dim=0, lengths=None, cache_size=0):
        if not all(isinstance(t, Transform) for t in tseq):
            raise make("AssertionError", "All elements of tseq must be Transform instances")
        if cache_size:
            tseq = [t.with_cache(cache_size) for t in tseq]
        super().__init__(cache_size=cache_size)
        self.transforms = list(tseq)
        self.lengths = list(lengths) if lengths is not None else [1] * len(self.transforms)
        if len(self.lengths) != len(self.transforms):
            raise make("AssertionError", f"lengths ({len(self.lengths)}) must match transforms "
                                         f"({len(self.transforms)})")
        self.dim = dim

    event_dim = property(lambda self: max(t.event_dim for t in self.transforms))
    length = property(lambda self: sum(self.lengths))
    bijective = property(lambda self: all(t.bijective for t in self.transforms))
    domain = property(lambda self: D._Cat([t.domain for t in self.transforms], self.dim, self.lengths))
    codomain = property(lambda self: D._Cat([t.codomain for t in self.transforms], self.dim, self.lengths))

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else \
            CatTransform(self.transforms, self.dim, self.lengths, cache_size)

    def _slices(self, t):
        start = 0
        for length in self.lengths:
            yield t.narrow(self.dim, start, length)
            start = start + length

    def _call(self, x):
        _check_dim(self.dim, x, "x", "tensor", self.length, "length")
        return T["cat"]([t(s) for t, s in zip(self.transforms, self._slices(x))], dim=self.dim)

    def _inverse(self, y):
        _check_dim(self.dim, y, "y", "tensor", self.length, "length")
        return T["cat"]([t.inv(s) for t, s in zip(self.transforms, self._slices(y))], dim=self.dim)

    def log_abs_det_jacobian(self, x, y):
        _check_dim(self.dim, x, "x", "x", self.length, "length")
        _check_dim(self.dim, y, "y", "y", self.length, "length")
        logdetjacs = []
        for trans, xs, ys in zip(self.transforms, self._slices(x), self._slices(y)):
            logdetjac = trans.log_abs_det_jacobian(xs, ys)
            if trans.event_dim < self.event_dim:
                logdetjac = D._sum_rightmost(logdetjac, self.event_dim - trans.event_dim)
            logdetjacs.append(logdetjac)
        dim = (self.dim - x.dim() if self.dim >= 0 else self.dim) + self.event_dim
        return T["cat"](logdetjacs, dim=dim) if dim < 0 else sum(logdetjacs)


class StackTransform(Transform):
    """A transform for each index along dim."""
    __api__ = Transform.__api__ | {"transforms", "dim"}

    def __init__(self, tseq, dim=0, cache_size=0):
        if not all(isinstance(t, Transform) for t in tseq):
            raise make("AssertionError", "All elements of tseq must be Transform instances")
        if cache_size:
            tseq = [t.with_cache(cache_size) for t in tseq]
        super().__init__(cache_size=cache_size)
        self.transforms, self.dim = list(tseq), dim

    bijective = property(lambda self: all(t.bijective for t in self.transforms))
    domain = property(lambda self: D._Stack([t.domain for t in self.transforms], self.dim))
    codomain = property(lambda self: D._Stack([t.codomain for t in self.transforms], self.dim))

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else StackTransform(self.transforms, self.dim, cache_size)

    def _slice(self, z):
        return [z.select(self.dim, i) for i in range(z.size(self.dim))]

    def _call(self, x):
        _check_dim(self.dim, x, "x", "tensor", len(self.transforms), "len(transforms)")
        return T["stack"]([t(s) for s, t in zip(self._slice(x), self.transforms)], dim=self.dim)

    def _inverse(self, y):
        _check_dim(self.dim, y, "y", "tensor", len(self.transforms), "len(transforms)")
        return T["stack"]([t.inv(s) for s, t in zip(self._slice(y), self.transforms)], dim=self.dim)

    def log_abs_det_jacobian(self, x, y):
        _check_dim(self.dim, x, "x", "x", len(self.transforms), "len(transforms)")
        _check_dim(self.dim, y, "y", "y", len(self.transforms), "len(transforms)")
        return T["stack"]([t.log_abs_det_jacobian(xs, ys) for xs, ys, t in
                           zip(self._slice(x), self._slice(y), self.transforms)], dim=self.dim)


class CumulativeDistributionTransform(Transform):
    """A distribution's cdf as a transform to the unit interval (its icdf the inverse)."""
    __api__ = Transform.__api__ | {"distribution"}
    bijective = True
    codomain = D.unit_interval
    sign = +1

    def __init__(self, distribution, cache_size=0):
        super().__init__(cache_size=cache_size)
        self.distribution = distribution

    domain = property(lambda self: self.distribution.support)

    def _call(self, x):
        return self.distribution.cdf(x)

    def _inverse(self, y):
        return self.distribution.icdf(y)

    def log_abs_det_jacobian(self, x, y):
        return self.distribution.log_prob(x)

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else \
            CumulativeDistributionTransform(self.distribution, cache_size=cache_size)


# ---- torch.distributions.constraint_registry ----
class ConstraintRegistry:
    """Constraint classes to the factories of their transforms (biject_to, transform_to)."""

    def __init__(self):
        self._registry = {}

    def register(self, constraint, factory=None):
        if factory is None:
            return lambda factory: self.register(constraint, factory)
        if isinstance(constraint, D._Constraint):
            constraint = type(constraint)
        if not isinstance(constraint, type) or not issubclass(constraint, D._Constraint):
            raise type_error(f"Expected constraint to be either a Constraint subclass or instance, but got "
                             f"{constraint}")
        self._registry[constraint] = factory
        return factory

    def __call__(self, constraint):
        factory = self._registry.get(type(constraint))
        if factory is None:
            raise make("NotImplementedError", f"Cannot transform {type(constraint).__name__} constraints")
        return factory(constraint)


biject_to, transform_to = ConstraintRegistry(), ConstraintRegistry()


def _to_interval(constraint):
    if D._is_number(constraint.lower_bound) and constraint.lower_bound == 0 and \
            D._is_number(constraint.upper_bound) and constraint.upper_bound == 1:
        return DT.SigmoidTransform()
    return ComposeTransform([DT.SigmoidTransform(), AffineTransform(
        constraint.lower_bound, constraint.upper_bound - constraint.lower_bound)])


def _register(registry, shared):
    """PyTorch's table, in its order (a later registration of the same class wins: positive, a _GreaterThan, gets
    greater_than's exp-then-shift); `shared` builds the parts that recurse into the registry."""
    for constraint, factory in (
            (D.real, lambda c: DT.identity_transform),
            (D._IndependentConstraint, lambda c: DT.IndependentTransform(registry(c.base_constraint),
                                                                          c.reinterpreted_batch_ndims)),
            (D.positive, lambda c: DT.ExpTransform()), (D.nonnegative, lambda c: DT.ExpTransform()),
            (D._GreaterThan, lambda c: ComposeTransform([DT.ExpTransform(), AffineTransform(c.lower_bound, 1)])),
            (D._GreaterThanEq, lambda c: ComposeTransform([DT.ExpTransform(), AffineTransform(c.lower_bound, 1)])),
            (D._LessThan, lambda c: ComposeTransform([DT.ExpTransform(), AffineTransform(c.upper_bound, -1)])),
            (D._Interval, _to_interval), (D._HalfOpenInterval, _to_interval), *shared,
            (D._CorrCholesky, lambda c: CorrCholeskyTransform()),
            (D._Cat, lambda c: CatTransform([registry(x) for x in c.cseq], c.dim, c.lengths)),
            (D._Stack, lambda c: StackTransform([registry(x) for x in c.cseq], c.dim))):
        registry.register(constraint, factory)


_register(biject_to, [(D.simplex, lambda c: StickBreakingTransform())])
_register(transform_to, [(D.simplex, lambda c: DT.SoftmaxTransform()),
                         (D._LowerCholesky, lambda c: LowerCholeskyTransform()),
                         (D._PositiveDefinite, lambda c: PositiveDefiniteTransform()),
                         (D._PositiveSemidefinite, lambda c: PositiveDefiniteTransform())])


class LogisticNormal(DT.TransformedDistribution):
    """A Normal through StickBreakingTransform: a point of the simplex of one more dimension."""
    __api__ = DT.TransformedDistribution.__api__ | {"loc", "scale"}
    arg_constraints = {"loc": D.real, "scale": D.positive}
    support = D.simplex
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        base_dist = D.Normal(loc, scale, validate_args=validate_args)
        if not base_dist.batch_shape:
            base_dist = base_dist.expand([1])
        super().__init__(base_dist, StickBreakingTransform(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(LogisticNormal, _instance)
        return DT.TransformedDistribution.expand(self, batch_shape, _instance=new)

    loc = property(lambda self: self.base_dist.base_dist.loc)
    scale = property(lambda self: self.base_dist.base_dist.scale)


TRANSFORMS = {cls.__name__: cls for cls in (
    StickBreakingTransform, LowerCholeskyTransform, PositiveDefiniteTransform, CorrCholeskyTransform,
    ReshapeTransform, CatTransform, StackTransform, CumulativeDistributionTransform)}
CONSTRAINTS = {"lower_triangular": D._LowerTriangular(), "corr_cholesky": D._CorrCholesky(), "square": D._Square(),
               "symmetric": D._Symmetric(), "positive_semidefinite": D._PositiveSemidefinite(),
               "one_hot": D._OneHot(), "dependent": D._Dependent(), "dependent_property": D._DependentProperty,
               "is_dependent": D.is_dependent, "cat": D._Cat, "stack": D._Stack,
               "MixtureSameFamilyConstraint": D.MixtureSameFamilyConstraint}


def install(namespace):
    for name, cls in TRANSFORMS.items():
        cls.__module__ = "torch.distributions.transforms"
        namespace[name] = cls
    for module, members in (("transforms", TRANSFORMS), ("constraints", CONSTRAINTS)):
        namespace[module] = Namespace(namespace[module]._name, {**namespace[module]._members, **members})
    ConstraintRegistry.__module__ = "torch.distributions.constraint_registry"
    registry = {"ConstraintRegistry": ConstraintRegistry, "biject_to": biject_to, "transform_to": transform_to}
    namespace.update(biject_to=biject_to, transform_to=transform_to)
    namespace["constraint_registry"] = Namespace("torch.distributions.constraint_registry", registry)
    LogisticNormal.__module__ = "torch.distributions.logistic_normal"
    namespace["LogisticNormal"] = LogisticNormal
    namespace["logistic_normal"] = Namespace(LogisticNormal.__module__, {"LogisticNormal": LogisticNormal})

"""torch.distributions.transforms and TransformedDistribution, ported from PyTorch's Python on engine ops: the
Transform base (its optional one-entry cache, inverses as _InverseTransform, domain/codomain constraints and their
event dims), the elementwise bijections programs reach for (Exp, Power, Sigmoid, Softplus, Tanh, Abs, Affine,
Softmax), ComposeTransform and IndependentTransform, then TransformedDistribution (sample, rsample, log_prob through
the inverses and log-det-Jacobians, cdf/icdf) and the torch.distributions.constraints names."""
import functools
import math
import operator

from tensorsh import distributions as D
from tensorsh.engine import autograd
from tensorsh.engine.errors import make, value_error
from tensorsh.engine.torch_api import NAMESPACE as T, Namespace
from tensorsh.nn.functional import softplus

_sum_rightmost = D._sum_rightmost


def _independent(constraint, reinterpreted_batch_ndims):
    return D._IndependentConstraint(constraint, reinterpreted_batch_ndims)


class Transform:
    __api__ = frozenset({"inv", "sign", "domain", "codomain", "bijective", "event_dim", "log_abs_det_jacobian",
                         "forward_shape", "inverse_shape", "with_cache"})
    bijective = False

    def __init__(self, cache_size=0):
        self._cache_size = cache_size
        self._inv = None
        if cache_size == 1:
            self._cached_x_y = None, None
        elif cache_size != 0:
            raise value_error("cache_size must be 0 or 1")

    @property
    def event_dim(self):
        if self.domain.event_dim == self.codomain.event_dim:
            return self.domain.event_dim
        raise value_error("Please use either .domain.event_dim or .codomain.event_dim")

    @property
    def inv(self):
        inv = self._inv
        if inv is None:
            inv = _InverseTransform(self)
            self._inv = inv
        return inv

    @property
    def sign(self):
        raise make("NotImplementedError", "")

    def with_cache(self, cache_size=1):
        if self._cache_size == cache_size:
            return self
        if type(self).__init__ is Transform.__init__:
            return type(self)(cache_size=cache_size)
        raise make("NotImplementedError", f"{type(self)}.with_cache is not implemented")

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__

    def __call__(self, x):
        return self._through_cache(x, 0, self._call)

    def _inv_call(self, y):
        return self._through_cache(y, 1, self._inverse)

    def _through_cache(self, value, side, compute):
        """compute(value), or the other side of the cached pair when value is its `side` (cache_size 1)."""
        if self._cache_size == 0:
            return compute(value)
        if value is self._cached_x_y[side]:
            return self._cached_x_y[1 - side]
        other = compute(value)
        self._cached_x_y = (value, other) if side == 0 else (other, value)
        return other

    def _call(self, x):
        raise make("NotImplementedError", "")

    def _inverse(self, y):
        raise make("NotImplementedError", "")

    def log_abs_det_jacobian(self, x, y):
        raise make("NotImplementedError", "")

    def __repr__(self):
        return type(self).__name__ + "()"

    def forward_shape(self, shape):
        return shape

    def inverse_shape(self, shape):
        return shape


class _InverseTransform(Transform):
    def __init__(self, transform):
        super().__init__(cache_size=transform._cache_size)
        self._inv = transform

    domain = property(lambda self: self._inv.codomain)
    codomain = property(lambda self: self._inv.domain)
    bijective = property(lambda self: self._inv.bijective)
    sign = property(lambda self: self._inv.sign)
    inv = property(lambda self: self._inv)

    def with_cache(self, cache_size=1):
        return self.inv.with_cache(cache_size).inv

    def __eq__(self, other):
        return isinstance(other, _InverseTransform) and self._inv == other._inv

    __hash__ = object.__hash__

    def __repr__(self):
        return f"{type(self).__name__}({self._inv!r})"

    def __call__(self, x):
        return self._inv._inv_call(x)

    def log_abs_det_jacobian(self, x, y):
        return -self._inv.log_abs_det_jacobian(y, x)

    def forward_shape(self, shape):
        return self._inv.inverse_shape(shape)

    def inverse_shape(self, shape):
        return self._inv.forward_shape(shape)


class ComposeTransform(Transform):
    __api__ = Transform.__api__ | {"parts"}

    def __init__(self, parts, cache_size=0):
        if cache_size:
            parts = [part.with_cache(cache_size) for part in parts]
        super().__init__(cache_size=cache_size)
        self.parts = parts

    def __eq__(self, other):
        return isinstance(other, ComposeTransform) and self.parts == other.parts

    __hash__ = object.__hash__

    @property
    def domain(self):
        if not self.parts:
            return D.real
        domain = self.parts[0].domain
        event_dim = self.parts[-1].codomain.event_dim
        for part in reversed(self.parts):
            event_dim += part.domain.event_dim - part.codomain.event_dim
            event_dim = max(event_dim, part.domain.event_dim)
        return _independent(domain, event_dim - domain.event_dim) if event_dim > domain.event_dim else domain

    @property
    def codomain(self):
        if not self.parts:
            return D.real
        codomain = self.parts[-1].codomain
        event_dim = self.parts[0].domain.event_dim
        for part in self.parts:
            event_dim += part.codomain.event_dim - part.domain.event_dim
            event_dim = max(event_dim, part.codomain.event_dim)
        return _independent(codomain, event_dim - codomain.event_dim) if event_dim > codomain.event_dim else codomain

    @property
    def bijective(self):
        return all(p.bijective for p in self.parts)

    @property
    def sign(self):
        sign = 1
        for p in self.parts:
            sign = sign * p.sign
        return sign

    @property
    def inv(self):
        inv = self._inv
        if inv is None:
            inv = ComposeTransform([p.inv for p in reversed(self.parts)])
            self._inv = inv
            inv._inv = self
        return inv

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else ComposeTransform(self.parts, cache_size=cache_size)

    def __call__(self, x):
        for part in self.parts:
            x = part(x)
        return x

    def log_abs_det_jacobian(self, x, y):
        if not self.parts:
            return T["zeros_like"](x)
        xs = [x]
        for part in self.parts[:-1]:
            xs.append(part(xs[-1]))
        xs.append(y)
        terms = []
        event_dim = self.domain.event_dim
        for part, x, y in zip(self.parts, xs[:-1], xs[1:]):
            terms.append(_sum_rightmost(part.log_abs_det_jacobian(x, y), event_dim - part.domain.event_dim))
            event_dim += part.codomain.event_dim - part.domain.event_dim
        return functools.reduce(operator.add, terms)

    def forward_shape(self, shape):
        for part in self.parts:
            shape = part.forward_shape(shape)
        return shape

    def inverse_shape(self, shape):
        for part in reversed(self.parts):
            shape = part.inverse_shape(shape)
        return shape

    def __repr__(self):
        return type(self).__name__ + "(\n    " + ",\n    ".join(repr(p) for p in self.parts) + "\n)"


class IndependentTransform(Transform):
    __api__ = Transform.__api__ | {"base_transform", "reinterpreted_batch_ndims"}

    def __init__(self, base_transform, reinterpreted_batch_ndims, cache_size=0):
        super().__init__(cache_size=cache_size)
        self.base_transform = base_transform.with_cache(cache_size)
        self.reinterpreted_batch_ndims = reinterpreted_batch_ndims

    def with_cache(self, cache_size=1):
        if self._cache_size == cache_size:
            return self
        return IndependentTransform(self.base_transform, self.reinterpreted_batch_ndims, cache_size=cache_size)

    domain = property(lambda self: _independent(self.base_transform.domain, self.reinterpreted_batch_ndims))
    codomain = property(lambda self: _independent(self.base_transform.codomain, self.reinterpreted_batch_ndims))
    bijective = property(lambda self: self.base_transform.bijective)
    sign = property(lambda self: self.base_transform.sign)

    def _call(self, x):
        if x.dim() < self.domain.event_dim:
            raise value_error("Too few dimensions on input")
        return self.base_transform(x)

    def _inverse(self, y):
        if y.dim() < self.codomain.event_dim:
            raise value_error("Too few dimensions on input")
        return self.base_transform.inv(y)

    def log_abs_det_jacobian(self, x, y):
        return _sum_rightmost(self.base_transform.log_abs_det_jacobian(x, y), self.reinterpreted_batch_ndims)

    def __repr__(self):
        return f"{type(self).__name__}({self.base_transform!r}, {self.reinterpreted_batch_ndims})"

    def forward_shape(self, shape):
        return self.base_transform.forward_shape(shape)

    def inverse_shape(self, shape):
        return self.base_transform.inverse_shape(shape)


class _Stateless(Transform):
    """The parameterless bijections: equal to any other of their class."""
    bijective = True
    sign = +1

    def __eq__(self, other):
        return isinstance(other, type(self))

    __hash__ = object.__hash__


class ExpTransform(_Stateless):
    domain, codomain = D.real, D.positive

    def _call(self, x):
        return x.exp()

    def _inverse(self, y):
        return y.log()

    def log_abs_det_jacobian(self, x, y):
        return x


def _broadcast_with(shape, *params):
    return T["broadcast_shapes"](shape, *(getattr(p, "shape", ()) for p in params))


class PowerTransform(Transform):
    __api__ = Transform.__api__ | {"exponent"}
    domain = codomain = D.positive
    bijective = True

    def __init__(self, exponent, cache_size=0):
        super().__init__(cache_size=cache_size)
        (self.exponent,) = D.broadcast_all(exponent)

    def with_cache(self, cache_size=1):
        return self if self._cache_size == cache_size else PowerTransform(self.exponent, cache_size=cache_size)

    @property
    def sign(self):
        return self.exponent.sign()

    def __eq__(self, other):
        return isinstance(other, PowerTransform) and self.exponent.eq(other.exponent).all().item()

    __hash__ = object.__hash__

    def _call(self, x):
        return x.pow(self.exponent)

    def _inverse(self, y):
        return y.pow(1 / self.exponent)

    def log_abs_det_jacobian(self, x, y):
        return (self.exponent * y / x).abs().log()

    def forward_shape(self, shape):
        return _broadcast_with(shape, self.exponent)

    inverse_shape = forward_shape


def _clipped_sigmoid(x):
    finfo = T["finfo"](x.dtype)
    return T["clamp"](T["sigmoid"](x), min=finfo.tiny, max=1.0 - finfo.eps)


class SigmoidTransform(_Stateless):
    domain, codomain = D.real, D.unit_interval

    def _call(self, x):
        return _clipped_sigmoid(x)

    def _inverse(self, y):
        finfo = T["finfo"](y.dtype)
        y = y.clamp(min=finfo.tiny, max=1.0 - finfo.eps)
        return y.log() - (-y).log1p()

    def log_abs_det_jacobian(self, x, y):
        return -softplus(-x) - softplus(x)


class SoftplusTransform(_Stateless):
    domain, codomain = D.real, D.positive

    def _call(self, x):
        return softplus(x)

    def _inverse(self, y):
        return (-y).expm1().neg().log() + y

    def log_abs_det_jacobian(self, x, y):
        return -softplus(-x)


class TanhTransform(_Stateless):
    domain, codomain = D.real, D._Interval(-1.0, 1.0)

    def _call(self, x):
        return x.tanh()

    def _inverse(self, y):
        return T["atanh"](y)

    def log_abs_det_jacobian(self, x, y):
        return 2.0 * (math.log(2.0) - x - softplus(-2.0 * x))


class AbsTransform(_Stateless):
    domain, codomain = D.real, D.positive
    bijective = False
    sign = Transform.sign

    def _call(self, x):
        return x.abs()

    def _inverse(self, y):
        return y


class SoftmaxTransform(_Stateless):
    domain, codomain = D.real_vector, D.simplex
    bijective = False
    sign = Transform.sign

    def _call(self, x):
        probs = (x - x.max(-1, True)[0]).exp()
        return probs / probs.sum(-1, True)

    def _inverse(self, y):
        return y.log()

    def forward_shape(self, shape):
        if len(shape) < 1:
            raise value_error("Too few dimensions on input")
        return shape

    inverse_shape = forward_shape


class AffineTransform(Transform):
    __api__ = Transform.__api__ | {"loc", "scale"}
    bijective = True

    def __init__(self, loc, scale, event_dim=0, cache_size=0):
        super().__init__(cache_size=cache_size)
        self.loc, self.scale, self._event_dim = loc, scale, event_dim

    @property
    def event_dim(self):
        return self._event_dim

    @property
    def domain(self):
        return D.real if self.event_dim == 0 else _independent(D.real, self.event_dim)

    codomain = domain

    def with_cache(self, cache_size=1):
        if self._cache_size == cache_size:
            return self
        return AffineTransform(self.loc, self.scale, self.event_dim, cache_size=cache_size)

    def __eq__(self, other):
        if not isinstance(other, AffineTransform):
            return False
        for mine, theirs in ((self.loc, other.loc), (self.scale, other.scale)):
            if D._is_number(mine) and D._is_number(theirs):
                if mine != theirs:
                    return False
            elif not (mine == theirs).all().item():
                return False
        return True

    __hash__ = object.__hash__

    @property
    def sign(self):
        if D._is_number(self.scale):
            return 1 if float(self.scale) > 0 else -1 if float(self.scale) < 0 else 0
        return self.scale.sign()

    def _call(self, x):
        return self.loc + self.scale * x

    def _inverse(self, y):
        return (y - self.loc) / self.scale

    def log_abs_det_jacobian(self, x, y):
        shape = x.shape
        scale = self.scale
        if D._is_number(scale):
            result = T["full_like"](x, math.log(abs(scale)))
        else:
            result = T["abs"](scale).log()
        if self.event_dim:
            result = result.view(tuple(result.size()[:-self.event_dim]) + (-1,)).sum(-1)
            shape = shape[:-self.event_dim]
        return result.expand(shape)

    def forward_shape(self, shape):
        return _broadcast_with(shape, self.loc, self.scale)

    inverse_shape = forward_shape


identity_transform = ComposeTransform([])


class TransformedDistribution(D.Distribution):
    __api__ = D.Distribution.__api__ | {"base_dist", "transforms"}
    arg_constraints = {}
    _given = ()

    def __init__(self, base_distribution, transforms, validate_args=None):
        if isinstance(transforms, Transform):
            self.transforms = [transforms]
        elif isinstance(transforms, list):
            if not all(isinstance(t, Transform) for t in transforms):
                raise value_error("transforms must be a Transform or a list of Transforms")
            self.transforms = transforms
        else:
            raise value_error(f"transforms must be a Transform or list, but was {transforms}")
        base_shape = T["Size"](tuple(base_distribution.batch_shape) + tuple(base_distribution.event_shape))
        base_event_dim = len(base_distribution.event_shape)
        transform = ComposeTransform(self.transforms)
        if len(base_shape) < transform.domain.event_dim:
            raise value_error(f"base_distribution needs to have shape with size at least "
                              f"{transform.domain.event_dim}, but got {base_shape}.")
        forward_shape = transform.forward_shape(base_shape)
        expanded_base_shape = transform.inverse_shape(forward_shape)
        if tuple(base_shape) != tuple(expanded_base_shape):
            base_distribution = base_distribution.expand(expanded_base_shape[:len(expanded_base_shape)
                                                                              - base_event_dim])
        reinterpreted_batch_ndims = transform.domain.event_dim - base_event_dim
        if reinterpreted_batch_ndims > 0:
            base_distribution = D.Independent(base_distribution, reinterpreted_batch_ndims)
        self.base_dist = base_distribution
        event_dim = max(transform.codomain.event_dim,
                        base_event_dim + transform.codomain.event_dim - transform.domain.event_dim)
        cut = len(forward_shape) - event_dim
        super().__init__(forward_shape[:cut], forward_shape[cut:], validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        shape = tuple(batch_shape) + tuple(self._event_shape)
        for t in reversed(self.transforms):
            shape = t.inverse_shape(shape)
        base_batch_shape = shape[:len(shape) - len(self.base_dist.event_shape)]
        return self._expanded(TransformedDistribution, batch_shape, _instance, (), self._event_shape, lambda b: {
            "base_dist": self.base_dist.expand(base_batch_shape), "transforms": self.transforms})

    @property
    def support(self):
        if not self.transforms:
            return self.base_dist.support
        support = self.transforms[-1].codomain
        if len(self.event_shape) > support.event_dim:
            support = _independent(support, len(self.event_shape) - support.event_dim)
        return support

    has_rsample = D._delegated("base_dist", "has_rsample")

    def sample(self, sample_shape=()):
        with autograd.no_grad():
            x = self.base_dist.sample(sample_shape)
            for transform in self.transforms:
                x = transform(x)
            return x

    def rsample(self, sample_shape=()):
        x = self.base_dist.rsample(sample_shape)
        for transform in self.transforms:
            x = transform(x)
        return x

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        event_dim = len(self.event_shape)
        log_prob = 0.0
        y = value
        for transform in reversed(self.transforms):
            x = transform.inv(y)
            event_dim += transform.domain.event_dim - transform.codomain.event_dim
            log_prob = log_prob - _sum_rightmost(transform.log_abs_det_jacobian(x, y),
                                                 event_dim - transform.domain.event_dim)
            y = x
        return log_prob + _sum_rightmost(self.base_dist.log_prob(y), event_dim - len(self.base_dist.event_shape))

    def _monotonize_cdf(self, value):
        sign = 1
        for transform in self.transforms:
            sign = sign * transform.sign
        if isinstance(sign, int) and sign == 1:
            return value
        return sign * (value - 0.5) + 0.5

    def cdf(self, value):
        for transform in self.transforms[::-1]:
            value = transform.inv(value)
        if self._validate_args:
            self.base_dist._validate_sample(value)
        return self._monotonize_cdf(self.base_dist.cdf(value))

    def icdf(self, value):
        value = self.base_dist.icdf(self._monotonize_cdf(value))
        for transform in self.transforms:
            value = transform(value)
        return value


_EULER = D._EULER_GAMMA


class _Half(TransformedDistribution):
    """HalfNormal's and HalfCauchy's common part: |X| for X centred at 0 with the given scale."""
    __api__ = TransformedDistribution.__api__ | {"scale"}
    arg_constraints = {"scale": D.positive}
    support = D.nonnegative
    has_rsample = True
    _checked = ("scale",)  # (a property PyTorch validates; not in the repr)

    def __init__(self, scale, validate_args=None):
        super().__init__(self._base(0, scale, validate_args=False), AbsTransform(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return TransformedDistribution.expand(self, batch_shape, self._get_checked_instance(self._family_cls,
                                                                                           _instance))

    scale = D._delegated("base_dist", "scale")

    @property
    def mode(self):
        return T["zeros_like"](self.scale)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        value = T["as_tensor"](value, dtype=self.base_dist.scale.dtype)
        return T["where"](value >= 0, self.base_dist.log_prob(value) + math.log(2), -math.inf)

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 2 * self.base_dist.cdf(value) - 1

    def icdf(self, prob):
        return self.base_dist.icdf((prob + 1) / 2)

    def entropy(self):
        return self.base_dist.entropy() - math.log(2)


class HalfNormal(_Half):
    _base = D.Normal

    @property
    def mean(self):
        return self.scale * math.sqrt(2 / math.pi)

    @property
    def variance(self):
        return self.scale.pow(2) * (1 - 2 / math.pi)


class HalfCauchy(_Half):
    _base = D.Cauchy

    @property
    def mean(self):
        return T["full"](self._extended_shape(), math.inf, dtype=self.scale.dtype)

    variance = D._delegated("base_dist", "variance")


class LogNormal(TransformedDistribution):
    """TransformedDistribution(Normal(loc, scale), ExpTransform()), a subclass of it as in PyTorch (isinstance, its
    base_dist and transforms)."""
    __api__ = TransformedDistribution.__api__ | {"loc", "scale"}
    arg_constraints = {"loc": D.real, "scale": D.positive}
    support = D.positive
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        super().__init__(D.Normal(loc, scale, validate_args=validate_args), ExpTransform(),
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return TransformedDistribution.expand(self, batch_shape, self._get_checked_instance(LogNormal, _instance))

    loc, scale = D._delegated("base_dist", "loc"), D._delegated("base_dist", "scale")

    @property
    def mean(self):
        return (self.loc + self.scale.pow(2) / 2).exp()

    @property
    def mode(self):
        return (self.loc - self.scale.square()).exp()

    @property
    def variance(self):
        scale_sq = self.scale.pow(2)
        return scale_sq.expm1() * (2 * self.loc + scale_sq).exp()

    def entropy(self):
        return self.base_dist.entropy() + self.loc


class Gumbel(TransformedDistribution):
    __api__ = TransformedDistribution.__api__ | {"loc", "scale"}
    arg_constraints = {"loc": D.real, "scale": D.positive}
    support = D.real
    _given = ("loc", "scale")

    def __init__(self, loc, scale, validate_args=None):
        self.loc, self.scale = D.broadcast_all(loc, scale)
        finfo = T["finfo"](self.loc.dtype)
        if D._is_number(loc) and D._is_number(scale):
            base_dist = D.Uniform(finfo.tiny, 1 - finfo.eps, validate_args=validate_args)
        else:
            base_dist = D.Uniform(T["full_like"](self.loc, finfo.tiny), T["full_like"](self.loc, 1 - finfo.eps),
                                  validate_args=validate_args)
        transforms = [ExpTransform().inv, AffineTransform(loc=0, scale=-T["ones_like"](self.scale)),
                      ExpTransform().inv, AffineTransform(loc=loc, scale=-self.scale)]
        super().__init__(base_dist, transforms, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Gumbel, _instance)
        new.loc = self.loc.expand(batch_shape)
        new.scale = self.scale.expand(batch_shape)
        return TransformedDistribution.expand(self, batch_shape, new)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        y = (self.loc - value) / self.scale
        return (y - y.exp()) - self.scale.log()

    @property
    def mean(self):
        return self.loc + self.scale * _EULER

    mode = D._LOC

    @property
    def stddev(self):
        return (math.pi / math.sqrt(6)) * self.scale

    @property
    def variance(self):
        return self.stddev.pow(2)

    def entropy(self):
        return self.scale.log() + (1 + _EULER)


class Weibull(TransformedDistribution):
    __api__ = TransformedDistribution.__api__ | {"scale", "concentration", "concentration_reciprocal"}
    arg_constraints = {"scale": D.positive, "concentration": D.positive}
    support = D.positive
    _given = ("scale", "concentration")

    def __init__(self, scale, concentration, validate_args=None):
        self.scale, self.concentration = D.broadcast_all(scale, concentration)
        self.concentration_reciprocal = self.concentration.reciprocal()
        base_dist = D.Exponential(T["ones_like"](self.scale), validate_args=validate_args)
        super().__init__(base_dist, self._transforms(), validate_args=validate_args)

    def _transforms(self):
        return [PowerTransform(exponent=self.concentration_reciprocal), AffineTransform(loc=0, scale=self.scale)]

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Weibull, _instance)
        new.scale = self.scale.expand(batch_shape)
        new.concentration = self.concentration.expand(batch_shape)
        new.concentration_reciprocal = new.concentration.reciprocal()
        base_dist = self.base_dist.expand(batch_shape)
        TransformedDistribution.__init__(new, base_dist, new._transforms(), validate_args=False)
        new._validate_args = self._validate_args
        return new

    @property
    def mean(self):
        return self.scale * T["exp"](T["lgamma"](1 + self.concentration_reciprocal))

    @property
    def mode(self):
        return self.scale * ((self.concentration - 1) / self.concentration) ** self.concentration.reciprocal()

    @property
    def variance(self):
        return self.scale.pow(2) * (T["exp"](T["lgamma"](1 + 2 * self.concentration_reciprocal))
                                    - T["exp"](2 * T["lgamma"](1 + self.concentration_reciprocal)))

    def entropy(self):
        return (_EULER * (1 - self.concentration_reciprocal) + T["log"](self.scale * self.concentration_reciprocal)
                + 1)


class Pareto(TransformedDistribution):
    __api__ = TransformedDistribution.__api__ | {"scale", "alpha"}
    arg_constraints = {"alpha": D.positive, "scale": D.positive}
    _given = ("scale", "alpha")

    def __init__(self, scale, alpha, validate_args=None):
        self.scale, self.alpha = D.broadcast_all(scale, alpha)
        base_dist = D.Exponential(self.alpha, validate_args=validate_args)
        super().__init__(base_dist, [ExpTransform(), AffineTransform(loc=0, scale=self.scale)],
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Pareto, _instance)
        new.scale = self.scale.expand(batch_shape)
        new.alpha = self.alpha.expand(batch_shape)
        return TransformedDistribution.expand(self, batch_shape, new)

    @property
    def mean(self):
        a = self.alpha.clamp(min=1)
        return a * self.scale / (a - 1)

    mode = property(lambda self: self.scale)

    @property
    def variance(self):
        a = self.alpha.clamp(min=2)
        return self.scale.pow(2) * a / ((a - 1).pow(2) * (a - 2))

    @property
    def support(self):
        return D._GreaterThanEq(self.scale)

    def entropy(self):
        return (self.scale / self.alpha).log() + (1 + self.alpha.reciprocal())


class InverseGamma(TransformedDistribution):
    __api__ = TransformedDistribution.__api__ | {"concentration", "rate"}
    arg_constraints = {"concentration": D.positive, "rate": D.positive}
    support = D.positive
    has_rsample = True
    _checked = ("concentration", "rate")

    def __init__(self, concentration, rate, validate_args=None):
        base_dist = D.Gamma(concentration, rate, validate_args=validate_args)
        super().__init__(base_dist, PowerTransform(-base_dist.rate.new_ones(())), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return TransformedDistribution.expand(self, batch_shape, self._get_checked_instance(InverseGamma,
                                                                                           _instance))

    concentration, rate = D._delegated("base_dist", "concentration"), D._delegated("base_dist", "rate")

    @property
    def mean(self):
        return T["where"](self.concentration > 1, self.rate / (self.concentration - 1), math.inf)

    @property
    def mode(self):
        return self.rate / (self.concentration + 1)

    @property
    def variance(self):
        result = self.rate.square() / ((self.concentration - 1).square() * (self.concentration - 2))
        return T["where"](self.concentration > 2, result, math.inf)

    def entropy(self):
        return (self.concentration + self.rate.log() + self.concentration.lgamma()
                - (1 + self.concentration) * self.concentration.digamma())


_clamp_probs = D.clamp_probs


class LogitRelaxedBernoulli(D._BinaryProbs):
    __api__ = D.Distribution.__api__ | {"probs", "logits", "param_shape", "temperature"}
    arg_constraints = {"probs": D.unit_interval, "logits": D.real}
    support = D.real

    def __init__(self, temperature, probs=None, logits=None, validate_args=None):
        self.temperature = temperature
        self._take_one(probs, logits, validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(LogitRelaxedBernoulli, batch_shape, _instance, parts=lambda b: dict(
            self._expanded_probs(b), temperature=self.temperature))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        probs = _clamp_probs(self.probs.expand(shape))
        uniforms = _clamp_probs(T["rand"](shape, dtype=probs.dtype))
        return (uniforms.log() - (-uniforms).log1p() + probs.log() - (-probs).log1p()) / self.temperature

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = D.broadcast_all(self.logits, value)
        diff = logits - value.mul(self.temperature)
        return self.temperature.log() + diff - 2 * diff.exp().log1p()


class ExpRelaxedCategorical(D.Distribution):
    __api__ = D.Distribution.__api__ | {"probs", "logits", "param_shape", "temperature"}
    arg_constraints = {"probs": D.simplex, "logits": D.real_vector}
    support = D.real_vector
    has_rsample = True
    _given = ()
    _checked = ("probs", "logits")  # (properties, not lazily computed: PyTorch validates both)

    def __init__(self, temperature, probs=None, logits=None, validate_args=None):
        self._categorical = D.Categorical(probs, logits)
        self.temperature = temperature
        super().__init__(self._categorical.batch_shape, self._categorical.param_shape[-1:],
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(ExpRelaxedCategorical, batch_shape, _instance, (), self._event_shape, lambda b: {
            "temperature": self.temperature, "_categorical": self._categorical.expand(b)})

    param_shape, logits, probs = (D._delegated("_categorical", n) for n in ("param_shape", "logits", "probs"))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        uniforms = _clamp_probs(T["rand"](shape, dtype=self.logits.dtype))
        gumbels = -((-(uniforms.log())).log())
        scores = (self.logits + gumbels) / self.temperature
        return scores - scores.logsumexp(dim=-1, keepdim=True)

    def log_prob(self, value):
        K = self._categorical._num_events
        if self._validate_args:
            self._validate_sample(value)
        logits, value = D.broadcast_all(self.logits, value)
        log_scale = T["full_like"](self.temperature, float(K)).lgamma() - self.temperature.log().mul(-(K - 1))
        score = logits - value.mul(self.temperature)
        score = (score - score.logsumexp(dim=-1, keepdim=True)).sum(-1)
        return score + log_scale


class _Relaxed(TransformedDistribution):
    """RelaxedBernoulli's and RelaxedOneHotCategorical's common part: a transform of their logit-space base."""
    __api__ = TransformedDistribution.__api__ | {"probs", "logits", "temperature"}
    has_rsample = True
    _checked = ("probs", "logits")

    def __init__(self, temperature, probs=None, logits=None, validate_args=None):
        base_dist = self._base(temperature, probs, logits, **self._base_validation(validate_args))
        super().__init__(base_dist, self._transform(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return TransformedDistribution.expand(self, batch_shape, self._get_checked_instance(self._family_cls,
                                                                                           _instance))

    temperature, logits, probs = (D._delegated("base_dist", n) for n in ("temperature", "logits", "probs"))


class RelaxedBernoulli(_Relaxed):
    arg_constraints = {"probs": D.unit_interval, "logits": D.real}
    support = D.unit_interval
    _base, _transform = LogitRelaxedBernoulli, SigmoidTransform
    _base_validation = staticmethod(lambda validate_args: {})


class RelaxedOneHotCategorical(_Relaxed):
    arg_constraints = {"probs": D.simplex, "logits": D.real_vector}
    support = D.simplex
    _base, _transform = ExpRelaxedCategorical, ExpTransform
    _base_validation = staticmethod(lambda validate_args: {"validate_args": validate_args})


def _kl_halfnormal_halfnormal(p, q):
    return D._kl_normal_normal(p.base_dist, q.base_dist)


def _kl_gumbel_gumbel(p, q):
    ct1 = p.scale / q.scale
    ct2 = q.loc / q.scale
    ct3 = p.loc / q.scale
    t1 = -ct1.log() - ct2 + ct3
    t2 = ct1 * _EULER
    t3 = T["exp"](ct2 + (1 + ct1).lgamma() - ct3)
    return t1 + t2 + t3 - (1 + _EULER)


def _kl_pareto_pareto(p, q):
    scale_ratio = p.scale / q.scale
    alpha_ratio = q.alpha / p.alpha
    t1 = q.alpha * scale_ratio.log()
    t2 = -alpha_ratio.log()
    result = t1 + t2 + alpha_ratio - 1
    result[p.support.lower_bound < q.support.lower_bound] = math.inf
    return result


def _kl_exponential_gumbel(p, q):
    scale_rate_prod = p.rate * q.scale
    loc_scale_ratio = q.loc / q.scale
    t1 = scale_rate_prod.log() - 1
    t2 = T["exp"](loc_scale_ratio) * scale_rate_prod / (scale_rate_prod + 1)
    return t1 - loc_scale_ratio + t2 + scale_rate_prod.reciprocal()


def _kl_gamma_gumbel(p, q):
    beta_scale_prod = p.rate * q.scale
    loc_scale_ratio = q.loc / q.scale
    t1 = (p.concentration - 1) * p.concentration.digamma() - p.concentration.lgamma() - p.concentration
    t2 = beta_scale_prod.log() + p.concentration / beta_scale_prod
    t3 = T["exp"](loc_scale_ratio) * (1 + beta_scale_prod.reciprocal()).pow(-p.concentration) - loc_scale_ratio
    return t1 + t2 + t3


def _kl_gumbel_normal(p, q):
    param_ratio = p.scale / q.scale
    t1 = (param_ratio / math.sqrt(2 * math.pi)).log()
    t2 = (math.pi * param_ratio * 0.5).pow(2) / 3
    t3 = ((p.loc + p.scale * _EULER - q.loc) / q.scale).pow(2) * 0.5
    return -t1 + t2 + t3 - (_EULER + 1)


def _kl_normal_gumbel(p, q):
    mean_scale_ratio = p.loc / q.scale
    var_scale_sqr_ratio = (p.scale / q.scale).pow(2)
    loc_scale_ratio = q.loc / q.scale
    t1 = var_scale_sqr_ratio.log() * 0.5
    t2 = mean_scale_ratio - loc_scale_ratio
    t3 = T["exp"](-mean_scale_ratio + 0.5 * var_scale_sqr_ratio + loc_scale_ratio)
    return -t1 + t2 + t3 - (0.5 * (1 + math.log(2 * math.pi)))


def _kl_pareto_exponential(p, q):
    scale_rate_prod = p.scale * q.rate
    t1 = (p.alpha / scale_rate_prod).log()
    result = t1 - p.alpha.reciprocal() + p.alpha * scale_rate_prod / (p.alpha - 1) - 1
    result[p.alpha <= 1] = math.inf
    return result


def _kl_pareto_gamma(p, q):
    common_term = p.scale.log() + p.alpha.reciprocal()
    t1 = p.alpha.log() - common_term
    t2 = q.concentration.lgamma() - q.concentration * q.rate.log()
    t3 = (1 - q.concentration) * common_term
    t4 = q.rate * p.alpha * p.scale / (p.alpha - 1)
    result = t1 + t2 + t3 + t4 - 1
    result[p.alpha <= 1] = math.inf
    return result


def _kl_pareto_normal(p, q):
    var_normal = 2 * q.scale.pow(2)
    common_term = p.scale / (p.alpha - 1)
    t1 = (math.sqrt(2 * math.pi) * q.scale * p.alpha / p.scale).log()
    t3 = p.alpha * common_term.pow(2) / (p.alpha - 2)
    t4 = (p.alpha * common_term - q.loc).pow(2)
    result = t1 - p.alpha.reciprocal() + (t3 + t4) / var_normal - 1
    result[p.alpha <= 2] = math.inf
    return result


def _kl_uniform_gumbel(p, q):
    common_term = q.scale / (p.high - p.low)
    high_loc_diff = (p.high - q.loc) / q.scale
    low_loc_diff = (p.low - q.loc) / q.scale
    t1 = common_term.log() + 0.5 * (high_loc_diff + low_loc_diff)
    return t1 - common_term * (T["exp"](-high_loc_diff) - T["exp"](-low_loc_diff))


def _kl_uniform_pareto(p, q):
    support_uniform = p.high - p.low
    t1 = (q.alpha * q.scale.pow(q.alpha) * support_uniform).log()
    t2 = (T["xlogy"](p.high, p.high) - T["xlogy"](p.low, p.low) - support_uniform) / support_uniform
    result = t2 * (q.alpha + 1) - t1
    result[p.low < q.support.lower_bound] = math.inf
    return result


def _kl_transformed_transformed(p, q):
    if p.transforms != q.transforms or p.event_shape != q.event_shape:
        raise make("NotImplementedError", "")
    return D.kl_divergence(p.base_dist, q.base_dist)


TRANSFORMS = {"Transform": Transform, "ComposeTransform": ComposeTransform,
              "IndependentTransform": IndependentTransform, "ExpTransform": ExpTransform,
              "PowerTransform": PowerTransform, "SigmoidTransform": SigmoidTransform,
              "SoftplusTransform": SoftplusTransform, "TanhTransform": TanhTransform, "AbsTransform": AbsTransform,
              "SoftmaxTransform": SoftmaxTransform, "AffineTransform": AffineTransform}


CONSTRAINTS = {"real": D.real, "positive": D.positive, "nonnegative": D.nonnegative, "simplex": D.simplex,
               "real_vector": D.real_vector, "unit_interval": D.unit_interval, "boolean": D.boolean,
               "nonnegative_integer": D.nonnegative_integer, "positive_integer": D._IntegerGreaterThan(1),
               "positive_definite": D._PositiveDefinite(), "lower_cholesky": D._LowerCholesky(),
               "greater_than": D._GreaterThan, "greater_than_eq": D._GreaterThanEq, "less_than": D._LessThan,
               "interval": D._Interval, "integer_interval": D._IntegerInterval, "independent": _independent,
               "multinomial": D._Multinomial, "Constraint": D._Constraint,
               "half_open_interval": D._HalfOpenInterval}


def install(namespace):
    """torch.distributions' names for these (the transforms, TransformedDistribution, constraints) and the KL
    between two TransformedDistributions."""
    for name, cls in TRANSFORMS.items():
        cls.__module__ = "torch.distributions.transforms"
        namespace[name] = cls
    _InverseTransform.__module__ = "torch.distributions.transforms"  # (`type(t.inv)`)
    namespace["identity_transform"] = identity_transform
    namespace["transforms"] = Namespace("torch.distributions.transforms", dict(
        TRANSFORMS, identity_transform=identity_transform))
    TransformedDistribution.__module__ = "torch.distributions.transformed_distribution"
    namespace["TransformedDistribution"] = TransformedDistribution
    namespace["transformed_distribution"] = Namespace("torch.distributions.transformed_distribution",
                                                      {"TransformedDistribution": TransformedDistribution})
    namespace["constraints"] = Namespace("torch.distributions.constraints", CONSTRAINTS)
    for cls, module in ((LogNormal, "log_normal"), (HalfNormal, "half_normal"), (HalfCauchy, "half_cauchy"),
                        (Gumbel, "gumbel"),
                        (Weibull, "weibull"), (Pareto, "pareto"), (RelaxedBernoulli, "relaxed_bernoulli"),
                        (InverseGamma, "inverse_gamma"),
                        (RelaxedOneHotCategorical, "relaxed_categorical")):
        cls.__module__ = "torch.distributions." + module
        namespace[cls.__name__] = cls
        namespace[module] = Namespace(cls.__module__, {cls.__name__: cls})
    LogitRelaxedBernoulli.__module__ = RelaxedBernoulli.__module__
    ExpRelaxedCategorical.__module__ = RelaxedOneHotCategorical.__module__
    namespace["relaxed_bernoulli"]._members["LogitRelaxedBernoulli"] = LogitRelaxedBernoulli
    namespace["relaxed_categorical"]._members["ExpRelaxedCategorical"] = ExpRelaxedCategorical
    D._KL.update({("TransformedDistribution", "TransformedDistribution"): _kl_transformed_transformed,
                  ("HalfNormal", "HalfNormal"): _kl_halfnormal_halfnormal, ("Gumbel", "Gumbel"): _kl_gumbel_gumbel,
                  ("Pareto", "Pareto"): _kl_pareto_pareto, ("Exponential", "Gumbel"): _kl_exponential_gumbel,
                  ("Gamma", "Gumbel"): _kl_gamma_gumbel, ("Gumbel", "Normal"): _kl_gumbel_normal,
                  ("Normal", "Gumbel"): _kl_normal_gumbel, ("Pareto", "Exponential"): _kl_pareto_exponential,
                  ("Pareto", "Gamma"): _kl_pareto_gamma, ("Pareto", "Normal"): _kl_pareto_normal,
                  ("Uniform", "Gumbel"): _kl_uniform_gumbel, ("Uniform", "Pareto"): _kl_uniform_pareto})

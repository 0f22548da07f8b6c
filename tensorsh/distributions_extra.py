"""The torch.distributions families that build on the others: FisherSnedecor (two Gammas), Kumaraswamy (a Uniform
through three transforms), ContinuousBernoulli, VonMises, LowRankMultivariateNormal, Wishart and LKJCholesky, ported line for line from
PyTorch's Python on engine ops (their graphs, their float arithmetic, their draws in PyTorch's order)."""
import math

from tensorsh import distributions as D
from tensorsh import distribution_transforms as DT
from tensorsh.engine import autograd
from tensorsh.engine.errors import make, value_error, warn
from tensorsh.engine.torch_api import NAMESPACE as T, Namespace
from tensorsh.nn.functional import binary_cross_entropy_with_logits

_EULER = 0.57721566490153286060


class FisherSnedecor(D.Distribution):
    arg_constraints = {"df1": D.positive, "df2": D.positive}
    support = D.positive
    has_rsample = True
    _given = ("df1", "df2")

    def __init__(self, df1, df2, validate_args=None):
        self.df1, self.df2 = D.broadcast_all(df1, df2)
        self._gamma1 = D.Gamma(self.df1 * 0.5, self.df1)
        self._gamma2 = D.Gamma(self.df2 * 0.5, self.df2)
        batch_shape = () if D._is_number(df1) and D._is_number(df2) else self.df1.size()
        super().__init__(batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(FisherSnedecor, batch_shape, _instance, ("df1", "df2"), parts=lambda b: {
            "_gamma1": self._gamma1.expand(b), "_gamma2": self._gamma2.expand(b)})

    @property
    def mean(self):
        df2 = self.df2.clone(memory_format=T["contiguous_format"])
        df2[df2 <= 2] = math.nan
        return df2 / (df2 - 2)

    @property
    def mode(self):
        mode = (self.df1 - 2) / self.df1 * self.df2 / (self.df2 + 2)
        mode[self.df1 <= 2] = math.nan
        return mode

    @property
    def variance(self):
        df2 = self.df2.clone(memory_format=T["contiguous_format"])
        df2[df2 <= 4] = math.nan
        return 2 * df2.pow(2) * (self.df1 + df2 - 2) / (self.df1 * (df2 - 2).pow(2) * (df2 - 4))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        X1 = self._gamma1.rsample(sample_shape).view(shape)
        X2 = self._gamma2.rsample(sample_shape).view(shape)
        tiny = T["finfo"](X2.dtype).tiny
        X2.clamp_(min=tiny)
        Y = X1 / X2
        Y.clamp_(min=tiny)
        return Y

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        ct1 = self.df1 * 0.5
        ct2 = self.df2 * 0.5
        ct3 = self.df1 / self.df2
        t1 = (ct1 + ct2).lgamma() - ct1.lgamma() - ct2.lgamma()
        t2 = ct1 * ct3.log() + (ct1 - 1) * T["log"](value)
        t3 = (ct1 + ct2) * T["log1p"](ct3 * value)
        return t1 + t2 - t3


def _moments(a, b, n):
    arg1 = 1 + n / a
    log_value = T["lgamma"](arg1) + T["lgamma"](b) - T["lgamma"](arg1 + b)
    return b * T["exp"](log_value)


class Kumaraswamy(DT.TransformedDistribution):
    __api__ = DT.TransformedDistribution.__api__ | {"concentration1", "concentration0"}
    arg_constraints = {"concentration1": D.positive, "concentration0": D.positive}
    support = D.unit_interval
    has_rsample = True
    _given = ("concentration1", "concentration0")

    def __init__(self, concentration1, concentration0, validate_args=None):
        self.concentration1, self.concentration0 = D.broadcast_all(concentration1, concentration0)
        base_dist = D.Uniform(T["full_like"](self.concentration0, 0), T["full_like"](self.concentration0, 1),
                              validate_args=validate_args)
        transforms = [DT.PowerTransform(exponent=self.concentration0.reciprocal()),
                      DT.AffineTransform(loc=1.0, scale=-1.0),
                      DT.PowerTransform(exponent=self.concentration1.reciprocal())]
        super().__init__(base_dist, transforms, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Kumaraswamy, _instance)
        new.concentration1 = self.concentration1.expand(batch_shape)
        new.concentration0 = self.concentration0.expand(batch_shape)
        return DT.TransformedDistribution.expand(self, batch_shape, new)

    @property
    def mean(self):
        return _moments(self.concentration1, self.concentration0, 1)

    @property
    def mode(self):
        log_mode = (self.concentration0.reciprocal() * (-self.concentration0).log1p()
                    - (-self.concentration0 * self.concentration1).log1p())
        log_mode[(self.concentration0 < 1) | (self.concentration1 < 1)] = math.nan
        return log_mode.exp()

    @property
    def variance(self):
        return _moments(self.concentration1, self.concentration0, 2) - T["pow"](self.mean, 2)

    def entropy(self):
        t1 = 1 - self.concentration1.reciprocal()
        t0 = 1 - self.concentration0.reciprocal()
        H0 = T["digamma"](self.concentration0 + 1) + _EULER
        return t0 + t1 * H0 - T["log"](self.concentration1) - T["log"](self.concentration0)


_clamp_probs = D.clamp_probs


class ContinuousBernoulli(D._BinaryProbs, D.ExponentialFamily):
    __api__ = D.Distribution.__api__ | {"probs", "logits", "param_shape"}
    arg_constraints = {"probs": D.unit_interval, "logits": D.real}
    support = D.unit_interval
    has_rsample = True

    def __init__(self, probs=None, logits=None, lims=(0.499, 0.501), validate_args=None):
        self._take(probs, logits)
        given = probs if probs is not None else logits
        (param,) = D.broadcast_all(given)
        if probs is not None:
            if validate_args is not None and not self.arg_constraints["probs"].check(param).all().item():
                raise value_error("The parameter probs has invalid values")
            self._probs = _clamp_probs(param)
        else:
            self._logits = param
        self._lims = lims
        D.Distribution.__init__(self, () if D._is_number(given) else param.size(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(ContinuousBernoulli, batch_shape, _instance,
                              parts=lambda b: dict(self._expanded_probs(b), _lims=self._lims))

    @staticmethod
    def _logits_to_probs(logits):
        return _clamp_probs(T["sigmoid"](logits))

    def _outside_unstable_region(self):
        return T["max"](T["le"](self.probs, self._lims[0]), T["gt"](self.probs, self._lims[1]))

    def _cut_probs(self):
        return T["where"](self._outside_unstable_region(), self.probs, self._lims[0] * T["ones_like"](self.probs))

    def _cont_bern_log_norm(self):
        cut_probs = self._cut_probs()
        cut_probs_below_half = T["where"](T["le"](cut_probs, 0.5), cut_probs, T["zeros_like"](cut_probs))
        cut_probs_above_half = T["where"](T["ge"](cut_probs, 0.5), cut_probs, T["ones_like"](cut_probs))
        log_norm = T["log"](T["abs"](T["log1p"](-cut_probs) - T["log"](cut_probs))) - T["where"](
            T["le"](cut_probs, 0.5), T["log1p"](-2.0 * cut_probs_below_half),
            T["log"](2.0 * cut_probs_above_half - 1.0))
        x = T["pow"](self.probs - 0.5, 2)
        taylor = math.log(2.0) + (4.0 / 3.0 + 104.0 / 45.0 * x) * x
        return T["where"](self._outside_unstable_region(), log_norm, taylor)

    @property
    def mean(self):
        cut_probs = self._cut_probs()
        mus = cut_probs / (2.0 * cut_probs - 1.0) + 1.0 / (T["log1p"](-cut_probs) - T["log"](cut_probs))
        x = self.probs - 0.5
        taylor = 0.5 + (1.0 / 3.0 + 16.0 / 45.0 * T["pow"](x, 2)) * x
        return T["where"](self._outside_unstable_region(), mus, taylor)

    @property
    def stddev(self):
        return T["sqrt"](self.variance)

    @property
    def variance(self):
        cut_probs = self._cut_probs()
        vars_ = cut_probs * (cut_probs - 1.0) / T["pow"](1.0 - 2.0 * cut_probs, 2) + 1.0 / T["pow"](
            T["log1p"](-cut_probs) - T["log"](cut_probs), 2)
        x = T["pow"](self.probs - 0.5, 2)
        taylor = 1.0 / 12.0 - (1.0 / 15.0 - 128.0 / 945.0 * x) * x
        return T["where"](self._outside_unstable_region(), vars_, taylor)

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        u = T["rand"](shape, dtype=self.probs.dtype)
        with autograd.no_grad():
            return self.icdf(u)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        return self.icdf(T["rand"](shape, dtype=self.probs.dtype))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = D.broadcast_all(self.logits, value)
        return -binary_cross_entropy_with_logits(logits, value, reduction="none") + self._cont_bern_log_norm()

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        cut_probs = self._cut_probs()
        cdfs = (T["pow"](cut_probs, value) * T["pow"](1.0 - cut_probs, 1.0 - value) + cut_probs - 1.0) / (
            2.0 * cut_probs - 1.0)
        unbounded_cdfs = T["where"](self._outside_unstable_region(), cdfs, value)
        return T["where"](T["le"](value, 0.0), T["zeros_like"](value),
                          T["where"](T["ge"](value, 1.0), T["ones_like"](value), unbounded_cdfs))

    def icdf(self, value):
        cut_probs = self._cut_probs()
        return T["where"](self._outside_unstable_region(),
                          (T["log1p"](-cut_probs + value * (2.0 * cut_probs - 1.0)) - T["log1p"](-cut_probs))
                          / (T["log"](cut_probs) - T["log1p"](-cut_probs)), value)

    def entropy(self):
        log_probs0 = T["log1p"](-self.probs)
        log_probs1 = T["log"](self.probs)
        return self.mean * (log_probs0 - log_probs1) - self._cont_bern_log_norm() - log_probs0

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return (self.logits,)

    def _log_normalizer(self, x):
        out_unst_reg = T["max"](T["le"](x, self._lims[0] - 0.5), T["gt"](x, self._lims[1] - 0.5))
        cut_nat_params = T["where"](out_unst_reg, x, (self._lims[0] - 0.5) * T["ones_like"](x))
        log_norm = T["log"](T["abs"](T["special"].expm1(cut_nat_params))) - T["log"](T["abs"](cut_nat_params))
        taylor = 0.5 * x + T["pow"](x, 2) / 24.0 - T["pow"](x, 4) / 2880.0
        return T["where"](out_unst_reg, log_norm, taylor)


def _eval_poly(y, coef):
    coef = list(coef)
    result = coef.pop()
    while coef:
        result = coef.pop() + y * result
    return result


_COEF_SMALL = [[1.0, 3.5156229, 3.0899424, 1.2067492, 0.2659732, 0.360768e-1, 0.45813e-2],
               [0.5, 0.87890594, 0.51498869, 0.15084934, 0.2658733e-1, 0.301532e-2, 0.32411e-3]]
_COEF_LARGE = [[0.39894228, 0.1328592e-1, 0.225319e-2, -0.157565e-2, 0.916281e-2, -0.2057706e-1, 0.2635537e-1,
                -0.1647633e-1, 0.392377e-2],
               [0.39894228, -0.3988024e-1, -0.362018e-2, 0.163801e-2, -0.1031555e-1, 0.2282967e-1, -0.2895312e-1,
                0.1787654e-1, -0.420059e-2]]


def _log_modified_bessel_fn(x, order=0):
    y = x / 3.75
    y = y * y
    small = _eval_poly(y, _COEF_SMALL[order])
    if order == 1:
        small = x.abs() * small
    small = small.log()
    y = 3.75 / x
    large = x - 0.5 * x.log() + _eval_poly(y, _COEF_LARGE[order]).log()
    return T["where"](x < 3.75, small, large)


def _rejection_sample(loc, concentration, proposal_r, x):
    done = T["zeros"](x.shape, dtype=T["bool"])
    while not done.all().item():
        u = T["rand"]((3,) + tuple(x.shape), dtype=loc.dtype)
        u1, u2, u3 = u.unbind()
        z = T["cos"](math.pi * u1)
        f = (1 + proposal_r * z) / (proposal_r + z)
        c = concentration * (proposal_r - f)
        accept = ((c * (2 - c) - u2) > 0) | ((c / u2).log() + 1 - c >= 0)
        if accept.any().item():
            x = T["where"](accept, (u3 - 0.5).sign() * f.acos(), x)
            done = done | accept
    return (x + math.pi + loc) % (2 * math.pi) - math.pi


class VonMises(D.Distribution):
    __api__ = D.Distribution.__api__ | {"loc", "concentration"}
    arg_constraints = {"loc": D.real, "concentration": D.positive}
    support = D.real
    has_rsample = False
    _given = ("loc", "concentration")

    def __init__(self, loc, concentration, validate_args=None):
        self.loc, self.concentration = D.broadcast_all(loc, concentration)
        super().__init__(self.loc.shape, (), validate_args)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        log_prob = self.concentration * T["cos"](value - self.loc)
        return log_prob - math.log(2 * math.pi) - _log_modified_bessel_fn(self.concentration, order=0)

    def sample(self, sample_shape=()):
        with autograd.no_grad():
            loc, kappa = self.loc.to(T["double"]), self.concentration.to(T["double"])
            tau = 1 + (1 + 4 * kappa ** 2).sqrt()
            rho = (tau - (2 * tau).sqrt()) / (2 * kappa)
            proposal_r = T["where"](kappa < 1e-5, 1 / kappa + kappa, (1 + rho ** 2) / (2 * rho))
            x = T["empty"](self._extended_shape(sample_shape), dtype=loc.dtype)
            return _rejection_sample(loc, kappa, proposal_r, x).to(self.loc.dtype)

    def expand(self, batch_shape, _instance=None):
        return type(self)(self.loc.expand(batch_shape), self.concentration.expand(batch_shape),
                          validate_args=self._validate_args)

    mean = mode = D._LOC

    @property
    def variance(self):
        return 1 - (_log_modified_bessel_fn(self.concentration, order=1)
                    - _log_modified_bessel_fn(self.concentration, order=0)).exp()


def _batch_capacitance_tril(W, Dg):
    m = W.size(-1)
    Wt_Dinv = W.mT / Dg.unsqueeze(-2)
    K = T["matmul"](Wt_Dinv, W).contiguous()
    K.view(-1, m * m)[:, ::m + 1] += 1
    return T["linalg"].cholesky(K)


def _batch_lowrank_logdet(W, Dg, capacitance_tril):
    return 2 * capacitance_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1) + Dg.log().sum(-1)


def _batch_lowrank_mahalanobis(W, Dg, x, capacitance_tril):
    Wt_Dinv = W.mT / Dg.unsqueeze(-2)
    Wt_Dinv_x = D._batch_mv(Wt_Dinv, x)
    mahalanobis_term1 = (x.pow(2) / Dg).sum(-1)
    mahalanobis_term2 = D._batch_mahalanobis(capacitance_tril, Wt_Dinv_x)
    return mahalanobis_term1 - mahalanobis_term2


class LowRankMultivariateNormal(D.Distribution):
    __api__ = D.Distribution.__api__ | {"loc", "cov_factor", "cov_diag", "covariance_matrix", "precision_matrix",
                                        "scale_tril"}
    arg_constraints = {"loc": D.real_vector, "cov_factor": D._IndependentConstraint(D.real, 2),
                       "cov_diag": D._IndependentConstraint(D.positive, 1)}
    support = D.real_vector
    has_rsample = True
    _given = ("loc", "cov_factor", "cov_diag")

    def __init__(self, loc, cov_factor, cov_diag, validate_args=None):
        if loc.dim() < 1:
            raise value_error("loc must be at least one-dimensional.")
        event_shape = loc.shape[-1:]
        if cov_factor.dim() < 2:
            raise value_error("cov_factor must be at least two-dimensional, with optional leading batch dimensions")
        if tuple(cov_factor.shape[-2:-1]) != tuple(event_shape):
            raise value_error(f"cov_factor must be a batch of matrices with shape {event_shape[0]} x m")
        if tuple(cov_diag.shape[-1:]) != tuple(event_shape):
            raise value_error(f"cov_diag must be a batch of vectors with shape {event_shape}")
        try:
            loc_, self.cov_factor, cov_diag_ = T["broadcast_tensors"](loc.unsqueeze(-1), cov_factor,
                                                                      cov_diag.unsqueeze(-1))
        except Exception:
            raise value_error(f"Incompatible batch shapes: loc {loc.shape}, cov_factor {cov_factor.shape}, "
                              f"cov_diag {cov_diag.shape}") from None
        self.loc = loc_[..., 0]
        self.cov_diag = cov_diag_[..., 0]
        self._unbroadcasted_cov_factor = cov_factor
        self._unbroadcasted_cov_diag = cov_diag
        self._capacitance_tril = _batch_capacitance_tril(cov_factor, cov_diag)
        self._lazy = {}
        super().__init__(self.loc.shape[:-1], event_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        loc_shape = tuple(batch_shape) + tuple(self._event_shape)
        return self._expanded(LowRankMultivariateNormal, batch_shape, _instance, (), parts=lambda b: {
            "loc": self.loc.expand(loc_shape), "cov_diag": self.cov_diag.expand(loc_shape),
            "cov_factor": self.cov_factor.expand(loc_shape + tuple(self.cov_factor.shape[-1:])),
            "_unbroadcasted_cov_factor": self._unbroadcasted_cov_factor,
            "_unbroadcasted_cov_diag": self._unbroadcasted_cov_diag,
            "_capacitance_tril": self._capacitance_tril, "_lazy": {}}, event_shape=self._event_shape)

    mean = mode = D._LOC

    def _once(self, name, make):
        return D.computed_once(self._lazy, name, make)

    def _full(self, m):
        return m.expand(tuple(self._batch_shape) + tuple(self._event_shape) * 2)

    @property
    def variance(self):
        return self._once("variance", lambda: (self._unbroadcasted_cov_factor.pow(2).sum(-1)
                                               + self._unbroadcasted_cov_diag).expand(
            tuple(self._batch_shape) + tuple(self._event_shape)))

    def _scale_tril(self):
        n = self._event_shape[0]
        cov_diag_sqrt_unsqueeze = self._unbroadcasted_cov_diag.sqrt().unsqueeze(-1)
        Dinvsqrt_W = self._unbroadcasted_cov_factor / cov_diag_sqrt_unsqueeze
        K = T["matmul"](Dinvsqrt_W, Dinvsqrt_W.mT).contiguous()
        K.view(-1, n * n)[:, ::n + 1] += 1
        return self._full(cov_diag_sqrt_unsqueeze * T["linalg"].cholesky(K))

    scale_tril = property(lambda self: self._once("scale_tril", self._scale_tril))
    covariance_matrix = property(lambda self: self._once("covariance_matrix", lambda: self._full(
        T["matmul"](self._unbroadcasted_cov_factor, self._unbroadcasted_cov_factor.mT)
        + T["diag_embed"](self._unbroadcasted_cov_diag))))

    def _precision_matrix(self):
        Wt_Dinv = self._unbroadcasted_cov_factor.mT / self._unbroadcasted_cov_diag.unsqueeze(-2)
        A = T["linalg"].solve_triangular(self._capacitance_tril, Wt_Dinv, upper=False)
        return self._full(T["diag_embed"](self._unbroadcasted_cov_diag.reciprocal()) - A.mT @ A)

    precision_matrix = property(lambda self: self._once("precision_matrix", self._precision_matrix))

    def rsample(self, sample_shape=()):
        shape = tuple(self._extended_shape(sample_shape))
        W_shape = shape[:-1] + tuple(self.cov_factor.shape[-1:])
        eps_W = T["empty"](W_shape, dtype=self.loc.dtype).normal_()
        eps_D = T["empty"](shape, dtype=self.loc.dtype).normal_()
        return (self.loc + D._batch_mv(self._unbroadcasted_cov_factor, eps_W)
                + self._unbroadcasted_cov_diag.sqrt() * eps_D)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        diff = value - self.loc
        M = _batch_lowrank_mahalanobis(self._unbroadcasted_cov_factor, self._unbroadcasted_cov_diag, diff,
                                       self._capacitance_tril)
        log_det = _batch_lowrank_logdet(self._unbroadcasted_cov_factor, self._unbroadcasted_cov_diag,
                                        self._capacitance_tril)
        return -0.5 * (self._event_shape[0] * math.log(2 * math.pi) + log_det + M)

    def entropy(self):
        log_det = _batch_lowrank_logdet(self._unbroadcasted_cov_factor, self._unbroadcasted_cov_diag,
                                        self._capacitance_tril)
        H = 0.5 * (self._event_shape[0] * (1.0 + math.log(2 * math.pi)) + log_det)
        return H if len(self._batch_shape) == 0 else H.expand(tuple(self._batch_shape))


def _mvdigamma(x, p):
    if not x.gt((p - 1) / 2).all().item():
        raise make("AssertionError", "Wrong domain for multivariate digamma function.")
    return T["digamma"](x.unsqueeze(-1) - T["arange"](p, dtype=x.dtype).div(2).expand(tuple(x.shape) + (-1,))).sum(-1)


_LOG_2 = math.log(2)


class Wishart(D.ExponentialFamily):
    __api__ = D.Distribution.__api__ | {"df", "covariance_matrix", "precision_matrix", "scale_tril"}
    support = D._PositiveDefinite()
    has_rsample = True

    @property
    def arg_constraints(self):
        return {"covariance_matrix": D._PositiveDefinite(), "precision_matrix": D._PositiveDefinite(),
                "scale_tril": D._LowerCholesky(), "df": D._GreaterThan(self.event_shape[-1] - 1)}

    def __init__(self, df, covariance_matrix=None, precision_matrix=None, scale_tril=None, validate_args=None):
        given = [(n, m) for n, m in (("covariance_matrix", covariance_matrix), ("precision_matrix", precision_matrix),
                                     ("scale_tril", scale_tril)) if m is not None]
        if len(given) != 1:
            raise make("AssertionError", "Exactly one of covariance_matrix or precision_matrix or scale_tril may be "
                                         "specified.")
        name, param = given[0]
        if param.dim() < 2:
            raise value_error("scale_tril must be at least two-dimensional, with optional leading batch dimensions")
        if D._is_number(df):
            batch_shape = tuple(param.shape[:-2])
            self.df = T["tensor"](df, dtype=param.dtype)
        else:
            batch_shape = tuple(T["broadcast_shapes"](param.shape[:-2], df.shape))
            self.df = df.expand(batch_shape)
        event_shape = tuple(param.shape[-2:])
        if self.df.le(event_shape[-1] - 1).any().item():
            raise value_error(f"Value of df={df} expected to be greater than ndim - 1 = {event_shape[-1] - 1}.")
        self._matrices = {name: param.expand(batch_shape + (-1, -1))}
        if self.df.lt(event_shape[-1]).any().item():
            warn("Low df values detected. Singular samples are highly likely to occur for ndim - 1 < df < ndim.")
        self._given = ("df", name)
        super().__init__(batch_shape, event_shape, validate_args=validate_args)
        self._batch_dims = [-(x + 1) for x in range(len(self._batch_shape))]
        if name == "scale_tril":
            self._unbroadcasted_scale_tril = scale_tril
        elif name == "covariance_matrix":
            self._unbroadcasted_scale_tril = T["linalg"].cholesky(covariance_matrix)
        else:
            self._unbroadcasted_scale_tril = D._precision_to_scale_tril(precision_matrix)
        self._dist_chi2 = self._chi2(batch_shape)

    def _chi2(self, batch_shape):
        return D.Chi2(df=self.df.unsqueeze(-1) - T["arange"](
            self._event_shape[-1], dtype=self._unbroadcasted_scale_tril.dtype).expand(tuple(batch_shape) + (-1,)))

    def _has(self, param):
        return param == "df" or param in self._matrices

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Wishart, _instance)
        batch_shape = tuple(batch_shape)
        cov_shape = batch_shape + tuple(self._event_shape)
        new._unbroadcasted_scale_tril = self._unbroadcasted_scale_tril.expand(cov_shape)
        new.df = self.df.expand(batch_shape)
        new._batch_dims = [-(x + 1) for x in range(len(batch_shape))]
        new._matrices = {k: m.expand(cov_shape) for k, m in self._matrices.items()}
        new._given = self._given
        D.Distribution.__init__(new, batch_shape, self._event_shape, validate_args=False)
        new._dist_chi2 = new._chi2(batch_shape)
        new._validate_args = self._validate_args
        return new

    def _matrix(self, name, make_matrix):
        return D.computed_once(self._matrices, name, lambda: make_matrix().expand(
            tuple(self._batch_shape) + tuple(self._event_shape)))

    scale_tril = property(lambda self: self._matrix("scale_tril", lambda: self._unbroadcasted_scale_tril))
    covariance_matrix = property(lambda self: self._matrix("covariance_matrix", lambda: (
        self._unbroadcasted_scale_tril @ self._unbroadcasted_scale_tril.transpose(-2, -1))))
    precision_matrix = property(lambda self: self._matrix("precision_matrix", lambda: T["cholesky_solve"](
        T["eye"](self._event_shape[-1], dtype=self._unbroadcasted_scale_tril.dtype), self._unbroadcasted_scale_tril)))

    @property
    def mean(self):
        return self.df.view(tuple(self._batch_shape) + (1, 1)) * self.covariance_matrix

    @property
    def mode(self):
        factor = self.df - self.covariance_matrix.shape[-1] - 1
        factor[factor <= 0] = math.nan
        return factor.view(tuple(self._batch_shape) + (1, 1)) * self.covariance_matrix

    @property
    def variance(self):
        V = self.covariance_matrix
        diag_V = V.diagonal(dim1=-2, dim2=-1)
        return self.df.view(tuple(self._batch_shape) + (1, 1)) * (
            V.pow(2) + T["einsum"]("...i,...j->...ij", diag_V, diag_V))

    def sample(self, sample_shape=()):  # (a singular sample's warning is then Distribution.sample's, shown once)
        with autograd.no_grad():
            return self.rsample(sample_shape, _site="torch.distributions.distribution.sample")

    def _bartlett_sampling(self, sample_shape=()):
        p = self._event_shape[-1]
        noise = self._dist_chi2.rsample(sample_shape).sqrt()
        noise = noise.clamp(min=T["finfo"](noise.dtype).eps).diag_embed(dim1=-2, dim2=-1)
        i, j = T["tril_indices"](p, p, offset=-1)
        noise[..., i, j] = T["randn"](tuple(sample_shape) + tuple(self._batch_shape) + (int(p * (p - 1) / 2),),
                                      dtype=noise.dtype)
        chol = self._unbroadcasted_scale_tril @ noise
        return chol @ chol.transpose(-2, -1)

    def rsample(self, sample_shape=(), max_try_correction=None, _site=None):
        if max_try_correction is None:
            max_try_correction = 10
        sample_shape = tuple(sample_shape)
        sample = self._bartlett_sampling(sample_shape)
        is_singular = self.support.check(sample)
        if self._batch_shape:
            is_singular = is_singular.amax(self._batch_dims)
        if is_singular.any().item():
            warn("Singular sample detected.", site=_site)  # (stacklevel=2: rsample's caller)
            for _ in range(max_try_correction):
                sample_new = self._bartlett_sampling(is_singular[is_singular].shape)
                sample[is_singular] = sample_new
                is_singular_new = ~self.support.check(sample_new)
                if self._batch_shape:
                    is_singular_new = is_singular_new.amax(self._batch_dims)
                is_singular[is_singular.clone()] = is_singular_new
                if not is_singular.any().item():
                    break
        return sample

    def _log_det_half(self):
        return self._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        nu = self.df
        p = self._event_shape[-1]
        return (-nu * (p * _LOG_2 / 2 + self._log_det_half()) - T["mvlgamma"](nu / 2, p=p)
                + (nu - p - 1) / 2 * T["linalg"].slogdet(value).logabsdet
                - T["cholesky_solve"](value, self._unbroadcasted_scale_tril).diagonal(dim1=-2, dim2=-1).sum(dim=-1)
                / 2)

    def entropy(self):
        nu = self.df
        p = self._event_shape[-1]
        return ((p + 1) * (p * _LOG_2 / 2 + self._log_det_half()) + T["mvlgamma"](nu / 2, p=p)
                - (nu - p - 1) / 2 * _mvdigamma(nu / 2, p=p) + nu * p / 2)

    _mean_carrier_measure = 0

    @property
    def _natural_params(self):
        return -self.precision_matrix / 2, (self.df - self._event_shape[-1] - 1) / 2

    def _log_normalizer(self, x, y):
        p = self._event_shape[-1]
        return (y + (p + 1) / 2) * (-T["linalg"].slogdet(-2 * x).logabsdet + _LOG_2 * p) + \
            T["mvlgamma"](y + (p + 1) / 2, p=p)


class LKJCholesky(D.Distribution):
    __api__ = D.Distribution.__api__ | {"dim", "concentration"}
    arg_constraints = {"concentration": D.positive}
    support = D._CorrCholesky()
    _given = ("concentration",)

    def __init__(self, dim, concentration=1.0, validate_args=None):
        if dim < 2:
            raise value_error(f"Expected dim to be an integer greater than or equal to 2. Found dim={dim}.")
        self.dim = dim
        (self.concentration,) = D.broadcast_all(concentration)
        marginal_conc = self.concentration + 0.5 * (self.dim - 2)
        offset = T["arange"](self.dim - 1, dtype=self.concentration.dtype)
        offset = T["cat"]([offset.new_zeros((1,)), offset])
        self._beta = D.Beta(offset + 0.5, marginal_conc.unsqueeze(-1) - 0.5 * offset)
        super().__init__(self.concentration.size(), (dim, dim), validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(LKJCholesky, _instance)
        new.dim = self.dim
        new.concentration = self.concentration.expand(batch_shape)
        new._beta = self._beta.expand(tuple(batch_shape) + (self.dim,))
        D.Distribution.__init__(new, batch_shape, self._event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    def sample(self, sample_shape=()):
        y = self._beta.sample(sample_shape).unsqueeze(-1)
        u_normal = T["randn"](self._extended_shape(sample_shape), dtype=y.dtype).tril(-1)
        u_hypersphere = u_normal / u_normal.norm(dim=-1, keepdim=True)
        u_hypersphere[..., 0, :].fill_(0.0)
        w = T["sqrt"](y) * u_hypersphere
        eps = T["finfo"](w.dtype).tiny
        diag_elems = T["clamp"](1 - T["sum"](w ** 2, dim=-1), min=eps).sqrt()
        w += T["diag_embed"](diag_elems)
        return w

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        diag_elems = value.diagonal(dim1=-1, dim2=-2)[..., 1:]
        order = T["arange"](2, self.dim + 1)
        order = 2 * (self.concentration - 1).unsqueeze(-1) + self.dim - order
        unnormalized_log_pdf = T["sum"](order * diag_elems.log(), dim=-1)
        dm1 = self.dim - 1
        alpha = self.concentration + 0.5 * dm1
        denominator = T["lgamma"](alpha) * dm1
        numerator = T["mvlgamma"](alpha - 0.5, dm1)
        pi_constant = 0.5 * dm1 * math.log(math.pi)
        return unnormalized_log_pdf - (pi_constant + numerator - denominator)


class GeneralizedPareto(D.Distribution):
    """loc + scale * ((1 - u)^-concentration - 1) / concentration (a concentration of 0: the exponential tail)."""
    arg_constraints = {"loc": D.real, "scale": D.positive, "concentration": D.real}
    has_rsample = True
    _given = ("loc", "scale", "concentration")

    def __init__(self, loc, scale, concentration, validate_args=None):
        self.loc, self.scale, self.concentration = D.broadcast_all(loc, scale, concentration)
        numbers = all(D._is_number(v) for v in (loc, scale, concentration))
        super().__init__(() if numbers else self.loc.size(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        return self._expanded(GeneralizedPareto, batch_shape, _instance, ("loc", "scale", "concentration"))

    def rsample(self, sample_shape=()):
        return self.icdf(T["rand"](self._extended_shape(sample_shape), dtype=self.loc.dtype))

    def _safe_concentration(self):
        eq_zero = T["isclose"](self.concentration, T["tensor"](0.0))
        return eq_zero, T["where"](eq_zero, T["ones_like"](self.concentration), self.concentration)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        z = (value - self.loc) / self.scale
        eq_zero, safe_conc = self._safe_concentration()
        y = 1 / safe_conc + T["ones_like"](z)
        where_nonzero = T["where"](y == 0, y, y * T["log1p"](safe_conc * z))
        return -self.scale.log() - T["where"](eq_zero, z, where_nonzero)

    def log_survival_function(self, value):
        if self._validate_args:
            self._validate_sample(value)
        z = (value - self.loc) / self.scale
        eq_zero, safe_conc = self._safe_concentration()
        return T["where"](eq_zero, -z, -T["log1p"](safe_conc * z) / safe_conc)

    def log_cdf(self, value):
        return T["log1p"](-T["exp"](self.log_survival_function(value)))

    def cdf(self, value):
        return T["exp"](self.log_cdf(value))

    def icdf(self, value):
        concentration = self.concentration
        eq_zero = T["isclose"](concentration, T["zeros_like"](concentration))
        safe_conc = T["where"](eq_zero, T["ones_like"](concentration), concentration)
        logu = T["log1p"](-value)
        where_nonzero = self.loc + self.scale / safe_conc * T["expm1"](-safe_conc * logu)
        return T["where"](eq_zero, self.loc - self.scale * logu, where_nonzero)

    @property
    def mean(self):
        valid = self.concentration < 1
        result = self.loc + self.scale / (1 - T["where"](valid, self.concentration, 0.5))
        return T["where"](valid, result, math.nan)

    @property
    def variance(self):
        valid = self.concentration < 0.5
        safe_conc = T["where"](valid, self.concentration, 0.25)
        result = self.scale ** 2 / ((1 - safe_conc) ** 2 * (1 - 2 * safe_conc))
        return T["where"](valid, result, math.nan)

    def entropy(self):
        return T["broadcast_to"](T["log"](self.scale) + self.concentration + 1, self._batch_shape)

    mode = D._LOC

    @D._DependentProperty
    def support(self):
        upper = T["where"](self.concentration < 0, self.loc - self.scale / self.concentration, math.inf)
        return D._Interval(self.loc, upper)


# ---- the KL pairs PyTorch registers for ContinuousBernoulli (torch/distributions/kl.py) ----
def _kl_cb_cb(p, q):
    t1 = p.mean * (p.logits - q.logits)
    t2 = p._cont_bern_log_norm() + T["log1p"](-p.probs)
    t3 = -q._cont_bern_log_norm() - T["log1p"](-q.probs)
    return t1 + t2 + t3


def _kl_beta_cb(p, q):
    return -p.entropy() - p.mean * q.logits - T["log1p"](-q.probs) - q._cont_bern_log_norm()


def _kl_cb_exponential(p, q):
    return -p.entropy() - T["log"](q.rate) + q.rate * p.mean


def _kl_cb_normal(p, q):
    t2 = 0.5 * (math.log(2.0 * math.pi) + T["square"](q.loc / q.scale)) + T["log"](q.scale)
    t3 = (p.variance + T["square"](p.mean) - 2.0 * q.loc * p.mean) / (2.0 * T["square"](q.scale))
    return -p.entropy() + t2 + t3


def _kl_cb_uniform(p, q):
    result = -p.entropy() + (q.high - q.low).log()
    outside = T["max"](T["ge"](q.low, p.support.lower_bound), T["le"](q.high, p.support.upper_bound))
    return T["where"](outside, T["ones_like"](result) * math.inf, result)


def _kl_uniform_cb(p, q):
    result = -p.entropy() - p.mean * q.logits - T["log1p"](-q.probs) - q._cont_bern_log_norm()
    outside = T["max"](T["ge"](p.high, q.support.upper_bound), T["le"](p.low, q.support.lower_bound))
    return T["where"](outside, T["ones_like"](result) * math.inf, result)


def _check_event_shapes(p, q, what):
    if p.event_shape != q.event_shape:
        raise value_error(f"KL-divergence between two {what} with" + " " * 26 + "different event shapes cannot be "
                          "computed")


def _lowrank_terms(p, q):
    """(log det of q's covariance, q's Mahalanobis term of the means, A) of a low-rank q (PyTorch's
    _kl_*_lowrankmultivariatenormal: inv(qcov) = inv(qD) - A^T A)."""
    logdet = _batch_lowrank_logdet(q._unbroadcasted_cov_factor, q._unbroadcasted_cov_diag, q._capacitance_tril)
    term3 = _batch_lowrank_mahalanobis(q._unbroadcasted_cov_factor, q._unbroadcasted_cov_diag, q.loc - p.loc,
                                       q._capacitance_tril)
    qWt_qDinv = q._unbroadcasted_cov_factor.mT / q._unbroadcasted_cov_diag.unsqueeze(-2)
    A = T["linalg"].solve_triangular(q._capacitance_tril, qWt_qDinv, upper=False)
    return logdet, term3, A


def _p_lowrank_logdet(p):
    return _batch_lowrank_logdet(p._unbroadcasted_cov_factor, p._unbroadcasted_cov_diag, p._capacitance_tril)


def _kl_lowrank_lowrank(p, q):
    _check_event_shapes(p, q, "Low Rank Multivariate Normals")
    logdet, term3, A = _lowrank_terms(p, q)
    term21 = (p._unbroadcasted_cov_diag / q._unbroadcasted_cov_diag).sum(-1)
    term22 = D._batch_trace_XXT(p._unbroadcasted_cov_factor * q._unbroadcasted_cov_diag.rsqrt().unsqueeze(-1))
    term23 = D._batch_trace_XXT(A * p._unbroadcasted_cov_diag.sqrt().unsqueeze(-2))
    term24 = D._batch_trace_XXT(A.matmul(p._unbroadcasted_cov_factor))
    return 0.5 * (logdet - _p_lowrank_logdet(p) + term21 + term22 - term23 - term24 + term3 - p.event_shape[0])


def _kl_lowrank_mvn(p, q):
    _check_event_shapes(p, q, "(Low Rank) Multivariate Normals")
    term1 = 2 * q._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1) - _p_lowrank_logdet(p)
    term3 = D._batch_mahalanobis(q._unbroadcasted_scale_tril, q.loc - p.loc)
    batch = tuple(T["broadcast_shapes"](q._unbroadcasted_scale_tril.shape[:-2], p._unbroadcasted_cov_factor.shape[:-2]))
    n = p.event_shape[0]
    q_scale_tril = q._unbroadcasted_scale_tril.expand(batch + (n, n))
    p_cov_factor = p._unbroadcasted_cov_factor.expand(batch + (n, p.cov_factor.size(-1)))
    p_cov_diag = T["diag_embed"](p._unbroadcasted_cov_diag.sqrt()).expand(batch + (n, n))
    term21 = D._batch_trace_XXT(T["linalg"].solve_triangular(q_scale_tril, p_cov_factor, upper=False))
    term22 = D._batch_trace_XXT(T["linalg"].solve_triangular(q_scale_tril, p_cov_diag, upper=False))
    return 0.5 * (term1 + term21 + term22 + term3 - p.event_shape[0])


def _kl_mvn_lowrank(p, q):
    _check_event_shapes(p, q, "(Low Rank) Multivariate Normals")
    logdet, term3, A = _lowrank_terms(p, q)
    term1 = logdet - 2 * p._unbroadcasted_scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)
    term21 = D._batch_trace_XXT(p._unbroadcasted_scale_tril * q._unbroadcasted_cov_diag.rsqrt().unsqueeze(-1))
    term22 = D._batch_trace_XXT(A.matmul(p._unbroadcasted_scale_tril))
    return 0.5 * (term1 + term21 - term22 + term3 - p.event_shape[0])


_KL = {("ContinuousBernoulli", "ContinuousBernoulli"): _kl_cb_cb, ("Beta", "ContinuousBernoulli"): _kl_beta_cb,
       ("ContinuousBernoulli", "Exponential"): _kl_cb_exponential, ("ContinuousBernoulli", "Normal"): _kl_cb_normal,
       ("ContinuousBernoulli", "Uniform"): _kl_cb_uniform, ("Uniform", "ContinuousBernoulli"): _kl_uniform_cb,
       ("LowRankMultivariateNormal", "LowRankMultivariateNormal"): _kl_lowrank_lowrank,
       ("LowRankMultivariateNormal", "MultivariateNormal"): _kl_lowrank_mvn,
       ("MultivariateNormal", "LowRankMultivariateNormal"): _kl_mvn_lowrank}


def install(namespace):
    D._KL.update(_KL)
    D._FAMILIES = D._FAMILIES | {"ContinuousBernoulli"}
    for cls, module in ((FisherSnedecor, "fishersnedecor"), (Kumaraswamy, "kumaraswamy"),
                        (ContinuousBernoulli, "continuous_bernoulli"), (VonMises, "von_mises"),
                        (LowRankMultivariateNormal, "lowrank_multivariate_normal"), (Wishart, "wishart"),
                        (LKJCholesky, "lkj_cholesky"), (GeneralizedPareto, "generalized_pareto")):
        cls.__module__ = "torch.distributions." + module
        namespace[cls.__name__] = cls
        namespace[module] = Namespace(cls.__module__, {cls.__name__: cls})

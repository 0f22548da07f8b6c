"""Classes of difference found by the held-out programs on random numbers and torch.distributions, round 17
(held17d), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"random_from_none_draws_up_to_the_dtype_top_and_to_keyword_is_the_to_overload": """
torch.manual_seed(0)
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: torch.empty(4, dtype=torch.int64).random_(to=10))
t(lambda: torch.empty(4, dtype=torch.int64).random_(3, None))
t(lambda: torch.empty(4, dtype=torch.int64).random_(3, to=None))
for dt, f in [(torch.int8, 100), (torch.int16, -100), (torch.float32, 100), (torch.float64, -100), (torch.bool, 0),
              (torch.uint8, 250), (torch.float16, 2000), (torch.bfloat16, 3), (torch.float16, 2048), (torch.int8, 200),
              (torch.uint8, -1), (torch.bfloat16, 256), (torch.bool, 2)]:
    t(lambda: torch.empty(3, dtype=dt).random_(f, None))
for dt in [torch.int64, torch.float64, torch.float32, torch.bfloat16, torch.int32, torch.float16, torch.bool]:
    t(lambda: torch.empty(3, dtype=dt).random_(-2**63, None))
t(lambda: torch.empty(0, dtype=torch.int8).random_(-2**63, None))
t(lambda: torch.zeros(2, 3).t().random_(-2**63, None))
t(lambda: torch.empty(5, dtype=torch.bfloat16).random_())
t(lambda: torch.randint(low=2, high=5, size=(3,)))
t(lambda: torch.randint(2, high=5, size=(3,)))
t(lambda: torch.randint(high=9, size=(2,), low=4))
""",
"sampling_kernels_refuse_complex_and_return_early_on_empty_tensors_as_aten_dispatches": """
def t(f):
    try:
        torch.manual_seed(0)
        print(f())
    except Exception as e: print(type(e).__name__, e)
c = torch.complex64
for f in [lambda: torch.empty(2, dtype=c).random_(), lambda: torch.empty(2, dtype=c).random_(5),
          lambda: torch.empty(2, dtype=c).random_(1, None), lambda: torch.empty(2, dtype=c).random_(-2**63, None),
          lambda: torch.randint(0, 3, (2,), dtype=torch.complex128), lambda: torch.randint(3, 2, (2,), dtype=c),
          lambda: torch.randint_like(torch.zeros(2, dtype=c), 5), lambda: torch.empty(2, dtype=c).bernoulli_(0.5),
          lambda: torch.empty(2, dtype=c).bernoulli_(torch.tensor([0.5, 0.5])),
          lambda: torch.bernoulli(torch.full((2,), 0.5, dtype=c)), lambda: torch.empty(2, dtype=c).geometric_(0.5),
          lambda: torch.randperm(3, dtype=c), lambda: torch.empty(0, dtype=c).bernoulli_(0.5),
          lambda: torch.empty(0, dtype=c).random_(), lambda: torch.empty(0, dtype=c).geometric_(0.5),
          lambda: torch.bernoulli(torch.empty(0, dtype=torch.int64)), lambda: torch.bernoulli(torch.ones(2, dtype=torch.int64)),
          lambda: torch.empty(0, dtype=torch.bool).log_normal_(), lambda: torch.empty(0, dtype=torch.int64).exponential_(),
          lambda: torch.empty(0, dtype=torch.int64).bernoulli_(torch.tensor(1)),
          lambda: torch.normal(torch.zeros(2, dtype=c), 1.0), lambda: torch.normal(torch.ones(3, dtype=torch.complex128), 2.0),
          lambda: torch.normal(torch.zeros(2, dtype=c), torch.ones(2)), lambda: torch.normal(0.0, torch.ones(2, dtype=c)),
          lambda: torch.normal(torch.zeros(2), torch.ones(2, dtype=c)), lambda: torch.normal(2.0, 0.5, size=(20,), dtype=c)[-2:]]:
    t(f)
""",
"randperm_and_randint_like_check_their_bounds_against_the_dtype": """
def t(f):
    try:
        torch.manual_seed(0)
        r = f(); print(r[:5], r.shape)
    except Exception as e: print(type(e).__name__, e)
for n, dt in [(300, torch.uint8), (200, torch.int8), (256, torch.uint8), (257, torch.uint8), (3000, torch.float16),
              (2049, torch.float16), (40000, torch.int16), (70000, torch.float16), (2**25, torch.float32),
              (300, torch.bfloat16), (300, torch.bool)]:
    t(lambda: torch.randperm(n, dtype=dt))
t(lambda: torch.randint_like(torch.zeros(2, dtype=torch.float16), 0, 3000))
t(lambda: torch.randint_like(torch.zeros(2, dtype=torch.int8), 0, 300))
t(lambda: torch.randint_like(torch.zeros(2, dtype=torch.bfloat16), 0, 1000))
t(lambda: torch.randint_like(torch.zeros(2), 5, 5))
""",
"distributions_utils_are_there": """
U = torch.distributions.utils
p = torch.tensor([0.1, 0.5, 0.9])
print(U.probs_to_logits(p, is_binary=True), U.probs_to_logits(p), U.clamp_probs(torch.tensor([0.0, 1.0])))
print(U.logits_to_probs(torch.tensor([0.0, 1.0]), is_binary=True), U.logits_to_probs(torch.tensor([[0.0, 1.0]])))
print(U.broadcast_all(1.0, torch.zeros(2, 2))[0], U.euler_constant)
m = torch.arange(9.).reshape(3, 3)
v = U.tril_matrix_to_vec(m)
print(v, U.tril_matrix_to_vec(m, diag=-1), U.vec_to_tril_matrix(v))
for f in [lambda: U.vec_to_tril_matrix(torch.ones(4)), lambda: U.tril_matrix_to_vec(m, 5), lambda: U.broadcast_all("a", 1.0)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
class Foo:
    def __init__(self, x):
        self.x = x
    @U.lazy_property
    def sq(self):
        print("computing")
        return self.x * self.x
f = Foo(torch.tensor(3.0))
print(f.sq, f.sq, 'sq' in f.__dict__)
""",
"a_copied_generator_has_its_own_stream": """
torch.manual_seed(3)
torch.randn(1)
g = copy.copy(torch.default_generator)
print(torch.randn(2), torch.randn(2, generator=g))
h = copy.deepcopy(g)
print(torch.rand(2, generator=g), torch.rand(2, generator=h), h.initial_seed())
""",
"biject_to_transform_to_and_the_transforms_of_shapes": """
D = torch.distributions
C, TR = D.constraints, D.transforms
torch.manual_seed(0)
for c in [C.positive, C.real, C.unit_interval, C.interval(-2.0, 3.0), C.greater_than(1.0), C.less_than(1.0),
          C.independent(C.positive, 1), C.simplex, C.corr_cholesky]:
    print(D.biject_to(c), D.transform_to(c))
print(D.transform_to(C.lower_cholesky), D.transform_to(C.positive_definite))
try: D.biject_to(C.lower_cholesky)
except Exception as e: print(type(e).__name__, e)
x = torch.tensor([0.5, -1.0, 2.0])
sb = TR.StickBreakingTransform()
y = sb(x)
print(y, sb.inv(y), sb.log_abs_det_jacobian(x, y), sb.forward_shape((4, 3)), sb.inverse_shape((4, 3)))
raw = torch.randn(3, 3, requires_grad=True)
L = D.transform_to(C.lower_cholesky)(raw)
lp = D.MultivariateNormal(torch.zeros(3), scale_tril=L).log_prob(torch.ones(3))
lp.backward()
print(L, lp, raw.grad, TR.PositiveDefiniteTransform()(raw.detach()), TR.LowerCholeskyTransform().inv(L))
r = TR.ReshapeTransform((4,), (2, 2))
print(r(torch.arange(8.).reshape(2, 4)).shape, r.forward_shape((3, 4)), r.domain, r.codomain)
cc = TR.CorrCholeskyTransform()
L = cc(torch.tensor([0.5, -0.3, 0.8]))
print(L, cc.inv(L), cc.log_abs_det_jacobian(torch.tensor([0.5, -0.3, 0.8]), L))
cdf = TR.CumulativeDistributionTransform(D.Normal(0.0, 1.0))
print(cdf(torch.tensor([0.0, 1.0])), cdf.inv(torch.tensor(0.5)), cdf.domain, cdf.codomain)
x = torch.tensor([[0.5, -1.0, 2.0, 0.1], [1.0, 1.0, 1.0, 1.0]])
c = TR.CatTransform([TR.ExpTransform(), TR.identity_transform], dim=1, lengths=[2, 2])
s = TR.StackTransform([TR.ExpTransform(), TR.AffineTransform(1.0, 2.0)], dim=0)
print(c(x), c.inv(c(x)), c.log_abs_det_jacobian(x, c(x)), s(x), s.log_abs_det_jacobian(x, s(x)))
print(D.biject_to(C.cat([C.positive, C.real], dim=1, lengths=[2, 2]))(x))
for f in [lambda: c(torch.ones(2, 3)), lambda: s(torch.ones(3, 2)), lambda: C.dependent.check(x)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
ln = D.LogisticNormal(torch.zeros(3), torch.ones(3))
v = ln.sample()
print(ln, ln.batch_shape, ln.event_shape, v, ln.log_prob(v), ln.rsample((2,)).shape, ln.loc, ln.support)
print(C.lower_triangular.check(torch.ones(2, 2)), C.square.check(torch.ones(2, 3)), C.symmetric.check(torch.eye(2)),
      C.positive_semidefinite.check(torch.ones(2, 2)), C.one_hot.check(torch.tensor([[0., 1.], [1., 1.]])),
      C.is_dependent(C.dependent), C.positive.lower_bound, C.independent(C.real, 2).base_constraint)
msf = C.MixtureSameFamilyConstraint(C.independent(C.real, 1))
print(msf, msf.event_dim, msf.base_constraint, msf.check(torch.zeros(2, 3)))
try: msf.check(torch.tensor(1.0))
except Exception as e: print(type(e).__name__, e)
""",
"exponential_family_and_the_kl_pairs_dispatched_by_mro": """
D = torch.distributions
for d in [D.Normal(0., 1.), D.Bernoulli(0.3), D.Gamma(2., 1.), D.Beta(1., 2.), D.Categorical(torch.ones(2)),
          D.Poisson(2.), D.Dirichlet(torch.ones(3)), D.Exponential(1.), D.ContinuousBernoulli(0.3), D.Uniform(0., 1.)]:
    print(type(d).__name__, isinstance(d, D.ExponentialFamily))
n = D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(D.ExponentialFamily.entropy(n), n._natural_params, n._log_normalizer(*n._natural_params))
print(D.ExponentialFamily.entropy(D.Gamma(torch.tensor([2.0, 3.0]), torch.tensor([1.0, 0.5]))))
class MyExp(D.ExponentialFamily):
    arg_constraints = {}
    def __init__(self, rate):
        self.rate = rate
        super().__init__(rate.shape)
    @property
    def _natural_params(self):
        return (-self.rate,)
    def _log_normalizer(self, x):
        return -torch.log(-x)
    @property
    def _mean_carrier_measure(self):
        return 0
a = MyExp(torch.tensor([1.0, 2.0]))
print(a.entropy(), D.kl_divergence(a, MyExp(torch.tensor([3.0, 1.0]))))
w1 = D.Wishart(df=torch.tensor(4.0), covariance_matrix=torch.eye(2))
w2 = D.Wishart(df=torch.tensor(5.0), covariance_matrix=2 * torch.eye(2))
cb = D.ContinuousBernoulli(torch.tensor([0.2, 0.7]))
ps = [D.Exponential(torch.tensor([1.0, 2.0])), D.Gamma(torch.tensor([2.0, 3.0]), torch.tensor([1.0, 0.5])),
      D.Gumbel(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])), D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])),
      D.Pareto(torch.tensor([1.0, 2.0]), torch.tensor([0.5, 3.0])), D.Uniform(torch.tensor([0.5, 1.0]), torch.tensor([2.0, 3.0])),
      D.Beta(2., 2.), D.Laplace(0., 1.), cb, D.Poisson(1.), D.Bernoulli(0.5), D.Chi2(3.0)]
for p, q in [(p, q) for p in ps for q in ps] + [(w1, w2), (D.Chi2(3.0), D.Chi2(4.0))]:
    try: print(type(p).__name__, type(q).__name__, D.kl_divergence(p, q))
    except Exception as e: print(type(p).__name__, type(q).__name__, type(e).__name__, e)
""",
"generalized_pareto_and_the_low_rank_normals_kl": """
D = torch.distributions
torch.manual_seed(0)
d = D.GeneralizedPareto(loc=0.0, scale=1.0, concentration=0.5)
x = d.sample((4,))
print(d, x, d.log_prob(x), d.cdf(torch.tensor([0.5, 1.0])), d.icdf(torch.tensor(0.5)))
print(d.mean, d.variance, d.entropy(), d.mode, d.support, D.GeneralizedPareto.support)
g = D.GeneralizedPareto(torch.zeros(3), torch.ones(3), torch.tensor([-0.5, 0.0, 0.3]))
print(g.sample(), g.mean, g.variance, g.support, g.log_prob(torch.tensor([0.5, 0.5, 0.5])), g.expand([2, 3]).batch_shape)
for f in [lambda: D.GeneralizedPareto(0.0, -1.0, 0.1), lambda: g.log_prob(torch.tensor([5.0, 1.0, 1.0]))]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
LR, MVN = D.LowRankMultivariateNormal, D.MultivariateNormal
a = LR(torch.zeros(3), torch.randn(3, 2), torch.rand(3) + 0.5)
b = LR(torch.ones(2, 3), torch.randn(2, 3, 1), torch.rand(2, 3) + 0.5)
m = MVN(torch.randn(3), scale_tril=torch.tril(torch.rand(3, 3)) + torch.eye(3))
small = LR(torch.zeros(2), torch.ones(2, 1), torch.ones(2))
for p, q in [(a, b), (b, a), (a, m), (m, a), (b, m), (m, b), (a, a), (a, small), (m, small), (small, m)]:
    try: print(D.kl_divergence(p, q))
    except Exception as e: print(type(e).__name__, e)
""",
"a_zero_dim_tensor_for_a_double_is_a_number_by_keyword_too": """
t = torch.tensor(0.5)
for f in [lambda: torch.bernoulli(torch.ones(4), p=t), lambda: torch.bernoulli(torch.ones(4), t),
          lambda: torch.ones(4).bernoulli_(p=t), lambda: torch.nn.functional.dropout(torch.ones(4), t),
          lambda: torch.nn.functional.dropout(torch.ones(4), p=torch.tensor(1)),
          lambda: torch.nn.functional.alpha_dropout(torch.ones(4), t, True),
          lambda: torch.nn.functional.dropout2d(torch.ones(2, 3, 1, 1), t).flatten(),
          lambda: torch.nn.functional.dropout(torch.ones(4), torch.tensor([0.5])),
          lambda: torch.arange(4.).add(torch.ones(4), alpha=torch.tensor(2.0)),
          lambda: torch.arange(4.).clamp(min=torch.tensor(1.0)), lambda: torch.lerp(torch.zeros(2), torch.ones(2), weight=t)]:
    torch.manual_seed(0)
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"a_programs_distribution_with_a_dependent_support": """
D = torch.distributions
C = D.constraints
class Shifted(D.Distribution):
    arg_constraints = {"low": C.real, "high": C.dependent}
    has_rsample = True
    def __init__(self, low, high, validate_args=None):
        self.low, self.high = low, high
        super().__init__(low.shape, validate_args=validate_args)
    @C.dependent_property(is_discrete=False, event_dim=0)
    def support(self):
        return C.interval(self.low, self.high)
    def rsample(self, sample_shape=torch.Size()):
        return self.low + torch.rand(self._extended_shape(sample_shape)) * (self.high - self.low)
    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return -(self.high - self.low).log().expand(value.shape)
torch.manual_seed(0)
d = Shifted(torch.zeros(2), torch.tensor([1.0, 3.0]))
print(d, d.sample((2,)), d.support, Shifted.support.is_discrete, Shifted.support.event_dim)
print(d.log_prob(torch.tensor([0.5, 2.0])))
try: d.log_prob(torch.tensor([1.5, 2.0]))
except Exception as e: print(type(e).__name__, e)
""",
"permute_backward_of_a_zero_dim_tensor": """
x = torch.tensor(2., requires_grad=True)
y = x.permute(())
(y * 3).backward()
print(y.grad_fn.name(), x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

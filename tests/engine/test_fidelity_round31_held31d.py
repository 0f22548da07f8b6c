"""Classes of difference found by the thirty-first round's held-out programs on random numbers and distributions
(held31d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_base_constraint_is_constraints_constraint_and_its_check_raises": """
C = torch.distributions.constraints
print(C.Constraint, type(C.Constraint()), C.Constraint())
try:
    C.Constraint().check(torch.tensor(1.))
except Exception as e:
    print(type(e).__name__, repr(str(e)))
print(isinstance(C.positive, C.Constraint), isinstance(C.real_vector, C.Constraint))
""",
"lognormal_is_a_transformed_distribution": """
D = torch.distributions
torch.manual_seed(0)
for d in [D.LogNormal(0., 1.), D.LogNormal(torch.tensor([0., 1.]), torch.tensor([0.5, 2.]))]:
    print(d, isinstance(d, D.TransformedDistribution), type(d), type(d.transforms[0]), d.transforms, d.base_dist)
    print(d.support, d.mean, d.mode, d.variance, d.entropy())
    s = d.sample((2,))
    print(s, d.rsample(), d.log_prob(s), d.cdf(s), d.icdf(torch.tensor(0.3)))
    e = d.expand((3,) + tuple(d.batch_shape))
    print(e, type(e), e.batch_shape, e.sample(), e.transforms, isinstance(e, D.TransformedDistribution))
    print(D.kl_divergence(d, D.LogNormal(1., 2.)))
print(D.LogNormal(1., 1.).transforms[0].inv, D.LogNormal(1., 1.).transforms[0].domain)
""",
"type_of_a_constraint_or_an_inverse_transform_names_torchs_module": """
D = torch.distributions
m = D.MixtureSameFamily(D.Categorical(torch.ones(2)), D.Normal(torch.zeros(2), 1.))
for o in [D.Normal(0., 1.).support, D.Beta(1., 1.).support, D.Binomial(3, torch.tensor(0.5)).support,
          D.Categorical(torch.ones(2)).support, D.Dirichlet(torch.ones(2)).support, m.support,
          D.constraints.positive_integer, D.constraints.independent(D.constraints.real, 1),
          D.constraints.greater_than_eq(1.), D.constraints.dependent, D.constraints.lower_cholesky,
          D.transforms.ExpTransform().inv, D.transforms.SigmoidTransform().inv, D.constraints.MixtureSameFamilyConstraint]:
    print(type(o) if not isinstance(o, type) else o, o if not isinstance(o, type) else '')
""",
"poisson_of_a_rate_beyond_int64_samples_int64_min": """
for rate in [1e10, 9.2e18, 9.3e18, 1e19, 1e30, 3e38, 1e300, float('inf')]:
    torch.manual_seed(0)
    print(torch.poisson(torch.tensor([rate, 4.], dtype=torch.float64)).tolist())
    print(torch.poisson(torch.tensor([min(rate, 3e38)])).tolist(),
          torch.poisson(torch.tensor([min(rate, 3e38)], dtype=torch.bfloat16)).tolist())
    print(torch.distributions.Poisson(torch.tensor([rate], dtype=torch.float64)).sample().tolist())
    print(torch.rand(2, dtype=torch.float64).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

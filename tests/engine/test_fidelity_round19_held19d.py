"""Classes of difference found by the held-out programs on random numbers and torch.distributions, round 19
(held19d), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"validate_args_is_the_class_wide_default_readable_on_the_class": """
D = torch.distributions
print(D.Distribution._validate_args)
n = D.Normal(0.0, 1.0)
D.Distribution.set_default_validate_args(False)
print(D.Distribution._validate_args, D.Normal(0.0, -2.0).scale, n.log_prob(torch.tensor(0.5)))
D.Distribution.set_default_validate_args(True)
print(D.Normal(0.0, 1.0, validate_args=False)._validate_args)
""",
"native_dropout_returns_the_output_and_a_bool_mask": """
torch.manual_seed(0)
x = torch.ones(3, requires_grad=True)
o, m = torch.native_dropout(x, 0.5, True)
print(o, m)
o.sum().backward()
print(x.grad)
print(torch.native_dropout(x, 0.5, False), torch.native_dropout(torch.ones(3), 0.5, None))
print(torch.native_dropout(torch.ones(0), 0.5, True), torch.native_dropout(torch.ones(3), 1.0, True))
print(torch.native_dropout(torch.ones(2, 3).t(), 0.5, True), torch.native_dropout(torch.tensor(3.0), 0.2, True))
print(torch.native_dropout(torch.ones(2, dtype=torch.float16), 0.2, True))
for f in [lambda: torch.native_dropout(torch.ones(3), 1.5, True), lambda: torch.native_dropout(torch.ones(3), 0.5),
          lambda: torch.native_dropout(torch.ones(3, dtype=torch.long), 0.5, True)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
""",
"fork_rng_decorates_a_function": """
@torch.random.fork_rng()
def noisy(n, k=1):
    torch.manual_seed(123)
    return torch.rand(n) * k
torch.manual_seed(0)
print(noisy(2), noisy(2, k=3), torch.rand(2), noisy.__name__)
@torch.random.fork_rng(enabled=False)
def f():
    torch.manual_seed(5)
f()
print(torch.rand(1))
""",
"generator_takes_a_torch_device_and_names_each_devices_error": """
for d in [torch.device('cpu'), torch.device('cpu', 0), 'meta', 'mps', 'xpu', 'hpu', 'ipu', 'lazy', 'mtia', 'xla', 'hip',
          'privateuseone', 1.5]:
    for make in [lambda: torch.Generator(d), lambda: torch.Generator(device=d)]:
        try: print(make().device)
        except Exception as e: print(type(e).__name__, e)
""",
"computed_once_parameters_keep_their_grad_when_first_read_without": """
D = torch.distributions
torch.manual_seed(0)
w = torch.tensor([0.5, -1.0], requires_grad=True)
for d in [D.Bernoulli(logits=w), D.Categorical(logits=w), D.Geometric(logits=w), D.Binomial(5, logits=w),
          D.ContinuousBernoulli(logits=w), D.Bernoulli(probs=w.sigmoid())]:
    with torch.no_grad():
        d.sample()
        p, l = d.probs, d.logits
    print(type(d).__name__, p.requires_grad, l.requires_grad, d.variance.grad_fn is not None)
L = torch.tensor([[1.0, 0.0], [0.5, 2.0]], requires_grad=True)
for d in [D.MultivariateNormal(torch.zeros(2), scale_tril=L), D.LowRankMultivariateNormal(torch.zeros(2), L, torch.ones(2)),
          D.Wishart(torch.tensor(3.0), scale_tril=L)]:
    with torch.no_grad():
        print(type(d).__name__, d.covariance_matrix.requires_grad, d.precision_matrix.requires_grad)
""",
"distribution_methods_carry_pytorchs_names_in_a_wrong_calls_error": """
D = torch.distributions
for f in [lambda: D.Normal(0.0), lambda: D.Normal(loc=0.0, sigma=1.0), lambda: D.Exponential(),
          lambda: D.HalfNormal(scale=1.0, loc=0.0), lambda: D.Bernoulli(0.5).log_prob(), lambda: D.Cauchy(0.0, 1.0, True, 4),
          lambda: D.Poisson(rate=1.0, lam=2), lambda: D.RelaxedBernoulli(0.5), lambda: D.Categorical(torch.ones(2)).cdf(),
          lambda: D.Normal(0., 1.).expand(), lambda: D.Bernoulli(0.5).expand(), lambda: D.Categorical(torch.ones(2)).entropy(1),
          lambda: D.Bernoulli(0.5).rsample(), lambda: D.Normal(0., 1.).enumerate_support()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Mine(D.Distribution):
    pass
m = Mine(validate_args=False)
for f in [lambda: m.cdf(), lambda: m.log_prob(torch.ones(1)), lambda: m.rsample(), lambda: m.entropy(), lambda: m.support]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

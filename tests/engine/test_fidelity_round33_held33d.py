"""Classes of difference found by the thirty-third round's held-out programs on random numbers and distributions
(held33d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"vmap_same_randomness_refuses_a_batched_input_of_a_pointwise_random_op": """
vmap = torch.func.vmap
x = torch.full((3, 2), 0.5)
u = torch.full((2,), 0.5)
cases = {'bernoulli': lambda t: torch.bernoulli(t), 'bernoulli_p': lambda t: torch.bernoulli(t, 0.3),
         'bernoulli_tensor_p': lambda t: t.clone().bernoulli_(t), 'poisson': lambda t: torch.poisson(t),
         'normal_tf': lambda t: torch.normal(t, 1.), 'normal_ft': lambda t: torch.normal(1., t),
         'normal_tt': lambda t: torch.normal(t, t), 'gamma': lambda t: torch._standard_gamma(t),
         'dirichlet': lambda t: torch._sample_dirichlet(t), 'multinomial': lambda t: torch.multinomial(t, 1),
         'unbatched_input': lambda t: t + torch.bernoulli(u), 'unbatched_multinomial': lambda t: t + torch.multinomial(u, 2),
         'dropout': lambda t: torch.nn.functional.dropout(t, 0.5)}
for mode in ['error', 'different', 'same']:
    for name, f in cases.items():
        torch.manual_seed(0)
        try:
            print(mode, name, vmap(f, randomness=mode)(x).tolist())
        except Exception as e:
            print(mode, name, type(e).__name__, e)
""",
"vmap_different_randomness_refuses_an_inplace_draw_into_an_unbatched_tensor": """
vmap = torch.func.vmap
x = torch.ones(3, 2)
u = torch.full((2,), 0.5)
cases = {'normal_': lambda t: t + torch.zeros(2).normal_(), 'uniform_': lambda t: t + torch.zeros(2).uniform_(),
         'random_': lambda t: t + torch.zeros(2).random_(5), 'bernoulli_': lambda t: t + torch.zeros(2).bernoulli_(0.5),
         'exponential_': lambda t: t + torch.zeros(2).exponential_(), 'cauchy_': lambda t: t + torch.zeros(2).cauchy_(),
         'geometric_': lambda t: t + torch.zeros(2).geometric_(0.5), 'log_normal_': lambda t: t + torch.zeros(2).log_normal_(),
         'batched_self': lambda t: t.clone().normal_(), 'bernoulli_batched_p': lambda t: torch.zeros(2).bernoulli_(t * 0.5),
         'bernoulli_unbatched_p': lambda t: t.clone().bernoulli_(u), 'dropout_unbatched': lambda t: t + torch.nn.functional.dropout(u, 0.5),
         'bernoulli_p_unbatched': lambda t: t + torch.bernoulli(u, 0.5), 'rand_like_unbatched': lambda t: t + torch.rand_like(u)}
for mode in ['different', 'same']:
    for name, f in cases.items():
        torch.manual_seed(0)
        try:
            print(mode, name, vmap(f, randomness=mode)(x).tolist())
        except Exception as e:
            print(mode, name, type(e).__name__, e)
""",
"a_distribution_validated_inside_vmap_checks_its_parameters_without_reading_a_batched_tensor": """
vmap = torch.func.vmap
D = torch.distributions
x = torch.ones(3, 2)
cases = {'normal_sample': lambda t: D.Normal(t, 1.).sample(), 'normal_rsample': lambda t: D.Normal(t, 1.).rsample(),
         'bernoulli_sample': lambda t: D.Bernoulli(t * 0.5).sample(), 'normal_log_prob': lambda t: D.Normal(0., 1.).log_prob(t),
         'uniform_log_prob': lambda t: D.Uniform(0., 2.).log_prob(t), 'normal_entropy': lambda t: D.Normal(t, t).entropy()}
for mode in ['error', 'different', 'same']:
    for name, f in cases.items():
        torch.manual_seed(0)
        try:
            print(mode, name, vmap(f, randomness=mode)(x).tolist())
        except Exception as e:
            print(mode, name, type(e).__name__, e)
""",
"vmap_same_randomness_gives_each_element_the_first_ones_draws_of_a_programs_own_generator": """
vmap = torch.func.vmap
torch.manual_seed(0)
g = torch.Generator().manual_seed(5)
x = torch.ones(3, 2)
print(vmap(lambda t: t + torch.randn(2, generator=g), randomness='same')(x))
print(vmap(lambda t: t + torch.rand(2, generator=g) + torch.rand(2), randomness='same')(x))
print(torch.rand(2, generator=g), torch.rand(2))
""",
"requires_grad_called_inside_a_functorch_transform_is_refused": """
vmap, grad = torch.func.vmap, torch.func.grad
x = torch.ones(3, 2)
cases = [('vmap_batched', lambda: vmap(lambda t: t.requires_grad_())(x)),
         ('vmap_false', lambda: vmap(lambda t: t.requires_grad_(False))(x)),
         ('vmap_fresh', lambda: vmap(lambda t: t + torch.zeros(2).requires_grad_())(x)),
         ('vmap_detached', lambda: vmap(lambda t: t.detach().requires_grad_())(x)),
         ('grad', lambda: grad(lambda t: t.requires_grad_().sum())(torch.ones(2))),
         ('vmap_attribute', lambda: vmap(lambda t: t + torch.zeros(2, requires_grad=True))(x).shape),
         ('vmap_module', lambda: vmap(lambda t: torch.nn.Linear(2, 2).weight.shape[0] + t, randomness='same')(x)),
         ('outside', lambda: torch.zeros(2).requires_grad_())]
for name, f in cases:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

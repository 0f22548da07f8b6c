"""Classes of difference found by the twenty-ninth round's held-out programs on random numbers and distributions
(held29d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"vmap_refuses_a_random_op_at_its_start_in_error_mode_and_its_out_variant_in_any_mode": """
vmap = torch.func.vmap
cases = {'randn1': lambda v: v * torch.randn(1), 'randn3': lambda v: v * torch.randn(3), 'randn0': lambda v: torch.randn(0),
         'normal_empty': lambda v: torch.empty(0).normal_(), 'randperm0': lambda v: torch.randperm(0),
         'randperm1': lambda v: torch.randperm(1), 'mult0': lambda v: torch.multinomial(torch.ones(3), 0),
         'randn_like0': lambda v: torch.randn_like(torch.empty(0)), 'normal0': lambda v: torch.normal(0., 1., (0,)),
         'poisson0': lambda v: torch.poisson(torch.empty(0)), 'randn_neg': lambda v: torch.randn(-1),
         'uniform_bad': lambda v: torch.empty(3).uniform_(2, 1), 'bern_bad': lambda v: torch.bernoulli(torch.tensor([2.])),
         'normal_bad': lambda v: torch.empty(3).normal_(0, -1), 'randint_bad': lambda v: torch.randint(5, 2, (3,)),
         'randn_int': lambda v: torch.randn(2, dtype=torch.int64), 'exp_bad': lambda v: torch.empty(2).exponential_(-1),
         'cauchy_int': lambda v: torch.empty(2, dtype=torch.int32).cauchy_(), 'gen_type': lambda v: torch.randn(2, generator=3),
         'drop0': lambda v: torch.nn.functional.dropout(v, 0.), 'drop1': lambda v: torch.nn.functional.dropout(v, 1.),
         'randn_out': lambda v: torch.randn(2, out=torch.empty(2)), 'randint_out': lambda v: torch.randint(3, (2,), out=torch.empty(2, dtype=torch.long)),
         'normal_out': lambda v: torch.normal(0., 1., (2,), out=torch.empty(2)), 'randn_out_neg': lambda v: torch.randn(-1, out=torch.empty(2)),
         'bern_out': lambda v: torch.bernoulli(torch.zeros(2), out=torch.empty(2)),
         'mult_out': lambda v: torch.multinomial(torch.ones(2), 1, out=torch.empty(1, dtype=torch.long)),
         'randperm_out': lambda v: torch.randperm(2, out=torch.empty(2, dtype=torch.long))}
for mode in ['error', 'same']:  # ('different' draws as one batch: left, see FIDELITY.md)
    for name, f in cases.items():
        torch.manual_seed(0)
        a = torch.randn(1)
        try:
            r = vmap(f, randomness=mode)(torch.ones(2, 1))
            print(mode, name, 'ok', r.shape)
        except Exception as e:
            print(mode, name, type(e).__name__, e)
        print(torch.randn(1).item(), torch.randn(2).tolist(), torch.rand(1).item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

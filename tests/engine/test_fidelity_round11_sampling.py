"""Classes of difference found by the eleventh round's forum-style programs in the random draws: uniform_'s and
normal_'s argument checks (an empty tensor too), and bernoulli with a tensor of probabilities (Tensor.bernoulli_(p),
the generator moved by the draws made before an invalid probability), run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

OUTCOME = """
def outcome(f):
    try:
        return f()
    except Exception as e:  # (RuntimeErrors, shown as a traceback's last line would)
        return f"{type(e).__name__} {e}"
"""  # (the programs' helper: a call's value or its error's last line)

PROGRAMS = {
"uniform_and_normal_check_their_arguments_as_aten": """
torch.manual_seed(0)
for f in [lambda: torch.empty(3).uniform_(2, 1), lambda: torch.empty(3).uniform_(1, 1), lambda: torch.empty(3).normal_(0, -1), lambda: torch.empty(3).normal_(0, 0),
          lambda: torch.normal(0., -1., (2,)), lambda: torch.empty(3).uniform_(0, float('inf')), lambda: torch.empty(3, dtype=torch.float64).uniform_(-1e308, 1e308),
          lambda: torch.empty(3).uniform_(-3e38, 3e38), lambda: torch.empty(3).normal_(float('nan'), 1), lambda: torch.empty(3).normal_(0, float('nan')),
          lambda: torch.empty(3).normal_(0, float('inf')), lambda: torch.empty(0).normal_(0, -1), lambda: torch.empty(0).uniform_(2, 1),
          lambda: torch.empty(3).uniform_(float('nan'), 1), lambda: torch.normal(torch.zeros(2), -1.0), lambda: torch.normal(torch.zeros(2), torch.tensor([1., -1.])),
          lambda: torch.empty(2, dtype=torch.half).uniform_(-60000, 60000), lambda: torch.randn(3), lambda: torch.empty(2, dtype=torch.bfloat16).normal_(0, -2)]:
    print(outcome(f))
""",
"the_other_draws_checks_and_the_generator_after_them": """
torch.manual_seed(0)
for f in [lambda: torch.empty(3).exponential_(-1), lambda: torch.empty(3).exponential_(0), lambda: torch.empty(3).bernoulli_(1.5), lambda: torch.empty(3).bernoulli_(-0.1),
          lambda: torch.bernoulli(torch.tensor([0.5, 1.5])), lambda: torch.empty(3).log_normal_(0, -1), lambda: torch.empty(3).cauchy_(0, -1), lambda: torch.empty(3).geometric_(1.5),
          lambda: torch.empty(3).random_(5, 2), lambda: torch.multinomial(torch.tensor([0.5, -0.1]), 1), lambda: torch.randint(5, 2, (2,)), lambda: torch.empty(3).exponential_(float('nan')),
          lambda: torch.empty(0).exponential_(-1), lambda: torch.nn.functional.dropout(torch.ones(3), 1.0), lambda: torch.rand(3)]:
    print(outcome(f))
""",
"bernoulli_with_a_tensor_of_probabilities": """
def after(f):
    torch.manual_seed(0)
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
    print(torch.rand(2))
after(lambda: torch.bernoulli(torch.tensor([0.5, 0.2, 0.3, 1.5])))
after(lambda: torch.bernoulli(torch.tensor([0.5, 0.2, 0.3, float('nan')], dtype=torch.float64)))
after(lambda: torch.empty(4).bernoulli_(torch.tensor([0.5, 0.2, 0.3, 0.9])))
after(lambda: torch.empty(2, 3, dtype=torch.long).bernoulli_(torch.tensor([0.1, 0.5, 0.9])))
after(lambda: torch.empty(3, 2).t().bernoulli_(torch.tensor([[0.1, 0.5, 0.9], [0.7, 0.3, 0.2]])))
after(lambda: torch.empty(2, 2, dtype=torch.bool).bernoulli_(torch.tensor([0.5, 0.5], dtype=torch.float64)))
after(lambda: torch.empty(4).bernoulli_(torch.tensor([0.5, 1.2, 0.3, 0.9])))
after(lambda: torch.empty(3).bernoulli_(torch.tensor([1, 0, 1])))
after(lambda: torch.empty(3).bernoulli_(torch.tensor([0.5, 0.5])))
after(lambda: torch.empty(3).bernoulli_(torch.tensor([0.5, 0.5, 0.2], dtype=torch.half)))
x = torch.zeros(3, requires_grad=True)
after(lambda: x.bernoulli_(torch.tensor([0.5, 0.5, 0.5])))
y = x.clone()
after(lambda: (y.bernoulli_(torch.tensor([0.5, 0.5, 0.5])), y.grad_fn.name()))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_sampling_prints_as_torch(name):
    same_as_torch(OUTCOME + PROGRAMS[name])

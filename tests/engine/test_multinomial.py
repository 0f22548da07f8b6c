"""exponential_ and torch.multinomial drawn as PyTorch's CPU kernels draw them (the Gumbel trick through
exponential_ without replacement, a binary search of double uniforms with it): samples, node, errors."""
import pytest

from same_as_torch import same_as_torch

SAMPLES = """
torch.manual_seed(0)
print(torch.empty(2).exponential_(lambd=2), torch.empty(3, dtype=torch.float64).exponential_())
x = torch.ones(2, requires_grad=True).clone()
print(x.exponential_())
print(torch.multinomial(torch.tensor([0.1, 0.9]), 2), torch.tensor([0.3, 0.7]).multinomial(2))
print(torch.multinomial(torch.tensor([[0.2, 0.8], [0.5, 0.5]]), 3, replacement=True))
print(torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 10, replacement=True))
print(torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]]), 2))
print(torch.multinomial(torch.tensor([0.25, 0.25, 0.25, 0.25]), 1), torch.multinomial(torch.rand(5), 5))
w = torch.rand(50)
print(torch.multinomial(w, 20), torch.multinomial(w, 30, replacement=True))
print(torch.multinomial(torch.tensor([0.1, 0.9], dtype=torch.float64), 6, True))
g = torch.Generator().manual_seed(3)
print(torch.multinomial(torch.tensor([0.5, 0.5]), 4, True, generator=g), torch.rand(1))
"""

ERRORS = [
    "torch.empty(2).exponential_(0)",
    "torch.empty(2, dtype=torch.long).exponential_()",
    "torch.ones(2, requires_grad=True).exponential_()",
    "torch.multinomial(torch.tensor([0.1, 0.9]), 4)",
    "torch.multinomial(torch.tensor([0.1, -0.9]), 1)",
    "torch.multinomial(torch.tensor([0., 0.]), 1)",
    "torch.multinomial(torch.tensor([1, 2]), 1)",
    "torch.multinomial(torch.ones(2, 2, 2), 1)",
    "torch.multinomial(torch.tensor([0.3, 0.7]), 0)",
    "torch.multinomial(torch.tensor([0.1, float('nan')]), 2, True)",
    "torch.multinomial(torch.tensor([0.1, float('inf')]), 1)",
    "torch.multinomial(torch.tensor([0.0, 0.0]), 2, True)",
]


def test_exponential_and_multinomial_draw_torchs_samples():
    same_as_torch(SAMPLES)


@pytest.mark.parametrize("call", ERRORS)
def test_sampling_errors_as_torch(call):
    same_as_torch(call)

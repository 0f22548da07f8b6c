"""Sampling functions (randperm, normal, bernoulli) draw what PyTorch's CPU kernels draw, with its nodes and errors."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"randperm_draws": """
torch.manual_seed(3)
print(torch.randperm(10), torch.randperm(0), torch.randperm(1), torch.randperm(5, dtype=torch.float32))
g = torch.Generator().manual_seed(7)
print(torch.randperm(20, generator=g), torch.randperm(1000)[-5:], torch.rand(2))
print(torch.randperm(4, dtype=torch.float64, requires_grad=True))
""",
"normal_forms_and_grads": """
m = torch.zeros(3, requires_grad=True)
s = torch.ones(3, requires_grad=True)
torch.manual_seed(0)
y = torch.normal(m, s)
print(y, y.grad_fn.name())
y.sum().backward()
print(m.grad, s.grad)
m.grad = None
y = torch.normal(m.view(3, 1), 1.0)
print(y, y.grad_fn.name())
y.sum().backward()
print(m.grad)
y = torch.normal(0.5, s)
print(y.grad_fn.name())
print(torch.normal(torch.arange(20.), torch.ones(20) * 2))
print(torch.normal(torch.arange(20.), 2.))
print(torch.normal(1., torch.arange(20.)))
print(torch.normal(torch.zeros(2, 3), torch.ones(3)).shape, torch.normal(torch.zeros(3), torch.ones(2, 3)).shape)
print(torch.normal(2., 3., size=(2,), dtype=torch.float64), torch.normal(0., 1., (3,)), torch.normal(0., 1., (20,)))
print(torch.normal(torch.zeros(2, dtype=torch.float64), torch.ones(2)).dtype)
""",
"bernoulli_tensor_probabilities": """
torch.manual_seed(5)
p = torch.full((3,), 0.5, requires_grad=True)
b = torch.bernoulli(p)
print(b, b.grad_fn.name())
b.sum().backward()
print(p.grad)
print(torch.bernoulli(torch.rand(5, 4)), torch.bernoulli(torch.rand(4, 5, dtype=torch.float64).t()))
print(torch.rand(3).bernoulli(), torch.bernoulli(torch.rand(3), 0.3), torch.rand(3).bernoulli(0.9))
q = torch.rand(2, requires_grad=True)
print(torch.bernoulli(q, 0.5))
""",
"bernoulli_p_has_no_derivative": "torch.bernoulli(torch.rand(2, requires_grad=True), 0.5).sum().backward()",
"randperm_negative": "torch.randperm(-1)",
"randperm_half_limit": "torch.randperm(3000, dtype=torch.float16)",
"randperm_bool": "torch.randperm(5, dtype=torch.bool)",
"randperm_float_n": "torch.randperm(2.5)",
"randperm_int_requires_grad": "torch.randperm(3, requires_grad=True)",
"normal_negative_std": "torch.normal(0., -1., (2,))",
"normal_negative_std_tensor_mean": "torch.normal(torch.zeros(2), -1.)",
"normal_negative_std_elements": "torch.normal(torch.zeros(2), torch.tensor([1., -1.]))",
"normal_no_size": "torch.normal(0, 1)",
"normal_broadcast": "torch.normal(torch.zeros(2), torch.ones(3))",
"normal_int_mean": "torch.normal(torch.zeros(2, dtype=torch.int64), 1.)",
"normal_int_dtype": "torch.normal(0., 1., (2,), dtype=torch.int64)",
"randn_int_dtype": "torch.randn(2, dtype=torch.int64)",
"rand_int_dtype": "torch.rand(2, dtype=torch.int64)",
"bernoulli_out_of_range": "torch.bernoulli(torch.tensor([1.5]))",
"bernoulli_nan": "torch.bernoulli(torch.tensor([float('nan')]))",
"bernoulli_int": "torch.bernoulli(torch.tensor([1, 0]))",
"bernoulli_scalar_out_of_range": "torch.bernoulli(torch.rand(2), 1.5)",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

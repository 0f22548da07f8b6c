"""Classes of difference found by the thirty-third round's held-out programs on training small models (held33c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float32_products_past_768_inner_products_split_k_between_two_threads_the_first_onto_the_bias": """
torch.set_num_threads(2)  # (the order measured: MKL's split of k between two threads)
nn = torch.nn
F = torch.nn.functional
torch.manual_seed(0)
for M, K, N in [(30, 784, 128), (64, 769, 20), (16, 1000, 32), (20, 1600, 12), (16, 2200, 16), (100, 800, 12)]:
    x = torch.randn(M, K, requires_grad=True)
    w = torch.randn(N, K, requires_grad=True)
    b = torch.randn(N, requires_grad=True)
    y = F.linear(x, w, b)
    y.backward(torch.randn(M, N))
    print(M, K, N, y.double().sum().item(), F.linear(x, w).double().sum().item(), x.grad.double().sum().item())
torch.manual_seed(1)
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 32), nn.ReLU(), nn.Linear(32, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
X, Y = torch.randn(30, 1, 28, 28), torch.randint(0, 10, (30,))
for step in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), Y)
    loss.backward()
    opt.step()
    print(step, loss.item(), model[1].weight.double().sum().item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

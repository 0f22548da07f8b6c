import torch
import torch.nn as nn
import torch.distributions as D
from torch.distributions.normal import Normal

torch.manual_seed(0)
class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.mu = nn.Linear(3, 2)
        self.log_std = nn.Parameter(torch.zeros(2))
    def forward(self, s):
        return Normal(self.mu(s), self.log_std.exp())
pi = Policy()
opt = torch.optim.Adam(pi.parameters(), lr=0.05)
for it in range(4):
    s = torch.randn(5, 3)
    dist = pi(s)
    a = dist.sample()
    logp = dist.log_prob(a).sum(-1)
    adv = torch.randn(5)
    loss = -(logp * adv).mean() - 0.01 * dist.entropy().mean()
    opt.zero_grad(); loss.backward(); opt.step()
    print(it, f"{loss.item():.6f}", dist)
print(pi.log_std)
n = Normal(0.0, 1.0)
print(n, n.sample(), n.sample((2, 3)).shape, n.batch_shape, n.event_shape)
print(n.log_prob(torch.tensor([0.0, 1.0, -2.0])), n.cdf(torch.tensor(0.5)), n.icdf(torch.tensor(0.975)))
b = D.Bernoulli(probs=torch.tensor([0.1, 0.7]))
print(b, b.sample(), b.sample((3,)), b.log_prob(torch.tensor([1.0, 0.0])), b.entropy(), b.logits)
b2 = D.Bernoulli(logits=torch.tensor([0.3]))
print(b2.probs, b2.mean, b2.variance)
u = D.Uniform(torch.tensor([0.0, 1.0]), torch.tensor([2.0, 5.0]))
print(u, u.sample(), u.rsample((2,)), u.log_prob(torch.tensor([1.0, 4.0])), u.entropy(), u.mean, u.stddev)
c = D.Categorical(logits=torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]))
print(c, c.batch_shape, c.sample(), c.sample((2,)), c.probs, c.entropy(), c.mode, c.param_shape)
print(c.log_prob(torch.tensor([2, 0])), c.enumerate_support())
print(isinstance(c, D.Distribution), isinstance(c, D.Categorical), type(c).__name__)
try:
    D.Categorical(logits=torch.tensor([float('nan'), 1.0, 0.0]))
except ValueError as e:
    print('ValueError:', e)
try:
    Normal(torch.zeros(2), torch.tensor([1.0, -1.0]))
except ValueError as e:
    print('ValueError:', e)
try:
    c.log_prob(torch.tensor([3, 0]))
except ValueError as e:
    print('ValueError:', e)
try:
    D.Categorical(torch.tensor([0.5, 0.5]), logits=torch.tensor([0.0, 0.0]))
except ValueError as e:
    print('ValueError:', e)
try:
    D.Uniform(1.0, 0.0)
except ValueError as e:
    print('ValueError:', e)
print(D.Categorical(torch.tensor([1.0, 3.0])).probs)
print(D.Normal(torch.tensor([1.0]), 2.0))
m = Normal(torch.tensor([0.0, 0.0], requires_grad=True), torch.tensor([1.0, 2.0]))
x = m.rsample()
print(x.grad_fn, m.log_prob(x).grad_fn, m.entropy())
D.Normal(0.0, 1.0).log_prob(5)

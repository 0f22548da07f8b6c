import torch
import torch.nn as nn
from torch.distributions import Categorical, Normal

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
opt = torch.optim.Adam(policy.parameters(), lr=0.01)
for ep in range(3):
    logps, rewards = [], []
    for t in range(5):
        s = torch.randn(4)
        logits = policy(s)
        dist = Categorical(logits=logits)
        a = dist.sample()
        logps.append(dist.log_prob(a))
        rewards.append(float(a.item() == 1))
    R, returns = 0.0, []
    for r in reversed(rewards):
        R = r + 0.9 * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    loss = -(torch.stack(logps) * returns).sum()
    opt.zero_grad(); loss.backward(); opt.step()
    print(ep, rewards, round(loss.item(), 5), dist.entropy().item())
d = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5]))
x = d.sample()
print(x, d.log_prob(x), d.entropy(), d.mean, d.stddev)
mu = torch.tensor([0.5], requires_grad=True)
d2 = Normal(mu, 1.0)
z = d2.rsample()
print(z, z.grad_fn)
c = Categorical(probs=torch.tensor([0.2, 0.3, 0.5]))
print(c.sample((4,)), c.probs, c.logits)

import torch
import torch.nn as nn
from torch.distributions import MultivariateNormal, Categorical, Independent, Normal

torch.manual_seed(0)
action_dim = 2
action_var = torch.full((action_dim,), 0.6 * 0.6)
actor = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, action_dim), nn.Tanh())
opt = torch.optim.Adam(actor.parameters(), lr=3e-4)
state = torch.randn(3)
action_mean = actor(state)
cov_mat = torch.diag(action_var).unsqueeze(dim=0)
dist = MultivariateNormal(action_mean, cov_mat)
print(dist, dist.batch_shape, dist.event_shape)
action = dist.sample()
print(action, dist.log_prob(action), dist.entropy())
states = torch.randn(5, 3)
means = actor(states)
var = action_var.expand_as(means)
cov = torch.diag_embed(var)
d2 = MultivariateNormal(means, cov)
acts = d2.sample()
logp = d2.log_prob(acts)
ent = d2.entropy()
print(acts.shape, logp, ent)
loss = -(logp * torch.randn(5)).mean() - 0.01 * ent.mean()
opt.zero_grad(); loss.backward(); opt.step()
print(actor[2].bias)
print(d2.covariance_matrix.shape, d2.scale_tril[0], d2.variance[0], d2.mean.shape)
mvn = MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.0, 0.0], [0.5, 2.0]]))
x = mvn.rsample((3,))
print(x, mvn.log_prob(x), mvn.covariance_matrix)
ind = Independent(Normal(torch.zeros(4, 3), torch.ones(4, 3)), 1)
print(ind, ind.batch_shape, ind.event_shape)
s = ind.sample()
print(ind.log_prob(s), ind.entropy())
try:
    MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except ValueError as e:
    print('ValueError:', e)
try:
    MultivariateNormal(torch.zeros(2))
except ValueError as e:
    print('ValueError:', e)

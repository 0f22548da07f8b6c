import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2), nn.Softmax(dim=-1))
critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
a_opt = optim.Adam(actor.parameters(), lr=1e-3)
c_opt = optim.Adam(critic.parameters(), lr=1e-3)
state = torch.randn(1, 4)
probs = actor(state)
dist = torch.distributions.Categorical(probs)
action = dist.sample()
value = critic(state)
reward = 1.0
advantage = reward - value
critic_loss = advantage.pow(2).mean()
actor_loss = -(dist.log_prob(action) * advantage).mean()
c_opt.zero_grad()
critic_loss.backward(retain_graph=True)
c_opt.step()
a_opt.zero_grad()
actor_loss.backward()
a_opt.step()

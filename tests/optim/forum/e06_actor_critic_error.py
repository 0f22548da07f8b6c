import torch
import torch.nn as nn
torch.manual_seed(0)
actor = nn.Linear(3, 2)
critic = nn.Linear(3, 1)
opt_a = torch.optim.SGD(actor.parameters(), lr=0.1)
opt_c = torch.optim.SGD(critic.parameters(), lr=0.1)
s = torch.randn(5, 3)
value = critic(s)
logp = torch.log_softmax(actor(s), dim=1)[:, 0]
adv = torch.randn(5, 1) - value
critic_loss = adv.pow(2).mean()
actor_loss = -(logp * adv.squeeze(1)).mean()
opt_c.zero_grad()
critic_loss.backward(retain_graph=True)
opt_c.step()
print(critic.weight._version)
opt_a.zero_grad()
actor_loss.backward()
opt_a.step()

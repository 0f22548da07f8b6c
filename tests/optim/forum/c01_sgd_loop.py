import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-4)
print(opt)
x = torch.randn(64, 2)
y = x[:, :1] * 2 - x[:, 1:] ** 2
crit = nn.MSELoss()
for step in range(20):
    opt.zero_grad()
    loss = crit(model(x), y)
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, loss.item())
print(model[0].weight._version, model[0].weight.grad._version)
print(opt.state_dict()['state'][0]['momentum_buffer'][:2])
print(opt.state_dict()['param_groups'])

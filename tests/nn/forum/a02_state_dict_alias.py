import torch
import torch.nn as nn
import copy
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 1))
best = model.state_dict()
best_copy = copy.deepcopy(model.state_dict())
opt = torch.optim.SGD(model.parameters(), lr=0.5)
x = torch.randn(10, 3)
y = torch.randn(10, 1)
for i in range(3):
    opt.zero_grad()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    opt.step()
    print(i, loss.item())
print(best['0.weight'])
print(best_copy['0.weight'])
print(torch.equal(best['0.weight'], model[0].weight))
print(best['0.weight']._version, best_copy['0.weight']._version)
print(best.keys())
print(best)
model.load_state_dict(best_copy)
print(model[2].bias, model[2].bias._version)

import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
model[2] = nn.Linear(2, 1)
model(torch.ones(3, 2)).sum().backward()
opt.step()
print(model[2].weight.grad is not None, model[2].weight._version)
print(len(opt.param_groups[0]['params']), opt.param_groups[0]['params'][2] is model[2].weight)
print(model)
del model[1]
print(model, len(model))
model.insert(1, nn.Tanh())
print(model)
print(model[0:2], type(model[0:2]).__name__)

import torch
import torch.nn as nn
import copy
torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for _ in range(3):
    opt.zero_grad(); nn.functional.mse_loss(model(x), y).backward(); opt.step()
ckpt = {'model': copy.deepcopy(model.state_dict()), 'opt': copy.deepcopy(opt.state_dict())}
print(ckpt['opt'])
model2 = nn.Linear(2, 1)
opt2 = torch.optim.SGD(model2.parameters(), lr=0.5)
model2.load_state_dict(ckpt['model'])
opt2.load_state_dict(ckpt['opt'])
print(opt2)
for _ in range(2):
    opt.zero_grad(); nn.functional.mse_loss(model(x), y).backward(); opt.step()
    opt2.zero_grad(); nn.functional.mse_loss(model2(x), y).backward(); opt2.step()
print(torch.equal(model.weight, model2.weight), model2.weight)
bad = copy.deepcopy(ckpt['opt'])
bad['param_groups'][0]['params'] = [0]
try:
    opt2.load_state_dict(bad)
except ValueError as e:
    print(e)

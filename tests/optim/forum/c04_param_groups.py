import torch
import torch.nn as nn
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 1))
opt = torch.optim.SGD([
    {'params': net[0].parameters()},
    {'params': net[1].parameters(), 'lr': 1e-3, 'momentum': 0.5}
], lr=1e-2, momentum=0.9)
print(opt)
print(len(opt.param_groups), [g['lr'] for g in opt.param_groups])
for g in opt.param_groups:
    g['lr'] *= 0.1
print(opt.param_groups[1])
extra = torch.zeros(2, requires_grad=True)
opt.add_param_group({'params': extra, 'lr': 0.3})
print(opt)
try:
    opt.add_param_group({'params': net[0].weight})
except ValueError as e:
    print(e)
x = torch.randn(4, 3)
net(x).sum().backward()
extra.grad = torch.ones(2)
opt.step()
print(extra, net[1].bias)
print(opt.state_dict()['param_groups'][2])

import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Linear(2, 2)
opt = torch.optim.Adam(m.parameters(), lr=0.1, weight_decay=0.01)
for _ in range(2):
    opt.zero_grad()
    m(torch.ones(3, 2)).sum().backward()
    opt.step()
print(opt.state_dict())
print(opt.param_groups[0]['params'][0] is m.weight, len(opt.state))
print(opt.state[m.bias])
print([k for k in opt.state_dict()])
print(opt.state_dict()['param_groups'][0]['params'])

import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Linear(4, 2)
opt = torch.optim.AdamW(m.parameters(), lr=1e-2, weight_decay=0.1, maximize=True)
print(opt)
x = torch.randn(6, 4)
for i in range(5):
    opt.zero_grad()
    m(x).mean().backward()
    opt.step()
print(m.weight)
print(m.bias)
print(opt.state[m.bias]['step'])
print(opt.state_dict()['param_groups'][0]['params'])
sgd = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, dampening=0.1, maximize=True)
for i in range(3):
    sgd.zero_grad(); m(x).pow(2).mean().backward(); sgd.step()
print(m.bias, sgd.state[m.bias]['momentum_buffer'])
try:
    torch.optim.SGD(m.parameters(), lr=0.1, nesterov=True)
except ValueError as e:
    print(e)
try:
    torch.optim.Adam(m.parameters(), lr=-1)
except ValueError as e:
    print(e)
try:
    torch.optim.SGD([], lr=0.1)
except ValueError as e:
    print(e)

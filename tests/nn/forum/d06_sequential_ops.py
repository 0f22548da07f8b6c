import torch
import torch.nn as nn
from collections import OrderedDict
torch.manual_seed(0)
net = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 3)), ('act', nn.ReLU()), ('fc2', nn.Linear(3, 1))]))
print(net)
print(net.fc1, net[0] is net.fc1, len(net))
print(net[:2])
print(net[-1])
net.append(nn.Sigmoid())
print(net)
for name, mod in net.named_children():
    print(name, mod)
ml = nn.ModuleList([nn.Linear(2, 2)])
ml.append(nn.ReLU())
ml.extend([nn.Linear(2, 1)])
ml.insert(1, nn.Tanh())
print(ml, len(ml))
md = nn.ModuleDict()
md['enc'] = nn.Linear(2, 2)
md.update({'dec': nn.Linear(2, 2)})
print(list(md.keys()), 'enc' in md)
for k, v in md.items():
    print(k, v)
print(net.state_dict().keys())
print(sum(1 for _ in net.modules()))
try:
    net[5]
except IndexError as e:
    print(e)

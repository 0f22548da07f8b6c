import torch
import torch.nn as nn
torch.manual_seed(0)
a = nn.Linear(2, 2)
b = nn.Linear(2, 2)
print(b.weight._version, b.bias._version)
x = torch.ones(1, 2)
out = b(x)
b.load_state_dict(a.state_dict())
print(b.weight._version, b.bias._version)
print(torch.equal(a.weight, b.weight))
try:
    out.sum().backward()
except RuntimeError as e:
    print(e)
sd = a.state_dict()
sd['weight'][0, 0] = 100.
print(a.weight)
print(a.weight._version)
r = a.load_state_dict(sd, strict=True)
print(r, a.weight._version)

import torch
import torch.nn as nn
class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(3, 4)
        self.dec = nn.Linear(4, 3)
class B(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(3, 4)
        self.out = nn.Linear(4, 2)
a, b = A(), B()
try:
    b.load_state_dict(a.state_dict())
except RuntimeError as e:
    print(e)
r = b.load_state_dict(a.state_dict(), strict=False)
print(r)
print(r.missing_keys)
c = nn.Linear(3, 5)
try:
    c.load_state_dict(nn.Linear(3, 4).state_dict())
except RuntimeError as e:
    print(e)
sd = a.state_dict()
sd['enc.weight'] = torch.zeros(4, 3)
print(a.load_state_dict(sd))
print(a.enc.weight)
b.load_state_dict({'enc.weight': torch.ones(4, 3)})

import torch
import torch.nn as nn
class NoForward(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)
try:
    NoForward()(torch.ones(1))
except NotImplementedError as e:
    print('NotImplementedError', e)
class NoInit(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)
try:
    NoInit()
except AttributeError as e:
    print('AttributeError', e)
m = nn.Linear(2, 2)
try:
    torch.optim.SGD(m.parameters, lr=0.1)
except TypeError as e:
    print('TypeError', e)
try:
    nn.Sequential(nn.Linear(2, 2))(torch.ones(2), torch.ones(2))
except TypeError as e:
    print('TypeError', e)
try:
    m(torch.ones(3))
except RuntimeError as e:
    print(e)
try:
    m(torch.ones(2, dtype=torch.float64))
except RuntimeError as e:
    print(e)
try:
    m.weight = torch.ones(2, 2)
except TypeError as e:
    print(e)
m.weight = nn.Parameter(torch.ones(2, 2))
print(m.weight)
m.bias = None
print(m, m(torch.ones(2)))
try:
    m.register_parameter('w2', torch.ones(1))
except TypeError as e:
    print(e)
print(m.to(torch.device('cpu')) is m, m.weight.device)
try:
    nn.Linear(2, 2).to('cuda')
except Exception as e:
    print(type(e).__name__)

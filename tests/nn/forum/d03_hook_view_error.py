import torch
import torch.nn as nn
class Scale(nn.Module):
    def forward(self, x):
        return x
m = Scale()
m.register_full_backward_hook(lambda mod, gi, go: print('hook', gi, go))
x = torch.ones(3, requires_grad=True)
y = m(x)
print(y.grad_fn)
try:
    y.mul_(2)
except RuntimeError as e:
    print(e)
class Idn(nn.Module):
    def forward(self, x):
        return x.view(3)
m2 = nn.Sequential(nn.Linear(3, 3), nn.ReLU(inplace=True))
m2.register_full_backward_hook(lambda mod, gi, go: None)
try:
    m2(torch.ones(1, 3, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print(e)
lin = nn.Linear(3, 1)
lin.register_full_backward_hook(lambda mod, gi, go: print('no input grad', gi, go))
lin(torch.ones(2, 3)).sum().backward()

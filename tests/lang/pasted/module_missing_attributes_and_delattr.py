import torch
import torch.nn as nn


class A:
    pass


a = A()
a.x = 1
delattr(a, 'x')
print(hasattr(a, 'x'))
try:
    delattr(a, 'y')
except AttributeError as e:
    print(e)
try:
    delattr(a, 3)
except TypeError as e:
    print(e)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.register_module('extra', nn.Tanh())

    def forward(self, x):
        return self.fc2(x)


net = Net()
print(hasattr(net, 'fc2'), getattr(net, 'fc2', 'default'))
delattr(net, 'extra')
print(net)
try:
    net(torch.ones(1, 2))
except AttributeError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
lin = nn.Linear(2, 2)
del lin.bias
print([n for n, _ in lin.named_parameters()])
print(lin)

import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer('mean', torch.zeros(2))
        self.register_buffer('tmp', torch.ones(1), persistent=False)
        self.register_parameter('extra', None)
        self.sub = nn.Linear(2, 2)
        self.name = 'm'
    def forward(self, x):
        return (x - self.mean) * self.scale
    def extra_repr(self):
        return f'name={self.name}'
torch.manual_seed(0)
m = M()
print(m)
print([n for n, _ in m.named_parameters()])
print([n for n, _ in m.named_buffers()])
print(list(m.state_dict().keys()))
print(m.extra)
print(dict(m.named_children()).keys())
m.double()
print(m.scale.dtype, m.mean.dtype, m.sub.weight.dtype)
m.to(torch.float32)
print(m.sub.bias.dtype)
h = m.half()
print(h is m, m.sub.weight.dtype)
m.float()
m.zero_grad()
out = m(torch.ones(3, 2))
print(out)
try:
    m.register_buffer('scale', torch.zeros(1))
except KeyError as e:
    print('KeyError', e)
try:
    m.sub = torch.ones(1)
except TypeError as e:
    print(e)
try:
    print(m.nothing)
except AttributeError as e:
    print(e)
m.mean = torch.ones(2)
print(m.state_dict()['mean'])
print(m.get_submodule('sub'), m.get_parameter('sub.bias').shape)
del m.sub
print(m)

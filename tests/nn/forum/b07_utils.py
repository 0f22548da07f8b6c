import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
x = torch.randn(5, 3)
net(x).pow(2).sum().backward()
total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
print(total)
print(net[0].weight.grad)
print(torch.nn.utils.clip_grad_norm_(net.parameters(), 0.5, norm_type=float('inf')))
nn.utils.clip_grad_value_(net.parameters(), clip_value=0.05)
print(net[2].weight.grad, net[2].weight.grad._version)
v = parameters_to_vector(net.parameters())
print(v.shape, v.grad_fn)
vector_to_parameters(torch.zeros_like(v), net.parameters())
print(net[2].bias, net[2].bias._version)
print(nn.utils.clip_grad_norm_([], 1.0))

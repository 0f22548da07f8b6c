import torch
import torch.nn as nn
import torch.nn.utils.parametrize as parametrize
from torch.nn.utils.parametrizations import weight_norm, spectral_norm

torch.manual_seed(0)
class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)
class MatrixExponential(nn.Module):
    def forward(self, X):
        return X * 2
    def right_inverse(self, A):
        return A / 2
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
print(layer)
A = layer.weight
print(torch.allclose(A, A.T), A)
print([n for n, _ in layer.named_parameters()])
print(list(layer.state_dict().keys()))
print(type(layer).__name__, parametrize.is_parametrized(layer), parametrize.is_parametrized(layer, "bias"))
print(parametrize.type_before_parametrizations(layer))
print(layer.parametrizations.weight.original)
parametrize.register_parametrization(layer, "weight", MatrixExponential())
print(layer.parametrizations.weight)
print(layer.weight)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
x = torch.randn(4, 3)
for i in range(3):
    opt.zero_grad()
    loss = layer(x).pow(2).sum()
    loss.backward()
    opt.step()
    print(i, loss.item())
print(layer.parametrizations.weight.original.grad)
with parametrize.cached():
    w1 = layer.weight
    w2 = layer.weight
    print(w1 is w2)
print(layer.weight is layer.weight)
layer.weight = torch.eye(3)
print(layer.parametrizations.weight.original)
parametrize.remove_parametrizations(layer, "weight")
print(layer, type(layer).__name__, [n for n, _ in layer.named_parameters()])
print(layer.weight)
try:
    parametrize.remove_parametrizations(layer, "weight")
except ValueError as e:
    print('ValueError:', e)
class Bad(nn.Module):
    def forward(self, X):
        return X[:2]
try:
    parametrize.register_parametrization(nn.Linear(2, 3), "weight", Bad())
except ValueError as e:
    print('ValueError:', e)
wn = weight_norm(nn.Linear(4, 2))
print(wn)
print([n for n, _ in wn.named_parameters()], wn.parametrizations.weight.original0)
print(wn.weight.grad_fn.name())
sn = spectral_norm(nn.Linear(4, 3))
print(sn, [n for n, _ in sn.named_buffers()], sn.parametrizations.weight[0]._u)
print(sn.weight)
sn.eval()
print(sn.weight)
opt = torch.optim.Adam(list(wn.parameters()) + list(sn.parameters()), lr=0.01)
sn.train()
for i in range(3):
    opt.zero_grad()
    loss = (wn.weight * torch.ones(2, 4)).sum() + (sn.weight ** 2).sum()
    loss.backward()
    opt.step()
    print(i, loss.item(), sn.parametrizations.weight[0]._v)

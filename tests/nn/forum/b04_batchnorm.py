import torch
import torch.nn as nn
torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(list(bn.state_dict().keys()))
x = torch.randn(8, 3) * 2 + 1
v0 = bn.running_mean._version
y = bn(x)
print(y.grad_fn)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(bn.running_mean._version - v0, bn.num_batches_tracked._version)
bn.eval()
print(bn(x[:2]))
bn.train()
y = bn(x)
print(bn.num_batches_tracked)
bn2 = nn.BatchNorm2d(2, momentum=None)
img = torch.randn(4, 2, 3, 3)
for _ in range(3):
    bn2(img + _)
print(bn2.running_mean, bn2.running_var)
try:
    bn(torch.randn(1, 3))
except ValueError as e:
    print(e)
bn.eval()
print(bn(torch.randn(1, 3)))
nt = nn.BatchNorm1d(3, track_running_stats=False)
print(nt.running_mean, nt(x).sum())
print(nt.state_dict())

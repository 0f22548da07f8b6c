import torch
import torch.nn as nn
import copy
torch.manual_seed(0)
class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.bn = nn.BatchNorm1d(n)
        self.register_buffer('counter', torch.zeros(1))
    def forward(self, x):
        self.counter += 1
        return self.bn(self.lin(x)).relu()
m = Block(3)
target = copy.deepcopy(m)
print(target)
print(target.lin.weight.data_ptr() == m.lin.weight.data_ptr())
print(target.lin.weight._version, target.counter)
x = torch.randn(4, 3)
m(x).sum().backward()
print(m.counter, target.counter, m.bn.running_mean, target.bn.running_mean)
print(m.bn.num_batches_tracked, target.bn.num_batches_tracked)
print(m.lin.weight.grad is None, target.lin.weight.grad)
t2 = copy.deepcopy(m)
print(t2.lin.weight.grad)
print(t2.lin.weight.requires_grad, t2.lin.weight.is_leaf, type(t2.lin.weight))
print(isinstance(t2, Block), type(t2).__name__)

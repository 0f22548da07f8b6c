import torch
import torch.nn as nn
torch.manual_seed(0)
class Two(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2)
        self.b = nn.Linear(2, 2)
    def forward(self, x, y):
        return self.a(x) * self.b(y), x.sum()
m = Two()
def h(mod, gin, gout):
    print('gin', [None if g is None else g.shape for g in gin], 'gout', [None if g is None else g.shape for g in gout])
    return (gin[0] * 0, gin[1])
m.register_full_backward_hook(h)
x = torch.randn(3, 2, requires_grad=True)
y = torch.randn(3, 2, requires_grad=True)
o1, o2 = m(x, y)
(o1.sum() + o2).backward()
print(x.grad, y.grad)
lin = nn.Linear(2, 1)
lin.register_backward_hook(lambda mod, gi, go: print('old hook', len(gi), [g.shape for g in gi if g is not None]))
lin(x).sum().backward()
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
seq.register_backward_hook(lambda mod, gi, go: None)
seq(x).sum().backward()

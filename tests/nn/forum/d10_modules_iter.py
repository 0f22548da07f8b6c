import torch
import torch.nn as nn
class Tree(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(1, 1)
        self.b = nn.Sequential(nn.Linear(1, 1), self.a)
        self.c = nn.ModuleDict({'x': nn.ReLU(), 'y': self.b})
    def forward(self, x):
        return self.c['y'](x)
t = Tree()
print([n for n, _ in t.named_modules()])
print([n for n, _ in t.named_parameters()])
print(len(list(t.parameters())), len(list(t.children())))
print(list(t.state_dict().keys()))
print(t)
for m in t.modules():
    print(type(m).__name__, end=' ')
print()
print([n for n, _ in t.named_modules(remove_duplicate=False)])
print([n for n, _ in t.named_modules(prefix='root')])

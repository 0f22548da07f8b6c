import torch
import torch.nn as nn
torch.manual_seed(0)
class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
    def forward(self, x):
        return x + self.ff(self.ln(x))
b = Block(4)
x = torch.randn(2, 3, 4)
y = b(x)
print(y)
print(y.grad_fn, b.ln(x).grad_fn)
y.pow(2).mean().backward()
print(b.ln.weight.grad, b.ln.bias.grad)
print(b)
print(nn.SiLU()(x[0]), nn.Softmax(dim=-1)(x[0]).grad_fn)
print(nn.LogSoftmax(dim=1)(x[0]))
print(nn.ELU()(x[0] * 2), nn.LeakyReLU(0.1)(x[0]))

import torch
import torch.nn as nn
torch.manual_seed(2)
cell = nn.LSTMCell(3, 2)
print(cell)
x = torch.randn(4, 3)
h, c = cell(x)
print(h, c)
hx = (torch.zeros(2), torch.zeros(2))
h1, c1 = cell(torch.randn(3), hx)
print(h1, c1)
g = nn.GRUCell(3, 2, bias=False)
print(g, g(x))
r = nn.RNNCell(3, 2, nonlinearity='relu')
print(r, r(x))
hs = []
h = torch.zeros(4, 2)
for t in range(3):
    h = g(x, h)
    hs.append(h)
torch.stack(hs).sum().backward()
print(g.weight_hh.grad)
for bad in (lambda: cell(torch.randn(4, 5)), lambda: g(x, torch.zeros(3, 2)), lambda: r(torch.randn(2, 2, 3)),
            lambda: cell(x, (torch.zeros(4, 3), torch.zeros(4, 2))), lambda: r(x, torch.zeros(4, 5)),
            lambda: nn.LSTMCell(3, 2)(x, (torch.zeros(1, 1, 2), torch.zeros(4, 2)))):
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)

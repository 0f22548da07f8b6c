import torch
import torch.nn as nn
torch.manual_seed(3)
m = nn.RNN(2, 3, num_layers=2)
print(m)
for bad in (lambda: m(torch.randn(5)), lambda: m(torch.randn(4, 1, 3)), lambda: m(torch.randn(4, 2, 2), torch.zeros(1, 2, 3)),
            lambda: m(torch.randn(4, 2), torch.zeros(2, 1, 3)), lambda: m(torch.randn(4, 2, 2), torch.zeros(2, 3)),
            lambda: m(torch.randn(4, 2, 2).double()),
            lambda: nn.LSTM(2, 3)(torch.randn(4, 1, 2), (torch.zeros(1, 1, 3), torch.zeros(1, 2, 3))),
            lambda: nn.LSTM(2, 3)(torch.randn(4, 1, 2), (torch.zeros(1, 3), torch.zeros(1, 1, 3))),
            lambda: nn.LSTM(2, 3)(torch.randn(4, 2), (torch.zeros(1, 1, 3), torch.zeros(1, 1, 3))),
            lambda: nn.GRU(2, 3)(torch.randn(1, 4, 1, 2)),
            lambda: nn.RNN(2, 3, nonlinearity='sigmoid'), lambda: nn.GRU(2, 3, proj_size=1),
            lambda: nn.LSTM(2, 3, proj_size=3), lambda: nn.LSTM(2, 3, dropout=1.5), lambda: nn.LSTM(0, 3),
            lambda: nn.LSTM(2, 3, bias=1), lambda: nn.LSTM(2.0, 3)):
    try:
        bad()
        print("no error")
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = torch.randn(4, 2)
o, h = m(x)
print(o, h)
print(nn.LSTM(2, 3, dropout=0.2))

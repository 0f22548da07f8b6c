import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(20, 2)
y = (x[:, :1] - 2 * x[:, 1:]) ** 2
for cls, kw in [(torch.optim.Rprop, {}), (torch.optim.ASGD, {'lr': 0.05}), (torch.optim.Adadelta, {'lr': 1.0}), (torch.optim.Adamax, {'lr': 0.05})]:
    torch.manual_seed(3)
    net = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
    opt = cls(net.parameters(), **kw)
    for step in range(15):
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(x), y)
        loss.backward()
        opt.step()
    print(cls.__name__, loss.item(), net[2].bias, list(opt.state[net[2].bias].keys()))

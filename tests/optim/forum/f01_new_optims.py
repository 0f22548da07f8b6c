import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(16, 3)
y = torch.randn(16, 1)
for make in [lambda p: torch.optim.Adamax(p, lr=0.01), lambda p: torch.optim.Adamax(p, weight_decay=0.1, maximize=True),
             lambda p: torch.optim.NAdam(p, lr=0.01), lambda p: torch.optim.NAdam(p, momentum_decay=0.01, maximize=True),
             lambda p: torch.optim.RAdam(p, lr=0.01), lambda p: torch.optim.RAdam(p, weight_decay=0.1),
             lambda p: torch.optim.Adadelta(p), lambda p: torch.optim.Adadelta(p, lr=0.5, rho=0.8, weight_decay=0.01),
             lambda p: torch.optim.Rprop(p), lambda p: torch.optim.Rprop(p, lr=0.05, etas=(0.4, 1.5), step_sizes=(1e-4, 1)),
             lambda p: torch.optim.ASGD(p), lambda p: torch.optim.ASGD(p, lr=0.05, t0=3, weight_decay=0.01)]:
    torch.manual_seed(1)
    m = nn.Linear(3, 1)
    opt = make(m.parameters())
    print(opt)
    for i in range(8):
        opt.zero_grad()
        loss = nn.functional.mse_loss(m(x), y)
        loss.backward()
        opt.step()
    print(loss.item())
    print(m.weight, m.bias, m.weight._version)
    print(opt.state_dict()['state'][1])

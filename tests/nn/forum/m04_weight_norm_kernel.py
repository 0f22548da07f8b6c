import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.utils.weight_norm(nn.Linear(37, 19))
conv = nn.utils.weight_norm(nn.Conv2d(3, 5, 3))
last = nn.utils.weight_norm(nn.Linear(6, 9), dim=-1)
opt = torch.optim.SGD(list(lin.parameters()) + list(conv.parameters()) + list(last.parameters()), lr=0.5, momentum=0.9)
t1, t2, t3 = torch.randn(19, 37), torch.randn(5, 3, 3, 3), torch.randn(9, 6)
for i in range(5):
    opt.zero_grad()
    lin(torch.zeros(1, 37)); conv(torch.zeros(1, 3, 3, 3)); last(torch.zeros(1, 6))
    loss = (lin.weight * t1).sum() + (conv.weight * t2).sum() + ((last.weight - t3) ** 2).sum()
    loss.backward()
    opt.step()
    print(i, loss.item(), lin.weight_g.grad.sum().item(), conv.weight_v.grad[1, 2].tolist())
print(lin.weight_g[:4], conv.weight_g.flatten(), last.weight_g, last.weight_g.shape)
print(last.weight.grad_fn.name(), conv.weight.grad_fn.name())
print(lin.weight_v.grad[0, :8])
d = nn.utils.weight_norm(nn.Linear(3, 4).double())
d(torch.zeros(1, 3, dtype=torch.float64))
(d.weight * torch.arange(12.0, dtype=torch.float64).view(4, 3)).sum().backward()
print(d.weight.tolist(), d.weight_g.grad.tolist(), d.weight_v.grad.tolist())

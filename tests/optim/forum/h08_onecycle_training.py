import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=10)
x = torch.randn(32, 3)
y = x.sum(1, keepdim=True)
for step in range(10):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    sched.step()
    print(step, f"{loss.item():.6f}", f"{sched.get_last_lr()[0]:.6f}", round(opt.param_groups[0]['momentum'], 6))
print(sched.state_dict()['total_steps'], sched.last_epoch)
warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=3)
print(warm.get_last_lr())

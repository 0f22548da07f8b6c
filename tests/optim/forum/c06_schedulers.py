import torch
import torch.optim as optim
w = torch.zeros(1, requires_grad=True)
opt = optim.SGD([w], lr=0.1)
s = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for e in range(6):
    opt.step()
    s.step()
    print(e, s.get_last_lr(), opt.param_groups[0]['lr'])
print(s.state_dict())
opt = optim.SGD([w], lr=1.0)
ms = optim.lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.1)
lrs = []
for e in range(6):
    opt.step(); ms.step(); lrs.append(ms.get_last_lr()[0])
print(lrs)
opt = optim.Adam([w], lr=0.01)
ex = optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
for e in range(3):
    opt.step(); ex.step()
print(ex.get_last_lr(), ex.last_epoch)
opt = optim.SGD([w], lr=0.1)
lam = optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch)
for e in range(3):
    opt.step(); lam.step()
print(lam.get_last_lr())
opt = optim.SGD([w], lr=0.1)
cos = optim.lr_scheduler.CosineAnnealingLR(opt, T_max=5, eta_min=0.001)
out = []
for e in range(10):
    opt.step(); cos.step(); out.append(round(cos.get_last_lr()[0], 6))
print(out)
print(opt.param_groups[0]['initial_lr'])

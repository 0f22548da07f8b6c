import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=1.0)
sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode='min', factor=0.5, patience=2, threshold=0.01, cooldown=1, min_lr=0.1)
losses = [1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.94, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2]
for i, l in enumerate(losses):
    opt.step()
    sched.step(l)
    print(i, opt.param_groups[0]['lr'], sched.num_bad_epochs, sched.best)
print(sched.get_last_lr())
print(sched.state_dict())
s2 = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, 'max')
print(s2.mode, s2.patience, s2.factor)
try:
    torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=1.5)
except ValueError as e:
    print(e)

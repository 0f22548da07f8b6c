import torch
p = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s1 = torch.optim.lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=3)
s2 = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
s = torch.optim.lr_scheduler.SequentialLR(opt, schedulers=[s1, s2], milestones=[3])
for i in range(6):
    opt.step(); s.step()
    print(i, s.get_last_lr())

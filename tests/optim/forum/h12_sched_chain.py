import torch
from torch.optim.lr_scheduler import LinearLR, CosineAnnealingLR, SequentialLR, ChainedScheduler, ExponentialLR, ConstantLR
w = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.AdamW([w], lr=1e-3)
warmup = LinearLR(opt, start_factor=0.01, end_factor=1.0, total_iters=3)
cosine = CosineAnnealingLR(opt, T_max=5, eta_min=1e-5)
sched = SequentialLR(opt, schedulers=[warmup, cosine], milestones=[3])
for epoch in range(9):
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr())
print(sched.state_dict()['_milestones'], sched.last_epoch)
opt2 = torch.optim.SGD([w], lr=1.0)
ch = ChainedScheduler([ConstantLR(opt2, factor=0.5, total_iters=2), ExponentialLR(opt2, gamma=0.9)])
for i in range(4):
    opt2.step(); ch.step()
    print(i, ch.get_last_lr())
try:
    SequentialLR(opt2, [ConstantLR(opt2)], milestones=[1])
except ValueError as e:
    print(e)

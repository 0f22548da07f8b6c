import torch
p = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=0.1)
s = torch.optim.lr_scheduler.ChainedScheduler([torch.optim.lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=2), torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)])
for i in range(4):
    opt.step(); s.step()
    print(i, [round(v, 6) for v in s.get_last_lr()])
s3 = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2)
for i in range(8):
    opt.step(); s3.step()
print([round(v, 6) for v in s3.get_last_lr()], s3.T_cur, s3.T_i)

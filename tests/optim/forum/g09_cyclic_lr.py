import torch
p = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = torch.optim.lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2)
for i in range(6):
    opt.step(); s.step()
    print(i, [round(v, 6) for v in s.get_last_lr()], round(opt.param_groups[0]['momentum'], 6))

import torch
p = torch.nn.Parameter(torch.ones(1))
opt = torch.optim.SGD([p], lr=0.1)
s = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=10)
out = []
for i in range(10):
    opt.step(); s.step()
    out.append(round(s.get_last_lr()[0], 5))
print(out)
print(opt.param_groups[0]['momentum'] if 'momentum' in opt.param_groups[0] else None)

import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
s = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 0.5 ** e)
for _ in range(3):
    opt.step(); s.step()
print(s.state_dict())
r = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode='max', threshold=0.1, threshold_mode='abs', patience=1)
for m in [0.5, 0.55, 0.58, 0.7, 0.71, 0.72]:
    r.step(m)
    print(opt.param_groups[0]['lr'], r.best, r.num_bad_epochs)
print(r.state_dict())
sd = opt.state_dict()
print(sd['param_groups'][0]['initial_lr'], sd['param_groups'][0]['lr'])
opt2 = torch.optim.SGD([w], lr=1.0, momentum=0.9)
opt2.load_state_dict(sd)
s2 = torch.optim.lr_scheduler.StepLR(opt2, step_size=2, last_epoch=3)
print(s2.get_last_lr(), s2.last_epoch)

import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
s = torch.optim.lr_scheduler.StepLR(opt, step_size=2)
opt.step()
s.step(5)
print(s.get_last_lr(), s.last_epoch)
print(s.get_lr())
cos = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=3)
for i in range(8):
    opt.step(); cos.step()
    print(i, cos.get_last_lr())
try:
    torch.optim.lr_scheduler.StepLR(opt, 2, last_epoch=3)
except KeyError as e:
    print('KeyError', e)
try:
    torch.optim.lr_scheduler.StepLR(w, 2)
except TypeError as e:
    print(e)

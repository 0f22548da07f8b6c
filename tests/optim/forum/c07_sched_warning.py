import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.1)
for epoch in range(3):
    sched.step()
    opt.step()
    print(epoch, sched.get_last_lr())
print(sched.get_lr())

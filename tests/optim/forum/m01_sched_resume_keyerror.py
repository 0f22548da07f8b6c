import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
model = nn.Linear(2, 2)
optimizer = optim.SGD(model.parameters(), lr=0.1)
sched = optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
print(sched)
print(type(sched).__name__, isinstance(sched, optim.lr_scheduler.LRScheduler))
print(optimizer.param_groups[0]['initial_lr'])
try:
    s = optim.lr_scheduler.StepLR(optim.SGD(model.parameters(), lr=0.1), step_size=3, last_epoch=5)
except KeyError as e:
    print('KeyError:', e)
for epoch in range(5):
    optimizer.step()
    sched.step(epoch)
    print(epoch, optimizer.param_groups[0]['lr'])

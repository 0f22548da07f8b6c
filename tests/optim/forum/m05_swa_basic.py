import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, SWALR

torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
swa_model = AveragedModel(model)
swa_sched = SWALR(opt, swa_lr=0.05, anneal_epochs=3, anneal_strategy='cos')
x = torch.randn(10, 3); y = torch.randn(10, 1)
for epoch in range(8):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    if epoch >= 3:
        swa_model.update_parameters(model)
        swa_sched.step()
    print(epoch, loss.item(), opt.param_groups[0]['lr'])
print(swa_model.n_averaged)
print(swa_model.module.weight)
print(swa_model(x[:2]))
print(list(swa_model.state_dict().keys()))

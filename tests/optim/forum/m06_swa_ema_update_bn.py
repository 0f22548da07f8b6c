import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn, get_ema_multi_avg_fn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))
ema = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
custom = AveragedModel(model, avg_fn=lambda avg, cur, n: 0.5 * avg + 0.5 * cur)
swa = AveragedModel(model, use_buffers=True)
print(ema)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
sched = SWALR(opt, swa_lr=[0.01], anneal_epochs=4, anneal_strategy='linear')
X = torch.randn(16, 3); Y = torch.randn(16, 1)
loader = DataLoader(TensorDataset(X, Y), batch_size=8, shuffle=True)
for epoch in range(6):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
    ema.update_parameters(model)
    custom.update_parameters(model)
    swa.update_parameters(model)
    sched.step()
    print(epoch, round(loss.item(), 6), sched.get_last_lr(), ema.n_averaged.item())
print(ema.module[0].bias)
print(custom.module[3].weight)
print(swa.module[1].running_mean, swa.module[1].num_batches_tracked)
print(ema.module[1].running_mean)
update_bn(loader, swa)
print(swa.module[1].running_mean, swa.module[1].momentum, swa.training)
print(sched.state_dict())
print(opt.param_groups[0]['swa_lr'], sorted(opt.param_groups[0].keys()))
print(ema.module[0].weight.requires_grad, ema.n_averaged._version)
try:
    SWALR(opt, swa_lr=0.05, anneal_strategy='exp')
except ValueError as e:
    print('ValueError:', e)
try:
    SWALR(opt, swa_lr=0.05, anneal_epochs=-1)
except ValueError as e:
    print('ValueError:', e)
swa.eval()
print(swa(X[:2]))

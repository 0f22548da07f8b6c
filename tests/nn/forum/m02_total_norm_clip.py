import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))
m(torch.randn(5, 3)).sum().backward()
n = nn.utils.get_total_norm([p.grad for p in m.parameters()])
print(n)
nn.utils.clip_grads_with_norm_(m.parameters(), 0.5, n)
print(m[1].bias.grad)
print(nn.utils.clip_grad_norm_(m.parameters(), 0.5, foreach=False))
print(nn.utils.clip_grad_norm_(m[0].weight, 0.1))
sched_opt = torch.optim.SGD(m.parameters(), lr=1.0)
s = torch.optim.lr_scheduler.MultiplicativeLR(sched_opt, lr_lambda=lambda e: 0.9)
for i in range(5):
    sched_opt.step(); s.step()
    print(i, s.get_last_lr())
print(s.optimizer is sched_opt)
class Empty(torch.nn.Module):
    def forward(self, x):
        return x
print(nn.utils.clip_grad_norm_(Empty().parameters(), 1.0))
print(nn.utils.clip_grad_norm_([], 1.0))

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import _LRScheduler, LRScheduler

class WarmupLinear(_LRScheduler):
    def __init__(self, optimizer, warmup, total, last_epoch=-1):
        self.warmup = warmup
        self.total = total
        super().__init__(optimizer, last_epoch)
    def get_lr(self):
        if self.last_epoch < self.warmup:
            return [base * (self.last_epoch + 1) / self.warmup for base in self.base_lrs]
        return [base * max(0.0, (self.total - self.last_epoch) / (self.total - self.warmup)) for base in self.base_lrs]
class Halver(LRScheduler):
    def get_lr(self):
        return [g['lr'] * 0.5 for g in self.optimizer.param_groups]
m = nn.Linear(2, 1)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
s = WarmupLinear(opt, warmup=3, total=10)
for e in range(12):
    opt.step()
    s.step()
    print(e, s.get_last_lr(), s.last_epoch)
print(s.state_dict())
opt2 = torch.optim.SGD(m.parameters(), lr=1.0)
h = Halver(opt2)
print(h.get_last_lr())
for e in range(3):
    opt2.step(); h.step()
print(h.get_last_lr(), isinstance(h, LRScheduler))

import torch
import torch.nn as nn
class MySGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, beta=0.9):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        defaults = dict(lr=lr, beta=beta)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state['avg'] = torch.zeros_like(p)
                    state['step'] = 0
                state['step'] += 1
                state['avg'].mul_(group['beta']).add_(p.grad, alpha=1 - group['beta'])
                p.add_(state['avg'], alpha=-group['lr'])
        return loss
torch.manual_seed(0)
m = nn.Linear(3, 1)
opt = MySGD(m.parameters(), lr=0.1)
print(opt)
x, y = torch.randn(8, 3), torch.randn(8, 1)
for i in range(3):
    opt.zero_grad()
    loss = ((m(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(i, loss.item(), m.weight._version)
print(opt.state[m.weight])
print(opt.state_dict()['state'][1]['step'], opt.state_dict()['param_groups'])
sched = torch.optim.lr_scheduler.ExponentialLR(opt, 0.5)
opt.step(); sched.step()
print(sched.get_last_lr())

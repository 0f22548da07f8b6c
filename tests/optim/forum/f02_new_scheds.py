import torch
import torch.optim as optim
from torch.optim import lr_scheduler as S
w = torch.zeros(2, requires_grad=True)
def run(make, n=12, opt_kind='sgd'):
    opt = optim.SGD([w], lr=0.1, momentum=0.9) if opt_kind == 'sgd' else optim.Adam([w], lr=0.1)
    s = make(opt)
    out = []
    for i in range(n):
        opt.step()
        s.step()
        out.append(s.get_last_lr()[0])
    print(type(s).__name__, out)
    sd = s.state_dict()
    print(sorted(k for k in sd.keys()))
    return opt, s
run(lambda o: S.MultiplicativeLR(o, lambda e: 0.9))
run(lambda o: S.ConstantLR(o, factor=0.5, total_iters=3))
run(lambda o: S.LinearLR(o, start_factor=0.25, total_iters=4))
run(lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=6))
run(lambda o: S.PolynomialLR(o, total_iters=6, power=2.0))
run(lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.01), n=15)
run(lambda o: S.CosineAnnealingWarmRestarts(o, T_0=4))
opt, s = run(lambda o: S.SequentialLR(o, [S.LinearLR(o, 0.1, total_iters=3), S.ExponentialLR(o, 0.9)], milestones=[3]))
print(opt.param_groups[0]['lr'])
run(lambda o: S.ChainedScheduler([S.ConstantLR(o, 0.1, total_iters=2), S.ExponentialLR(o, 0.9)]))
opt, s = run(lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=12))
print(opt.param_groups[0]['momentum'], sorted(opt.param_groups[0].keys()))
opt, s = run(lambda o: S.OneCycleLR(o, max_lr=0.5, epochs=2, steps_per_epoch=6, anneal_strategy='linear', three_phase=True), opt_kind='adam')
print(opt.param_groups[0]['betas'])
opt, s = run(lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), n=14)
print(opt.param_groups[0]['momentum'])
run(lambda o: S.CyclicLR(o, 0.01, 0.1, step_size_up=2, mode='triangular2'), n=14)
run(lambda o: S.CyclicLR(o, 0.01, 0.1, step_size_up=2, step_size_down=3, mode='exp_range', gamma=0.9, cycle_momentum=False), n=14)
try:
    S.OneCycleLR(opt, max_lr=0.1)
except ValueError as e:
    print(e)
opt = optim.SGD([w], lr=0.1)
s = S.OneCycleLR(opt, max_lr=0.1, total_steps=2)
try:
    for i in range(4):
        opt.step(); s.step()
except ValueError as e:
    print(e)
try:
    S.LinearLR(opt, start_factor=0)
except ValueError as e:
    print(e)
try:
    S.CyclicLR(optim.Adagrad([w]), 0.1, 1.0)
except ValueError as e:
    print(e)
print(S.CosineAnnealingWarmRestarts(opt, 5).T_i)

"""The learning-rate schedulers against torch: learning rates over many steps, counters, state dicts, warnings."""
import pytest

from optim_vs_torch import same_as_torch

SCHEDULERS = [
    "lr_scheduler.StepLR(opt, step_size=3)",
    "lr_scheduler.StepLR(opt, step_size=4, gamma=0.7)",
    "lr_scheduler.MultiStepLR(opt, milestones=[2, 5, 5, 9], gamma=0.5)",
    "lr_scheduler.ExponentialLR(opt, gamma=0.9)",
    "lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch)",
    "lr_scheduler.LambdaLR(opt, lr_lambda=[lambda e: 1 / (e + 1), lambda e: e * 0.1])",
    "lr_scheduler.CosineAnnealingLR(opt, T_max=10)",
    "lr_scheduler.CosineAnnealingLR(opt, T_max=7, eta_min=0.001)",
]

LOOP = '''
w = torch.tensor([1.0, -2.0], requires_grad=True)
v = torch.tensor([0.5], requires_grad=True)
opt = torch.optim.SGD([{{"params": [w]}}, {{"params": [v], "lr": 0.05}}], lr=0.1, momentum=0.9)
sched = {sched}
print(sched.get_last_lr(), sched.last_epoch, sched.base_lrs, opt.param_groups[0]["initial_lr"])
for epoch in range(30):
    opt.zero_grad()
    ((w * w).sum() + (v * w).sum()).backward()
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr(), [g["lr"] for g in opt.param_groups], w.tolist())
print(sorted(k for k in sched.state_dict()))
print({{k: v for k, v in sched.state_dict().items() if k not in ("lr_lambdas",)}})
print(opt)
'''


@pytest.mark.parametrize("sched", SCHEDULERS)
def test_thirty_epochs(sched):
    same_as_torch(LOOP.format(sched=sched))


def test_reduce_lr_on_plateau():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for kwargs in ({}, {"mode": "max", "factor": 0.5, "patience": 2, "cooldown": 1},
               {"threshold_mode": "abs", "threshold": 0.1, "patience": 1, "min_lr": 0.02},
               {"mode": "max", "threshold_mode": "abs", "patience": 0, "eps": 0.05}):
    opt.param_groups[0]["lr"] = 0.1
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
    for metric in [1.0, 0.9, 0.95, 0.95, 0.95, 0.89, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5]:
        sched.step(metric)
        print(sched.get_last_lr(), sched.best, sched.num_bad_epochs, sched.cooldown_counter, sched.last_epoch)
    print(sched.state_dict())
sched.step(torch.tensor(0.1))
print(sched.best)
''')


def test_reduce_lr_on_plateau_errors():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for kwargs in ({"factor": 1.0}, {"mode": "up"}, {"threshold_mode": "x"}, {"min_lr": [0.1, 0.2]}):
    try:
        torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
    except ValueError as e:
        print("ValueError:", e)
torch.optim.lr_scheduler.ReduceLROnPlateau(w)
''')


@pytest.mark.parametrize("calls", [
    "sched.step(); sched.step()",  # the scheduler first: PyTorch's warning, once
    "opt.step(); sched.step(); sched.step()",  # the right order: no warning
    "sched.step(); opt.step(); sched.step()",
])
@pytest.mark.parametrize("before", ["", "opt.step()"])  # steps before the scheduler existed do not count
def test_scheduler_step_before_optimizer_step_warns(before, calls):
    same_as_torch(f"""
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
{before}
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
{calls}
print(sched.get_last_lr())
""")


def test_get_lr_outside_step_and_epoch_argument_warn():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2)
opt.step()
print(sched.get_lr())
sched.step(5)
print(sched.get_last_lr(), sched.last_epoch)
m = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[3, 6])
m.step(7)
print(m.get_last_lr(), m.milestones)
c = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4)
c.step(3)
print(c.get_last_lr())
e = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
e.step(2)
print(e.get_last_lr())
''')


def test_resuming_needs_initial_lr():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
print(opt.param_groups[0].get("initial_lr"))
s = torch.optim.lr_scheduler.StepLR(opt, step_size=2)
print(opt.param_groups[0]["initial_lr"])
s2 = torch.optim.lr_scheduler.StepLR(opt, step_size=2, last_epoch=3)
print(s2.last_epoch, s2.get_last_lr())
opt2 = torch.optim.SGD([w], lr=0.1)
torch.optim.lr_scheduler.StepLR(opt2, step_size=2, last_epoch=3)
''')


def test_not_an_optimizer():
    same_as_torch('''
torch.optim.lr_scheduler.StepLR([1], step_size=2)
''')


def test_lambda_lr_count_mismatch():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1.0, lambda e: 2.0])
''')


def test_scheduler_state_dict_round_trip():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
a = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for i in range(5):
    opt.step()
    a.step()
sd = a.state_dict()
print(sd)
opt2 = torch.optim.SGD([w], lr=0.1)
b = torch.optim.lr_scheduler.StepLR(opt2, step_size=7)
b.load_state_dict(sd)
print(b.state_dict(), b.step_size, opt2.param_groups[0]["lr"])
opt2.step()
b.step()
print(b.get_last_lr())
''')

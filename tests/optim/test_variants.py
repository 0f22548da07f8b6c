"""Adamax, NAdam, RAdam, Adadelta, Rprop, ASGD against torch: values bit for bit over 100 steps (with torch's own
sqrt substituted where the update takes one and the engine has no compiled loops), versions of parameters and state, reprs, constructor errors."""
import pytest

from optim_vs_torch import same_as_torch, same_for_100_steps

CONFIGS = [
    ("Adamax", "lr=0.01"), ("Adamax", "lr=0.02, betas=(0.8, 0.99), weight_decay=0.1, maximize=True"),
    ("NAdam", "lr=0.01"), ("NAdam", "lr=0.01, weight_decay=0.05, momentum_decay=0.01"),
    ("NAdam", "lr=0.01, weight_decay=0.05, decoupled_weight_decay=True, maximize=True"),
    ("RAdam", "lr=0.01"), ("RAdam", "lr=0.01, weight_decay=0.05, decoupled_weight_decay=True"),
    ("RAdam", "lr=0.02, betas=(0.8, 0.9), maximize=True"),
    ("Adadelta", "lr=1.0"), ("Adadelta", "lr=0.5, rho=0.8, eps=1e-5, weight_decay=0.01, maximize=True"),
    ("Rprop", "lr=0.01"), ("Rprop", "lr=0.05, etas=(0.3, 1.5), step_sizes=(1e-3, 0.5), maximize=True"),
    ("ASGD", "lr=0.05"), ("ASGD", "lr=0.05, lambd=1e-3, alpha=0.5, t0=20, weight_decay=0.01, maximize=True"),
]
USES_SQRT = ("NAdam", "RAdam", "Adadelta")


@pytest.mark.parametrize("cls,args", CONFIGS, ids=[f"{c}({a})" for c, a in CONFIGS])
def test_100_steps_bit_for_bit(cls, args, request):
    same_for_100_steps(cls, args, cls in USES_SQRT, request)


def test_reprs_state_dicts_and_errors():
    same_as_torch('''
w = torch.zeros(2, requires_grad=True)
for opt in [torch.optim.Adamax([w]), torch.optim.NAdam([w]), torch.optim.RAdam([w], lr=0.1),
            torch.optim.Adadelta([w]), torch.optim.Rprop([w]), torch.optim.ASGD([w])]:
    w.grad = torch.ones(2)
    opt.step()
    print(opt)
    print(opt.state_dict())
for make in [lambda: torch.optim.Adamax([w], betas=(1.0, 0.9)), lambda: torch.optim.NAdam([w], momentum_decay=-1),
             lambda: torch.optim.Adadelta([w], rho=1.5), lambda: torch.optim.Rprop([w], etas=(1.5, 1.2)),
             lambda: torch.optim.ASGD([w], weight_decay=-1), lambda: torch.optim.RAdam([w], eps=-1)]:
    try:
        make()
    except ValueError as e:
        print(e)
''')

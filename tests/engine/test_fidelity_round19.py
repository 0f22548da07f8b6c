"""Classes of difference found in the nineteenth round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_optimizers_vars_are_pytorchs_hook_dicts_profile_name_and_the_schedulers_step_wrapper": """
p = torch.nn.Parameter(torch.ones(2))
for name in ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "LBFGS", "Rprop"]:
    o = getattr(torch.optim, name)([p])
    print(name, list(vars(o)), o.state)
opt = torch.optim.SGD([p], lr=0.1)
print(vars(opt))
h = opt.register_step_pre_hook(lambda o, a, k: print("pre"))
opt.register_state_dict_pre_hook(lambda o: print("sd pre"))
opt.register_state_dict_pre_hook(lambda o: print("sd pre first"), prepend=True)
print(len(opt._optimizer_step_pre_hooks), type(opt._optimizer_state_dict_pre_hooks).__name__)
s = torch.optim.lr_scheduler.StepLR(opt, 2)
print(list(vars(opt)), opt.step.__name__)
p.grad = torch.ones(2)
opt.step()
s.step()
print(list(vars(opt)), opt._opt_called)
h.remove()
opt.step()
print(len(opt._optimizer_step_pre_hooks), opt.state_dict()["param_groups"][0]["lr"])
o2 = copy.deepcopy(opt)
print(list(vars(o2)), o2._zero_grad_profile_name)
m = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(m.parameters(), lr=0.5, momentum=0.9)
st = opt.__getstate__()
print(sorted(st), st['defaults'])
m(torch.ones(1, 2)).sum().backward(); opt.step()
opt.__setstate__({'state': {}, 'param_groups': opt.param_groups, 'defaults': {'lr': 0.1}})
print(opt.state, opt.defaults, list(vars(opt)))
print(opt)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the eleventh round's forum-style torch.optim programs, one differential program
each, run under torch and the engine: printed text, errors and warnings the same."""
import pytest

from optim_vs_torch import same_as_torch

PROGRAMS = {
"load_state_dict_fills_in_each_optimizers_own_group_defaults": """
torch.manual_seed(0)
p = torch.randn(3, requires_grad=True)
srcs = {}
for cls, kw in [(optim.Adam, {}), (optim.SGD, {'momentum': 0.9}), (optim.RMSprop, {}), (optim.Adagrad, {}),
                (optim.NAdam, {}), (optim.ASGD, {}), (optim.Adamax, {}), (optim.RAdam, {}), (optim.Adadelta, {}),
                (optim.Rprop, {}), (optim.AdamW, {}), (optim.Adafactor, {})]:
    o = cls([p], lr=0.01, **kw)
    p.grad = torch.ones(3)
    o.step()
    srcs[cls.__name__] = o.state_dict()
for target in [optim.SGD, optim.Adam, optim.AdamW, optim.RMSprop, optim.NAdam, optim.Adagrad, optim.ASGD,
               optim.Adafactor, optim.Rprop]:
    for name, sd in srcs.items():
        q = torch.zeros(3, requires_grad=True)
        o = target([q], lr=0.5)
        try:
            o.load_state_dict(sd)
            print(target.__name__, name, list(o.param_groups[0].items())[-4:], o.param_groups[0].get('decoupled_weight_decay'))
        except Exception as e:  # noqa: BLE001 - KeyErrors of state the target needs
            print(target.__name__, name, type(e).__name__, e)
for name, keys in [('NAdam', ('step', 'mu_product')), ('ASGD', ('step', 'eta', 'mu')), ('Adam', ('step',))]:
    sd = srcs[name]
    for k in keys:
        sd['state'][0][k] = 3 if k == 'step' else 0.5
    o = getattr(optim, name)([torch.zeros(3, requires_grad=True)])
    o.load_state_dict(sd)
    print(o.state_dict()['state'])
""",
"state_dict_and_load_state_dict_hooks": """
p = torch.ones(2, requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
calls = []
a = opt.register_state_dict_pre_hook(lambda o: calls.append('a'))
b = opt.register_state_dict_pre_hook(lambda o: calls.append('b'), prepend=True)
opt.register_state_dict_post_hook(lambda o, sd: calls.append(sorted(sd)))
def renamed(o, sd):
    sd = dict(sd)
    sd['param_groups'] = [dict(g, lr=0.5) for g in sd['param_groups']]
    return sd
opt.register_load_state_dict_pre_hook(renamed)
opt.register_load_state_dict_post_hook(lambda o: calls.append(('loaded', o.param_groups[0]['lr'])), prepend=True)
p.grad = torch.ones(2)
opt.step()
sd = opt.state_dict()
print(calls, sd['param_groups'][0]['lr'])
a.remove()
opt.load_state_dict(sd)
opt.state_dict()
print(calls, opt.param_groups[0]['lr'], sd['param_groups'][0]['lr'])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_optim_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

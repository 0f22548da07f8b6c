"""Every optimizer and option against torch: values bit for bit over 100 steps, versions, state, reprs."""
import numpy as np
import pytest

from optim_vs_torch import TRAINING, run_in_engine, run_in_torch, same_as_torch, same_for_100_steps, torch

CONFIGS = [
    ("SGD", "lr=0.05"), ("SGD", "lr=0.05, momentum=0.9"), ("SGD", "lr=0.05, momentum=0.9, dampening=0.1"),
    ("SGD", "lr=0.05, momentum=0.9, nesterov=True"), ("SGD", "lr=0.05, weight_decay=0.01, maximize=True"),
    ("SGD", "lr=0.03, momentum=0.5, weight_decay=0.1, maximize=True"),
    ("Adam", "lr=0.01"), ("Adam", "lr=0.01, amsgrad=True"), ("Adam", "lr=0.01, weight_decay=0.1"),
    ("Adam", "lr=0.01, maximize=True, betas=(0.8, 0.99), eps=1e-6"),
    ("AdamW", "lr=0.01"), ("AdamW", "lr=0.01, amsgrad=True, weight_decay=0.05, maximize=True"),
    ("RMSprop", "lr=0.01"), ("RMSprop", "lr=0.01, momentum=0.9, alpha=0.9"),
    ("RMSprop", "lr=0.01, centered=True, weight_decay=0.01, maximize=True"),
    ("Adagrad", "lr=0.1"),
    ("Adagrad", "lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1, maximize=True"),
]
USES_SQRT = ("Adam", "AdamW", "RMSprop", "Adagrad")



@pytest.mark.parametrize("cls,args", CONFIGS, ids=[f"{c}({a})" for c, a in CONFIGS])
def test_100_steps_bit_for_bit(cls, args, request):
    same_for_100_steps(cls, args, cls in USES_SQRT, request)


def test_adam_without_compiled_loops_differs_only_by_sqrt(monkeypatch):
    """numpy's correctly rounded sqrt in place of MKL's: Adam's values drift from torch's in the last bits (so
    the torch_sqrt fixture is what makes the 100 steps equal on such machines)."""
    if torch is None:
        pytest.skip("torch is not installed")
    from tensorsh.engine import kernels
    if kernels.compiled is not None:
        monkeypatch.setattr(kernels.compiled, "mkl_sqrt", lambda x, out, code=0: np.sqrt(x, out=out))
    src = TRAINING.format(seed=0, cls="Adam", args="lr=0.01", steps=20)
    assert run_in_engine(src)[0] != run_in_torch(src)[0]


GROUPS = '''
w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
b = torch.tensor([1.0, -1.0], requires_grad=True)
c = torch.tensor([3.0], requires_grad=True)
opt = torch.optim.{cls}([{{"params": [w, b]}}, {{"params": c, "lr": 0.2}}], {args})
print(opt)
for i in range(3):
    opt.zero_grad(set_to_none=(i != 1))
    loss = (w * b).sum() + (c * c).sum()
    loss.backward()
    if i == 2:
        c.grad = None
    opt.step()
    print(w._version, b._version, c._version, w.grad._version, c.grad)
    print({{k: (v._version, v.dtype, v) for k, v in opt.state[w].items()}})
    print(opt.state[c])
print(opt.state_dict())
print(len(opt.state), w, b, c)
'''


@pytest.mark.parametrize("cls,args", [
    ("SGD", "lr=0.05"), ("SGD", "lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1"), ("Adam", "lr=0.01"),
    ("Adam", "lr=0.01, amsgrad=True, weight_decay=0.1, maximize=True"), ("AdamW", "lr=0.01, amsgrad=True"),
    ("RMSprop", "lr=0.01, momentum=0.9, centered=True, weight_decay=0.01"), ("Adagrad", "lr=0.1, lr_decay=0.01"),
    ("Adagrad", "initial_accumulator_value=0.5")])
def test_groups_state_versions_and_repr(cls, args):
    """Two groups (one with its own lr), a parameter whose grad is None skipped, zero_grad both ways, the state's
    keys, dtypes and versions, state_dict() and the repr."""
    same_as_torch(GROUPS.format(cls=cls, args=args))


def test_defaults_repr_of_each_optimizer():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
for cls in (torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adagrad):
    opt = cls([w])
    print(opt)
    print(opt.defaults)
    print(type(opt).__name__, opt.param_groups[0]["params"][0] is w)
''')


def test_a_changed_learning_rate_takes_effect():
    same_as_torch('''
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.5)
for lr in (0.1, 0.5, 0.0, 0.25):
    opt.param_groups[0]["lr"] = lr
    opt.zero_grad()
    (w * w).sum().backward()
    opt.step()
    print(w, opt.param_groups[0]["lr"])
opt.param_groups[0]["momentum"] = 0.9
opt.zero_grad(); (w * w).sum().backward(); opt.step()
print(w, opt.state[w])
''')


def test_add_param_group():
    same_as_torch('''
w = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([3.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
opt.add_param_group({"params": v, "betas": (0.5, 0.6)})
print(opt)
print(len(opt.param_groups), opt.param_groups[1]["params"][0] is v)
(w.sum() + (v * v).sum()).backward()
opt.step()
print(w, v, opt.state[v])
opt.add_param_group({"params": [v]})
''')


def test_step_with_a_closure_returns_its_loss():
    same_as_torch('''
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
def closure():
    opt.zero_grad()
    loss = (w * w).sum()
    print("grad enabled in the closure:", torch.is_grad_enabled())
    loss.backward()
    return loss
for i in range(3):
    print(opt.step(closure), w)
print(opt.step(), torch.is_grad_enabled())
''')


def test_zero_grad_set_to_none_and_in_place():
    same_as_torch('''
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w * 3).sum().backward()
g = w.grad
opt.zero_grad(set_to_none=False)
print(w.grad, w.grad is g, g._version)
(w * 2).sum().backward()
print(w.grad, w.grad is g, g._version)
opt.zero_grad()
print(w.grad, g)
opt.zero_grad(False)
print(w.grad)
w.grad = torch.tensor([1.0, 1.0], requires_grad=True) * 2
print(w.grad.grad_fn is not None)
opt.zero_grad(set_to_none=False)
print(w.grad, w.grad.requires_grad, w.grad.grad_fn)
''')


def test_state_dict_round_trip_continues_the_same_run():
    same_as_torch('''
torch.manual_seed(0)
def make():
    w = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
    return w, torch.optim.Adam([w], lr=0.05, amsgrad=True)
def train(w, opt, n):
    for i in range(n):
        opt.zero_grad()
        (w * w * w).sum().backward()
        opt.step()
w1, o1 = make()
train(w1, o1, 6)
w2, o2 = make()
train(w2, o2, 3)
sd = o2.state_dict()
w3, o3 = make()
with torch.no_grad():
    w3.copy_(w2)
o3.load_state_dict(sd)
print(o3.state_dict())
print(o3.state[w3]["exp_avg"] is sd["state"][0]["exp_avg"], o3.state[w3]["step"] is sd["state"][0]["step"])
print(o3.param_groups[0] is sd["param_groups"][0], o3.param_groups[0]["params"][0] is w3)
sd["param_groups"][0]["lr"] = 1.0
print(o3.param_groups[0]["lr"])
train(w3, o3, 3)
print(torch.equal(w1, w3), w1, w3)
print(o2.state[w2]["step"], sd["state"][0]["step"])
''')


def test_load_state_dict_casts_to_the_parameter_dtype_and_keeps_unknown_keys():
    same_as_torch('''
w = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
sd = {"state": {0: {"momentum_buffer": torch.tensor([1.0, 1.0])}, "extra": {"x": 1}},
      "param_groups": [{"lr": 0.5, "momentum": 0.9, "dampening": 0, "weight_decay": 0, "nesterov": False,
                        "maximize": False, "foreach": None, "differentiable": False, "fused": None, "params": [0]}]}
opt.load_state_dict(sd)
print(opt.state[w], opt.state["extra"], opt.param_groups[0]["lr"])
w.grad = torch.ones(2, dtype=torch.float64)
opt.step()
print(w)
''')


@pytest.mark.parametrize("bad", [
    '{"state": {}, "param_groups": []}',
    '{"state": {}, "param_groups": [{"params": [0, 1], "lr": 0.1}]}',
])
def test_load_state_dict_errors(bad):
    same_as_torch(f'''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
opt.load_state_dict({bad})
''')


@pytest.mark.parametrize("call", [
    "torch.optim.SGD([], lr=0.1)",
    "torch.optim.SGD(w, lr=0.1)",
    "torch.optim.SGD([w, 1.5], lr=0.1)",
    "torch.optim.SGD([w * 2], lr=0.1)",
    "torch.optim.SGD([{'params': [w]}, {'params': [w, v]}], lr=0.1)",
    "torch.optim.SGD([w], lr=-0.1)",
    "torch.optim.SGD([w], lr=0.1, momentum=-1)",
    "torch.optim.SGD([w], lr=0.1, weight_decay=-1)",
    "torch.optim.SGD([w], lr=0.1, nesterov=True)",
    "torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)",
    "torch.optim.Adam([w], lr=-1)",
    "torch.optim.Adam([w], eps=-1)",
    "torch.optim.Adam([w], betas=(1.0, 0.999))",
    "torch.optim.Adam([w], betas=(0.9, -0.1))",
    "torch.optim.Adam([w], betas=(1, 0.999))",
    "torch.optim.Adam([w], weight_decay=-0.5)",
    "torch.optim.AdamW([w], lr=-2)",
    "torch.optim.RMSprop([w], alpha=-1)",
    "torch.optim.RMSprop([w], momentum=-1)",
    "torch.optim.Adagrad([w], lr_decay=-1)",
    "torch.optim.Adagrad([w], initial_accumulator_value=-1)",
    "torch.optim.Adagrad([w], eps=-1)",
    "torch.optim.SGD([w], lr=0.1).add_param_group([v])",
    "torch.optim.SGD([w], lr=0.1).add_param_group({'params': {v}})",
    "torch.optim.SGD([w], lr=0.1).add_param_group({'params': [w]})",
    "torch.optim.SGD(iter([]), lr=0.1)",
    "torch.optim.SGD([('a', w), v], lr=0.1)",
])
def test_errors(call):
    same_as_torch(f'''
w = torch.tensor([1.0], requires_grad=True)
v = torch.tensor([2.0], requires_grad=True)
print({call})
''')


def test_duplicate_parameters_warn():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w, w], lr=0.1)
print(len(opt.param_groups[0]["params"]))
''')


def test_named_parameters():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
v = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.SGD([("w", w), ("v", v)], lr=0.1)
print(opt.param_groups[0]["param_names"], opt.state_dict()["param_groups"])
''')


def test_a_graph_that_saved_a_parameter_fails_after_step():
    """The GAN / actor-critic error: step() changed, in place, a parameter a second backward still needs."""
    same_as_torch('''
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
x = torch.tensor([0.5, -1.0, 2.0])
opt = torch.optim.Adam([w], lr=0.1)
critic = (w * x).sum()
actor = (w * w).sum()
critic.backward(retain_graph=True)
opt.step()
print(w._version)
actor.backward()
''')


def test_retained_grad_tensor_may_be_optimized():
    same_as_torch('''
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
b.retain_grad()
opt = torch.optim.SGD([b], lr=0.1)
(b * b).sum().backward()
opt.step()
print(b)
''')


def test_step_runs_under_no_grad_even_with_grad_mode_on():
    same_as_torch('''
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.1, momentum=0.5)
(w * w).sum().backward()
opt.step()
print(w, w.grad_fn, opt.state[w]["momentum_buffer"].requires_grad)
''')


def test_float64_parameters():
    same_as_torch('''
w = torch.tensor([1.0, -2.0], dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)
for i in range(5):
    opt.zero_grad()
    (w * w * 3).sum().backward()
    opt.step()
    print(w.tolist())
''')


def test_results_as_numbers_are_torch_bits():
    """Sanity of the comparison itself: the floats printed by tolist() carry every bit of a float32."""
    if torch is None:
        pytest.skip("torch is not installed")
    x = np.float32(1) + np.float32(2 ** -23)
    assert repr(float(x)) != repr(1.0)


def test_a_programs_own_optimizer_subclass():
    same_as_torch('''
class Halving(torch.optim.Optimizer):
    def __init__(self, params, lr=0.5):
        super().__init__(params, dict(lr=lr))

    def step(self, closure=None):
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is not None:
                        self.state[p]["count"] = self.state[p].get("count", 0) + 1
                        p.add_(p.grad, alpha=-group["lr"])
                group["lr"] = group["lr"] / 2

w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = Halving([w])
print(opt)
for i in range(3):
    opt.zero_grad()
    (w * w).sum().backward()
    opt.step()
    print(w, w._version, opt.param_groups[0]["lr"])
print(opt.state_dict())
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
print(sched.get_last_lr())
''')


def test_step_hooks():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
seen = []
h1 = opt.register_step_pre_hook(lambda o, args, kwargs: seen.append(("pre", w.tolist())))
h2 = opt.register_step_post_hook(lambda o, args, kwargs: seen.append(("post", w.tolist())))
w.grad = torch.tensor([1.0])
opt.step()
h1.remove()
opt.step()
print(seen)
''')


def test_state_is_a_defaultdict_keyed_by_tensor():
    same_as_torch('''
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
print(opt.state, type(opt.state))
(w * w).sum().backward()
opt.step()
print(opt.state)
print(type(opt.state).__name__, len(opt.state), w in opt.state, list(opt.state.keys())[0] is w)
for p, s in opt.state.items():
    print(p, s)
print(opt.state.get(torch.ones(1)), len(opt.state))
print(opt.state[torch.ones(1)], len(opt.state))
''')


GRAD_SOURCES = ['(w*w).sum()', '(w*3).sum()', 'w.sum() + (w*2).sum()', '(w*2).sum() + w.sum()', 'w.sum() + w.sum()',
                'w.sum() + w.sum() + w.sum()', '(w*2).sum() + (w*3).sum() + (w*4).sum()', '(w*w*w).sum()',
                'w[0] + w[1]', '((w*2) + (w*2)).exp().sum()', '(w.view(2,1) * w.view(1,2)).sum()',
                'w.dot(w) + (w*w).sum()']


@pytest.mark.parametrize("loss", GRAD_SOURCES)
def test_grad_version_after_backward_and_zero_grad(loss):
    """Backward adds a leaf's gradients in place where PyTorch's input buffer does (the first one buffered, when
    dense and referenced nowhere else), so `.grad._version` counts those adds; zero_grad(False) adds one more."""
    same_as_torch(f'''
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
({loss}).backward()
print(w.grad, w.grad._version)
opt.zero_grad(set_to_none=False)
({loss}).backward()
print(w.grad, w.grad._version)
w = torch.tensor([1.0, 2.0], requires_grad=True)
g, = torch.autograd.grad(({loss}), w, create_graph=True)  # out of place under create_graph
print(g._version)
''')


def test_class_names_and_modules():
    same_as_torch('''
w = torch.tensor([1.0], requires_grad=True)
for cls in (torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adagrad):
    opt = cls([w], lr=0.1)
    print(type(opt), isinstance(opt, torch.optim.Optimizer))
s = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
print(type(s), repr(s).split(" object at ")[0])
print(type(torch.optim.lr_scheduler.ReduceLROnPlateau(opt)))
torch.optim.SGD([w, opt])
''')

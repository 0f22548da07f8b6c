"""Classes of difference found by the twelfth round's held-out torch.nn training programs (held12c), one
differential program each, run under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402
import forum_runner  # noqa: E402

PROGRAMS = {
"init_names_without_the_underscore_warn_and_initialise": """
w = torch.empty(3, 4)
for i in range(2):
    nn.init.normal(w, std=0.1)
print(w)
nn.init.xavier_uniform(w, gain=2.0)
nn.init.kaiming_normal(w, mode='fan_out')
print(w)
nn.init.constant(w, 0.3)
nn.init.uniform(w, -1, 1)
print(w)
nn.init.eye(w)
print(w, nn.init.orthogonal(torch.empty(2, 2)).shape, nn.init.xavier_normal.__name__)
print(nn.init.dirac(torch.empty(2, 2, 3)).sum())
nn.init.kaiming_uniform(w)
nn.init.sparse(w, 0.5)
print(w.shape)
try:
    nn.init.uniform(w, bad=1)
except TypeError as e:
    print(type(e).__name__, e)
""",
"a_range_is_a_sequence_as_data_and_as_an_index": """
def nll(input, target):  # (the tutorial "What is torch.nn really?")
    return -input[range(target.shape[0]), target].mean()
logp = torch.log_softmax(torch.randn(4, 3, requires_grad=True), -1)
loss = nll(logp, torch.tensor([0, 2, 1, 1]))
loss.backward()
print(loss)
x = torch.arange(12.).view(3, 4)
print(x[range(2)], x[range(3), [0, 1, 3]], x[range(0)], x[range(0, 3, 2)], x[:, range(2)], x[(range(2),)])
print(x[[range(2), 0]], x[range(3), torch.tensor([1, 1, 2])])
y = x.clone()
y[range(2)] = 0
y[range(3), range(3)] = -1
print(y)
z = x.clone().requires_grad_()
z[range(3), [0, 1, 2]].sum().backward()
print(z.grad)
print(torch.tensor(range(3)), torch.tensor(range(0)), torch.tensor([range(2), range(2)]))
print(torch.tensor(range(2, 8, 3), dtype=torch.float32), torch.as_tensor(range(3)), torch.LongTensor(range(3)))
print(torch.tensor((range(1), range(1))), torch.zeros(3).new_tensor(range(2)), torch.Tensor(range(4)))
for f in [lambda: x[range(4)], lambda: x[range(2), range(2), range(2)], lambda: torch.tensor([range(2), range(3)])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"layers_reset_their_parameters_and_running_stats_where_their_class_has_the_method": """
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(), nn.LazyLinear(3),
                      nn.LayerNorm(3), nn.Embedding(4, 3), nn.GRU(3, 3), nn.LSTMCell(2, 2), nn.PReLU(),
                      nn.InstanceNorm1d(2, affine=True, track_running_stats=True), nn.GroupNorm(1, 2), nn.Bilinear(2, 2, 1))
model[1](torch.randn(2, 2, 4, 4))
print(model[1].running_mean, model[1].num_batches_tracked)
print([hasattr(m, 'reset_parameters') for m in model], [hasattr(m, 'reset_running_stats') for m in model])
print(model[4].has_uninitialized_params(), hasattr(model[0], 'has_uninitialized_params'))
torch.manual_seed(3)
for layer in model.children():
    if hasattr(layer, 'reset_parameters'):
        layer.reset_parameters()
print(model[0].weight[0, 0], model[1].running_mean, model[1].num_batches_tracked)
print(model[6].weight, model[7].weight_hh_l0[0], model[9].weight, model[12].weight)
model[1].reset_running_stats()
print(model[1].running_var)
model[4].initialize_parameters(torch.randn(2, 5))
print(model[4].weight.shape, model[4].has_uninitialized_params())
class Mine(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
    def reset_parameters(self):
        nn.init.zeros_(self.fc.weight)
m = Mine()
m.reset_parameters()
print(m.fc.weight, hasattr(nn.Tanh(), 'reset_parameters'))
try:
    nn.ReLU().reset_parameters()
except AttributeError as e:
    print(type(e).__name__, e)
""",
"torch_c_types_refuse_a_format_spec_naming_their_c_type": """
objs = [torch.float32, torch.Size([1]), torch.device('cpu'), torch.strided, torch.contiguous_format,
        torch.finfo(torch.float32), torch.iinfo(torch.int8), nn.Linear(1, 1),
        torch.tensor([1., 2.]).untyped_storage(),
        torch.Generator()]
for o in objs:
    try:
        print(format(o, '>5'))
    except TypeError as e:
        print(e)
    print(f"{o}"[:20], "{:}".format(o)[:20])
x = torch.ones(2, 3)
print(f"{x.shape}|{x.dtype}|{x.device}|{x.layout}|{torch.channels_last}|{x.shape!s:>20}|{str(x.dtype):>15}")
model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))
for name, p in model.named_parameters():
    print(f"{name:<15}{str(p.shape):>25}{p.numel():>10,}")
try:
    print(f"{x.shape:>30}")
except TypeError as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


# Whole scripts run by the language (their imports are the language's): a torch process against a Session.
SCRIPTS = {
"reset_parameters_read_through_the_language": """
import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Conv1d(1, 1, 2), nn.LazyLinear(2))
torch.manual_seed(5)
for layer in model.children():
    if hasattr(layer, 'reset_parameters'):
        layer.reset_parameters()
model[1].reset_running_stats()
print(model[0].weight, model[3].bias, model[1].running_var, model[4].has_uninitialized_params())
""",
"an_optimizer_over_two_models_chained_parameters": """
import itertools
from itertools import chain, product
import torch
import torch.nn as nn
torch.manual_seed(0)
enc, dec = nn.Linear(4, 2), nn.Linear(2, 4)
opt = torch.optim.Adam(itertools.chain(enc.parameters(), dec.parameters()), lr=0.01)
print(len(opt.param_groups[0]['params']))
x = torch.randn(8, 4)
for i in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(dec(enc(x)), x)
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
for lr, bs in product([0.1, 0.01], [4, 8]):
    print(lr, bs)
print(list(itertools.combinations(range(3), 2)), list(itertools.islice(chain([1], [2, 3]), 2)))
print(list(itertools.accumulate([1, 2, 3])), list(itertools.zip_longest([1], [2, 3])))
print(sum(p.numel() for p in chain(enc.parameters(), dec.parameters())))

print(list(itertools.permutations([1, 2, 3])), list(itertools.permutations('ab', 2)), list(itertools.combinations_with_replacement([1, 2], 2)))
print(list(itertools.product([0, 1], repeat=2)), list(itertools.pairwise([1, 2, 3])))
""",
"reproducibility_flags_of_torch_backends_and_the_main_guard": """
import torch
import torch.nn as nn


def main():
    torch.manual_seed(0)
    print(nn.Linear(2, 1)(torch.ones(1, 2)))


if __name__ == "__main__":
    main()
print(__name__)
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, torch.backends.cudnn.enabled)
print(torch.backends.cudnn.is_available(), torch.backends.cudnn.version(), torch.backends.cudnn.allow_tf32)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark_limit)
print(torch.backends.mps.is_available(), torch.backends.mkldnn.is_available(), torch.backends.cuda.is_built())
print(torch.backends.cuda.matmul.allow_tf32, torch.get_float32_matmul_precision())
torch.backends.cuda.matmul.allow_tf32 = True
print(torch.backends.cuda.matmul.allow_tf32, torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision('medium')
print(torch.backends.cuda.matmul.allow_tf32, torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision('x')
print(torch.get_float32_matmul_precision())
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled())
device = torch.device('cuda' if torch.cuda.is_available() else 'mps' if torch.backends.mps.is_available() else 'cpu')
print(device)
for v in [1, None]:
    try:
        torch.backends.cudnn.deterministic = v
    except RuntimeError as e:
        print(e)
try:
    torch.set_float32_matmul_precision(1)
except RuntimeError as e:
    print(e)
torch.backends.cudnn.benchmark = 'yes'
""",
"a_dataclass_config_and_its_frozen_error": """
import torch
from dataclasses import dataclass, field, asdict
import dataclasses

@dataclass
class Config:
    hidden: int = 8
    lr: float = 1e-2
    layers: list = field(default_factory=lambda: [4, 4])
    name: str = "mlp"

cfg = Config(lr=0.1)
print(cfg)
print(cfg.hidden, cfg.layers, asdict(cfg))
cfg.hidden = 16
print(cfg == Config(hidden=16, lr=0.1), dataclasses.replace(cfg, name='x'))

@dataclass(frozen=True)
class P:
    a: int
    b: float = 2.0
p = P(1)
print(p, hash(p) == hash(P(1)))
print([f.name for f in dataclasses.fields(P)])
p.a = 3
""",
"a_training_run_configured_by_a_dataclass": """
import torch
import torch.nn as nn
from dataclasses import dataclass, field

@dataclass
class TrainConfig:
    lr: float = 0.05
    epochs: int = 3
    hidden: int = 6
    betas: tuple = (0.9, 0.999)

class MLP(nn.Module):
    def __init__(self, cfg: TrainConfig):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 1))
    def forward(self, x):
        return self.net(x)

cfg = TrainConfig(epochs=2)
print(cfg)
torch.manual_seed(0)
model = MLP(cfg)
opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, betas=cfg.betas)
x, y = torch.randn(8, 3), torch.randn(8, 1)
for e in range(cfg.epochs):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(e, loss.item())
TrainConfig(lr=0.1, bad=1)
""",
"a_warmup_schedule_given_as_a_partial": """
import math
from functools import partial, reduce
import torch
import torch.nn as nn

def warmup_cosine(step, warmup, total):
    if step < warmup:
        return (step + 1) / warmup
    return 0.5 * (1 + math.cos(math.pi * (step - warmup) / (total - warmup)))

torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=partial(warmup_cosine, warmup=2, total=6))
for step in range(7):
    opt.step()
    sched.step()
    print(step, f"{sched.get_last_lr()[0]:.6f}")
print(reduce(lambda a, b: a * b, [p.numel() for p in model.parameters()]))
f = partial(torch.clamp, min=0.0)
print(f(torch.tensor([-1.0, 2.0])))
print(sched.state_dict()['lr_lambdas'])
""",
"state_dict_saved_to_and_loaded_from_an_in_memory_file": """
import torch
import torch.nn as nn
import io
torch.manual_seed(0)
m = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3))
m(torch.randn(4, 2))
buf = io.BytesIO()
torch.save(m.state_dict(), buf)
print(buf.tell() > 0, buf.seek(0))
sd = torch.load(buf)
print(sd)
m2 = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3))
print(m2.load_state_dict(sd))
b2 = io.BytesIO()
opt = torch.optim.Adam(m.parameters())
torch.save({'opt': opt.state_dict(), 'w': m[0].weight}, b2)
r = torch.load(io.BytesIO(b2.getvalue()), weights_only=True)
print(r['w'], type(r['w']).__name__, r['opt'])
try:
    torch.load(b2)
except EOFError as e:
    print('EOFError', repr(str(e)))
torch.load(b2)
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_fidelity_round12_held12c_script_prints_as_torch(name, tmp_path):
    path = tmp_path / f"{name}.py"
    path.write_text(SCRIPTS[name].lstrip())
    pytest.importorskip("torch")
    assert forum_runner.run_in_language(path) == forum_runner.run_in_torch([path])[path]


def test_combinatorial_itertools_are_refused_before_they_fill_memory():
    from tensorsh.lang.session import Session
    import io
    out, err = io.StringIO(), io.StringIO()
    error = Session(write=out.write, write_err=err.write).run(
        "import itertools\nn = 0\nfor p in itertools.permutations(range(4)):\n    n += 1\nprint(n)\n"
        "x = list(itertools.product(range(1000), repeat=3))\n", "prog.tsh")
    assert out.getvalue() == "24\n"
    assert error.last_line() == ("MemoryError: product() of 1000000000 items is too long (tensorsh's limit is "
                                 "10000000)")


def test_a_failed_statement_takes_back_the_backend_flags_it_set():
    from tensorsh.engine.torch_api import reset_state
    from tensorsh.lang.session import Session
    import io
    reset_state()
    out, err = io.StringIO(), io.StringIO()
    session = Session(write=out.write, write_err=err.write)
    error = session.run("import torch\ndef f():\n    torch.backends.cudnn.benchmark = True\n"
                        "    torch.set_float32_matmul_precision('high')\n    raise ValueError('no')\nf()\n", "prog.tsh")
    assert error.last_line() == "ValueError: no"
    session.run("print(torch.backends.cudnn.benchmark, torch.get_float32_matmul_precision())\n", "prog.tsh")
    assert out.getvalue() == "False highest\n"

"""torch.optim from the language: a training loop as a program writes it, the in-place error's blame note, and
a failed statement leaving optimizers and schedulers as they were."""
import contextlib
import io

import pytest

from tensorsh.lang.errors import format_error
from tensorsh.lang.session import Session

try:
    import torch
except ImportError:
    torch = None


def session():
    out = []
    return Session(write=out.append, write_err=out.append), out


def run_all(src):
    """Each top-level chunk (separated by blank lines) run in turn; a failing one's report is its output."""
    s, out = session()
    for chunk in src.strip().split("\n\n"):
        err = s.run(chunk + "\n", "t.tsh")
        if err is not None:
            out.append(format_error(err))
    return "".join(out)


def in_torch(src):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(src, {"torch": torch})
    return out.getvalue()


TRAINING = '''
import torch
torch.manual_seed(0)
w = torch.randn(3, 2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
x = torch.randn(8, 3)
y = torch.randn(8, 2)
opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9, weight_decay=0.01)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=5, gamma=0.5)
print(opt)
for epoch in range(12):
    opt.zero_grad()
    loss = ((w[0] * x[:, :1] + w[1] * x[:, 1:2] + w[2] * x[:, 2:] + b - y) ** 2).mean()
    loss.backward()
    opt.step()
    sched.step()
    print(epoch, f"{loss.item():.6f}", sched.get_last_lr(), w._version)
print(w, b)
print(opt.state[w]["momentum_buffer"])
print(opt.param_groups[0]["lr"], opt.param_groups[0]["initial_lr"])
opt.param_groups[0]["lr"] = 0.5
opt.zero_grad(set_to_none=False)
print(w.grad, b.grad._version)
'''


def same_program_output(src):
    """The program, verbatim, prints in tensorsh what it prints in PyTorch."""
    if torch is None:
        pytest.skip("torch is not installed")
    s, out = session()
    assert s.run(src, "t.tsh") is None
    assert "".join(out) == in_torch(src)


def test_training_loop_prints_what_torch_prints():
    same_program_output(TRAINING)


def test_in_place_error_after_step_names_the_step_line():
    text = run_all('''
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
loss = (w * w).sum()
loss.backward(retain_graph=True)

opt.step()

loss.backward()
''')
    assert "t.tsh:1:1: note: this statement modified, in place, a tensor that backward needed\n    1 | opt.step()" in text
    assert text.endswith("RuntimeError: one of the variables needed for gradient computation has been modified by "
                         "an inplace operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. "
                         "Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
                         "with torch.autograd.set_detect_anomaly(True, check_nan=False).\n")


@pytest.mark.parametrize("opt", ["torch.optim.SGD([w], lr=0.1, momentum=0.9)", "torch.optim.Adam([w], lr=0.1)",
                                 "torch.optim.RMSprop([w], lr=0.1, centered=True)", "torch.optim.Adagrad([w])"])
def test_a_failed_statement_leaves_the_optimizer_as_it_was(opt):
    before = '''
print(w, w._version, w.grad)
print(opt.state_dict())
print(sched.state_dict(), sched.get_last_lr())
'''
    text = run_all(f'''
import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = {opt}
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
(w * w).sum().backward()
opt.step()
sched.step()
{before}
print(opt.step(), sched.step(), opt.zero_grad(), nope)
{before}
print(opt.state[torch.ones(1)], nope)

print(len(opt.state))
''')
    lines = text.splitlines()
    shown = [i for i, line in enumerate(lines) if line.startswith("tensor([")]
    assert len(shown) == 2 and lines[shown[0]:shown[0] + 3] == lines[shown[1]:shown[1] + 3]  # `before`, twice
    assert lines[-1] == "1" and text.count("NameError: name 'nope' is not defined") == 2


def test_optimizer_repr_and_attributes_from_the_language():
    text = run_all('''
import torch.optim as optim
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = optim.AdamW([w], lr=0.01)
print(opt)
print(opt.defaults["betas"], len(opt.param_groups))
''')
    assert text == ("AdamW (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    capturable: False\n"
                    "    decoupled_weight_decay: True\n    differentiable: False\n    eps: 1e-08\n    foreach: None\n"
                    "    fused: None\n    lr: 0.01\n    maximize: False\n    weight_decay: 0.01\n)\n"
                    "(0.9, 0.999) 1\n")


def test_show_an_optimizer_lists_parameters_versions_grads_and_state():
    from tensorsh.render import default_renderer
    out = []
    s = Session(write=out.append, write_err=out.append, renderer=default_renderer())
    assert s.run('''
import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.1)
(w * w).sum().backward()
opt.step()
show(opt)
''', "t.tsh") is None
    assert "".join(out) == (
        "opt: Adam, group 0: lr=0.1\n"
        "group  param  shape  ver  grad       state\n"
        "────────────────────────────────────────────────────────────────────\n"
        "0      w      (2,)   1    [2., -4.]  step: 1\n"
        "                                     exp_avg: v1 [0.2000, -0.4000]\n"
        "                                     exp_avg_sq: v2 [0.0040, 0.0160]\n"
        "0      b      (1,)   0    None       (none yet)\n")


def test_show_lbfgs_lists_its_history_briefly_and_as_text():
    """LBFGS keeps lists (its history, `al` with unset slots): shown as their tensors, never read as rich markup."""
    from tensorsh.render import default_renderer
    out = []
    s = Session(write=out.append, write_err=out.append, renderer=default_renderer())
    assert s.run('''
import torch
w = torch.tensor([1.5, -0.5], requires_grad=True)
opt = torch.optim.LBFGS([w], max_iter=3)
def closure():
    opt.zero_grad()
    l = ((w - 1) ** 2).sum()
    l.backward()
    return l
opt.step(closure)
show(opt)
''', "t.tsh") is None
    text = "".join(out)
    for line in ("func_evals: 3", "al: [1] (1 of 100 set)", "d: v1 [-0.2500, 0.7500]",
                 "old_dirs: [v0 [-0.5000, 1.5000]]", "ro: [0.8]", "H_diag: 0.5", "prev_loss: 0.625"):
        assert line in text


LAMBDA = '''
import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda e: 0.5 ** e)
for i in range(3):
    opt.step()
    sched.step()
print(sched.get_last_lr(), sched.last_epoch)
print(sched.state_dict())
print(opt)
'''


def test_a_programs_lambda_drives_lambda_lr_and_is_not_saved():
    same_program_output(LAMBDA)


def test_a_subclass_step_is_hooked_and_journaled():
    """A subclass's own step (as a program defines it) runs between the step hooks, and what it changes in the
    optimizer's state is undone with a failed statement."""
    from tensorsh.engine import creation, undo
    from tensorsh.optim import Optimizer

    class Counting(Optimizer):
        def __init__(self, params):
            super().__init__(params, {"lr": 0.5})

        def step(self, closure=None):
            for group in self.param_groups:
                for p in group["params"]:
                    self.state[p]["count"] = self.state[p].get("count", 0) + 1

    w = creation.tensor([1.0], requires_grad=True)
    opt = Counting([w])
    seen = []
    opt.register_step_post_hook(lambda o, args, kwargs: seen.append(o.state[w]["count"]))
    opt.step()
    with undo.recording() as journal:
        opt.step()
        opt.state[creation.ones(1)]
    assert seen == [1, 2] and len(opt.state) == 2
    journal.rollback()
    assert opt.state == {w: {"count": 1}}

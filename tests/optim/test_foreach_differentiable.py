"""A tensor lr, foreach=True and differentiable=True against torch: values bit for bit (torch's sqrt patched in, as
for the other exact comparisons), versions, state, the gradients that flow through a differentiable step, errors."""
import pytest

from optim_vs_torch import TRAINING, same_as_torch

TENSOR_LR_AND_FOREACH = {}
for cls in ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad"):
    for extra in ("", ", foreach=True", ", foreach=False", ", momentum=0.9" if cls in ("SGD", "RMSprop") else ", weight_decay=0.1"):
        for lr in ("torch.tensor(0.01)", "torch.tensor([0.05])", "torch.tensor(0.02, dtype=torch.float64)"):
            TENSOR_LR_AND_FOREACH[f"{cls}_{lr}{extra}"] = TRAINING.format(
                seed=0, cls=cls, args=f"lr={lr}{extra}", steps=5) + "print(opt)\nprint(opt.state_dict()['param_groups'])\n"
FOREACH = '''
torch.manual_seed(0)
w = torch.randn(4, 5, requires_grad=True)
b = torch.randn(5, requires_grad=True)
x = torch.rand(4, 5) + 0.5
y = torch.randn(4, 5)
opt = torch.optim.{cls}([w, b], {args})
for i in range(6):
    opt.zero_grad(set_to_none=(i % 2 == 0))
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()
    g = w.grad
    opt.step()
    print(w.tolist(), b.tolist(), w._version, b._version, w.grad.tolist(), w.grad is g, w.grad._version)
    print(sorted((k, v.tolist(), v._version) for k, v in opt.state[w].items() if v is not None))
'''
for cls, args in (("SGD", "lr=0.05, momentum=0.9, nesterov=True"), ("SGD", "lr=0.05, momentum=0.9, dampening=0.2, weight_decay=0.1"),
                  ("SGD", "lr=0.05, momentum=0.9, nesterov=True, maximize=True"), ("SGD", "lr=0.05"),
                  ("Adam", "lr=0.01, amsgrad=True, weight_decay=0.1"), ("Adam", "lr=0.01, maximize=True, weight_decay=0.1"),
                  ("AdamW", "lr=0.01"), ("RMSprop", "lr=0.01, momentum=0.9, centered=True"),
                  ("Adagrad", "lr=0.1, lr_decay=0.01"), ("Adagrad", "lr=0.1, weight_decay=0.1, maximize=True")):
    TENSOR_LR_AND_FOREACH[f"foreach {cls}({args})"] = FOREACH.format(cls=cls, args=args + ", foreach=True")

DIFFERENTIABLE = {}
DIFF = '''
torch.manual_seed(0)
w0 = torch.randn(3, 4, requires_grad=True)
lr = torch.tensor(0.05, requires_grad=True)
w = w0.clone()
opt = torch.optim.{cls}([w], {args})
x = torch.randn(3, 4)
for i in range(3):
    loss = ((w * x - 1) ** 2).mean()
    g, = torch.autograd.grad(loss, w, create_graph=True)
    w.grad = g
    opt.step()
    print(w.grad_fn.name(), w._version, w.requires_grad, w.is_leaf)
    print(sorted((k, v.requires_grad, v.grad_fn and v.grad_fn.name()) for k, v in opt.state[w].items() if v is not None))
print(w)
final = ((w * x - 1) ** 2).mean()
final.backward()
print(w0.grad)
print(lr.grad)
'''
for cls, args in (("SGD", "lr=0.05, differentiable=True"), ("SGD", "lr=lr, differentiable=True"),
                  ("SGD", "lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1, differentiable=True"),
                  ("SGD", "lr=lr, momentum=0.9, maximize=True, differentiable=True"),
                  ("Adam", "lr=0.05, differentiable=True"), ("Adam", "lr=lr, differentiable=True"),
                  ("Adam", "lr=0.05, amsgrad=True, weight_decay=0.1, differentiable=True"),
                  ("AdamW", "lr=lr, amsgrad=True, differentiable=True")):
    DIFFERENTIABLE[f"differentiable {cls}({args})"] = DIFF.format(cls=cls, args=args)
DIFFERENTIABLE["differentiable_errors"] = '''
p = torch.randn(3, requires_grad=True)
p.grad = torch.randn(3)
for make in (lambda: torch.optim.SGD([p], differentiable=True), lambda: torch.optim.Adam([p], differentiable=True),
             lambda: torch.optim.SGD([p], differentiable=True, foreach=True),
             lambda: torch.optim.Adam([p], differentiable=True, foreach=True),
             lambda: torch.optim.Adam([p], differentiable=True, fused=True),
             lambda: torch.optim.SGD([p], foreach=True, fused=True), lambda: torch.optim.Adam([p], capturable=True),
             lambda: torch.optim.Adam([p], capturable=True, foreach=True),
             lambda: torch.optim.Adam([p], lr=torch.tensor(0.1), foreach=True),
             lambda: torch.optim.Adagrad([p], fused=True, foreach=True),
             lambda: torch.optim.SGD([p.clone()]), lambda: torch.optim.SGD([p.clone()], differentiable=True)):
    try:
        opt = make()
        opt.step()
        print(type(opt).__name__, 'ok', p._version)
    except Exception as e:
        print(type(e).__name__, e)
q = torch.randn(3, requires_grad=True).clone()
q.grad = torch.ones(3)
opt = torch.optim.Adam([q], differentiable=True)
opt.step()
opt.state[q]['step'].requires_grad_()
try:
    opt.step()
except RuntimeError as e:
    print(e)
opt = torch.optim.Adam([q], lr=0.1, foreach=False)
opt.param_groups[0]['foreach'] = True
opt.param_groups[0]['lr'] = torch.tensor(0.1)
try:
    opt.step()
except RuntimeError as e:
    print(e, len(opt.state))
print(opt)
'''
for cls, args in (("RMSprop", "lr=0.01, differentiable=True"), ("RMSprop", "lr=0.01, momentum=0.9, centered=True, differentiable=True"),
                  ("Adagrad", "lr=0.1, differentiable=True"), ("Adam", "lr=0.05, betas=(torch.tensor(0.8), torch.tensor([0.99])), differentiable=True")):
    DIFFERENTIABLE[f"differentiable {cls}({args})"] = DIFF.format(cls=cls, args=args)
DIFFERENTIABLE["tensor betas"] = '''
torch.manual_seed(0)
w = torch.randn(4, 5, requires_grad=True)
for kw in (dict(), dict(fused=True), dict(foreach=True), dict(amsgrad=True)):
    try:
        opt = torch.optim.Adam([w], lr=0.01, betas=(torch.tensor(0.8), torch.tensor([0.99])), **kw)
        for i in range(3):
            w.grad = torch.randn(4, 5)
            opt.step()
        print(w.tolist(), sorted((k, v.tolist()) for k, v in opt.state[w].items()), opt.param_groups[0]['betas'])
    except Exception as e:
        print(type(e).__name__, e)
for betas in ((torch.tensor([0.8, 0.7]), torch.tensor(0.9)), (0.9, torch.tensor(0.9))):
    try:
        torch.optim.Adam([w], betas=betas)
    except Exception as e:
        print(type(e).__name__, e)
'''


@pytest.mark.parametrize("name", sorted(TENSOR_LR_AND_FOREACH))
def test_tensor_lr_and_foreach(name, torch_sqrt):
    same_as_torch(TENSOR_LR_AND_FOREACH[name])


@pytest.mark.parametrize("name", sorted(DIFFERENTIABLE))
def test_differentiable(name, torch_sqrt):
    same_as_torch(DIFFERENTIABLE[name])

import torch
w = torch.ones(2, requires_grad=True)
v = torch.ones(1, requires_grad=True)
try:
    torch.optim.LBFGS([{'params': [w]}, {'params': [v]}])
except ValueError as e:
    print(e)
try:
    torch.optim.LBFGS([w], lr=-1)
except ValueError as e:
    print(e)
opt = torch.optim.LBFGS([w], line_search_fn="foo")
def c():
    opt.zero_grad(); l = (w * w).sum(); l.backward(); return l
try:
    opt.step(c)
except RuntimeError as e:
    print(e)
try:
    opt.step()
except TypeError as e:
    print(e)

import torch
torch.manual_seed(2)
x = torch.randn(4, dtype=torch.float64, requires_grad=True)
opt = torch.optim.LBFGS([x], tolerance_grad=1e-5, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    l = (x.exp() - 2 * x).sum()
    l.backward()
    return l
print(opt.step(closure), opt.step(closure))
print(x, opt.state[x]['n_iter'])

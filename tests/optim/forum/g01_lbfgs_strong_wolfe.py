import torch
torch.manual_seed(0)
A = torch.randn(5, 3)
b = torch.randn(5)
x = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([x], lr=1, max_iter=10, history_size=3, line_search_fn="strong_wolfe")
print(opt)
def closure():
    opt.zero_grad()
    loss = ((A @ x - b) ** 2).sum() + (x ** 4).sum()
    loss.backward()
    return loss
for i in range(3):
    l = opt.step(closure)
    print(i, l, x)
st = opt.state[x]
print(st['func_evals'], st['n_iter'], len(st['old_dirs']), st['t'], st['H_diag'])
print(x._version)

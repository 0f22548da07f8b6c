import torch
w = torch.tensor([1.5, -0.5], requires_grad=True)
def rosen(w):
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2
opt = torch.optim.LBFGS([w], lr=0.5, max_iter=20, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    l = rosen(w)
    l.backward()
    return l
for i in range(4):
    print(opt.step(closure).item())
print(w)
print(sorted(opt.state_dict()['state'][0].keys()))
print(opt.state_dict()['param_groups'])

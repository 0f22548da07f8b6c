import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.1, maximize=True)
for i in range(3):
    opt.zero_grad()
    (w * w).sum().backward()
    opt.step()
    print(w.data, opt.state[w]['momentum_buffer'])
print(opt.param_groups[0].keys())

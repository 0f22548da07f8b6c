import torch
torch.manual_seed(3)
w = torch.randn(2, 2, requires_grad=True)
opt = torch.optim.RMSprop([w], lr=0.01, alpha=0.9, momentum=0.5, centered=True)
for _ in range(4):
    opt.zero_grad()
    loss = (w @ w).sum()
    loss.backward()
    opt.step()
print(w)
print(opt.state[w]['square_avg'])
print(opt.state[w]['grad_avg'])
opt2 = torch.optim.Adagrad([w], lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1)
for _ in range(3):
    opt2.zero_grad()
    (w.sin()).sum().backward()
    opt2.step()
print(w)
print(opt2.state[w]['sum'])

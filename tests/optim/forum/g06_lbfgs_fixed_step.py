import torch
torch.manual_seed(0)
x = torch.randn(8, 2)
y = (x[:, :1] * 2 - x[:, 1:]) 
w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.LBFGS([w, b], lr=1, max_iter=5)
def closure():
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    loss.backward()
    return loss
for _ in range(2):
    print(opt.step(closure))
print(w, b)

import torch
torch.manual_seed(0)
x = torch.randn(10, 2)
y = x @ torch.tensor([[2.], [-1.]]) + 0.5
w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w, b], lr=0.1)
def closure():
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    loss.backward()
    return loss
for i in range(5):
    l = opt.step(closure)
    print(i, l.item(), l.grad_fn)
print(w, b)
opt2 = torch.optim.RMSprop([w], lr=0.01, alpha=0.9, momentum=0.5, centered=True)
print(opt2)
for i in range(3):
    opt2.step(closure)
print(opt2.state[w].keys())
print(w)
ada = torch.optim.Adagrad([b], lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1)
print(ada)
for i in range(3):
    ada.step(closure)
print(b, ada.state[b]['sum'])

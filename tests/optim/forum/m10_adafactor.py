import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
opt = torch.optim.Adafactor(model.parameters(), lr=0.05, weight_decay=0.01)
print(opt)
x = torch.randn(4, 3); y = torch.randn(4, 1)
for i in range(5):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(i, loss.item())
st = opt.state[model[0].weight]
print(sorted(st.keys()), st['step'], st['row_var'], st['col_var'])
print(opt.state[model[0].bias]['variance'])
print(model[2].weight, model[0].weight._version)
w = torch.randn(2, 3, 4, requires_grad=True)
o2 = torch.optim.Adafactor([w], maximize=True, eps=(1e-30, 1e-3), d=2.0)
for i in range(3):
    o2.zero_grad()
    (w.sin() * w).sum().backward()
    o2.step()
print(w)
try:
    torch.optim.Adafactor([w], beta2_decay=0.5)
except ValueError as e:
    print('ValueError:', e)

import torch
import torch.nn as nn
torch.manual_seed(1)
m = nn.Linear(3, 1)
x = torch.randn(10, 3, dtype=torch.float32)
y = x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3
opt = torch.optim.LBFGS(m.parameters(), history_size=5, max_iter=4)
for i in range(3):
    def closure():
        opt.zero_grad()
        l = nn.functional.mse_loss(m(x), y)
        l.backward()
        return l
    print(opt.step(closure))
print(m.weight, m.bias)
print(opt.state[m.weight]['func_evals'])

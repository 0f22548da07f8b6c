import torch
import torch.nn as nn
import copy
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
best_loss = float('inf')
best_state = None
x = torch.randn(16, 2); y = torch.randn(16, 1)
for epoch in range(5):
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(x), y)
    loss.backward()
    opt.step()
    if loss.item() < best_loss:
        best_loss = loss.item()
        best_state = copy.deepcopy(net.state_dict())
print(best_loss)
print(best_state['1.running_mean'], best_state['1.num_batches_tracked'])
net.load_state_dict(best_state)
print(net[1].num_batches_tracked, net[1].num_batches_tracked._version)
print(list(best_state.keys()))
sd = net.state_dict()
print(sd['1.running_var'] is net[1].running_var, sd['1.running_var'].data_ptr() == net[1].running_var.data_ptr())

import torch
import torch.nn as nn
torch.manual_seed(0)
w = torch.empty(3, 5)
print(nn.init.uniform_(w, -0.1, 0.1))
print(nn.init.normal_(w, 0, 0.02))
print(nn.init.constant_(w, 0.3))
print(nn.init.zeros_(w), nn.init.ones_(torch.empty(2)))
print(nn.init.eye_(torch.empty(3, 4)))
print(nn.init.xavier_uniform_(w))
print(nn.init.xavier_normal_(w, gain=nn.init.calculate_gain('relu')))
print(nn.init.kaiming_uniform_(w, a=0.1))
print(nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'))
print(nn.init.trunc_normal_(w, std=0.5, a=-0.5, b=0.5))
print(nn.init.orthogonal_(torch.empty(4, 3)))
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('selu'))
lin = nn.Linear(4, 2)
def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        m.bias.data.fill_(0.01)
net = nn.Sequential(lin, nn.ReLU(), nn.Linear(2, 2))
net.apply(init_weights)
print(net[0].weight, net[2].bias, net[0].weight._version, net[0].bias._version)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print(e)
conv = nn.Conv2d(2, 3, 3)
nn.init.kaiming_normal_(conv.weight)
print(conv.weight[0, 0])

import torch
import torch.nn as nn
torch.manual_seed(0)
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)
net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU())
net.apply(weights_init)
print(net[0].weight[0], net[1].weight, net[1].bias)
print(net[0].weight._version, net[1].weight._version)
print(net.state_dict())
print(net.train() is net, net.eval().training)

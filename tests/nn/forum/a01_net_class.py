import torch
import torch.nn as nn
import torch.nn.functional as F

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 3)
        self.drop = nn.Dropout(0.25)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = self.drop(x)
        return self.fc2(x)

torch.manual_seed(0)
net = Net()
print(net)
for name, p in net.named_parameters():
    print(name, p.shape, p.requires_grad)
x = torch.randn(5, 4)
out = net(x)
print(out)
print(out.grad_fn)
net.eval()
print(net.training, net.fc1.training)
print(net(x))
print(sum(p.numel() for p in net.parameters()))

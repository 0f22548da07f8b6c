import torch
import torch.nn as nn
torch.manual_seed(0)
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(2)
        self.drop = nn.Dropout(0.5)
        self.fc = nn.Linear(4 * 2 * 2, 3)
    def forward(self, x):
        x = self.pool(torch.relu(self.bn(self.conv(x))))
        x = torch.flatten(x, 1)
        return self.fc(self.drop(x))
net = CNN()
x = torch.randn(2, 1, 4, 4)
out = net(x)
print(out)
loss = nn.CrossEntropyLoss()(out, torch.tensor([0, 2]))
loss.backward()
print(loss)
print(net.bn.running_mean, net.bn.num_batches_tracked)
net.eval()
with torch.no_grad():
    e = net(x)
print(e, e.requires_grad)
print(net.bn.num_batches_tracked)
print(net.training, net.bn.training, net.drop.training)
net.train(False)
print(net.drop.training)
print(net.state_dict().keys())

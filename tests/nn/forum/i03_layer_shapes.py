import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(2, 3, 8, 8)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 8, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 2))
for layer in net:
    x = layer(x)
    print(type(layer).__name__, tuple(x.shape))
print(x)
emb = nn.Embedding(10, 4)
seq = torch.tensor([[1, 2, 3], [4, 5, 9]])
out = emb(seq).mean(dim=1)
print(out.shape, out.grad_fn)
ln = nn.LayerNorm([3, 4])
print(ln(torch.randn(2, 3, 4)).shape, ln.weight.shape)
print(nn.Unflatten(1, (2, 4))(torch.randn(3, 8)).shape)
print(nn.Softmax(dim=1)(torch.tensor([[1., 2., 3.]])))
print(nn.GELU()(torch.tensor([-1., 0., 1.])), nn.SiLU()(torch.tensor([-1., 0., 1.])))

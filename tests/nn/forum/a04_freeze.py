import torch
import torch.nn as nn
torch.manual_seed(2)
backbone = nn.Sequential(nn.Linear(4, 6), nn.ReLU())
head = nn.Linear(6, 2)
for p in backbone.parameters():
    p.requires_grad = False
x = torch.randn(3, 4)
feat = backbone(x)
print(feat.requires_grad, feat.grad_fn)
out = head(feat)
out.sum().backward()
print(backbone[0].weight.grad, head.weight.grad)
backbone.requires_grad_(True)
print([p.requires_grad for p in backbone.parameters()])
feat = backbone(x).detach()
loss = head(feat).pow(2).mean()
loss.backward()
print(backbone[0].weight.grad)
print(head.bias.grad)
opt = torch.optim.Adam(filter(lambda p: p.requires_grad, head.parameters()), lr=1e-2)
opt.step()
print(head.bias)
print(opt)

import torch
import torch.nn as nn
torch.manual_seed(0)
G = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
D = nn.Sequential(nn.Linear(2, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
og = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
od = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
crit = nn.BCEWithLogitsLoss()
real = torch.randn(16, 2) + 3
for it in range(4):
    z = torch.randn(16, 2)
    fake = G(z)
    od.zero_grad()
    ld = crit(D(real), torch.ones(16, 1)) + crit(D(fake.detach()), torch.zeros(16, 1))
    ld.backward()
    od.step()
    og.zero_grad()
    lg = crit(D(fake), torch.ones(16, 1))
    lg.backward()
    og.step()
    print(it, round(ld.item(), 5), round(lg.item(), 5))
print(D[0].weight._version, G[0].weight._version)
print(D[0].weight.grad is not None)

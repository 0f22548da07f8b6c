import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(4, 4)
        self.mu = nn.Linear(4, 2)
        self.logvar = nn.Linear(4, 2)
        self.dec = nn.Linear(2, 4)
    def forward(self, x):
        h = F.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        z = mu + eps * std
        return torch.sigmoid(self.dec(z)), mu, logvar
vae = VAE()
opt = torch.optim.Adam(vae.parameters(), lr=1e-2)
x = torch.rand(4, 4)
for epoch in range(4):
    recon, mu, logvar = vae(x)
    bce = F.binary_cross_entropy(recon, x, reduction='sum')
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    loss = bce + kld
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, f"{bce.item():.4f} {kld.item():.4f}")
q = torch.distributions.Normal(mu, torch.exp(0.5 * logvar))
p = torch.distributions.Normal(torch.zeros_like(mu), torch.ones_like(mu))
print(torch.distributions.kl_divergence(q, p).sum())

import torch
import torch.nn as nn

torch.manual_seed(0)
s = nn.utils.spectral_norm(nn.Linear(3, 2))
print(s, [n for n, _ in s.named_parameters()], [n for n, _ in s.named_buffers()], list(s.state_dict().keys()))
print(s.weight, s.weight_u, s.weight_v)
y = s(torch.randn(1, 3))
print(s.weight, s.weight_u, s.weight_u._version)
D = nn.Sequential(nn.utils.spectral_norm(nn.Linear(2, 4)), nn.LeakyReLU(0.2), nn.utils.spectral_norm(nn.Linear(4, 1)))
opt = torch.optim.Adam(D.parameters(), lr=0.01, betas=(0.0, 0.9))
x = torch.randn(8, 2)
for i in range(4):
    opt.zero_grad()
    loss = nn.functional.softplus(-D(x)).mean()
    loss.backward()
    opt.step()
    print(i, loss.item(), D[0].weight_u)
print(D[2].weight_orig.grad)
D.eval()
w_before = D[0].weight.clone()
D(x)
print(torch.equal(w_before, D[0].weight), D[0].weight_u._version)
nn.utils.remove_spectral_norm(D[2])
print([n for n, _ in D[2].named_parameters()], D[2].weight)
try:
    nn.utils.spectral_norm(D[0])
except RuntimeError as e:
    print('RuntimeError:', e)
t = nn.utils.spectral_norm(nn.ConvTranspose2d(2, 3, 2))
print(t.weight_u.shape, t.weight_v.shape)

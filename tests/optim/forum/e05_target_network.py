import torch
import torch.nn as nn
import copy
torch.manual_seed(0)
q = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
target = copy.deepcopy(q)
for p in target.parameters():
    p.requires_grad_(False)
opt = torch.optim.Adam(q.parameters(), lr=1e-2)
s = torch.randn(16, 4)
r = torch.randn(16)
for step in range(6):
    with torch.no_grad():
        tgt = r + 0.9 * target(s).max(dim=1).values
    pred = q(s).gather(1, torch.zeros(16, 1, dtype=torch.long)).squeeze(1)
    loss = nn.functional.smooth_l1_loss(pred, tgt)
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(q.parameters(), 1.0)
    opt.step()
    if step % 2 == 1:
        target.load_state_dict(q.state_dict())
    print(step, round(loss.item(), 6))
tau = 0.5
with torch.no_grad():
    for tp, p in zip(target.parameters(), q.parameters()):
        tp.mul_(1 - tau).add_(p, alpha=tau)
print(target[2].bias, target[2].bias._version)

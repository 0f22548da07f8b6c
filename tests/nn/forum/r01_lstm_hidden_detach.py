import torch
import torch.nn as nn
torch.manual_seed(0)
lstm = nn.LSTM(3, 4, batch_first=True)
head = nn.Linear(4, 1)
opt = torch.optim.SGD(list(lstm.parameters()) + list(head.parameters()), lr=0.1)
h = None
for step in range(2):
    x = torch.randn(2, 5, 3)
    out, h = lstm(x, h)
    loss = head(out[:, -1]).pow(2).mean()
    opt.zero_grad()
    try:
        loss.backward()
    except RuntimeError as e:
        print("error:", str(e)[:80])
        break
    opt.step()
    print(step, loss)
h = None
for step in range(3):
    x = torch.randn(2, 5, 3)
    if h is not None:
        h = tuple(t.detach() for t in h)
    out, h = lstm(x, h)
    loss = head(out[:, -1]).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss, h[0].requires_grad, h[1].grad_fn)
print(lstm.weight_hh_l0.grad.shape, h[0].shape, out.shape)

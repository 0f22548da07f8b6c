import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.LSTM(2, 3, num_layers=2)
h0 = torch.zeros(2, 1, 3, requires_grad=True)
x = torch.randn(4, 1, 2, requires_grad=True)
o, (h, c) = m(x, (h0, h0))
print(o.grad_fn, o.grad_fn.next_functions)
print(h.grad_fn.next_functions, c.grad_fn.next_functions)
print(o.grad_fn.next_functions[0][0].next_functions[0][0])
o.sum().backward(retain_graph=True)
print(x.grad, h0.grad)
(h.sum() + c.sum()).backward()
print(m.weight_hh_l1.grad)
try:
    o.sum().backward()
except RuntimeError as e:
    print(e)
m2 = nn.LSTM(2, 3, bias=False)
o, (h, c) = m2(torch.randn(4, 1, 2))
print(o.grad_fn.next_functions)
with torch.no_grad():
    m2.weight_ih_l0.add_(1)
try:
    o.sum().backward()
except RuntimeError as e:
    print(e)
with torch.no_grad():
    o, (h, c) = m2(torch.randn(4, 1, 2))
print(o.grad_fn, h.requires_grad)
lstm = nn.LSTM(3, 4)
h = None
for step in range(3):
    out, h = lstm(torch.randn(5, 2, 3), h)
    loss = out.pow(2).mean()
    try:
        loss.backward()
    except RuntimeError as e:
        print(step, e)
        break
    print(step, loss.item() > 0)

import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
grads = []
def bhook(module, grad_input, grad_output):
    grads.append((type(module).__name__, [None if g is None else tuple(g.shape) for g in grad_input], [tuple(g.shape) for g in grad_output]))
for layer in model:
    layer.register_full_backward_hook(bhook)
def prehook(module, grad_output):
    print('pre', type(module).__name__, grad_output[0].shape)
model[2].register_full_backward_pre_hook(prehook)
x = torch.randn(5, 3, requires_grad=True)
model(x).sum().backward()
for g in grads:
    print(g)
handle = model[0].weight.register_hook(lambda g: g * 0)
model.zero_grad()
model(x).sum().backward()
print(model[0].weight.grad)
handle.remove()
acc = []
model[2].weight.register_post_accumulate_grad_hook(lambda p: acc.append(p.grad.sum().item()))
model(x).sum().backward()
print(len(acc))

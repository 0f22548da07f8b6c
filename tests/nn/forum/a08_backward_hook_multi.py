import torch
import torch.nn as nn
class Mix(nn.Module):
    def forward(self, a, b):
        return a * b + a
m = Mix()
def bh(module, grad_input, grad_output):
    print('grad_input', grad_input)
    print('grad_output', grad_output)
m.register_full_backward_hook(bh)
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
out = m(a, b)
print(out.grad_fn)
out.sum().backward()
print(a.grad, b.grad)
c = torch.tensor([1., 1.])
out = m(a, c)
out.sum().backward()
def bh2(module, gi, go):
    return (gi[0] * 10, gi[1])
m2 = Mix()
m2.register_full_backward_hook(bh2)
a.grad = None
m2(a, b).sum().backward()
print(a.grad)

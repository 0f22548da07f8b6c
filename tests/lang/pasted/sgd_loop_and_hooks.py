import torch
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
x = torch.tensor([1., 2., 3.])
y = torch.tensor(2.)
lr = 0.1
for step in range(3):
    loss = (w * x).sum().sub(y).pow(2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
    w.grad.zero_()
    print(f"step {step}: loss={loss.item():.4f}", w)
print(w.is_leaf, w.requires_grad, w.grad)
h = w.register_hook(print)
(w * 2).sum().backward()
h.remove()
print(w.grad is None, w.grad.data_ptr() == w.grad.data.data_ptr())
a = torch.randn(2, 2).requires_grad_()
print(a)
b = torch.randn(3, requires_grad=True) * 2
print(b.is_leaf, b.grad_fn.next_functions[0][0].variable.shape)
z = torch.autograd.grad(outputs=(b**2).sum(), inputs=a, allow_unused=True)
print(z)

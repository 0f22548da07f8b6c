import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x ** 2
try:
    y.numpy()
except RuntimeError as e:
    print(e)
print(y.detach().numpy())
try:
    x.tolist()
    print(x.tolist(), y.tolist())
except RuntimeError as e:
    print(e)
print(y[0].item(), float(y[1]), int(y[2]))
lst = [y[i] for i in range(3)]
print(lst)
print(torch.stack(lst).grad_fn.name(), torch.tensor([1.0, 2.0]).new_tensor(lst[0]))
try:
    t = torch.tensor(lst)
    print(t, t.requires_grad)
except Exception as e:
    print(type(e).__name__, e)

import torch
x = torch.randn(3, requires_grad=True)
y = x * 2
while_i = 0
for _ in range(5):
    y = y * 2
print(y.data.norm() < 1000)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)
print(x.requires_grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)
print(x.requires_grad)
y = x.detach()
print(y.requires_grad)
print(x.eq(y).all())

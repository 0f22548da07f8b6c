import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
seen = []
def multi(grads):
    seen.append([None if g is None else g.tolist() for g in grads])
h = torch.autograd.graph.register_multi_grad_hook((a, b), multi)
(a * b).sum().backward()
print(seen)
(a * 2).sum().backward()
print(seen)
h.remove()
c = torch.tensor([5.], requires_grad=True)
h2 = torch.autograd.graph.register_multi_grad_hook((a, b, c), lambda gs: print("all:", gs))
(a * b).sum().backward()
(a * b * c).sum().backward()
try:
    g = torch.autograd.grad((a * c).sum(), [a])
except RuntimeError as e:
    print(e)
g = None
print(g)
h2.remove()
h3 = torch.autograd.graph.register_multi_grad_hook((a, b), lambda g: print("any:", g), mode="any")
(a + b).sum().backward()
(a * 3).sum().backward()
h3.remove()
x = torch.ones(2, requires_grad=True)
y = x * 2
z = x * 3
h4 = torch.autograd.graph.register_multi_grad_hook([y, z], lambda gs: print("nonleaf:", gs))
(y + z).sum().backward()
try:
    torch.autograd.graph.register_multi_grad_hook([y], print, mode="some")
except ValueError as e:
    print(e)

import torch
from torch.autograd import Variable
x = Variable(torch.ones(2, 2), requires_grad=True)
print(x, type(x).__name__, x.type())
y = Variable(torch.tensor([1., 2.]))
print(y.requires_grad)
z = (x * 2).sum()
z.backward()
print(x.grad.data)
x.grad.data.zero_()
print(x.grad)
f = torch.FloatTensor([1, 2, 3])
print(f, f.dtype, torch.LongTensor([1, 2]).type(), torch.DoubleTensor(2).shape)
print(f.type(torch.DoubleTensor), f.type('torch.IntTensor'))
print(f.new_tensor([4, 5]), f.new_ones(2), f.new_full((2,), 7.))
print(x.retains_grad, (x * 1).retains_grad)
q = x * 1
q.retain_grad()
print(q.retains_grad)
print(torch.is_tensor(x), torch.is_floating_point(x), x.is_floating_point(), torch.tensor([1]).is_floating_point())
for a in [lambda: Variable(torch.tensor([1, 2]), requires_grad=True), lambda: Variable([1.]), lambda: Variable(torch.ones(1), volatile=True), lambda: Variable(torch.ones(1), volatile=True, requires_grad=True), lambda: Variable(), lambda: Variable(torch.ones(2), True)]:
    try:
        r = a()
        print(r, r.requires_grad)
    except (RuntimeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = torch.ones(2)
v = Variable(t, requires_grad=True)
t.add_(1)
print(v, v._version, v.is_leaf, v.data_ptr() == t.data_ptr())
print(isinstance(t, Variable), isinstance(3, Variable), Variable)
w = Variable(t * 1, requires_grad=True)
print(w.is_leaf)
y = torch.ones(2, requires_grad=True) * 2
z = Variable(y)
print(z.requires_grad, z.grad_fn)
print(torch.autograd.Variable(torch.zeros(1)).requires_grad)

import torch
import torch.nn.functional as F
torch.set_printoptions(precision=2); print(torch.tensor([1.23456, 2.]))
torch.set_printoptions(profile='default'); print(torch.tensor([1.23456, 2.]))
print(torch.Tensor([1,2]), torch.Tensor(2,0), torch.FloatTensor([1]), torch.LongTensor([1,2]), torch.Tensor())
x=torch.ones(2); s = x.storage()
print(s.tolist(), s.data_ptr()==x.data_ptr(), len(s), isinstance(x, torch.Tensor), isinstance(x, torch.LongTensor))
with torch.set_grad_enabled(False):
    print((torch.ones(1,requires_grad=True)*2).requires_grad)
print(torch.is_grad_enabled())
a=torch.tensor([1.,2.,3.],requires_grad=True)
print(F.relu(a), F.softmax(a, dim=0), F.mse_loss(a, torch.zeros(3)), F.sigmoid(a))
print(a.new_ones(2), a.new_zeros(2,1), a.new_tensor([1,2]), a.new_full((2,), 3.))
print(a.sum(axis=0))
F.mse_loss(a * 2, torch.ones(3)).backward()
print(a.grad)
a.grad = None
(F.softmax(a, dim=0) * torch.tensor([1., 2., 3.])).sum().backward()
print(a.grad)

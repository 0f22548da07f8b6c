import torch
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
print(opt.param_groups[0].keys())
print(opt.defaults)
def f():
    opt.zero_grad()
    l = (w ** 2).sum()
    l.backward()
    return l
for i in range(3):
    print(opt.step(f).item())
opt.param_groups[0]['lr'] = 0.5
opt.step(f)
print(w)
print(repr(opt.state))
opt2 = torch.optim.Adam([{'params': [w], 'lr': 0.1, 'name': 'weights'}])
print(opt2.param_groups[0]['name'], opt2)
opt2.step(f)
print(opt2.state_dict()['param_groups'])
try:
    opt.step(lambda: 1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

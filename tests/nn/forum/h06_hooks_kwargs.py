import torch
import torch.nn as nn
class Scale(nn.Module):
    def forward(self, x, factor=1.0):
        return x * factor
m = Scale()
def pre(mod, args, kwargs):
    print('pre', args[0].shape, kwargs)
    return args, {'factor': 3.0}
def post(mod, args, kwargs, out):
    print('post', kwargs, out)
h1 = m.register_forward_pre_hook(pre, with_kwargs=True)
h2 = m.register_forward_hook(post, with_kwargs=True)
print(m(torch.ones(2), factor=2.0))
h1.remove()
print(m(torch.ones(2), factor=2.0))
h2.remove()
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
order = []
seq.register_forward_pre_hook(lambda mod, i: order.append('seq-pre'))
seq[0].register_forward_hook(lambda mod, i, o: order.append('lin'))
seq.register_forward_hook(lambda mod, i, o: order.append('seq'))
seq[1].register_forward_pre_hook(lambda mod, i: order.append('relu-pre'), prepend=True)
seq(torch.ones(1, 2))
print(order)
print(len(seq._forward_hooks), len(seq[0]._forward_hooks))

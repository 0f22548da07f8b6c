import torch
import torch.nn as nn
torch.manual_seed(3)
emb = nn.Embedding(6, 3, padding_idx=1)
print(emb.weight)
idx = torch.tensor([[1, 2, 3], [3, 1, 5]])
out = emb(idx)
print(out.shape, out.grad_fn)
out.sum().backward()
print(emb.weight.grad)
e2 = nn.Embedding.from_pretrained(torch.arange(6.).reshape(3, 2))
print(e2, e2.weight.requires_grad, e2(torch.tensor([2, 0])))
try:
    emb(torch.tensor([6]))
except IndexError as e:
    print(e)
try:
    emb(torch.tensor([1.0]))
except RuntimeError as e:
    print(e)

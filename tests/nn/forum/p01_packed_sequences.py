import torch
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence
x = torch.arange(12.).view(3, 4, 1).requires_grad_()
p = pack_padded_sequence(x, [4, 2, 1], batch_first=True)
print(p.data.grad_fn, p.batch_sizes, p.data.grad_fn._saved_batch_first, p.data.grad_fn._saved_input_sym_sizes, p.data.grad_fn._saved_result1)
out, lens = pad_packed_sequence(p, batch_first=True)
print(out.grad_fn, lens, out.grad_fn.next_functions)
out.sum().backward()
print(x.grad.view(3, 4))
q = pack_padded_sequence(x.detach(), torch.tensor([1, 4, 2]), batch_first=True, enforce_sorted=False)
print(q)
print(pad_packed_sequence(q, batch_first=True, total_length=5)[0].squeeze(-1))
for bad in [lambda: pack_padded_sequence(x, [1, 4, 2], batch_first=True), lambda: pack_padded_sequence(x, [4, 2], batch_first=True),
            lambda: pack_padded_sequence(x, [5, 2, 1], batch_first=True), lambda: pack_padded_sequence(x, [4, 2, 0], batch_first=True),
            lambda: pad_packed_sequence(q, total_length=2), lambda: pad_sequence([]), lambda: pad_sequence([torch.ones(2)], padding_side="up")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = pad_sequence([torch.ones(2, requires_grad=True), torch.ones(3)], batch_first=True, padding_side="left")
print(s, s.grad_fn)
ps = pack_sequence([torch.tensor([1., 2.]), torch.tensor([3.])])
print(ps, ps.data.grad_fn)
torch.manual_seed(0)
lstm = torch.nn.LSTM(1, 2, batch_first=True, bidirectional=True)
o, (h, c) = lstm(q)
print(type(o).__name__, o.data, o.data.grad_fn, h, c.grad_fn)
gru = torch.nn.GRU(1, 2, num_layers=2)
o2, h2 = gru(p)
print(o2.data, h2, o2.data.grad_fn, h2.grad_fn)
print(pad_packed_sequence(o2))

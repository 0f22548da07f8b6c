import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence, pack_sequence, unpack_sequence
torch.manual_seed(0)
seqs = [torch.randn(4, 3), torch.randn(2, 3), torch.randn(3, 3)]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
lstm = nn.LSTM(3, 4, num_layers=2, batch_first=True)
out, (h, c) = lstm(packed)
unpacked, out_lens = pad_packed_sequence(out, batch_first=True)
print(unpacked.shape, out_lens)
print(h[-1])
loss = unpacked.sum() + h.pow(2).sum()
loss.backward()
print(lstm.weight_ih_l0.grad.round(decimals=3))
print(lstm.bias_hh_l1.grad)
rnn = nn.RNN(3, 2, bidirectional=True, nonlinearity="relu")
o, hn = rnn(pack_sequence(seqs, enforce_sorted=False), torch.zeros(2, 3, 2))
print(o.data.shape, hn)
print([t.shape for t in unpack_sequence(o)])
try:
    lstm(packed, (torch.zeros(2, 2, 4), torch.zeros(2, 3, 4)))
except RuntimeError as e:
    print(e)

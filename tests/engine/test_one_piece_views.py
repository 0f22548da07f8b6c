"""split/chunk/unbind into a single piece: the one-output node's gradient arrives bare and is joined as PyTorch's
(an LSTM's h0 of one layer is unbound into one piece)."""
from same_as_torch import same_as_torch


def test_gradient_through_a_single_piece_of_unbind_split_and_chunk():
    same_as_torch('''
h0 = torch.zeros(1, 2, 3, requires_grad=True)
torch.addmm(torch.ones(3), h0.unbind(0)[0], torch.ones(3, 3)).sum().backward()
print(h0.grad, h0.unbind(0)[0].grad_fn)
x = torch.ones(1, 3, requires_grad=True)
a, = x.split(1, 0)
(a * 3).sum().backward()
b, = x.chunk(1, 1)
(b * 2).sum().backward()
print(x.grad)
''')

"""Classes of difference found by the thirteenth round's held-out torch.nn programs (held13b: recurrent layers,
attention, transposed convolutions, folding, EmbeddingBag, the Module API), one differential program each, run
under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"embedding_bag_errors_of_its_two_paths": """
w = torch.randn(6, 2)
cases = [([0, 9], [0, 1], {}), ([9], [0], {}), ([0, 1, 2, 9], [0, 1, 2, 3], {}), ([0, 9, 1, 2], [0, 1, 2, 3], {}),
         ([0, 1, 2, 3, 9], [0, 2, 4], {}), ([1, 0, 3], [0, 2, 1], {}), ([0, 9], [0, 1], {'include_last_offset': True}),
         ([0, 9], [0, 1], {'mode': 'max'}), ([0, 9], [0, 1], {'padding_idx': 0}), ([-1], [0], {}),
         ([9, 0], [0, 1], {'mode': 'sum', 'per_sample_weights': torch.ones(2)})]
for idx, off, kw in cases:
    for dt in (torch.float32, torch.float64, torch.float16):
        try:
            print(F.embedding_bag(torch.tensor(idx), w.to(dt), torch.tensor(off), **kw))
        except Exception as e:
            print(type(e).__name__, e)
""",
"embedding_bag_bags_past_include_last_offset_and_reduced_types": """
for dt in (torch.float32, torch.float64, torch.bfloat16):
    b = nn.EmbeddingBag(10, 3, mode='mean', include_last_offset=True).to(dt)
    o = b(torch.tensor([1, 2, 3, 4, 5]), torch.tensor([0, 2, 3]))
    o.sum().backward()
    print(o, b.weight.grad[:6])
w = torch.randn(50, 7)
idx = torch.randint(0, 50, (40,))
off = torch.tensor([0, 3, 10, 10, 33])
for dt in (torch.float16, torch.bfloat16):
    x = w.to(dt).requires_grad_()
    out = F.embedding_bag(idx, x, off, mode='sum')
    print(out)
    (out * torch.arange(7.).to(dt)).sum().backward()
    print(x.grad[idx[:5]])
""",
"embedding_bag_backward_order_and_scales": """
w = torch.randn(50, 7, requires_grad=True)
idx = torch.randint(0, 50, (40,))
off = torch.tensor([0, 3, 10, 10, 33])
for mode in ('sum', 'mean'):
    for pad in (None, 4):
        out = F.embedding_bag(idx, w, off, mode=mode, padding_idx=pad)
        (out * torch.arange(7.)).sum().backward()
        print(mode, pad, w.grad.sum().item(), w.grad[idx[:5]])
        w.grad = None
out = F.embedding_bag(idx, w, off, mode='mean', scale_grad_by_freq=True)
out.pow(2).sum().backward()
print(w.grad[idx[:6]])
w16 = torch.randn(20, 4, dtype=torch.float16, requires_grad=True)
out = F.embedding_bag(torch.tensor([1, 2, 3, 1, 1, 4, 5, 6, 7, 1, 2]), w16, torch.tensor([0, 3, 9]), mode='mean')
out.backward(torch.tensor([[1., 3., 5., 7.]] * 3, dtype=torch.float16))
print(w16.grad[:3])
""",
"rnn_of_a_sequence_of_length_zero": """
for m in [nn.LSTM(3, 2), nn.GRU(3, 2), nn.RNN(3, 2), nn.LSTM(3, 2, batch_first=True), nn.GRU(3, 2, bidirectional=True)]:
    for shape in [(0, 1, 3), (1, 0, 3), (0, 3), (2, 0, 3)]:
        try:
            o = m(torch.zeros(shape))
            print(shape, o[0].shape, o[0].grad_fn.name() if o[0].grad_fn else None)
        except Exception as e:
            print(shape, type(e).__name__, e)
""",
"lstm_hidden_states_of_other_types_and_counts": """
x = torch.randn(2, 6, 3)
m = nn.LSTM(3, 4, batch_first=True)
kinds = [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.uint8, torch.int32]
for hd in kinds:
    for cd in kinds:
        try:
            m(x, (torch.zeros(1, 2, 4, dtype=hd), torch.zeros(1, 2, 4, dtype=cd)))
            print(hd, cd, 'ok')
        except Exception as e:
            print(hd, cd, type(e).__name__, e)
try:
    m(x, (torch.zeros(1, 2, 4),) * 3)
except Exception as e:
    print(type(e).__name__, e)
for hx in [torch.zeros(2, 4), (torch.zeros(2, 4),), (torch.zeros(2, 4),) * 3, [torch.zeros(2, 4)] * 2]:
    try:
        print(nn.LSTMCell(3, 4)(torch.randn(2, 3), hx)[0].shape)
    except Exception as e:
        print(type(e).__name__, e)
g = nn.GRU(3, 4, batch_first=True)
try:
    g(x, torch.zeros(1, 2, 4, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)
""",
"lstm_in_bfloat16_as_onednn_runs_it": """
for kw in [dict(), dict(num_layers=2), dict(bidirectional=True), dict(bias=False), dict(batch_first=True)]:
    m = nn.LSTM(6, 5, **kw).bfloat16()
    x = torch.randn(7, 3, 6, dtype=torch.bfloat16)
    out, (h, c) = m(x)
    print(out[-1, :2], h[-1, 0], c[-1, 0], out.grad_fn.name())
    out2, (h2, c2) = m(x, (torch.randn(h.shape, dtype=torch.bfloat16), torch.randn(c.shape, dtype=torch.bfloat16)))
    print(out2.sum(), c2.sum())
try:
    m(x.transpose(0, 1), (torch.zeros(h.shape), torch.zeros(c.shape)))
except Exception as e:
    print(type(e).__name__, e)
""",
"module_to_parses_its_arguments": """
m = nn.Linear(2, 2)
t = torch.randn(2, dtype=torch.float64)
cases = [((t, torch.float16), {}), ((torch.float16, t), {}), (('cpu', 'cpu'), {}), ((torch.float16,), {'dtype': torch.float64}),
         ((), {'foo': 1}), ((None,), {}), ((torch.float64, True), {}), ((torch.float64, False, True), {}),
         (('cpu', torch.float64, True), {}), ((), {'device': 'cpu', 'dtype': torch.float16}), ((), {'tensor': t}),
         ((torch.int64,), {}), ((t.long(),), {}), (([1],), {}), ((), {'copy': True}), (('cuda:0',), {})]
for a, k in cases:
    try:
        r = m.to(*a, **k)
        print('ok', m.weight.dtype, r is m)
    except Exception as e:
        print(type(e).__name__, e)
""",
"unfold_and_fold_sizes_and_types": """
x = torch.randn(1, 2, 4, 4)
for kw in [dict(kernel_size=(2, 2, 2)), dict(kernel_size=2, stride=(1, 1, 1)), dict(kernel_size=2, dilation=(1, 1, 1)),
           dict(kernel_size=2, padding=(1, 1, 1)), dict(kernel_size=2, stride=(1, 1, 1), dilation=(1, 1, 1))]:
    try:
        F.unfold(x, **kw)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(output_size=(4, 4, 4), kernel_size=(2, 2, 2)), dict(output_size=4, kernel_size=2, stride=(1, 1, 1),
           padding=(1, 1, 1))]:
    try:
        F.fold(torch.randn(1, 8, 9), **kw)
    except Exception as e:
        print(type(e).__name__, e)
for dt in [torch.int64, torch.int32, torch.bool, torch.uint8, torch.float16]:
    for f in (lambda: F.unfold(torch.ones(1, 1, 3, 3, dtype=dt), 2), lambda: F.fold(torch.ones(1, 4, 4, dtype=dt), (3, 3), 2),
              lambda: nn.Unfold(5)(torch.ones(1, 1, 3, 3, dtype=dt))):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
print(torch.ones(2).is_nested)
""",
"upsampling_dispatch_and_five_dimensional_nearest_and_area": """
for dt in [torch.int64, torch.bool, torch.uint8, torch.int8]:
    for shape in [(1, 1, 4), (1, 3, 2, 2), (1, 1, 2, 2, 2)]:
        for mode in ['nearest', 'nearest-exact', 'linear', 'bilinear', 'bicubic', 'trilinear', 'area']:
            if {'linear': 3, 'bilinear': 4, 'bicubic': 4, 'trilinear': 5}.get(mode, len(shape)) != len(shape):
                continue
            try:
                r = F.interpolate(torch.ones(shape, dtype=dt), scale_factor=2, mode=mode)
                print(dt, len(shape), mode, r.dtype, r.sum())
            except Exception as e:
                print(dt, len(shape), mode, type(e).__name__, e)
x = torch.randn(1, 2, 2, 3, 2, requires_grad=True)
for kw in [dict(scale_factor=2), dict(size=(3, 4, 5)), dict(scale_factor=1.5, mode='nearest-exact'), dict(size=(1, 2, 1), mode='area')]:
    y = F.interpolate(x, **kw)
    print(y.shape, y.grad_fn.name(), y[0, 1, 0])
    (y * torch.arange(y.numel()).view(y.shape)).sum().backward()
    print(x.grad[0, 0])
    x.grad = None
for f in (F.adaptive_avg_pool2d, F.adaptive_avg_pool3d):
    try:
        f(torch.ones(1, 2, 4, 4, 4, dtype=torch.int64)[0] if f is F.adaptive_avg_pool2d else torch.ones(1, 1, 2, 2, 2, dtype=torch.uint8), 2)
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_held13b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-seventh round's held-out programs on training small models (held27c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_linear_layer_s_output_is_row_major_whatever_its_batch_and_dtype": """
for dt in [torch.float32, torch.float64]:
    for bs in [1, 3, 4, 8, 9]:
        for n in [5, 12, 16, 25]:
            torch.manual_seed(bs * 100 + n)
            m = torch.nn.Linear(8, n, dtype=dt)
            x = torch.randn(bs, 8, dtype=dt)
            for name, r in [('linear', m(x)), ('addmm', torch.addmm(m.bias, x, m.weight.t())),
                            ('addmm_row', torch.addmm(m.bias[None], x, m.weight.t())),
                            ('mm', x @ m.weight.t()), ('row_major_b', torch.addmm(m.bias, x, m.weight.t().contiguous()))]:
                print(dt, bs, n, name, r.stride(), r.is_contiguous(), r.view(-1).shape)
""",
"a_bias_of_m_rows_gives_mkl_s_blocks_of_four_rows_theirs": """
torch.manual_seed(0)
for o in [12, 24, 25]:
    for L in [16, 33]:
        c = torch.nn.Conv1d(5, o, 1).double()
        x = torch.randn(L, 5, dtype=torch.float64).t()[None]
        print(o, L, c(x).view(-1).tolist())
for m in [4, 5, 6, 7, 9, 11]:
    for k in [3, 5, 17]:
        for n in [12, 13, 25]:
            a = torch.randn(m, k); b = torch.randn(k, n); bt = torch.randn(n, k)
            c = torch.randn(m, n)
            for name, r in [('t', torch.addmm(c, a, bt.t())), ('rows', torch.addmm(c, a, b)),
                            ('beta', torch.addmm(c, a, b, beta=1, alpha=1))]:
                print(m, k, n, name, r.view(-1).tolist(), r.stride())
""",
"a_1_d_convolution_of_a_permuted_one_channel_input_is_channels_last_as_aten_views_it_4_d": """
nn = torch.nn
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for N in [1, 3]:
        x = torch.randn(N, 6, 1, dtype=dt).transpose(1, 2)
        for name, f in [('conv', lambda x: F.conv1d(x, torch.ones(4, 1, 3, dtype=dt), torch.arange(4., dtype=dt))),
                        ('conv_pad', lambda x: F.conv1d(x, torch.ones(4, 1, 2, dtype=dt), None, stride=2, padding=1)),
                        ('tconv', lambda x: F.conv_transpose1d(x, torch.ones(1, 3, 2, dtype=dt))),
                        ('one_out', lambda x: F.conv1d(x, torch.ones(1, 1, 2, dtype=dt))),
                        ('perm', lambda x: F.conv1d(x.permute(0, 1, 2).contiguous(), torch.ones(2, 1, 2, dtype=dt))),
                        ('unbatched', lambda x: F.conv1d(x[0], torch.ones(2, 1, 2, dtype=dt))),
                        ('twoch', lambda x: F.conv1d(torch.cat([x, x], 1), torch.ones(2, 2, 2, dtype=dt)))]:
            r = f(x)
            print(dt, N, name, tuple(r.shape), r.stride(), r.is_contiguous())
            try:
                print(r.view(N, -1)[0, :4])
            except Exception as e:
                print(type(e).__name__, e)
m = nn.Sequential(nn.Conv1d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(16, 1))
x = torch.randn(5, 6, 1)
out = m(x.permute(0, 2, 1))
print(out.shape, m[0](x.permute(0, 2, 1)).stride())
h = m[0](x.transpose(1, 2))
try:
    h.view(5, -1)
except Exception as e:
    print(e)
print(h.reshape(5, -1).stride(), h.contiguous().view(5, -1)[0, :3])
""",
"one_sample_into_one_output_is_mkl_s_lanes_with_an_aligned_row_s_head_a_whole_vector": """
torch.manual_seed(0)
F = torch.nn.functional
for dt in [torch.float32, torch.float64]:
    for k in [2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 16, 17, 33, 64, 100, 257]:
        for off in range(4):
            A = torch.randn(1, k + 4, dtype=dt); w = torch.randn(1, k, dtype=dt); c = torch.randn(1, dtype=dt)
            a = A[:, off:off + k]
            print(dt, k, off, torch.addmm(c, a, w.t()).item(), (a @ w.t()).item(), F.linear(a, w, c).item(), F.linear(a, w).item(),
                  torch.mm(a, w.t()).item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

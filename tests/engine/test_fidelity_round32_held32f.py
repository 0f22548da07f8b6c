"""Classes of difference found by the thirty-second round's held-out programs on small training loops, torch.optim,
lr schedulers, losses, data and save/load (held32f, issue 16), one differential program each, run in torch and in
the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"adam_casts_a_tensor_beta1_to_the_parameter_dtype_before_its_lerp": """
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64]:
    for cls in [torch.optim.Adam, torch.optim.AdamW]:
        torch.manual_seed(0)
        p = torch.randn(5, dtype=dt).requires_grad_()
        opt = cls([p], lr=0.05, betas=(torch.tensor(0.9), torch.tensor(0.99)), amsgrad=dt == torch.float16)
        for _ in range(3):
            opt.zero_grad()
            (p * p).sum().abs().backward()
            opt.step()
        print(dt, cls.__name__, p.detach(), opt.state[p]['exp_avg'], opt.state[p]['exp_avg_sq'])
""",
"a_load_of_bytes_whose_pickle_gets_a_memo_index_never_put": """
import io
for data in [b'hello', b'http://x', b'j\\x05\\x00\\x00\\x00', b'\\x80\\x02K\\x01q\\x03h\\x03h\\x01.', b'not a file']:
    for wo in [True, False]:
        try:
            torch.load(io.BytesIO(data), weights_only=wo)
        except Exception as e:
            print(wo, type(e).__name__, str(e)[-60:])
""",
"a_float32_transposed_convolution_of_one_sample_off_onednn_sums_as_slow_conv_transpose2d": """
torch.manual_seed(0)
for cin, cout, k, st, pad, hw, dil, op in [(1, 2, 3, 2, 0, 5, 1, 0), (3, 2, 3, 1, 0, 4, 1, 0), (4, 3, 2, 2, 0, 6, 1, 0),
                                          (16, 4, 3, 1, 1, 6, 1, 0), (64, 3, 3, 2, 0, 5, 1, 1), (5, 3, 3, 1, 0, 7, 2, 0)]:
    m = torch.nn.ConvTranspose2d(cin, cout, k, stride=st, padding=pad, dilation=dil, output_padding=op)
    x = torch.randn(1, cin, hw, hw)
    print(m(x).flatten().tolist())
    m1 = torch.nn.ConvTranspose1d(cin, cout, k, stride=st, padding=pad, dilation=dil, output_padding=op)
    print(m1(x[:, :, 0]).flatten().tolist(), m1(x[0, :, 0]).flatten().tolist())
""",
"gru_and_lstm_cells_run_their_gates_in_place_on_strided_chunks_as_aten": """
def chk(name, m, x, pick):
    x = x.clone().requires_grad_()
    out = pick(m(x))
    out.backward(torch.randn(out.shape, generator=torch.Generator().manual_seed(1)))
    print(name, out.grad_fn.name(), out.flatten().tolist(), x.grad.flatten().tolist())
    print([p.grad.flatten().tolist() for p in m.parameters()])
for I, H, B, T in [(6, 8, 4, 7), (10, 16, 3, 4), (5, 20, 2, 3)]:
    torch.manual_seed(0)
    chk('gru', torch.nn.GRU(I, H, batch_first=True), torch.randn(B, T, I), lambda o: o[0])
    chk('grubi', torch.nn.GRU(I, H, bidirectional=True), torch.randn(T, B, I), lambda o: o[0])
    chk('grucell', torch.nn.GRUCell(I, H), torch.randn(B, I), lambda o: o)
    chk('lstmcell', torch.nn.LSTMCell(I, H), torch.randn(B, I), lambda o: o[1] * o[0])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference the thirty-first round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float32_mv_of_a_transposed_matrix_of_16_or_more_rows_takes_mkls_avx512_gemv_n_blocks_of_eight_columns": '''
torch.manual_seed(0)
torch.set_num_threads(2)
for m, k in [(3, 9), (16, 7), (16, 8), (17, 9), (20, 16), (33, 40), (48, 100), (16, 255), (16, 256), (5, 301),
             (50, 300), (70, 257), (50, 1000)]:
    A = torch.randn(k, m)
    v = torch.randn(k)
    y = A.t() @ v
    print(m, k, y.tolist() == torch.mv(A.t(), v).tolist() == (A.t() @ v[:, None])[:, 0].tolist(), y.sum().item())
    print(torch.addmv(torch.ones(m), A.t(), v).sum().item(), torch.addmv(torch.ones(m), A.t(), v, beta=0.7, alpha=0.3).sum().item())
    print(torch.addmm(torch.ones(m, 1), A.t(), v[:, None]).sum().item(), torch.addmm(torch.ones(m, 1), A.t(), v[:, None], beta=0.5, alpha=1.5).sum().item())
W = torch.randn(24, 20, requires_grad=True)
x = torch.randn(20, requires_grad=True)
(W @ x).pow(2).sum().backward()  # (mv's gradient to its vector: W.t() @ grad)
print(x.grad.tolist())
''',
"float64_mv_of_a_transposed_matrix_splits_its_columns_in_halves_between_two_threads_past_mkls_size": '''
torch.manual_seed(0)
torch.set_num_threads(2)
for m, k in [(2, 266), (2, 267), (5, 255), (5, 256), (17, 217), (17, 218), (50, 300), (50, 1000), (100, 127),
             (100, 128), (1001, 130), (1002, 300), (20, 40)]:
    A = torch.randn(k, m, dtype=torch.float64)
    v = torch.randn(k, dtype=torch.float64)
    c = torch.randn(m, dtype=torch.float64)
    print(m, k, (A.t() @ v).sum().item(), torch.addmv(c, A.t(), v).sum().item(),
          torch.addmv(c, A.t(), v, beta=0.7, alpha=0.3).sum().item(), torch.addmm(c[:, None], A.t(), v[:, None], alpha=1.5).sum().item())
''',
"float32_mv_of_a_row_major_matrix_splits_its_rows_in_halves_between_two_threads_past_mkls_size": '''
torch.manual_seed(0)
torch.set_num_threads(2)
for m, k in [(10, 3881), (10, 3882), (17, 2165), (41, 729), (41, 730), (100, 128), (100, 129), (102, 121),
             (118, 69), (118, 70), (390, 21), (390, 22), (1001, 9), (1500, 5), (1500, 6)]:
    A = torch.randn(m, k)
    v = torch.randn(k)
    print(m, k, (A @ v).sum().item(), torch.nn.functional.linear(v, A).sum().item())
''',
"a_half_or_bfloat16_dot_of_four_eight_or_sixteen_elements_sums_in_float_and_rounds_once": '''
v = torch.tensor([2.8814, -0.5, 1.0, -1.0799], dtype=torch.float16)
print(v.matmul(v.detach().clone()), torch.dot(v, v), torch.inner(v, v))
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    for n in [4, 8, 16]:
        a, b = (torch.randn(n, 20) * 3).to(dt), (torch.randn(n, 20) * 3).to(dt)
        print(dt, n, [torch.dot(a[:, i].contiguous(), b[:, i].contiguous()).item() for i in range(20)])
''',
"the_out_forms_of_nanmean_and_outer_check_what_their_composites_check_before_autograd_refuses_the_out": '''
x = torch.ones(3, requires_grad=True)
cases = [lambda: torch.nanmean(x, out=torch.empty(())), lambda: torch.nanmean(x, 0, out=torch.empty(())),
         lambda: torch.nanmean(torch.ones(3, dtype=torch.int64), out=torch.empty((), requires_grad=True)),
         lambda: torch.nansum(x, out=torch.empty(()))]
for a, b in [(x, torch.tensor(2.)), (torch.tensor(1.), x), (x, x), (torch.ones(2, 2), x)]:
    cases += [lambda a=a, b=b: torch.outer(a, b, out=torch.empty(0)), lambda a=a, b=b: torch.ger(a, b, out=torch.empty(0))]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

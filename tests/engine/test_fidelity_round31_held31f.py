"""Classes of difference found by the thirty-first round's held-out programs on shapes, broadcasting and products
(held31f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"row_stack_of_no_tensors_is_refused_by_vstack": """
for f in (torch.row_stack, torch.vstack, torch.hstack, torch.dstack, torch.column_stack):
    for arg in ([], (), 3, [torch.ones(2), 3]):
        try:
            print(f(arg))
        except Exception as e:
            print(type(e).__name__, e)
""",
"bmm_and_baddbmm_from_400_multiply_adds_a_batch_refuse_other_dtypes_in_mkls_batched_gemm_or_addmm_impl_cpu": """
dts = [torch.bool, torch.float32, torch.float64, torch.int32, torch.float16, torch.complex64]
for m, k, n in [(2, 3, 4), (4, 5, 20), (1, 400, 1)]:
    for d1 in dts:
        for d2 in dts:
            b1, b2 = torch.ones(2, m, k, dtype=d1), torch.ones(2, k, n, dtype=d2)
            for name, f in [('bmm', lambda: torch.bmm(b1, b2)), ('matmul', lambda: b1 @ b2),
                            ('baddbmm', lambda: torch.baddbmm(torch.zeros(2, m, n, dtype=d2), b1, b2)),
                            ('addbmm', lambda: torch.addbmm(torch.zeros(m, n, dtype=d2), b1, b2)),
                            ('einsum', lambda: torch.einsum('bij,bjk->bik', b1, b2)),
                            ('strided', lambda: torch.bmm(b1, b2.transpose(0, 1).contiguous().transpose(0, 1)))]:
                try:
                    r = f()
                    print(name, d1, d2, m, k, n, r.dtype, r.shape, r[0, 0, :3])
                except Exception as e:
                    print(name, d1, d2, m, k, n, type(e).__name__, e)
""",
"a_dot_product_of_strided_vectors_is_mkls_strided_kernel_four_lanes_folded_to_two": """
g = torch.Generator().manual_seed(0)
for dt in (torch.float32, torch.float64):
    for n in (2, 3, 4, 5, 6, 7, 9, 10, 11, 17, 33, 100, 1001, 8192):
        x = torch.randn(n, 3, generator=g, dtype=dt)
        y = torch.randn(2 * n, generator=g, dtype=dt)
        z = torch.randn(n, generator=g, dtype=dt)
        print(dt, n, x[:, 1].dot(z).item(), torch.dot(z, y[::2]).item(), (x[:, 0] @ y[1::2]).item(),
              torch.inner(x[:, 2], x[:, 0]).item(), torch.dot(x[:1, 0].expand(n), z).item())
""",
"a_vector_times_a_matrix_of_256_rows_or_more_is_summed_by_two_threads_a_half_each": """
g = torch.Generator().manual_seed(0)
torch.set_num_threads(2)
for n in (2, 3, 10, 17, 32, 40):
    for k in (255, 256, 300, 784, 1500):
        x = torch.randn(k, n, generator=g)
        z = torch.randn(k, generator=g)
        print(n, k, (z @ x).tolist()[:4], torch.matmul(torch.randn(2 * k, generator=g)[::2], x).tolist()[:3])
""",
"tensordot_and_inner_with_nothing_left_dot_contiguous_operands_and_sum_the_product_of_others": """
g = torch.Generator().manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int32, torch.bool):
    base = (torch.randn(12, 3, generator=g) * 3).to(dt)
    v, w, c = base[:, 0], base[:, 1], base[:, 2].contiguous()
    m = (torch.randn(4, 6, generator=g) * 3).to(dt)
    for name, f in [('strided', lambda: torch.inner(v, w)), ('mixed', lambda: torch.tensordot(v, c, 1)),
                    ('contiguous', lambda: torch.inner(c, c)), ('transposed', lambda: torch.tensordot(m, m.t().contiguous().t(), 2)),
                    ('permuted', lambda: torch.tensordot(m, m, ([1, 0], [1, 0]))), ('expanded', lambda: torch.tensordot(c[:1].expand(12), w, 1))]:
        try:
            r = f()
            print(name, dt, r.dtype, r.item())
        except Exception as e:
            print(name, dt, type(e).__name__, e)
a = torch.randn(24, generator=g)[::2].requires_grad_()
r = torch.inner(a, torch.randn(12, generator=g))
r.backward()
print(r, r.grad_fn, a.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

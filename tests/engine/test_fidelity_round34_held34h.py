"""Classes of difference found by the thirty-fourth round's random programs and the sweeps around them (held34h,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_dim_read_by_size_before_the_checks_raises_sizes_index_error_on_a_tensor_without_it": """
F = torch.nn.functional
for shape in [(), (0,), (3,), (2, 0), (2, 3), (0, 2, 3), (2, 0, 3), (1, 0, 2, 3), (1, 1, 2, 0), (1, 1, 1, 2, 2)]:
    x = torch.zeros(shape)
    for name, f in [('unfold', lambda: F.unfold(x, 1)), ('tensordot', lambda: torch.tensordot(x, x, dims=([0], [0]))),
                    ('tensordot_last', lambda: torch.tensordot(x, x, dims=([-1], [1])))]:
        try:
            print(shape, name, f().shape)
        except Exception as e:
            print(shape, name, type(e).__name__, e)
""",
"float32_one_row_times_one_column_past_255_products_sums_two_halves_as_mkls_two_threads": """
torch.set_num_threads(2)  # (MKL's split of k between its threads is measured with two threads)
for k in [100, 255, 256, 271, 500, 1001, 3000]:
    torch.manual_seed(k)
    a, b, r = torch.randn(k, 1), torch.randn(k, 1), torch.randn(1, k)
    print(k, (a.T @ b).item(), (a.T @ a).item(), (r @ b).item(), (a.flatten() @ b).item(), torch.mm(a.T, b).item(),
          torch.addmm(torch.ones(1, 1), r, b).item(), (r @ b.expand(k, 2)).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

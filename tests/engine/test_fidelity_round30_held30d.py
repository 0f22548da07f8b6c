"""Classes of difference found by the thirtieth round's held-out programs on indexing, gather/scatter and masks
(held30d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_uint8_mask_assignment_checks_the_mask_shape_before_refusing_its_dtype": """
x = torch.arange(12.).reshape(3, 4)
for index in [torch.tensor([1, 0], dtype=torch.uint8), (slice(None), torch.tensor([1, 0, 1], dtype=torch.uint8)),
              torch.tensor([[1, 0]], dtype=torch.uint8), torch.tensor([1, 0, 1], dtype=torch.uint8),
              (0, torch.tensor([1, 0, 1], dtype=torch.uint8))]:
    for value in [5., torch.tensor(5.), torch.tensor([5.])]:
        y = x.clone()
        try:
            y[index] = value
            print(y)
        except Exception as e:
            print(type(e).__name__, e)
""",
"slice_scatter_out_is_resized_then_must_have_the_result_dtype": """
x = torch.zeros(3, 4)
for out in [torch.zeros(5, dtype=torch.long), torch.empty(0, dtype=torch.float64), torch.zeros(3, 4, dtype=torch.int32),
            torch.empty(0, dtype=torch.bool), torch.zeros(2, 2), torch.zeros(4, 3).t()]:
    try:
        r = torch.slice_scatter(x, torch.ones(3, 2), 1, 1, 3, out=out)
        print(r is out, r, r.stride())
    except Exception as e:
        print(type(e).__name__, e)
    print(out.dtype, out.shape)
""",
"index_add_of_a_matrix_with_alpha_adds_each_slice_by_the_add_kernel": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for shape, dim in [((7, 40), 0), ((7, 40), 1), ((40, 7), 1), ((7, 3), 0), ((3, 4, 5), 1), ((7, 70), 0)]:
        x = (torch.randn(shape) * 10).to(dt)
        sshape = list(shape); sshape[dim] = 30
        src = (torch.randn(sshape) * 10).to(dt)
        idx = torch.randint(0, shape[dim], (30,))
        for alpha in [0.3, 3, -1.7]:
            r = x.index_add(dim, idx, src, alpha=alpha)
            t = x.t().contiguous().t() if x.dim() == 2 else x.clone()
            t.index_add_(dim, idx, src, alpha=alpha)
            print(dt, shape, dim, alpha, r.double().sum().item(), r.flatten()[:3].tolist(), t.double().sum().item())
""",
"half_and_bfloat16_add_with_alpha_over_strided_rows_takes_the_scalar_loop": """
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    x = (torch.randn(3, 4, 50) * 10).to(dt)
    s = (torch.randn(3, 4, 50) * 10).to(dt)
    r = x.clone()
    r[:, 1].add_(s[:, 2], alpha=0.3)
    print(r[:, 1].tolist())
    print(torch.add(x[:, 1], s[:, 2], alpha=0.3).tolist(), torch.sub(x[:, :, 7], s[:, :, 9], alpha=1.7).tolist())
    c = (torch.randn(40, 7) * 10).to(dt)
    c[:, 1].add_(c[:, 2], alpha=-1.3)
    print(c[:, 1].tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

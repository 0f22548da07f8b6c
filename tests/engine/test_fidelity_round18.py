"""Classes of difference found in the eighteenth round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"cdist_2_norm_rounds_whole_16_byte_blocks_of_squares_and_fuses_the_rest": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for m in (2, 3, 4, 5, 7, 8, 9, 13, 20, 31):
        a = torch.rand(6, m, dtype=dt) * 3 - 1
        b = torch.rand(5, m, dtype=dt, requires_grad=True)
        r = torch.cdist(a, b)
        print(m, r[2].tolist(), torch.cdist(a, b, compute_mode="donot_use_mm_for_euclid_dist")[4].tolist())
        r.sum().backward()
        print(b.grad[1].tolist())
""",
"logaddexp_takes_sleefs_exp_and_log1p_on_the_vector_body_and_the_c_librarys_on_the_rest": """
torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    x = torch.randn(7, 37, dtype=dt) * 4; y = torch.randn(7, 37, dtype=dt)
    print(torch.logaddexp(x, y).tolist())
    print(torch.logaddexp(x.t(), y.t()).tolist())
    print(torch.logaddexp(x, y[0]).tolist())
    print(torch.logaddexp(x, torch.tensor(0.5, dtype=dt)).tolist())
    print(torch.logaddexp(x[:, :20], y[:, 3:23]).tolist())
    print(torch.logaddexp(torch.tensor([float('inf'), -float('inf'), float('nan'), 1.0, 1e30], dtype=dt), torch.tensor([float('inf'), -float('inf'), 1.0, float('nan'), -1e30], dtype=dt)).tolist())
    a = x.clone().requires_grad_(); torch.logaddexp(a, y).sum().backward(); print(a.grad[0].tolist())
    print(torch.logaddexp(x, y, out=torch.empty(7, 37, dtype=dt))[1].tolist())
    print(torch.logaddexp(x.half(), y.half()) [0].tolist(), x.logaddexp(y)[2].tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round18_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

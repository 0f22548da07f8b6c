"""Classes of difference found by the twenty-seventh round's held-out programs on shape ops and products (held27f,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"addmm_scales_an_operand_as_gemm_packs_it_and_its_plain_sums_start_from_beta_times_self": """
torch.manual_seed(3)
torch.set_printoptions(precision=10)
for m, k, n in [(3, 4, 3), (2, 3, 5), (5, 1, 12), (4, 3, 1), (3, 7, 2), (2, 6, 5)]:
    for lay in ['nn', 'tn', 'nt']:
        for dt in [torch.float32, torch.float64]:
            a = torch.randn(m, k, dtype=dt) if lay[0] == 'n' else torch.randn(k, m, dtype=dt).t()
            b = torch.randn(k, n, dtype=dt) if lay[1] == 'n' else torch.randn(n, k, dtype=dt).t()
            c = torch.randn(m, n, dtype=dt)
            for alpha, beta in [(1.5, 0), (0.3, 1), (1, 1), (1, 0.5), (-2.5, 0.7)]:
                print(m, k, n, lay, dt, alpha, beta, torch.addmm(c, a, b, beta=beta, alpha=alpha).tolist())
M = torch.randn(8, 16)
x, y = torch.randn(8, 5), torch.randn(5, 16)
print(torch.addmm(M, x, y, alpha=0.125), M.clone().addmm_(x, y, beta=2, alpha=-1), torch.addmm(M[0], x, y, alpha=3))
print(torch.addbmm(M[:3, :4], torch.randn(2, 3, 4), torch.randn(2, 4, 4)))
print(torch.addmm(torch.randn(5, 33, dtype=torch.float64), torch.randn(5, 2, dtype=torch.float64), torch.randn(2, 33, dtype=torch.float64))[4, -3:])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

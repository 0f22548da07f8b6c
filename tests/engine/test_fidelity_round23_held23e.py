"""Classes of difference found by the twenty-third round's held-out programs on reductions and special functions
(held23e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"polygamma_of_float16_and_bfloat16_takes_zeta_in_float_rounded_to_the_dtype": """
torch.manual_seed(3)
x = torch.cat([torch.rand(120) * 20 + 0.01, -torch.rand(20) * 5, torch.tensor([0., -1., 1., float("inf"), 1e-3])])
for dt in [torch.float16, torch.bfloat16]:
    for n in [2, 3, 4, 6]:
        print(dt, n, torch.polygamma(n, x.to(dt)).tolist())
    y = x.to(dt).clone()
    y.polygamma_(3)
    print(y.tolist())
    z = x[:5].to(dt).requires_grad_()
    torch.special.polygamma(1, z).sum().backward()
    print(z.grad)
""",
"var_std_and_their_means_of_float16_round_welfords_double_through_float": """
torch.manual_seed(7)
for dt in [torch.float16, torch.bfloat16]:
    for n in [2, 3, 5]:
        x = (torch.randn(3000, n) * 2).to(dt)
        print(dt, n, x.var(1).tolist(), x.std(1, correction=0).tolist(), x.t().var(0).tolist())
        v, m = torch.var_mean(x, 1)
        s, m2 = torch.std_mean(x, 1, correction=0)
        print(v.tolist(), m.tolist(), s.tolist(), m2.tolist())
c = torch.tensor([-0.498046875, -3.603515625, 2.751953125, 1.0537109375, -0.054595947265625], dtype=torch.float16)
print(torch.std_mean(c), torch.var_mean(c, 0), c.float().mean().item())
""",
"cumsum_and_cumprod_of_float16_and_bfloat16_run_in_float": """
torch.manual_seed(8)
for dt in [torch.float16, torch.bfloat16]:
    x = torch.randn(6, 3000).to(dt)
    print(dt, x.cumsum(1).flatten().tolist())
    y = (1 + torch.randn(20, 200) * 0.05).to(dt)
    print(y.cumprod(1).flatten().tolist())
    z = y.clone()
    z.cumsum_(1)
    print(z[:, -1].tolist())
    w = x[:2].clone().requires_grad_()
    w.cumsum(1).backward(x[:2])
    print(w.grad.flatten().tolist())
""",
"erfcx_continued_fraction_and_the_first_chebyshev_step_round_as_aten_compiles_them": """
torch.manual_seed(2)
big = torch.cat([torch.tensor([52.049041748046875, 54.603302001953125, 54.162593841552734]), 50 + torch.rand(3000) * 100])
print(torch.special.erfcx(big).tolist())
print(torch.special.log_ndtr(-big[:3] * 2 ** 0.5).tolist(), torch.special.erfcx(big.double()[:3]).tolist())
x = torch.cat([torch.tensor([0.022629326209425926, -0.022629326209425926]), torch.rand(3000) * 16 - 8])
print(torch.special.i1e(x).tolist())
print(torch.special.i1e(x[:2].double()).tolist(), torch.special.i0e(x[:2]).tolist(), torch.special.i1(x[:2]).tolist())
""",
"amax_and_amin_of_signed_zeros_keep_the_zero_atens_walk_keeps": """
torch.manual_seed(4)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for shp in [(5,), (40,), (70,), (3, 40), (40, 3), (2, 3, 50), (9, 64), (64, 9), (3000,)]:
        x = torch.where(torch.randint(0, 2, shp).bool(), torch.tensor(0.0), torch.tensor(-0.0)).to(dt)
        x = x - (torch.rand(shp) < 0.1).to(dt)
        for y in [x, x.t() if len(shp) == 2 else x]:
            for d in [None] + list(range(len(shp))):
                print(dt, shp, d, [(f(y) if d is None else f(y, d)).tolist() for f in (torch.amax, torch.amin)])
print(torch.tensor([[-0.0, 0.0], [0.0, -0.0]]).amax(0), torch.tensor([0.0, -0.0]).amin(), torch.tensor([-0.0, 0.0]).double().amax())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-sixth round's held-out programs on dtypes and arithmetic (held26e,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"polar_is_a_scalar_loop_of_the_c_librarys_cos_and_sin": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    a = (torch.randn(300) * 10).to(dt)
    r = torch.rand(300).to(dt) * 3
    z = torch.polar(r, a)
    print(dt, z[:9].tolist(), z.real.sum().item(), z.imag.sum().item())
print(torch.polar(torch.tensor([1., 2., 3.]), torch.tensor([1., 2., 3.])).tolist())
""",
"the_gradient_of_a_complex_abs_is_grad_times_sgns_own_kernel": """
torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128]:
    for n in [3, 20, 37]:
        z = torch.randn(n, dtype=dt) * 7
        z[0] = 0
        zz = z.clone().requires_grad_()
        zz.abs().sum().backward()
        print(dt, n, zz.grad.tolist() == z.sgn().tolist(), zz.grad[:4].tolist())
""",
"bincount_of_complex_weights_takes_their_real_part_with_torchs_warning": """
i = torch.tensor([0, 1, 1, 3])
for w in [torch.tensor([1+2j, 2, 3j, 4]), torch.tensor([1+2j, 2, 3j, 4], dtype=torch.complex128)]:
    r = torch.bincount(i, weights=w)
    print(r, r.dtype)
print(torch.bincount(torch.tensor([], dtype=torch.int64), weights=torch.tensor([], dtype=torch.complex64)))
""",
"cdist_checks_dtypes_as_the_path_it_takes": """
dts = [torch.float16, torch.bfloat16, torch.float32, torch.float64]
for a in dts:
    for b in dts:
        for p, r, mode in [(2., 2, 'use_mm_for_euclid_dist_if_necessary'), (2., 30, 'use_mm_for_euclid_dist_if_necessary'),
                           (2., 2, 'use_mm_for_euclid_dist'), (1., 30, 'use_mm_for_euclid_dist'), (-1., 2, 'donot_use_mm_for_euclid_dist')]:
            for n in [3, 0]:
                try:
                    out = torch.cdist(torch.ones(r, n, dtype=a), torch.ones(2, n, dtype=b), p=p, compute_mode=mode)
                    print(a, b, p, r, mode, n, out.dtype, out.shape)
                except Exception as e:
                    print(a, b, p, r, mode, n, type(e).__name__, e)
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    x = torch.randn(30, 4).to(dt).requires_grad_()
    y = torch.randn(5, 4).to(dt)
    d = torch.cdist(x, y)
    d.sum().backward()
    print(d[:2].tolist(), x.grad[:2].tolist())
""",
"complex64_sgn_walks_in_avx512_vectors_as_its_kernel_is_compiled_for_them": """
torch.manual_seed(1)
for n in [4, 8, 12, 16, 20, 24, 40]:
    z = torch.randn(n, dtype=torch.complex64) * 7
    z[0] = 0
    zz = z.clone().requires_grad_()
    zz.abs().sum().backward()
    y = z.clone()
    y.sgn_()
    print(n, z.sgn().tolist(), zz.grad.tolist() == z.sgn().tolist(), y.tolist() == z.sgn().tolist())
print(torch.randn(3, 5, dtype=torch.complex64).sgn().tolist())
""",
"complex_abs_and_sgn_take_sleefs_hypot_in_their_vector_body": """
torch.manual_seed(1)
for dt in [torch.complex128, torch.complex64]:
    z = torch.randn(4000, dtype=dt) * 7
    print(dt, z.abs().sum().item(), z.sgn().real.sum().item(), z.sgn().imag.sum().item())
    print(z[:40].abs().tolist())
    m = torch.randn(50, 3, dtype=dt)
    print(m.t().abs().sum().item(), m[:, 1].abs().sum().item(), m.t().sgn().real.sum().item())
    zz = z[:100].clone().requires_grad_()
    zz.abs().sum().backward()
    print(zz.grad.real.sum().item(), zz.grad.imag.sum().item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-eighth round's held-out programs on dtypes, type promotion and
arithmetic (held28e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"complex_true_division_is_c10_complex_operator_div_with_fused_products_and_the_scalar_tails_unfused_numerators": """
torch.manual_seed(5)
z = torch.tensor([1+2j, 3-1j])
print((z / z).tolist(), (z[1] / z[1]).item())
for dt in [torch.complex64, torch.complex128]:
    for shape in [(), (2,), (3,), (5,), (9,), (13,), (3, 5), (40,)]:
        a = torch.randn(shape, dtype=dt) * 10
        b = torch.randn(shape, dtype=dt)
        c = a.clone()
        c /= b
        d = a.clone()
        d.div_(1.5 - 0.5j)
        print(dt, shape, (a / b).reshape(-1).tolist(), (a / (1 - 2j)).reshape(-1).tolist(),
              (a / b.reshape(-1)[0]).reshape(-1).tolist(), c.reshape(-1).tolist(), d.reshape(-1).tolist())
""",
"frexp_out_checks_the_mantissas_dtype_then_the_exponents_int_after_the_floating_input": """
x = torch.tensor([1., 2.5])
for m, e in [(torch.float32, torch.int32), (torch.float32, torch.float32), (torch.float32, torch.int64),
             (torch.float64, torch.int32), (torch.float64, torch.float32), (torch.float16, torch.int16)]:
    for inp in [x, x.half(), x.long()]:
        try:
            print(m, e, inp.dtype, torch.frexp(inp, out=(torch.empty(2, dtype=m), torch.empty(2, dtype=e))))
        except Exception as err:
            print(m, e, inp.dtype, type(err).__name__, err)
""",
"complex_addcmul_and_addcdiv_round_each_product_in_the_vector_body_and_fuse_them_in_the_scalar_one": """
torch.manual_seed(13)
for dt in [torch.complex64, torch.complex128]:
    for shape in [(), (3,), (4,), (16,), (19,), (4, 9), (70,)]:
        s, a, b = (torch.randn(shape, dtype=dt) for _ in range(3))
        for v in [1, 0.5, -2j]:
            print(dt, shape, v, torch.addcmul(s, a, b, value=v).reshape(-1).tolist(),
                  torch.addcdiv(s, a, b, value=v).reshape(-1).tolist())
        c = s.clone()
        c.addcmul_(a, b, value=0.5j)
        print(c.reshape(-1).tolist())
""",
"complex_lerp_rounds_its_product_in_the_vector_body_fuses_it_in_the_scalar_one_and_pairs_complex64_branches": """
torch.manual_seed(17)
for dt in [torch.complex64, torch.complex128]:
    for shape in [(), (2,), (3,), (7,), (16,), (21,), (3, 5)]:
        s, e, w = (torch.randn(shape, dtype=dt) for _ in range(3))
        w = w * 0.5
        c = s.clone()
        c.lerp_(e, 0.25 + 0.25j)
        print(dt, shape, torch.lerp(s, e, w).reshape(-1).tolist(), torch.lerp(s, e, 0.2 - 0.1j).reshape(-1).tolist(),
              c.reshape(-1).tolist())
""",
"complex_pow_by_2_3_and_minus_2_is_pow_kernels_products_at_avx512_width_fused_in_its_scalar_body": """
torch.manual_seed(23)
for dt in [torch.complex64, torch.complex128]:
    for shape in [(), (5,), (9,), (17,), (33,), (3, 7)]:
        a = torch.randn(shape, dtype=dt)
        print(dt, shape, [(a ** p).reshape(-1).tolist() for p in [2, 3, -2, 3.0]], a.square().reshape(-1).tolist(),
              a.clone().pow_(3).reshape(-1).tolist())
        if a.dim() == 2:
            print((a.t() ** 3).reshape(-1).tolist(), (a[:, ::2] ** 3).reshape(-1).tolist())
print((torch.zeros(2, dtype=torch.complex64) ** -2).tolist())
""",
"complex64_in_place_mul_and_div_on_strided_rows_leave_their_products_unfused": """
torch.manual_seed(29)
for dt in [torch.complex64, torch.complex128]:
    a = torch.randn(4, 20, dtype=dt)
    b = torch.randn(4, 20, dtype=dt)
    print(dt, a.clone()[:, ::2].mul_(b[:, ::2]).reshape(-1).tolist(), a.clone()[:, ::2].div_(b[:, ::2]).reshape(-1).tolist(),
          (a[:, ::2] * b[:, ::2]).reshape(-1).tolist(), (a[:, ::2] / b[:, ::2]).reshape(-1).tolist())
""",
"the_gradient_of_a_complex_unary_op_is_its_derivatives_yaml_formula_in_the_ops_own_arithmetic": """
torch.manual_seed(37)
for dt in [torch.complex64, torch.complex128]:
    for n in [1, 3, 9]:
        a = torch.randn(n, dtype=dt)
        for name in ['log', 'sqrt', 'reciprocal', 'rsqrt', 'tan', 'atan', 'asin', 'acosh', 'atanh', 'log10', 'log1p', 'exp',
                     'sin', 'sgn', 'abs', 'square', 'angle']:
            x = a.clone().requires_grad_()
            y = getattr(torch, name)(x)
            y.backward(torch.randn(n, dtype=y.dtype))
            print(dt, n, name, x.grad.tolist())
        x = a.clone().requires_grad_()
        (2 / x).backward(torch.ones(n, dtype=dt))
        print(x.grad.tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

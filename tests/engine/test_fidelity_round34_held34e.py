"""Classes of difference found by the thirty-fourth round's held-out programs on dtypes, type promotion and arithmetic
(held34e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"out_of_a_bitwise_or_shift_op_checks_the_common_dtype_with_a_python_number_before_the_kernel_refuses_it": """
L = torch.tensor([1, 2, 3])
B = torch.tensor([True, False, True])
F = torch.tensor([1., 2., 3.])
for op in ['bitwise_left_shift', 'bitwise_right_shift', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'gcd', 'lcm']:
    f = getattr(torch, op)
    for name, a, b in [('L,3.0', L, 3.0), ('3.0,L', 3.0, L), ('B,2.0', B, 2.0), ('L,1j', L, 1j), ('L,True', L, True),
                       ('L,F', L, F), ('F,2', F, 2), ('B,1', B, 1)]:
        for out in [torch.tensor([7, 8, 9]), torch.zeros(3), torch.zeros(3, dtype=torch.bool), torch.zeros(2, dtype=torch.long),
                    torch.zeros(3, dtype=torch.uint8)]:
            try:
                print(op, name, out.dtype, f(a, b, out=out), out)
            except Exception as e:
                print(op, name, out.dtype, type(e).__name__, e)
        try:
            print(op, name, 'other=', f(a, other=b, out=torch.tensor([7, 8, 9])))
        except Exception as e:
            print(op, name, 'other=', type(e).__name__, e)
        for form in ['inplace', 'augmented']:
            if not isinstance(a, torch.Tensor) or op in ('gcd', 'lcm') and form == 'augmented':
                continue
            y = a.clone()
            try:
                if form == 'inplace':
                    getattr(y, op + '_')(b)
                elif op == 'bitwise_left_shift':
                    y <<= b
                elif op == 'bitwise_right_shift':
                    y >>= b
                elif op == 'bitwise_and':
                    y &= b
                elif op == 'bitwise_or':
                    y |= b
                else:
                    y ^= b
                print(op, name, form, y)
            except Exception as e:
                print(op, name, form, type(e).__name__, e)
""",
"pow_of_a_tensor_to_a_number_checks_out_dtype_before_converting_the_exponent_and_resizes_out_before_it": """
for dt in [torch.float16, torch.bfloat16, torch.int8, torch.uint8, torch.bool, torch.float32]:
    x = torch.tensor([1, 2]).to(dt)
    for e in [2, -1, 2 ** 40, 1e6, 1e300, 0.5, True, 2 ** 63, 70000]:
        for out in [torch.empty(3, dtype=torch.long), torch.empty(3, dtype=dt), torch.empty(3, dtype=torch.int8), torch.empty(3)]:
            try:
                r = torch.pow(x, e, out=out)
                print(dt, e, out.dtype, r.shape, r.dtype)
            except Exception as e2:
                print(dt, e, out.dtype, type(e2).__name__, e2, out.shape)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

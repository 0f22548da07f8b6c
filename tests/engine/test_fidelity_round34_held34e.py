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
"a_complex_number_first_in_a_torch_function_is_a_complex_wrapped_number": """
L = torch.tensor([1, 2, 3]); C = torch.tensor([1 + 1j, 2, 3]); B = torch.tensor([True, False, True])
for op in ['add', 'sub', 'mul', 'div', 'true_divide', 'floor_divide', 'eq', 'remainder']:
    for t in [L, C, B]:
        for out in [None, torch.empty(3, dtype=torch.complex64), torch.empty(2, dtype=torch.long), torch.empty(3, dtype=torch.complex128)]:
            try:
                r = getattr(torch, op)(1j, t) if out is None else getattr(torch, op)(1j, t, out=out)
                print(op, t.dtype, None if out is None else out.dtype, r, r.dtype)
            except Exception as e:
                print(op, t.dtype, None if out is None else out.dtype, type(e).__name__, str(e).split(chr(10))[0])
""",
"clamp_refuses_a_complex_self_or_bound_before_out_dtype_and_resizes_out_before_the_kernel": """
F = torch.tensor([1., 2.]); L = torch.tensor([1, 2]); C = torch.tensor([1 + 1j, 2]); B = torch.tensor([True, False])
for n, t in [('F', F), ('L', L), ('C', C), ('B', B)]:
    for b in [1j, 1.5, 1, True, torch.tensor(1.5), torch.tensor(True)]:
        for op in ['clamp', 'clamp_min', 'clamp_max', 'clip']:
            for out in [torch.empty(2, dtype=torch.long), torch.empty(2, dtype=torch.complex64), torch.empty(3), torch.empty(3, dtype=t.dtype)]:
                try:
                    r = getattr(torch, op)(t, b, out=out)
                    print(n, b, op, out.dtype, r)
                except Exception as e:
                    print(n, b, op, out.dtype, type(e).__name__, e, out.shape)
        try:
            print(n, b, 'max=', torch.clamp(t, max=b, out=torch.empty(2, dtype=torch.long)))
        except Exception as e:
            print(n, b, 'max=', type(e).__name__, e)
""",
"out_of_a_comparison_is_resized_before_the_kernel_refuses_the_operands_dtype": """
for a, b in [(torch.tensor([1, 2, 3]), 1j), (torch.tensor([1 + 1j, 2, 3]), 2), (torch.tensor([1 + 1j, 2, 3]), torch.tensor([1j]))]:
    for op in ['lt', 'le', 'gt', 'ge', 'eq']:
        for out in [torch.empty(2, dtype=torch.bool), torch.empty(2, dtype=torch.complex64), torch.empty(4, dtype=torch.float16), torch.empty(3, dtype=torch.long)]:
            try:
                print(op, getattr(torch, op)(a, b, out=out))
            except Exception as e:
                print(op, out.dtype, type(e).__name__, e, out.shape)
""",
"out_of_an_integer_division_by_zero_checks_its_dtype_and_is_resized_before_the_zero_division_error": """
L = torch.tensor([1, 2, 3]); B = torch.tensor([True, False, True]); Z = torch.tensor([0, 1, 0])
for op, kw in [('floor_divide', {}), ('remainder', {}), ('fmod', {}), ('div', {'rounding_mode': 'floor'}), ('div', {'rounding_mode': 'trunc'})]:
    for a, b, n in [(L, 0, 'L0'), (2, B, '2B'), (L, Z, 'LZ'), (L, False, 'LF'), (L[0], Z, 'L0Z'), (True, B, 'TB'), (B, False, 'BF'), (L.to(torch.int8), 0, 'I0')]:
        for dt in [torch.bool, torch.long, torch.int8, torch.float32, torch.complex64]:
            out = torch.zeros(2, dtype=dt)
            try:
                print(op, kw, n, getattr(torch, op)(a, b, out=out, **kw))
            except Exception as e:
                print(op, kw, n, dt, type(e).__name__, str(e).split(chr(10))[0], out.shape)
""",
"pow_of_a_number_base_resizes_out_first_and_a_base_of_one_fills_it_whatever_its_dtype": """
L = torch.tensor([1, 2, 3])
for base in [1, 1.0, 2, True, 1j, 2.5, -1, 0]:
    for out in [torch.empty(2, dtype=torch.bool), torch.zeros(3, dtype=torch.int8), torch.zeros(4), torch.zeros(3, dtype=torch.complex64)]:
        try:
            r = torch.pow(base, L.float() if base == -1 else L, out=out)
            print(base, r, out.dtype)
        except Exception as e:
            print(base, out.dtype, type(e).__name__, e, out.shape)
x = torch.tensor([1., 2.], requires_grad=True)
try:
    torch.pow(1, x, out=torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

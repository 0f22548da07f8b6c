"""Classes of difference found by the thirty-second round's held-out programs on dtypes, type promotion and
arithmetic (held32e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_unary_op_resizes_its_out_before_its_kernel_refuses_the_dtype": """
import warnings
warnings.simplefilter('always')
ts = [torch.tensor([True, False]), torch.tensor([1, -2]), torch.tensor([1.5, -2.5], dtype=torch.float16),
      torch.tensor([1+1j, -2j]), torch.tensor([1, 2], dtype=torch.uint8)]
for name in ["abs", "neg", "sign", "sgn", "bitwise_not", "ceil", "round", "trunc", "frac", "negative"]:
    for t in ts:
        for o in [torch.empty(1, dtype=t.dtype), torch.empty(0, dtype=t.dtype), torch.empty(3, 1, dtype=t.dtype), torch.empty(1)]:
            try:
                print(name, getattr(torch, name)(t, out=o), o.shape)
            except Exception as ex:
                print(name, type(ex).__name__, ex, o.shape)
""",
"an_out_of_another_shape_is_resized_before_a_binary_kernel_refuses_the_operands_dtype": """
import warnings
warnings.simplefilter('always')
b = torch.tensor([True, False, True])
i = torch.tensor([1, 2, 3])
h = torch.tensor([1., 2., 3.], dtype=torch.float16)
c = torch.tensor([1j, 2, 3])
cases = [('hypot', (i, i)), ('nextafter', (i, i)), ('logaddexp', (b, b)), ('atan2', (c, c)), ('remainder', (c, c)),
         ('bitwise_and', (h, h)), ('floor_divide', (c, c)), ('gcd', (h, h)), ('copysign', (c, c)), ('xlogy', (c, c)),
         ('igamma', (i, i)), ('bitwise_left_shift', (h, i)), ('mul', (b, c)), ('hypot', (i, i[:1])), ('gcd', (h, h[:2]))]
for name, args in cases:
    for o in [torch.empty(1), torch.empty(0), torch.empty(3), torch.empty(1, dtype=args[0].dtype), torch.empty(2, 2)]:
        try:
            print(name, getattr(torch, name)(*args, out=o))
        except Exception as ex:
            print(name, type(ex).__name__, ex)
        print(o.shape)
""",
"ldexp_resizes_its_output_before_the_kernel_refuses_a_bool_exponent_or_an_out_of_another_dtype": """
import warnings
warnings.simplefilter('always')
selfs = [torch.tensor(2.0), torch.tensor([2.0]), torch.tensor([2.0, 3.0]), torch.tensor([1.5], dtype=torch.float16),
         torch.tensor([1.5, 2.5], dtype=torch.float64)]
exps = [torch.tensor([1, 2]), torch.tensor(3), torch.tensor(True), torch.tensor([True, False]), torch.tensor([[1], [2]]),
        torch.tensor([0.5, 1.0]), torch.empty(0, dtype=torch.int64)]
outs = [lambda: torch.empty(2), lambda: torch.empty(0), lambda: torch.empty(2, dtype=torch.float64),
        lambda: torch.empty(1, dtype=torch.int64)]
for si, s in enumerate(selfs):
    for ei, e in enumerate(exps):
        for k, make_out in enumerate(outs):
            try:
                print(si, ei, k, torch.ldexp(s, e, out=make_out()))
            except Exception as ex:
                print(si, ei, k, type(ex).__name__, ex)
        for form in (lambda: s.clone().ldexp_(e), lambda: torch.ldexp(s, e), lambda: s.ldexp(e)):
            try:
                print(si, ei, form())
            except Exception as ex:
                print(si, ei, type(ex).__name__, ex)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

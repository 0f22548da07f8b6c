"""Classes of difference found by the round-22 held-out programs on dtypes, promotion and arithmetic (held22e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"tensor_data_beyond_int64_overflows_unpacking_a_long_long": """
for v in [2**63, -2**63 - 1, 2**64 + 5]:
    for dt in [torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool, torch.float32]:
        for f in [lambda: torch.tensor(v, dtype=dt), lambda: torch.tensor([300, v], dtype=dt), lambda: torch.as_tensor([1, v], dtype=dt)]:
            try: print(f())
            except Exception as e: print(type(e).__name__, e)
""",
"finfo_and_iinfo_cannot_be_copied": """
import copy
for o in [torch.finfo(torch.float16), torch.finfo(), torch.iinfo(torch.int8), {"eps": torch.finfo(torch.bfloat16)}]:
    for f in [copy.copy, copy.deepcopy]:
        try: print(f(o))
        except Exception as e: print(type(e).__name__, e)
print(copy.deepcopy({"dt": torch.int64, "x": torch.ones(1, dtype=torch.int8)}))
""",
"range_factories_convert_their_numbers_checked": """
for dt in [torch.int8, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.float32, torch.complex64]:
    for a, b, n in [(0, 70000, 3), (1e39, 0, 2), (1e39, 0, 1), (1e39, 0, 0), (-70000, 0, 1), (65504, 65520, 2), (300, 0, 1)]:
        for f in [torch.linspace, torch.logspace]:
            try: print(f(a, b, n, dtype=dt))
            except Exception as e: print(type(e).__name__, e)
for dt in [torch.int8, torch.int32, torch.float16, torch.bfloat16, torch.float32]:
    for a, b, st in [(0, 1e39, 4e38), (1e39, 1e39, 1), (0, 1, float('nan')), (-0.5, 3, 1.5), (0, 1, 0.1), (-1.7, 2.2, 0.9)]:
        for f in [torch.arange, torch.range][:1 if abs(st) < 1 and not dt.is_floating_point else 2]:  # (torch's SIGFPE)
            try: print(f(a, b, st, dtype=dt))
            except Exception as e: print(type(e).__name__, e)
""",
"gcd_and_lcm_keep_a_minimum_negative_as_calc_gcd": """
for dt in [torch.int8, torch.int16, torch.int32]:
    lo = torch.iinfo(dt).min
    a = torch.tensor([lo, lo, lo, -127, lo + 1, 64, 0, lo, 7], dtype=dt)
    b = torch.tensor([-127, -1, lo, lo, -2, lo, lo, 0, -21], dtype=dt)
    print(torch.gcd(a, b), torch.gcd(b, torch.tensor(lo, dtype=dt)), a.clone().gcd_(b))
    if dt != torch.int32:
        print(torch.lcm(a, b), torch.lcm(a, torch.tensor(-3, dtype=dt)))
""",
"integer_trunc_division_is_exact": """
x = torch.tensor([2**62 + 12345, -2**62 - 7, 2**53 + 1, -(2**53) - 3, 9223372036854775807, 3])
print(torch.div(x, 3, rounding_mode="trunc"), torch.div(x, torch.tensor([-7]), rounding_mode="trunc"), x.clone().div_(-2**40, rounding_mode="trunc"))
print(torch.div(x, torch.tensor(-1), rounding_mode="trunc"), torch.div(torch.tensor([-128, 127, -7], dtype=torch.int8), torch.tensor([-1, -2, 2], dtype=torch.int8), rounding_mode="trunc"))
print(torch.div(torch.tensor([200, 7], dtype=torch.uint8), torch.tensor([-3, -2], dtype=torch.int8), rounding_mode="trunc"))
""",
"doubles_become_float16_through_float": """
v, w = 1 + 2**-11 + 2**-40, 2049 + 2**-30
d = torch.tensor([v, w, 65519.99999, 1 + 2**-8 + 2**-35], dtype=torch.float64)
h = torch.zeros(4, dtype=torch.float16)
print(d.half(), d.to(torch.float16), d.type(torch.HalfTensor), torch.tensor([v, w], dtype=torch.float16), torch.full((2,), v, dtype=torch.float16))
print(h.clone().fill_(v), h.clone().fill_(d[0]), h.clone().copy_(d), h + v, h + d[0], torch.where(h == 0, v, h))
g = h.clone(); g += d; print(g, h.masked_fill(h == 0, v), h.clone().index_fill_(0, torch.tensor([1]), v))
print(torch.tensor([float('nan'), float('inf')], dtype=torch.float16).nan_to_num(nan=v, posinf=w), h.new_full((1,), v))
d0 = d[0].clone(); g = h.clone(); g[g == 0] = d0
print(torch.where(h == 0, d0, h), torch.nn.functional.pad(h, (1, 1), value=v), g, h.clone().apply_(lambda x: v))
k = torch.tensor([1.0, 2048.0, -1.0], dtype=torch.float16)
print(k.clamp_min(d0), k.clone().clamp_max_(d0), k.clone().div_(d0), k.clone().true_divide_(d0), k / d0)
""",
"reduced_in_place_division_reads_a_0_dim_divisor_as_a_float": """
for dt, v in [(torch.float16, 1 + 2**-11 + 2**-40), (torch.bfloat16, 1 + 2**-8 + 2**-40), (torch.float16, 0.3)]:
    d0 = torch.tensor(v, dtype=torch.float64)
    k = torch.tensor([1.0, 2048.0, -1.0, 3.7], dtype=dt)
    print(k.clone().div_(d0), k.clone().true_divide_(d0), k.clone().__itruediv__(d0), k / d0, k.clone().div_(v))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

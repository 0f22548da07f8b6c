"""Classes of difference found by the round-20 held-out programs on dtypes, promotion and arithmetic (held20e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"logaddexp2_is_atens_fused_kernel": """
x = torch.tensor([-1.0, 0.0, 3.0, -20.0, float('inf'), float('-inf')])
print(torch.logaddexp2(x, x).tolist(), torch.logaddexp2(x.double(), x.double()).tolist())
print(torch.logaddexp2(x.half(), x.half()).tolist(), torch.logaddexp2(x.bfloat16(), torch.tensor(0.5, dtype=torch.bfloat16)).tolist())
torch.manual_seed(0)
a, b = torch.randn(300) * 4, torch.randn(300) * 4
print(torch.logaddexp2(a, b).double().sum().item(), torch.logaddexp2(a, b[0]).double().sum().item(), torch.logaddexp2(a.double(), b.double()).sum().item())
""",
"binary_kernels_name_the_common_complex_dtype": """
c64, c128 = torch.tensor([1 + 1j, 2j]), torch.tensor([1 + 1j, 2j], dtype=torch.complex128)
f64, h = torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([1.0, 2.0], dtype=torch.float16)
for f in [lambda: c64 < c128, lambda: torch.fmod(f64, c64), lambda: c128 % c64[0], lambda: torch.bitwise_and(h, c64[0]),
          lambda: torch.atan2(c64, f64), lambda: f64.clone().fmod_(c64), lambda: f64.clone().lt_(c64), lambda: c64 // f64,
          lambda: torch.lt(f64, c64, out=torch.empty(2)), lambda: torch.fmod(f64, c64, out=torch.empty(2)),
          lambda: torch.logaddexp2(h, c64[0]), lambda: torch.heaviside(f64, f64, out=torch.empty(2, dtype=torch.complex64)),
          lambda: torch.isin(torch.tensor([True]), c64), lambda: torch.isin(c64, torch.tensor([True])),
          lambda: torch.tensor([1], dtype=torch.int8).igamma_(c64[:1])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"float_power_out_must_be_its_double": """
for o in [torch.empty(2), torch.empty(2, dtype=torch.float64), torch.empty(2, dtype=torch.complex128), torch.empty(2, dtype=torch.int64)]:
    for a, b in [(torch.tensor([2., 3.]), 2), (2, torch.tensor([1., 2.])), (torch.tensor([2., 3.]), 1j), (torch.tensor([1j, 2]), 2)]:
        try: print(torch.float_power(a, b, out=o), o.dtype)
        except Exception as e: print(type(e).__name__, e)
""",
"logical_ops_read_their_operands_in_the_common_dtype": """
h, i = torch.tensor([1., 0.], dtype=torch.float16), torch.tensor([1, 0], dtype=torch.int8)
for name in ['logical_and', 'logical_or', 'logical_xor']:
    fn = getattr(torch, name)
    print(name, fn(h, torch.tensor(1e-10, dtype=torch.float64)), fn(i, torch.tensor(256)), fn(torch.tensor(1e-50, dtype=torch.float64), torch.tensor([3.])))
    print(getattr(h.clone(), name + '_')(torch.tensor(1e-10, dtype=torch.float64)), getattr(i.clone(), name + '_')(torch.tensor(256)))
    print(getattr(i.clone(), name + '_')(torch.tensor([0.5j, 0])))
    try: print(fn(h, torch.tensor(1j)))
    except Exception as e: print(type(e).__name__, e)
""",
"complex_add_multiplies_alpha_into_other": """
inf, nan = float('inf'), float('nan')
z = torch.tensor([1 + 1j, 0j, -2 + 0.5j])
print(z + inf, inf + z, z - inf, inf - z, z + torch.tensor([inf, 0, nan]), torch.tensor([inf, 0, nan]) + z)
print(z.add(torch.tensor([complex(0, inf)]), alpha=2), torch.ones(20, dtype=torch.complex128).add(torch.full((20,), inf), alpha=3)[-2:])
w = z.clone(); w -= torch.tensor([inf, nan, 1]); print(w)
print(torch.add(z, inf, out=torch.empty(3, dtype=torch.complex64)), torch.tensor([inf]) + 0j)
""",
"complex_refusals_of_unary_ops_come_before_out_checks": """
z = torch.tensor([3 + 4j, -1 + 0j])
for name in ['abs', 'sign', 'floor', 'ceil', 'trunc', 'fix', 'sgn', 'signbit', 'isposinf', 'isneginf', 'round']:
    for o in [torch.empty(2), torch.empty(2, dtype=torch.int64), torch.empty(2, dtype=torch.bool)]:
        try: print(name, getattr(torch, name)(z, out=o))
        except Exception as e: print(name, type(e).__name__, e)
for f in [lambda: torch.isposinf(z), lambda: z.clone().deg2rad_(), lambda: z.clone().rad2deg_(), lambda: torch.isneginf(torch.tensor([1.]), out=torch.empty(1))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"complex_numbers_to_bool_and_int": """
for v in [1 + 2j, 0j, 0.5j, [1 + 2j, 0j], [True, 1j], [1.5, 0j]]:
    print(torch.tensor(v, dtype=torch.bool), torch.as_tensor(v, dtype=torch.bool))
for z in [complex(float('nan'), 0), complex(float('inf'), 0), complex(1e30, 0), complex(-3.7, 0), complex(2.0**63, 0)]:
    for f in [lambda: int(torch.tensor(z, dtype=torch.complex128)), lambda: float(torch.tensor(z))]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
""",
"complex_reductions_as_atens": """
torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128]:
    z = torch.randn(5, 7, dtype=dt)
    print(z.var(1).tolist(), z.std(0).tolist(), torch.var_mean(z, 1)[0].tolist(), torch.std_mean(z)[1].item())
    print(torch.var_mean(torch.tensor(3 + 1j, dtype=dt)), torch.cumprod(torch.tensor([complex(-0.0, -2), 1j], dtype=dt), 0).tolist())
    print(z.prod(dtype=torch.float64), z.mean(1, dtype=torch.float32), z.sum(dtype=torch.int32))
    for f in [lambda: z.nanmean(dtype=torch.int32), lambda: z.nanmean(dtype=torch.float64)]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
""",
"complex_angle_is_atens_kernel": """
torch.manual_seed(1)
inf, nan = float('inf'), float('nan')
sp = torch.tensor([complex(0.0, 0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), complex(inf, inf), complex(-inf, 1), complex(nan, 1), complex(-1, -0.0)])
for dt in [torch.complex64, torch.complex128]:
    print(sp.to(dt).angle().tolist())
    z = torch.randn(7, 45, dtype=dt)
    for v in [z, z[:, ::2], z.t(), z[0], z[0, 0], z.reshape(-1)[:300], torch.randn(1000, dtype=dt)]:
        print(v.angle().double().sum().item(), v.angle().reshape(-1)[-3:].tolist())
""",
"complex_sgn_of_small_tensors_is_the_scalar_body": """
inf, nan = float('inf'), float('nan')
for dt in [torch.complex64, torch.complex128]:
    for v in [0j, complex(-0.0, 0), complex(inf, 1), complex(inf, inf), complex(nan, 1), complex(1e-40, 0), complex(-7.5, 1), complex(-0.0, -3)]:
        print(torch.tensor([v], dtype=dt).sgn().tolist(), torch.tensor(v, dtype=dt).sgn().tolist())
    torch.manual_seed(0)
    z = torch.randn(3, dtype=dt) * 3
    print(z.sgn().tolist(), z.clone().sgn_().tolist())
""",
"float16_compared_with_a_complex_number_in_complex32": """
h = torch.tensor([0.0, 1.0, 0.1, 2.0, 70000.0], dtype=torch.float16)
for other in [0j, 1 + 0j, torch.tensor(0.1 + 0j), torch.tensor(1e5 + 0j), complex(0.1, 0)]:
    print(h == other, h != other, torch.eq(h, other))
    try: print(h < other)
    except Exception as e: print(type(e).__name__, e)
print(torch.ones(2).eq_(torch.tensor([1 + 0j, 2j])), torch.ones(2, dtype=torch.int64).ne_(1j))
""",
"bool_kernels_cast_a_complex_result_into_a_real_out": """
z = torch.tensor([1 + 1j, 0j])
print(torch.eq(z, z, out=torch.empty(2, dtype=torch.bool)), torch.logical_not(z, out=torch.empty(2)))
print(torch.logical_and(z, z, out=torch.empty(2)), torch.ne(z, 0, out=torch.empty(2, dtype=torch.int64)))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_held20e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the round-18 held-out programs on dtypes and arithmetic (held18e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"dtype_to_complex_is_c10s_to_complex_type": """
for dt in [torch.bool, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.float32, torch.float64,
           torch.complex64, torch.complex32, torch.uint16, torch.float8_e5m2]:
    for m in ("to_complex", "to_real"):
        try: print(dt, m, getattr(dt, m)())
        except Exception as e: print(dt, m, type(e).__name__, e)
""",
"float16_with_a_complex_number_is_complex32": """
h = torch.tensor([1.0, 2.0], dtype=torch.float16)
print(torch.result_type(h, 1j), torch.result_type(h, torch.tensor(1j)), torch.promote_types(torch.float16, torch.complex64))
print((torch.tensor([1.0], dtype=torch.bfloat16) + 1j).dtype)
for f in [lambda: h.add_(1j), lambda: h.mul_(torch.tensor(2j)), lambda: h.sub_(1j, alpha=2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"clamp_with_complex_bounds_follows_atens_meta": """
for t in [torch.tensor([1., 2.]), torch.tensor([1, 2]), torch.tensor([1., 2.], dtype=torch.float64), torch.tensor([True, False]), torch.tensor([1, 2], dtype=torch.uint8)]:
    for f in [lambda: torch.clamp(t, min=1j, max=torch.tensor(2.)), lambda: torch.clamp_min(t, 1j), lambda: torch.clamp_max(t, 2+0j),
              lambda: t.clone().clamp_max_(1j), lambda: torch.clamp(t, 1j, 2j), lambda: torch.clamp(t, torch.tensor(1j)),
              lambda: t.clone().clamp_(1.5+0j), lambda: t.clone().clamp_(max=2+0j), lambda: t.clamp(1, 1+0j), lambda: torch.clip(t, -1j),
              lambda: t.clone().clamp_(torch.tensor([1j])), lambda: torch.clamp(t, max=torch.tensor(1j)), lambda: torch.clamp(t, torch.tensor(0.), torch.tensor(1j)),
              lambda: torch.clamp_min(t, torch.tensor(1j)), lambda: t.clone().clamp_max_(torch.tensor([1j]))]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
""",
"a_complex_number_is_a_number_to_fills": """
for dt in [torch.float16, torch.bfloat16, torch.float32, torch.int8, torch.bool, torch.uint8, torch.complex64]:
    for f in [lambda: torch.zeros(1, dtype=dt).fill_(1j), lambda: torch.full((1,), 1j, dtype=dt), lambda: torch.full((2,), 2+0j, dtype=dt),
              lambda: torch.zeros(2, dtype=dt).__setitem__(0, 1j), lambda: torch.zeros(2, dtype=dt).__setitem__(slice(None), 1j),
              lambda: torch.zeros(2, dtype=dt).__setitem__(torch.tensor([0]), 1.0),
              lambda: torch.zeros(2, dtype=dt).index_fill_(0, torch.tensor([0]), 1j), lambda: torch.zeros(2, dtype=dt).index_fill(0, torch.tensor([0]), torch.tensor(2+0j)),
              lambda: torch.zeros(2, dtype=dt).masked_fill_(torch.tensor([True, False]), 1+1j), lambda: torch.zeros(2, dtype=dt).masked_fill(torch.tensor([True, False]), 3+0j),
              lambda: torch.zeros(2, dtype=dt).masked_fill(torch.tensor([True, False]), torch.tensor(1j)),
              lambda: torch.zeros(2, dtype=dt).fill_(torch.tensor(1j)), lambda: torch.zeros(2, dtype=dt).scatter_(0, torch.tensor([1]), 1j),
              lambda: torch.zeros(2, dtype=dt).scatter(0, torch.tensor([1]), 2+0j)]:
        try: print(dt, f())
        except Exception as e: print(dt, type(e).__name__, e)
""",
"a_complex_number_reaches_the_kernels_without_complex_forms": """
t = torch.tensor([1.5, 2.5])
i = torch.tensor([1, 2])
for f in [lambda: t.clone().fmod_(1j), lambda: t.clone().remainder_(1j), lambda: t.clone().copysign_(1j), lambda: t.clone().lt_(1j),
          lambda: t.clone().floor_divide_(1j), lambda: t.clone().xlogy_(1j), lambda: torch.xlogy(1j, t), lambda: torch.remainder(1j, t),
          lambda: 1j % t, lambda: 1j // t, lambda: 1j < t, lambda: torch.fmod(t, 1j), lambda: t.remainder(2+0j), lambda: torch.copysign(t, 1j),
          lambda: torch.xlogy(t, 1j), lambda: t.lt(1j), lambda: t >= 1j, lambda: t // 1j, lambda: torch.floor_divide(t, 1j),
          lambda: torch.div(t, 2j, rounding_mode='trunc'), lambda: i & 1j, lambda: torch.tensor([True]) | 1j, lambda: i >> (1+0j),
          lambda: i ^ 2j, lambda: torch.bitwise_left_shift(i, 1j), lambda: i.bitwise_and(1j), lambda: i << 1j,
          lambda: torch.special.xlog1py(t, 1j), lambda: torch.special.xlog1py(torch.tensor([1j]), t), lambda: torch.isin(i, 2j),
          lambda: torch.isin(torch.tensor([True]), 1j), lambda: torch.isin(2j, i)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
j = i.clone()
try: j &= 1j
except Exception as e: print(type(e).__name__, e)
""",
"complex_alpha_value_and_weight_are_numbers": """
for t in [torch.tensor([1, 2], dtype=torch.int8), torch.tensor([1.5, 2.5]), torch.tensor([True, False]), torch.tensor([1+1j, 2])]:
    for s in [1j, 2+0j]:
        for f in [lambda: torch.add(t, t, alpha=s), lambda: torch.sub(t, 1, alpha=s), lambda: t.clone().add_(t, alpha=s),
                  lambda: torch.addcmul(t, t, t, value=s), lambda: torch.addcdiv(t.float() if not t.is_complex() else t, t, t, value=s),
                  lambda: torch.lerp(t, t, s), lambda: torch.lerp(t.float() if not t.is_complex() else t, t.float() if not t.is_complex() else t, s)]:
            try: print(t.dtype, s, f())
            except Exception as e: print(t.dtype, s, type(e).__name__, e)
""",
"complex_pow_is_the_c_librarys_cpow": """
z = torch.tensor([1j, 1+1j, -2+0.5j, 3+0j, 0j])
for e in [4, 1.5, 2+1j, -3, -2, 5.0, 0, 1, 2, 3, 10, -1, -0.5, 0.5, 1e-3]:
    print(e, z ** e)
print(z.to(torch.complex128) ** 4, torch.pow(z, torch.tensor([4, 4, 4, 4, 4])), 1j ** torch.tensor([2, 3, 4]))
print(torch.tensor([2, 3]) ** 1j, 2 ** z, torch.tensor(1j) ** torch.tensor([2, 3]))
print(torch.tensor([3+0j, 0j, -3+0j, 2-0j, 1+1j]).reciprocal())
""",
"promote_types_and_can_cast_take_every_dtype": """
dts = [torch.bool, torch.uint8, torch.int64, torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64,
       torch.complex32, torch.uint16, torch.uint64, torch.float8_e4m3fn, torch.float8_e5m2]
for a in dts:
    for b in dts:
        try: r = torch.promote_types(a, b)
        except Exception as e: r = type(e).__name__ + " " + str(e)
        print(a, b, r, torch.can_cast(a, b))
""",
"complex_parts_of_float16_check_as_aten_then_refuse_complex32": """
h = torch.tensor([[1.0, 2.0]], dtype=torch.float16)
for f in [lambda: torch.view_as_complex(h.t()), lambda: torch.view_as_complex(torch.zeros(3, dtype=torch.float16)),
          lambda: torch.polar(h, h.float()), lambda: torch.complex(h, h.float()), lambda: torch.polar(h, torch.zeros(3, dtype=torch.float16)),
          lambda: torch.complex(torch.ones(2), torch.ones(3)), lambda: torch.polar(h, h), lambda: torch.view_as_complex(torch.zeros(2, dtype=torch.bfloat16))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(torch.complex(torch.tensor([[1.0, -0.0], [float('nan'), float('inf')]]), torch.tensor([-0.0, float('inf')])))
""",
"tensor_infers_a_sequences_dtype_by_promote_types": """
for d in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    torch.set_default_dtype(d)
    for f in [lambda: torch.tensor([torch.tensor(1.5), 1]), lambda: torch.tensor([torch.tensor(1.5, dtype=torch.float16), 1]),
              lambda: torch.tensor([torch.tensor(1.5, dtype=torch.bfloat16), 2]), lambda: torch.tensor([1.5, 1]),
              lambda: torch.tensor([torch.tensor(1.5, dtype=torch.float16), 1.5]), lambda: torch.tensor([torch.tensor(1.5, dtype=torch.float64), True]),
              lambda: torch.tensor([torch.tensor(2, dtype=torch.uint8), torch.tensor(-1, dtype=torch.int8)]), lambda: torch.tensor([torch.tensor(True), 1.5]),
              lambda: torch.tensor([[torch.tensor(1.5, dtype=torch.float16)], [2]])]:
        r = f(); print(d, r.dtype, r)
torch.set_default_dtype(torch.float32)
""",
"threshold_and_arange_read_complex_numbers_as_doubles": """
F = torch.nn.functional
x = torch.tensor([-1.0, 0.5, 2.0])
for f in [lambda: F.threshold(x, 0.0, 5 + 0j), lambda: F.threshold(x, 0.0, 1j), lambda: F.threshold(x.double(), 1j, 0.0),
          lambda: F.threshold(torch.tensor([1j]), 0.0, 0.0), lambda: torch.arange(3 + 0j), lambda: torch.arange(0, 2 + 0j, 0.5),
          lambda: torch.arange(2j)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round18_held18e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

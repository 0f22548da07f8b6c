"""Classes of difference found by held18a (round 18, indexing, scatter and gather), one differential program each,
run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_add_reads_alpha_as_its_kernel_converts_it": """
x1, x2 = torch.ones(3), torch.ones(3, 2)
idx = torch.tensor([0, 2])
for a in [1j, complex(2, 0), 1.5, 300, 1e6, 1e40, -1, True, float("nan")]:
    for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int8, torch.uint8, torch.bool]:
        for f in [lambda: x1.to(dt).index_add(0, idx, x1[:2].to(dt), alpha=a),
                  lambda: x2.to(dt).index_add(0, idx, x2[:2].to(dt), alpha=a),
                  lambda: x2.to(dt).index_add(1, torch.tensor([1]), x2[:, :1].to(dt), alpha=a),
                  lambda: x1.to(dt).clone().index_add_(0, idx, x1[:2].to(dt), alpha=a)]:
            try: print(a, dt, f())
            except Exception as e: print(a, dt, type(e).__name__, e)
for f in [lambda: x1.index_add(0, torch.tensor([], dtype=torch.long), x1[:0], alpha=1j),
          lambda: x2.index_add(0, torch.tensor([], dtype=torch.long), x2[:0], alpha=1j),
          lambda: x1.index_add(0, torch.tensor([5]), x1[:1], alpha=1j), lambda: x2.index_add(0, torch.tensor([5]), x2[:1], alpha=1j),
          lambda: torch.tensor(1.).index_add(0, torch.tensor([0]), torch.tensor(2.), alpha=1j),
          lambda: torch.ones(3, requires_grad=True).index_add(0, idx, x1[:2], alpha=complex(2, 0)).grad_fn._saved_alpha]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"a_complex_number_filled_into_a_real_tensor_is_converted_as_aten_converts_it": """
m = torch.tensor([True, False, True])
for v in [1j, complex(2, 0), 0j]:
    for s in [torch.ones(3), torch.ones(3, dtype=torch.int32), torch.ones(3, dtype=torch.bool), torch.ones(3, dtype=torch.float16)]:
        for f in [lambda: s.masked_fill(m, v), lambda: s.clone().masked_fill_(m, v), lambda: s.index_fill(0, torch.tensor([1]), v),
                  lambda: s.clone().index_fill_(0, torch.tensor([1]), v), lambda: s.scatter(0, torch.tensor([1]), v),
                  lambda: s.clone().scatter_(0, torch.tensor([1]), v), lambda: s.scatter(0, torch.tensor([1]), v, reduce="add"),
                  lambda: s.scatter(0, torch.tensor([1]), value=v, reduce="multiply"), lambda: s.clone().fill_(v)]:
            try: print(v, s.dtype, f())
            except Exception as e: print(v, s.dtype, type(e).__name__, e)
    x = torch.ones(3)
    for f in [lambda: x.masked_fill(m.int(), v), lambda: x.masked_fill(torch.zeros(3, dtype=torch.bool), v),
              lambda: x.index_fill(0, torch.tensor([5]), v), lambda: x.index_fill(0, torch.tensor([1.]), v),
              lambda: x.index_fill(0, torch.tensor([1]), torch.tensor(v)), lambda: x.scatter(0, torch.tensor([5]), v),
              lambda: x.scatter(0, torch.tensor([], dtype=torch.long), v), lambda: x.masked_fill(m, torch.tensor(v)),
              lambda: x.clone().__setitem__(m, v), lambda: x.clone().__setitem__([0, 1], v),
              lambda: torch.ones(3, requires_grad=True).masked_fill(m, v).grad_fn.name()]:
        try: print(v, f())
        except Exception as e: print(v, type(e).__name__, e)
""",
"a_complex_alpha_is_refused_by_add_and_sub": """
x, i = torch.ones(3), torch.ones(3, dtype=torch.int64)
for f in [lambda: torch.add(x, x, alpha=1j), lambda: torch.add(i, i, alpha=1j), lambda: x.sub(x, alpha=2j),
          lambda: torch.add(x, 2, alpha=1j), lambda: x.clone().add_(x, alpha=1j), lambda: torch.rsub(x, x, alpha=1j),
          lambda: torch.add(x, x, alpha=complex(1, 0)), lambda: torch.add(x.cfloat(), x, alpha=1j),
          lambda: torch.add(torch.tensor([True]), torch.tensor([True]), alpha=1j)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"reduced_float_scatters_add_in_float_and_index_loops_round_each_step": """
g = torch.Generator().manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    src = (torch.rand(6, 30, generator=g) * 3).to(dt)
    idx = torch.randint(0, 4, (30,), generator=g)
    base = (torch.rand(6, 4, generator=g) * 50).to(dt)
    e = idx.view(1, 30).expand(6, 30)
    print(base[0].scatter_add(0, idx, src[0]), base.scatter_add(1, e, src), base.scatter(1, e, src, reduce="add"))
    print(base.scatter(1, e, 0.7, reduce="add"), base.scatter(1, e, src, reduce="multiply")[0])
    for r in ["sum", "mean", "prod"]:
        print(r, base[0].scatter_reduce(0, idx, src[0], r), base.scatter_reduce(1, e, src, r, include_self=False))
    print(base[0].index_add(0, idx, src[0]), base[0].index_add(0, idx, src[0], alpha=1.7), base.index_add(1, idx, src))
    print(base.t().contiguous().index_add(0, idx, src.t().contiguous()), base.index_add(1, idx, src, alpha=0.3) if dt is torch.float16 else 0)
    print(base[0].put(idx, src[0], accumulate=True), base[0].index_put((idx,), src[0], accumulate=True))
    b = base.clone(); b.index_put_((idx % 6,), src.t()[:, :4], accumulate=True); print(b)
    s0 = torch.tensor(1.5, dtype=dt)
    print(s0.scatter_add(0, torch.zeros(30, dtype=torch.long), src[0]), s0.put(torch.zeros(30, dtype=torch.long), src[0], accumulate=True))
    print(base[0].index_reduce(0, idx, src[0], "prod"), base[0].index_reduce(0, idx, src[0], "mean", include_self=False))
    x = base.clone().requires_grad_()
    x[idx % 6].backward(src.t()[:, :4])
    y = base[0].clone().requires_grad_()
    y.take(idx).backward(src[0])
    z = base.clone().requires_grad_()
    z.gather(1, e).backward(src)
    print(x.grad, y.grad, z.grad)
""",
"masked_scatter_warns_of_a_uint8_mask_before_refusing_it": """
m8 = torch.tensor([1, 0, 1], dtype=torch.uint8)
for f in [lambda: torch.zeros(3).masked_scatter_(m8, torch.ones(3)), lambda: torch.zeros(3).masked_scatter(m8, torch.ones(3)),
          lambda: torch.zeros(3).masked_scatter_(m8, torch.ones(3, dtype=torch.float64)), lambda: torch.zeros(3).masked_scatter_(m8.int(), torch.ones(3))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"clamp_addcmul_and_lerp_read_a_complex_number_as_their_kernels_do": """
for s in [torch.ones(3), torch.ones(3, dtype=torch.int64), torch.ones(3, dtype=torch.float16), torch.ones(3, dtype=torch.bool), torch.ones(3, dtype=torch.float64)]:
    for v in [1j, complex(2, 0)]:
        for f in [lambda: s.clamp(min=v), lambda: s.clamp(max=v), lambda: s.clamp(0, v), lambda: s.clone().clamp_(min=v),
                  lambda: s.clamp_min(v), lambda: s.clamp_max(v), lambda: s.clone().clamp_max_(v), lambda: torch.clip(s, v, None),
                  lambda: torch.addcmul(s, s, s, value=v), lambda: torch.addcdiv(s, s, s, value=v), lambda: torch.lerp(s, s, v)]:
            try: print(s.dtype, v, f())
            except Exception as e: print(s.dtype, v, type(e).__name__, e)
c = torch.ones(2, dtype=torch.complex64)
print(torch.addcmul(c, c, c, value=1j), torch.lerp(c, 2 * c, 0.5j))
""",
"products_activations_and_arange_read_a_complex_number_through_checked_convert": """
F = torch.nn.functional
m, b3, v = torch.ones(2, 2), torch.ones(1, 2, 2), torch.ones(2)
for dt in [torch.float32, torch.float64, torch.bfloat16, torch.int64]:
    M, B, V = m.to(dt), b3.to(dt), v.to(dt)
    for c in [1j, complex(2, 0)]:
        for f in [lambda: torch.addmm(M, M, M, alpha=c), lambda: torch.addmm(M, M, M, beta=c), lambda: torch.addmv(V, M, V, alpha=c),
                  lambda: torch.addr(M, V, V, beta=c), lambda: torch.baddbmm(B, B, B, alpha=c), lambda: torch.addbmm(M, B, B, beta=c),
                  lambda: F.threshold(V, c, 0.), lambda: F.threshold(V, 0.5, c), lambda: F.elu(V, alpha=c), lambda: F.leaky_relu(V, c),
                  lambda: F.softplus(V, beta=c), lambda: F.celu(V, alpha=c)]:
            try: print(dt, c, f())
            except Exception as e: print(dt, c, type(e).__name__, e)
for f in [lambda: torch.arange(1j), lambda: torch.arange(0, complex(3, 0)), lambda: torch.arange(complex(1, 0), 4, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"a_complex_number_meets_the_missing_complex_kernels_of_a_real_tensor": """
for t in [torch.ones(3), torch.ones(3, dtype=torch.int64), torch.ones(3, dtype=torch.float64)]:
    for f in [lambda: t.lt(1j), lambda: torch.gt(t, 1j), lambda: t <= 1j, lambda: 1j >= t, lambda: torch.remainder(t, 1j),
              lambda: t.fmod(1j), lambda: t // 1j, lambda: 1j // t, lambda: t % 1j, lambda: 1j % t, lambda: torch.xlogy(t, 1j),
              lambda: torch.xlogy(1j, t), lambda: torch.copysign(t, 1j), lambda: torch.floor_divide(t, 1j), lambda: t.clone().lt_(1j),
              lambda: t.clone().fmod_(1j), lambda: t.clone().remainder_(1j), lambda: torch.remainder(t, complex(2, 0)), lambda: t.lt(complex(2, 0)),
              lambda: torch.remainder(t.cfloat(), 2)]:
        try: print(t.dtype, f())
        except Exception as e: print(t.dtype, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round18_held18a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

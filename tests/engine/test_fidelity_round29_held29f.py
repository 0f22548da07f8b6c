"""Classes of difference found by the twenty-ninth round's held-out programs on shapes, broadcasting and products
(held29f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_tensor_iterator_out_that_is_one_of_its_inputs_is_not_resized_to_the_broadcast_shape": """
def t(name, f):
    try:
        r = f()
        print(name, r.shape, r.dtype, r.tolist())
    except Exception as e:
        print(name, type(e).__name__, e)
y = torch.arange(6.).view(2, 3) + 1
for s in [(3,), (2, 1), (1, 3), ()]:
    for name, f in [('add', lambda x: torch.add(x, y, out=x)), ('mul_second', lambda x: torch.mul(y, x, out=x)),
                    ('sub_alpha', lambda x: torch.sub(y, x, alpha=2, out=x)), ('pow', lambda x: torch.pow(x, y, out=x)),
                    ('atan2', lambda x: torch.atan2(y, x, out=x)), ('maximum', lambda x: torch.maximum(x, y, out=x)),
                    ('eq', lambda x: torch.eq(x, y, out=x)), ('where', lambda x: torch.where(y > 2, y, x, out=x)),
                    ('clamp', lambda x: torch.clamp(y, min=x, out=x)), ('lerp', lambda x: torch.lerp(x, y, 0.5, out=x)),
                    ('addcmul', lambda x: torch.addcmul(x, y, y, out=x)), ('xlogy', lambda x: torch.xlogy(x, y, out=x)),
                    ('ldexp', lambda x: torch.ldexp(x, y, out=x)), ('ldexp_other', lambda x: torch.ldexp(y, x, out=x)),
                    ('float_power', lambda x: torch.float_power(x.double(), y.double(), out=x)),
                    ('logical_and', lambda x: torch.logical_and(x, y, out=x)),
                    ('dtype_too', lambda x: torch.add(x.long(), y, out=x)),
                    ('fits', lambda x: torch.add(x, y[0, :1], out=x))]:
        x = torch.arange(1., 1 + torch.zeros(s).numel()).view(s)
        t((name, s), lambda: f(x))
i = torch.ones(3, dtype=torch.long)
t('long_into_itself', lambda: torch.add(i, torch.ones(2, 3), out=i))
b = torch.ones(3) > 0
t('bool', lambda: torch.logical_or(b, torch.ones(2, 3), out=b))
d = torch.ones(3, dtype=torch.float64)
t('float_power_self', lambda: torch.float_power(d, torch.ones(2, 3, dtype=torch.float64), out=d))
""",
"addr_in_place_wants_a_2d_self_before_it_compares_sizes": """
def t(name, f):
    try:
        r = f()
        print(name, r.shape, r.tolist())
    except Exception as e:
        print(name, type(e).__name__, e)
o = torch.ones(2)
v = torch.arange(3.)
for s in [(3,), (2,), (1, 3), (2, 1), (), (2, 3, 1), (2, 3), (6,)]:
    t(('addr_', s), lambda: torch.zeros(s).addr_(o, v))
    t(('addr_long_beta', s), lambda: torch.zeros(s, dtype=torch.long).addr_(o.long(), v.long(), beta=0.5))
    t(('addr_vec2d', s), lambda: torch.zeros(s).addr_(o.view(2, 1), v))
""",
"addmm_in_place_checks_the_dtypes_before_the_in_place_sizes": """
def t(name, f):
    try:
        r = f()
        print(name, r.shape, r.dtype)
    except Exception as e:
        print(name, type(e).__name__, e)
for sd in [torch.float32, torch.float64, torch.int64]:
    for ad in [torch.float32, torch.float64]:
        for bd in [torch.float32, torch.float64]:
            for ss in [(2, 3), (3,), (), (1, 2, 3)]:
                for bs in [(4, 3), (5, 3)]:
                    t((sd, ad, bd, ss, bs), lambda: torch.zeros(ss, dtype=sd).addmm_(torch.ones(2, 4, dtype=ad),
                                                                                      torch.ones(bs, dtype=bd)))
""",
"addmv_size_mismatch_reads_a_0_dim_inputs_size_0": """
def t(name, f):
    try:
        r = f()
        print(name, r.shape, r.tolist())
    except Exception as e:
        print(name, type(e).__name__, e)
m = torch.ones(2, 4)
for s in [(), (1,), (2,), (3,)]:
    for n in [4, 5]:
        t(('addmv', s, n), lambda: torch.addmv(torch.zeros(s), m, torch.ones(n)))
        t(('addmv_', s, n), lambda: torch.zeros(s).addmv_(m, torch.ones(n)))
        t(('addmv_out', s, n), lambda: torch.addmv(torch.zeros(s), m, torch.ones(n), out=torch.zeros(2)))
""",
"outer_ger_kron_and_linalg_cross_out_checks_overlap_with_the_operands_their_kernels_see": """
def mk(*s):
    return torch.arange(1., 1 + torch.zeros(s).numel()).view(s)
def t(name, f):
    v = mk(3)
    w = mk(6)
    try:
        r = f(v, w)
        print(name, r.shape, r.tolist())
    except Exception as e:
        print(name, type(e).__name__, e)
t('outer_self', lambda v, w: torch.outer(v, mk(2), out=v))
t('outer_vec2', lambda v, w: torch.outer(mk(3), v, out=v))
t('outer_one', lambda v, w: torch.outer(v, mk(1), out=v))
t('ger_self', lambda v, w: torch.ger(v, mk(2), out=v))
t('outer_apart', lambda v, w: torch.outer(w[:2], mk(2), out=w[2:]))
t('outer_inner', lambda v, w: torch.inner(v, mk(2, 3), out=v))
t('kron_self', lambda v, w: torch.kron(v, mk(2), out=v))
t('kron_other', lambda v, w: torch.kron(mk(2), v, out=v))
t('kron_both', lambda v, w: torch.kron(v, v, out=v))
t('kron_apart', lambda v, w: torch.kron(w[:2], mk(1), out=w[2:4]))
t('cross_self', lambda v, w: torch.linalg.cross(v, mk(3), out=v))
t('cross_other', lambda v, w: torch.linalg.cross(mk(3), v, out=v))
t('cross_dim', lambda v, w: torch.cross(v, mk(3), dim=0, out=v))
t('cross_apart', lambda v, w: torch.linalg.cross(w[:3], mk(3), out=w[3:]))
t('cross_fresh', lambda v, w: torch.linalg.cross(mk(3), mk(3), out=w[:3]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-fifth round's held-out programs on storages, views and memory
(held25a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"numpy_of_a_tensor_makes_its_storage_not_resizable": """
import numpy as np
def tryit(name, f):
    try:
        print(name, 'ok', f())
    except Exception as e:
        print(name, type(e).__name__, e)
t = torch.arange(4.)
print(t.untyped_storage().resizable())
n = t[1:].numpy()
print(t.untyped_storage().resizable())
tryit('resize_small', lambda: t.resize_(2).shape)
tryit('resize_big', lambda: t.resize_(5).shape)
tryit('storage_resize', lambda: t.untyped_storage().resize_(8))
tryit('storage_resize_same', lambda: t.untyped_storage().resize_(16))
tryit('detach_resize', lambda: t.detach().resize_(10))
tryit('resize_as', lambda: t.resize_as_(torch.zeros(7)).shape)
tryit('set_storage_grow', lambda: torch.empty(0).set_(t.untyped_storage(), 0, (8,)).shape)
t.set_(torch.zeros(2))
tryit('after_set', lambda: t.resize_(10).shape)
u = torch.arange(3.)
a = np.asarray(u)
print(u.untyped_storage().resizable())
x = torch.arange(3., requires_grad=True)
x.numpy(force=True)
print(x.untyped_storage().resizable())
z = torch.tensor([1+1j]).conj()
z.numpy(force=True)
print(z.untyped_storage().resizable())
c = torch.arange(3.)
cl = c.untyped_storage().clone()
c.numpy()
print(cl.resizable(), c.clone().untyped_storage().resizable())
s = torch.tensor(2.)
s.numpy()
tryit('0d', lambda: s.resize_(2))
""",
"tril_and_triu_in_place_write_only_their_zeros_through_overlapping_views": """
for name, mk in [('t', lambda b: b[:9].view(3, 3).t()), ('expand', lambda b: b[:3].expand(3, 3)),
                 ('unfold', lambda b: b.unfold(0, 3, 1)[:3]), ('stride0', lambda b: b.as_strided((3, 3), (0, 1))),
                 ('b4', lambda b: b[:9].view(1, 1, 3, 3).expand(2, 2, 3, 3)),
                 ('b4t', lambda b: b[:36].view(2, 2, 3, 3).transpose(0, 1)),
                 ('b4u', lambda b: b.as_strided((2, 2, 3, 3), (1, 2, 3, 1)))]:
    for op in ['tril_', 'triu_']:
        for k in [0, 1, -1]:
            b = torch.arange(1., 41.)
            try:
                getattr(mk(b), op)(k)
                print(name, op, k, b[:12].tolist())
            except Exception as e:
                print(name, op, k, type(e).__name__, e)
""",
"the_ops_whose_kernels_refuse_an_expanded_self": """
def E(*shape):
    return torch.arange(1., 3.).view(*([1] * (len(shape) - 1)), 2).expand(*shape)
cases = {
 'addmm_': lambda: E(3, 2).addmm_(torch.ones(3, 2), torch.ones(2, 2)),
 'addmm_bad': lambda: E(3, 2).addmm_(torch.ones(3, 3), torch.ones(2, 2)),
 'addr_': lambda: E(3, 2).addr_(torch.ones(3), torch.ones(2)),
 'addr_shape': lambda: E(3, 2).addr_(torch.ones(4), torch.ones(2)),
 'logical_not_': lambda: E(3, 2).logical_not_(), 'logical_and_': lambda: E(3, 2).logical_and_(torch.ones(3, 2)),
 'logical_or_': lambda: E(3, 2).logical_or_(torch.zeros(3, 2)), 'logical_xor_': lambda: E(3, 2).logical_xor_(torch.ones(3, 2)),
 'land_shape': lambda: E(3, 2).logical_and_(torch.ones(4)),
 'renorm_': lambda: E(3, 2).renorm_(2, 0, 1.), 'renorm_badp': lambda: E(3, 2).renorm_(-1, 0, 1.),
 'renorm_dim': lambda: E(3, 2).renorm_(2, 5, 1.),
 'unfold_renorm_': lambda: torch.arange(1., 7.).unfold(0, 2, 1).renorm_(2, 0, 1.).shape,
}
for k, f in cases.items():
    try:
        print(k, 'ok', f().tolist())
    except Exception as e:
        print(k, type(e).__name__, e)
print(E(3, 2).index_fill_(1, torch.tensor([0]), 1.))
""",
"threshold_in_place_checks_no_overlap_and_reads_what_it_wrote": """
for name, mk in [('expand', lambda b: b[:2].expand(3, 2)), ('unfold', lambda b: b.unfold(0, 2, 1)),
                 ('as', lambda b: b.as_strided((3, 3), (1, 1))), ('int', lambda b: b.long()[:2].expand(2, 2))]:
    for th, val in [(2.5, 0.), (2.5, 10.), (0., -1.), (3, 2)]:
        b = torch.arange(1., 7.)
        r = torch.threshold_(mk(b), th, val)
        print(name, th, val, b.tolist(), r.tolist())
    b = torch.arange(1., 7.)
    F.threshold(mk(b), 2.5, 9., inplace=True)
    print(b.tolist())
x = torch.arange(1., 4., requires_grad=True)
y = x * 1
F.threshold_(y.as_strided((2, 2), (1, 1)), 2.5, 0.)
y.sum().backward()
print(y, x.grad)
""",
"addcmul_addcdiv_and_lerp_in_place_on_an_unfolded_view_read_what_earlier_rows_wrote": """
for name, mk in [('unfold', lambda b: b.unfold(0, 2, 1)), ('as', lambda b: b.as_strided((3, 3), (1, 1))),
                 ('as2', lambda b: b.as_strided((2, 3), (2, 1))), ('unft', lambda b: b.unfold(0, 3, 1).t())]:
    ops = {'addcmul_': lambda v: v.addcmul_(torch.ones(v.shape), torch.full(v.shape, 2.), value=0.5),
           'addcmul_b': lambda v: v.addcmul_(torch.arange(v.shape[-1] * 1.), torch.tensor(2.)),
           'addcdiv_': lambda v: v.addcdiv_(torch.ones(v.shape), torch.full(v.shape, 2.)),
           'lerp_': lambda v: v.lerp_(torch.zeros(v.shape), 0.5),
           'lerp_t': lambda v: v.lerp_(torch.ones(v.shape[-1]), torch.full(v.shape, 0.25))}
    for op, f in ops.items():
        b = torch.arange(1., 13.)
        f(mk(b))
        print(name, op, b.tolist())
x = torch.arange(1., 5., requires_grad=True)
y = x * 1
y.unfold(0, 2, 1).addcmul_(torch.ones(3, 2), torch.ones(3, 2))
y.sum().backward()
print(y, x.grad)
""",
"remainder_fmod_atan2_hypot_and_the_rounding_divisions_on_an_unfolded_view_read_what_earlier_rows_wrote": """
for name, mk in [('unfold', lambda b: b.unfold(0, 2, 1)), ('as', lambda b: b.as_strided((3, 3), (1, 1))),
                 ('unft', lambda b: b.unfold(0, 3, 1).t()), ('int', lambda b: b.long().unfold(0, 2, 1)),
                 ('half', lambda b: b.half().unfold(0, 2, 1))]:
    ops = {'div_trunc': lambda v: v.div_(torch.full(v.shape, 3.), rounding_mode='trunc'),
           'atan2_': lambda v: v.atan2_(torch.ones(v.shape)), 'remainder_': lambda v: v.remainder_(3),
           'fmod_': lambda v: v.fmod_(torch.tensor(4.)), 'hypot_': lambda v: v.hypot_(torch.ones(v.shape)),
           'copysign_': lambda v: v.copysign_(-1.)}
    if name != 'half':
        ops.update({'div_floor': lambda v: v.div_(2, rounding_mode='floor'), 'floor_divide_': lambda v: v.floor_divide_(2),
                    'xlogy_': lambda v: v.xlogy_(2.)})
    for op, f in ops.items():
        b = torch.arange(1., 13.)
        try:
            v = mk(b)
            f(v)
            print(name, op, v._base.tolist())
        except Exception as e:
            print(name, op, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

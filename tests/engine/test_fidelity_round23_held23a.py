"""Classes of difference found by the twenty-third round's held-out programs on storages and views (held23a, issue
16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_storage_shrunk_under_its_tensors_bounds_their_views_in_bytes": """
p = torch.arange(6.).reshape(2, 3)
v = p.view(torch.int32)
s = p.untyped_storage()
s.resize_(0)
print(s.nbytes(), p.shape, p.numel(), v.untyped_storage().nbytes())
for f in [lambda: p[1], lambda: v[0], lambda: v.select(1, -1), lambda: p.unsqueeze(0), lambda: p.t()[1:]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
s.resize_(24)
with torch.no_grad():
    p.copy_(torch.ones(2, 3))
print(p, v[0], v.unsqueeze(0).shape)
u = torch.UntypedStorage(8)
u.fill_(1)
t = torch.tensor([], dtype=torch.int16).set_(u)
u.resize_(4)
print(t.shape, t[0], t[:2])
for f in [lambda: t[3], lambda: t[1:], lambda: t.as_strided((1,), (1,), 2)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
x = torch.arange(3.).view(torch.int16)
print(x.as_strided((6,), (1,)), x.as_strided((2,), (1,), 4), x.view(torch.uint8).as_strided((12,), (1,)).shape)
for f in [lambda: x.as_strided((7,), (1,)), lambda: torch.arange(4, dtype=torch.int8).view(torch.int32).as_strided((2,), (1,))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"as_strided_of_a_view_reaching_outside_it_gets_the_gradient_of_the_part_inside": """
x = torch.arange(10., requires_grad=True)
for make in [lambda: x[2:8].as_strided((3,), (2,), 1), lambda: x[2:4].as_strided((5,), (1,), 0),
             lambda: x[4:].as_strided((2, 2), (0, 3), 1), lambda: x[::2].as_strided((4,), (1,), 1),
             lambda: x[5:].as_strided((2,), (1,), 0), lambda: x[3:6].expand(2, 3).as_strided((4,), (1,), 2)]:
    y = make()
    (y * torch.arange(1., y.numel() + 1).view(y.shape)).sum().backward()
    print(y, x.grad)
    x.grad = None
y = x[2:].as_strided((3,), (1,), 1)
g, = torch.autograd.grad((y ** 2).sum(), x, create_graph=True)
g.sum().backward()
print(g, x.grad)
""",
"set_to_a_storage_checks_offset_and_bounds_when_the_sizes_stay": """
x = torch.arange(6.)
s = x.untyped_storage()
cases = [lambda: torch.zeros(2).set_(s, 5, (2,)), lambda: torch.zeros(2).set_(s, 4, (2,)),
         lambda: torch.zeros(2).set_(s, 5, (2,), (1,)), lambda: torch.zeros(1).set_(s, -1, (1,)),
         lambda: torch.zeros(2).set_(s, 0, (2,), (1, 1)), lambda: torch.zeros(2, 2).set_(s, 3, (2, 2)),
         lambda: torch.zeros(2).set_(s, 5, [2], stride=[2]), lambda: torch.zeros(3).set_(s, 5, (2,)),
         lambda: torch.zeros(2).set_(x, 6, (2,))]
for f in cases:
    try:
        t = f()
        print(t.shape, t.storage_offset(), x.untyped_storage().nbytes())
    except Exception as e:
        print(type(e).__name__, e)
""",
"view_dtype_of_a_conj_or_neg_view_is_refused_even_to_its_own_dtype": """
c = torch.tensor([1+2j, 3+4j])
for name, t in [("conj", c.conj()), ("neg", c.conj().imag), ("real", c.conj().real), ("resolved", c.conj().resolve_conj())]:
    for dt in [t.dtype, torch.float32, torch.int32, torch.complex128, torch.int64]:
        try:
            v = t.view(dt)
            print(name, dt, v.is_conj(), v.is_neg(), v.tolist())
        except Exception as e:
            print(name, dt, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

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
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

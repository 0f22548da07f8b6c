"""Classes of difference found in the thirteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_fill_restrides_self_over_its_storage_before_it_checks_an_index": """
v1 = torch.arange(4, dtype=torch.float64)
for view, dim, idx in [(v1[4:].reshape(0, 1), 0, [0, 1]), (v1[2:2].reshape(0, 1), 0, [0, 1]),
                       (v1[:0].reshape(0, 1), 0, [0]), (torch.arange(6.).reshape(2, 3)[:, 1:1], 1, [0]),
                       (torch.zeros(0, 2), 1, [5]), (torch.zeros(0, 2), 0, [5]), (torch.zeros(()), 0, [1])]:
    try:
        print(view.index_fill_(dim, torch.tensor(idx), 9.).shape)
    except Exception as e:
        print(type(e).__name__, e)
    print(v1, v1._version)
for shape, dim, idx in [((0, 1), 0, [0]), ((0, 3), -1, [0]), ((2, 0), -1, [1]), ((0, 2, 3), 0, [0, 0]),
                        ((0,), 0, 0), ((), 0, 0), ((0, 3), 0, [])]:
    for value in (1.5, torch.tensor(2.)):
        x = torch.zeros(shape, requires_grad=True)
        try:
            r = x.index_fill(dim, torch.tensor(idx), value)
            print(r.shape, r.grad_fn)
        except Exception as e:
            print(type(e).__name__, e)
""",
"a_fused_multiply_add_of_negative_zeros_keeps_the_sign_in_float64": """
for dt in (torch.float64, torch.float32):
    z = torch.full((5,), -0.0, dtype=dt)
    o = torch.tensor([-0.0, 0.0, 2.0, -3.0, -0.0], dtype=dt)
    a = torch.tensor([[-0.0, -2.0, -4.0, 1., 2., 3.]], dtype=dt)
    print(torch.add(a, a[:, :1], alpha=2).tolist(), torch.sub(a, a[:, :1].abs(), alpha=2).tolist())
    print(torch.add(a, -0.0, alpha=2).tolist(), torch.add(a.t(), a.t()[:1], alpha=2).tolist()[0])
    print(torch.addcmul(z, z, o, value=2).tolist(), torch.addcmul(z, o, o, value=-1).tolist())
    print(torch.lerp(z, o, 0.5).tolist(), torch.lerp(z, z, o).tolist())
    print(torch.add(z, o, alpha=3).tolist(), torch.sub(z, z, alpha=2).tolist(), torch.add(z.reshape(5, 1), z, alpha=2)[0].tolist())
    w = z.clone(); w.add_(z, alpha=2); print(w.tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

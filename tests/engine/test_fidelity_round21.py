"""Classes of difference found in the twenty-first round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_select_checks_its_index_before_out_dtype": """
x = torch.arange(6.).reshape(2, 3)
long = torch.empty(0, dtype=torch.int64)
for idx, out in [(torch.tensor([0.]), long), (torch.tensor([[0]]), long), (torch.tensor([0]), long),
                 (torch.tensor([5]), long), (torch.tensor([0.]), torch.empty(0)), (torch.tensor([1, 0]), torch.empty(0))]:
    try:
        print(torch.index_select(x, 1, idx, out=out))
    except Exception as e:
        print(getattr(e, 'kind', type(e).__name__), e)
for idx in (torch.tensor([0, 0]), torch.tensor([0.])):
    try:
        print(torch.index_select(torch.tensor(2.), 0, idx, out=long))
    except Exception as e:
        print(getattr(e, 'kind', type(e).__name__), e)
""",
"complex_products_are_the_vector_bodys_roundings_and_the_scalar_bodys_fused_ones": """
torch.manual_seed(0)
for dt in (torch.complex64, torch.complex128):
    for n in (1, 2, 3, 5, 6, 7, 8, 9, 13, 15, 17, 31, 100, 40001):
        a = torch.randn(n, dtype=dt); b = torch.randn(n, dtype=dt)
        s = complex(torch.randn(1, dtype=dt).item())
        c = a.clone(); c.mul_(b)
        print(dt, n, (a * b).tolist()[-12:], c.tolist()[-12:], (a * s).tolist()[-12:], (s * a).tolist()[-12:],
              (a * torch.tensor([s], dtype=dt).expand(n)).tolist()[-12:])
    m = torch.randn(6, 10, dtype=dt)
    print((m.t() * m.t()).tolist()[-1], torch.mul(m, m[0]).tolist()[-1])
x = torch.tensor([1+1j, 1+1j, 0.5-2j], requires_grad=True)
y = x * torch.tensor([2-1j, 0.3+0.7j, 0.1+0.2j])
y.abs().sum().backward()
print(y.tolist(), x.grad.tolist())
""",
"copy_into_an_integer_view_wants_no_gradient_so_no_view_rule_applies": """
v1 = torch.tensor([-1.0], requires_grad=True)
x = torch.zeros(2, 3, dtype=torch.int64)
for name, f in [("add_", lambda w: w.add_(v1)), ("copy_", lambda w: w.copy_(v1.expand(w.shape))),
                ("setitem", lambda w: w.__setitem__(0, v1)), ("index_put_", lambda w: w.index_put_((torch.tensor([0]),), v1)),
                ("fill_", lambda w: w.fill_(v1[0]))]:
    for kind in ("nograd", "multi"):
        if kind == "nograd":
            with torch.no_grad():
                w = x[0]
        else:
            w = x.unbind(0)[0]
        try:
            f(w)
            print(name, kind, "ok", w.requires_grad, w.grad_fn, w._version, x)
        except Exception as e:
            print(name, kind, getattr(e, 'kind', type(e).__name__), e)
b = torch.tensor([[5, 3, 4]], dtype=torch.uint8)
v3 = b.unbind(0)[0]
v3[::2] = v1
print(v3.requires_grad, v3.grad_fn, v3._version, b)
""",
"complex_prod_multiplies_as_the_inner_reductions_vectors_and_scalar_body": """
torch.manual_seed(0)
print(torch.tensor([1+1j, 1+1j]).sgn().prod().tolist(), torch.tensor([0.5+2j, -1j, 3+0.25j]).prod().tolist())
for n in (1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 40, 100, 1000):
    a = torch.randn(n, dtype=torch.complex128) * 0.5 + 0.8
    print(n, a.prod().item(), a.view(1, n).prod(1, keepdim=True).tolist())
    b = torch.randn(n % 16, dtype=torch.complex64) * 0.5 + 0.8
    print(b.prod().item())
m = torch.randn(5, 19, dtype=torch.complex128)
print(m.prod(1).tolist(), m.prod(-1, True).shape, torch.prod(m[:, :7], 1).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

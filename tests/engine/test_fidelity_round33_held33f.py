"""Classes of difference found by the thirty-third round's held-out programs on shapes, broadcasting and products
(held33f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float16_baddbmm_of_small_batches_sums_in_float_and_rounds_once": """
torch.manual_seed(3)
for beta, alpha in [(1, 1), (0.5, 1), (0, 2), (2, 0.3)]:
    a = (torch.randn(2, 3, 5) * 3).half()
    b = (torch.randn(2, 5, 4) * 3).half()
    c = (torch.randn(2, 3, 4) * 3).half()
    print(torch.baddbmm(c, a, b, beta=beta, alpha=alpha).tolist())
    print(torch.baddbmm(c[:1, :1], a, b, beta=beta, alpha=alpha).tolist())
    d = c.clone()
    d.baddbmm_(a, b, beta=beta, alpha=alpha)
    print(d.tolist())
""",
"float16_and_bfloat16_addmv_of_a_row_major_matrix_sums_each_row_in_float_as_atens_gemv_t": """
torch.manual_seed(0)
for dt in [torch.float16, torch.bfloat16]:
    for beta, alpha in [(1, 1), (0.5, 1), (0.1, 0.3), (0, 2), (2, 3)]:
        for m, k in [(3, 5), (4, 8), (7, 33), (50, 7)]:
            A = (torch.randn(m, k) * 3).to(dt)
            v = (torch.randn(k) * 3).to(dt)
            y = (torch.randn(m) * 3).to(dt)
            print(dt, beta, alpha, m, k, torch.addmv(y, A, v, beta=beta, alpha=alpha).tolist(),
                  torch.addmv(y[:1], torch.cat([A, A], 1)[:, ::2], v, beta=beta, alpha=alpha).tolist())
            z = y.clone()
            z.addmv_(A, v, beta=beta, alpha=alpha)
            print(z.tolist())
""",
"bfloat16_addr_rounds_each_step_as_cs_bfloat16_operators": """
torch.manual_seed(1)
for beta, alpha in [(1, 1), (0.3, 1.7), (0, 2.1), (2, 0.1)]:
    x = (torch.randn(4, 19) * 3).bfloat16()
    a = (torch.randn(4) * 3).bfloat16()
    b = (torch.randn(19) * 3).bfloat16()
    print(torch.addr(x, a, b, beta=beta, alpha=alpha).tolist())
    print(torch.addr(x[:1], a, b, beta=beta, alpha=alpha).tolist())
    x.addr_(a, b, beta=beta, alpha=alpha)
    print(x.tolist())
""",
"bfloat16_cross_rounds_each_product_and_the_difference": """
torch.manual_seed(2)
u = (torch.randn(6, 3) * 3).bfloat16()
v = (torch.randn(6, 3) * 3).bfloat16()
print(torch.linalg.cross(u, v).tolist())
print(torch.cross(u.t(), v.t(), dim=0).tolist())
print(torch.linalg.cross(u, v[:1]).tolist())
""",
"in_place_geometry_nodes_save_what_pytorch_saves_matmuls_squeeze_included": """
def show(fn):
    out = []
    for a in dir(fn):
        if a.startswith('_saved'):
            try:
                out.append((a, getattr(fn, a)))
            except Exception as e:
                out.append((a, type(e).__name__))
    print(fn.name(), type(fn).__name__, out)
cases = [lambda t: t.squeeze_(), lambda t: t.squeeze_(0), lambda t: t.squeeze_(-3), lambda t: t.squeeze_((0, 2)),
         lambda t: t.squeeze_([-1]), lambda t: t.unsqueeze_(1), lambda t: t.unsqueeze_(-1), lambda t: t.transpose_(0, -1),
         lambda t: t.squeeze_(0).t_(), lambda t: t.swapdims_(0, 1), lambda t: t.as_strided_((3,), (1,)),
         lambda t: t.as_strided_((2,), (1,), 1)]
for f in cases:
    x = torch.zeros(1, 3, 1, requires_grad=True).clone()
    show(f(x).grad_fn)
w = torch.arange(6.).reshape(2, 3).requires_grad_()
show((w[0, :2] @ w).grad_fn)
show((w[:, 0] @ w).grad_fn)
""",
"diagflat_is_diag_embed_over_the_last_two_dims": """
v = torch.arange(3., requires_grad=True)
for f in [lambda: v.diagflat(), lambda: v.diagflat(1), lambda: torch.diagflat(v.reshape(3, 1), -2), lambda: torch.diag(v, -1)]:
    o = f()
    fn = o.grad_fn
    print(o.shape, fn.name(), fn._saved_dim1, fn._saved_dim2, fn._saved_offset, fn.next_functions[0][0].name())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

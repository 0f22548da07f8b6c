"""Classes of difference found by the twenty-seventh round's held-out programs on shape ops and products (held27f,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"addmm_scales_an_operand_as_gemm_packs_it_and_its_plain_sums_start_from_beta_times_self": """
torch.manual_seed(3)
torch.set_printoptions(precision=10)
for m, k, n in [(3, 4, 3), (2, 3, 5), (5, 1, 12), (4, 3, 1), (3, 7, 2), (2, 6, 5)]:
    for lay in ['nn', 'tn', 'nt']:
        for dt in [torch.float32, torch.float64]:
            a = torch.randn(m, k, dtype=dt) if lay[0] == 'n' else torch.randn(k, m, dtype=dt).t()
            b = torch.randn(k, n, dtype=dt) if lay[1] == 'n' else torch.randn(n, k, dtype=dt).t()
            c = torch.randn(m, n, dtype=dt)
            for alpha, beta in [(1.5, 0), (0.3, 1), (1, 1), (1, 0.5), (-2.5, 0.7)]:
                print(m, k, n, lay, dt, alpha, beta, torch.addmm(c, a, b, beta=beta, alpha=alpha).tolist())
M = torch.randn(8, 16)
x, y = torch.randn(8, 5), torch.randn(5, 16)
print(torch.addmm(M, x, y, alpha=0.125), M.clone().addmm_(x, y, beta=2, alpha=-1), torch.addmm(M[0], x, y, alpha=3))
print(torch.addbmm(M[:3, :4], torch.randn(2, 3, 4), torch.randn(2, 4, 4)))
print(torch.addmm(torch.randn(5, 33, dtype=torch.float64), torch.randn(5, 2, dtype=torch.float64), torch.randn(2, 33, dtype=torch.float64))[4, -3:])
""",
"addmv_of_a_column_major_matrix_adds_alpha_times_vec_products_onto_beta_times_self_and_addr_of_one_column": """
torch.manual_seed(5)
torch.set_printoptions(precision=10)
for dt in [torch.float32, torch.float64]:
    for m, k in [(3, 5), (8, 2), (17, 33), (6, 1), (1, 4)]:
        M = torch.randn(k, m, dtype=dt).t()
        v, c = torch.randn(k, dtype=dt), torch.randn(m, dtype=dt)
        for alpha, beta in [(1.5, 0), (0.3, 1), (1, 1), (1, 0.5), (-2, 0.25)]:
            print(dt, m, k, alpha, beta, torch.addmv(c, M, v, beta=beta, alpha=alpha).tolist())
        u, C = torch.randn(m, dtype=dt), torch.randn(m, 1, dtype=dt)
        print(torch.addr(C, u, v[:1], beta=0.5, alpha=1.5).tolist(), torch.addr(C, u, v[:1]).tolist())
W = torch.randn(20, 7)
x = torch.randn(20)
print(torch.addmv(torch.randn(7), W.t(), x, alpha=0.1), torch.randn(7).addmv(W.t(), x.expand(2, 20)[1], beta=-1))
print(torch.addmv(torch.tensor(2.), W.T, x, beta=3), torch.randn(7).addmv_(W.mT, x, alpha=2))
""",
"tensordot_with_one_element_left_on_each_side_is_a_dot_even_of_empty_operands": """
a = torch.zeros(0, requires_grad=True)
for f in [lambda: torch.inner(a, torch.zeros(0)), lambda: torch.tensordot(a, torch.zeros(0), 1),
          lambda: torch.tensordot(a.view(1, 0), torch.zeros(0, 1), ([1], [0])),
          lambda: torch.tensordot(a.view(1, 0), torch.zeros(1, 0), ([0, 1], [0, 1])),
          lambda: torch.tensordot(torch.zeros(2, 0, dtype=torch.bool), torch.zeros(0, 2, dtype=torch.bool), 1),
          lambda: torch.tensordot(torch.zeros(1, 0, dtype=torch.bool), torch.zeros(0, 1, dtype=torch.bool), 1),
          lambda: torch.tensordot(torch.zeros(1, 0, dtype=torch.int64), torch.zeros(0, 1, dtype=torch.int64), 1),
          lambda: torch.inner(torch.zeros(1, 0, dtype=torch.bool), torch.zeros(1, 0, dtype=torch.bool)),
          lambda: torch.inner(torch.zeros(0, dtype=torch.bool), torch.zeros(0, dtype=torch.bool))]:
    try:
        r = f()
        print(r, r.grad_fn, r.grad_fn.next_functions if r.grad_fn else None)
    except Exception as e:
        print(type(e).__name__, e)
""",
"bmm_past_400_products_a_batch_is_atens_per_batch_addmm_onto_zeros_as_baddbmm": """
torch.manual_seed(7)
torch.set_printoptions(precision=10)
for dt in [torch.float32, torch.float64]:
    for B, m, k, n in [(2, 8, 16, 8), (4, 10, 32, 10), (3, 7, 7, 9), (1, 32, 8, 32), (2, 12, 20, 12)]:
        for kt in [False, True]:
            x = torch.randn(B, m, k, dtype=dt)
            y = torch.randn(B, n, k, dtype=dt).transpose(1, 2) if kt else torch.randn(B, k, n, dtype=dt)
            print(dt, B, m, k, n, kt, torch.bmm(x, y).flatten()[::7].tolist())
q = torch.randn(2, 3, 10, 16)
k = torch.randn(2, 3, 10, 16)
print(q @ k.transpose(-2, -1) / 4)
print(torch.einsum('bhld,bhmd->bhlm', q, k)[1, 2])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

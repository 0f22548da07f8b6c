"""Classes of difference found by the twenty-ninth round's held-out programs on torch.linalg, torch.fft and complex
tensors (held29g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"logcumsumexp_of_a_complex_tensor_runs_in_complex_double_with_its_inf_and_nan_cases_and_its_conjugate_backward": """
torch.manual_seed(0)
inf, nan = float('inf'), float('nan')
for dt in [torch.cfloat, torch.cdouble]:
    x = torch.randn(3, 5, dtype=dt) * 3
    r = torch.logcumsumexp(x, -1)
    print(r.real.tolist(), r.imag.tolist())
    sp = torch.tensor([complex(-inf, 0), complex(-inf, 1), 1+1j, complex(inf, 2), complex(inf, -1), complex(nan, 0), 2j],
                      dtype=dt)
    print(torch.logcumsumexp(sp, 0), torch.logcumsumexp(sp.flip(0), 0))
    print(torch.logcumsumexp(torch.tensor([complex(-inf, 1), complex(-inf, 2)], dtype=dt), 0))
    print(torch.logcumsumexp(torch.tensor([1+0j, 1+0j, complex(0, nan), 3], dtype=dt), 0))
    print(torch.logcumsumexp(torch.tensor(1+2j, dtype=dt), 0), torch.logcumsumexp(torch.zeros(0, 2, dtype=dt), 0))
    y = torch.randn(2, 3, dtype=dt).requires_grad_()
    z = y.logcumsumexp(1)
    print(type(z.grad_fn).__name__)
    g, = torch.autograd.grad(z, y, torch.randn(2, 3, dtype=dt))
    print(g.real.tolist(), g.imag.tolist())
""",
"conj_physical_backward_is_a_conjugated_copy_not_a_lazy_conj_view": """
x = torch.tensor([1+2j, 3-1j], requires_grad=True)
x.conj_physical().backward(torch.tensor([1+1j, 2j]))
print(x.grad, x.grad.is_conj(), torch.view_as_real(x.grad))
y = x.detach().clone().requires_grad_()
z = y * 1
z.conj_physical_()
z.backward(torch.tensor([1+1j, 2j]))
print(y.grad, y.grad.is_conj(), type(z.grad_fn).__name__)
g, = torch.autograd.grad(torch.conj_physical(x), x, torch.tensor([1+1j, 2j]), create_graph=True)
print(g, g.is_conj())
""",
"a_complex_sum_adds_its_real_and_imaginary_parts_in_cascade_sums_order_a_complex_number_to_a_vector_lane": """
torch.manual_seed(0)
for shape, dim in [((5,), None), ((9,), None), ((33,), None), ((1000,), None), ((70000,), None), ((3, 4), 1),
                   ((3, 4), 0), ((9, 4), 0), ((40, 2), 0), ((5, 6, 7), (0, 2)), ((64, 64), 0)]:
    for dt in [torch.cfloat, torch.cdouble]:
        x = torch.randn(*shape, dtype=dt) * 3
        for s in [x.sum() if dim is None else x.sum(dim), x.mean() if dim is None else x.mean(dim)] + \
                 ([x.t().sum(0)] if x.dim() == 2 else []):
            print(shape, dim, dt, s.real.flatten().tolist()[:6], s.imag.flatten().tolist()[:6])
""",
"var_and_std_of_a_complex_tensor_have_var_backward_and_std_is_the_sqrt_kernels_root_of_the_parts_variances": """
torch.manual_seed(0)
for dt in [torch.cfloat, torch.cdouble]:
    x = (torch.randn(3, 4, dtype=dt) * 2).requires_grad_()
    for kw in [{}, {'dim': 1}, {'dim': 0, 'keepdim': True}, {'correction': 0}, {'dim': []}]:
        for f in [torch.var, torch.std]:
            out = f(x, **kw)
            g, = torch.autograd.grad(out, x, torch.rand_like(out))
            print(f.__name__, kw, out.flatten().tolist()[:3], g.real.flatten().tolist()[:5], g.imag.flatten().tolist()[:5])
        for f in [torch.var_mean, torch.std_mean]:
            v, m = f(x, **kw)
            g, = torch.autograd.grad((v, m), x, (torch.rand_like(v), torch.randn_like(m)))
            print(f.__name__, kw, v.flatten().tolist()[:3], g.real.flatten().tolist()[:5], g.imag.flatten().tolist()[:5])
    y = torch.tensor([1+1j], dtype=dt, requires_grad=True)
    y.std().backward()
    print(y.grad)
""",
"logsumexp_of_a_complex_tensor_shifts_by_the_real_parts_max_and_its_backward_conjugates_the_exponential": """
torch.manual_seed(0)
inf = float('inf')
for dt in [torch.cfloat, torch.cdouble]:
    x = torch.randn(3, 5, dtype=dt) * 3
    for args in [(0,), (1,), ((0, 1),), (1, True)]:
        r = torch.logsumexp(x, *args)
        print(args, r.real.tolist(), r.imag.tolist())
    print(torch.logsumexp(torch.tensor([complex(inf, 1), 1j], dtype=dt), 0),
          torch.logsumexp(torch.tensor([-0.0-0.0j, -0.0-0.0j], dtype=dt), 0), torch.logsumexp(torch.zeros(0, 3, dtype=dt), 0))
    y = x.clone().requires_grad_()
    r = y.logsumexp(1)
    print(type(r.grad_fn).__name__, r.grad_fn._saved_dim)
    g, = torch.autograd.grad(r, y, torch.randn(3, dtype=dt))
    print(g.real.tolist(), g.imag.tolist())
""",
"vector_norm_of_a_complex_tensor_adds_the_c_librarys_hypot_in_the_generic_reductions_order": """
torch.manual_seed(0)
for dt in [torch.cfloat, torch.cdouble]:
    x = torch.randn(6, 7, 5, dtype=dt) * 3
    for p in [1, 2, 3, 0.5, -1]:
        for dim in [None, 1, (0, 2)]:
            for src in [x, x.transpose(0, 2), x[:, ::2]]:
                print(p, dim, torch.linalg.vector_norm(src, p, dim).flatten().tolist()[:4])
    print(x.norm().item(), torch.linalg.matrix_norm(x[0]).item(), torch.linalg.norm(x[0], 'fro').item())
    x = torch.randn(40000, dtype=dt)
    print(x.norm().item(), torch.linalg.vector_norm(x, 1).item())
""",
"trace_of_a_complex_matrix_adds_its_diagonal_in_complex_double_one_after_another": """
torch.manual_seed(0)
for dt in [torch.cfloat, torch.cdouble]:
    for n in [3, 13, 40]:
        M = torch.randn(n, n, dtype=dt)
        print(n, M.trace().item(), M.t().trace().item())
    print(torch.tensor([[-0.0-0.0j]], dtype=dt).trace())
""",
"triangular_solve_of_complex_matrices_solves_and_its_backward_conjugates_a_and_the_solution": """
torch.manual_seed(0)
for dt in [torch.cfloat, torch.cdouble]:
    A = torch.randn(3, 3, dtype=dt).triu() + 3 * torch.eye(3, dtype=dt)
    b = torch.randn(3, 2, dtype=dt)
    for upper in [True, False]:
        for tr in [False, True]:
            AA = (A if upper else A.mT).clone().requires_grad_()
            bb = b.clone().requires_grad_()
            X, M = torch.triangular_solve(bb, AA, upper=upper, transpose=tr, unitriangular=tr)
            print(upper, tr, X)
            (X.abs().sum() + M.abs().sum()).backward()
            print(AA.grad, bb.grad)
    print(torch.triangular_solve(b.expand(2, 3, 2), A).solution.shape)
""",
"embedding_of_a_complex_weight_renorms_both_parts_and_refuses_autograd_after_its_checks": """
F = torch.nn.functional
for dt in [torch.cfloat, torch.cdouble]:
    w = torch.tensor([[3+4j, 1j], [0.1+0.1j, 0.2j], [1+1j, -2+0.5j]], dtype=dt)
    print(F.embedding(torch.tensor([0, 2, 1]), w, max_norm=1.0), w)
    w.requires_grad_()
    for name, f in [('F', lambda: F.embedding(torch.tensor([0, 2]), w)), ('torch', lambda: torch.embedding(w, torch.tensor([0]))),
                    ('pad', lambda: F.embedding(torch.tensor([0, 2]), w, padding_idx=0)),
                    ('bad_index', lambda: F.embedding(torch.tensor([5]), w)),
                    ('float_index', lambda: F.embedding(torch.tensor([0.]), w))]:
        try:
            print(name, f())
        except Exception as e:
            print(name, type(e).__name__, e)
    with torch.no_grad():
        print(F.embedding(torch.tensor([1]), w))
""",
"slogdet_of_a_complex_matrix_takes_its_sign_as_the_sgn_kernels_values_multiplied_by_the_prod_kernel": """
for dt in [torch.cfloat, torch.cdouble]:
    for A in [torch.tensor([[1+1j, 2], [0, 1-1j]], dtype=dt), torch.tensor([[1+2j, 0, 0], [0, 3-1j, 0], [0, 0, -2+5j]], dtype=dt),
              torch.tensor([[0.3+0.7j, 1], [0, 0.7+0.3j]], dtype=dt)]:
        s, l = torch.linalg.slogdet(A)
        print(s.real.item(), s.imag.item(), l.item(), torch.logdet(A))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the held-out programs on shapes and products of round 19 (held19f), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"tensordot_dims_are_parsed_as_int_lists_and_checked_for_repeats": """
def t(f):
    try: r = f(); print(r.shape, r.flatten()[:4])
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(24.).reshape(2, 3, 4); y = torch.arange(20.).reshape(4, 5)
for dims in [[2, 0], (2, 0), ([2], 0), [[2], [0]], torch.tensor([2, 0]), torch.tensor([[2], [0]]), [torch.tensor(2), torch.tensor(0)],
             [torch.tensor([2]), torch.tensor([0])], [[[2]], [[0]]], [[2.0], [0]], [(), ()], 1, torch.tensor(1)]:
    t(lambda: torch.tensordot(x, y, dims=dims))
t(lambda: torch.tensordot(x, x, dims=[[0, 0], [0, 0]])); t(lambda: torch.tensordot(x, x, dims=[[0, -3], [1, 2]]))
t(lambda: torch.tensordot(x, torch.tensor(2.), dims=0)); t(lambda: torch.tensordot(torch.tensor(2.), torch.tensor(3.), dims=0))
t(lambda: torch.tensordot(x, y, dims=[[2], [0]], out=torch.empty(0)))
""",
"einsum_a_second_ellipsis_is_the_already_found_error": """
x = torch.ones(2, 3)
for eq in ["ij->......", "ij->...i...", "ij->....", "ij->..", "i...j...", "ij......", ".ij", "ij..", "......,ij", "ij,...j...",
           "ij->..i", "...,...->...", "i...,...j"]:
    try: r = torch.einsum(eq, x, x) if "," in eq else torch.einsum(eq, x); print(eq, r.shape)
    except Exception as e: print(eq, type(e).__name__, e)
""",
"addmm_of_bool_and_its_empty_inner_dimension_path": """
for dt in [torch.bool, torch.int64, torch.float32, torch.float16]:
    for beta in [1, 0, True, False, 0.5, 1j]:
        for k, m in [(0, 2), (2, 2), (2, 0), (0, 0)]:
            for f in [lambda: torch.addmm(torch.ones(m, 3, dtype=dt), torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta, alpha=2),
                      lambda: torch.ones(m, 3, dtype=dt).addmm_(torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta),
                      lambda: torch.addmm(torch.ones(3, dtype=dt), torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta)]:
                try: r = f(); print(dt, beta, k, m, r.dtype, r.tolist())
                except Exception as e: print(dt, beta, k, m, type(e).__name__, e)
""",
"baddbmm_and_addbmm_with_nothing_summed_are_mul_of_beta": """
for dt in [torch.bool, torch.int64, torch.float16]:
    for beta in [1, 0, True, 0.5, 1j]:
        fs = [lambda: torch.baddbmm(torch.ones(2, 2, 3, dtype=dt), torch.ones(2, 2, 0, dtype=dt), torch.ones(2, 0, 3, dtype=dt), beta=beta),
              lambda: torch.ones(2, 2, 3, dtype=dt).baddbmm_(torch.ones(2, 2, 0, dtype=dt), torch.ones(2, 0, 3, dtype=dt), beta=beta),
              lambda: torch.baddbmm(torch.ones(2, 0, 3, dtype=dt), torch.ones(2, 0, 1, dtype=dt), torch.ones(2, 1, 3, dtype=dt), beta=beta),
              lambda: torch.addbmm(torch.ones(2, 3, dtype=dt), torch.ones(2, 2, 0, dtype=dt), torch.ones(2, 0, 3, dtype=dt), beta=beta),
              lambda: torch.addbmm(torch.ones(2, 3, dtype=dt), torch.ones(0, 2, 4, dtype=dt), torch.ones(0, 4, 3, dtype=dt), beta=beta),
              lambda: torch.addbmm(torch.ones(0, 3, dtype=dt), torch.ones(2, 0, 0, dtype=dt), torch.ones(2, 0, 3, dtype=dt), beta=beta)]
        for i, f in enumerate(fs):
            try: r = f(); print(dt, beta, i, r.dtype, r.flatten().tolist()[:3])
            except Exception as e: print(dt, beta, i, type(e).__name__, e)
""",
"addr_refuses_a_boolean_beta_or_alpha_for_other_dtypes": """
for dt in [torch.bool, torch.int64, torch.float32]:
    for beta, alpha in [(True, 1), (1, True), (False, False), (True, 1.5), (1.5, True), (0, True), (1.5, 1), (2, 3)]:
        for f in [lambda: torch.addr(torch.ones(2, 3, dtype=dt), torch.ones(2, dtype=dt), torch.ones(3, dtype=dt), beta=beta, alpha=alpha),
                  lambda: torch.ones(2, 3, dtype=dt).addr_(torch.ones(2, dtype=dt), torch.ones(3, dtype=dt), beta=beta, alpha=alpha)]:
            try: r = f(); print(dt, beta, alpha, r.dtype, r.tolist())
            except Exception as e: print(dt, beta, alpha, type(e).__name__, e)
""",
"addmv_converts_beta_and_alpha_as_its_kernel_and_its_empty_matrix_path": """
for dt in [torch.bool, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.float32, torch.complex64]:
    for beta, alpha in [(1j, 1), (1, 1j), (1e300, 1), (300, 1), (-1, 1), (1, -1), (0.5, 1), (True, 1), (0, 1e300)]:
        for n, f in [("e", lambda: torch.addmv(torch.ones(2, dtype=dt), torch.ones(2, 0, dtype=dt), torch.ones(0, dtype=dt), beta=beta, alpha=alpha)),
                     ("f", lambda: torch.addmv(torch.ones(2, dtype=dt), torch.ones(2, 2, dtype=dt), torch.ones(2, dtype=dt), beta=beta, alpha=alpha)),
                     ("z", lambda: torch.addmv(torch.ones(0, dtype=dt), torch.ones(0, 2, dtype=dt), torch.ones(2, dtype=dt), beta=beta, alpha=alpha))]:
            try: r = f(); print(dt, beta, alpha, n, r.dtype, r.tolist())
            except Exception as e: print(dt, beta, alpha, n, type(e).__name__, e)
""",
"a_number_beyond_float_range_does_not_convert_to_complex64": """
for v in [1e300, -1e300, complex(1, 1e300), 1e38, float("inf"), float("nan"), complex(float("inf"), 1), 10 ** 40]:
    for f in [lambda: torch.full((2,), v, dtype=torch.complex64), lambda: torch.zeros(2, dtype=torch.complex64).fill_(v),
              lambda: torch.zeros(1, dtype=torch.complex64).fill_(v), lambda: torch.zeros(1, dtype=torch.complex128).fill_(v)]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
""",
"addbmm_inplace_grows_a_broadcast_self_to_the_products_shape": """
b1 = torch.arange(24.).reshape(2, 3, 4); b2 = torch.arange(40.).reshape(2, 4, 5)
for inp in [torch.ones(5), torch.tensor(2.), torch.ones(1, 5), torch.ones(3, 1), torch.ones(3, 5)]:
    x = inp.clone(); v = x._version
    r = x.addbmm_(b1, b2, beta=0.5)
    print(r is x, x.shape, x.stride(), x._version - v, x[0, :3], x.is_contiguous())
base = torch.ones(20); view = base[:5]; view.addbmm_(b1, b2); print(view.shape, base[:6])
try: torch.ones(10)[::2].addbmm_(b1, b2)
except Exception as e: print(type(e).__name__, e)
""",
"linalg_products_take_out_with_their_own_checks": """
def t(name, f):
    try: r = f(); print(name, r.dtype, tuple(r.shape), r.stride(), r.flatten()[:4].tolist(), r._version)
    except Exception as e: print(name, type(e).__name__, e)
A = torch.arange(4.).reshape(2, 2); v = torch.ones(2); g = torch.ones(2, 2, requires_grad=True)
cases = [("lcross", lambda o, x: torch.linalg.cross(torch.ones(3) * x.sum(), torch.ones(3), out=o)),
         ("multi_dot", lambda o, x: torch.linalg.multi_dot([A, x, A], out=o)), ("multi_dot_vv", lambda o, x: torch.linalg.multi_dot([v, x, v], out=o)),
         ("lmatmul", lambda o, x: torch.linalg.matmul(A, x, out=o)), ("lmatmul_vv", lambda o, x: torch.linalg.matmul(v, x[0], out=o)),
         ("vecdot", lambda o, x: torch.linalg.vecdot(A, x, out=o)), ("vecdot_vv", lambda o, x: torch.linalg.vecdot(v, x[0], out=o))]
for name, f in cases:
    for dt, n in [(torch.float32, 0), (torch.float64, 0), (torch.int64, 0), (torch.float32, 4)]:
        for x in [A, g, A.double()]:
            t(f"{name} {dt} {n} {x.dtype} {x.requires_grad}", lambda: f(torch.empty(n, dtype=dt), x))
    t(name + " strided", lambda: f(torch.empty(8)[::2] if "vv" not in name else torch.empty(0), A))
# (torch.chain_matmul warns from torch/functional.py: its warnings shown once, so each case once, without a resize)
for x, o in [(A, torch.empty(0)), (g, torch.empty(0)), (A.double(), torch.empty(0, dtype=torch.int64))]:
    t("chain1", lambda: torch.chain_matmul(x, out=o))
    t("chain3", lambda: torch.chain_matmul(A, x, A, out=torch.empty(0)))
    t("chain3", lambda: torch.chain_matmul(A, A, A, out=torch.empty(0, dtype=torch.float64)))
""",
"product_out_dtype_is_checked_before_the_operands_dtypes": """
A = torch.arange(4.).reshape(2, 2); D = A.double()
cases = {"mm": lambda o, x, y: torch.mm(x, y, out=o), "bmm": lambda o, x, y: torch.bmm(x[None], y[None], out=o),
         "matmul22": lambda o, x, y: torch.matmul(x, y, out=o), "matmul12": lambda o, x, y: torch.matmul(x[0], y, out=o),
         "matmul32": lambda o, x, y: torch.matmul(x[None], y, out=o), "matmul23": lambda o, x, y: torch.matmul(x, y[None], out=o),
         "matmul33": lambda o, x, y: torch.matmul(x[None], y[None], out=o), "matmul31": lambda o, x, y: torch.matmul(x[None], y[0], out=o),
         "matmul13": lambda o, x, y: torch.matmul(x[0], y[None], out=o),
         "baddbmm": lambda o, x, y: torch.baddbmm(x[None], x[None], y[None], out=o), "addmv": lambda o, x, y: torch.addmv(x[0], x, y[0], out=o),
         "addbmm": lambda o, x, y: torch.addbmm(x, x[None], y[None], out=o), "diag": lambda o, x, y: torch.diag(x, out=o),
         "mm_bool": lambda o, x, y: torch.mm(x.bool(), y.bool(), out=o), "bmm_bool": lambda o, x, y: torch.bmm(x[None].bool(), y[None].bool(), out=o)}
for n, f in cases.items():
    for dt in [torch.float64, torch.int64, torch.float32, torch.complex64]:
        for x, y in [(A, D), (D, A), (A, A)]:
            try: r = f(torch.empty(0, dtype=dt), x, y); print(n, dt, x.dtype, y.dtype, r.dtype, r.shape)
            except Exception as e: print(n, dt, x.dtype, y.dtype, type(e).__name__, e)
""",
"torch_backends_opt_einsum_without_the_package": """
print(torch.backends.opt_einsum.is_available(), torch.backends.opt_einsum.enabled, torch.backends.opt_einsum.strategy,
      torch.backends.opt_einsum.get_opt_einsum())
""",
"product_out_is_resized_before_the_kernels_own_errors": """
A = torch.arange(4.).reshape(2, 2); D = A.double(); b = torch.ones(2, 2, dtype=torch.bool)
for n, f in {"mm": lambda o, x, y: torch.mm(x, y, out=o), "bmm": lambda o, x, y: torch.bmm(x[None], y[None], out=o),
             "baddbmm": lambda o, x, y: torch.baddbmm(x[None], x[None], y[None], out=o), "matmul22": lambda o, x, y: torch.matmul(x, y, out=o),
             "matmul12": lambda o, x, y: torch.matmul(x[0], y, out=o), "matmul32": lambda o, x, y: torch.matmul(x[None], y, out=o),
             "matmul23": lambda o, x, y: torch.matmul(x, y[None], out=o), "matmul13": lambda o, x, y: torch.matmul(x[0], y[None], out=o),
             "matmul31": lambda o, x, y: torch.matmul(x[None], y[0], out=o), "matmul41": lambda o, x, y: torch.matmul(x[None, None], y[0], out=o),
             "addbmm": lambda o, x, y: torch.addbmm(x, x[None], y[None], out=o), "diag": lambda o, x, y: torch.diag(x, out=o)}.items():
    for x, y in [(A, D), (D, A), (b, b)]:
        for dt in [x.dtype, y.dtype, torch.float32]:
            o = torch.empty(5, dtype=dt)
            try: r = f(o, x, y); print(n, r.dtype, r.shape)
            except Exception as e: print(n, type(e).__name__, e, o.shape)
""",
"view_copy_out_is_resized_then_needs_the_exact_dtype_and_kron_out_keeps_its_version": """
x = torch.arange(6.).reshape(2, 3)
for n, f in [("diagonal_copy", lambda o: torch.diagonal_copy(x, out=o)), ("t_copy", lambda o: torch.t_copy(x, out=o)),
             ("permute_copy", lambda o: torch.permute_copy(x, (1, 0), out=o)), ("view_copy", lambda o: torch.view_copy(x, (6,), out=o)),
             ("expand_copy", lambda o: torch.expand_copy(x, (2, 2, 3), out=o)), ("select_copy", lambda o: torch.select_copy(x, 0, 1, out=o)),
             ("unsqueeze_copy", lambda o: torch.unsqueeze_copy(x, 0, out=o)), ("detach_copy", lambda o: torch.detach_copy(x, out=o)),
             ("narrow_copy", lambda o: torch.narrow_copy(x, 1, 0, 2, out=o)), ("slice_copy", lambda o: torch.slice_copy(x, 1, 0, 2, out=o)),
             ("unfold_copy", lambda o: torch.unfold_copy(x, 1, 2, 1, out=o)), ("as_strided_copy", lambda o: torch.as_strided_copy(x, (2,), (1,), out=o)),
             ("kron", lambda o: torch.kron(x, x, out=o)), ("kron1", lambda o: torch.kron(x[0], x[0].int(), out=o)),
             ("kron_bf16", lambda o: torch.kron(x[0] / 3, x[0], out=o.bfloat16()))]:
    for o in [torch.empty(5, dtype=torch.float64), torch.empty(5, dtype=torch.int64), torch.empty(5), torch.empty(0)]:
        v = o._version
        try: r = f(o); print(n, r.dtype, tuple(r.shape), r._version - v, r.flatten()[:3])
        except Exception as e: print(n, type(e).__name__, e, o.shape, o._version - v)
""",
"view_copy_and_diag_out_record_not_implemented_and_kron_out_resizes_before_refusing": """
g = torch.arange(6.).reshape(2, 3).requires_grad_()
for n, f in [("diagonal_copy", lambda o: torch.diagonal_copy(g, out=o)), ("t_copy", lambda o: torch.t_copy(g, out=o)),
             ("expand_copy", lambda o: torch.expand_copy(g, (2, 2, 3), out=o)), ("select_copy", lambda o: torch.select_copy(g, 0, 1, out=o)),
             ("detach_copy", lambda o: torch.detach_copy(g, out=o)), ("narrow_copy", lambda o: torch.narrow_copy(g, 1, 0, 2, out=o)),
             ("diag", lambda o: torch.diag(g, out=o)), ("diag1", lambda o: torch.diag(g[0], 1, out=o)),
             ("kron", lambda o: torch.kron(g, g, out=o)), ("tril", lambda o: torch.tril(g, out=o))]:
    for o in [torch.empty(0), torch.empty(3), torch.empty(0, dtype=torch.float64)]:
        try:
            r = f(o); print(n, tuple(r.shape), r._version, r.grad_fn.name(), r.requires_grad, r.is_leaf, len(r.grad_fn.next_functions))
            try: r.sum().backward()
            except Exception as e: print(e)
        except Exception as e:
            print(n, type(e).__name__, e, o.shape)
try: torch.t_copy(torch.ones(2, 2), out=torch.empty(0, requires_grad=True))
except Exception as e: print(type(e).__name__, e)
with torch.no_grad():
    o = torch.empty(0); torch.t_copy(g, out=o); print(o.grad_fn, o.requires_grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

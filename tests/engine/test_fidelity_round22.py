"""Classes of difference the twenty-second round found (issue 16) with the random programs' new `api` statements
(scripts/fuzz_programs.py --api: any method or function of the signature table), one differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_gradient_a_node_passes_on_unchanged_is_accumulated_in_place_in_the_next_buffer": """
v1 = torch.ones(3, requires_grad=True)
for f in [lambda: ((v1 - v1) * 2).sum(), lambda: (torch.pow(v1 - v1, 2) * v1.detach()).sum(),
          lambda: (v1 + v1 * 2).sum(), lambda: (v1 - v1).sum(), lambda: ((v1 - v1) ** 2 * 2).sum() / 3]:
    v1.grad = None
    f().backward()
    print(v1.grad, v1.grad._version)
w = torch.zeros(0, requires_grad=True)
torch.nn.functional.mse_loss(w, w, weight=w.detach() + 0.25).backward()
for _ in range(2):
    w.sum().backward()
    print(w.grad, w.grad._version)
""",
"the_view_copies_out_runs_below_autograd_recording_notimplemented_over_outs_history": """
x = torch.tensor([[1.0, 3.0, 2.0], [3.0, 3.0, 1.0]], requires_grad=True)
for name, f in [("t_copy", lambda i, o: torch.t_copy(i, out=o)), ("diag", lambda i, o: torch.diag(i, out=o)),
                ("diag1", lambda i, o: torch.diag(i[0], out=o)), ("squeeze_copy", lambda i, o: torch.squeeze_copy(i, 0, out=o)),
                ("view_copy", lambda i, o: torch.view_copy(i, (6,), out=o))]:
    for ik, inp in (("grad", x), ("nograd", x.detach())):
        for ok in ("leaf", "leafview", "nonleaf", "plain"):
            o = {"leaf": lambda: torch.zeros(3, 2, requires_grad=True),
                 "leafview": lambda: torch.zeros(8, requires_grad=True)[:6],
                 "nonleaf": lambda: torch.zeros(6, requires_grad=True) * 1, "plain": lambda: torch.zeros(0)}[ok]()
            try:
                r = f(inp, o)
                nf = r.grad_fn and [type(n).__name__ for n, _ in r.grad_fn.next_functions]
                print(name, ik, ok, r.grad_fn and r.grad_fn.name(), nf, r.requires_grad, tuple(r.shape), r._version)
            except Exception as e:
                print(name, ik, ok, type(e).__name__, e)
with torch.no_grad():
    print(torch.add(torch.ones(2), 1, out=torch.zeros(0, requires_grad=True)))
try:
    torch.diag(x[0], out=torch.zeros(0, requires_grad=True) * 1).sum().backward()
except Exception as e:
    print(type(e).__name__, e)
""",
"an_empty_complex_tensor_copied_into_a_real_one_does_not_warn": """
e = torch.tensor([], dtype=torch.complex64)
print(e.float(), e.to(torch.int64), torch.tensor([]).copy_(e))
print(torch.zeros(0).eq_(torch.zeros(0, dtype=torch.cfloat)), torch.eq(e, 1, out=torch.zeros(0)))
print(torch.tensor([1 + 1j]).float())
""",
"legacy_new_of_a_tensor_is_its_alias": """
x = torch.tensor([[0.5, 3.0]], requires_grad=True)
y = x.new(x)
print(y, y._base is x, y.is_leaf, y._version)
print(torch.Tensor(torch.tensor([1, 2])), torch.zeros(2).new(2, 3).shape)
try:
    x.new(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
""",
"linalg_norms_out_is_composite_copied_with_its_graph": """
torch.manual_seed(0)
x = torch.rand(2, 3, 2, requires_grad=True)
for f in [lambda o: torch.linalg.matrix_norm(x, 'nuc', out=o), lambda o: torch.linalg.matrix_norm(x, 1, out=o),
          lambda o: torch.linalg.norm(x, 'fro', (0, 1), out=o), lambda o: torch.linalg.norm(x, 2, (1,), out=o),
          lambda o: torch.norm(x, 'nuc', dim=(1, 2), out=o), lambda o: torch.nuclear_norm(x, out=o),
          lambda o: torch.nuclear_norm(x, (0, 1), out=o), lambda o: torch.frobenius_norm(x, (0, 1), out=o)]:
    for o in (torch.zeros(1), torch.zeros(0, dtype=torch.float64)):
        try:
            r = f(o)
            print(r, r is o)
        except Exception as e:
            print(type(e).__name__, e)
    with torch.no_grad():
        for o in (torch.zeros(1, dtype=torch.int64), torch.zeros(0)):
            try:
                print(f(o))
            except Exception as e:
                print(type(e).__name__, e)
""",
"torch_cholesky_out_warns_from_its_own_call_site_first": """
a = torch.eye(2)
print(torch.cholesky(a, out=torch.zeros(2, 2)))
print(torch.cholesky(a), a.cholesky())
""",
"expand_takes_size_and_implicit_by_name": """
x = torch.tensor([1., 2.], requires_grad=True)
print(x.expand(3, 2, implicit=True), x.expand(size=(2, 2)), x.expand((2, 2), implicit=False).grad_fn.name())
for f in [lambda: x.expand(2, 2, size=(2, 2)), lambda: x.expand(size=[3, 2], implicit=1), lambda: x.expand(implicit=True)]:
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_result_built_from_a_broadcast_view_is_writable": """
v3 = torch.arange(6, dtype=torch.float64)
v4 = v3.addr(v3, v3.detach().clone())
v4.xlogy_(4)
print(v4[1])
v = torch.zeros(2).addmv(torch.ones(2, 3), torch.ones(3))
v.mul_(2)
print(v, torch.zeros(2, 2).addr(torch.ones(2), torch.ones(2)).add_(1))
""",
"the_copying_ops_never_share_their_inputs_memory": """
x = torch.arange(6.).reshape(3, 2)
r, d = torch.rot90(x, 4), torch.detach_copy(x)
s, u = torch.split_copy(x, 1), torch.unbind_copy(x)
w = torch.split_with_sizes_copy(x, [1, 2])
b = torch.tensor([0., 1., 2.])
h = torch.histogramdd(torch.tensor([[0.5, 0.5], [1.5, 0.2]]), [b, b])
h2 = torch.histogram(torch.tensor([0.5, 1.5]), b)
x.add_(10)
b.add_(5)
print(r, d, s, u, w)
print(h, h.bin_edges[0] is b, h2)
""",
"sum_and_mean_given_dim_none_are_the_dim_overloads_node": """
x = torch.ones(2, 3, requires_grad=True)
for f in [lambda: x.sum(None), lambda: x.sum(dim=None, keepdim=True), lambda: torch.sum(x, None, dtype=torch.float64),
          lambda: x.sum(), lambda: x.sum(dtype=torch.float64), lambda: x.mean(None), lambda: x.mean(axis=None),
          lambda: torch.mean(x, None, True), lambda: x.mean(), lambda: x.nansum(None), lambda: x.sum(axis=0)]:
    r = f()
    print(r, r.grad_fn.name(), getattr(r.grad_fn, '_saved_dim', 'no dim'))
r = x.sum(None, True)
r.sum().backward()
print(x.grad, r.grad_fn._saved_keepdim)
""",
"searchsorted_and_bucketize_check_shapes_before_outs_dtype": """
for f in [lambda: torch.bucketize(torch.ones(2), torch.ones(2, 2), out=torch.zeros(2)),
          lambda: torch.bucketize(torch.ones(2), torch.ones(2), out=torch.zeros(2)),
          lambda: torch.searchsorted(torch.ones(2, 2), torch.ones(3), out=torch.zeros(2)),
          lambda: torch.searchsorted(torch.ones(2, 2), 1.0, out=torch.zeros(2)),
          lambda: torch.searchsorted(torch.ones(3), torch.ones(2), side='middle', out=torch.zeros(2)),
          lambda: torch.bucketize(torch.ones(2), torch.ones(2, 2), out_int32=True, out=torch.zeros(2, dtype=torch.int64)),
          lambda: torch.searchsorted(torch.arange(3.), torch.ones(2), out=torch.zeros(2, dtype=torch.int64))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_a_reduction_into_an_out_that_is_its_own_input_reads_it_resized():
    """PyTorch resizes out, and so the input, before its kernel reads it: std's make_reduction then reduces the
    resized input broadcast against out's view, each row reading what the rows before it wrote
    (reduced_into_input.py); an op whose kernel is not modelled so (histc) says so rather than print another value."""
    import math
    from tensorsh.engine.errors import TorchError
    from tensorsh.engine.torch_api import NAMESPACE as torch
    x = torch["tensor"]([[3.0, 1.0], [2.0, 5.0]])
    torch["std"](x, 0, out=x)
    assert x.dim() == 1 and all(math.isnan(v) for v in x.tolist())
    x = torch["tensor"]([[3.0, 1.0], [2.0, 5.0]])
    torch["std"](x, 1, out=x)
    assert [round(v, 4) for v in x.tolist()] == [1.4142, 0.2929]  # (std(3, 1), then std(1.4142.., 1))
    x = torch["tensor"]([[3.0, 1.0], [2.0, 5.0]])
    with pytest.raises(TorchError) as raised:
        torch["histc"](x, 4, out=x)
    assert str(raised.value.message) == ("tensorsh: histc(..., out=) into a tensor of another shape that shares "
                                         "memory with its input is not supported")
    x = torch["tensor"]([[3.0, 1.0], [2.0, 5.0]])
    assert torch["cumsum"](x, 1, out=x).tolist() == [[3.0, 4.0], [2.0, 7.0]]  # (an out of the result's shape: written)


LINALG_OUT = """
A0 = torch.tensor([[4.0, 1.0], [1.0, 3.0]])
calls = {
 "inv": lambda A, o: torch.linalg.inv(A, out=o), "det": lambda A, o: torch.linalg.det(A, out=o),
 "cholesky": lambda A, o: torch.linalg.cholesky(A, out=o), "svdvals": lambda A, o: torch.linalg.svdvals(A, out=o),
 "pinv": lambda A, o: torch.linalg.pinv(A, out=o), "eigvalsh": lambda A, o: torch.linalg.eigvalsh(A, out=o),
 "matrix_power": lambda A, o: torch.linalg.matrix_power(A, 2, out=o), "matrix_rank": lambda A, o: torch.linalg.matrix_rank(A, out=o),
 "cond": lambda A, o: torch.linalg.cond(A, out=o), "solve": lambda A, o: torch.linalg.solve(A, A, out=o),
 "solve_triangular": lambda A, o: torch.linalg.solve_triangular(A, A, upper=True, out=o),
 "tensorinv": lambda A, o: torch.linalg.tensorinv(A, 1, out=o), "tensorsolve": lambda A, o: torch.linalg.tensorsolve(A, A[0], out=o),
 "householder_product": lambda A, o: torch.linalg.householder_product(A, A[0], out=o),
}
for name, f in calls.items():
    for case in ("grad", "dtype", "shape", "fine"):
        A = A0.clone().requires_grad_(case == "grad")
        o = {"grad": torch.zeros(0), "dtype": torch.zeros(1, dtype=torch.int64), "shape": torch.zeros(5), "fine": torch.zeros(0)}[case]
        try:
            r = f(A, o)
            print(name, case, r, r.grad_fn and r.grad_fn.name(), r is o, o._version)
        except Exception as e:
            print(name, case, type(e).__name__, e)
for name, f in (("qr", lambda A, o: torch.linalg.qr(A, out=o)), ("eigh", lambda A, o: torch.linalg.eigh(A, out=o)),
                ("slogdet", lambda A, o: torch.linalg.slogdet(A, out=o)), ("svd", lambda A, o: torch.linalg.svd(A, out=o)),
                ("lu_factor", lambda A, o: torch.linalg.lu_factor(A, out=o)), ("inv_ex", lambda A, o: torch.linalg.inv_ex(A, out=o)),
                ("lu", lambda A, o: torch.linalg.lu(A, out=o)), ("eig", lambda A, o: torch.linalg.eig(A, out=o)),
                ("solve_ex", lambda A, o: torch.linalg.solve_ex(A, A, out=o))):
    for case in ("grad", "fine", "dtype"):
        A = A0.clone().requires_grad_(case == "grad")
        try:
            with torch.no_grad():
                ref = f(A0, None)
            outs = tuple(torch.zeros(0, dtype=(t.dtype if case != "dtype" or i > 0 else torch.float64)) for i, t in enumerate(ref))
            r = f(A, outs)
            print(name, case, [tuple(t.shape) for t in r], all(a is b for a, b in zip(r, outs)))
        except Exception as e:
            print(name, case, type(e).__name__, e)
"""


def test_linalg_functions_write_out_as_their_kernels_do():
    same_as_torch(LINALG_OUT)


FFT_OUT = """
A = torch.tensor([[4.0, 1.0], [1.0, 3.0]], requires_grad=True)
for f in [lambda o: torch.fft.fft(A, out=o), lambda o: torch.fft.irfft(A.cfloat(), out=o), lambda o: torch.fft.fft2(A, out=o),
          lambda o: torch.fft.fft(A.cfloat(), out=o), lambda o: torch.fft.rfft(A, out=o)]:
    try:
        f(torch.zeros(0, dtype=torch.cfloat))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda o: torch.fft.fftfreq(4, out=o), lambda o: torch.fft.rfftfreq(5, 0.5, out=o)]:
    for o in (torch.zeros(0), torch.zeros(4, dtype=torch.float64), torch.zeros(2, 3), torch.zeros(0, requires_grad=True),
              torch.zeros(3, dtype=torch.int64)):
        try:
            r = f(o)
            print(r, r is o)
        except Exception as e:
            print(type(e).__name__, e)
"""


def test_fft_out_refuses_autograd_in_its_kernels_name_and_fftfreq_writes_out_as_arange():
    same_as_torch(FFT_OUT)


def test_sum_to_size_of_an_empty_size_is_a_new_sum():
    same_as_torch("""
s = torch.tensor(2.0, requires_grad=True)
t = s.sum_to_size(())
print(t is s, t.data_ptr() == s.data_ptr(), t.grad_fn)
x = torch.ones(3, requires_grad=True)
print(x.sum_to_size(3) is x, x.sum_to_size(()), x.sum_to_size(1))
""")


def test_linalg_eigvals_out_goes_through_the_notimplemented_fallback():
    same_as_torch("""
A = torch.tensor([[4.0, 1.0], [1.0, 3.0]], requires_grad=True)
for mk in (lambda: torch.zeros(0, dtype=torch.cfloat, requires_grad=True),
           lambda: torch.zeros(0, dtype=torch.cfloat, requires_grad=True) * 1, lambda: torch.zeros(0, dtype=torch.cfloat)):
    for inp in (A, A.detach()):
        try:
            o = mk()
            r = torch.linalg.eigvals(inp, out=o)
            print(r is o, r.grad_fn and r.grad_fn.name(), [type(n).__name__ for n, _ in r.grad_fn.next_functions] if r.grad_fn else None, r._version)
        except Exception as e:
            print(type(e).__name__, e)
try:
    torch.linalg.eigvals(A, out=torch.zeros(1))
except Exception as e:
    print(type(e).__name__, e)
""")


def test_trapezoid_of_no_samples_and_polygamma_inplace_node():
    same_as_torch("""
print(torch.trapz(torch.tensor([]), torch.tensor(-1))._version, torch.trapezoid(torch.ones(3, 0), dim=1)._version,
      torch.trapz(torch.ones(1), torch.tensor(2.))._version)
for n in (0, 2):
    x = torch.tensor([1.5, 2.0], requires_grad=True) * 1
    y = x.polygamma_(n)
    print(y, y.grad_fn._saved_n, y.grad_fn._saved_self)
    y.sum().backward()
""")


def test_pin_memory_true_is_refused_by_the_cpu_only_factories():
    same_as_torch("""
x = torch.ones(2)
for f in [lambda: torch.ones(2, pin_memory=True), lambda: torch.rand(2, pin_memory=True), lambda: torch.tensor([1.], pin_memory=True),
          lambda: torch.zeros_like(x, pin_memory=True), lambda: torch.arange(3, pin_memory=True), lambda: x.new_ones(2, pin_memory=True),
          lambda: x.new_full((2,), 1., pin_memory=True), lambda: torch.ones(2, pin_memory=False), lambda: x.pin_memory(), lambda: x.is_pinned()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""")


def test_linalg_lu_solve_writes_out_as_its_kernel():
    same_as_torch("""
A = torch.eye(2) * 2
LU, piv = torch.linalg.lu_factor(A)
o = torch.zeros(3)
print(torch.linalg.lu_solve(LU, piv, A, out=o), o)
for B, o in ((A.clone().requires_grad_(), torch.zeros(0)), (A, torch.zeros(1, dtype=torch.int64))):
    try:
        torch.linalg.lu_solve(LU, piv, B, out=o)
    except Exception as e:
        print(type(e).__name__, e)
""")

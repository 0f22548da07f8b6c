"""Classes of difference the twenty-seventh round found (issue 16) with the lead's probes, one differential program
each, and the compiled gemv loop checked against its numpy account."""
import numpy as np
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"one_sample_through_a_linear_layer_takes_mkls_gemv_with_its_alignment": '''
torch.set_printoptions(precision=10)
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for k, n in ((7, 1), (13, 1), (21, 1), (33, 3), (50, 2), (17, 5), (10, 4), (100, 9), (600, 6)):
        lin = torch.nn.Linear(k, n).to(dt)
        X = torch.randn(4, k, dtype=dt)
        for i in range(4):  # (each row of X starts at another alignment)
            x = X[i]
            print(dt, k, n, lin(x).tolist(), lin(x[None]).tolist(), (x @ lin.weight.t()).tolist())
        loss = lin(X[1]).sum()
        loss.backward()
        print(lin.weight.grad.sum().item(), lin.bias.grad.tolist())
''',
"mv_of_row_major_matrices_takes_mkls_gemv_groups_of_four_two_and_one": '''
torch.set_printoptions(precision=10)
torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    for n in (1, 2, 3, 4, 5, 6, 7, 9, 13):
        for k in (3, 9, 20, 37, 130):
            base, v = torch.randn(n * k + 3, dtype=dt), torch.randn(k + 3, dtype=dt)
            for ow, ox in ((0, 0), (1, 2), (3, 1)):
                W, x = base[ow:ow + n * k].view(n, k), v[ox:ox + k]
                print(dt, n, k, ow, ox, torch.mv(W, x).tolist(), torch.addmv(v[:n], W, x).tolist(),
                      (x @ W.t()).tolist(), torch.addmm(v[:n], x[None], W.t()).tolist())
''',
"a_reduction_into_its_own_input_reads_back_its_identity": '''
import warnings
warnings.simplefilter("always")
for name in ("sum", "nansum", "prod", "mean", "nanmean", "amax", "amin", "any", "all", "argmax", "argmin"):
    for dt in (torch.float32, torch.int64, torch.bool):
        for shape, d, kd in (((3, 4), 0, False), ((3, 4), 1, False), ((3, 4), -1, True), ((2, 3), (0, 1), False),
                             ((4,), 0, False), ((3, 1), 1, True), ((2, 0), 1, False), ((5,), 0, True)):
            a = torch.arange(1, 1 + torch.Size(shape).numel()).reshape(shape).to(dt)
            v = a.view(-1)
            try:
                r = getattr(torch, name)(a, d, keepdim=kd, out=a)
                print(name, dt, shape, d, kd, a.shape, a.tolist(), r is a, v.tolist(), a._version)
            except Exception as e:
                print(name, dt, shape, d, kd, type(e).__name__, e, a.shape)
''',
"a_negative_size_beside_a_zero_expands_and_the_view_copies_out_return_nothing": '''
for shape in [(0,), (2, 0), (0, 3), (1, 0)]:
    for sizes in [(-2, -1), (-1, -1), (2, -1), (-2, 0), (3, -2, -1), (-2, -1, -1)]:
        try:
            r = torch.zeros(shape).expand(*sizes)
            print(shape, sizes, r.shape, r.stride(), r.numel(), r)
        except Exception as e:
            print(shape, sizes, type(e).__name__, e)
a = torch.arange(6.).view(2, 3)
o = [torch.empty(3), torch.empty(3)]
print(torch.unbind_copy(a, out=o), o)
o = [torch.empty(1, 3), torch.empty(1, 3)]
print(torch.split_copy(a, 1, out=o), o)
o = [torch.empty(2, 1), torch.empty(2, 2)]
print(torch.split_with_sizes_copy(a, [1, 2], dim=1, out=o), o)
''',
"float64_rows_left_over_from_blocks_of_four_times_a_transposed_matrix_take_gemv": '''
torch.set_printoptions(precision=10)
torch.manual_seed(0)
for m in (5, 6, 7, 10, 13):
    for n in (12, 13, 16, 20, 33, 40, 64):
        for k in (2, 5, 8, 13, 20, 21, 64):
            x = torch.randn(m * k + 1, dtype=torch.float64)[1:].view(m, k)
            W, b = torch.randn(n, k, dtype=torch.float64), torch.randn(n, dtype=torch.float64)
            print(m, n, k, (x @ W.t())[m - m % 4:].tolist(), torch.nn.functional.linear(x, W, b)[-1].tolist())
''',
"matrix_power_out_checks_its_input_first_then_copies_or_multiplies_into_out": '''
import warnings
warnings.simplefilter("always")
for t in (torch.ones(2, 3, requires_grad=True), torch.tensor([[2., 1.], [1., 3.]], requires_grad=True),
          torch.tensor([[2, 1], [1, 3]]), torch.ones(3, requires_grad=True), torch.tensor([[2., 1.], [1., 3.]])):
    for n in (0, 1, 2, 3, 4, 5, -1, -2):
        for f in (torch.matrix_power, torch.linalg.matrix_power):
            for o in (torch.tensor(0.), torch.zeros(2, 2, dtype=torch.float64), torch.zeros(0, dtype=torch.int64)):
                try:
                    r = f(t, n, out=o)
                    print(n, r, r.grad_fn is not None and r.grad_fn.name())
                except Exception as e:
                    print(n, type(e).__name__, e)
for t in (torch.eye(2, requires_grad=True), torch.ones(3, requires_grad=True)):
    try:
        print(torch.inverse(t, out=torch.tensor(0.)))
    except Exception as e:
        print(type(e).__name__, e)
''',
"isin_of_a_number_resizes_out_to_an_empty_tensor_first": '''
import warnings
warnings.simplefilter("always")
t = torch.tensor([1., 2., 3.])
for o in (torch.zeros(2, dtype=torch.bool), torch.zeros((), dtype=torch.bool), torch.zeros(0, dtype=torch.bool)):
    for f in (lambda: torch.isin(2., t, out=o), lambda: torch.isin(t, 2., out=o), lambda: torch.isin(5, t, out=o, invert=True)):
        r = f()
        print(r, r.shape, o.shape)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_compiled_gemv_rows_is_its_numpy_account():
    from tensorsh.engine import kernels
    if getattr(kernels.compiled, "gemv_t", None) is None or kernels.MKL_ON_INTEL:
        pytest.skip("the compiled loops are not built here (or MKL runs Intel's kernels)")
    rng = np.random.default_rng(0)
    for dt in (np.float32, np.float64):
        for n, k in ((1, 1), (1, 40), (2, 9), (3, 17), (4, 5), (6, 33), (7, 64), (13, 3), (9, 100)):
            for ow in range(4):
                for ox in range(4):
                    root_a, root_x = rng.standard_normal(n * k + 8).astype(dt), rng.standard_normal(k + 8).astype(dt)
                    a, x = root_a[ow:ow + n * k].reshape(n, k), root_x[ox:ox + k]
                    assert np.array_equal(kernels.amd_gemv_rows(a, x), kernels._gemv_rows_np(a, x)), (dt, n, k, ow, ox)

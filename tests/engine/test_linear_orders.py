"""float32 nn.Linear forwards (a row-major input times a transposed weight, with and without the bias) add their
products in MKL's order, which follows where each input row starts in memory (rows of 5-7 or 9-11 elements, views at
any offset): same bits as PyTorch's, printed with .tolist() (every float32 in full)."""
import pytest

from same_as_torch import same_as_torch

PROGRAM = """
torch.manual_seed({seed})
for k in {ks}:
    for m, n in [(2, 2), (2, 4), (3, 3), (2, 12), (3, 17), (5, 5), (4, 7), (8, 8), (6, 11), (17, 4), (9, 6), (64, 3),
                 (1, 2), (1, 5), (1, 13), (1, 40), (2, 1), (3, 1), (6, 1)]:
        x = torch.randn(m, k); w = torch.randn(n, k); b = torch.randn(n)
        print(k, m, n, (x @ w.t()).tolist())
        print(torch.addmm(b, x, w.t()).tolist())
        print(torch.nn.functional.linear(x, w, b).tolist())
        print(x.mm(w.t()).tolist() == torch.mm(x, w.T).tolist())
lin = torch.nn.Linear(16, 5)
print(lin(torch.randn(16)).tolist(), lin(torch.randn(1, 16)).tolist())
y = lin(torch.randn(64, 16))
print(y.tolist(), y.grad_fn.name())
"""


VIEWS = """
torch.manual_seed(3)
big = torch.randn(400); w = torch.randn(6, 9); b = torch.randn(6); w4 = torch.randn(3, 12)
for off in range(8):
    x = big[off:off + 45].view(5, 9)
    print(off, x.storage_offset(), (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, b).tolist())
    print(big[off:off + 60].view(5, 12).mm(w4.t()).tolist())
x = torch.randn(7, 9)
print((x[1:] @ w.t()).tolist(), (x[3:5] @ w[:5].t()).tolist(), torch.addmm(b[:5], x[2:], w[1:].t()).tolist())
"""


@pytest.mark.parametrize("seed, ks", [(0, (8, 12, 16)), (1, (20, 32, 36)), (2, (64, 128, 260)), (3, (5, 6, 7)),
                                      (4, (9, 10, 11)), (5, (13, 23, 61))])
def test_linear_forward_takes_mkls_lane_order(seed, ks):
    same_as_torch(PROGRAM.format(seed=seed, ks=ks))


def test_linear_forward_order_follows_each_rows_alignment():
    same_as_torch(VIEWS)


FEW_ROWS = """
torch.manual_seed({seed})
def lay(x, f):
    return x.t().contiguous().t() if f else x.contiguous()
for k in {ks}:
    for m in (2, 3):
        for n in (2, 5, 8, 12, 16, 20, 6, 9, 13):
            for af, bf in [(0, 0), (1, 0), (1, 1)] if n <= 5 or n % 4 == 0 else [(1, 1)]:
                a = lay(torch.randn(m, k), af); b = lay(torch.randn(k, n), bf); c = torch.randn(n)
                print(k, m, n, af, bf, (a @ b).tolist(), torch.addmm(c, a, b).tolist())
lin = torch.nn.Linear(5, 2)
x = torch.randn(7, 5)
lin(x).pow(2).sum().backward()
print(lin.weight.grad.tolist(), lin.bias.grad.tolist())
"""


@pytest.mark.parametrize("seed, ks", [(0, (5, 7, 8)), (1, (9, 16, 17)), (2, (33, 64, 130))])
def test_two_or_three_rows_add_in_order(seed, ks):
    """2 or 3 rows times a row-major b of up to 5 columns or a multiple of 4 (either layout of a), or column-major a
    and b: products added in order (nn.Linear's weight gradient grad_out.t() @ input)."""
    same_as_torch(FEW_ROWS.format(seed=seed, ks=ks))


INTEL_GEMM = """
torch.manual_seed(5)
for dt in [torch.float32, torch.float64]:
    for k in ([2, 3, 7, 16, 33, 100, 256, 300, 500, 768] if dt is torch.float32 else [2, 3, 7, 16, 33, 100, 128]):
        for m, n in [(2, 2), (3, 5), (8, 16), (16, 3), (33, 40)]:
            a = torch.randn(m, k, dtype=dt); b = torch.randn(k, n, dtype=dt); w = torch.randn(n, k, dtype=dt)
            bias = torch.randn(n, dtype=dt)
            print(dt, k, m, n, (a @ b).tolist(), (a.t().contiguous().t() @ b).tolist(), torch.addmm(bias, a, b).tolist())
            if m >= 16 or dt is torch.float64 and m >= 4:
                print((a @ w.t()).tolist(), torch.nn.functional.linear(a, w, bias).tolist())
            if m >= 8:
                print((a.t().contiguous().t() @ w.t()).tolist())
for m, k, n in [(2, 48, 5), (2, 47, 5), (4, 100, 10), (8, 1000, 7), (15, 360, 4), (15, 359, 4), (3, 20, 6), (10, 3, 2), (4, 16, 3),
                (10, 24, 3), (15, 5, 2), (11, 7, 3), (2, 4, 4),
                (3, 8, 10), (5, 5, 8), (7, 12, 9)]:
    x = torch.randn(m, k); w = torch.randn(n, k); bias = torch.randn(n)
    print(m, k, n, (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist())
for m, k in [(4, 3), (8, 5), (32, 8), (12, 13), (64, 16), (4, 17), (8, 18), (16, 24), (32, 31), (4, 32), (4, 33),
             (8, 34), (12, 40), (16, 47), (4, 48), (8, 49), (64, 64), (20, 100), (4, 129), (8, 300), (2, 3), (3, 7),
             (5, 12), (6, 16), (7, 20), (2, 31), (10, 32), (1, 3), (1, 9), (1, 20), (1, 32), (1, 33), (2, 64), (3, 100), (5, 65),
             (6, 200), (7, 40), (1, 500)]:  # nn.Linear(k, 1)
    x = torch.randn(m, k); w = torch.randn(1, k); bias = torch.randn(1)
    print(m, k, (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist(), x.mv(w[0]).tolist(),
          (x @ w.t().contiguous()).tolist(), torch.addmm(bias, x, w.t().contiguous()).tolist())
for m, k, n in [(2, 32, 3), (3, 40, 2), (4, 47, 3), (5, 63, 2), (8, 64, 3), (3, 72, 3), (10, 100, 2), (7, 150, 3),
                (11, 88, 2), (2, 200, 3), (2, 9, 9), (5, 10, 10), (8, 10, 10), (4, 11, 11)]:  # nn.Linear(k, 2 or 3)
    # of a few rows, rows in pairs; nn.Linear(10, 10) of fewer than 10 rows, halved
    x = torch.randn(m, k); w = torch.randn(n, k); bias = torch.randn(n)
    lin = torch.nn.Linear(k, n)
    (lin(x) ** 2).sum().backward()
    print(m, k, n, (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist(), lin.weight.grad.tolist())
for m, k, n in [(2, 2, 2), (3, 3, 4), (2, 3, 8), (3, 2, 3)]:  # float64 nn.Linear(k <= 3, n) of 2-3 rows: in order
    x = torch.randn(m, k, dtype=torch.float64); w = torch.randn(n, k, dtype=torch.float64)
    bias = torch.randn(n, dtype=torch.float64)
    print(m, k, n, (x @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist())
for k in [2, 3, 4, 5, 9, 16, 17, 24, 33, 40, 63, 64, 65, 100, 200, 500]:  # sdot: four sets of 16 lanes
    a = torch.randn(k); b = torch.randn(k)
    print(k, torch.dot(a, b).item(), torch.vdot(a, b).item(), (a @ b).item(), torch.inner(a, b).item())
for k in [2, 5, 33, 100, 250]:  # one row times one row-major column: fused in order
    x = torch.randn(1, k); w = torch.randn(k, 1); bias = torch.randn(1)
    print(k, (x @ w).tolist(), torch.addmm(bias, x, w).tolist())
for k, n in [(3, 4), (5, 8), (10, 16), (20, 64), (32, 12), (4, 3), (9, 5), (16, 7), (25, 2), (40, 8), (64, 16), (2, 8),
             (2, 3), (2, 1)]:
    # (nn.Linear of one sample: gemv on the weight's rows)
    x = torch.randn(k); w = torch.randn(n, k); bias = torch.randn(n)
    print(k, n, (x @ w.t()).tolist(), (x[None] @ w.t()).tolist(), torch.nn.functional.linear(x, w, bias).tolist(),
          torch.nn.functional.linear(x[None], w, bias).tolist())
for b, k in [(1, 16), (2, 20), (7, 33), (8, 16), (9, 17), (16, 20), (24, 33), (40, 64), (100, 100), (128, 3), (64, 8)]:
    x = torch.randn(b, k); g = torch.randn(b, 1); c = torch.randn(k)  # nn.Linear(k, 1)'s weight gradient
    lin = torch.nn.Linear(k, 1)
    lin(x).sum().backward()
    print(b, k, (g.t() @ x).tolist(), torch.addmm(c, g.t(), x).tolist(), (g[:, 0] @ x).tolist(), lin.weight.grad.tolist())
"""


def test_intel_gemm_is_fused_multiply_adds_in_blocks():
    """On Intel CPUs MKL's gemm adds each block of the inner dimension by fused multiply-adds in order, the blocks
    (one up to 384, two halves up to 768) onto the bias; nn.Linear with a few rows and a long inner dimension takes
    16 lanes of dot products: bit for bit where measured (kernels.intel_matmul)."""
    from tensorsh.engine import kernels
    if not kernels.MKL_ON_INTEL:
        pytest.skip("MKL runs its AVX-512 gemm only on Intel CPUs")
    same_as_torch(INTEL_GEMM)


INTEL_DGEMV = """
torch.manual_seed(4)
for m, k in [(2, 5), (3, 8), (4, 12), (5, 16), (8, 20), (3, 33), (30, 40), (9, 100), (4, 257), (1, 17), (1, 40)]:
    a = torch.randn(m, k, dtype=torch.float64); v = torch.randn(k, dtype=torch.float64)
    w = torch.randn(3, k, dtype=torch.float64); bias = torch.randn(3, dtype=torch.float64)
    print(m, k, (a @ v).tolist(), torch.mv(a, v).tolist(), (v[None] @ a.t()).tolist(), (a @ v[:, None]).tolist())
    print(torch.addmv(v[:m], a, v).tolist(), torch.nn.functional.linear(v, w, bias).tolist(), (a @ a[0]).tolist())
"""


def test_intel_float64_gemv_takes_two_accumulators_and_folds_its_lanes_in_pairs():
    """float64 matrix-vector products on Intel CPUs (mv, a row times a transposed matrix, nn.Linear of one sample):
    MKL's dgemv order (kernels._intel_dgemv), one row included; one row times a row-major column is not gemv."""
    from tensorsh.engine import kernels
    if not kernels.MKL_ON_INTEL:
        pytest.skip("MKL runs its AVX-512 gemv only on Intel CPUs")
    same_as_torch(INTEL_DGEMV)

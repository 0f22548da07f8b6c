"""Classes of difference the twenty-fifth round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float64_products_take_mkl_dgemm_orders": '''
torch.manual_seed(0)
d = torch.float64
for m, n, k in [(2, 5, 9), (3, 7, 16), (4, 12, 8), (8, 13, 23), (4, 17, 16), (8, 30, 40), (12, 33, 64), (2, 45, 17),
                (12, 37, 31), (16, 20, 200), (4, 13, 3), (3, 9, 2)]:
    a, at, b, bt = torch.randn(m, k, dtype=d), torch.randn(k, m, dtype=d).t(), torch.randn(k, n, dtype=d), \\
        torch.randn(n, k, dtype=d).t()
    c = torch.randn(n, dtype=d)
    print(m, n, k, (a @ b).flatten().tolist(), (at @ b).flatten().tolist(), (a @ bt).flatten().tolist(),
          torch.addmm(c, a, bt).flatten().tolist(), torch.addmm(c, at, b).flatten().tolist())
for m, k in [(9, 12), (6, 23), (3, 64)]:
    a, b = torch.randn(m, k, dtype=d), torch.randn(k, 1, dtype=d)
    print((a @ b).flatten().tolist(), (a @ torch.randn(k, dtype=d)).tolist())
for batch, fin, fout in [(5, 4, 8), (12, 20, 16), (32, 10, 1), (3, 13, 5), (64, 16, 12)]:
    lin = torch.nn.Linear(fin, fout, dtype=d)
    x = torch.randn(batch, fin, dtype=d, requires_grad=True)
    y = lin(x)
    y.pow(2).sum().backward()
    print(y.flatten().tolist(), lin.weight.grad.flatten().tolist(), x.grad.flatten().tolist())
conv = torch.nn.Conv2d(3, 16, 3, padding=1, dtype=d)
x = torch.randn(2, 3, 9, 9, dtype=d)
y = conv(x)
y.pow(2).sum().backward()
print(y.flatten()[:40].tolist(), conv.weight.grad.flatten().tolist())
''',
"addbmm_saves_the_batch_sizes_its_gradient_needs_before_its_checks": '''
s = torch.tensor(1., requires_grad=True) * 2
w = torch.ones(3, requires_grad=True)
for b1, b2 in [(torch.tensor(True), torch.tensor(True)), (torch.tensor(1.), torch.ones(2, 2, 2)),
               (torch.ones(2, 2), torch.ones(2, 2)), (torch.ones(2, 2, 2), torch.tensor(1.))]:
    for f in (lambda: s.addbmm(b1, b2, beta=3), lambda: torch.addbmm(s, b1, b2), lambda: w.clone().addbmm_(b1, b2),
              lambda: w.addbmm_(b1, b2), lambda: torch.ones(3).addbmm(b1, b2)):
        try:
            print(f().shape)
        except Exception as e:
            print(type(e).__name__, e)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

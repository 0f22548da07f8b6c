"""Classes of difference the twenty-fourth round found (issue 16) with the random programs and the lead's probes,
one differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"float32_products_times_a_row_major_b_of_5_to_11_columns_are_plain_but_for_ragged_row_heads": '''
torch.manual_seed(0)
for m, n, k in [(2, 6, 8), (3, 7, 12), (4, 5, 9), (5, 10, 16), (8, 9, 23), (6, 11, 64), (1, 9, 12), (2, 13, 30)]:
    a, at, b = torch.randn(m, k), torch.randn(k, m).t(), torch.randn(k, n)
    c = torch.randn(n)
    print(m, n, k, (a @ b).flatten().tolist(), (at @ b).flatten().tolist(), torch.addmm(c, at, b).flatten().tolist())
for batch, fin, fout in [(5, 5, 4), (8, 10, 3), (16, 10, 10), (5, 10, 1), (8, 7, 6)]:
    lin = torch.nn.Linear(fin, fout)
    x = torch.randn(batch, fin, requires_grad=True)
    lin(x).pow(2).sum().backward()
    print(lin.weight.grad.flatten().tolist(), x.grad.flatten().tolist())
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference the twenty-sixth round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"dot_products_take_mkls_sse_dot_with_alignment_and_threads": '''
torch.manual_seed(0)
for dt, iv in ((torch.float32, torch.int32), (torch.float64, torch.int64)):
    for n in list(range(0, 40)) + [61, 127, 4095, 4096, 8191, 8192, 9001]:
        A, B = torch.randn(2 * n + 8, dtype=dt), torch.randn(3 * n + 8, dtype=dt)
        outs = []
        for oa, ob, sa, sb in ((0, 0, 1, 1), (1, 1, 1, 1), (1, 3, 1, 1), (3, 1, 1, 1), (2, 0, 1, 1), (1, 0, 2, 1),
                               (0, 2, 1, 3)):
            a, b = A[oa:oa + n * sa:sa], B[ob:ob + n * sb:sb]
            outs += [torch.dot(a, b).view(iv).item(), (a @ b).view(iv).item(), torch.vdot(a, b).view(iv).item()]
        outs.append(torch.dot(A[:1].expand(n), B[:n]).view(iv).item())
        print(dt, n, outs)
x = torch.linspace(0, 1, 4)
print((x @ x).item(), (x[1:] @ x[1:]).item())
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""F.bilinear / nn.Bilinear as ATen runs them (views, _trilinear, TrilinearBackward0): graph, values bit for bit on
the sizes where ATen's bmm is its plain loop (or MKL's ordered fused multiply-adds), and error texts, against torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

BILINEAR = {
"bilinear_graph_values_grads": """
m = nn.Bilinear(3, 2, 4)
print(m)
x1 = torch.randn(5, 3, requires_grad=True)
x2 = torch.randn(5, 2, requires_grad=True)
y = m(x1, x2)
print(y)
v = y.grad_fn.next_functions[0][0]
t = v.next_functions[0][0]
print(y.grad_fn, v, t, t.next_functions)
print([n[0].next_functions for n in t.next_functions])
g = torch.randn(5, 4)
y.backward(g)
print(x1.grad, x2.grad, m.weight.grad, m.bias.grad)
print(m(torch.randn(3), torch.randn(2)))
z = m(torch.randn(2, 5, 3), torch.randn(2, 5, 2, requires_grad=True))
print(z.shape, z.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
w = F.bilinear(torch.randn(5, 3), x2, m.weight.detach())
print(w.grad_fn, w.grad_fn.next_functions[0][0].next_functions)
""",
"bilinear_exact_bits": """
torch.manual_seed(3)
for n, a, b, o in ((8, 4, 5, 3), (16, 7, 3, 6), (3, 10, 12, 2), (64, 16, 16, 8)):
    m = nn.Bilinear(a, b, o)
    x1 = torch.randn(n, a, requires_grad=True)
    x2 = torch.randn(n, b, requires_grad=True)
    y = m(x1, x2)
    y.backward(torch.randn(n, o))
    for t in (y, x1.grad, x2.grad, m.weight.grad):
        print([v.hex() for v in t.detach().double().flatten().tolist()[:40]])
""",
"bilinear_errors": """
w = torch.randn(4, 3, 2)
for args in ((torch.randn(5, 3), torch.randn(4, 2), w), (torch.randn(5, 4), torch.randn(5, 2), w),
             (torch.randn(5, 3), torch.randn(5, 3), w), (torch.randn(5, 3), torch.randn(5, 2), w, torch.randn(3)),
             (torch.randn(5, 3), torch.randn(2, 5, 2), w), (torch.randn(5, 3).double(), torch.randn(5, 2), w),
             (torch.randn(5, 3), torch.randn(5, 2), w, torch.randn(4).double()),
             (torch.randn(5, 3), torch.randn(5, 2), torch.randn(4, 3))):
    try:
        F.bilinear(*args)
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(BILINEAR))
def test_bilinear_matches_torch(name):
    same_as_torch(BILINEAR[name])

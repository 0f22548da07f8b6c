"""2-d and 3-d pooling are one implementation (engine/pooling.py): the 3-d nodes keep PyTorch's saved arguments and
record their gradients as ops under create_graph as the 2-d ones do, and both check their int lists as ATen does;
compared with torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"double_backward_and_saved_arguments": """
torch.manual_seed(0)
for d in (2, 3):
    x = torch.randn(*([1, 2] + [4] * d), requires_grad=True)
    for y in (getattr(F, f"max_pool{d}d")(x, 2, 1, 1, 1, True), getattr(F, f"avg_pool{d}d")(x, 3, 2, 1, True, False),
              getattr(F, f"adaptive_avg_pool{d}d")(x, 3), getattr(F, f"adaptive_max_pool{d}d")(x, 3)):
        gf = y.grad_fn
        print(gf.name(), {a: getattr(gf, a) for a in sorted(dir(gf)) if a.startswith("_saved") and hasattr(gf, a)
                             and a not in ("_saved_self", "_saved_result1")})
        g, = torch.autograd.grad((y * y).sum(), x, create_graph=True)
        print(g.grad_fn.name(), [None if n is None else n.name() for n, _ in g.grad_fn.next_functions])
        h, = torch.autograd.grad((g * g).sum(), x)
        print(h.sum())
""",
"int_lists": """
x2 = torch.randn(1, 2, 5, 5)
x3 = torch.randn(1, 2, 5, 5, 5)
for f, x, n in ((F.max_pool2d, x2, 2), (F.max_pool3d, x3, 3), (F.avg_pool2d, x2, 2), (F.avg_pool3d, x3, 3)):
    for kw in (dict(kernel_size=[2] * (n + 1)), dict(kernel_size=2, stride=[1] * (n + 1)),
               dict(kernel_size=2, padding=[0] * (n + 1)), dict(kernel_size=2, dilation=[1] * (n + 1)),
               dict(kernel_size=[2], stride=[]), dict(kernel_size=[], padding=[1] * (n + 1))):
        if "dilation" in kw and "avg" in f.__name__:
            continue
        try:
            print(f.__name__, sorted(kw), f(x, **kw).shape)
        except Exception as e:
            print(f.__name__, sorted(kw), type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pooling_matches_torch(name):
    same_as_torch(PROGRAMS[name])

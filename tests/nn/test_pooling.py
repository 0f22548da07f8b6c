"""2-d and 3-d pooling are one implementation (engine/pooling.py): the 3-d nodes keep PyTorch's saved arguments and
record their gradients as ops under create_graph as the 2-d ones do, and both check their arguments as ATen does (its
order, each dims' texts); compared with torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"checks_in_atens_order": """
r = torch.randn
def run(f):
    try:
        out = f()
        return "ok " + str(tuple(out.shape))
    except Exception as e:
        return type(e).__name__ + ": " + str(e).split("\\n")[0]
for d in (2, 3):
    mp, ap, aap = getattr(F, f"max_pool{d}d"), getattr(F, f"avg_pool{d}d"), getattr(F, f"adaptive_avg_pool{d}d")
    x = lambda *lead: r(*(list(lead) + [5] * d))
    cases = [lambda: mp(x(1, 2), 2), lambda: mp(x(2), 2), lambda: mp(r(*([5] * d)), 2), lambda: mp(x(1, 1, 2), 2),
             lambda: mp(x(1, 2), 2, stride=0), lambda: mp(x(1, 2), 2, padding=2), lambda: mp(x(1, 2), 3, padding=2, dilation=2),
             lambda: mp(x(1, 2), 7), lambda: mp(x(1, 2), 2, padding=-1), lambda: mp(x(1, 2), 2, dilation=0), lambda: mp(x(1, 2), 0),
             lambda: mp(x(1, 2), 2, ceil_mode=True, stride=2), lambda: mp(r(*([1, 2] + [0] * d)), 2), lambda: mp(x(1, 2), [2] * (d + 1)),
             lambda: ap(x(1, 2), 2), lambda: ap(x(2), 2), lambda: ap(x(1, 1, 2), 2), lambda: ap(x(1, 2), 2, stride=0),
             lambda: ap(x(1, 2), 2, padding=2), lambda: ap(x(1, 2), 7), lambda: ap(x(1, 2), 2, divisor_override=0),
             lambda: ap(x(1, 2), 3, padding=1, ceil_mode=True, count_include_pad=False), lambda: ap(x(1, 2), 0), lambda: ap(x(1, 2), 2, padding=-1),
             lambda: aap(x(1, 2), 2), lambda: aap(x(1, 1, 2), 2), lambda: aap(x(1, 2), -1), lambda: aap(r(*([1, 0] + [5] * d)), 2), lambda: aap(x(1, 2), 1)]
    for i, c in enumerate(cases):
        print(d, i, run(c))
for d in (2, 3):
    mp, ap = getattr(F, f"max_pool{d}d"), getattr(F, f"avg_pool{d}d")
    x = lambda *lead: r(*(list(lead) + [5] * d))
    e = lambda *lead: r(*(list(lead) + [0] * d))
    more = [lambda: ap(x(1, 2), 2, stride=0, divisor_override=0), lambda: ap(r(*([1] * (d + 3))), 2, divisor_override=0),
             lambda: mp(x(1, 2), 2, stride=0, padding=-1), lambda: mp(x(1, 2), [2] + [0] * (d - 1), stride=1),
             lambda: mp(x(1, 2), 2, stride=-1), lambda: mp(x(1, 2), 3, stride=[1] + [0] * (d - 1), padding=[0] * (d - 1) + [5]),
             lambda: mp(x(1, 2), 3, padding=[0] * (d - 1) + [-1], stride=[1] * (d - 1) + [0]), lambda: mp(e(1, 2), 2, dilation=0),
             lambda: mp(e(0, 2), 2), lambda: mp(r(*([0, 2] + [5] * d)), 2), lambda: mp(r(*([2] + [0] + [5] * (d - 1))), 2),
             lambda: mp(x(1, 2), 2, dilation=0, padding=1), lambda: mp(x(1, 2), 7, padding=1, dilation=0),
             lambda: ap(x(1, 2), 7, padding=3), lambda: ap(x(1, 2), 6), lambda: ap(r(*([1, 0] + [5] * d)), 2), lambda: ap(r(*([5] * d)), 2),
             lambda: ap(x(1, 2), 3, padding=2), lambda: mp(x(1, 2), 3, padding=2), lambda: mp(x(1, 2), 4, padding=2, ceil_mode=True),
             lambda: mp(r(*([1, 2] + [1] * d)), 1, ceil_mode=True, stride=2), lambda: ap(x(2), 4, stride=3, padding=1, ceil_mode=True)]
    for i, c in enumerate(more):
        print(d, i, run(c))
""",
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

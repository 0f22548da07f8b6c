"""conv1d/2d/3d and conv_transpose1d/2d/3d are one op (convolution.py, ATen's _convolution): the same checks in the
same order for every dims, a 1-d one reported as 2-d from the kernel's checks on; compared with torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

# every case for d = 1, 2, 3: x(channels, size, batch dims), w(first, second, kernel, extra dims) the weight
RUN = """
r = torch.randn
def x(c=2, s=4, lead=(1,)):
    return r(*(list(lead) + [c] + [s] * d))
def w(a=WEIGHT[0], b=WEIGHT[1], k=2, extra=0):
    return r(*([a, b] + [k] * (d + extra)))
for d in (1, 2, 3):
    f = getattr(F, NAME.format(d))
    for i, case in enumerate(CASES):
        try:
            out = case()
            print(d, i, out.shape, out.dtype)
        except Exception as e:
            print(d, i, type(e).__name__, e)
"""

CALLS = {
"conv": """
NAME, WEIGHT = "conv{}d", (3, 2)
CASES = [lambda: f(x(), w().double()), lambda: f(x(), w(), stride=-1), lambda: f(x(), w(), stride=0),
         lambda: f(x(), w(), padding=-1), lambda: f(x(), w(), dilation=0), lambda: f(x(), w(), dilation=-1),
         lambda: f(x(), w(), groups=0), lambda: f(x(), w(), groups=2), lambda: f(x(s=2), w(k=3)),
         lambda: f(x(), w(extra=1)), lambda: f(x(), w(), r(2)), lambda: f(x(), w(), stride=[1] * (d + 1)),
         lambda: f(x(), w(), stride=2, padding='same'), lambda: f(x(), w(), r(3).double()),
         lambda: f(x(), w(), r(3).half()), lambda: f(x(lead=(1, 1)), w()), lambda: f(x(c=3), w(), dilation=0),
         lambda: f(x(), w().double(), dilation=0), lambda: f(x(c=3), w().double()), lambda: f(x(), r(3, 2)),
         lambda: f(x(), w(), stride=-1, groups=0), lambda: f(x(), w(), stride=-1, padding=-1),
         lambda: f(x(), w(extra=1), padding=-1), lambda: f(x(lead=(1, 1)), w(), r(3).double()),
         lambda: f(x(c=3), w(k=3), padding='same'), lambda: f(x(c=3), w(), padding='foo'),
         lambda: f(x(), w(), groups=0, padding='same')]
""",
"conv_transpose": """
NAME, WEIGHT = "conv_transpose{}d", (2, 3)
CASES = [lambda: f(x(), w().double()), lambda: f(x(), w(), stride=-1), lambda: f(x(), w(), groups=0),
         lambda: f(x(), w(), groups=4), lambda: f(x(), w(), groups=3), lambda: f(x(c=3), w()),
         lambda: f(x(), w(), r(2)), lambda: f(x(), w(), output_padding=1), lambda: f(x(s=1), w(k=1), padding=1),
         lambda: f(x(s=2), w(k=1), padding=1), lambda: f(x(), w(), r(3).double()), lambda: f(x(), w(extra=1)),
         lambda: f(x(), w(), padding=-1), lambda: f(x(), w(), dilation=0), lambda: f(x(), w(), dilation=-1),
         lambda: f(x(), w(), output_padding=-1), lambda: f(x(c=3), w(), dilation=0),
         lambda: f(x(), w().double(), output_padding=1), lambda: f(x(s=1), w(k=1).double(), padding=1),
         lambda: f(x(), w(), dilation=0, output_padding=2), lambda: f(x(), w(), padding=-1, stride=-1),
         lambda: f(x(), r(2, 3)), lambda: f(x(lead=(1, 1)), w(), dilation=0), lambda: f(x().double(), w()),
         lambda: f(x().double(), w().double(), r(3))]
""",
}


# padding='same' (ATen's convolution_same: its own checks first), through torch.nn.functional (torch's functions);
# odd kernels where it runs: the warning of an even one is shown once per process, and other tests expect it
SAME_PADDING = """
for f, d in ((F.conv1d, 1), (F.conv2d, 2), (F.conv3d, 3)):
    for args in ((torch.randn(1, 2, 4), torch.randn(2, 2, 3), None, 1, 'same'), (torch.randn(*([1, 2] + [4] * d)), torch.randn(*([2, 2] + [2] * (d + 1))), None, 1, 'same'),
                 (torch.randn(*([1, 2] + [4] * d)), torch.randn(*([2, 2] + [3] * d)), None, [1] * (d + 1), 'same'), (torch.randn(*([1, 2] + [4] * d)), torch.randn(*([2, 2] + [3] * d)), None, 1, 'same', [1] * (d + 1)),
                 (torch.randn(*([1, 2] + [4] * d)), torch.randn(*([2, 2] + [3] * d)), None, 1, 'same', 1, 0), (torch.randn(*([1, 2] + [4] * d)), torch.randn(2, 2), None, 1, 'same')):
        try:
            print(f(*args).shape)
        except Exception as e:
            print(type(e).__name__, e)
"""


def test_same_padding_checks_match_torch():
    same_as_torch(SAME_PADDING)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_convolution_checks_match_torch_for_every_dims(name):
    same_as_torch(CALLS[name] + RUN)

"""Classes of difference found by the thirty-third round's held-out programs on storages, views and memory sharing
(held33a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"resize_as_with_preserve_format_takes_the_templates_suggested_memory_format": """
a = torch.arange(6.).reshape(2, 3)
for t in [a.t(), torch.empty(2, 3, 4, 5, memory_format=torch.channels_last), torch.ones(3).expand(2, 3),
          torch.empty(2, 3, 1, 1, memory_format=torch.channels_last), torch.empty(1, 2, 3, 4, 5).permute(0, 4, 1, 2, 3)]:
    for f in [torch.preserve_format, torch.contiguous_format, torch.channels_last, None]:
        try:
            r = torch.empty(0).resize_as_(t, memory_format=f) if f is not None else torch.empty(0).resize_as_(t)
            print(r.shape, r.stride())
        except Exception as e:
            print(type(e).__name__, e)
try:
    torch.empty(0).resize_(2, 3, memory_format=torch.preserve_format)
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the eleventh round's random programs (issue 16), one differential program each,
run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"ops_on_inference_tensors_made_as_views_by_aten_are_views_outside_inference_mode": """
x = torch.tensor([[1.0, 2.0, -3.0], [0.5, 4.0, 2.0]])
with torch.inference_mode():
    v = x * 2
for r in [v.repeat(2, 1), v.tile(2), v.roll(1), torch.stack([v, v]), torch.stack([v, v], 2), torch.stack([v, x]),
          torch.stack([x, v]), v.repeat(0, 1), v.roll(1, 0), v[0].repeat(2), torch.stack([v[0], v[1]]),
          v.repeat_interleave(2), v.t().ravel(), x.repeat(2, 1), x.roll(1), torch.stack([x, x])]:
    print(r._is_view(), r.is_inference(), r._version, r._base._version if r._base is not None else '-', r.shape,
          r.stride(), r._base.shape if r._base is not None else '-')
with torch.inference_mode():
    r = v.repeat(2, 1)
    print(r._is_view(), r.is_inference(), torch.stack([v, v])._is_view())
r = v.repeat(2, 1)
r.add_(1)
print(r, r._version, r._base._version)
""",
"prelu_checks_the_dtypes_before_the_shapes_and_takes_floating_inputs_only": """
F = torch.nn.functional
cases = [(torch.tensor(1, dtype=torch.uint8), torch.tensor([0.25])), (torch.tensor([1., -2.]), torch.tensor([0.25], dtype=torch.float64)),
         (torch.tensor([1, -2]), torch.tensor([2])), (torch.tensor([True]), torch.tensor([True])),
         (torch.tensor([1., -2.]), torch.tensor([1])), (torch.tensor([1., -2.], dtype=torch.bfloat16), torch.tensor([0.25])),
         (torch.ones(2, 3, dtype=torch.long), torch.ones(2)), (torch.ones(2, 3, dtype=torch.long), torch.ones(2, dtype=torch.long)),
         (torch.tensor(2), torch.ones(2, dtype=torch.long)), (torch.ones(2, 3, dtype=torch.int8), torch.ones(1, dtype=torch.int8)),
         (torch.ones(2, dtype=torch.float16), torch.ones(1, dtype=torch.float16, requires_grad=True))]
for a, w in cases:
    try:
        print(F.prelu(a, w))
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.nn.PReLU()(torch.ones(2, 3, dtype=torch.float64))
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

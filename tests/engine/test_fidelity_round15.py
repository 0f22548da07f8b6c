"""Classes of difference found in the fifteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"subtract_with_a_positional_alpha_is_the_scalar_overload": """
x = torch.ones(3, requires_grad=True)
t = torch.tensor(2.0)
i = torch.tensor([1, 2])
for f in [lambda: x.subtract(3), lambda: x.subtract(3, alpha=2), lambda: x.subtract(3, 2), lambda: x.subtract(t, alpha=2),
          lambda: torch.subtract(x, 3, 2), lambda: torch.subtract(x, t, 2), lambda: x.subtract(torch.ones(3), 2),
          lambda: x.subtract(t, t), lambda: x.clone().subtract_(3, 2), lambda: x.clone().subtract_(t, 2),
          lambda: x.double().subtract(3, 2), lambda: x.half().subtract(3, 2.5), lambda: i.subtract(2.5, 2),
          lambda: x.subtract(3, 2).grad_fn.next_functions[0][0].variable is x, lambda: len(x.subtract(3, 2).grad_fn.next_functions),
          lambda: x.subtract(3, 2).grad_fn._saved_alpha, lambda: torch.subtract(x, 2, 3, out=torch.empty(3)),
          lambda: x.subtract(1, True), lambda: i.subtract(1, 1.5), lambda: i.clone().subtract_(1, 2),
          lambda: torch.tensor([True]).subtract(True, 1), lambda: x.subtract(other=2, alpha=3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
y = x.subtract(2, 3)
y.sum().backward()
print(x.grad)
""",
"histogram_dtype_errors_follow_atens_three_dispatches": """
for x in [torch.tensor([True, False]), torch.tensor([], dtype=torch.bool), torch.tensor([1, 2], dtype=torch.int8), torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([[1., 2.]], dtype=torch.float16), torch.tensor([[1., 2.]], dtype=torch.bfloat16), torch.tensor([[1, 2]])]:
    fs = [lambda: torch.histogram(x, bins=3), lambda: torch.histc(x, bins=3), lambda: torch.histogramdd(x, bins=[2]), lambda: torch.histogramdd(x, bins=2),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[2, torch.tensor([0., 1.5, 3.]).to(x.dtype)]),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[torch.tensor([0., 1.5, 3.]).to(x.dtype)] * 2),
          lambda: torch.histogramdd(x.reshape(-1, 2), bins=[2, 2], range=[0., 1., 0., 1.]),
          lambda: torch.histogram(x, bins=2, weight=torch.ones(3)), lambda: torch.histogram(x, torch.tensor([0., 1.]).to(x.dtype)), lambda: torch.histc(x, 3, 0, 1),
          lambda: torch.histogram(x, bins=2, density=True, range=(0., 4.)),
          lambda: torch.histogramdd(x.reshape(-1, 2).float(), bins=[2, 2], weight=torch.ones(5)),
          ]
    for i, f in enumerate(fs):
        try: r = f(); print(x.dtype, x.numel(), i, r)
        except Exception as e: print(x.dtype, x.numel(), i, type(e).__name__, e)
names = ["hist_bins", "hist_tensor", "histc", "histdd", "hist_range", "histdd_range", "histc_range", "hist_weight"]
for x in [torch.tensor([], dtype=torch.float16), torch.tensor([1., 2.], dtype=torch.float16), torch.tensor([], dtype=torch.bfloat16),torch.tensor([1., 2.], dtype=torch.bfloat16), torch.tensor([], dtype=torch.int64), torch.tensor([1,2]), torch.tensor([], dtype=torch.float64)]:
    fs = [lambda: torch.histogram(x, bins=3), lambda: torch.histogram(x, torch.tensor([0., 1.], dtype=x.dtype)), lambda: torch.histc(x, bins=3), lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2]), lambda: torch.histogram(x, bins=3, range=(0., 1.)), lambda: torch.histogramdd(x.reshape(-1, 1), bins=[2], range=[0., 3.]), lambda: torch.histc(x, bins=3, min=0, max=3), lambda: torch.histogram(x, bins=2, weight=torch.ones_like(x))]
    for n, f in zip(names, fs):
        try: r = f(); print(x.dtype, x.numel(), n, r[0].tolist() if isinstance(r, tuple) else r.tolist())
        except Exception as e: print(x.dtype, x.numel(), n, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round15_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

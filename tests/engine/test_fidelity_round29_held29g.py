"""Classes of difference found by the twenty-ninth round's held-out programs on torch.linalg, torch.fft and complex
tensors (held29g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"logcumsumexp_of_a_complex_tensor_runs_in_complex_double_with_its_inf_and_nan_cases_and_its_conjugate_backward": """
torch.manual_seed(0)
inf, nan = float('inf'), float('nan')
for dt in [torch.cfloat, torch.cdouble]:
    x = torch.randn(3, 5, dtype=dt) * 3
    r = torch.logcumsumexp(x, -1)
    print(r.real.tolist(), r.imag.tolist())
    sp = torch.tensor([complex(-inf, 0), complex(-inf, 1), 1+1j, complex(inf, 2), complex(inf, -1), complex(nan, 0), 2j],
                      dtype=dt)
    print(torch.logcumsumexp(sp, 0), torch.logcumsumexp(sp.flip(0), 0))
    print(torch.logcumsumexp(torch.tensor([complex(-inf, 1), complex(-inf, 2)], dtype=dt), 0))
    print(torch.logcumsumexp(torch.tensor([1+0j, 1+0j, complex(0, nan), 3], dtype=dt), 0))
    print(torch.logcumsumexp(torch.tensor(1+2j, dtype=dt), 0), torch.logcumsumexp(torch.zeros(0, 2, dtype=dt), 0))
    y = torch.randn(2, 3, dtype=dt).requires_grad_()
    z = y.logcumsumexp(1)
    print(type(z.grad_fn).__name__)
    g, = torch.autograd.grad(z, y, torch.randn(2, 3, dtype=dt))
    print(g.real.tolist(), g.imag.tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-first round's held-out programs on random numbers (held21d, issue 16)
that only a program shows: torch.quasirandom's SobolEngine (imported by name). Run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"sobol_engine_points_scrambling_and_errors": """
import torch.quasirandom
from torch.quasirandom import SobolEngine
e = SobolEngine(1111)
print(e.sobolstate.sum(), (e.sobolstate * torch.arange(1111).unsqueeze(1)).sum(), e.sobolstate[1110])
x = e.draw(100)
print(x.sum(), x[-1, :8], x.dtype, e.num_generated)
s = SobolEngine(50, scramble=True, seed=3)
print(s.sobolstate.sum(), s.shift[:5], s.draw(7, dtype=torch.float64)[:, :4], s.draw(3)[:, :3])
print(s.reset().draw(2)[:, :3], s, SobolEngine.MAXDIM, s.MAXBIT)
torch.manual_seed(0)
print(torch.quasirandom.SobolEngine(4, scramble=True).draw(3), torch.rand(2))
f = SobolEngine(dimension=2)
print(f.fast_forward(5).draw(3), f.num_generated, f.draw_base2(3).shape)
out = torch.empty(0)
print(SobolEngine(2).draw(3, out=out) is out, out, SobolEngine(2, scramble=True, seed=1).draw(1, dtype=torch.float64))
for g in [lambda: f.draw_base2(2), lambda: SobolEngine(3).draw(2, dtype=torch.float16), lambda: SobolEngine(3).draw(0),
          lambda: SobolEngine(3).draw(2, dtype=torch.int64), lambda: SobolEngine(0), lambda: SobolEngine(21202),
          lambda: SobolEngine(3).draw(2.5), lambda: f.draw(True), lambda: f.fast_forward(None), lambda: f.draw(0),
          lambda: SobolEngine(torch.tensor(2)).draw(2), lambda: SobolEngine(True).draw(2), lambda: SobolEngine(),
          lambda: f.draw(torch.tensor(2))]:
    try:
        print(g())
    except Exception as ex:
        print(type(ex).__name__, ex)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21d_class_prints_as_torch(name):
    src = "import copy\n" + PROGRAMS[name]
    got, stderr = run_in_language(PROGRAMS[name])
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

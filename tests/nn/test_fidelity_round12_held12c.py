"""Classes of difference found by the twelfth round's held-out torch.nn training programs (held12c), one
differential program each, run under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"init_names_without_the_underscore_warn_and_initialise": """
w = torch.empty(3, 4)
for i in range(2):
    nn.init.normal(w, std=0.1)
print(w)
nn.init.xavier_uniform(w, gain=2.0)
nn.init.kaiming_normal(w, mode='fan_out')
print(w)
nn.init.constant(w, 0.3)
nn.init.uniform(w, -1, 1)
print(w)
nn.init.eye(w)
print(w, nn.init.orthogonal(torch.empty(2, 2)).shape, nn.init.xavier_normal.__name__)
print(nn.init.dirac(torch.empty(2, 2, 3)).sum())
nn.init.kaiming_uniform(w)
nn.init.sparse(w, 0.5)
print(w.shape)
try:
    nn.init.uniform(w, bad=1)
except TypeError as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Every program of nn_programs.py prints, raises and warns in tensorsh exactly what it does in PyTorch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402
from nn_programs import ALL  # noqa: E402


@pytest.mark.parametrize("name", sorted(ALL))
def test_program_matches_torch(name):
    same_as_torch(ALL[name])

import sys
from pathlib import Path

import pytest

pytest.register_assert_rewrite("same_as_torch")  # its assert shows the differing text

# tests/engine holds the differential corpus module shared by several tests
sys.path.insert(0, str(Path(__file__).parent / "engine"))


@pytest.fixture(autouse=True)
def fresh_engine_state():
    """Every test starts from a new process's engine state (seed, grad mode, print options)."""
    from tensorsh.engine.torch_api import reset_state
    reset_state()
    yield
    reset_state()

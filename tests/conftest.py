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


def pytest_collection_modifyitems(config, items):
    """On Intel CPUs, skip the tests listed in measured_on_amd.txt (MKL's last bits as an AMD CPU computes them)."""
    import os
    from tensorsh.engine import kernels
    if not kernels.MKL_ON_INTEL or os.environ.get("TENSORSH_RUN_AMD_MEASURED"):  # (set: run them all the same)
        return
    listed = Path(__file__).with_name("measured_on_amd.txt").read_text().splitlines()
    listed = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    skip = pytest.mark.skip(reason="asserts MKL's last bits as measured on AMD CPUs; on Intel ones MKL runs other "
                                   "code (tests/measured_on_amd.txt)")
    for item in items:
        if item.nodeid in listed or item.nodeid.split("[")[0] in listed:
            item.add_marker(skip)

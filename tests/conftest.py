import sys
from pathlib import Path

import pytest

pytest.register_assert_rewrite("same_as_torch")  # its assert shows the differing text

# tests/engine holds the differential corpus module shared by several tests
sys.path.insert(0, str(Path(__file__).parent / "engine"))


@pytest.fixture(autouse=True)
def fresh_engine_state():
    """Every test starts from a new process's engine state (seed, grad mode, print options), and so does the torch
    some harnesses run in the test process (a program's set_default_dtype must not reach a later test)."""
    from tensorsh.engine.torch_api import reset_state
    reset_state()
    _fresh_torch_state()
    yield
    reset_state()


def _fresh_torch_state():
    torch = sys.modules.get("torch")
    if torch is not None and hasattr(torch, "set_default_dtype"):
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
        torch.set_printoptions(profile="default")


def pytest_collection_modifyitems(config, items):
    """Skip the tests that assert MKL's last bits as the other CPU vendor's computes them: on Intel CPUs those in
    measured_on_amd.txt, elsewhere those in measured_on_intel.txt (MKL picks its code by vendor)."""
    import os
    from tensorsh.engine import kernels
    if os.environ.get("TENSORSH_RUN_ALL_MEASURED"):  # (set: run them all the same)
        return
    other = "amd" if kernels.MKL_ON_INTEL else "intel"
    listed = Path(__file__).with_name(f"measured_on_{other}.txt").read_text().splitlines()
    listed = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    skip = pytest.mark.skip(reason=f"asserts MKL's last bits as measured on {other.upper()} CPUs; on this CPU MKL "
                                   f"runs other code (tests/measured_on_{other}.txt)")
    for item in items:
        base = item.nodeid.split("[")[0]
        # (a parameter's own value too: a newer pytest names a long string parameter by its index, "name4")
        values = [v for v in getattr(getattr(item, "callspec", None), "params", {}).values() if isinstance(v, str)]
        if {item.nodeid, base, *(f"{base}[{v}]" for v in values)} & listed:
            item.add_marker(skip)

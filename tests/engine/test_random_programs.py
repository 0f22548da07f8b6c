"""Property: random PyTorch programs, grown statement by statement against a live torch, print, raise and warn
exactly what torch does. Each CI run draws new programs from a seed named in every test id (replay one with
TSH_SEED=<seed> TSH_EXAMPLES=1, or thousands with scripts/fuzz_programs.py)."""
import hashlib
import os
import time

import pytest

from same_as_torch import HAVE_TORCH, TorchCrashed, compare_random_program

pytestmark = pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")


def _run_seed():
    """One seed per run, the same in every pytest-xdist worker (they must collect the same tests)."""
    if os.environ.get("TSH_SEED"):
        return int(os.environ["TSH_SEED"])
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(int(time.time()) // 60)
    return int(hashlib.sha256(run.encode()).hexdigest()[:8], 16) % 10**9


SEED = _run_seed()
COUNT = int(os.environ.get("TSH_EXAMPLES", 200))


@pytest.mark.parametrize("seed", range(SEED, SEED + COUNT), ids=lambda s: f"seed={s}")
def test_random_program_matches_torch(seed):
    try:
        src, verdict, got, want = compare_random_program(seed)
    except TorchCrashed as e:
        pytest.skip(f"torch itself crashed on program {seed}: {e}")
    # "digits": only printed numbers differ, in their last digits (the float differences the README documents)
    assert verdict in ("same", "digits"), (
        f"replay: TSH_SEED={seed} TSH_EXAMPLES=1 pytest {__file__}\n{src}\n--- torch:\n{want}\n--- engine:\n{got}")

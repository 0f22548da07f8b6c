"""Property: random PyTorch programs, grown statement by statement against a live torch (each statement valid for
the state it meets, about one in five ending in a PyTorch error), print, raise and warn what torch does. Each CI
run draws new programs from a seed it prints; TSH_SEED=<seed> replays a run, TSH_EXAMPLES (TSH_API_EXAMPLES for the
programs over the whole signature table) sets its size, and scripts/fuzz_programs.py runs thousands and keeps each
differing program."""
import hashlib
import os
import time
import warnings

import pytest

from same_as_torch import HAVE_TORCH, TorchCrashed, compare_random_program

pytestmark = pytest.mark.skipif(not HAVE_TORCH, reason="torch is not installed")

# The share of programs that must agree, measured with scripts/fuzz_programs.py over thousands of programs
# (docs/FIDELITY.md): the programs that still differ are the known gaps listed there; a run below this share
# means something regressed. Raise it as gaps close.
MIN_AGREEMENT = 0.94  # (measured 98-99% on batches of 300: at p = 2% a run of 150 falls below it once in ~1,000)


def _run_seed():
    """One seed per run, the same in every pytest-xdist worker."""
    if os.environ.get("TSH_SEED"):
        return int(os.environ["TSH_SEED"])
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(time.time_ns())
    return int(hashlib.sha256(run.encode()).hexdigest()[:8], 16) % 10**9


SEED = _run_seed()
COUNT = int(os.environ.get("TSH_EXAMPLES", 150))


def _agree(seed, count, floor, what, replay, **options):
    """Run programs seed..seed+count-1 (generate(**options)) in torch and the engine; assert the share that agree."""
    verdicts, differing = {}, []
    for s in range(seed, seed + count):
        try:
            src, verdict, got, want = compare_random_program(s, **options)
        except TorchCrashed:
            verdict = "torch crashed"
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
        if verdict == "different":
            differing.append(s)
    compared = count - verdicts.get("torch crashed", 0)
    agreement = (verdicts.get("same", 0) + verdicts.get("digits", 0)) / max(compared, 1)
    report = (f"{what} {seed}..{seed + count - 1}: {verdicts}, agreement {agreement:.1%}; replay one with "
              f"python scripts/fuzz_programs.py {replay}--seed S --count 1 (differing: {differing})")
    print(report)
    if differing:
        warnings.warn(report)
    assert agreement >= floor, report


@pytest.mark.parametrize("seed", [SEED], ids=lambda s: f"seed={s}")
def test_random_programs_match_torch(seed):
    _agree(seed, COUNT, MIN_AGREEMENT, "random programs", "")


# Programs with statements drawn from the whole signature table too (Gen.api: any method or torch function the
# engine lists, each argument made for its declared type): a wider, rougher net, so a lower floor.
API_COUNT = int(os.environ.get("TSH_API_EXAMPLES", 60))
MIN_API_AGREEMENT = 0.9  # (measured 98-99% on batches of 250-300 after the twenty-second round's fixes)


@pytest.mark.parametrize("seed", [SEED + 10**9], ids=lambda s: f"seed={s}")
def test_random_programs_over_the_whole_api_match_torch(seed):
    _agree(seed, API_COUNT, MIN_API_AGREEMENT, "api programs", "--api 25 ", api=25)

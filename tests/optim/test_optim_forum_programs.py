"""torch.optim as forum programs use it (tests/optim/forum/*.py: training loops, optimizers and their options,
param groups, state_dict, zero_grad, closures, schedulers and their warnings, the in-place error after
step()): each script, run verbatim, prints what torch prints, errors and warnings included."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import programs, run_in_language, run_in_torch  # noqa: E402

FORUM = programs(Path(__file__).parent / "forum")


@pytest.fixture(scope="module")
def torch_results():
    pytest.importorskip("torch")
    return run_in_torch(FORUM)


@pytest.mark.parametrize("path", FORUM, ids=[p.stem for p in FORUM])
def test_forum_program_prints_what_torch_prints(path, torch_results):
    assert run_in_language(path) == torch_results[path]

"""torch.utils.data as forum programs use it (tests/data/forum/*.py: TensorDataset, Dataset subclasses,
random_split, samplers, shuffled epochs and the global generator's draws, collation, training loops, errors):
each script, run verbatim, prints what torch prints, errors and warnings included."""
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

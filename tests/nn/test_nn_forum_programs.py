"""torch.nn as forum programs use it (tests/nn/forum/*.py: modules, state_dict aliasing, deepcopy, freezing,
in-place activations, hooks, BatchNorm/Dropout modes, losses, init, utils, the later layers): each script, run
verbatim, prints what torch prints, errors and warnings included."""
from pathlib import Path

import pytest

from forum_runner import programs, run_in_language, run_in_torch

FORUM = programs(Path(__file__).parent / "forum")


@pytest.fixture(scope="module")
def torch_results():
    pytest.importorskip("torch")
    return run_in_torch(FORUM)


@pytest.mark.parametrize("path", FORUM, ids=[p.stem for p in FORUM])
def test_forum_program_prints_what_torch_prints(path, torch_results):
    assert run_in_language(path) == torch_results[path]

"""torch.nn as forum programs use it (tests/nn/forum/*.py: modules, state_dict aliasing, deepcopy, freezing,
in-place activations, hooks, BatchNorm/Dropout modes, losses, init, utils, the later layers): each script, run
verbatim, prints what torch prints, errors and warnings included."""
from pathlib import Path

from forum_runner import forum_tests

torch_results, test_forum_program_prints_what_torch_prints = forum_tests(Path(__file__).parent / "forum")

"""torch.optim as forum programs use it (tests/optim/forum/*.py: training loops, optimizers and their options,
param groups, state_dict, zero_grad, closures, schedulers and their warnings, the in-place error after
step()): each script, run verbatim, prints what torch prints, errors and warnings included."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import forum_tests  # noqa: E402

torch_results, test_forum_program_prints_what_torch_prints = forum_tests(Path(__file__).parent / "forum")

"""Forum-style autograd programs (tests/lang/autograd_forum/*.py: detach/clone/deepcopy, views and storages, version
counters, leaf and non-leaf grads, hooks, grad modes, higher-order grads, custom Functions, torch.autograd.functional,
.data): each script, run verbatim, prints what torch prints, errors and warnings included."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the forum programs share
from forum_runner import forum_tests  # noqa: E402

torch_results, test_forum_program_prints_what_torch_prints = forum_tests(Path(__file__).parent / "autograd_forum")

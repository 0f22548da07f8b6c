"""torch.utils.data as forum programs use it (tests/data/forum/*.py: TensorDataset, Dataset subclasses,
random_split, samplers, shuffled epochs and the global generator's draws, collation, training loops, errors):
each script, run verbatim, prints what torch prints, errors and warnings included."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import forum_tests  # noqa: E402

torch_results, test_forum_program_prints_what_torch_prints = forum_tests(Path(__file__).parent / "forum")

"""Classes of difference found by the nineteenth round's held-out programs on random numbers (held19d, issue 16)
that only a program shows: `import torch.random` and its names (`thread_safe_generator`),
`from torch.distributions.distribution import Distribution`, numpy's `default_rng` beside torch's seed, and a
program's Distribution subclass without arg_constraints. Run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"torch_random_and_distributions_distribution_import_by_name": """
import torch.random
from torch.random import fork_rng, manual_seed, get_rng_state, thread_safe_generator
from torch.distributions.distribution import Distribution
from torch.distributions.exp_family import ExponentialFamily
from torch.utils.data import Dataset, DataLoader
manual_seed(1)
with fork_rng():
    print(torch.rand(1))
print(torch.rand(1), get_rng_state().shape, thread_safe_generator(), torch.random.initial_seed())
print(Distribution, issubclass(ExponentialFamily, Distribution))
class Noisy(Dataset):
    def __len__(self):
        return 4
    def __getitem__(self, i):
        return torch.randint(0, 10, (2,), generator=thread_safe_generator()) + i
for b in DataLoader(Noisy(), batch_size=2, num_workers=2):
    print(b)
""",
"numpy_default_rng_beside_torch_seed": """
import random
import numpy as np
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
print(random.random(), np.random.rand(2), torch.rand(2))
print(np.random.exponential(1.0, 2), np.random.binomial(10, 0.5, 3), np.random.standard_normal(2))
rng = np.random.default_rng(0)
print(rng.standard_normal(2), rng.random(3), rng.integers(0, 10, size=4))
a = np.arange(5)
rng.shuffle(a)
print(a, rng.permutation(4), rng.choice(5, 2, replace=False), rng.poisson(3.0, 3))
print(torch.from_numpy(rng.random((2, 2)).astype(np.float32)))
""",
"a_distribution_subclass_without_arg_constraints_warns": """
import warnings
from torch.distributions import Distribution
class Mine(Distribution):
    pass
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    m = Mine()
print(len(caught), caught[0].category.__name__, str(caught[0].message).split(">", 1)[1])
try:
    print(m)
except NotImplementedError as e:
    print("NotImplementedError", e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19d_class_prints_as_torch(name):
    src = "import copy\n" + PROGRAMS[name]
    got, stderr = run_in_language(PROGRAMS[name])
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

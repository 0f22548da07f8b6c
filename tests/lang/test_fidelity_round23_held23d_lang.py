"""Classes of difference found by the twenty-third round's held-out programs on random numbers and
torch.distributions (held23d, issue 16) that need the language (its loops, distributions' constraints): run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"a_trailing_comma_makes_one_for_target_a_tuple": """
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(4)
for xb, in DataLoader(TensorDataset(torch.arange(6)), batch_size=4, shuffle=True):
    print(xb)
for a, in [[1], (2,)]:
    print(a)
print([d for d, in [[5], [6]]], {k: v for k, v, in [(1, 2)]})
for x, y, in [(1, 2)]:
    print(x, y)
l = [1, 2]
del l[0],
print(l)
try:
    for e, in [[1, 2]]:
        pass
except ValueError as ex:
    print(type(ex).__name__, ex)
""",
"cholesky_cat_and_stack_constraints_check_as_torch_orders_it": """
from torch.distributions import constraints as C
for c in [C.lower_cholesky, C.lower_triangular, C.corr_cholesky, C.cat([C.real, C.positive], 0, [1, 1]),
          C.stack([C.real, C.positive], 0), C.cat([C.real, C.positive], 1, [1, 1]), C.stack([C.real, C.positive], -2)]:
    for v in [torch.tensor(0.5), torch.tensor([0.2, 0.8]), torch.tensor([[1., 0.], [0.5, 2.]])]:
        try:
            print(c, c.check(v))
        except Exception as e:
            print(c, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23d_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

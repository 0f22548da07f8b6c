"""Classes of difference found by the twenty-ninth round's held-out programs on how tensors print (held29h, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"summarization_takes_its_edge_items_by_python_slices_and_ranges_so_odd_edgeitems_print_or_fail_as_torch": """
def t(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__, e)
for edge in [-1, -2, -5, 1.5, 0.0, 0, True]:
    torch.set_printoptions(threshold=3, edgeitems=edge)
    t(edge, lambda: torch.arange(10))
    t(edge, lambda: torch.arange(7.) / 3)
    t(edge, lambda: torch.tensor([1j, 2, 3, 4, 5]))
    t(edge, lambda: torch.arange(8.).requires_grad_())
    t(edge, lambda: torch.arange(6).view(2, 3))
    t(edge, lambda: torch.arange(12).view(6, 2))
    t(edge, lambda: torch.zeros(0, 2))
torch.set_printoptions(threshold=0, edgeitems=-1)
t('one', lambda: torch.tensor([1.5]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

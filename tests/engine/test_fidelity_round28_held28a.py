"""Classes of difference found by the twenty-eighth round's held-out programs on printing and the Python around
tensors (held28a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_return_type_is_built_as_cpythons_structseq_one_sequence_of_exactly_its_fields": """
R = torch.return_types.max
tries = [lambda: R(), lambda: R(1), lambda: R(5.0), lambda: R(None), lambda: R((1, 2), {}), lambda: R((1, 2), []),
         lambda: R((1, 2), None), lambda: R(sequence=(1, 2)), lambda: R((1, 2), dict={'a': 1}), lambda: R((1, 2), {}, 3),
         lambda: R(seq=(1, 2)), lambda: R({1: 2, 3: 4}), lambda: R(iter([1, 2])), lambda: R(torch.tensor([1, 2])),
         lambda: R(x for x in [1, 2]), lambda: R('abc'), lambda: R('ab'), lambda: R((1, 2)) == (1, 2),
         lambda: R((1, 2), foo=1), lambda: R(1, 2), lambda: R((1, 2), {}, dict={}), lambda: R(dict={}),
         lambda: R((1, 2), sequence=3), lambda: R((1, 2, 3)), lambda: R([]),
         lambda: torch.return_types.svd((1, 2)), lambda: torch.return_types.svd([1, 2, 3]).V,
         lambda: type(R([1, 2])) is R, lambda: R.n_fields, lambda: torch.return_types.linalg_lstsq.n_fields,
         lambda: R.n_sequence_fields, lambda: R.n_unnamed_fields, lambda: torch.return_types.topk_out.n_fields]
for t in tries:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-eighth round's held-out programs on indexing, gather/scatter and masks
(held28d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_empty_advanced_index_result_takes_tensor_iterators_compatible_strides_and_a_bool_scalar_is_a_long_index": """
x = torch.arange(12.).view(3, 4)
e = torch.tensor([], dtype=torch.long)
for name, f in [('false', lambda: x[False]), ('false_none', lambda: x[False, None]), ('none_false', lambda: x[None, False]),
                ('t_false', lambda: x.t()[False]), ('false_ell_none', lambda: x[False, ..., None]),
                ('true_none_false', lambda: x[True, None, False]), ('e_none', lambda: x[e, None]),
                ('e_none_e', lambda: x[e, None, e]), ('t_e', lambda: x.t()[e]), ('col_e', lambda: x[:, e]),
                ('empty_t', lambda: torch.zeros(2, 0, 3).transpose(0, 2)[[1]]), ('true_none', lambda: x[True, None]),
                ('t_true', lambda: x.t()[True]), ('ell_false', lambda: x[..., False]), ('row_none', lambda: x[[0, 1], None])]:
    r = f()
    print(name, r.shape, r.stride(), r.is_contiguous())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

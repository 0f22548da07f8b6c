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
"the_methods_of_size_and_dtype_are_c_methods_whose_argument_errors_are_cpythons": """
s = torch.Size([2, 3, 4])
tries = [lambda: s.numel(1), lambda: s.numel(x=1), lambda: s.numel(1, 2), lambda: s.numel(),
         lambda: torch.float32.to_complex(1), lambda: torch.float32.to_complex(dtype=torch.float64),
         lambda: torch.complex64.to_real(1, 2), lambda: torch.complex64.to_real(), lambda: torch.float16.to_complex(),
         lambda: torch.int32.to_complex(), lambda: torch.int32.to_complex(1), lambda: torch.bool.to_real(),
         lambda: torch.Generator().manual_seed(), lambda: torch.Generator().seed(1)]
for t in tries:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
""",
"two_devices_are_not_ordered_comparison_not_implemented_anything_else_is_pythons_refusal": """
d = torch.device('cpu')
for f in [lambda: d < d, lambda: d <= torch.device('cpu', 0), lambda: d > torch.device('cuda'), lambda: d >= d,
          lambda: d > 1, lambda: d <= 'cpu', lambda: 1 < d, lambda: d == 1, lambda: d != 'x', lambda: d == 'cpu',
          lambda: d == torch.device('cpu'), lambda: sorted([d, d]), lambda: max(d, d), lambda: sorted([d]),
          lambda: torch.float32 < torch.int8, lambda: torch.strided < torch.strided]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

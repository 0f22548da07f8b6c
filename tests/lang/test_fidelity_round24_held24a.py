"""Classes of difference found by the twenty-fourth round's held-out programs about the Python around tensors and
printing (held24a): one differential program each, run in torch and in the language (both classes are the
language's: the text of a warning its `warnings` module records, and the dunders a program reads off a tensor)."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_cpp_warnings_message_ends_with_where_it_was_triggered_internally": """
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    (torch.ones(1, requires_grad=True) * 2).grad
    torch.ones(2, 3, 4).T
    torch.tensor(1.).T
    torch.ones(1).std()
    torch.ones(1).var()
    torch.add(torch.ones(3), 1, out=torch.empty(2))
    torch.meshgrid(torch.ones(2), torch.ones(2))
    torch.ones(2)[torch.tensor([1, 0], dtype=torch.uint8)]
    torch.ones(3, 3)[[0, 1]]
    torch.arange(3, out=torch.empty(5))
    float(torch.ones(1, requires_grad=True))
    torch.ones(2).copy_(torch.ones(2, dtype=torch.cfloat))
    torch.add(torch.ones(2), 2, torch.ones(2))
    torch.tensor(torch.ones(1))
    torch.nn.functional.softmax(torch.ones(2))
    warnings.warn("the program's own")
    for x in w:
        print(x.category.__name__, x.message)
warnings.simplefilter("error")
try:
    torch.where(torch.tensor([1, 0], dtype=torch.uint8), 1., 0.)
except UserWarning as e:
    print("raised:", e)
""",
"a_recorded_warning_has_pythons_file_line_and_source_attributes": """
import warnings
def f(x):
    warnings.warn("inner", stacklevel=2)
    return x * 2
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(torch.ones(2))
    torch.tensor(torch.ones(1))
    for r in w:
        print(r.category.__name__, r.line, r.file, r.source, r.message.args)
""",
"the_array_and_deepcopy_protocol_dunders_read_off_a_tensor": """
x = torch.tensor([1.0, 2.0, 3.0])
print(x.__array__(), x.__array__().dtype, x.__array_priority__)
print(x.__array__("float64"), torch.tensor([1, 2]).__array__(), torch.tensor(True).__array__())
a = x.__array__()
a[0] = 9
print(x)
try:
    torch.ones(1, requires_grad=True).__array__()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.ones(1, dtype=torch.bfloat16).__array__()
except TypeError as e:
    print(type(e).__name__, e)
w = torch.tensor([1.0, 2.0], requires_grad=True)
memo = {}
c = w.__deepcopy__(memo)
print(c, c is w, c.requires_grad, len(memo) > 0, type(torch.nn.Parameter(torch.ones(2)).__deepcopy__({})).__name__)
try:
    (w * 2).__deepcopy__({})
except RuntimeError as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24a_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])

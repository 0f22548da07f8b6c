"""Classes of difference found by the twenty-eighth round's held-out programs on printing and the Python around
tensors (held28a, issue 16) that show in the language only (what a program reads from a class is the language's
attribute lookup): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"the_bases_of_torch_size_dtype_device_finfo_and_the_return_types_are_pytorchs": """
for c in [torch.Size, torch.dtype, torch.device, torch.layout, torch.memory_format, torch.finfo, torch.iinfo,
          torch.return_types.max, torch.return_types.svd_out, object, bool, KeyError, ValueError, torch.nn.Linear]:
    print(c.__mro__, c.__bases__, c.__base__)
s = torch.zeros(2, 3).shape
print(type(s).__mro__, isinstance(s, tuple), type(torch.max(torch.ones(2), 0)).__bases__)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-eighth round's held-out programs on printing and the Python around
tensors (held28a, issue 16) that show in the language only (what a program reads from a class is the language's
attribute lookup): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"the_bases_of_torch_size_dtype_device_finfo_and_the_return_types_are_pytorchs": """
for c in [torch.Size, torch.dtype, torch.device, torch.layout, torch.memory_format, torch.finfo, torch.iinfo,
          torch.return_types.max, torch.return_types.svd_out]:
    print(c.__mro__, c.__bases__, c.__base__)
for c in [object, bool, KeyError, ValueError, torch.nn.Linear]:  # (__base__ of Python's own: the language refuses it)
    print(c.__mro__, c.__bases__)
s = torch.zeros(2, 3).shape
print(type(s).__mro__, isinstance(s, tuple), type(torch.max(torch.ones(2), 0)).__bases__)
""",
"a_python_floats_hex_and_an_ints_bytes_methods_read_from_items": """
x = torch.tensor([0.1, 1e-45, 3.4e38, -2.5])
for v in x.tolist():
    print(v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
print(torch.finfo(torch.float16).eps.hex(), torch.finfo(torch.bfloat16).tiny.hex(), float.fromhex('0x1p-24'))
n = torch.tensor([255, -3]).tolist()
print([i.bit_count() for i in n], n[0].to_bytes(2, 'little'), int.from_bytes(b'\\x01\\x02', 'big'), n[1].as_integer_ratio())
print(torch.tensor(5).item().bit_length(), torch.tensor(7, dtype=torch.uint8).item().to_bytes(1, 'big'))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 19
(held19a), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_saved_tensor_modified_error_names_bool_and_bfloat16_by_cpp_type": """
for dt in [torch.bool, torch.bfloat16, torch.float16, torch.uint8, torch.complex64]:
    a = torch.ones(2, requires_grad=True)
    t = torch.zeros(2, dtype=dt)
    y = a * t
    t.logical_not_() if dt is torch.bool else t.add_(1)
    try:
        y.abs().sum().backward()
    except Exception as e:
        print(e)
""",
"storages_print_convert_and_name_themselves_as_torch": """
x = torch.tensor([1, 258, -1], dtype=torch.int16)
s = x.untyped_storage()
t = x.storage()
print(torch.empty(0).untyped_storage(), torch.empty(0, dtype=torch.int64).storage())
print(s.get_device(), t.get_device(), s.is_sparse, s.is_sparse_csr, t.is_sparse, s.filename, t.filename)
print(s.new().nbytes(), s.to(device="cpu") is s, t.to(device="cpu") is t, s.type(), t.type())
f = s.float()
print(torch.typename(f), f.dtype, f.size(), f.tolist()[:4])
print(t.float().tolist(), t.short().data_ptr() == t.data_ptr(), t.long().tolist(), t.bool().tolist(), t.double().tolist())
print(t.char().tolist(), t.byte().tolist(), t.half().tolist(), t.bfloat16().tolist(), t.complex_float().tolist(), s.bool())
b = torch.arange(2, dtype=torch.int32).untyped_storage().clone()
b.byteswap(torch.int32)
print(b.tolist())
for f in [lambda: s.copy_(3), lambda: s.copy_(torch.ones(2)), lambda: torch.zeros(2, dtype=torch.int16).untyped_storage().copy_(t).tolist()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

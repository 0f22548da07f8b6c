"""Classes of difference found by the thirty-third round's held-out programs on storages, views and memory sharing
(held33a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"resize_as_with_preserve_format_takes_the_templates_suggested_memory_format": """
a = torch.arange(6.).reshape(2, 3)
for t in [a.t(), torch.empty(2, 3, 4, 5, memory_format=torch.channels_last), torch.ones(3).expand(2, 3),
          torch.empty(2, 3, 1, 1, memory_format=torch.channels_last), torch.empty(1, 2, 3, 4, 5).permute(0, 4, 1, 2, 3)]:
    for f in [torch.preserve_format, torch.contiguous_format, torch.channels_last, None]:
        try:
            r = torch.empty(0).resize_as_(t, memory_format=f) if f is not None else torch.empty(0).resize_as_(t)
            print(r.shape, r.stride())
        except Exception as e:
            print(type(e).__name__, e)
try:
    torch.empty(0).resize_(2, 3, memory_format=torch.preserve_format)
except Exception as e:
    print(type(e).__name__, e)
""",
"torch_tensor_of_a_storage_is_set_to_it_sharing_its_memory_at_version_0": """
x = torch.arange(4.)
i = torch.tensor([1, 2, 3], dtype=torch.int16)
h = torch.tensor([1.5, 2.5], dtype=torch.bfloat16)
for f in [lambda: torch.tensor(x.storage()), lambda: torch.tensor(i.storage()), lambda: torch.tensor(i.storage(), dtype=torch.int16),
          lambda: torch.tensor(x.untyped_storage()), lambda: torch.tensor(x.untyped_storage(), dtype=torch.uint8),
          lambda: torch.tensor(x.storage(), dtype=torch.float64), lambda: torch.as_tensor(i.storage()),
          lambda: torch.as_tensor(x.storage()), lambda: torch.tensor(x.storage(), requires_grad=True),
          lambda: torch.asarray(i.storage()), lambda: torch.asarray(x.untyped_storage(), dtype=torch.int32),
          lambda: torch.tensor(h.storage(), dtype=torch.bfloat16), lambda: torch.tensor(h.untyped_storage()),
          lambda: torch.tensor(torch.empty(0).untyped_storage()), lambda: torch.tensor(x.untyped_storage(), dtype=torch.complex64)]:
    try:
        r = f()
        print(r, r.data_ptr() in (x.data_ptr(), i.data_ptr(), h.data_ptr()), r._version, r.is_leaf, r.stride())
    except Exception as e:
        print(type(e).__name__, e)
r = torch.tensor(x.storage())
r[0] = 100
print(x, r._version, x._version)
""",
"torch_storage_is_the_module_of_the_storage_classes_and_a_typed_storage_keeps_its_untyped_storage": """
x = torch.arange(4.)
print(torch.storage.UntypedStorage is torch.UntypedStorage, torch.storage.TypedStorage is torch.TypedStorage)
print(isinstance(x.storage(), torch.storage.TypedStorage), isinstance(x.untyped_storage(), torch.storage.UntypedStorage))
print(x.storage()._untyped_storage.nbytes(), x[1:].storage()._untyped_storage.data_ptr() == x.data_ptr())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

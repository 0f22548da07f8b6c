"""Classes of difference found by the round-22 held-out programs on dtypes, promotion and arithmetic (held22e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"tensor_data_beyond_int64_overflows_unpacking_a_long_long": """
for v in [2**63, -2**63 - 1, 2**64 + 5]:
    for dt in [torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool, torch.float32]:
        for f in [lambda: torch.tensor(v, dtype=dt), lambda: torch.tensor([300, v], dtype=dt), lambda: torch.as_tensor([1, v], dtype=dt)]:
            try: print(f())
            except Exception as e: print(type(e).__name__, e)
""",
"finfo_and_iinfo_cannot_be_copied": """
import copy
for o in [torch.finfo(torch.float16), torch.finfo(), torch.iinfo(torch.int8), {"eps": torch.finfo(torch.bfloat16)}]:
    for f in [copy.copy, copy.deepcopy]:
        try: print(f(o))
        except Exception as e: print(type(e).__name__, e)
print(copy.deepcopy({"dt": torch.int64, "x": torch.ones(1, dtype=torch.int8)}))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirty-second round's held-out programs on the Python around tensors
(held32a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_data_of_torch_tensor_is_read_as_it_is_not_parsed_as_a_number": """
import numpy as np
for data in [np.complex64(1 + 2j), np.complex128(3 - 1j), [np.complex64(1j), 2], np.float32(1.5), np.int8(3)]:
    print(torch.tensor(data), torch.as_tensor(data), torch.asarray(data), torch.ones(1).new_tensor(data))
    print(torch.tensor(data=data), torch.tensor(data, dtype=torch.complex128))
for data in [np.complex64(1 + 2j), np.complex128(3 - 1j), [np.complex128(1j)], 1 + 2j, [np.complex64(0j), 1], [1j, 0j]]:
    for dt in [torch.float32, torch.float64, torch.int64, torch.uint8, torch.bool, torch.float16]:
        try:
            print(torch.tensor(data, dtype=dt), torch.ones(1, dtype=dt).new_tensor(data))
        except Exception as e:
            print(type(e).__name__, e)
for bad in [lambda: torch.tensor(np.complex64(1j), 2), lambda: torch.tensor(np.complex64(1j), data=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

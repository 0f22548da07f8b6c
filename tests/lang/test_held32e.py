"""Classes of difference found by the thirty-second round's held-out programs on dtypes, type promotion and
arithmetic (held32e, issue 16) that show in the language only (torch.testing is the language's): one differential
program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"assert_close_of_complex_tensors_and_numbers_takes_complex_tolerances_and_magnitudes": """
a = torch.tensor([1.0, 2.0, 3.0])
z = a.to(torch.complex64)
cases = [(z, z + 1j), (z, z + 1e-7j), (z.to(torch.complex128), z.to(torch.complex128) + 1e-6), (z, z * 1.001),
         (torch.tensor(1 + 1j), torch.tensor(1 + 1.5j)), (1 + 1j, 1 + 2j), (1 + 1j, 1 + 1j + 1e-9), (1 + 1j, 1),
         (torch.tensor(1.5 + 1j), 1.5 + 1j), ([a, z], [a, z + 1]), ({'x': z}, {'x': z - 2j}), (True, 1),
         (torch.tensor([complex(float('nan'), 1)]), torch.tensor([complex(float('nan'), 1)]))]
for actual, expected in cases:
    try:
        torch.testing.assert_close(actual, expected)
        print('close')
    except Exception as e:
        print(type(e).__name__, e)
torch.testing.assert_close(torch.tensor([complex(float('nan'), 1)]), torch.tensor([complex(float('nan'), 1)]), equal_nan=True)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-sixth round's held-out programs on the Python around tensors and
printing (held26a, issue 16) that show in the language only (what a program reads from the torch.Tensor class is the
language's attribute lookup): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"the_operator_hooks_of_torch_tensor_are_its_unbound_methods": """
x = torch.tensor([1., 2.])
p = torch.nn.Parameter(torch.tensor([1., 2.]))
print(torch.Tensor.__repr__(p), torch.nn.Parameter.__repr__(p), torch.Tensor.__str__(x))
print(torch.Tensor.__len__(p), torch.Tensor.__format__(torch.tensor(2.), '.1f'), torch.Tensor.__getitem__(x, 0))
print(torch.Tensor.__eq__(x, 1.), torch.Tensor.__bool__(torch.tensor(1)), torch.Tensor.__float__(torch.tensor(2)))
print(torch.Tensor.__add__, torch.Tensor.__abs__, torch.Tensor.__itruediv__, torch.Tensor.__pos__)
print(torch.FloatTensor.__len__(x), torch.Tensor.__abs__(-x), torch.Tensor.__pos__(x))
for f in [lambda: torch.Tensor.__add__(3, 1), lambda: torch.Tensor.__abs__(),
          lambda: torch.Tensor.__bool__(torch.tensor([1, 2]))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(list(map(torch.Tensor.__float__, [torch.tensor(1), torch.tensor(2.5)])))
print(torch.Tensor.__hash__(x) == hash(x), torch.Tensor.__array_priority__)
print(torch.Tensor.__rsub__(x, 1), torch.Tensor.__rpow__(x, 2), torch.Tensor.__matmul__(x, x))
y = x.clone()
torch.Tensor.__setitem__(y, 0, 5.)
torch.Tensor.__iadd__(y, 1)
print(y, type(torch.Tensor.__add__).__name__, torch.Tensor.__contains__(x, 2.))
""",
"the_mro_and_bases_of_pythons_own_classes_and_torchs_error_classes_are_readable": """
for f in [lambda: torch.ones(2) + torch.ones(3), lambda: torch.linalg.inv(torch.zeros(2, 2)), lambda: [][1],
          lambda: {}['a'], lambda: 1 / 0, lambda: torch.ones(2).foo, lambda: int('x')]:
    try:
        f()
    except Exception as e:
        print([c.__name__ for c in type(e).__mro__], e.__class__.__bases__)
print(int.__mro__, bool.__bases__, list.__mro__, type(3).__mro__, KeyError.__mro__, ValueError.__bases__)
print(StopIteration.__mro__, object.__bases__, dict.__bases__, torch.linalg.LinAlgError.__mro__)
""",
"torch_tensor_str_gives_get_printoptions_printoptions_and_print_opts": """
from torch._tensor_str import printoptions
with printoptions(precision=2):
    print(torch.tensor([1.23456]))
print(torch.tensor([1.23456]), torch._tensor_str.PRINT_OPTS.precision, torch._tensor_str.PRINT_OPTS.sci_mode)
torch.set_printoptions(precision=3, sci_mode=True)
print(torch._tensor_str.PRINT_OPTS.precision, torch._tensor_str.get_printoptions())
with torch._tensor_str.printoptions(threshold=5, edgeitems=1):
    print(torch.arange(10.), torch._tensor_str.get_printoptions())
print(torch.arange(10.), torch._tensor_str.get_printoptions())
torch.set_printoptions(profile='full')
print(torch._tensor_str.get_printoptions(), torch._tensor_str.PRINT_OPTS)
try:
    with printoptions(bogus=1):
        pass
except Exception as e:
    print(type(e).__name__, e)
torch._tensor_str.set_printoptions(profile='default')
print(torch._tensor_str.get_printoptions())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

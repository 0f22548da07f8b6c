"""torch.func and torch.autograd.forward_ad imported by their dotted names in the language, as a PyTorch program
imports them: stdout and the error line match torch."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import run_in_language

PROGRAMS = {
"forward_ad_imported_as_fwAD": """
import torch.autograd.forward_ad as fwAD
from torch.func import vmap, grad, jacrev
x = torch.tensor([1., 2.])
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.tensor([1., 0.]))
    y = torch.sin(d)
    u = fwAD.unpack_dual(y * d)
    print(fwAD.unpack_dual(y).primal, u.tangent, u[0], type(u).__name__)
    print(y)
print(vmap(grad(lambda w, a: (w * a).sum() ** 2), in_dims=(None, 0))(x, torch.ones(3, 2)))
print(jacrev(lambda t: t.exp())(x))
import torch.func as F
print(F.vmap(torch.dot)(torch.ones(2, 3), torch.ones(2, 3)))
fwAD.make_dual(x, x)
""",
"vmap_error_in_the_language": """
from torch.func import vmap
def f(a, b):
    return a + b
vmap(f, in_dims=(0, 1))(torch.ones(2), torch.ones(2))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_func_program_prints_what_torch_prints(name):
    out, _ = run_in_language(PROGRAMS[name])
    assert out == run_in_torch(PROGRAMS[name])[0]

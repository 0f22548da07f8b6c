"""Classes of difference found by the thirty-fourth round's held-out programs on autograd extensions and the autograd
API (held34c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"forward_ad_through_an_nn_functional_function_taken_before_the_level": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
jvp, jacfwd = torch.func.jvp, torch.func.jacfwd
x = torch.tensor([1.0, -2.0, 0.5, 3.0])
t = torch.tensor([1.0, 0.5, -1.0, 2.0])
for f in [F.gelu, F.silu, F.elu, F.leaky_relu, F.hardtanh, F.relu6, F.mish, F.hardswish, F.hardsigmoid, F.softplus,
          F.softshrink, F.logsigmoid, F.glu]:
    print(f.__name__, jvp(f, (x,), (t,)))
act = F.silu
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    print(fwAD.unpack_dual(act(d)).tangent)
    print(fwAD.unpack_dual(F.elu(d)).tangent)
print(jacfwd(F.gelu)(x[:3]))
print(jacfwd(lambda v: F.leaky_relu(v, 0.2))(x[:3]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=True)

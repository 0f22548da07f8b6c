"""Classes of difference found by the twentieth round's held-out programs on autograd extensions and functional
autograd (held20c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_functions_backward_class_is_made_with_the_class": """
class F(torch.autograd.Function):
    forward = staticmethod(lambda ctx, x: x * 2)
    backward = staticmethod(lambda ctx, g: g)

class G(F):
    pass
print(F._backward_cls.__name__, G._backward_cls.__name__, G._backward_cls._forward_cls is G)
print(torch.autograd.Function._backward_cls.__name__)
y = F.apply(torch.ones(1, requires_grad=True))
print(type(y.grad_fn) is F._backward_cls, y.grad_fn._forward_cls is F)
""",
"complex_outputs_and_gradients_of_custom_functions": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)

def function(name, forward, backward):  # a Function whose backward sees its input
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(*inputs)
    return type(name, (torch.autograd.Function,), {"forward": staticmethod(forward), "setup_context": staticmethod(
        setup_context), "backward": staticmethod(lambda ctx, g: backward(g, *ctx.saved_tensors))})

Square = function("Square", lambda z: z * z, lambda g, z: g * 2 * z.conj())
ToComplex = function("ToComplex", lambda x: x * (1 + 1j), lambda g, x: g * (1 - 1j))
IntGrad = function("IntGrad", lambda z: z * 1, lambda g, z: torch.ones(g.shape, dtype=torch.int64))
z = torch.tensor([0.2 + 0.1j, 0.4 - 0.3j], requires_grad=True)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Square.apply(z)
print(y.requires_grad, type(y.grad_fn).__name__)
y.abs().sum().backward()
print(z.grad)
t(lambda: ToComplex.apply(x).abs().sum().backward())
t(lambda: IntGrad.apply(z).abs().sum().backward())
print(x.grad, z.grad)
""",
"gradcheck_of_complex_inputs_and_outputs": """
gradcheck, gradgradcheck = torch.autograd.gradcheck, torch.autograd.gradgradcheck
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)

class NoConj(torch.autograd.Function):  # (its gradient lacks the conjugate)
    forward = staticmethod(lambda ctx, z: ctx.save_for_backward(z) or z * z)
    backward = staticmethod(lambda ctx, g: g * 2 * ctx.saved_tensors[0])

z = torch.tensor([0.2 + 0.1j, 0.4 - 0.3j], dtype=torch.complex128, requires_grad=True)
x = torch.tensor([0.3, 0.6], dtype=torch.float64, requires_grad=True)
t(lambda: gradcheck(lambda a: (a * a.conj()).real, (z,)))
t(lambda: gradcheck(torch.exp, (z,)))
t(lambda: gradcheck(torch.abs, (z,)))
t(lambda: gradcheck(lambda a, b: a * b, (z, x)))
t(lambda: gradcheck(lambda a: torch.polar(a, a), (x,)))
t(lambda: gradcheck(torch.view_as_real, (z,)))
t(lambda: gradcheck(lambda a: (a.sin(), a.abs()), (z,)))
t(lambda: gradgradcheck(lambda a: a * a, (z,)))
t(lambda: gradcheck(NoConj.apply, (z,)))
t(lambda: gradcheck(lambda a: NoConj.apply(a).real, (z,)))
t(lambda: gradcheck(NoConj.apply, (z,), raise_exception=False))
""",
"torch_func_transforms_of_complex_functions": """
vjp, jacrev, jacfwd, hessian = torch.func.vjp, torch.func.jacrev, torch.func.jacfwd, torch.func.hessian
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
z = torch.tensor([1 + 2j, 0.5 - 1j])
x = torch.tensor([1.0, 2.0])
t(lambda: vjp(lambda a: a * a, z)[1](torch.ones(2, dtype=torch.complex64)))
t(lambda: vjp(lambda a: (a * a).abs(), z)[1](torch.ones(2)))
t(lambda: jacrev(lambda a: a * a)(z))
t(lambda: jacrev(lambda a: a * (1 + 1j))(x))
t(lambda: jacrev(lambda a, b: a * 2)(x, torch.zeros(1, dtype=torch.complex64)))
t(lambda: jacfwd(lambda a: a.abs())(z))
t(lambda: hessian(lambda a: a.abs().sum())(z))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_held20c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

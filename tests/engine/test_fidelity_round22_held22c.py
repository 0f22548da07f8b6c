"""Classes of difference found by the twenty-second round's held-out programs on autograd extensions and functional
autograd (held22c, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_gradient_into_an_interior_node_is_cast_to_the_dtype_it_made": """
a = torch.tensor([1.0, 2.0], requires_grad=True)
d = torch.tensor([3.0, 4.0], dtype=torch.float64)
c = torch.tensor([True, False])
ops = {"where": lambda m: torch.where(c, d, m), "addcdiv": lambda m: torch.addcdiv(d, m, d),
       "clamp": lambda m: torch.clamp(m, max=d), "ldexp": lambda m: torch.ldexp(m, d), "dist": lambda m: torch.dist(m, d),
       "rsub": lambda m: torch.rsub(m, d), "sum": lambda m: m.sum(dtype=torch.float64),
       "cumsum": lambda m: m.cumsum(0, dtype=torch.float64), "mean": lambda m: m.mean(dtype=torch.float64)}
for name, op in ops.items():
    m = a.exp()
    m.register_hook(lambda g, name=name: print(name, g.dtype, g))
    op(m).sum().backward()
    print(a.grad)
    a.grad = None
m = a * 1
g, = torch.autograd.grad(torch.where(c, d, m).sum(), m, create_graph=True)
print(g)
y = torch.where(c, a, d)
y.grad_fn.register_hook(lambda gi, go: print([None if g is None else g.dtype for g in gi], go[0].dtype))
y.sum().backward()
""",
"tensor_list_inputs_get_every_gradient_each_in_its_dtype": """
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0])
i = torch.tensor([7])
def post(gi, go):
    print([None if g is None else (g.dtype, g.tolist()) for g in gi])
for make in [lambda: torch.cat([b, a * 1, b.double()]), lambda: torch.stack([a, a.detach()], 1),
             lambda: torch.block_diag(a, b, i), lambda: torch.cat((a.to(torch.complex64), b, torch.tensor([])))]:
    y = make()
    y.grad_fn.register_hook(post)
    (y.abs() if y.is_complex() else y).sum().backward()
    print(a.grad)
    a.grad = None
m = a * 1
m.register_hook(lambda g: print("hook", g.dtype))
torch.cat([m, torch.ones(1, dtype=torch.float64)]).sum().backward()
""",
"tensors_inside_grad_vjp_and_jvp_print_as_grad_tracking_tensors": """
grad, vjp, jvp = torch.func.grad, torch.func.vjp, torch.func.jvp
w = torch.tensor([1.0, 2.0], requires_grad=True)
keep = []
def f(x, c):
    print(x, c, torch.zeros(1), w, x * w)
    keep.append(x * 3)
    return (x * c).sum()
print(grad(f)(torch.tensor([1.0, 2.0]), torch.tensor([[3.0], [4.0]])))
print(keep[-1])
def outer(t):
    g = grad(lambda u: (print(u), (u ** 3).sum())[1])(t)
    print(g)
    return g.sum()
print(grad(outer)(torch.tensor([2.0])))

class Sq(torch.autograd.Function):
    @staticmethod
    def forward(x):
        print("forward", x)
        return x * x
    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0], output)
    @staticmethod
    def backward(ctx, g):
        print("backward", *ctx.saved_tensors, g)
        return 2 * ctx.saved_tensors[0] * g
    @staticmethod
    def jvp(ctx, t):
        print("jvp", t)
        return t * 2
print(grad(lambda t: Sq.apply(t).sum())(torch.tensor([1.0, 3.0])))
out, fn = vjp(Sq.apply, torch.tensor([2.0]))
print(out, fn(torch.ones(1)))
print(jvp(lambda t: (print(t), Sq.apply(t))[1], (torch.tensor([1.0]),), (torch.tensor([1.0]),)))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round22_held22c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name], printed_only=True)  # (torch.func imports warn of torch.jit.script)

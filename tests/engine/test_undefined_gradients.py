"""Nodes no gradient reached still run, as in PyTorch's engine: hooks see None, a custom Function's backward sees
zeros (or None without materialized grads), a built-in node passes None on; grad_fn pre-hooks get a tuple, after
the tensors' hooks; gradcheck's undefined-gradient check calls backward as PyTorch's does."""
import pytest

from same_as_torch import same_as_torch

_NONE_BACKWARD = """
class G(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x + 1
    @staticmethod
    def backward(ctx, g):
        print("G backward", g)
        return None
"""

PROGRAMS = {
"custom_backward_runs_on_zeros": _NONE_BACKWARD + """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        print("F backward", g)
        return g * 2
a = torch.ones(2, requires_grad=True)
b = F.apply(a)
c = G.apply(b)
b.grad_fn.register_hook(lambda gi, go: print("post", gi, go))
b.grad_fn.register_prehook(lambda go: print("pre", go))
b.register_hook(lambda g: print("tensor hook", g))
c.sum().backward()
print(a.grad)
d = a.exp()
d.grad_fn.register_hook(lambda gi, go: print("post exp", gi, go))
G.apply(d).sum().backward()
print(a.grad)
""",
"hooks_see_none": _NONE_BACKWARD + """
a = torch.ones(2, requires_grad=True)
a.register_hook(lambda g: print("leaf hook", g))
a.register_post_accumulate_grad_hook(lambda t: print("post acc", t.grad))
b = a * 2
b.retain_grad()
b.register_hook(lambda g: print("b hook", g))
G.apply(b).sum().backward()
print(a.grad, b.grad)
b2 = a * 3
print(torch.autograd.grad(G.apply(b2).sum(), [a, b2], allow_unused=True))
x, y = a.unbind()
z = G.apply(x)
x.register_hook(lambda g: print("x hook", g))
(z + y).backward()
print(a.grad)
torch.autograd.grad(G.apply(a * 4).sum(), [a])
""",
"unmaterialized_custom_backward_gets_none": _NONE_BACKWARD + """
class M(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 1
    @staticmethod
    def backward(ctx, g):
        print("M got", g)
        return g
a = torch.ones(2, requires_grad=True)
G.apply(M.apply(a)).sum().backward()
print(a.grad)
""",
"prehooks_get_tuples_after_tensor_hooks": """
a = torch.ones(2, requires_grad=True)
b = a * 2
b.grad_fn.register_prehook(lambda go: print("pre", go))
b.register_hook(lambda g: print("tensor hook", g))
b.sum().backward()
c, d = a.unbind()
c.grad_fn.register_prehook(lambda go: print("pre2", go))
c.register_hook(lambda g: print("c hook", g))
(c * 2).backward()
e = a * 5
e.grad_fn.register_prehook(lambda go: (go[0] * 10,))
e.sum().backward()
print(a.grad)
""",
"gradcheck_calls_backward_for_undefined_grads": """
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        print("backward", g)
        return 2 * x * g
x = torch.tensor([0.5, -1.0, 2.0], dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(Square.apply, (x,)))
print(torch.autograd.gradcheck(Square.apply, (x,), check_undefined_grad=False))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_undefined_gradients_as_torch(name):
    same_as_torch(PROGRAMS[name])

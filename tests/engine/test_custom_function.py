"""torch.autograd.Function subclasses: each program prints, raises and warns in tensorsh what it does in torch."""
import pytest

from same_as_torch import same_as_torch

SQUARE = '''
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g
'''

PRELUDE = SQUARE + '''
def tryit(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Same(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x
    @staticmethod
    def backward(ctx, g): return g
x = torch.tensor([1., 2., 3.], requires_grad=True)
'''

PROGRAMS = {
    "square": '''
y = Square.apply(x)
print(y, y.grad_fn, type(y.grad_fn).__name__, y.grad_fn.name(), y.grad_fn.next_functions)
print(y.grad_fn.saved_tensors, y.grad_fn.needs_input_grad, y.grad_fn.to_save, y.grad_fn.dirty_tensors)
y.sum().backward(); print(x.grad)
tryit(lambda: y.grad_fn.saved_tensors)
''',
    "saved_input_modified": '''
class Double(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 2
a = torch.ones(2, requires_grad=True)
b = a * 1
c = Double.apply(b)
b.add_(1)
c.sum().backward()
''',
    "saved_output_modified": '''
class SaveOut(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp(); ctx.save_for_backward(y); return y
    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors; return g * y
o = SaveOut.apply(x * 1)
o.add_(1)
o.sum().backward()
''',
    "wrong_gradients": '''
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x * 2
    @staticmethod
    def backward(ctx, g): return g, g
tryit(lambda: Bad.apply(x).sum().backward())
class Bad2(Bad):
    @staticmethod
    def backward(ctx, g): return g[:2]
tryit(lambda: Bad2.apply(x).sum().backward())
class Bad3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k): return x * k
    @staticmethod
    def backward(ctx, g): return g * 2
tryit(lambda: Bad3.apply(x, 2).sum().backward())
class Bad4(Bad3):
    @staticmethod
    def backward(ctx, g): return g * 2, g
tryit(lambda: Bad4.apply(x, 2).sum().backward())
class Extra(Bad):
    @staticmethod
    def backward(ctx, g): return g, None, None
tryit(lambda: Extra.apply(x).sum().backward())
class NotTensor(Bad):
    @staticmethod
    def backward(ctx, g): return 3
tryit(lambda: NotTensor.apply(x).sum().backward())
class Cast(Bad):
    @staticmethod
    def backward(ctx, g): return g.double()
Cast.apply(x).sum().backward(); print(x.grad)
class Scalar(Bad):
    @staticmethod
    def backward(ctx, g): return g.sum()
tryit(lambda: Scalar.apply(x).sum().backward())
class Column(Bad):
    @staticmethod
    def backward(ctx, g): return g.reshape(3, 1)
tryit(lambda: Column.apply(x).sum().backward())
class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x * 2
tryit(lambda: NoBackward.apply(x).sum().backward())
class NoForward(torch.autograd.Function):
    pass
tryit(lambda: NoForward.apply(x))
tryit(lambda: Square()(x))
''',
    "mark_dirty": '''
class Dirty(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2); ctx.mark_dirty(x); return x
    @staticmethod
    def backward(ctx, g): return g * 2
a = x * 1
b = Dirty.apply(a); print(b, b is a, a.grad_fn, a._version)
b.sum().backward(); print(x.grad)
tryit(lambda: Dirty.apply(x))
class NotReturned(Dirty):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2); ctx.mark_dirty(x); return x * 1
tryit(lambda: NotReturned.apply(x * 1))
class Undeclared(Dirty):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2); return x
a = x * 1
r = Undeclared.apply(a); print(r, r._base is a, a._version, r.grad_fn)
w = x * 1
v = w[:2]
r = Dirty.apply(v); print(r, r.grad_fn, w.grad_fn, v._version, w._version)
w.sum().backward(); print(x.grad)
''',
    "views_and_inputs": '''
z = Same.apply(x); print(z, z._base is x, z._is_view(), z.data_ptr() == x.data_ptr(), z._version)
tryit(lambda: z.add_(1))
class Head(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x[:2]
    @staticmethod
    def backward(ctx, g):
        r = torch.zeros(3); r[:2] = g; return r
v = Head.apply(x); print(v, v._base is x, v._is_view())
tryit(lambda: v.add_(1))
''',
    "views_rebased_and_hooks_per_output": '''
w = torch.ones(2, requires_grad=True)
y = torch.ones(2)
z = Same.apply(y); print(z._base is y, z.requires_grad)
tryit(lambda: z.add_(w))
y2 = torch.ones(2)
z2 = Same.apply(y2)
tryit(lambda: y2.add_(w)); tryit(lambda: z2.grad_fn); print(z2)
b = w * 1
z3 = Same.apply(b)
tryit(lambda: b.add_(1)); tryit(lambda: z3.grad_fn); tryit(lambda: print(z3))
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x): return x * 2, x * 3
    @staticmethod
    def backward(ctx, g1, g2):
        print("g", g1, g2); return g1 + g2
p, q = Two.apply(w)
q.register_hook(lambda g: print("hook q", g))
p.retain_grad(); q.retain_grad()
(p * 2 + q).sum().backward(); print(w.grad, p.grad, q.grad)
p, q = Two.apply(w)
tryit(lambda: torch.autograd.grad(p.sum(), [q]))
tryit(lambda: torch.autograd.grad((p+q).sum(), [p, q]))
''',
    "several_outputs": '''
class Sort(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        v, i = x.sort()
        ctx.mark_non_differentiable(i)
        ctx.save_for_backward(i)
        print("needs", ctx.needs_input_grad)
        return v, i
    @staticmethod
    def backward(ctx, gv, gi):
        print("gi", gi)
        i, = ctx.saved_tensors
        g = torch.zeros_like(gv); g[i] = gv
        return g
v, i = Sort.apply(torch.tensor([3., 1., 2.], requires_grad=True))
print(v, i, i.requires_grad, v.grad_fn, i.grad_fn, v.output_nr, i.output_nr)
v.sum().backward()
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        return x + y, x * y
    @staticmethod
    def backward(ctx, ga, gb):
        print("ga gb", ga, gb)
        return ga, gb
class TwoNM(Two):
    @staticmethod
    def forward(ctx, x, y):
        ctx.set_materialize_grads(False)
        return x + y, x * y
y = torch.tensor([4., 5., 6.])
a, b = Two.apply(x, y); print(a, b)
a.sum().backward(); print(x.grad)
a, b = TwoNM.apply(x, y); a.sum().backward()
(a * b).sum().backward(); print(x.grad)
with torch.no_grad():
    print(Two.apply(x, y))
print(Two.apply(y, y))
''',
    "non_tensor_arguments": '''
class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k, name):
        ctx.k = k
        return x * k, name, 3
    @staticmethod
    def backward(ctx, g, g2, g3):
        print("non-tensor grads", g2, g3, ctx.k)
        return g * ctx.k, None, None
r = Scale.apply(x, 2., "s"); print(r)
r[0].sum().backward(); print(x.grad, r[0].grad_fn.k)
class SaveInt(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        return x * 2
    @staticmethod
    def backward(ctx, g): return g
tryit(lambda: SaveInt.apply(x))
class SaveNone(SaveInt):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, None)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        print(ctx.saved_tensors); return g
SaveNone.apply(x).sum().backward()
class SaveMid(SaveInt):
    @staticmethod
    def forward(ctx, x):
        m = x * 3; ctx.save_for_backward(m); return m + 1
    @staticmethod
    def backward(ctx, g):
        m, = ctx.saved_tensors; print("mid", m); return g
SaveMid.apply(x).sum().backward()
class KW(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        print("needs", ctx.needs_input_grad)
        return x + y
    @staticmethod
    def backward(ctx, g):
        return g, g
print(KW.apply(x, y=x), KW.apply(x, 1))
tryit(lambda: KW.apply(x))
''',
    "double_backward_and_once_differentiable": '''
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x); return x ** 3
    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors; return 3 * x ** 2 * g
xx = torch.tensor([2.], requires_grad=True)
gx, = torch.autograd.grad(Cube.apply(xx), xx, create_graph=True); print(gx)
gx.backward(); print(xx.grad)
class Once(Cube):
    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors; print("grad mode", torch.is_grad_enabled()); return 3 * x ** 2 * g
gx, = torch.autograd.grad(Once.apply(xx), xx, create_graph=True); print(gx, gx.grad_fn)
tryit(lambda: gx.backward())
class GradMode(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        print("fwd grad", torch.is_grad_enabled(), x.requires_grad)
        return x.clone()
    @staticmethod
    def backward(ctx, g):
        print("bwd grad", torch.is_grad_enabled(), g.requires_grad)
        return g
GradMode.apply(x).sum().backward()
class OnceSq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * x
    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, g):
        return 2 * g
y = OnceSq.apply(x)
g, = torch.autograd.grad(y, x, torch.ones(3, requires_grad=True), create_graph=True)
print(g, g.grad_fn, g.grad_fn.name(), g._version)
tryit(lambda: g.sum().backward())
''',
    "setup_context": '''
class SC(torch.autograd.Function):
    @staticmethod
    def forward(x, k):
        print("grad mode in fwd", torch.is_grad_enabled())
        return x * k
    @staticmethod
    def setup_context(ctx, inputs, output):
        x, k = inputs; ctx.k = k; ctx.save_for_backward(x)
    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, None
r = SC.apply(x, 3.); print(r); r.sum().backward(); print(x.grad)
print(SC.apply(x, k=3.))
''',
}


# PyTorch's own tutorials (extending autograd, Legendre polynomials): whole training runs, bit for bit
PROGRAMS["tutorials"] = '''
class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)
    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input
class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)
    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)
torch.manual_seed(0)
x = torch.linspace(-1, 1, 20, dtype=torch.float64)
y = torch.sin(x)
a = torch.full((), 0.0, dtype=torch.float64, requires_grad=True)
b = torch.full((), -1.0, dtype=torch.float64, requires_grad=True)
c = torch.full((), 0.0, dtype=torch.float64, requires_grad=True)
d = torch.full((), 0.3, dtype=torch.float64, requires_grad=True)
learning_rate = 5e-6
for t in range(200):
    P3 = LegendrePolynomial3.apply
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    if t % 50 == 49:
        print(t, loss.item())
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
print(f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')
inp = torch.randn(5, requires_grad=True)
out = MyReLU.apply(inp)
print(out)
out.sum().backward()
print(inp.grad)
print(torch.autograd.gradcheck(MyReLU.apply, (torch.randn(4, dtype=torch.double, requires_grad=True),)))
class MulConstant(torch.autograd.Function):
    @staticmethod
    def forward(tensor, constant):
        return tensor * constant
    @staticmethod
    def setup_context(ctx, inputs, output):
        tensor, constant = inputs
        ctx.constant = constant
    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None
z = torch.tensor([1., 2.], requires_grad=True)
MulConstant.apply(z, 5.).sum().backward(); print(z.grad)
class LinearFunction(torch.autograd.Function):
    @staticmethod
    def forward(input, weight, bias):
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output
    @staticmethod
    def setup_context(ctx, inputs, output):
        input, weight, bias = inputs
        ctx.save_for_backward(input, weight, bias)
    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias
inp = (torch.randn(20, 20, dtype=torch.double, requires_grad=True),
       torch.randn(30, 20, dtype=torch.double, requires_grad=True))
print(torch.autograd.gradcheck(LinearFunction.apply, inp + (None,), eps=1e-6, atol=1e-4))
w = torch.randn(3, 2, requires_grad=True); bb = torch.randn(3, requires_grad=True)
o = LinearFunction.apply(torch.randn(4, 2), w, bb)
print(o)
o.sum().backward(); print(w.grad, bb.grad)
'''


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])


def test_a_failed_apply_changes_nothing():
    from tensorsh.engine import undo
    from tensorsh.engine.function import Function
    from tensorsh.engine.creation import tensor

    class Dirty(Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x * 1  # not returned: PyTorch's error after the write

        @staticmethod
        def backward(ctx, g):
            return g
    a = tensor([1., 2.])
    with undo.recording() as journal:
        try:
            Dirty.apply(a)
        except Exception as e:
            error = e
    journal.rollback()
    assert "marked as dirty" in str(error)
    assert a.tolist() == [1., 2.] and a._version == 0


def test_a_custom_graph_is_freed_by_reference_counting():
    import gc
    import types
    from tensorsh.engine.torch_api import NAMESPACE
    torch = types.SimpleNamespace(**NAMESPACE)
    classes = {"torch": torch}  # (a class is a cycle of its own: made before the count starts)
    exec(SQUARE + '''
class Exp(torch.autograd.Function):  # saves its output and writes its input in place
    @staticmethod
    def forward(ctx, x):
        x.exp_()
        ctx.mark_dirty(x)
        ctx.save_for_backward(x)
        return x
    @staticmethod
    def backward(ctx, g):
        y, = ctx.saved_tensors
        return g * y
Square.apply(torch.ones(1, requires_grad=True))  # (the backward class, made once, lives with its Function)
Exp.apply(torch.ones(1, requires_grad=True) * 1)
''', classes)
    gc.collect()
    gc.disable()
    try:
        names = dict(classes)
        exec("x = torch.rand(3, requires_grad=True)\ny = Square.apply(x)\nz = Exp.apply(y * 1)\n"
             "w = Square.apply(z).sum()\nw.backward(retain_graph=True)\nv = Exp.apply(x * 2)", names)
        names.clear()
        assert gc.collect() == 0
    finally:
        gc.enable()
